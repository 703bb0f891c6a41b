DROP TABLE Collection_vector_values;
ALTER TABLE Collection DROP COLUMN quantity;
