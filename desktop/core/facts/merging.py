"""Merging the mentions of one entity: acronyms with their expansion, surnames with full names,
respellings, "X" with "X Sea"; then the people, organisations and places, most mentioned first."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from desktop.core.facts.evidence import Entity, decide
from desktop.core.facts.gazetteer import fold, is_given_name, is_place, is_region
from desktop.core.facts.vocabulary import ACRONYM, GROUP_ENDS, PLACE_FEATURES, TITLE_INDEX
from desktop.core.model import Fact

_WORD_BREAKS = re.compile(r"[\s-]+")
_SURNAME_PREFIX = re.compile(r"^(?:al|el|bin|ibn)-")
_VOWELS = re.compile(r"[aeiouwyh'’-]")


def initials_match(acronym: str, name: str) -> bool:
    parts = [p for p in _WORD_BREAKS.split(name) if p and p[0].isupper()]
    initials = "".join(p[0] for p in parts)
    return initials.upper() == acronym.upper() or initials.upper().startswith(acronym.upper())


@lru_cache(maxsize=8192)
def surname(name: str) -> str:
    last = name.split()[-1]
    return _SURNAME_PREFIX.sub("", fold(last))


def skeleton(word: str) -> str:
    """Consonants only: transliterations differ in vowels and w/y/h ("Jolani" / "Jawlani")."""
    return _VOWELS.sub("", word)


def same_surname(a: str, b: str) -> bool:
    sa, sb = surname(a), surname(b)
    if sa == sb:
        return True
    return len(sa) >= 5 and len(sb) >= 5 and skeleton(sa) == skeleton(sb) and sa[0] == sb[0]


def _surname_keys(name: str) -> list[tuple[str, str]]:
    """Index keys under which same_surname() can be true: the surname itself, and for surnames of five
    letters or more their skeleton with the first letter."""
    s = surname(name)
    keys = [("s", s)]
    if len(s) >= 5:
        keys.append(("k", s[0] + skeleton(s)))
    return keys


class _SurnameIndex:
    """Candidates that may share a surname with a name, in the order they were added: looking them up
    instead of comparing every pair keeps a long article's merging linear."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.at: dict[tuple[str, str], list[int]] = {}
        for i, e in enumerate(entities):
            for key in _surname_keys(e.name):
                self.at.setdefault(key, []).append(i)

    def candidates(self, name: str, before: int | None = None) -> list[Entity]:
        found = sorted({i for key in _surname_keys(name) for i in self.at.get(key, ())})
        return [self.entities[i] for i in found if before is None or i < before]


