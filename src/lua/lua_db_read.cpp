// Bulk reads (read_element_ids, number_of_elements, read_scalar_*, read_vector_*, read_set_*)
// and the composite by-id reads (read_scalars_by_id, read_vectors_by_id, read_sets_by_id, read_element_by_id).
#include "errors.h"
#include "lua/lua_convert.h"

namespace quiver::lua {
namespace {

template <typename T>
using ScalarsReader = std::vector<std::optional<T>> (Database::*)(const std::string&,
                                                                  const std::string&);
template <typename T>
using ListsReader = std::vector<std::vector<T>> (Database::*)(const std::string&,
                                                              const std::string&);

template <typename T>
int read_scalars(lua_State* L, const char* method, ScalarsReader<T> reader) {
    Call call(L, method);
    const auto collection = call.string_arg(2, "collection");
    const auto attribute = call.string_arg(3, "attribute");
    const auto values = (call.db().*reader)(collection, attribute);
    push_optional_list<T>(L, values);
    return 1;
}

template <typename T>
int read_lists(lua_State* L, const char* method, ListsReader<T> reader) {
    Call call(L, method);
    const auto collection = call.string_arg(2, "collection");
    const auto attribute = call.string_arg(3, "attribute");
    const auto values = (call.db().*reader)(collection, attribute);
    push_list_of_lists<T>(L, values);
    return 1;
}

int read_element_ids(lua_State* L) {
    Call call(L, "read_element_ids");
    const auto collection = call.string_arg(2, "collection");
    const auto ids = call.db().read_element_ids(collection);
    push_list<int64_t>(L, ids);
    return 1;
}

int read_scalar_integers(lua_State* L) {
    return read_scalars<int64_t>(L, "read_scalar_integers", &Database::read_scalar_integers);
}
int read_scalar_floats(lua_State* L) {
    return read_scalars<double>(L, "read_scalar_floats", &Database::read_scalar_floats);
}
int read_scalar_strings(lua_State* L) {
    return read_scalars<std::string>(L, "read_scalar_strings", &Database::read_scalar_strings);
}
int read_vector_integers(lua_State* L) {
    return read_lists<int64_t>(L, "read_vector_integers", &Database::read_vector_integers);
}
int read_vector_floats(lua_State* L) {
    return read_lists<double>(L, "read_vector_floats", &Database::read_vector_floats);
}
int read_vector_strings(lua_State* L) {
    return read_lists<std::string>(L, "read_vector_strings", &Database::read_vector_strings);
}
int read_set_integers(lua_State* L) {
    return read_lists<int64_t>(L, "read_set_integers", &Database::read_set_integers);
}
int read_set_floats(lua_State* L) {
    return read_lists<double>(L, "read_set_floats", &Database::read_set_floats);
}
int read_set_strings(lua_State* L) {
    return read_lists<std::string>(L, "read_set_strings", &Database::read_set_strings);
}

int number_of_elements(lua_State* L) {
    Call call(L, "number_of_elements");
    const auto collection = call.string_arg(2, "collection");
    lua_pushinteger(L, static_cast<lua_Integer>(call.db().number_of_elements(collection)));
    return 1;
}

// --- composite by-id reads -------------------------------------------------------------------
//
// Built here, as upstream does, from the metadata, the typed scalar readers and the whole-group
// readers: a NULL cell inside a vector or set is a nil hole in its list (D20), never an error
// or a shifted value. The collection is checked by list_scalar_attributes (whose message the
// composites have always carried) and a missing element is an error (D24).

// The collection's scalar attributes, after checking that element `id` exists.
std::vector<ScalarMetadata> require_element(Database& db, const std::string& collection, int64_t id) {
    auto attributes = db.list_scalar_attributes(collection);
    if (!db.read_scalar_integer_by_id(collection, "id", id)) {
        detail::fail_not_found("Element", std::to_string(id) + " in collection '" + collection + "'");
    }
    return attributes;
}

// t[col] = value for every scalar column (NULL leaves it absent).
void fill_scalars(lua_State* L, int table, Database& db, const std::string& collection,
                  const std::vector<ScalarMetadata>& attributes, int64_t id) {
    for (const auto& md : attributes) {
        switch (md.data_type) {
        case DataType::Integer:
            push_optional<int64_t>(L, db.read_scalar_integer_by_id(collection, md.name, id));
            break;
        case DataType::Real:
            push_optional<double>(L, db.read_scalar_float_by_id(collection, md.name, id));
            break;
        case DataType::Text:
        case DataType::DateTime:
            push_optional<std::string>(L, db.read_scalar_string_by_id(collection, md.name, id));
            break;
        }
        lua_setfield(L, table, md.name.c_str());
    }
}

enum class GroupKind { Vector, Set };

// t[value_col] = {v1, v2, ...} (nil holes for NULL cells) for every value column of every
// vector (or set) group, one group reader call per group.
void fill_groups(lua_State* L, int table, Database& db, const std::string& collection,
                 int64_t id, GroupKind kind) {
    const bool vector = kind == GroupKind::Vector;
    const auto groups = vector ? db.list_vector_groups(collection) : db.list_set_groups(collection);
    for (const auto& group : groups) {
        const auto rows = vector ? db.read_vector_group_by_id(collection, group.group_name, id)
                                 : db.read_set_group_by_id(collection, group.group_name, id);
        for (const auto& column : group.value_columns) {
            lua_createtable(L, static_cast<int>(rows.size()), 0);
            lua_Integer i = 1;
            for (const auto& row : rows) {
                const auto cell = row.find(column.name);
                if (cell != row.end() && !std::holds_alternative<std::nullptr_t>(cell->second)) {
                    push_value(L, cell->second);
                    lua_rawseti(L, -2, i);
                }
                ++i;
            }
            lua_setfield(L, table, column.name.c_str());
        }
    }
}

int read_scalars_by_id(lua_State* L) {
    Call call(L, "read_scalars_by_id");
    const auto collection = call.string_arg(2, "collection");
    const auto id = call.integer_arg(3, "id");
    const auto attributes = require_element(call.db(), collection, id);
    lua_newtable(L);
    fill_scalars(L, lua_gettop(L), call.db(), collection, attributes, id);
    return 1;
}

int read_vectors_by_id(lua_State* L) {
    Call call(L, "read_vectors_by_id");
    const auto collection = call.string_arg(2, "collection");
    const auto id = call.integer_arg(3, "id");
    require_element(call.db(), collection, id);
    lua_newtable(L);
    fill_groups(L, lua_gettop(L), call.db(), collection, id, GroupKind::Vector);
    return 1;
}

int read_sets_by_id(lua_State* L) {
    Call call(L, "read_sets_by_id");
    const auto collection = call.string_arg(2, "collection");
    const auto id = call.integer_arg(3, "id");
    require_element(call.db(), collection, id);
    lua_newtable(L);
    fill_groups(L, lua_gettop(L), call.db(), collection, id, GroupKind::Set);
    return 1;
}

// Scalars, then vectors, then sets merged into one table (later keys win).
int read_element_by_id(lua_State* L) {
    Call call(L, "read_element_by_id");
    const auto collection = call.string_arg(2, "collection");
    const auto id = call.integer_arg(3, "id");
    const auto attributes = require_element(call.db(), collection, id);
    lua_newtable(L);
    const int table = lua_gettop(L);
    fill_scalars(L, table, call.db(), collection, attributes, id);
    fill_groups(L, table, call.db(), collection, id, GroupKind::Vector);
    fill_groups(L, table, call.db(), collection, id, GroupKind::Set);
    return 1;
}

}  // namespace

void register_read_methods(lua_State* L, int table) {
    set_method(L, table, "read_element_ids", protect<read_element_ids>);
    set_method(L, table, "number_of_elements", protect<number_of_elements>);
    set_method(L, table, "read_scalar_integers", protect<read_scalar_integers>);
    set_method(L, table, "read_scalar_floats", protect<read_scalar_floats>);
    set_method(L, table, "read_scalar_strings", protect<read_scalar_strings>);
    set_method(L, table, "read_vector_integers", protect<read_vector_integers>);
    set_method(L, table, "read_vector_floats", protect<read_vector_floats>);
    set_method(L, table, "read_vector_strings", protect<read_vector_strings>);
    set_method(L, table, "read_set_integers", protect<read_set_integers>);
    set_method(L, table, "read_set_floats", protect<read_set_floats>);
    set_method(L, table, "read_set_strings", protect<read_set_strings>);
    set_method(L, table, "read_scalars_by_id", protect<read_scalars_by_id>);
    set_method(L, table, "read_vectors_by_id", protect<read_vectors_by_id>);
    set_method(L, table, "read_sets_by_id", protect<read_sets_by_id>);
    set_method(L, table, "read_element_by_id", protect<read_element_by_id>);
}

}  // namespace quiver::lua
