"""Transaction mixin of ``Database``: explicit begin/commit/rollback and the ``transaction()`` block."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase, DatabaseSelf
from quiverdb._helpers import check


class DatabaseTransaction(DatabaseBase):
    """Provides ``begin_transaction``, ``commit``, ``rollback``, ``in_transaction``, ``transaction``."""

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
    def transaction(self: DatabaseSelf) -> Iterator[DatabaseSelf]:
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
