// Whole groups from Lua (api-additions §2, §3.4; D15, D20): db:number_of_elements,
// db:read_vector_group_by_id / db:read_set_group_by_id (NULL cell = absent key) and
// db:update_vector_group / db:update_set_group in the row and the column shape, by id and by
// label, with every shape error, and NULL holes that round-trip to the same raw SQLite rows.
#include "lua_test_support.h"

namespace quiver::test {
namespace {

// The illustrative schema of semantics §2.3: Plant with vector units(unit_size REAL,
// unit_code TEXT), set tags(tag TEXT NOT NULL), time series output, owner_id -> Owner.
class LuaGroupsTest : public LuaTest {
protected:
    std::string schema() const override { return "valid/illustrative.sql"; }

    void SetUp() override {
        LuaTest::SetUp();
        ok(R"(
            db:create_element('Owner', {label = 'Acme'})
            db:create_element('Plant', {label = 'Plant A', unit_size = {1.0, 2.0}, unit_code = {'a', 'b'},
                                        tag = {'x'}})
            db:create_element('Plant', {label = 'Plant B'})
        )");
    }

    std::string units() { return raw_rows(path(), "SELECT id, vector_index, quote(unit_size), quote(unit_code) "
                                                  "FROM Plant_vector_units ORDER BY id, vector_index"); }
    std::string tags() { return raw_rows(path(), "SELECT id, quote(tag) FROM Plant_set_tags ORDER BY rowid"); }
};

TEST_F(LuaGroupsTest, NumberOfElements) {
    ok(R"(
        expect_eq(db:number_of_elements('Plant'), 2)
        expect_eq(db:number_of_elements('Owner'), 1)
        expect_eq(db:number_of_elements('Configuration'), 0)
        -- any table of the schema: a group table gives its row count (§2)
        expect_eq(db:number_of_elements('Plant_vector_units'), 2)
        db:delete_element('Plant', 'Plant B')
        expect_eq(db:number_of_elements('Plant'), 1)
        assert(math.type(db:number_of_elements('Plant')) == 'integer')
    )");
    EXPECT_EQ(error_of("db:number_of_elements('Nope')"),
              "Lua error: Cannot number_of_elements: collection not found: Nope");
}

TEST_F(LuaGroupsTest, ReadGroupsAsRowTables) {
    raw_exec(path(), "INSERT INTO Plant_vector_units VALUES (2, 1, NULL, 'n'), (2, 2, 5.0, NULL)");
    ok(R"(
        expect_eq(db:read_vector_group_by_id('Plant', 'units', 1),
                  {{unit_size = 1.0, unit_code = 'a'}, {unit_size = 2.0, unit_code = 'b'}})
        -- a NULL cell is an absent key; the rows stay in vector_index order (D20)
        expect_eq(db:read_vector_group_by_id('Plant', 'units', 2), {{unit_code = 'n'}, {unit_size = 5.0}})
        expect_eq(db:read_set_group_by_id('Plant', 'tags', 1), {{tag = 'x'}})
        -- no rows, or no such element: {} (the readers do not check the id, §3.1)
        expect_eq(db:read_set_group_by_id('Plant', 'tags', 2), {})
        expect_eq(db:read_vector_group_by_id('Plant', 'units', 99), {})
    )");
    EXPECT_EQ(error_of("db:read_vector_group_by_id('Plant', 'nope', 1)"),
              "Lua error: Vector group not found: 'nope' in collection 'Plant'");
    EXPECT_EQ(error_of("db:read_set_group_by_id('Plant', 'units', 1)"),
              "Lua error: Set group not found: 'units' in collection 'Plant'");
    EXPECT_EQ(error_of("db:read_vector_group_by_id('Nope', 'units', 1)"),
              "Lua error: Cannot read_vector_group_by_id: collection not found: Nope");
    EXPECT_EQ(error_of("db:read_set_group_by_id('Nope', 'tags', 1)"),
              "Lua error: Cannot read_set_group_by_id: collection not found: Nope");
}

TEST_F(LuaGroupsTest, RowShapeByIdAndLabel) {
    ok(R"(
        -- the spec's example (§3.4), by id; a key absent from a row is NULL
        db:update_set_group('Plant', 'tags', 1, { {tag = 'base'}, {tag = 'coal'} })
        db:update_vector_group('Plant', 'units', 2, { {unit_size = 10.0, unit_code = 'A'}, {unit_code = 'B'} })
        expect_eq(db:read_set_group_by_id('Plant', 'tags', 1), {{tag = 'base'}, {tag = 'coal'}})
        expect_eq(db:read_vector_group_by_id('Plant', 'units', 2), {{unit_size = 10.0, unit_code = 'A'}, {unit_code = 'B'}})
        -- by label (a float id with an exact value counts too)
        db:update_vector_group('Plant', 'units', 'Plant A', { {unit_size = 7.5} })
        db:update_set_group('Plant', 'tags', 2.0, { {tag = 'peak'} })
    )");
    EXPECT_EQ(units(), "1|1|7.5|NULL\n2|1|10.0|'A'\n2|2|NULL|'B'\n");
    EXPECT_EQ(tags(), "1|'base'\n1|'coal'\n2|'peak'\n");
    ok(R"(
        -- {} clears exactly the named group of that element
        db:update_vector_group('Plant', 'units', 'Plant B', {})
        db:update_set_group('Plant', 'tags', 1, {})
    )");
    EXPECT_EQ(units(), "1|1|7.5|NULL\n");
    EXPECT_EQ(tags(), "2|'peak'\n");
}

TEST_F(LuaGroupsTest, ColumnShapeWithHoles) {
    ok(R"(
        -- the spec's example (§3.4): nil holes, by label
        db:update_vector_group('Plant', 'units', 'Plant A', { unit_size = {10.0, nil, 12.5}, unit_code = {'A', 'B', 'C'} })
        -- a shorter or sparse column is NULL in the gaps; the longest index sets the row count
        db:update_vector_group('Plant', 'units', 2, { unit_size = {[4] = 4.0}, unit_code = {'w'} })
        db:update_set_group('Plant', 'tags', 2, { tag = {'t1', 't2'} })
        expect_eq(db:read_vector_group_by_id('Plant', 'units', 1),
                  {{unit_size = 10.0, unit_code = 'A'}, {unit_code = 'B'}, {unit_size = 12.5, unit_code = 'C'}})
    )");
    EXPECT_EQ(units(), "1|1|10.0|'A'\n1|2|NULL|'B'\n1|3|12.5|'C'\n"
                       "2|1|NULL|'w'\n2|2|NULL|NULL\n2|3|NULL|NULL\n2|4|4.0|NULL\n");
    EXPECT_EQ(tags(), "1|'x'\n2|'t1'\n2|'t2'\n");
}

TEST_F(LuaGroupsTest, ShapeErrorsChangeNothing) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"db:update_vector_group('Plant', 'units', 1, 'x')",
         "Cannot update_vector_group: argument 'rows' must be a table, got string"},
        {"db:update_set_group('Plant', 'tags', 1, {{tag = 'a'}, 'x'})",
         "Cannot update_set_group: row #2 must be a table, got string"},
        {"db:update_vector_group('Plant', 'units', 1, {{unit_size = 1.0}, {[1] = 'x'}})",
         "Cannot update_vector_group: row #2 column names must be strings, got number"},
        {"db:update_vector_group('Plant', 'units', 1, {{unit_size = true}})",
         "Cannot update_vector_group: row #1 column 'unit_size' has unsupported Lua type boolean"},
        {"db:update_set_group('Plant', 'tags', 1, {{tag = {}}})",
         "Cannot update_set_group: row #1 column 'tag' has unsupported Lua type table"},
        {"db:update_vector_group('Plant', 'units', 1, {unit_size = 5})",
         "Cannot update_vector_group: column 'unit_size' must be an array of values"},
        {"db:update_vector_group('Plant', 'units', 1, {unit_size = {x = 1.0}})",
         "Cannot update_vector_group: column 'unit_size' must be an array of values"},
        {"db:update_vector_group('Plant', 'units', 1, {unit_size = {[0] = 1.0}})",
         "Cannot update_vector_group: column 'unit_size' must be an array of values"},
        {"db:update_vector_group('Plant', 'units', 1, {unit_size = {[1.5] = 1.0}})",
         "Cannot update_vector_group: column 'unit_size' must be an array of values"},
        {"db:update_vector_group('Plant', 'units', 1, {unit_code = {'a', true, {}}, unit_size = {print}})",
         "Cannot update_vector_group: column 'unit_code' row #2 has unsupported Lua type boolean"},
        {"db:update_vector_group('Plant', 'units', 1, {unit_code = {[5] = {}, [3] = print}})",
         "Cannot update_vector_group: column 'unit_code' row #3 has unsupported Lua type function"},
        // typo-safe: named columns without rows never clear (D15)
        {"db:update_vector_group('Plant', 'units', 1, {unit_size = {}, unit_code = {}})",
         "Cannot update_vector_group: columns [unit_code, unit_size] contain no rows; pass an empty table {} to clear the group"},
        {"db:update_set_group('Plant', 'tags', 1, {tga = {}})",
         "Cannot update_set_group: columns [tga] contain no rows; pass an empty table {} to clear the group"},
        {"db:update_vector_group('Plant', 'units', 1, {{unit_size = 1.0}, unit_code = {'a'}})",
         "Cannot update_vector_group: argument 'rows' must be a sequence of row tables or a table of columns"},
        {"db:update_vector_group('Plant', 'units', 1, {[2] = {unit_size = 1.0}})",
         "Cannot update_vector_group: argument 'rows' must be a sequence of row tables or a table of columns"},
        {"db:update_set_group('Plant', 'tags', 1, {[true] = {}})",
         "Cannot update_set_group: argument 'rows' must be a sequence of row tables or a table of columns"},
        {"db:update_set_group('Plant', 'tags', 1, {[0.5] = {tag = 'a'}})",
         "Cannot update_set_group: argument 'rows' must be a sequence of row tables or a table of columns"},
        // shape errors come before the library's checks
        {"db:update_vector_group('Nope', 'units', 1, {{unit_size = true}})",
         "Cannot update_vector_group: row #1 column 'unit_size' has unsupported Lua type boolean"},
        {"db:update_vector_group('Plant', 'units', 1.5, {})",
         "Cannot update_vector_group: element must be addressed by an integer id or a string label"},
    };
    for (const auto& [script, message] : cases) {
        SCOPED_TRACE(script);
        fails_unchanged_in_both_modes(script, message);
    }
}

