db:update_time_series_group("Item", "readings", 1, {
  {date_time = "2024-01-01T00:00:00", temperature = 1.5, humidity = 3, note = "a"},
  {date_time = "2024-01-02T00:00:00", temperature = 2}})
local rows = db:read_time_series_group("Item", "readings", 1)
db:update_time_series_group("Item", "readings", 1, {})
print(pcall(db.update_time_series_group, db, "Item", "readings", 1, {{temperature = 1}}))
print(pcall(db.update_time_series_group, db, "Item", "readings", 1, {5}))
db:update_time_series_files("Item", {inflow = "in.csv", demand = "d.csv"})
local f = db:read_time_series_files("Item")
print(db:has_time_series_files("Item"), db:list_time_series_files_columns("Item")[1])
