print("from stdin")
return 1 + 2
