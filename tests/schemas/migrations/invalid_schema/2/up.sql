-- Version 2 executes fine but leaves a schema that fails validation:
-- Schema validation error: Invalid collection name 'Bad_Name': collection names cannot contain underscores
CREATE TABLE Bad_Name (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT UNIQUE NOT NULL
) STRICT;
