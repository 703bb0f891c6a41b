// Migration: one numbered directory holding up.sql (and an unused down.sql).
#ifndef QUIVER_MIGRATION_H
#define QUIVER_MIGRATION_H

#include "quiver/export.h"

#include <compare>
#include <cstdint>
#include <string>

namespace quiver {

class QUIVER_API Migration {
public:
    Migration(int64_t version, std::string path);

    int64_t version() const;
    const std::string& path() const;
    std::string up_sql() const;    // contents of <path>/up.sql, "" if missing/unreadable
    std::string down_sql() const;  // contents of <path>/down.sql, "" if missing/unreadable

    std::strong_ordering operator<=>(const Migration& other) const;  // by version
    bool operator==(const Migration& other) const;                   // by version

private:
    int64_t version_;
    std::string path_;
};

}  // namespace quiver

#endif  // QUIVER_MIGRATION_H