TEST_F(LuaGroupsTest, LibraryErrorsChangeNothing) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"db:update_vector_group('Nope', 'units', 1, {})", "Cannot update_vector_group: collection not found: Nope"},
        {"db:update_vector_group('Plant', 'nope', 1, {})", "Vector group not found: 'nope' in collection 'Plant'"},
        {"db:update_set_group('Plant', 'units', 1, {})", "Set group not found: 'units' in collection 'Plant'"},
        {"db:update_vector_group('Plant', 'units', 99, {})", "Element not found: 99 in collection 'Plant'"},
        {"db:update_set_group('Plant', 'tags', 'Nope', {{tag = 'a'}})",
         "Element not found: label 'Nope' in collection 'Plant'"},
        // a numeric-looking string is a label (§8)
        {"db:update_set_group('Plant', 'tags', '1', {{tag = 'a'}})", "Element not found: label '1' in collection 'Plant'"},
        // typo-safe: rows naming no column, unknown and managed columns (D15)
        {"db:update_vector_group('Plant', 'units', 1, {{}, {}})",
         "Cannot update_vector_group: rows contain no columns; pass no rows to clear the group"},
        {"db:update_vector_group('Plant', 'units', 1, {unit_sise = {1.0}})",
         "Cannot update_vector_group: column 'unit_sise' not found in group 'units' for collection 'Plant'"},
        {"db:update_vector_group('Plant', 'units', 1, {{vector_index = 1, unit_size = 1.0}})",
         "Cannot update_vector_group: column 'vector_index' is managed by the group table, not a value column"},
        {"db:update_set_group('Plant', 'tags', 1, {id = {1}, tag = {'a'}})",
         "Cannot update_set_group: column 'id' is managed by the group table, not a value column"},
        {"db:update_vector_group('Plant', 'units', 1, {unit_size = {1.0, 'x'}})",
         "Cannot update_vector_group: type mismatch for column 'unit_size' row 1: expected REAL, got TEXT"},
        {"db:update_set_group('Plant', 'tags', 1, {tag = {'a', nil, 'c'}})",
         "Failed to execute statement: NOT NULL constraint failed: Plant_set_tags.tag"},
        {"db:update_set_group('Plant', 'tags', 1, {{tag = 'a'}, {tag = ' a '}})",
         "Failed to execute statement: UNIQUE constraint failed: Plant_set_tags.id, Plant_set_tags.tag"},
    };
    for (const auto& [script, message] : cases) {
        SCOPED_TRACE(script);
        fails_unchanged_in_both_modes(script, message);
    }
}

