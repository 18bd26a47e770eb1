"""The main window: lays out the three panes and the status bar, owns menus and shortcuts, and implements
MainView by handing each verb to the pane that shows it."""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable, Sequence
from typing import Any

import ttkbootstrap as ttk

from desktop.ui import dialogs, file_chooser
from desktop.ui.find_bar import FindBar
from desktop.ui.library_pane import LibraryPane
from desktop.ui.menus import SHORTCUTS, bind_keys, build_menus
from desktop.ui.note_dialog import NoteDialog
from desktop.ui.reader import ReaderView
from desktop.ui.status_bar import StatusBar
from desktop.ui.summary_pane import SummaryPane
from desktop.ui.theme import PALETTES, Fonts, apply_theme
from desktop.ui.viewmodels import (
    AboutView,
    AppearanceView,
    ArticleView,
    FactGroupView,
    FindView,
    HighlightsView,
    LengthView,
    LibraryView,
    Problem,
    Progress,
    RowView,
    Span,
    Status,
    SummaryView,
)

log = logging.getLogger(__name__)

DEFAULT_PANES = (310, 950)  # sash positions at 1280 px: library | reader (~70 characters a line) | summary
LIBRARY_WIDTH = 310  # the library pane's width when the window has room for it beside a whole column
MIN_SIDE, MIN_READER = 240, 360  # narrowest summary pane and reading view when the sashes are restored


# The reading bar's toggles: full label, and the short one used when the bar is narrow.
BAR_LABELS = {"highlight": ("Highlight summary", "Summary"), "removed": ("Show what was removed", "Removed"),
              "show_library": ("☰  Library", "☰ Library"), "hide_library": ("‹  Hide library", "‹ Library")}


