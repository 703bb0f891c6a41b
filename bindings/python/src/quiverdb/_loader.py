"""Locate and load the native libraries (``libquiver`` and ``libquiver_c``).

Search order (the first step that applies decides; later steps are not tried):

1. ``QUIVER_LIBRARY_PATH`` when set and non-empty: a file is loaded as the C API library, a
   directory as ``<dir>/libquiver_c<ext>``; ``libquiver<ext>`` from the same directory is loaded
   first when present.
2. Bundled: ``<package>/_libs/libquiver_c<ext>`` (installed by the wheel build).
3. The system search path (``LD_LIBRARY_PATH``, rpath, ``PATH`` on Windows): "development".

``python -m quiverdb._loader`` reports which one worked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

_IS_WINDOWS = sys.platform == "win32"
_EXT = ".dll" if _IS_WINDOWS else ".so"
_CORE_NAME = f"libquiver{_EXT}"
_C_API_NAME = f"libquiver_c{_EXT}"
_LIBS_DIR = Path(__file__).resolve().parent / "_libs"

# Handles that must stay alive for as long as the C API library is used: the core library
# (loaded first so libquiver_c resolves it) and, on Windows, the DLL directory cookies.
_keepalive: list[Any] = []
_loaded_via: str | None = None


def loaded_via() -> str | None:
    """``"env"``, ``"bundled"`` or ``"development"`` once loaded, else ``None``."""
    return _loaded_via


def _add_dll_directory(directory: Path) -> None:
    if _IS_WINDOWS and hasattr(os, "add_dll_directory"):
        _keepalive.append(os.add_dll_directory(str(directory)))


def _load_from_env(ffi: Any, value: str) -> Any:
    target = Path(value)
    if target.is_dir():
        directory = target
        c_api_path = target / _C_API_NAME
    else:
        directory = target.parent
        c_api_path = target
    try:
        _add_dll_directory(directory)
        core_path = directory / _CORE_NAME
        if core_path.exists():
            try:
                _keepalive.append(ffi.dlopen(str(core_path)))
            except OSError:
                pass
        return ffi.dlopen(str(c_api_path))
    except OSError as e:
        raise RuntimeError(f"Cannot load native libraries from QUIVER_LIBRARY_PATH={value}: {e}") from e


def _load_bundled(ffi: Any) -> Any:
    try:
        _add_dll_directory(_LIBS_DIR)
        _keepalive.append(ffi.dlopen(str(_LIBS_DIR / _CORE_NAME)))
        return ffi.dlopen(str(_LIBS_DIR / _C_API_NAME))
    except OSError as e:
        raise RuntimeError(f"Cannot load bundled native libraries: {e}. Searched: {_LIBS_DIR}") from e


def _load_system(ffi: Any) -> Any:
    core_name, c_api_name = ("libquiver", "libquiver_c") if _IS_WINDOWS else (_CORE_NAME, _C_API_NAME)
    try:
        _keepalive.append(ffi.dlopen(core_name))
    except OSError:
        pass
    try:
        return ffi.dlopen(c_api_name)
    except OSError as e:
        raise RuntimeError(
            f"Cannot load native libraries. Searched: {_LIBS_DIR} (not found), system PATH. Missing: {_C_API_NAME}"
        ) from e


def load_library(ffi: Any) -> Any:
    """Load the C API library with ``ffi.dlopen`` following the search order above."""
    global _loaded_via
    env_value = os.environ.get("QUIVER_LIBRARY_PATH", "")
    if env_value:
        lib = _load_from_env(ffi, env_value)
        _loaded_via = "env"
    elif (_LIBS_DIR / _C_API_NAME).exists():
        lib = _load_bundled(ffi)
        _loaded_via = "bundled"
    else:
        lib = _load_system(ffi)
        _loaded_via = "development"
    return lib


def _main() -> int:
    # A private FFI declaring only quiver_version(): this module must not import quiverdb._c_api,
    # which imports it (no import circle).
    from cffi import FFI

    ffi = FFI()
    ffi.cdef("const char* quiver_version(void);")
    try:
        lib = load_library(ffi)
    except RuntimeError as e:
        print(f"FAIL: {e}")
        return 1
    version = ffi.string(lib.quiver_version()).decode("utf-8")
    print(f"OK: loaded via '{_loaded_via}'")
    print(f"  version: {version}")
    print(f"  _libs directory: {_LIBS_DIR} (exists: {'yes' if _LIBS_DIR.is_dir() else 'no'})")
    return 0


if __name__ == "__main__":
    sys.exit(_main())
