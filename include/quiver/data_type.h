// DataType: the four column types a Quiver schema may declare.
//
// DATE_TIME is either declared as such or is a TEXT column whose name starts with "date_".
#ifndef QUIVER_DATA_TYPE_H
#define QUIVER_DATA_TYPE_H

#include <stdexcept>
#include <string>

namespace quiver {

enum class DataType { Integer = 0, Real = 1, Text = 2, DateTime = 3 };

// Accepts exactly "INTEGER", "REAL", "TEXT", "DATE_TIME"; anything else throws
// "Unknown data type: <type_str>".
inline DataType data_type_from_string(const std::string& type_str) {
    if (type_str == "INTEGER") return DataType::Integer;
    if (type_str == "REAL") return DataType::Real;
    if (type_str == "TEXT") return DataType::Text;
    if (type_str == "DATE_TIME") return DataType::DateTime;
    throw std::runtime_error("Unknown data type: " + type_str);
}

inline const char* data_type_to_string(DataType type) {
    switch (type) {
    case DataType::Integer: return "INTEGER";
    case DataType::Real: return "REAL";
    case DataType::Text: return "TEXT";
    case DataType::DateTime: return "DATE_TIME";
    }
    throw std::runtime_error("Cannot data_type_to_string: unknown data type " +
                             std::to_string(static_cast<int>(type)));
}

// True iff the column name starts with "date_" (the underscore is required).
inline bool is_date_time_column(const std::string& name) {
    return name.rfind("date_", 0) == 0;
}

}  // namespace quiver

#endif  // QUIVER_DATA_TYPE_H
