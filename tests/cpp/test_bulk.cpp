// Columnar bulk reads (read_*_columns, Column, Columns) and create_elements.
#include "test_helpers.h"

#include <quiver/columns.h>
#include <quiver/database.h>

#include <gtest/gtest.h>

using namespace quiver;
using namespace quiver::test;

namespace {

class Bulk : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/bulk.sql"));
        db().create_element("Fuel", Element().set("label", "gas").set("price", 30.0));
        db().create_element("Plant", Element()
                                         .set("label", "A")
                                         .set("capacity", 100.5)
                                         .set("units", 3)
                                         .set("date_built", "2020-01-02T03:04:05.123456789Z")
                                         .set("fuel_id", "gas")
                                         .set("unit_name", {"a1", "a2"})
                                         .set("unit_capacity", std::vector<Value>{1.5, nullptr})
                                         .set("tag", {"x", "y"}));
        db().create_element("Plant", Element().set("label", "B"));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

std::vector<std::string> names(const Columns& columns) {
    std::vector<std::string> out;
    for (const auto& column : columns.columns) out.push_back(column.name);
    return out;
}

}  // namespace

TEST_F(Bulk, ScalarColumnsAllAttributes) {
    const auto table = db().read_scalar_columns("Plant");
    EXPECT_EQ(table.row_count, 2u);
    EXPECT_EQ(names(table),
              (std::vector<std::string>{"id", "capacity", "date_built", "fuel_id", "label", "status", "units"}));
    const auto& capacity = table.at("capacity");
    EXPECT_EQ(capacity.type, DataType::Real);
    EXPECT_EQ(capacity.reals, (std::vector<double>{100.5, 0.0}));
    EXPECT_EQ(capacity.has_value, (std::vector<uint8_t>{1, 0}));
    const auto& units = table.at("units");
    EXPECT_EQ(units.integers, (std::vector<int64_t>{3, 0}));
    EXPECT_EQ(units.has_value, (std::vector<uint8_t>{1, 0}));
    EXPECT_EQ(table.at("fuel_id").integers[0], 1);
    const auto& label = table.at("label");
    EXPECT_EQ(label.text_at(0), "A");
    EXPECT_EQ(label.text_at(1), "B");
    EXPECT_EQ(label.text, std::string("A\0B\0", 4));
    const auto& built = table.at("date_built");
    EXPECT_EQ(built.type, DataType::DateTime);
    EXPECT_EQ(built.has_value, (std::vector<uint8_t>{1, 0}));
    EXPECT_EQ(built.text_at(1), "");
    // 2020-01-02T03:04:05Z is 1577934245 s; the fraction is truncated to microseconds.
    EXPECT_EQ(built.unix_microseconds(), (std::vector<int64_t>{1577934245123456, 0}));
    EXPECT_THROW_MSG(table.at("nope"), "Column not found: nope");
}

TEST_F(Bulk, ScalarColumnsInGivenOrderAndErrors) {
    const auto table = db().read_scalar_columns("Plant", {"units", "label"});
    EXPECT_EQ(names(table), (std::vector<std::string>{"id", "units", "label"}));
    EXPECT_EQ(table.at("id").integers, (std::vector<int64_t>{1, 2}));
    EXPECT_THROW_MSG(db().read_scalar_columns("Nope"), "Cannot read_scalar_columns: collection not found: Nope");
    EXPECT_THROW_MSG(db().read_scalar_columns("Plant", {"nope"}),
                     "Cannot read_scalar_columns: column 'nope' not found in table 'Plant'");
}

