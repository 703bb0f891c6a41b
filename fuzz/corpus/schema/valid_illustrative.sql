-- The illustrative schema of semantics.md section 2.3, verbatim.
CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;
CREATE TABLE Owner (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT UNIQUE NOT NULL) STRICT;
CREATE TABLE Plant (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    capacity REAL,
    status INTEGER DEFAULT 1,
    date_commissioned TEXT,                                   -- DateTime (date_ prefix)
    owner_id INTEGER REFERENCES Owner(id) ON DELETE SET NULL ON UPDATE CASCADE
) STRICT;
CREATE TABLE Plant_vector_units (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    unit_size REAL, unit_code TEXT,
    PRIMARY KEY (id, vector_index)) STRICT;
CREATE TABLE Plant_set_tags (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL, UNIQUE (id, tag)) STRICT;
CREATE TABLE Plant_time_series_output (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL, generation REAL,
    PRIMARY KEY (id, date_time)) STRICT;
CREATE TABLE Plant_time_series_files (inflow TEXT, demand TEXT) STRICT;
