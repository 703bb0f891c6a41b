-- A time-series table without any date_* / DATE_TIME column. Valid (time-series tables have
-- no structural checks); using the group fails with
-- Dimension column not found: time series table 'Res_time_series_nodate'
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Res (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Res_time_series_nodate (
    id INTEGER NOT NULL REFERENCES Res(id) ON DELETE CASCADE ON UPDATE CASCADE,
    step INTEGER NOT NULL,
    value REAL,
    PRIMARY KEY (id, step)
) STRICT;
