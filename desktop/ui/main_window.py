"""The main window: lays out the three panes and the status bar, owns menus and shortcuts, and implements
MainView by handing each verb to the pane that shows it."""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable, Sequence
from typing import Any

import ttkbootstrap as ttk

from desktop import APP_NAME
from desktop.ui import dialogs
from desktop.ui.library_pane import LibraryPane
from desktop.ui.note_dialog import NoteDialog
from desktop.ui.reader import ReaderView
from desktop.ui.summary_pane import SummaryPane
from desktop.ui.theme import PALETTES, THEME_NAMES, Fonts
from desktop.ui.viewmodels import (
    AboutView,
    AppearanceView,
    ArticleView,
    FactGroupView,
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
STATUS_CLEAR_MS = 12000
UNDO_CLEAR_MS = 30000
IDLE_HINT = "Drop files or folders anywhere on this window to add them to your library"


class StatusBar:
    """A message (coloured by kind), an optional action button (Undo), import progress with Cancel, and on
    the right what is going on in the background (summarising). With nothing to say it shows a hint."""

    def __init__(self, parent: tk.Misc) -> None:
        self.presenter: Any = None
        self.frame = ttk.Frame(parent, padding=(12, 5, 12, 6))
        self.message = ttk.Label(self.frame, text=IDLE_HINT, anchor="w", bootstyle="secondary")
        self.message.pack(side="left")
        self.activity = ttk.Label(self.frame, text="", anchor="e", bootstyle="secondary")
        self.activity.pack(side="right")
        self.action = ttk.Button(self.frame, text="Undo", bootstyle="link",
                                 command=lambda: self.presenter.status_action())
        self.cancel = ttk.Button(self.frame, text="Cancel", bootstyle="link",
                                 command=lambda: self.presenter.transfer.cancel_import())
        self.progress = ttk.Progressbar(self.frame, mode="determinate", length=220, bootstyle="primary")
        self._clear_job: str | None = None

    def show(self, status: Status) -> None:
        style = {"error": "danger", "success": "success"}.get(status.kind, "default")
        self.message.configure(text=status.text, bootstyle=style)
        if status.action:
            self.action.configure(text=status.action)
            self.action.pack(side="left", padx=(8, 0))
        else:
            self.action.pack_forget()
        if self._clear_job:
            self.frame.after_cancel(self._clear_job)
            self._clear_job = None
        if status.kind != "error":
            delay = UNDO_CLEAR_MS if status.action else STATUS_CLEAR_MS
            self._clear_job = self.frame.after(delay, self._clear)

    def _clear(self) -> None:
        self._clear_job = None
        self.message.configure(text=IDLE_HINT, bootstyle="secondary")
        self.action.pack_forget()

    def set_activity(self, text: str) -> None:
        self.activity.configure(text=text)

    def show_progress(self, progress: Progress | None) -> None:
        if progress is None:
            self.progress.stop()
            self.progress.pack_forget()
            self.cancel.pack_forget()
            return
        if not self.progress.winfo_ismapped():
            self.cancel.pack(side="right")
            self.progress.pack(side="right", padx=(12, 4))
        if progress.total:
            self.progress.stop()
            self.progress.configure(mode="determinate", maximum=progress.total, value=progress.done)
        else:
            self.progress.configure(mode="indeterminate")
            self.progress.start(15)
        self.message.configure(text=progress.text, bootstyle="default")


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
        ttk.Separator(outer, orient="horizontal").pack(side="bottom", fill="x")
        self.paned = ttk.Panedwindow(outer, orient="horizontal")
        self.paned.pack(fill="both", expand=True)

        self.library = LibraryPane(self.paned, fonts)
        self.reader_box = ttk.Frame(self.paned)
        self.reader = ReaderView(self.reader_box, fonts)
        self._build_reader_bar()
        self.reader.frame.pack(fill="both", expand=True)
        self.summary = SummaryPane(self.paned, fonts)
        self.paned.add(self.library.frame, weight=0)
        self.paned.add(self.reader_box, weight=1)
        self.paned.add(self.summary.frame, weight=0)
        self._laid_out = False
        self.paned.bind("<Configure>", self._first_layout, add=True)
        self.paned.bind("<Configure>", lambda e: self.root.after_idle(self._keep_reader_wide), add=True)
        self._menus: list[tk.Menu] = []
        self._build_menus()
        self._bind_keys()
        root.report_callback_exception = self._callback_failed

    # ----- wiring -------------------------------------------------------------------------------

    def attach(self, presenter: Any) -> None:
        self.presenter = presenter
        for part in (self.library, self.reader, self.summary, self.summary.highlights, self.status):
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

    def _build_menus(self) -> None:
        menubar = tk.Menu(self.root, tearoff=False)
        self.root.configure(menu=menubar)
        self._menus.append(menubar)

        def menu(label: str) -> tk.Menu:
            m = tk.Menu(menubar, tearoff=False)
            menubar.add_cascade(label=label, menu=m, underline=0)
            self._menus.append(m)
            return m

        file = menu("File")
        file.add_command(label="Open…", accelerator="Ctrl+O", command=self._do("transfer.open_requested"))
        file.add_command(label="Import Folder…", command=self._do("transfer.import_folder_requested"))
        file.add_separator()
        file.add_command(label="Export Markdown…", accelerator="Ctrl+E",
                         command=self._do("transfer.export_markdown"))
        file.add_command(label="Copy as Markdown", accelerator="Ctrl+Shift+C",
                         command=self._do("transfer.copy_markdown"))
        self._export_items = [(file, "Export Markdown…"), (file, "Copy as Markdown")]
        file.add_separator()
        file.add_command(label="Quit", accelerator="Ctrl+Q", command=self.close)

        edit = menu("Edit")
        edit.add_command(label="Find in Library", accelerator="Ctrl+F", command=self.focus_search)
        edit.add_command(label="Tags…", accelerator="Ctrl+T", command=self._do("library.edit_tags"))
        edit.add_command(label="Mark Read / Unread", accelerator="Ctrl+M",
                         command=self._do("library.toggle_read"))
        edit.add_separator()
        edit.add_command(label="Highlight Selection", accelerator="H",
                         command=self.reader.marks.highlight_selection)
        edit.add_command(label="Add Note…", accelerator="N",
                         command=lambda: self.reader.marks.note_here(self.reader.marks.span_at("insert")))
        edit.add_separator()
        edit.add_command(label="Move to Trash", accelerator="Delete", command=self._delete_selected)

        view = menu("View")
        # Check marks that follow the state (apply_appearance sets the variables).
        self._vars["library"] = tk.BooleanVar(self.root, value=True)
        self._vars["focus"] = tk.BooleanVar(self.root, value=False)
        view.add_checkbutton(label="Library", accelerator="Ctrl+L", variable=self._vars["library"],
                             command=self._do("reader.toggle_library"))
        view.add_checkbutton(label="Focus Mode", accelerator="F11", variable=self._vars["focus"],
                             command=self._do("reader.toggle_focus_mode"))
        view.add_separator()
        view.add_checkbutton(label="Highlight Summary", variable=self._vars["highlight"],
                             command=lambda: self.presenter.reader.set_highlight(self._vars["highlight"].get()))
        view.add_checkbutton(label="Show What Was Removed", variable=self._vars["removed"],
                             command=lambda: self.presenter.reader.set_show_removed(self._vars["removed"].get()))
        view.add_separator()
        self._vars["theme"] = tk.StringVar(self.root, value="light")
        for key, label in (("light", "Light"), ("dark", "Dark"), ("sepia", "Sepia")):
            view.add_radiobutton(label=f"{label} Theme", value=key, variable=self._vars["theme"],
                                 command=self._do("reader.set_theme", key))
        view.add_separator()
        view.add_command(label="Bigger Text", accelerator="Ctrl+=", command=self._do("reader.font_bigger"))
        view.add_command(label="Smaller Text", accelerator="Ctrl+-", command=self._do("reader.font_smaller"))
        view.add_command(label="Actual Size", accelerator="Ctrl+0", command=self._do("reader.font_reset"))

        help_ = menu("Help")
        help_.add_command(label=f"About {APP_NAME}", command=self._do("about"))

    def _bind_keys(self) -> None:
        r = self.root
        keys = {
            "<Control-o>": "transfer.open_requested", "<Control-e>": "transfer.export_markdown",
            "<Control-C>": "transfer.copy_markdown",
            "<Control-equal>": "reader.font_bigger", "<Control-plus>": "reader.font_bigger",
            "<Control-KP_Add>": "reader.font_bigger",
            "<Control-minus>": "reader.font_smaller", "<Control-KP_Subtract>": "reader.font_smaller",
            "<Control-0>": "reader.font_reset", "<F11>": "reader.toggle_focus_mode",
            "<Control-l>": "reader.toggle_library",
            "<Control-t>": "library.edit_tags", "<Control-m>": "library.toggle_read",
        }
        for sequence, name in keys.items():
            r.bind_all(sequence, self._do(name))
        r.bind_all("<Control-f>", lambda e: self.focus_search())
        r.bind_all("<Control-q>", lambda e: self.close())
        self.reader.text.bind("<Delete>", lambda e: self._delete_selected())
        self.reader.text.bind("<Escape>", self._do("reader.escape"))
        self.reader.text.bind("<Control-z>", self._do("status_action"))  # undo a highlight change or a delete
        r.protocol("WM_DELETE_WINDOW", self.close)

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

    def show_tags(self, tags: Sequence[tuple[str, int]], current: str | None) -> None:
        self.library.show_tags(tags, current)

    def show_length(self, length: LengthView) -> None:
        self.summary.show_length(length)

    def set_algorithms(self, choices: Sequence[tuple[str, str]]) -> None:
        self.summary.set_algorithms(choices)

    def apply_appearance(self, appearance: AppearanceView) -> None:
        old = self._appearance
        self._appearance = appearance
        palette = PALETTES[appearance.theme]
        if old is None or old.theme != appearance.theme:
            self.root.style.theme_use(THEME_NAMES[appearance.theme])
            for m in self._menus:
                m.configure(background=palette.panel, foreground=palette.fg,
                            activebackground=palette.select_bg,
                            activeforeground=palette.fg, selectcolor=palette.accent, borderwidth=0,
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
        self.summary.apply(palette, appearance.font_size)
        self.library.apply(palette)
        self._show_panes(appearance)

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

    def ask_open_paths(self) -> list[str]:
        return dialogs.ask_open_paths(self.root)

    def ask_folder(self) -> str | None:
        return dialogs.ask_folder(self.root)

    def ask_save_path(self, default_name: str) -> str | None:
        return dialogs.ask_save_path(self.root, default_name)

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

    def show_highlights(self, highlights: HighlightsView | None) -> None:
        self.reader.marks.show(highlights)
        self.summary.highlights.show(highlights)
        self.summary.refit()

    def ask_note(self, quote: str, current: str) -> str | None:
        theme = self._appearance.theme if self._appearance is not None else "light"
        self.note_dialog = NoteDialog(self.root, quote, current, PALETTES[theme])
        return self.note_dialog.run()
