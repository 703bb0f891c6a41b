// Helpers for the binary-file and expression C API tests (C API only, plus the fixture manifest).
#ifndef QUIVER_TESTS_C_BINARY_TEST_SUPPORT_H
#define QUIVER_TESTS_C_BINARY_TEST_SUPPORT_H

#include "c_test_support.h"

#include "quiver/c/binary/binary_file.h"
#include "quiver/c/binary/binary_metadata.h"
#include "quiver/c/binary/csv_converter.h"
#include "quiver/c/expression/expression.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <limits>

namespace quiver::c_test {

inline std::string fixture_base(const std::string& name) {
    return std::string(QUIVER_BINARY_FIXTURES_DIR) + "/" + name;
}

inline const nlohmann::json& binary_manifest() {
    static const nlohmann::json m = nlohmann::json::parse(read_file(fixture_base("manifest.json")));
    return m;
}

inline std::vector<std::string> binary_fixture_names() {
    std::vector<std::string> names;
    for (const auto& f : binary_manifest()["fixtures"]) names.push_back(f["name"]);
    return names;
}

inline const nlohmann::json& binary_fixture(const std::string& name) {
    for (const auto& f : binary_manifest()["fixtures"]) {
        if (f["name"] == name) return f;
    }
    throw std::runtime_error("no fixture " + name);
}

inline bool same_value(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

inline double json_value(const nlohmann::json& v) {
    return v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>();
}

// Owners that release C handles at scope exit.
struct MetadataHandle {
    quiver_binary_metadata_t* md = nullptr;
    ~MetadataHandle() { quiver_binary_metadata_free(md); }
};
struct FileHandle {
    quiver_binary_file_t* file = nullptr;
    ~FileHandle() { quiver_binary_file_close(file); }
};
struct ExpressionHandle {
    quiver_expression_t* expr = nullptr;
    ~ExpressionHandle() { quiver_expression_close(expr); }
};

// row(3) x col(2), labels a, b, unit MW, version 1, built through the C API.
inline quiver_binary_metadata_t* plain_c_metadata() {
    quiver_binary_metadata_t* md = nullptr;
    EXPECT_OK(quiver_binary_metadata_create(&md));
    const char* labels[] = {"a", "b"};
    EXPECT_OK(quiver_binary_metadata_set_version(md, "1"));
    EXPECT_OK(quiver_binary_metadata_set_unit(md, "MW"));
    EXPECT_OK(quiver_binary_metadata_set_labels(md, labels, 2));
    EXPECT_OK(quiver_binary_metadata_add_dimension(md, "row", 3));
    EXPECT_OK(quiver_binary_metadata_add_dimension(md, "col", 2));
    return md;
}

}  // namespace quiver::c_test

#endif  // QUIVER_TESTS_C_BINARY_TEST_SUPPORT_H
