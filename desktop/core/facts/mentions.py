"""Mentions: the capitalised spans of each sentence, with role words stripped and what stands around
them (the word before, the rest of the sentence, a pronoun in the next sentence)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import filterfalse

from desktop.core.facts.dates import DAY_NAMES, MONTH_NAMES
from desktop.core.facts.gazetteer import fold, is_demonym, is_given_name, is_place
from desktop.core.facts.vocabulary import (
    CAPS,
    CODE,
    COMPASS,
    DOTTED,
    LEADING_JUNK,
    NAME_ENDS,
    NEVER_ALONE,
    NOT_NAMES,
    ORDINAL,
    ORG_WORDS,
    PARTICLE,
    PARTY_WORDS,
    PERSON_TITLES,
    POSSESSIVE,
    PRONOUN_START,
    STRIP_TITLES,
    TITLE_MODIFIERS,
)
from desktop.core.model import Sentence


@dataclass(slots=True)
class Mention:
    sentence: int
    name: str
    at_start: bool  # the first word of its sentence or of a quotation: capitals say little
    title: str  # role words stripped before the name ("President", "Foreign Secretary")
    prev: str  # the word before, lower case
    after: str  # the rest of the sentence
    next_he: bool = False  # the next sentence opens with "He", "She", "His" or "Her"
    prev2: str = ""  # the word before `prev` ("town" in "the town of Jericho")



def _clean_name(name: str) -> str:
    name = POSSESSIVE.sub("", name.strip(" .-’'"))
    return name.strip(" .-’'")


# What the steps of _span_parts act on: spaces, apostrophes, dots, hyphens.
_NOT_PLAIN = re.compile(r"[\s’'.-]")
_AL_START = re.compile(r"^(?:al|el)-")
_POSSESSIVE_CUT = re.compile(r"(?<=\w)(?:’s|'s|(?<=s)[’'])\s+")
_END_PARTICLES = re.compile(rf"(?:\s+{PARTICLE})+$|^(?:{PARTICLE}\s+)+")
_FOR_OF = re.compile(r" (?:for|of) ")


def _span_parts(name: str) -> list[tuple[int, str]]:
    """The names in one capitalised span, each with the offset in the span from which it is looked
    for (a pure function of the span: memoised per text by name_spans)."""
    if not _NOT_PLAIN.search(name):
        return [(0, name)]  # one plain word ("Syria"): none of the steps below changes it
    out: list[tuple[int, str]] = []
    offset = 0
    # A span may run through a possessive into the next name ("Syria’s Assad"): cut it there.
    for piece in _POSSESSIVE_CUT.split(name):
        for part in (p for c in _calendar_split(_clean_name(piece)) for p in _of_place_split(c)):
            # Particles at either end ("Bank of", "the Taleban") belong to no name.
            part = _clean_name(_END_PARTICLES.sub("", part))
            if part and DOTTED.fullmatch(part.split(" ")[-1]):
                part += "."  # "U.S.", "U.N.": the last dot is part of the name
            if part:
                out.append((offset, part))
        offset += len(piece) + 3
    return out


def name_spans(text: str, memo: dict[str, list[tuple[int, str]]] | None = None) -> list[tuple[int, str]]:
    """(start, name) for each capitalised span, with possessives stripped. `memo` (span -> its names)
    may be shared by the calls on one text's sentences: a name comes back again and again."""
    out: list[tuple[int, str]] = []
    if memo is None:
        memo = {}
    for m in CAPS.finditer(text):
        span = m.group(0)
        parts = memo.get(span)
        if parts is None:
            parts = memo[span] = _span_parts(span)
        start = m.start()
        for offset, part in parts:
            at = text.find(part, start + offset)
            out.append((at if at >= 0 else start + offset, part))
    # "Department for Education and Skills": an organisation's name may run on over "and".
    if " and " not in text:
        return out
    joined: list[tuple[int, str]] = []
    for start, name in out:
        if joined:
            p_start, p_name = joined[-1]
            end = p_start + len(p_name)
            if (start - end == 5 and text.startswith(" and ", end) and _FOR_OF.search(p_name) and has_org_word(p_name)
                    and not has_org_word(name)):
                joined[-1] = (p_start, f"{p_name} and {name}")
                continue
        joined.append((start, name))
    return joined


