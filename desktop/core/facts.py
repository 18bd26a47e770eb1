"""Key facts (people, organisations, places, numbers, dates, quotes, keywords), each tied to a sentence."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from desktop.core.model import Fact, Facts, Sentence
from desktop.core.stopwords import stop_words

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|{_DAYS}"
    rf"|(?:19|20)\d{{2}}s?)\b"
)
_NUMBER = re.compile(
    r"(?:[$£€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|m|k))?"
    r"|\b\d[\d,]*(?:\.\d+)?%?(?:\s?(?:million|billion|trillion|thousand|hundred))?"
    r"(?:\s(?:[a-z]+(?:\s[a-z]+)?))?)"
)
_QUOTE = re.compile(r"[“\"]([^”\"]{12,400})[”\"]")
_CAPS = re.compile(
    r"\b(?:[A-Z][\w’'-]+|al-[A-Z][\w-]+)(?:\s+(?:(?:al|bin|de|of|the|van|von)[- ]?)?"
    r"(?:[A-Z][\w’'-]+))*"
)
_PERSON_TITLES = {"mr", "mrs", "ms", "dr", "president", "prof", "minister", "general", "gen"}


def extract_facts(sentences: Sequence[Sentence], language: str = "english") -> Facts:
    body = [s for s in sentences if s.kind in ("body", "caption")]
    people: dict[str, Fact] = {}
    orgs: dict[str, Fact] = {}
    places: dict[str, Fact] = {}
    numbers: list[Fact] = []
    dates: list[Fact] = []
    quotes: list[Fact] = []
    for s in body:
        for m in _DATE.finditer(s.text):
            dates.append(Fact("date", m.group(0), s.index))
        for m in _NUMBER.finditer(s.text):
            text = m.group(0).strip()
            if _DATE.fullmatch(text.split(" ")[0]) or len(text) < 2:
                continue
            numbers.append(Fact("number", text, s.index))
        for m in _QUOTE.finditer(s.text):
            quotes.append(Fact("quote", m.group(1).strip(), s.index))
        for m in _CAPS.finditer(s.text):
            name = m.group(0)
            if m.start() == 0 and " " not in name:
                continue
            target = places if _is_place(name) else people if _is_person(name, s.text) else orgs
            if name not in target:
                target[name] = Fact("entity", name, s.index)
    return Facts(
        people=tuple(Fact("person", f.text, f.sentence) for f in people.values()),
        organisations=tuple(Fact("organisation", f.text, f.sentence) for f in orgs.values()),
        places=tuple(Fact("place", f.text, f.sentence) for f in places.values()),
        numbers=tuple(_unique(numbers)),
        dates=tuple(_unique(dates)),
        quotes=tuple(_unique(quotes)),
        keywords=tuple(_keywords(body, language)),
    )


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: set[str] = set()
    out = []
    for f in facts:
        if f.text not in seen:
            seen.add(f.text)
            out.append(f)
    return out


def _is_place(name: str) -> bool:
    try:
        import pycountry

        pycountry.countries.lookup(name)
        return True
    except (LookupError, ImportError):
        return False


def _is_person(name: str, sentence: str) -> bool:
    before = sentence[: sentence.find(name)].split()
    return bool(before) and before[-1].lower().strip(".") in _PERSON_TITLES


def _keywords(body: Sequence[Sentence], language: str, top: int = 10) -> list[Fact]:
    stops = stop_words(language)
    counts: Counter[str] = Counter()
    first: dict[str, int] = defaultdict(int)
    for s in body:
        for w in re.findall(r"[a-zA-Z][a-zA-Z-]{3,}", s.text):
            lw = w.lower()
            if lw in stops:
                continue
            if lw not in counts:
                first[lw] = s.index
            counts[lw] += 1
    return [Fact("keyword", w, first[w], count=c) for w, c in counts.most_common(top) if c > 1]
