db:create_element("Parent", {label = "Inside"})
return db:query("SELECT id, label FROM Parent ORDER BY id"), db:summarize_collection("Item")
--1