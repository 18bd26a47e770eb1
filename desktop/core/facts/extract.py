"""Key facts (people, organisations, places, numbers, dates, quotes, keywords), each tied to a sentence.

No downloaded models: names come from capitalised spans. Each mention adds evidence for a kind:
titles before it ("Mr", "Foreign Secretary"), an age or a role after it (", 54,", ", the HTS leader"),
a known given name, organisation words and suffixes ("Party", "Ministry", "Inc"), acronyms with
their expansion, and gazetteers (desktop.core.facts.gazetteer). Mentions of one entity are merged
("Assad’s" -> "Assad" -> "Bashar al-Assad", "al-Jawlani" -> "al-Jolani", "Tate" -> "Tate Gallery")
and counted; each fact points to the first sentence that mentions it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.facts.gazetteer import (
    fold,
    is_demonym,
    is_given_name,
    is_known_organisation,
    is_place,
    is_region,
)
from desktop.core.facts.keywords import keyphrases
from desktop.core.language import stop_words
from desktop.core.model import Fact, Facts, Sentence

# ---- dates and times -----------------------------------------------------------------------------

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
    rf"|{_DAYS}|(?:1[5-9]|20)\d{{2}}s|(?<![$£€¥\d,.])(?:1[5-9]|20)\d{{2}}(?![\d,]|\.\d)"
    # Times of day: "10:30", "3pm", "9.15 a.m.", optionally with a zone ("14:00 GMT").
    r"|(?<![\d.:])\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
    r"|(?<![\d.:])(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?(?:GMT|UTC|BST|CET|EST|PST|ET|PT))?(?![\d:]))"
    r"(?!\w)"
)
_MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# ---- numbers -------------------------------------------------------------------------------------

_SCALE = r"(?:million|billion|trillion|thousand|hundred|bn|m|k)\b"
_NUMBER = re.compile(
    rf"(?P<money>[$£€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?{_SCALE})?)"
    rf"|(?P<plain>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)"
    rf"(?P<pscale>\s?(?:%|per\s?cent\b|{_SCALE}))?"
)
_NUMBER_WORDS = re.compile(
    r"\b(?:(?:[Tt]ens|[Hh]undreds|[Tt]housands|[Mm]illions) of (?:thousands of |millions of )?"
    r"(?![Tt]housands\b|[Mm]illions\b)[a-z]{3,})"
)
# What a bare number counts: a following noun or a unit (an aside in brackets may stand between).
_UNIT_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?([a-z][a-z-]+)")
_UNITS = frozenset(
    """
    years year months month weeks week days day hours hour minutes seconds people men women children
    km miles mile metres meters feet ft kg tonnes tons acres points votes seats troops soldiers
    fighters jobs deaths cases per
    """.split()
)
# Where the phrase saying what a number counts stops ("100,000 people | were displaced | after ...").
_DETAIL_STOP = frozenset(
    """
    after before since because when while as and but which who whom whose that than from according
    during until unless although though if where whereas so yet or nor with without
    """.split()
)

# ---- quotes --------------------------------------------------------------------------------------

_QUOTES = (
    re.compile(r"“([^“”]{3,600})”"),
    re.compile(r'"([^"]{3,600})"'),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘((?:[^‘’]|’(?=\w))+)’(?!\w)"),
)
_SAY_WORDS = (
    r"said|says|say|told|tells|added|adds|declared|announced|warned|wrote|writes|insisted|claimed|"
    r"called|asked|explained|stated|tweeted|argued|replied|admitted|noted|recalled|urged|vowed"
)
_SAY = re.compile(rf"\b(?:{_SAY_WORDS})\b", re.IGNORECASE)
# "The general command of the armed forces said ..." -> who said it, when it is no known person.
_SUBJECT_SAID = re.compile(
    rf"^\s*(?:[Bb]ut |[Aa]nd )?((?:[\w’'-]+\s+){{0,7}}?[\w’'-]+)\s+(?:has |had |have )?(?:{_SAY_WORDS})\b"
)
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to ((?:the )?[\w’'-]+(?:\s+[\w’'-]+){0,5})")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")

# ---- names ---------------------------------------------------------------------------------------

# Upper-case letters of the Latin, Greek and Cyrillic scripts, so "Émile" and "Özil" are names too.
_UPPER = "".join(
    c for c in map(chr, [*range(0x41, 0x250), *range(0x391, 0x3AA), *range(0x400, 0x430)])
    if c.isupper()
)
_U = f"[{_UPPER}]"
_NAME_WORD = rf"(?:{_U}[\w’'.-]*\w|{_U})"
_PARTICLE = r"(?:al|el|bin|ibn|de|del|der|di|da|du|la|le|van|von|of|the|&|for|dos|das)"
_CAPS = re.compile(
    rf"(?<![\w’'-])(?:(?:al|el)-)?{_NAME_WORD}"
    rf"(?:(?:\s+|-)(?:{_PARTICLE}(?:\s+|-))?(?:(?:al|el)-)?{_NAME_WORD})*"
)
_ACRONYM = re.compile(rf"^{_U}[{_UPPER}0-9&]{{1,6}}s?$")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
_APPOSITIVE = re.compile(r"^\s*,\s*(?:the |a |an )?([^,.;:()“”\"]{2,60}?)\s*(?=[,.;:)]|$)")
# Where the noun phrase of an appositive ends ("deputy chief economist | at BMO Financial Group").
_NOT_APPOSITIVE = re.compile(r"(?:including|which|where|who|when|while|but|and|or)\b|\w+ing\b")
_PHRASE_END = re.compile(r"\s(?:at|of|for|with|in|from|on|to|who|which|and)\s.*$")
_AGE = re.compile(r"^\s*,\s*(?:aged\s+)?\d{1,3}\s*,")

PERSON_TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof sir dame lord lady president vice-president minister prime chancellor
    king queen prince princess sheikh emir imam pope rev father senator sen rep representative
    governor gov mayor judge justice general gen colonel col major maj captain capt lieutenant lt
    sergeant sgt commander admiral chief officer inspector detective secretary ambassador
    spokesman spokeswoman spokesperson leader chairman chairwoman chair ceo founder coach manager
    striker midfielder defender goalkeeper actress actor singer star boss director editor auditor
    economist analyst professor lawyer attorney presenter author writer journalist correspondent
    executive head premier dictator commissioner chef producer player captain mp mep msp mla cllr
    councillor congressman congresswoman
    """.split()
)
# Titles that stand capitalised before a name; "star", "boss", "father" or "major" there are more
# often part of a name ("Star Wars", "Major League") than a role.
_STRIP_TITLES = PERSON_TITLES - frozenset("star boss father major player coach chef head".split())
# Words that may stand before a title in a role ("Foreign Secretary", "Shadow Education Secretary").
_TITLE_MODIFIERS = frozenset(
    """
    chief deputy foreign home vice acting former prime executive general attorney managing first
    shadow junior senior assistant interim education health defence defense finance interior
    justice trade state culture transport energy environment labour economy treasury business
    communications security opposition party team national regional supreme grand high
    """.split()
)
_COMPASS = frozenset("north south east west northern southern eastern western central".split())
_HONORIFICS = frozenset("mr mrs ms miss mx sir dame".split())
ORG_WORDS = frozenset(
    """
    army navy force forces air police party council ministry department agency organisation
    organization group front union association institute foundation committee commission court
    parliament congress senate assembly government administration office bureau bank
    university college school hospital inc ltd plc llc corp corporation company co club fc
    united city news times post guardian telegraph journal network channel tv radio airlines
    airways authority service services brigade brigades battalion movement alliance coalition
    league federation fund trust society church operation hamas hezbollah
    al-qaeda taliban isis nato opec fbi cia gallery museum academy communications entertainment
    media holdings partners capital technologies technology systems industries international global
    energy motors pharmaceuticals labs laboratories studios records press publishing insurance
    economics consulting securities investments ventures solutions software electronics games
    cup championship olympics festival exchange board institution centre center station agency
    broadcasting corporation group's world enterprises telecom mobile airline railways railway
    bancorp financial associates gmbh ag sa nv security daily mirror herald express mail tribune
    chronicle gazette observer independent electric dynamics
    """.split()
)
# Last words that make a name a place ("Fleet Street", "Hyde Park", "Heathrow Airport").
_PLACE_WORDS = frozenset(
    "street road avenue square park bridge airport lane boulevard island islands river lake".split()
)
# Words that, just before a name, say it is an organisation ("mobile firm Intervoice").
_ORG_NOUNS = frozenset(
    """
    firm company group giant rival agency channel newspaper broadcaster club side team carrier
    operator retailer bank maker manufacturer airline publisher network label party organisation
    charity studio startup insurer lender supermarket chain brand
    """.split()
)
# Geographic words that make "X Sea" the same place as "X" ("Mediterranean" / "Mediterranean Sea").
_PLACE_FEATURES = frozenset(
    "sea ocean strip heights river mountains island islands gulf bay lake valley desert peninsula "
    "province region governorate county state city".split()
)
_LEADING_JUNK = frozenset(
    """
    the a an this that these those his her its their our my your on in at for by from with
    after before during when while as but and or so if then there here what who why how
    however meanwhile yesterday today tonight tomorrow last next earlier later also both
    many some most several all every each no not one two three i i'm we it
    """.split()
)
# Organisation words that are names on their own.
_ORG_ALONE = frozenset(
    "hamas hezbollah al-qaeda taliban isis nato opec fbi cia senate congress parliament".split()
)
# Last words that make a name an organisation, an event or a prize, never a person ("White House",
# "Golden Bear Award", "Ross County", "Dundee United", "Affordable Care Act").
_NOT_PERSON_ENDS = frozenset(
    """
    house award awards prize prizes cup league trophy medal games open fc afc united county city
    rovers wanderers athletic albion act festival championship championships olympics
    """.split()
)
# Last words that make a name a group of people ("Virginia Democrats", "House Republicans", "Chelsea
# fans", "Guildford Four"): an organisation at most, never one person.
_GROUP_ENDS = frozenset(
    """
    democrats republicans conservatives liberals socialists tories greens fans supporters officials
    members voters lawmakers senators ministers leaders rebels militants loyalists nationalists
    unionists workers players residents four five six seven eight nine ten twelve
    """.split()
)
# Stop words that may end a name all the same.
_NAME_ENDS = ORG_WORDS | _GROUP_ENDS | frozenset("one two three".split())
# Party words that stand before a politician's name like a title ("Republican Phil Bryant").
_PARTY_WORDS = frozenset(
    "republican democrat democratic labour tory conservative liberal green socialist".split()
)
_PRONOUN_START = re.compile(r"^\s*(?:[“\"‘']\s*)?(?:He|She|His|Her)\b")
# Capitalised words that are never a name on their own.
_NEVER_ALONE = frozenset(
    """
    century internet web north south east west northern southern eastern western central
    government parliament state city national international
    """.split()
)


