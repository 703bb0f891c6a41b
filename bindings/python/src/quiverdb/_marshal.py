"""Marshalling of composite arguments: query parameters and CSV options (validated before any C call)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from quiverdb._c_api import ffi
from quiverdb._convert import normalize
from quiverdb._helpers import INT64_MAX, INT64_MIN, text_problem, type_name
from quiverdb.metadata import CSVOptions

# ----------------------------------------------------------------------------- query parameters

_PARAM_INTEGER = 0
_PARAM_FLOAT = 1
_PARAM_STRING = 2
_PARAM_NULL = 4


def pick_params(op: str, params: object, parameters: object) -> object:
    """``params`` or its upstream alias ``parameters`` (D25); both given is a ``TypeError``."""
    if params is not None and parameters is not None:
        raise TypeError(f"Cannot {op}: pass either 'params' or 'parameters', not both")
    return params if params is not None else parameters


def marshal_params(op: str, params: object) -> tuple[Any, Any, int, list[Any]] | None:
    """Validate ``params`` and build ``(param_types, param_values, count, keepalive)``.

    Returns ``None`` when there are no parameters (``None`` or an empty list/tuple): the caller then
    uses the non-``_params`` C function.
    """
    if params is None:
        return None
    if isinstance(params, np.ndarray) and params.ndim == 1:
        params = params.tolist()
    if not isinstance(params, (list, tuple)):
        raise TypeError(f"Cannot {op}: argument 'params' must be a list, got {type_name(params)}")
    if len(params) == 0:
        return None
    params = [normalize(value) for value in params]  # numpy scalars, dates (quiverdb._convert)
    # Validate everything before allocating anything.
    for i, value in enumerate(params):
        if value is not None and not isinstance(value, (bool, int, float, str)):
            raise TypeError(
                f"Cannot {op}: params[{i}]: Unsupported parameter type: {type_name(value)}. "
                "Expected int, float, str, or None."
            )
        if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
            raise TypeError(f"Cannot {op}: params[{i}]: Integer out of int64 range")
        if isinstance(value, str):
            problem = text_problem(value)
            if problem is not None:
                raise ValueError(f"Cannot {op}: {problem} in params[{i}]")
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
            cell = ffi.new("char[]", str(value).encode("utf-8"))  # a str (checked above)
            keepalive.append(cell)
            types[i] = _PARAM_STRING
            values[i] = cell
    return types, values, count, keepalive


# ----------------------------------------------------------------------------- CSV options


def _malformed(op: str, detail: str) -> TypeError:
    return TypeError(f"Cannot {op}: argument 'options' is malformed: {detail}")


def _check_enum_key(op: str, key: str) -> None:
    problem = text_problem(key)
    if problem is not None:
        raise _malformed(op, f"{problem} in enum_labels key {key!r}")


def _str_items(op: str, where: str, mapping: object) -> Iterator[tuple[str, Any]]:
    """The items of the dict ``mapping`` (at ``where`` in ``enum_labels``), its keys checked to be ``str``."""
    if not isinstance(mapping, dict):
        raise _malformed(op, f"{where} must be a dict, got {type_name(mapping)}")
    for key, value in mapping.items():
        if not isinstance(key, str):
            raise _malformed(op, f"{where} keys must be str, got {type_name(key)}")
        yield key, value


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
    format_problem = text_problem(date_time_format)
    if format_problem is not None:
        raise _malformed(op, f"{format_problem} in date_time_format")
    enum_labels = options.enum_labels

    attribute_names: list[str] = []
    locale_names: list[str] = []
    entry_counts: list[int] = []
    labels: list[str] = []
    values: list[int] = []
    for attribute, locales in _str_items(op, "enum_labels", enum_labels):
        _check_enum_key(op, attribute)
        for locale, entries in _str_items(op, f"enum_labels['{attribute}']", locales):
            _check_enum_key(op, locale)
            for label, value in _str_items(op, f"enum_labels['{attribute}']['{locale}']", entries):
                if isinstance(value, bool) or not isinstance(value, int):
                    raise _malformed(
                        op,
                        f"enum_labels['{attribute}']['{locale}']['{label}'] must be int, got {type_name(value)}",
                    )
                if not INT64_MIN <= value <= INT64_MAX:
                    raise _malformed(op, f"enum_labels['{attribute}']['{locale}']['{label}'] is out of int64 range")
                _check_enum_key(op, label)
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
