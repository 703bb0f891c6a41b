// CSVConverter (binary.md §4.5 with B11–B14).
//
// The format has no quoting (B11 forbids ',', '"', CR and LF in names, and values are numbers
// or "null"), so lines are split on ',' directly; a general CSV parser would accept quoted
// fields this format does not have.
#include "quiver/binary/csv_converter.h"

#include "binary/binary_file_impl.h"
#include "binary/calendar.h"
#include "csv_format.h"
#include "errors.h"

#include <cmath>
#include <fstream>
#include <iostream>
#include <limits>

#include <fcntl.h>
#include <unistd.h>

namespace quiver {

using namespace binary_detail;

CSVConverter::CSVConverter(const BinaryMetadata& metadata, std::unique_ptr<std::iostream> io,
                           bool /*aggregate_time_dimensions*/)
    : metadata_(metadata), io_(std::move(io)) {}

CSVConverter::~CSVConverter() = default;

namespace {

// The columns of one form: the dimension columns (date/datetime first when aggregated), then labels.
struct CsvColumns {
    bool aggregated = false;
    std::vector<std::string> names;
    size_t dimension_columns = 0;
};

CsvColumns columns_for(const Layout& layout, bool aggregated) {
    CsvColumns c;
    c.aggregated = aggregated && layout.has_time();
    const auto& md = layout.metadata();
    if (c.aggregated) c.names.push_back(layout.has_hourly() ? "datetime" : "date");
    for (const auto& d : md.dimensions) {
        if (!c.aggregated || !d.is_time_dimension()) c.names.push_back(d.name);
    }
    c.dimension_columns = c.names.size();
    for (const auto& l : md.labels) c.names.push_back(l);
    return c;
}

// Appends the dimension fields of coordinate v, comma-separated, without a trailing comma.
void append_dimension_text(std::string& out, const Layout& layout, const CsvColumns& c, const int64_t* v) {
    const auto& dims = layout.metadata().dimensions;
    bool first = true;
    if (c.aggregated) {
        const int64_t t = layout.seconds_at(v);
        out += layout.has_hourly() ? format_datetime(t) : format_date(t);
        first = false;
    }
    for (size_t i = 0; i < dims.size(); ++i) {
        if (c.aggregated && dims[i].is_time_dimension()) continue;
        if (!first) out.push_back(',');
        out += std::to_string(v[i]);
        first = false;
    }
}

void append_value(std::string& out, double value) {
    if (std::isnan(value)) {
        out += "null";
    } else {
        out += detail::csv::format_double(value);
    }
}

std::vector<std::string_view> split(std::string_view line) {
    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
        const size_t comma = line.find(',', start);
        if (comma == std::string_view::npos) {
            fields.push_back(line.substr(start));
            return fields;
        }
        fields.push_back(line.substr(start, comma - start));
        start = comma + 1;
    }
}

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
    return out;
}

// B13: null/nan -> NaN, inf/-inf, otherwise a complete decimal literal.
std::optional<double> parse_value(std::string_view text) {
    if (text == "null" || text == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (text == "inf") return std::numeric_limits<double>::infinity();
    if (text == "-inf") return -std::numeric_limits<double>::infinity();
    if (text.size() >= 3 && (text.back() == 'f' || text.back() == 'F')) return std::nullopt;  // only exact inf
    return detail::csv::parse_float(text);
}

// Reads one line (LF-terminated; one trailing CR stripped). False at end of file.
bool next_line(std::istream& in, std::string& line) {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

constexpr std::string_view kToBin = "csv_to_bin";

}  // namespace

void CSVConverter::bin_to_csv(const std::string& file_path, bool aggregate_time_dimensions) {
    BinaryFile file = BinaryFile::open_file(file_path, 'r');
    const auto& impl = BinaryFileAccess::impl(file);
    const Layout& layout = impl.layout;
    const CsvColumns c = columns_for(layout, aggregate_time_dimensions);

    const std::string csv = file_path + ".csv";
    const std::string tmp = csv + ".tmp";
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) detail::fail_failed("bin_to_csv", "cannot create " + tmp);
    std::string buffer;
    for (size_t i = 0; i < c.names.size(); ++i) buffer += (i ? "," : "") + c.names[i];
    buffer.push_back('\n');
    std::vector<int64_t> v(layout.dimension_count());
    layout.first(v.data());
    const int64_t labels = layout.label_count();
    do {
        append_dimension_text(buffer, layout, c, v.data());
        const double* values = impl.map + layout.cell_index(v.data()) * labels;
        for (int64_t k = 0; k < labels; ++k) {
            buffer.push_back(',');
            append_value(buffer, values[k]);
        }
        buffer.push_back('\n');
        if (buffer.size() > (1u << 20)) {
            out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            buffer.clear();
        }
    } while (layout.next(v.data()));
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.close();
    if (!out || ::rename(tmp.c_str(), csv.c_str()) != 0) {
        ::unlink(tmp.c_str());
        detail::fail_failed("bin_to_csv", "cannot write " + csv);
    }
}

