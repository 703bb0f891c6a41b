-- V3 collection rule 1: no id column at all.
-- Schema validation error: Collection 'Collection' must have 'id' as primary key
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    code INTEGER PRIMARY KEY,
    label TEXT UNIQUE NOT NULL
) STRICT;
