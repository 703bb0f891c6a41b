-- Workload W: per element a label, an integer and a float scalar, a 10-row vector group
-- (integer + float column) and a 3-row set of strings: 14 SQL rows per element.
CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;
CREATE TABLE Item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    count INTEGER,
    weight REAL
) STRICT;
CREATE TABLE Item_vector_profile (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    level INTEGER,
    factor REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;
CREATE TABLE Item_set_tags (
    id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;
