"""`python -m desktop.bench clean [DATA] [--per-page N]`: word-shingle P/R/F1 of the reading view.

DATA (default ../shared/bench/extraction) holds html/<id>.html.gz, txt/<id>.txt and
ground-truth.json. The text scored is Article.body_text: the body and heading paragraphs joined by
blank lines (not the title, not captions), computed with the same functions as `precis clean`
(load_path + clean_source). Unless --no-cli-check is given, the real `precis clean --json` is then
run on every page and its body and heading paragraphs must give the very text that was scored.
Scoring follows the data's README: \\w+ tokens, 4-token shingles as multisets, per-page TP/FP/FN
normalised by their sum, precision and recall averaged over pages, F1 of the two means.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from desktop.core.clean import clean_source
from desktop.core.errors import PrecisError
from desktop.core.read import load_path

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

    # Its best setting on these pages: comments left out (the README's reference figure).
    return trafilatura.extract(path.read_text(encoding="utf-8", errors="replace"), include_comments=False) or ""


def run(
    name: str, files: dict[str, Path], truth: dict[str, str], system: Callable[[Path], str],
    per_page: int, timed: bool,
) -> dict[str, str]:
    """Score one system on the pages; print P/R/F1 (and ms per page); return the texts scored."""
    texts: dict[str, str] = {}
    if files:
        system(next(iter(files.values())))  # warm up: imports and first-call setup are not per page
    start = time.perf_counter()
    for page_id, path in files.items():
        texts[page_id] = system(path)
    elapsed = time.perf_counter() - start  # extraction only: the scoring is not the system's time
    counts: list[tuple[float, float, float]] = []
    scored: list[tuple[float, str]] = []
    for page_id, text in texts.items():
        c = page_counts(text, truth[page_id])
        counts.append(c)
        tp, fp, fn = c
        scored.append((2 * tp / (2 * tp + fp + fn) if tp else 0.0, page_id))
    p, r, f = prf(counts)
    ms = f"  {1000 * elapsed / max(1, len(files)):6.1f} ms/page" if timed else ""
    print(f"{name:<28} P {p:.3f}  R {r:.3f}  F1 {f:.3f}{ms}")
    if per_page:
        for score, page_id in sorted(scored)[:per_page]:
            print(f"    {score:.3f}  {files[page_id]}")
    return texts


def cli_check(name: str, files: dict[str, Path], scored: dict[str, str]) -> bool:
    """Run the real `precis clean --json` on the pages; its body and heading paragraphs must join
    to the text scored. Prints one line; True when every page agrees."""
    by_path = {str(path): page_id for page_id, path in files.items()}
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "clean", "--json", *by_path],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    cli: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        obj = json.loads(line)
        cli[by_path[obj["path"]]] = "\n\n".join(
            p["text"] for p in obj["paragraphs"] if p["kind"] in ("body", "heading"))
    # A page the cleaner refuses scores as empty text; the CLI prints an error line for it.
    differ = [k for k in files if cli.get(k, "") != scored[k]]
    print(f"{name:<28} precis clean --json agrees on {len(files) - len(differ)}/{len(files)} pages"
          + (f"; differs on {', '.join(differ[:5])}" if differ else ""))
    return not differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench clean", description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="benchmark folder")
    parser.add_argument("--per-page", type=int, default=0, metavar="N", help="list the N worst pages")
    parser.add_argument("--no-baselines", action="store_true", help="skip raw text and trafilatura alone")
    parser.add_argument("--only", choices=("html", "txt"), help="score one format only")
    parser.add_argument("--no-cli-check", action="store_true",
                        help="skip running `precis clean --json` to confirm it reports the text scored")
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
        agree = True
        if args.only != "txt":
            scored = run("html: Précis", html, truth, _ours, args.per_page, True)
            if not args.no_baselines:
                run("html: trafilatura alone", html, truth, _trafilatura, 0, True)
            if not args.no_cli_check:
                agree &= cli_check("html:", html, scored)
        if args.only != "html":
            scored = run("txt:  Précis", txt, truth, _ours, args.per_page, True)
            if not args.no_baselines:
                run("txt:  the file as it is", txt, truth, _raw, 0, False)
            if not args.no_cli_check:
                agree &= cli_check("txt: ", txt, scored)
    return 0 if agree else 1
