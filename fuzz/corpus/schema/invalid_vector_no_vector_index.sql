-- V3 vector rule 4.
-- Schema validation error: Vector table 'Collection_vector_values' must have 'vector_index' column
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection_vector_values (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position INTEGER NOT NULL,
    value REAL,
    PRIMARY KEY (id, position)
) STRICT;
