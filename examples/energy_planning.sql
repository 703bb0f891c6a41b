-- A small energy-planning model for Quiver.
--
--   quiver_cli --schema examples/energy_planning.sql plan.db examples/energy_planning.lua
--
-- Conventions (see docs/): a collection is a table without '_' in its name with
-- id INTEGER PRIMARY KEY and label TEXT UNIQUE NOT NULL; groups are named
-- <Collection>_vector_<g>, <Collection>_set_<g>, <Collection>_time_series_<g>, and
-- <Collection>_time_series_files holds file paths.

CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    base_year INTEGER NOT NULL DEFAULT 2024,
    discount_rate REAL DEFAULT 0.08,
    currency TEXT DEFAULT 'USD'
) STRICT;

CREATE TABLE Fuel (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    price REAL,                      -- USD/MWh of fuel
    co2_factor REAL DEFAULT 0.0      -- tCO2/MWh of fuel
) STRICT;

CREATE TABLE Plant (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    capacity REAL,                   -- MW
    efficiency REAL,
    date_commissioned TEXT,          -- DATE_TIME (date_ prefix), ISO 8601
    status INTEGER NOT NULL DEFAULT 1,  -- 1 operating, 2 mothballed, 3 retired
    fuel_id INTEGER REFERENCES Fuel(id) ON DELETE SET NULL ON UPDATE CASCADE
) STRICT;

-- Generating units of a plant, in order.
CREATE TABLE Plant_vector_units (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    unit_name TEXT,
    unit_capacity REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;

-- Free-form tags.
CREATE TABLE Plant_set_tags (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;

-- Hourly (or daily, ...) generation in MWh.
CREATE TABLE Plant_time_series_generation (
    id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    generation REAL,
    PRIMARY KEY (id, date_time)
) STRICT;

-- External input files used by the model.
CREATE TABLE Plant_time_series_files (
    generation_forecast TEXT,
    maintenance_schedule TEXT
) STRICT;
