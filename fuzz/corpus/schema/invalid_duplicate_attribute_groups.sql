-- V4: two sibling group tables share a non-FK value column (set visited after vector,
-- alphabetical: Collection_set_tags < Collection_vector_tags).
-- Schema validation error: Duplicate attribute 'tag' found in table 'Collection_vector_tags' (already defined in collection 'Collection')
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Collection_set_tags (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;

CREATE TABLE Collection_vector_tags (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    tag TEXT,
    PRIMARY KEY (id, vector_index)
) STRICT;
