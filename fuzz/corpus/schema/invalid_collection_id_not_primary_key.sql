-- V3 collection rule 1: id exists but is not the primary key.
-- Schema validation error: Collection 'Collection' must have 'id' as primary key
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    id INTEGER NOT NULL,
    label TEXT UNIQUE NOT NULL
) STRICT;
