"""Evidence for what an entity is (person, organisation or place): from each mention's context and from
the name itself; the kind is decided only when the evidence says enough."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.facts.gazetteer import fold, is_demonym, is_given_name, is_known_organisation, is_place, is_region
from desktop.core.facts.mentions import Mention, has_org_word
from desktop.core.facts.vocabulary import (
    ACRONYM,
    AGE,
    APPOSITIVE,
    COMPASS,
    EVENT_ENDS,
    EVENT_STARTS,
    GROUP_ENDS,
    HONORIFICS,
    LEADING_JUNK,
    NOT_APPOSITIVE,
    NOT_PERSON_ENDS,
    ORG_ALONE,
    ORG_NOUNS,
    ORG_WORDS,
    PERSON_TITLES,
    PHRASE_END,
    PLACE_AFTER,
    PLACE_NOUNS,
    PLACE_WORDS,
    PLAYED_AFTER,
    PLAYED_BEFORE,
    PRONOUN,
    SAY,
)

_WHO = re.compile(r"\s*,\s*who\b")
_PLACE_NOUN_AFTER = re.compile(
    r"\s*(?:province|region|city|county|district|governorate|area|territory|town|village)\b", re.I)
_ADMINISTRATION = re.compile(r"\s*administration\b")
_DIGIT = re.compile(r"\d")
_INNER_CAPITAL = re.compile(r"\w[A-Z]")
_DOUBLE_BARRELLED = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")
_NAME_PARTICLE = re.compile(r"(?:al|el|bin|ibn|van|von)\b")
_PLAIN_NAME_WORD = re.compile(r"[A-Z][a-z’'-]+|(?:al|el|bin|ibn|de|van|von)(?:-\w+)?")
_AL_NAME = re.compile(r"(?:al|el)-[A-Z][\w’'-]+")


@dataclass
class Entity:
    name: str
    sentence: int
    count: int = 0
    kind: str = ""
    votes: dict[str, float] = field(default_factory=lambda: {"person": 0.0, "organisation": 0.0,
                                                             "place": 0.0, "event": 0.0})
    variants: set[str] = field(default_factory=set)
    detail: str = ""
    acronym: str = ""
    titled: bool = False  # a title or role was seen with it: a person for sure
    # Evidence that it is a person beyond its shape (title, age, given name, "said", a pronoun after):
    # two capitalised words alone ("Total Endorsement", "Nomad Digital") are no person.
    personal: bool = False
    not_person: bool = False  # its words say it is a group, a prize, a club or an event
    strong: bool = False  # kind known from the name itself (gazetteer, organisation word, acronym)
    plays: int = 0  # mentions as a side in a match ("Liverpool beat ...", "... drew with Barcelona")
    # What stands around each mention (two words before, the start of the rest, at a sentence start),
    # for the tagger's features (desktop.core.facts.tag_features).
    context: list[tuple[str, str, str, bool]] = field(default_factory=list)

    def absorb(self, other: Entity) -> None:
        self.count += other.count
        self.sentence = min(self.sentence, other.sentence)
        self.variants |= other.variants | {other.name}
        self.variants.discard(self.name)
        self.titled = self.titled or other.titled
        self.personal = self.personal or other.personal
        self.detail = self.detail or other.detail
        self.plays += other.plays
        self.context += other.context
        for kind, score in other.votes.items():
            self.votes[kind] += score

def vote(e: Entity, m: Mention) -> None:
    """Add one mention's evidence for what the entity is."""
    v = e.votes
    name = m.name
    words = name.split()
    e.context.append((m.prev2, m.prev, m.after[:40], m.at_start))
    if m.prev in PLAYED_BEFORE or PLAYED_AFTER.match(m.after):
        e.plays += 1
    if m.title or m.prev in PERSON_TITLES:
        v["person"] += 3
        e.titled = e.personal = True
        # The role is worth showing ("Foreign Secretary"); a plain "Mr" is not.
        role_words = [w for w in m.title.split() if w.lower().strip(".") not in HONORIFICS]
        if role_words and role_words[0] in ("The", "the"):
            role_words = role_words[1:]
        e.detail = e.detail or " ".join(role_words)
    if AGE.match(m.after) or _WHO.match(m.after):
        v["person"] += 3
        e.personal = True
    role = APPOSITIVE.match(m.after)
    if role and NOT_APPOSITIVE.match(role.group(1)):
        role = None  # ", including the port city of Tartus" is no appositive
    role_head = PHRASE_END.sub("", role.group(1)).split() if role else []
    if role_head:  # an appositive that is all punctuation ("Mr Inc , ,") has no head word
        head = role_head[-1].lower().strip("’'")
        if head in PERSON_TITLES:
            v["person"] += 3
            e.titled = e.personal = True
            e.detail = e.detail or role.group(1).strip()
        elif head in ORG_WORDS:
            v["organisation"] += 3
            e.detail = e.detail or role.group(1).strip()
    if len(words) == 1 and _ADMINISTRATION.match(m.after):
        # "the Bush administration": a leader's name, not an organisation word of its own.
        v["person"] += 2
        e.personal = True
    if len(words) > 1 and SAY.match(m.after.lstrip()):
        v["person"] += 1
        # "Jane Doe said ... He added": said and a pronoun after it make a person.
        if m.next_he or PRONOUN.search(m.after):
            e.personal = True
    if m.prev in ORG_NOUNS:
        v["organisation"] += 2  # "mobile firm Intervoice", "the news agency Anadolu"
    if m.prev in ("in", "near", "into") and len(words) == 1:
        v["place"] += 0.3  # weak: "in Facebook comments"; counts from a second mention on
    if m.prev == "of" and m.prev2 in PLACE_NOUNS:
        v["place"] += 3  # "the town of Jericho", "the northern state of Antioquia"
    after_place = PLACE_AFTER.match(m.after)
    if after_place and is_place(after_place.group(1)):
        v["place"] += 1.5  # "San Jose, Costa Rica", "Fort Hood, Texas"
    if _PLACE_NOUN_AFTER.match(m.after):
        v["place"] += 3


