# Sources of the binary time-series files (binary.md §2–§4), compiled into libquiver.
set(QUIVER_BINARY_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/calendar.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_properties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/binary_metadata.cpp
  ${CMAKE_CURRENT_LIST_DIR}/metadata_toml.cpp
  ${CMAKE_CURRENT_LIST_DIR}/layout.cpp
  ${CMAKE_CURRENT_LIST_DIR}/iteration.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_registry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/binary_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/binary_file_io.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_converter.cpp
)
