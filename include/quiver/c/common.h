/* Quiver C API: error codes, version and the thread-local last error.
 *
 * Every quiver_error_t function returns QUIVER_OK or QUIVER_ERROR; results come back through
 * out-parameters, which are left unchanged on failure. On failure the calling thread's last
 * error is set (never cleared by later successful calls). */
#ifndef QUIVER_C_COMMON_H
#define QUIVER_C_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#if defined(QUIVER_C_EXPORTS)
#define QUIVER_C_API __declspec(dllexport)
#else
#define QUIVER_C_API __declspec(dllimport)
#endif
#else
#define QUIVER_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { QUIVER_OK = 0, QUIVER_ERROR = 1 } quiver_error_t;

/* Static "0.6.0"; never free. */
QUIVER_C_API const char* quiver_version(void);

/* The calling thread's last error message; "" before any error; never NULL. Borrowed: valid
 * until the next failure or clear on the same thread. */
QUIVER_C_API const char* quiver_get_last_error(void);
QUIVER_C_API void quiver_clear_last_error(void);

#ifdef __cplusplus
}
#endif

#endif /* QUIVER_C_COMMON_H */
