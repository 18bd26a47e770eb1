"""Key facts (people, organisations, places, numbers, dates, quotes, keywords), each tied to a sentence.

No downloaded models: names come from capitalised spans, classified by titles ("Mr", "President"),
organisation words and suffixes, acronyms with their expansion, and gazetteers (desktop.core.gazetteer).
Mentions of one entity are merged ("Assad’s" -> "Assad" -> "Bashar al-Assad", "al-Jawlani" ->
"al-Jolani") and counted; each fact points to the first sentence that mentions it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.gazetteer import fold, is_demonym, is_place
from desktop.core.keywords import keyphrases
from desktop.core.model import Fact, Facts, Sentence
from desktop.core.stopwords import stop_words

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?![\d,.]*\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?"
    rf"|(?:January|February|March|April|June|July|August|September|October|November|December)"
    rf"\s+\d{{4}}"
    rf"|{_DAYS}|(?:1[5-9]|20)\d{{2}}s|(?<![$£€¥\d,.])(?:1[5-9]|20)\d{{2}}(?![\d,]|\.\d))\b"
)
_MONTH_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
}
_DAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

_SCALE = r"(?:million|billion|trillion|thousand|hundred|bn|m|k)\b"
_NUMBER = re.compile(
    rf"(?P<money>[$£€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?{_SCALE})?)"
    rf"|(?P<plain>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)"
    rf"(?P<pscale>\s?(?:%|per\s?cent\b|{_SCALE}))?"
)
_NUMBER_WORDS = re.compile(
    r"\b(?:(?:[Tt]ens|[Hh]undreds|[Tt]housands|[Mm]illions) of (?:thousands of )?[a-z]+)"
)
# What a bare number counts: a following plural noun or a unit, and then the rest of its phrase.
_UNIT_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?([a-z][a-z-]+)(?:\s+([a-z][a-z-]+))?")
_UNITS = {
    "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes",
    "seconds", "people", "men", "women", "children", "km", "miles", "mile", "metres", "meters",
    "feet", "ft", "kg", "tonnes", "tons", "acres", "points", "votes", "seats", "troops", "soldiers",
    "fighters", "jobs", "deaths", "cases", "per",
}

_QUOTES = (
    re.compile(r"“([^“”]{3,600})”"),
    re.compile(r'"([^"]{3,600})"'),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘((?:[^‘’]|’(?=\w))+)’(?!\w)"),
)
_SAY = re.compile(
    r"\b(?:said|says|say|told|added|declared|announced|warned|wrote|insisted|claimed|called|asked|"
    r"explained|stated|tweeted|argued|replied|admitted)\b",
    re.IGNORECASE,
)

_NAME_WORD = r"(?:[A-Z][\w’'.-]*[\w]|[A-Z])"
_PARTICLE = r"(?:al|el|bin|ibn|de|del|der|di|da|du|la|le|van|von|of|the|&|for|dos|das)"
_CAPS = re.compile(
    rf"(?<![\w’'-])(?:(?:al|el)-)?{_NAME_WORD}"
    rf"(?:(?:\s+|-)(?:{_PARTICLE}(?:\s+|-))?(?:(?:al|el)-)?{_NAME_WORD})*"
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}s?$")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")

PERSON_TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady president vice-president minister prime chancellor
    king queen prince princess sheikh emir imam pope rev father senator sen rep representative
    governor gov mayor judge justice general gen colonel col major maj captain capt lieutenant lt
    sergeant sgt commander admiral chief officer inspector detective secretary ambassador
    spokesman spokeswoman spokesperson leader chairman chairwoman ceo founder coach manager
    striker midfielder defender goalkeeper actress actor singer star boss
    """.split()
)
ORG_WORDS = frozenset(
    """
    army navy force forces air police party council ministry department agency organisation
    organization group front union association institute foundation committee commission court
    parliament congress senate assembly government administration office bureau bank
    university college school hospital inc ltd plc llc corp corporation company co club fc
    united city news times post guardian telegraph journal network channel tv radio airlines
    airways authority service services brigade brigades battalion movement alliance coalition
    league federation fund trust society church network operation tahrir hamas hezbollah
    al-qaeda taliban isis nato opec fbi cia
    """.split()
)
_LEADING_JUNK = frozenset(
    """
    the a an this that these those his her its their our my your on in at for by from with
    after before during when while as but and or so if then there here what who why how
    however meanwhile yesterday today tonight tomorrow last next earlier later also both
    many some most several all every each no not one two three mr mrs ms dr
    """.split()
)


