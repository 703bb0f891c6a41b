// Explicit transactions and db:transaction(fn): commit, rollback, re-raise.
#include "lua_test_support.h"

namespace quiver::test {
namespace {

using LuaTransactionTest = LuaTest;

TEST_F(LuaTransactionTest, ExplicitCommitAndRollback) {
    ok(R"(
        assert(db:in_transaction() == false)
        db:begin_transaction()
        assert(db:in_transaction() == true)
        db:create_element('Item', {label = 'kept'})
        db:commit()
        assert(db:in_transaction() == false)
        db:begin_transaction()
        db:create_element('Item', {label = 'dropped'})
        db:rollback()
        expect_eq(db:read_scalar_strings('Item', 'label'), {'kept'})
    )");
    EXPECT_EQ(error_of("db:commit()"), "Lua error: Cannot commit: no active transaction");
    EXPECT_EQ(error_of("db:rollback()"), "Lua error: Cannot rollback: no active transaction");
    EXPECT_EQ(error_of("db:begin_transaction(); db:begin_transaction()"),
              "Lua error: Cannot begin_transaction: transaction already active");
    EXPECT_TRUE(db().in_transaction());  // the first begin is still open
    db().rollback();
}

TEST_F(LuaTransactionTest, FailedWriteInsideTransactionKeepsItOpen) {
    ok(R"(
        db:begin_transaction()
        db:create_element('Item', {label = 'a'})
        local ok = pcall(db.create_element, db, 'Item', {label = 'a'})  -- duplicate label
        assert(not ok)
        assert(db:in_transaction())
        db:create_element('Item', {label = 'b'})
        db:commit()
        expect_eq(db:read_scalar_strings('Item', 'label'), {'a', 'b'})
    )");
}

TEST_F(LuaTransactionTest, TransactionCommitsAndReturnsFirstResult) {
    ok(R"(
        local seen
        local result = db:transaction(function(d)
            seen = d
            assert(d:in_transaction())
            d:create_element('Item', {label = 'x'})
            d:create_element('Item', {label = 'y'})
            return 'done', 'ignored'
        end)
        assert(seen == db)
        expect_eq(result, 'done')
        assert(select('#', db:transaction(function() return 1, 2 end)) == 1)
        assert(db:in_transaction() == false)
        expect_eq(db:read_scalar_strings('Item', 'label'), {'x', 'y'})
        assert(db:transaction(function() end) == nil)
    )");
    EXPECT_EQ(db().read_element_ids("Item").size(), 2u);
}

TEST_F(LuaTransactionTest, TransactionRollsBackAndReraisesTheSameMessage) {
    ok(R"(
        local ok, err = pcall(db.transaction, db, function(d)
            d:create_element('Item', {label = 'x'})
            error('boom', 0)
        end)
        assert(not ok)
        expect_eq(err, 'boom')
        assert(db:in_transaction() == false)
        expect_eq(db:read_element_ids('Item'), {})

        -- a library error inside the block is re-raised verbatim
        expect_error('Cannot create_element: collection not found: Nope', db.transaction, db,
                     function(d)
                         d:create_element('Item', {label = 'y'})
                         d:create_element('Nope', {label = 'z'})
                     end)
        expect_eq(db:read_element_ids('Item'), {})

        -- non-string error values are re-raised unchanged
        local token = {}
        local ok2, err2 = pcall(db.transaction, db, function() error(token) end)
        assert(not ok2 and err2 == token)
        assert(db:in_transaction() == false)
    )");
    // Uncaught, the runner reports the message of the inner error.
    EXPECT_EQ(error_of("db:transaction(function() error('inner', 0) end)"), "Lua error: inner");
    EXPECT_FALSE(db().in_transaction());
    const auto msg = error_of("db:transaction(function() local t = nil; return t.x end)");
    EXPECT_NE(msg.find("attempt to index a nil value"), std::string::npos) << msg;
    EXPECT_FALSE(db().in_transaction());
}

TEST_F(LuaTransactionTest, TransactionsCannotNest) {
    ok(R"(
        expect_error('Cannot begin_transaction: transaction already active', db.transaction, db,
                     function(d)
                         d:create_element('Item', {label = 'outer'})
                         d:transaction(function() end)
                     end)
        assert(db:in_transaction() == false)
        expect_eq(db:read_element_ids('Item'), {})

        db:begin_transaction()
        expect_error('Cannot begin_transaction: transaction already active', db.transaction, db,
                     function() end)
        assert(db:in_transaction())  -- the user's transaction is untouched
        db:rollback()
    )");
}

TEST_F(LuaTransactionTest, BlockThatEndsTheTransactionItself) {
    ok(R"(
        expect_error('Cannot commit: no active transaction', db.transaction, db, function(d)
            d:create_element('Item', {label = 'x'})
            d:commit()
        end)
        assert(db:in_transaction() == false)
        expect_eq(db:read_scalar_strings('Item', 'label'), {'x'})  -- committed by the block
        -- rolling back inside a failing block: the second rollback error is ignored
        expect_error('after rollback', db.transaction, db, function(d)
            d:rollback()
            error('after rollback', 0)
        end)
    )");
}

TEST_F(LuaTransactionTest, YieldInsideTransactionIsAnErrorAndRollsBack) {
    ok(R"(
        local co = coroutine.create(function()
            db:transaction(function(d)
                d:create_element('Item', {label = 'x'})
                coroutine.yield()
            end)
        end)
        local ok, err = coroutine.resume(co)
        assert(not ok)
        assert(err:find('yield across'), err)
        assert(db:in_transaction() == false)
        expect_eq(db:read_element_ids('Item'), {})
    )");
}

}  // namespace
}  // namespace quiver::test
