-- Prints a line and a value read back from the database.
local id = db:create_element("Item", {label = "from the cli", score = 3})
print("hello from quiver_cli")
print(string.format("id=%d score=%d", id, db:read_scalars_by_id("Item", id).score))
