-- V3 collection rule 5: UNIQUE(label, code) does not count as a UNIQUE label.
-- Schema validation error: Collection 'Collection' label column must have UNIQUE constraint
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT NOT NULL,
    code INTEGER,
    UNIQUE (label, code)
) STRICT;