@dataclass
class _Mention:
    sentence: int
    name: str
    at_start: bool  # the first word of its sentence or of a quotation: capitals say little
    title: str  # role words stripped before the name ("President", "Foreign Secretary")
    prev: str  # the word before, lower case
    after: str  # the rest of the sentence
    next_he: bool = False  # the next sentence opens with "He", "She", "His" or "Her"


@dataclass
class _Entity:
    name: str
    sentence: int
    count: int = 0
    kind: str = ""
    votes: dict[str, float] = field(default_factory=lambda: {"person": 0.0, "organisation": 0.0,
                                                             "place": 0.0})
    variants: set[str] = field(default_factory=set)
    detail: str = ""
    acronym: str = ""
    titled: bool = False  # a title or role was seen with it: a person for sure
    # Evidence that it is a person beyond its shape (title, age, given name, "said", a pronoun after):
    # two capitalised words alone ("Total Endorsement", "Nomad Digital") are no person.
    personal: bool = False
    not_person: bool = False  # its words say it is a group, a prize, a club or an event
    strong: bool = False  # kind known from the name itself (gazetteer, organisation word, acronym)

    def absorb(self, other: _Entity) -> None:
        self.count += other.count
        self.sentence = min(self.sentence, other.sentence)
        self.variants |= other.variants | {other.name}
        self.variants.discard(self.name)
        self.titled = self.titled or other.titled
        self.personal = self.personal or other.personal
        self.detail = self.detail or other.detail
        for kind, score in other.votes.items():
            self.votes[kind] += score


