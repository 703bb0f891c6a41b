-- V3 collection rule 2 applied to Configuration.
-- Schema validation error: Collection 'Configuration' must have a 'label' column
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    value REAL
) STRICT;
