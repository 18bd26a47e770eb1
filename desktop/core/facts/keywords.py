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
from itertools import accumulate, chain

import numpy as np

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
    # The text as one sequence of word-stem ids, -1 where a phrase breaks (punctuation, a stop word, a
    # sentence end): each distinct token is read once, and phrases (runs of 1..max_words ids without a
    # break) are counted, placed and scored by numpy over the whole sequence, not token by token.
    token_lists = [_TOKEN.findall(text) for _, text in sentences]
    tokens: Counter[str] = Counter()
    openers: Counter[str] = Counter()  # a sentence's first token: capitals there say nothing
    for found in token_lists:
        tokens.update(found)
        if found:
            openers[found[0]] += 1
    id_of: dict[str, int] = {}  # token -> stem id, or -1 for a phrase break
    raw_of: dict[str, str] = {}
    stems: dict[str, str] = {}
    ids: dict[str, int] = {}  # stem -> id, for the stems that can be part of a phrase
    capitalised: dict[str, int] = {}  # inside a sentence, where capitals mean a name
    lowered: dict[str, int] = {}
    for token, n in tokens.items():
        if not token[0].isalpha():
            id_of[token] = -1
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
        if raw[0].isupper() or (raw[0] in "aebi" and _NAME_PREFIX.match(raw)):
            inside = n - openers.get(token, 0)
            if inside:
                capitalised[stem] = capitalised.get(stem, 0) + inside
        elif raw.islower():
            lowered[stem] = lowered.get(stem, 0) + n
        if word in stops or len(word) <= 2 or word in _CALENDAR:
            id_of[token] = -1
        else:
            id_of[token] = ids.setdefault(stem, len(ids))
        raw_of[token] = raw
    # Each sentence's tokens and then "" (no token is empty), which ends every phrase.
    id_of[""] = -1
    starts = [0, *accumulate(len(found) + 1 for found in token_lists)][:-1]  # each sentence's start
    size = starts[-1] + len(token_lists[-1]) + 1 if token_lists else 0
    flat = np.fromiter(map(id_of.__getitem__, chain.from_iterable(chain(found, ("",)) for found in token_lists)),
                       dtype=np.int64, count=size)
    rarity: dict[str, float] = {}
    for word, stem in stems.items():
        zipf = frequencies.get(word, RARE) if frequencies is not None else RARE
        rarity[stem] = max(rarity.get(stem, 0.0), COMMON - zipf)
    names = {w for w, n in capitalised.items() if n >= lowered.get(w, 0)}
    by_id = list(ids)
    grams = _grams(flat, len(ids), max_words)
    if not grams:
        return []
    # Phrases in the order they are first met (by position, then shortest first): the rank of each.
    placed = np.concatenate([g.first * max_words + (g.n - 1) for g in grams])
    rank = np.empty(len(placed), dtype=np.int64)
    rank[np.argsort(placed, kind="stable")] = np.arange(len(placed))
    total = max(1, len(placed))
    rar = np.array([rarity[w] for w in by_id], dtype=np.float64)
    # A name (never written in lower case: listed with people, places...) or an adverb or participle
    # ("reported", "quickly", "widely used") makes no phrase.
    named = np.array([w in names for w in by_id], dtype=bool)
    ends_badly = np.array([w.endswith(("ly", "ed")) for w in by_id], dtype=bool)
    starts_badly = np.array([w.endswith("ly") for w in by_id], dtype=bool)
    scores, orders, where = [], [], []
    offset = 0
    for g in grams:
        words = [g.words[:, i] for i in range(g.n)]
        summed = rar[words[0]]
        for w in words[1:]:
            summed = summed + rar[w]  # left to right, as sum() adds
        weight = summed / g.n ** 0.5
        order = rank[offset:offset + len(g.first)]
        offset += len(g.first)
        early = 1.0 + 0.5 * (1.0 - order / total)
        bad = ends_badly[words[-1]] | starts_badly[words[0]] | (weight <= 0)
        for w in words:
            bad |= named[w]
        keep = np.flatnonzero(~bad)
        scores.append(g.counts[keep] * weight[keep] * early[keep])
        orders.append(order[keep])
        where.extend((g, int(k)) for k in keep)
    score, order = np.concatenate(scores), np.concatenate(orders)
    kept: list[tuple[str, ...]] = []
    found_at: dict[tuple[str, ...], tuple[_Grams, int]] = {}
    for i in np.lexsort((order, -score)).tolist():  # best first; the first met first among equals
        g, k = where[i]
        key = tuple(by_id[w] for w in g.words[k].tolist())
        if any(_overlaps(key, other) for other in kept):
            continue
        kept.append(key)
        found_at[key] = (g, k)
        if len(kept) == top:
            break
    out = []
    for key in kept:
        g, k = found_at[key]
        at = g.positions[g.inverse == k].tolist()  # every place the phrase is written
        forms: Counter[str] = Counter()
        for p in at:  # the spelling of each occurrence, from its sentence's tokens
            s = bisect_right(starts, p) - 1
            found = token_lists[s]
            forms[" ".join(raw_of[t] for t in found[p - starts[s]:p - starts[s] + g.n])] += 1
        out.append((_shown(forms), sentences[bisect_right(starts, at[0]) - 1][0], int(g.counts[k])))
    return out


class _Grams:
    """The distinct phrases of n words: their word ids, first position, count, and where each
    occurrence is (positions, and which phrase it is)."""

    def __init__(self, n: int, words: np.ndarray, first: np.ndarray, counts: np.ndarray,
                 positions: np.ndarray, inverse: np.ndarray) -> None:
        self.n, self.words, self.first, self.counts = n, words, first, counts
        self.positions, self.inverse = positions, inverse


def _grams(seq: np.ndarray, vocabulary: int, max_words: int) -> list[_Grams]:
    """The phrases of 1..max_words words of the id sequence (-1 breaks a phrase)."""
    out = []
    whole = seq >= 0
    code = np.where(whole, seq, 0)
    for n in range(1, max_words + 1):
        length = len(seq) - n + 1
        if length <= 0:
            break
        if n > 1:  # a phrase of n words is whole when its first n-1 words and its n-th are
            whole = whole[:length] & (seq[n - 1:] >= 0)
            if (int(code.max()) + 1) * vocabulary >= 1 << 62:  # renumber the codes before they overflow
                code = np.unique(code, return_inverse=True)[1].reshape(-1)
            code = code[:length] * vocabulary + np.maximum(seq[n - 1:], 0)
        positions = np.flatnonzero(whole)
        if not len(positions):
            break
        _, first, inverse, counts = np.unique(code[positions], return_index=True, return_inverse=True,
                                              return_counts=True)
        starts = positions[first]
        words = np.stack([seq[starts + i] for i in range(n)], axis=1)
        out.append(_Grams(n, words, starts, counts, positions, inverse))
    return out


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One phrase inside the other, word-wise ("civil war" / "brutal civil war")."""
    wa, wb = f" {' '.join(a)} ", f" {' '.join(b)} "
    return wa in wb or wb in wa


def _shown(forms: Counter[str]) -> str:
    """The most frequent spelling, lower case first (a sentence start capitalises anything)."""
    return max(forms.items(), key=lambda kv: (kv[1] + (0.5 if kv[0].islower() else 0), kv[0]))[0]
