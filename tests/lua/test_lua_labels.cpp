// Elements addressed by id or label (api-additions §8), db:update_relation (§8.1) and the
// composite readers on missing ids (D24) and NULL cells (D20), from Lua.
#include "lua_test_support.h"

namespace quiver::test {
namespace {

// illustrative.sql: Plant(label, capacity, status, date_commissioned, owner_id -> Owner),
// vector units(unit_size, unit_code), set tags(tag), time series output(date_time, generation).
class LuaLabelsTest : public LuaTest {
protected:
    std::string schema() const override { return "valid/illustrative.sql"; }

    void SetUp() override {
        LuaTest::SetUp();
        ok(R"(
            db:create_element('Owner', {label = 'Acme'})
            db:create_element('Owner', {label = 'Beta'})
            db:create_element('Plant', {label = 'Plant A', capacity = 100.0, unit_size = {1.0}, unit_code = {'a'}})
            db:create_element('Plant', {label = '2024'})   -- a numeric-looking label
        )");
    }

    std::string plants() {
        return raw_rows(path(), "SELECT id, quote(label), quote(capacity), quote(owner_id) FROM Plant ORDER BY id");
    }
};

TEST_F(LuaLabelsTest, WritersTakeAnIdOrALabel) {
    ok(R"(
        db:update_element('Plant', 'Plant A', {capacity = 150.0})
        db:update_element('Plant', ' 2024 ', {capacity = 2024.0})   -- labels are trimmed
        db:update_element('Plant', 1.0, {status = 2})                -- an exact-integer float is an id
        expect_eq(db:read_scalars_by_id('Plant', 1).capacity, 150.0)
        expect_eq(db:read_scalars_by_id('Plant', 1).status, 2)
        expect_eq(db:read_scalars_by_id('Plant', 2).capacity, 2024.0)
    )");
    // '2024' is a label although it looks like a number; the element with id 2024 does not exist.
    fails_unchanged_in_both_modes("db:update_element('Plant', 2024, {capacity = 1.0})",
                                  "Element not found: 2024 in collection 'Plant'");
    ok("db:delete_element('Plant', '2024')");
    EXPECT_EQ(plants(), "1|'Plant A'|150.0|NULL\n");
    ok("db:delete_element('Plant', 'Plant A')");
    EXPECT_EQ(plants(), "");
}

TEST_F(LuaLabelsTest, BadAddressesChangeNothing) {
    for (const std::string method : {"update_element", "delete_element"}) {
        const std::string extra = method == "update_element" ? ", {capacity = 1.0}" : "";
        for (const std::string element : {"1.5", "0/0", "2^63", "true", "{}", "nil", "print"}) {
            SCOPED_TRACE(method + " " + element);
            fails_unchanged_in_both_modes("db:" + method + "('Plant', " + element + extra + ")",
                                          "Cannot " + method + ": element must be addressed by an integer id or a string label");
        }
        fails_unchanged_in_both_modes("db:" + method + "('Plant', 'Nope'" + extra + ")",
                                      "Element not found: label 'Nope' in collection 'Plant'");
        fails_unchanged_in_both_modes("db:" + method + "('Plant', '1'" + extra + ")",
                                      "Element not found: label '1' in collection 'Plant'");
        fails_unchanged_in_both_modes("db:" + method + "('Nope', 'Plant A'" + extra + ")",
                                      "Cannot " + method + ": collection not found: Nope");
    }
    fails_unchanged_in_both_modes("db:update_element('Plant', 'Plant A', {capacity = 'x'})",
                                  "Cannot update_element: type mismatch for column 'capacity': expected REAL, got TEXT");
}

TEST_F(LuaLabelsTest, UpdateRelation) {
    ok(R"(
        -- the spec's examples (§8.1): Plant.owner_id := Acme's id, then cleared by an explicit nil
        db:update_relation('Plant', 'Owner', 'id', 'Plant A', 'Acme')
        expect_eq(db:read_scalars_by_id('Plant', 1).owner_id, 1)
        db:update_relation('Plant', 'Owner', 'id', 2, 'Beta')
        expect_eq(db:read_scalars_by_id('Plant', 2).owner_id, 2)
        db:update_relation('Plant', 'Owner', 'id', 1, nil)
    )");
    EXPECT_EQ(plants(), "1|'Plant A'|100.0|NULL\n2|'2024'|NULL|2\n");
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"db:update_relation('Plant', 'Owner', 'id', 2)",
         "Cannot update_relation: argument 'target_label' is missing; pass nil to clear the relation"},
        {"db:update_relation('Plant', 'Owner', 'id', 2, 1)", "Cannot update_relation: target_label must be a string label or nil"},
        {"db:update_relation('Plant', 'Owner', 'id', 2, false)", "Cannot update_relation: target_label must be a string label or nil"},
        {"db:update_relation('Plant', 'Owner', 'id', {}, nil)",
         "Cannot update_relation: element must be addressed by an integer id or a string label"},
        {"db:update_relation('Plant', 'Owner', 'id', 2, 'Nope')", "Failed to resolve label 'Nope' to ID in table 'Owner'"},
        {"db:update_relation('Plant', 'Owner', 'id', 99, 'Acme')", "Element not found: 99 in collection 'Plant'"},
        {"db:update_relation('Plant', 'Owner', 'id', 'Nope', nil)", "Element not found: label 'Nope' in collection 'Plant'"},
        {"db:update_relation('Nope', 'Owner', 'id', 1, nil)", "Cannot update_relation: collection not found: Nope"},
        {"db:update_relation('Plant', 'Owner', 'code', 1, 'Acme')",
         "Cannot update_relation: relation column 'owner_code' not found in collection 'Plant'"},
        {"db:update_relation('Plant', 'Date', 'commissioned', 1, 'x')",
         "Cannot update_relation: relation column 'date_commissioned' in collection 'Plant' is not a foreign key"},
    };
    for (const auto& [script, message] : cases) {
        SCOPED_TRACE(script);
        fails_unchanged_in_both_modes(script, message);
    }
}

