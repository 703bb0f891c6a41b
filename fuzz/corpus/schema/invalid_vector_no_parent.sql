-- V3 vector rule 1: the parent collection does not exist.
-- Schema validation error: Vector table 'Ghost_vector_values' references non-existent collection 'Ghost'
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Ghost_vector_values (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    value REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;
