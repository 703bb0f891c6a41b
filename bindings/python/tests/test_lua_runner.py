"""LuaRunner: the twelve locked test cases of the design notes, then error resolution and lifecycle."""

from __future__ import annotations

import gc
import warnings
from typing import Any

import pytest

import quiverdb.lua_runner as lua_runner_module
from quiverdb import Database, LuaRunner, QuiverError
from quiverdb._c_api import get_lib

# ------------------------------------------------------------------------------------ the twelve cases


def test_create_element_from_lua(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        lua.run(
            """
            db:create_element("Configuration", { label = "Test Config" })
            db:create_element("Collection", { label = "Item 1", some_integer = 42 })
            db:create_element("Collection", { label = "Item 2", some_integer = 7, some_float = 2.5 })
            """
        )
    assert collections_db.read_scalar_strings("Configuration", "label") == ["Test Config"]
    assert collections_db.read_scalar_strings("Collection", "label") == ["Item 1", "Item 2"]
    assert collections_db.read_scalar_integers("Collection", "some_integer") == [42, 7]
    assert collections_db.read_scalar_floats("Collection", "some_float") == [None, 2.5]


def test_read_scalars_from_lua(collections_db: Database) -> None:
    collections_db.create_element("Configuration", label="Test Config")
    collections_db.create_element("Collection", label="Item 1", some_integer=10)
    collections_db.create_element("Collection", label="Item 2", some_integer=20)
    with LuaRunner(collections_db) as lua:
        lua.run(
            """
            local labels = db:read_scalar_strings("Collection", "label")
            assert(#labels == 2, "expected 2 labels")
            assert(labels[1] == "Item 1", "first label")
            assert(labels[2] == "Item 2", "second label")
            local values = db:read_scalar_integers("Collection", "some_integer")
            assert(values[1] == 10 and values[2] == 20, "integer values")
            """
        )


def test_syntax_error_raises_quiver_error(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        with pytest.raises(QuiverError) as info:
            lua.run("invalid syntax !!!")
    message = str(info.value)
    assert message.startswith("Lua error: ")
    assert message != "Lua script execution failed"
    assert len(message) > len("Lua error: ")


def test_runtime_error_raises_quiver_error(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        with pytest.raises(QuiverError) as info:
            lua.run("print(undefined_variable.field)")
    message = str(info.value)
    assert message.startswith("Lua error: ")
    assert "attempt to index a nil value" in message


def test_invalid_collection_raises_quiver_error(collections_db: Database) -> None:
    collections_db.create_element("Configuration", label="Test Config")
    with LuaRunner(collections_db) as lua:
        with pytest.raises(QuiverError) as info:
            lua.run('db:create_element("NonexistentCollection", { label = "Item 1" })')
    assert str(info.value) == "Lua error: Cannot create_element: collection not found: NonexistentCollection"


def test_multiple_run_calls(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        lua.run('db:create_element("Configuration", { label = "Test Config" })')
        lua.run('db:create_element("Collection", { label = "Item 1" })')
        lua.run('db:create_element("Collection", { label = "Item 2" })')
    assert collections_db.read_scalar_strings("Collection", "label") == ["Item 1", "Item 2"]


def test_empty_script(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        assert lua.run("") is None


def test_comment_only_script(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        assert lua.run("-- just a comment") is None


def test_context_manager(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        assert isinstance(lua, LuaRunner)
        lua.run('db:create_element("Collection", { label = "Inside" })')
    assert collections_db.read_scalar_strings("Collection", "label") == ["Inside"]
    with pytest.raises(QuiverError) as info:
        lua.run("local x = 1")
    assert str(info.value) == "LuaRunner is closed"


def test_run_after_close_raises(collections_db: Database) -> None:
    lua = LuaRunner(collections_db)
    lua.close()
    with pytest.raises(QuiverError) as info:
        lua.run("local x = 1")
    assert str(info.value) == "LuaRunner is closed"


def test_close_idempotent(collections_db: Database) -> None:
    lua = LuaRunner(collections_db)
    assert lua.close() is None
    assert lua.close() is None


def test_database_reference_kept(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        assert lua._db is collections_db


# ------------------------------------------------------------------------------------ more behaviour


def test_enter_returns_self_and_exit_closes(collections_db: Database) -> None:
    lua = LuaRunner(collections_db)
    assert lua.__enter__() is lua
    assert lua._closed is False
    lua.__exit__(None, None, None)
    assert lua._closed is True
    assert lua._ptr == lua_runner_module.ffi.NULL


def test_globals_persist_between_runs(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        lua.run("counter = 41")
        lua.run("counter = counter + 1")
        lua.run('assert(counter == 42, "globals persist")')


def test_runner_usable_after_error(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        with pytest.raises(QuiverError):
            lua.run('error("first")')
        lua.run('db:create_element("Collection", { label = "after" })')
    assert collections_db.read_scalar_strings("Collection", "label") == ["after"]


def test_error_message_is_the_runner_error(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        with pytest.raises(QuiverError) as info:
            lua.run('error("custom failure", 0)')
    assert str(info.value) == "Lua error: custom failure"


def test_runner_error_also_sets_last_error(collections_db: Database) -> None:
    lib = get_lib()
    lib.quiver_clear_last_error()
    with LuaRunner(collections_db) as lua:
        with pytest.raises(QuiverError):
            lua.run('error("x", 0)')
    assert lua_runner_module.ffi.string(lib.quiver_get_last_error()) == b"Lua error: x"  # D18


def test_run_returns_the_decoded_value(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        assert lua.run("local x = 1") is None
        assert lua.run("return nil") is None
        assert lua.run("return {n = 2, ok = true, list = {1.5, 'x'}, whole = 2.0}") == {
            "n": 2,
            "ok": True,
            "list": [1.5, "x"],
            "whole": 2,
        }
        assert lua.run("return db:describe()") == collections_db.describe()


def test_pcall_sees_library_message(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        lua.run(
            """
            local ok, err = pcall(function() return db:create_element("Nope", { label = "x" }) end)
            assert(not ok)
            assert(err == "Cannot create_element: collection not found: Nope", err)
            """
        )


def test_print_goes_to_stdout(collections_db: Database, capfd: pytest.CaptureFixture[str]) -> None:
    with LuaRunner(collections_db) as lua:
        capfd.readouterr()
        lua.run('print("hello from lua")')
        lua_runner_module_flush()
    assert "hello from lua" in capfd.readouterr().out


def lua_runner_module_flush() -> None:
    from quiverdb._helpers import flush_c_stdout

    flush_c_stdout()


def test_sandbox_has_no_io_or_os(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        lua.run("assert(io == nil and os == nil and package == nil and debug == nil)")
        lua.run("assert(dofile == nil and loadfile == nil and load ~= nil)")
        lua.run("assert(string and table and math and utf8 and coroutine)")


def test_script_must_be_str(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        with pytest.raises(TypeError) as info:
            lua.run(b"local x = 1")  # type: ignore[arg-type]
        assert str(info.value) == "Cannot run: argument 'script' must be str, got bytes"


def test_unicode_script(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        lua.run('db:create_element("Collection", { label = "ação ✓" })')
    assert collections_db.read_scalar_strings("Collection", "label") == ["ação ✓"]


def test_lua_transaction_helper(collections_db: Database) -> None:
    with LuaRunner(collections_db) as lua:
        with pytest.raises(QuiverError):
            lua.run(
                """
                db:transaction(function(d)
                    d:create_element("Collection", { label = "rolled back" })
                    error("abort", 0)
                end)
                """
            )
        lua.run('db:transaction(function(d) d:create_element("Collection", { label = "kept" }) end)')
    assert collections_db.read_scalar_strings("Collection", "label") == ["kept"]
    assert collections_db.in_transaction() is False


def test_new_on_closed_database_raises(collections_db: Database) -> None:
    collections_db.close()
    with pytest.raises(QuiverError) as info:
        LuaRunner(collections_db)
    assert str(info.value) == "Database has been closed"


def test_new_requires_database() -> None:
    with pytest.raises(TypeError) as info:
        LuaRunner(None)  # type: ignore[arg-type]
    assert str(info.value) == "Cannot LuaRunner: argument 'db' must be Database, got NoneType"


def test_run_after_database_closed_raises(collections_db: Database) -> None:
    lua = LuaRunner(collections_db)
    collections_db.close()
    with pytest.raises(QuiverError) as info:
        lua.run("local x = 1")
    assert str(info.value) == "Database has been closed"
    lua.close()


def test_del_warns_when_not_closed(collections_db: Database) -> None:
    lua = LuaRunner(collections_db)
    with pytest.warns(ResourceWarning, match="^LuaRunner was not closed explicitly$"):
        del lua
        gc.collect()


def test_del_after_close_does_not_warn(collections_db: Database) -> None:
    lua = LuaRunner(collections_db)
    lua.close()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        del lua
        gc.collect()


def test_runner_keeps_database_alive(tmp_path: Any, collections_schema_path: Any) -> None:
    from quiverdb import LogLevel

    def make_runner() -> LuaRunner:
        db = Database.from_schema(str(tmp_path / "z.db"), str(collections_schema_path), console_level=LogLevel.OFF)
        return LuaRunner(db)

    lua = make_runner()
    gc.collect()
    lua.run('db:create_element("Collection", { label = "alive" })')
    db = lua._db
    assert db.read_scalar_strings("Collection", "label") == ["alive"]
    lua.close()
    db.close()


# ------------------------------------------------------------------------------------ error resolution order


class _FakeLib:
    """Delegates to the real library but makes ``quiver_lua_runner_run`` fail in a chosen way."""

    def __init__(self, runner_error: bytes | None, get_error_status: int, last_error: bytes) -> None:
        self._real = get_lib()
        self._runner_error = runner_error
        self._get_error_status = get_error_status
        self._last_error = last_error
        self._keep: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def quiver_lua_runner_run(self, runner: Any, script: bytes, out_result: Any) -> int:
        return 1

    def quiver_lua_runner_get_error(self, runner: Any, out_error: Any) -> int:
        ffi = lua_runner_module.ffi
        if self._get_error_status == 0:
            if self._runner_error is None:
                out_error[0] = ffi.NULL
            else:
                buffer = ffi.new("char[]", self._runner_error)
                self._keep.append(buffer)
                out_error[0] = buffer
        return self._get_error_status

    def quiver_get_last_error(self) -> Any:
        buffer = lua_runner_module.ffi.new("char[]", self._last_error)
        self._keep.append(buffer)
        return buffer


@pytest.mark.parametrize(
    ("runner_error", "get_error_status", "last_error", "expected"),
    [
        (b"Lua error: from runner", 0, b"global", "Lua error: from runner"),
        (b"", 0, b"Null argument: script", "Null argument: script"),
        (None, 0, b"Null argument: runner", "Null argument: runner"),
        (b"Lua error: ignored", 1, b"from last error", "from last error"),
        (None, 0, b"", "Lua script execution failed"),
        (b"", 1, b"", "Lua script execution failed"),
    ],
)
def test_error_resolution_order(
    collections_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    runner_error: bytes | None,
    get_error_status: int,
    last_error: bytes,
    expected: str,
) -> None:
    with LuaRunner(collections_db) as lua:
        fake = _FakeLib(runner_error, get_error_status, last_error)
        monkeypatch.setattr(lua_runner_module, "get_lib", lambda: fake)
        with pytest.raises(QuiverError) as info:
            lua.run("local x = 1")
        assert str(info.value) == expected
        monkeypatch.undo()
