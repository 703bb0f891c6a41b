-- A collection with two vector groups:
--   values: several value columns of mixed types (group name differs from its columns)
--   codes:  one NOT NULL column named like its group
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    some_integer INTEGER,
    some_float REAL
) STRICT;

-- Deliberately not STRICT (lets tests insert values of another storage class).
CREATE TABLE Collection_vector_values (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    value_int INTEGER,
    value_float REAL,
    value_string TEXT,
    PRIMARY KEY (id, vector_index)
);

CREATE TABLE Collection_vector_codes (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    codes INTEGER NOT NULL,
    PRIMARY KEY (id, vector_index)
) STRICT;
