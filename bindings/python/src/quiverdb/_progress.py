"""Optional progress bars for long calls (``progress=True``): tqdm when installed, silently none otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from quiverdb._helpers import type_name


@contextmanager
def progress_bar(enabled: object, total: int, description: str) -> Iterator[Any]:
    """A ``tqdm`` bar when ``enabled`` and tqdm is installed, else ``None`` (no output, no error)."""
    if not isinstance(enabled, bool):
        raise TypeError(f"Cannot {description.split()[0]}: argument 'progress' must be bool, got {type_name(enabled)}")
    bar = None
    if enabled:
        try:
            from tqdm.auto import tqdm
        except ImportError:
            tqdm = None
        if tqdm is not None:
            bar = tqdm(total=total, desc=description, unit="row")
    try:
        yield bar
    finally:
        if bar is not None:
            bar.close()
