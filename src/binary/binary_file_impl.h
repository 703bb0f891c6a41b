// BinaryFile's state, shared by the open/close code (binary_file.cpp), the cell I/O
// (binary_file_io.cpp) and the internal users of the fast path (CSV converter, expressions).
//
// Readers memory-map the data file read-only. Writers create it at its full size and fill it
// with NaN lazily: the first cell write fills it through pwrite (so disk-full errors surface as
// errors, not as SIGBUS) and maps it read-write; a write_all before any cell write needs no fill
// at all; close() fills a file nothing was written to. read_all/write_all use pread/pwrite on
// the descriptor: one kernel copy, no page faults.
//
// Outputs of save and csv_to_bin (replace mode) are written in storage order through a stream:
// stream_reserve() hands out buffer space for the next run of values, NaN-filling any skipped
// cells (padding, before-start), and full buffers go to disk with pwrite. No fill pass, no
// mapping, and the temporaries are renamed into place only when complete (B14).
#ifndef QUIVER_SRC_BINARY_BINARY_FILE_IMPL_H
#define QUIVER_SRC_BINARY_BINARY_FILE_IMPL_H

#include "quiver/binary/binary_file.h"

#include "binary/file_registry.h"
#include "binary/layout.h"

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace quiver {

namespace binary_detail {
// Writes all `bytes` at `offset`, retrying short writes and EINTR; throws
// "Failed to <op>: cannot write <path>: <errno text>".
void write_fully(int fd, const void* data, size_t bytes, off_t offset, std::string_view op, const std::string& path);
}  // namespace binary_detail

struct BinaryFile::Impl {
    std::string path;       // the base path as given
    std::string canonical;  // registry key
    binary_detail::Layout layout;
    char mode = 0;  // 0 closed, 'r', 'w'
    int fd = -1;
    double* map = nullptr;
    size_t map_bytes = 0;
    bool filled = true;  // writers: the data file holds NaN (or written data) everywhere
    binary_detail::Registration registration;
    binary_detail::AddressCache address_cache;
    std::vector<int64_t> indices;  // scratch for the map-based API

    // Replace mode (save, csv_to_bin): data and metadata go to P.qvr.tmp / P.toml.tmp and are
    // renamed over P.qvr / P.toml by commit(); closing without commit removes them (B14).
    bool replacing = false;
    int final_lock_fd = -1;  // lock held on the existing P.qvr while replacing it
    std::vector<double> stream;     // replace mode: values not yet written
    int64_t stream_start = 0;       // value index of stream[0]

    ~Impl();
    void release() noexcept;  // unmap, close descriptors, drop the registration
    void open_reader();
    void open_writer(const BinaryMetadata& metadata, std::string_view op, bool replace);
    void commit();
    // Writers: NaN-fill the data file if still needed and map it read-write.
    void ensure_mapped(std::string_view op);
    // Replace mode: space for `count` values starting at value index `first` (>= every index
    // reserved before); skipped values become NaN.
    double* stream_reserve(int64_t first, int64_t count);
    void stream_flush();

    // Checks shared by every cell operation, in the order of binary.md §4.3; returns the cell.
    int64_t locate(std::string_view op, const int64_t* v, size_t count, bool skip_calendar);
    void require_open(std::string_view op) const;
    void require_mode(std::string_view op, char wanted) const;
};

// Internal access for the CSV converter and the expression engine: iteration-produced
// coordinates skip the calendar check (bounds are still checked).
struct BinaryFileAccess {
    static BinaryFile::Impl& impl(BinaryFile& file);
    static const BinaryFile::Impl& impl(const BinaryFile& file);
    // Opens file for writing into the temporary pair; commit_replace renames it into place.
    static void open_replacing(BinaryFile& file, const BinaryMetadata& metadata, std::string_view op);
    static void commit_replace(BinaryFile& file);
};

}  // namespace quiver

#endif  // QUIVER_SRC_BINARY_BINARY_FILE_IMPL_H
