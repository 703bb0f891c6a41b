// Columns: a table read in one call, column by column (the bulk reads behind data frames).
//
// Every column holds exactly row_count cells and a presence flag per cell (1 = value, 0 = SQL
// NULL; the data slot then holds 0, 0.0 or ""). Numbers live in one contiguous array per
// column, and text in one buffer per column, each cell followed by a NUL byte, so a binding can
// hand whole columns across its FFI without one object per cell.
//
// Cell conversion by column type, the same as the columnar group readers (api-additions 3.2):
//   Integer: INTEGER as is, REAL truncated toward zero;   Real: REAL as is, INTEGER widened;
//   Text, DateTime: TEXT.   Anything else fails with
//   "Cannot <op>: column '<c>' row <r> holds a <INTEGER|REAL|TEXT|BLOB> value, expected <INTEGER|FLOAT|STRING|DATE_TIME>".
//
// Database::query_columns types each column by the storage classes it holds instead (see there);
// a column mixing TEXT with numbers is Text with `cell_types` naming each cell's storage class.
#ifndef QUIVER_COLUMNS_H
#define QUIVER_COLUMNS_H

#include "quiver/data_type.h"
#include "quiver/export.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quiver {

struct QUIVER_API Column {
    std::string name;
    DataType type = DataType::Integer;
    std::vector<uint8_t> has_value;  // one per row
    std::vector<int64_t> integers;   // Integer: one per row
    std::vector<double> reals;       // Real: one per row
    std::string text;                // Text, DateTime: the cells, each followed by '\0'
    std::vector<size_t> offsets;     // Text, DateTime: cell r starts at text[offsets[r]]; one per row
    // query_columns, a column mixing TEXT with INTEGER or REAL cells only (empty otherwise): one
    // per row, the cell's storage class as a kCell* code. Such a column is Text: TEXT cells as
    // stored, INTEGER cells in decimal, REAL cells in the shortest text that reads back to the
    // same double ("2.5", "1.0", "1e+300", "inf"), so the code restores every value exactly.
    std::vector<uint8_t> cell_types;
    static constexpr uint8_t kCellInteger = 0, kCellReal = 1, kCellText = 2, kCellNull = 4;  // = the C type codes

    size_t size() const { return has_value.size(); }
    // Text and DateTime cells ("" for NULL).
    std::string_view text_at(size_t row) const;
    // DateTime (or Text) cells as microseconds since 1970-01-01T00:00:00 UTC; a value without a
    // zone is read as UTC and a fraction is truncated to microseconds; 0 where NULL. A cell that
    // is not a date-time of the D22 grammar fails with "Cannot convert_date_times: invalid
    // date-time '<v>' for column '<c>' row <r>: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS".
    std::vector<int64_t> unix_microseconds() const;
};

struct QUIVER_API Columns {
    size_t row_count = 0;
    std::vector<Column> columns;

    // Throws "Column not found: <name>".
    const Column& at(const std::string& name) const;
};

}  // namespace quiver

#endif  // QUIVER_COLUMNS_H
