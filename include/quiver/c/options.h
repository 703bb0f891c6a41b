/* Quiver C API: options for opening databases and for CSV export/import. */
#ifndef QUIVER_C_OPTIONS_H
#define QUIVER_C_OPTIONS_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    QUIVER_LOG_DEBUG = 0,
    QUIVER_LOG_INFO = 1,
    QUIVER_LOG_WARN = 2,
    QUIVER_LOG_ERROR = 3,
    QUIVER_LOG_OFF = 4
} quiver_log_level_t;

typedef struct {
    int read_only;
    quiver_log_level_t console_level;
} quiver_database_options_t;

/* Enum labels are grouped per (attribute, locale) pair: group i owns the next
 * enum_entry_counts[i] entries of enum_labels/enum_values. All pointers are borrowed for the
 * duration of the call. */
typedef struct {
    const char* date_time_format;            /* "" or NULL = no formatting */
    const char* const* enum_attribute_names; /* [enum_group_count] */
    const char* const* enum_locale_names;    /* [enum_group_count] */
    const size_t* enum_entry_counts;         /* [enum_group_count] */
    const char* const* enum_labels;          /* [sum of enum_entry_counts] */
    const int64_t* enum_values;              /* [sum of enum_entry_counts] */
    size_t enum_group_count;
} quiver_csv_options_t;

/* { read_only = 0, console_level = QUIVER_LOG_WARN }: nothing is printed on a successful open,
 * close or write; the log file records at INFO (DEBUG when console_level is QUIVER_LOG_DEBUG).
 * An out-of-range console_level is treated as QUIVER_LOG_WARN. */
QUIVER_C_API quiver_database_options_t quiver_database_options_default(void);
/* date_time_format = "", every array NULL, enum_group_count = 0 */
QUIVER_C_API quiver_csv_options_t quiver_csv_options_default(void);

#ifdef __cplusplus
}
#endif

#endif /* QUIVER_C_OPTIONS_H */
