// Parameterised queries (D7): query_* give the first column of the first row, query every row (D25),
// query_columns every row as typed columns (query_columns.h).
#include "quiver/type_validator.h"

#include "database_impl.h"
#include "errors.h"
#include "query_columns.h"

#include <cmath>

namespace quiver {
namespace {

constexpr size_t kMaxCachedQueries = 256;

// Parameters go through the same content checks as element values: a NaN would bind as NULL,
// and a string that is not valid UTF-8 (or holds a NUL byte) would not round-trip.
// "Cannot <op>: NaN is not allowed for parameter <i>" / "... invalid UTF-8 in parameter <i>" (0-based).
void validate_params(const char* op, const std::vector<Value>& params) {
    for (size_t i = 0; i < params.size(); ++i) {
        const auto& value = params[i];
        if (const auto* d = std::get_if<double>(&value)) {
            if (std::isnan(*d)) {
                TypeValidator::validate_value(op, "parameter " + std::to_string(i), DataType::Real, value);
            }
        } else if (std::holds_alternative<std::string>(value)) {
            TypeValidator::validate_value(op, "parameter " + std::to_string(i), DataType::Text, value);
        }
    }
}

// The one query path: prepares (cached) the first statement of sql, checks the parameter count
// (D7) and the values, refuses transaction control during a dry run (D16), binds, then steps
// every row, failing on a BLOB. on_start(stmt) sees the prepared statement (column names) before
// the first step; on_row(stmt) sees each row. False when the text holds no statement.
template <typename OnStart, typename OnRow>
bool run_statement(Database::Impl& impl, const char* op, const std::string& sql, const std::vector<Value>& params,
                   OnStart&& on_start, OnRow&& on_row) {
    if (impl.query_statements.size() >= kMaxCachedQueries) impl.query_statements.clear();
    auto stmt = impl.query_statements.get(sql);
    if (!stmt.valid()) return false;  // no statement in the text
    const int expected = stmt.parameter_count();
    if (expected != static_cast<int>(params.size())) {
        detail::fail_failed("execute statement", "expected " + std::to_string(expected) +
                                                     " bound parameter(s) but got " + std::to_string(params.size()));
    }
    validate_params(op, params);
    impl.check_dry_run_sql(op, stmt.raw());
    impl.hold_dry_run();
    stmt.bind_all(params);
    on_start(stmt);
    while (stmt.step()) {
        for (int i = 0; i < stmt.column_count(); ++i) {
            if (stmt.column_type(i) == SQLITE_BLOB) detail::fail_failed("execute statement", "BLOB type not supported");
        }
        on_row(stmt);
    }
    return true;
}

// query_*: the first column of the first row; every row is still stepped.
std::optional<Value> run_query(Database::Impl& impl, const char* op, const std::string& sql,
                               const std::vector<Value>& params) {
    std::optional<Value> first;
    run_statement(
        impl, op, sql, params, [](const detail::Statement&) {},
        [&](const detail::Statement& stmt) {
            if (!first && stmt.column_count() > 0) first = stmt.column_value(0);
        });
    return first;
}

}  // namespace

std::optional<std::string> Database::query_string(const std::string& sql, const std::vector<Value>& params) {
    auto value = run_query(*impl_, "query_string", sql, params);
    if (value && std::holds_alternative<std::string>(*value)) return std::get<std::string>(std::move(*value));
    return std::nullopt;
}

std::optional<int64_t> Database::query_integer(const std::string& sql, const std::vector<Value>& params) {
    auto value = run_query(*impl_, "query_integer", sql, params);
    if (value && std::holds_alternative<int64_t>(*value)) return std::get<int64_t>(*value);
    return std::nullopt;
}

Result Database::query(const std::string& sql, const std::vector<Value>& params) {
    std::vector<std::string> columns;
    std::vector<Row> rows;
    run_statement(
        *impl_, "query", sql, params,
        [&](const detail::Statement& stmt) {
            columns.reserve(static_cast<size_t>(stmt.column_count()));
            for (int i = 0; i < stmt.column_count(); ++i) columns.push_back(stmt.column_name(i));
        },
        [&](const detail::Statement& stmt) {
            std::vector<Value> values;
            values.reserve(columns.size());
            for (int i = 0; i < stmt.column_count(); ++i) values.push_back(stmt.column_value(i));
            rows.emplace_back(std::move(values));
        });
    return Result(std::move(columns), std::move(rows));
}

Columns Database::query_columns(const std::string& sql, const std::vector<Value>& params) {
    detail::QueryColumnsBuilder builder;
    run_statement(
        *impl_, "query_columns", sql, params, [&](const detail::Statement& stmt) { builder.start(stmt); },
        [&](const detail::Statement& stmt) { builder.add_row(stmt); });
    return builder.finish();
}

std::optional<double> Database::query_float(const std::string& sql, const std::vector<Value>& params) {
    auto value = run_query(*impl_, "query_float", sql, params);
    if (!value) return std::nullopt;
    if (const auto* d = std::get_if<double>(&*value)) return *d;
    if (const auto* i = std::get_if<int64_t>(&*value)) return static_cast<double>(*i);
    return std::nullopt;
}

}  // namespace quiver
