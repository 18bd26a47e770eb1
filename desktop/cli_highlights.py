"""`precis library highlight ID "exact passage" [--note TEXT]` and `precis library highlights ID [--json]`.

`highlights --json` prints one object per highlight and line: {"text", "note", "paragraph", "created"};
`paragraph` is the index of the paragraph it starts in (as `library show --json` lists them), null when
a re-clean took the passage out of the article.
"""

from __future__ import annotations

import argparse
import sys

from desktop.cli_args import id_arg
from desktop.cli_output import emit
from desktop.core.errors import PrecisError

QUOTE_SHOWN = 60  # characters of a passage repeated in messages


def _open():
    from desktop.library.store import Library

    lib = Library.open()
    if lib.notice:
        print(f"precis: {lib.notice}", file=sys.stderr)
    return lib


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_SHOWN else flat[:QUOTE_SHOWN - 1].rstrip() + "…"


def cmd_highlight(args: argparse.Namespace) -> int:
    from desktop.core.highlights import find_passage

    with _open() as lib:
        entry = lib.get(args.id)
        anchor = find_passage(entry.article, args.passage)
        if anchor is None:
            raise PrecisError(f"article {args.id} does not contain “{_short(args.passage)}” "
                              f"(the passage must be copied from `precis library show {args.id}`)")
        highlight = lib.add_highlight(args.id, anchor, note=args.note or "")
    where = f"paragraph {highlight.paragraph}" if highlight.paragraph is not None else "the article"
    print(f"highlighted in {where} of article {args.id}: “{_short(highlight.text)}”"
          + (" (with a note)" if highlight.note else ""))
    return 0


def cmd_highlights(args: argparse.Namespace) -> int:
    with _open() as lib:
        found = lib.highlights(args.id)
    for h in found:
        if args.json:
            emit({"text": h.text, "note": h.note, "paragraph": h.paragraph, "created": h.created})
            continue
        where = f"¶{h.paragraph}" if h.paragraph is not None else "(no longer in the article)"
        print(f"{where}  “{' '.join(h.text.split())}”")
        for line in h.note.splitlines():
            print(f"    {line}")
    return 0


def add_highlight_parsers(cmds: argparse._SubParsersAction) -> None:
    p = cmds.add_parser("highlight", help="highlight a passage of an article (with a note)")
    p.add_argument("id", type=id_arg, metavar="ID")
    p.add_argument("passage", metavar="PASSAGE", help="the exact words, as the article has them")
    p.add_argument("--note", metavar="TEXT", help="a note on the passage")
    p.set_defaults(func=cmd_highlight)

    p = cmds.add_parser("highlights", help="list an article's highlights and notes")
    p.add_argument("id", type=id_arg, metavar="ID")
    p.add_argument("--json", action="store_true", help="one JSON object per highlight and line")
    p.set_defaults(func=cmd_highlights)
