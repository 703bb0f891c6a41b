// Value: one SQL cell as Quiver sees it (NULL, INTEGER, REAL or TEXT).
#ifndef QUIVER_VALUE_H
#define QUIVER_VALUE_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

namespace quiver {

using Value = std::variant<std::nullptr_t, int64_t, double, std::string>;

}  // namespace quiver

#endif  // QUIVER_VALUE_H
