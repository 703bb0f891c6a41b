// Metadata returned by Database::get_*_metadata and Database::list_*.
#ifndef QUIVER_ATTRIBUTE_METADATA_H
#define QUIVER_ATTRIBUTE_METADATA_H

#include "quiver/data_type.h"
#include "quiver/export.h"

#include <optional>
#include <string>
#include <vector>

namespace quiver {

struct QUIVER_API ScalarMetadata {
    std::string name;
    DataType data_type;
    bool not_null;
    bool primary_key;
    std::optional<std::string> default_value;  // SQL default text as declared
    bool is_foreign_key = false;
    std::optional<std::string> references_collection;
    std::optional<std::string> references_column;
};

// A vector, set or time-series group. value_columns are alphabetical; like scalars they carry
// foreign-key information (is_foreign_key, references_*) for columns that reference a collection.
struct QUIVER_API GroupMetadata {
    std::string group_name;
    std::string dimension_column;  // "" for vector and set groups
    std::vector<ScalarMetadata> value_columns;
};

}  // namespace quiver

#endif  // QUIVER_ATTRIBUTE_METADATA_H