def extract_facts(sentences: Sequence[Sentence], language: str = "english") -> Facts:
    """All facts of the body and caption sentences, each pointing at its first sentence."""
    body = [s for s in sentences if s.kind in ("body", "caption")]
    stops = stop_words(language)
    people, orgs, places = _entities(body, stops)
    names = {fold(n) for group in (people, orgs, places) for f in group for n in (f.text, *f.variants)}
    names |= {fold(f.detail) for f in orgs if f.detail}
    keywords = [
        Fact("keyword", text, sentence, count=count)
        for text, sentence, count in keyphrases([(s.index, s.text) for s in body], stops, top=14)
        if fold(text) not in names
    ][:10]
    return Facts(
        people=people,
        organisations=orgs,
        places=places,
        numbers=tuple(_numbers(body, stops)),
        dates=tuple(_dates(body)),
        quotes=tuple(_quotes(body, people)),
        keywords=tuple(keywords),
    )


# ---- names ---------------------------------------------------------------------------------------


def _clean_name(name: str) -> str:
    name = _POSSESSIVE.sub("", name.strip(" .-’'"))
    return name.strip(" .-’'")


def _spans(text: str) -> list[tuple[int, str]]:
    """(start, name) for each capitalised span, with possessives stripped."""
    out: list[tuple[int, str]] = []
    for m in _CAPS.finditer(text):
        name = m.group(0)
        # A span may run through a possessive into the next name ("Syria’s Assad"): cut it there.
        offset = m.start()
        for piece in re.split(r"(?<=\w)(?:’s|'s|(?<=s)[’'])\s+", name):
            cleaned = _clean_name(piece)
            # Trailing particles ("Bank of") belong to no name.
            cleaned = re.sub(rf"(?:\s+{_PARTICLE})+$", "", cleaned)
            if cleaned:
                out.append((offset + max(0, piece.find(cleaned[:3])), cleaned))
            offset += len(piece) + 3
    # "Department for Education and Skills": an organisation's name may run on over "and".
    joined: list[tuple[int, str]] = []
    for start, name in out:
        if joined:
            p_start, p_name = joined[-1]
            between = text[p_start + len(p_name):start]
            if (between == " and " and re.search(r" (?:for|of) ", p_name) and _has_org_word(p_name)
                    and not _has_org_word(name)):
                joined[-1] = (p_start, f"{p_name} and {name}")
                continue
        joined.append((start, name))
    return joined


