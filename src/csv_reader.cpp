// CSV import, reading side (semantics §8.3; see csv_reader.h for the contract). Kept apart from
// csv_import.cpp because the text rules (separators, quoting, Excel's trailing separators) change
// for different reasons than the schema rules, and can be read and tested without a database.
#include "csv_reader.h"

#include "errors.h"
#include "statement.h"

#include <csv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace quiver::detail::csv {
namespace {

constexpr const char* kOp = "import_csv";

[[noreturn]] void fail(std::string_view reason) {
    detail::fail_cannot(kOp, reason);
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

// Excel writes one separator per empty trailing column. N = the trailing separators of the
// header line; up to N trailing separators (and the blanks around them) go from every line.
std::string strip_trailing_separators(const std::string& text, char sep) {
    const size_t header_end = std::min(text.find('\n'), text.size());
    size_t count = 0;
    for (size_t p = header_end;;) {
        while (p > 0 && is_blank(text[p - 1])) --p;
        if (p == 0 || text[p - 1] != sep) break;
        --p;
        ++count;
    }
    if (count == 0) return text;

    std::string out;
    out.reserve(text.size());
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        const bool has_lf = end != std::string::npos;
        if (!has_lf) end = text.size();
        size_t keep = end;
        size_t removed = 0;
        while (removed < count) {
            size_t p = keep;
            while (p > start && is_blank(text[p - 1])) --p;
            if (p == start || text[p - 1] != sep) break;
            keep = p - 1;
            ++removed;
        }
        if (removed > 0) {
            while (keep > start && is_blank(text[keep - 1])) --keep;
        }
        out.append(text, start, keep - start);
        if (!has_lf) break;
        out.push_back('\n');
        start = end + 1;
    }
    return out;
}

struct ParseState {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> current;
};

void on_field(void* data, size_t size, void* state) {
    auto& s = *static_cast<ParseState*>(state);
    if (size == 0 || data == nullptr) {
        s.current.emplace_back();
    } else {
        s.current.emplace_back(static_cast<const char*>(data), size);
    }
}

void on_row(int, void* state) {
    auto& s = *static_cast<ParseState*>(state);
    s.rows.push_back(std::move(s.current));
    s.current.clear();
}

// Records end at LF only; a CR outside quotes is blank (so CRLF works).
int is_lf(unsigned char c) {
    return c == '\n';
}
// Header: only CR is insignificant, so names keep their spaces (they are not trimmed).
int header_blank(unsigned char c) {
    return c == '\r';
}
// Data: blanks around unquoted fields and around quotes are insignificant (cells are trimmed).
int data_blank(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

class Parser {
public:
    Parser(char sep, int (*blank)(unsigned char)) {
        // CSV_REPALL_NL reports empty lines as rows without fields.
        if (csv_init(&parser_, CSV_REPALL_NL) != 0) detail::fail_failed(kOp, "could not initialise the CSV parser");
        csv_set_delim(&parser_, static_cast<unsigned char>(sep));
        csv_set_space_func(&parser_, blank);
        csv_set_term_func(&parser_, is_lf);
    }
    ~Parser() { csv_free(&parser_); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    void feed(const char* data, size_t size) {
        if (csv_parse(&parser_, data, size, on_field, on_row, &state_) != size) error();
    }
    void finish() {
        if (csv_fini(&parser_, on_field, on_row, &state_) != 0) error();
    }
    ParseState& state() { return state_; }

private:
    [[noreturn]] void error() {
        detail::fail_failed(kOp, std::string("could not parse the CSV file: ") + csv_strerror(csv_error(&parser_)));
    }
    csv_parser parser_{};
    ParseState state_;
};

CsvFile parse_file(std::string text) {
    // A UTF-8 byte order mark (as some spreadsheet programs write) is not part of the header.
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);

    char sep = ',';
    if (text.rfind("sep=", 0) == 0) {
        if (text.size() > 4 && text[4] == ';') sep = ';';
        const auto lf = text.find('\n');
        text.erase(0, lf == std::string::npos ? text.size() : lf + 1);
    } else if (text.find(';') != std::string::npos && text.find(',') == std::string::npos) {
        sep = ';';
    }
    text = strip_trailing_separators(text, sep);

    CsvFile file;
    // The header record, byte by byte so the data parser can start right after it.
    size_t offset = 0;
    {
        Parser header(sep, header_blank);
        while (offset < text.size() && header.state().rows.empty()) {
            header.feed(text.data() + offset, 1);
            ++offset;
        }
        if (header.state().rows.empty()) header.finish();
        if (!header.state().rows.empty()) file.header = std::move(header.state().rows.front());
    }

    Parser data(sep, data_blank);
    data.feed(text.data() + offset, text.size() - offset);
    data.finish();
    auto& rows = data.state().rows;
    // Empty lines at the end are not rows; an empty line in the middle is one empty field.
    while (!rows.empty() && rows.back().empty()) rows.pop_back();
    for (auto& row : rows) {
        if (row.empty()) row.emplace_back();
        for (auto& cell : row) cell = std::string(detail::trim(cell));
    }
    file.rows = std::move(rows);
    return file;
}

std::string read_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) fail("could not open file: " + path);
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("could not open file: " + path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) fail("could not open file: " + path);
    return text;
}

}  // namespace

CsvFile read_csv_file(const std::string& path) {
    return parse_file(read_file(path));
}

}  // namespace quiver::detail::csv