def resolve(
    entities: list[Entity], decide_all: Callable[[list[Entity]], list[str]] | None = None,
) -> dict[str, tuple[Fact, ...]]:
    """{"person": ..., "organisation": ..., "place": ..., "event": ...}, most mentioned first.
    `decide_all` gives the kinds of all entities at once (the trained tagger); by default, the rules."""
    alive = list(entities)
    by_key = {fold(e.name): e for e in alive}
    gone: set[int] = set()

    def merge(into: Entity, other: Entity) -> None:
        into.absorb(other)
        gone.add(id(other))

    # Acronyms join their expansion: "HTS" + "Hayat Tahrir al-Sham" -> HTS, with the full name.
    for e in alive:
        if e.acronym:
            short = by_key.get(fold(e.acronym))
            e.votes["organisation"] += 4
            e.strong = True
            if short is not None and short is not e:
                short.absorb(e)
                short.votes["organisation"] += 4
                short.detail = e.name
                short.strong = True
                gone.add(id(e))
            else:
                e.detail = e.acronym
    alive = [e for e in alive if id(e) not in gone]
    _acronyms_meet_expansions(alive, merge)
    alive = [e for e in alive if id(e) not in gone]
    multi = [e for e in alive if len(e.name.split()) > 1]
    by_surname = _SurnameIndex(multi)
    by_head: dict[str, list[Entity]] = {}
    for m in multi:
        by_head.setdefault(m.name.split()[0], []).append(m)
    # A lone word that ends a longer name is that name's surname ("Straw" -> "Jack Straw"); one that
    # starts it is an organisation's short name ("Tate" -> "Tate Gallery").
    for e in alive:
        if len(e.name.split()) != 1 or id(e) in gone or is_place(e.name):
            continue
        tails = [m for m in by_surname.candidates(e.name) if id(m) not in gone
                 and same_surname(m.name, e.name) and not m.strong]
        heads = [m for m in by_head.get(e.name, ()) if id(m) not in gone]
        if tails:
            target = min(tails, key=lambda m: m.sentence)
            target.votes["person"] += 2
            target.personal = True  # named in full and then by the family name alone
            merge(target, e)
        elif len(heads) == 1 and (decide(heads[0]) != "person" or e.titled
                                  or is_given_name(e.name)) and not (
            is_region(e.name) or heads[0].name.split()[-1].lower() in GROUP_ENDS
        ):  # "Virginia" is no short name of "Virginia Democrats"
            merge(heads[0], e)
    alive = [e for e in alive if id(e) not in gone]
    for e, kind in zip(alive, decide_all(alive) if decide_all else map(decide, alive), strict=True):
        e.kind = kind
    # People: a lone surname or a respelling joins the fullest name it matches.
    people = sorted((e for e in alive if e.kind == "person"),
                    key=lambda e: (-len(e.name.split()), e.sentence))
    people_index = _SurnameIndex(people)
    for i, e in enumerate(people):
        if id(e) in gone:
            continue
        n = len(e.name.split())
        for target in people_index.candidates(e.name, before=i):
            if id(target) in gone or not same_surname(e.name, target.name):
                continue
            m = len(target.name.split())
            if n == m and surname(e.name) == surname(target.name):
                continue  # two people sharing a family name ("Bashar" and "Hafez al-Assad")
            if n > 1 and e.name.split()[0] != target.name.split()[0] and fold(e.name) not in fold(
                target.name
            ):
                continue  # "Hafez al-Assad" is no respelling of "Abu Mohammed al-Assad"
            merge(target, e)
            break
    # Places: "Mediterranean" is the "Mediterranean Sea" already listed.
    places = [e for e in alive if e.kind == "place" and id(e) not in gone]
    featured: dict[str, list[Entity]] = {}  # "X Sea", "X River"... by X, in list order
    for target in places:
        words = target.name.split()
        if len(words) == 2 and words[1].lower() in PLACE_FEATURES:
            featured.setdefault(words[0], []).append(target)
    for e in places:
        for target in featured.get(e.name, ()):
            if target is not e and id(target) not in gone:
                merge(target, e)
                break
    groups: dict[str, list[Fact]] = {"person": [], "organisation": [], "place": [], "event": []}
    kept = sorted((e for e in alive if id(e) not in gone and e.kind),
                  key=lambda e: (-e.count, e.sentence))
    for e in kept:
        groups[e.kind].append(
            Fact(e.kind, e.name, 0 if e.sentence == TITLE_INDEX else e.sentence, detail=e.detail, count=e.count,
                 variants=tuple(sorted(e.variants)))
        )
    return {kind: tuple(facts) for kind, facts in groups.items()}


def _acronyms_meet_expansions(alive: list[Entity], merge: Callable[[Entity, Entity], None]) -> None:
    """An acronym and a name whose initials spell it are one entity, wherever each stands ("IMF" and
    "International Monetary Fund"): shown as the acronym, the expansion as its detail."""
    expansions: dict[str, list[Entity]] = {}
    for e in alive:
        words = [w for w in _WORD_BREAKS.split(e.name) if w and w[0].isupper()]
        if len(words) >= 2 and len(e.name.split()) >= 2:
            expansions.setdefault("".join(w[0] for w in words).upper(), []).append(e)
    for e in alive:
        short = e.name.replace(".", "")
        found = expansions.get(short) if ACRONYM.match(short) and " " not in e.name else None
        if found and len(found) == 1 and found[0] is not e:
            long = found[0]
            merge(e, long)
            e.detail = long.name
            e.strong = True
