-- Migrations run inside one transaction; BEGIN/COMMIT in a script is an error:
-- Failed to migrate_up: migration 2: Failed to execute SQL: cannot start a transaction within a transaction
BEGIN;
ALTER TABLE Collection ADD COLUMN quantity INTEGER;
COMMIT;