def _calendar_split(name: str) -> list[str]:
    """A day name ends a name and starts the next ("Karzai Thursday", "Saturday the Taleban"): news
    writes "said Thursday" right after a name."""
    if " " not in name:
        return [name]
    parts: list[list[str]] = [[]]
    for word in name.split(" "):
        if fold(word.strip(".,")) in DAY_NAMES:
            parts.append([])
        else:
            parts[-1].append(word)
    return [" ".join(p) for p in parts if p]


def _of_place_split(name: str) -> list[str]:
    """"Maria Sharapova of Russia" is a person and a place; "Bank of England" or "Gulf of Aden" (one word
    before "of", or an organisation word) stay one name."""
    if " of " not in name:
        return [name]
    before, after = name.rsplit(" of ", 1)
    if len(before.split()) >= 2 and is_place(after) and not has_org_word(before) and not any(
        is_place(w) for w in before.split()
    ):
        return [before, after]
    return [name]


def has_org_word(name: str) -> bool:
    return any(w.lower() in ORG_WORDS for w in name.split())


_WORD_RUN = re.compile(r"[\w’'-]+")
_LOWER_START = re.compile(r"[a-zß-ÿ]")


def lower_words(sentences: Sequence[Sentence]) -> set[str]:
    """Words seen in lower case anywhere: a capitalised one is then probably no name."""
    # One scan of the whole text: a word never runs over the line break between two sentences.
    # A lower-case word is a whole run of word characters that starts with a small letter.
    runs = set(_WORD_RUN.findall("\n".join(s.text for s in sentences)))
    seen = set(filter(str.islower, filter(_LOWER_START.match, runs)))  # not "al-Jawlani"
    accented = set(filterfalse(str.isascii, seen))
    # fold() of a lower-case ASCII word is the word itself.
    return (seen - accented) | {fold(w) for w in accented}


def _is_junk_word(word: str, stops: frozenset[str], lower: set[str]) -> bool:
    w = fold(word).strip(".")
    return (
        w in stops or w in LEADING_JUNK or w in lower or w in DAY_NAMES or w in MONTH_NAMES
        or w.endswith(("ing", "ly"))
    )


def strip_title(words: list[str]) -> tuple[list[str], str]:
    """Split role words off the front of a name: "Chief Minister Peter Caruana" -> Peter Caruana,
    "Tory MP Kim Rose" -> Kim Rose, "Director of Public Prosecutions Alison Saunders" -> Alison Saunders.
    """
    cut = -1
    for i in range(len(words) - 1):
        if words[i].lower().strip(".") in STRIP_TITLES:
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
    if not _AL_START.sub("", rest[0])[:1].isupper() or has_org_word(joined) or is_place(joined):
        return words, ""  # "General Motors", "General Electric Company": no title there
    return rest, " ".join(words[: cut + 1])


def find_mentions(
    body: Sequence[Sentence], stops: frozenset[str], lower: set[str], spans: dict[str, list] | None = None
) -> list[Mention]:
    """Every name-like span of every sentence; `spans` (text -> name_spans) is filled for later use."""
    out: list[Mention] = []
    memo: dict[str, list[tuple[int, str]]] = {}
    # A span's name, role and start flag depend on the span and its start flag only: shaped once.
    shaped: dict[tuple[str, bool], tuple[str, str, bool] | None] = {}
    for i, s in enumerate(body):
        text = s.text
        next_he = i + 1 < len(body) and bool(PRONOUN_START.match(body[i + 1].text))
        found = name_spans(text, memo)
        if spans is not None:
            spans[text] = found
        for start, name in found:
            if start > 0 and text[start - 1] in "@#":
                continue  # "@MattBevin", "#MeToo": a handle or a hashtag, no name as written
            before = text[:start].rstrip()
            # The first word of a sentence or of a quotation is capitalised whatever it is.
            at_start = not before or before[-1] in "“‘(:—–[" or (
                before[-1] in "\"'" and start > 0 and text[start - 1] in "\"'"
            )
            key = (name, at_start)
            if key not in shaped:
                shaped[key] = _shape(name, at_start, stops, lower)
            if shaped[key] is None:
                continue
            clean, title, starts = shaped[key]
            prev_words = before.rsplit(None, 2)  # the last two words, as before.split() would give
            prev = prev_words[-1].strip(".,“”\"'’‘").lower() if prev_words else ""
            prev2 = prev_words[-2].strip(".,“”\"'’‘").lower() if len(prev_words) > 1 else ""
            out.append(Mention(s.index, clean, starts, title, prev, text[start + len(name):],
                                next_he, prev2))
    return out


