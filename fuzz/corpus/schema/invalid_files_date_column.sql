-- V3 time-series files rule 2: a date_* TEXT column is DateTime, not Text.
-- Schema validation error: Time series files table 'Collection_time_series_files' column 'date_file' must be TEXT type (for file paths)
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection_time_series_files (
    date_file TEXT,
    wind TEXT
) STRICT;
