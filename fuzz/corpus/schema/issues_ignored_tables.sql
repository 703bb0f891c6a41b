-- Tables whose name matches LIKE 'sqlite_%' (case-insensitive, '_' is a wildcard) and views
-- are not part of the schema, so their unsupported column types do not matter.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE SqliteXfoo (
    payload BLOB,
    anything
);

CREATE VIEW ConfigurationView AS SELECT id, label FROM Configuration;
