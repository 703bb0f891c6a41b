// What the group suites (test_groups, test_label_writes, test_time_series_row) share: rows as the
// group readers and writers take them, and the illustrative database most of their tests start from.
#ifndef QUIVER_TESTS_CPP_GROUP_FIXTURES_H
#define QUIVER_TESTS_CPP_GROUP_FIXTURES_H

#include "test_helpers.h"

#include <quiver/database.h>
#include <quiver/element.h>

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace quiver::test {

using RowMap = std::map<std::string, Value>;
using Rows = std::vector<RowMap>;

// A TEXT value from a literal (a bare const char* would not pick the std::string alternative).
inline Value text(const char* s) {
    return Value(std::string(s));
}

// The illustrative schema (semantics §2.3): Plant with units (unit_size REAL, unit_code TEXT),
// tags (tag TEXT NOT NULL) and owner_id -> Owner; one Owner "Acme", Plant "Plant A" (capacity
// 100) and Plant "Plant B", in memory.
class IllustrativePlants : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/illustrative.sql"));
        owner_ = db().create_element("Owner", Element().set("label", "Acme"));
        plant_a_ = db().create_element("Plant", Element().set("label", "Plant A").set("capacity", 100.0));
        plant_b_ = db().create_element("Plant", Element().set("label", "Plant B"));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
    int64_t owner_ = 0, plant_a_ = 0, plant_b_ = 0;
};

}  // namespace quiver::test

#endif  // QUIVER_TESTS_CPP_GROUP_FIXTURES_H
