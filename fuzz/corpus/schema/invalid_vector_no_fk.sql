-- V3 vector rule 6: no FK from id to the parent.
-- Schema validation error: Vector table 'Collection_vector_values' must have foreign key to parent collection 'Collection'
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection_vector_values (
    id INTEGER NOT NULL,
    vector_index INTEGER NOT NULL,
    value REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;
