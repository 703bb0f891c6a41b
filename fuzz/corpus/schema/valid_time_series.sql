-- A collection with two time-series groups sharing the dimension column date_time:
--   data:   REAL, INTEGER and TEXT value columns
--   events: TEXT and REAL value columns
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    some_integer INTEGER
) STRICT;

CREATE TABLE Collection_time_series_data (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    value REAL,
    quantity INTEGER,
    note TEXT,
    PRIMARY KEY (id, date_time)
) STRICT;

CREATE TABLE Collection_time_series_events (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    event TEXT,
    magnitude REAL,
    PRIMARY KEY (id, date_time)
) STRICT;