def _has_org_word(name: str) -> bool:
    return any(w.lower() in ORG_WORDS for w in name.split())


def _lower_words(sentences: Sequence[Sentence]) -> set[str]:
    """Words seen in lower case anywhere: a capitalised one is then probably no name."""
    return {
        fold(w) for s in sentences for w in re.findall(r"(?<![\w’'-])[a-zß-ÿ][\w’'-]*", s.text)
        if w.islower()  # not "al-Jawlani"
    }


def _is_junk_word(word: str, stops: frozenset[str], lower: set[str]) -> bool:
    w = fold(word).strip(".")
    return (
        w in stops or w in _LEADING_JUNK or w in lower or w in _DAY_NAMES or w in _MONTH_NAMES
        or w.endswith(("ing", "ly"))
    )


def _strip_title(words: list[str]) -> tuple[list[str], str]:
    """Split role words off the front of a name: "Chief Minister Peter Caruana" -> Peter Caruana,
    "Tory MP Kim Rose" -> Kim Rose, "Director of Public Prosecutions Alison Saunders" -> Alison Saunders.
    """
    cut = -1
    for i in range(len(words) - 1):
        if words[i].lower().strip(".") in _STRIP_TITLES:
            cut = i  # the last title word wins: what comes before it is part of the role
    if cut < 0:
        return words, ""
    rest = words[cut + 1:]
    if rest[0] in ("of", "for", "the"):
        # The role goes on ("of Public Prosecutions"): the name starts at a given name, or is the
        # last two words.
        given_at = [i for i, w in enumerate(rest) if is_given_name(w)]
        start = given_at[-1] if given_at else max(1, len(rest) - 2)
        cut, rest = cut + start, rest[start:]
        if len(rest) < 2:
            return words, ""
    joined = " ".join(rest)
    if not re.sub(r"^(?:al|el)-", "", rest[0])[:1].isupper() or _has_org_word(joined) or is_place(joined):
        return words, ""  # "General Motors", "General Electric Company": no title there
    return rest, " ".join(words[: cut + 1])


def _mentions(body: Sequence[Sentence], stops: frozenset[str], lower: set[str]) -> list[_Mention]:
    out: list[_Mention] = []
    for i, s in enumerate(body):
        text = s.text
        next_he = i + 1 < len(body) and bool(_PRONOUN_START.match(body[i + 1].text))
        for start, name in _spans(text):
            if start > 0 and text[start - 1] in "@#":
                continue  # "@MattBevin", "#MeToo": a handle or a hashtag, no name as written
            before = text[:start].rstrip()
            # The first word of a sentence or of a quotation is capitalised whatever it is.
            at_start = not before or before[-1] in "“‘(:—–[" or (
                before[-1] in "\"'" and start > 0 and text[start - 1] in "\"'"
            )
            words, title = _strip_title(name.split())
            if at_start and not title:
                dropped = False
                while words and _is_junk_word(words[0], stops, lower):
                    words.pop(0)
                    dropped = True
                # "However Smith ...": what follows a dropped opener is capitalised for a reason.
                at_start = not dropped
                words, title = _strip_title(words)
            # "Harley Levanic Some of the guards": a caption without its full stop runs into the
            # next sentence; a capitalised stop word ends no name.
            while (len(words) > 1 and fold(words[-1]) in stops and not words[-1].isupper()
                   and fold(words[-1]) not in _NAME_ENDS):  # "Guildford Four", "McClatchy Co"
                words.pop()
            # "Sacramento-based McClatchy": the place the name is based in is no part of it.
            if len(words) > 1 and words[0].lower().endswith("-based"):
                words = words[1:]
            # "Republican Phil Bryant": a party word before a given name is a role.
            if (len(words) > 2 and words[0].lower() in _PARTY_WORDS and is_given_name(words[1])
                    and not title):
                title, words = words[0], words[1:]
            if not words:
                continue
            clean = " ".join(words)
            prev_words = before.split()
            prev = prev_words[-1].strip(".,“”\"'’‘").lower() if prev_words else ""
            out.append(_Mention(s.index, clean, at_start, title, prev, text[start + len(name):],
                                next_he))
    return out


