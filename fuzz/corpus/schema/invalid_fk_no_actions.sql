-- V5 rule 3: a bare REFERENCES reports NO ACTION and fails the ON UPDATE rule.
-- Schema validation error: Foreign key 'parent_id' in table 'Child' must use ON UPDATE CASCADE
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Parent (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Child (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    parent_id INTEGER REFERENCES Parent(id)
) STRICT;
