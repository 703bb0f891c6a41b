-- A PRAGMA user_version inside a schema file takes effect (from_schema does not touch it).
PRAGMA user_version = 7;

CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
