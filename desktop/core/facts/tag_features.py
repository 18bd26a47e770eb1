"""Features of one candidate entity for the trained tagger (desktop.core.facts.tagger): what the rules
said (their votes and decision), the name's shape and words, gazetteers, how rare its words are in
English, and the words around its mentions. Each feature is a string, hashed to a row of the weights.
"""

from __future__ import annotations

import re
import zlib

from desktop.core.facts.evidence import Entity, decide, is_event
from desktop.core.facts.gazetteer import (
    fold,
    is_demonym,
    is_given_name,
    is_known_organisation,
    is_place,
    is_region,
)
from desktop.core.facts.vocabulary import ORG_WORDS, PERSON_TITLES, PLACE_WORDS
from desktop.core.facts.wordfreq_table import zipf_table

BITS = 16  # 65,536 hashed rows: enough for a few thousand training entities without many collisions
KINDS = ("person", "organisation", "place", "event")

_SHAPE = (re.compile(r"[A-Z]"), re.compile(r"[a-z]+"), re.compile(r"[0-9]+"))


def shape(word: str) -> str:
    """"Obama" -> "Xx", "U.S." -> "X.X.", "al-Qaida" -> "x-Xx", "G8" -> "X9"."""
    s = _SHAPE[0].sub("X", word)
    s = _SHAPE[1].sub("x", s)
    return _SHAPE[2].sub("9", s)


def _zipf_bin(word: str, table: dict[str, float]) -> str:
    z = table.get(word.lower())
    return "none" if z is None else str(min(int(z), 6))


def entity_features(e: Entity, lower: set[str], rule: str | None = None) -> list[str]:
    """The feature strings of one entity; `rule` is decide(e) when the caller has it already."""
    words = e.name.split()
    first, last = words[0], words[-1]
    table = zipf_table()
    rule = decide(e) if rule is None else rule
    n = len(words)
    f = [
        "bias",
        f"rule={rule}",
        f"n={min(n, 4)}",
        f"count={min(e.count, 3)}",
        f"rule={rule}|n={min(n, 3)}",
        f"shape={'_'.join(shape(w) for w in words[:4])}",
        f"first={fold(first)}",
        f"last={fold(last)}",
        f"name={fold(e.name)}",
        f"suffix={fold(last)[-3:]}",
        f"zipf_first={_zipf_bin(first, table)}",
        f"zipf_last={_zipf_bin(last, table)}",
        f"zipf_last={_zipf_bin(last, table)}|n={min(n, 3)}",
    ]
    for kind in KINDS:
        v = e.votes[kind]
        if v:
            f.append(f"vote_{kind}={min(int(v), 6)}")
    flags = {
        "titled": e.titled, "personal": e.personal, "not_person": e.not_person, "strong": e.strong,
        "plays": e.plays > 0, "acronym": bool(e.acronym), "event": is_event(words),
        "place": is_place(e.name), "region": is_region(e.name), "known_org": is_known_organisation(e.name),
        "given_first": is_given_name(first), "given_any": any(is_given_name(w) for w in words),
        "demonym_any": any(is_demonym(w) for w in words), "place_word": any(is_place(w) for w in words),
        "org_word": any(w.lower() in ORG_WORDS for w in words), "place_last": last.lower() in PLACE_WORDS,
        "title_word": any(w.lower().strip(".") in PERSON_TITLES for w in words),
        "lower_first": fold(first) in lower, "lower_last": fold(last) in lower,
        "dotted": "." in e.name, "hyphen": "-" in e.name, "variants": bool(e.variants),
    }
    f.extend(name for name, on in flags.items() if on)
    if n == 1:
        f.append(f"single|rule={rule}|zipf={_zipf_bin(first, table)}")
    f.extend(sorted({c for mention in e.context for c in context_features(*mention)}))
    return f


_NEXT = re.compile(r"\s*([\w’'-]+|[^\w\s])?\s*([\w’'-]+|[^\w\s])?")


def context_features(prev2: str, prev: str, after: str, at_start: bool) -> tuple[str, ...]:
    """The words around one mention: one and two before, one and two after, and a sentence start."""
    m = _NEXT.match(after)
    n1 = (m.group(1) or "").lower() if m else ""
    n2 = (m.group(2) or "").lower() if m else ""
    out = (f"prev={prev}", f"prev2={prev2} {prev}", f"next={n1}", f"next2={n1} {n2}",
           f"around={prev} _ {n1}")
    return (*out, "start") if at_start else out


def hashed(features: list[str]) -> list[int]:
    """Stable row ids (crc32, not Python's salted hash) of the feature strings."""
    mask = (1 << BITS) - 1
    return [zlib.crc32(s.encode("utf-8")) & mask for s in features]
