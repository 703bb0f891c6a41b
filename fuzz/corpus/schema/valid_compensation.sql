-- create_element inside a user transaction is undone by compensation (no savepoint) when the
-- schema has no triggers and no ON CONFLICT clauses: an AUTOINCREMENT collection whose set
-- rejects duplicates and whose time series needs its dimension.
CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;
CREATE TABLE Item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    value INTEGER
) STRICT;
CREATE TABLE Item_vector_values (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    amount REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;
CREATE TABLE Item_set_tags (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;
CREATE TABLE Item_time_series_load (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    load REAL,
    PRIMARY KEY (id, date_time)
) STRICT;
