"""Sentence x word TF-IDF rows in plain numpy (coordinate lists), and the few products the ranker needs.

scipy is not needed: products with a vector are `np.bincount` over the non-zero entries, so every
operation here is linear in the number of words of the text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Rows:
    """A sparse matrix by its non-zero entries: row, column and value arrays, rows L2-normalised."""

    rows: np.ndarray
    cols: np.ndarray
    vals: np.ndarray
    shape: tuple[int, int]

    def dot(self, x: np.ndarray) -> np.ndarray:
        """M @ x (x over the columns)."""
        return np.bincount(self.rows, weights=self.vals * x[self.cols], minlength=self.shape[0])

    def tdot(self, y: np.ndarray) -> np.ndarray:
        """M.T @ y (y over the rows)."""
        return np.bincount(self.cols, weights=self.vals * y[self.rows], minlength=self.shape[1])

    def row(self, i: int) -> np.ndarray:
        """Row i as a dense vector over the columns."""
        out = np.zeros(self.shape[1])
        start, stop = np.searchsorted(self.rows, [i, i + 1])
        out[self.cols[start:stop]] = self.vals[start:stop]
        return out

    def similarity(self, i: int, among: np.ndarray) -> np.ndarray:
        """Cosine of row i with each row in `among` (an array of row indexes, in any order)."""
        return self.similarity_to(among)(i)

    def similarity_to(self, among: np.ndarray) -> Callable[[int], np.ndarray]:
        """similarity(i, among) as a function of i: the entries of the rows in `among` are gathered
        once, for a loop that compares one row after another with the same rows (MMR)."""
        if not len(among):
            return lambda i: np.zeros(0)
        start = np.searchsorted(self.rows, among)
        stop = np.searchsorted(self.rows, among, side="right")
        lengths = stop - start
        index = np.repeat(start - np.cumsum(np.r_[0, lengths[:-1]]), lengths) + np.arange(lengths.sum())
        owner = np.repeat(np.arange(len(among)), lengths)
        vals, cols, size = self.vals[index], self.cols[index], len(among)

        def similarity(i: int) -> np.ndarray:
            return np.bincount(owner, weights=vals * self.row(i)[cols], minlength=size)

        return similarity


def tfidf_rows(bags: Sequence[Sequence[str]]) -> tuple[Rows, np.ndarray, dict[str, int]]:
    """Row-normalised TF-IDF rows of the bags of words, the rows' norms before normalising (0 for an
    empty bag) and the vocabulary."""
    n = len(bags)
    vocab: dict[str, int] = {}
    ids = np.fromiter((vocab.setdefault(w, len(vocab)) for bag in bags for w in bag), dtype=np.int64)
    size = max(1, len(vocab))
    owner = np.repeat(np.arange(n, dtype=np.int64), [len(bag) for bag in bags])
    # One entry per (sentence, word), sorted by sentence: term frequency 1 + log(count).
    keys, counts = np.unique(owner * size + ids, return_counts=True)
    row_a = keys // size
    col_a = keys % size
    val_a = 1.0 + np.log(counts.astype(np.float64))
    df = np.bincount(col_a, minlength=size).astype(np.float64)
    idf = np.log((n + 1.0) / (df + 0.5))
    val_a = val_a * idf[col_a] if len(val_a) else val_a
    norms = np.sqrt(np.bincount(row_a, weights=val_a * val_a, minlength=n))
    if len(val_a):
        val_a = val_a / np.maximum(norms, 1e-12)[row_a]
    return Rows(row_a, col_a, val_a, (n, size)), norms, vocab
