// CSV export (semantics §8.2, D8): "sep=," line, header in declaration order, one line per row,
// foreign keys as labels, enum codes as labels, shortest round-trip floats, formatted dates.
#include "csv_format.h"
#include "database_impl.h"
#include "errors.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <unordered_map>
#include <vector>

namespace quiver {
namespace {

using detail::quote_identifier;
namespace csv = detail::csv;

using LabelMap = std::unordered_map<int64_t, std::string>;

// id (or the referenced column) -> label of every element of target, from one SELECT.
// Null when target has no label column (the integers are then written as they are).
std::shared_ptr<const LabelMap> load_labels(Database::Impl& impl, const Schema& schema,
                                            const std::string& target, const std::string& key_column) {
    const auto* table = schema.get_table(target);
    if (!table || !table->has_column("label") || !table->has_column(key_column)) return nullptr;
    auto map = std::make_shared<LabelMap>();
    auto stmt = impl.cached("SELECT " + quote_identifier(key_column) + ", label FROM " + quote_identifier(target));
    while (stmt.step()) {
        if (stmt.column_type(0) != SQLITE_INTEGER || stmt.column_type(1) != SQLITE_TEXT) continue;
        map->emplace(stmt.column_int(0), stmt.column_text(1));
    }
    return map;
}

// value -> label: locales in ascending name order, labels in ascending order, first match wins.
std::map<int64_t, std::string> enum_labels_by_value(
    const std::unordered_map<std::string, std::unordered_map<std::string, int64_t>>& locales) {
    std::vector<const std::string*> locale_names;
    for (const auto& [name, labels] : locales) locale_names.push_back(&name);
    std::sort(locale_names.begin(), locale_names.end(), [](auto* a, auto* b) { return *a < *b; });
    std::map<int64_t, std::string> out;
    for (const auto* locale : locale_names) {
        const auto& labels = locales.at(*locale);
        std::map<std::string, int64_t> sorted(labels.begin(), labels.end());
        for (const auto& [label, value] : sorted) out.emplace(value, label);
    }
    return out;
}

// How one exported column renders its cells.
struct ColumnRenderer {
    std::shared_ptr<const LabelMap> labels;  // foreign key (or a group's parent id)
    std::map<int64_t, std::string> enum_labels;
    bool has_enum = false;
    bool format_dates = false;
};

}  // namespace

void Database::export_csv(const std::string& collection, const std::string& group, const std::string& path,
                          const CSVOptions& options) {
    constexpr const char* op = "export_csv";
    const auto target = csv::resolve_target(*impl_, op, collection, group);
    const auto& schema = *impl_->schema;
    const auto& table = *target.table;

    std::string order;
    switch (target.kind) {
    case csv::TargetKind::Scalar: order = "rowid"; break;
    case csv::TargetKind::Vector: order = "id, vector_index"; break;
    case csv::TargetKind::Set: order = "id"; break;
    case csv::TargetKind::TimeSeries: order = "id, " + quote_identifier(detail::dimension_column(table)); break;
    }

    // Label maps are read before the export query runs; one map per referenced table.
    std::map<std::pair<std::string, std::string>, std::shared_ptr<const LabelMap>> maps;
    auto labels_of = [&](const std::string& target_table, const std::string& key_column) {
        auto key = std::make_pair(target_table, key_column);
        auto it = maps.find(key);
        if (it == maps.end()) it = maps.emplace(key, load_labels(*impl_, schema, target_table, key_column)).first;
        return it->second;
    };
    std::map<std::string, ColumnRenderer> renderers;
    for (const auto& [name, column] : table.columns) {
        auto& renderer = renderers[name];
        if (target.kind != csv::TargetKind::Scalar && name == "id") {
            renderer.labels = labels_of(collection, "id");
        } else if (const auto* fk = table.get_foreign_key(name)) {
            renderer.labels = labels_of(fk->to_table, fk->to_column);
        }
        if (auto it = options.enum_labels.find(name); it != options.enum_labels.end()) {
            renderer.has_enum = true;
            renderer.enum_labels = enum_labels_by_value(it->second);
        }
        renderer.format_dates = column.type == DataType::DateTime && !options.date_time_format.empty();
    }

    // Declaration order comes from the statement's result columns.
    auto stmt = detail::prepare_statement(impl_->db(),
                                          "SELECT * FROM " + quote_identifier(table.name) + " ORDER BY " + order);
    std::vector<int> indexes;
    std::vector<const ColumnRenderer*> columns;
    std::string text = "sep=,\n";
    for (int i = 0; i < stmt.column_count(); ++i) {
        const auto name = stmt.column_name(i);
        if (target.kind == csv::TargetKind::Scalar && name == "id") continue;
        if (!indexes.empty()) text.push_back(',');
        csv::append_field(text, name);
        indexes.push_back(i);
        columns.push_back(&renderers[name]);
    }
    text.push_back('\n');

    std::error_code ec;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) detail::fail_failed(op, "could not open file: " + path);

    size_t rows = 0;
    std::string cell;
    while (stmt.step()) {
        for (size_t c = 0; c < indexes.size(); ++c) {
            if (c) text.push_back(',');
            const int i = indexes[c];
            const auto& renderer = *columns[c];
            cell.clear();
            switch (stmt.column_type(i)) {
            case SQLITE_NULL: break;
            case SQLITE_INTEGER: {
                const int64_t value = stmt.column_int(i);
                if (renderer.labels) {
                    auto it = renderer.labels->find(value);
                    cell = it != renderer.labels->end() ? it->second : std::to_string(value);
                } else if (renderer.has_enum) {
                    auto it = renderer.enum_labels.find(value);
                    cell = it != renderer.enum_labels.end() ? it->second : std::to_string(value);
                } else {
                    cell = std::to_string(value);
                }
                break;
            }
            case SQLITE_FLOAT: cell = csv::format_double(stmt.column_double(i)); break;
            case SQLITE_TEXT: {
                cell = stmt.column_text(i);
                if (renderer.format_dates) {
                    if (auto parsed = csv::parse_date_time(cell)) {
                        cell = csv::format_date_time(*parsed, options.date_time_format);
                    }
                }
                break;
            }
            default: detail::fail_failed("execute statement", "BLOB type not supported");
            }
            csv::append_field(text, cell);
        }
        text.push_back('\n');
        ++rows;
        if (text.size() >= (1u << 16)) {
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            text.clear();
        }
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) detail::fail_failed(op, "could not write file: " + path);
    impl_->logger->info("Exported {} row(s) of {} to {}", rows, table.name, path);
}

}  // namespace quiver