@dataclass
class _Entity:
    name: str
    sentence: int
    count: int = 1
    kind: str = ""
    variants: set[str] = field(default_factory=set)
    detail: str = ""
    votes: dict[str, int] = field(default_factory=dict)


def extract_facts(sentences: Sequence[Sentence], language: str = "english") -> Facts:
    """All facts of the body and caption sentences, each pointing at its first sentence."""
    body = [s for s in sentences if s.kind in ("body", "caption")]
    stops = stop_words(language)
    people, orgs, places = _entities(body, stops)
    return Facts(
        people=people,
        organisations=orgs,
        places=places,
        numbers=tuple(_numbers(body)),
        dates=tuple(_dates(body)),
        quotes=tuple(_quotes(body, people)),
        keywords=tuple(
            Fact("keyword", text, sentence, count=count)
            for text, sentence, count in keyphrases([(s.index, s.text) for s in body], stops)
        ),
    )


# ---- names ---------------------------------------------------------------------------------------


def _clean_name(name: str) -> str:
    name = _POSSESSIVE.sub("", name.strip(" .-’'"))
    return name.strip(" .-’'")


def _spans(text: str) -> list[tuple[int, str]]:
    """(start, name) for each capitalised span, with possessives stripped."""
    out = []
    for m in _CAPS.finditer(text):
        name = m.group(0)
        # A span may run through a possessive into the next name ("Syria’s Assad"): cut it there.
        pieces = re.split(r"(?<=\w)(?:’s|'s)\s+", name)
        offset = m.start()
        for piece in pieces:
            cleaned = _clean_name(piece)
            # Trailing particles ("Bank of") belong to no name.
            cleaned = re.sub(rf"(?:\s+{_PARTICLE})+$", "", cleaned)
            if cleaned:
                out.append((offset + max(0, piece.find(cleaned[:3])), cleaned))
            offset += len(piece) + 3
    return out


def _lower_words(sentences: Sequence[Sentence]) -> set[str]:
    """Words seen in lower case anywhere: a capitalised one at a sentence start is then no name."""
    return {w for s in sentences for w in re.findall(r"(?<![\w-])[a-z][\w’'-]*", s.text)}


def _first_word_is_junk(word: str, stops: frozenset[str], lower: set[str]) -> bool:
    w = word.lower()
    return (
        w in stops or w in _LEADING_JUNK or w in lower or w in _DAY_NAMES or w in _MONTH_NAMES
        or is_demonym(w) or w.endswith(("ing", "ly"))
    )


def _entities(
    body: Sequence[Sentence], stops: frozenset[str]
) -> tuple[tuple[Fact, ...], tuple[Fact, ...], tuple[Fact, ...]]:
    lower = _lower_words(body)
    mid_caps: set[str] = set()  # names seen capitalised away from a sentence start
    mentions: list[tuple[int, str, str, str]] = []  # sentence, name, word before, rest of sentence
    for s in body:
        for start, name in _spans(s.text):
            before = s.text[:start].rstrip()
            at_start = not before or before[-1] in "“\"‘'(—–-:" and len(before) < 3
            words = name.split()
            if at_start:
                while words and _first_word_is_junk(words[0], stops, lower):
                    before = (before + " " + words.pop(0)).strip()
                if not words:
                    continue
                name = " ".join(words)
                titled = before.split()[-1].lower().strip(".") in PERSON_TITLES if before.split() else False
                if titled:
                    mid_caps.add(name)
                elif len(words) == 1 and name not in mid_caps and not _known_single(name):
                    mentions.append((s.index, name, "^", s.text[start + len(name):]))
                    continue
            else:
                mid_caps.add(name)
            prev = before.split()[-1].strip(".,").lower() if before.split() else ""
            mentions.append((s.index, name, prev, s.text[start + len(name):]))
    entities: dict[str, _Entity] = {}
    order: list[str] = []
    for index, name, prev, after in mentions:
        if prev == "^" and name not in mid_caps:
            continue  # a capitalised sentence opener never seen capitalised elsewhere
        if _skip(name):
            continue
        kind = _kind_hint(name, prev, after)
        key = fold(name)
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = _Entity(name, index)
            order.append(key)
        else:
            entity.count += 1
        if kind:
            entity.votes[kind] = entity.votes.get(kind, 0) + 1
        acronym = re.match(r"\s*\(([A-Z][A-Z0-9&]{1,6})\)", after)
        if acronym and _initials_match(acronym.group(1), name):
            entity.detail = acronym.group(1)
    return _resolve(entities, order)


def _known_single(name: str) -> bool:
    return is_place(name) or bool(_ACRONYM.match(name)) or name.lower() in ORG_WORDS


