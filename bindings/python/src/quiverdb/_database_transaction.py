"""Transaction mixin of ``Database``: explicit begin/commit/rollback and the ``transaction()`` block."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check

_Self = TypeVar("_Self", bound="DatabaseTransaction")


class DatabaseTransaction(DatabaseBase):
    """Provides ``begin_transaction``, ``commit``, ``rollback``, ``in_transaction``, ``transaction``."""

    def begin_transaction(self) -> None:
        """Begin an explicit transaction.

        Raises:
            QuiverError: The database is closed, or a transaction is already active.
        """
        self._ensure_open()
        check(get_lib().quiver_database_begin_transaction(self._ptr))

    def commit(self) -> None:
        """Commit the active transaction.

        Raises:
            QuiverError: The database is closed, or no transaction is active.
        """
        self._ensure_open()
        check(get_lib().quiver_database_commit(self._ptr))

    def rollback(self) -> None:
        """Roll back the active transaction.

        Raises:
            QuiverError: The database is closed, or no transaction is active.
        """
        self._ensure_open()
        check(get_lib().quiver_database_rollback(self._ptr))

    def in_transaction(self) -> bool:
        """Return whether an explicit transaction is active.

        Returns:
            ``True`` between ``begin_transaction`` and ``commit``/``rollback``.

        Raises:
            QuiverError: The database is closed.
        """
        self._ensure_open()
        out = ffi.new("int*")
        check(get_lib().quiver_database_in_transaction(self._ptr, out))
        return bool(out[0] != 0)

    @contextmanager
    def transaction(self: _Self) -> Iterator[_Self]:
        """Run a ``with`` block in a transaction: commit on normal exit, roll back and re-raise on any exception.

        Returns:
            A context manager yielding the database itself.

        Raises:
            QuiverError: The database is closed, a transaction is already active, or the commit fails.
        """
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