// Read a group holding NULL cells, write it back in the column shape: the raw rows are the same.
TEST_F(LuaGroupsTest, NullHolesRoundTripThroughTheColumnShape) {
    raw_exec(path(), "DELETE FROM Plant_vector_units;"
                     "INSERT INTO Plant_vector_units VALUES (1, 1, NULL, 'a'), (1, 2, 2.5, NULL), (1, 3, NULL, NULL),"
                     " (1, 4, 4.5, 'd')");
    const std::string before = units();
    ok(R"(
        -- to the column shape, through the metadata's value columns
        function to_columns(rows, group_md)
            local columns = {}
            for _, md in ipairs(group_md.value_columns) do
                local column = {}
                for i, row in ipairs(rows) do column[i] = row[md.name] end
                columns[md.name] = column
            end
            return columns
        end
        local md = db:get_vector_metadata('Plant', 'units')
        local rows = db:read_vector_group_by_id('Plant', 'units', 1)
        expect_eq(#rows, 4)
        db:update_vector_group('Plant', 'units', 1, to_columns(rows, md))
        -- and the composite's lists (nil holes, D20) are a column shape as they are
        local v = db:read_vectors_by_id('Plant', 1)
        expect_eq(v.unit_code, {'a', nil, nil, 'd'})
        db:update_vector_group('Plant', 'units', 'Plant A', {unit_size = v.unit_size, unit_code = v.unit_code})
        -- the row shape too
        db:update_vector_group('Plant', 'units', 1, rows)
    )");
    EXPECT_EQ(units(), before);
    EXPECT_EQ(before, "1|1|NULL|'a'\n1|2|2.5|NULL\n1|3|NULL|NULL\n1|4|4.5|'d'\n");
}

// A trailing row whose every cell is NULL has no index in a Lua column (a table ends at its
// last non-nil value), so only the row shape ({} = an all-NULL row) can carry it.
TEST_F(LuaGroupsTest, TrailingAllNullRowsNeedTheRowShape) {
    raw_exec(path(), "DELETE FROM Plant_vector_units;"
                     "INSERT INTO Plant_vector_units VALUES (1, 1, 1.5, 'a'), (1, 2, NULL, NULL)");
    const std::string before = units();
    ok(R"(
        local rows = db:read_vector_group_by_id('Plant', 'units', 1)
        expect_eq(rows, {{unit_size = 1.5, unit_code = 'a'}, {}})
        db:update_vector_group('Plant', 'units', 1, rows)
    )");
    EXPECT_EQ(units(), before);
    EXPECT_EQ(before, "1|1|1.5|'a'\n1|2|NULL|NULL\n");
}

// Foreign-key value columns in groups take labels, and their metadata says so (R3).
using LuaGroupRelationsTest = LuaRelationsTest;

TEST_F(LuaGroupRelationsTest, LabelsInForeignKeyColumnsAndMetadata) {
    ok(R"(
        db:create_element('Parent', {label = 'P1'})
        db:create_element('Parent', {label = 'P2'})
        db:create_element('Child', {label = 'C1'})
        db:update_vector_group('Child', 'refs', 'C1', {parent_ref = {'P2', nil, 'P1'}, weight = {0.5}})
        expect_eq(db:read_vector_group_by_id('Child', 'refs', 1), {{parent_ref = 2, weight = 0.5}, {}, {parent_ref = 1}})
        db:update_set_group('Child', 'parents', 1, {{parent_ref = 'P1'}, {parent_ref = 2}})
        expect_eq(db:read_set_group_by_id('Child', 'parents', 1), {{parent_ref = 1}, {parent_ref = 2}})

        expect_eq(db:get_vector_metadata('Child', 'refs').value_columns, {
            {name = 'parent_ref', data_type = 'integer', not_null = false, primary_key = false,
             is_foreign_key = true, references_collection = 'Parent', references_column = 'id'},
            {name = 'weight', data_type = 'real', not_null = false, primary_key = false, is_foreign_key = false},
        })
        expect_eq(db:list_set_groups('Child')[1].value_columns[1].references_collection, 'Parent')
        -- scalar metadata keeps the baseline shape (no foreign-key fields, api §5.4)
        assert(db:get_scalar_metadata('Child', 'parent_id').is_foreign_key == nil)
    )");
    fails_unchanged_in_both_modes("db:update_vector_group('Child', 'refs', 1, {parent_ref = {'P1', 'Nope'}})",
                                  "Failed to resolve label 'Nope' to ID in table 'Parent'");
    fails_unchanged_in_both_modes("db:update_set_group('Child', 'parents', 'C1', {{parent_ref = 'Nope'}})",
                                  "Failed to resolve label 'Nope' to ID in table 'Parent'");
}

// A set whose value columns are nullable: NULL cells read as holes and round-trip.
class LuaNullableSetTest : public LuaTest {
protected:
    std::string schema() const override { return "valid/sets.sql"; }
};

TEST_F(LuaNullableSetTest, NullCellsInSets) {
    ok("db:create_element('Collection', {label = 'c'})");
    raw_exec(path(), "INSERT INTO Collection_set_numbers VALUES (1, 1, NULL), (1, NULL, 2.5), (1, 3, 3.5)");
    const std::string sql = "SELECT id, quote(number), quote(ratio) FROM Collection_set_numbers ORDER BY rowid";
    const std::string before = raw_rows(path(), sql);
    ok(R"(
        expect_eq(db:read_set_group_by_id('Collection', 'numbers', 1), {{number = 1}, {ratio = 2.5}, {number = 3, ratio = 3.5}})
        local s = db:read_sets_by_id('Collection', 1)
        expect_eq(s.number, {1, nil, 3})
        expect_eq(s.ratio, {nil, 2.5, 3.5})
        db:update_set_group('Collection', 'numbers', 'c', {number = s.number, ratio = s.ratio})
        expect_eq(db:read_element_by_id('Collection', 1),
                  {id = 1, label = 'c', tag = {}, number = {1, nil, 3}, ratio = {nil, 2.5, 3.5}})
    )");
    EXPECT_EQ(raw_rows(path(), sql), before);
    EXPECT_EQ(before, "1|1|NULL\n1|NULL|2.5\n1|3|3.5\n");
}

}  // namespace
}  // namespace quiver::test
