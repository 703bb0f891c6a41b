-- Loading: declared type INT is not one of INTEGER/REAL/TEXT/DATE_TIME.
-- Unknown data type: INT
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    count INT
);
