"""Render the window under the current display and save a PNG: `python -m desktop.screenshot OUT.png [FILE]`.

Options: --theme light|dark|sepia, --size 1280x800 (the whole window, menu bar included), --font N,
--removed (show removed blocks), --focus (focus mode), --add FILE_OR_FOLDER (import into the library
first, to see a fuller list), --scroll FRACTION (scroll the reading view, 0 top .. 1 end; with
--removed it scrolls to the first removed block when no fraction is given), --open PATH (open files
through the window, as File > Open does, so the list of bad files shows), --about (the About dialog),
--highlight "PASSAGE[::NOTE]" (select the passage and press H, with a note; repeatable), --brief QUERY
(search the library for QUERY and grab the briefing window of the results instead),
--find WORD (find in the article, Ctrl+F), --facts (scroll the right pane to the key facts),
--to-highlights (scroll the right pane to its Highlights section),
--set DIR (the review set: light, dark and sepia at 1280x720 and 1600x1000, with a highlight and find
shown, one PNG each, plus the right pane scrolled to its facts at 1280x720),
--trash N (move the N oldest articles to the trash first), --filter KEY (unread, read, highlighted,
trash, tag:NAME), --search QUERY (type it in the search box and open the first hit),
--library-width PX (the library pane's width).
Waits until the summary is shown, then grabs the window and its menu bar
(Pillow's ImageGrab, else ImageMagick's import).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path


def wait_until(root, condition, timeout: float = 30.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        root.update()
        if condition():
            return True
        time.sleep(0.01)
    return False


def menu_height(root) -> int:
    """Pixels the menu bar takes above the root widget: Tk's geometry places the wrapper, which holds the
    menu bar, and the root widget sits below it (no window manager on a virtual screen)."""
    y = int(root.wm_geometry().replace("-", "+").split("+")[2])
    return max(0, root.winfo_rooty() - y)


def outer_box(root) -> tuple[int, int, int, int]:
    """x, y, width, height of the whole window, menu bar included."""
    menu = menu_height(root)
    return root.winfo_rootx(), root.winfo_rooty() - menu, root.winfo_width(), root.winfo_height() + menu


def grab(root, out: Path) -> None:
    root.update()
    x, y, w, h = outer_box(root)
    try:
        from PIL import ImageGrab

        ImageGrab.grab(bbox=(x, y, x + w, y + h), xdisplay=None).save(out)
    except (ImportError, OSError):
        subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+{x}+{y}", str(out)], check=True)


def highlight(app, passage: str, note: str = "") -> None:
    """Select the passage in the reading view and press H, as a person would; then write the note."""
    text = app.window.reader.text
    start = text.search(passage, "1.0")
    if not start:
        print(f"screenshot: {passage!r} is not in the article", file=sys.stderr)
        return
    text.tag_remove("sel", "1.0", "end")
    text.tag_add("sel", start, f"{start} + {len(passage)} chars")
    text.focus_set()
    text.event_generate("<KeyPress-h>")
    app.root.update()
    made = next((h for h in app.presenter.highlights.items if h.text == passage), None)
    if note and made is not None:
        app.presenter.lib.set_highlight_note(made.id, note)
        app.presenter.highlights.article_shown(app.presenter.entry)


def brief_shot(app, query: str, out: Path) -> None:
    """Search the library, brief the results (as Brief > Brief Search Results does) and grab that window."""
    app.presenter.library.search_changed(query)
    app.presenter.brief.brief_search()
    view = app.window.brief_window
    if not wait_until(app.root, lambda: view.briefing is not None and all(r.idle() for r in app.runners)):
        print("screenshot: the briefing did not appear in time", file=sys.stderr)
    view.top.geometry("920x780+0+0")
    wait_until(app.root, lambda: False, timeout=0.5)
    x, y, w, h = view.top.winfo_rootx(), view.top.winfo_rooty(), view.top.winfo_width(), view.top.winfo_height()
    try:
        from PIL import ImageGrab

        ImageGrab.grab(bbox=(x, y, x + w, y + h), xdisplay=None).save(out)
    except (ImportError, OSError):
        subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+{x}+{y}", str(out)], check=True)


def show_library(app, args) -> None:
    """--trash, --filter, --search and --library-width: the library pane as a person would leave it."""
    library = app.presenter.library
    if args.trash:
        oldest = app.presenter.lib.list(sort="added", descending=False, limit=args.trash)
        app.presenter.lib.trash([r.id for r in oldest])
        library.refresh()
    if args.library_width:
        app.window.paned.sashpos(0, args.library_width)
    if args.filter:
        library.filter_changed(args.filter)
    if args.search:
        app.window.library.set_query(args.search)
        wait_until(app.root, lambda: bool(library.ids) or library.query == args.search.strip(), timeout=5)
        if library.ids:
            library.select(library.ids[0])
            app.window.library.select(library.ids[0])
            wait_until(app.root, lambda: all(r.idle() for r in app.runners))
    app.root.update()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.screenshot", description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", help="PNG file to write")
    parser.add_argument("file", nargs="?", help="article to open (default: the sample)")
    parser.add_argument("--theme", choices=("light", "dark", "sepia"))
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--font", type=int)
    parser.add_argument("--removed", action="store_true", help="show what was removed")
    parser.add_argument("--focus", action="store_true", help="focus mode")
    parser.add_argument("--add", action="append", default=[], metavar="PATH",
                        help="import this file or folder into the library first (repeatable)")
    parser.add_argument("--scroll", type=float, metavar="FRACTION", help="scroll the reading view first")
    parser.add_argument("--open", action="append", default=[], metavar="PATH",
                        help="open these files through the window (File > Open) after it is up")
    parser.add_argument("--about", action="store_true", help="show the About dialog")
    parser.add_argument("--highlight", action="append", default=[], metavar="PASSAGE[::NOTE]",
                        help="highlight this passage of the article (with a note after ::) first")
    parser.add_argument("--brief", metavar="QUERY", help="grab the briefing of this library search")
    parser.add_argument("--find", metavar="WORD", help="find WORD in the article (the find bar shows)")
    parser.add_argument("--facts", action="store_true", help="scroll the right pane to the key facts")
    parser.add_argument("--to-highlights", action="store_true",
                        help="scroll the right pane to its Highlights section")
    parser.add_argument("--set", metavar="DIR", help="render the review set into DIR")
    parser.add_argument("--trash", type=int, default=0, metavar="N", help="move the N oldest articles to the trash")
    parser.add_argument("--filter", metavar="KEY", help="show this filter of the library (e.g. trash, unread)")
    parser.add_argument("--search", metavar="QUERY", help="search the library and open the first hit")
    parser.add_argument("--library-width", type=int, metavar="PX", help="width of the library pane")
    args = parser.parse_args(argv)
    if args.set:
        return review_set(Path(args.set), args.file)
    if not args.out:
        parser.error("the PNG file to write is needed (or --set DIR)")

    from desktop.app import build
    from desktop.library.settings import load_settings, save_settings
    from desktop.resources import sample_article

    settings = load_settings()
    changes = {"geometry": f"{args.size}+0+0"}
    if args.theme:
        changes["theme"] = args.theme
    if args.font:
        changes["font_size"] = args.font
    changes["show_removed"] = args.removed
    changes["focus_mode"] = args.focus
    save_settings(replace(settings, **changes))
    if args.add:
        from desktop.library.importer import import_paths
        from desktop.library.store import Library

        lib = Library.open()
        try:
            import_paths(lib, args.add)
        finally:
            lib.close()
    app = build([args.file or str(sample_article())])
    try:
        app.root.update()
        width, height = (int(n) for n in args.size.split("x"))
        app.root.geometry(f"{width}x{height - menu_height(app.root)}+0+0")  # the menu bar counts too
        app.root.update()
        pane = app.window.summary
        ok = wait_until(app.root, lambda: bool(pane.summary and pane.summary.sentences)
                        and all(r.idle() for r in app.runners))
        if not ok:
            print("screenshot: the summary did not appear in time", file=sys.stderr)
        app.window.restore_panes()
        text = app.window.reader.text
        for wanted in args.highlight:
            highlight(app, *wanted.split("::", 1))
        if args.scroll is not None:
            text.yview_moveto(args.scroll)
        elif args.removed and text.tag_ranges("removed"):
            text.yview(text.tag_ranges("removed")[0])
            text.yview_scroll(-4, "units")  # a few lines of the article above it, for context
        if args.find:
            app.window.open_find()
            app.window.find_bar.entry.insert(0, args.find)
            app.presenter.find.changed(args.find)
            app.root.update()
        if args.facts:
            app.window.summary.area.show(app.window.summary.facts_heading)
        if args.to_highlights:
            app.window.summary.area.show(app.window.summary.highlights.frame)
        show_library(app, args)
        if args.open:
            app.presenter.transfer.open_paths(args.open)
            wait_until(app.root, lambda: all(r.idle() for r in app.runners))
        wait_until(app.root, lambda: False, timeout=2.0 if args.open else 0.3)
        if args.brief:
            brief_shot(app, args.brief, Path(args.out))
        elif args.about:  # the dialog waits for its window: grab from inside its event loop, then close it
            def shoot() -> None:
                grab(app.root, Path(args.out))
                for child in app.root.winfo_children():
                    if child.winfo_class() == "Toplevel":
                        child.destroy()
            app.root.after(400, shoot)
            app.presenter.about()
        else:
            grab(app.root, Path(args.out))
        print(args.out)
    finally:
        app.destroy()
    return 0


SET_HIGHLIGHT = "the strategic city of Hama::The fourth city to fall, after Aleppo"


def review_set(folder: Path, file: str | None = None) -> int:
    """Each theme at a small laptop's and a desktop's size, with a highlight and the find bar: one process
    per picture (ttkbootstrap's style belongs to the first root of a process)."""
    folder.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark", "sepia"):
        for size in ("1280x720", "1600x1000"):
            options = ["--theme", theme, "--size", size, "--find", "regime"]
            if not file:
                options += ["--highlight", SET_HIGHLIGHT]
            shots = [(folder / f"{theme}-{size}.png", [])]
            if size == "1280x720":  # the right pane scrolls there: its facts in a second picture
                shots.append((folder / f"{theme}-{size}-facts.png", ["--facts"]))
            if not file:  # ... and the highlights, below them at either size
                shots.append((folder / f"{theme}-{size}-highlights.png", ["--to-highlights"]))
            for out, extra in shots:
                command = [sys.executable, "-m", "desktop.screenshot", str(out), *([file] if file else []),
                           *options, *extra]
                with tempfile.TemporaryDirectory() as data:  # each picture from a fresh library
                    subprocess.run(command, check=True, env={**os.environ, "PRECIS_DATA_DIR": data})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
