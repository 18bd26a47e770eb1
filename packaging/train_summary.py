"""Retrain the default summariser's weights: `python packaging/train_summary.py [DATA]`.

Reads the three dev sets (news, how-to, papers; DATA defaults to ../shared/bench/summaries), computes
the ranker's features exactly as the app does (desktop.core.summary.signals), labels each article's
sentences with a greedy ROUGE oracle of k sentences, then fits in numpy:
- the kind of document: a multinomial logistic regression on the structure signals (genre = set);
- the sentence scorer: one listwise logistic regression per kind, whose target is the oracle's choice
  mixed (or not) with a softmax of each sentence's own ROUGE against the reference.
Every choice (per kind: L2 strength, label mix, the pull of the opening, of brevity, of one sentence a
paragraph, redundancy) is made by cross-fitting: fit on one half of every set, score the other, both
ways round, and keep what is best over the two held-out halves. The script prints those held-out
figures beside lead-k (the news target is lead-3 + 0.5 R-1), and leave-one-genre-out figures to show
what an unseen kind of document gets; `--nested` adds an estimate free of the choosing (settings chosen
inside one half, scored on the other). The final weights are fitted on all documents and written to
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
WORDS = SENTENCE_FEATURES.index("words")
# Per kind, chosen by cross-fitting: the scorer's L2 strength and the share of its target that is the
# soft label (each sentence's own ROUGE) rather than the oracle's choice; then the weight of the
# opening, of brevity, of one sentence per paragraph and of redundancy (MMR).
L2_GRID = (3.0, 10.0, 30.0)
MIX_GRID = (0.0, 0.25)
SOFT_TEMPERATURE = 2.0  # R-1 + R-2 points: a sentence 2 points below the best gets 1/e of its share
GENERAL_L2 = 10.0  # the weights for all kinds (a kind without documents; leave-one-genre-out)
LEAD_GRID = (0.0, 0.5, 1.0, 3.0)
BREVITY_GRID = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5)
PARAGRAPH_GRID = (0.0, 0.3)
REDUNDANCY_GRID = (0.3, 0.9)


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

def target(d: dict, mix: float) -> np.ndarray:
    """What the scorer should put its weight on in one document: the oracle's sentences, mixed with a
    softmax of each sentence's own R-1 + R-2 (a softer target that tells near misses from misses)."""
    picked = d["labels"] / max(1.0, d["labels"].sum())
    if not mix:
        return picked
    if "solo" not in d:
        d["solo"] = np.array([sum(rouge12(d["grams"], [i], d["refs"][0])) for i in range(len(d["grams"]))])
    z = np.exp((d["solo"] - d["solo"].max()) / SOFT_TEMPERATURE)
    return (1.0 - mix) * picked + mix * z / z.sum()


def listwise(docs: list[dict], mean: np.ndarray, scale: np.ndarray, l2: float, mix: float = 0.0,
             steps: int = 30) -> np.ndarray:
    """Weights of a per-document softmax over sentences fitted to `target` (a listwise logistic
    regression), by Newton steps with an L2 penalty."""
    d = len(mean)
    w = np.zeros(d)
    penalty = np.full(d, float(l2))
    penalty[0] = 1e6  # a constant changes no ranking
    pairs = [((doc["table"] - mean) / scale, target(doc, mix)) for doc in docs if doc["labels"].sum() > 0]
    for _ in range(steps):
        grad = penalty * w
        hess = np.diag(penalty)
        for x, t in pairs:
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


