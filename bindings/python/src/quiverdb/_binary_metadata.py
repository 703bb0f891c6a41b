"""``BinaryMetadata``, ``Dimension`` and ``TimeFrequency`` of ``quiverdb.binary`` (binary.md §8)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import quiverdb._c_api_binary  # noqa: F401  (declares the binary C API on the shared ffi)
from quiverdb._c_api import ffi, get_lib
from quiverdb._handle import NativeHandle
from quiverdb._helpers import check, require_str, type_name


class TimeFrequency(IntEnum):
    """Frequency of a time dimension (``quiver_time_frequency_t``)."""

    YEARLY = 0
    MONTHLY = 1
    WEEKLY = 2
    DAILY = 3
    HOURLY = 4


_FREQUENCY_NAMES = {f.value: f.name.lower() for f in TimeFrequency}


@dataclass(frozen=True)
class Dimension:
    """One dimension of a binary file; the time fields are ``None`` for plain dimensions.

    ``parent_dimension_index`` is 0-based (``-1`` for the outermost time dimension).
    """

    name: str
    size: int
    is_time_dimension: bool
    frequency: str | None
    initial_value: int | None
    parent_dimension_index: int | None


def _take_string(ptr: Any) -> str:
    """Decode and free a string returned by a ``quiver_binary_metadata_*`` getter."""
    try:
        text: str = ffi.string(ptr).decode("utf-8")
        return text
    finally:
        get_lib().quiver_binary_metadata_free_string(ptr)


def _string_list(op: str, name: str, values: object) -> list[bytes]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise TypeError(f"Cannot {op}: argument '{name}' must be a sequence of str, got {type_name(values)}")
    return [require_str(op, f"{name}[{i}]", v) for i, v in enumerate(values)]


class BinaryMetadata(NativeHandle):
    """Shape, time axes, unit and labels of a binary file pair (owns a ``quiver_binary_metadata_t``).

    Build one with ``create`` or ``from_toml``; files and expressions hand out copies. Close it
    with ``close()`` (idempotent) or use it as a context manager.
    """

    def __init__(self, ptr: Any) -> None:
        self._ptr = ptr

    @staticmethod
    def create(
        *,
        initial_datetime: str,
        unit: str,
        labels: Sequence[str],
        dimensions: Sequence[str],
        dimension_sizes: Sequence[int],
        time_dimensions: Sequence[str] = (),
        frequencies: Sequence[str] = (),
        version: str = "1",
    ) -> BinaryMetadata:
        """Build metadata from its fields (through ``quiver_binary_metadata_from_element``).

        Args:
            initial_datetime: ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM:SS`` or ``YYYY-MM-DD HH:MM:SS``.
            unit: Free text, may be empty.
            labels: Label names (the innermost axis).
            dimensions: Dimension names in storage order.
            dimension_sizes: Declared sizes, parallel to ``dimensions``.
            time_dimensions: The time dimensions, in the same relative order.
            frequencies: ``yearly``, ``monthly``, ``weekly``, ``daily`` or ``hourly`` per time dimension.
            version: Format version; only ``"1"`` is valid.

        Returns:
            The validated metadata.

        Raises:
            TypeError: An argument has the wrong type.
            QuiverError: The metadata breaks a rule of binary.md §2.4.
        """
        op = "create"
        lib = get_lib()
        scalars = {"initial_datetime": initial_datetime, "unit": unit, "version": version}
        encoded = {k: require_str(op, k, v) for k, v in scalars.items()}
        lists = {"labels": labels, "dimensions": dimensions, "time_dimensions": time_dimensions, "frequencies": frequencies}
        encoded_lists = {k: _string_list(op, k, v) for k, v in lists.items()}
        if isinstance(dimension_sizes, (str, bytes)) or not isinstance(dimension_sizes, Sequence):
            raise TypeError(f"Cannot {op}: argument 'dimension_sizes' must be a sequence of int, got {type_name(dimension_sizes)}")
        for i, size in enumerate(dimension_sizes):
            if not isinstance(size, int) or isinstance(size, bool):
                raise TypeError(f"Cannot {op}: argument 'dimension_sizes[{i}]' must be int, got {type_name(size)}")
        out_element = ffi.new("quiver_element_t**")
        check(lib.quiver_element_create(out_element))
        element = out_element[0]
        try:
            for key, value in encoded.items():
                check(lib.quiver_element_set_string(element, key.encode(), value))
            for key, items in encoded_lists.items():
                keep = [ffi.new("char[]", item) for item in items]
                array = ffi.new("const char*[]", keep) if keep else ffi.NULL
                check(lib.quiver_element_set_array_string(element, key.encode(), array, len(keep), ffi.NULL))
            sizes = ffi.new("int64_t[]", list(dimension_sizes)) if dimension_sizes else ffi.NULL
            check(lib.quiver_element_set_array_integer(element, b"dimension_sizes", sizes, len(dimension_sizes), ffi.NULL))
            out = ffi.new("quiver_binary_metadata_t**")
            check(lib.quiver_binary_metadata_from_element(element, out))
        finally:
            lib.quiver_element_destroy(element)
        return BinaryMetadata(out[0])

    @staticmethod
    def from_toml(text: str) -> BinaryMetadata:
        """Read metadata from the TEXT of a ``.toml`` sidecar.

        Args:
            text: The TOML document.

        Returns:
            The validated metadata.

        Raises:
            TypeError: ``text`` is not a ``str``.
            QuiverError: The document is not a valid sidecar.
        """
        raw = require_str("from_toml", "text", text)
        out = ffi.new("quiver_binary_metadata_t**")
        check(get_lib().quiver_binary_metadata_from_toml(raw, out))
        return BinaryMetadata(out[0])

    def _get(self) -> Any:
        if self._ptr == ffi.NULL:
            raise ValueError("Cannot use BinaryMetadata: it is closed")
        return self._ptr

    def to_toml(self) -> str:
        """Return the sidecar text (byte-identical to upstream's writer).

        Raises:
            QuiverError: The metadata is invalid.
        """
        out = ffi.new("char**")
        check(get_lib().quiver_binary_metadata_to_toml(self._get(), out))
        return _take_string(out[0])

    def _string(self, getter: str) -> str:
        out = ffi.new("char**")
        check(getattr(get_lib(), getter)(self._get(), out))
        return _take_string(out[0])

    def unit(self) -> str:
        """Return the unit."""
        return self._string("quiver_binary_metadata_get_unit")

    def version(self) -> str:
        """Return the format version."""
        return self._string("quiver_binary_metadata_get_version")

    def initial_datetime(self) -> str:
        """Return the initial datetime as ``YYYY-MM-DDTHH:MM:SS``."""
        return self._string("quiver_binary_metadata_get_initial_datetime")

    def labels(self) -> list[str]:
        """Return the label names."""
        out = ffi.new("char***")
        count = ffi.new("size_t*")
        lib = get_lib()
        check(lib.quiver_binary_metadata_get_labels(self._get(), out, count))
        try:
            return [ffi.string(out[0][i]).decode("utf-8") for i in range(count[0])]
        finally:
            lib.quiver_binary_metadata_free_string_array(out[0], count[0])

    def dimensions(self) -> list[Dimension]:
        """Return the dimensions in storage order, with their derived time properties."""
        lib = get_lib()
        count = ffi.new("size_t*")
        check(lib.quiver_binary_metadata_get_dimension_count(self._get(), count))
        result = []
        for i in range(count[0]):
            d = ffi.new("quiver_dimension_t*")
            check(lib.quiver_binary_metadata_get_dimension(self._ptr, i, d))
            try:
                time = bool(d.is_time_dimension)
                tp = d.time_properties
                result.append(
                    Dimension(
                        name=ffi.string(d.name).decode("utf-8"),
                        size=int(d.size),
                        is_time_dimension=time,
                        frequency=_FREQUENCY_NAMES[int(tp.frequency)] if time else None,
                        initial_value=int(tp.initial_value) if time else None,
                        parent_dimension_index=int(tp.parent_dimension_index) if time else None,
                    )
                )
            finally:
                lib.quiver_binary_metadata_free_dimension(d)
        return result

    def number_of_time_dimensions(self) -> int:
        """Return how many dimensions are time dimensions."""
        out = ffi.new("int64_t*")
        check(get_lib().quiver_binary_metadata_get_number_of_time_dimensions(self._get(), out))
        return int(out[0])

    def value_count(self) -> int:
        """Return the number of float64 values in the data file (sizes × labels)."""
        out = ffi.new("size_t*")
        check(get_lib().quiver_binary_metadata_get_value_count(self._get(), out))
        return int(out[0])

    def shape(self) -> tuple[int, ...]:
        """Return the dimension sizes followed by the label count (the ``read_array`` shape)."""
        return (*(d.size for d in self.dimensions()), len(self.labels()))

    def close(self) -> None:
        """Release the native metadata (idempotent)."""
        self._release(get_lib().quiver_binary_metadata_free)

    def __repr__(self) -> str:
        if self._ptr == ffi.NULL:
            return "BinaryMetadata(<closed>)"
        return f"BinaryMetadata(shape={self.shape()}, unit={self.unit()!r})"
