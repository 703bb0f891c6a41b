// Column accessors: text cells and the DATE_TIME conversion shared by every binding.
#include "quiver/columns.h"

#include "date_time.h"
#include "errors.h"

namespace quiver {

std::string_view Column::text_at(size_t row) const {
    return std::string_view(text.data() + offsets.at(row));  // each cell is NUL-terminated
}

std::vector<int64_t> Column::unix_microseconds() const {
    std::vector<int64_t> out(size(), 0);
    for (size_t r = 0; r < out.size(); ++r) {
        if (!has_value[r]) continue;
        const auto cell = text_at(r);
        const auto micros = detail::date_time_to_unix_microseconds(cell);
        if (!micros) {
            detail::fail_cannot("convert_date_times",
                                detail::invalid_date_time_reason(cell, "column '" + name + "' row " + std::to_string(r)));
        }
        out[r] = *micros;
    }
    return out;
}

const Column& Columns::at(const std::string& name) const {
    for (const auto& column : columns) {
        if (column.name == name) return column;
    }
    detail::fail_not_found("Column", name);
}

}  // namespace quiver
