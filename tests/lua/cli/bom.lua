print("bom stripped")
