"""Render the window under the current display and save a PNG: `python -m desktop.screenshot OUT.png [FILE]`.

Options: --theme light|dark|sepia, --size 1280x800 (the whole window, menu bar included), --font N,
--removed (show removed blocks), --focus (focus mode), --add FILE_OR_FOLDER (import into the library
first, to see a fuller list), --scroll FRACTION (scroll the reading view, 0 top .. 1 end; with
--removed it scrolls to the first removed block when no fraction is given), --open PATH (open files
through the window, as File > Open does, so the list of bad files shows), --about (the About dialog),
--highlight "PASSAGE[::NOTE]" (select the passage and press H, with a note; repeatable), --brief QUERY
(search the library for QUERY and grab the briefing window of the results instead).
Waits until the summary is shown, then grabs the window and its menu bar
(Pillow's ImageGrab, else ImageMagick's import).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.screenshot", description=__doc__.splitlines()[0])
    parser.add_argument("out", help="PNG file to write")
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
    args = parser.parse_args(argv)

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


if __name__ == "__main__":
    raise SystemExit(main())
