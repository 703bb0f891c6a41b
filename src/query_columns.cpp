// Database::query_columns' typing (query_columns.h); the statement itself runs through the one
// query path in query.cpp.
#include "query_columns.h"

#include <bit>
#include <charconv>

namespace quiver::detail {
namespace {

void append_cell_end(std::string& text, std::vector<size_t>& offsets) {
    offsets.push_back(text.size());
    text.push_back('\0');
}

// INTEGER in decimal; REAL in the shortest text that reads back to the same double, with ".0"
// added to whole numbers so the text still reads as a REAL ("1.0", "2.5", "1e+300", "inf").
void append_number(std::string& text, uint8_t storage, int64_t slot) {
    char buffer[32];
    std::to_chars_result end;
    if (storage == SQLITE_INTEGER) {
        end = std::to_chars(buffer, buffer + sizeof buffer, slot);
        text.append(buffer, end.ptr);
        return;
    }
    end = std::to_chars(buffer, buffer + sizeof buffer, std::bit_cast<double>(slot));
    const std::string_view digits(buffer, static_cast<size_t>(end.ptr - buffer));
    text.append(digits);
    if (digits.find_first_of(".en") == std::string_view::npos) text.append(".0");  // not "inf"/"nan"/"1e+30"
}

uint8_t cell_type(uint8_t storage) {
    switch (storage) {
    case SQLITE_INTEGER: return Column::kCellInteger;
    case SQLITE_FLOAT: return Column::kCellReal;
    case SQLITE_TEXT: return Column::kCellText;
    default: return Column::kCellNull;
    }
}

}  // namespace

void QueryColumnsBuilder::start(const Statement& stmt) {
    pending_.resize(static_cast<size_t>(stmt.column_count()));
    for (size_t c = 0; c < pending_.size(); ++c) pending_[c].name = stmt.column_name(static_cast<int>(c));
}

void QueryColumnsBuilder::add_row(const Statement& stmt) {
    for (size_t c = 0; c < pending_.size(); ++c) {
        auto& column = pending_[c];
        const int i = static_cast<int>(c);
        const int storage = stmt.column_type(i);
        column.storage.push_back(static_cast<uint8_t>(storage));
        switch (storage) {
        case SQLITE_INTEGER:
            column.slots.push_back(stmt.column_int(i));
            column.seen_integer = true;
            break;
        case SQLITE_FLOAT:
            column.slots.push_back(std::bit_cast<int64_t>(stmt.column_double(i)));
            column.seen_real = true;
            break;
        case SQLITE_TEXT: {
            column.slots.push_back(0);
            if (!column.has_text) {  // the earlier rows become "" cells
                column.has_text = true;
                column.offsets.reserve(row_count_ + 1);
                for (size_t r = 0; r < row_count_; ++r) append_cell_end(column.text, column.offsets);
            }
            column.seen_text = true;
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.raw(), i));
            column.offsets.push_back(column.text.size());
            column.text.append(text, static_cast<size_t>(sqlite3_column_bytes(stmt.raw(), i)));
            column.text.push_back('\0');
            continue;
        }
        default: column.slots.push_back(0);
        }
        if (column.has_text) append_cell_end(column.text, column.offsets);
    }
    ++row_count_;
}

Column QueryColumnsBuilder::finish_column(Pending& pending, size_t row_count) {
    Column column;
    column.name = std::move(pending.name);
    column.has_value.resize(row_count);
    for (size_t r = 0; r < row_count; ++r) column.has_value[r] = pending.storage[r] != SQLITE_NULL ? 1 : 0;
    const bool numbers = pending.seen_integer || pending.seen_real;
    if (pending.seen_text && numbers) {  // mixed: every cell as text, its storage class beside it
        column.type = DataType::Text;
        column.cell_types.resize(row_count);
        column.offsets.reserve(row_count);
        for (size_t r = 0; r < row_count; ++r) {
            const uint8_t storage = pending.storage[r];
            column.cell_types[r] = cell_type(storage);
            column.offsets.push_back(column.text.size());
            if (storage == SQLITE_TEXT) {
                const size_t end = r + 1 < row_count ? pending.offsets[r + 1] : pending.text.size();
                column.text.append(pending.text, pending.offsets[r], end - 1 - pending.offsets[r]);  // NULs kept
            } else if (storage != SQLITE_NULL) {
                append_number(column.text, storage, pending.slots[r]);
            }
            column.text.push_back('\0');
        }
    } else if (pending.seen_real) {
        column.type = DataType::Real;
        column.reals.resize(row_count);
        for (size_t r = 0; r < row_count; ++r) {
            const int64_t slot = pending.slots[r];
            column.reals[r] = pending.storage[r] == SQLITE_INTEGER ? static_cast<double>(slot)
                              : pending.storage[r] == SQLITE_FLOAT ? std::bit_cast<double>(slot)
                                                                   : 0.0;
        }
    } else if (pending.seen_integer) {
        column.type = DataType::Integer;
        column.integers = std::move(pending.slots);  // NULL slots already hold 0
    } else {  // TEXT only, or no value at all
        column.type = DataType::Text;
        if (!pending.has_text) {
            column.offsets.reserve(row_count);
            for (size_t r = 0; r < row_count; ++r) append_cell_end(column.text, column.offsets);
        } else {
            column.text = std::move(pending.text);
            column.offsets = std::move(pending.offsets);
        }
    }
    return column;
}

Columns QueryColumnsBuilder::finish() {
    Columns out;
    out.row_count = row_count_;
    out.columns.reserve(pending_.size());
    for (auto& pending : pending_) out.columns.push_back(finish_column(pending, row_count_));
    return out;
}

}  // namespace quiver::detail
