-- V5 rule 4: FK column named neither <target>_id, <target>_..., nor containing _id.
-- Schema validation error: Foreign key column 'guardian' in table 'Child' should follow naming pattern '<collection>_id'
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
    guardian INTEGER REFERENCES Parent(id) ON DELETE SET NULL ON UPDATE CASCADE
) STRICT;
