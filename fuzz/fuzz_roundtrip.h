// Round trips for fuzz_elements (issue 11, data fidelity): writes with NULL cells and dates,
// then reads back and checks that exactly what was written is stored and returned.
//   - element_round_trip: creates an Item with a date_created scalar and value_int/value_float
//     arrays holding NULL cells; a valid date must be accepted and an invalid one refused (D22);
//     after success every stored cell is compared (NULL-safe, `IS ?`) and a typed reader must
//     return the array exactly or refuse a NULL cell, never skip it (D20).
//   - time_series_round_trip: writes readings rows with NULL cells; after success
//     read_time_series_group must give back every written row (dates trimmed), cell for cell.
// Only for csv_full.sql (Item, Item_vector_values, Item_time_series_readings).
#ifndef QUIVER_FUZZ_FUZZ_ROUNDTRIP_H
#define QUIVER_FUZZ_FUZZ_ROUNDTRIP_H

#include "fuzz_common.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace quiver::fuzz {

// Valid forms of the D22 grammar (must be accepted), then invalid ones (must be refused).
inline const std::vector<std::string> kValidDates = {
    "2024-01-01", "2024-02-29T23:59:59", " 2024-03-01 10:30 ", "0001-01-01T00Z", "9999-12-31 23:59:59.123456789",
    "2000-02-29T12:00:00.5Z"};
inline const std::vector<std::string> kInvalidDates = {"2023-02-29", "2024-13-01", "15/01/2020", "yesterday",
                                                       "2024-01-01T24:00", "", "2024-1-01", "2024-01-01Z"};

struct DateCase {
    std::string text;
    int expect;  // 1 accepted, 0 refused, -1 either (a random string)
};

inline DateCase draw_date(FuzzedDataProvider& fdp) {
    switch (fdp.ConsumeIntegralInRange<int>(0, 2)) {
    case 0: return {kValidDates[fdp.ConsumeIntegralInRange<size_t>(0, kValidDates.size() - 1)], 1};
    case 1: return {kInvalidDates[fdp.ConsumeIntegralInRange<size_t>(0, kInvalidDates.size() - 1)], 0};
    default: return {fdp.ConsumeRandomLengthString(24), -1};
    }
}

inline std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// NULL, or a value of the cell's kind (0 integer, 1 float); never NaN (refused, tested elsewhere).
inline Value draw_cell(FuzzedDataProvider& fdp, int kind) {
    if (fdp.ConsumeBool()) return nullptr;
    if (kind == 0) return fdp.ConsumeIntegral<int64_t>();
    const double d = fdp.ConsumeFloatingPoint<double>();
    return std::isnan(d) ? 0.5 : d;
}

inline void expect_stored(Database& db, const std::string& sql, const std::vector<Value>& params, const std::string& what) {
    SqlBudgetPause pause;
    if (db.query_integer(sql, params).value_or(-1) != 1) violation("round trip: stored " + what + " differs");
}

inline void element_round_trip(Database& db, Snapshotter& snapshots, FuzzedDataProvider& fdp, int64_t serial) {
    const DateCase date = draw_date(fdp);
    const size_t n = fdp.ConsumeIntegralInRange<size_t>(1, 4);
    std::vector<Value> ints, floats;
    for (size_t k = 0; k < n; ++k) {
        ints.push_back(draw_cell(fdp, 0));
        floats.push_back(draw_cell(fdp, 1));
    }
    int64_t id = 0;
    const Element element = Element()
                                .set("label", "round trip " + std::to_string(serial))
                                .set("date_created", date.text)
                                .set("value_int", ints)
                                .set("value_float", floats);
    const bool ok = checked_write(db, snapshots, "create_element (round trip)",
                                  [&] { id = db.create_element("Item", element); });
    if (date.expect == 1 && !ok) violation("round trip: valid date '" + date.text + "' refused");
    if (date.expect == 0 && ok) violation("round trip: invalid date '" + date.text + "' accepted");
    if (!ok) return;

    {
        SqlBudgetPause pause;
        if (db.query_string("SELECT date_created FROM Item WHERE id = ?", {Value(id)}) != trimmed(date.text)) {
            violation("round trip: date_created '" + date.text + "' not stored as given (trimmed)");
        }
    }
    expect_stored(db, "SELECT count(*) = ? FROM Item_vector_values WHERE id = ?", {Value(static_cast<int64_t>(n)), Value(id)},
                  "row count");
    bool has_null = false;
    for (size_t k = 0; k < n; ++k) {
        has_null |= std::holds_alternative<std::nullptr_t>(ints[k]);
        expect_stored(db,
                      "SELECT count(*) FROM Item_vector_values WHERE id = ? AND vector_index = ? AND value_int IS ? "
                      "AND value_float IS ? AND value_text IS NULL",
                      {Value(id), Value(static_cast<int64_t>(k + 1)), ints[k], floats[k]}, "vector cell");
    }
    std::vector<int64_t> read;
    const bool read_ok = expect_ok_or_runtime_error("read_vector_integers_by_id (round trip)",
                                                    [&] { read = db.read_vector_integers_by_id("Item", "value_int", id); });
    if (read_ok == has_null) violation("round trip: a typed reader must refuse exactly the arrays holding a NULL cell");
    if (read_ok) {
        for (size_t k = 0; k < n; ++k) {
            if (read.size() != n || read[k] != std::get<int64_t>(ints[k])) violation("round trip: value_int read back differs");
        }
    }
}

inline void time_series_round_trip(Database& db, Snapshotter& snapshots, FuzzedDataProvider& fdp, int64_t id) {
    std::vector<std::map<std::string, Value>> rows;
    bool any_invalid = false;
    const size_t count = fdp.ConsumeIntegralInRange<size_t>(0, 3);
    for (size_t r = 0; r < count; ++r) {
        DateCase date = draw_date(fdp);
        if (date.expect == 1) date.text = kValidDates[r];  // distinct dates: the primary key
        any_invalid |= date.expect == 0;
        std::map<std::string, Value> row{{"date_time", date.text}};
        if (fdp.ConsumeBool()) row["temperature"] = draw_cell(fdp, 1);
        if (fdp.ConsumeBool()) row["humidity"] = draw_cell(fdp, 0);
        rows.push_back(std::move(row));
    }
    const bool ok = checked_write(db, snapshots, "update_time_series_group (round trip)",
                                  [&] { db.update_time_series_group("Item", "readings", id, rows); });
    if (ok && any_invalid) violation("round trip: an invalid date was accepted by update_time_series_group");
    if (!ok) return;  // also a missing element, or a random date equal to another

    std::vector<std::map<std::string, Value>> read;
    {
        SqlBudgetPause pause;
        read = db.read_time_series_group("Item", "readings", id);
    }
    if (read.size() != rows.size()) violation("round trip: time-series row count differs");
    for (const auto& row : rows) {
        const std::string date = trimmed(std::get<std::string>(row.at("date_time")));
        bool found = false;
        for (const auto& got : read) {
            if (std::get<std::string>(got.at("date_time")) != date) continue;
            found = true;
            for (const char* column : {"temperature", "humidity", "note"}) {
                const auto it = row.find(column);
                const Value expected = it == row.end() ? Value(nullptr) : it->second;
                if (got.at(column) != expected) violation(std::string("round trip: time-series cell '") + column + "' differs");
            }
        }
        if (!found) violation("round trip: time-series row '" + date + "' missing");
    }
}

}  // namespace quiver::fuzz

#endif  // QUIVER_FUZZ_FUZZ_ROUNDTRIP_H
