"""Keyphrases of one text: runs of content words between stop words, scored RAKE/YAKE-style.

A phrase scores by how often it occurs, how many words it has and how early it first appears. Single
words are discounted when many different words stand beside them (YAKE's relatedness: "major" or
"group" go with anything, "literacy" does not). Proper nouns (mostly written capitalised inside a
sentence) are left to the people, organisation and place lists; singular and plural count as one
("job" / "jobs"); each phrase is shown in the spelling it is most often written in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|[,.;:!?()“”\"‘]|\d[\d,.]*")
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday million billion thousand".split()
)


def _stem(word: str) -> str:
    """A plural folded to its singular, just enough to count "jobs" and "job" together."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def keyphrases(
    sentences: Sequence[tuple[int, str]], stops: frozenset[str], top: int = 10, max_words: int = 3
) -> list[tuple[str, int, int]]:
    """(phrase, first sentence index, count) for the best phrases, best first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    order: dict[str, int] = {}
    forms: dict[str, Counter[str]] = {}
    capitalised: Counter[str] = Counter()  # inside a sentence, where capitals mean a name
    lowered: Counter[str] = Counter()
    neighbours: dict[str, set[str]] = {}
    for index, text in sentences:
        run: list[tuple[str, str]] = []
        prev = ""
        tokens = _TOKEN.findall(text)
        for position, token in enumerate([*tokens, "."]):
            raw = token.replace("’", "'")
            if raw.endswith("'s"):
                raw = raw[:-2]
            raw = raw.rstrip("'")
            word = raw.lower()
            is_word = bool(word) and word[0].isalpha()
            if is_word:
                if prev:
                    neighbours.setdefault(_stem(prev), set()).add(word)
                    neighbours.setdefault(_stem(word), set()).add(prev)
                prev = word
                if raw[0].isupper() and position > 0:
                    capitalised[_stem(word)] += 1
                elif raw.islower():
                    lowered[_stem(word)] += 1
            else:
                prev = ""
            if is_word and word not in stops and len(word) > 2 and word not in _CALENDAR:
                run.append((_stem(word), raw))
                continue
            for i in range(len(run)):
                for j in range(i + 1, min(len(run), i + max_words) + 1):
                    key = " ".join(w for w, _ in run[i:j])
                    counts[key] += 1
                    first.setdefault(key, index)
                    order.setdefault(key, len(order))
                    forms.setdefault(key, Counter())[" ".join(r for _, r in run[i:j])] += 1
            run = []
    total = max(1, len(order))
    scored = []
    for phrase, count in counts.items():
        words = phrase.split()
        if count < 2 or any(capitalised[w] >= lowered[w] for w in words):
            # Said once, or a name: never written in lower case (listed with people, places...).
            continue
        early = 1.0 + 0.5 * (1.0 - order[phrase] / total)
        score = count * len(words) ** 0.8 * early
        if len(words) == 1:
            if phrase.endswith("ed"):
                continue  # a past participle ("reported", "added") is no topic
            # Share of distinct neighbours per occurrence: 0 for a fixed pairing, 1 for "major".
            spread = len(neighbours.get(phrase, ())) / (2 * count)
            score /= 0.5 + spread
        scored.append((score, phrase))
    scored.sort(key=lambda t: (-t[0], order[t[1]]))
    kept: list[str] = []
    for _, phrase in scored:
        if any(_overlaps(phrase, k) for k in kept):
            continue
        kept.append(phrase)
        if len(kept) == top:
            break
    return [(_shown(forms[p]), first[p], counts[p]) for p in kept]


def _overlaps(a: str, b: str) -> bool:
    """One phrase inside the other, word-wise ("civil war" / "brutal civil war")."""
    wa, wb = f" {a} ", f" {b} "
    return wa in wb or wb in wa


def _shown(forms: Counter[str]) -> str:
    """The most frequent spelling, lower case first (a sentence start capitalises anything)."""
    return max(forms.items(), key=lambda kv: (kv[1] + (0.5 if kv[0].islower() else 0), kv[0]))[0]
