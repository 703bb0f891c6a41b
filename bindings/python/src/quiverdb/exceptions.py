"""Exceptions raised by quiverdb."""

from __future__ import annotations


class QuiverError(Exception):
    """An error reported by the Quiver library, with its message verbatim.

    Messages follow three patterns: ``Cannot {operation}: {reason}``, ``{Entity} not found:
    {identifier}`` and ``Failed to {operation}: {reason}``. The binding raises it itself only for
    a closed ``Database`` or ``LuaRunner``.
    """
