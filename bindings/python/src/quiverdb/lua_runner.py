"""``LuaRunner``: runs Lua scripts against a ``Database`` (wraps ``quiver_lua_runner_*``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._handle import NativeHandle
from quiverdb._helpers import check, require_str, type_name
from quiverdb.exceptions import QuiverError

if TYPE_CHECKING:
    from quiverdb.database import Database


class LuaRunner(NativeHandle):
    """A long-lived Lua state bound to one database; globals persist between ``run`` calls.

    Scripts see the database as the global ``db`` with every method of docs/lua.md. The runner
    keeps a reference to the database so it is not garbage-collected while the runner lives. Close
    it with ``close()`` or use it as a context manager; an unclosed runner warns with
    ``ResourceWarning`` when collected.

    Args:
        db: The open database the scripts work on.

    Raises:
        TypeError: ``db`` is not a ``Database``.
        QuiverError: ``db`` is closed, or the Lua state cannot be created.
    """

    _UNCLOSED_WARNING = "LuaRunner"

    def __init__(self, db: Database) -> None:
        from quiverdb.database import Database

        if not isinstance(db, Database):
            raise TypeError(f"Cannot LuaRunner: argument 'db' must be Database, got {type_name(db)}")
        self._db = db
        self._closed = False
        self._ptr: Any = ffi.NULL
        try:
            db._ensure_open()
            lib = get_lib()
            out_runner = ffi.new("quiver_lua_runner_t**")
            check(lib.quiver_lua_runner_new(db._ptr, out_runner))
        except BaseException:
            self._closed = True
            raise
        self._ptr = out_runner[0]

    def run(self, script: str) -> Any:
        """Run a Lua script and return the value it returns; its globals persist for the next ``run``.

        Args:
            script: Lua source text (a chunk; the script sees the database as the global ``db``).

        Returns:
            The script's first return value, decoded from the JSON the library encodes (D18):
            ``None`` when the script returns nothing or ``nil``; tables with keys ``1..n`` as
            lists, other tables as dicts with ``str`` keys; a float with an integral value as
            ``int``.

        Raises:
            QuiverError: The runner or its database is closed, the script fails (``Lua error: ...``),
                or its return value cannot be encoded (``Cannot run: ...``).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        text = self._run("run", script)
        return json.loads(text) if text else None

    def run_json(self, script: str) -> str:
        """Run a Lua script and return its first return value as the library's JSON text (D18; upstream's ``run``).

        Args:
            script: Lua source text (a chunk; the script sees the database as the global ``db``).

        Returns:
            The JSON text (``""`` when the script returns nothing, ``"null"`` for ``nil``), encoded by the library
            with the rules of docs/lua.md (sorted object keys, no spaces, integers exact).

        Raises:
            QuiverError: The runner or its database is closed, the script fails (``Lua error: ...``),
                or its return value cannot be encoded (``Cannot run: ...``).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._run("run_json", script)

    def _run(self, op: str, script: str) -> str:
        """Run ``script`` and return the JSON text of its result; errors as the baseline resolves them."""
        self._ensure_open()
        c_script = require_str(op, "script", script)
        # The runner borrows the database handle: never run against a closed one.
        self._db._ensure_open()
        lib = get_lib()
        out_result = ffi.new("char**")
        err = lib.quiver_lua_runner_run(self._ptr, c_script, out_result)
        if err == 0:
            try:
                text: str = ffi.string(out_result[0]).decode("utf-8")
            finally:
                lib.quiver_lua_runner_free_string(out_result[0])
            return text
        # 1. The runner's own error slot (script failures).
        out_error = ffi.new("const char**")
        if lib.quiver_lua_runner_get_error(self._ptr, out_error) == 0 and out_error[0] != ffi.NULL:
            message = ffi.string(out_error[0]).decode("utf-8", errors="replace")
            if message:
                raise QuiverError(message)
        # 2. The thread's last error (null-argument failures).
        ptr = lib.quiver_get_last_error()
        detail = ffi.string(ptr).decode("utf-8", errors="replace") if ptr != ffi.NULL else ""
        if detail:
            raise QuiverError(detail)
        # 3. Generic fallback.
        raise QuiverError("Lua script execution failed")

    def close(self) -> None:
        """Free the Lua state; closing again does nothing.

        Raises:
            QuiverError: Never in practice; reserved for library failures.
        """
        self._closed = True
        self._release(get_lib().quiver_lua_runner_free)

    def _ensure_open(self) -> None:
        if self._closed:
            raise QuiverError("LuaRunner is closed")

