-- Runs against a plain (lazy) open of an empty database.
print("version " .. db:current_version())
local ok, err = pcall(db.read_element_ids, db, "Item")
print(err)
