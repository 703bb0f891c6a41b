# Install rules for the Python package build (scikit-build-core).
#
# Included from the top-level CMakeLists.txt:
#   if(SKBUILD)
#     include(bindings/python/skbuild_install.cmake)
#   endif()
#
# Puts libquiver and libquiver_c (DLLs on Windows) into quiverdb/_libs and the quiver_cli
# executable into quiverdb/_bin inside the wheel. The rules use their own component, and
# pyproject.toml restricts the wheel to it, so the regular install rules (headers, CMake package,
# pkg-config, bin/quiver_cli) do not end up in site-packages.
#
# Third-party libraries (SQLite, spdlog, fmt, Lua, libcsv) are linked from the system here;
# `auditwheel repair` then copies them into the wheel (quiverdb.libs/) and points the RPATHs of
# the files below at them, so the repaired wheel needs no Debian package at run time.

if(NOT TARGET quiver OR NOT TARGET quiver_c OR NOT TARGET quiver_cli)
  message(FATAL_ERROR "skbuild_install.cmake: targets 'quiver', 'quiver_c' and 'quiver_cli' must be defined first")
endif()

if(DEFINED SKBUILD_PLATLIB_DIR)
  set(QUIVERDB_DIR "${SKBUILD_PLATLIB_DIR}/quiverdb")
else()
  set(QUIVERDB_DIR "quiverdb")
endif()

# One file per library in the wheel. A versioned library installs as libquiver.so ->
# libquiver.so.0 -> libquiver.so.0.6.0, and a wheel (a zip) cannot hold symlinks, so each would
# be stored three times. Without VERSION/SOVERSION the file is libquiver.so and its soname (what
# libquiver_c and quiver_cli record as NEEDED) is libquiver.so too. The loader opens exactly these
# names (quiverdb/_loader.py).
set_property(TARGET quiver quiver_c PROPERTY VERSION)
set_property(TARGET quiver quiver_c PROPERTY SOVERSION)

# libquiver_c finds libquiver next to itself; quiver_cli finds it in ../_libs.
if(APPLE)
  set_target_properties(quiver quiver_c PROPERTIES INSTALL_RPATH "@loader_path")
  set_target_properties(quiver_cli PROPERTIES INSTALL_RPATH "@loader_path/../_libs")
elseif(UNIX)
  set_target_properties(quiver quiver_c PROPERTIES INSTALL_RPATH "$ORIGIN")
  set_target_properties(quiver_cli PROPERTIES INSTALL_RPATH "$ORIGIN/../_libs")
endif()

install(TARGETS quiver quiver_c
        LIBRARY DESTINATION "${QUIVERDB_DIR}/_libs" COMPONENT quiverdb_libs
        RUNTIME DESTINATION "${QUIVERDB_DIR}/_libs" COMPONENT quiverdb_libs
        ARCHIVE DESTINATION "${QUIVERDB_DIR}/_libs" COMPONENT quiverdb_libs EXCLUDE_FROM_ALL)
# On Windows the executable sits next to the DLLs it needs (no RPATH there).
if(WIN32)
  set(QUIVERDB_BIN_DIR "${QUIVERDB_DIR}/_libs")
else()
  set(QUIVERDB_BIN_DIR "${QUIVERDB_DIR}/_bin")
endif()
install(TARGETS quiver_cli RUNTIME DESTINATION "${QUIVERDB_BIN_DIR}" COMPONENT quiverdb_libs)
