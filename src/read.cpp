// Typed reads. Scalars: a value only when its storage class matches the requested type, with
// one widening: a float reader returns an INTEGER value as a double (api-additions 11); NULL
// and any other class give an empty optional (D4). Bulk reads give one entry per element in
// rowid order (D5). Vector and set readers never drop or shift a cell (D20): a NULL or a value
// they cannot return fails the call, naming the element and the position.
#include "database_impl.h"
#include "errors.h"

#include <type_traits>

namespace quiver {
namespace {

using detail::quote_identifier;
using detail::Statement;

template <typename T>
std::optional<T> column_as(const Statement& stmt, int i);

template <>
std::optional<int64_t> column_as<int64_t>(const Statement& stmt, int i) {
    if (stmt.column_type(i) != SQLITE_INTEGER) return std::nullopt;
    return stmt.column_int(i);
}

template <>
std::optional<double> column_as<double>(const Statement& stmt, int i) {
    const int type = stmt.column_type(i);
    if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) return std::nullopt;
    return stmt.column_double(i);  // SQLite converts an INTEGER exactly as a C cast would
}

template <>
std::optional<std::string> column_as<std::string>(const Statement& stmt, int i) {
    if (stmt.column_type(i) != SQLITE_TEXT) return std::nullopt;
    return stmt.column_text(i);
}

// The storage class a typed list reader returns, as named in the D20 message.
template <typename T>
constexpr const char* expected_class() {
    if constexpr (std::is_same_v<T, int64_t>) return "INTEGER";
    else if constexpr (std::is_same_v<T, double>) return "REAL";
    else return "TEXT";
}

const char* storage_class_name(int type) {
    switch (type) {
    case SQLITE_INTEGER: return "INTEGER";
    case SQLITE_FLOAT: return "REAL";
    case SQLITE_TEXT: return "TEXT";
    default: return "BLOB";
    }
}

template <typename T>
std::vector<std::optional<T>> read_scalars(Database::Impl& impl, const char* op, const std::string& collection,
                                           const std::string& attribute) {
    const auto& table = impl.require_collection(op, collection);
    Database::Impl::require_column(op, table, attribute);
    auto stmt = impl.cached("SELECT " + quote_identifier(attribute) + " FROM " + quote_identifier(collection) +
                            " ORDER BY rowid");
    std::vector<std::optional<T>> out;
    while (stmt.step()) out.push_back(column_as<T>(stmt, 0));
    return out;
}

template <typename T>
std::optional<T> read_scalar_by_id(Database::Impl& impl, const char* op, const std::string& collection,
                                   const std::string& attribute, int64_t id) {
    const auto& table = impl.require_collection(op, collection);
    Database::Impl::require_column(op, table, attribute);
    auto stmt = impl.cached("SELECT " + quote_identifier(attribute) + " FROM " + quote_identifier(collection) +
                            " WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step()) return std::nullopt;
    return column_as<T>(stmt, 0);
}

enum class ListKind { Vector, Set };

// The group table holding attribute, checked to contain it.
const TableDefinition& list_table(Database::Impl& impl, const char* op, ListKind kind,
                                  const std::string& collection, const std::string& attribute) {
    impl.require_collection(op, collection);
    const auto& schema = *impl.schema;
    const auto name = kind == ListKind::Vector ? schema.find_vector_table(collection, attribute)
                                               : schema.find_set_table(collection, attribute);
    const auto& table = *schema.get_table(name);
    Database::Impl::require_column(op, table, attribute);
    return table;
}

// One cell of a vector or set list (D20), in column `value_column`. Anything the reader cannot
// return fails the call; `vector_index` is asked for only then (the failure path), so the
// readers' queries carry no column the happy path does not need:
//   "Cannot <op>: element <id> has a NULL at vector_index <k> in '<a>'; use read_vector_group_by_id ..."
//   "Cannot <op>: element <id> has a <CLASS> value in set '<a>', expected <CLASS>"
template <typename T, typename VectorIndex>
T list_cell(const Statement& stmt, int value_column, const char* op, ListKind kind, int64_t id,
            const std::string& attribute, const VectorIndex& vector_index) {
    if (auto value = column_as<T>(stmt, value_column)) return std::move(*value);
    const bool vector = kind == ListKind::Vector;
    std::string where = vector ? "at vector_index " + std::to_string(vector_index()) + " in " : std::string("in set ");
    where += detail::quoted(attribute);
    const std::string element = "element " + std::to_string(id) + " has a ";
    if (stmt.is_null(value_column)) {
        detail::fail_cannot(op, element + "NULL " + where + "; use " +
                                    (vector ? "read_vector_group_by_id" : "read_set_group_by_id") +
                                    " to read NULL cells");
    }
    detail::fail_cannot(op, element + storage_class_name(stmt.column_type(value_column)) + " value " + where +
                                ", expected " + expected_class<T>());
}

// The vector_index of an element's `position`-th row (0-based, in vector_index order): only for
// the message of a failing cell, so the readers' queries need not carry the column.
int64_t vector_index_at(Database::Impl& impl, const std::string& table, int64_t id, size_t position) {
    auto stmt = impl.cached("SELECT vector_index FROM " + quote_identifier(table) +
                            " WHERE id = ? ORDER BY vector_index LIMIT 1 OFFSET ?");
    stmt.bind(1, id);
    stmt.bind(2, static_cast<int64_t>(position));
    return stmt.step() ? stmt.column_int(0) : 0;
}

template <typename T>
std::vector<std::vector<T>> read_lists(Database::Impl& impl, const char* op, ListKind kind,
                                       const std::string& collection, const std::string& attribute) {
    const auto& table = list_table(impl, op, kind, collection, attribute);
    const bool vector = kind == ListKind::Vector;
    // One pass: every element appears (LEFT JOIN; g.id is NULL only for an element without
    // rows), its rows consecutive and in list order, so the first failing cell is that of the
    // lowest element id, then the lowest vector_index.
    auto stmt = impl.cached("SELECT c.id, g.id, g." + quote_identifier(attribute) + " FROM " +
                            quote_identifier(collection) + " AS c LEFT JOIN " + quote_identifier(table.name) +
                            " AS g ON g.id = c.id ORDER BY c.rowid" + (vector ? ", g.vector_index" : ""));
    std::vector<std::vector<T>> out;
    int64_t current = 0;
    while (stmt.step()) {
        const int64_t id = stmt.column_int(0);
        if (out.empty() || id != current) {
            out.emplace_back();
            current = id;
        }
        if (stmt.is_null(1)) continue;  // no rows for this element
        auto& list = out.back();
        list.push_back(list_cell<T>(stmt, 2, op, kind, id, attribute,
                                    [&] { return vector_index_at(impl, table.name, id, list.size()); }));
    }
    return out;
}

template <typename T>
std::vector<T> read_list_by_id(Database::Impl& impl, const char* op, ListKind kind, const std::string& collection,
                               const std::string& attribute, int64_t id) {
    const auto& table = list_table(impl, op, kind, collection, attribute);
    const bool vector = kind == ListKind::Vector;
    auto stmt = impl.cached("SELECT " + quote_identifier(attribute) + " FROM " + quote_identifier(table.name) +
                            " WHERE id = ?" + (vector ? " ORDER BY vector_index" : ""));
    stmt.bind(1, id);
    std::vector<T> out;
    while (stmt.step()) {
        out.push_back(list_cell<T>(stmt, 0, op, kind, id, attribute,
                                   [&] { return vector_index_at(impl, table.name, id, out.size()); }));
    }
    return out;
}

}  // namespace

std::vector<std::optional<int64_t>> Database::read_scalar_integers(const std::string& collection,
                                                                   const std::string& attribute) {
    return read_scalars<int64_t>(*impl_, "read_scalar_integers", collection, attribute);
}

std::vector<std::optional<double>> Database::read_scalar_floats(const std::string& collection,
                                                                const std::string& attribute) {
    return read_scalars<double>(*impl_, "read_scalar_floats", collection, attribute);
}

std::vector<std::optional<std::string>> Database::read_scalar_strings(const std::string& collection,
                                                                      const std::string& attribute) {
    return read_scalars<std::string>(*impl_, "read_scalar_strings", collection, attribute);
}

std::vector<std::vector<int64_t>> Database::read_vector_integers(const std::string& collection,
                                                                 const std::string& attribute) {
    return read_lists<int64_t>(*impl_, "read_vector_integers", ListKind::Vector, collection, attribute);
}

std::vector<std::vector<double>> Database::read_vector_floats(const std::string& collection,
                                                              const std::string& attribute) {
    return read_lists<double>(*impl_, "read_vector_floats", ListKind::Vector, collection, attribute);
}

std::vector<std::vector<std::string>> Database::read_vector_strings(const std::string& collection,
                                                                    const std::string& attribute) {
    return read_lists<std::string>(*impl_, "read_vector_strings", ListKind::Vector, collection, attribute);
}

std::vector<std::vector<int64_t>> Database::read_set_integers(const std::string& collection,
                                                              const std::string& attribute) {
    return read_lists<int64_t>(*impl_, "read_set_integers", ListKind::Set, collection, attribute);
}

std::vector<std::vector<double>> Database::read_set_floats(const std::string& collection,
                                                           const std::string& attribute) {
    return read_lists<double>(*impl_, "read_set_floats", ListKind::Set, collection, attribute);
}

std::vector<std::vector<std::string>> Database::read_set_strings(const std::string& collection,
                                                                 const std::string& attribute) {
    return read_lists<std::string>(*impl_, "read_set_strings", ListKind::Set, collection, attribute);
}

std::vector<int64_t> Database::read_element_ids(const std::string& collection) {
    impl_->require_collection("read_element_ids", collection);
    auto stmt = impl_->cached("SELECT id FROM " + quote_identifier(collection) + " ORDER BY rowid");
    std::vector<int64_t> ids;
    while (stmt.step()) ids.push_back(stmt.column_int(0));
    return ids;
}

// Never cached: the count is read from the table on every call.
int64_t Database::number_of_elements(const std::string& collection) const {
    impl_->require_collection("number_of_elements", collection);
    auto stmt = impl_->cached("SELECT COUNT(*) FROM " + quote_identifier(collection));
    stmt.step();
    return stmt.column_int(0);
}

std::optional<int64_t> Database::read_scalar_integer_by_id(const std::string& collection,
                                                           const std::string& attribute, int64_t id) {
    return read_scalar_by_id<int64_t>(*impl_, "read_scalar_integer_by_id", collection, attribute, id);
}

std::optional<double> Database::read_scalar_float_by_id(const std::string& collection,
                                                        const std::string& attribute, int64_t id) {
    return read_scalar_by_id<double>(*impl_, "read_scalar_float_by_id", collection, attribute, id);
}

std::optional<std::string> Database::read_scalar_string_by_id(const std::string& collection,
                                                              const std::string& attribute, int64_t id) {
    return read_scalar_by_id<std::string>(*impl_, "read_scalar_string_by_id", collection, attribute, id);
}

std::vector<int64_t> Database::read_vector_integers_by_id(const std::string& collection,
                                                          const std::string& attribute, int64_t id) {
    return read_list_by_id<int64_t>(*impl_, "read_vector_integers_by_id", ListKind::Vector, collection, attribute, id);
}

std::vector<double> Database::read_vector_floats_by_id(const std::string& collection,
                                                       const std::string& attribute, int64_t id) {
    return read_list_by_id<double>(*impl_, "read_vector_floats_by_id", ListKind::Vector, collection, attribute, id);
}

std::vector<std::string> Database::read_vector_strings_by_id(const std::string& collection,
                                                             const std::string& attribute, int64_t id) {
    return read_list_by_id<std::string>(*impl_, "read_vector_strings_by_id", ListKind::Vector, collection,
                                        attribute, id);
}

std::vector<int64_t> Database::read_set_integers_by_id(const std::string& collection,
                                                       const std::string& attribute, int64_t id) {
    return read_list_by_id<int64_t>(*impl_, "read_set_integers_by_id", ListKind::Set, collection, attribute, id);
}

std::vector<double> Database::read_set_floats_by_id(const std::string& collection,
                                                    const std::string& attribute, int64_t id) {
    return read_list_by_id<double>(*impl_, "read_set_floats_by_id", ListKind::Set, collection, attribute, id);
}

std::vector<std::string> Database::read_set_strings_by_id(const std::string& collection,
                                                          const std::string& attribute, int64_t id) {
    return read_list_by_id<std::string>(*impl_, "read_set_strings_by_id", ListKind::Set, collection, attribute,
                                        id);
}

}  // namespace quiver
