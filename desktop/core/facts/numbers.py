"""Numbers worth a reader's notice: money, percentages, counts of something ("100,000 people"),
with the phrase that says what happened to what they count."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.facts.dates import DATE
from desktop.core.model import Fact, Sentence

SCALE = r"(?:million|billion|trillion|thousand|hundred|bn|m|k)\b"
# The look-aheads are only fast filters: what follows them starts with a currency sign or a digit,
# or with one of those letters.
NUMBER = re.compile(
    rf"(?=[$£€¥\d])(?:(?P<money>[$£€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?{SCALE})?)"
    rf"|(?P<plain>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)"
    rf"(?P<pscale>\s?(?:%|per\s?cent\b|{SCALE}))?)"
)
NUMBER_WORDS = re.compile(
    r"(?=[TtHhMm])\b(?:(?:[Tt]ens|[Hh]undreds|[Tt]housands|[Mm]illions) of (?:thousands of |millions of )?"
    r"(?![Tt]housands\b|[Mm]illions\b)[a-z]{3,})"
)
_FIGURE = re.compile(r"[$£€¥\d]")
# What a bare number counts: a following noun or a unit (an aside in brackets may stand between).
UNIT_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?([a-z][a-z-]+)")
UNITS = frozenset(
    """
    years year months month weeks week days day hours hour minutes seconds people men women children
    km miles mile metres meters feet ft kg tonnes tons acres points votes seats troops soldiers
    fighters jobs deaths cases per
    """.split()
)
# Where the phrase saying what a number counts stops ("100,000 people | were displaced | after ...").
DETAIL_STOP = frozenset(
    """
    after before since because when while as and but which who whom whose that than from according
    during until unless although though if where whereas so yet or nor with without
    """.split()
)


def _counted(after: str) -> str:
    """The phrase after "100,000 people" that says what happened to them, up to a clause break."""
    out: list[str] = []
    for word in after.split()[:8]:
        bare = word.strip(",.;:!?()“”\"'’‘")
        if not bare or bare.lower() in DETAIL_STOP or re.search(r"\d", bare):
            break
        out.append(bare)
        if bare != word.rstrip("’'”\""):
            break  # punctuation ends the phrase
    return " ".join(out)


def find_numbers(
    body: Sequence[Sentence], stops: frozenset[str], date_matches: Sequence[list[re.Match[str]]] | None = None
) -> list[Fact]:
    """Numbers outside dates; `date_matches` (desktop.core.facts.dates.date_matches) when found already."""
    found: dict[str, Fact] = {}
    for i, s in enumerate(body):
        dates = [m.span() for m in (DATE.finditer(s.text) if date_matches is None else date_matches[i])]
        taken: list[tuple[int, int]] = []
        # Each scan only where what it needs is there ("...s of " for the words, a digit or a
        # currency sign for the figures): most sentences hold neither.
        for m in NUMBER_WORDS.finditer(s.text) if "s of " in s.text else ():
            taken.append(m.span())
            _add_number(found, m.group(0), s.index, _counted(s.text[m.end():]))
        for m in NUMBER.finditer(s.text) if _FIGURE.search(s.text) else ():
            if any(a <= m.start() < b for a, b in [*dates, *taken]):
                continue
            text = m.group(0).strip()
            after = s.text[m.end():]
            detail = ""
            unit = UNIT_AFTER.match(after)
            if m.group("money"):
                if unit and unit.group(1) not in stops:
                    detail = unit.group(1)  # "$10 million reward"
            elif unit and not after.startswith((" (", "(")):
                first = unit.group(1)
                if first in UNITS or (first.endswith("s") and len(first) > 3 and first not in stops
                                       and not first.endswith("ss")):
                    text = f"{text} {first}"
                    detail = _counted(after[unit.end():])
                elif not m.group("pscale") and "," not in text and "." not in text:
                    continue  # a bare small number ("2", "15") says nothing on its own
            elif not m.group("pscale") and "," not in text:
                continue
            _add_number(found, text, s.index, detail)
    return list(found.values())


def _add_number(found: dict[str, Fact], text: str, index: int, detail: str) -> None:
    key = text.lower()
    f = found.get(key)
    if f is None:
        found[key] = Fact("number", text, index, detail)
    else:
        found[key] = Fact("number", f.text, f.sentence, f.detail or detail, f.count + 1)
