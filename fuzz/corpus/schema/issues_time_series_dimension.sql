-- Dimension selection: the alphabetically first DateTime/date_* column other than id.
-- Sensor_time_series_readings: date_recorded is the dimension; date_valid (a second date_*
-- column), block and reading are ordinary value columns.
-- Sensor_time_series_declared: the dimension is a column declared DATE_TIME whose name does not
-- start with date_ (moment); level is its only value column.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Sensor (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Sensor_time_series_readings (
    id INTEGER NOT NULL REFERENCES Sensor(id) ON DELETE CASCADE ON UPDATE CASCADE,
    reading REAL,
    date_valid TEXT,
    block INTEGER NOT NULL DEFAULT 1,
    date_recorded TEXT NOT NULL,
    PRIMARY KEY (id, date_recorded, block)
) STRICT;

CREATE TABLE Sensor_time_series_declared (
    id INTEGER NOT NULL REFERENCES Sensor(id) ON DELETE CASCADE ON UPDATE CASCADE,
    moment DATE_TIME NOT NULL,
    level REAL,
    PRIMARY KEY (id, moment)
);
