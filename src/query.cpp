// Parameterised queries (D7): first column of the first row; every row is stepped.
#include "database_impl.h"
#include "errors.h"

namespace quiver {
namespace {

constexpr size_t kMaxCachedQueries = 256;

std::optional<Value> run_query(Database::Impl& impl, const std::string& sql, const std::vector<Value>& params) {
    if (impl.query_statements.size() >= kMaxCachedQueries) impl.query_statements.clear();
    auto stmt = impl.query_statements.get(sql);
    if (!stmt.valid()) return std::nullopt;  // no statement in the text
    const int expected = stmt.parameter_count();
    if (expected != static_cast<int>(params.size())) {
        detail::fail_failed("execute statement", "expected " + std::to_string(expected) +
                                                     " bound parameter(s) but got " + std::to_string(params.size()));
    }
    stmt.bind_all(params);
    std::optional<Value> first;
    while (stmt.step()) {
        for (int i = 0; i < stmt.column_count(); ++i) {
            if (stmt.column_type(i) == SQLITE_BLOB) detail::fail_failed("execute statement", "BLOB type not supported");
        }
        if (!first && stmt.column_count() > 0) first = stmt.column_value(0);
    }
    return first;
}

}  // namespace

std::optional<std::string> Database::query_string(const std::string& sql, const std::vector<Value>& params) {
    auto value = run_query(*impl_, sql, params);
    if (value && std::holds_alternative<std::string>(*value)) return std::get<std::string>(std::move(*value));
    return std::nullopt;
}

std::optional<int64_t> Database::query_integer(const std::string& sql, const std::vector<Value>& params) {
    auto value = run_query(*impl_, sql, params);
    if (value && std::holds_alternative<int64_t>(*value)) return std::get<int64_t>(*value);
    return std::nullopt;
}

std::optional<double> Database::query_float(const std::string& sql, const std::vector<Value>& params) {
    auto value = run_query(*impl_, sql, params);
    if (!value) return std::nullopt;
    if (const auto* d = std::get_if<double>(&*value)) return *d;
    if (const auto* i = std::get_if<int64_t>(&*value)) return static_cast<double>(*i);
    return std::nullopt;
}

}  // namespace quiver
