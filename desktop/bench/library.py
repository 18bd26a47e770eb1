"""Library benchmark: `python -m desktop.bench library [--articles 10000] [--files 1000] [BENCH_DIR]`.

Builds a library of distinct articles in a temporary PRECIS_DATA_DIR from the dev texts in
../shared/bench (summaries/*.jsonl texts and extraction/txt files). Each base text is cleaned and
its facts found once; variants (paragraphs dropped and rotated, sentences borrowed from another
article, a numbered title) go through Library.add_many in batches with the base's facts, so the
10,000 build takes a minute rather than the ten that full cleaning would. The import of text files
written to a temp folder is timed separately, through the real importer (load, clean, facts).
The digest cache is filled for every article: each base's digest is computed once and every variant
gets a row of that size under its own key (computing 100,000 digests would take an hour; the rows'
size and number are what the figures depend on).
Prints: search median, open, list first screen, import time, database/raw size ratio, peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from desktop.core.model import Article, Facts, Paragraph, Source

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
QUERIES = ("government", "economy growth", "trump", "football match", "climate chan", "oil prices",
           "election campaign", "mobile phone", "prime minister", "interest rates", "film award",
           "police said")
TARGETS = {"search": 20.0, "slowest": 60.0, "open": 30.0, "list": 30.0, "import": 5.0, "ratio": 3.0,
           "rss": 400.0}


def base_texts(bench: Path) -> list[tuple[str, str]]:
    """(name, text) of every dev article: summaries jsonl (title + text) and extraction txt files."""
    texts: list[tuple[str, str]] = []
    for jsonl in sorted((bench / "summaries").glob("*.jsonl")):
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                texts.append((f"{obj.get('id', len(texts))}.txt".replace("/", "-"),
                               f"{obj.get('title', '')}\n\n{obj['text']}"))
    for txt in sorted((bench / "extraction" / "txt").glob("*.txt")):
        texts.append((txt.name, txt.read_text(encoding="utf-8", errors="replace")))
    if not texts:
        raise SystemExit(f"no bench texts under {bench}")
    return texts


def clean_bases(texts: list[tuple[str, str]]) -> list[tuple[Source, Article, Facts]]:
    from desktop.core.clean import clean_source
    from desktop.core.errors import PrecisError
    from desktop.core.read import load_bytes
    from desktop.library.store import compute_facts

    bases = []
    for name, text in texts:
        try:
            source = load_bytes(text.encode("utf-8"), name=name)
            article = clean_source(source)
        except PrecisError:
            continue
        if len(article.paragraphs) >= 2:
            bases.append((source, article, compute_facts(article)))
    return bases


def variant(bases: list[tuple[Source, Article, Facts]], n: int, rng: random.Random
            ) -> tuple[Source, Article, Facts]:
    """A distinct article from base n % len(bases): the dev file itself the first time, then its
    clean text rotated, with one paragraph dropped and two borrowed."""
    source, article, facts = bases[n % len(bases)]
    round_ = n // len(bases)
    if not round_:
        return source, article, facts  # the dev file itself, junk and all, as a person would import it
    paras = list(article.paragraphs)
    if round_:
        if len(paras) > 3:
            del paras[rng.randrange(len(paras))]
        cut = rng.randrange(1, len(paras)) if len(paras) > 1 else 0
        paras = paras[:1] + paras[cut:] + paras[1:cut] if cut > 1 else paras
        other = bases[rng.randrange(len(bases))][1]
        borrowed = [p for p in other.paragraphs if p.kind == "body"][:2]
        paras += [Paragraph("body", p.text) for p in borrowed]
        paras.append(Paragraph("body", f"This is update {n} of the story, filed as report {n * 7919}."))
    title = article.title if not round_ else f"{article.title} ({round_ + 1})"
    # The variant's file is its clean text alone, so it has nothing removed.
    new = Article(title=title, paragraphs=tuple(paras), removed=(), meta=article.meta)
    text = title + "\n\n" + "\n\n".join(p.text for p in paras) + "\n"
    data = text.encode("utf-8")
    return (Source(name=f"{n:05}-{source.name}", data=data, text=text, format="text",
                   encoding="utf-8", path=None), new, facts)


def digest_rows(bases: list[tuple[Source, Article, Facts]]) -> list[object]:
    """The real digest of each base article (default options), for the cache rows of its variants."""
    from desktop.core.errors import PrecisError
    from desktop.core.model import Digest, Options, Summary
    from desktop.core.pipeline import digest_article

    out: list[object] = []
    for source, article, facts in bases:
        try:
            out.append(digest_article(article, source.name, None, Options(), facts=False))
        except PrecisError:
            out.append(Digest(source.name, None, article, (), Summary("precis", ()), facts))
            continue
        out[-1] = replace(out[-1], facts=facts)
    return out


def fill(lib, batch: list[tuple[Source, Article, Facts]], results: list, rows: list[object], last: int) -> None:
    """Cache rows for a batch just added: each variant keyed by its own article, sized as its base's."""
    from desktop.core.model import Options
    from desktop.library import digests

    first = last - len(batch) + 1
    with lib._write() as conn:
        for k, ((_, article, _), result) in enumerate(zip(batch, results, strict=True)):
            key = digests.cache_key(article, Options())
            digests.put(conn, result.id, key, digests.encode(rows[(first + k) % len(rows)], key))


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench library")
    parser.add_argument("bench", nargs="?", default=str(DEFAULT_BENCH), help="the shared bench folder")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=1_000, help="text files for the import timing")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="precis-bench-library-") as tmp:
        os.environ["PRECIS_DATA_DIR"] = str(Path(tmp) / "data")
        from desktop.library.importer import import_paths
        from desktop.library.store import Library

        t0 = time.perf_counter()
        bases = clean_bases(base_texts(Path(args.bench)))
        print(f"bases: {len(bases)} articles cleaned in {time.perf_counter() - t0:.1f} s")

        rng = random.Random(1)
        lib = Library.open()
        raw = 0
        t0 = time.perf_counter()
        batch = []
        rows = digest_rows(bases)
        for n in range(args.articles):
            item = variant(bases, n, rng)
            raw += len(item[0].data)
            batch.append(item)
            if len(batch) == 250:
                fill(lib, batch, lib.add_many(batch), rows, n)
                batch.clear()
        fill(lib, batch, lib.add_many(batch), rows, args.articles - 1)
        build = time.perf_counter() - t0
        count = lib.count()
        cached = lib._conn.execute("SELECT count(*) FROM digests").fetchone()[0]
        print(f"built: {count} articles in {build:.1f} s ({build / max(count, 1) * 1000:.2f} ms each), "
              f"digest cache rows: {cached}")

        lib.close()  # measure a library as it is reopened, with the OS cache warm
        lib = Library.open()
        ids = lib.all_ids()
        rng = random.Random(2)
        lib.search("warm up")
        search_times = []
        hits = []
        for q in QUERIES:
            hits.append(len(lib.search(q)))
            search_times.append(median_ms(lambda q=q: lib.search(q), 5))
        search = statistics.median(search_times)
        sample = [rng.choice(ids) for _ in range(50)]
        open_ms = statistics.median([median_ms(lambda i=i: lib.get(i), 1) for i in sample])
        list_ms = median_ms(lambda: lib.list(limit=100), 20)
        list_title_ms = median_ms(lambda: lib.list(sort="title", limit=100), 20)

        folder = Path(tmp) / "import"
        folder.mkdir()
        rng = random.Random(3)
        for k in range(args.files):
            src, _, _ = variant(bases, args.articles + k * 7 + len(bases), rng)
            (folder / f"{k:04}.txt").write_bytes(src.data)
            raw += len(src.data)
        t0 = time.perf_counter()
        report = import_paths(lib, [folder])
        import_s = time.perf_counter() - t0
        lib._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        lib.close()
        db = Path(os.environ["PRECIS_DATA_DIR"]) / "library.sqlite3"
        size = db.stat().st_size + sum(p.stat().st_size for p in db.parent.glob("library.sqlite3-*"))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def line(label: str, value: float, unit: str, key: str) -> None:
        ok = "ok" if value < TARGETS[key] else "OVER"
        print(f"{label:<34}{value:>9.2f} {unit:<3} (target < {TARGETS[key]:g} {unit}) {ok}")

    print(f"search queries: {', '.join(f'{q!r}={h}' for q, h in zip(QUERIES, hits, strict=True))}")
    line("search median", search, "ms", "search")
    line("search slowest query", max(search_times), "ms", "slowest")
    line("open an article (get)", open_ms, "ms", "open")
    line("list first screen (100, added)", list_ms, "ms", "list")
    line("list first screen (100, title)", list_title_ms, "ms", "list")
    line(f"import {args.files} files", import_s, "s", "import")
    print(f"  import added {len(report.added)}, existing {len(report.existing)}, "
          f"errors {len(report.errors)}")
    line(f"database / raw text ({size / 1e6:.1f} / {raw / 1e6:.1f} MB)", size / raw, "x", "ratio")
    line("peak RSS", rss, "MB", "rss")
    return 0
