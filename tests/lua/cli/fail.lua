-- A script whose library call fails: the CLI reports it and exits with 1.
db:create_element("Nope", {label = "x"})
