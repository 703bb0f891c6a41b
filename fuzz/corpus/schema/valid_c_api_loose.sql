-- C API test fixture without STRICT tables, so values of another storage class can be stored
-- (through raw SQL) and the C layer's handling of them checked.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
);

CREATE TABLE Sensor (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    reading INTEGER
);

CREATE TABLE Sensor_time_series_samples (
    id INTEGER NOT NULL REFERENCES Sensor(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    level INTEGER,
    PRIMARY KEY (id, date_time)
);
