"""Dates as the person's locale writes them ("19 Nov 2019", "Nov 19, 2019", "19.11.2019"), the
same in the library list and the reading view. No tkinter."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# The C/POSIX locale says nothing about dates: day, short month, year ("27 Sep 2018"), unambiguous.
FALLBACK_LOCALE = ""
FALLBACK_PATTERN = ("d MMM y", "en")


@lru_cache(maxsize=1)
def date_locale() -> str:
    """The locale dates follow (LC_ALL, LC_TIME, LANG...), read once per process."""
    from babel import default_locale

    name = default_locale("LC_TIME") or ""
    return FALLBACK_LOCALE if not name or name.endswith("POSIX") else name


@lru_cache(maxsize=4096)
def format_day(day: date, locale: str | None = None) -> str:
    from babel.core import UnknownLocaleError
    from babel.dates import format_date

    name = date_locale() if locale is None else locale
    if name:
        try:
            return format_date(day, "medium", locale=name)
        except (UnknownLocaleError, ValueError):
            pass
    return format_date(day, FALLBACK_PATTERN[0], locale=FALLBACK_PATTERN[1])


def display_date(text: str, locale: str | None = None) -> str:
    """An article's date ("2018-09-27", "2018-09-27T10:00:00+00:00") in the locale's medium format;
    a time stamp (the day it was added, in UTC) is shown as the local day. Anything else is kept,
    shortened."""
    text = text or ""
    match = _ISO.match(text)
    if not match:
        return text[:12]
    try:
        if "T" in text[10:11] and len(text) > 19:
            day = datetime.fromisoformat(text).astimezone().date()
        else:
            day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return text[:12]
    return format_day(day, locale)


def warm_up() -> None:
    """Load what formatting a date needs (babel, the time zone, the locale's data) ahead of the first date."""
    try:
        display_date("2000-01-01")
        display_date("2000-01-01T00:00:00+00:00")
    except Exception:  # noqa: BLE001 - a warm-up only: the real call reports its own trouble
        pass
