/* Quiver C API: conversion between a binary file pair and P.csv (binary.md §4.5). */
#ifndef QUIVER_C_BINARY_CSV_CONVERTER_H
#define QUIVER_C_BINARY_CSV_CONVERTER_H

#include "../common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes path.csv (date/datetime column when aggregate_time_dimensions != 0 and the file has
 * time dimensions). */
QUIVER_C_API quiver_error_t quiver_csv_converter_bin_to_csv(const char* path, int aggregate_time_dimensions);
/* Reads path.toml + path.csv and replaces path.qvr/path.toml atomically. */
QUIVER_C_API quiver_error_t quiver_csv_converter_csv_to_bin(const char* path);

#ifdef __cplusplus
}
#endif

#endif /* QUIVER_C_BINARY_CSV_CONVERTER_H */
