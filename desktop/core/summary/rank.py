"""Précis' own sentence ranker: a learned scorer over the sentence features, mixed by the kind of
document (news, how-to, paper), then maximal marginal relevance (MMR) against repetition.

The weights are data (weights.json beside this module, retrained by `python packaging/train_summary.py`)
and load offline. Everything is linear in the length of the text: numpy only, no similarity matrix.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from desktop.core.errors import PrecisError
from desktop.core.summary.signals import DOCUMENT_FEATURES, SENTENCE_FEATURES, Signals, signals, stemmer
from desktop.core.summary.sparse import Rows, tfidf_rows

KINDS: tuple[str, ...] = ("news", "howto", "paper")
KIND_LABELS = {"news": "news", "howto": "how-to", "paper": "paper"}
WEIGHTS_FILE = Path(__file__).with_name("weights.json")
MMR_POOL = 60  # redundancy control looks at the best candidates only: O(n) overall
DUPLICATE_COSINE = 0.6  # this similar (TF-IDF cosine) counts as saying the same thing twice

__all__ = ["KINDS", "KIND_LABELS", "Model", "choose", "load_model", "rank_sentences", "select", "stemmer", "tfidf"]


@dataclass(frozen=True)
class Model:
    """Learned weights: sentence-feature scaling and, for each kind of document, the weights of the
    sentence scorer and four choices made on held-out halves (how much the opening counts, how much
    brevity counts, how much a second sentence from the same paragraph is held back, redundancy);
    then the kind classifier over the document's structure."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # kinds x sentence features
    lead: np.ndarray  # per kind: weight of -log(1 + position), in standard deviations of the score
    brevity: np.ndarray  # per kind: weight of -words / 25
    paragraph: np.ndarray  # per kind: penalty for a second sentence from a paragraph already used
    redundancy: np.ndarray  # per kind: MMR weight of the similarity to what is chosen
    kind_mean: np.ndarray
    kind_scale: np.ndarray
    kind_weights: np.ndarray  # kinds x document features

    ARRAYS = ("mean", "scale", "weights", "lead", "brevity", "paragraph", "redundancy", "kind_mean",
              "kind_scale", "kind_weights")

    def kind_probabilities(self, document: np.ndarray) -> np.ndarray:
        z = self.kind_weights @ ((document - self.kind_mean) / self.kind_scale)
        z = np.exp(z - z.max())
        return z / z.sum()

    def relevance(self, table: np.ndarray, p: np.ndarray) -> np.ndarray:
        """Each sentence's score: every kind's scorer (standardised within the document), mixed by p."""
        x = (table - self.mean) / self.scale
        raw = x @ self.weights.T  # sentences x kinds
        raw = (raw - raw.mean(axis=0)) / np.maximum(raw.std(axis=0), 1e-9)
        lead = -np.log1p(np.arange(len(table), dtype=np.float64))
        words = table[:, SENTENCE_FEATURES.index("words")]
        per_kind = raw + np.outer(lead, self.lead) - np.outer(words, self.brevity)
        return per_kind @ p

    def scores(self, table: np.ndarray, document: np.ndarray) -> np.ndarray:
        """Each sentence's score between 0 and 1 (a logistic of the relevance: same order)."""
        return 1.0 / (1.0 + np.exp(-self.relevance(table, self.kind_probabilities(document))))

    def to_json(self) -> dict:
        out: dict = {"format": 2, "kinds": list(KINDS), "sentence_features": list(SENTENCE_FEATURES),
                     "document_features": list(DOCUMENT_FEATURES)}
        out.update({name: np.round(getattr(self, name), 6).tolist() for name in self.ARRAYS})
        return out

    @classmethod
    def from_json(cls, data: dict) -> Model:
        if (tuple(data.get("sentence_features", ())) != SENTENCE_FEATURES
                or tuple(data.get("document_features", ())) != DOCUMENT_FEATURES
                or tuple(data.get("kinds", ())) != KINDS):
            raise PrecisError("the summary weights do not match this version of Précis; retrain them")
        try:
            return cls(**{name: np.asarray(data[name], dtype=np.float64) for name in cls.ARRAYS})
        except (KeyError, TypeError, ValueError) as exc:
            raise PrecisError(f"the summary weights are damaged ({exc}); retrain them") from None


