// BinaryFile: opening, closing and the atomic replace of outputs (binary.md §4.3, B7–B9, B14, B22).
#include "binary/binary_file_impl.h"

#include "binary/metadata_rules.h"
#include "errors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <vector>

namespace quiver {

using namespace binary_detail;

namespace {

[[noreturn]] void fail_io(std::string_view op, const std::string& what, const std::string& path) {
    detail::fail_failed(op, what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

void binary_detail::write_fully(int fd, const void* data, size_t bytes, off_t offset, std::string_view op,
                                const std::string& path) {
    const char* p = static_cast<const char*>(data);
    while (bytes > 0) {
        const ssize_t n = ::pwrite(fd, p, bytes, offset);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail_io(op, "cannot write", path);
        p += n;
        bytes -= static_cast<size_t>(n);
        offset += n;
    }
}

namespace {

// Writes text to path + ".tmp" and renames it over path (or leaves the temporary when !publish).
void write_text_file(const std::string& path, const std::string& text, bool publish, std::string_view op) {
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail_io(op, "cannot create", tmp);
    try {
        write_fully(fd, text.data(), text.size(), 0, op, tmp);
    } catch (...) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    ::close(fd);
    if (publish && ::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        fail_io(op, "cannot replace", path);
    }
}

// Fills [0, bytes) with quiet NaN (00 00 00 00 00 00 f8 7f) in 8 MiB chunks.
void fill_nan(int fd, size_t bytes, std::string_view op, const std::string& path) {
    constexpr size_t kChunk = size_t{8} << 20;
    const std::vector<double> chunk(std::min(bytes, kChunk) / sizeof(double),
                                    std::numeric_limits<double>::quiet_NaN());
    for (size_t offset = 0; offset < bytes; offset += kChunk) {
        const size_t n = std::min(kChunk, bytes - offset);
        write_fully(fd, chunk.data(), n, static_cast<off_t>(offset), op, path);
    }
}

bool is_regular_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

BinaryFile::Impl::~Impl() {
    release();
}

void BinaryFile::Impl::release() noexcept {
    if (mode == 'w' && !replacing && !filled && fd >= 0) {
        try {
            fill_nan(fd, static_cast<size_t>(layout.value_count()) * sizeof(double), "close", path + ".qvr");
        } catch (...) {
            // Reported by close(); the destructor cannot report it.
        }
        filled = true;
    }
    if (map) ::munmap(map, map_bytes);
    map = nullptr;
    map_bytes = 0;
    if (fd >= 0) ::close(fd);
    fd = -1;
    if (final_lock_fd >= 0) ::close(final_lock_fd);
    final_lock_fd = -1;
    if (replacing && mode == 'w') {  // never committed: drop the temporaries (B14)
        ::unlink((path + ".qvr.tmp").c_str());
        ::unlink((path + ".toml.tmp").c_str());
    }
    replacing = false;
    mode = 0;
    registration.release();
}

void BinaryFile::Impl::open_reader() {
    const std::string data_path = path + ".qvr";
    if (!is_regular_file(data_path) || !is_regular_file(path + ".toml")) detail::fail_not_found("Binary file", path);
    BinaryMetadata metadata = BinaryMetadata::from_toml_file(path);
    Registration reg(canonical, Role::Reader);
    const int descriptor = ::open(data_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) fail_io("open_file", "cannot open", data_path);
    try {
        lock_data_file(descriptor, Role::Reader, data_path, canonical);
        Layout new_layout(metadata);
        struct stat st {};
        if (::fstat(descriptor, &st) != 0) fail_io("open_file", "cannot stat", data_path);
        const auto expected = static_cast<int64_t>(new_layout.value_count() * 8);
        if (st.st_size != expected) {
            detail::fail_cannot("open_file", "data file size " + std::to_string(st.st_size) +
                                                 " bytes does not match metadata (expected " +
                                                 std::to_string(expected) + "): " + data_path);
        }
        void* m = ::mmap(nullptr, static_cast<size_t>(expected), PROT_READ, MAP_SHARED, descriptor, 0);
        if (m == MAP_FAILED) fail_io("open_file", "cannot map", data_path);
        layout = std::move(new_layout);
        map = static_cast<double*>(m);
        map_bytes = static_cast<size_t>(expected);
    } catch (...) {
        ::close(descriptor);
        throw;
    }
    fd = descriptor;
    registration = std::move(reg);
    address_cache = AddressCache();
    mode = 'r';
}

void BinaryFile::Impl::open_writer(const BinaryMetadata& metadata, std::string_view op, bool replace) {
    const BinaryMetadata md = validated_copy(metadata, op);  // B14: validate before touching anything
    const std::string toml = md.to_toml();
    Registration reg(canonical, Role::Writer);
    const std::string final_data = path + ".qvr";
    const std::string data_path = replace ? final_data + ".tmp" : final_data;
    const int descriptor = ::open(data_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (descriptor < 0) fail_io("open_file", "cannot open", data_path);
    int final_lock = -1;
    try {
        lock_data_file(descriptor, Role::Writer, data_path, canonical);
        if (replace && is_regular_file(final_data)) {
            final_lock = ::open(final_data.c_str(), O_RDONLY | O_CLOEXEC);
            if (final_lock >= 0) lock_data_file(final_lock, Role::Writer, final_data, canonical);
        }
        Layout new_layout(md);
        const auto bytes = static_cast<size_t>(new_layout.value_count()) * sizeof(double);
        write_text_file(path + ".toml", toml, !replace, op);
        if (::ftruncate(descriptor, 0) != 0 || ::ftruncate(descriptor, static_cast<off_t>(bytes)) != 0) {
            fail_io(op, "cannot resize", data_path);
        }
        layout = std::move(new_layout);
    } catch (...) {
        ::close(descriptor);
        if (final_lock >= 0) ::close(final_lock);
        if (replace) {
            ::unlink(data_path.c_str());
            ::unlink((path + ".toml.tmp").c_str());
        }
        throw;
    }
    fd = descriptor;
    final_lock_fd = final_lock;
    registration = std::move(reg);
    address_cache = AddressCache();
    replacing = replace;
    filled = false;
    stream.clear();
    stream_start = 0;
    mode = 'w';
}

void BinaryFile::Impl::ensure_mapped(std::string_view op) {
    const size_t bytes = static_cast<size_t>(layout.value_count()) * sizeof(double);
    if (!filled) {
        fill_nan(fd, bytes, op, path + ".qvr");
        filled = true;
    }
    if (map) return;
    void* m = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (m == MAP_FAILED) fail_io(op, "cannot map", path + ".qvr");
    map = static_cast<double*>(m);
    map_bytes = bytes;
}

double* BinaryFile::Impl::stream_reserve(int64_t first, int64_t count) {
    constexpr size_t kFlushValues = size_t{1} << 19;  // 4 MiB
    int64_t end = stream_start + static_cast<int64_t>(stream.size());
    if (first < end) detail::fail_cannot("save", "internal error: values written out of order");
    if (stream.size() >= kFlushValues) {
        stream_flush();
        end = stream_start;
    }
    stream.resize(stream.size() + static_cast<size_t>(first - end), std::numeric_limits<double>::quiet_NaN());
    const size_t at = stream.size();
    stream.resize(at + static_cast<size_t>(count));
    return stream.data() + at;
}

void BinaryFile::Impl::stream_flush() {
    write_fully(fd, stream.data(), stream.size() * sizeof(double), static_cast<off_t>(stream_start * 8), "save",
                path + ".qvr.tmp");
    stream_start += static_cast<int64_t>(stream.size());
    stream.clear();
}

void BinaryFile::Impl::commit() {
    if (mode != 'w' || !replacing) return;
    const int64_t total = layout.value_count();
    const int64_t end = stream_start + static_cast<int64_t>(stream.size());
    if (end < total) stream_reserve(total, 0);
    stream_flush();
    const std::string data = path + ".qvr";
    const std::string meta = path + ".toml";
    if (::rename((data + ".tmp").c_str(), data.c_str()) != 0 || ::rename((meta + ".tmp").c_str(), meta.c_str()) != 0) {
        fail_io("save", "cannot replace", path);
    }
    replacing = false;
    filled = true;
    release();
}

BinaryFile::BinaryFile(const std::string& file_path) : impl_(std::make_unique<Impl>()) {
    impl_->path = file_path;
}

BinaryFile::~BinaryFile() = default;
BinaryFile::BinaryFile(BinaryFile&& other) noexcept = default;
BinaryFile& BinaryFile::operator=(BinaryFile&& other) noexcept = default;

BinaryFile BinaryFile::open_file(const std::string& file_path, char mode, const std::optional<BinaryMetadata>& metadata) {
    BinaryFile file(file_path);
    file.open(mode, metadata);
    return file;
}

void BinaryFile::open(char mode, const std::optional<BinaryMetadata>& metadata) {
    if (!impl_) detail::fail_cannot("open_file", "the handle was moved from");
    impl_->release();
    impl_->canonical = canonical_base(impl_->path);
    require_not_writing(impl_->canonical);
    if (mode == 'r') {
        impl_->open_reader();
    } else if (mode == 'w') {
        if (!metadata) detail::fail_cannot("open_file", "metadata must be provided when opening a file in write mode");
        impl_->open_writer(*metadata, "open_file", false);
    } else {
        detail::fail_cannot("open_file", std::string("invalid file mode: ") + mode +
                                             ". Use 'r' for read or 'w' for write");
    }
}

void BinaryFile::close() {
    if (!impl_) return;
    if (impl_->mode == 'w' && !impl_->replacing && !impl_->filled) impl_->ensure_mapped("close");
    impl_->release();
}

bool BinaryFile::is_open() const {
    return impl_ && impl_->mode != 0;
}

const BinaryMetadata& BinaryFile::get_metadata() const {
    if (!impl_) detail::fail_cannot("get_metadata", "the handle was moved from");
    return impl_->layout.metadata();
}

const std::string& BinaryFile::get_file_path() const {
    if (!impl_) detail::fail_cannot("get_file_path", "the handle was moved from");
    return impl_->path;
}

BinaryFile::Impl& BinaryFileAccess::impl(BinaryFile& file) {
    return *file.impl_;
}

const BinaryFile::Impl& BinaryFileAccess::impl(const BinaryFile& file) {
    return *file.impl_;
}

void BinaryFileAccess::open_replacing(BinaryFile& file, const BinaryMetadata& metadata, std::string_view op) {
    auto& impl = *file.impl_;
    impl.release();
    impl.canonical = canonical_base(impl.path);
    require_not_writing(impl.canonical);
    impl.open_writer(metadata, op, true);
}

void BinaryFileAccess::commit_replace(BinaryFile& file) {
    file.impl_->commit();
}

}  // namespace quiver
