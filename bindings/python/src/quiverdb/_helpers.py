"""Internal helpers: error checking, argument validation, marshalling and conversions."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb.exceptions import QuiverError
from quiverdb.metadata import CSVOptions, DataType, GroupMetadata, ScalarMetadata

# ----------------------------------------------------------------------------- errors


def check(err: int) -> None:
    """Raise ``QuiverError`` with the thread's last error when a C call failed.

    The binding never clears the last error; it only relays it.
    """
    if err != 0:
        lib = get_lib()
        ptr = lib.quiver_get_last_error()
        detail = ffi.string(ptr).decode("utf-8", errors="replace") if ptr != ffi.NULL else ""
        raise QuiverError(detail or "Unknown error")


def decode_string(ptr: Any) -> str | None:
    """Decode a C string (``None`` for NULL)."""
    if ptr == ffi.NULL:
        return None
    return ffi.string(ptr).decode("utf-8", errors="replace")


# ----------------------------------------------------------------------------- argument checks


def type_name(value: object) -> str:
    return type(value).__name__


def require_str(op: str, name: str, value: object) -> bytes:
    """Validate a ``str`` argument and return it UTF-8 encoded."""
    if not isinstance(value, str):
        raise TypeError(f"Cannot {op}: argument '{name}' must be str, got {type_name(value)}")
    return value.encode("utf-8")


def require_id(op: str, value: object, name: str = "id") -> int:
    """Validate an ``int`` id argument (``bool`` is rejected)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"Cannot {op}: argument '{name}' must be int, got {type_name(value)}")
    return value


# ----------------------------------------------------------------------------- stdout


def flush_c_stdout() -> None:
    """Flush the C runtime's stdio buffers so native output appears in order."""
    if sys.platform == "win32":
        return
    try:
        _libc().fflush(ffi.NULL)
    except Exception:  # pragma: no cover - best effort only
        pass


_libc_handle: Any = None
_libc_ffi: Any = None


def _libc() -> Any:
    global _libc_handle, _libc_ffi
    if _libc_handle is None:
        from cffi import FFI

        _libc_ffi = FFI()
        _libc_ffi.cdef("int fflush(void* stream);")
        _libc_handle = _libc_ffi.dlopen(None)
    return _libc_handle


# ----------------------------------------------------------------------------- date-times


def parse_date_time(value: str) -> datetime:
    """Parse an ISO date-time (``T`` or space separator) as an aware UTC datetime."""
    return datetime.fromisoformat(value).replace(tzinfo=timezone.utc)


# ----------------------------------------------------------------------------- metadata


def scalar_metadata_from_c(m: Any) -> ScalarMetadata:
    return ScalarMetadata(
        name=decode_string(m.name) or "",
        data_type=DataType(int(m.data_type)),
        not_null=bool(m.not_null),
        primary_key=bool(m.primary_key),
        default_value=decode_string(m.default_value),
        is_foreign_key=bool(m.is_foreign_key),
        references_collection=decode_string(m.references_collection),
        references_column=decode_string(m.references_column),
    )


def group_metadata_from_c(m: Any) -> GroupMetadata:
    columns = [scalar_metadata_from_c(m.value_columns[i]) for i in range(m.value_column_count)]
    return GroupMetadata(
        group_name=decode_string(m.group_name) or "",
        dimension_column=decode_string(m.dimension_column) or "",
        value_columns=columns,
    )


# ----------------------------------------------------------------------------- query parameters

_PARAM_INTEGER = 0
_PARAM_FLOAT = 1
_PARAM_STRING = 2
_PARAM_NULL = 4


def marshal_params(op: str, params: object) -> tuple[Any, Any, int, list[Any]] | None:
    """Validate ``params`` and build ``(param_types, param_values, count, keepalive)``.

    Returns ``None`` when there are no parameters (``None`` or an empty list/tuple): the caller then
    uses the non-``_params`` C function.
    """
    if params is None:
        return None
    if not isinstance(params, (list, tuple)):
        raise TypeError(f"Cannot {op}: argument 'params' must be a list, got {type_name(params)}")
    if len(params) == 0:
        return None
    # Validate everything before allocating anything.
    for i, value in enumerate(params):
        if value is not None and not isinstance(value, (bool, int, float, str)):
            raise TypeError(
                f"Cannot {op}: params[{i}]: Unsupported parameter type: {type_name(value)}. "
                "Expected int, float, str, or None."
            )
    count = len(params)
    types = ffi.new("int[]", count)
    values = ffi.new("void*[]", count)
    keepalive: list[Any] = [types, values]
    for i, value in enumerate(params):
        if value is None:
            types[i] = _PARAM_NULL
            values[i] = ffi.NULL
        elif isinstance(value, (bool, int)):
            cell = ffi.new("int64_t*", int(value))
            keepalive.append(cell)
            types[i] = _PARAM_INTEGER
            values[i] = cell
        elif isinstance(value, float):
            cell = ffi.new("double*", value)
            keepalive.append(cell)
            types[i] = _PARAM_FLOAT
            values[i] = cell
        else:
            cell = ffi.new("char[]", value.encode("utf-8"))
            keepalive.append(cell)
            types[i] = _PARAM_STRING
            values[i] = cell
    return types, values, count, keepalive


