"""Dates as the person's locale writes them ("19 Nov 2019", "Nov 19, 2019", "19.11.2019"), the
same in the library list and the reading view. No tkinter."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from desktop.ui.date_cache import remember, remembered

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
    if locale is None:  # the person's locale: as an earlier run remembered it, without loading babel
        fast = remembered()
        if fast is not None:
            return fast(day)
    from babel.core import UnknownLocaleError
    from babel.dates import format_date

    name = date_locale() if locale is None else locale
    if name:
        try:
            text = format_date(day, "medium", locale=name)
        except (UnknownLocaleError, ValueError):
            pass
        else:
            if locale is None:
                _remember(name)
            return text
    if locale is None:
        _remember("")
    return format_date(day, FALLBACK_PATTERN[0], locale=FALLBACK_PATTERN[1])


@lru_cache(maxsize=1)
def _remember(name: str) -> None:
    """Keep the person's medium pattern and month abbreviations for the next run (date_cache.py)."""
    from babel.core import Locale
    from babel.dates import format_date

    if name:
        locale, pattern = Locale.parse(name), Locale.parse(name).date_formats["medium"].pattern
        babel_format = lambda d: format_date(d, "medium", locale=name)  # noqa: E731
    else:
        locale, pattern = Locale.parse(FALLBACK_PATTERN[1]), FALLBACK_PATTERN[0]
        babel_format = lambda d: format_date(d, FALLBACK_PATTERN[0], locale=FALLBACK_PATTERN[1])  # noqa: E731
    months = locale.months["format"]["abbreviated"]
    remember(pattern, [months[m] for m in range(1, 13)], babel_format)


def load_format() -> None:
    """Load the person's date format now (babel, when no earlier run remembered it): in a worker,
    before the window lists its first article, whose dates would otherwise load it on the Tk thread."""
    format_day(date.today())


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

