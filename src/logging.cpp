#include "logging.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <atomic>
#include <filesystem>
#include <vector>

namespace quiver::detail {
namespace {

spdlog::level::level_enum to_spdlog(LogLevel level) {
    switch (level) {
    case LogLevel::Debug: return spdlog::level::debug;
    case LogLevel::Info: return spdlog::level::info;
    case LogLevel::Warn: return spdlog::level::warn;
    case LogLevel::Error: return spdlog::level::err;
    case LogLevel::Off: return spdlog::level::off;
    }
    return spdlog::level::info;
}

std::atomic<uint64_t> logger_counter{0};

}  // namespace

std::shared_ptr<spdlog::logger> make_database_logger(const std::string& db_path,
                                                     LogLevel console_level) {
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(to_spdlog(console_level));
    std::vector<spdlog::sink_ptr> sinks{console};

    std::string warning;
    if (db_path == ":memory:") {
        warning = "Database is in-memory only; no file logging will be performed.";
    } else {
        try {
            auto dir = std::filesystem::path(db_path).parent_path();
            if (dir.empty()) dir = ".";
            std::filesystem::create_directories(dir);
            auto file = std::make_shared<spdlog::sinks::basic_file_sink_mt>(
                (dir / "quiver_database.log").string(), /*truncate=*/true);
            // D27: Info unless the console asks for Debug, so the per-element DEBUG lines of
            // writes are neither formatted nor written by default (see the level rule below).
            file->set_level(console_level == LogLevel::Debug ? spdlog::level::debug : spdlog::level::info);
            sinks.push_back(file);
        } catch (const std::exception& e) {
            warning = std::string("Failed to create file sink: ") + e.what() +
                      ". Logging to console only.";
        }
    }

    auto logger = std::make_shared<spdlog::logger>(
        "quiver_database_" + std::to_string(++logger_counter), sinks.begin(), sinks.end());
    logger->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%n] [%l] %v");
    // The logger's level is the most verbose level any sink accepts, so anything below it is
    // neither formatted nor emitted (D11).
    auto level = spdlog::level::off;
    for (const auto& sink : sinks) level = std::min(level, sink->level());
    logger->set_level(level);
    if (!warning.empty()) logger->warn(warning);
    return logger;
}

}  // namespace quiver::detail
