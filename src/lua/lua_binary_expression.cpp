// Lua: expressions over binary files (binary.md §7) — quiver.expression, quiver.abs/sqrt/log/exp,
// quiver.ifelse, quiver.gt/lt/gte/lte/eq/neq, the e:save / e:metadata / e:aggregate /
// e:aggregate_agents / e:select_agents / e:rename_agents methods, and the operators
// + - * / unary - & | ~ on expressions and binary files (numbers allowed on either side).
// Comparisons are functions because Lua's comparison metamethods must return booleans.
#include "lua/lua_binary.h"
#include "lua/lua_convert.h"
#include "lua/lua_sandbox.h"

#include <algorithm>
#include <map>

namespace quiver::lua {

std::optional<Expression> expression_operand(lua_State* L, int idx) {
    if (const Expression* e = to_expression(L, idx)) return *e;
    if (const BinaryFile* f = to_binary_file(L, idx)) return Expression(*f);
    return std::nullopt;
}

namespace {

using BinaryOp = ExpressionBinary::Operation;
using UnaryOp = ExpressionUnary::Operation;

Expression scalar_like(double value, const Expression& other) {
    return Expression(std::make_shared<ExpressionScalar>(value, other.metadata()));
}

// An expression, binary file or number at idx next to an expression operand.
Expression operand_or_scalar(const Args& args, int idx, const std::optional<Expression>& other) {
    lua_State* L = args.state();
    if (auto e = expression_operand(L, idx)) return *e;
    if (lua_type(L, idx) == LUA_TNUMBER && other) return scalar_like(static_cast<double>(lua_tonumber(L, idx)), *other);
    args.fail(std::string("operands must be expressions, binary files or numbers, got ") + type_name(L, 1) + " and " +
              type_name(L, 2));
}

int binary(lua_State* L, BinaryOp op) {
    const Args args(L, "apply");
    const auto lhs_expr = expression_operand(L, 1);
    const auto rhs_expr = expression_operand(L, 2);
    const auto& anchor = lhs_expr ? lhs_expr : rhs_expr;
    const Expression lhs = operand_or_scalar(args, 1, anchor);
    const Expression rhs = operand_or_scalar(args, 2, anchor);
    push_expression(L, Expression(std::make_shared<ExpressionBinary>(op, lhs.node(), rhs.node())));
    return 1;
}

int unary(lua_State* L, UnaryOp op, const char* name) {
    const Args args(L, name);
    const auto operand = expression_operand(L, 1);
    if (!operand) {
        args.fail(std::string("argument 'x' must be an expression or a binary file, got ") + type_name(L, 1));
    }
    push_expression(L, Expression(std::make_shared<ExpressionUnary>(op, operand->node())));
    return 1;
}

int add(lua_State* L) { return binary(L, BinaryOp::Add); }
int sub(lua_State* L) { return binary(L, BinaryOp::Subtract); }
int mul(lua_State* L) { return binary(L, BinaryOp::Multiply); }
int div(lua_State* L) { return binary(L, BinaryOp::Divide); }
int band(lua_State* L) { return binary(L, BinaryOp::And); }
int bor(lua_State* L) { return binary(L, BinaryOp::Or); }
int gt(lua_State* L) { return binary(L, BinaryOp::Gt); }
int lt(lua_State* L) { return binary(L, BinaryOp::Lt); }
int gte(lua_State* L) { return binary(L, BinaryOp::Gte); }
int lte(lua_State* L) { return binary(L, BinaryOp::Lte); }
int eq(lua_State* L) { return binary(L, BinaryOp::Eq); }
int neq(lua_State* L) { return binary(L, BinaryOp::Neq); }
int unm(lua_State* L) { return unary(L, UnaryOp::Negate, "apply"); }
int bnot(lua_State* L) { return unary(L, UnaryOp::Not, "apply"); }
int abs_fn(lua_State* L) { return unary(L, UnaryOp::Abs, "abs"); }
int sqrt_fn(lua_State* L) { return unary(L, UnaryOp::Sqrt, "sqrt"); }
int log_fn(lua_State* L) { return unary(L, UnaryOp::Log, "log"); }
int exp_fn(lua_State* L) { return unary(L, UnaryOp::Exp, "exp"); }

int expression(lua_State* L) {
    auto e = expression_operand(L, 1);
    if (!e) throw std::runtime_error("Cannot build expression: operand must be an expression or a binary file");
    push_expression(L, *e);
    return 1;
}

// quiver.ifelse(c, t, e): numbers allowed for the branches (B17).
int ifelse_fn(lua_State* L) {
    const Args args(L, "ifelse");
    const auto condition = expression_operand(L, 1);
    if (!condition) {
        args.fail(std::string("argument 'condition' must be an expression or a binary file, got ") + type_name(L, 1));
    }
    const auto branch = [&](int idx, const char* name) -> std::optional<Expression> {
        if (auto e = expression_operand(L, idx)) return e;
        if (lua_type(L, idx) != LUA_TNUMBER) {
            args.fail(std::string("argument '") + name + "' must be an expression, a binary file or a number, got " +
                      type_name(L, idx));
        }
        return std::nullopt;
    };
    const auto then_value = branch(2, "then_value");
    const auto else_value = branch(3, "else_value");
    const double then_number = then_value ? 0.0 : static_cast<double>(lua_tonumber(L, 2));
    const double else_number = else_value ? 0.0 : static_cast<double>(lua_tonumber(L, 3));
    if (then_value && else_value) {
        push_expression(L, ifelse(*condition, *then_value, *else_value));
    } else if (then_value) {
        push_expression(L, ifelse(*condition, *then_value, else_number));
    } else if (else_value) {
        push_expression(L, ifelse(*condition, then_number, *else_value));
    } else {
        push_expression(L, ifelse(*condition, then_number, else_number));
    }
    return 1;
}

int save(lua_State* L) {
    const Args args(L, "save");
    const Expression& self = expression_self(args);
    const std::string path = args.string_arg(2, "path");
    self.save(sandbox_path("save", script_database(L).path(), path));
    return 0;
}

int metadata(lua_State* L) {
    push_metadata(L, expression_self(Args(L, "metadata")).metadata());
    return 1;
}

template <typename Op>
Op to_operation(const Args& args, const std::string& name) {
    static const std::map<std::string, int> kOps = {{"sum", 0}, {"mean", 1}, {"min", 2}, {"max", 3}, {"percentile", 4}};
    const auto it = kOps.find(name);
    if (it == kOps.end()) args.fail("unknown operation '" + name + "'");
    return static_cast<Op>(it->second);
}

int aggregate(lua_State* L) {
    const Args args(L, "aggregate");
    const Expression& self = expression_self(args);
    const std::string dimension = args.string_arg(2, "dimension");
    const auto op = to_operation<ExpressionAggregate::Operation>(args, args.string_arg(3, "op"));
    push_expression(L, self.aggregate(dimension, op, args.optional_number_arg(4, "parameter")));
    return 1;
}

int aggregate_agents(lua_State* L) {
    const Args args(L, "aggregate_agents");
    const Expression& self = expression_self(args);
    const auto op = to_operation<ExpressionAggregateAgents::Operation>(args, args.string_arg(2, "op"));
    push_expression(L, self.aggregate_agents(op, args.optional_number_arg(3, "parameter")));
    return 1;
}

int select_agents(lua_State* L) {
    const Args args(L, "select_agents");
    const Expression& self = expression_self(args);
    args.table_arg(2, "labels");
    std::vector<std::string> labels;
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, 2));
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, 2, i);
        if (lua_type(L, -1) != LUA_TSTRING) {
            const std::string type = type_name(L, -1);
            lua_pop(L, 1);
            args.fail("label " + std::to_string(i) + " must be a string, got " + type);
        }
        labels.push_back(to_std_string(L, -1));
        lua_pop(L, 1);
    }
    push_expression(L, self.select_agents(labels));
    return 1;
}

