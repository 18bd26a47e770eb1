"""What every `precis` command prints: one JSON object per line, and errors as one `precis: error:` line.

Both the file commands (cli.py) and the library commands (cli_library.py) use it, so neither imports
the other for it.
"""

from __future__ import annotations

import json
import sys


def emit(obj: dict) -> None:
    """One JSON object on one line of stdout."""
    print(json.dumps(obj, ensure_ascii=False))


def fail(message: str) -> None:
    """The error line on stderr; always one line, since a file name may hold a newline."""
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"precis: error: {one_line}", file=sys.stderr)
