"""Datelines: the place (and date, and agency) a news story was filed from, as it opens the story
("LONDON 1996-08-30", "WASHINGTON (Reuters) -", "BEIRUT, Lebanon (AP) —")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.facts.dates import MONTHS
from desktop.core.facts.gazetteer import is_place, is_region

# A place in capitals (the rest of a dateline may follow: a region, a date, an agency), then a dash
# or the end of the line.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][\w.]+(?: [A-Z][\w.]+)?))?"
    rf"(?:,?\s+(?P<date>\d{{4}}-\d{{2}}-\d{{2}}|{MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?"
    r"\s*(?:\((?P<agency>[A-Z][\w .&/-]{0,30})\))?"
    r"\s*(?:(?P<dash>[-–—]+|:)\s*|$)"
)


@dataclass(frozen=True)
class Dateline:
    place: str  # "Washington", as a reader writes it
    date: str = ""
    agency: str = ""
    end: int = 0  # where the story proper starts in the text
    sentence: int = 0


def find_dateline(text: str, whole: bool) -> Dateline | None:
    """The dateline opening `text`, or None. `whole`: the line is nothing but the dateline (a line the
    cleaner removed); otherwise it must end in a dash or colon before the story goes on."""
    m = _DATELINE.match(text)
    if m is None or len(m.group("place").replace(".", "")) < 3:
        return None
    if whole and m.end() != len(text) or not whole and (not m.group("dash") or m.end() >= len(text)):
        return None
    place = " ".join(w.capitalize() if len(w) > 2 else w for w in m.group("place").split())
    # "UPDATE:" or "BREAKING NEWS -" open a story too: a known place, a date or an agency says
    # it is a dateline.
    if not (m.group("date") or m.group("agency") or is_place(place) or is_region(place)):
        return None
    return Dateline(place, (m.group("date") or "").strip(), m.group("agency") or "", m.end())
