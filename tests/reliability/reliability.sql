-- Reliability fixture (tests/reliability): one collection whose elements carry scalars, a
-- vector group and a set group, so a torn write would show up as a mismatch between them.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Record (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    weight REAL NOT NULL,
    payload TEXT NOT NULL
) STRICT;

CREATE TABLE Record_vector_samples (
    id INTEGER NOT NULL REFERENCES Record(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    sample REAL NOT NULL,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Record_set_tags (
    id INTEGER NOT NULL REFERENCES Record(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;
