-- V3 time-series files rule 2.
-- Schema validation error: Time series files table 'Collection_time_series_files' column 'wind' must be TEXT type (for file paths)
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection_time_series_files (
    solar TEXT,
    wind REAL
) STRICT;
