// create_elements: many elements in one call, all or nothing.
//
// Each element goes through create_element itself (same checks, messages, label resolution and
// group routing); the one write guard around the loop makes the whole call atomic (D3): a
// transaction of its own, or a savepoint inside a user transaction. Inside that guard every
// create takes create_element's in-transaction path, so a bulk create costs what a loop of
// creates in a user transaction costs.
#include "database_impl.h"
#include "errors.h"

#include <algorithm>

namespace quiver {

std::vector<int64_t> Database::create_elements(const std::string& collection, const std::vector<Element>& elements,
                                               const std::function<void(size_t, size_t)>& progress) {
    constexpr const char* op = "create_elements";
    impl_->require_schema(op);
    impl_->require_collection(op, collection);
    std::vector<int64_t> ids;
    ids.reserve(elements.size());
    if (elements.empty()) return ids;

    // Progress is reported about a hundred times, never per element.
    const size_t step = std::max<size_t>(1, elements.size() / 100);
    detail::WriteGuard guard(*impl_);
    for (size_t row = 0; row < elements.size(); ++row) {
        try {
            ids.push_back(create_element(collection, elements[row]));
        } catch (const std::exception& e) {
            detail::fail_cannot(op, "row " + std::to_string(row) + ": " + e.what());
        }
        if (progress && ((row + 1) % step == 0 || row + 1 == elements.size())) progress(row + 1, elements.size());
    }
    guard.commit();
    impl_->logger->debug("Created {} elements in {}", ids.size(), collection);
    return ids;
}

}  // namespace quiver
