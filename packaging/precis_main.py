"""Entry point of the frozen Précis (PyInstaller): the same as the `precis` command.

Both programs of the frozen folder start here: `precis` (console) and `precis-gui` (windowed: on
Windows it has no console, so Python gives it no stdout or stderr).
"""

import os
import sys

from desktop.cli import main

if __name__ == "__main__":
    # A windowed program on Windows has sys.stdout and sys.stderr set to None: a print (or argparse's
    # usage message, or a log line) would then raise. Send them nowhere instead.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
    sys.exit(main())
