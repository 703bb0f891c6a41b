DROP TABLE Collection;
DROP TABLE Configuration;
