-- V3 collection rule 3.
-- Schema validation error: Collection 'Collection' label column must be TEXT type
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label INTEGER UNIQUE NOT NULL
) STRICT;
