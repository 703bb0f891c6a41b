"""``Expression`` and ``ifelse`` of ``quiverdb.binary``: lazy expressions over binary files (binary.md §5, §8).

Every operation builds a new native expression (the DAG is shared inside the library, so closing
an operand never invalidates a result); nothing is computed until ``save``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Union

from quiverdb._binary_file import BinaryFile
from quiverdb._binary_metadata import BinaryMetadata
from quiverdb._c_api import ffi, get_lib
from quiverdb._handle import NativeHandle
from quiverdb._helpers import check, require_str, type_name

Operand = Union["Expression", BinaryFile, float, int]

_BINARY = {"add": 0, "sub": 1, "mul": 2, "div": 3, "gt": 4, "lt": 5, "ge": 6, "le": 7, "eq": 8, "ne": 9, "and": 10, "or": 11}
_UNARY = {"neg": 0, "abs": 1, "sqrt": 2, "log": 3, "exp": 4, "not": 5}
_AGGREGATE = {"sum": 0, "mean": 1, "min": 2, "max": 3, "percentile": 4}


def _wrap(call: Any, *args: Any) -> Expression:
    out = ffi.new("quiver_expression_t**")
    check(call(*args, out))
    return Expression(out[0])


def _as_expression(op: str, value: object) -> Expression | None:
    if isinstance(value, Expression):
        return value
    if isinstance(value, BinaryFile):
        return Expression.from_file(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return None
    raise TypeError(f"Cannot {op}: operand must be Expression, BinaryFile or float, got {type_name(value)}")


def _binary(name: str, lhs: object, rhs: object) -> Expression:
    lib = get_lib()
    code = _BINARY[name]
    left = _as_expression("apply", lhs)
    right = _as_expression("apply", rhs)
    if left is not None and right is not None:
        return _wrap(lib.quiver_expression_apply, code, left._get("apply"), right._get("apply"))
    if left is not None:
        return _wrap(lib.quiver_expression_apply_scalar_right, code, left._get("apply"), float(rhs))  # type: ignore[arg-type]
    if right is not None:
        return _wrap(lib.quiver_expression_apply_scalar_left, code, float(lhs), right._get("apply"))  # type: ignore[arg-type]
    raise TypeError("Cannot apply: at least one operand must be an Expression or a BinaryFile")


def _parameter(op: str, parameter: object) -> Any:
    if parameter is None:
        return ffi.NULL
    if not isinstance(parameter, (int, float)) or isinstance(parameter, bool):
        raise TypeError(f"Cannot {op}: argument 'parameter' must be float, got {type_name(parameter)}")
    return ffi.new("double*", float(parameter))


def _operation(op: str, name: object) -> int:
    if not isinstance(name, str):
        raise TypeError(f"Cannot {op}: argument 'op' must be str, got {type_name(name)}")
    if name not in _AGGREGATE:
        raise ValueError(f"Cannot {op}: unknown operation '{name}'")
    return _AGGREGATE[name]


def _strings(op: str, name: str, values: object) -> tuple[Any, list[Any]]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise TypeError(f"Cannot {op}: argument '{name}' must be a sequence of str, got {type_name(values)}")
    keep = [ffi.new("char[]", require_str(op, name, v)) for v in values]
    return (ffi.new("const char*[]", keep) if keep else ffi.NULL), keep


class Expression(NativeHandle):
    """A lazy expression over binary files (owns a ``quiver_expression_t``).

    Operators: ``+ - * /`` (Expression, BinaryFile or float on either side), unary ``-``,
    ``< <= > >=`` (1.0/0.0 masks), ``& | ~`` (logic). ``==``/``!=`` stay identity-based so
    expressions remain hashable; use ``eq``/``ne`` for element-wise equality.
    """

    def __init__(self, ptr: Any) -> None:
        self._ptr = ptr

    @staticmethod
    def from_file(file: BinaryFile) -> Expression:
        """Start an expression from a binary file (only its path is used; it may be closed).

        Raises:
            TypeError: ``file`` is not a ``BinaryFile``.
            QuiverError: The file's sidecar cannot be read.
        """
        if not isinstance(file, BinaryFile):
            raise TypeError(f"Cannot from_file: argument 'file' must be BinaryFile, got {type_name(file)}")
        lib = get_lib()
        raw = require_str("from_file", "path", file.path())
        handle = ffi.new("quiver_binary_file_t**")
        check(lib.quiver_binary_file_create(raw, handle))
        try:
            return _wrap(lib.quiver_expression_from_file, handle[0])
        finally:
            lib.quiver_binary_file_close(handle[0])

    def _get(self, op: str) -> Any:
        if self._ptr == ffi.NULL:
            raise ValueError(f"Cannot {op}: the expression is closed")
        return self._ptr

    def save(self, path: str) -> None:
        """Stream the result into ``path.qvr`` + ``path.toml`` (replaced atomically).

        Raises:
            TypeError: ``path`` is not a ``str``.
            QuiverError: The output collides with an input, an input is open for writing, or I/O fails.
        """
        raw = require_str("save", "path", path)
        check(get_lib().quiver_expression_save(self._get("save"), raw))

    def metadata(self) -> BinaryMetadata:
        """Return the result's metadata (a copy)."""
        out = ffi.new("quiver_binary_metadata_t**")
        check(get_lib().quiver_expression_get_metadata(self._get("metadata"), out))
        return BinaryMetadata(out[0])

    def aggregate(self, dimension: str, op: str, parameter: float | None = None) -> Expression:
        """Reduce ``dimension`` with ``op`` (sum, mean, min, max, percentile with ``parameter`` in [0, 1]).

        Raises:
            TypeError: Wrong argument types.
            ValueError: Unknown operation.
            QuiverError: Unknown dimension or invalid parameter.
        """
        raw = require_str("aggregate", "dimension", dimension)
        code = _operation("aggregate", op)
        return _wrap(get_lib().quiver_expression_aggregate, self._get("aggregate"), raw, code, _parameter("aggregate", parameter))

    def aggregate_agents(self, op: str, parameter: float | None = None) -> Expression:
        """Reduce across labels into one label named after ``op``.

        Raises:
            TypeError: Wrong argument types.
            ValueError: Unknown operation.
            QuiverError: Invalid parameter.
        """
        code = _operation("aggregate_agents", op)
        return _wrap(get_lib().quiver_expression_aggregate_agents, self._get("aggregate_agents"), code,
                     _parameter("aggregate_agents", parameter))

    def select_agents(self, labels: Sequence[str]) -> Expression:
        """Keep the given labels, in the given order.

        Raises:
            TypeError: ``labels`` is not a sequence of str.
            QuiverError: A label does not exist, or labels repeat.
        """
        array, _keep = _strings("select_agents", "labels", labels)
        return _wrap(get_lib().quiver_expression_select_agents, self._get("select_agents"), array, len(labels))

    def rename_agents(self, mapping: Mapping[str, str]) -> Expression:
        """Rename labels (``{old: new}``, partial; swaps allowed).

        Raises:
            TypeError: ``mapping`` is not a dict of str to str.
            QuiverError: A key is not a label, or the result has duplicate labels.
        """
        if not isinstance(mapping, Mapping):
            raise TypeError(f"Cannot rename_agents: argument 'mapping' must be dict, got {type_name(mapping)}")
        old, keep_old = _strings("rename_agents", "mapping key", list(mapping.keys()))
        new, keep_new = _strings("rename_agents", "mapping value", list(mapping.values()))
        return _wrap(get_lib().quiver_expression_rename_agents, self._get("rename_agents"), old, new, len(mapping))

    def _unary(self, name: str) -> Expression:
        return _wrap(get_lib().quiver_expression_apply_unary, _UNARY[name], self._get("apply"))

    def abs(self) -> Expression:
        """Element-wise absolute value."""
        return self._unary("abs")

    def sqrt(self) -> Expression:
        """Element-wise square root (NaN for negative values)."""
        return self._unary("sqrt")

    def log(self) -> Expression:
        """Element-wise natural logarithm."""
        return self._unary("log")

    def exp(self) -> Expression:
        """Element-wise exponential."""
        return self._unary("exp")

    def eq(self, other: Operand) -> Expression:
        """Element-wise ``==`` as a 1.0/0.0 mask."""
        return _binary("eq", self, other)

    def ne(self, other: Operand) -> Expression:
        """Element-wise ``!=`` as a 1.0/0.0 mask."""
        return _binary("ne", self, other)

    def __add__(self, other: Operand) -> Expression:
        return _binary("add", self, other)

    def __radd__(self, other: Operand) -> Expression:
        return _binary("add", other, self)

    def __sub__(self, other: Operand) -> Expression:
        return _binary("sub", self, other)

    def __rsub__(self, other: Operand) -> Expression:
        return _binary("sub", other, self)

    def __mul__(self, other: Operand) -> Expression:
        return _binary("mul", self, other)

    def __rmul__(self, other: Operand) -> Expression:
        return _binary("mul", other, self)

    def __truediv__(self, other: Operand) -> Expression:
        return _binary("div", self, other)

    def __rtruediv__(self, other: Operand) -> Expression:
        return _binary("div", other, self)

    def __gt__(self, other: Operand) -> Expression:
        return _binary("gt", self, other)

    def __lt__(self, other: Operand) -> Expression:
        return _binary("lt", self, other)

    def __ge__(self, other: Operand) -> Expression:
        return _binary("ge", self, other)

    def __le__(self, other: Operand) -> Expression:
        return _binary("le", self, other)

    def __and__(self, other: Operand) -> Expression:
        return _binary("and", self, other)

    def __rand__(self, other: Operand) -> Expression:
        return _binary("and", other, self)

    def __or__(self, other: Operand) -> Expression:
        return _binary("or", self, other)

    def __ror__(self, other: Operand) -> Expression:
        return _binary("or", other, self)

    def __neg__(self) -> Expression:
        return self._unary("neg")

    def __invert__(self) -> Expression:
        return self._unary("not")

    def close(self) -> None:
        """Release the native expression (idempotent; results built from it stay valid)."""
        self._release(get_lib().quiver_expression_close)

    __hash__ = object.__hash__


def ifelse(condition: Expression | BinaryFile, then_value: Operand, else_value: Operand) -> Expression:
    """``condition != 0 ? then_value : else_value`` element-wise (floats allowed for the branches).

    Raises:
        TypeError: An operand has the wrong type.
        QuiverError: The operands do not broadcast or their units differ.
    """
    cond = _as_expression("ifelse", condition)
    if cond is None:
        raise TypeError(f"Cannot ifelse: argument 'condition' must be Expression or BinaryFile, got {type_name(condition)}")
    lib = get_lib()

    then_expr = _as_expression("ifelse", then_value)
    else_expr = _as_expression("ifelse", else_value)
    # A number takes the other branch's metadata (or the condition's), like C++ ifelse (B17).
    if then_expr is None:
        like = else_expr if else_expr is not None else cond
        then_expr = _wrap(lib.quiver_expression_scalar, float(then_value), like._get("ifelse"))  # type: ignore[arg-type]
    if else_expr is None:
        else_expr = _wrap(lib.quiver_expression_scalar, float(else_value), then_expr._get("ifelse"))  # type: ignore[arg-type]
    return _wrap(lib.quiver_expression_apply_ternary, 0, cond._get("ifelse"), then_expr._get("ifelse"), else_expr._get("ifelse"))