def _skip(m: _Mention) -> bool:
    w = fold(m.name)
    if len(m.name) < 2 or w in _DAY_NAMES or w in _MONTH_NAMES or w in _LEADING_JUNK:
        return True
    if w in PERSON_TITLES or w in _NEVER_ALONE or _ORDINAL.match(m.prev):
        return True  # "President" alone, "the 18th Century"
    words = m.name.split()
    if all(is_demonym(x) or x.lower() in _TITLE_MODIFIERS or x.lower() in _COMPASS for x in words):
        return True
    # An adjective is no name: "Presidential", "US Congressional".
    if not m.title and re.search(r"(?:ional|ial)$", words[-1]) and not is_place(m.name):
        return True
    if len(words) == 1 and re.search(
        r"[’'](?:ve|m|ll|re|d|t)$|-[a-z]+$|(?:isation|ization|ism)$", m.name
    ) and not re.match(r"(?:al|el)-", m.name):
        return True  # "I’ve", "U-turn", "T-shirt", "Islamisation"
    return bool(re.fullmatch(r"[IVXLC]+|[A-Z]\.?", m.name))


def _vote(e: _Entity, m: _Mention) -> None:
    """Add one mention's evidence for what the entity is."""
    v = e.votes
    name = m.name
    words = name.split()
    if m.title or m.prev in PERSON_TITLES:
        v["person"] += 3
        e.titled = e.personal = True
        # The role is worth showing ("Foreign Secretary"); a plain "Mr" is not.
        role_words = [w for w in m.title.split() if w.lower().strip(".") not in _HONORIFICS]
        if role_words and role_words[0] in ("The", "the"):
            role_words = role_words[1:]
        e.detail = e.detail or " ".join(role_words)
    if _AGE.match(m.after) or re.match(r"\s*,\s*who\b", m.after):
        v["person"] += 3
        e.personal = True
    role = _APPOSITIVE.match(m.after)
    if role and _NOT_APPOSITIVE.match(role.group(1)):
        role = None  # ", including the port city of Tartus" is no appositive
    if role:
        head = _PHRASE_END.sub("", role.group(1)).split()[-1].lower().strip("’'")
        if head in PERSON_TITLES:
            v["person"] += 3
            e.titled = e.personal = True
            e.detail = e.detail or role.group(1).strip()
        elif head in ORG_WORDS:
            v["organisation"] += 3
            e.detail = e.detail or role.group(1).strip()
    if len(words) > 1 and _SAY.match(m.after.lstrip()):
        v["person"] += 1
        # "Jane Doe said ... He added": said and a pronoun after it make a person.
        if m.next_he or _PRONOUN.search(m.after):
            e.personal = True
    if m.prev in _ORG_NOUNS:
        v["organisation"] += 2  # "mobile firm Intervoice", "the news agency Anadolu"
    if m.prev in ("in", "near", "into") and len(words) == 1:
        v["place"] += 0.3  # weak: "in Facebook comments"; counts from a second mention on
    if re.match(r"\s*(?:province|region|city|county|district|governorate)\b", m.after, re.I):
        v["place"] += 3


