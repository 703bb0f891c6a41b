-- V5 rule 2: a vector table's id has a second FK (to another collection) that is not
-- CASCADE/CASCADE. The FK to the parent itself is fine, so V3 passes.
-- Schema validation error: Vector table 'Collection_vector_values' parent FK must use ON DELETE CASCADE ON UPDATE CASCADE
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Other (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection_vector_values (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    value REAL,
    PRIMARY KEY (id, vector_index),
    FOREIGN KEY (id) REFERENCES Other(id) ON DELETE CASCADE
) STRICT;
