"""`python -m desktop.bench summarize [DATA] [--limit N] [--algorithms A,B]`: ROUGE of every summariser.

DATA (default ../shared/bench/summaries) holds cnndm_dev.jsonl and bbc300.jsonl (see its README).
Each article's paragraphs (blank-line separated) become body paragraphs, split by our own splitter,
and every algorithm goes through desktop.core.summary.registry.summarize, exactly as the app calls it.
Scores: ROUGE-1/2/L F x100 (rouge-score, use_stemmer=True, rougeL), averaged over references, then
over articles. Lengths: 3 sentences for cnndm_dev; 3 and len(ref_sentences) for bbc300.
"""

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


def article_of(row: dict) -> Article:
    paragraphs = [p.strip() for p in row["text"].split("\n\n") if p.strip()]
    return Article(title=row.get("title", ""), paragraphs=tuple(Paragraph("body", p) for p in paragraphs))


def load_rows(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return rows[:limit] if limit else rows


def _score_article(job: tuple[dict, str, tuple[str, ...]]) -> dict[str, tuple[float, float, float, float] | None]:
    """Scores of one article for each algorithm: (R1, R2, RL, ms), or None when refused."""
    from rouge_score import rouge_scorer

    row, length, algorithms = job
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    article = article_of(row)
    sentences: tuple[Sentence, ...] = article_sentences(article)
    n = 3 if length == "3" else max(1, int(row["ref_sentences"]))
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


def run_set(
    rows: Sequence[dict], length: str, algorithms: Sequence[str], workers: int = 2
) -> dict[str, tuple[float, float, float, float, int]]:
    """Mean (R1, R2, RL, ms, refused) per algorithm over the rows."""
    jobs = [(row, length, tuple(algorithms)) for row in rows]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_score_article, jobs, chunksize=8))
    else:
        results = [_score_article(job) for job in jobs]
    table = {}
    for algorithm in algorithms:
        scored = [r[algorithm] for r in results if r[algorithm] is not None]
        refused = len(results) - len(scored)
        if not scored:
            table[algorithm] = (float("nan"),) * 4 + (refused,)
            continue
        means = [sum(s[k] for s in scored) / len(scored) for k in range(4)]
        table[algorithm] = (*means, refused)
    return table


def print_table(name: str, table: dict[str, tuple[float, float, float, float, int]], lead: str = "lead-3") -> None:
    print(f"\n{name}")
    print("| algorithm | R-1 | R-2 | R-L | ms/article | refused |")
    print("|---|---|---|---|---|---|")
    for algorithm, (r1, r2, rl, ms, refused) in table.items():
        label = lead if algorithm == "lead" else algorithm
        print(f"| {label} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {ms:.1f} | {refused or ''} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench summarize", description=__doc__)
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="folder with the .jsonl sets")
    parser.add_argument("--limit", type=int, help="only the first N articles of each set")
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS),
                        help="comma-separated (default: all)")
    parser.add_argument("--sets", default="cnndm_dev,bbc300", help="comma-separated set names")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    algorithms = [a.strip() for a in args.algorithms.split(",") if a.strip()]
    unknown = set(algorithms) - set(ALGORITHMS)
    if unknown:
        parser.error(f"unknown algorithms: {', '.join(sorted(unknown))}")
    data = Path(args.data)
    for set_name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        path = data / f"{set_name}.jsonl"
        if not path.exists():
            print(f"\n{set_name}: {path} is missing, skipped (see the README there for where it comes from)")
            continue
        rows = load_rows(path, args.limit)
        lengths = ["3"] + (["ref"] if rows and "ref_sentences" in rows[0] else [])
        for length in lengths:
            start = time.perf_counter()
            table = run_set(rows, length, algorithms, args.workers)
            label = "3 sentences" if length == "3" else "len(ref_sentences) sentences"
            print_table(f"{set_name} ({len(rows)} articles, {label}, "
                        f"{time.perf_counter() - start:.0f} s)", table, "lead-3" if length == "3" else "lead-n")
    return 0