TEST_F(Bulk, ScalarColumnsStorageClasses) {
    db().query_string("UPDATE Plant SET units = 2.9 WHERE id = 2");
    EXPECT_EQ(db().read_scalar_columns("Plant", {"units"}).at("units").integers, (std::vector<int64_t>{3, 2}));
    db().query_string("UPDATE Plant SET capacity = 7 WHERE id = 2");
    EXPECT_EQ(db().read_scalar_columns("Plant", {"capacity"}).at("capacity").reals,
              (std::vector<double>{100.5, 7.0}));
    db().query_string("UPDATE Plant SET units = 'many' WHERE id = 2");
    EXPECT_THROW_MSG(db().read_scalar_columns("Plant", {"units"}),
                     "Cannot read_scalar_columns: column 'units' row 1 holds a TEXT value, expected INTEGER");
    db().query_string("UPDATE Plant SET date_built = 'yesterday' WHERE id = 2");
    const auto table = db().read_scalar_columns("Plant", {"date_built"});
    EXPECT_THROW_MSG(table.at("date_built").unix_microseconds(),
                     "Cannot convert_date_times: invalid date-time 'yesterday' for column 'date_built' row 1: "
                     "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
}

TEST_F(Bulk, DateTimeConversion) {
    db().query_string(
        "UPDATE Plant SET date_built = CASE id WHEN 1 THEN '1969-12-31' ELSE '2024-02-29 23:59' END");
    const auto micros = db().read_scalar_columns("Plant", {"date_built"}).at("date_built").unix_microseconds();
    EXPECT_EQ(micros, (std::vector<int64_t>{-86400LL * 1000000, (1709251140LL) * 1000000}));
}

TEST_F(Bulk, VectorSetAndTimeSeriesColumns) {
    const auto vectors = db().read_vector_columns("Plant", "units");
    EXPECT_EQ(names(vectors), (std::vector<std::string>{"id", "vector_index", "unit_capacity", "unit_name"}));
    EXPECT_EQ(vectors.row_count, 2u);
    EXPECT_EQ(vectors.at("vector_index").integers, (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(vectors.at("unit_capacity").has_value, (std::vector<uint8_t>{1, 0}));  // NULL kept in place
    EXPECT_EQ(vectors.at("unit_name").text_at(1), "a2");

    const auto sets = db().read_set_columns("Plant", "tags");
    EXPECT_EQ(names(sets), (std::vector<std::string>{"id", "tag"}));
    EXPECT_EQ(sets.row_count, 2u);

    db().update_time_series_group("Plant", "generation", 2,
                                  {{{"date_time", std::string("2024-01-02")}, {"generation", 2.0}},
                                   {{"date_time", std::string("2024-01-01")}, {"generation", nullptr}}});
    db().update_time_series_group("Plant", "generation", 1, {{{"date_time", std::string("2024-01-01")}, {"generation", 1.0}}});
    const auto series = db().read_time_series_columns("Plant", "generation");
    EXPECT_EQ(names(series), (std::vector<std::string>{"id", "date_time", "generation"}));
    EXPECT_EQ(series.at("date_time").type, DataType::DateTime);
    // Written out of order: sorted by id, then date.
    EXPECT_EQ(series.at("id").integers, (std::vector<int64_t>{1, 2, 2}));
    EXPECT_EQ(series.at("date_time").text_at(1), "2024-01-01");
    EXPECT_EQ(series.at("date_time").text_at(2), "2024-01-02");
    EXPECT_EQ(series.at("generation").has_value, (std::vector<uint8_t>{1, 0, 1}));
    EXPECT_EQ(series.at("generation").reals, (std::vector<double>{1.0, 0.0, 2.0}));

    EXPECT_THROW_MSG(db().read_vector_columns("Plant", "nope"), "Vector group not found: 'nope' in collection 'Plant'");
    EXPECT_THROW_MSG(db().read_set_columns("Plant", "nope"), "Set group not found: 'nope' in collection 'Plant'");
    EXPECT_THROW_MSG(db().read_time_series_columns("Plant", "nope"),
                     "Time series group 'nope' not found for collection 'Plant'");
    EXPECT_THROW_MSG(db().read_vector_columns("Nope", "units"), "Cannot read_vector_columns: collection not found: Nope");
}

TEST_F(Bulk, EmptyResults) {
    const auto series = db().read_time_series_columns("Plant", "generation");
    EXPECT_EQ(series.row_count, 0u);
    EXPECT_EQ(series.columns.size(), 3u);
    EXPECT_TRUE(series.at("generation").reals.empty());
}

TEST_F(Bulk, CreateElementsReturnsIdsAndWritesGroups) {
    std::vector<Element> elements(2);
    elements[0].set("label", "C").set("capacity", 5.0).set("unit_name", {"c1"}).set("tag", {"t"});
    elements[1].set("label", "D").set("fuel_id", "gas");
    size_t calls = 0, last = 0;
    const auto ids = db().create_elements("Plant", elements, [&](size_t done, size_t total) {
        ++calls;
        last = done;
        EXPECT_EQ(total, 2u);
    });
    EXPECT_EQ(ids, (std::vector<int64_t>{3, 4}));
    EXPECT_EQ(calls, 2u);
    EXPECT_EQ(last, 2u);
    EXPECT_EQ(db().read_vector_strings_by_id("Plant", "unit_name", 3), (std::vector<std::string>{"c1"}));
    EXPECT_EQ(db().read_scalar_integer_by_id("Plant", "fuel_id", 4), 1);
    EXPECT_TRUE(db().create_elements("Plant", {}).empty());
}

TEST_F(Bulk, CreateElementsAllOrNothing) {
    std::vector<Element> elements(3);
    elements[0].set("label", "C");
    elements[1].set("label", "D").set("capacity", std::string("big"));
    elements[2].set("label", "E");
    EXPECT_FAILS_UNCHANGED(db(), db().create_elements("Plant", elements),
                           "Cannot create_elements: row 1: Cannot create_element: type mismatch for column "
                           "'capacity': expected REAL, got TEXT");
    elements[1] = Element().set("label", "A");  // duplicate label
    EXPECT_FAILS_UNCHANGED(db(), db().create_elements("Plant", elements),
                           "Cannot create_elements: row 1: Failed to execute statement: UNIQUE constraint failed: "
                           "Plant.label");
    elements[1] = Element().set("label", "D").set("nope", 1);
    EXPECT_FAILS_UNCHANGED_PREFIX(db(), db().create_elements("Plant", elements), "Cannot create_elements: row 1: ");
    EXPECT_FAILS_UNCHANGED(db(), db().create_elements("Nope", elements),
                           "Cannot create_elements: collection not found: Nope");

    // Inside a user transaction: a savepoint; the transaction stays usable.
    db().begin_transaction();
    db().create_element("Plant", Element().set("label", "T"));
    elements[1] = Element().set("label", "T");
    EXPECT_FAILS_UNCHANGED_PREFIX(db(), db().create_elements("Plant", elements), "Cannot create_elements: row 1: ");
    EXPECT_TRUE(db().in_transaction());
    db().commit();
    EXPECT_EQ(db().read_element_ids("Plant").size(), 3u);
}
