"""`precis library ...`: add, list, search, show, tag, remove, restore, export, path (and reclean,
empty-trash). Listing commands take --json (one object per line). Errors: `precis: error: ...`, exit 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from desktop.cli_args import article_ids, count_arg, id_arg
from desktop.cli_output import emit as _emit
from desktop.cli_output import fail as _fail
from desktop.core.errors import PrecisError


def _open():
    from desktop.library.store import Library

    lib = Library.open()
    if lib.notice:
        print(f"precis: {lib.notice}", file=sys.stderr)
    return lib


def _progress_line() -> Callable[[int, int, str], None] | None:
    """A one-line progress display on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, name: str) -> None:
        line = f"\r[{done}/{total}] {name}"[:100]
        sys.stderr.write(line.ljust(100) + ("\n" if done == total else ""))
        sys.stderr.flush()

    return show


def _row_json(row) -> dict:
    return {"id": row.id, "title": row.title, "site": row.site, "date": row.date, "words": row.words,
            "read": row.read, "added": row.added, "opened": row.opened, "tags": list(row.tags)}


def _row_text(row) -> str:
    tags = f"  [{', '.join(row.tags)}]" if row.tags else ""
    mark = " " if row.read else "*"
    return f"{row.id:>6} {mark} {row.title}  ({row.words} words){tags}"


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.library.importer import import_paths

    with _open() as lib:
        report = import_paths(lib, args.paths, progress=_progress_line())
    for path, message in report.errors:
        _fail(message if path in message else f"{path}: {message}")
    if args.json:
        _emit({"added": report.added, "existing": report.existing,
               "errors": [{"path": p, "message": m} for p, m in report.errors]})
    else:
        print(f"added {len(report.added)}, already in the library {len(report.existing)}, "
              f"failed {len(report.errors)}")
    return 1 if report.errors else 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.library.store import DESCENDING

    read = {None: None, "read": True, "unread": False}[args.state]
    descending = (not DESCENDING[args.sort]) if args.reverse else None  # None: the order's own way
    where = {"tag": args.tag, "read": read, "trashed": args.trash}
    with _open() as lib:
        rows = lib.list(sort=args.sort, limit=args.limit, descending=descending, **where)
        left = lib.count(**where) - len(rows) if args.limit is not None else 0
    for row in rows:
        if args.json:
            _emit(_row_json(row))
        else:
            print(_row_text(row))
    if left > 0:
        print(f"precis: {left:,} more not listed (--limit {args.limit}); leave out --limit to list "
              "them all", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open() as lib:
        hits = lib.search(" ".join(args.query), limit=args.limit, snippets=args.limit)
    for hit in hits:
        if args.json:
            _emit({**_row_json(hit.row), "snippet": hit.snippet, "rank": round(hit.rank, 6)})
        else:
            print(_row_text(hit.row))
            print("         " + " ".join(hit.snippet.split()))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open() as lib:
        entry = lib.get(args.id)
    article = entry.article
    if args.json:
        _emit({
            "id": entry.id, "title": entry.title, "source_name": entry.source_name,
            "source_path": entry.source_path, "format": entry.format, "encoding": entry.encoding,
            "author": entry.author, "date": entry.date, "site": entry.site, "words": entry.words,
            "added": entry.added, "opened": entry.opened, "read": entry.read,
            "position": entry.position, "tags": list(entry.tags),
            "near_duplicate_of": entry.near_duplicate_of,
            "paragraphs": [{"kind": p.kind, "text": p.text} for p in article.paragraphs],
            "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        })
        return 0
    print(entry.title)
    details = [x for x in (entry.author, entry.site, entry.date) if x]
    details.append(f"{entry.words} words, added {entry.added}")
    if entry.tags:
        details.append("tags: " + ", ".join(entry.tags))
    print(" · ".join(details) + "\n")
    print("\n\n".join(p.text for p in article.paragraphs))
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    with _open() as lib:
        lib.add_tags(args.id, args.tags)
        print(", ".join(lib.get(args.id).tags))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    ids = article_ids(args.ids)
    with _open() as lib:
        for i in ids:
            lib.get(i)  # unknown ids are an error, before anything moves
        lib.trash(ids)
    print(f"moved {len(ids)} to the trash (undo: precis library restore {' '.join(map(str, ids))})")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    ids = article_ids(args.ids)
    with _open() as lib:
        for i in ids:
            lib.get(i)
        lib.untrash(ids)
    print(f"restored {len(ids)}")
    return 0


def cmd_empty_trash(args: argparse.Namespace) -> int:
    with _open() as lib:
        print(f"deleted {lib.empty_trash()} for good")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.library.exporter import export_entries

    if bool(args.ids) == bool(args.all):
        raise PrecisError("give article ids or --all (not both)")
    with _open() as lib:
        ids = lib.all_ids() if args.all else article_ids(args.ids)
        written = export_entries(lib, ids, args.output, force=args.force,
                                 include_article=not args.no_article, progress=_progress_line())
    print(f"wrote {len(written)} files to {args.output}")
    return 0


def cmd_reclean(args: argparse.Namespace) -> int:
    with _open() as lib:
        print(f"re-cleaned {lib.reclean(progress=_progress_line())}")
    return 0


def cmd_path(args: argparse.Namespace) -> int:
    from desktop.library import paths

    print(paths.database_path())
    return 0


def add_library_parser(sub: argparse._SubParsersAction) -> None:
    from desktop.cli_highlights import add_highlight_parsers
    from desktop.library.query import SORTS  # not the store: building the parser opens no database code

    lib = sub.add_parser("library", help="the article library (add, list, search, export...)")
    cmds = lib.add_subparsers(dest="library_command", metavar="COMMAND", required=True)

    p = cmds.add_parser("add", help="import files and folders (recursively)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    p.set_defaults(func=cmd_add)

    p = cmds.add_parser("list", help="list articles")
    p.add_argument("--tag", metavar="T", help="only articles with this tag")
    p.add_argument("--sort", default="added", choices=SORTS, help="order (default: added, newest first)")
    p.add_argument("--reverse", action="store_true",
                   help="the other way round (oldest, Z or longest first; empty values stay last)")
    state = p.add_mutually_exclusive_group()
    state.add_argument("--unread", dest="state", action="store_const", const="unread",
                       help="only unread articles")
    state.add_argument("--read", dest="state", action="store_const", const="read", help="only read articles")
    state.add_argument("--state", choices=("read", "unread"), help=argparse.SUPPRESS)  # the older spelling
    p.add_argument("--trash", action="store_true", help="the articles in the trash instead")
    p.add_argument("--limit", type=count_arg, default=None, metavar="N",
                   help="at most N rows (default: all; stderr says how many were left out)")
    p.add_argument("--json", action="store_true", help="one JSON object per article and line")
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("search", help="full-text search (every word is a prefix)")
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--limit", type=count_arg, default=50, metavar="N")
    p.add_argument("--json", action="store_true", help="one JSON object per hit and line")
    p.set_defaults(func=cmd_search)

    p = cmds.add_parser("show", help="print an article")
    p.add_argument("id", type=id_arg, metavar="ID")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.set_defaults(func=cmd_show)

    p = cmds.add_parser("tag", help="add tags to an article")
    p.add_argument("id", type=id_arg, metavar="ID")
    p.add_argument("tags", nargs="+", metavar="TAG")
    p.set_defaults(func=cmd_tag)

    p = cmds.add_parser("remove", help="move articles to the trash")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.set_defaults(func=cmd_remove)

    p = cmds.add_parser("restore", help="bring articles back from the trash")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.set_defaults(func=cmd_restore)

    p = cmds.add_parser("empty-trash", help="delete trashed articles for good")
    p.set_defaults(func=cmd_empty_trash)

    p = cmds.add_parser("export", help="write articles as Markdown files plus index.md")
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--all", action="store_true", help="every article in the library")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write into")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument("--no-article", action="store_true", help="summary and facts only")
    p.set_defaults(func=cmd_export)

    add_highlight_parsers(cmds)

    p = cmds.add_parser("reclean", help="re-run the cleaner over every stored original")
    p.set_defaults(func=cmd_reclean)

    p = cmds.add_parser("path", help="print where the library lives")
    p.set_defaults(func=cmd_path)
