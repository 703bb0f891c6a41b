// Dry runs (D16): everything between begin_dry_run and end_dry_run is rolled back.
//
// The dry run is one outer transaction that is invisible to the code it wraps: a user
// transaction inside it is a savepoint (transaction.cpp), the write guard uses savepoints as
// in any transaction, and the only ways SQL could end the outer transaction early are closed:
// transaction control statements sent through query_*/query are refused, and if SQLite itself
// rolls the transaction back (ON CONFLICT ROLLBACK, RAISE(ROLLBACK)) it is begun again before
// the next statement, so nothing ever runs in autocommit mode until end_dry_run.
#include "database_impl.h"
#include "errors.h"

#include <cctype>

namespace quiver {
namespace {

int64_t schema_version(Database::Impl& impl) {
    auto stmt = impl.cached("PRAGMA schema_version");
    stmt.step();
    return stmt.column_int(0);
}

// Skips whitespace, comments and empty statements (';') from position i.
size_t skip_blank(std::string_view sql, size_t i) {
    while (i < sql.size()) {
        const char c = sql[i];
        if (std::isspace(static_cast<unsigned char>(c)) || c == ';') {
            ++i;
        } else if (sql.compare(i, 2, "--") == 0) {
            const size_t end = sql.find('\n', i);
            i = end == std::string_view::npos ? sql.size() : end + 1;
        } else if (sql.compare(i, 2, "/*") == 0) {
            const size_t end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 2;
        } else {
            break;
        }
    }
    return i;
}

// The keyword (identifier characters) at position i, upper-cased; advances i past it.
std::string next_word(std::string_view sql, size_t& i) {
    i = skip_blank(sql, i);
    std::string word;
    while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_')) {
        word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i]))));
        ++i;
    }
    return word;
}

// BEGIN, COMMIT, END and ROLLBACK [TRANSACTION] without TO end or start the outer transaction;
// SAVEPOINT, RELEASE and ROLLBACK TO only work inside it.
bool is_transaction_control(std::string_view sql) {
    size_t i = 0;
    const std::string first = next_word(sql, i);
    if (first == "BEGIN" || first == "COMMIT" || first == "END") return true;
    if (first != "ROLLBACK") return false;
    std::string second = next_word(sql, i);
    if (second == "TRANSACTION") second = next_word(sql, i);
    return second != "TO";
}

}  // namespace

void Database::Impl::hold_dry_run() {
    if (!dry_run || in_transaction()) return;
    logger->warn("The dry run's transaction was rolled back by SQLite; beginning it again");
    detail::exec_sql(db(), "BEGIN");
    dry_run_user_transaction = false;
}

void Database::Impl::check_dry_run_sql(std::string_view op, sqlite3_stmt* stmt) const {
    if (!dry_run || stmt == nullptr) return;
    const char* text = sqlite3_sql(stmt);
    if (text != nullptr && is_transaction_control(text)) {
        detail::fail_cannot(op, "transaction control statements are not allowed during a dry run");
    }
}

void Database::begin_dry_run() {
    if (impl_->dry_run) detail::fail_cannot("begin_dry_run", "dry run already active");
    if (impl_->in_transaction()) detail::fail_cannot("begin_dry_run", "transaction already active");
    const int64_t version = schema_version(*impl_);
    auto begin = impl_->cached("BEGIN");
    if (sqlite3_step(begin.raw()) != SQLITE_DONE) detail::fail_failed("begin transaction", sqlite3_errmsg(impl_->db()));
    impl_->dry_run = true;
    impl_->dry_run_user_transaction = false;
    impl_->dry_run_schema_version = version;
    impl_->logger->debug("Dry run begun");
}

void Database::end_dry_run() {
    if (!impl_->dry_run) detail::fail_cannot("end_dry_run", "no active dry run");
    // A schema change made inside the dry run is about to vanish: the cached schema must not keep it.
    const bool schema_changed = schema_version(*impl_) != impl_->dry_run_schema_version;
    // Undoes the nested user transaction too. An error of ROLLBACK itself (e.g. "no transaction
    // is active" after SQLite rolled back on its own) does not matter; the state afterwards does.
    sqlite3_exec(impl_->db(), "ROLLBACK", nullptr, nullptr, nullptr);
    if (impl_->in_transaction()) detail::fail_failed("end_dry_run", "rollback left the transaction open");
    impl_->dry_run = false;
    impl_->dry_run_user_transaction = false;
    if (schema_changed) impl_->schema.reset();
    impl_->logger->debug("Dry run ended");
}

bool Database::in_dry_run() const {
    return impl_->dry_run;
}

}  // namespace quiver
