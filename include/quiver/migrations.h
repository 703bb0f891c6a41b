// Migrations: the numbered subdirectories of a migrations directory, ascending.
#ifndef QUIVER_MIGRATIONS_H
#define QUIVER_MIGRATIONS_H

#include "quiver/export.h"
#include "quiver/migration.h"

#include <string>
#include <vector>

namespace quiver {

class QUIVER_API Migrations {
public:
    Migrations();
    // Every immediate subdirectory whose whole name is a decimal integer > 0 ("03" is 3).
    // A path that does not exist or is not a directory gives an empty set.
    explicit Migrations(const std::string& path);

    const std::vector<Migration>& all() const;
    std::vector<Migration> pending(int64_t current_version) const;  // version > current
    int64_t latest_version() const;                                 // 0 when empty
    size_t count() const;
    bool empty() const;

    using iterator = std::vector<Migration>::const_iterator;
    iterator begin() const;
    iterator end() const;

private:
    std::vector<Migration> migrations_;
};

}  // namespace quiver

#endif  // QUIVER_MIGRATIONS_H
