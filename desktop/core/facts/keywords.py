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
from collections import Counter
from collections.abc import Mapping, Sequence

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
    counts: Counter[tuple[str, ...]] = Counter()
    first: dict[tuple[str, ...], int] = {}
    capitalised: Counter[str] = Counter()  # inside a sentence, where capitals mean a name
    lowered: Counter[str] = Counter()
    stems: dict[str, str] = {}
    runs: list[tuple[tuple[str, ...], tuple[str, ...]]] = []  # (stems, spellings) between stop words

    def flush(index: int) -> None:
        if not run_stems:
            return
        key_words, raws = tuple(run_stems), tuple(run_raws)
        runs.append((key_words, raws))
        n = len(key_words)
        for i in range(n):
            for j in range(i + 1, min(n, i + max_words) + 1):
                key = key_words[i:j]
                counts[key] += 1
                if key not in first:
                    first[key] = index
        run_stems.clear()
        run_raws.clear()

    run_stems: list[str] = []
    run_raws: list[str] = []
    for index, text in sentences:
        at_start = True
        for token in _TOKEN.findall(text):
            if not token[0].isalpha():
                flush(index)
                at_start = False
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
                if not at_start:
                    capitalised[stem] += 1
            elif raw.islower():
                lowered[stem] += 1
            at_start = False
            if word in stops or len(word) <= 2 or word in _CALENDAR:
                flush(index)
            else:
                run_stems.append(stem)
                run_raws.append(raw)
        flush(index)
    rarity: dict[str, float] = {}
    for word, stem in stems.items():
        zipf = frequencies.get(word, RARE) if frequencies is not None else RARE
        rarity[stem] = max(rarity.get(stem, 0.0), COMMON - zipf)
    names = {w for w, n in capitalised.items() if n >= lowered[w]}
    order = {key: i for i, key in enumerate(first)}
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
    forms = _spellings(runs, set(kept))
    return [(_shown(forms[k]), first[k], counts[k]) for k in kept]


def _spellings(
    runs: Sequence[tuple[tuple[str, ...], tuple[str, ...]]], keys: set[tuple[str, ...]]
) -> dict[tuple[str, ...], Counter[str]]:
    """How each kept phrase is written, counted over the text (found again in the stored runs)."""
    heads = {k[0] for k in keys}
    longest = max((len(k) for k in keys), default=0)
    forms: dict[tuple[str, ...], Counter[str]] = {k: Counter() for k in keys}
    for key_words, raws in runs:
        for i, w in enumerate(key_words):
            if w not in heads:
                continue
            for j in range(i + 1, min(len(key_words), i + longest) + 1):
                if key_words[i:j] in forms:
                    forms[key_words[i:j]][" ".join(raws[i:j])] += 1
    return forms


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One phrase inside the other, word-wise ("civil war" / "brutal civil war")."""
    wa, wb = f" {' '.join(a)} ", f" {' '.join(b)} "
    return wa in wb or wb in wa


def _shown(forms: Counter[str]) -> str:
    """The most frequent spelling, lower case first (a sentence start capitalises anything)."""
    return max(forms.items(), key=lambda kv: (kv[1] + (0.5 if kv[0].islower() else 0), kv[0]))[0]
