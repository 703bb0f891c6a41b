// CSV import (semantics §8.3-§8.5, D3, D9, D14) on the csv_full.sql fixture: reading rules,
// every validation message in order, writing (ids kept by label, no orphans, group
// replacement) and all-or-nothing failures, in autocommit and inside a user transaction.
// (Companion of test_csv_import.cpp.)
#include "csv_test_helpers.h"

#include <gtest/gtest.h>

namespace quiver {
namespace {

using csv_test::csv_path;
using csv_test::enum_options;
using csv_test::error_of;
using csv_test::expect_import_failure;
using csv_test::make_db;
using csv_test::seed;
using csv_test::snapshot;
using csv_test::write_text;

const std::string kItemHeader = "label,quantity,price,description,date_created,date_due,status,owner_id,sibling_id,code";

void import_text(Database& db, const std::string& collection, const std::string& group, const std::string& text,
                 const CSVOptions& options = {}) {
    const auto path = csv_path("import.csv");
    write_text(path, text);
    db.import_csv(collection, group, path, options);
}

// The rows of a query selecting one text column named r, joined by LF.
std::string rows_of(Database& db, const std::string& select) {
    return db.query_string("SELECT group_concat(r, char(10)) FROM (" + select + ")").value_or("");
}

// ---------------------------------------------------------------------------------------------
// Scalar import

TEST(CsvImportRules, ScalarIntoEmptyCollection) {
    auto db = make_db();
    import_text(db, "Owner", "", "sep=,\nlabel,budget\n\"Owner A\",1500.25\n\"Owner, B\",\n");
    EXPECT_EQ(db.read_element_ids("Owner"), (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(db.read_scalar_strings("Owner", "label"),
              (std::vector<std::optional<std::string>>{"Owner A", "Owner, B"}));
    EXPECT_EQ(db.read_scalar_floats("Owner", "budget"), (std::vector<std::optional<double>>{1500.25, std::nullopt}));
}

TEST(CsvImportRules, ScalarTypesForeignKeysAndSelfReferences) {
    auto db = make_db();
    import_text(db, "Owner", "", "label,budget\nOwner A,\nOwner B,\n");
    import_text(db, "Item", "",
                kItemHeader +
                    "\n"
                    "first,+5,-2.5e1,\" padded , text \",2024-1-5,2024-01-15 10:30,3,Owner B,second,c1\n"
                    "second,-7,.5,,2024-02-30T1:2:3.456Z,,1,,first,\n"
                    "third,0,7,x,,,2,Owner A,third,c3\n");
    EXPECT_EQ(rows_of(db, "SELECT id || '|' || label || '|' || quote(quantity) || '|' || quote(price) || '|' || "
                          "quote(description) || '|' || quote(date_created) || '|' || quote(date_due) || '|' || "
                          "status || '|' || quote(owner_id) || '|' || quote(sibling_id) || '|' || quote(code) AS r "
                          "FROM Item ORDER BY id"),
              "1|first|5|-25.0|'padded , text'|'2024-01-05T00:00:00'|'2024-01-15T10:30:00'|3|2|2|'c1'\n"
              "2|second|-7|0.5|NULL|'2024-02-30T01:02:03'|NULL|1|NULL|1|NULL\n"
              "3|third|0|7.0|'x'|NULL|NULL|2|1|3|'c3'");
}

TEST(CsvImportRules, KeepsIdsByLabelDeletesMissingAndLeavesNoOrphans) {
    auto db = make_db();
    seed(db);  // Item 1 (id 1), Ítem três (2), Item2 (3); one shipment per item
    import_text(db, "Item", "",
                kItemHeader +
                    "\n"
                    "New,1,,,,,1,,Item2,\n"
                    "Item2,2,,,,,2,,New,B2\n"
                    "Item 1,3,,,,,1,Owner A,,A-1\n");
    // Existing labels keep their ids and groups; "Ítem três" is gone with its group rows and
    // the shipment that cascades from it; the new element gets the next AUTOINCREMENT id.
    EXPECT_EQ(rows_of(db, "SELECT id || '|' || label || '|' || quantity || '|' || quote(sibling_id) AS r FROM Item "
                          "ORDER BY id"),
              "1|Item 1|3|NULL\n3|Item2|2|4\n4|New|1|3");
    EXPECT_EQ(rows_of(db, "SELECT label AS r FROM Shipment ORDER BY id"), "Shipment 1\nShipment 3");
    EXPECT_EQ(db.read_vector_floats_by_id("Item", "value_float", 1), (std::vector<double>{0.1, 1e-7, 1e8}));
    EXPECT_EQ(rows_of(db, "SELECT id || '|' || level AS r FROM Item_set_levels ORDER BY id, level"), "1|1\n1|2");
    // The reference from Item2's vector to the deleted element was nulled (ON DELETE SET NULL).
    EXPECT_EQ(rows_of(db, "SELECT vector_index || '|' || quote(friend_id) AS r FROM Item_vector_refs ORDER BY 1"),
              "1|1\n2|NULL");
    EXPECT_EQ(db.query_string("SELECT \"table\" FROM pragma_foreign_key_check"), std::nullopt);
}

TEST(CsvImportRules, DeletingReferencedOwnersAppliesForeignKeyActions) {
    auto db = make_db();
    seed(db);
    import_text(db, "Owner", "", "label,budget\nOwner A,1\n");
    EXPECT_EQ(db.read_scalar_integers("Item", "owner_id"),
              (std::vector<std::optional<int64_t>>{1, std::nullopt, std::nullopt}));
    EXPECT_EQ(rows_of(db, "SELECT quote(owner_ref) AS r FROM Item_vector_refs ORDER BY vector_index"), "1\nNULL");
}

TEST(CsvImportRules, ColumnOrderInFileDoesNotMatter) {
    auto db = make_db();
    import_text(db, "Owner", "", "budget,label\n2.5,x\n");
    EXPECT_EQ(db.read_scalar_floats("Owner", "budget"), (std::vector<std::optional<double>>{2.5}));
    import_text(db, "Item", "",
                "status,label,quantity,price,description,date_created,date_due,owner_id,sibling_id,code\n"
                "1,lone,,,,,,x,,\n");
    EXPECT_EQ(db.read_scalar_integers("Item", "owner_id"), (std::vector<std::optional<int64_t>>{1}));
}

TEST(CsvImportRules, NumericCellInForeignKeyIsALabel) {
    auto db = make_db();
    import_text(db, "Owner", "", "label,budget\nfirst,\n42,\n");
    import_text(db, "Item", "", kItemHeader + "\nx,,,,,,1,42,,\n");
    EXPECT_EQ(db.read_scalar_integers("Item", "owner_id"), (std::vector<std::optional<int64_t>>{2}));
}

TEST(CsvImportRules, EnumLabelsCaseInsensitiveAcrossLocales) {
    auto db = make_db();
    import_text(db, "Item", "",
                kItemHeader + "\na,,,,,,ACTIVE,,,\nb,,,,,,inativo,,,\nc,,,,,,AÇÃO,,,\nd,,,,,,7,,,\n",
                enum_options());
    EXPECT_EQ(db.read_scalar_integers("Item", "status"), (std::vector<std::optional<int64_t>>{1, 2, 9, 7}));
}

TEST(CsvImportRules, DateTimeFormatParsesAndNormalises) {
    auto db = make_db();
    CSVOptions options;
    options.date_time_format = "%d/%m/%Y %H:%M";
    import_text(db, "Item", "", kItemHeader + "\na,,,,\"15/01/2024 10:30\",01/03/2024 08:05,1,,,\n", options);
    EXPECT_EQ(db.read_scalar_strings("Item", "date_created"),
              (std::vector<std::optional<std::string>>{"2024-01-15T10:30:00"}));
    EXPECT_EQ(db.read_scalar_strings("Item", "date_due"),
              (std::vector<std::optional<std::string>>{"2024-03-01T08:05:00"}));
    options.date_time_format = "%d/%m/%Y";
    import_text(db, "Item", "", kItemHeader + "\na,,,,31/12/1999,,1,,,\n", options);
    EXPECT_EQ(db.read_scalar_strings("Item", "date_created"),
              (std::vector<std::optional<std::string>>{"1999-12-31T00:00:00"}));
}

TEST(CsvImportRules, AcceptedDatesWithoutFormat) {
    auto db = make_db();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"2024-01-15", "2024-01-15T00:00:00"},
        {"2024-1-5", "2024-01-05T00:00:00"},
        {"2024-01-15T10:30:45", "2024-01-15T10:30:45"},
        {"2024-01-15 10:30:45", "2024-01-15T10:30:45"},
        {"2024-01-15T10", "2024-01-15T10:00:00"},
        {"2024-01-15 7:5", "2024-01-15T07:05:00"},
        {"2024-01-15T10:30:45.123", "2024-01-15T10:30:45"},
        {"2024-01-15T10:30:45Z", "2024-01-15T10:30:45"},
        {"2024-01-15T10:30:45.5Z", "2024-01-15T10:30:45"},
        {"2024-02-30", "2024-02-30T00:00:00"},
        {"2024-12-31T23:59:60", "2024-12-31T23:59:60"},
    };
    for (const auto& [input, stored] : cases) {
        import_text(db, "Item", "", kItemHeader + "\na,,,,\"" + input + "\",,1,,,\n");
        EXPECT_EQ(db.read_scalar_strings("Item", "date_created"), (std::vector<std::optional<std::string>>{stored}))
            << input;
    }
}

TEST(CsvImportRules, SeparatorsLineEndingsQuotingAndTrimming) {
    auto db = make_db();
    const std::string query = "SELECT id || '|' || label || '|' || quote(budget) AS r FROM Owner ORDER BY id";
    // sep=; line.
    import_text(db, "Owner", "", "sep=;\nlabel;budget\n\"a;b\";1.5\n\"c, \"\"d\"\"\";\n");
    EXPECT_EQ(rows_of(db, query), "1|a;b|1.5\n2|c, \"d\"|NULL");
    // Detected semicolon: contains ';' and no ','.
    import_text(db, "Owner", "", "label;budget\n\"a;b\";1.5\nx;\n");
    EXPECT_EQ(rows_of(db, query), "1|a;b|1.5\n3|x|NULL");
    // sep= with anything else means comma; CRLF line endings; blanks around cells and quotes.
    import_text(db, "Owner", "", "sep=|\r\nlabel,budget\r\n  \"a;b\"  ,  1.5 \r\n\t\"c, \"\"d\"\"\" , \r\n");
    EXPECT_EQ(rows_of(db, query), "1|a;b|1.5\n4|c, \"d\"|NULL");
    // Quoted fields keep separators and line breaks; the cell is trimmed after unquoting.
    import_text(db, "Owner", "", "label,budget\n\" multi\nline, text \",\n");
    EXPECT_EQ(rows_of(db, "SELECT label AS r FROM Owner"), "multi\nline, text");
    // Trailing empty lines are not rows; the last line needs no LF.
    import_text(db, "Owner", "", "label,budget\nlast,2\n\n\n");
    import_text(db, "Owner", "", "label,budget\nlast,3");
    EXPECT_EQ(rows_of(db, "SELECT label || '|' || budget AS r FROM Owner"), "last|3.0");
}

TEST(CsvImportRules, QuotedHeaderAndByteOrderMark) {
    auto db = make_db();
    import_text(db, "Owner", "", "\xEF\xBB\xBFsep=,\r\n\"label\",\"budget\"\r\n\"x\",\"1\"\r\n");
    EXPECT_EQ(rows_of(db, "SELECT label || '|' || budget AS r FROM Owner"), "x|1.0");
    import_text(db, "Configuration", "", "label\r\nonly\r\n");
    EXPECT_EQ(db.read_scalar_strings("Configuration", "label"), (std::vector<std::optional<std::string>>{"only"}));
}

TEST(CsvImportRules, ExcelTrailingSeparatorsAreRemoved) {
    auto db = make_db();
    import_text(db, "Owner", "", "sep=;\r\nlabel;budget;;\r\nx;1;;\r\ny;2 ; ;\r\nz;3\r\n");
    EXPECT_EQ(rows_of(db, "SELECT label || '|' || budget AS r FROM Owner ORDER BY id"), "x|1.0\ny|2.0\nz|3.0");
}

TEST(CsvImportRules, WorksInsideUserTransaction) {
    auto db = make_db();
    seed(db);
    const auto before = snapshot(db);
    db.begin_transaction();
    import_text(db, "Owner", "", "label,budget\nOnly,\n");
    EXPECT_TRUE(db.in_transaction());
    EXPECT_EQ(db.read_scalar_strings("Owner", "label"), (std::vector<std::optional<std::string>>{"Only"}));
    db.rollback();
    EXPECT_EQ(snapshot(db), before);
}

TEST(CsvImportRules, ZeroRowsClearTheTarget) {
    auto db = make_db();
    seed(db);
    import_text(db, "Item", "values", "sep=,\nid,vector_index,value_int,value_float,value_text\n");
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM Item_vector_values"), 0);
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM Item"), 3);
    import_text(db, "Item", "", "sep=,\n" + kItemHeader + "\n");
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM Item"), 0);
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM Shipment"), 0);
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM Item_set_tags"), 0);
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM Owner"), 2);
}

// ---------------------------------------------------------------------------------------------
// Group import

TEST(CsvImportRules, VectorGroupReplacesWholeTable) {
    auto db = make_db();
    seed(db);
    import_text(db, "Item", "values",
                "id,vector_index,value_int,value_float,value_text\n"
                "Item2,1,7,,z\n"
                "Ítem três,1,,2.5,\n"
                "Item2,2,8,1e3,\n");
    // The stored rows, NULL cells included (typed readers refuse NULL cells, D20).
    EXPECT_EQ(db.query_string("SELECT group_concat(r, ' ') FROM (SELECT id || ':' || vector_index || ':' || quote(value_int) "
                              "|| ':' || quote(value_float) || ':' || quote(value_text) AS r FROM Item_vector_values "
                              "ORDER BY id, vector_index)"),
              std::optional<std::string>("2:1:NULL:2.5:NULL 3:1:7:NULL:'z' 3:2:8:1000.0:NULL"));
}

TEST(CsvImportRules, VectorForeignKeysAreLabels) {
    auto db = make_db();
    seed(db);
    import_text(db, "Item", "refs", "id,vector_index,owner_ref,friend_id\nItem 1,1,\"Owner, B\",Item 1\n");
    EXPECT_EQ(rows_of(db, "SELECT id || '|' || vector_index || '|' || owner_ref || '|' || friend_id AS r "
                          "FROM Item_vector_refs"),
              "1|1|2|1");
}

TEST(CsvImportRules, SetAndTimeSeriesGroups) {
    auto db = make_db();
    seed(db);
    import_text(db, "Item", "levels", "id,level\nItem2,high\nItem2,1\nItem 1,LOW\n", enum_options());
    EXPECT_EQ(rows_of(db, "SELECT id || '|' || level AS r FROM Item_set_levels ORDER BY id, level"), "1|1\n3|1\n3|2");
    import_text(db, "Item", "readings",
                "id,date_time,temperature,humidity,note\n"
                "Item2,2024-03-01,1.5,,\n"
                "Item2,2024-03-01 06:00,,3,a b\n");
    EXPECT_EQ(rows_of(db, "SELECT id || '|' || date_time || '|' || quote(temperature) || '|' || quote(humidity) || "
                          "'|' || quote(note) AS r FROM Item_time_series_readings ORDER BY date_time"),
              "3|2024-03-01T00:00:00|1.5|NULL|NULL\n3|2024-03-01T06:00:00|NULL|3|'a b'");
}

// ---------------------------------------------------------------------------------------------
// Failures: exact message, nothing changed (autocommit and inside a user transaction)

class CsvImportFailure : public ::testing::Test {
protected:
    void SetUp() override { seed(db); }
    Database db = make_db();
};

TEST_F(CsvImportFailure, LookupsAndFile) {
    EXPECT_EQ(error_of([&] { db.import_csv("Nope", "", csv_path()); }), "Cannot import_csv: collection not found: Nope");
    EXPECT_EQ(error_of([&] { db.import_csv("Item", "nope", csv_path()); }),
              "Cannot import_csv: group not found: 'nope' in collection 'Item'");
    const auto missing = csv_path("missing.csv");
    EXPECT_EQ(error_of([&] { db.import_csv("Item", "", missing); }), "Cannot import_csv: could not open file: " + missing);
    const auto dir = test::scratch_dir().string();
    EXPECT_EQ(error_of([&] { db.import_csv("Item", "", dir); }), "Cannot import_csv: could not open file: " + dir);
    const auto empty_path = test::scratch_db("empty.db");
    std::ofstream{empty_path};  // a zero-byte file is an empty database; opening never creates one (D23)
    Database empty(empty_path, csv_test::quiet_options());
    EXPECT_EQ(error_of([&] { empty.import_csv("Item", "", missing); }), "Cannot import_csv: no schema loaded");
}

TEST_F(CsvImportFailure, EmptyFile) {
    expect_import_failure(db, "Item", "", "", "Cannot import_csv: CSV file is empty.");
    expect_import_failure(db, "Item", "", "sep=,\n", "Cannot import_csv: CSV file is empty.");
    expect_import_failure(db, "Item", "values", "sep=;", "Cannot import_csv: CSV file is empty.");
}

TEST_F(CsvImportFailure, MissingLabelColumn) {
    expect_import_failure(db, "Owner", "", "name,budget\nx,1\n",
                          "Cannot import_csv: CSV file does not contain a 'label' column.");
    // Header names are not trimmed.
    expect_import_failure(db, "Owner", "", " label,budget\nx,1\n",
                          "Cannot import_csv: CSV file does not contain a 'label' column.");
}

TEST_F(CsvImportFailure, WrongColumns) {
    const std::string count = "Cannot import_csv: The number of columns in the CSV file does not match the number of "
                              "columns in the database.";
    const std::string names = "Cannot import_csv: The columns in the CSV file do not match the columns in the database.";
    expect_import_failure(db, "Owner", "", "label\nx\n", count);
    expect_import_failure(db, "Owner", "", "label,budget,extra\nx,1,2\n", count);
    expect_import_failure(db, "Owner", "", "label,budgets\nx,1\n", names);
    expect_import_failure(db, "Owner", "", "label,label\nx,1\n", names);
    expect_import_failure(db, "Owner", "", "label, budget\nx,1\n", names);
    expect_import_failure(db, "Owner", "", "id,label,budget\n1,x,1\n", count);
    expect_import_failure(db, "Item", "values", "id,value_int,value_float,value_text\nItem2,1,2,x\n", count);
    expect_import_failure(db, "Item", "values", "id,index,value_int,value_float,value_text\nItem2,1,1,2,x\n", names);
    // Excel cleanup leaves the extra fields of a row beyond the header's trailing separators.
    expect_import_failure(db, "Owner", "", "label,budget,,\nx,1,,,,\n",
                          "Cannot import_csv: Row 1 has 4 columns, but the header has 2.");
}

TEST_F(CsvImportFailure, RaggedRows) {
    expect_import_failure(db, "Owner", "", "label,budget\nx,1\ny\n",
                          "Cannot import_csv: Row 2 has 1 columns, but the header has 2.");
    expect_import_failure(db, "Owner", "", "label,budget\nx,1,2\n",
                          "Cannot import_csv: Row 1 has 3 columns, but the header has 2.");
    // An empty line in the middle is a row with one empty field.
    expect_import_failure(db, "Owner", "", "label,budget\nx,1\n\ny,2\n",
                          "Cannot import_csv: Row 2 has 1 columns, but the header has 2.");
    // Row widths are checked before any cell.
    expect_import_failure(db, "Owner", "", "label,budget\nx,abc\ny\n",
                          "Cannot import_csv: Row 2 has 1 columns, but the header has 2.");
}

TEST_F(CsvImportFailure, NullInNotNullColumn) {
    expect_import_failure(db, "Item", "", kItemHeader + "\na,,,,,,,,,\n", "Cannot import_csv: Column status cannot be NULL.");
    expect_import_failure(db, "Owner", "", "label,budget\n\"  \",1\n", "Cannot import_csv: Column label cannot be NULL.");
    expect_import_failure(db, "Item", "tags", "id,tag\nItem2,\n", "Cannot import_csv: Column tag cannot be NULL.");
}

TEST_F(CsvImportFailure, BadNumbers) {
    expect_import_failure(db, "Item", "", kItemHeader + "\na,3.7,,,,,1,,,\n",
                          "Cannot import_csv: Invalid integer value '3.7' for column 'quantity'.");
    expect_import_failure(db, "Item", "", kItemHeader + "\na,12abc,,,,,1,,,\n",
                          "Cannot import_csv: Invalid integer value '12abc' for column 'quantity'.");
    expect_import_failure(db, "Item", "", kItemHeader + "\na,99999999999999999999,,,,,1,,,\n",
                          "Cannot import_csv: Invalid integer value '99999999999999999999' for column 'quantity'.");
    expect_import_failure(db, "Item", "", kItemHeader + "\na,,1.5xyz,,,,1,,,\n",
                          "Cannot import_csv: Invalid float value '1.5xyz' for column 'price'.");
    for (const std::string bad : {"nan", "infinity", "0x10", "1e", ".", "--1", "1,5", "1e999"}) {
        expect_import_failure(db, "Item", "values",
                              "id,vector_index,value_int,value_float,value_text\nItem2,1,,\"" + bad + "\",\n",
                              "Cannot import_csv: Invalid float value '" + bad + "' for column 'value_float'.");
    }
    expect_import_failure(db, "Item", "levels", "id,level\nItem2,x\n",
                          "Cannot import_csv: Invalid integer value 'x' for column 'level'.");
}

TEST_F(CsvImportFailure, UnknownEnumLabel) {
    expect_import_failure(db, "Item", "", kItemHeader + "\na,,,,,,Retired,,,\n",
                          "Cannot import_csv: Invalid enum value 'Retired' for column 'status'.", enum_options());
    expect_import_failure(db, "Item", "levels", "id,level\nItem2,Medium\n",
                          "Cannot import_csv: Invalid enum value 'Medium' for column 'level'.", enum_options());
    // Without an enum map a label is an invalid integer.
    expect_import_failure(db, "Item", "", kItemHeader + "\na,,,,,,Active,,,\n",
                          "Cannot import_csv: Invalid integer value 'Active' for column 'status'.");
}

TEST_F(CsvImportFailure, BadDates) {
    for (const std::string bad : {"2020-02", "2024/01/15", "20240115", "not-a-date", "2024-13-01", "2024-00-10",
                                  "2024-01-32", "2024-01-15T24:00", "2024-01-15T10:60", "2024-01-15T10:30:61",
                                  "24-01-15", "2024-001-15", "2024-01-15T", "2024-01-15T10:30:45.", "2024-01-15x"}) {
        expect_import_failure(db, "Item", "", kItemHeader + "\na,,,,\"" + bad + "\",,1,,,\n",
                              "Cannot import_csv: Timestamp " + bad +
                                  " is not valid. Please provide a valid timestamp with format %Y-%m-%dT%H:%M:%S.");
    }
    CSVOptions options;
    options.date_time_format = "%d/%m/%Y";
    expect_import_failure(db, "Item", "", kItemHeader + "\na,,,,,2024-01-15,1,,,\n",
                          "Cannot import_csv: Timestamp 2024-01-15 is not valid. Please provide a valid timestamp "
                          "with format %d/%m/%Y.",
                          options);
    expect_import_failure(db, "Item", "", kItemHeader + "\na,,,,,15/01/2024 10:00,1,,,\n",
                          "Cannot import_csv: Timestamp 15/01/2024 10:00 is not valid. Please provide a valid "
                          "timestamp with format %d/%m/%Y.",
                          options);
    // A pattern without a day never validates.
    options.date_time_format = "%Y-%m";
    expect_import_failure(db, "Item", "", kItemHeader + "\na,,,,2024-01,,1,,,\n",
                          "Cannot import_csv: Timestamp 2024-01 is not valid. Please provide a valid timestamp with "
                          "format %Y-%m.",
                          options);
    // The time-series dimension is parsed too.
    expect_import_failure(db, "Item", "readings", "id,date_time,temperature,humidity,note\nItem2,yesterday,,,\n",
                          "Cannot import_csv: Timestamp yesterday is not valid. Please provide a valid timestamp "
                          "with format %Y-%m-%dT%H:%M:%S.");
}

TEST_F(CsvImportFailure, UnknownLabels) {
    expect_import_failure(db, "Item", "", kItemHeader + "\na,,,,,,1,Nobody,,\n",
                          "Cannot import_csv: Could not find an existing element from collection Owner with label "
                          "Nobody.\nCreate the element before referencing it.");
    // A self reference must name a label of the file (existing elements not in the file go away).
    expect_import_failure(db, "Item", "", kItemHeader + "\na,,,,,,1,,Item2,\n",
                          "Cannot import_csv: Could not find an existing element from collection Item with label "
                          "Item2.\nCreate the element before referencing it.");
    // Group FK value columns: same message without the second sentence.
    expect_import_failure(db, "Item", "refs", "id,vector_index,owner_ref,friend_id\nItem2,1,Nobody,\n",
                          "Cannot import_csv: Could not find an existing element from collection Owner with label "
                          "Nobody.");
    expect_import_failure(db, "Item", "refs", "id,vector_index,owner_ref,friend_id\nItem2,1,,Nothing\n",
                          "Cannot import_csv: Could not find an existing element from collection Item with label "
                          "Nothing.");
    // Parent labels of a group.
    expect_import_failure(db, "Item", "tags", "id,tag\nItem2,a\nGhost,b\n",
                          "Cannot import_csv: Element with id Ghost does not exist in collection Item.");
    expect_import_failure(db, "Item", "values", "id,vector_index,value_int,value_float,value_text\n3,1,,,\n",
                          "Cannot import_csv: Element with id 3 does not exist in collection Item.");
}

TEST_F(CsvImportFailure, DuplicateLabels) {
    expect_import_failure(db, "Owner", "", "label,budget\nx,1\ny,2\n x ,3\n",
                          "Cannot import_csv: There are duplicate entries in the CSV file.");
    // Cell errors come before the duplicate check.
    expect_import_failure(db, "Owner", "", "label,budget\nx,1\nx,bad\n",
                          "Cannot import_csv: Invalid float value 'bad' for column 'budget'.");
}

TEST_F(CsvImportFailure, UniqueViolationsWhileWriting) {
    const std::string message = "Cannot import_csv: There are duplicate entries in the CSV file.";
    // Swapping another UNIQUE column between two existing elements.
    expect_import_failure(db, "Item", "", kItemHeader + "\nItem 1,,,,,,1,,,B2\nItem2,,,,,,1,,,A-1\n", message);
    // Two new elements with the same code.
    expect_import_failure(db, "Item", "", kItemHeader + "\nn1,,,,,,1,,,same\nn2,,,,,,1,,,same\n", message);
    expect_import_failure(db, "Item", "tags", "id,tag\nItem2,a\nItem2,a\n", message);
    expect_import_failure(db, "Item", "readings",
                          "id,date_time,temperature,humidity,note\nItem2,2024-01-01,,,\nItem2,2024-01-01T00:00:00,,,\n",
                          message);
}

TEST_F(CsvImportFailure, BadVectorIndex) {
    const std::string message = "Cannot import_csv: Column vector_index must be consecutive, unique and start at 1.";
    const std::string header = "id,vector_index,value_int,value_float,value_text\n";
    expect_import_failure(db, "Item", "values", header + "Item2,2,,,\n", message);
    expect_import_failure(db, "Item", "values", header + "Item2,0,,,\n", message);
    expect_import_failure(db, "Item", "values", header + "Item2,1,,,\nItem2,3,,,\n", message);
    expect_import_failure(db, "Item", "values", header + "Item2,1,,,\nItem2,1,,,\n", message);
    expect_import_failure(db, "Item", "values", header + "Item2,2,,,\nItem2,1,,,\n", message);
    expect_import_failure(db, "Item", "values", header + "Item2,1,,,\nItem 1,1,,,\nItem2,3,,,\n", message);
    expect_import_failure(db, "Item", "values", header + "Item2,,,,\n", message);
    expect_import_failure(db, "Item", "values", header + "Item2,one,,,\n", message);
    expect_import_failure(db, "Item", "values", header + "Item2,1.0,,,\n", message);
    // Unknown parents are reported before indexes.
    expect_import_failure(db, "Item", "values", header + "Item2,5,,,\nGhost,1,,,\n",
                          "Cannot import_csv: Element with id Ghost does not exist in collection Item.");
    // Interleaved parents are fine.
    import_text(db, "Item", "values", header + "Item2,1,1,,\nItem 1,1,2,,\nItem2,2,3,,\nItem 1,2,4,,\n");
    EXPECT_EQ(db.read_vector_integers("Item", "value_int"), (std::vector<std::vector<int64_t>>{{2, 4}, {}, {1, 3}}));
}

TEST_F(CsvImportFailure, FirstFailingCellInRowAndTableOrderWins) {
    // Row 1 is fine; in row 2 both price and quantity are bad: columns are checked in the
    // table's (alphabetical) order, so price comes before quantity.
    expect_import_failure(db, "Item", "", kItemHeader + "\na,1,1,,,,1,,,\nb,x,y,,,,1,,,\n",
                          "Cannot import_csv: Invalid float value 'y' for column 'price'.");
    expect_import_failure(db, "Item", "", kItemHeader + "\na,x,1,,,,1,,,\nb,1,y,,,,1,,,\n",
                          "Cannot import_csv: Invalid integer value 'x' for column 'quantity'.");
}

TEST_F(CsvImportFailure, OtherWriteFailuresPropagateAndAreUndone) {
    // A failure in the middle of writing (after rows were already deleted, updated and inserted)
    // is not a duplicate: it propagates unchanged and the whole import is undone.
    db.query_string("CREATE TRIGGER refuse_boom BEFORE INSERT ON Owner WHEN NEW.label = 'boom' "
                    "BEGIN SELECT RAISE(ABORT, 'boom refused'); END");
    expect_import_failure(db, "Owner", "", "label,budget\nOwner A,7\nfresh,1\nboom,2\n",
                          "Failed to execute statement: boom refused");
    db.query_string("CREATE TRIGGER refuse_tag BEFORE INSERT ON Item_set_tags WHEN NEW.tag = 'boom' "
                    "BEGIN SELECT RAISE(ABORT, 'tag refused'); END");
    expect_import_failure(db, "Item", "tags", "id,tag\nItem2,a\nItem2,boom\n",
                          "Failed to execute statement: tag refused");
}

}  // namespace
}  // namespace quiver
