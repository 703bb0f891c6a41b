-- V3 time-series files rule 1.
-- Schema validation error: Time series files table 'Ghost_time_series_files' references non-existent collection 'Ghost'
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Ghost_time_series_files (
    wind TEXT
) STRICT;
