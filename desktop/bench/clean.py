"""`python -m desktop.bench clean [DATA] [--per-page N]`: word-shingle P/R/F1 of the reading view.

DATA (default ../shared/bench/extraction) holds html/<id>.html.gz, txt/<id>.txt and
ground-truth.json. The text scored is Article.body_text, exactly what `precis clean --json` reports
as body and heading paragraphs, computed with the same functions (load_path + clean_source).
Scoring follows the data's README: \\w+ tokens, 4-token shingles as multisets, per-page TP/FP/FN
normalised by their sum, precision and recall averaged over pages, F1 of the two means.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from desktop.core.clean import clean_source
from desktop.core.errors import PrecisError
from desktop.core.load import load_path

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "extraction"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def page_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    """Return (tp, fp, fn) for one page, normalised so they sum to 1 (or all 0)."""
    p, t = shingles(predicted), shingles(truth)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def prf(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precisions = [1.0 if fp == 0 and fn == 0 else tp / (tp + fp) for tp, fp, fn in counts if tp + fp > 0
                  or (fp == 0 and fn == 0)]
    recalls = [1.0 if fp == 0 and fn == 0 else tp / (tp + fn) for tp, fp, fn in counts if tp + fn > 0
               or (fp == 0 and fn == 0)]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _ours(path: Path) -> str:
    try:
        return clean_source(load_path(path)).body_text
    except PrecisError:
        return ""


def _raw(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _trafilatura(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_text(encoding="utf-8", errors="replace")) or ""


def run(
    name: str, files: dict[str, Path], truth: dict[str, str], system: Callable[[Path], str],
    per_page: int, timed: bool,
) -> tuple[float, float, float]:
    counts: list[tuple[float, float, float]] = []
    scored: list[tuple[float, str]] = []
    start = time.perf_counter()
    for page_id, path in files.items():
        c = page_counts(system(path), truth[page_id])
        counts.append(c)
        tp, fp, fn = c
        scored.append((2 * tp / (2 * tp + fp + fn) if tp else 0.0, page_id))
    elapsed = time.perf_counter() - start
    p, r, f = prf(counts)
    ms = f"  {1000 * elapsed / max(1, len(files)):6.1f} ms/page" if timed else ""
    print(f"{name:<28} P {p:.3f}  R {r:.3f}  F1 {f:.3f}{ms}")
    if per_page:
        for score, page_id in sorted(scored)[:per_page]:
            print(f"    {score:.3f}  {files[page_id]}")
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench clean", description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="benchmark folder")
    parser.add_argument("--per-page", type=int, default=0, metavar="N", help="list the N worst pages")
    parser.add_argument("--no-baselines", action="store_true", help="skip raw text and trafilatura alone")
    parser.add_argument("--only", choices=("html", "txt"), help="score one format only")
    args = parser.parse_args(argv)
    data = Path(args.data)
    truth = {k: v["articleBody"] for k, v in
             json.loads((data / "ground-truth.json").read_text(encoding="utf-8")).items()}
    txt = {k: data / "txt" / f"{k}.txt" for k in sorted(truth) if (data / "txt" / f"{k}.txt").exists()}
    print(f"{len(truth)} pages in {data}")
    with tempfile.TemporaryDirectory(prefix="precis-bench-") as tmp:
        # load_path reads files, so the gzipped pages are unpacked once outside the timed loop.
        html: dict[str, Path] = {}
        for k in sorted(truth):
            gz = data / "html" / f"{k}.html.gz"
            if gz.exists():
                html[k] = Path(tmp) / f"{k}.html"
                html[k].write_bytes(gzip.decompress(gz.read_bytes()))
        if args.only != "txt":
            run("html: Précis", html, truth, _ours, args.per_page, True)
            if not args.no_baselines:
                run("html: trafilatura alone", html, truth, _trafilatura, 0, True)
        if args.only != "html":
            run("txt:  Précis", txt, truth, _ours, args.per_page, True)
            if not args.no_baselines:
                run("txt:  the file as it is", txt, truth, _raw, 0, False)
    return 0
