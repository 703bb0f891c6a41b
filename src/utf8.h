// The one UTF-8 check of the core (value validation, the JSON encoder of script results).
#ifndef QUIVER_SRC_UTF8_H
#define QUIVER_SRC_UTF8_H

#include <string_view>

namespace quiver::detail {

// RFC 3629 UTF-8: no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

}  // namespace quiver::detail

#endif  // QUIVER_SRC_UTF8_H