void CSVConverter::csv_to_bin(const std::string& file_path) {
    const BinaryMetadata metadata = BinaryMetadata::from_toml_file(file_path);
    const std::string csv = file_path + ".csv";
    std::ifstream in(csv, std::ios::binary);
    if (!in) detail::fail_not_found("CSV file", csv);

    const Layout layout(metadata);
    std::string line;
    next_line(in, line);
    const auto header = split(line);
    const bool aggregated = layout.has_time() && (header[0] == "date" || header[0] == "datetime");
    const CsvColumns c = columns_for(layout, aggregated);
    if (header.size() < c.names.size()) {
        detail::fail_cannot(kToBin, "CSV header has " + std::to_string(header.size()) + " columns, expected " +
                                        std::to_string(c.names.size()));
    }
    bool header_ok = header.size() == c.names.size();
    for (size_t i = 0; header_ok && i < header.size(); ++i) header_ok = header[i] == c.names[i];
    if (!header_ok) {
        detail::fail_cannot(kToBin, "unexpected header in CSV file: '" + line + "'. Expected columns are: " +
                                        join(c.names));
    }

    BinaryFile file(file_path);
    BinaryFileAccess::open_replacing(file, metadata, kToBin);
    auto& impl = BinaryFileAccess::impl(file);
    const int64_t labels = layout.label_count();
    std::vector<int64_t> v(layout.dimension_count());
    layout.first(v.data());
    std::string expected;
    size_t line_number = 1;
    do {
        ++line_number;
        expected.clear();
        append_dimension_text(expected, layout, c, v.data());
        if (!next_line(in, line)) {
            detail::fail_cannot(kToBin, "missing line " + std::to_string(line_number) + " (expected " + expected + ")");
        }
        const auto fields = split(line);
        if (fields.size() != c.names.size()) {
            detail::fail_cannot(kToBin, "line " + std::to_string(line_number) + " has " + std::to_string(fields.size()) +
                                            " fields, expected " + std::to_string(c.names.size()));
        }
        const auto expected_fields = split(expected);
        for (size_t i = 0; i < c.dimension_columns; ++i) {
            if (fields[i] != expected_fields[i]) {
                detail::fail_cannot(kToBin, "line " + std::to_string(line_number) + ": CSV dimension '" + c.names[i] +
                                                "' has value '" + std::string(fields[i]) + "', expected '" +
                                                std::string(expected_fields[i]) + "'");
            }
        }
        double* target = impl.stream_reserve(layout.cell_index(v.data()) * labels, labels);
        for (int64_t k = 0; k < labels; ++k) {
            const size_t column = c.dimension_columns + static_cast<size_t>(k);
            const auto value = parse_value(fields[column]);
            if (!value) {
                detail::fail_cannot(kToBin, "line " + std::to_string(line_number) + ": invalid number '" +
                                                std::string(fields[column]) + "' in column '" + c.names[column] + "'");
            }
            target[k] = *value;
        }
    } while (layout.next(v.data()));
    while (next_line(in, line)) {
        ++line_number;
        if (!line.empty()) detail::fail_cannot(kToBin, "unexpected extra line " + std::to_string(line_number));
    }
    BinaryFileAccess::commit_replace(file);
}

}  // namespace quiver
