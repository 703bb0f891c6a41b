/* Compiled as C: proves the binary-file and expression headers are valid C and usable from plain
 * C. Called from test_c_binary_language.cpp. Returns 0 on success, else the failing step. */
#include "quiver/c/binary/binary_file.h"
#include "quiver/c/binary/binary_metadata.h"
#include "quiver/c/binary/csv_converter.h"
#include "quiver/c/element.h"
#include "quiver/c/expression/expression.h"

#include <math.h>
#include <stddef.h>

int quiver_c_binary_language_check(const char* base, const char* out_base);

int quiver_c_binary_language_check(const char* base, const char* out_base) {
    quiver_binary_metadata_t* md = NULL;
    quiver_binary_file_t* file = NULL;
    quiver_expression_t* e = NULL;
    quiver_expression_t* doubled = NULL;
    const char* labels[] = {"v"};
    const int64_t at[] = {2};
    const double value = 21.0;
    double back = 0.0;
    int result = 0;

    if (quiver_binary_metadata_create(&md) != QUIVER_OK) return 1;
    if (quiver_binary_metadata_set_version(md, "1") != QUIVER_OK) result = 2;
    if (!result && quiver_binary_metadata_set_labels(md, labels, 1) != QUIVER_OK) result = 3;
    if (!result && quiver_binary_metadata_add_dimension(md, "i", 2) != QUIVER_OK) result = 4;
    if (!result && quiver_binary_file_open_file(base, 'w', md, &file) != QUIVER_OK) result = 5;
    if (!result && quiver_binary_file_write_at(file, at, 1, &value, 1) != QUIVER_OK) result = 6;
    quiver_binary_file_close(file);
    file = NULL;
    if (!result && quiver_binary_file_create(base, &file) != QUIVER_OK) result = 7;
    if (!result && quiver_expression_from_file(file, &e) != QUIVER_OK) result = 8;
    if (!result &&
        quiver_expression_apply_scalar_right(QUIVER_EXPRESSION_OPERATION_MULTIPLY, e, 2.0, &doubled) != QUIVER_OK) {
        result = 9;
    }
    if (!result && quiver_expression_save(doubled, out_base) != QUIVER_OK) result = 10;
    quiver_binary_file_close(file);
    file = NULL;
    if (!result && quiver_binary_file_open_file(out_base, 'r', NULL, &file) != QUIVER_OK) result = 11;
    if (!result && quiver_binary_file_read_at(file, at, 1, 0, &back, 1) != QUIVER_OK) result = 12;
    if (!result && back != 42.0) result = 13;
    quiver_binary_file_close(file);
    quiver_expression_close(doubled);
    quiver_expression_close(e);
    quiver_binary_metadata_free(md);
    return result;
}
