"""Marshalling of the ``read_only`` / ``console_level`` keywords into ``quiver_database_options_t``.

There is deliberately no ``DatabaseOptions`` class: the factories take keyword arguments
(decision D10).
"""

from __future__ import annotations

from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._helpers import type_name


def build_options(op: str, read_only: object, console_level: object) -> Any:
    """Validate the keywords and return a ``quiver_database_options_t*``.

    ``console_level=None`` keeps the C default (WARN: quiet on success). A ``LogLevel`` or a
    plain ``int`` is accepted; out-of-range values are treated as the default, as the C API does.
    """
    if not isinstance(read_only, (bool, int)):
        raise TypeError(f"Cannot {op}: argument 'read_only' must be bool, got {type_name(read_only)}")
    if console_level is not None and (isinstance(console_level, bool) or not isinstance(console_level, int)):
        raise TypeError(f"Cannot {op}: argument 'console_level' must be int, got {type_name(console_level)}")

    defaults = get_lib().quiver_database_options_default()
    options = ffi.new("quiver_database_options_t*")
    options.console_level = defaults.console_level
    options.read_only = 1 if read_only else 0
    if console_level is not None:
        level = int(console_level)
        # quiver_log_level_t spans 0..4; the C API maps anything else to the default (WARN).
        options.console_level = level if 0 <= level <= 4 else defaults.console_level
    return options
