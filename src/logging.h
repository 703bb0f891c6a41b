// Per-database loggers: console (stderr) at the chosen level plus a file sink
// quiver_database.log beside the database, truncated on every open, recording at Info (Debug
// when the console level is Debug; D27).
#ifndef QUIVER_SRC_LOGGING_H
#define QUIVER_SRC_LOGGING_H

#include "quiver/options.h"

#include <spdlog/logger.h>

#include <memory>
#include <string>

namespace quiver::detail {

std::shared_ptr<spdlog::logger> make_database_logger(const std::string& db_path,
                                                     LogLevel console_level);

}  // namespace quiver::detail

#endif  // QUIVER_SRC_LOGGING_H
