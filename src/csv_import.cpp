// CSV import, schema side (semantics §8.4-§8.5, D3, D9): the cells that csv_reader.cpp read from
// the file are checked against the target table and typed completely (header, row widths, foreign
// keys by label, dates, enums, numbers), and only then written under the atomic guard with foreign
// keys enforced, so a bad file changes nothing. The text rules live in csv_reader.cpp.
#include "quiver/type_validator.h"

#include "csv_format.h"
#include "csv_reader.h"
#include "database_impl.h"
#include "errors.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace quiver {
namespace {

using detail::quote_identifier;
namespace csv = detail::csv;

constexpr const char* kOp = "import_csv";

[[noreturn]] void fail(std::string_view reason) {
    detail::fail_cannot(kOp, reason);
}

// ---------------------------------------------------------------------------------------------
// Validation (§8.4)

using IdByLabel = std::unordered_map<std::string, int64_t>;

// label -> id of every element of target, from one SELECT.
IdByLabel load_ids(Database::Impl& impl, const std::string& target, const std::string& key_column) {
    IdByLabel map;
    auto stmt = impl.cached("SELECT " + quote_identifier(key_column) + ", label FROM " + quote_identifier(target));
    while (stmt.step()) {
        if (stmt.column_type(1) != SQLITE_TEXT) continue;
        map.emplace(stmt.column_text(1), stmt.column_int(0));
    }
    return map;
}

// SQLite table names compare case-insensitively (ASCII).
bool same_table(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
               return lower(x) == lower(y);
           });
}

enum class CellKind { ForeignKey, SelfReference, DateTime, Integer, Real, Text, Skip };

struct ColumnPlan {
    const ColumnDefinition* column;
    size_t file_index;  // position in the header
    CellKind kind = CellKind::Text;
    const ForeignKey* fk = nullptr;
    const IdByLabel* ids = nullptr;                     // ForeignKey
    const std::unordered_map<std::string, int64_t>* enums = nullptr;  // Integer with an enum map
};

// Case-folded label -> value over every locale (ascending locale, then label: first wins).
std::unordered_map<std::string, int64_t> fold_enum(
    const std::unordered_map<std::string, std::unordered_map<std::string, int64_t>>& locales) {
    std::map<std::string, std::map<std::string, int64_t>> sorted;
    for (const auto& [locale, labels] : locales) sorted[locale].insert(labels.begin(), labels.end());
    std::unordered_map<std::string, int64_t> out;
    for (const auto& [locale, labels] : sorted) {
        for (const auto& [label, value] : labels) out.emplace(csv::fold_case(label), value);
    }
    return out;
}

}  // namespace

