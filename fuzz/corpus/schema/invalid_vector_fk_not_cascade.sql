-- V3 vector rule 5: the FK from id to the parent lacks ON UPDATE CASCADE.
-- Schema validation error: Vector table 'Collection_vector_values' FK to parent must use ON DELETE CASCADE ON UPDATE CASCADE
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection_vector_values (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE,
    vector_index INTEGER NOT NULL,
    value REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;