TEST_F(LuaLabelsTest, CompositesRaiseForAMissingElement) {
    for (const std::string method : {"read_scalars_by_id", "read_vectors_by_id", "read_sets_by_id", "read_element_by_id"}) {
        SCOPED_TRACE(method);
        // D24: it was {} (or a table of empty lists)
        EXPECT_EQ(error_of("db:" + method + "('Plant', 99)"), "Lua error: Element not found: 99 in collection 'Plant'");
        EXPECT_EQ(error_of("db:" + method + "('Nope', 1)"),
                  "Lua error: Cannot list_scalar_attributes: collection not found: Nope");
    }
    ok(R"(
        expect_eq(db:read_vectors_by_id('Plant', 2), {unit_size = {}, unit_code = {}})
        expect_eq(db:read_sets_by_id('Owner', 1), {})
        db:delete_element('Plant', 2)
        expect_error("Element not found: 2 in collection 'Plant'", db.read_element_by_id, db, 'Plant', 2)
    )");
}

TEST_F(LuaLabelsTest, CompositesKeepNullCellsInPlace) {
    raw_exec(path(), "DELETE FROM Plant_vector_units;"
                     "INSERT INTO Plant_vector_units VALUES (1, 1, 10.0, NULL), (1, 2, NULL, 'B'), (1, 3, 12.5, 'C')");
    ok(R"(
        -- D20: a NULL cell is a nil hole in its list; later values keep their positions
        local v = db:read_vectors_by_id('Plant', 1)
        expect_eq(v, {unit_size = {10.0, nil, 12.5}, unit_code = {nil, 'B', 'C'}})
        assert(v.unit_size[3] == 12.5 and v.unit_code[2] == 'B')
        local e = db:read_element_by_id('Plant', 1)
        expect_eq(e.unit_size, {10.0, nil, 12.5})
        expect_eq(e.label, 'Plant A')
        -- the typed reader refuses instead of shifting (D20, core)
        expect_error("Cannot read_vector_floats: element 1 has a NULL at vector_index 2 in 'unit_size'; " ..
                     "use read_vector_group_by_id to read NULL cells", db.read_vector_floats, db, 'Plant', 'unit_size')
    )");
}

TEST_F(LuaRelationsTest, RelationColumnMustTargetTheNamedCollection) {
    ok(R"(
        db:create_element('Parent', {label = 'P1'})
        db:create_element('Child', {label = 'C1'})
        db:create_element('Child', {label = 'C2'})
        db:update_relation('Child', 'Parent', 'id', 'C1', 'P1')
        expect_eq(db:read_scalars_by_id('Child', 1).parent_id, 1)
        db:update_relation('Child', 'Parent', 'id', 'C1', nil)
        expect_eq(db:read_scalars_by_id('Child', 1).parent_id, nil)
    )");
    fails_unchanged_in_both_modes(
        "db:update_relation('Child', 'Owner', 'id', 1, 'P1')",
        "Cannot update_relation: relation column 'owner_id' in collection 'Child' is a foreign key to collection "
        "'Parent', not to 'Owner'");
    fails_unchanged_in_both_modes(
        "db:update_relation('Child', 'Sibling', 'id', 'C2', 'C1')",
        "Cannot update_relation: relation column 'sibling_id' in collection 'Child' is a foreign key to collection "
        "'Child', not to 'Sibling'");
}

}  // namespace
}  // namespace quiver::test
