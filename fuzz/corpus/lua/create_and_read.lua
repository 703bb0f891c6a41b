local id = db:create_element("Item", {label = "Item 3", score = 7, weight = 2.5, name = " padded ",
  parent_id = "Parent 1", value_int = {4, 5}, value_float = {1, 2.5}, tag = {"x", "y"},
  date_time = {"2024-02-01T00:00:00"}, temperature = {1.5}})
local s = db:read_scalar_integers("Item", "score")
local v = db:read_vector_floats("Item", "value_float")
local e = db:read_element_by_id("Item", id)
local ids = db:read_element_ids("Item")
assert(#ids == 3)
local t = db:read_time_series_group("Item", "readings", id)
