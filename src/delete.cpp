// delete_element: group rows and relations follow the schema's ON DELETE actions.
#include "database_impl.h"
#include "errors.h"

namespace quiver {

void Database::delete_element(const std::string& collection, int64_t id) {
    constexpr const char* op = "delete_element";
    impl_->require_collection(op, collection);
    impl_->require_element(collection, id);

    detail::WriteGuard guard(*impl_);
    auto stmt = impl_->cached("DELETE FROM " + detail::quote_identifier(collection) + " WHERE id = ?");
    stmt.bind(1, id);
    stmt.run();
    guard.commit();

    impl_->logger->debug("Deleted element {} from {}", id, collection);
}

}  // namespace quiver
