-- Columnar bulk reads and create_elements: every column type, a foreign key, a two-column
-- vector group, a set and a time series. Plant is not STRICT so tests can store a value of
-- another storage class with raw SQL.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Fuel (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    price REAL
) STRICT;

CREATE TABLE Plant (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    capacity REAL,
    units INTEGER,
    date_built DATE_TIME,
    status INTEGER NOT NULL DEFAULT 1,
    fuel_id INTEGER REFERENCES Fuel(id) ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE Plant_vector_units (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    unit_name TEXT,
    unit_capacity REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Plant_set_tags (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;

CREATE TABLE Plant_time_series_generation (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    generation REAL,
    PRIMARY KEY (id, date_time)
) STRICT;

-- A set group whose column is a foreign key (group writers take labels there).
CREATE TABLE Plant_set_backups (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    backup_fuel_id INTEGER REFERENCES Fuel(id) ON DELETE CASCADE ON UPDATE CASCADE,
    UNIQUE (id, backup_fuel_id)
) STRICT;
