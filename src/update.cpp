// update_element: scalars in one UPDATE; every touched group replaced wholesale, unless that
// would silently discard stored values of columns the caller did not give (D21).
#include "database_impl.h"
#include "errors.h"
#include "write_plan.h"

#include <algorithm>

namespace quiver {
namespace {

struct GroupWords {
    const char* kind;    // "vector", "set", "time series" (the message)
    const char* infix;   // "_vector_", "_set_", "_time_series_" (the table name)
    const char* writer;  // the call that writes one named group
};

GroupWords words(GroupTableType type) {
    switch (type) {
    case GroupTableType::Vector: return {"vector", "_vector_", "update_vector_group"};
    case GroupTableType::Set: return {"set", "_set_", "update_set_group"};
    case GroupTableType::TimeSeries: break;
    }
    return {"time series", "_time_series_", "update_time_series_group"};
}

// D21 (api-additions 10.2): a group rewrite replaces every row of the element, so a column the
// call does not give would become NULL. Refused when any of those columns holds a value for
// this element; a partial write that discards nothing proceeds.
void check_nothing_discarded(Database::Impl& impl, const std::string& collection, int64_t id,
                             const detail::GroupWrite& group) {
    std::vector<std::string> omitted;  // alphabetical: columns is a sorted map
    for (const auto& [name, column] : group.table->columns) {
        if (name == "id" || (group.type == GroupTableType::Vector && name == "vector_index")) continue;
        if (std::find(group.columns.begin(), group.columns.end(), name) == group.columns.end()) {
            omitted.push_back(name);
        }
    }
    if (omitted.empty()) return;

    std::string sql = "SELECT ";
    for (size_t i = 0; i < omitted.size(); ++i) {
        sql += (i ? ", count(" : "count(") + detail::quote_identifier(omitted[i]) + ")";
    }
    sql += " FROM " + detail::quote_identifier(group.table->name) + " WHERE id = ?";
    auto stmt = impl.cached(sql);
    stmt.bind(1, id);
    stmt.step();
    std::string holding;
    for (size_t i = 0; i < omitted.size(); ++i) {
        if (stmt.column_int(static_cast<int>(i)) == 0) continue;
        holding += (holding.empty() ? "" : ", ") + omitted[i];
    }
    if (holding.empty()) return;

    const auto w = words(group.type);
    const std::string group_name = group.table->name.substr(collection.size() + std::char_traits<char>::length(w.infix));
    detail::fail_cannot("update_element", "column(s) " + holding + " of " + w.kind + " group '" + group_name +
                                              "' in collection '" + collection + "' hold values for element " +
                                              std::to_string(id) + " but were not given; give every column or use " +
                                              w.writer);
}

}  // namespace

void Database::update_element(const std::string& collection, int64_t id, const Element& element) {
    constexpr const char* op = "update_element";
    const auto& schema = impl_->require_schema(op);
    const auto& table = impl_->require_collection(op, collection);
    if (!element.has_scalars() && !element.has_arrays()) {
        detail::fail_cannot(op, "element must have at least one attribute to update");
    }
    impl_->require_element(collection, id);
    const auto plan = detail::plan_element_write(*impl_, schema, detail::WriteKind::Update, table, element);
    for (const auto& group : plan.groups) check_nothing_discarded(*impl_, collection, id, group);

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
