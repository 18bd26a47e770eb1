"""Safe file writing: a temp file in the same folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from desktop.core.errors import PrecisError


def write_atomic(path: str | os.PathLike[str], text: str, durable: bool = True) -> Path:
    """Write text so that a crash never leaves a half-written file at path.

    `durable=False` skips the fsync: the rename still makes the change all-or-nothing, and settings
    saved on every click should not wait for the disk on the window's thread."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except FileNotFoundError:
        raise PrecisError(f"{target.parent}: no such folder") from None
    except OSError as exc:
        raise PrecisError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise PrecisError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target