# ----------------------------------------------------------------------------- CSV options


def _malformed(op: str, detail: str) -> TypeError:
    return TypeError(f"Cannot {op}: argument 'options' is malformed: {detail}")


def marshal_csv_options(op: str, options: object) -> tuple[Any, list[Any]]:
    """Validate ``options`` (``CSVOptions`` or ``None``) and build a ``quiver_csv_options_t*``.

    Returns the struct pointer and the list of buffers that must outlive the C call.
    """
    if options is None:
        options = CSVOptions()
    if not isinstance(options, CSVOptions):
        raise TypeError(f"Cannot {op}: argument 'options' must be CSVOptions, got {type_name(options)}")

    date_time_format = options.date_time_format
    if not isinstance(date_time_format, str):
        raise _malformed(op, f"date_time_format must be str, got {type_name(date_time_format)}")
    enum_labels = options.enum_labels
    if not isinstance(enum_labels, dict):
        raise _malformed(op, f"enum_labels must be a dict, got {type_name(enum_labels)}")

    attribute_names: list[str] = []
    locale_names: list[str] = []
    entry_counts: list[int] = []
    labels: list[str] = []
    values: list[int] = []
    for attribute, locales in enum_labels.items():
        if not isinstance(attribute, str):
            raise _malformed(op, f"enum_labels keys must be str, got {type_name(attribute)}")
        if not isinstance(locales, dict):
            raise _malformed(op, f"enum_labels['{attribute}'] must be a dict, got {type_name(locales)}")
        for locale, entries in locales.items():
            if not isinstance(locale, str):
                raise _malformed(op, f"enum_labels['{attribute}'] keys must be str, got {type_name(locale)}")
            if not isinstance(entries, dict):
                raise _malformed(op, f"enum_labels['{attribute}']['{locale}'] must be a dict, got {type_name(entries)}")
            for label, value in entries.items():
                if not isinstance(label, str):
                    raise _malformed(
                        op, f"enum_labels['{attribute}']['{locale}'] keys must be str, got {type_name(label)}"
                    )
                if isinstance(value, bool) or not isinstance(value, int):
                    raise _malformed(
                        op,
                        f"enum_labels['{attribute}']['{locale}']['{label}'] must be int, got {type_name(value)}",
                    )
                labels.append(label)
                values.append(value)
            attribute_names.append(attribute)
            locale_names.append(locale)
            entry_counts.append(len(entries))

    keepalive: list[Any] = []

    def c_strings(items: list[str]) -> Any:
        buffers = [ffi.new("char[]", item.encode("utf-8")) for item in items]
        keepalive.extend(buffers)
        array = ffi.new("char*[]", buffers) if buffers else ffi.NULL
        keepalive.append(array)
        return array

    c_options = ffi.new("quiver_csv_options_t*")
    format_buffer = ffi.new("char[]", date_time_format.encode("utf-8"))
    keepalive.append(format_buffer)
    c_options.date_time_format = format_buffer
    group_count = len(attribute_names)
    if group_count > 0:
        c_options.enum_attribute_names = c_strings(attribute_names)
        c_options.enum_locale_names = c_strings(locale_names)
        counts = ffi.new("size_t[]", entry_counts)
        keepalive.append(counts)
        c_options.enum_entry_counts = counts
        c_options.enum_labels = c_strings(labels)
        if values:
            value_array = ffi.new("int64_t[]", values)
            keepalive.append(value_array)
            c_options.enum_values = value_array
        else:
            # Every locale map is empty: the C API still wants non-NULL arrays for a non-zero
            # group count, so pass valid (unused) one-element buffers.
            dummy_labels = ffi.new("char*[]", 1)
            dummy_values = ffi.new("int64_t[]", 1)
            keepalive.extend([dummy_labels, dummy_values])
            c_options.enum_labels = dummy_labels
            c_options.enum_values = dummy_values
    c_options.enum_group_count = group_count
    return c_options, keepalive
