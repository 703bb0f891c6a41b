# Install rules for the Python package build (scikit-build-core).
#
# Included from the top-level CMakeLists.txt:
#   if(SKBUILD)
#     include(bindings/python/skbuild_install.cmake)
#   endif()
#
# Puts libquiver.so* and libquiver_c.so* (DLLs on Windows) into quiverdb/_libs inside the wheel.
# The rules use their own component, and pyproject.toml restricts the wheel to it, so the regular
# install rules (headers, CMake package, pkg-config) do not end up in site-packages.

if(NOT TARGET quiver OR NOT TARGET quiver_c)
  message(FATAL_ERROR "skbuild_install.cmake: targets 'quiver' and 'quiver_c' must be defined first")
endif()

if(DEFINED SKBUILD_PLATLIB_DIR)
  set(QUIVERDB_LIBS_DIR "${SKBUILD_PLATLIB_DIR}/quiverdb/_libs")
else()
  set(QUIVERDB_LIBS_DIR "quiverdb/_libs")
endif()

# libquiver_c finds libquiver next to itself; libquiver only needs system libraries.
if(APPLE)
  set_target_properties(quiver quiver_c PROPERTIES INSTALL_RPATH "@loader_path")
elseif(UNIX)
  set_target_properties(quiver quiver_c PROPERTIES INSTALL_RPATH "$ORIGIN")
endif()

install(TARGETS quiver quiver_c
        LIBRARY DESTINATION "${QUIVERDB_LIBS_DIR}" COMPONENT quiverdb_libs
        RUNTIME DESTINATION "${QUIVERDB_LIBS_DIR}" COMPONENT quiverdb_libs
        ARCHIVE DESTINATION "${QUIVERDB_LIBS_DIR}" COMPONENT quiverdb_libs EXCLUDE_FROM_ALL)
