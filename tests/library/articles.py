"""Synthetic news-like articles for library tests: distinct, deterministic, cleaner-friendly."""

from __future__ import annotations

import random
from pathlib import Path

_SUBJECTS = ["The council", "Local farmers", "The minister", "Engineers", "The committee", "Residents",
             "Researchers", "The company", "Officials", "Teachers"]
_VERBS = ["approved", "criticised", "announced", "delayed", "examined", "funded", "questioned",
          "welcomed", "reviewed", "proposed"]
_OBJECTS = ["a new bridge over the river", "the water treatment plan", "a budget for the harbour",
            "the school transport scheme", "plans for a wind farm", "the hospital extension",
            "a study of air quality", "the library renovation", "new cycling lanes", "the flood defences"]
_TAILS = ["on Tuesday after a long debate.", "despite objections from several groups.",
          "in a statement released this week.", "after months of public consultation.",
          "following a report by independent experts.", "according to people familiar with the talks."]


def article_text(seed: int, title: str | None = None, paragraphs: int = 6, footer: str = "") -> str:
    """A title line, then paragraphs of several full sentences; unique words per seed."""
    rng = random.Random(seed)
    marker = f"zeta{seed}word"  # a word only this article has, to search for it
    headline = f"Report {seed}: {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    lines = [title or headline, ""]
    for p in range(paragraphs):
        sentences = []
        for _ in range(4):
            sentences.append(f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
                             f"{rng.choice(_TAILS)}")
        if p == 1:
            sentences.append(f"The project known as {marker} will cost {seed * 7 + 3} million pounds.")
        lines += [" ".join(sentences), ""]
    if footer:
        lines += [footer, ""]
    return "\n".join(lines)


def write_article(folder: Path, name: str, seed: int, encoding: str = "utf-8", **kw) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(article_text(seed, **kw).encode(encoding))
    return path
