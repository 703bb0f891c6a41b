// Result: column names plus rows, as returned by Database::query.
#ifndef QUIVER_RESULT_H
#define QUIVER_RESULT_H

#include "quiver/export.h"
#include "quiver/row.h"

#include <string>
#include <vector>

namespace quiver {

class QUIVER_API Result {
public:
    Result();
    Result(std::vector<std::string> columns, std::vector<Row> rows);

    const std::vector<std::string>& columns() const;
    size_t column_count() const;
    size_t row_count() const;
    bool empty() const;  // no rows
    const Row& at(size_t index) const;  // throws std::out_of_range
    const Row& operator[](size_t index) const;
    auto begin() const { return rows_.begin(); }
    auto end() const { return rows_.end(); }

private:
    std::vector<std::string> columns_;
    std::vector<Row> rows_;
};

}  // namespace quiver

#endif  // QUIVER_RESULT_H
