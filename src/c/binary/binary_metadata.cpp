// quiver_binary_metadata_*: building, reading and converting metadata (binary.md §6.2).
#include "binary_internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace quiver_c {

std::vector<std::string> to_strings(const char* const* values, size_t count, const char* param, const std::string& op,
                                    const std::string& what) {
    if (count > 0) require({{values, param}});
    std::vector<std::string> out;
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        if (values[i] == nullptr) fail(op, "null " + what + " at index " + std::to_string(i));
        out.emplace_back(values[i]);
    }
    return out;
}

quiver_binary_metadata_t* new_metadata(const quiver::BinaryMetadata& metadata) {
    return new quiver_binary_metadata{metadata};
}

}  // namespace quiver_c

namespace {

quiver_time_frequency_t to_c(quiver::TimeFrequency f) {
    return static_cast<quiver_time_frequency_t>(static_cast<int>(f));
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_binary_metadata_create(quiver_binary_metadata_t** out_metadata) {
    return guard([&] {
        require({{out_metadata, "out_metadata"}});
        *out_metadata = new quiver_binary_metadata{};
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_free(quiver_binary_metadata_t* metadata) {
    delete metadata;
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_from_toml(const char* toml, quiver_binary_metadata_t** out_metadata) {
    return guard([&] {
        require({{toml, "toml"}, {out_metadata, "out_metadata"}});
        *out_metadata = quiver_c::new_metadata(quiver::BinaryMetadata::from_toml_content(toml));
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_from_element(quiver_element_t* element,
                                                                quiver_binary_metadata_t** out_metadata) {
    return guard([&] {
        require({{element, "element"}, {out_metadata, "out_metadata"}});
        *out_metadata = quiver_c::new_metadata(quiver::BinaryMetadata::from_element(element->element));
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_to_toml(quiver_binary_metadata_t* metadata, char** out_toml) {
    return guard([&] {
        require({{metadata, "metadata"}, {out_toml, "out_toml"}});
        *out_toml = quiver_c::copy_string(metadata->metadata.to_toml());
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_set_initial_datetime(quiver_binary_metadata_t* metadata,
                                                                        const char* iso8601) {
    return guard([&] {
        require({{metadata, "metadata"}, {iso8601, "iso8601"}});
        metadata->metadata.set_initial_datetime(iso8601);
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_set_unit(quiver_binary_metadata_t* metadata, const char* unit) {
    return guard([&] {
        require({{metadata, "metadata"}, {unit, "unit"}});
        metadata->metadata.unit = unit;
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_set_version(quiver_binary_metadata_t* metadata, const char* version) {
    return guard([&] {
        require({{metadata, "metadata"}, {version, "version"}});
        metadata->metadata.version = version;
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_set_labels(quiver_binary_metadata_t* metadata,
                                                              const char* const* labels, size_t count) {
    return guard([&] {
        require({{metadata, "metadata"}});
        metadata->metadata.labels = quiver_c::to_strings(labels, count, "labels", "set_labels", "label");
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_add_dimension(quiver_binary_metadata_t* metadata, const char* name,
                                                                 int64_t size) {
    return guard([&] {
        require({{metadata, "metadata"}, {name, "name"}});
        metadata->metadata.add_dimension(name, size);
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_add_time_dimension(quiver_binary_metadata_t* metadata,
                                                                      const char* name, int64_t size,
                                                                      const char* frequency) {
    return guard([&] {
        require({{metadata, "metadata"}, {name, "name"}, {frequency, "frequency"}});
        metadata->metadata.add_time_dimension(name, size, frequency);
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_get_unit(quiver_binary_metadata_t* metadata, char** out_unit) {
    return guard([&] {
        require({{metadata, "metadata"}, {out_unit, "out_unit"}});
        *out_unit = quiver_c::copy_string(metadata->metadata.unit);
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_get_version(quiver_binary_metadata_t* metadata, char** out_version) {
    return guard([&] {
        require({{metadata, "metadata"}, {out_version, "out_version"}});
        *out_version = quiver_c::copy_string(metadata->metadata.version);
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_get_initial_datetime(quiver_binary_metadata_t* metadata,
                                                                        char** out_datetime) {
    return guard([&] {
        require({{metadata, "metadata"}, {out_datetime, "out_datetime"}});
        *out_datetime = quiver_c::copy_string(metadata->metadata.get_initial_datetime());
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_get_number_of_time_dimensions(quiver_binary_metadata_t* metadata,
                                                                                 int64_t* out_count) {
    return guard([&] {
        require({{metadata, "metadata"}, {out_count, "out_count"}});
        *out_count = metadata->metadata.number_of_time_dimensions();
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_get_labels(quiver_binary_metadata_t* metadata, char*** out_labels,
                                                              size_t* out_count) {
    return guard([&] {
        require({{metadata, "metadata"}, {out_labels, "out_labels"}, {out_count, "out_count"}});
        quiver_c::copy_list(metadata->metadata.labels, out_labels, out_count);
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_get_dimension_count(quiver_binary_metadata_t* metadata,
                                                                       size_t* out_count) {
    return guard([&] {
        require({{metadata, "metadata"}, {out_count, "out_count"}});
        *out_count = metadata->metadata.dimensions.size();
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_get_dimension(quiver_binary_metadata_t* metadata, size_t index,
                                                                 quiver_dimension_t* out_dimension) {
    return guard([&] {
        require({{metadata, "metadata"}, {out_dimension, "out_dimension"}});
        auto md = metadata->metadata;
        md.refresh_time_properties();
        if (index >= md.dimensions.size()) quiver_c::fail("get_dimension", "index out of range");
        const auto& d = md.dimensions[index];
        quiver_dimension_t result{};
        result.size = d.size;
        result.is_time_dimension = d.is_time_dimension() ? 1 : 0;
        if (d.time) {
            result.time_properties.frequency = to_c(d.time->frequency);
            result.time_properties.initial_value = d.time->initial_value;
            result.time_properties.parent_dimension_index = d.time->parent_dimension_index;
        }
        result.name = quiver_c::copy_string(d.name);
        *out_dimension = result;
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_get_value_count(quiver_binary_metadata_t* metadata,
                                                                   size_t* out_count) {
    return guard([&] {
        require({{metadata, "metadata"}, {out_count, "out_count"}});
        const int64_t count = metadata->metadata.value_count();
        if (count < 0) quiver_c::fail("get_value_count", "number of values exceeds the largest file size");
        *out_count = static_cast<size_t>(count);
    });
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_free_string(char* str) {
    std::free(str);
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_free_string_array(char** strings, size_t count) {
    quiver_c::free_strings(strings, count);
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_binary_metadata_free_dimension(quiver_dimension_t* dimension) {
    return guard([&] {
        require({{dimension, "dimension"}});
        std::free(const_cast<char*>(dimension->name));
        dimension->name = nullptr;
    });
}

}  // extern "C"
