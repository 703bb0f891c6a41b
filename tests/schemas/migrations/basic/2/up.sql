-- Version 2: a new scalar column and a vector group.
ALTER TABLE Collection ADD COLUMN quantity INTEGER;

CREATE TABLE Collection_vector_values (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    measurement REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;