def _name_evidence(e: _Entity, lower: set[str]) -> None:
    """Evidence from the name itself, counted once per entity."""
    name = e.name
    words = name.split()
    v = e.votes
    last = words[-1].lower()
    if len(words) > 1 and (last in _GROUP_ENDS or is_demonym(words[-1])):
        # "Virginia Democrats", "Guildford Four": a group of people, named like an organisation.
        v["organisation"] += 4
        e.strong = e.not_person = True
    elif len(words) == 2 and last == "county" and (is_place(words[0]) or is_region(words[0])):
        v["place"] += 4  # "Utah County"; "Ross County" (no place of its own) is a club
        e.strong = e.not_person = True
    elif len(words) > 1 and last in _NOT_PERSON_ENDS:
        # "White House", "Golden Bear Award", "Ross County": a body, a prize, a club.
        v["organisation"] += 4
        e.strong = e.not_person = True
    elif len(words) > 1 and (is_place(words[0]) or is_demonym(words[0])) and not (
        is_given_name(words[0]) or is_place(name)
    ):
        e.not_person = True  # "Hartford Courant", "Brisbane Reclaim Australia": named after a place
    if len(words) > 1 and words[0].lower() in _LEADING_JUNK:
        e.not_person = True  # "My Summer of Love", "The Final Days": a title, not a person
    if len(words) == 1 and is_known_organisation(name) and not is_place(name):
        v["organisation"] += 4
        e.strong = True
    if is_place(name) or (len(words) == 2 and words[0].lower() in _COMPASS and is_place(words[1])):
        # "East Germany", "Northern Syria": still a place.
        v["place"] += 4
        e.strong = True
    elif len(words) > 1 and words[-1].lower() in _PLACE_WORDS:
        v["place"] += 3
    elif _has_org_word(name) and (len(words) > 1 or name.lower() in _ORG_ALONE):
        # An organisation word alone ("Global", "Festival") is a word, not a name.
        v["organisation"] += 4
        e.strong = True
    elif _ACRONYM.match(name) or "&" in name or re.search(r"\d", name):
        v["organisation"] += 2
        e.strong = True
    elif any(re.search(r"\w[A-Z]", w.replace("-", "")) and not w.startswith(("Mc", "Mac"))
             and not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+", w)  # "Day-Lewis"
             for w in words):
        v["organisation"] += 2  # internal capitals: "PlayStation", "ClearView"
    if len(words) > 1:
        if words[0] == "The" or any(w in ("of", "for") for w in words):
            v["organisation"] += 1.5
        if is_given_name(words[0]):
            v["person"] += 2
            e.personal = True
        if any(re.match(r"(?:al|el|bin|ibn|van|von)\b", w) for w in words[1:-1] or words[1:]):
            v["person"] += 1.5
            e.personal = True
        if any(is_place(w) or is_demonym(w) for w in words):
            v["organisation"] += 1  # "Real Madrid", "Greek Parliament", "Tate Britain"
        if any(fold(w) in lower for w in words if w[0].isupper()):
            # Made of everyday words ("Orange Smartphones", "White Rose"): a brand or a group.
            v["organisation"] += 0.5
        elif all(re.fullmatch(r"[A-Z][a-z’'-]+|(?:al|el|bin|ibn|de|van|von)(?:-\w+)?", w)
                 or re.fullmatch(r"(?:al|el)-[A-Z][\w’'-]+", w) for w in words) and len(words) <= 4:
            v["person"] += 1  # plain "Firstname Lastname"
    else:
        if is_given_name(name):
            v["person"] += 1
            e.personal = True
        if is_region(name):
            v["place"] += 1.5


def _entities(
    body: Sequence[Sentence], stops: frozenset[str]
) -> tuple[tuple[Fact, ...], tuple[Fact, ...], tuple[Fact, ...]]:
    lower = _lower_words(body)
    mentions = [
        m for m in _mentions(body, stops, lower)
        # A capitalised stop word ("Another") is no name; "US" in capitals is.
        if not _skip(m) and not (" " not in m.name and fold(m.name) in stops and not m.name.isupper())
    ]
    # A lone capitalised word at a sentence start counts only if it is seen away from one too.
    seen_inside = {fold(m.name) for m in mentions if not m.at_start}
    # ... or if it is the family name of someone named in full ("Jolani" after "Abu Mohammed al-Jolani").
    surnames = {_skeleton(_surname(m.name)) for m in mentions if len(m.name.split()) > 1}
    entities: dict[str, _Entity] = {}
    order: list[str] = []
    defined: tuple[int, str] | None = None  # "(NFU)" right after its expansion is no new mention
    for m in mentions:
        key = fold(m.name)
        if defined == (m.sentence, m.name) and m.prev == "(":
            defined = None
            continue
        if m.at_start and len(m.name.split()) == 1 and key not in seen_inside and not (
            is_place(m.name) or _ACRONYM.match(m.name) or m.title
            or _skeleton(_surname(m.name)) in surnames
        ):
            continue
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = _Entity(m.name, m.sentence)
            order.append(key)
        entity.count += 1
        _vote(entity, m)
        acronym = re.match(r"\s*\(([A-Z][A-Z0-9&]{1,6})\)", m.after)
        if acronym and _initials_match(acronym.group(1), m.name):
            entity.acronym = acronym.group(1)
            defined = (m.sentence, acronym.group(1))
    kept = [entities[k] for k in order]
    for e in kept:
        _name_evidence(e, lower)
    # A single common word capitalised mid-sentence ("the Rock", "a Federation") is no name unless a
    # title or the gazetteer says so.
    kept = [
        e for e in kept
        if not (len(e.name.split()) == 1 and fold(e.name) in lower and not e.titled
                and not is_place(e.name) and not (_ACRONYM.match(e.name) and len(e.name) <= 3))
    ]
    return _resolve(kept)


