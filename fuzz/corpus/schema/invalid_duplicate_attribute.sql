-- V4: a vector value column repeats a scalar of the collection.
-- Schema validation error: Duplicate attribute 'value' found in table 'Collection_vector_values' (already defined in collection 'Collection')
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    value REAL
) STRICT;

CREATE TABLE Collection_vector_values (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    value REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;