void Database::import_csv(const std::string& collection, const std::string& group, const std::string& path,
                          const CSVOptions& options) {
    const auto target = csv::resolve_target(*impl_, kOp, collection, group);
    const auto& table = *target.table;
    const bool scalar = target.kind == csv::TargetKind::Scalar;

    const csv::CsvFile file = csv::read_csv_file(path);
    const auto& header = file.header;
    if (header.empty()) fail("CSV file is empty.");

    // 1-2. Header.
    if (scalar && std::find(header.begin(), header.end(), "label") == header.end()) {
        fail("CSV file does not contain a 'label' column.");
    }
    std::vector<const ColumnDefinition*> columns;  // the table's columns to import, alphabetical
    for (const auto& [name, column] : table.columns) {
        if (scalar && name == "id") continue;
        columns.push_back(&column);
    }
    if (header.size() != columns.size()) {
        fail("The number of columns in the CSV file does not match the number of columns in the database.");
    }
    std::unordered_map<std::string, size_t> position;
    for (size_t i = 0; i < header.size(); ++i) position.emplace(header[i], i);
    for (const auto* column : columns) {
        if (!position.count(column->name)) fail("The columns in the CSV file do not match the columns in the database.");
    }
    if (position.size() != header.size()) {
        fail("The columns in the CSV file do not match the columns in the database.");
    }

    // 3. Row widths.
    for (size_t r = 0; r < file.rows.size(); ++r) {
        if (file.rows[r].size() != header.size()) {
            fail("Row " + std::to_string(r + 1) + " has " + std::to_string(file.rows[r].size()) +
                 " columns, but the header has " + std::to_string(header.size()) + ".");
        }
    }

    // 4. Zero data rows clear the target.
    if (file.rows.empty()) {
        detail::WriteGuard guard(*impl_);
        detail::prepare_statement(impl_->db(), "DELETE FROM " + quote_identifier(table.name)).run();
        guard.commit();
        impl_->logger->info("Imported 0 rows into {} from {}", table.name, path);
        return;
    }

    // 5. Cells, row by row, columns in table order.
    std::map<std::pair<std::string, std::string>, IdByLabel> id_maps;
    auto ids_of = [&](const std::string& target_table, const std::string& key_column) -> const IdByLabel* {
        auto key = std::make_pair(target_table, key_column);
        auto it = id_maps.find(key);
        if (it == id_maps.end()) it = id_maps.emplace(key, load_ids(*impl_, target_table, key_column)).first;
        return &it->second;
    };
    std::map<std::string, std::unordered_map<std::string, int64_t>> enum_maps;
    std::vector<ColumnPlan> plans;
    for (const auto* column : columns) {
        ColumnPlan plan{column, position.at(column->name)};
        const auto& name = column->name;
        if (!scalar && (name == "id" || (target.kind == csv::TargetKind::Vector && name == "vector_index"))) {
            plan.kind = CellKind::Skip;
            plans.push_back(plan);
            continue;
        }
        plan.fk = table.get_foreign_key(name);
        if (plan.fk) {
            if (scalar && same_table(plan.fk->to_table, collection)) {
                plan.kind = CellKind::SelfReference;
            } else {
                plan.kind = CellKind::ForeignKey;
                plan.ids = ids_of(plan.fk->to_table, plan.fk->to_column);
            }
        } else if (column->type == DataType::DateTime) {
            plan.kind = CellKind::DateTime;
        } else if (column->type == DataType::Integer) {
            plan.kind = CellKind::Integer;
            if (auto it = options.enum_labels.find(name); it != options.enum_labels.end()) {
                plan.enums = &enum_maps.emplace(name, fold_enum(it->second)).first->second;
            }
        } else if (column->type == DataType::Real) {
            plan.kind = CellKind::Real;
        } else {
            plan.kind = CellKind::Text;
        }
        plans.push_back(plan);
    }

    std::unordered_set<std::string> file_labels;
    if (scalar) {
        const size_t label_index = position.at("label");
        for (const auto& row : file.rows) file_labels.insert(row[label_index]);
    }
    const std::string date_format =
        options.date_time_format.empty() ? std::string(csv::kIsoFormat) : options.date_time_format;

    // values[r][c] parallel to plans; self references are kept as labels for the second pass.
    std::vector<std::vector<Value>> values(file.rows.size(), std::vector<Value>(plans.size()));
    struct SelfReference {
        size_t row;
        size_t column;
    };
    std::vector<SelfReference> self_references;
    for (size_t r = 0; r < file.rows.size(); ++r) {
        const auto& row = file.rows[r];
        for (size_t c = 0; c < plans.size(); ++c) {
            const auto& plan = plans[c];
            if (plan.kind == CellKind::Skip) continue;
            const std::string& cell = row[plan.file_index];
            const auto& name = plan.column->name;
            if (cell.empty()) {
                if (plan.column->not_null) fail("Column " + name + " cannot be NULL.");
                continue;  // NULL
            }
            switch (plan.kind) {
            case CellKind::ForeignKey: {
                auto it = plan.ids->find(cell);
                if (it == plan.ids->end()) {
                    std::string msg = "Could not find an existing element from collection " + plan.fk->to_table +
                                      " with label " + cell + ".";
                    if (scalar) msg += "\nCreate the element before referencing it.";
                    fail(msg);
                }
                values[r][c] = it->second;
                break;
            }
            case CellKind::SelfReference:
                if (!file_labels.count(cell)) {
                    fail("Could not find an existing element from collection " + collection + " with label " + cell +
                         ".\nCreate the element before referencing it.");
                }
                self_references.push_back({r, c});
                break;
            case CellKind::DateTime: {
                auto parsed = options.date_time_format.empty() ? csv::parse_date_time(cell)
                                                               : csv::parse_date_time(cell, options.date_time_format);
                if (!parsed) {
                    fail("Timestamp " + cell + " is not valid. Please provide a valid timestamp with format " +
                         date_format + ".");
                }
                values[r][c] = csv::format_iso(*parsed);
                break;
            }
            case CellKind::Integer: {
                if (auto parsed = csv::parse_integer(cell)) {
                    values[r][c] = *parsed;
                } else if (plan.enums) {
                    auto it = plan.enums->find(csv::fold_case(cell));
                    if (it == plan.enums->end()) fail("Invalid enum value '" + cell + "' for column '" + name + "'.");
                    values[r][c] = it->second;
                } else {
                    fail("Invalid integer value '" + cell + "' for column '" + name + "'.");
                }
                break;
            }
            case CellKind::Real: {
                auto parsed = csv::parse_float(cell);
                if (!parsed) fail("Invalid float value '" + cell + "' for column '" + name + "'.");
                values[r][c] = *parsed;
                break;
            }
            case CellKind::Text:
                // The same content rules as every other write (UTF-8, no embedded NUL).
                TypeValidator::validate_value("import_csv", "column '" + name + "' row " + std::to_string(r + 1),
                                              DataType::Text, Value(cell));
                values[r][c] = cell;
                break;
            case CellKind::Skip: break;
            }
        }
    }

    if (scalar) {
        // 6. Labels are unique in the file.
        if (file_labels.size() != file.rows.size()) fail("There are duplicate entries in the CSV file.");
    } else {
        // 7. Parent labels exist; vector indexes run 1, 2, 3, ... per parent in file order.
        const IdByLabel* parents = ids_of(collection, "id");
        size_t id_column = 0;
        size_t index_column = plans.size();
        for (size_t c = 0; c < plans.size(); ++c) {
            if (plans[c].column->name == "id") id_column = c;
            if (target.kind == csv::TargetKind::Vector && plans[c].column->name == "vector_index") index_column = c;
        }
        for (size_t r = 0; r < file.rows.size(); ++r) {
            const auto& cell = file.rows[r][plans[id_column].file_index];
            auto it = parents->find(cell);
            if (it == parents->end()) {
                fail("Element with id " + cell + " does not exist in collection " + collection + ".");
            }
            values[r][id_column] = it->second;
        }
        if (index_column < plans.size()) {
            std::unordered_map<int64_t, int64_t> next_index;
            for (size_t r = 0; r < file.rows.size(); ++r) {
                const auto parsed = csv::parse_integer(file.rows[r][plans[index_column].file_index]);
                int64_t& expected = next_index[std::get<int64_t>(values[r][id_column])];
                if (!parsed || *parsed != expected + 1) {
                    fail("Column vector_index must be consecutive, unique and start at 1.");
                }
                expected = *parsed;
                values[r][index_column] = *parsed;
            }
        }
    }

    // Writing (§8.5), all under the guard; a UNIQUE violation means duplicate entries.
    std::vector<std::string> names;
    detail::InsertSql insert_builder(table.name);
    for (const auto& plan : plans) {
        names.push_back(plan.column->name);
        insert_builder.column(plan.column->name);
    }
    const std::string insert_sql = insert_builder.str();

    detail::WriteGuard guard(*impl_);
    try {
        if (scalar) {
            // Existing elements keep their ids (and everything that hangs off them).
            std::vector<std::pair<int64_t, std::string>> existing;
            {
                auto stmt = detail::prepare_statement(impl_->db(), "SELECT id, label FROM " +
                                                                       quote_identifier(table.name) + " ORDER BY rowid");
                while (stmt.step()) existing.emplace_back(stmt.column_int(0), stmt.column_text(1));
            }
            IdByLabel ids;
            for (const auto& [id, label] : existing) ids.emplace(label, id);

            std::vector<size_t> self_columns;
            for (size_t c = 0; c < plans.size(); ++c) {
                if (plans[c].kind == CellKind::SelfReference) self_columns.push_back(c);
            }
            if (!self_columns.empty()) {
                std::string sql = "UPDATE " + quote_identifier(table.name) + " SET ";
                for (size_t k = 0; k < self_columns.size(); ++k) {
                    sql += (k ? ", " : "") + quote_identifier(names[self_columns[k]]) + " = NULL";
                }
                detail::prepare_statement(impl_->db(), sql).run();
            }

            {
                auto remove = detail::prepare_statement(impl_->db(), "DELETE FROM " + quote_identifier(table.name) +
                                                                         " WHERE id = ?");
                for (const auto& [id, label] : existing) {
                    if (file_labels.count(label)) continue;
                    remove.bind(1, id);
                    remove.run();
                    remove.reset();
                }
            }

            std::string update_sql = "UPDATE " + quote_identifier(table.name) + " SET ";
            for (size_t c = 0; c < names.size(); ++c) {
                update_sql += (c ? ", " : "") + quote_identifier(names[c]) + " = ?";
            }
            update_sql += " WHERE id = ?";
            auto update = detail::prepare_statement(impl_->db(), update_sql);
            auto insert = detail::prepare_statement(impl_->db(), insert_sql);
            const size_t label_column = static_cast<size_t>(
                std::find(names.begin(), names.end(), "label") - names.begin());
            for (size_t r = 0; r < values.size(); ++r) {
                const auto& label = std::get<std::string>(values[r][label_column]);
                auto it = ids.find(label);
                auto& stmt = it != ids.end() ? update : insert;
                for (size_t c = 0; c < values[r].size(); ++c) stmt.bind(static_cast<int>(c + 1), values[r][c]);
                if (it != ids.end()) stmt.bind(static_cast<int>(values[r].size() + 1), it->second);
                stmt.run();
                stmt.reset();
                if (it == ids.end()) ids.emplace(label, sqlite3_last_insert_rowid(impl_->db()));
            }

            // Second pass: self references by label, now that every label has an id.
            std::map<size_t, detail::Statement> fill;
            for (const size_t c : self_columns) {
                fill.emplace(c, detail::prepare_statement(impl_->db(), "UPDATE " + quote_identifier(table.name) +
                                                                           " SET " + quote_identifier(names[c]) +
                                                                           " = ? WHERE id = ?"));
            }
            for (const auto& ref : self_references) {
                auto& stmt = fill.at(ref.column);
                const auto& label = std::get<std::string>(values[ref.row][label_column]);
                stmt.bind(1, ids.at(file.rows[ref.row][plans[ref.column].file_index]));
                stmt.bind(2, ids.at(label));
                stmt.run();
                stmt.reset();
            }
        } else {
            detail::prepare_statement(impl_->db(), "DELETE FROM " + quote_identifier(table.name)).run();
            auto insert = detail::prepare_statement(impl_->db(), insert_sql);
            for (const auto& row : values) {
                for (size_t c = 0; c < row.size(); ++c) insert.bind(static_cast<int>(c + 1), row[c]);
                insert.run();
                insert.reset();
            }
        }
    } catch (const std::runtime_error& e) {
        if (std::string_view(e.what()).find("UNIQUE constraint failed") != std::string_view::npos) {
            fail("There are duplicate entries in the CSV file.");
        }
        throw;
    }
    guard.commit();
    impl_->logger->info("Imported {} row(s) into {} from {}", values.size(), table.name, path);
}

}  // namespace quiver
