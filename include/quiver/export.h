// QUIVER_API marks the symbols libquiver exports; everything else is hidden.
#ifndef QUIVER_EXPORT_H
#define QUIVER_EXPORT_H

#if defined(QUIVER_STATIC)
#define QUIVER_API
#elif defined(_WIN32)
#if defined(QUIVER_EXPORTS)
#define QUIVER_API __declspec(dllexport)
#else
#define QUIVER_API __declspec(dllimport)
#endif
#else
#define QUIVER_API __attribute__((visibility("default")))
#endif

#endif  // QUIVER_EXPORT_H
