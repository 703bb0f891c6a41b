// Schema: the tables of a database as read back from SQLite, classified by Quiver's naming
// conventions (collections, C_vector_g, C_set_g, C_time_series_g, C_time_series_files).
#ifndef QUIVER_SCHEMA_H
#define QUIVER_SCHEMA_H

#include "quiver/data_type.h"
#include "quiver/export.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace quiver {

struct ColumnDefinition {
    std::string name;
    DataType type;
    bool not_null;
    bool primary_key;
    std::optional<std::string> default_value;
};

struct ForeignKey {
    std::string from_column;
    std::string to_table;
    std::string to_column;
    std::string on_update;  // as SQLite reports it: "CASCADE", "SET NULL", "NO ACTION", ...
    std::string on_delete;
};

struct Index {
    std::string name;
    bool unique;
    std::vector<std::string> columns;
};

enum class GroupTableType { Vector, Set, TimeSeries };

struct QUIVER_API TableDefinition {
    std::string name;
    std::map<std::string, ColumnDefinition> columns;  // alphabetical by name
    std::vector<ForeignKey> foreign_keys;
    std::vector<Index> indexes;

    std::optional<DataType> get_data_type(const std::string& column) const;
    bool has_column(const std::string& column) const;
    const ColumnDefinition* get_column(const std::string& column) const;  // nullptr if absent
    // The foreign key declared on `column` (the first one if several); nullptr if none.
    const ForeignKey* get_foreign_key(const std::string& column) const;
};

class QUIVER_API Schema {
public:
    // Reads every user table; throws "Unknown data type: <T>" or
    // "Cannot query columns: invalid table name: <t>".
    static Schema from_database(sqlite3* db);

    const TableDefinition* get_table(const std::string& name) const;
    bool has_table(const std::string& name) const;
    DataType get_data_type(const std::string& table, const std::string& column) const;

    static std::string vector_table_name(const std::string& collection, const std::string& group);
    static std::string set_table_name(const std::string& collection, const std::string& group);
    static std::string time_series_table_name(const std::string& collection,
                                              const std::string& group);
    static std::string time_series_files_table_name(const std::string& collection);

    bool is_collection(const std::string& table) const;
    bool is_vector_table(const std::string& table) const;
    bool is_set_table(const std::string& table) const;
    bool is_time_series_table(const std::string& table) const;
    bool is_time_series_files_table(const std::string& table) const;
    std::string get_parent_collection(const std::string& table) const;
    std::string get_time_series_files_parent_collection(const std::string& table) const;

    std::string find_vector_table(const std::string& collection, const std::string& attribute) const;
    std::string find_set_table(const std::string& collection, const std::string& attribute) const;
    std::string find_time_series_table(const std::string& collection,
                                       const std::string& group) const;
    std::string find_time_series_files_table(const std::string& collection) const;

    struct TableMatch {
        std::string table_name;
        GroupTableType type;
    };
    std::optional<TableMatch> find_table_for_column(const std::string& collection,
                                                    const std::string& column) const;
    // Array routing: C_vector_<column> first (if it has the column), then every other vector,
    // set and time-series table of the collection having the column, alphabetically.
    std::vector<TableMatch> find_all_tables_for_column(const std::string& collection,
                                                       const std::string& column) const;

    std::vector<std::string> table_names() const;       // alphabetical
    std::vector<std::string> collection_names() const;  // alphabetical

private:
    std::map<std::string, TableDefinition> tables_;
    // collection -> its vector, set and time-series tables (alphabetical), built at load so
    // array routing does not scan every table on each write.
    std::map<std::string, std::vector<TableMatch>> groups_;
};

}  // namespace quiver

#endif  // QUIVER_SCHEMA_H
