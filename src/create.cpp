// create_element: one INSERT into the collection, then the routed group rows.
#include "database_impl.h"
#include "errors.h"
#include "write_plan.h"

namespace quiver {

int64_t Database::create_element(const std::string& collection, const Element& element) {
    constexpr const char* op = "create_element";
    const auto& schema = impl_->require_schema(op);
    const auto& table = impl_->require_collection(op, collection);
    if (!element.has_scalars()) detail::fail_cannot(op, "element must have at least one scalar attribute");
    const auto plan = detail::plan_element_write(*impl_, schema, detail::WriteKind::Create, table, element);

    std::string sql = "INSERT INTO " + detail::quote_identifier(collection) + " (";
    std::string placeholders;
    for (size_t i = 0; i < plan.scalars.size(); ++i) {
        if (i) {
            sql += ", ";
            placeholders += ", ";
        }
        sql += detail::quote_identifier(plan.scalars[i].first);
        placeholders += "?";
    }
    sql += ") VALUES (" + placeholders + ")";

    detail::WriteGuard guard(*impl_);
    auto insert = impl_->cached(sql);
    for (size_t i = 0; i < plan.scalars.size(); ++i) insert.bind(static_cast<int>(i + 1), plan.scalars[i].second);
    insert.run();
    const int64_t id = sqlite3_last_insert_rowid(impl_->db());
    for (const auto& group : plan.groups) detail::insert_group_rows(*impl_, id, group);
    guard.commit();

    impl_->logger->debug("Created element {} in {}", id, collection);
    return id;
}

}  // namespace quiver
