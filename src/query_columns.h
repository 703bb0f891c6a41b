// Typing a query result by its cells (Database::query_columns): rows arrive one at a time and the
// type of a column is only known after the last one, so each column keeps every cell's storage
// class and an 8-byte slot (the INTEGER, or the REAL's bits) until finish() picks the type.
// Text is kept only once a column has met a TEXT cell, so numeric columns never pay for it.
#ifndef QUIVER_SRC_QUERY_COLUMNS_H
#define QUIVER_SRC_QUERY_COLUMNS_H

#include "quiver/columns.h"

#include "statement.h"

#include <vector>

namespace quiver::detail {

class QueryColumnsBuilder {
public:
    // Takes the column names of the prepared statement (before the first step).
    void start(const Statement& stmt);
    // Appends the current row (the statement has just stepped onto it; no BLOB cells).
    void add_row(const Statement& stmt);
    Columns finish();

private:
    struct Pending {
        std::string name;
        std::vector<uint8_t> storage;  // SQLITE_INTEGER/FLOAT/TEXT/NULL per row
        std::vector<int64_t> slots;    // per row: the INTEGER, the REAL's bits, else 0
        bool has_text = false;         // text/offsets hold one cell per row ("" unless TEXT)
        std::string text;
        std::vector<size_t> offsets;
        bool seen_integer = false, seen_real = false, seen_text = false;
    };
    static Column finish_column(Pending& pending, size_t row_count);

    std::vector<Pending> pending_;
    size_t row_count_ = 0;
};

}  // namespace quiver::detail

#endif  // QUIVER_SRC_QUERY_COLUMNS_H
