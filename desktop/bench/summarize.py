"""`python -m desktop.bench summarize [DATA] [--limit N] [--algorithms A,B] [--sets S,T] [--after-opening N]`:
ROUGE of every summariser on the dev sets, on each set and on each half of it, with the issue's targets
checked (`--after-opening N`: each article without its first N sentences, which the window shows above
the summary; what a summary that does not repeat them would score).

DATA (default ../shared/bench/summaries) holds cnndm_dev (news, k=3), wikihow_dev (how-to, k=14) and
scisummnet_dev (papers, k=4); see its README. Each article's paragraphs (blank-line separated) become
body paragraphs, split by our own splitter, the set's title is given as the title, and every algorithm
goes through desktop.core.summary.registry.summarize, exactly as the app calls it.
Scores: ROUGE-1/2/L F x100 (rouge-score, use_stemmer=True, rougeL), averaged over references, then
over articles. Halves: A = the first ceil(n/2) articles of the file, B = the rest. A sumy algorithm
that refuses long texts is compared with the default on the articles it scored."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.model import Article, Options, Paragraph, Sentence
from desktop.core.split import article_sentences
from desktop.core.summary import ALGORITHMS, summarize

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "summaries"
METRICS = ("rouge1", "rouge2", "rougeL")
# Sentences to pick per set (see the README of the data) and the target for it.
SETS: dict[str, int] = {"cnndm_dev": 3, "wikihow_dev": 14, "scisummnet_dev": 4}
TARGETS: dict[str, str] = {"cnndm_dev": "news", "wikihow_dev": "howto", "scisummnet_dev": "paper"}
LABELS_SHORT = {"precis": "Précis default"}


def article_of(row: dict) -> Article:
    paragraphs = [p.strip() for p in row["text"].split("\n\n") if p.strip()]
    return Article(title=row.get("title", ""), paragraphs=tuple(Paragraph("body", p) for p in paragraphs))


def load_rows(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return rows[:limit] if limit else rows


def _score_article(job: tuple[dict, int, tuple[str, ...], int]) -> dict[str, tuple[float, float, float, float] | None]:
    """Scores of one article for each algorithm: (R1, R2, RL, ms), or None when refused."""
    from rouge_score import rouge_scorer

    row, n, algorithms, opening = job
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    article = article_of(row)
    sentences: tuple[Sentence, ...] = article_sentences(article)
    if opening:  # the reader has seen the opening: summarise what follows it
        body = [s for s in sentences if s.kind == "body"]
        seen = {s.index for s in body[:opening]} if len(body) > opening else set()
        sentences = tuple(s for s in sentences if s.index not in seen)
    out: dict[str, tuple[float, float, float, float] | None] = {}
    for algorithm in algorithms:
        start = time.perf_counter()
        try:
            summary = summarize(sentences, Options(algorithm=algorithm, sentences=n), title=article.title)
        except PrecisError:
            out[algorithm] = None
            continue
        ms = (time.perf_counter() - start) * 1000
        text = "\n".join(s.text for s in summary.sentences)
        totals = [0.0, 0.0, 0.0]
        for ref in row["references"]:
            result = scorer.score(ref, text)
            for k, metric in enumerate(METRICS):
                totals[k] += result[metric].fmeasure
        refs = max(1, len(row["references"]))
        out[algorithm] = (100 * totals[0] / refs, 100 * totals[1] / refs, 100 * totals[2] / refs, ms)
    return out


def run_set(rows: Sequence[dict], k: int, algorithms: Sequence[str], workers: int = 2,
            opening: int = 0) -> list[dict]:
    """Per-article scores of every algorithm: {algorithm: (R1, R2, RL, ms) or None when refused}."""
    jobs = [(row, k, tuple(algorithms), opening) for row in rows]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            return list(pool.map(_score_article, jobs, chunksize=4))
    return [_score_article(job) for job in jobs]


def halves(results: list[dict]) -> dict[str, list[dict]]:
    """The whole set and its two halves in file order (A: the first ceil(n/2) articles, B: the rest)."""
    middle = (len(results) + 1) // 2
    return {"all": results, "A": results[:middle], "B": results[middle:]}


def means(results: list[dict], algorithm: str, only: list[int] | None = None) -> tuple[float, ...]:
    """Mean (R1, R2, RL, ms) of an algorithm over the articles it scored (or over `only`)."""
    picked = [r[algorithm] for k, r in enumerate(results) if r[algorithm] is not None and (only is None or k in only)]
    if not picked:
        return (float("nan"),) * 4
    return tuple(sum(p[m] for p in picked) / len(picked) for m in range(4))


def targets(set_name: str, results: list[dict], algorithms: Sequence[str]) -> list[tuple[str, bool]]:
    """The issue's targets for this set on these articles: (description, met). A sumy algorithm that
    refused some articles is compared with the default on the articles it scored."""
    goal = TARGETS.get(set_name)
    if goal is None or "precis" not in algorithms:
        return []
    out = []
    sumy = [a for a in algorithms if a not in ("precis", "lead")]
    rivals = ["lead"] if goal == "news" else sumy
    r1_margin = 0.5 if goal == "news" else 1.0
    for rival in rivals:
        if rival not in algorithms:
            continue
        common = [k for k, r in enumerate(results) if r[rival] is not None and r["precis"] is not None]
        if not common:
            continue
        ours, theirs = means(results, "precis", common), means(results, rival, common)
        ok1 = ours[0] >= theirs[0] + r1_margin
        text = f"R-1 {ours[0]:.2f} >= {rival} {theirs[0]:.2f} + {r1_margin}"
        ok = ok1
        if goal in ("news", "howto"):
            ok2 = ours[1] >= theirs[1]
            text += f", R-2 {ours[1]:.2f} >= {theirs[1]:.2f}"
            ok = ok1 and ok2
        out.append((text, ok))
    return out


def print_set(set_name: str, k: int, results: list[dict], algorithms: Sequence[str], seconds: float) -> bool:
    parts = halves(results)
    print(f"\n{set_name} ({len(results)} articles, k={k}; halves A = first {len(parts['A'])}, "
          f"B = last {len(parts['B'])}; {seconds:.0f} s)")
    print("| algorithm | all R-1 / R-2 / R-L | A R-1 / R-2 / R-L | B R-1 / R-2 / R-L | ms/article | refused |")
    print("|---|---|---|---|---|---|")
    for algorithm in algorithms:
        label = f"lead-{k}" if algorithm == "lead" else LABELS_SHORT.get(algorithm, algorithm)
        cells = []
        for part in ("all", "A", "B"):
            r1, r2, rl, _ = means(parts[part], algorithm)
            cells.append(f"{r1:.2f} / {r2:.2f} / {rl:.2f}")
        ms = means(results, algorithm)[3]
        refused = sum(1 for r in results if r[algorithm] is None)
        print(f"| {label} | {' | '.join(cells)} | {ms:.1f} | {refused or ''} |")
    met = True
    for part in ("A", "B"):
        checks = targets(set_name, parts[part], algorithms)
        if not checks:
            continue
        ok = all(c for _, c in checks)
        met &= ok
        print(f"target ({TARGETS[set_name]}) on half {part}: {'MET' if ok else 'MISSED'}")
        for text, c in checks:
            print(f"  {'ok ' if c else 'NO '} {text}")
    return met


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench summarize", description=__doc__)
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="folder with the .jsonl sets")
    parser.add_argument("--limit", type=int, help="only the first N articles of each set")
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS),
                        help="comma-separated (default: all)")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--after-opening", type=int, default=0, metavar="N",
                        help="leave out each article's first N body sentences (what the reader already saw)")
    args = parser.parse_args(argv)
    algorithms = [a.strip() for a in args.algorithms.split(",") if a.strip()]
    unknown = set(algorithms) - set(ALGORITHMS)
    if unknown:
        parser.error(f"unknown algorithms: {', '.join(sorted(unknown))}")
    data = Path(args.data)
    all_met = True
    for set_name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        path = data / f"{set_name}.jsonl"
        if not path.exists():
            print(f"\n{set_name}: {path} is missing, skipped (see the README there for where it comes from)")
            continue
        rows = load_rows(path, args.limit)
        k = SETS.get(set_name, 3)
        start = time.perf_counter()
        results = run_set(rows, k, algorithms, args.workers, args.after_opening)
        all_met &= print_set(set_name, k, results, algorithms, time.perf_counter() - start)
    print(f"\nall targets met on both halves: {'yes' if all_met else 'NO'}")
    return 0
