"""``Database``: the Python face of ``quiver_database_t``."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._helpers import (
    INT64_MAX,
    INT64_MIN,
    INT64_PTR,
    check,
    decode_string,
    decode_strings,
    flush_c_stdout,
    gc_paused,
    group_metadata_from_c,
    marshal_params,
    new_cdata,
    parse_date_time,
    require_id,
    require_str,
    scalar_metadata_from_c,
    string_at,
    text_problem,
    type_name,
    unpack,
)
from quiverdb.database_csv_export import DatabaseCSVExport
from quiverdb.database_csv_import import DatabaseCSVImport
from quiverdb.database_options import build_options
from quiverdb.element import Element, _classify
from quiverdb.exceptions import QuiverError
from quiverdb.metadata import DataType, GroupMetadata, ScalarMetadata

_INTEGER = int(DataType.INTEGER)
_FLOAT = int(DataType.FLOAT)
_STRING = int(DataType.STRING)
_DATE_TIME = int(DataType.DATE_TIME)


def _decode_strings(array: Any, count: int) -> list[str | None]:
    return decode_strings(array, count)


_LIST_CTYPES = {
    "integers": ffi.typeof("int64_t***"),
    "floats": ffi.typeof("double***"),
    "strings": ffi.typeof("char****"),
}


class Database(DatabaseCSVExport, DatabaseCSVImport):
    """An open Quiver database. Close it with ``close()`` or use it as a context manager."""

    def __init__(self, ptr: Any) -> None:
        self._ptr = ptr
        self._closed = False

    # ------------------------------------------------------------------------- lifecycle

    @staticmethod
    def from_schema(
        db_path: str, schema_path: str, *, read_only: bool = False, console_level: int | None = None
    ) -> Database:
        """Create (replacing any existing file) a database from a SQL schema file."""
        c_db_path = require_str("from_schema", "db_path", db_path)
        c_schema_path = require_str("from_schema", "schema_path", schema_path)
        options = build_options("from_schema", read_only, console_level)
        out = ffi.new("quiver_database_t**")
        check(get_lib().quiver_database_from_schema(c_db_path, c_schema_path, options, out))
        return Database(out[0])

    @staticmethod
    def from_migrations(
        db_path: str, migrations_path: str, *, read_only: bool = False, console_level: int | None = None
    ) -> Database:
        """Open (or create) a database and apply the pending migrations of a directory."""
        c_db_path = require_str("from_migrations", "db_path", db_path)
        c_migrations_path = require_str("from_migrations", "migrations_path", migrations_path)
        options = build_options("from_migrations", read_only, console_level)
        out = ffi.new("quiver_database_t**")
        check(get_lib().quiver_database_from_migrations(c_db_path, c_migrations_path, options, out))
        return Database(out[0])

    @staticmethod
    def open(db_path: str, *, read_only: bool = False, console_level: int | None = None) -> Database:
        """Open an existing (or new) database; its schema is loaded lazily on first use."""
        c_db_path = require_str("open", "db_path", db_path)
        options = build_options("open", read_only, console_level)
        out = ffi.new("quiver_database_t**")
        check(get_lib().quiver_database_open(c_db_path, options, out))
        return Database(out[0])

    def close(self) -> None:
        """Close the database (idempotent)."""
        if self._closed:
            return
        ptr = self._ptr
        self._ptr = ffi.NULL
        self._closed = True
        check(get_lib().quiver_database_close(ptr))

    def _ensure_open(self) -> None:
        if self._closed:
            raise QuiverError("Database has been closed")

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    def __del__(self) -> None:
        if not getattr(self, "_closed", True):
            warnings.warn("Database was not closed explicitly", ResourceWarning, stacklevel=2)
            self.close()

    def __repr__(self) -> str:
        if self._closed:
            return "Database(closed)"
        return f"Database(path='{self.path()}')"

    def path(self) -> str:
        """The path the database was opened with."""
        self._ensure_open()
        out = ffi.new("const char**")
        check(get_lib().quiver_database_path(self._ptr, out))
        return decode_string(out[0]) or ""

    def current_version(self) -> int:
        """``PRAGMA user_version``."""
        self._ensure_open()
        out = ffi.new("int64_t*")
        check(get_lib().quiver_database_current_version(self._ptr, out))
        return int(out[0])

    def is_healthy(self) -> bool:
        """Whether the handle is open and usable."""
        self._ensure_open()
        out = ffi.new("int*")
        check(get_lib().quiver_database_is_healthy(self._ptr, out))
        return bool(out[0])

    def describe(self) -> None:
        """Print a schema summary to the process's stdout (written by the C library)."""
        self._ensure_open()
        if sys.stdout is not None:
            sys.stdout.flush()
        try:
            check(get_lib().quiver_database_describe(self._ptr))
        finally:
            flush_c_stdout()

    # ------------------------------------------------------------------------- writes

    def _build_element(self, kwargs: dict[str, object]) -> Element:
        # Validate every value before any C call.
        prepared = [(require_str("set", "name", name), *_classify(name, value)) for name, value in kwargs.items()]
        element = Element()
        try:
            element._apply_prepared(prepared)
        except BaseException:
            element.destroy()
            raise
        return element

    def create_element(self, collection: str, **kwargs: object) -> int:
        """Create an element from keyword attributes (scalars and lists); return its id."""
        self._ensure_open()
        c_collection = require_str("create_element", "collection", collection)
        element = self._build_element(kwargs)
        try:
            out = new_cdata(INT64_PTR)
            err = get_lib().quiver_database_create_element(self._ptr, c_collection, element._ptr, out)
            if err:
                check(err)
            return out[0]
        finally:
            element.destroy()

    def update_element(self, collection: str, id: int, **kwargs: object) -> None:
        """Update an element; a list replaces the whole group (an empty list clears it)."""
        self._ensure_open()
        c_collection = require_str("update_element", "collection", collection)
        require_id("update_element", id)
        element = self._build_element(kwargs)
        try:
            check(get_lib().quiver_database_update_element(self._ptr, c_collection, id, element._ptr))
        finally:
            element.destroy()

    def delete_element(self, collection: str, id: int) -> None:
        """Delete an element (its group rows cascade)."""
        self._ensure_open()
        c_collection = require_str("delete_element", "collection", collection)
        require_id("delete_element", id)
        check(get_lib().quiver_database_delete_element(self._ptr, c_collection, id))

    # ------------------------------------------------------------------------- transactions

    def begin_transaction(self) -> None:
        self._ensure_open()
        check(get_lib().quiver_database_begin_transaction(self._ptr))

    def commit(self) -> None:
        self._ensure_open()
        check(get_lib().quiver_database_commit(self._ptr))

    def rollback(self) -> None:
        self._ensure_open()
        check(get_lib().quiver_database_rollback(self._ptr))

    def in_transaction(self) -> bool:
        self._ensure_open()
        out = ffi.new("bool*")
        check(get_lib().quiver_database_in_transaction(self._ptr, out))
        return bool(out[0])

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """Begin; yield ``self``; commit on normal exit, roll back and re-raise on any exception."""
        self.begin_transaction()
        try:
            yield self
        except BaseException:
            try:
                self.rollback()
            except Exception:
                pass
            raise
        self.commit()

    # ------------------------------------------------------------------------- queries

    def _query(self, op: str, kind: str, sql: object, params: object) -> Any:
        self._ensure_open()
        c_sql = require_str(op, "sql", sql)
        marshalled = marshal_params(op, params)
        lib = get_lib()
        has = ffi.new("int*")
        if kind == "string":
            out = ffi.new("char**")
        elif kind == "integer":
            out = ffi.new("int64_t*")
        else:
            out = ffi.new("double*")
        if marshalled is None:
            fn = getattr(lib, f"quiver_database_query_{kind}")
            check(fn(self._ptr, c_sql, out, has))
        else:
            types, values, count, keepalive = marshalled
            fn = getattr(lib, f"quiver_database_query_{kind}_params")
            check(fn(self._ptr, c_sql, types, values, count, out, has))
            del keepalive
        if kind == "string":
            try:
                return decode_string(out[0]) if has[0] else None
            finally:
                if out[0] != ffi.NULL:
                    lib.quiver_database_free_string(out[0])
        if not has[0]:
            return None
        return int(out[0]) if kind == "integer" else float(out[0])

    def query_string(self, sql: str, *, params: list | None = None) -> str | None:
        """First column of the first row as text (``None`` for no row, NULL or another type)."""
        return self._query("query_string", "string", sql, params)

    def query_integer(self, sql: str, *, params: list | None = None) -> int | None:
        """First column of the first row as an integer."""
        return self._query("query_integer", "integer", sql, params)

    def query_float(self, sql: str, *, params: list | None = None) -> float | None:
        """First column of the first row as a float (INTEGER results are converted)."""
        return self._query("query_float", "float", sql, params)

    def query_date_time(self, sql: str, *, params: list | None = None) -> datetime | None:
        """``query_string`` parsed as an aware UTC datetime."""
        value = self._query("query_date_time", "string", sql, params)
        return None if value is None else parse_date_time(value)

    # ------------------------------------------------------------------------- scalar reads

    def _read_scalar_numbers(self, op: str, kind: str, collection: object, attribute: object) -> list[Any]:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_attribute = require_str(op, "attribute", attribute)
        lib = get_lib()
        ctype = "int64_t" if kind == "integers" else "double"
        values = ffi.new(f"{ctype}**")
        mask = ffi.new("uint8_t**")
        count = ffi.new("size_t*")
        check(
            getattr(lib, f"quiver_database_read_scalar_{kind}")(
                self._ptr, c_collection, c_attribute, values, mask, count
            )
        )
        try:
            n = int(count[0])
            if n == 0:
                return []
            raw = unpack(values[0], n)
            present = unpack(ffi.cast("char*", mask[0]), n)  # bytes: one 0/1 byte per value
            if b"\x00" not in present:
                return raw
            return [value if flag else None for value, flag in zip(raw, present, strict=True)]
        finally:
            if values[0] != ffi.NULL:
                if kind == "integers":
                    lib.quiver_database_free_integer_array(values[0])
                else:
                    lib.quiver_database_free_float_array(values[0])
            if mask[0] != ffi.NULL:
                lib.quiver_database_free_mask(mask[0])

    def read_scalar_integers(self, collection: str, attribute: str) -> list[int | None]:
        """One entry per element in id order; NULL → ``None``."""
        return self._read_scalar_numbers("read_scalar_integers", "integers", collection, attribute)

    def read_scalar_floats(self, collection: str, attribute: str) -> list[float | None]:
        """One entry per element in id order; NULL → ``None``."""
        return self._read_scalar_numbers("read_scalar_floats", "floats", collection, attribute)

    def read_scalar_strings(self, collection: str, attribute: str) -> list[str | None]:
        """One entry per element in id order; NULL → ``None``."""
        self._ensure_open()
        op = "read_scalar_strings"
        c_collection = require_str(op, "collection", collection)
        c_attribute = require_str(op, "attribute", attribute)
        lib = get_lib()
        values = ffi.new("char***")
        count = ffi.new("size_t*")
        check(lib.quiver_database_read_scalar_strings(self._ptr, c_collection, c_attribute, values, count))
        n = int(count[0])
        try:
            return _decode_strings(values[0], n) if n else []
        finally:
            if values[0] != ffi.NULL:
                lib.quiver_database_free_string_array(values[0], n)

    def _read_scalar_by_id(self, op: str, kind: str, collection: object, attribute: object, id: object) -> Any:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_attribute = require_str(op, "attribute", attribute)
        require_id(op, id)
        lib = get_lib()
        has = ffi.new("int*")
        if kind == "string":
            out = ffi.new("char**")
            check(lib.quiver_database_read_scalar_string_by_id(self._ptr, c_collection, c_attribute, id, out, has))
            try:
                return decode_string(out[0]) if has[0] else None
            finally:
                if out[0] != ffi.NULL:
                    lib.quiver_database_free_string(out[0])
        if kind == "integer":
            out = ffi.new("int64_t*")
            check(lib.quiver_database_read_scalar_integer_by_id(self._ptr, c_collection, c_attribute, id, out, has))
            return int(out[0]) if has[0] else None
        out = ffi.new("double*")
        check(lib.quiver_database_read_scalar_float_by_id(self._ptr, c_collection, c_attribute, id, out, has))
        return float(out[0]) if has[0] else None

    def read_scalar_integer_by_id(self, collection: str, attribute: str, id: int) -> int | None:
        return self._read_scalar_by_id("read_scalar_integer_by_id", "integer", collection, attribute, id)

    def read_scalar_float_by_id(self, collection: str, attribute: str, id: int) -> float | None:
        return self._read_scalar_by_id("read_scalar_float_by_id", "float", collection, attribute, id)

    def read_scalar_string_by_id(self, collection: str, attribute: str, id: int) -> str | None:
        return self._read_scalar_by_id("read_scalar_string_by_id", "string", collection, attribute, id)

    def read_element_ids(self, collection: str) -> list[int]:
        """Element ids in rowid order."""
        self._ensure_open()
        c_collection = require_str("read_element_ids", "collection", collection)
        lib = get_lib()
        out = ffi.new("int64_t**")
        count = ffi.new("size_t*")
        check(lib.quiver_database_read_element_ids(self._ptr, c_collection, out, count))
        try:
            n = int(count[0])
            return ffi.unpack(out[0], n) if n else []
        finally:
            if out[0] != ffi.NULL:
                lib.quiver_database_free_integer_array(out[0])

    # ------------------------------------------------------------------------- vector / set reads

    def _read_lists(self, op: str, structure: str, kind: str, collection: object, attribute: object) -> list[list[Any]]:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_attribute = require_str(op, "attribute", attribute)
        lib = get_lib()
        lists = ffi.new(_LIST_CTYPES[kind])
        sizes = ffi.new("size_t**")
        count = ffi.new("size_t*")
        fn = getattr(lib, f"quiver_database_read_{structure}_{kind}")
        check(fn(self._ptr, c_collection, c_attribute, lists, sizes, count))
        n = int(count[0])
        try:
            if n == 0:
                return []
            # Unpack the pointer and size arrays once, then each inner array in one call.
            pairs = zip(unpack(lists[0], n), unpack(sizes[0], n), strict=True)
            with gc_paused():
                if kind == "strings":
                    return [
                        [string_at(p).decode("utf-8", "replace") if p else None for p in unpack(inner, size)]
                        if size and inner
                        else []
                        for inner, size in pairs
                    ]
                return [unpack(inner, size) if size and inner else [] for inner, size in pairs]
        finally:
            if lists[0] != ffi.NULL and sizes[0] != ffi.NULL:
                free = getattr(lib, f"quiver_database_free_{kind[:-1]}_vectors")
                free(lists[0], sizes[0], n)

    def _read_list_by_id(
        self, op: str, structure: str, kind: str, collection: object, attribute: object, id: object
    ) -> list[Any]:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_attribute = require_str(op, "attribute", attribute)
        require_id(op, id)
        lib = get_lib()
        ctype = {"integers": "int64_t", "floats": "double", "strings": "char*"}[kind]
        out = ffi.new(f"{ctype}**")
        count = ffi.new("size_t*")
        fn = getattr(lib, f"quiver_database_read_{structure}_{kind}_by_id")
        check(fn(self._ptr, c_collection, c_attribute, id, out, count))
        n = int(count[0])
        try:
            if n == 0:
                return []
            if kind == "strings":
                return [decode_string(out[0][j]) for j in range(n)]
            return ffi.unpack(out[0], n)
        finally:
            if out[0] != ffi.NULL:
                if kind == "integers":
                    lib.quiver_database_free_integer_array(out[0])
                elif kind == "floats":
                    lib.quiver_database_free_float_array(out[0])
                else:
                    lib.quiver_database_free_string_array(out[0], n)

    def read_vector_integers(self, collection: str, attribute: str) -> list[list[int]]:
        return self._read_lists("read_vector_integers", "vector", "integers", collection, attribute)

    def read_vector_floats(self, collection: str, attribute: str) -> list[list[float]]:
        return self._read_lists("read_vector_floats", "vector", "floats", collection, attribute)

    def read_vector_strings(self, collection: str, attribute: str) -> list[list[str]]:
        return self._read_lists("read_vector_strings", "vector", "strings", collection, attribute)

    def read_vector_integers_by_id(self, collection: str, attribute: str, id: int) -> list[int]:
        return self._read_list_by_id("read_vector_integers_by_id", "vector", "integers", collection, attribute, id)

    def read_vector_floats_by_id(self, collection: str, attribute: str, id: int) -> list[float]:
        return self._read_list_by_id("read_vector_floats_by_id", "vector", "floats", collection, attribute, id)

    def read_vector_strings_by_id(self, collection: str, attribute: str, id: int) -> list[str]:
        return self._read_list_by_id("read_vector_strings_by_id", "vector", "strings", collection, attribute, id)

    def read_set_integers(self, collection: str, attribute: str) -> list[list[int]]:
        return self._read_lists("read_set_integers", "set", "integers", collection, attribute)

    def read_set_floats(self, collection: str, attribute: str) -> list[list[float]]:
        return self._read_lists("read_set_floats", "set", "floats", collection, attribute)

    def read_set_strings(self, collection: str, attribute: str) -> list[list[str]]:
        return self._read_lists("read_set_strings", "set", "strings", collection, attribute)

    def read_set_integers_by_id(self, collection: str, attribute: str, id: int) -> list[int]:
        return self._read_list_by_id("read_set_integers_by_id", "set", "integers", collection, attribute, id)

    def read_set_floats_by_id(self, collection: str, attribute: str, id: int) -> list[float]:
        return self._read_list_by_id("read_set_floats_by_id", "set", "floats", collection, attribute, id)

    def read_set_strings_by_id(self, collection: str, attribute: str, id: int) -> list[str]:
        return self._read_list_by_id("read_set_strings_by_id", "set", "strings", collection, attribute, id)

    # ------------------------------------------------------------------------- date-time helpers

    def read_scalar_date_time_by_id(self, collection: str, attribute: str, id: int) -> datetime | None:
        value = self._read_scalar_by_id("read_scalar_date_time_by_id", "string", collection, attribute, id)
        return None if value is None else parse_date_time(value)

    def read_vector_date_time_by_id(self, collection: str, attribute: str, id: int) -> list[datetime]:
        values = self._read_list_by_id("read_vector_date_time_by_id", "vector", "strings", collection, attribute, id)
        return [parse_date_time(v) for v in values]

    def read_set_date_time_by_id(self, collection: str, attribute: str, id: int) -> list[datetime]:
        values = self._read_list_by_id("read_set_date_time_by_id", "set", "strings", collection, attribute, id)
        return [parse_date_time(v) for v in values]

    # ------------------------------------------------------------------------- metadata

    def get_scalar_metadata(self, collection: str, attribute: str) -> ScalarMetadata:
        self._ensure_open()
        c_collection = require_str("get_scalar_metadata", "collection", collection)
        c_attribute = require_str("get_scalar_metadata", "attribute", attribute)
        lib = get_lib()
        out = ffi.new("quiver_scalar_metadata_t*")
        check(lib.quiver_database_get_scalar_metadata(self._ptr, c_collection, c_attribute, out))
        try:
            return scalar_metadata_from_c(out)
        finally:
            lib.quiver_database_free_scalar_metadata(out)

    def _get_group_metadata(self, op: str, kind: str, collection: object, group_name: object) -> GroupMetadata:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_group = require_str(op, "group_name", group_name)
        lib = get_lib()
        out = ffi.new("quiver_group_metadata_t*")
        check(getattr(lib, f"quiver_database_get_{kind}_metadata")(self._ptr, c_collection, c_group, out))
        try:
            return group_metadata_from_c(out)
        finally:
            lib.quiver_database_free_group_metadata(out)

    def get_vector_metadata(self, collection: str, group_name: str) -> GroupMetadata:
        return self._get_group_metadata("get_vector_metadata", "vector", collection, group_name)

    def get_set_metadata(self, collection: str, group_name: str) -> GroupMetadata:
        return self._get_group_metadata("get_set_metadata", "set", collection, group_name)

    def get_time_series_metadata(self, collection: str, group_name: str) -> GroupMetadata:
        return self._get_group_metadata("get_time_series_metadata", "time_series", collection, group_name)

    def list_scalar_attributes(self, collection: str) -> list[ScalarMetadata]:
        self._ensure_open()
        c_collection = require_str("list_scalar_attributes", "collection", collection)
        lib = get_lib()
        out = ffi.new("quiver_scalar_metadata_t**")
        count = ffi.new("size_t*")
        check(lib.quiver_database_list_scalar_attributes(self._ptr, c_collection, out, count))
        n = int(count[0])
        try:
            return [scalar_metadata_from_c(out[0][i]) for i in range(n)]
        finally:
            if out[0] != ffi.NULL:
                lib.quiver_database_free_scalar_metadata_array(out[0], n)

    def _list_groups(self, op: str, kind: str, collection: object) -> list[GroupMetadata]:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        lib = get_lib()
        out = ffi.new("quiver_group_metadata_t**")
        count = ffi.new("size_t*")
        check(getattr(lib, f"quiver_database_list_{kind}_groups")(self._ptr, c_collection, out, count))
        n = int(count[0])
        try:
            return [group_metadata_from_c(out[0][i]) for i in range(n)]
        finally:
            if out[0] != ffi.NULL:
                lib.quiver_database_free_group_metadata_array(out[0], n)

    def list_vector_groups(self, collection: str) -> list[GroupMetadata]:
        return self._list_groups("list_vector_groups", "vector", collection)

    def list_set_groups(self, collection: str) -> list[GroupMetadata]:
        return self._list_groups("list_set_groups", "set", collection)

    def list_time_series_groups(self, collection: str) -> list[GroupMetadata]:
        return self._list_groups("list_time_series_groups", "time_series", collection)

    # ------------------------------------------------------------------------- time series

    def read_time_series_group(self, collection: str, group: str, id: int) -> list[dict[str, Any]]:
        """Rows of one element's time-series group, in dimension order."""
        self._ensure_open()
        op = "read_time_series_group"
        c_collection = require_str(op, "collection", collection)
        c_group = require_str(op, "group", group)
        require_id(op, id)
        lib = get_lib()
        names = ffi.new("char***")
        types = ffi.new("int**")
        data = ffi.new("void***")
        column_count = ffi.new("size_t*")
        row_count = ffi.new("size_t*")
        check(
            lib.quiver_database_read_time_series_group(
                self._ptr, c_collection, c_group, id, names, types, data, column_count, row_count
            )
        )
        n_columns = int(column_count[0])
        n_rows = int(row_count[0])
        try:
            if n_columns == 0 or n_rows == 0:
                return []
            columns: list[tuple[str, list[Any]]] = []
            for c in range(n_columns):
                name = decode_string(names[0][c]) or ""
                column_type = int(types[0][c])
                ptr = data[0][c]
                if ptr == ffi.NULL:
                    values: list[Any] = [None] * n_rows
                elif column_type == _INTEGER:
                    values = ffi.unpack(ffi.cast("int64_t*", ptr), n_rows)
                elif column_type == _FLOAT:
                    values = ffi.unpack(ffi.cast("double*", ptr), n_rows)
                else:
                    strings = ffi.cast("char**", ptr)
                    values = [decode_string(strings[r]) for r in range(n_rows)]
                columns.append((name, values))
            return [{name: values[r] for name, values in columns} for r in range(n_rows)]
        finally:
            if names[0] != ffi.NULL or data[0] != ffi.NULL:
                lib.quiver_database_free_time_series_data(names[0], types[0], data[0], n_columns, n_rows)

    def update_time_series_group(self, collection: str, group: str, id: int, rows: list[dict[str, Any]]) -> None:
        """Replace one element's rows; ``[]`` clears them.

        Every row must hold the dimension and every value column (and nothing else), with exact
        types: ``int`` for INTEGER, ``float`` for FLOAT, ``str`` for STRING/DATE_TIME.
        """
        self._ensure_open()
        op = "update_time_series_group"
        c_collection = require_str(op, "collection", collection)
        c_group = require_str(op, "group", group)
        require_id(op, id)
        if not isinstance(rows, list):
            raise TypeError(f"Cannot {op}: argument 'rows' must be a list of dict, got {type_name(rows)}")
        for row in rows:
            if not isinstance(row, dict):
                raise TypeError(f"Cannot {op}: argument 'rows' must be a list of dict, got {type_name(row)}")
        lib = get_lib()
        if not rows:
            check(
                lib.quiver_database_update_time_series_group(
                    self._ptr, c_collection, c_group, id, ffi.NULL, ffi.NULL, ffi.NULL, 0, 0
                )
            )
            return

        metadata = self.get_time_series_metadata(collection, group)
        columns: list[tuple[str, int]] = [(metadata.dimension_column, _STRING)]
        columns += [(column.name, int(column.data_type)) for column in metadata.value_columns]
        known = {name for name, _ in columns}
        expected = {_INTEGER: (int, "int"), _FLOAT: (float, "float")}
        for r, row in enumerate(rows):
            for name, _ in columns:
                if name not in row:
                    raise ValueError(f"Cannot {op}: Row {r} is missing column '{name}'")
            for key in row:
                if key not in known:
                    raise ValueError(f"Cannot {op}: Row {r} has unknown column '{key}'")
            for name, column_type in columns:
                value = row[name]
                python_type, label = expected.get(column_type, (str, "str"))
                if isinstance(value, bool) or not isinstance(value, python_type):
                    raise TypeError(f"Cannot {op}: Column '{name}' expects {label}, got {type_name(value)}")
                if python_type is int:
                    if not INT64_MIN <= value <= INT64_MAX:
                        raise TypeError(f"Cannot {op}: Row {r} column '{name}': Integer out of int64 range")
                elif python_type is str:
                    problem = text_problem(value)
                    if problem is not None:
                        raise ValueError(f"Cannot {op}: {problem} in row {r} column '{name}'")

        n_rows = len(rows)
        n_columns = len(columns)
        keepalive: list[Any] = []
        c_names = ffi.new("char*[]", n_columns)
        c_types = ffi.new("int[]", n_columns)
        c_data = ffi.new("void*[]", n_columns)
        keepalive.extend([c_names, c_types, c_data])
        for c, (name, column_type) in enumerate(columns):
            name_buffer = ffi.new("char[]", name.encode("utf-8"))
            keepalive.append(name_buffer)
            c_names[c] = name_buffer
            c_types[c] = column_type
            cells = [row[name] for row in rows]
            if column_type == _INTEGER:
                array = ffi.new("int64_t[]", cells)
            elif column_type == _FLOAT:
                array = ffi.new("double[]", cells)
            else:
                buffers = [ffi.new("char[]", cell.encode("utf-8")) for cell in cells]
                keepalive.extend(buffers)
                array = ffi.new("char*[]", buffers)
            keepalive.append(array)
            c_data[c] = array
        check(
            lib.quiver_database_update_time_series_group(
                self._ptr, c_collection, c_group, id, c_names, c_types, c_data, n_columns, n_rows
            )
        )

    def has_time_series_files(self, collection: str) -> bool:
        self._ensure_open()
        c_collection = require_str("has_time_series_files", "collection", collection)
        out = ffi.new("int*")
        check(get_lib().quiver_database_has_time_series_files(self._ptr, c_collection, out))
        return bool(out[0])

    def list_time_series_files_columns(self, collection: str) -> list[str]:
        self._ensure_open()
        c_collection = require_str("list_time_series_files_columns", "collection", collection)
        lib = get_lib()
        out = ffi.new("char***")
        count = ffi.new("size_t*")
        check(lib.quiver_database_list_time_series_files_columns(self._ptr, c_collection, out, count))
        n = int(count[0])
        try:
            return [decode_string(out[0][i]) or "" for i in range(n)]
        finally:
            if out[0] != ffi.NULL:
                lib.quiver_database_free_string_array(out[0], n)

    def read_time_series_files(self, collection: str) -> dict[str, str | None]:
        self._ensure_open()
        c_collection = require_str("read_time_series_files", "collection", collection)
        lib = get_lib()
        columns = ffi.new("char***")
        paths = ffi.new("char***")
        count = ffi.new("size_t*")
        check(lib.quiver_database_read_time_series_files(self._ptr, c_collection, columns, paths, count))
        n = int(count[0])
        try:
            return {decode_string(columns[0][i]) or "": decode_string(paths[0][i]) for i in range(n)}
        finally:
            if columns[0] != ffi.NULL and paths[0] != ffi.NULL:
                lib.quiver_database_free_time_series_files(columns[0], paths[0], n)

    def update_time_series_files(self, collection: str, data: dict[str, str | None]) -> None:
        """Rewrite the files row: given columns get their path (``None`` → NULL), others NULL."""
        self._ensure_open()
        op = "update_time_series_files"
        c_collection = require_str(op, "collection", collection)
        if not isinstance(data, dict):
            raise TypeError(f"Cannot {op}: argument 'data' must be dict, got {type_name(data)}")
        for key, value in data.items():
            if not isinstance(key, str):
                raise TypeError(f"Cannot {op}: argument 'data' keys must be str, got {type_name(key)}")
            if value is not None and not isinstance(value, str):
                raise TypeError(f"Cannot {op}: Column '{key}' expects str or None, got {type_name(value)}")
            problem = text_problem(key) or (None if value is None else text_problem(value))
            if problem is not None:
                raise ValueError(f"Cannot {op}: {problem} in column '{key}'")
        if not data:
            return
        keepalive: list[Any] = []
        n = len(data)
        c_columns = ffi.new("char*[]", n)
        c_paths = ffi.new("char*[]", n)
        for i, (key, value) in enumerate(data.items()):
            key_buffer = ffi.new("char[]", key.encode("utf-8"))
            keepalive.append(key_buffer)
            c_columns[i] = key_buffer
            if value is None:
                c_paths[i] = ffi.NULL
            else:
                value_buffer = ffi.new("char[]", value.encode("utf-8"))
                keepalive.append(value_buffer)
                c_paths[i] = value_buffer
        check(get_lib().quiver_database_update_time_series_files(self._ptr, c_collection, c_columns, c_paths, n))

    # ------------------------------------------------------------------------- composite helpers

    def _read_typed_scalar(self, collection: str, column: ScalarMetadata, id: int) -> Any:
        if column.data_type == DataType.INTEGER:
            return self.read_scalar_integer_by_id(collection, column.name, id)
        if column.data_type == DataType.FLOAT:
            return self.read_scalar_float_by_id(collection, column.name, id)
        if column.data_type == DataType.DATE_TIME:
            return self.read_scalar_date_time_by_id(collection, column.name, id)
        return self.read_scalar_string_by_id(collection, column.name, id)

    def _read_typed_list(self, structure: str, collection: str, column: ScalarMetadata, id: int) -> list[Any]:
        if column.data_type == DataType.INTEGER:
            kind = "integers"
        elif column.data_type == DataType.FLOAT:
            kind = "floats"
        elif column.data_type == DataType.DATE_TIME:
            op = f"read_{structure}_date_time_by_id"
            values = self._read_list_by_id(op, structure, "strings", collection, column.name, id)
            return [parse_date_time(v) for v in values]
        else:
            kind = "strings"
        return self._read_list_by_id(f"read_{structure}_{kind}_by_id", structure, kind, collection, column.name, id)

    def read_scalars_by_id(self, collection: str, id: int) -> dict[str, Any]:
        """Every scalar column (``id`` and ``label`` included) → typed value."""
        self._ensure_open()
        require_str("read_scalars_by_id", "collection", collection)
        require_id("read_scalars_by_id", id)
        return {
            column.name: self._read_typed_scalar(collection, column, id)
            for column in self.list_scalar_attributes(collection)
        }

    def _read_groups_by_id(self, op: str, structure: str, collection: object, id: object) -> dict[str, list[Any]]:
        self._ensure_open()
        require_str(op, "collection", collection)
        require_id(op, id)
        groups = self.list_vector_groups(collection) if structure == "vector" else self.list_set_groups(collection)
        result: dict[str, list[Any]] = {}
        for group in groups:
            for column in group.value_columns:
                result[column.name] = self._read_typed_list(structure, collection, column, id)
        return result

    def read_vectors_by_id(self, collection: str, id: int) -> dict[str, list[Any]]:
        """Each value column of each vector group → list."""
        return self._read_groups_by_id("read_vectors_by_id", "vector", collection, id)

    def read_sets_by_id(self, collection: str, id: int) -> dict[str, list[Any]]:
        """Each value column of each set group → list."""
        return self._read_groups_by_id("read_sets_by_id", "set", collection, id)

    def read_element_by_id(self, collection: str, id: int) -> dict[str, Any]:
        """Scalars, then vectors, then sets, merged (later keys win)."""
        self._ensure_open()
        require_str("read_element_by_id", "collection", collection)
        require_id("read_element_by_id", id)
        result: dict[str, Any] = {}
        result.update(self.read_scalars_by_id(collection, id))
        result.update(self.read_vectors_by_id(collection, id))
        result.update(self.read_sets_by_id(collection, id))
        return result

    def _read_group_rows(
        self, op: str, structure: str, collection: object, group: object, id: object
    ) -> list[dict[str, Any]]:
        self._ensure_open()
        require_str(op, "collection", collection)
        require_str(op, "group", group)
        require_id(op, id)
        if structure == "vector":
            metadata = self.get_vector_metadata(collection, group)
        else:
            metadata = self.get_set_metadata(collection, group)
        if not metadata.value_columns:
            return []
        columns: dict[str, list[Any]] = {}
        row_count = 0
        for column in metadata.value_columns:
            values = self._read_typed_list(structure, collection, column, id)
            columns[column.name] = values
            row_count = len(values)
        rows: list[dict[str, Any]] = []
        for i in range(row_count):
            row: dict[str, Any] = {"vector_index": i} if structure == "vector" else {}
            for name, values in columns.items():
                row[name] = values[i] if i < len(values) else None
            rows.append(row)
        return rows

    def read_vector_group_by_id(self, collection: str, group: str, id: int) -> list[dict[str, Any]]:
        """Rows ``{"vector_index": i, <col>: value, ...}`` (0-based index)."""
        return self._read_group_rows("read_vector_group_by_id", "vector", collection, group, id)

    def read_set_group_by_id(self, collection: str, group: str, id: int) -> list[dict[str, Any]]:
        """Rows ``{<col>: value, ...}``."""
        return self._read_group_rows("read_set_group_by_id", "set", collection, group, id)
