// CSV import, reading side (semantics §8.3): a file on disk becomes a header and rows of trimmed
// cells. It owns everything about the text (byte order mark, the `sep=` line, separator detection,
// Excel's trailing separators, quoting through libcsv) and knows nothing of the schema, so the
// import (csv_import.cpp) starts from plain cells and owns all typing and writing.
#ifndef QUIVER_SRC_CSV_READER_H
#define QUIVER_SRC_CSV_READER_H

#include <string>
#include <vector>

namespace quiver::detail::csv {

struct CsvFile {
    std::vector<std::string> header;             // names as written (not trimmed)
    std::vector<std::vector<std::string>> rows;  // cells trimmed; no trailing empty lines
};

// Reads and parses the file at `path`. Throws "Cannot import_csv: could not open file: <path>"
// or "Failed to import_csv: could not parse the CSV file: <reason>". An empty file gives an
// empty header.
CsvFile read_csv_file(const std::string& path);

}  // namespace quiver::detail::csv

#endif  // QUIVER_SRC_CSV_READER_H
