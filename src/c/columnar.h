// Columnar marshalling of the C group contract (api-additions 3.2 and 4.1): the one place that
// turns rows of quiver::Value into C column arrays with presence masks, and back.
//
// Used by the time-series group functions (time_series.cpp) and meant for every other function
// with the same contract: read/update_vector_group, read/update_set_group, the _by_label forms
// and read_time_series_row (one column).
//
// The C side of one columnar value, per column c of column_count, rows r of row_count:
//   names[c]      NUL-terminated column name
//   types[c]      QUIVER_DATA_TYPE_*: 0 INTEGER, 1 FLOAT, 2 STRING, 3 DATE_TIME, 4 NULL (write only)
//   data[c]       int64_t* (INTEGER), double* (FLOAT), char** (STRING, DATE_TIME)
//   has_value[c]  uint8_t*: 1 = the cell holds a value, 0 = SQL NULL (its data slot is a
//                 placeholder: 0, 0.0 or a NULL char*)
//
// Read side (publish): every column has a mask; placeholders are 0, 0.0 and NULL; no rows gives
// four NULL arrays and both counts 0. Everything is malloc'ed and released with release() (the
// body of quiver_database_free_time_series_data), which tolerates NULL arrays and NULL slots.
//
// Write side (check_shape, then is_present / to_rows): a NULL has_value, or a NULL
// has_value[c], means dense; has_value[c][r] == 0, a NULL data[c], type code 4 or a NULL char*
// entry make the cell SQL NULL, and then the data slot is never read. No type typing happens
// here: values are handed to the core as given (a string in an INTEGER column stays a string,
// so the core can resolve it as a label or reject it).
#ifndef QUIVER_C_COLUMNAR_H
#define QUIVER_C_COLUMNAR_H

#include "internal.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace quiver_c::columnar {

using Row = std::map<std::string, quiver::Value>;  // a key absent from a row is NULL
using Rows = std::vector<Row>;

// ---- type codes ---------------------------------------------------------------------------------

// STRING and DATE_TIME: both carry char* cells and are interchangeable on write.
bool is_string_type(int type);
// The code's name as messages print it: "INTEGER", "FLOAT", "STRING", "DATE_TIME", "NULL";
// "UNKNOWN" for anything else.
const char* type_name(int type);

// ---- read side --------------------------------------------------------------------------------

struct Column {
    std::string name;
    int type;  // QUIVER_DATA_TYPE_INTEGER, _FLOAT, _STRING or _DATE_TIME
};

// The out-parameters of a columnar read, in the order of the C signatures. Each must be non-null
// (the caller null-checks them with quiver_c::require first).
struct Output {
    char*** names;
    int** types;
    void*** data;
    uint8_t*** has_value;
    size_t* column_count;
    size_t* row_count;
};

// The out-parameters, each checked non-null in signature order ("Null argument: out_column_names",
// ...). Callers check their own leading arguments (db, collection, group) first.
Output require_output(char*** names, int** types, void*** data, uint8_t*** has_value, size_t* column_count,
                      size_t* row_count);

// Appends one column per value column of `metadata`, in metadata (alphabetical) order, each with
// the type code of its schema type.
void append_value_columns(std::vector<Column>& columns, const quiver::GroupMetadata& metadata);

// Builds one column per entry of `columns` from `rows` and writes every out-parameter, or none
// (on any failure nothing is leaked and `out` is untouched). Cell conversion by column type:
//   INTEGER: INTEGER as is, REAL truncated toward zero;  FLOAT: REAL as is, INTEGER widened;
//   STRING, DATE_TIME: TEXT;  NULL (or a key absent from the row): mask 0 and a placeholder.
// Anything else fails (D20):
//   "Cannot <op>: column '<c>' row <r> holds a <INTEGER|REAL|TEXT> value, expected <INTEGER|FLOAT|STRING|DATE_TIME>"
// No rows: every array NULL and both counts 0.
void publish(const char* op, const std::vector<Column>& columns, const Rows& rows, const Output& out);

// One column on its own (read_time_series_row): *out_data and *out_has_value are written only on
// success; both NULL when cells is empty. Same conversions and message as publish.
void publish_column(const char* op, const Column& column, const std::vector<quiver::Value>& cells, void** out_data,
                    uint8_t** out_has_value);

// Frees what publish produced; NULL arrays and NULL slots are fine. Strings are told apart by
// types[c], so without types only the buffers themselves are freed.
void release(char** names, int* types, void** data, uint8_t** has_value, size_t column_count,
             size_t row_count) noexcept;

// ---- write side -------------------------------------------------------------------------------

struct Input {
    const char* const* names;
    const int* types;
    const void* const* data;
    const uint8_t* const* has_value;  // may be NULL (dense)
    size_t column_count;
    size_t row_count;
};

// The argument checks of api-additions 3.2, in order; each failure is "Cannot <op>: ...":
//   1. column_count == 0 && row_count == 0           -> returns true: clear the group
//   2. row_count > 0, column_count == 0               "column_count must be > 0 when row_count > 0"
//   3. NULL names, types or data with columns         "column_names, column_types, and column_data must be non-null when column_count > 0"
//   4. names[i] NULL                                  "column_names[<i>] is null"
//   5. columns but row_count == 0                     "columns [<n1>, <n2>] contain no rows; pass no columns to clear the group"
//   6. a type code outside 0..4                       "unknown column type <n>"
//   7. a name given twice (ours)                      "column '<c>' given more than once"
// Returns false when the input holds rows to write (then row_count > 0 and every array is set).
bool check_shape(const char* op, const Input& in);

// Whether cell (c, r) holds a value. Requires a passed check_shape.
bool is_present(const Input& in, size_t c, size_t r);
// Whether any cell of column c holds a value.
bool has_present_cell(const Input& in, size_t c);

// row_count rows, each holding every given column (NULL cells as nullptr). Strings are copied
// as given (the core trims them). Requires a passed check_shape.
Rows to_rows(const Input& in);

// The write path of every columnar writer: check_shape, then (when there are rows) the caller's
// own `check(in)`, then `write(rows)`; no columns and no rows give write(Rows{}), which clears.
template <typename Check, typename Write>
void write_rows(const char* op, const Input& in, Check&& check, Write&& write) {
    if (check_shape(op, in)) {
        write(Rows{});
        return;
    }
    check(in);
    write(to_rows(in));
}

}  // namespace quiver_c::columnar

#endif  // QUIVER_C_COLUMNAR_H
