"""Dates and times of day in a sentence ("March 3, 2024", "Tuesday", "the 1990s", "14:00 GMT")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.model import Fact, Sentence

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# The look-ahead is only a fast filter: every alternative starts with a digit or one of these capitals.
DATE = re.compile(
    rf"(?=[\dJFMASONDTW])\b(?:(?:19|20)\d{{2}}-[01]\d-[0-3]\d(?![\d-])|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?![\d,.]*\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}(?:\s+\d{{4}})?"
    rf"|(?:January|February|March|April|June|July|August|September|October|November|December)"
    rf"\s+\d{{4}}"
    rf"|{DAYS}|(?:1[5-9]|20)\d{{2}}s|(?<![$£€¥\d,.])(?:1[5-9]|20)\d{{2}}(?![\d,]|\.\d)"
    # Times of day: "10:30", "3pm", "9.15 a.m.", optionally with a zone ("14:00 GMT").
    r"|(?<![\d.:])\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
    r"|(?<![\d.:])(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?(?:GMT|UTC|BST|CET|EST|PST|ET|PT))?(?![\d:]))"
    r"(?!\w)"
)
MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
def date_matches(body: Sequence[Sentence]) -> list[list[re.Match[str]]]:
    """The DATE matches of each sentence: found once for the dates and the numbers (which skip them)."""
    return [list(DATE.finditer(s.text)) for s in body]


def find_dates(body: Sequence[Sentence], matches: Sequence[list[re.Match[str]]] | None = None) -> list[Fact]:
    found: dict[str, Fact] = {}
    if matches is None:
        matches = date_matches(body)
    for s, in_sentence in zip(body, matches, strict=True):
        for m in in_sentence:
            text = re.sub(r"\s+", " ", m.group(0)).strip(" ,")
            if text.endswith(".") and not text.endswith(("a.m.", "p.m.")):
                text = text[:-1]
            key = text.lower()
            f = found.get(key)
            found[key] = Fact("date", text, s.index) if f is None else Fact(
                "date", f.text, f.sentence, count=f.count + 1
            )
    return list(found.values())
