-- Version 3: a set group and one Configuration row written by the migration.
CREATE TABLE Collection_set_tags (
    id INTEGER NOT NULL REFERENCES Collection(id) ON DELETE CASCADE ON UPDATE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (id, tag)
) STRICT;

INSERT INTO Configuration (label) VALUES ('migrated');