def name_evidence(e: Entity, lower: set[str]) -> None:
    """Evidence from the name itself, counted once per entity."""
    name = e.name
    words = name.split()
    v = e.votes
    last = words[-1].lower()
    if is_event(words):
        # "World Cup", "Operation Deterrence of Aggression", "World War II": an event, whatever
        # organisation words it holds.
        v["event"] += 8
        e.strong = e.not_person = True
        return
    if len(words) > 1 and (last in GROUP_ENDS or is_demonym(words[-1])):
        # "Virginia Democrats", "Guildford Four": a group of people, named like an organisation.
        v["organisation"] += 4
        e.strong = e.not_person = True
    elif len(words) == 2 and last == "county" and (is_place(words[0]) or is_region(words[0])):
        v["place"] += 4  # "Utah County"; "Ross County" (no place of its own) is a club
        e.strong = e.not_person = True
    elif len(words) > 1 and last in NOT_PERSON_ENDS:
        # "White House", "Golden Bear Award", "Ross County": a body, a prize, a club.
        v["organisation"] += 4
        e.strong = e.not_person = True
    elif len(words) > 1 and (is_place(words[0]) or is_demonym(words[0])) and not (
        is_given_name(words[0]) or is_place(name)
    ):
        e.not_person = True  # "Hartford Courant", "Brisbane Reclaim Australia": named after a place
    if len(words) > 1 and words[0].lower() in LEADING_JUNK:
        e.not_person = True  # "My Summer of Love", "The Final Days": a title, not a person
    if len(words) == 1 and is_known_organisation(name) and not is_place(name):
        v["organisation"] += 4
        e.strong = True
    if is_place(name) or (len(words) == 2 and words[0].lower() in COMPASS and is_place(words[1])):
        # "East Germany", "Northern Syria": still a place.
        v["place"] += 4
        e.strong = True
    elif len(words) > 1 and words[-1].lower() in PLACE_WORDS:
        v["place"] += 3
    elif has_org_word(name) and (len(words) > 1 or name.lower() in ORG_ALONE):
        # An organisation word alone ("Global", "Festival") is a word, not a name.
        v["organisation"] += 4
        e.strong = True
    elif ACRONYM.match(name) or "&" in name or _DIGIT.search(name):
        v["organisation"] += 2
        e.strong = True
    elif any(_INNER_CAPITAL.search(w.replace("-", "")) and not w.startswith(("Mc", "Mac"))
             and not _DOUBLE_BARRELLED.fullmatch(w)  # "Day-Lewis"
             for w in words):
        v["organisation"] += 2  # internal capitals: "PlayStation", "ClearView"
    if len(words) > 1:
        if words[0] == "The" or any(w in ("of", "for") for w in words):
            v["organisation"] += 1.5
        if is_given_name(words[0]):
            v["person"] += 2
            e.personal = True
        if any(_NAME_PARTICLE.match(w) for w in words[1:-1] or words[1:]):
            v["person"] += 1.5
            e.personal = True
        if any(is_place(w) or is_demonym(w) for w in words):
            v["organisation"] += 1  # "Real Madrid", "Greek Parliament", "Tate Britain"
        if any(fold(w) in lower for w in words if w[0].isupper()):
            # Made of everyday words ("Orange Smartphones", "White Rose"): a brand or a group.
            v["organisation"] += 0.5
        elif all(_PLAIN_NAME_WORD.fullmatch(w)
                 or _AL_NAME.fullmatch(w) for w in words) and len(words) <= 4:
            v["person"] += 1  # plain "Firstname Lastname"
    else:
        if is_given_name(name):
            v["person"] += 1
            e.personal = True
        if is_region(name):
            v["place"] += 1.5


def is_event(words: list[str]) -> bool:
    """A war, an operation, a tournament, an election, a summit, a storm: named by its last word
    ("Asian Cup", "2012 Olympics"), its first ("Operation Desert Storm", "Hurricane Katrina") or as
    "World War II"."""
    last = words[-1].lower()
    if last in EVENT_ENDS and (len(words) > 1 or last in ("olympics", "paralympics")):
        return True
    if len(words) > 1 and words[0].lower() in EVENT_STARTS:
        return True
    return len(words) > 2 and words[0] == "World" and words[1] == "War"


def clubs_of_a_match_report(entities: list[Entity], sporty: bool) -> None:
    """In a match report, a city that plays ("Liverpool beat Barcelona 2-1") is its club."""
    if not sporty:
        return
    for e in entities:
        if e.plays and is_place(e.name) and " " not in e.name:
            e.votes["organisation"] += 6 + e.votes["place"]
            e.votes["place"] = 0.0


def decide(e: Entity) -> str:
    """The entity's kind, or "" when nothing says what it is: a wrong fact is worse than none."""
    v = dict(e.votes)
    if v["event"]:
        return "event"
    if e.titled and v["person"] >= max(v["organisation"], v["place"]) - 1:
        return "person"
    if e.not_person or not e.personal:
        # Capitalised words alone ("Total Endorsement", "Rising Sun") are no person; such a name
        # is an organisation only when something else says so ("Nomad Digital" says nothing).
        v["person"] = 0.0
    best = max(v, key=lambda k: (v[k], k == "organisation"))
    # One "in X" is weak evidence of a place but adds up; an organisation needs more than being
    # made of everyday words ("Nomad Digital").
    if v[best] >= (0.5 if best == "place" else 1.0):
        return best
    return ""
