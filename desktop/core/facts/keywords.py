"""Keyphrases of one text: noun-like runs of 1-3 content words between stop words, weighed TF-IDF-style.

A phrase weighs its count in the text times the rarity of its words in English at large (from the
background table of the `wordfreq` package, desktop.core.facts.wordfreq_table: "literacy" is rare,
"major", "years" or "time" are not), with a small bonus for appearing early. A phrase said once
counts too, when its words are rare enough. Proper nouns (mostly written capitalised inside a sentence)
are left to the people, organisation, place and event lists; singular and plural count as one ("job" /
"jobs"); adverbs and past participles ("reported", "quickly") end no phrase; each phrase is shown in
the spelling it is most often written in, and best first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import compress
from operator import and_, truth

from desktop.core.facts.wordfreq_table import RARE

_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|[,.;:!?()“”\"‘]|\d[\d,.]*")
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday million billion thousand".split()
)
_NAME_PREFIX = re.compile(r"(?:al|el|bin|ibn)-[A-Z]")  # "al-Assad" is a name, written so mid-sentence
COMMON = 7.0  # Zipf frequency at which a word says nothing of a topic ("said" 6.3, "time" 6.3)


def _stem(word: str) -> str:
    """A plural folded to its singular, just enough to count "jobs" and "job" together."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def keyphrases(
    sentences: Sequence[tuple[int, str]], stops: frozenset[str], top: int = 10, max_words: int = 3,
    frequencies: Mapping[str, float] | None = None,
) -> list[tuple[str, int, int]]:
    """(phrase, first sentence index, count) for the best phrases, best first. `frequencies` maps a
    word to its Zipf frequency in the text's language (none: every word is equally rare)."""
    # The text as one sequence of word stems, None where a phrase breaks (punctuation, a stop word, a
    # sentence end): each distinct token is read once, and phrases are counted as runs of that
    # sequence (n-grams without a None) by C-level Counter and zip, not token by token.
    token_lists = [_TOKEN.findall(text) for _, text in sentences]
    tokens: Counter[str] = Counter()
    openers: Counter[str] = Counter()  # a sentence's first token: capitals there say nothing
    for found in token_lists:
        tokens.update(found)
        if found:
            openers[found[0]] += 1
    key_of: dict[str, str | None] = {}  # token -> stem, or None for a phrase break
    raw_of: dict[str, str] = {}
    stems: dict[str, str] = {}
    capitalised: Counter[str] = Counter()  # inside a sentence, where capitals mean a name
    lowered: Counter[str] = Counter()
    for token, n in tokens.items():
        if not token[0].isalpha():
            key_of[token] = None
            continue
        raw = token.replace("’", "'") if "’" in token else token
        if raw.endswith("'s"):
            raw = raw[:-2]
        if raw.endswith("'"):
            raw = raw.rstrip("'")
        word = raw.lower()
        stem = stems.get(word)
        if stem is None:
            stem = stems[word] = _stem(word)
        if raw[:1].isupper() or _NAME_PREFIX.match(raw):
            inside = n - openers[token]
            if inside:
                capitalised[stem] += inside
        elif raw.islower():
            lowered[stem] += n
        brk = word in stops or len(word) <= 2 or word in _CALENDAR
        key_of[token] = None if brk else stem
        raw_of[token] = raw
    seq: list[str | None] = []
    starts: list[int] = []  # where each sentence begins in seq
    raws: list[str | None] = []
    for found in token_lists:
        starts.append(len(seq))
        seq.extend(map(key_of.__getitem__, found))
        seq.append(None)
        raws.extend(map(raw_of.get, found))
        raws.append(None)
    counts: Counter[tuple[str, ...]] = Counter()
    at: dict[int, tuple[str, ...]] = {}  # phrase by (first position * max_words + length - 1)
    word = list(map(truth, seq))  # stems are never empty: False only at a phrase break
    whole = word
    for n in range(1, max_words + 1):
        if n > 1:  # an n-gram is whole when its first n-1 words and its last word are
            whole = list(map(and_, whole, word[n - 1:]))
        # zip reuses the tuple of a gram that compress drops: only the whole ones are built
        grams = list(compress(zip(*(seq[i:] for i in range(n)), strict=False), whole))
        codes = list(compress(range(n - 1, len(whole) * max_words, max_words), whole))
        counts.update(grams)
        # Each phrase's first code: dict() keeps the last value given, so feed it backwards.
        firsts = dict(zip(reversed(grams), reversed(codes), strict=True))
        at.update(zip(firsts.values(), firsts.keys(), strict=True))
    # Phrases in the order they are first met: by position, then shortest first.
    order = {at[k]: i for i, k in enumerate(sorted(at))}
    first_at = {key: code // max_words for code, key in at.items()}
    rarity: dict[str, float] = {}
    for word, stem in stems.items():
        zipf = frequencies.get(word, RARE) if frequencies is not None else RARE
        rarity[stem] = max(rarity.get(stem, 0.0), COMMON - zipf)
    names = {w for w, n in capitalised.items() if n >= lowered[w]}
    total = max(1, len(order))
    scored = []
    for key, count in counts.items():
        if names and any(w in names for w in key):
            continue  # a name: never written in lower case (listed with people, places...)
        if key[-1].endswith(("ly", "ed")) or key[0].endswith("ly"):
            continue  # "reported", "quickly", "widely used": no noun phrase
        weight = sum(rarity[w] for w in key) / len(key) ** 0.5
        if weight <= 0:
            continue
        early = 1.0 + 0.5 * (1.0 - order[key] / total)
        scored.append((count * weight * early, key))
    scored.sort(key=lambda t: (-t[0], order[t[1]]))
    kept: list[tuple[str, ...]] = []
    for _, key in scored:
        if any(_overlaps(key, k) for k in kept):
            continue
        kept.append(key)
        if len(kept) == top:
            break
    forms = _spellings(seq, raws, set(kept))
    return [(_shown(forms[k]), sentences[bisect_right(starts, first_at[k]) - 1][0], counts[k]) for k in kept]


def _spellings(
    seq: Sequence[str | None], raws: Sequence[str | None], keys: set[tuple[str, ...]]
) -> dict[tuple[str, ...], Counter[str]]:
    """How each kept phrase is written, counted over the text (found again in the stem sequence)."""
    heads = {k[0] for k in keys}
    lengths = sorted({len(k) for k in keys})
    forms: dict[tuple[str, ...], Counter[str]] = {k: Counter() for k in keys}
    for p in [p for p, w in enumerate(seq) if w in heads]:
        for n in lengths:
            key = tuple(seq[p:p + n])
            if key in forms:
                forms[key][" ".join(raws[p:p + n])] += 1  # type: ignore[arg-type]
    return forms


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One phrase inside the other, word-wise ("civil war" / "brutal civil war")."""
    wa, wb = f" {' '.join(a)} ", f" {' '.join(b)} "
    return wa in wb or wb in wa


def _shown(forms: Counter[str]) -> str:
    """The most frequent spelling, lower case first (a sentence start capitalises anything)."""
    return max(forms.items(), key=lambda kv: (kv[1] + (0.5 if kv[0].islower() else 0), kv[0]))[0]
