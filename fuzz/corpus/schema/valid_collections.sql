-- Configuration plus one collection with integer/float/string/date scalars and defaults.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    integer_attribute INTEGER NOT NULL DEFAULT 6,
    float_attribute REAL DEFAULT 3.14,
    string_attribute TEXT DEFAULT 'hello',
    date_attribute TEXT,
    boolean_attribute INTEGER DEFAULT 1
) STRICT;

-- Deliberately not STRICT: tests may store a value of another storage class through
-- query_* (e.g. 'abc' into some_integer) to check read strictness.
-- date_start is TEXT named date_* (DateTime); date_end is declared DATE_TIME.
CREATE TABLE Collection (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    some_integer INTEGER,
    some_float REAL,
    some_string TEXT,
    date_start TEXT,
    date_end DATE_TIME,
    status INTEGER NOT NULL DEFAULT 1,
    weight REAL DEFAULT 2.5,
    code TEXT DEFAULT 'none'
);