class MainWindow:
    def __init__(self, root: ttk.Window, fonts: Fonts, panes: Sequence[int] = ()) -> None:
        self.root = root
        self.presenter: Any = None
        self.fonts = fonts
        self._remembered = len(panes) == 2  # else the first layout fits the reader to its column
        self._panes = tuple(panes) if self._remembered else DEFAULT_PANES
        self._appearance: AppearanceView | None = None
        self._vars: dict[str, tk.Variable] = {}

        outer = ttk.Frame(root)
        outer.pack(fill="both", expand=True)
        self.status = StatusBar(outer)
        self.status.frame.pack(side="bottom", fill="x")
        self._status_rule = ttk.Separator(outer, orient="horizontal")
        self._status_rule.pack(side="bottom", fill="x")
        self.paned = ttk.Panedwindow(outer, orient="horizontal")
        self.paned.pack(fill="both", expand=True)

        self.library = LibraryPane(self.paned, fonts)
        self.reader_box = ttk.Frame(self.paned)
        self.reader = ReaderView(self.reader_box, fonts)
        self.library.reader = self.reader  # the search's matches are marked in the text too
        # The library pane's verbs, as the library presenter calls them (see LibraryScreen)
        self.show_filters, self.show_caption, self.show_matches = (
            self.library.show_filters, self.library.show_caption, self.library.show_matches)
        self.confirm = lambda question, action: dialogs.confirm(self.root, question, action)
        self._build_reader_bar()
        # how far in and how long is left, under the text, quiet (in focus mode too)
        self.reading_progress = ttk.Label(self.reader_box, text="\u00a0", bootstyle="secondary", anchor="e",
                                          padding=(14, 2, 18, 4))
        self.reading_progress.pack(side="bottom", fill="x")
        self.reader.frame.pack(fill="both", expand=True)
        self.find_bar = FindBar(self.reader_box, self.reader)
        self.summary = SummaryPane(self.paned, fonts)
        self.paned.add(self.library.frame, weight=0)
        self.paned.add(self.reader_box, weight=1)
        self.paned.add(self.summary.frame, weight=0)
        self._laid_out = False
        self.paned.bind("<Configure>", self._first_layout, add=True)
        self.paned.bind("<Configure>", lambda e: self.root.after_idle(self._keep_reader_wide), add=True)
        self._menus: list[tk.Menu] = []
        self.shortcuts: Any = None  # the Keyboard shortcuts window, while open
        build_menus(self)
        bind_keys(self)
        root.report_callback_exception = self._callback_failed

    # ----- wiring -------------------------------------------------------------------------------

    def attach(self, presenter: Any) -> None:
        self.presenter = presenter
        for part in (self.library, self.reader, self.summary, self.summary.highlights, self.status,
                     self.find_bar):
            part.presenter = presenter

    def _do(self, name: str, *args: Any) -> Callable[..., str]:
        """A Tk callback that calls presenter.<name>(*args) ("pane.method" for a pane's presenter) and
        stops the event there."""
        def callback(event: Any = None) -> str:
            target = self.presenter
            for part in name.split("."):
                target = getattr(target, part)
            target(*args)
            return "break"
        return callback

    def _build_reader_bar(self) -> None:
        bar = ttk.Frame(self.reader_box, padding=(14, 8, 14, 6))
        bar.pack(side="top", fill="x")
        self._vars["highlight"] = tk.BooleanVar(self.root, value=True)
        self._vars["removed"] = tk.BooleanVar(self.root, value=False)
        self.removed_toggle = ttk.Checkbutton(
            bar, text=BAR_LABELS["removed"][0], variable=self._vars["removed"], bootstyle="round-toggle",
            command=lambda: self.presenter.reader.set_show_removed(self._vars["removed"].get()))
        self.removed_toggle.pack(side="right")
        self.highlight_toggle = ttk.Checkbutton(
            bar, text=BAR_LABELS["highlight"][0], variable=self._vars["highlight"], bootstyle="round-toggle",
            command=lambda: self.presenter.reader.set_highlight(self._vars["highlight"].get()))
        self.highlight_toggle.pack(side="right", padx=(0, 18))
        self.toggle_library_button = ttk.Button(bar, text="☰  Library", bootstyle="link",
                                                command=self._do("reader.toggle_library"))
        self.toggle_library_button.pack(side="left")
        self.reader_bar = bar
        self._bar_full_width = 0
        self._bar_short = False
        self._library_key = "show_library"
        bar.bind("<Configure>", lambda e: self._fit_reader_bar(e.width), add=True)

    def _fit_reader_bar(self, width: int) -> None:
        """Short labels when the full ones would not fit (a narrow window, wide side panes): Tk would
        otherwise clip the toggles' labels and squeeze the library button out of the bar."""
        if width <= 1:
            return
        toggles = {"highlight": self.highlight_toggle, "removed": self.removed_toggle}
        if self.highlight_toggle.cget("text") == BAR_LABELS["highlight"][0]:
            self._bar_full_width = (sum(t.winfo_reqwidth() for t in toggles.values()) + 18 + 28
                                    + self.toggle_library_button.winfo_reqwidth() + 12)
        short = width < self._bar_full_width
        if short == self._bar_short and self.highlight_toggle.cget("text") == BAR_LABELS["highlight"][short]:
            return  # nothing to change (re-padding the bar would only bring another <Configure>)
        self._bar_short = short
        for key, toggle in toggles.items():
            toggle.configure(text=BAR_LABELS[key][self._bar_short])
        self.toggle_library_button.configure(text=BAR_LABELS[self._library_key][self._bar_short])
        self.highlight_toggle.pack_configure(padx=(0, 8 if self._bar_short else 18))
        bar = self.reader_bar
        bar.configure(padding=(6 if self._bar_short else 14, 8, 8 if self._bar_short else 14, 6))

    def open_find(self) -> str:
        """Ctrl+F: the find bar above the article, its text selected for a new search."""
        self.find_bar.open()
        return "break"

    def show_shortcuts(self) -> str:
        if self.shortcuts is not None and self.shortcuts.top.winfo_exists():
            self.shortcuts.top.lift()
        else:
            self.shortcuts = dialogs.show_shortcuts(self.root, SHORTCUTS)
        return "break"

    def focus_search(self) -> str:
        a = self._appearance
        if a is not None and (a.focus_mode or not a.library_visible):
            self.presenter.reader.toggle_library()
        self.library.focus_search()
        return "break"

    def _delete_selected(self) -> str:
        ids = self.library.selected_ids() if self.root.focus_get() is self.library.tree else []
        self.presenter.library.delete(ids)
        return "break"

    on_close: Callable[[], None] = staticmethod(lambda: None)

    def close(self) -> None:
        self.presenter.closing(self.root.geometry(), self.sash_positions())
        self.on_close()

    def sash_positions(self) -> tuple[int, ...]:
        if len(self.paned.panes()) == 3 and self._laid_out:
            return (self.paned.sashpos(0), self.paned.sashpos(1))
        return self._panes

    def _first_layout(self, event: Any) -> None:
        if not self._laid_out and event.width > 1:
            self._laid_out = True
            self.restore_panes()

    def _keep_reader_wide(self) -> None:
        """When the window is made narrower, Tk takes the width from the reader alone (the side panes
        keep theirs), down to a sliver: give it back from the library pane, down to its own minimum."""
        if not self._laid_out or len(self.paned.panes()) != 3:
            return
        left, right = self.paned.sashpos(0), self.paned.sashpos(1)
        if right - left < MIN_READER and left > MIN_SIDE - 40:
            self.paned.sashpos(0, max(MIN_SIDE - 40, right - MIN_READER))

    def restore_panes(self) -> None:
        """Put the sashes where they were (after the window has its size), keeping each pane usable when
        the window is narrower than the one they were remembered in."""
        if len(self.paned.panes()) == 3:
            width = self.paned.winfo_width()
            if not self._remembered and width > 1:
                self._panes = self.fitted_panes(width)
            left, right = self._panes
            if width > 1:
                right = min(right, width - MIN_SIDE)
                left = max(MIN_SIDE - 40, min(left, right - MIN_READER))
            self.paned.sashpos(0, left)
            self.paned.sashpos(1, right)

    def fitted_panes(self, width: int) -> tuple[int, int]:
        """Sashes for a window `width` wide that give the reader its whole measured column (about 70
        characters of whatever font it got), sharing what is left between the side panes."""
        need = self.reader.needed_width()
        # the summary pane gives way first (down to its least), then the library
        left = max(MIN_SIDE - 40, min(LIBRARY_WIDTH, width - need - MIN_SIDE))
        right = max(left + MIN_READER, min(width - MIN_SIDE, left + need))
        return left, right

    def _callback_failed(self, exc: type[BaseException], value: BaseException, tb: Any) -> None:
        log.error("error in a window callback", exc_info=(exc, value, tb))
        self.status.show(Status(f"Something went wrong: {value}", "error"))

    # ----- MainView -----------------------------------------------------------------------------

    def set_title(self, title: str) -> None:
        self.root.title(title)

    def show_article(self, article: ArticleView | None) -> None:
        self.reader.show(article)

    def show_summary(self, summary: SummaryView | None) -> None:
        self.reader.set_summary(summary)
        self.summary.show_summary(summary)

    def show_facts(self, groups: Sequence[FactGroupView]) -> None:
        self.summary.show_facts(groups)

    def set_busy(self, busy: bool) -> None:
        self.summary.set_busy(busy)
        self.status.set_activity("Summarising…" if busy else "")

    def set_can_export(self, can: bool) -> None:
        self.summary.set_can_export(can)
        for menu, label in self._export_items:
            menu.entryconfigure(label, state="normal" if can else "disabled")

    def show_library(self, library: LibraryView) -> None:
        self.library.show(library)

    def update_row(self, row: RowView) -> None:
        self.library.update_row(row)

    def select_row(self, id: int | None) -> None:
        self.library.select(id)

    def show_length(self, length: LengthView) -> None:
        self.summary.show_length(length)

    def set_algorithms(self, choices: Sequence[tuple[str, str]]) -> None:
        self.summary.set_algorithms(choices)

    def apply_appearance(self, appearance: AppearanceView) -> None:
        old = self._appearance
        self._appearance = appearance
        palette = PALETTES[appearance.theme]
        if old is None or old.theme != appearance.theme:
            apply_theme(self.root.style, appearance.theme)
            for m in self._menus:
                m.configure(background=palette.panel, foreground=palette.fg,
                            activebackground=palette.select_bg,
                            activeforeground=palette.fg, selectcolor=palette.accent, borderwidth=2,
                            activeborderwidth=0, relief="flat")
            self.root.configure(background=palette.panel)
            style = self.root.style
            style.map("Treeview", background=[("selected", palette.select_bg)],
                      foreground=[("selected", palette.fg)])
        self._vars["theme"].set(appearance.theme)
        self._vars["highlight"].set(appearance.highlight_summary)
        self._vars["removed"].set(appearance.show_removed)
        self._vars["library"].set(appearance.library_visible and not appearance.focus_mode)
        self._vars["focus"].set(appearance.focus_mode)
        self.reader.apply(appearance, palette)
        self.find_bar.apply(palette)
        self.find_bar.show(self.find_bar.find)  # a re-render (removed blocks shown) drops the marks
        self.summary.apply(palette, appearance.font_size)
        self.library.apply(palette)
        self._show_panes(appearance)
        self._show_chrome(not appearance.focus_mode)

    def _show_chrome(self, on: bool) -> None:
        """Focus mode is the article alone: no menu bar, reading bar or status bar (F11 or Esc to leave)."""
        self.root.configure(menu=self.menubar if on else "")
        if on and not self.reader_bar.winfo_manager():
            first = self.find_bar.frame if self.find_bar.is_open() else self.reader.frame
            self.reader_bar.pack(side="top", fill="x", before=first)
            self.status.frame.pack(side="bottom", fill="x", before=self.paned)
            self._status_rule.pack(side="bottom", fill="x", before=self.paned)
        elif not on and self.reader_bar.winfo_manager():
            for widget in (self.reader_bar, self.status.frame, self._status_rule):
                widget.pack_forget()

    def _show_panes(self, appearance: AppearanceView) -> None:
        want_library = appearance.library_visible and not appearance.focus_mode
        want_summary = not appearance.focus_mode
        panes = [str(p) for p in self.paned.panes()]
        if len(panes) == 3 and self._laid_out:
            self._panes = (self.paned.sashpos(0), self.paned.sashpos(1))
        has_library = str(self.library.frame) in panes
        has_summary = str(self.summary.frame) in panes
        if has_library and not want_library:
            self.paned.forget(self.library.frame)
        if has_summary and not want_summary:
            self.paned.forget(self.summary.frame)
        if want_library and not has_library:
            self.paned.insert(0, self.library.frame, weight=0)
        if want_summary and not has_summary:
            self.paned.add(self.summary.frame, weight=0)
        if (want_library and not has_library) or (want_summary and not has_summary):
            self.root.after_idle(self._resash)
        self._library_key = "hide_library" if want_library else "show_library"
        self.toggle_library_button.configure(text=BAR_LABELS[self._library_key][self._bar_short])

    def _resash(self) -> None:
        self.paned.update_idletasks()  # lay out the pane just put back, or the sashes would be clamped
        panes = len(self.paned.panes())
        if panes == 3:
            self.restore_panes()
        elif panes == 2 and str(self.library.frame) in [str(p) for p in self.paned.panes()]:
            self.paned.sashpos(0, self._panes[0])

    def show_status(self, status: Status) -> None:
        self.status.show(status)

    def show_progress(self, progress: Progress | None) -> None:
        self.status.show_progress(progress)

    def show_problems(self, title: str, problems: Sequence[Problem]) -> None:
        dialogs.show_problems(self.root, title, problems)

    def reveal(self, span: Span) -> None:
        self.reader.reveal(span)

    def ask_open_paths(self, folder: str = "") -> list[str]:
        return file_chooser.ask_open_paths(self.root, folder)

    def ask_folder(self, folder: str = "") -> str | None:
        return file_chooser.ask_folder(self.root, folder)

    def ask_save_path(self, default_name: str, folder: str = "") -> str | None:
        return file_chooser.ask_save_path(self.root, default_name, folder)

    def ask_tags(self, current: str) -> str | None:
        return dialogs.ask_tags(self.root, current)

    def copy_to_clipboard(self, text: str) -> None:
        self.root.clipboard_clear()
        self.root.clipboard_append(text)

    def show_about(self, about: AboutView) -> None:
        dialogs.show_about(self.root, about)

    def raise_window(self) -> None:
        self.root.deiconify()
        self.root.lift()
        self.root.focus_force()

    def focus_reader(self) -> None:
        self.reader.text.focus_set()

    def show_find(self, find: FindView | None) -> None:
        self.find_bar.show(find)

    def show_reading_progress(self, text: str) -> None:
        # never empty: a label that grows from nothing to a line would resize the reading view (and
        # make Tk measure a long article's lines again)
        self.reading_progress.configure(text=text or "\u00a0")

    def show_highlights(self, highlights: HighlightsView | None) -> None:
        self.reader.marks.show(highlights)
        self.summary.highlights.show(highlights)
        self.summary.refit()

    def ask_note(self, quote: str, current: str) -> str | None:
        theme = self._appearance.theme if self._appearance is not None else "light"
        self.note_dialog = NoteDialog(self.root, quote, current, PALETTES[theme])
        return self.note_dialog.run()
