"""Tables and lists that are the article: when most of a document is short rows (results, tallies,
schedules), the rows are its content, not a menu or a box of links, and are kept as body lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.clean.region import Unit

_ROW_WORDS = 15  # a row of a table or an item of a list is short
_MIN_ROWS = 3
_SHARE = 0.4  # of all words, in rows, for the document to be mostly tabular
_ROW = re.compile(r"\d|^\s*(?:[-*•·–]|\(?[a-z0-9]{1,2}[.)])\s")
# What is never restored, table or not.
_NEVER = frozenset({"duplicate", "hash", "cookie", "share", "promo"})


def _is_row(unit: Unit) -> bool:
    return 0 < unit.tokens <= _ROW_WORDS and bool(_ROW.search(unit.text))


def keep_tables(units: Sequence[Unit]) -> None:
    """Restore the runs of rows (with the header line above each) of a mostly tabular document."""
    total = sum(u.tokens for u in units)
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and _is_row(units[j]):
            j += 1
        if j - i >= _MIN_ROWS:
            runs.append((i, j))
        i = max(j, i + 1)
    in_rows = sum(u.tokens for a, b in runs for u in units[a:b])
    if not total or in_rows < _SHARE * total:
        return
    for a, b in runs:
        # A short line just above the rows is their header ("Candidate Party Votes").
        start = a - 1 if a > 0 and 0 < units[a - 1].tokens <= _ROW_WORDS else a
        for u in units[start:b]:
            if u.reason is not None and u.reason not in _NEVER:
                u.reason = None
                u.kind = "body"
                u.notes.append("table")
