"""Render the window under the current display and save a PNG: `python -m desktop.screenshot OUT.png [FILE]`.

Options: --theme light|dark|sepia, --size 1280x800, --font N, --removed (show removed blocks).
Waits until the summary is shown, then grabs the window (Pillow's ImageGrab, else ImageMagick's import).
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


def grab(root, out: Path) -> None:
    root.update()
    x, y = root.winfo_rootx(), root.winfo_rooty()
    w, h = root.winfo_width(), root.winfo_height()
    try:
        from PIL import ImageGrab

        ImageGrab.grab(bbox=(x, y, x + w, y + h), xdisplay=None).save(out)
    except (ImportError, OSError):
        subprocess.run(["import", "-window", str(root.winfo_id()), str(out)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.screenshot", description=__doc__.splitlines()[0])
    parser.add_argument("out", help="PNG file to write")
    parser.add_argument("file", nargs="?", help="article to open (default: the sample)")
    parser.add_argument("--theme", choices=("light", "dark", "sepia"))
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--font", type=int)
    parser.add_argument("--removed", action="store_true", help="show what was removed")
    parser.add_argument("--focus", action="store_true", help="focus mode")
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
    app = build([args.file or str(sample_article())])
    try:
        app.root.update()
        pane = app.window.summary
        ok = wait_until(app.root, lambda: bool(pane.summary and pane.summary.sentences)
                        and all(r.idle() for r in app.runners))
        if not ok:
            print("screenshot: the summary did not appear in time", file=sys.stderr)
        app.window.restore_panes()
        wait_until(app.root, lambda: False, timeout=0.3)
        grab(app.root, Path(args.out))
        print(args.out)
    finally:
        app.destroy()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
