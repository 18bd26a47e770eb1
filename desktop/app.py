"""Composition root: settings, library, themes, main window, presenter, workers, drop, single instance.

Only what the window needs is imported before it shows; the summarisers load in the worker afterwards.
Set PRECIS_STARTUP_PROBE=FILE to have the times of "window mapped" and "summary shown" written there
(then the app quits): `python -m desktop.bench startup` uses it.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop import APP_NAME

log = logging.getLogger(__name__)

PROBE_ENV = "PRECIS_STARTUP_PROBE"
DEFAULT_SIZE = (1280, 800)
FIRST_MARGIN = 80  # first run: height left for a panel, the title bar and the menu bar, in pixels
MENU_HEIGHT = 28  # Tk geometry leaves out the menu bar
GC_OFF_MS = 1500  # the cycle collector waits this long after the window is up (run, start_timers)


def fit_geometry(remembered: str, screen: tuple[int, int]) -> str:
    """A Tk geometry that fits the screen: the remembered one when it still does, else the default size,
    both shrunk to the screen and moved back onto it (a monitor may have changed since)."""
    sw, sh = screen
    room_h = max(200, sh - MENU_HEIGHT)
    match = re.fullmatch(r"(\d+)x(\d+)(?:([+-])(-?\d+)([+-])(-?\d+))?", remembered.strip())
    x = y = None
    if match:
        w, h = int(match[1]), int(match[2])
        if match[3]:  # "-N" counts from the right or bottom edge
            x = int(match[4]) if match[3] == "+" else sw - w - int(match[4])
            y = int(match[6]) if match[5] == "+" else sh - h - int(match[6])
    else:
        w, h = DEFAULT_SIZE
        room_h = max(200, sh - FIRST_MARGIN)
    w, h = min(w, sw), min(h, room_h)
    if x is None or y is None:  # first run: centred
        x, y = (sw - w) // 2, max(0, (room_h - h) // 2)
    x = max(0, min(x, sw - w))
    y = max(0, min(y, room_h - h))
    return f"{w}x{h}+{x}+{y}"


def _icon_photos(root: Any) -> list[Any]:
    import tkinter as tk

    from desktop.resources import assets_dir

    photos = []
    for size in (16, 32, 48, 64, 128):
        png = assets_dir() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "precis.png"
        if png.is_file():
            try:
                photos.append(tk.PhotoImage(master=root, file=str(png)))
            except tk.TclError:
                pass
    return photos


class Session:
    """The pieces of a running window, built by build() and torn down by close()."""

    def __init__(self, root: Any, window: Any, presenter: Any, library: Any, runners: list[Any]) -> None:
        self.root = root
        self.window = window
        self.presenter = presenter
        self.library = library
        self.runners = runners
        self.server: Any = None
        self.photos: list[Any] = []

    def destroy(self, keep_root: bool = False) -> None:
        """Close everything and destroy the window, or only its contents when the root is shared (tests)."""
        self.close()
        try:
            for job in self.root.tk.splitlist(self.root.tk.call("after", "info")):
                # Tcl's own cancel: tkinter's after_cancel would delete commands their widgets still own.
                self.root.tk.call("after", "cancel", job)
            if not keep_root:
                self.root.destroy()
                return
            self.root.configure(menu="")
            for child in self.root.winfo_children():
                child.destroy()
            self.root.update()
        except Exception:  # noqa: BLE001 - already destroyed
            pass

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        for runner in self.runners:
            runner.close()
        try:
            self.library.close()
        except Exception:  # noqa: BLE001 - closing on exit must not raise
            log.exception("closing the library")


def build(files: Sequence[str] = (), root: Any = None) -> Session:
    """Create (or reuse, for tests) the root window and everything in it; show the files or the sample."""
    from desktop.ui.ttk_light import load

    ttk = load()

    from desktop.library.paths import data_dir
    from desktop.library.settings import load_settings, save_settings
    from desktop.library.store import Library
    from desktop.resources import sample_article
    from desktop.ui.main_window import MainWindow
    from desktop.ui.presenters import MainPresenter
    from desktop.ui.tasks import ThreadRunner
    from desktop.ui.theme import THEME_NAMES, register_themes, setup_fonts

    settings = load_settings()
    if root is None:
        register_themes()
        # className gives the window WM_CLASS "precis"/"Precis", matching StartupWMClass in the
        # desktop entry, so desktops group the window under Précis rather than "Tk".
        root = ttk.Window(title=APP_NAME, theme=THEME_NAMES[settings.theme], iconphoto=None,
                          minsize=(880, 540), className="precis",
                          high_dpi=sys.platform == "win32")  # elsewhere it only tries to import ctypes.windll
    root.geometry(fit_geometry(settings.geometry, (root.winfo_screenwidth(), root.winfo_screenheight())))
    root.title(APP_NAME)
    fonts = setup_fonts(root)
    window = MainWindow(root, fonts, settings.panes)
    runner = ThreadRunner(root.after, paused=True)
    import_runner = ThreadRunner(root.after, paused=True)
    _resume_when_mapped(root, [runner, import_runner])
    library = Library.open()
    presenter = MainPresenter(
        window, library, runner, settings, save_settings,
        sample=sample_article(), data_dir=str(data_dir()), import_runner=import_runner,
        worker_library=lambda: Library.open(library.path),
    )
    window.attach(presenter)
    from desktop.ui.brief_window import install_brief
    from desktop.ui.menus import inset_labels

    install_brief(window, presenter)
    inset_labels(window, window._menus[1:])  # the Brief menu's labels line up with the others'
    app = Session(root, window, presenter, library, [runner, import_runner])
    presenter.start(files)
    root.update_idletasks()
    window.restore_panes()
    return app


def _resume_when_mapped(root: Any, runners: list[Any]) -> None:
    """Let the workers start once the window is on screen: a remembered article's digest then comes
    from the cache at once, and the summarisers' imports (numpy, Punkt) wait until after the first paint."""
    def resume() -> None:
        for runner in runners:
            runner.resume()

    def go(event: Any = None) -> None:
        if event is None or event.widget is root:
            # Tk maps a new window while build() still runs (its last update_idletasks waits for the
            # map), and runs idle handlers there too: a timer waits for the event loop, then the idle
            # handler comes after the first paint's. A worker importing numpy would otherwise hold the
            # interpreter while the window is finished and drawn.
            root.after(1, lambda: root.after_idle(resume))

    root.bind("<Map>", go, add=True)
    if root.winfo_ismapped():  # a reused root (tests) is already on screen
        go()
    root.after(500, go)  # a window that never maps (withdrawn) still gets its work done


