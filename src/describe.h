// Pieces shared by describe.cpp and summarize.cpp: the collection header line and the groups
// of a collection in report order (vectors, sets, time series; each alphabetical).
#ifndef QUIVER_SRC_DESCRIBE_H
#define QUIVER_SRC_DESCRIBE_H

#include "database_impl.h"

#include <string>
#include <vector>

namespace quiver::detail {

struct CollectionGroup {
    GroupTableType type;
    std::string name;  // the group name, without "<C>_vector_" etc.
    const TableDefinition* table;
};

int64_t count_rows(Database::Impl& impl, const std::string& table);
// "Collection: <C> (<n> element|elements)\n"
std::string collection_header(Database::Impl& impl, const std::string& collection);
std::vector<CollectionGroup> collection_groups(const Schema& schema, const std::string& collection);
// "  Vectors:\n", "  Sets:\n", "  Time Series:\n"
const char* section_title(GroupTableType type);
// The "Collection: ..." block of describe() for one collection.
std::string describe_block(Database::Impl& impl, const Schema& schema, const std::string& collection);

}  // namespace quiver::detail

#endif  // QUIVER_SRC_DESCRIBE_H
