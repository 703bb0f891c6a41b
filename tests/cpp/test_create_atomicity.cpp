// create_element failing after its first INSERT, inside and outside a user transaction: the
// compensation path (no triggers/ON CONFLICT) and the savepoint path (with a trigger) must
// both leave the database exactly as it was, AUTOINCREMENT counter included.
#include "test_helpers.h"

#include <quiver/database.h>

namespace quiver::test {
namespace {

Element item(const std::string& label) {
    Element e;
    e.set("label", label).set("value", int64_t{1}).set("amount", std::vector<double>{1.5, 2.5});
    return e;
}

Element item_with_duplicate_tags(const std::string& label) {
    auto e = item(label);
    e.set("tag", std::vector<std::string>{"x", "x"});
    return e;
}

constexpr const char* kDuplicateTag = "Failed to execute statement: UNIQUE constraint failed: Item_set_tags.id, Item_set_tags.tag";

TEST(CreateAtomicity, FirstCreateFailingInTransactionLeavesNoSequenceRow) {
    auto db = memory_db("valid/compensation.sql");
    db.begin_transaction();
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Item", item_with_duplicate_tags("a")), kDuplicateTag);
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM sqlite_sequence WHERE name = 'Item'"), 0);
    EXPECT_TRUE(db.in_transaction());
    EXPECT_EQ(db.create_element("Item", item("b")), 1);
    db.commit();
}

TEST(CreateAtomicity, FailureInTransactionRestoresSequenceAndKeepsEarlierWrites) {
    auto db = memory_db("valid/compensation.sql");
    db.begin_transaction();
    EXPECT_EQ(db.create_element("Item", item("a")), 1);
    EXPECT_EQ(db.create_element("Item", item("b")), 2);
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Item", item_with_duplicate_tags("c")), kDuplicateTag);
    // The time series is written last: its missing dimension fails after vector and set rows.
    auto no_dimension = item("d");
    no_dimension.set("tag", std::vector<std::string>{"t"}).set("load", std::vector<double>{1.0});
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Item", no_dimension),
                           "Failed to execute statement: NOT NULL constraint failed: Item_time_series_load.date_time");
    EXPECT_EQ(db.create_element("Item", item("e")), 3);  // the counter was restored
    db.commit();
    EXPECT_EQ(db.read_scalar_strings("Item", "label"),
              (std::vector<std::optional<std::string>>{"a", "b", "e"}));
    EXPECT_EQ(db.read_vector_floats("Item", "amount"),
              (std::vector<std::vector<double>>{{1.5, 2.5}, {1.5, 2.5}, {1.5, 2.5}}));
}

TEST(CreateAtomicity, ExplicitIdFailureInTransactionRestoresSequence) {
    auto db = memory_db("valid/compensation.sql");
    db.begin_transaction();
    db.create_element("Item", item("a"));
    auto explicit_id = item_with_duplicate_tags("big");
    explicit_id.set("id", int64_t{100});
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Item", explicit_id), kDuplicateTag);
    EXPECT_EQ(db.create_element("Item", item("b")), 2);
    db.commit();
}

TEST(CreateAtomicity, FailureOutsideTransactionLeavesNothing) {
    auto db = memory_db("valid/compensation.sql");
    db.create_element("Item", item("a"));
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Item", item_with_duplicate_tags("c")), kDuplicateTag);
    EXPECT_EQ(db.create_element("Item", item("b")), 2);
}

TEST(CreateAtomicity, SchemaWithTriggerUsesSavepointAndStaysAtomic) {
    const auto dir = scratch_dir();
    auto schema = read_file(schema_path("valid/compensation.sql"));
    schema += "CREATE TABLE Audit (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;\n"
              "CREATE TRIGGER item_audit AFTER INSERT ON Item BEGIN "
              "INSERT INTO Audit (label) VALUES ('created ' || NEW.label); END;\n";
    write_file((dir / "schema.sql").string(), schema);
    auto db = Database::from_schema(":memory:", (dir / "schema.sql").string(), quiet());
    db.begin_transaction();
    db.create_element("Item", item("a"));
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Item", item_with_duplicate_tags("c")), kDuplicateTag);
    EXPECT_EQ(count_rows(db, "Audit"), 1);
    db.commit();
}

}  // namespace
}  // namespace quiver::test
