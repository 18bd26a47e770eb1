"""The trained tagger: what each candidate entity is (person, organisation, place or nothing), from the
rules' evidence and the features of desktop.core.facts.tag_features, scored by a logistic model the
project trains itself (`python packaging/train_tagger.py`; its weights ship as tagger.npz beside this
module). Events stay with the rules. Scoring is vectorised: hashed feature ids gather weight rows,
summed per entity.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from desktop.core.facts.evidence import Entity, decide
from desktop.core.facts.tag_features import entity_features, hashed

WEIGHTS = Path(__file__).with_name("tagger.npz")
CLASSES = ("", "person", "organisation", "place")
# Weights [rows, classes], per-class offsets, per class the probability at which the model names what
# the rules left undecided, and the one at which it overrules them.
Model = tuple[np.ndarray, np.ndarray, np.ndarray, float]


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    """The weights, or None when the file is missing (the rules then decide alone)."""
    try:
        with np.load(WEIGHTS) as data:
            return (data["weights"].astype(np.float32), data["offsets"].astype(np.float32),
                    data["fill"].astype(np.float32), float(data["overrule"]))
    except (OSError, KeyError, ValueError):
        return None


def class_scores(features: list[list[str]], model: Model) -> np.ndarray:
    """[entities, classes] scores: the sum of each entity's feature rows plus the class offsets."""
    weights, offsets = model[0], model[1]
    lengths = np.fromiter((len(f) for f in features), dtype=np.intp, count=len(features))
    ids = np.fromiter((i for f in features for i in hashed(f)), dtype=np.intp, count=int(lengths.sum()))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    return np.add.reduceat(weights[ids], starts, axis=0) + offsets


def tag_kinds(entities: list[Entity], lower: set[str]) -> list[str]:
    """The kind of each entity ("" for none): the rules decide events, the model the rest."""
    rules = [decide(e) for e in entities]
    model = load_model()
    if model is None or not entities:
        return rules
    # The model names what the rules left undecided when it is sure enough for that kind, and
    # overrules their kind when it is sure, unless the name itself or a title said what it is ("House
    # Democrats", "Mr Smith") or it plays in a match report; such entities are not even scored. It
    # never drops what the rules named: on the dev set its "nothing" was wrong more often than they.
    todo = [i for i, (e, r) in enumerate(zip(entities, rules, strict=True))
            if not r or (r != "event" and not (e.strong or e.titled or e.plays))]
    if not todo:
        return rules
    scores = class_scores([entity_features(entities[i], lower, rules[i]) for i in todo], model)
    probs = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    out = list(rules)
    for i, b, p in zip(todo, probs.argmax(axis=1).tolist(), probs.max(axis=1).tolist(), strict=True):
        if p >= (model[2][b] if not rules[i] else model[3] if b else 2.0):
            out[i] = CLASSES[b]
    return out
