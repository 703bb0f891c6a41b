// Regression tests for inputs found by the libFuzzer harnesses in fuzz/ (see fuzz/README.md):
// each reproduces the harness input through the normal API and checks the fixed behaviour.
#include "test_helpers.h"

#include <quiver/database.h>
#include <quiver/element.h>
#include <quiver/options.h>

#include <gtest/gtest.h>

#include <string>

namespace {

using quiver::CSVOptions;
using quiver::Element;
using namespace quiver::test;

// fuzz_csv_import (fuzz/corpus/csv_import/regression_epoch_year_overflow.bin): with
// date_time_format "%s", strptime turns 67767987341572560 seconds into tm_year 2147482100, and
// tm_year + 1900 overflowed int (UBSan: signed integer overflow in csv_format.cpp). Without
// sanitizers the wrapped, negative year was accepted and stored. Such a timestamp is invalid.
TEST(FuzzRegressions, CsvImportEpochSecondsBeyondIntYearIsInvalid) {
    auto db = memory_db("valid/csv_full.sql");
    db.create_element("Item", Element().set("label", std::string("Item 1")));
    const std::string path = (scratch_dir() / "readings.csv").string();
    write_file(path, "id,date_time,temperature,humidity,note\nItem 1,67767987341572560,1,,\n");
    CSVOptions options;
    options.date_time_format = "%s";
    EXPECT_FAILS_UNCHANGED(db, db.import_csv("Item", "readings", path, options),
                           "Cannot import_csv: Timestamp 67767987341572560 is not valid. Please provide "
                           "a valid timestamp with format %s.");
    // The same scalar import path (a DateTime column of the collection) is rejected too.
    const std::string items = (scratch_dir() / "items.csv").string();
    write_file(items,
               "label,quantity,price,description,date_created,date_due,status,owner_id,sibling_id,code\n"
               "Item 1,,,,67767987341572560,,1,,,\n");
    EXPECT_FAILS_UNCHANGED(db, db.import_csv("Item", "", items, options),
                           "Cannot import_csv: Timestamp 67767987341572560 is not valid. Please provide "
                           "a valid timestamp with format %s.");
}

}  // namespace
