"""Safe file writing: a temp file in the same folder, then an atomic rename; only regular files are
ever replaced. And file names for people: undecodable bytes shown as a replacement character."""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path

from desktop.core.errors import PrecisError


def write_atomic(path: str | os.PathLike[str], text: str, durable: bool = True) -> Path:
    """Write text so that a crash never leaves a half-written file at path.

    `durable=False` skips the fsync: the rename still makes the change all-or-nothing, and settings
    saved on every click should not wait for the disk on the window's thread."""
    target = Path(path)
    refuse_special(target)
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
        refuse_special(target)  # made while we wrote? still never replaced
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise PrecisError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target


def refuse_special(target: Path) -> None:
    """PrecisError unless target is missing or a regular file (a link to one counts): a named pipe,
    a device (/dev/full), a socket or a folder is never replaced by a written file."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise PrecisError(f"{display_name(str(target))}: cannot write ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise PrecisError(f"{display_name(str(target))}: {kind}; Précis only writes or replaces regular files")


def display_name(name: str | bytes) -> str:
    """A file name as people see it: bytes that are not UTF-8 (kept in str names as surrogate
    escapes, the way os.fsdecode keeps them) become U+FFFD, so the name prints and encodes anywhere.

    The name itself is never changed on disk: paths stay str with their escapes (lossless)."""
    if isinstance(name, bytes):
        return name.decode("utf-8", errors="replace")
    if not _SURROGATE.search(name):
        return name
    # Escaped bytes (U+DC80..U+DCFF) go back to bytes, then decode with U+FFFD; any other lone
    # surrogate cannot be shown either.
    return "".join(
        part.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")
        if not _OTHER_SURROGATE.search(part) else _OTHER_SURROGATE.sub("\ufffd", part)
        for part in _SURROGATE_RUN.split(name)
    )


_SURROGATE = re.compile("[\ud800-\udfff]")
_OTHER_SURROGATE = re.compile("[\ud800-\udc7f\udd00-\udfff]")
_SURROGATE_RUN = re.compile("((?:[\udc80-\udcff])+)")


def stored_path(path: str | None) -> str | bytes | None:
    """A path as a database keeps it without loss: text when it is UTF-8, else its bytes (a name
    from an old disk or archive; SQLite keeps a BLOB in any column)."""
    if path is None or not _SURROGATE.search(path):
        return path
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte: shown, not kept
        return display_name(path)


def loaded_path(value: str | bytes | None) -> str | None:
    """stored_path's value back as the str path the file system takes (surrogate escapes)."""
    return os.fsdecode(value) if isinstance(value, bytes) else value
