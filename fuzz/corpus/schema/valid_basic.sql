-- Configuration only: one scalar of every type, some with defaults.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    integer_attribute INTEGER NOT NULL DEFAULT 6,
    float_attribute REAL DEFAULT 3.14,
    string_attribute TEXT DEFAULT 'hello',
    date_attribute TEXT,
    boolean_attribute INTEGER DEFAULT 1
) STRICT;