// {old = new, ...}, applied in sorted key order (Lua tables have none of their own).
int rename_agents(lua_State* L) {
    const Args args(L, "rename_agents");
    const Expression& self = expression_self(args);
    args.table_arg(2, "mapping");
    std::vector<std::pair<std::string, std::string>> mapping;
    lua_pushnil(L);
    while (lua_next(L, 2) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING) {
            args.fail(std::string("mapping entries must map strings to strings, got ") + type_name(L, -2) + " = " +
                      type_name(L, -1));
        }
        mapping.emplace_back(to_std_string(L, -2), to_std_string(L, -1));
        lua_pop(L, 1);
    }
    std::sort(mapping.begin(), mapping.end());
    push_expression(L, self.rename_agents(mapping));
    return 1;
}

void set_operators(lua_State* L, int mt) {
    const std::pair<const char*, lua_CFunction> operators[] = {
        {"__add", protect<add>}, {"__sub", protect<sub>},  {"__mul", protect<mul>},  {"__div", protect<div>},
        {"__unm", protect<unm>}, {"__band", protect<band>}, {"__bor", protect<bor>}, {"__bnot", protect<bnot>}};
    for (const auto& [name, fn] : operators) {
        lua_pushcfunction(L, fn);
        lua_setfield(L, mt, name);
    }
}

}  // namespace

void register_expression(lua_State* L, int quiver, Database* db) {
    const std::pair<const char*, lua_CFunction> functions[] = {
        {"expression", protect<expression>}, {"abs", protect<abs_fn>}, {"sqrt", protect<sqrt_fn>},
        {"log", protect<log_fn>},             {"exp", protect<exp_fn>}, {"ifelse", protect<ifelse_fn>},
        {"gt", protect<gt>},                  {"lt", protect<lt>},      {"gte", protect<gte>},
        {"lte", protect<lte>},                {"eq", protect<eq>},      {"neq", protect<neq>}};
    for (const auto& [name, fn] : functions) set_method(L, quiver, name, fn);

    luaL_newmetatable(L, kExpressionMetatable);
    const int mt = lua_gettop(L);
    lua_newtable(L);
    const int methods = lua_gettop(L);
    lua_pushlightuserdata(L, db);
    lua_pushcclosure(L, protect<save>, 1);
    lua_setfield(L, methods, "save");
    set_method(L, methods, "metadata", protect<metadata>);
    set_method(L, methods, "aggregate", protect<aggregate>);
    set_method(L, methods, "aggregate_agents", protect<aggregate_agents>);
    set_method(L, methods, "select_agents", protect<select_agents>);
    set_method(L, methods, "rename_agents", protect<rename_agents>);
    lua_setfield(L, mt, "__index");
    lua_pushcfunction(L, destroy_userdata<Expression>);
    lua_setfield(L, mt, "__gc");
    set_operators(L, mt);
    lua_pop(L, 1);
    luaL_getmetatable(L, kBinaryFileMetatable);
    set_operators(L, lua_gettop(L));
    lua_pop(L, 1);
}

}  // namespace quiver::lua
