"""The summary across articles: candidates from each article's own summary, ranked by their rank in
their article and by how much the other articles say the same, chosen with redundancy control.

Never quadratic in sentences: one TF-IDF matrix over every body sentence; the support of a sentence
from the other articles is one product with their summed rows (sum_j cos(i, j) = row_i . sum_j row_j);
the choice looks at the candidates only (a few per article), one similarity row per chosen sentence;
crediting the other articles that make the same point is one sparse product per chosen sentence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from desktop.core.brief.model import BriefSentence, Citation
from desktop.core.model import Digest, Sentence

DUPLICATE = 0.4  # TF-IDF cosine at which two sentences say the same thing: only one is taken
REDUNDANCY = 0.5  # MMR weight of the highest similarity to a sentence already chosen
ALSO_IN = 0.4  # an article whose sentence is this close to a chosen one makes the same point
SUPPORT = 1.0  # weight of the other articles' agreement beside the sentence's rank in its article


def default_length(articles: int) -> int:
    """Summary sentences for a briefing of this many articles: 5 for one, growing slowly to 20."""
    return 5 if articles <= 1 else min(20, 5 + round(2 * math.log2(articles)))


@dataclass(frozen=True)
class Corpus:
    """Every body sentence of every article as one row of an L2-normalised TF-IDF matrix; each
    article's rows are contiguous (`starts[a]` to `starts[a + 1]`)."""

    sentences: tuple[Sentence, ...]
    article: np.ndarray  # article position of each row
    starts: np.ndarray  # first row of each article, plus the row count at the end
    matrix: object  # the summary package's Rows (TF-IDF rows as coordinate lists, plain numpy)
    support: np.ndarray  # mean similarity to the other articles' sentences, scaled to max 1

    def row(self, position: int, index: int) -> int | None:
        lo, hi = int(self.starts[position]), int(self.starts[position + 1])
        for r in range(lo, hi):  # rows of one article are few; sentence indexes ascend
            if self.sentences[r].index == index:
                return r
        return None


def corpus(digests: Sequence[Digest], language: str) -> Corpus:
    from desktop.core.summary import tfidf

    sentences: list[Sentence] = []
    article: list[int] = []
    starts = [0]
    for pos, d in enumerate(digests):
        body = [s for s in d.sentences if s.kind == "body"]
        sentences += body
        article += [pos] * len(body)
        starts.append(len(sentences))
    m = tfidf([s.text for s in sentences], language=language)
    art = np.asarray(article, dtype=np.int64)
    support = np.zeros(len(sentences))
    if len(digests) > 1 and len(sentences):
        raw = m.dot(m.tdot(np.ones(len(sentences))))
        # minus what each row shares with its own article: column sums per (article, word) pair
        pairs, where = np.unique(art[m.rows] * m.shape[1] + m.cols, return_inverse=True)
        own_sums = np.bincount(where, weights=m.vals, minlength=len(pairs))
        raw -= np.bincount(m.rows, weights=m.vals * own_sums[where], minlength=len(sentences))
        others_rows = len(sentences) - np.diff(starts)[art]
        support = raw / np.maximum(others_rows, 1)
        support = support / (support.max() or 1.0)
    return Corpus(tuple(sentences), art, np.asarray(starts), m, support)


def candidates(c: Corpus, digests: Sequence[Digest], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows worth choosing (each article's own summary; more of its best sentences when the
    summaries together are shorter than n) and their rank within their article (best 1)."""
    rows: list[int] = []
    within: list[float] = []
    total = sum(len(d.summary.sentences) for d in digests)
    extra = math.ceil(n / max(1, len(digests))) if total < n else 0
    for pos, d in enumerate(digests):
        picked = [(c.row(pos, s.index), s.score) for s in d.summary.sentences]
        picked = [(r, score) for r, score in picked if r is not None]
        if extra:
            picked += _more(c, d, pos, {r for r, _ in picked}, extra)
        top = max((score for _, score in picked), default=0.0) or 1.0
        for r, score in picked:
            rows.append(r)
            within.append(max(0.0, score) / top)
    return np.asarray(rows, dtype=np.int64), np.asarray(within)


def _more(c: Corpus, d: Digest, pos: int, taken: set[int], k: int) -> list[tuple[int, float]]:
    from desktop.core.summary import rank_sentences

    lo, hi = int(c.starts[pos]), int(c.starts[pos + 1])
    if hi <= lo:
        return []
    scores = rank_sentences([s.text for s in c.sentences[lo:hi]], language=d.language, title=d.article.title)
    order = [lo + int(i) for i in np.argsort(-scores, kind="stable") if lo + int(i) not in taken]
    return [(r, float(scores[r - lo])) for r in order[:k]]


def choose(c: Corpus, rows: np.ndarray, within: np.ndarray, n: int, articles: int) -> list[int]:
    """Maximal marginal relevance over the candidates; an article that has spoken less goes first,
    so the sentences come from min(n, articles) articles at least. Returns chosen corpus rows."""
    if n <= 0 or len(rows) == 0:
        return []
    relevance = within + SUPPORT * c.support[rows]
    art = c.article[rows]
    spoken = np.zeros(articles)
    max_sim = np.zeros(len(rows))
    available = np.ones(len(rows), dtype=bool)
    chosen: list[int] = []
    while len(chosen) < n:
        available &= max_sim < DUPLICATE
        if not available.any():
            break
        gain = relevance - REDUNDANCY * max_sim - 1e3 * spoken[art]
        k = int(np.argmax(np.where(available, gain, -np.inf)))
        available[k] = False
        spoken[art[k]] += 1
        chosen.append(int(rows[k]))
        max_sim = np.maximum(max_sim, c.matrix.similarity(int(rows[k]), rows))
    return chosen


def also_in(c: Corpus, row: int, ids: Sequence[int]) -> tuple[Citation, ...]:
    """The other articles with a sentence making the same point as this row (best match each)."""
    if len(ids) < 2:
        return ()
    sims = c.matrix.similarity(row, np.arange(len(c.sentences)))
    out: list[Citation] = []
    own = int(c.article[row])
    for pos in range(len(ids)):
        lo, hi = int(c.starts[pos]), int(c.starts[pos + 1])
        if pos == own or hi <= lo:
            continue
        best = lo + int(np.argmax(sims[lo:hi]))
        if sims[best] >= ALSO_IN:
            out.append(Citation(ids[pos], c.sentences[best].index))
    return tuple(out)


def brief_sentences(c: Corpus, chosen: Sequence[int], ids: Sequence[int]) -> list[BriefSentence]:
    return [BriefSentence(text=c.sentences[r].text, article=ids[int(c.article[r])],
                          index=c.sentences[r].index, also_in=also_in(c, r, ids)) for r in chosen]
