# Sources of the lazy expressions over binary files (binary.md §5), compiled into libquiver.
set(QUIVER_EXPRESSION_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/broadcast.cpp
  ${CMAKE_CURRENT_LIST_DIR}/nodes_elementwise.cpp
  ${CMAKE_CURRENT_LIST_DIR}/nodes_aggregate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/nodes_labels.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expression.cpp
)
