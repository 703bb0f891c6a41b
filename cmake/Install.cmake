include(CMakePackageConfigHelpers)

# Headers of parts left out of the build are not installed, so that
# __has_include(<quiver/lua_runner.h>) tells a consumer whether the Lua runner is there.
set(_quiver_header_excludes)
if(NOT QUIVER_BUILD_LUA)
  list(APPEND _quiver_header_excludes PATTERN lua_runner.h EXCLUDE)
endif()
if(NOT QUIVER_BUILD_C_API)
  list(APPEND _quiver_header_excludes PATTERN c EXCLUDE)
endif()
install(DIRECTORY include/quiver DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} ${_quiver_header_excludes})

set(_quiver_install_targets quiver)
if(QUIVER_BUILD_C_API)
  list(APPEND _quiver_install_targets quiver_c)
endif()
install(TARGETS ${_quiver_install_targets}
        EXPORT quiverTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(QUIVER_BUILD_CLI)
  install(TARGETS quiver_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# A relocatable install: libquiver_c finds libquiver next to itself and quiver_cli finds it in
# the library directory, relative to their own location, so a program linked with only
# -L<prefix>/lib -lquiver_c -Wl,-rpath,<prefix>/lib runs without LD_LIBRARY_PATH.
if(APPLE)
  set(_quiver_origin "@loader_path")
else()
  set(_quiver_origin "$ORIGIN")
endif()
if(QUIVER_BUILD_C_API)
  set_property(TARGET quiver_c PROPERTY INSTALL_RPATH "${_quiver_origin}" ${CMAKE_INSTALL_RPATH})
endif()
if(QUIVER_BUILD_CLI AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}"
   AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_BINDIR}")
  file(RELATIVE_PATH _quiver_bin_to_lib /${CMAKE_INSTALL_BINDIR} /${CMAKE_INSTALL_LIBDIR})
  set_property(TARGET quiver_cli PROPERTY INSTALL_RPATH
               "${_quiver_origin}/${_quiver_bin_to_lib}" ${CMAKE_INSTALL_RPATH})
endif()

install(EXPORT quiverTargets NAMESPACE quiver:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/quiver)
configure_package_config_file(cmake/quiverConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/quiverConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/quiver)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/quiverConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/quiverConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/quiverConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/quiver)

# pkg-config files. The prefix is resolved when installing, not when configuring, so that
# `cmake --install build --prefix /opt/q` (or DESTDIR staging) gives .pc files that point at
# /opt/q with plain `pkg-config` (no --define-prefix). Step 1 (now) fills in everything but the
# prefix; step 2 (an install script, run before the files are copied) fills in the prefix the
# install runs with.
set(_quiver_pc_files quiver)
if(QUIVER_BUILD_C_API)
  list(APPEND _quiver_pc_files quiver_c)
endif()
set(QUIVER_PC_PREFIX "@QUIVER_PC_PREFIX@")  # kept for step 2
foreach(_dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${_dir}}")
    set(QUIVER_PC_${_dir} "${CMAKE_INSTALL_${_dir}}")
  else()
    set(QUIVER_PC_${_dir} "\${prefix}/${CMAKE_INSTALL_${_dir}}")
  endif()
endforeach()
# A static libquiver: its users compile with QUIVER_STATIC and link its dependencies
# (`pkg-config --static --libs quiver`).
set(QUIVER_PC_REQUIRES_PRIVATE sqlite3)
set(QUIVER_PC_LIBS_PRIVATE "")
set(QUIVER_PC_CFLAGS "")
if(NOT QUIVER_BUILD_SHARED)
  string(APPEND QUIVER_PC_REQUIRES_PRIVATE " spdlog tomlplusplus")
  if(QUIVER_BUILD_LUA)
    string(APPEND QUIVER_PC_REQUIRES_PRIVATE " lua5.4")
  endif()
  set(QUIVER_PC_LIBS_PRIVATE "-lcsv")
  set(QUIVER_PC_CFLAGS " -DQUIVER_STATIC")
endif()
set(_quiver_pc_dir ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig)
foreach(_pc IN LISTS _quiver_pc_files)
  configure_file(cmake/${_pc}.pc.in ${_quiver_pc_dir}/${_pc}.pc.in @ONLY)
  install(CODE "
    get_filename_component(QUIVER_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\" ABSOLUTE)
    configure_file(\"${_quiver_pc_dir}/${_pc}.pc.in\" \"${_quiver_pc_dir}/${_pc}.pc\" @ONLY)")
  install(FILES ${_quiver_pc_dir}/${_pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()
