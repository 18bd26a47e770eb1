"""`python -m desktop.bench brief [DATA] [--related K] [--unrelated U]`: quality and speed of briefings.

Test briefings from the dev data (DATA, default ../shared/bench/summaries): *topic* briefings of K
related BBC articles (bbc300's categories: business, politics, tech...) and *story* briefings of the
articles (bbc300 + cnndm_dev) that share a rare name (in 3 to 8 articles), each with U unrelated
articles from elsewhere. For every briefing it reports, beside a baseline (each article's own summary,
round-robin, same length):
- redundancy: the largest TF-IDF cosine between two summary sentences (our own TF-IDF: lower-case
  words, no stemming, idf over the briefing's sentences) and the share of briefings above 0.5;
- spread: the share of briefings whose sentences come from at least min(N, related) articles;
- common facts: the share of summary sentences naming a person, organisation or place that at least
  half of the related articles name;
- false credit: "also in" links that point from a related article to an unrelated one.
Each figure is given for both halves of the briefings (even and odd). Then seconds for a briefing of
50 and 500 articles: digests computed through the pipeline, the briefing itself, and both through the
library as `precis brief` does it, first with the digests to compute (then kept in the library's digest
cache), then again with them cached.
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from desktop.bench.summarize import DEFAULT_DATA, article_of, load_rows
from desktop.core.brief import BriefArticle, build_briefing
from desktop.core.model import Digest
from desktop.core.pipeline import digest_article

NAME_GROUPS = ("people", "organisations", "places")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def digests_of(rows: Sequence[dict]) -> list[Digest]:
    return [digest_article(article_of(r), r["id"], None) for r in rows]


def tfidf_max_cosine(texts: Sequence[str], background: Sequence[str]) -> float:
    """Largest cosine between two of `texts`, TF-IDF with idf over `background` (plain words)."""
    from desktop.core.language import stop_words

    stops = stop_words("english")
    docs = [[w for w in _WORD.findall(t.lower()) if w not in stops] for t in background]
    df = Counter(w for d in docs for w in set(d))
    n = len(docs)

    def vec(text: str) -> dict[str, float]:
        tf = Counter(w for w in _WORD.findall(text.lower()) if w not in stops)
        v = {w: (1 + math.log(c)) * math.log((n + 1) / (df.get(w, 0) + 0.5)) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    vs = [vec(t) for t in texts]
    best = 0.0
    for i in range(len(vs)):
        for j in range(i + 1, len(vs)):
            best = max(best, sum(x * vs[j].get(w, 0.0) for w, x in vs[i].items()))
    return best


def common_names(briefing, related: set[int]) -> list[list[str]]:
    """Spellings of each person, organisation or place that half the related articles name."""
    need = max(2, math.ceil(len(related) / 2))
    out = []
    for group, facts in briefing.facts:
        if group in NAME_GROUPS:
            out += [[f.text, *f.variants] for f in facts if len(related.intersection(f.articles)) >= need]
    return out


def mentions(text: str, names: list[list[str]]) -> bool:
    return any(re.search(rf"\b{re.escape(s)}\b", text) for spellings in names for s in spellings)


def baseline(items: Sequence[tuple[BriefArticle, Digest]], n: int) -> list[tuple[int, str]]:
    """Each article's own summary, taken round-robin: what a reader gets without the briefing."""
    queues = [[(a.id, s.text) for s in d.summary.sentences] for a, d in items]
    out: list[tuple[int, str]] = []
    while len(out) < n and any(queues):
        for q in queues:
            if q and len(out) < n:
                out.append(q.pop(0))
    return out


def measure(items: list[tuple[BriefArticle, Digest]], related: set[int]) -> dict[str, float]:
    b = build_briefing(items)
    background = [s.text for _, d in items for s in d.sentences if s.kind == "body"]
    texts = [s.text for s in b.sentences]
    base = baseline(items, len(texts))
    names = common_names(b, related)
    wrong = sum(1 for s in b.sentences if s.article in related
                for c in s.also_in if c.article not in related)
    need = min(len(texts), len(related))
    return {
        "max_cos": tfidf_max_cosine(texts, background),
        "base_max_cos": tfidf_max_cosine([t for _, t in base], background),
        "over_05": float(tfidf_max_cosine(texts, background) > 0.5),
        "spread_ok": float(len({s.article for s in b.sentences if s.article in related}) >= need),
        "base_spread_ok": float(len({a for a, _ in base if a in related}) >= need),
        "common": (sum(mentions(t, names) for t in texts) / len(texts)) if names and texts else math.nan,
        "base_common": (sum(mentions(t, names) for _, t in base) / len(base)) if names and base else math.nan,
        "false_credit": float(wrong),
        "sentences": float(len(texts)),
    }


