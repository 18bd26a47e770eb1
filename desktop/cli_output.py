"""What every `precis` command prints: one JSON object per line, and errors as one `precis: error:` line.

Both the file commands (cli.py) and the library commands (cli_library.py) use it, so neither imports
the other for it.
"""

from __future__ import annotations

import json
import sys

from desktop.core.files import display_name


def emit(obj: dict) -> None:
    """One JSON object on one line of stdout."""
    # A file name may hold bytes that are not UTF-8 (surrogate escapes): shown as U+FFFD, so the line
    # encodes on any stdout.
    print(display_name(json.dumps(obj, ensure_ascii=False)))


def fail(message: str) -> None:
    """The error line on stderr; always one line, since a file name may hold a newline."""
    one_line = display_name(message).replace("\r", "\\r").replace("\n", "\\n")
    print(f"precis: error: {one_line}", file=sys.stderr)
