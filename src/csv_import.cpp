// Placeholder until CSV lands.
#include "database_impl.h"
#include "errors.h"

namespace quiver {

void Database::import_csv(const std::string&, const std::string&, const std::string&, const CSVOptions&) {
    detail::fail_cannot("import_csv", "not implemented yet");
}

}  // namespace quiver
