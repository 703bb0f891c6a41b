// update_element: scalars in one UPDATE; every touched group replaced wholesale.
#include "database_impl.h"
#include "errors.h"
#include "write_plan.h"

namespace quiver {

void Database::update_element(const std::string& collection, int64_t id, const Element& element) {
    constexpr const char* op = "update_element";
    const auto& schema = impl_->require_schema(op);
    const auto& table = impl_->require_collection(op, collection);
    if (!element.has_scalars() && !element.has_arrays()) {
        detail::fail_cannot(op, "element must have at least one attribute to update");
    }
    impl_->require_element(collection, id);
    const auto plan = detail::plan_element_write(*impl_, schema, detail::WriteKind::Update, table, element);

    detail::WriteGuard guard(*impl_);
    if (!plan.scalars.empty()) {
        std::string sql = "UPDATE " + detail::quote_identifier(collection) + " SET ";
        for (size_t i = 0; i < plan.scalars.size(); ++i) {
            if (i) sql += ", ";
            sql += detail::quote_identifier(plan.scalars[i].first) + " = ?";
        }
        sql += " WHERE id = ?";
        auto update = impl_->cached(sql);
        for (size_t i = 0; i < plan.scalars.size(); ++i) update.bind(static_cast<int>(i + 1), plan.scalars[i].second);
        update.bind(static_cast<int>(plan.scalars.size() + 1), id);
        update.run();
    }
    for (const auto& group : plan.groups) {
        auto clear = impl_->cached("DELETE FROM " + detail::quote_identifier(group.table->name) + " WHERE id = ?");
        clear.bind(1, id);
        clear.run();
        detail::insert_group_rows(*impl_, id, group);
    }
    guard.commit();

    impl_->logger->debug("Updated element {} in {}", id, collection);
}

}  // namespace quiver
