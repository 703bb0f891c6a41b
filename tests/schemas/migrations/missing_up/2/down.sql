-- Version 2 has only a down.sql:
-- Cannot migrate_up: migration 2 has no up.sql file
DROP TABLE Collection;
