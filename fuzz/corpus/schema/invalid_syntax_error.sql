-- Applying: a syntax error after a valid statement (nothing may remain).
-- Failed to execute SQL: near "TABLEX": syntax error
CREATE TABLE Configuration (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;

CREATE TABLEX Broken (id INTEGER);
