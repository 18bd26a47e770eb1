"""`precis brief (ID... | --tag T | --search QUERY) [-n N] [-o PATH] [--json]`: one briefing of
several library articles, as Markdown (stdout or -o) or as one JSON object:
{"articles": [...], "sentences": [{"text", "article", "index", "also_in": [...]}], "facts": {...},
"timeline": [{"date", "text", "article", "index"}]}; `article` is a library id.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.cli_args import article_ids
from desktop.core.errors import PrecisError


def briefing_json(b: Any) -> dict:
    """The CLI's JSON contract for a Briefing."""
    return {
        "articles": [{"id": a.id, "title": a.title, "site": a.site, "date": a.date,
                      "source": a.source_path or a.source_name} for a in b.articles],
        "sentences": [{"text": s.text, "article": s.article, "index": s.index,
                       "also_in": [{"article": c.article, "index": c.index} for c in s.also_in]}
                      for s in b.sentences],
        "facts": {group: [{"text": f.text, "articles": list(f.articles), "mentions": f.mentions,
                           "variants": list(f.variants), "detail": f.detail} for f in facts]
                  for group, facts in b.facts},
        "timeline": [{"date": e.date, "text": e.text, "article": e.article, "index": e.index}
                     for e in b.timeline],
    }


def _progress(done: int, total: int, title: str) -> None:
    sys.stderr.write(f"\r[{done}/{total}] {title}"[:100].ljust(100) + ("\n" if done == total else ""))
    sys.stderr.flush()


def cmd_brief(args: argparse.Namespace) -> int:
    from desktop.core.brief import briefing_markdown
    from desktop.core.files import write_atomic
    from desktop.library.briefs import library_briefing
    from desktop.library.store import Library

    ids = article_ids(args.ids)
    if args.n is not None and args.n < 1:
        raise PrecisError("the number of sentences must be at least 1")
    out = Path(args.output) if args.output else None
    if out is not None and out.exists() and not args.force:
        raise PrecisError(f"{out}: already exists (use --force to overwrite)")
    with Library.open() as lib:
        if lib.notice:
            print(f"precis: {lib.notice}", file=sys.stderr)
        briefing = library_briefing(lib, ids=ids, tag=args.tag, search=args.search, n=args.n,
                                    progress=_progress if sys.stderr.isatty() else None)
    if out is not None:
        write_atomic(out, briefing_markdown(briefing))
    if args.json:
        print(json.dumps(briefing_json(briefing), ensure_ascii=False))
    elif out is None:
        sys.stdout.write(briefing_markdown(briefing))
    return 0


def add_brief_parser(sub: Any) -> None:
    p = sub.add_parser("brief", help="one briefing of several library articles")
    p.add_argument("ids", nargs="*", metavar="ID", help="library ids (see `precis library list`)")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--tag", metavar="T", help="the articles with this tag")
    source.add_argument("--search", metavar="QUERY", help="the articles matching this search")
    p.add_argument("-n", type=int, metavar="N", help="summary sentences (default grows with the articles)")
    p.add_argument("-o", "--output", metavar="PATH", help="write the Markdown briefing here")
    p.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    p.add_argument("--json", action="store_true", help="print the briefing as one JSON object")
    p.set_defaults(func=cmd_brief)
