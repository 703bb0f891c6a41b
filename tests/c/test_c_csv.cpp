// CSV export/import through the C API, including quiver_csv_options_t marshalling.
#include "c_test_support.h"

#include <filesystem>

using namespace quiver::c_test;

namespace {

class CApiCsv : public CApiTest {
protected:
    std::string out_path(const char* name = "out.csv") { return (scratch_dir() / name).string(); }

    void populate() {
        ElementHandle owner;
        owner.set("label", "Acme");
        create("Owner", owner);
        ElementHandle item;
        item.set("label", "a")
            .set("quantity", int64_t{5})
            .set("price", 2.5)
            .set("description", "hello world")
            .set("date_created", "2024-03-15T10:00:00")
            .set("kind", int64_t{2})
            .set("owner_id", "Acme");
        create("Item", item);
    }
};

// {"kind": {"en": {"Small": 1, "Large": 2}, "pt": {"Grande": 2}}}
struct KindEnum {
    const char* attributes[2] = {"kind", "kind"};
    const char* locales[2] = {"en", "pt"};
    size_t counts[2] = {2, 1};
    const char* labels[3] = {"Small", "Large", "Grande"};
    int64_t values[3] = {1, 2, 2};

    quiver_csv_options_t options(const char* date_format = "") const {
        quiver_csv_options_t o = quiver_csv_options_default();
        o.date_time_format = date_format;
        o.enum_attribute_names = attributes;
        o.enum_locale_names = locales;
        o.enum_entry_counts = counts;
        o.enum_labels = labels;
        o.enum_values = values;
        o.enum_group_count = 2;
        return o;
    }
};

}  // namespace

TEST_F(CApiCsv, ExportScalarsWithDefaultOptions) {
    populate();
    const auto options = quiver_csv_options_default();
    const std::string path = out_path();
    ASSERT_OK(quiver_database_export_csv(db, "Item", "", path.c_str(), &options));
    EXPECT_EQ(read_file(path),
              "sep=,\n"
              "label,quantity,price,description,date_created,kind,owner_id\n"
              "a,5,2.5,\"hello world\",2024-03-15T10:00:00,2,Acme\n");
}

TEST_F(CApiCsv, ExportWithEnumLabelsAndDateFormat) {
    populate();
    KindEnum kind;
    const auto options = kind.options("%d/%m/%Y");
    const std::string path = out_path();
    ASSERT_OK(quiver_database_export_csv(db, "Item", "", path.c_str(), &options));
    EXPECT_EQ(read_file(path),
              "sep=,\n"
              "label,quantity,price,description,date_created,kind,owner_id\n"
              "a,5,2.5,\"hello world\",15/03/2024,Large,Acme\n");
}

TEST_F(CApiCsv, NullDateTimeFormatMeansNoFormatting) {
    populate();
    quiver_csv_options_t options = quiver_csv_options_default();
    options.date_time_format = nullptr;
    const std::string path = out_path();
    ASSERT_OK(quiver_database_export_csv(db, "Item", "", path.c_str(), &options));
    EXPECT_NE(read_file(path).find("2024-03-15T10:00:00"), std::string::npos);
}

TEST_F(CApiCsv, ExportGroup) {
    ElementHandle item;
    item.set("label", "a").set("value_int", std::vector<int64_t>{4, 5}).set("value_float", std::vector<double>{0.1, 23.0});
    create("Item", item);
    const auto options = quiver_csv_options_default();
    const std::string path = out_path();
    ASSERT_OK(quiver_database_export_csv(db, "Item", "values", path.c_str(), &options));
    EXPECT_EQ(read_file(path),
              "sep=,\n"
              "id,vector_index,value_int,value_float\n"
              "a,1,4,0.1\n"
              "a,2,5,23\n");
}

