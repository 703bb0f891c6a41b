-- Checks the database produced by cli/migrations.
print("version " .. db:current_version())
local id = db:create_element("Site", {label = "north", area = 12.5})
print("area " .. db:read_scalars_by_id("Site", id).area)
