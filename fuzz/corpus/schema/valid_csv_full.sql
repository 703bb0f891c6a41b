-- CSV export/import fixture (semantics §8): every attribute kind a CSV file can carry.
--   Owner      FK target of Item.owner_id and Item_vector_refs.owner_ref
--   Item       scalars of every type (date_created is a date_* TEXT, date_due is declared
--              DATE_TIME, so Item is not STRICT), an enum-like INTEGER (status), an FK to
--              Owner, a self reference (sibling_id) and a second UNIQUE column (code);
--              groups: a vector of mixed values, a vector of FK values (incl. a self
--              reference), a TEXT set, an INTEGER set and a time series; a files table
--   Shipment   references Item with ON DELETE CASCADE (import must not leave orphans)
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Owner (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    budget REAL
) STRICT;

CREATE TABLE Item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    quantity INTEGER,
    price REAL,
    description TEXT,
    date_created TEXT,
    date_due DATE_TIME,
    status INTEGER NOT NULL DEFAULT 1,
    owner_id INTEGER REFERENCES Owner(id) ON DELETE SET NULL ON UPDATE CASCADE,
    sibling_id INTEGER REFERENCES Item(id) ON DELETE SET NULL ON UPDATE CASCADE,
    code TEXT UNIQUE
);

CREATE TABLE Item_vector_values (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    value_int INTEGER,
    value_float REAL,
    value_text TEXT,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Item_vector_refs (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    owner_ref INTEGER REFERENCES Owner(id) ON DELETE SET NULL ON UPDATE CASCADE,
    friend_id INTEGER REFERENCES Item(id) ON DELETE SET NULL ON UPDATE CASCADE,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Item_set_tags (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;

CREATE TABLE Item_set_levels (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    level INTEGER NOT NULL,
    UNIQUE (id, level)
) STRICT;

CREATE TABLE Item_time_series_readings (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    date_time TEXT NOT NULL,
    temperature REAL,
    humidity INTEGER,
    note TEXT,
    PRIMARY KEY (id, date_time)
) STRICT;

-- Not a group: export/import of group "files" is "group not found".
CREATE TABLE Item_time_series_files (
    inflow TEXT
) STRICT;

CREATE TABLE Shipment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    item_id INTEGER REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE
) STRICT;
