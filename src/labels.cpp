// Addressing elements: the public existence check and the label-addressed writes
// (api-additions §8, upstream PR #244): every id-addressed writer can
// address the element by its label. One resolution helper finds the id after the collection
// check; the call then runs its id form unchanged (same checks, messages and write guard).
#include "database_impl.h"
#include "errors.h"

namespace quiver {

int64_t Database::Impl::require_element_by_label(const std::string& collection, const std::string& label) {
    auto stmt = cached("SELECT id FROM " + detail::quote_identifier(collection) + " WHERE label = ?");
    stmt.bind(1, Value(label));  // trimmed, like every bound string
    if (!stmt.step()) detail::fail_not_found("Element", "label '" + label + "' in collection '" + collection + "'");
    return stmt.column_int(0);
}

void Database::require_element(const std::string& collection, int64_t id) const {
    impl_->require_collection("require_element", collection);
    impl_->require_element(collection, id);
}

namespace {

int64_t element_id(Database::Impl& impl, const char* op, const std::string& collection, const std::string& label) {
    impl.require_collection(op, collection);
    return impl.require_element_by_label(collection, label);
}

}  // namespace

void Database::update_element(const std::string& collection, const std::string& label, const Element& element) {
    update_element(collection, element_id(*impl_, "update_element", collection, label), element);
}

void Database::delete_element(const std::string& collection, const std::string& label) {
    delete_element(collection, element_id(*impl_, "delete_element", collection, label));
}

void Database::update_vector_group(const std::string& collection, const std::string& group, const std::string& label,
                                   const std::vector<std::map<std::string, Value>>& rows) {
    update_vector_group(collection, group, element_id(*impl_, "update_vector_group", collection, label), rows);
}

void Database::update_set_group(const std::string& collection, const std::string& group, const std::string& label,
                                const std::vector<std::map<std::string, Value>>& rows) {
    update_set_group(collection, group, element_id(*impl_, "update_set_group", collection, label), rows);
}

void Database::update_time_series_group(const std::string& collection, const std::string& group,
                                        const std::string& label,
                                        const std::vector<std::map<std::string, Value>>& rows) {
    update_time_series_group(collection, group, element_id(*impl_, "update_time_series_group", collection, label),
                             rows);
}

void Database::upsert_time_series_row(const std::string& collection, const std::string& group,
                                      const std::string& label, const std::map<std::string, Value>& row) {
    upsert_time_series_row(collection, group, element_id(*impl_, "upsert_time_series_row", collection, label), row);
}

}  // namespace quiver