def _skip(name: str) -> bool:
    w = name.lower()
    if w in _DAY_NAMES or w in _MONTH_NAMES or w in _LEADING_JUNK or len(name) < 2:
        return True
    words = name.split()
    if all(is_demonym(x) for x in words):
        return True
    return bool(re.fullmatch(r"[IVXLC]+|[A-Z]\.?", name))


def _initials_match(acronym: str, name: str) -> bool:
    parts = [p for p in re.split(r"[\s-]+", name) if p and p[0].isupper()]
    initials = "".join(p[0] for p in parts)
    return initials.upper() == acronym.upper() or initials.upper().startswith(acronym.upper())


def _kind_hint(name: str, prev: str, after: str) -> str:
    words = [w.lower() for w in re.split(r"[\s]+", name)]
    if is_place(name):
        return "place"
    if prev in PERSON_TITLES or prev.rstrip(".") in PERSON_TITLES:
        return "person"
    if any(w in ORG_WORDS for w in words) or _ACRONYM.match(name):
        return "organisation"
    if re.match(r"\s*(?:province|region|city|county|district|governorate)\b", after, re.I):
        return "place"
    if prev in ("in", "near", "into") and len(words) == 1:
        return "place?"
    if re.match(r"\s*,\s*(?:\d{1,3}|the|a|an|who|whose)\b", after) or re.match(
        r"\s*(?:said|says|told|added|wrote)\b", after
    ):
        return "person"
    if len(words) >= 2 and all(w[0].isupper() or w in ("al", "bin", "ibn", "de", "van", "von")
                               for w in re.split(r"[\s]+", name)):
        return "person?"
    if any(p.startswith(("al-", "el-")) for p in words):
        return "person?"
    return ""


def _surname(name: str) -> str:
    last = name.split()[-1]
    return re.sub(r"^(?:al|el|bin|ibn)-", "", fold(last))


def _skeleton(word: str) -> str:
    """Consonants only: transliterations differ in vowels and w/y/h ("Jolani" / "Jawlani")."""
    return re.sub(r"[aeiouwyh'’-]", "", word)


def _same_person(a: str, b: str) -> bool:
    sa, sb = _surname(a), _surname(b)
    if sa == sb:
        return True
    return len(sa) >= 5 and len(sb) >= 5 and _skeleton(sa) == _skeleton(sb) and sa[0] == sb[0]


def _resolve(
    entities: dict[str, _Entity], order: list[str]
) -> tuple[tuple[Fact, ...], tuple[Fact, ...], tuple[Fact, ...]]:
    # Decide each entity's kind by its strongest evidence.
    for key in order:
        e = entities[key]
        v = e.votes
        if v.get("place"):
            e.kind = "place"
        elif v.get("person"):
            e.kind = "person"
        elif v.get("organisation"):
            e.kind = "organisation"
        elif v.get("person?"):
            e.kind = "person"
        elif v.get("place?"):
            e.kind = "place"
        else:
            e.kind = "organisation" if len(e.name.split()) == 1 else "person"
    # Acronyms join their expansion: "HTS" + "Hayat Tahrir al-Sham".
    expansions = {e.detail: e for e in entities.values() if e.detail}
    merged: set[str] = set()
    for key in order:
        e = entities[key]
        if e.name in expansions and expansions[e.name] is not e:
            full = expansions[e.name]
            e.kind = "organisation"
            e.count += full.count
            e.sentence = min(e.sentence, full.sentence)
            e.detail = full.name
            e.variants.add(full.name)
            merged.add(fold(full.name))
    # People: a lone surname or a respelling joins the fullest name it matches.
    people = [entities[k] for k in order if entities[k].kind == "person" and k not in merged]
    people.sort(key=lambda e: (-len(e.name.split()), e.sentence))
    for i, e in enumerate(people):
        if fold(e.name) in merged:
            continue
        for target in people[:i]:
            if fold(target.name) in merged or len(target.name.split()) < len(e.name.split()):
                continue
            if _same_person(e.name, target.name) and (
                len(e.name.split()) < len(target.name.split()) or e.name != target.name
            ):
                if len(e.name.split()) == len(target.name.split()) and _surname(e.name) == _surname(
                    target.name
                ):
                    continue  # two people sharing a family name ("Bashar" and "Hafez al-Assad")
                target.count += e.count
                target.sentence = min(target.sentence, e.sentence)
                target.variants.add(e.name)
                merged.add(fold(e.name))
                break
    # Single words that match a person's surname are that person, even if first guessed otherwise.
    for key in order:
        e = entities[key]
        if key in merged or e.kind == "person" or len(e.name.split()) != 1 or e.kind == "place":
            continue
        for p in people:
            if fold(p.name) not in merged and len(p.name.split()) > 1 and _surname(p.name) == fold(e.name):
                p.count += e.count
                p.sentence = min(p.sentence, e.sentence)
                p.variants.add(e.name)
                merged.add(key)
                break
    groups: dict[str, list[Fact]] = {"person": [], "organisation": [], "place": []}
    kept = [entities[k] for k in order if k not in merged]
    kept.sort(key=lambda e: (-e.count, e.sentence))
    for e in kept:
        groups[e.kind].append(
            Fact(e.kind, e.name, e.sentence, detail=e.detail, count=e.count,
                 variants=tuple(sorted(e.variants)))
        )
    return tuple(groups["person"]), tuple(groups["organisation"]), tuple(groups["place"])


