// Placeholder until CSV lands.
#include "database_impl.h"
#include "errors.h"

namespace quiver {

void Database::export_csv(const std::string&, const std::string&, const std::string&, const CSVOptions&) {
    detail::fail_cannot("export_csv", "not implemented yet");
}

}  // namespace quiver
