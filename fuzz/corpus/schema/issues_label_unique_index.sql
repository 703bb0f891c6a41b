-- Edge cases that pass validation:
--   Collection.label is made unique by a separate CREATE UNIQUE INDEX;
--   Pair has id inside a composite primary key;
--   Loose_set_items has neither an id column nor a parent FK (not checked for sets);
--   Collection_time_series_raw has no structural requirements besides existing.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX collection_label_unique ON Collection (label);

CREATE TABLE Pair (
    id INTEGER NOT NULL,
    part INTEGER NOT NULL,
    label TEXT UNIQUE NOT NULL,
    PRIMARY KEY (id, part)
) STRICT;

CREATE TABLE Loose_set_items (
    item TEXT NOT NULL,
    UNIQUE (item)
) STRICT;
