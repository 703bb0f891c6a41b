-- Fixture of the Lua runner tests (tests/lua): one collection with every kind of group.
PRAGMA user_version = 7;

CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    integer_attribute INTEGER DEFAULT 6,
    float_attribute REAL DEFAULT 3.5,
    string_attribute TEXT
) STRICT;

CREATE TABLE Parent (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    score INTEGER,
    weight REAL,
    name TEXT,
    date_created TEXT,
    status INTEGER NOT NULL DEFAULT 1,
    parent_id INTEGER REFERENCES Parent(id) ON DELETE SET NULL ON UPDATE CASCADE
) STRICT;

CREATE TABLE Item_vector_values (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    value_int INTEGER,
    value_float REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Item_vector_codes (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    code TEXT,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Item_set_tags (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;

CREATE TABLE Item_set_numbers (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    number INTEGER NOT NULL,
    UNIQUE (id, number)
) STRICT;

CREATE TABLE Item_set_ratios (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    ratio REAL NOT NULL,
    UNIQUE (id, ratio)
) STRICT;

CREATE TABLE Item_time_series_readings (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    temperature REAL,
    humidity INTEGER,
    note TEXT,
    PRIMARY KEY (id, date_time)
) STRICT;

CREATE TABLE Item_time_series_files (
    inflow TEXT,
    demand TEXT
) STRICT;
