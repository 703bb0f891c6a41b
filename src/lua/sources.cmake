# Sources of the embedded Lua runner (compiled into libquiver).
set(QUIVER_LUA_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/lua_runner.cpp
)