def topic_groups(rows: list[dict], k: int) -> list[list[int]]:
    by_cat: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if "/" in r["id"]:
            by_cat[r["id"].split("/")[0]].append(i)
    groups = []
    for members in by_cat.values():
        groups += [members[s:s + k] for s in range(0, len(members) - k + 1, k)]
    return groups


def story_groups(digests: list[Digest]) -> list[list[int]]:
    """Articles sharing a rare name (3 to 8 articles), one group per name, no two groups alike."""
    named: dict[str, set[int]] = defaultdict(set)
    for i, d in enumerate(digests):
        for group, facts in d.facts.groups():
            if group in ("people", "organisations"):
                for f in facts:
                    if len(f.text.split()) >= 2:
                        named[f.text.lower()].add(i)
    seen: set[frozenset[int]] = set()
    groups = []
    for _, members in sorted(named.items()):
        key = frozenset(members)
        if 3 <= len(members) <= 8 and key not in seen:
            seen.add(key)
            groups.append(sorted(members))
    return groups


def run_groups(label: str, groups: list[list[int]], digests: list[Digest], unrelated: int) -> None:
    results = []
    for g, members in enumerate(groups):
        others = [i for i in range((g * 37) % len(digests), len(digests), 53) if i not in members][:unrelated]
        ids = members + others
        items = [(BriefArticle(id=i, title=digests[i].article.title), digests[i]) for i in ids]
        results.append(measure(items, set(members)))
    sizes = sorted({len(g) for g in groups}) or [0]
    print(f"\n{label}: {len(groups)} briefings ({sizes[0]}-{sizes[-1]} related articles and {unrelated} "
          "unrelated each)")
    print("| half | briefings | max cos (mean / worst) | > 0.5 | spread ok | common-fact share | "
          "false credits | baseline: max cos / spread / common |")
    print("|---|---|---|---|---|---|---|---|")
    for half, part in (("even", results[0::2]), ("odd", results[1::2]), ("all", results)):
        if not part:
            continue

        def mean(key: str, p=part) -> float:
            vals = [r[key] for r in p if not math.isnan(r[key])]
            return statistics.fmean(vals) if vals else math.nan

        print(f"| {half} | {len(part)} | {mean('max_cos'):.3f} / {max(r['max_cos'] for r in part):.3f} | "
              f"{mean('over_05'):.0%} | {mean('spread_ok'):.0%} | {mean('common'):.1%} | "
              f"{sum(r['false_credit'] for r in part):.0f} | {mean('base_max_cos'):.3f} / "
              f"{mean('base_spread_ok'):.0%} / {mean('base_common'):.1%} |")


def timing(rows: list[dict], digests: list[Digest], sizes: Sequence[int]) -> None:
    from desktop.library.briefs import library_briefing
    from desktop.library.store import Library

    print("\n| articles | digests (pipeline) | briefing from digests | `precis brief` path, digests not cached "
          "| the same, digests cached |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "files"
        folder.mkdir()
        for r in rows[:max(sizes)]:
            (folder / (r["id"].replace("/", "_") + ".txt")).write_text(
                (r.get("title") or "") + "\n\n" + r["text"], encoding="utf-8")
        from desktop.library.importer import import_paths

        with Library.open(Path(tmp) / "lib.sqlite3") as lib:
            import_paths(lib, [str(folder)])
            ids = lib.all_ids()
            for size in sizes:
                start = time.perf_counter()
                fresh = digests_of(rows[:size])
                t_digest = time.perf_counter() - start
                items = [(BriefArticle(id=i, title=d.article.title), d) for i, d in enumerate(fresh)]
                best = min(_timed(lambda items=items: build_briefing(items)) for _ in range(3))
                cold = _timed(lambda size=size: library_briefing(lib, ids=ids[:size]))
                warm = _timed(lambda size=size: library_briefing(lib, ids=ids[:size]))
                print(f"| {size} | {t_digest:.2f} s | {best:.3f} s | {cold:.2f} s | {warm:.2f} s |")


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench brief")
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--related", type=int, default=6, help="articles of a topic briefing")
    parser.add_argument("--unrelated", type=int, default=2, help="unrelated articles added to each")
    parser.add_argument("--sizes", default="50,500", help="briefing sizes to time")
    args = parser.parse_args(argv)
    data = Path(args.data)
    bbc = load_rows(data / "bbc300.jsonl", None)
    cnn = load_rows(data / "cnndm_dev.jsonl", None)
    rows = bbc + cnn
    start = time.perf_counter()
    digests = digests_of(rows)
    print(f"{len(rows)} articles digested in {time.perf_counter() - start:.1f} s")
    run_groups("Topic briefings (bbc300 categories)", topic_groups(bbc, args.related), digests[:len(bbc)],
               args.unrelated)
    run_groups("Story briefings (articles sharing a rare name, bbc300 + cnndm_dev)", story_groups(digests),
               digests, args.unrelated)
    timing(rows, digests, [int(s) for s in args.sizes.split(",")])
    return 0
