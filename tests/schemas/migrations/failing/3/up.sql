-- Version 3 would be fine but is never reached.
ALTER TABLE Collection ADD COLUMN quantity INTEGER;
