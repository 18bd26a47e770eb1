"""Précis' own sentence ranker: vectorised centrality, a position prior and redundancy control."""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from desktop.core.split import words
from desktop.core.stopwords import stop_words


def rank_sentences(texts: list[str], language: str = "english", title: str = "") -> np.ndarray:
    """Score each sentence (higher is better). Linear in the number of sentences."""
    n = len(texts)
    if n == 0:
        return np.zeros(0)
    stops = stop_words(language)
    bags = [[w.lower() for w in words(t) if w.lower() not in stops and not w.isdigit()] for t in texts]
    df = Counter(w for bag in bags for w in set(bag))
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    vocab = {w: i for i, w in enumerate(df)}
    # Centroid similarity stands in for graph centrality: cos(sentence, document) is O(n).
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for r, bag in enumerate(bags):
        for w, c in Counter(bag).items():
            rows.append(r)
            cols.append(vocab[w])
            vals.append((1 + math.log(c)) * idf[w])
    m = csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel()) + 1e-9
    centroid = np.asarray(m.sum(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) + 1e-9
    central = (m @ centroid) / norms
    position = 1.0 / np.sqrt(1.0 + np.arange(n))
    title_words = {w.lower() for w in words(title)} - stops
    title_overlap = np.array(
        [len(title_words & set(b)) / (len(title_words) or 1) for b in bags]
    )
    length = np.array([len(b) for b in bags], dtype=float)
    too_short = np.where(length < 5, 0.3, 1.0)
    return (0.45 * central + 0.45 * position + 0.1 * title_overlap) * too_short


def word_sets(texts: list[str]) -> list[set[str]]:
    return [{w.lower() for w in words(t)} for t in texts]


def near_duplicate(a: set[str], b: set[str], threshold: float = 0.7) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= threshold


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
