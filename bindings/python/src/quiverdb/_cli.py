"""The ``quiver_cli`` console command of the wheel: runs the bundled ``quiver_cli`` executable.

The wheel ships the native executable in ``quiverdb/_bin`` (next to the DLLs in ``_libs`` on
Windows); ``pip`` installs this module's ``main`` as the ``quiver_cli`` command. Arguments, exit
code, stdout and stderr are the executable's own (see ``docs/cli.md``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_IS_WINDOWS = sys.platform == "win32"
EXECUTABLE = _PACKAGE_DIR / ("_libs/quiver_cli.exe" if _IS_WINDOWS else "_bin/quiver_cli")


def main() -> int:
    """Run the bundled ``quiver_cli`` with this process's arguments.

    On POSIX the process is replaced (``execv``), so signals and the exit code are the
    executable's. Returns (Windows) or exits with the executable's exit code.

    Raises:
        SystemExit: with code 1 and a message on stderr when the executable is missing (a
            source install without the native build).
    """
    if not EXECUTABLE.is_file():
        print(f"quiver_cli: Cannot run: executable not found: {EXECUTABLE}", file=sys.stderr)
        raise SystemExit(1)
    args = [str(EXECUTABLE), *sys.argv[1:]]
    if _IS_WINDOWS:
        return subprocess.call(args)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(args[0], args)


if __name__ == "__main__":
    sys.exit(main())
