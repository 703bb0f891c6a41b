// BinaryFile cell I/O: the map-based read/write and the B16 fast path, with the checks of
// binary.md §4.3 in order (open, count, names and bounds, calendar, mode, length).
#include "binary/binary_file_impl.h"

#include "errors.h"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>

namespace quiver {

using namespace binary_detail;

void BinaryFile::Impl::require_open(std::string_view op) const {
    if (mode == 0) detail::fail_cannot(op, "file is not open: " + path);
}

void BinaryFile::Impl::require_mode(std::string_view op, char wanted) const {
    if (mode == wanted) return;
    detail::fail_cannot(op, std::string("file is open for ") + (mode == 'w' ? "writing: " : "reading: ") + path);
}

int64_t BinaryFile::Impl::locate(std::string_view op, const int64_t* v, size_t count, bool skip_calendar) {
    (void)count;
    const int bad = layout.out_of_bounds(v);
    if (bad >= 0) layout.fail_bounds(op, v, bad);
    if (!skip_calendar && layout.checks_calendar()) {
        int64_t implied = 0;
        const int mismatch = address_cache.calendar_mismatch(layout, v, &implied);
        if (mismatch >= 0) layout.fail_calendar(op, mismatch, v[mismatch], implied);
    }
    return layout.cell_index(v);
}

namespace {

// Map coordinates -> indices in metadata order (checks 2 and 3 of §4.3, names first).
void to_indices(const BinaryFile::Impl& impl, std::string_view op, const std::unordered_map<std::string, int64_t>& dims,
                std::vector<int64_t>& out) {
    const auto& dimensions = impl.layout.metadata().dimensions;
    if (dims.size() != dimensions.size()) {
        detail::fail_cannot(op, "expected " + std::to_string(dimensions.size()) + " dimensions, got " +
                                    std::to_string(dims.size()));
    }
    out.resize(dimensions.size());
    for (size_t i = 0; i < dimensions.size(); ++i) {
        const auto it = dims.find(dimensions[i].name);
        if (it == dims.end()) detail::fail_cannot(op, "missing required dimension: '" + dimensions[i].name + "'");
        out[i] = it->second;
        if (out[i] < 1 || out[i] > dimensions[i].size) impl.layout.fail_bounds(op, out.data(), static_cast<int>(i));
    }
}

void require_index_count(const BinaryFile::Impl& impl, std::string_view op, size_t count) {
    if (count != impl.layout.dimension_count()) {
        detail::fail_cannot(op, "expected " + std::to_string(impl.layout.dimension_count()) + " indices, got " +
                                    std::to_string(count));
    }
}

void require_no_nulls(const BinaryFile::Impl& impl, std::string_view op, const double* values, const int64_t* v) {
    for (int64_t k = 0; k < impl.layout.label_count(); ++k) {
        if (std::isnan(values[k])) {
            detail::fail_cannot(op, "data at " + impl.layout.describe(v) + " contains null values");
        }
    }
}

void require_length(std::string_view op, size_t got, int64_t expected) {
    if (got != static_cast<size_t>(expected)) {
        detail::fail_cannot(op, "data length " + std::to_string(got) + " does not match expected length " +
                                    std::to_string(expected));
    }
}

}  // namespace

std::vector<double> BinaryFile::read(const std::unordered_map<std::string, int64_t>& dims, bool allow_nulls) {
    auto& impl = *impl_;
    impl.require_open("read");
    to_indices(impl, "read", dims, impl.indices);
    const int64_t cell = impl.locate("read", impl.indices.data(), impl.indices.size(), false);
    impl.require_mode("read", 'r');
    const int64_t labels = impl.layout.label_count();
    const double* source = impl.map + cell * labels;
    if (!allow_nulls) require_no_nulls(impl, "read", source, impl.indices.data());
    return std::vector<double>(source, source + labels);
}

void BinaryFile::write(const std::vector<double>& data, const std::unordered_map<std::string, int64_t>& dims) {
    auto& impl = *impl_;
    impl.require_open("write");
    to_indices(impl, "write", dims, impl.indices);
    const int64_t cell = impl.locate("write", impl.indices.data(), impl.indices.size(), false);
    impl.require_mode("write", 'w');
    require_length("write", data.size(), impl.layout.label_count());
    impl.ensure_mapped("write");
    std::memcpy(impl.map + cell * impl.layout.label_count(), data.data(), data.size() * sizeof(double));
}

void BinaryFile::read_at(std::span<const int64_t> indices, std::span<double> out, bool allow_nulls) {
    auto& impl = *impl_;
    // Fast path for the common well-formed call: bounds and offset in one pass, no calendar check
    // unless the file has two or more time dimensions. Anything unusual takes the checked path
    // below, which reports the first problem in the order of §4.3.
    const auto& layout = impl.layout;
    const int64_t labels = layout.label_count();
    if (impl.mode == 'r' && indices.size() == layout.dimension_count() && out.size() == static_cast<size_t>(labels) &&
        !layout.checks_calendar()) {
        const auto& sizes = layout.sizes();
        const auto& strides = layout.strides();
        int64_t cell = 0;
        bool in_bounds = true;
        for (size_t i = 0; i < indices.size(); ++i) {
            const int64_t v = indices[i];
            in_bounds &= v >= 1 && v <= sizes[i];
            cell += (v - 1) * strides[i];
        }
        if (in_bounds) {
            const double* source = impl.map + cell * labels;
            if (!allow_nulls) {
                bool has_null = false;
                for (int64_t k = 0; k < labels; ++k) has_null |= std::isnan(source[k]);
                if (has_null) require_no_nulls(impl, "read_at", source, indices.data());
            }
            for (int64_t k = 0; k < labels; ++k) out[static_cast<size_t>(k)] = source[k];
            return;
        }
    }
    impl.require_open("read_at");
    require_index_count(impl, "read_at", indices.size());
    const int64_t cell = impl.locate("read_at", indices.data(), indices.size(), false);
    impl.require_mode("read_at", 'r');
    if (out.size() != static_cast<size_t>(labels)) {
        detail::fail_cannot("read_at", "output buffer holds " + std::to_string(out.size()) + " values, expected " +
                                           std::to_string(labels));
    }
    const double* source = impl.map + cell * labels;
    if (!allow_nulls) require_no_nulls(impl, "read_at", source, indices.data());
    std::memcpy(out.data(), source, static_cast<size_t>(labels) * sizeof(double));
}

void BinaryFile::write_at(std::span<const int64_t> indices, std::span<const double> data) {
    auto& impl = *impl_;
    impl.require_open("write_at");
    require_index_count(impl, "write_at", indices.size());
    const int64_t cell = impl.locate("write_at", indices.data(), indices.size(), false);
    impl.require_mode("write_at", 'w');
    require_length("write_at", data.size(), impl.layout.label_count());
    impl.ensure_mapped("write_at");
    std::memcpy(impl.map + cell * impl.layout.label_count(), data.data(), data.size() * sizeof(double));
}

void BinaryFile::read_all(std::span<double> out) {
    auto& impl = *impl_;
    impl.require_open("read_all");
    impl.require_mode("read_all", 'r');
    if (out.size() != static_cast<size_t>(impl.layout.value_count())) {
        detail::fail_cannot("read_all", "output buffer holds " + std::to_string(out.size()) + " values, expected " +
                                            std::to_string(impl.layout.value_count()));
    }
    char* p = reinterpret_cast<char*>(out.data());
    size_t remaining = out.size() * sizeof(double);
    off_t offset = 0;
    while (remaining > 0) {
        const ssize_t n = ::pread(impl.fd, p, remaining, offset);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) detail::fail_failed("read_all", "cannot read " + impl.path + ".qvr: " + std::strerror(errno));
        p += n;
        remaining -= static_cast<size_t>(n);
        offset += n;
    }
}

