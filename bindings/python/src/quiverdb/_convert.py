"""Python values → values the C API takes: numpy scalars and arrays, tuples and dates (D22).

The one place that decides what a numpy scalar, a 1-D array, a tuple, a ``datetime``/``date``
or a ``numpy.datetime64`` becomes before the type checks of ``_helpers``/``element`` run:

- numpy integer and bool scalars → ``int``; numpy floating scalars → ``float``;
- ``datetime.datetime`` → ``YYYY-MM-DDTHH:MM:SS`` plus ``.ffffff`` when microseconds ≠ 0 (naive as
  is, aware converted to UTC); ``datetime.date`` → ``YYYY-MM-DD`` (``datetime`` is tested first);
- ``numpy.datetime64`` → the same text (a day or coarser unit gives ``YYYY-MM-DD``; finer than
  microseconds is truncated); ``NaT`` → ``None``;
- tuples and 1-D arrays → lists of such values (numeric arrays stay arrays, see ``as_array``).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import numpy as np

# Sentinel: ``normalize`` leaves values it does not know unchanged; callers keep their messages.


def format_date(value: date) -> str:
    """``YYYY-MM-DD`` of a ``datetime.date``."""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def format_date_time(value: datetime) -> str:
    """D22 text of a ``datetime.datetime``: aware values converted to UTC, naive ones as they are."""
    if value.tzinfo is not None and value.utcoffset() is not None:
        value = value.astimezone(timezone.utc)
    text = (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}T"
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    )
    return f"{text}.{value.microsecond:06d}" if value.microsecond else text


_DATE_UNITS = frozenset({"Y", "M", "W", "D"})


def datetime64_unit(value: Any) -> str:
    """The unit of a ``datetime64`` scalar or array (``"D"``, ``"s"``, ``"ns"``, …)."""
    unit: str = np.datetime_data(value.dtype)[0]
    return unit


def format_datetime64(values: np.ndarray) -> list[str | None]:
    """D22 texts of a ``datetime64`` array (``None`` for ``NaT``), computed column-wise."""
    if values.size == 0:
        return []
    if datetime64_unit(values) in _DATE_UNITS:
        texts = np.datetime_as_string(values.astype("datetime64[D]"), unit="D")
    else:
        micros = values.astype("datetime64[us]")
        whole = np.datetime_as_string(micros, unit="s")
        fraction = np.datetime_as_string(micros, unit="us")
        has_fraction = micros.view("int64") % 1_000_000 != 0
        texts = np.where(has_fraction, fraction, whole)
    out: list[str | None] = texts.tolist()
    missing = np.isnat(values)
    if missing.any():
        for i in np.flatnonzero(missing).tolist():
            out[i] = None
    return out


def normalize(value: object) -> object:
    """One value as the C API takes it: ``int``, ``float``, ``str``, ``None``, a list, or ``value`` unchanged.

    Values of other types (and arrays of more than one dimension) are returned unchanged so the
    caller's type check reports them with its own message.
    """
    if isinstance(value, (str, bool, int, float)) or value is None:
        return value
    if isinstance(value, np.generic):
        if isinstance(value, (np.integer, np.bool_)):
            return int(value)
        if isinstance(value, np.floating):
            return float(value)
        if isinstance(value, np.datetime64):
            return format_datetime64(np.asarray(value).reshape(1))[0]
        if isinstance(value, np.str_):
            return str(value)
        return value
    if isinstance(value, datetime):
        return format_date_time(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, tuple):
        return [normalize(item) for item in value]
    if isinstance(value, np.ndarray) and value.ndim == 1:
        if value.dtype.kind == "M":
            return format_datetime64(value)
        if value.dtype.kind in "iub":
            return value.astype(np.int64).tolist()
        if value.dtype.kind == "f":
            return value.astype(np.float64).tolist()
        return [normalize(item) for item in value.tolist()]
    return value


def array_problem(value: object) -> str | None:
    """Why a numpy array cannot be an attribute's array (``None`` when it can)."""
    if isinstance(value, np.ndarray) and value.ndim != 1:
        return f"array must be 1-D, got {value.ndim}-D"
    return None


def as_array(value: object) -> np.ndarray | None:
    """A contiguous int64/float64 copy-free view of a 1-D numeric numpy array, else ``None``.

    Integer and bool arrays become int64, floating arrays float64: the C array setters read them
    through ``ffi.from_buffer`` without one Python object per item.
    """
    if not isinstance(value, np.ndarray) or value.ndim != 1:
        return None
    kind = value.dtype.kind
    if kind in "iub":
        if kind == "u" and value.size and int(value.max()) > np.iinfo(np.int64).max:
            return None  # the general path reports the item out of int64 range
        return np.ascontiguousarray(value, dtype=np.int64)
    if kind == "f":
        return np.ascontiguousarray(value, dtype=np.float64)
    return None
