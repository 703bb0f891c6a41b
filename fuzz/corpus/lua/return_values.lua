return {n = 1, list = {1, 2.5, "x\n", true}, nested = {a = {b = {}}}, holes = fuzz_holes, big = 9007199254740993, nan = 0/0}
