// The TOML sidecar (binary.md §2.2, §2.3) and BinaryMetadata::from_element, via toml++.
//
// Reading is strict (B5): wrong-typed entries, arrays of different lengths and missing or
// non-string scalars are errors, never silently skipped. Writing goes through toml++'s own
// formatter, which is what makes the text byte-identical to upstream's files.
#include "quiver/binary/binary_metadata.h"

#include "binary/calendar.h"
#include "binary/metadata_rules.h"
#include "errors.h"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace quiver {

using namespace binary_detail;

namespace {

std::vector<std::string> string_array(std::string_view op, const toml::table& table, const std::string& key, bool required) {
    const toml::node* node = table.get(key);
    if (!node) {
        if (required) detail::fail_cannot(op, "missing key '" + key + "'");
        return {};
    }
    const toml::array* array = node->as_array();
    if (!array) detail::fail_cannot(op, "key '" + key + "' must be an array");
    std::vector<std::string> out;
    out.reserve(array->size());
    for (size_t i = 0; i < array->size(); ++i) {
        const auto* value = (*array)[i].as_string();
        if (!value) detail::fail_cannot(op, "'" + key + "' entry " + std::to_string(i) + " must be a string");
        out.push_back(value->get());
    }
    return out;
}

std::vector<int64_t> integer_array(std::string_view op, const toml::table& table, const std::string& key) {
    const toml::node* node = table.get(key);
    if (!node) detail::fail_cannot(op, "missing key '" + key + "'");
    const toml::array* array = node->as_array();
    if (!array) detail::fail_cannot(op, "key '" + key + "' must be an array");
    std::vector<int64_t> out;
    out.reserve(array->size());
    for (size_t i = 0; i < array->size(); ++i) {
        const auto* value = (*array)[i].as_integer();
        if (!value) detail::fail_cannot(op, "'" + key + "' entry " + std::to_string(i) + " must be an integer");
        out.push_back(value->get());
    }
    return out;
}

std::string required_string(std::string_view op, const toml::table& table, const std::string& key) {
    const toml::node* node = table.get(key);
    if (!node) detail::fail_cannot(op, "missing key '" + key + "'");
    const auto* value = node->as_string();
    if (!value) detail::fail_cannot(op, "key '" + key + "' must be a string");
    return value->get();
}

void require_same_length(std::string_view op, const std::string& a, size_t n, const std::string& b, size_t m) {
    if (n != m) {
        detail::fail_cannot(op, "'" + a + "' has " + std::to_string(n) + " entries but '" + b + "' has " +
                                     std::to_string(m));
    }
}

toml::table parse_table(const std::string& content) {
    constexpr std::string_view op = "from_toml";
    try {
        return toml::parse(content);
    } catch (const toml::parse_error& e) {
        detail::fail_cannot(op, "TOML syntax error: " + std::string(e.description()) + " (line " +
                                     std::to_string(e.source().begin.line) + ", column " +
                                     std::to_string(e.source().begin.column) + ")");
    }
}

}  // namespace

namespace binary_detail {

// §2.3 steps 2–8 on a parsed table; op names the public call (from_toml or from_element).
BinaryMetadata metadata_from_table(const toml::table& table, std::string_view op) {
    const auto dimensions = string_array(op, table, "dimensions", true);
    const auto sizes = integer_array(op, table, "dimension_sizes");
    const auto time_dimensions = string_array(op, table, "time_dimensions", false);
    const auto frequencies = string_array(op, table, "frequencies", false);
    const auto labels = string_array(op, table, "labels", true);
    require_same_length(op, "dimensions", dimensions.size(), "dimension_sizes", sizes.size());
    require_same_length(op, "time_dimensions", time_dimensions.size(), "frequencies", frequencies.size());

    BinaryMetadata md;
    const std::string initial_datetime = required_string(op, table, "initial_datetime");
    md.unit = required_string(op, table, "unit");
    md.version = required_string(op, table, "version");
    md.labels = labels;

    // Time dimensions: each one of the dimensions, in the same relative order.
    std::vector<std::optional<std::string>> frequency_of(dimensions.size());
    size_t next_allowed = 0;
    for (size_t t = 0; t < time_dimensions.size(); ++t) {
        size_t index = dimensions.size();
        for (size_t i = 0; i < dimensions.size(); ++i) {
            if (dimensions[i] == time_dimensions[t]) {
                index = i;
                break;
            }
        }
        if (index == dimensions.size()) {
            fail_metadata(op, "time dimension '" + time_dimensions[t] + "' is not in dimensions");
        }
        if (index < next_allowed) fail_metadata(op, "time dimensions must appear in the same order as dimensions");
        next_allowed = index + 1;
        frequency_of[index] = frequencies[t];
    }

    const auto seconds = parse_datetime(initial_datetime);
    if (!seconds) {
        detail::fail_cannot(op, "invalid initial_datetime '" + initial_datetime + "' (expected YYYY-MM-DDTHH:MM:SS)");
    }
    if (*seconds < min_seconds() || *seconds > max_seconds()) fail_metadata(op, "datetime range exceeds 1678..2261");
    md.initial_datetime = from_seconds(*seconds);

    for (size_t i = 0; i < dimensions.size(); ++i) {
        if (frequency_of[i]) {
            TimeProperties time;
            try {
                time.frequency = frequency_from_string(*frequency_of[i]);
            } catch (const std::runtime_error&) {
                detail::fail_cannot(op, "unknown frequency: " + *frequency_of[i]);
            }
            md.dimensions.push_back(Dimension{dimensions[i], sizes[i], time});
        } else {
            md.dimensions.push_back(Dimension{dimensions[i], sizes[i], std::nullopt});
        }
    }
    validate_metadata(md, op);  // before the initial values, so the rule text is what fails (B1)
    md.refresh_time_properties();
    return md;
}

}  // namespace binary_detail

