-- Writes without a schema (fails on a read-only database).
db:query_integer("CREATE TABLE t (x INTEGER)")
print("written")
