-- Foreign keys between collections:
--   Child.parent_id  -> Parent  (ON DELETE SET NULL)
--   Child.sibling_id -> Child   (self reference, ON DELETE SET NULL)
--   Child.owner_id   -> Parent  (ON DELETE CASCADE: deleting the parent deletes the child)
--   FK value columns inside groups: parent_ref appears in a vector group and in a set group
--   (FK columns may repeat across groups), plus a vector group holding a self reference.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLE Parent (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    value INTEGER
) STRICT;

CREATE TABLE Child (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    parent_id INTEGER REFERENCES Parent(id) ON DELETE SET NULL ON UPDATE CASCADE,
    sibling_id INTEGER REFERENCES Child(id) ON DELETE SET NULL ON UPDATE CASCADE,
    owner_id INTEGER REFERENCES Parent(id) ON DELETE CASCADE ON UPDATE CASCADE,
    note TEXT
) STRICT;

CREATE TABLE Child_vector_refs (
    id INTEGER NOT NULL REFERENCES Child(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    parent_ref INTEGER REFERENCES Parent(id) ON DELETE SET NULL ON UPDATE CASCADE,
    weight REAL,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Child_vector_friends (
    id INTEGER NOT NULL REFERENCES Child(id) ON DELETE CASCADE ON UPDATE CASCADE,
    vector_index INTEGER NOT NULL,
    friend_id INTEGER REFERENCES Child(id) ON DELETE CASCADE ON UPDATE CASCADE,
    PRIMARY KEY (id, vector_index)
) STRICT;

CREATE TABLE Child_set_parents (
    id INTEGER NOT NULL REFERENCES Child(id) ON DELETE CASCADE ON UPDATE CASCADE,
    parent_ref INTEGER NOT NULL REFERENCES Parent(id) ON DELETE CASCADE ON UPDATE CASCADE,
    UNIQUE (id, parent_ref)
) STRICT;
