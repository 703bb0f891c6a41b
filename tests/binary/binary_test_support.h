// Helpers for the binary-file suites: the upstream fixtures and their manifest, byte-level file
// access, scratch paths and error assertions.
#ifndef QUIVER_TESTS_BINARY_TEST_SUPPORT_H
#define QUIVER_TESTS_BINARY_TEST_SUPPORT_H

#include "test_support.h"

#include "quiver/binary/binary_file.h"
#include "quiver/binary/binary_metadata.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace quiver::test {

inline std::string fixture_base(const std::string& name) {
    return std::string(QUIVER_BINARY_FIXTURES_DIR) + "/" + name;
}

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline const nlohmann::json& manifest() {
    static const nlohmann::json m = nlohmann::json::parse(read_bytes(fixture_base("manifest.json")));
    return m;
}

inline const nlohmann::json& fixture(const std::string& name) {
    for (const auto& f : manifest()["fixtures"]) {
        if (f["name"] == name) return f;
    }
    throw std::runtime_error("no fixture " + name);
}

inline std::vector<std::string> fixture_names() {
    std::vector<std::string> names;
    for (const auto& f : manifest()["fixtures"]) names.push_back(f["name"]);
    return names;
}

// Copies <name>.qvr/.toml (and optionally a CSV as <base>.csv) into dir; returns the new base.
inline std::string copy_fixture(const std::string& name, const std::filesystem::path& dir,
                                const std::string& csv_suffix = "") {
    const auto base = (dir / name).string();
    std::filesystem::copy_file(fixture_base(name) + ".qvr", base + ".qvr",
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(fixture_base(name) + ".toml", base + ".toml",
                               std::filesystem::copy_options::overwrite_existing);
    if (!csv_suffix.empty()) {
        std::filesystem::copy_file(fixture_base(name) + csv_suffix, base + ".csv",
                                   std::filesystem::copy_options::overwrite_existing);
    }
    return base;
}

inline double json_value(const nlohmann::json& v) {
    return v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>();
}

// Equal, treating NaN as equal to NaN.
inline bool same_value(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

inline std::string error_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const std::runtime_error& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("NOT A runtime_error: ") + e.what();
    }
    return "NO ERROR";
}

// A small valid metadata: row(3) x col(2), labels a, b.
inline BinaryMetadata plain_metadata() {
    BinaryMetadata md;
    md.version = "1";
    md.unit = "MW";
    md.labels = {"a", "b"};
    md.add_dimension("row", 3);
    md.add_dimension("col", 2);
    return md;
}

}  // namespace quiver::test

#endif  // QUIVER_TESTS_BINARY_TEST_SUPPORT_H
