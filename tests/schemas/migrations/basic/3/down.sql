DELETE FROM Configuration WHERE label = 'migrated';
DROP TABLE Collection_set_tags;
