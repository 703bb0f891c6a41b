-- C API test fixture: every attribute kind the C layer marshals.
--   Configuration  scalars of each type with defaults
--   Owner          FK target of Item.owner_id; no groups
--   Item           scalars, two vector groups, three set groups, one time-series group
--                  (INTEGER, DATE_TIME, REAL and TEXT value columns) and a files table
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    integer_attribute INTEGER DEFAULT 6,
    float_attribute REAL DEFAULT 3.2,
    string_attribute TEXT,
    date_attribute TEXT
) STRICT;

CREATE TABLE Owner (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    budget REAL
) STRICT;

CREATE TABLE Item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    quantity INTEGER,
    price REAL,
    description TEXT,
    date_created TEXT,
    kind INTEGER NOT NULL DEFAULT 1,
    owner_id INTEGER REFERENCES Owner(id) ON DELETE SET NULL ON UPDATE CASCADE
) STRICT;

CREATE TABLE Item_vector_values (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    value_int INTEGER,
    value_float REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Item_vector_names (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    name_text TEXT,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Item_set_tags (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;

CREATE TABLE Item_set_codes (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    code INTEGER NOT NULL,
    UNIQUE (id, code)
) STRICT;

CREATE TABLE Item_set_weights (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    weight REAL NOT NULL,
    UNIQUE (id, weight)
) STRICT;

CREATE TABLE Item_time_series_readings (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    count_value INTEGER,
    date_valid TEXT,
    measurement REAL,
    note TEXT,
    PRIMARY KEY (id, date_time)
) STRICT;

CREATE TABLE Item_time_series_files (
    inflow TEXT,
    demand TEXT
) STRICT;
