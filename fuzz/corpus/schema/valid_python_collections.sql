-- Fixture of the Python binding tests (bindings/python/tests): one collection with every kind of
-- attribute (scalars of each type, a foreign key, vector/set/time-series groups, a files table).
PRAGMA user_version = 3;

CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    integer_attribute INTEGER NOT NULL DEFAULT 6,
    float_attribute REAL DEFAULT 3.14,
    string_attribute TEXT,
    date_attribute TEXT
) STRICT;

CREATE TABLE Owner (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    city TEXT
) STRICT;

CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    some_integer INTEGER,
    some_float REAL,
    some_string TEXT,
    date_start TEXT,
    kind INTEGER,
    owner_id INTEGER REFERENCES Owner(id) ON DELETE SET NULL ON UPDATE CASCADE
) STRICT;

CREATE TABLE Collection_vector_values (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    value_int INTEGER,
    value_float REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Collection_vector_labels (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    name_text TEXT,
    date_event TEXT,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Collection_set_tags (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;

CREATE TABLE Collection_set_codes (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    code INTEGER NOT NULL,
    UNIQUE (id, code)
) STRICT;

CREATE TABLE Collection_set_weights (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    weight REAL NOT NULL,
    UNIQUE (id, weight)
) STRICT;

CREATE TABLE Collection_set_milestones (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_milestone TEXT NOT NULL,
    UNIQUE (id, date_milestone)
) STRICT;

CREATE TABLE Collection_time_series_readings (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    humidity INTEGER,
    status TEXT,
    temperature REAL,
    PRIMARY KEY (id, date_time)
) STRICT;

CREATE TABLE Collection_time_series_files (
    wind TEXT,
    solar TEXT
) STRICT;
