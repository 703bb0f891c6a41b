-- A collection with a time-series files table (singleton row of file paths) and one
-- time-series group. Configuration has no files table.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection_time_series_data (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    value REAL,
    PRIMARY KEY (id, date_time)
) STRICT;

CREATE TABLE Collection_time_series_files (
    wind TEXT,
    solar TEXT,
    hydro TEXT
) STRICT;
