"""The `precis` command: open the app, or clean / summarize / facts / export / library from a shell.

Contract: `--json` prints one JSON object per file and line; errors are one line
`precis: error: ...` on stderr with exit status 1; usage errors exit 2; never a traceback.
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.cli_output import emit as _emit
from desktop.cli_output import fail
from desktop.core.errors import PrecisError
from desktop.core.model import Digest, Options

if TYPE_CHECKING:  # argparse loads only for a command or an option: `precis [FILE...]` needs none
    import argparse

COMMANDS = ("clean", "summarize", "facts", "export", "library", "brief")


def _options(args: argparse.Namespace) -> Options:
    return Options(
        algorithm=getattr(args, "algorithm", "precis"),
        sentences=None if getattr(args, "ratio", None) is not None else getattr(args, "n", None),
        ratio=getattr(args, "ratio", None),
        language=getattr(args, "language", "auto"),
    )


def _each(files: Sequence[str], work: Callable[[str], None]) -> int:
    """Run work on each file; report failures one line each; exit 1 if any failed."""
    status = 0
    for path in files:
        try:
            work(path)
        except PrecisError as exc:
            fail(str(exc))
            status = 1
        except (OSError, MemoryError, RecursionError, ValueError) as exc:
            # A failure nobody foresaw on one file is still one line, and the other files go on.
            fail(f"{path}: could not be processed ({exc.__class__.__name__}: {exc})"[:400])
            status = 1
    return status


def _read(path: str, options: Options | None = None, *, summary: bool = True, facts: bool = True) -> Digest:
    from desktop.core.pipeline import read

    return read(path, options, summary=summary, facts=facts)


def cmd_clean(args: argparse.Namespace) -> int:
    from desktop.core.clean import clean_source
    from desktop.core.read import load_path

    def work(path: str) -> None:
        article = clean_source(load_path(path))
        if args.json:
            _emit({
                "path": path,
                "title": article.title,
                "paragraphs": [{"kind": p.kind, "text": p.text} for p in article.paragraphs],
                "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
            })
        else:
            print(article.title + "\n")
            print("\n\n".join(p.text for p in article.paragraphs))

    return _each(args.files, work)


def cmd_summarize(args: argparse.Namespace) -> int:
    def work(path: str) -> None:
        digest = _read(path, _options(args), facts=False)  # summarize prints no facts
        if args.json:
            _emit({
                "path": path,
                "title": digest.article.title,
                "algorithm": digest.summary.algorithm,
                "sentences": [
                    {"text": s.text, "index": s.index, "score": round(s.score, 6)}
                    for s in digest.summary.sentences
                ],
            })
        else:
            print(f"# {digest.article.title}")
            markers = digest.summary.markers or ("",) * len(digest.summary.sentences)
            for s, marker in zip(digest.summary.sentences, markers, strict=True):
                print(f"- {marker + ' ' if marker else ''}{s.text}")

    return _each(args.files, work)


def cmd_facts(args: argparse.Namespace) -> int:
    from desktop.core.export import GROUP_TITLES

    def work(path: str) -> None:
        digest = _read(path, _options(args), summary=False)  # facts prints no summary
        if args.json:
            obj: dict = {"path": path}
            for name, facts in digest.facts.groups():
                obj[name] = [
                    {"text": f.text, "sentence": f.sentence, "detail": f.detail, "count": f.count,
                     "variants": list(f.variants)}
                    for f in facts
                ]
            _emit(obj)
        else:
            print(f"# {digest.article.title}")
            for name, facts in digest.facts.groups():
                if facts:
                    print(f"{GROUP_TITLES[name]}: " + "; ".join(f.text for f in facts))

    return _each(args.files, work)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.core.export import to_markdown
    from desktop.core.files import refuse_special, write_atomic

    if args.output and len(args.files) > 1 and not Path(args.output).is_dir():
        fail("with several files, -o must name an existing folder")
        return 1

    def work(path: str) -> None:
        if not args.output:
            sys.stdout.write(to_markdown(_read(path, _options(args)), include_article=args.article))
            return
        out = Path(args.output)
        if out.is_dir():
            out = out / (Path(path).stem + ".md")
        refuse_special(out)  # a named pipe or a device is never written, with or without --force
        if out.exists() and not args.force:
            raise PrecisError(f"{out}: already exists (use --force to overwrite)")
        write_atomic(out, to_markdown(_read(path, _options(args)), include_article=args.article))

    return _each(args.files, work)


class _Algorithms:
    """The algorithm names, looked up only when --algorithm is given or help is printed, so that
    `precis facts` or `precis clean` load nothing of the summary package."""

    def _names(self) -> tuple[str, ...]:
        from desktop.core.summary import ALGORITHMS

        return ALGORITHMS

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())


def _add_length(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("-n", type=int, default=None, metavar="N",
                       help="sentences (default: grows with the article, one per step in a how-to)")
    group.add_argument("--ratio", type=float, metavar="R", help="share of the article, 0-1")
    p.add_argument("--algorithm", "-a", default="precis", choices=_Algorithms(), metavar="NAME",
                   help="one of: %(choices)s")
    _add_language(p)


def _add_language(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", "-l", default="auto", metavar="LANG",
                   help="the article's language for stemming and stop words: auto (default), "
                   "a name (german) or a code (de)")


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="precis",
        description="Précis: clean, summarise and keep saved articles, offline. "
        "With no command, opens the app (on FILEs if given).",
    )
    parser.add_argument("--version", action="version", version=f"Précis {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("clean", help="print the reading-view text")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per file and line")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("summarize", aliases=["summarise"], help="print an extractive summary")
    p.add_argument("files", nargs="+", metavar="FILE")
    _add_length(p)
    p.add_argument("--json", action="store_true", help="one JSON object per file and line")
    p.set_defaults(func=cmd_summarize)

    p = sub.add_parser("facts", help="print the key facts")
    p.add_argument("files", nargs="+", metavar="FILE")
    _add_language(p)
    p.add_argument("--json", action="store_true", help="one JSON object per file and line")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("export", help="write the Markdown digest")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", metavar="PATH", help="file or folder (default: stdout)")
    p.add_argument("--article", action="store_true", help="include the cleaned article")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    _add_length(p)
    p.set_defaults(func=cmd_export)

    try:
        from desktop.cli_library import add_library_parser
    except ImportError:  # the library commands arrive with desktop/cli_library.py
        pass
    else:
        add_library_parser(sub)
    from desktop.cli_brief import add_brief_parser

    add_brief_parser(sub)
    return parser


def build_open_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="precis",
        description="Précis: open the app on FILEs. Commands: " + ", ".join(COMMANDS)
        + " (precis COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"Précis {__version__}")
    parser.add_argument("files", nargs="*", metavar="FILE", help="articles to open")
    return parser


def open_app(files: Sequence[str]) -> int:
    from desktop.instance import send_to_running

    paths = [str(Path(f).absolute()) for f in files]
    if send_to_running(paths):  # a Précis window is already open: it takes the files and comes forward
        return 0
    import tkinter  # lazy: the command line never loads tkinter otherwise

    from desktop.app import run

    try:
        return run(paths)
    except tkinter.TclError as exc:
        if "display" not in str(exc).lower():
            raise
        raise PrecisError(
            f"cannot open the window ({exc}); on a machine without a screen use "
            "`precis clean|summarize|facts|export FILE`"
        ) from None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Libraries' log records and warnings (pypdf, trafilatura, htmldate) never reach the terminal:
    # readers turn what matters into their own message. (Without a handler, logging prints
    # warnings to stderr through its last-resort handler.)
    root = logging.getLogger()
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())
    warnings.simplefilter("ignore")
    try:
        if not argv or (argv[0] not in COMMANDS and argv[0] not in ("summarise", "-h", "--help")):
            if not any(a.startswith("-") for a in argv):  # only files: what the parser would return
                return open_app(argv)
            args = build_open_parser().parse_args(argv)
            return open_app(args.files)
        args = build_parser().parse_args(argv)
        return args.func(args)
    except PrecisError as exc:
        fail(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
