"""Retrain the default summariser's weights: `python packaging/train_summary.py [DATA]`.

Reads the three dev sets (news, how-to, papers; DATA defaults to ../shared/bench/summaries), computes
the ranker's features exactly as the app does (desktop.core.summary.signals), labels each article's
sentences with a greedy ROUGE oracle of k sentences, then fits in numpy:
- the kind of document: a multinomial logistic regression on the structure signals (genre = set);
- the sentence scorer: one logistic regression for all kinds, then one per kind shrunk towards it.
Every choice (L2 strength, shrinkage, MMR redundancy) is made on held-out halves (fit on one half of
every set, score the other, both ways round); leave-one-genre-out figures are printed to show what an
unseen kind of document gets. The final weights are fitted on all documents and written to
desktop/core/summary/weights.json (a few kB).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.bench.summarize import DEFAULT_DATA, article_of, load_rows  # noqa: E402
from desktop.core.split import article_sentences  # noqa: E402
from desktop.core.summary.rank import KINDS, Model, choose, select  # noqa: E402
from desktop.core.summary.signals import SENTENCE_FEATURES, signals  # noqa: E402

SETS = (("cnndm_dev", "news", 3), ("wikihow_dev", "howto", 14), ("scisummnet_dev", "paper", 4))
OUT = ROOT / "desktop" / "core" / "summary" / "weights.json"
L2_GRID = (10.0,)
SHRINK = 10.0  # how far one kind's weights may stray from the weights for all kinds
# Per kind, chosen on held-out halves: weight of the opening, of brevity, of one sentence per paragraph,
# and of redundancy (MMR).
LEAD_GRID = (0.0, 1.0, 3.0, 8.0)
BREVITY_GRID = (0.0, 0.5, 1.0, 1.5, 2.5)
PARAGRAPH_GRID = (0.0, 0.3, 1.0)
REDUNDANCY_GRID = (0.3, 0.6, 0.9)


# -- ROUGE, as rouge-score computes it (lower case, alphanumeric tokens, Porter stems over 3 letters) --

def rouge_tokens(text: str, cache: dict[str, str]) -> list[str]:
    import re

    from nltk.stem import porter

    stem = cache.setdefault("__stemmer__", porter.PorterStemmer())  # type: ignore[arg-type]
    out = []
    for t in re.split(r"[^a-z0-9]+", text.lower()):
        if not t:
            continue
        if len(t) > 3:
            s = cache.get(t)
            if s is None:
                s = cache[t] = stem.stem(t)
            t = s
        out.append(t)
    return out


def f1(overlap: float, sys_total: float, ref_total: float) -> float:
    if overlap <= 0 or sys_total <= 0 or ref_total <= 0:
        return 0.0
    p, r = overlap / sys_total, overlap / ref_total
    return 2 * p * r / (p + r)


def rouge12(grams: list[tuple[Counter, Counter]], chosen: list[int],
            ref: tuple[Counter, Counter]) -> tuple[float, float]:
    out = []
    for g in range(2):
        total: Counter = Counter()
        for i in chosen:
            total.update(grams[i][g])
        overlap = sum((total & ref[g]).values())
        out.append(100 * f1(overlap, sum(total.values()), sum(ref[g].values())))
    return out[0], out[1]


def ngrams(tokens: list[str]) -> tuple[Counter, Counter]:
    return Counter(tokens), Counter(zip(tokens, tokens[1:], strict=False))


def oracle(grams: list[tuple[Counter, Counter]], ref: tuple[Counter, Counter], k: int) -> list[int]:
    """Greedy: add the sentence that raises R-1 + R-2 most, until k or no gain."""
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < k:
        gains = [(sum(rouge12(grams, chosen + [i], ref)), i) for i in range(len(grams)) if i not in chosen]
        if not gains:
            break
        score, i = max(gains)
        if score <= best:
            break
        best = score
        chosen.append(i)
    return chosen


# -- data -------------------------------------------------------------------------------------------

def prepare(data: Path, limit: int | None) -> list[dict]:
    docs = []
    cache: dict[str, str] = {}
    for set_name, kind, k in SETS:
        rows = load_rows(data / f"{set_name}.jsonl", limit)
        for number, row in enumerate(rows):
            article = article_of(row)
            body = [s for s in article_sentences(article) if s.kind == "body"]
            if not body:
                continue
            sig = signals([s.text for s in body], [s.paragraph for s in body], title=article.title)
            grams = [ngrams(rouge_tokens(s.text, cache)) for s in body]
            refs = [ngrams(rouge_tokens(r, cache)) for r in row["references"]]
            ref = refs[0]
            labels = np.zeros(len(body))
            labels[oracle(grams, ref, k)] = 1.0
            half = 0 if number < (len(rows) + 1) // 2 else 1
            docs.append({"set": set_name, "kind": KINDS.index(kind), "k": k, "half": half,
                         "table": sig.table, "document": sig.document, "matrix": sig.matrix, "grams": grams,
                         "refs": refs, "labels": labels})
        print(f"prepared {set_name}: {sum(1 for d in docs if d['set'] == set_name)} documents", flush=True)
    return docs


# -- fitting ----------------------------------------------------------------------------------------

def listwise(docs: list[dict], mean: np.ndarray, scale: np.ndarray, l2: float, prior: np.ndarray | None = None,
             steps: int = 30) -> np.ndarray:
    """Weights of a per-document softmax over sentences whose target is the oracle's choice (a listwise
    logistic regression), by Newton steps; L2 pulls the weights towards `prior`."""
    d = len(mean)
    prior = np.zeros(d) if prior is None else prior
    w = prior.copy()
    penalty = np.full(d, float(l2))
    penalty[0] = 1e6  # a constant changes no ranking
    xs = [(doc["table"] - mean) / scale for doc in docs if doc["labels"].sum() > 0]
    ts = [doc["labels"] / doc["labels"].sum() for doc in docs if doc["labels"].sum() > 0]
    for _ in range(steps):
        grad = penalty * (w - prior)
        hess = np.diag(penalty)
        for x, t in zip(xs, ts, strict=True):
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            grad += x.T @ (p - t)
            xp = x.T * p
            hess += xp @ x - np.outer(xp.sum(axis=1), xp.sum(axis=1))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def softmax_regression(x: np.ndarray, y: np.ndarray, classes: int, l2: float, steps: int = 500) -> np.ndarray:
    """Multinomial logistic regression by gradient descent (few features, few documents)."""
    w = np.zeros((classes, x.shape[1]))
    onehot = np.eye(classes)[y]
    for _ in range(steps):
        z = x @ w.T
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot).T @ x / len(x) + l2 * np.c_[np.zeros(classes), w[:, 1:]] / len(x)
        w -= 0.5 * grad
    return w


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0
    scale[scale < 1e-9] = 1.0
    return mean, scale


def fit_scorers(docs: list[dict], l2: float, shrink: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature scaling and one weight row per kind (each shrunk towards the weights for all kinds)."""
    mean, scale = standardise(np.vstack([d["table"] for d in docs]))
    pooled = listwise(docs, mean, scale, l2)
    rows = []
    for k in range(len(KINDS)):
        mine = [d for d in docs if d["kind"] == k]
        if not mine:
            rows.append(pooled)
            continue
        # A feature that never varies within this kind's documents (paragraph features of news whose
        # paragraph breaks were lost) gets no weight: the other kinds' weights would be a guess.
        varies = np.vstack([d["table"] for d in mine]).std(axis=0) > 1e-9
        rows.append(listwise(mine, mean, scale, shrink, prior=np.where(varies, pooled, 0.0)))
    return mean, scale, np.vstack(rows)