def after_shown(app: Session) -> None:
    """Things that need not delay the first paint: icon, drag and drop, the single-instance server."""
    from desktop.instance import InstanceServer
    from desktop.ui.dnd import enable_drop

    app.photos = _icon_photos(app.root)
    if app.photos:
        app.root.iconphoto(True, *app.photos)
    enable_drop(app.root, app.presenter.transfer.open_paths)
    runner = app.runners[0]
    def on_open(paths: list[str]) -> None:  # called on the server's thread
        runner.call_soon(lambda: app.presenter.transfer.external_open(paths))

    app.server = InstanceServer.start(on_open)


def start_timers(app: Session) -> None:
    """Once the window is up: after_shown soon, and the cycle collector back after the start-up work."""
    import gc

    app.root.after(50, lambda: after_shown(app))
    app.root.after(GC_OFF_MS, gc.enable)


def _probe(app: Session, path: str, started: float) -> None:
    """Record when the window maps and when the first summary shows, then quit (for the benchmark).

    Each line of the file: mark, wall-clock time (time.time()), and the process's CPU seconds so far
    (all threads; a steadier number than the wall clock on a busy machine).
    """
    marks: dict[str, tuple[float, float | None]] = {"run": (started, None)}  # the interpreter and CLI are loaded

    def mark(name: str) -> None:
        if name not in marks:
            marks[name] = (time.time(), time.process_time())

    def write() -> None:
        Path(path).write_text("".join(f"{k}\t{wall}\t{'' if cpu is None else cpu}\n"
                                      for k, (wall, cpu) in marks.items()), encoding="utf-8")

    def mapped(event: Any) -> None:
        if event.widget is app.root:
            mark("mapped")

    show_summary = app.window.show_summary

    def summary_shown(summary: Any) -> None:
        show_summary(summary)
        if summary is not None and "summary" not in marks:
            app.root.update_idletasks()
            mark("summary")
            write()
            app.root.after(10, app.window.close)

    app.root.bind("<Map>", mapped, add=True)
    app.window.show_summary = summary_shown
    if app.root.winfo_ismapped():
        mark("mapped")


def run(files: Sequence[str] = ()) -> int:
    started = time.time()
    import gc

    from desktop.core.errors import PrecisError

    # Start-up allocates much and frees little: the cycle collector would run some 70 times (15-25 ms)
    # before the window shows and as many times again (about 20 ms) while the worker loads the
    # summarisers for the first digest. It is back on GC_OFF_MS after the window is up (start_timers).
    gc.disable()
    try:
        app = build(files)
    except PrecisError as exc:  # e.g. the library folder cannot be created
        gc.enable()
        _fatal(str(exc))
        return 1
    except BaseException:
        gc.enable()
        raise
    probe = os.environ.get(PROBE_ENV)
    if probe:
        _probe(app, probe, started)
    app.window.on_close = app.root.destroy
    start_timers(app)
    try:
        app.root.mainloop()
    finally:
        app.close()
    return 0


def _fatal(message: str) -> None:
    """A start-up failure: a plain message box (there is no window to show it in)."""
    import tkinter as tk
    from tkinter import messagebox

    log.error("%s", message)
    try:
        root = tk.Tk()
        root.withdraw()
        messagebox.showerror(APP_NAME, message, parent=root)
        root.destroy()
    except tk.TclError:
        pass


def main() -> int:
    return run(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
