"""Entry point of the frozen Précis (PyInstaller): the same as the `precis` command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
