// quiver_cli: open (or create) a Quiver database and run a Lua script against it.
//
//   quiver_cli [-h] [-v] [--schema FILE] [--migrations DIR] [--read-only]
//              [--log-level LEVEL] [--max-instructions N] database [script]
//
// Exit codes: 0 success (also --help/--version), 2 usage errors, 1 everything else.
// Nothing is printed except parser/usage messages, errors (stderr), what the script prints
// (stdout) and log output (stderr).
#include "quiver/database.h"
#include "quiver/lua_runner.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
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

// Reads the whole file in binary mode and strips a leading UTF-8 byte-order mark.
std::string read_script(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw std::runtime_error("Failed to read script file: " + path);
    }
    std::ifstream in(path, std::ios::in | std::ios::binary);
    if (!in) {
        throw std::runtime_error("Failed to read script file: " + path);
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        throw std::runtime_error("Failed to read script file: " + path);
    }
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text.erase(0, 3);
    }
    return text;
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
    app.add_option("database", database_path, "Database file path or :memory:")->required();
    auto* script_opt = app.add_option("script", script_path, "Lua script file to run");

    // 1. Argument parse errors: the parser's message, exit 2 (--help / --version exit 0).
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    // 2. --schema and --migrations are exclusive.
    if (schema_opt->count() > 0 && migrations_opt->count() > 0) {
        std::cerr << "Cannot use --schema and --migrations together\n";
        return kExitUsage;
    }
    // 3. A script is required.
    if (script_opt->count() == 0) {
        std::cerr << "No script provided\n";
        return kExitUsage;
    }

    try {
        // 4. The script must exist (checked before the database is opened).
        std::error_code ec;
        if (!std::filesystem::exists(script_path, ec)) {
            throw std::runtime_error("Script file not found: " + script_path);
        }
        // 5. Log level.
        quiver::LogLevel level = quiver::LogLevel::Warn;
        if (!parse_log_level(log_level_text, level)) {
            throw std::runtime_error("Unknown log level: " + log_level_text);
        }
        const quiver::DatabaseOptions options{.read_only = read_only, .console_level = level};
        uint64_t max_instructions = 0;
        parse_instruction_limit(max_instructions_text, max_instructions);  // validated by the parser

        // 6. Open the database, read the script, run it.
        quiver::Database db = [&] {
            if (schema_opt->count() > 0) {
                return quiver::Database::from_schema(database_path, schema_path, options);
            }
            if (migrations_opt->count() > 0) {
                return quiver::Database::from_migrations(database_path, migrations_path, options);
            }
            return quiver::Database(database_path, options);
        }();
        const std::string script = read_script(script_path);
        quiver::LuaRunner runner(db, quiver::LuaRunnerOptions{.instruction_limit = max_instructions});
        runner.run(script);
    } catch (const std::exception& e) {
        // 7. Any failure: its message, exit 1.
        std::cout.flush();
        std::cerr << e.what() << '\n';
        return kExitFailure;
    } catch (...) {
        std::cerr << "Unknown error\n";
        return kExitFailure;
    }
    return kExitOk;
}
