-- V3 vector rule 3.
-- Schema validation error: Vector table 'Collection_vector_values' must have composite primary key (id, vector_index), not just 'id'
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection_vector_values (
    id INTEGER PRIMARY KEY REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    value REAL
) STRICT;
