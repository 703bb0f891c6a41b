-- Fails on line 3: error positions name the script (file, stdin or -e).
local x = 1
error("boom")
