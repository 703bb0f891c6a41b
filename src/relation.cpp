// update_relation (api-additions §8.1, upstream PR #245): sets or clears one scalar foreign key
// of an element, the column being named by convention <lowercase collection_to>_<relation_type>
// (("Child", "Parent", "id") -> parent_id). The target is always given by its label.
#include "database_impl.h"
#include "errors.h"
#include "write_plan.h"

namespace quiver {
namespace {

constexpr const char* kOp = "update_relation";

std::string ascii_lower(std::string text) {
    for (auto& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

// The relation column of `table`, checked to be a foreign key to collection_to.
const ForeignKey& relation_key(const TableDefinition& table, const std::string& collection_to,
                               const std::string& relation_type) {
    const auto column = ascii_lower(collection_to) + "_" + relation_type;
    const auto where = "relation column '" + column + "' in collection '" + table.name + "'";
    if (!table.has_column(column)) {
        detail::fail_cannot(kOp, "relation column '" + column + "' not found in collection '" + table.name + "'");
    }
    const auto* fk = table.get_foreign_key(column);
    if (!fk) detail::fail_cannot(kOp, where + " is not a foreign key");
    // SQLite table names are case-insensitive, so is the comparison with the declared target.
    if (ascii_lower(fk->to_table) != ascii_lower(collection_to)) {
        detail::fail_cannot(kOp, where + " is a foreign key to collection '" + fk->to_table + "', not to '" +
                                     collection_to + "'");
    }
    return *fk;
}

// After the checks it is a one-scalar update_element holding the target's id (or NULL).
void set_relation(Database& db, Database::Impl& impl, const std::string& collection, const ForeignKey& fk,
                  int64_t id, const std::optional<std::string>& target_label) {
    impl.require_element(collection, id);
    const auto& table = *impl.schema->get_table(collection);
    Value target = nullptr;
    if (target_label) target = detail::resolve_value(impl, kOp, table, fk.from_column, Value(*target_label));
    db.update_element(collection, id, Element().set_value(fk.from_column, std::move(target)));
}

}  // namespace

void Database::update_relation(const std::string& collection_from, const std::string& collection_to,
                               const std::string& relation_type, int64_t id,
                               const std::optional<std::string>& target_label) {
    const auto& table = impl_->require_collection(kOp, collection_from);
    const auto& fk = relation_key(table, collection_to, relation_type);
    set_relation(*this, *impl_, collection_from, fk, id, target_label);
}

void Database::update_relation(const std::string& collection_from, const std::string& collection_to,
                               const std::string& relation_type, const std::string& label,
                               const std::optional<std::string>& target_label) {
    const auto& table = impl_->require_collection(kOp, collection_from);
    const int64_t id = impl_->require_element_by_label(collection_from, label);
    const auto& fk = relation_key(table, collection_to, relation_type);
    set_relation(*this, *impl_, collection_from, fk, id, target_label);
}

}  // namespace quiver
