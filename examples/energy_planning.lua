-- Energy-planning example for quiver_cli:
--
--   quiver_cli --schema examples/energy_planning.sql plan.db examples/energy_planning.lua
--
-- Creates fuels and plants, reads them back, updates some (by id or label), writes, corrects
-- and reads a time series (one element, and every plant at one date),
-- runs parameterised queries, prints a summary and returns the key figures (quiver_cli prints
-- the returned table as JSON; add --json for machine-readable output only of that value).

local function fmt_list(list)
    if #list == 0 then return "-" end
    return table.concat(list, ", ")
end

-- 1. Scenario and fuels, created atomically.
db:transaction(function(d)
    d:create_element("Configuration", {label = "Base case 2024", base_year = 2024, discount_rate = 0.07})
    d:create_element("Fuel", {label = "Coal", price = 12.5, co2_factor = 0.34})
    d:create_element("Fuel", {label = "Gas", price = 28.0, co2_factor = 0.20})
    d:create_element("Fuel", {label = "Uranium", price = 6.0})
end)

-- 2. Plants. A fuel is referenced by its label; units are a vector, tags a set.
local plants = {
    {label = "Riverside", capacity = 450.0, efficiency = 0.52, fuel_id = "Gas",
     date_commissioned = "2008-06-01T00:00:00",
     unit_name = {"RS-1", "RS-2", "RS-3"}, unit_capacity = {150.0, 150.0, 150.0},
     tag = {"baseload", "thermal"}},
    {label = "Hilltop", capacity = 120.0, efficiency = 0.38, fuel_id = "Gas",
     date_commissioned = "2015-03-15T00:00:00",
     unit_name = {"HT-A", "HT-B"}, unit_capacity = {60.0, 60.0},
     tag = {"peaker"}},
    {label = "Blackrock", capacity = 600.0, efficiency = 0.36, fuel_id = "Coal",
     date_commissioned = "1987-11-20T00:00:00", status = 2,
     unit_name = {"BR-1", "BR-2"}, unit_capacity = {300.0, 300.0},
     tag = {"thermal", "legacy"}},
    {label = "Seaview", capacity = 1100.0, efficiency = 0.33, fuel_id = "Uranium",
     date_commissioned = "1995-01-10T00:00:00",
     unit_name = {"SV-1"}, unit_capacity = {1100.0},
     tag = {"baseload"}},
}
local ids = {}
for _, p in ipairs(plants) do
    ids[p.label] = db:create_element("Plant", p)
end

-- 3. Updates: Hilltop gets a third unit, Blackrock retires, Uranium gets more expensive.
-- A writer takes the element's id or its label.
db:update_element("Plant", ids.Hilltop, {
    capacity = 180.0,
    unit_name = {"HT-A", "HT-B", "HT-C"}, unit_capacity = {60.0, 60.0, 60.0},
    tag = {"peaker", "flexible"},
})
db:update_element("Plant", "Blackrock", {status = 3})
db:update_element("Fuel", "Uranium", {price = 7.5})

-- 4. A generation time series for Riverside and the model's input files.
local rows = {}
for day = 1, 5 do
    rows[#rows + 1] = {
        date_time = string.format("2024-01-%02dT00:00:00", day),
        generation = 450.0 * 24 * (0.70 + 0.05 * (day % 3)),
    }
end
db:update_time_series_group("Plant", "generation", ids.Riverside, rows)
-- A corrected reading for one day: only that row's named column changes.
db:upsert_time_series_row("Plant", "generation", "Riverside",
                          {date_time = "2024-01-03T00:00:00", generation = 7000.0})
db:update_time_series_files("Plant", {generation_forecast = "inputs/generation_forecast.csv",
                                      maintenance_schedule = "inputs/maintenance.csv"})

