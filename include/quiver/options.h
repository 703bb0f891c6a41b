// Options for opening a database and for CSV export/import.
#ifndef QUIVER_OPTIONS_H
#define QUIVER_OPTIONS_H

#include "quiver/export.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace quiver {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

// console_level: what reaches stderr; Warn by default, so a successful open, close or write
// prints nothing (D27). The log file beside the database records at Info, or at Debug when
// console_level is Debug, so no line per element is formatted or written by default.
struct QUIVER_API DatabaseOptions {
    bool read_only = false;
    LogLevel console_level = LogLevel::Warn;
};

struct QUIVER_API CSVOptions {
    // attribute -> locale -> label -> value
    std::unordered_map<std::string,
                       std::unordered_map<std::string, std::unordered_map<std::string, int64_t>>>
        enum_labels;
    std::string date_time_format;  // strftime-style; "" = no formatting
};

inline CSVOptions default_csv_options() {
    return {};
}

}  // namespace quiver

#endif  // QUIVER_OPTIONS_H
