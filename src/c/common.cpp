// Placeholder: replaced by the C API implementation.
#include "quiver/c/common.h"

extern "C" const char* quiver_version(void) {
    return QUIVER_VERSION;
}
