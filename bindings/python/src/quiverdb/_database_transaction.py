"""Transaction mixin of ``Database``: begin/commit/rollback, the ``transaction()`` block and dry runs (D16)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check

_Self = TypeVar("_Self", bound="DatabaseTransaction")


class DatabaseTransaction(DatabaseBase):
    """Provides ``begin_transaction``, ``commit``, ``rollback``, ``in_transaction``, ``transaction`` and the dry runs."""

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

    def begin_dry_run(self) -> None:
        """Begin a dry run: everything until ``end_dry_run`` is rolled back (D16).

        Inside a dry run, ``begin_transaction``/``commit``/``rollback`` work as usual (a savepoint),
        ``in_transaction()`` reports only such a nested transaction, ``import_csv`` works, and
        transaction-control SQL through ``query*`` is refused.

        Raises:
            QuiverError: The database is closed, a dry run or a transaction is already active.
        """
        self._ensure_open()
        check(get_lib().quiver_database_begin_dry_run(self._ptr))

    def end_dry_run(self) -> None:
        """End the dry run, rolling back everything since ``begin_dry_run`` (an open nested transaction too).

        Raises:
            QuiverError: The database is closed, or no dry run is active.
        """
        self._ensure_open()
        check(get_lib().quiver_database_end_dry_run(self._ptr))

    def in_dry_run(self) -> bool:
        """Return whether a dry run is active.

        Returns:
            ``True`` between ``begin_dry_run`` and ``end_dry_run``.

        Raises:
            QuiverError: The database is closed.
        """
        self._ensure_open()
        out = ffi.new("int*")
        check(get_lib().quiver_database_in_dry_run(self._ptr, out))
        return bool(out[0])

    @contextmanager
    def dry_run(self: _Self) -> Iterator[_Self]:
        """Run a ``with`` block as a dry run: whatever it writes is rolled back at the end, also on an exception.

        Returns:
            A context manager yielding the database itself. On an exception the dry run ends (its own errors
            ignored) and the exception propagates; on a normal exit errors of ``end_dry_run`` propagate.

        Raises:
            QuiverError: The database is closed, a dry run or a transaction is already active.
        """
        self.begin_dry_run()
        try:
            yield self
        except BaseException:
            try:
                self.end_dry_run()
            except Exception:
                pass
            raise
        self.end_dry_run()