def _initials_match(acronym: str, name: str) -> bool:
    parts = [p for p in re.split(r"[\s-]+", name) if p and p[0].isupper()]
    initials = "".join(p[0] for p in parts)
    return initials.upper() == acronym.upper() or initials.upper().startswith(acronym.upper())


def _surname(name: str) -> str:
    last = name.split()[-1]
    return re.sub(r"^(?:al|el|bin|ibn)-", "", fold(last))


def _skeleton(word: str) -> str:
    """Consonants only: transliterations differ in vowels and w/y/h ("Jolani" / "Jawlani")."""
    return re.sub(r"[aeiouwyh'’-]", "", word)


def _same_surname(a: str, b: str) -> bool:
    sa, sb = _surname(a), _surname(b)
    if sa == sb:
        return True
    return len(sa) >= 5 and len(sb) >= 5 and _skeleton(sa) == _skeleton(sb) and sa[0] == sb[0]


def _decide(e: _Entity) -> str:
    """The entity's kind, or "" when nothing says what it is: a wrong fact is worse than none."""
    v = dict(e.votes)
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


def _resolve(
    entities: list[_Entity],
) -> tuple[tuple[Fact, ...], tuple[Fact, ...], tuple[Fact, ...]]:
    alive = list(entities)
    by_key = {fold(e.name): e for e in alive}
    gone: set[int] = set()

    def merge(into: _Entity, other: _Entity) -> None:
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
    multi = [e for e in alive if len(e.name.split()) > 1]
    # A lone word that ends a longer name is that name's surname ("Straw" -> "Jack Straw"); one that
    # starts it is an organisation's short name ("Tate" -> "Tate Gallery").
    for e in alive:
        if len(e.name.split()) != 1 or id(e) in gone or is_place(e.name):
            continue
        tails = [m for m in multi if id(m) not in gone and _same_surname(m.name, e.name)
                 and not m.strong]
        heads = [m for m in multi if id(m) not in gone and m.name.split()[0] == e.name]
        if tails:
            target = min(tails, key=lambda m: m.sentence)
            target.votes["person"] += 2
            target.personal = True  # named in full and then by the family name alone
            merge(target, e)
        elif len(heads) == 1 and (_decide(heads[0]) != "person" or e.titled
                                  or is_given_name(e.name)) and not (
            is_region(e.name) or heads[0].name.split()[-1].lower() in _GROUP_ENDS
        ):  # "Virginia" is no short name of "Virginia Democrats"
            merge(heads[0], e)
    for e in alive:
        e.kind = _decide(e)
    alive = [e for e in alive if id(e) not in gone]
    # People: a lone surname or a respelling joins the fullest name it matches.
    people = sorted((e for e in alive if e.kind == "person"),
                    key=lambda e: (-len(e.name.split()), e.sentence))
    for i, e in enumerate(people):
        if id(e) in gone:
            continue
        n = len(e.name.split())
        for target in people[:i]:
            if id(target) in gone or not _same_surname(e.name, target.name):
                continue
            m = len(target.name.split())
            if n == m and _surname(e.name) == _surname(target.name):
                continue  # two people sharing a family name ("Bashar" and "Hafez al-Assad")
            if n > 1 and e.name.split()[0] != target.name.split()[0] and fold(e.name) not in fold(
                target.name
            ):
                continue  # "Hafez al-Assad" is no respelling of "Abu Mohammed al-Assad"
            merge(target, e)
            break
    # Places: "Mediterranean" is the "Mediterranean Sea" already listed.
    places = [e for e in alive if e.kind == "place" and id(e) not in gone]
    for e in places:
        for target in places:
            words = target.name.split()
            if (target is not e and id(target) not in gone and len(words) == 2
                    and words[0] == e.name and words[1].lower() in _PLACE_FEATURES):
                merge(target, e)
                break
    groups: dict[str, list[Fact]] = {"person": [], "organisation": [], "place": []}
    kept = sorted((e for e in alive if id(e) not in gone and e.kind),
                  key=lambda e: (-e.count, e.sentence))
    for e in kept:
        groups[e.kind].append(
            Fact(e.kind, e.name, e.sentence, detail=e.detail, count=e.count,
                 variants=tuple(sorted(e.variants)))
        )
    return tuple(groups["person"]), tuple(groups["organisation"]), tuple(groups["place"])


# ---- numbers, dates, quotes ------------------------------------------------------------------------


