// db:export_csv and db:import_csv (collection, group, path [, opts]). The path is resolved by
// the file sandbox (lua_sandbox.h): relative to the database's directory, never outside it.
//
// opts = { date_time_format = "...", enum_labels = { attr = { locale = { Label = int } } } }.
// Anything else in opts is reported as
// "Cannot <method>: argument 'opts' is malformed: <detail>" (nothing is silently ignored).
#include "lua/lua_convert.h"
#include "lua/lua_sandbox.h"

namespace quiver::lua {
namespace {

constexpr const char* kMalformed = "argument 'opts' is malformed: ";

std::string quoted(const std::string& key) {
    return "['" + key + "']";
}

// Reads an enum value (integer, or a float with an exact integer value).
int64_t to_enum_value(const Call& call, const std::string& where) {
    lua_State* L = call.state();
    int is_integer = 0;
    lua_Integer value = 0;
    if (lua_type(L, -1) == LUA_TNUMBER) {
        value = lua_tointegerx(L, -1, &is_integer);
    }
    if (!is_integer) {
        call.fail(std::string(kMalformed) + where + " must be an integer, got " +
                  type_name(L, -1));
    }
    return static_cast<int64_t>(value);
}

void expect_table(const Call& call, const std::string& where) {
    lua_State* L = call.state();
    if (lua_type(L, -1) != LUA_TTABLE) {
        call.fail(std::string(kMalformed) + where + " must be a table, got " + type_name(L, -1));
    }
}

CSVOptions to_csv_options(const Call& call, int idx) {
    lua_State* L = call.state();
    CSVOptions options;
    for (const auto& key : string_keys(call, idx, std::string(kMalformed) + "option names")) {
        raw_get_field(L, idx, key);
        if (key == "date_time_format") {
            if (lua_type(L, -1) != LUA_TSTRING) {
                call.fail(std::string(kMalformed) + "date_time_format must be a string, got " +
                          type_name(L, -1));
            }
            options.date_time_format = to_std_string(L, -1);
        } else if (key == "enum_labels") {
            expect_table(call, "enum_labels");
            const int attributes = lua_gettop(L);
            for (const auto& attribute :
                 string_keys(call, attributes, std::string(kMalformed) + "enum_labels attribute names")) {
                const std::string at_attr = "enum_labels" + quoted(attribute);
                raw_get_field(L, attributes, attribute);
                expect_table(call, at_attr);
                const int locales = lua_gettop(L);
                auto& by_locale = options.enum_labels[attribute];
                for (const auto& locale :
                     string_keys(call, locales, std::string(kMalformed) + at_attr + " locale names")) {
                    const std::string at_locale = at_attr + quoted(locale);
                    raw_get_field(L, locales, locale);
                    expect_table(call, at_locale);
                    const int labels = lua_gettop(L);
                    auto& by_label = by_locale[locale];
                    for (const auto& label :
                         string_keys(call, labels, std::string(kMalformed) + at_locale + " labels")) {
                        raw_get_field(L, labels, label);
                        by_label[label] = to_enum_value(call, at_locale + quoted(label));
                        lua_pop(L, 1);
                    }
                    lua_pop(L, 1);
                }
                lua_pop(L, 1);
            }
        } else {
            call.fail(std::string(kMalformed) + "unknown option '" + key + "'");
        }
        lua_pop(L, 1);
    }
    return options;
}

using CsvFn = void (Database::*)(const std::string&, const std::string&, const std::string&,
                                 const CSVOptions&);

int csv(lua_State* L, const char* method, CsvFn fn) {
    Call call(L, method);
    const auto collection = call.string_arg(2, "collection");
    const auto group = call.string_arg(3, "group");
    const auto path = call.string_arg(4, "path");
    CSVOptions options;
    if (call.optional_table_arg(5, "opts")) {
        options = to_csv_options(call, 5);
    }
    (call.db().*fn)(collection, group, sandbox_path(method, call.db().path(), path), options);
    return 0;
}

int export_csv(lua_State* L) {
    return csv(L, "export_csv", &Database::export_csv);
}
int import_csv(lua_State* L) {
    return csv(L, "import_csv", &Database::import_csv);
}

}  // namespace

void register_csv_methods(lua_State* L, int table) {
    set_method(L, table, "export_csv", protect<export_csv>);
    set_method(L, table, "import_csv", protect<import_csv>);
}

}  // namespace quiver::lua
