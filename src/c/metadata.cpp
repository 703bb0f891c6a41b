// Metadata: get_* fill a caller-owned struct, list_* allocate an array; and their free functions.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace {

char* copy_optional(const std::optional<std::string>& text) {
    return text ? quiver_c::copy_string(*text) : nullptr;
}

void release(quiver_scalar_metadata_t& metadata) noexcept {
    std::free(const_cast<char*>(metadata.name));
    std::free(const_cast<char*>(metadata.default_value));
    std::free(const_cast<char*>(metadata.references_collection));
    std::free(const_cast<char*>(metadata.references_column));
    metadata.name = nullptr;
    metadata.default_value = nullptr;
    metadata.references_collection = nullptr;
    metadata.references_column = nullptr;
}

void release(quiver_group_metadata_t& metadata) noexcept {
    std::free(const_cast<char*>(metadata.group_name));
    std::free(const_cast<char*>(metadata.dimension_column));
    if (metadata.value_columns != nullptr) {
        for (size_t i = 0; i < metadata.value_column_count; ++i) release(metadata.value_columns[i]);
        std::free(metadata.value_columns);
    }
    metadata.group_name = nullptr;
    metadata.dimension_column = nullptr;
    metadata.value_columns = nullptr;
    metadata.value_column_count = 0;
}

// All-or-nothing conversions: on failure everything allocated so far is released.
quiver_scalar_metadata_t to_c(const quiver::ScalarMetadata& metadata) {
    quiver_scalar_metadata_t result{};
    try {
        result.name = quiver_c::copy_string(metadata.name);
        result.data_type = quiver_c::to_c_data_type(metadata.data_type);
        result.not_null = metadata.not_null ? 1 : 0;
        result.primary_key = metadata.primary_key ? 1 : 0;
        result.default_value = copy_optional(metadata.default_value);
        result.is_foreign_key = metadata.is_foreign_key ? 1 : 0;
        result.references_collection = copy_optional(metadata.references_collection);
        result.references_column = copy_optional(metadata.references_column);
    } catch (...) {
        release(result);
        throw;
    }
    return result;
}

quiver_group_metadata_t to_c(const quiver::GroupMetadata& metadata) {
    quiver_group_metadata_t result{};
    try {
        result.group_name = quiver_c::copy_string(metadata.group_name);
        // NULL for vector and set groups (no dimension).
        result.dimension_column =
            metadata.dimension_column.empty() ? nullptr : quiver_c::copy_string(metadata.dimension_column);
        const auto& columns = metadata.value_columns;
        result.value_columns = quiver_c::build_array<quiver_scalar_metadata_t>(
            columns.size(), [&](size_t i) { return to_c(columns[i]); },
            [](quiver_scalar_metadata_t& column, size_t) { release(column); });
        result.value_column_count = columns.size();
    } catch (...) {
        release(result);
        throw;
    }
    return result;
}

template <typename CType, typename CppType>
void publish_list(const std::vector<CppType>& items, CType** out_metadata, size_t* out_count) {
    *out_metadata = quiver_c::build_array<CType>(
        items.size(), [&](size_t i) { return to_c(items[i]); }, [](CType& item, size_t) { release(item); });
    *out_count = items.size();
}

template <typename CType>
quiver_error_t free_metadata_array(CType* metadata, size_t count) {
    return guard([&] {
        require({{metadata, "metadata"}});
        for (size_t i = 0; i < count; ++i) release(metadata[i]);
        std::free(metadata);
    });
}

}  // namespace

