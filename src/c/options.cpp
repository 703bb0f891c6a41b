// options.h: defaults, and marshalling of the C option structs into the C++ ones.
#include "internal.h"

namespace quiver_c {

quiver::DatabaseOptions to_database_options(const quiver_database_options_t* options) {
    quiver::DatabaseOptions result;
    if (options == nullptr) return result;
    result.read_only = options->read_only != 0;
    // A C caller may store any int in the enum field; loading an out-of-range value through the
    // C++ enum type is undefined behaviour (UBSan: invalid enum load), so read the bytes as an int.
    int level = 0;
    static_assert(sizeof(options->console_level) == sizeof(level));
    std::memcpy(&level, &options->console_level, sizeof(level));
    // An out-of-range level is treated as the default (Warn, D27).
    result.console_level = (level >= QUIVER_LOG_DEBUG && level <= QUIVER_LOG_OFF)
                               ? static_cast<quiver::LogLevel>(level)
                               : quiver::DatabaseOptions{}.console_level;
    return result;
}

quiver::CSVOptions to_csv_options(const quiver_csv_options_t& options, const std::string& op) {
    quiver::CSVOptions result;
    if (options.date_time_format != nullptr) result.date_time_format = options.date_time_format;
    if (options.enum_group_count == 0) return result;

    if (options.enum_attribute_names == nullptr || options.enum_locale_names == nullptr ||
        options.enum_entry_counts == nullptr || options.enum_labels == nullptr ||
        options.enum_values == nullptr) {
        fail(op, "Null enum arrays with non-zero enum_group_count");
    }
    auto null_entry = [&](const char* array, size_t index) {
        fail(op, std::string("Null entry in ") + array + " at index " + std::to_string(index));
    };
    size_t entry = 0;  // entries are consumed in group order
    for (size_t group = 0; group < options.enum_group_count; ++group) {
        const char* attribute = options.enum_attribute_names[group];
        const char* locale = options.enum_locale_names[group];
        if (attribute == nullptr) null_entry("enum_attribute_names", group);
        if (locale == nullptr) null_entry("enum_locale_names", group);
        auto& labels = result.enum_labels[attribute][locale];
        for (size_t k = 0; k < options.enum_entry_counts[group]; ++k, ++entry) {
            const char* label = options.enum_labels[entry];
            if (label == nullptr) null_entry("enum_labels", entry);
            labels[label] = options.enum_values[entry];
        }
    }
    return result;
}

}  // namespace quiver_c

extern "C" {

QUIVER_C_API quiver_database_options_t quiver_database_options_default(void) {
    quiver_database_options_t options;
    options.read_only = 0;
    options.console_level = QUIVER_LOG_WARN;  // quiet by default (D27)
    return options;
}

QUIVER_C_API quiver_csv_options_t quiver_csv_options_default(void) {
    quiver_csv_options_t options;
    options.date_time_format = "";
    options.enum_attribute_names = nullptr;
    options.enum_locale_names = nullptr;
    options.enum_entry_counts = nullptr;
    options.enum_labels = nullptr;
    options.enum_values = nullptr;
    options.enum_group_count = 0;
    return options;
}

}  // extern "C"
