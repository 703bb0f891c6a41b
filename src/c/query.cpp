// Queries with and without typed parameters (semantics 6, 12.2); the row-returning query (D25),
// whose result accessors live in result.cpp. The columnar query_columns lives in columns.cpp.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;
using quiver_c::to_params;

std::vector<quiver::Value> quiver_c::to_params(const char* op, const int* param_types, const void* const* param_values,
                                               size_t param_count) {
    std::vector<quiver::Value> params;
    if (param_count == 0) return params;
    if (param_types == nullptr || param_values == nullptr) {
        quiver_c::fail(op, "Null param_types or param_values with non-zero param_count");
    }
    params.reserve(param_count);
    for (size_t i = 0; i < param_count; ++i) {
        const void* value = param_values[i];
        const std::string at_index = " at index " + std::to_string(i);
        switch (param_types[i]) {
        case QUIVER_DATA_TYPE_INTEGER:
            if (value == nullptr) quiver_c::fail(op, "Null value pointer in parameter" + at_index);
            params.emplace_back(*static_cast<const int64_t*>(value));
            break;
        case QUIVER_DATA_TYPE_FLOAT:
            if (value == nullptr) quiver_c::fail(op, "Null value pointer in parameter" + at_index);
            params.emplace_back(*static_cast<const double*>(value));
            break;
        case QUIVER_DATA_TYPE_STRING:
            if (value == nullptr) quiver_c::fail(op, "Null string pointer in parameter" + at_index);
            params.emplace_back(std::string(static_cast<const char*>(value)));
            break;
        case QUIVER_DATA_TYPE_NULL:
            params.emplace_back(nullptr);
            break;
        default:  // DATE_TIME (3) and anything else
            quiver_c::fail(op, "Unknown parameter type: " + std::to_string(param_types[i]) + at_index);
        }
    }
    return params;
}

namespace {

// Shared body of all six query functions; query is a pointer to the Database member to call.
template <typename Result, typename Out>
quiver_error_t run_query(const char* op, Result (quiver::Database::*query)(const std::string&,
                                                                           const std::vector<quiver::Value>&),
                         quiver_database_t* db, const char* sql, const int* param_types,
                         const void* const* param_values, size_t param_count, Out* out_value, int* out_has_value) {
    return guard([&] {
        require({{db, "db"}, {sql, "sql"}, {out_value, "out_value"}, {out_has_value, "out_has_value"}});
        const auto params = to_params(op, param_types, param_values, param_count);
        quiver_c::publish_optional((db->db.*query)(sql, params), out_value, out_has_value);
    });
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_query_string(quiver_database_t* db, const char* sql, char** out_value,
                                                         int* out_has_value) {
    return run_query("query_string", &quiver::Database::query_string, db, sql, nullptr, nullptr, 0, out_value,
                     out_has_value);
}

QUIVER_C_API quiver_error_t quiver_database_query_integer(quiver_database_t* db, const char* sql,
                                                          int64_t* out_value, int* out_has_value) {
    return run_query("query_integer", &quiver::Database::query_integer, db, sql, nullptr, nullptr, 0, out_value,
                     out_has_value);
}

QUIVER_C_API quiver_error_t quiver_database_query_float(quiver_database_t* db, const char* sql, double* out_value,
                                                        int* out_has_value) {
    return run_query("query_float", &quiver::Database::query_float, db, sql, nullptr, nullptr, 0, out_value,
                     out_has_value);
}

QUIVER_C_API quiver_error_t quiver_database_query_string_params(quiver_database_t* db, const char* sql,
                                                                const int* param_types,
                                                                const void* const* param_values,
                                                                size_t param_count, char** out_value,
                                                                int* out_has_value) {
    return run_query("query_string", &quiver::Database::query_string, db, sql, param_types, param_values,
                     param_count, out_value, out_has_value);
}

QUIVER_C_API quiver_error_t quiver_database_query_integer_params(quiver_database_t* db, const char* sql,
                                                                 const int* param_types,
                                                                 const void* const* param_values,
                                                                 size_t param_count, int64_t* out_value,
                                                                 int* out_has_value) {
    return run_query("query_integer", &quiver::Database::query_integer, db, sql, param_types, param_values,
                     param_count, out_value, out_has_value);
}

QUIVER_C_API quiver_error_t quiver_database_query_float_params(quiver_database_t* db, const char* sql,
                                                               const int* param_types,
                                                               const void* const* param_values,
                                                               size_t param_count, double* out_value,
                                                               int* out_has_value) {
    return run_query("query_float", &quiver::Database::query_float, db, sql, param_types, param_values,
                     param_count, out_value, out_has_value);
}

QUIVER_C_API quiver_error_t quiver_database_query(quiver_database_t* db, const char* sql, const int* param_types,
                                                  const void* const* param_values, size_t param_count,
                                                  quiver_result_t** out_result) {
    return guard([&] {
        require({{db, "db"}, {sql, "sql"}, {out_result, "out_result"}});
        const auto params = to_params("query", param_types, param_values, param_count);
        auto result = std::make_unique<quiver_result>(quiver_result{db->db.query(sql, params)});
        *out_result = result.release();
    });
}

}  // extern "C"
