// Database: a schema-first handle over one SQLite database.
//
// Contract (details in docs/ and the specification):
// - Every failure throws std::runtime_error whose what() follows one of three patterns:
//   "Cannot <op>: <reason>", "<Entity> not found: <id>", "Failed to <op>: <reason>".
// - Every write is atomic, also inside a user transaction: a failed call leaves the
//   database exactly as it was, and the user's transaction stays open.
// - The plain constructor loads the schema lazily on first use; from_schema and
//   from_migrations load and validate it eagerly.
// - Not thread-safe: use one handle per thread.
#ifndef QUIVER_DATABASE_H
#define QUIVER_DATABASE_H

#include "quiver/attribute_metadata.h"
#include "quiver/columns.h"
#include "quiver/element.h"
#include "quiver/export.h"
#include "quiver/options.h"
#include "quiver/result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quiver {

class QUIVER_API Database {
public:
    // Opens an existing database; a missing path throws "Database not found: <path>" and
    // creates nothing (":memory:" excepted). from_schema/from_migrations create the file.
    explicit Database(const std::string& path, const DatabaseOptions& options = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;

    static Database from_migrations(const std::string& db_path,
                                    const std::string& migrations_path,
                                    const DatabaseOptions& options = {});
    static Database from_schema(const std::string& db_path,
                                const std::string& schema_path,
                                const DatabaseOptions& options = {});

    bool is_healthy() const;
    int64_t current_version() const;
    const std::string& path() const;
    // Inspection (D17): reports as text (every line ends with '\n'); nothing is printed.
    // describe() never throws for a missing or invalid schema ("No schema loaded.").
    std::string describe() const;
    std::string describe_collection(const std::string& collection) const;
    std::string summarize_collection(const std::string& collection) const;

    // Element writes.
    int64_t create_element(const std::string& collection, const Element& element);
    void update_element(const std::string& collection, int64_t id, const Element& element);
    void delete_element(const std::string& collection, int64_t id);
    // Creates every element in order, all or nothing (one write guard), and returns the new ids.
    // A failing element fails the call: "Cannot create_elements: row <r>: <create_element's message>".
    // `progress(done, total)`, when given, is called about a hundred times (and after the last row).
    std::vector<int64_t> create_elements(const std::string& collection, const std::vector<Element>& elements,
                                         const std::function<void(size_t, size_t)>& progress = {});

    // Reads over all elements, one entry per element in id order.
    std::vector<std::optional<int64_t>> read_scalar_integers(const std::string& collection,
                                                             const std::string& attribute);
    std::vector<std::optional<double>> read_scalar_floats(const std::string& collection,
                                                          const std::string& attribute);
    std::vector<std::optional<std::string>> read_scalar_strings(const std::string& collection,
                                                                const std::string& attribute);

    std::vector<std::vector<int64_t>> read_vector_integers(const std::string& collection,
                                                           const std::string& attribute);
    std::vector<std::vector<double>> read_vector_floats(const std::string& collection,
                                                        const std::string& attribute);
    std::vector<std::vector<std::string>> read_vector_strings(const std::string& collection,
                                                              const std::string& attribute);
    std::vector<std::vector<int64_t>> read_set_integers(const std::string& collection,
                                                        const std::string& attribute);
    std::vector<std::vector<double>> read_set_floats(const std::string& collection,
                                                     const std::string& attribute);
    std::vector<std::vector<std::string>> read_set_strings(const std::string& collection,
                                                           const std::string& attribute);

    std::vector<int64_t> read_element_ids(const std::string& collection);

    // Reads of one element.
    std::optional<int64_t> read_scalar_integer_by_id(const std::string& collection,
                                                     const std::string& attribute, int64_t id);
    std::optional<double> read_scalar_float_by_id(const std::string& collection,
                                                  const std::string& attribute, int64_t id);
    std::optional<std::string> read_scalar_string_by_id(const std::string& collection,
                                                        const std::string& attribute, int64_t id);

    std::vector<int64_t> read_vector_integers_by_id(const std::string& collection,
                                                    const std::string& attribute, int64_t id);
    std::vector<double> read_vector_floats_by_id(const std::string& collection,
                                                 const std::string& attribute, int64_t id);
    std::vector<std::string> read_vector_strings_by_id(const std::string& collection,
                                                       const std::string& attribute, int64_t id);
    std::vector<int64_t> read_set_integers_by_id(const std::string& collection,
                                                 const std::string& attribute, int64_t id);
    std::vector<double> read_set_floats_by_id(const std::string& collection,
                                              const std::string& attribute, int64_t id);
    std::vector<std::string> read_set_strings_by_id(const std::string& collection,
                                                    const std::string& attribute, int64_t id);

    // Columnar bulk reads (columns.h): every element of a collection or group in one query.
    // read_scalar_columns: "id", then `attributes` in the given order (every other column of the
    //   collection table, alphabetically, when empty), one row per element in id order.
    // read_vector_columns: "id", "vector_index", the value columns; ordered by id, vector_index.
    // read_set_columns: "id", the value columns; ordered by id, then insertion.
    // read_time_series_columns: "id", the dimension (DateTime), the value columns; ordered by
    //   id, dimension. Elements without rows have none.
    Columns read_scalar_columns(const std::string& collection, const std::vector<std::string>& attributes = {});
    Columns read_vector_columns(const std::string& collection, const std::string& group);
    Columns read_set_columns(const std::string& collection, const std::string& group);
    Columns read_time_series_columns(const std::string& collection, const std::string& group);

    // Metadata (alphabetical orders).
    ScalarMetadata get_scalar_metadata(const std::string& collection,
                                       const std::string& attribute) const;
    GroupMetadata get_vector_metadata(const std::string& collection,
                                      const std::string& group_name) const;
    GroupMetadata get_set_metadata(const std::string& collection,
                                   const std::string& group_name) const;
    GroupMetadata get_time_series_metadata(const std::string& collection,
                                           const std::string& group_name) const;
    std::vector<ScalarMetadata> list_scalar_attributes(const std::string& collection) const;
    std::vector<GroupMetadata> list_vector_groups(const std::string& collection) const;
    std::vector<GroupMetadata> list_set_groups(const std::string& collection) const;
    std::vector<GroupMetadata> list_time_series_groups(const std::string& collection) const;

    // Time series.
    std::vector<std::map<std::string, Value>> read_time_series_group(const std::string& collection,
                                                                     const std::string& group,
                                                                     int64_t id);
    void update_time_series_group(const std::string& collection, const std::string& group,
                                  int64_t id,
                                  const std::vector<std::map<std::string, Value>>& rows);
    bool has_time_series_files(const std::string& collection) const;
    std::vector<std::string> list_time_series_files_columns(const std::string& collection) const;
    std::map<std::string, std::optional<std::string>> read_time_series_files(
        const std::string& collection);
    void update_time_series_files(const std::string& collection,
                                  const std::map<std::string, std::optional<std::string>>& paths);

    // Element count (SELECT COUNT(*), never cached); any table of the schema is accepted.
    int64_t number_of_elements(const std::string& collection) const;
    // Existence check for callers that compose several reads of one element (the Lua and
    // Python composites, D24): throws "Element not found: <id> in collection '<C>'" when the
    // collection has no element `id`, "Cannot require_element: collection not found: <C>" for
    // an unknown collection. Reads only.
    void require_element(const std::string& collection, int64_t id) const;

    // Whole groups of one element (api-additions §3). Readers: one map per row holding every
    // value column (NULL cells as nullptr), vectors in vector_index order, sets in insertion
    // order; a missing id gives []. Writers replace all of the element's rows in exactly that
    // group; a key missing from a row is NULL; strings in foreign-key columns are labels;
    // `rows` that name no column and `id`/`vector_index` keys are refused; {} clears.
    std::vector<std::map<std::string, Value>> read_vector_group_by_id(const std::string& collection,
                                                                      const std::string& group, int64_t id);
    std::vector<std::map<std::string, Value>> read_set_group_by_id(const std::string& collection,
                                                                   const std::string& group, int64_t id);
    void update_vector_group(const std::string& collection, const std::string& group, int64_t id,
                             const std::vector<std::map<std::string, Value>>& rows);
    void update_set_group(const std::string& collection, const std::string& group, int64_t id,
                          const std::vector<std::map<std::string, Value>>& rows);

    // One time-series row across elements, and one row of one element (api-additions §4).
    // read_time_series_row: per element (read_element_ids order) the last non-NULL value of
    // `attribute` at or before `date_time` (a valid DATE_TIME), or nullptr.
    std::vector<Value> read_time_series_row(const std::string& collection, const std::string& group,
                                            const std::string& attribute, const std::string& date_time);
    // upsert_time_series_row (D19): `row` names the key (dimension and further primary-key
    // columns) and any value columns; an existing row changes only the named value columns.
    void upsert_time_series_row(const std::string& collection, const std::string& group, int64_t id,
                                const std::map<std::string, Value>& row);

    // Label-addressed writes (api-additions §8): the element is found by its label (trimmed)
    // after the collection check, "Element not found: label '<label>' in collection '<C>'",
    // then the call behaves exactly like its id form.
    void update_element(const std::string& collection, const std::string& label, const Element& element);
    void delete_element(const std::string& collection, const std::string& label);
    void update_vector_group(const std::string& collection, const std::string& group, const std::string& label,
                             const std::vector<std::map<std::string, Value>>& rows);
    void update_set_group(const std::string& collection, const std::string& group, const std::string& label,
                          const std::vector<std::map<std::string, Value>>& rows);
    void update_time_series_group(const std::string& collection, const std::string& group,
                                  const std::string& label,
                                  const std::vector<std::map<std::string, Value>>& rows);
    void upsert_time_series_row(const std::string& collection, const std::string& group, const std::string& label,
                                const std::map<std::string, Value>& row);

    // Sets (target_label) or clears (nullopt) the scalar foreign key
    // <lowercase collection_to>_<relation_type> of one element of collection_from (§8.1).
    void update_relation(const std::string& collection_from, const std::string& collection_to,
                         const std::string& relation_type, int64_t id,
                         const std::optional<std::string>& target_label);
    void update_relation(const std::string& collection_from, const std::string& collection_to,
                         const std::string& relation_type, const std::string& label,
                         const std::optional<std::string>& target_label);

    // CSV. group == "" addresses the collection's scalar table.
    void export_csv(const std::string& collection, const std::string& group,
                    const std::string& path, const CSVOptions& options = default_csv_options());
    void import_csv(const std::string& table, const std::string& group, const std::string& path,
                    const CSVOptions& options = default_csv_options());

    // Queries: first column of the first row; no rows or NULL gives no value.
    std::optional<std::string> query_string(const std::string& sql,
                                            const std::vector<Value>& params = {});
    std::optional<int64_t> query_integer(const std::string& sql,
                                         const std::vector<Value>& params = {});
    std::optional<double> query_float(const std::string& sql,
                                      const std::vector<Value>& params = {});
    // Every row of the first statement, with the column names (D25); values by storage class.
    Result query(const std::string& sql, const std::vector<Value>& params = {});
    // The same rows as typed columns (columns.h), the statement run once. A column's type follows
    // the storage classes of its cells: only INTEGER (and NULL) is Integer; INTEGER and REAL is
    // Real (integers widened, as Row::get_float); only TEXT is Text; all NULL (or no rows) is
    // Text, every cell NULL. TEXT mixed with numbers is Text with Column::cell_types, so no value
    // is lost. Parameters, errors and dry-run rules as query.
    Columns query_columns(const std::string& sql, const std::vector<Value>& params = {});

    // Transactions.
    void begin_transaction();
    void commit();
    void rollback();
    bool in_transaction() const;  // inside a dry run: only the caller's own transaction

    // Dry runs (D16): everything done between begin and end is rolled back, also when the
    // database is closed first. Transparent: transactions inside work as savepoints.
    void begin_dry_run();
    void end_dry_run();
    bool in_dry_run() const;

    // Implementation detail shared by the core's source files; not part of the interface.
    struct Impl;

private:
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace quiver

#endif  // QUIVER_DATABASE_H