void BinaryFile::write_all(std::span<const double> data) {
    auto& impl = *impl_;
    impl.require_open("write_all");
    impl.require_mode("write_all", 'w');
    require_length("write_all", data.size(), impl.layout.value_count());
    // Padding must stay NaN: check everything before writing anything.
    const auto& layout = impl.layout;
    if (layout.checks_calendar()) {
        std::vector<int64_t> v(layout.dimension_count(), 1);
        const int64_t labels = layout.label_count();
        for (int64_t cell = 0;; ++cell) {
            int64_t implied = 0;
            if (impl.address_cache.calendar_mismatch(layout, v.data(), &implied) >= 0) {
                for (int64_t k = 0; k < labels; ++k) {
                    if (!std::isnan(data[static_cast<size_t>(cell * labels + k)])) {
                        detail::fail_cannot("write_all", "value at non-addressable position " + layout.describe(v.data()) +
                                                             " must be NaN");
                    }
                }
            }
            size_t i = v.size();
            while (i-- > 0 && v[i] == layout.sizes()[i]) v[i] = 1;
            if (i == static_cast<size_t>(-1)) break;
            ++v[i];
        }
    }
    write_fully(impl.fd, data.data(), data.size() * sizeof(double), 0, "write_all", impl.path + ".qvr");
    impl.filled = true;  // every value written: no NaN fill needed
}

}  // namespace quiver
