-- The data-frame benchmarks (bench/python_bench.py --frames): three REAL scalars, a one-column
-- vector group and a daily time series.
CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;
CREATE TABLE Plant (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    capacity REAL,
    efficiency REAL,
    cost REAL
) STRICT;
CREATE TABLE Plant_vector_factors (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    factor REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;
CREATE TABLE Plant_time_series_generation (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    generation REAL,
    PRIMARY KEY (id, date_time)
) STRICT;
