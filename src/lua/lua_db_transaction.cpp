// Transactions: begin_transaction, commit, rollback, in_transaction and transaction(fn);
// dry runs: begin_dry_run, end_dry_run, in_dry_run and dry_run(fn) (D16).
#include "lua/lua_convert.h"

namespace quiver::lua {
namespace {

int begin_transaction(lua_State* L) {
    Call call(L, "begin_transaction");
    call.db().begin_transaction();
    return 0;
}

int commit(lua_State* L) {
    Call call(L, "commit");
    call.db().commit();
    return 0;
}

int rollback(lua_State* L) {
    Call call(L, "rollback");
    call.db().rollback();
    return 0;
}

int in_transaction(lua_State* L) {
    Call call(L, "in_transaction");
    const bool active = call.db().in_transaction();
    lua_pushboolean(L, active ? 1 : 0);
    return 1;
}

void rollback_ignoring_errors(Database& db) {
    try {
        db.rollback();
    } catch (...) {
        // The original error is what the caller must see.
    }
}

// db:transaction(fn): begin_transaction() (so blocks cannot nest), fn(db) in protected mode;
// on error roll back (ignoring rollback errors) and re-raise the same error value; otherwise
// commit and return fn's first result (or nil).
int transaction(lua_State* L) {
    Call call(L, "transaction");
    call.function_arg(2, "fn");
    Database& db = call.db();
    db.begin_transaction();

    lua_settop(L, 2);
    lua_pushvalue(L, 2);  // fn
    lua_pushvalue(L, 1);  // db
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        rollback_ignoring_errors(db);
        return kRaiseTop;  // the error value is on top of the stack
    }
    try {
        db.commit();
    } catch (...) {
        // A failed COMMIT can leave the transaction open: do not leak it past the block.
        if (db.in_transaction()) {
            rollback_ignoring_errors(db);
        }
        throw;
    }
    return 1;
}

int begin_dry_run(lua_State* L) {
    Call call(L, "begin_dry_run");
    call.db().begin_dry_run();
    return 0;
}

int end_dry_run(lua_State* L) {
    Call call(L, "end_dry_run");
    call.db().end_dry_run();
    return 0;
}

int in_dry_run(lua_State* L) {
    Call call(L, "in_dry_run");
    const bool active = call.db().in_dry_run();
    lua_pushboolean(L, active ? 1 : 0);
    return 1;
}

// db:dry_run(fn): begin_dry_run(), fn(db) in protected mode, end_dry_run() in every case (its
// own errors ignored when fn failed, whose error is re-raised unchanged); returns fn's first
// result (or nil).
int dry_run(lua_State* L) {
    Call call(L, "dry_run");
    call.function_arg(2, "fn");
    Database& db = call.db();
    db.begin_dry_run();

    lua_settop(L, 2);
    lua_pushvalue(L, 2);  // fn
    lua_pushvalue(L, 1);  // db
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        try {
            db.end_dry_run();
        } catch (...) {
            // The original error is what the caller must see.
        }
        return kRaiseTop;
    }
    db.end_dry_run();
    return 1;
}

}  // namespace

void register_transaction_methods(lua_State* L, int table) {
    set_method(L, table, "begin_transaction", protect<begin_transaction>);
    set_method(L, table, "commit", protect<commit>);
    set_method(L, table, "rollback", protect<rollback>);
    set_method(L, table, "in_transaction", protect<in_transaction>);
    set_method(L, table, "transaction", protect<transaction>);
    set_method(L, table, "begin_dry_run", protect<begin_dry_run>);
    set_method(L, table, "end_dry_run", protect<end_dry_run>);
    set_method(L, table, "in_dry_run", protect<in_dry_run>);
    set_method(L, table, "dry_run", protect<dry_run>);
}

}  // namespace quiver::lua