def _counted(after: str) -> str:
    """The phrase after "100,000 people" that says what happened to them, up to a clause break."""
    out: list[str] = []
    for word in after.split()[:8]:
        bare = word.strip(",.;:!?()“”\"'’‘")
        if not bare or bare.lower() in _DETAIL_STOP or re.search(r"\d", bare):
            break
        out.append(bare)
        if bare != word.rstrip("’'”\""):
            break  # punctuation ends the phrase
    return " ".join(out)


def _numbers(body: Sequence[Sentence], stops: frozenset[str]) -> list[Fact]:
    found: dict[str, Fact] = {}
    for s in body:
        dates = [m.span() for m in _DATE.finditer(s.text)]
        taken: list[tuple[int, int]] = []
        for m in _NUMBER_WORDS.finditer(s.text):
            taken.append(m.span())
            _add_number(found, m.group(0), s.index, _counted(s.text[m.end():]))
        for m in _NUMBER.finditer(s.text):
            if any(a <= m.start() < b for a, b in [*dates, *taken]):
                continue
            text = m.group(0).strip()
            after = s.text[m.end():]
            detail = ""
            unit = _UNIT_AFTER.match(after)
            if m.group("money"):
                if unit and unit.group(1) not in stops:
                    detail = unit.group(1)  # "$10 million reward"
            elif unit and not after.startswith((" (", "(")):
                first = unit.group(1)
                if first in _UNITS or (first.endswith("s") and len(first) > 3 and first not in stops
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


def _dates(body: Sequence[Sentence]) -> list[Fact]:
    found: dict[str, Fact] = {}
    for s in body:
        for m in _DATE.finditer(s.text):
            text = re.sub(r"\s+", " ", m.group(0)).strip(" ,")
            if text.endswith(".") and not text.endswith(("a.m.", "p.m.")):
                text = text[:-1]
            key = text.lower()
            f = found.get(key)
            found[key] = Fact("date", text, s.index) if f is None else Fact(
                "date", f.text, f.sentence, count=f.count + 1
            )
    return list(found.values())


def _is_title_case(quote: str) -> bool:
    """A quoted name ("Operation Deterrence of Aggression") is no quotation."""
    words = re.findall(r"[\w’'-]+", quote)
    return 0 < len(words) <= 8 and all(
        w[0].isupper() or (len(w) <= 3 and w.islower()) for w in words
    ) and sum(w[0].isupper() for w in words) >= 2 and not quote.rstrip().endswith((".", "!", "?"))


def _quotes(body: Sequence[Sentence], people: Sequence[Fact]) -> list[Fact]:
    names = {fold(n): p.text for p in people for n in (p.text, *p.variants)}
    surnames = {_surname(n): p.text for p in people for n in (p.text, *p.variants)}
    last_person = ""
    out: list[Fact] = []
    seen: set[str] = set()
    for s in body:
        mentioned = _people_in(s.text, names, surnames)
        spans: list[tuple[int, int]] = []
        for pattern in _QUOTES:
            for m in pattern.finditer(s.text):
                if any(a <= m.start() < b for a, b in spans):
                    continue
                spans.append(m.span())
                quote = m.group(1).strip(" ,")
                if len(quote.split()) < 2 or quote in seen or _is_title_case(quote):
                    continue
                seen.add(quote)
                outside = s.text[: m.start()] + " " + s.text[m.end():]
                out.append(Fact("quote", quote, s.index,
                                detail=_speaker(outside, names, surnames, last_person)))
        if mentioned:
            last_person = mentioned[-1]
    return out


def _speaker(outside: str, names: dict[str, str], surnames: dict[str, str], last: str) -> str:
    """Who said it: a person named around the quote, "he"/"she" for the last one named, or the
    subject of "said" ("The general command of the armed forces said ...")."""
    in_sentence = _people_in(outside, names, surnames)
    if in_sentence:
        return in_sentence[0]
    if _PRONOUN.search(outside) and last:
        return last
    said = _SUBJECT_SAID.match(outside)
    if said:
        subject = said.group(1).strip()
        if subject.split()[0].lower() in ("the", "a", "an"):
            subject = subject.split(maxsplit=1)[-1] if " " in subject else ""
        if subject and not _PRONOUN.fullmatch(subject) and subject.lower() not in (
            "it", "they", "we", "i", "you"
        ):
            return subject
    according = _ACCORDING_TO.search(outside)
    if according:
        return according.group(1)
    return ""


def _people_in(text: str, names: dict[str, str], surnames: dict[str, str]) -> list[str]:
    found: list[tuple[int, str]] = []
    for start, name in _spans(text):
        words, _ = _strip_title(name.split())
        name = " ".join(words)
        person = names.get(fold(name)) or surnames.get(_surname(name)) if name else None
        if person:
            found.append((start, person))
    found.sort()
    return [p for _, p in found]
