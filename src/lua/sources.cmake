# Sources of the embedded Lua runner (compiled into libquiver), one file per area of the
# Lua API (api §5). lua_convert.* (with lua_convert_rows.cpp) holds the shared argument checks and
# conversions.
set(QUIVER_LUA_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/lua_runner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_convert.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_convert_rows.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_sandbox.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_db_write.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_db_read.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_db_groups.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_db_metadata.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_db_time_series.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_db_query.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_db_csv.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_db_transaction.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_db_misc.cpp
  # Binary files and expressions (binary.md §7): the `quiver` global and db:open_file & co.
  ${CMAKE_CURRENT_LIST_DIR}/lua_binary_metadata.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_binary_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lua_binary_expression.cpp
)
