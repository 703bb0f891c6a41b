-- DateTime typing needs the underscore: only date_x is DateTime; date, dated and dateX stay
-- Text. INTEGER/REAL columns named date_* are never re-typed.
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL,
    date TEXT,
    dated TEXT,
    dateX TEXT,
    date_x TEXT,
    date_count INTEGER,
    date_ratio REAL,
    moment DATE_TIME
);
