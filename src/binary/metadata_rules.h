// Validation of BinaryMetadata with the operation name of the public call that validated (B1):
// "Cannot <op>: invalid metadata: <rule text>".
#ifndef QUIVER_SRC_BINARY_METADATA_RULES_H
#define QUIVER_SRC_BINARY_METADATA_RULES_H

#include "quiver/binary/binary_metadata.h"

#include <string>
#include <string_view>

namespace quiver::binary_detail {

[[noreturn]] void fail_metadata(std::string_view op, const std::string& rule);

// Rules 1–12 (§2.4 with B6 and B11) in order; the first failure throws.
void validate_metadata(const BinaryMetadata& metadata, std::string_view op);
void validate_time_rules(const BinaryMetadata& metadata, std::string_view op, bool sizes_only);

// A validated copy with refreshed time properties (what every writer and expression uses).
BinaryMetadata validated_copy(const BinaryMetadata& metadata, std::string_view op);

}  // namespace quiver::binary_detail

#endif  // QUIVER_SRC_BINARY_METADATA_RULES_H
