# Every third-party dependency comes from the system (Debian -dev packages); nothing is downloaded.
find_package(SQLite3 REQUIRED)
find_package(spdlog REQUIRED)
find_package(PkgConfig REQUIRED)
if(QUIVER_BUILD_LUA)
  pkg_check_modules(LUA REQUIRED IMPORTED_TARGET lua5.4)
endif()
# toml++ (Debian libtomlplusplus-dev) for the binary files' TOML sidecar; its pkg-config file
# selects the compiled library (TOML_HEADER_ONLY=0).
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)

# libcsv (Debian libcsv-dev) ships neither a CMake package nor a pkg-config file.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY NAMES csv REQUIRED)
add_library(quiver_libcsv INTERFACE)
target_include_directories(quiver_libcsv INTERFACE ${CSV_INCLUDE_DIR})
target_link_libraries(quiver_libcsv INTERFACE ${CSV_LIBRARY})
