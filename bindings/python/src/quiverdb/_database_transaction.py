"""Transaction mixin of ``Database``: begin/commit/rollback, the ``transaction()`` block and dry runs (D16)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from quiverdb._database_base import DatabaseBase

_Self = TypeVar("_Self", bound="DatabaseTransaction")


def _scope(db: _Self, begin: Callable[[], None], abort: Callable[[], None], end: Callable[[], None]) -> Iterator[_Self]:
    """The body of ``transaction``/``dry_run``: ``begin``, yield ``db``; ``end`` on a normal exit, else ``abort``.

    An error of ``abort`` is dropped so the block's own exception propagates.
    """
    begin()
    try:
        yield db
    except BaseException:
        try:
            abort()
        except Exception:
            pass
        raise
    end()


class DatabaseTransaction(DatabaseBase):
    """Provides ``begin_transaction``, ``commit``, ``rollback``, ``in_transaction``, ``transaction`` and the dry runs."""

    def begin_transaction(self) -> None:
        """Begin an explicit transaction.

        Raises:
            QuiverError: The database is closed, or a transaction is already active.
        """
        self._call("begin_transaction")

    def commit(self) -> None:
        """Commit the active transaction.

        Raises:
            QuiverError: The database is closed, or no transaction is active.
        """
        self._call("commit")

    def rollback(self) -> None:
        """Roll back the active transaction.

        Raises:
            QuiverError: The database is closed, or no transaction is active.
        """
        self._call("rollback")

    def in_transaction(self) -> bool:
        """Return whether an explicit transaction is active.

        Returns:
            ``True`` between ``begin_transaction`` and ``commit``/``rollback``.

        Raises:
            QuiverError: The database is closed.
        """
        return bool(self._get("int", "in_transaction"))

    @contextmanager
    def transaction(self: _Self) -> Iterator[_Self]:
        """Run a ``with`` block in a transaction: commit on normal exit, roll back and re-raise on any exception.

        Returns:
            A context manager yielding the database itself.

        Raises:
            QuiverError: The database is closed, a transaction is already active, or the commit fails.
        """
        yield from _scope(self, self.begin_transaction, self.rollback, self.commit)

    def begin_dry_run(self) -> None:
        """Begin a dry run: everything until ``end_dry_run`` is rolled back (D16).

        Inside a dry run, ``begin_transaction``/``commit``/``rollback`` work as usual (a savepoint),
        ``in_transaction()`` reports only such a nested transaction, ``import_csv`` works, and
        transaction-control SQL through ``query*`` is refused.

        Raises:
            QuiverError: The database is closed, a dry run or a transaction is already active.
        """
        self._call("begin_dry_run")

    def end_dry_run(self) -> None:
        """End the dry run, rolling back everything since ``begin_dry_run`` (an open nested transaction too).

        Raises:
            QuiverError: The database is closed, or no dry run is active.
        """
        self._call("end_dry_run")

    def in_dry_run(self) -> bool:
        """Return whether a dry run is active.

        Returns:
            ``True`` between ``begin_dry_run`` and ``end_dry_run``.

        Raises:
            QuiverError: The database is closed.
        """
        return bool(self._get("int", "in_dry_run"))

    @contextmanager
    def dry_run(self: _Self) -> Iterator[_Self]:
        """Run a ``with`` block as a dry run: whatever it writes is rolled back at the end, also on an exception.

        Returns:
            A context manager yielding the database itself. On an exception the dry run ends (its own errors
            ignored) and the exception propagates; on a normal exit errors of ``end_dry_run`` propagate.

        Raises:
            QuiverError: The database is closed, a dry run or a transaction is already active.
        """
        yield from _scope(self, self.begin_dry_run, self.end_dry_run, self.end_dry_run)