BinaryMetadata BinaryMetadata::from_toml_content(const std::string& toml_content) {
    return metadata_from_table(parse_table(toml_content), "from_toml");
}

BinaryMetadata BinaryMetadata::from_toml_file(const std::string& file_path) {
    const std::string path = file_path + ".toml";
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path)) detail::fail_not_found("Metadata file", path);
    std::ostringstream content;
    content << in.rdbuf();
    return from_toml_content(content.str());
}

std::string BinaryMetadata::to_toml() const {
    const BinaryMetadata md = validated_copy(*this, "to_toml");
    toml::array dimension_names;
    toml::array dimension_sizes;
    toml::array time_dimensions;
    toml::array frequencies;
    for (const auto& d : md.dimensions) {
        dimension_names.push_back(d.name);
        dimension_sizes.push_back(d.size);
        if (d.time) {
            time_dimensions.push_back(d.name);
            frequencies.push_back(frequency_to_string(d.time->frequency));
        }
    }
    toml::array labels;
    for (const auto& l : md.labels) labels.push_back(l);
    toml::table table{
        {"version", md.version},
        {"dimensions", std::move(dimension_names)},
        {"dimension_sizes", std::move(dimension_sizes)},
        {"time_dimensions", std::move(time_dimensions)},
        {"frequencies", std::move(frequencies)},
        {"initial_datetime", format_datetime(to_seconds(md.initial_datetime))},
        {"unit", md.unit},
        {"labels", std::move(labels)},
    };
    std::ostringstream out;
    out << table;
    return out.str();
}

namespace {

constexpr std::string_view kElementOp = "from_element";

const std::vector<Value>* find_array(const Element& element, const std::string& name, bool required) {
    const auto& arrays = element.arrays();
    const auto it = arrays.find(name);
    if (it == arrays.end()) {
        if (required) detail::fail_cannot(kElementOp, "missing array '" + name + "'");
        return nullptr;
    }
    return &it->second;
}

toml::array element_strings(const Element& element, const std::string& name, bool required) {
    toml::array out;
    const auto* values = find_array(element, name, required);
    if (!values) return out;
    for (const auto& v : *values) {
        const auto* s = std::get_if<std::string>(&v);
        if (!s) detail::fail_cannot(kElementOp, "array '" + name + "' must contain strings");
        out.push_back(*s);
    }
    return out;
}

}  // namespace

BinaryMetadata BinaryMetadata::from_element(const Element& element) {
    toml::table table;
    for (const char* name : {"version", "initial_datetime", "unit"}) {
        const auto it = element.scalars().find(name);
        if (it == element.scalars().end()) detail::fail_cannot(kElementOp, "missing scalar '" + std::string(name) + "'");
        const auto* s = std::get_if<std::string>(&it->second);
        if (!s) detail::fail_cannot(kElementOp, "scalar '" + std::string(name) + "' must be a string");
        table.insert_or_assign(name, *s);
    }
    table.insert_or_assign("dimensions", element_strings(element, "dimensions", true));
    table.insert_or_assign("labels", element_strings(element, "labels", true));
    table.insert_or_assign("time_dimensions", element_strings(element, "time_dimensions", false));
    table.insert_or_assign("frequencies", element_strings(element, "frequencies", false));
    toml::array sizes;
    for (const auto& v : *find_array(element, "dimension_sizes", true)) {
        const auto* n = std::get_if<int64_t>(&v);
        if (!n) detail::fail_cannot(kElementOp, "array 'dimension_sizes' must contain integers");
        sizes.push_back(*n);
    }
    table.insert_or_assign("dimension_sizes", std::move(sizes));
    return metadata_from_table(table, kElementOp);
}

}  // namespace quiver
