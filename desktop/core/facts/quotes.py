"""Quotations and who said them (a person named around the quote, "he"/"she" for the last one named,
or the subject of "said")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.facts.gazetteer import fold
from desktop.core.facts.mentions import name_spans, strip_title
from desktop.core.facts.merging import surname
from desktop.core.facts.vocabulary import PRONOUN, SAY_WORDS
from desktop.core.model import Fact, Sentence

QUOTES = (
    re.compile(r"“([^“”]{3,600})”"),
    re.compile(r'"([^"]{3,600})"'),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘((?:[^‘’]|’(?=\w))+)’(?!\w)"),
)
SUBJECT_SAID = re.compile(
    rf"^\s*(?:[Bb]ut |[Aa]nd )?((?:[\w’'-]+\s+){{0,7}}?[\w’'-]+)\s+(?:has |had |have )?(?:{SAY_WORDS})\b"
)
_OPENINGS = ("“", '"', "‘")  # what each of QUOTES needs to find anything
ACCORDING_TO = re.compile(r"\b[Aa]ccording to ((?:the )?[\w’'-]+(?:\s+[\w’'-]+){0,5})")

def _is_title_case(quote: str) -> bool:
    """A quoted name ("Operation Deterrence of Aggression") is no quotation."""
    words = re.findall(r"[\w’'-]+", quote)
    return 0 < len(words) <= 8 and all(
        w[0].isupper() or (len(w) <= 3 and w.islower()) for w in words
    ) and sum(w[0].isupper() for w in words) >= 2 and not quote.rstrip().endswith((".", "!", "?"))


def find_quotes(
    body: Sequence[Sentence], people: Sequence[Fact], spans: dict[str, list] | None = None
) -> list[Fact]:
    """Each quotation with its speaker; `spans` holds the name spans already found per text."""
    names = {fold(n): p.text for p in people for n in (p.text, *p.variants)}
    surnames = {surname(n): p.text for p in people for n in (p.text, *p.variants)}
    last_person = ""
    out: list[Fact] = []
    seen: set[str] = set()
    memo: dict[str, str | None] = {}  # name span -> the person it names: the same in every sentence
    for s in body:
        mentioned = _people_in(s.text, names, surnames, spans, memo)
        taken: list[tuple[int, int]] = []
        for pattern, opening in zip(QUOTES, _OPENINGS, strict=True):
            if opening not in s.text:
                continue  # no quotation of this kind: the scan is skipped
            for m in pattern.finditer(s.text):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append(m.span())
                quote = m.group(1).strip(" ,")
                if len(quote.split()) < 2 or quote in seen or _is_title_case(quote):
                    continue
                seen.add(quote)
                outside = s.text[: m.start()] + " " + s.text[m.end():]
                out.append(Fact("quote", quote, s.index,
                                detail=_speaker(outside, names, surnames, last_person, memo)))
        if mentioned:
            last_person = mentioned[-1]
    return out


def _speaker(outside: str, names: dict[str, str], surnames: dict[str, str], last: str,
             memo: dict[str, str | None] | None = None) -> str:
    """Who said it: a person named around the quote, "he"/"she" for the last one named, or the
    subject of "said" ("The general command of the armed forces said ...")."""
    in_sentence = _people_in(outside, names, surnames, memo=memo)
    if in_sentence:
        return in_sentence[0]
    if PRONOUN.search(outside) and last:
        return last
    said = SUBJECT_SAID.match(outside)
    if said:
        subject = said.group(1).strip()
        if subject.split()[0].lower() in ("the", "a", "an"):
            subject = subject.split(maxsplit=1)[-1] if " " in subject else ""
        if subject and not PRONOUN.fullmatch(subject) and subject.lower() not in (
            "it", "they", "we", "i", "you"
        ):
            return subject
    according = ACCORDING_TO.search(outside)
    if according:
        return according.group(1)
    return ""


def _people_in(
    text: str, names: dict[str, str], surnames: dict[str, str], spans: dict[str, list] | None = None,
    memo: dict[str, str | None] | None = None,
) -> list[str]:
    """The people named in the text, in order; `memo` keeps each name span's person."""
    found: list[tuple[int, str]] = []
    known = spans.get(text) if spans is not None else None
    if memo is None:
        memo = {}
    for start, span in known if known is not None else name_spans(text):
        if span not in memo:
            words, _ = strip_title(span.split())
            name = " ".join(words)
            memo[span] = names.get(fold(name)) or surnames.get(surname(name)) if name else None
        person = memo[span]
        if person:
            found.append((start, person))
    found.sort()
    return [p for _, p in found]
