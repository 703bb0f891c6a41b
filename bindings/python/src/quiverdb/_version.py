"""The package version: the single source for ``quiverdb.__version__`` and the wheel metadata.

``pyproject.toml`` reads it with scikit-build-core's regex provider; it must equal the C library's
``quiver_version()`` (the ``project(VERSION)`` of the top-level CMakeLists.txt), which the tests check.
"""

__version__ = "0.6.0"
