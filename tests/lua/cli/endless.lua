-- Never ends on its own: used with quiver_cli --max-instructions.
print("started")
local n = 0
while true do
  n = n + 1
end