namespace quiver_c {

quiver_data_type_t to_c_data_type(quiver::DataType type) {
    switch (type) {
    case quiver::DataType::Integer: return QUIVER_DATA_TYPE_INTEGER;
    case quiver::DataType::Real: return QUIVER_DATA_TYPE_FLOAT;
    case quiver::DataType::Text: return QUIVER_DATA_TYPE_STRING;
    case quiver::DataType::DateTime: return QUIVER_DATA_TYPE_DATE_TIME;
    }
    throw std::runtime_error("Cannot data_type_to_string: unknown data type " +
                             std::to_string(static_cast<int>(type)));
}

}  // namespace quiver_c

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_get_scalar_metadata(quiver_database_t* db, const char* collection,
                                                                const char* attribute,
                                                                quiver_scalar_metadata_t* out_metadata) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {attribute, "attribute"}, {out_metadata, "out_metadata"}});
        *out_metadata = to_c(db->db.get_scalar_metadata(collection, attribute));
    });
}

QUIVER_C_API quiver_error_t quiver_database_get_vector_metadata(quiver_database_t* db, const char* collection,
                                                                const char* group_name,
                                                                quiver_group_metadata_t* out_metadata) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group_name, "group_name"}, {out_metadata, "out_metadata"}});
        *out_metadata = to_c(db->db.get_vector_metadata(collection, group_name));
    });
}

QUIVER_C_API quiver_error_t quiver_database_get_set_metadata(quiver_database_t* db, const char* collection,
                                                             const char* group_name,
                                                             quiver_group_metadata_t* out_metadata) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group_name, "group_name"}, {out_metadata, "out_metadata"}});
        *out_metadata = to_c(db->db.get_set_metadata(collection, group_name));
    });
}

QUIVER_C_API quiver_error_t quiver_database_get_time_series_metadata(quiver_database_t* db, const char* collection,
                                                                     const char* group_name,
                                                                     quiver_group_metadata_t* out_metadata) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group_name, "group_name"}, {out_metadata, "out_metadata"}});
        *out_metadata = to_c(db->db.get_time_series_metadata(collection, group_name));
    });
}

QUIVER_C_API quiver_error_t quiver_database_free_scalar_metadata(quiver_scalar_metadata_t* metadata) {
    return guard([&] {
        require({{metadata, "metadata"}});
        release(*metadata);
    });
}

QUIVER_C_API quiver_error_t quiver_database_free_group_metadata(quiver_group_metadata_t* metadata) {
    return guard([&] {
        require({{metadata, "metadata"}});
        release(*metadata);
    });
}

QUIVER_C_API quiver_error_t quiver_database_list_scalar_attributes(quiver_database_t* db, const char* collection,
                                                                   quiver_scalar_metadata_t** out_metadata,
                                                                   size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_metadata, "out_metadata"}, {out_count, "out_count"}});
        publish_list(db->db.list_scalar_attributes(collection), out_metadata, out_count);
    });
}

QUIVER_C_API quiver_error_t quiver_database_list_vector_groups(quiver_database_t* db, const char* collection,
                                                               quiver_group_metadata_t** out_metadata,
                                                               size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_metadata, "out_metadata"}, {out_count, "out_count"}});
        publish_list(db->db.list_vector_groups(collection), out_metadata, out_count);
    });
}

QUIVER_C_API quiver_error_t quiver_database_list_set_groups(quiver_database_t* db, const char* collection,
                                                            quiver_group_metadata_t** out_metadata,
                                                            size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_metadata, "out_metadata"}, {out_count, "out_count"}});
        publish_list(db->db.list_set_groups(collection), out_metadata, out_count);
    });
}

QUIVER_C_API quiver_error_t quiver_database_list_time_series_groups(quiver_database_t* db, const char* collection,
                                                                    quiver_group_metadata_t** out_metadata,
                                                                    size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_metadata, "out_metadata"}, {out_count, "out_count"}});
        publish_list(db->db.list_time_series_groups(collection), out_metadata, out_count);
    });
}

QUIVER_C_API quiver_error_t quiver_database_free_scalar_metadata_array(quiver_scalar_metadata_t* metadata,
                                                                       size_t count) {
    return free_metadata_array(metadata, count);
}

QUIVER_C_API quiver_error_t quiver_database_free_group_metadata_array(quiver_group_metadata_t* metadata,
                                                                      size_t count) {
    return free_metadata_array(metadata, count);
}

}  // extern "C"
