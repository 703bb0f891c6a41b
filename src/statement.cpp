#include "statement.h"

#include "errors.h"

namespace quiver::detail {

std::string_view trim(std::string_view s) {
    constexpr std::string_view ws = " \t\r\n";
    const auto first = s.find_first_not_of(ws);
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(ws);
    return s.substr(first, last - first + 1);
}

std::string quote_identifier(std::string_view name) {
    std::string out;
    out.reserve(name.size() + 2);
    out.push_back('"');
    for (char c : name) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

InsertSql::InsertSql(std::string_view table) : sql_("INSERT INTO " + quote_identifier(table) + " (") {}

InsertSql& InsertSql::column(std::string_view name) {
    if (columns_++) sql_ += ", ";
    sql_ += quote_identifier(name);
    return *this;
}

std::string InsertSql::str() const {
    std::string out = sql_ + ") VALUES (";
    for (size_t i = 0; i < columns_; ++i) out += i ? ", ?" : "?";
    return out + ")";
}

Statement::~Statement() {
    if (!stmt_) return;
    if (owned_) {
        sqlite3_finalize(stmt_);
    } else {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

void Statement::bind(int index, int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
}

void Statement::bind(int index, const Value& value) {
    bind_value(index, value, SQLITE_TRANSIENT);
}

void Statement::bind_borrowed(int index, const Value& value) {
    bind_value(index, value, SQLITE_STATIC);
}

void Statement::bind_value(int index, const Value& value, sqlite3_destructor_type text_lifetime) {
    int rc = SQLITE_OK;
    switch (value.index()) {
    case 0: rc = sqlite3_bind_null(stmt_, index); break;
    case 1: rc = sqlite3_bind_int64(stmt_, index, std::get<int64_t>(value)); break;
    case 2: rc = sqlite3_bind_double(stmt_, index, std::get<double>(value)); break;
    case 3: {
        const auto text = trim(std::get<std::string>(value));
        // A whitespace-only string is "" (never NULL): an empty view may have a null data().
        rc = sqlite3_bind_text(stmt_, index, text.empty() ? "" : text.data(),
                               static_cast<int>(text.size()), text_lifetime);
        break;
    }
    }
    if (rc != SQLITE_OK) fail_failed("execute statement", sqlite3_errmsg(db_));
}

void Statement::bind_all(const std::vector<Value>& values) {
    for (size_t i = 0; i < values.size(); ++i) bind(static_cast<int>(i + 1), values[i]);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Capture the message before reset: sqlite3_reset may overwrite it.
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    fail_failed("execute statement", msg);
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
}

std::string Statement::column_text(int i) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
    if (!text) return {};
    return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, i)));
}

std::string Statement::column_name(int i) const {
    const char* name = sqlite3_column_name(stmt_, i);
    return name ? name : "";
}

Value Statement::column_value(int i) const {
    switch (column_type(i)) {
    case SQLITE_INTEGER: return column_int(i);
    case SQLITE_FLOAT: return column_double(i);
    case SQLITE_TEXT: return column_text(i);
    case SQLITE_NULL: return nullptr;
    default: fail_failed("execute statement", "BLOB type not supported");
    }
}

Statement StatementCache::get(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                               SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
            sqlite3_finalize(stmt);
            fail_failed("prepare statement", sqlite3_errmsg(db_));
        }
        it = statements_.emplace(sql, StatementHandle(stmt)).first;
    }
    return Statement(db_, it->second.get(), false);
}

Statement prepare_statement(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
        sqlite3_finalize(stmt);
        fail_failed("prepare statement", sqlite3_errmsg(db));
    }
    return Statement(db, stmt, true);
}

void exec_sql(sqlite3* db, const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(db);
        sqlite3_free(err);
        fail_failed("execute SQL", msg);
    }
}

}  // namespace quiver::detail
