include(CMakePackageConfigHelpers)

install(DIRECTORY include/quiver DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

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

install(EXPORT quiverTargets NAMESPACE quiver:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/quiver)
configure_package_config_file(cmake/quiverConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/quiverConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/quiver)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/quiverConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/quiverConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/quiverConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/quiver)

configure_file(cmake/quiver.pc.in ${CMAKE_CURRENT_BINARY_DIR}/quiver.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/quiver.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(QUIVER_BUILD_C_API)
  configure_file(cmake/quiver_c.pc.in ${CMAKE_CURRENT_BINARY_DIR}/quiver_c.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/quiver_c.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