def _shape(name: str, at_start: bool, stops: frozenset[str], lower: set[str]) -> tuple[str, str, bool] | None:
    """(name, role words, whether it still counts as at a sentence start) of a capitalised span, or
    None when nothing of it is a name."""
    words, title = strip_title(name.split())
    if at_start and not title:
        dropped = False
        while words and _is_junk_word(words[0], stops, lower):
            words.pop(0)
            dropped = True
        # "However Smith ...": what follows a dropped opener is capitalised for a reason.
        at_start = not dropped
        words, title = strip_title(words)
    # "Harley Levanic Some of the guards": a caption without its full stop runs into the
    # next sentence; a capitalised stop word ends no name.
    while (len(words) > 1 and fold(words[-1]) in stops and not words[-1].isupper()
           and fold(words[-1]) not in NAME_ENDS):  # "Guildford Four", "McClatchy Co"
        words.pop()
    # "Sacramento-based McClatchy": the place the name is based in is no part of it.
    if len(words) > 1 and words[0].lower().endswith("-based"):
        words = words[1:]
    # "Republican Phil Bryant": a party word before a given name is a role.
    if (len(words) > 2 and words[0].lower() in PARTY_WORDS and is_given_name(words[1])
            and not title):
        title, words = words[0], words[1:]
    # "American James Blake", "South African Wesley Moodie": a nationality before a given name
    # is no part of the name.
    k = 0
    while k < len(words) - 2 and (is_demonym(words[k]) or words[k].lower() in COMPASS):
        k += 1
    if k and is_demonym(words[k - 1]) and is_given_name(words[k]):
        words = words[k:]
    if not words:
        return None
    return " ".join(words), title, at_start


def skip_mention(m: Mention) -> bool:
    return bool(ORDINAL.match(m.prev)) or skip_name(m.name, bool(m.title))  # "the 18th Century"


_ADJECTIVE = re.compile(r"(?:ional|ial)$")
_NO_NAME_WORD = re.compile(r"[’'](?:ve|m|ll|re|d|t)$|-[a-z]+$|(?:isation|ization|ism)$")
_AL = re.compile(r"(?:al|el)-")
_NUMERAL_OR_LETTER = re.compile(r"[IVXLC]+|[A-Z]\.?")


def skip_name(name: str, titled: bool) -> bool:
    """What skip_mention says from the name and whether a role came with it (the same for every
    mention of that name: callers may keep the answer)."""
    w = fold(name)
    if len(name) < 2 or w in DAY_NAMES or w in MONTH_NAMES or w in LEADING_JUNK:
        return True
    if w in PERSON_TITLES or w in NEVER_ALONE:
        return True  # "President" alone
    if CODE.fullmatch(name) or w in NOT_NAMES:
        return True  # "H5N1", "G-8", "Su-24", "GDP": codes and terms, no organisation
    words = name.split()
    if all(is_demonym(x) or x.lower() in TITLE_MODIFIERS or x.lower() in COMPASS for x in words):
        return True
    # An adjective is no name: "Presidential", "US Congressional".
    if not titled and _ADJECTIVE.search(words[-1]) and not is_place(name):
        return True
    if len(words) == 1 and _NO_NAME_WORD.search(name) and not _AL.match(name):
        return True  # "I’ve", "U-turn", "T-shirt", "Islamisation"
    return bool(_NUMERAL_OR_LETTER.fullmatch(name))
