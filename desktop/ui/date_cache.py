"""The person's date format remembered between runs, so the window's first dates need no babel.

Loading babel's date support (its import, the local time zone, the locale's data) costs about 30 ms,
all before the window shows a remembered library. Once babel has formatted a date for the person's
locale, the locale's medium pattern and month abbreviations are kept in the data folder
(date-format.json), keyed by the locale environment variables and babel's data file; the next run
formats with them directly. Only simple patterns (day, month, year and literal text) are kept, and
only after they reproduce babel's own output; anything else always goes through babel.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "date-format.json"
ENV = ("LC_TIME", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LANG")  # what babel.default_locale("LC_TIME") reads
_PART = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+")
PROBES = (date(2019, 11, 19), date(2026, 1, 5), date(2003, 7, 30), date(1999, 2, 1), date(2024, 12, 9))

Formatter = Callable[[date], str]


def _babel_stamp() -> list[int]:
    """Size and time of babel's data file: a babel upgrade makes a remembered format stale."""
    import importlib.util

    spec = importlib.util.find_spec("babel")
    if spec is None or not spec.submodule_search_locations:
        return []
    st = (Path(list(spec.submodule_search_locations)[0]) / "global.dat").stat()
    return [st.st_size, st.st_mtime_ns]


def _key() -> list:
    return [os.environ.get(name, "") for name in ENV] + _babel_stamp()


def _path() -> Path:
    from desktop.library.paths import data_dir

    return data_dir() / FILE_NAME


def compile_pattern(pattern: str, months: list[str]) -> Formatter | None:
    """A formatter for a CLDR date pattern of d, dd, M, MM, MMM, y, yyyy and literal text; None
    for anything else (babel handles it)."""
    if len(months) != 12:
        return None
    parts: list[Callable[[date], str]] = []
    for match in _PART.finditer(pattern):
        token = match.group(0)
        if token.startswith("'"):
            text = token[1:-1].replace("''", "'") if token != "''" else "'"
            parts.append(lambda d, t=text: t)
        elif match.group(1):
            field = {"d": lambda d: str(d.day), "dd": lambda d: f"{d.day:02d}", "M": lambda d: str(d.month),
                     "MM": lambda d: f"{d.month:02d}", "MMM": lambda d: months[d.month - 1],
                     "y": lambda d: str(d.year), "yyyy": lambda d: f"{d.year:04d}"}.get(token)
            if field is None:
                return None
            parts.append(field)
        else:
            parts.append(lambda d, t=token: t)
    if "".join(m.group(0) for m in _PART.finditer(pattern)) != pattern:
        return None  # an unclosed quote: not ours to read
    return lambda d: "".join(part(d) for part in parts)


@lru_cache(maxsize=1)
def remembered() -> Formatter | None:
    """The formatter kept by an earlier run for this locale environment, or None."""
    try:
        obj = json.loads(_path().read_text(encoding="utf-8"))
        if obj.get("key") != _key():
            return None
        return compile_pattern(str(obj["pattern"]), [str(m) for m in obj["months"]])
    except Exception:  # noqa: BLE001 - missing, unreadable or not ours: babel formats instead
        return None


def remember(pattern: str, months: list[str], babel_format: Formatter) -> None:
    """Keep the person's format for the next run, if a simple pattern reproduces babel's dates."""
    fast = compile_pattern(pattern, months)
    try:
        if fast is None or any(fast(d) != babel_format(d) for d in PROBES):
            return
        from desktop.core.files import write_atomic

        write_atomic(_path(), json.dumps({"key": _key(), "pattern": pattern, "months": months},
                                         ensure_ascii=False), durable=False)
    except Exception:  # noqa: BLE001 - only a start-up shortcut: without it babel is loaded as before
        log.debug("the date format was not remembered", exc_info=True)