# ---- numbers, dates, quotes ------------------------------------------------------------------------


def _numbers(body: Sequence[Sentence]) -> list[Fact]:
    found: dict[str, Fact] = {}
    for s in body:
        dates = [m.span() for m in _DATE.finditer(s.text)]
        for m in _NUMBER.finditer(s.text):
            if any(a <= m.start() < b for a, b in dates):
                continue
            text = m.group(0).strip()
            after = s.text[m.end():]
            detail = ""
            unit = _UNIT_AFTER.match(after)
            if m.group("money"):
                if unit and unit.group(1) not in ("and", "or", "to", "in", "of", "for", "a", "the"):
                    detail = unit.group(1)
            elif unit and not after.startswith((" (", "(")):
                first = unit.group(1)
                if first in _UNITS or (first.endswith("s") and len(first) > 3 and not first.endswith("ss")):
                    text = f"{text} {first}"
                    rest = re.match(r"^\s*\S+\s+([^,.;:()“”\"]{3,60})", after)
                    detail = rest.group(1).strip() if rest else ""
                elif not m.group("pscale") and "," not in text and "." not in text:
                    continue  # a bare small number ("2", "15") says nothing on its own
            elif not m.group("pscale") and "," not in text:
                continue
            key = text.lower()
            if key in found:
                f = found[key]
                found[key] = Fact("number", f.text, f.sentence, f.detail or detail, f.count + 1)
            else:
                found[key] = Fact("number", text, s.index, detail)
        for m in _NUMBER_WORDS.finditer(s.text):
            key = m.group(0).lower()
            if key not in found:
                found[key] = Fact("number", m.group(0), s.index)
    return list(found.values())


def _dates(body: Sequence[Sentence]) -> list[Fact]:
    found: dict[str, Fact] = {}
    for s in body:
        for m in _DATE.finditer(s.text):
            text = re.sub(r"\s+", " ", m.group(0)).strip(" ,.")
            key = text.lower()
            f = found.get(key)
            found[key] = Fact("date", text, s.index) if f is None else Fact(
                "date", f.text, f.sentence, count=f.count + 1
            )
    return list(found.values())


def _quotes(body: Sequence[Sentence], people: Sequence[Fact]) -> list[Fact]:
    names = {fold(n): p.text for p in people for n in (p.text, *p.variants)}
    surnames = {_surname(n): p.text for p in people for n in (p.text, *p.variants)}
    last_person = ""
    out: list[Fact] = []
    seen: set[str] = set()
    for s in body:
        mentioned = _people_in(s.text, names, surnames)
        spans = []
        for pattern in _QUOTES:
            for m in pattern.finditer(s.text):
                if any(a <= m.start() < b for a, b in spans):
                    continue
                spans.append(m.span())
                quote = m.group(1).strip(" ,")
                if len(quote.split()) < 2 or quote in seen:
                    continue
                seen.add(quote)
                outside = s.text[: m.start()] + " " + s.text[m.end():]
                speaker = ""
                in_sentence = _people_in(outside, names, surnames)
                if in_sentence:
                    speaker = in_sentence[0]
                elif re.search(r"\b(?:He|She|he|she)\b", outside) and (_SAY.search(outside) or True):
                    speaker = last_person
                out.append(Fact("quote", quote, s.index, detail=speaker))
        if mentioned:
            last_person = mentioned[0]
    return out


def _people_in(text: str, names: dict[str, str], surnames: dict[str, str]) -> list[str]:
    found: list[tuple[int, str]] = []
    for _, name in _spans(text):
        key = fold(name)
        person = names.get(key) or surnames.get(_surname(name)) if name else None
        if person:
            found.append((text.find(name), person))
    found.sort()
    return [p for _, p in found]
