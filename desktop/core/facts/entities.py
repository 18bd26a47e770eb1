"""People, organisations and places of a text: mentions -> entities with evidence -> merged facts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.facts.evidence import Entity, clubs_of_a_match_report, name_evidence, vote
from desktop.core.facts.gazetteer import fold, is_place
from desktop.core.facts.mentions import find_mentions, lower_words, skip_name
from desktop.core.facts.merging import initials_match, resolve, skeleton, surname
from desktop.core.facts.tagger import tag_kinds
from desktop.core.facts.vocabulary import ACRONYM, ORDINAL, SPORT_WORDS
from desktop.core.model import Fact, Sentence

_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z0-9&]{1,6})\)")


def find_entities(
    body: Sequence[Sentence], stops: frozenset[str], spans: dict[str, list] | None = None
) -> dict[str, tuple[Fact, ...]]:
    lower = lower_words(body)
    skipped: dict[tuple[str, bool], bool] = {}  # (name, titled) -> skip it: the same for every mention
    mentions = []
    for m in find_mentions(body, stops, lower, spans):
        key = (m.name, bool(m.title))
        if key not in skipped:
            # A capitalised stop word ("Another") is no name; "US" in capitals is.
            skipped[key] = skip_name(*key) or (" " not in m.name and fold(m.name) in stops
                                                and not m.name.isupper())
        if not skipped[key] and not ORDINAL.match(m.prev):  # "the 18th Century"
            mentions.append(m)
    folded = {name: fold(name) for name in {m.name for m in mentions}}  # each name folded once
    # A lone capitalised word at a sentence start counts only if it is seen away from one too.
    seen_inside = {folded[m.name] for m in mentions if not m.at_start}
    # ... or if it is the family name of someone named in full ("Jolani" after "Abu Mohammed al-Jolani").
    surnames = {skeleton(surname(name)) for name in folded if " " in name}
    entities: dict[str, Entity] = {}
    order: list[str] = []
    defined: tuple[int, str] | None = None  # "(NFU)" right after its expansion is no new mention
    for m in mentions:
        key = folded[m.name]
        if defined == (m.sentence, m.name) and m.prev == "(":
            defined = None
            continue
        if m.at_start and len(m.name.split()) == 1 and key not in seen_inside and not (
            is_place(m.name) or ACRONYM.match(m.name) or m.title
            or skeleton(surname(m.name)) in surnames
        ):
            continue
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = Entity(m.name, m.sentence)
            order.append(key)
        entity.count += 1
        vote(entity, m)
        acronym = _ACRONYM_AFTER.match(m.after)
        if acronym and initials_match(acronym.group(1), m.name):
            entity.acronym = acronym.group(1)
            defined = (m.sentence, acronym.group(1))
    kept = [entities[k] for k in order]
    for e in kept:
        name_evidence(e, lower)
    clubs_of_a_match_report(kept, len(SPORT_WORDS & lower) >= 3)
    # A single common word capitalised mid-sentence ("the Rock", "a Federation") is no name unless a
    # title or the gazetteer says so.
    kept = [
        e for e in kept
        if not (len(e.name.split()) == 1 and fold(e.name) in lower and not e.titled
                and not is_place(e.name) and not (ACRONYM.match(e.name) and len(e.name) <= 3))
    ]
    return resolve(kept, lambda alive: tag_kinds(alive, lower))
