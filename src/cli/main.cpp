// quiver_cli: open (or create) a Quiver database and run a Lua script against it (D26).
//
//   quiver_cli [-h] [-v] [--schema FILE] [--migrations DIR] [--read-only] [--dry-run] [--json]
//              [--log-level LEVEL] [--max-instructions N] [-e CODE] database [script]
//
// The script is a file, `-` (stdin) or the -e text. Exit codes: 0 success (also --help and
// --version), 2 usage errors, 1 everything else. Printed: parser/usage messages and errors
// (stderr), what the script prints, then the value it returned (stdout), log output (stderr).
#include "quiver/database.h"
#include "quiver/lua_runner.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

bool parse_log_level(const std::string& text, quiver::LogLevel& level) {
    static const std::map<std::string, quiver::LogLevel> levels = {
        {"debug", quiver::LogLevel::Debug}, {"info", quiver::LogLevel::Info},
        {"warn", quiver::LogLevel::Warn},   {"error", quiver::LogLevel::Error},
        {"off", quiver::LogLevel::Off},
    };
    const auto it = levels.find(text);
    if (it == levels.end()) {
        return false;
    }
    level = it->second;
    return true;
}

// --max-instructions: decimal digits only (no sign, no hex, no exponent), within uint64_t.
bool parse_instruction_limit(const std::string& text, uint64_t& limit) {
    if (text.empty()) {
        return false;
    }
    const auto* first = text.data();
    const auto* last = text.data() + text.size();
    if (!std::all_of(first, last, [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    const auto [end, ec] = std::from_chars(first, last, limit);
    return ec == std::errc() && end == last;
}

// Reads the whole stream and strips a leading UTF-8 byte-order mark; `name` ("-" for stdin)
// goes into "Failed to read script file: <name>".
std::string read_all(std::istream& in, const std::string& name) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        throw std::runtime_error("Failed to read script file: " + name);
    }
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text.erase(0, 3);
    }
    return text;
}

// A script file read in binary mode.
std::string read_script_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw std::runtime_error("Failed to read script file: " + path);
    }
    std::ifstream in(path, std::ios::in | std::ios::binary);
    if (!in) {
        throw std::runtime_error("Failed to read script file: " + path);
    }
    return read_all(in, path);
}

// Where the script comes from and the chunk name Lua reports in error positions.
struct Script {
    std::string text;
    std::string chunk_name;
};

Script load_script(const std::string& path, bool inline_code, const std::string& code) {
    if (inline_code) return {code, "=(command line)"};
    if (path == "-") return {read_all(std::cin, "-"), "=stdin"};
    return {read_script_file(path), "@" + path};
}