-- 5. Read everything back and print the summary.
local config = db:read_scalars_by_id("Configuration", 1)
local title = "Energy planning summary: " .. config.label
print(title)
print(string.rep("=", #title))
print(string.format("Base year %d, discount rate %.1f%%, currency %s",
                    config.base_year, config.discount_rate * 100, config.currency))
print()

local fuel_ids = db:read_element_ids("Fuel")
local fuel_labels = db:read_scalar_strings("Fuel", "label")
local fuel_prices = db:read_scalar_floats("Fuel", "price")
local fuel_co2 = db:read_scalar_floats("Fuel", "co2_factor")
local fuel_name = {}
print(string.format("Fuels (%d)", #fuel_ids))
for i, id in ipairs(fuel_ids) do
    fuel_name[id] = fuel_labels[i]
    print(string.format("  %-10s price %6.2f USD/MWh   CO2 %.2f t/MWh",
                        fuel_labels[i], fuel_prices[i] or 0, fuel_co2[i] or 0))
end
print()

local status_names = {"operating", "mothballed", "retired"}
local plant_ids = db:read_element_ids("Plant")
print(string.format("Plants (%d)", #plant_ids))
for _, id in ipairs(plant_ids) do
    local p = db:read_element_by_id("Plant", id)
    local tags = p.tag
    table.sort(tags)  -- set order is unspecified
    print(string.format("  %-10s %7.1f MW  %-8s %-10s since %s", p.label, p.capacity,
                        fuel_name[p.fuel_id] or "-", status_names[p.status],
                        p.date_commissioned:sub(1, 10)))
    print(string.format("             units: %s (%s MW)", fmt_list(p.unit_name),
                        fmt_list(p.unit_capacity)))
    print(string.format("             tags:  %s", fmt_list(tags)))
end
print()

local series = db:read_time_series_group("Plant", "generation", ids.Riverside)
local total = 0.0
print("Generation of Riverside (MWh)")
for _, row in ipairs(series) do
    total = total + row.generation
    print(string.format("  %s  %9.1f", row.date_time:sub(1, 10), row.generation))
end
print(string.format("  %-10s  %9.1f", "total", total))
-- Every plant at one date: the last reading at or before it, nil where a plant has none.
local on_day_4 = db:read_time_series_row("Plant", "generation", "generation", "2024-01-04T00:00:00")
print("Generation on 2024-01-04 (MWh)")
for i, label in ipairs(db:read_scalar_strings("Plant", "label")) do  -- same element order
    print(string.format("  %-10s %9s", label, on_day_4[i] and string.format("%.1f", on_day_4[i]) or "-"))
end
local files = db:read_time_series_files("Plant")
print(string.format("Input files: forecast=%s, maintenance=%s",
                    files.generation_forecast, files.maintenance_schedule))
print()

print("Capacity by fuel (operating plants)")
local by_fuel = db:query([[
    SELECT Fuel.label AS fuel, coalesce(sum(Plant.capacity), 0) AS capacity
    FROM Fuel LEFT JOIN Plant ON Plant.fuel_id = Fuel.id AND Plant.status = ?
    GROUP BY Fuel.id ORDER BY Fuel.id]], {1})
for _, row in ipairs(by_fuel) do
    print(string.format("  %-10s %7.1f MW", row.fuel, row.capacity))
end
local operating = db:query_integer("SELECT count(*) FROM Plant WHERE status = ?", {1})
print(string.format("Operating plants: %d of %d", operating, #plant_ids))
print()

-- 6. What a what-if would change, without keeping it: a dry run is rolled back at its end.
local capacity_if_retired = db:dry_run(function(d)
    d:update_element("Plant", ids.Seaview, {status = 3})
    return d:query_float("SELECT sum(capacity) FROM Plant WHERE status = 1")
end)
print(string.format("Operating capacity if Seaview retired: %.1f MW (not saved)", capacity_if_retired))
print()
local plant_summary = db:summarize_collection("Plant")
print((plant_summary:gsub("\n$", "")))

-- 7. The returned value: quiver_cli prints it after everything above.
return {plants = #plant_ids, operating = operating, generation_mwh = total}