def fit_kind(docs: list[dict], l2: float, mix: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One kind's scorer, its features standardised over that kind's sentences (so that the L2 penalty
    is measured against how much each feature varies there): scaling and weights."""
    mean, scale = standardise(np.vstack([d["table"] for d in docs]))
    return mean, scale, listwise(docs, mean, scale, l2, mix)


def fit_scorers(docs: list[dict], fits: dict[int, tuple[float, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature scaling (over all documents) and one weight row per kind (its own L2 strength and label
    mix), re-expressed on that scaling: a constant shift changes no ranking. A kind without documents
    gets the weights for all kinds."""
    mean, scale = standardise(np.vstack([d["table"] for d in docs]))
    rows = []
    for k in range(len(KINDS)):
        mine = [d for d in docs if d["kind"] == k]
        if not mine:
            rows.append(listwise(docs, mean, scale, GENERAL_L2))
            continue
        _, own_scale, w = fit_kind(mine, *fits[k])
        rows.append(w * scale / own_scale)
    return mean, scale, np.vstack(rows)


def fit_kinds(docs: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    dx = np.vstack([d["document"] for d in docs])
    dmean, dscale = standardise(dx)
    return dmean, dscale, softmax_regression((dx - dmean) / dscale, np.array([d["kind"] for d in docs]),
                                             len(KINDS), 1.0)


def fit_model(docs: list[dict], settings: dict[int, tuple]) -> Model:
    """The whole model fitted on `docs` with each kind's settings (l2, mix, lead, brevity, paragraph,
    redundancy)."""
    mean, scale, weights = fit_scorers(docs, {k: s[:2] for k, s in settings.items()})
    dmean, dscale, kind_w = fit_kinds(docs)
    per = np.array([settings[k][2:] for k in range(len(KINDS))])
    return Model(mean=mean, scale=scale, weights=weights, lead=per[:, 0], brevity=per[:, 1], paragraph=per[:, 2],
                 redundancy=per[:, 3], kind_mean=dmean, kind_scale=dscale, kind_weights=kind_w)


def doc_scores(d: dict, raw: np.ndarray, choice: tuple[float, float, float, float]) -> tuple[float, float]:
    """R-1 / R-2 of the sentences chosen with these settings, from the scorer's raw scores (kind known)."""
    lead, brevity, paragraph, redundancy = choice
    rel = (raw - raw.mean()) / max(float(raw.std()), 1e-9)
    rel = rel - lead * np.log1p(np.arange(len(raw))) - brevity * d["table"][:, WORDS]
    paragraphs = np.cumsum(d["table"][:, SENTENCE_FEATURES.index("paragraph_first")])
    chosen = select(d["matrix"], rel, d["k"], redundancy, paragraphs, paragraph)
    return tuple(np.mean([rouge12(d["grams"], chosen, r) for r in d["refs"]], axis=0))


def evaluate(model: Model, docs: list[dict]) -> dict[str, tuple[float, float]]:
    """Mean R-1 / R-2 of the model's k sentences per set, the kind guessed as in the app."""
    out: dict[str, list[tuple[float, float]]] = {}
    for d in docs:
        chosen = choose(model, d["table"], d["document"], d["matrix"], d["k"])
        scores = [rouge12(d["grams"], chosen, r) for r in d["refs"]]
        out.setdefault(d["set"], []).append(tuple(np.mean(scores, axis=0)))
    return {name: tuple(np.mean(v, axis=0)) for name, v in out.items()}


def lead_scores(docs: list[dict]) -> dict[str, tuple[float, float]]:
    """Mean R-1 / R-2 of the first k sentences per set."""
    out: dict[str, list] = {}
    for d in docs:
        first = list(range(min(d["k"], len(d["grams"]))))
        out.setdefault(d["set"], []).append(np.mean([rouge12(d["grams"], first, r) for r in d["refs"]], axis=0))
    return {name: tuple(np.mean(v, axis=0)) for name, v in out.items()}


CHOICES = [(lead, brevity, paragraph, redundancy) for lead in LEAD_GRID for brevity in BREVITY_GRID
           for paragraph in PARAGRAPH_GRID for redundancy in REDUNDANCY_GRID]
FITS = [(l2, mix) for l2 in L2_GRID for mix in MIX_GRID]


def choose_settings(docs: list[dict]) -> dict[int, tuple]:
    """Per kind, the settings (l2, mix, lead, brevity, paragraph, redundancy) whose mean R-1 + R-2 over
    the two held-out halves is best (fit on one half of every set, score the other, both ways)."""
    totals: dict[tuple, list] = {}
    for half in (0, 1):
        train = [d for d in docs if d["half"] != half]
        for k in range(len(KINDS)):
            mine = [d for d in train if d["kind"] == k]
            tests = [d for d in docs if d["half"] == half and d["kind"] == k]
            for fit in FITS:
                if not mine:
                    continue
                mean, scale, w = fit_kind(mine, *fit)
                for d in tests:
                    raw = ((d["table"] - mean) / scale) @ w
                    for choice in CHOICES:
                        totals.setdefault((k, fit + choice), []).append(doc_scores(d, raw, choice))
    best: dict[int, tuple] = {}
    for k in range(len(KINDS)):
        options = {key[1]: np.mean(v, axis=0).sum() for key, v in totals.items() if key[0] == k}
        best[k] = max(options, key=options.__getitem__) if options else FITS[1] + CHOICES[0]
    return best


def nested(docs: list[dict]) -> None:
    """An estimate free of the choosing: the settings are chosen by cross-fitting inside one half (its
    two quarters), the model is fitted on that half and scored on the other."""
    for half in (0, 1):
        train = [d for d in docs if d["half"] != half]
        inner = []
        for name, _, _ in SETS:
            mine = [d for d in train if d["set"] == name]
            inner += [{**d, "half": int(i >= (len(mine) + 1) // 2)} for i, d in enumerate(mine)]
        settings = choose_settings(inner)
        test = [d for d in docs if d["half"] == half]
        print(f"nested: chosen and fitted on half {'BA'[half]}, scored on half {'AB'[half]}: "
              + table_line(evaluate(fit_model(train, settings), test), lead_scores(test)), flush=True)


def table_line(result: dict[str, tuple[float, float]], lead: dict[str, tuple[float, float]]) -> str:
    return "  ".join(f"{n} {r1:.2f}/{r2:.2f} (lead {lead[n][0]:.2f}/{lead[n][1]:.2f}, "
                     f"{r1 - lead[n][0]:+.2f}/{r2 - lead[n][1]:+.2f})" for n, (r1, r2) in result.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--limit", type=int, help="only the first N documents of each set (a quick check)")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--cache", help="keep the prepared features in this pickle file (to retry choices)")
    parser.add_argument("--nested", action="store_true",
                        help="also print the nested estimate (settings chosen inside one half; a few minutes more)")
    args = parser.parse_args(argv)
    if args.cache and Path(args.cache).exists():
        docs = pickle.loads(Path(args.cache).read_bytes())
    else:
        docs = prepare(Path(args.data), args.limit)
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(docs))
    settings = choose_settings(docs)
    print("chosen by cross-fitting, per kind (l2, label mix, lead, brevity, paragraph, redundancy): "
          + "  ".join(f"{KINDS[k]} {s}" for k, s in settings.items()), flush=True)
    model = fit_model(docs, settings)
    for half in (0, 1):
        test = [d for d in docs if d["half"] == half]
        print(f"cross-fit: fitted on half {'BA'[half]}, scored on half {'AB'[half]} (kind guessed): "
              + table_line(evaluate(fit_model([d for d in docs if d["half"] != half], settings), test),
                           lead_scores(test)), flush=True)
    if args.nested:
        nested(docs)
    for half in (0, 1):
        test = [d for d in docs if d["half"] == half]
        print(f"in-sample (fitted on all), half {'AB'[half]}: " + table_line(evaluate(model, test), lead_scores(test)))
    for name, _, _ in SETS:
        rest = [d for d in docs if d["set"] != name]
        mean, scale = standardise(np.vstack([d["table"] for d in rest]))
        pooled = listwise(rest, mean, scale, GENERAL_L2)
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
