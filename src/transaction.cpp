// User transactions and the atomic write guard every public write runs under (D3).
#include "database_impl.h"
#include "errors.h"

namespace quiver {
namespace detail {
namespace {

// The one path for transaction control statements: "Failed to <op>: <sqlite message>".
// Prepared once and reused: the write guard runs two of these around every write.
void run_control(Database::Impl& impl, const char* sql, std::string_view op) {
    auto stmt = impl.cached(sql);
    if (sqlite3_step(stmt.raw()) != SQLITE_DONE) fail_failed(op, sqlite3_errmsg(impl.db()));
}

}  // namespace

WriteGuard::WriteGuard(Database::Impl& impl) : impl_(impl), savepoint_(false) {
    impl_.hold_dry_run();
    savepoint_ = impl_.in_transaction();
    run_control(impl_, savepoint_ ? "SAVEPOINT quiver_write" : "BEGIN", "begin transaction");
}

void WriteGuard::commit() {
    run_control(impl_, savepoint_ ? "RELEASE SAVEPOINT quiver_write" : "COMMIT", "commit transaction");
    done_ = true;
}

WriteGuard::~WriteGuard() {
    if (done_) return;
    const char* sql = savepoint_ ? "ROLLBACK TO SAVEPOINT quiver_write; RELEASE SAVEPOINT quiver_write"
                                 : "ROLLBACK";
    // Never masks the original error: a failing rollback is only logged.
    if (sqlite3_exec(impl_.db(), sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        impl_.logger->error("Failed to rollback transaction: {}", sqlite3_errmsg(impl_.db()));
    }
}

}  // namespace detail

// Inside a dry run (D16) the user's transaction is the savepoint quiver_user, so that it
// behaves exactly as outside (a rollback is partial) and everything still ends with the dry
// run's own rollback.
void Database::begin_transaction() {
    if (impl_->dry_run) {
        if (impl_->dry_run_user_transaction) detail::fail_cannot("begin_transaction", "transaction already active");
        impl_->hold_dry_run();
        detail::run_control(*impl_, "SAVEPOINT quiver_user", "begin transaction");
        impl_->dry_run_user_transaction = true;
        return;
    }
    if (impl_->in_transaction()) detail::fail_cannot("begin_transaction", "transaction already active");
    detail::run_control(*impl_, "BEGIN", "begin transaction");
}

void Database::commit() {
    if (impl_->dry_run) {
        if (!impl_->dry_run_user_transaction) detail::fail_cannot("commit", "no active transaction");
        detail::run_control(*impl_, "RELEASE SAVEPOINT quiver_user", "commit transaction");
        impl_->dry_run_user_transaction = false;
        return;
    }
    if (!impl_->in_transaction()) detail::fail_cannot("commit", "no active transaction");
    detail::run_control(*impl_, "COMMIT", "commit transaction");
}

void Database::rollback() {
    if (impl_->dry_run) {
        if (!impl_->dry_run_user_transaction) detail::fail_cannot("rollback", "no active transaction");
        detail::run_control(*impl_, "ROLLBACK TO SAVEPOINT quiver_user", "rollback transaction");
        detail::run_control(*impl_, "RELEASE SAVEPOINT quiver_user", "rollback transaction");
        impl_->dry_run_user_transaction = false;
        return;
    }
    if (!impl_->in_transaction()) detail::fail_cannot("rollback", "no active transaction");
    detail::run_control(*impl_, "ROLLBACK", "rollback transaction");
}

bool Database::in_transaction() const {
    if (impl_->dry_run) return impl_->dry_run_user_transaction;
    return impl_->in_transaction();
}

}  // namespace quiver