// The returned value as printed: with --json the JSON text ("null" when nothing was returned);
// otherwise nothing for no value or nil, a string's text as is, any other value as its JSON.
// The JSON comes from LuaRunner::run (the one encoder); nlohmann::json only decodes a string.
std::optional<std::string> printed_result(const std::string& json, bool as_json) {
    if (as_json) return json.empty() ? "null" : json;
    if (json.empty() || json == "null") return std::nullopt;
    if (json.front() == '"') return nlohmann::json::parse(json).get<std::string>();
    return json;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Run a Lua script against a Quiver database.", "quiver_cli"};

    std::string database_path;
    std::string script_path;
    std::string schema_path;
    std::string migrations_path;
    std::string log_level_text = "warn";
    bool read_only = false;
    bool dry_run = false;
    bool json = false;
    std::string code;
    std::string max_instructions_text = "0";

    app.set_version_flag("-v,--version", std::string("quiver_cli ") + QUIVER_VERSION,
                         "Print the version and exit");
    auto* schema_opt = app.add_option("--schema", schema_path,
                                      "Create the database from a schema file "
                                      "(replaces an existing database file)")
                           ->type_name("FILE");
    auto* migrations_opt =
        app.add_option("--migrations", migrations_path,
                       "Open the database and apply pending migrations from a directory")
            ->type_name("DIR");
    app.add_flag("--read-only", read_only, "Open the database read-only");
    app.add_flag("--dry-run", dry_run,
                 "Run the script inside a dry run: nothing it does is kept");
    app.add_flag("--json", json, "Print the returned value as JSON (null when nothing is returned)");
    app.add_option("--log-level", log_level_text,
                   "Console log level: debug, info, warn, error or off (default: warn)")
        ->type_name("LEVEL");
    app.add_option("--max-instructions", max_instructions_text,
                   "Stop the script after N Lua VM instructions (default: 0 = unlimited)")
        ->type_name("N")
        ->check(
            [](const std::string& text) {
                uint64_t ignored = 0;
                return parse_instruction_limit(text, ignored)
                           ? std::string()
                           : "must be a non-negative decimal integer, got '" + text + "'";
            });
    auto* execute_opt = app.add_option("-e,--execute", code, "Run CODE instead of a script file")->type_name("CODE");
    app.add_option("database", database_path, "Database file path or :memory:")->required();
    auto* script_opt = app.add_option("script", script_path, "Lua script file to run; - reads it from stdin");

    // 1. Argument parse errors: the parser's message, exit 2 (--help / --version exit 0).
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    // 2.-5. Usage errors.
    const bool has_schema = schema_opt->count() > 0;
    const bool has_migrations = migrations_opt->count() > 0;
    const bool has_script = script_opt->count() > 0;
    const bool inline_code = execute_opt->count() > 0;
    if (has_schema && has_migrations) {
        std::cerr << "Cannot use --schema and --migrations together\n";
        return kExitUsage;
    }
    if (has_schema && dry_run) {
        std::cerr << "Cannot use --schema and --dry-run together: --schema recreates the database file\n";
        return kExitUsage;
    }
    if (has_script && inline_code) {
        std::cerr << "Cannot use a script file and --execute together\n";
        return kExitUsage;
    }
    if (!has_script && !inline_code) {
        std::cerr << "No script provided\n";
        return kExitUsage;
    }

    std::optional<quiver::Database> db;
    try {
        // 6. A script file must exist (checked before the database is opened).
        std::error_code ec;
        if (has_script && script_path != "-" && !std::filesystem::exists(script_path, ec)) {
            throw std::runtime_error("Script file not found: " + script_path);
        }
        // 7. Log level.
        quiver::LogLevel level = quiver::LogLevel::Warn;
        if (!parse_log_level(log_level_text, level)) {
            throw std::runtime_error("Unknown log level: " + log_level_text);
        }
        const quiver::DatabaseOptions options{.read_only = read_only, .console_level = level};
        uint64_t max_instructions = 0;
        parse_instruction_limit(max_instructions_text, max_instructions);  // validated by the parser

        // 8. Open the database.
        if (has_schema) {
            db.emplace(quiver::Database::from_schema(database_path, schema_path, options));
        } else if (has_migrations) {
            db.emplace(quiver::Database::from_migrations(database_path, migrations_path, options));
        } else {
            db.emplace(database_path, options);
        }
        // 9.-12. Read the script, run it (inside a dry run with --dry-run).
        const Script script = load_script(script_path, inline_code, code);
        quiver::LuaRunner runner(*db, quiver::LuaRunnerOptions{.instruction_limit = max_instructions});
        if (dry_run) db->begin_dry_run();
        const std::string result = runner.run(script.text, script.chunk_name);
        if (dry_run) db->end_dry_run();
        // 13. Print the returned value.
        const auto printed = printed_result(result, json);
        std::fflush(stdout);  // after everything the script printed
        if (printed) std::cout << *printed << '\n';
    } catch (const std::exception& e) {
        // Any failure: its message, exit 1. A failed dry run is discarded with the database.
        if (db && db->in_dry_run()) {
            try {
                db->end_dry_run();
            } catch (...) {
            }
        }
        std::cout.flush();
        std::cerr << e.what() << '\n';
        return kExitFailure;
    } catch (...) {
        std::cerr << "Unknown error\n";
        return kExitFailure;
    }
    return kExitOk;
}
