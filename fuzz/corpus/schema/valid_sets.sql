-- A collection with two set groups:
--   tags:    one TEXT column
--   numbers: two value columns (INTEGER + REAL) in one UNIQUE constraint
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    some_integer INTEGER
) STRICT;

CREATE TABLE Collection_set_tags (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;

CREATE TABLE Collection_set_numbers (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    number INTEGER,
    ratio REAL,
    UNIQUE (id, number, ratio)
) STRICT;
