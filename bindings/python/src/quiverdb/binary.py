"""quiverdb.binary: binary N-dimensional time-series files and lazy expressions (docs/binary.md).

A file pair ``path.qvr`` (dense little-endian float64) + ``path.toml`` (metadata), byte-compatible
with upstream Quiver. numpy arrays go in and out through the buffer protocol in one C call:

    md = BinaryMetadata.create(initial_datetime="2024-01-01", unit="MW", labels=["a"],
                               dimensions=["stage"], dimension_sizes=[3])
    with BinaryFile.open("out/x", "w", md) as f:
        f.write_array(numpy.arange(3.0))
    (Expression.from_file(BinaryFile.open("out/x")) * 2).save("out/y")

Not part of ``quiverdb.__all__``; import it as ``from quiverdb import binary`` or
``from quiverdb.binary import BinaryFile``.
"""

from __future__ import annotations

from quiverdb._binary_file import BinaryFile, bin_to_csv, csv_to_bin
from quiverdb._binary_metadata import BinaryMetadata, Dimension, TimeFrequency
from quiverdb._expression import Expression, ifelse

__all__ = [
    "BinaryFile",
    "BinaryMetadata",
    "Dimension",
    "Expression",
    "TimeFrequency",
    "bin_to_csv",
    "csv_to_bin",
    "ifelse",
]
