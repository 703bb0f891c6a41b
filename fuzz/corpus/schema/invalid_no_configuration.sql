-- V1: no Configuration table.
-- Schema validation error: Schema must have a 'Configuration' table
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