@lru_cache(maxsize=4)
def load_model(path: str = str(WEIGHTS_FILE)) -> Model:
    """The shipped weights (read once; no network, no NLTK data)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PrecisError(f"cannot read the summary weights {path}: {exc}") from None
    return Model.from_json(data)


def tfidf(texts: Sequence[str], language: str = "english") -> Rows:
    """The sentences' row-normalised TF-IDF vectors, as the ranker builds them."""
    from desktop.core.split import words
    from desktop.core.summary.signals import bags_of_stems

    return tfidf_rows(bags_of_stems([words(t) for t in texts], language))[0]


def rank_sentences(
    texts: Sequence[str], paragraphs: Sequence[int] | None = None, language: str = "english", title: str = "",
    model: Model | None = None,
) -> np.ndarray:
    """Score each sentence (higher is better). Linear in the number of sentences."""
    if len(texts) == 0:
        return np.zeros(0)
    sig = signals(texts, paragraphs, language, title)
    return (model or load_model()).scores(sig.table, sig.document)


def kind_of(sig: Signals, model: Model | None = None) -> tuple[str, float]:
    """The likeliest kind of document and its probability."""
    p = (model or load_model()).kind_probabilities(sig.document)
    k = int(np.argmax(p))
    return KINDS[k], float(p[k])


def choose(model: Model, table: np.ndarray, document: np.ndarray, matrix: Rows, n: int) -> list[int]:
    """The model's n sentences (row indexes, in choice order)."""
    p = model.kind_probabilities(document)
    paragraphs = np.cumsum(table[:, SENTENCE_FEATURES.index("paragraph_first")])
    return select(matrix, model.relevance(table, p), n, float(model.redundancy @ p), paragraphs,
                  float(model.paragraph @ p))


def select(
    matrix: Rows, relevance: np.ndarray, n: int, redundancy: float = 0.0, paragraphs: np.ndarray | None = None,
    paragraph_penalty: float = 0.0, duplicate: float = DUPLICATE_COSINE,
) -> list[int]:
    """Maximal marginal relevance over the best candidates; returns the chosen row indexes.

    A candidate whose cosine similarity to a chosen sentence reaches `duplicate` is never taken; one
    from a paragraph already used loses `paragraph_penalty` (a share of the relevance range).
    """
    if n <= 0 or len(relevance) == 0:
        return []
    rel_all = np.nan_to_num(np.asarray(relevance, dtype=np.float64), nan=0.0, posinf=1e9, neginf=-1e9)
    para_all = np.zeros(len(rel_all), dtype=np.int64) if paragraphs is None else np.asarray(paragraphs)
    order = np.argsort(-rel_all, kind="stable")
    pool_size = min(len(order), n + MMR_POOL)
    while True:
        pool = np.sort(order[:pool_size])
        chosen = _mmr(matrix, rel_all[pool], pool, para_all[pool], n, redundancy, paragraph_penalty, duplicate)
        # When the best candidates all repeat what was chosen, look further down the ranking.
        if len(chosen) >= n or pool_size >= len(order):
            return chosen
        pool_size = min(len(order), pool_size * 4)


def _mmr(matrix: Rows, rel: np.ndarray, pool: np.ndarray, para: np.ndarray, n: int, redundancy: float,
         paragraph_penalty: float, duplicate: float) -> list[int]:
    spread = float(rel.max() - rel.min()) or 1.0  # penalties are shares of the relevance range
    chosen: list[int] = []
    max_sim = np.zeros(len(pool))
    used = np.zeros(len(pool), dtype=bool)
    available = np.ones(len(pool), dtype=bool)
    similarity = matrix.similarity_to(pool)
    while len(chosen) < n:
        available &= max_sim < duplicate
        if not available.any():
            break
        gain = rel - spread * (redundancy * max_sim + paragraph_penalty * used)
        k = int(np.argmax(np.where(available, gain, -np.inf)))
        available[k] = False
        chosen.append(k)
        used |= para == para[k]
        # One similarity row at a time: never an n x n matrix, even for long summaries.
        max_sim = np.maximum(max_sim, similarity(int(pool[k])))
    return [int(pool[k]) for k in chosen]