def fit_kinds(docs: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    dx = np.vstack([d["document"] for d in docs])
    dmean, dscale = standardise(dx)
    return dmean, dscale, softmax_regression((dx - dmean) / dscale, np.array([d["kind"] for d in docs]),
                                             len(KINDS), 1.0)


def with_choices(scorers: tuple, kinds: tuple, choices: dict[int, tuple[float, float, float, float]]) -> Model:
    mean, scale, weights = scorers
    dmean, dscale, kind_w = kinds
    per = np.array([choices[k] for k in range(len(KINDS))])
    return Model(mean=mean, scale=scale, weights=weights, lead=per[:, 0], brevity=per[:, 1], paragraph=per[:, 2],
                 redundancy=per[:, 3], kind_mean=dmean, kind_scale=dscale, kind_weights=kind_w)


def doc_scores(d: dict, model: Model, kind: int, choice: tuple[float, float, float, float]) -> tuple[float, float]:
    """R-1 / R-2 of the model's choice with the kind known (while choosing the per-kind settings)."""
    onehot = np.eye(len(KINDS))[kind]
    probe = Model(**{**{n: getattr(model, n) for n in Model.ARRAYS}, "lead": np.full(3, choice[0]),
                     "brevity": np.full(3, choice[1]), "paragraph": np.full(3, choice[2]),
                     "redundancy": np.full(3, choice[3])})
    paragraphs = np.cumsum(d["table"][:, SENTENCE_FEATURES.index("paragraph_first")])
    chosen = select(d["matrix"], probe.relevance(d["table"], onehot), d["k"], choice[3], paragraphs, choice[2])
    return tuple(np.mean([rouge12(d["grams"], chosen, r) for r in d["refs"]], axis=0))


def evaluate(model: Model, docs: list[dict]) -> dict[str, tuple[float, float]]:
    """Mean R-1 / R-2 of the model's k sentences per set, the kind guessed as in the app."""
    out: dict[str, list[tuple[float, float]]] = {}
    for d in docs:
        chosen = choose(model, d["table"], d["document"], d["matrix"], d["k"])
        scores = [rouge12(d["grams"], chosen, r) for r in d["refs"]]
        out.setdefault(d["set"], []).append(tuple(np.mean(scores, axis=0)))
    return {name: tuple(np.mean(v, axis=0)) for name, v in out.items()}


CHOICES = [(lead, brevity, paragraph, redundancy) for lead in LEAD_GRID for brevity in BREVITY_GRID
           for paragraph in PARAGRAPH_GRID for redundancy in REDUNDANCY_GRID]


def choose_settings(docs: list[dict], l2: float, shrink: float) -> tuple[dict, dict]:
    """Per kind, the settings whose mean R-1 + R-2 over the two held-out halves is best; returns them
    and, per set, the held-out R-1 / R-2 they got."""
    totals: dict[tuple[int, tuple], list] = {}
    for half in (0, 1):
        train = [d for d in docs if d["half"] != half]
        scorers = fit_scorers(train, l2, shrink)
        model = with_choices(scorers, fit_kinds(train), {k: CHOICES[0] for k in range(len(KINDS))})
        for d in docs:
            if d["half"] != half:
                continue
            for choice in CHOICES:
                totals.setdefault((d["kind"], choice), []).append(doc_scores(d, model, d["kind"], choice))
    best: dict[int, tuple] = {}
    held: dict[str, tuple[float, float]] = {}
    for k in range(len(KINDS)):
        options = {c: np.mean(totals[(k, c)], axis=0) for c in CHOICES if (k, c) in totals}
        if not options:
            best[k] = CHOICES[0]
            continue
        best[k] = max(options, key=lambda c: options[c].sum())
        name = next(d["set"] for d in docs if d["kind"] == k)
        held[name] = tuple(options[best[k]])
    return best, held


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--limit", type=int, help="only the first N documents of each set (a quick check)")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--cache", help="keep the prepared features in this pickle file (to retry choices)")
    args = parser.parse_args(argv)
    if args.cache and Path(args.cache).exists():
        docs = pickle.loads(Path(args.cache).read_bytes())
    else:
        docs = prepare(Path(args.data), args.limit)
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(docs))
    best = None
    for l2 in L2_GRID:
        choices, held = choose_settings(docs, l2, SHRINK)
        line = "  ".join(f"{n} {r1:.2f}/{r2:.2f}" for n, (r1, r2) in held.items())
        print(f"l2={l2}: held-out halves {line}; settings (lead, brevity, paragraph, redundancy) per kind "
              f"{choices}", flush=True)
        if best is None or sum(sum(v) for v in held.values()) > sum(sum(v) for v in best[1].values()):
            best = (choices, held, l2)
    choices, held, l2 = best
    print(f"chosen: l2={l2}, settings {choices}")
    model = with_choices(fit_scorers(docs, l2, SHRINK), fit_kinds(docs), choices)
    for half in (0, 1):
        train = [d for d in docs if d["half"] != half]
        part = with_choices(fit_scorers(train, l2, SHRINK), fit_kinds(train), choices)
        result = evaluate(part, [d for d in docs if d["half"] == half])
        print(f"fitted on half {'BA'[half]}, scored on half {'AB'[half]} (kind guessed): "
              + "  ".join(f"{n} {r1:.2f}/{r2:.2f}" for n, (r1, r2) in result.items()))
    for name, _, _ in SETS:
        rest = [d for d in docs if d["set"] != name]
        mean, scale, weights = fit_scorers(rest, l2, SHRINK)
        pooled = listwise(rest, mean, scale, l2)
        general = Model(mean=mean, scale=scale, weights=np.vstack([pooled] * len(KINDS)), lead=np.zeros(3),
                        brevity=np.zeros(3), paragraph=np.zeros(3), redundancy=np.full(3, 0.3),
                        kind_mean=model.kind_mean, kind_scale=model.kind_scale, kind_weights=model.kind_weights)
        unseen = evaluate(general, [d for d in docs if d["set"] == name])[name]
        print(f"leave-one-genre-out {name} (weights for all kinds, fitted on the other two): "
              f"{unseen[0]:.2f}/{unseen[1]:.2f}")
    kinds = Counter((d["set"], KINDS[int(np.argmax(model.kind_probabilities(d["document"])))]) for d in docs)
    print(f"kind signal on the training documents: {dict(kinds)}")
    Path(args.out).write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
