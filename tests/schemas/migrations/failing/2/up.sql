-- Version 2 fails half-way: the first statement succeeds, the second does not.
-- Failed to migrate_up: migration 2: Failed to execute SQL: no such table: Missing
CREATE TABLE Extra (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

INSERT INTO Missing (label) VALUES ('x');
