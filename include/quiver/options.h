// Options for opening a database and for CSV export/import.
#ifndef QUIVER_OPTIONS_H
#define QUIVER_OPTIONS_H

#include "quiver/export.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace quiver {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

struct QUIVER_API DatabaseOptions {
    bool read_only = false;
    LogLevel console_level = LogLevel::Info;
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
