"""``BinaryFile``, ``bin_to_csv`` and ``csv_to_bin`` of ``quiverdb.binary`` (binary.md §8).

Bulk transfers go through buffers (``ffi.from_buffer``): one C call per array, no per-cell
Python work. numpy is imported only by ``read_array``/``write_array``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from quiverdb._binary_metadata import BinaryMetadata
from quiverdb._c_api import ffi, get_lib
from quiverdb._handle import NativeHandle
from quiverdb._helpers import check, require_str, type_name


def _float64_view(op: str, buffer: object, count: int, writable: bool) -> Any:
    """A cdata ``double[]`` over a C-contiguous float64 buffer of exactly ``count`` items."""
    try:
        view = memoryview(buffer)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"Cannot {op}: argument 'buffer' must be a float64 buffer, got {type_name(buffer)}") from None
    with view:
        if view.format not in ("d", "<d", "=d", "@d") or not view.c_contiguous:
            raise TypeError(f"Cannot {op}: argument 'buffer' must be a C-contiguous float64 buffer, got format {view.format!r}")
        if view.nbytes != count * 8:
            raise ValueError(f"Cannot {op}: buffer must hold {count} float64 values, got {view.nbytes // 8}")
        if writable and view.readonly:
            raise ValueError(f"Cannot {op}: buffer is read-only")
    return ffi.from_buffer("double[]", buffer, require_writable=writable)


def _dims(op: str, dims: object) -> tuple[Any, Any, int, list[Any]]:
    if not isinstance(dims, Mapping):
        raise TypeError(f"Cannot {op}: argument 'dims' must be dict, got {type_name(dims)}")
    keep = []
    values = []
    for name, value in dims.items():
        keep.append(ffi.new("char[]", require_str(op, "dims key", name)))
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"Cannot {op}: dimension '{name}' must be int, got {type_name(value)}")
        values.append(value)
    names = ffi.new("const char*[]", keep) if keep else ffi.NULL
    array = ffi.new("int64_t[]", values) if values else ffi.NULL
    return names, array, len(values), keep


def _floats(op: str, data: object) -> Any:
    if isinstance(data, (str, bytes)) or not isinstance(data, Sequence):
        try:
            view = memoryview(data)  # type: ignore[arg-type]
        except TypeError:
            raise TypeError(f"Cannot {op}: argument 'data' must be a sequence of float or a float64 buffer, got {type_name(data)}") from None
        return _float64_view(op, data, view.nbytes // max(view.itemsize, 1), False)
    for i, value in enumerate(data):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise TypeError(f"Cannot {op}: data entry {i} must be float, got {type_name(value)}")
    return ffi.new("double[]", [float(v) for v in data])


class BinaryFile(NativeHandle):
    """A binary file pair ``path.qvr`` + ``path.toml`` (owns a ``quiver_binary_file_t``).

    Open with ``BinaryFile.open(path, mode, metadata)``; close with ``close()`` or use it as a
    context manager. An unclosed file warns with ``ResourceWarning`` when collected (an open
    writer blocks every other open of its path).
    """

    _UNCLOSED_WARNING = "BinaryFile"

    def __init__(self, ptr: Any, path: str) -> None:
        self._ptr = ptr
        self._path = path

    @staticmethod
    def open(path: str, mode: str = "r", metadata: BinaryMetadata | None = None) -> BinaryFile:
        """Open a file pair: ``"r"`` reads an existing pair, ``"w"`` creates one from ``metadata``.

        Args:
            path: Base path without extension.
            mode: ``"r"`` or ``"w"``.
            metadata: Required for ``"w"``; copied.

        Returns:
            The open file.

        Raises:
            TypeError: An argument has the wrong type.
            ValueError: ``mode`` is not ``"r"`` or ``"w"``.
            QuiverError: The pair is missing or damaged, the metadata is invalid, or the path is in use.
        """
        raw = require_str("open", "path", path)
        if mode not in ("r", "w"):
            raise ValueError(f"Cannot open: argument 'mode' must be 'r' or 'w', got {mode!r}")
        if metadata is not None and not isinstance(metadata, BinaryMetadata):
            raise TypeError(f"Cannot open: argument 'metadata' must be BinaryMetadata, got {type_name(metadata)}")
        out = ffi.new("quiver_binary_file_t**")
        md = metadata._get() if metadata is not None else ffi.NULL
        check(get_lib().quiver_binary_file_open_file(raw, mode.encode(), md, out))
        return BinaryFile(out[0], path)

    def _get(self, op: str) -> Any:
        if self._ptr == ffi.NULL:
            raise ValueError(f"Cannot {op}: the file is closed")
        return self._ptr

    def close(self) -> None:
        """Close the file and release the native handle (idempotent)."""
        self._release(get_lib().quiver_binary_file_close)

    def is_open(self) -> bool:
        """Return whether the file is open."""
        if self._ptr == ffi.NULL:
            return False
        out = ffi.new("int*")
        check(get_lib().quiver_binary_file_is_open(self._ptr, out))
        return bool(out[0])

    def path(self) -> str:
        """Return the base path as given to ``open``."""
        return self._path

    def metadata(self) -> BinaryMetadata:
        """Return a copy of the file's metadata."""
        out = ffi.new("quiver_binary_metadata_t**")
        check(get_lib().quiver_binary_file_get_metadata(self._get("metadata"), out))
        return BinaryMetadata(out[0])

    def read(self, dims: Mapping[str, int], *, allow_nulls: bool = False) -> list[float]:
        """Return the label values of one cell (``{dimension: 1-based value}``).

        Raises:
            TypeError: ``dims`` is not a dict of str to int.
            QuiverError: Out of bounds, not addressable, a null without ``allow_nulls``, or wrong mode.
        """
        names, values, count, _keep = _dims("read", dims)
        out = ffi.new("double**")
        size = ffi.new("size_t*")
        lib = get_lib()
        check(lib.quiver_binary_file_read(self._get("read"), names, values, count, int(bool(allow_nulls)), out, size))
        try:
            return list(ffi.unpack(out[0], size[0]))
        finally:
            lib.quiver_binary_file_free_float_array(out[0])

    def write(self, data: Sequence[float], dims: Mapping[str, int]) -> None:
        """Write the label values of one cell.

        Raises:
            TypeError: ``data`` or ``dims`` has the wrong type.
            QuiverError: Out of bounds, not addressable, wrong length, or wrong mode.
        """
        array = _floats("write", data)
        names, values, count, _keep = _dims("write", dims)
        check(get_lib().quiver_binary_file_write(self._get("write"), names, values, count, array, len(array)))

    def _indices(self, op: str, indices: Sequence[int]) -> Any:
        if isinstance(indices, (str, bytes)) or not isinstance(indices, Sequence):
            raise TypeError(f"Cannot {op}: argument 'indices' must be a sequence of int, got {type_name(indices)}")
        for i, v in enumerate(indices):
            if not isinstance(v, int) or isinstance(v, bool):
                raise TypeError(f"Cannot {op}: index {i} must be int, got {type_name(v)}")
        return ffi.new("int64_t[]", list(indices)) if indices else ffi.NULL

    def read_at(self, indices: Sequence[int], out: Any = None, *, allow_nulls: bool = False) -> list[float] | None:
        """Read one cell by indices in metadata order; fill ``out`` (a float64 buffer) or return a list.

        Raises:
            TypeError: Wrong argument types.
            ValueError: ``out`` does not hold one value per label.
            QuiverError: Out of bounds, not addressable, a null without ``allow_nulls``, or wrong mode.
        """
        idx = self._indices("read_at", indices)
        labels = len(self.metadata().labels()) if out is None else 0
        target = ffi.new("double[]", labels) if out is None else ffi.from_buffer("double[]", out, require_writable=True)
        check(get_lib().quiver_binary_file_read_at(self._get("read_at"), idx, len(indices), int(bool(allow_nulls)),
                                                   target, len(target)))
        return list(target) if out is None else None

    def write_at(self, indices: Sequence[int], data: Any) -> None:
        """Write one cell by indices in metadata order (``data``: sequence or float64 buffer).

        Raises:
            TypeError: Wrong argument types.
            QuiverError: Out of bounds, not addressable, wrong length, or wrong mode.
        """
        idx = self._indices("write_at", indices)
        array = _floats("write_at", data)
        check(get_lib().quiver_binary_file_write_at(self._get("write_at"), idx, len(indices), array, len(array)))

    def read_all_into(self, buffer: Any) -> None:
        """Fill a C-contiguous float64 buffer of ``value_count`` items with the whole array (NaN = null/padding).

        Raises:
            TypeError: ``buffer`` is not a C-contiguous float64 buffer.
            ValueError: Its length is not the value count, or it is read-only.
            QuiverError: The file is open for writing.
        """
        count = self.metadata().value_count()
        target = _float64_view("read_all_into", buffer, count, True)
        check(get_lib().quiver_binary_file_read_all(self._get("read_all_into"), target, count))

    def write_all_from(self, buffer: Any) -> None:
        """Write the whole array from a C-contiguous float64 buffer (padding positions must be NaN).

        Raises:
            TypeError: ``buffer`` is not a C-contiguous float64 buffer.
            ValueError: Its length is not the value count.
            QuiverError: The file is open for reading, or a padding position holds a number.
        """
        count = self.metadata().value_count()
        source = _float64_view("write_all_from", buffer, count, False)
        check(get_lib().quiver_binary_file_write_all(self._get("write_all_from"), source, count))

    def read_array(self) -> Any:
        """Return the whole file as a numpy array of ``metadata().shape()`` (float64; NaN = null/padding).

        Raises:
            ImportError: numpy is not installed.
            QuiverError: The file is open for writing.
        """
        try:
            import numpy
        except ImportError:
            raise ImportError("Cannot read_array: numpy is required") from None
        array = numpy.empty(self.metadata().shape(), dtype=numpy.float64)
        self.read_all_into(array)
        return array

    def write_array(self, array: Any) -> None:
        """Write the whole file from an array-like of ``metadata().shape()`` (or flat); one C call.

        Raises:
            ImportError: numpy is not installed.
            ValueError: The array has the wrong number of values.
            QuiverError: The file is open for reading, or a padding position holds a number.
        """
        try:
            import numpy
        except ImportError:
            raise ImportError("Cannot write_array: numpy is required") from None
        self.write_all_from(numpy.ascontiguousarray(array, dtype=numpy.float64))

    def __repr__(self) -> str:
        return f"BinaryFile({self._path!r}, {'open' if self.is_open() else 'closed'})"


def bin_to_csv(path: str, *, aggregate_time_dimensions: bool = True) -> None:
    """Write ``path.csv`` from the pair at ``path`` (date/datetime column when aggregated).

    Raises:
        TypeError: ``path`` is not a ``str``.
        QuiverError: The pair is missing, damaged or open for writing.
    """
    raw = require_str("bin_to_csv", "path", path)
    check(get_lib().quiver_csv_converter_bin_to_csv(raw, int(bool(aggregate_time_dimensions))))


def csv_to_bin(path: str) -> None:
    """Rewrite the pair at ``path`` from ``path.toml`` + ``path.csv`` (atomically).

    Raises:
        TypeError: ``path`` is not a ``str``.
        QuiverError: The sidecar or CSV is missing or malformed (the pair is then unchanged).
    """
    raw = require_str("csv_to_bin", "path", path)
    check(get_lib().quiver_csv_converter_csv_to_bin(raw))