TEST_F(CApiCsv, ImportScalarsWithEnumLabels) {
    ElementHandle owner;
    owner.set("label", "Acme");
    create("Owner", owner);
    const std::string path = out_path("in.csv");
    write_file(path,
               "sep=,\n"
               "label,quantity,price,description,date_created,kind,owner_id\n"
               "x,1,1.5,text,2024-01-02,grande,Acme\n"
               "y,,,,,Small,\n");
    KindEnum kind;
    const auto options = kind.options();
    ASSERT_OK(quiver_database_import_csv(db, "Item", "", path.c_str(), &options));

    int64_t* values = nullptr;
    uint8_t* mask = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_scalar_integers(db, "Item", "kind", &values, &mask, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_EQ(values[0], 2);
    EXPECT_EQ(values[1], 1);
    quiver_database_free_integer_array(values);
    quiver_database_free_mask(mask);

    char* date = nullptr;
    int has = 0;
    ASSERT_OK(quiver_database_read_scalar_string_by_id(db, "Item", "date_created", 1, &date, &has));
    EXPECT_STREQ(date, "2024-01-02T00:00:00");
    quiver_database_free_string(date);
}

TEST_F(CApiCsv, RoundTrip) {
    populate();
    const auto options = quiver_csv_options_default();
    const std::string path = out_path();
    ASSERT_OK(quiver_database_export_csv(db, "Item", "", path.c_str(), &options));
    ASSERT_OK(quiver_database_import_csv(db, "Item", "", path.c_str(), &options));
    const std::string again = out_path("again.csv");
    ASSERT_OK(quiver_database_export_csv(db, "Item", "", again.c_str(), &options));
    EXPECT_EQ(read_file(path), read_file(again));
}

TEST_F(CApiCsv, CoreErrorsAreRelayed) {
    const auto options = quiver_csv_options_default();
    const std::string path = out_path("in.csv");
    EXPECT_ERROR(quiver_database_export_csv(db, "Item", "nope", path.c_str(), &options),
                 "Cannot export_csv: group not found: 'nope' in collection 'Item'");
    EXPECT_ERROR(quiver_database_import_csv(db, "Item", "", (scratch_dir() / "missing.csv").string().c_str(),
                                            &options),
                 "Cannot import_csv: could not open file: " + (scratch_dir() / "missing.csv").string());
    write_file(path, "sep=,\nquantity\n1\n");
    EXPECT_ERROR(quiver_database_import_csv(db, "Item", "", path.c_str(), &options),
                 "Cannot import_csv: CSV file does not contain a 'label' column.");
}

TEST_F(CApiCsv, NullEnumArraysWithNonZeroCount) {
    const std::string path = out_path();
    KindEnum kind;
    for (int which = 0; which < 5; ++which) {
        SCOPED_TRACE(which);
        quiver_csv_options_t options = kind.options();
        switch (which) {
        case 0: options.enum_attribute_names = nullptr; break;
        case 1: options.enum_locale_names = nullptr; break;
        case 2: options.enum_entry_counts = nullptr; break;
        case 3: options.enum_labels = nullptr; break;
        case 4: options.enum_values = nullptr; break;
        }
        EXPECT_ERROR(quiver_database_export_csv(db, "Item", "", path.c_str(), &options),
                     "Cannot export_csv: Null enum arrays with non-zero enum_group_count");
        EXPECT_ERROR(quiver_database_import_csv(db, "Item", "", path.c_str(), &options),
                     "Cannot import_csv: Null enum arrays with non-zero enum_group_count");
    }
    EXPECT_FALSE(std::filesystem::exists(path));  // nothing was exported
}

TEST_F(CApiCsv, NullArraysWithZeroCountAreFine) {
    quiver_csv_options_t options = quiver_csv_options_default();
    options.enum_group_count = 0;
    const std::string path = out_path();
    EXPECT_OK(quiver_database_export_csv(db, "Item", "", path.c_str(), &options));
}

TEST_F(CApiCsv, NullEntriesInEnumArrays) {
    const std::string path = out_path();
    {
        KindEnum kind;
        kind.attributes[1] = nullptr;
        const auto options = kind.options();
        EXPECT_ERROR(quiver_database_export_csv(db, "Item", "", path.c_str(), &options),
                     "Cannot export_csv: Null entry in enum_attribute_names at index 1");
        EXPECT_ERROR(quiver_database_import_csv(db, "Item", "", path.c_str(), &options),
                     "Cannot import_csv: Null entry in enum_attribute_names at index 1");
    }
    {
        KindEnum kind;
        kind.locales[0] = nullptr;
        const auto options = kind.options();
        EXPECT_ERROR(quiver_database_export_csv(db, "Item", "", path.c_str(), &options),
                     "Cannot export_csv: Null entry in enum_locale_names at index 0");
        EXPECT_ERROR(quiver_database_import_csv(db, "Item", "", path.c_str(), &options),
                     "Cannot import_csv: Null entry in enum_locale_names at index 0");
    }
    {
        KindEnum kind;
        kind.labels[2] = nullptr;  // the first entry of the second group
        const auto options = kind.options();
        EXPECT_ERROR(quiver_database_export_csv(db, "Item", "", path.c_str(), &options),
                     "Cannot export_csv: Null entry in enum_labels at index 2");
        EXPECT_ERROR(quiver_database_import_csv(db, "Item", "", path.c_str(), &options),
                     "Cannot import_csv: Null entry in enum_labels at index 2");
    }
}

TEST_F(CApiCsv, NullArguments) {
    const auto options = quiver_csv_options_default();
    const std::string path = out_path();
    EXPECT_ERROR(quiver_database_export_csv(nullptr, "Item", "", path.c_str(), &options), "Null argument: db");
    EXPECT_ERROR(quiver_database_export_csv(db, nullptr, "", path.c_str(), &options), "Null argument: collection");
    EXPECT_ERROR(quiver_database_export_csv(db, "Item", nullptr, path.c_str(), &options), "Null argument: group");
    EXPECT_ERROR(quiver_database_export_csv(db, "Item", "", nullptr, &options), "Null argument: path");
    EXPECT_ERROR(quiver_database_export_csv(db, "Item", "", path.c_str(), nullptr), "Null argument: options");
    EXPECT_ERROR(quiver_database_import_csv(nullptr, "Item", "", path.c_str(), &options), "Null argument: db");
    EXPECT_ERROR(quiver_database_import_csv(db, nullptr, "", path.c_str(), &options), "Null argument: collection");
    EXPECT_ERROR(quiver_database_import_csv(db, "Item", nullptr, path.c_str(), &options), "Null argument: group");
    EXPECT_ERROR(quiver_database_import_csv(db, "Item", "", nullptr, &options), "Null argument: path");
    EXPECT_ERROR(quiver_database_import_csv(db, "Item", "", path.c_str(), nullptr), "Null argument: options");
}
