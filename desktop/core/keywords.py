"""Keyphrases of one text: runs of content words between stop words, scored RAKE/YAKE-style.

A phrase scores by how often it occurs, how many words it has and how early it first appears;
single words already inside a kept phrase are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|[,.;:!?()“”\"‘]|\d[\d,.]*")


def keyphrases(
    sentences: Sequence[tuple[int, str]], stops: frozenset[str], top: int = 10, max_words: int = 3
) -> list[tuple[str, int, int]]:
    """(phrase, first sentence index, count) for the best phrases, best first."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    order: dict[str, int] = {}
    for index, text in sentences:
        run: list[str] = []
        for token in [*_TOKEN.findall(text), "."]:
            word = token.lower().replace("’", "'")
            if word.endswith("'s"):
                word = word[:-2]
            if not word[0].isalpha() or word in stops or len(word) < 3:
                for phrase in _phrases(run, max_words):
                    counts[phrase] = counts.get(phrase, 0) + 1
                    first.setdefault(phrase, index)
                    order.setdefault(phrase, len(order))
                run = []
            else:
                run.append(word)
    total = max(1, len(order))
    scored = []
    for phrase, count in counts.items():
        n = phrase.count(" ") + 1
        if count < 2:
            continue
        early = 1.0 + 0.5 * (1.0 - order[phrase] / total)
        scored.append((count * n ** 0.8 * early, phrase))
    scored.sort(key=lambda t: (-t[0], order[t[1]]))
    kept: list[str] = []
    for _, phrase in scored:
        if any(phrase in k or k in phrase for k in kept):
            continue
        kept.append(phrase)
        if len(kept) == top:
            break
    return [(p, first[p], counts[p]) for p in kept]


def _phrases(run: list[str], max_words: int) -> list[str]:
    """Every sub-run of 1..max_words words (so "civil war" counts inside "brutal civil war")."""
    out = []
    for i in range(len(run)):
        for j in range(i + 1, min(len(run), i + max_words) + 1):
            out.append(" ".join(run[i:j]))
    return out
