"""Exceptions raised by quiverdb."""

from __future__ import annotations


class QuiverError(Exception):
    """An error reported by the Quiver C API (message relayed verbatim) or by the binding itself."""
