"""The library sidebar: live search box (clear button, Esc), filter with counts (All, Unread, Read,
Highlighted, each tag, Trash), the article list or the search hits with their snippets, the bar of
actions on several selected rows or on the trash, and the next/previous match of a search."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Sequence
from typing import Any

import ttkbootstrap as ttk

from desktop.ui.article_list import ArticleList
from desktop.ui.hit_list import HitList
from desktop.ui.theme import Fonts, Palette
from desktop.ui.viewmodels import FilterView, LibraryView, MatchesView, RowView

SEARCH_DELAY_MS = 180
PLACEHOLDER = "Search  (Ctrl+K)"


class LibraryPane:
    def __init__(self, parent: tk.Misc, fonts: Fonts) -> None:
        self.presenter: Any = None
        self.reader: Any = None  # the reading view, where the search's matches are marked
        self.frame = ttk.Frame(parent, padding=(12, 14, 6, 10))
        self._search_job: str | None = None
        self._filters: list[FilterView] = []
        self._mode = "list"  # list | hits | empty
        self._trash = False
        self.header_font = tkfont.Font(parent, family=fonts.ui, size=13, weight="bold")
        self.bold_font = tkfont.Font(parent, family=fonts.ui, size=10, weight="bold")
        self.small_font = tkfont.Font(parent, family=fonts.ui, size=9)
        self.row_font = tkfont.Font(parent, family=fonts.ui, size=10)

        top = ttk.Frame(self.frame)
        top.pack(fill="x", pady=(0, 10))
        ttk.Label(top, text="Library", font=self.header_font).pack(side="left")
        self.add_button = ttk.Button(top, text="Add…", bootstyle="primary-outline", width=6,
                                     command=lambda: self.presenter.transfer.open_requested())
        self.add_button.pack(side="right")

        row = ttk.Frame(self.frame)
        row.pack(fill="x")
        self.search = ttk.Entry(row)
        self.search.pack(side="left", fill="x", expand=True)
        self.clear_button = ttk.Button(row, text="✕", width=2, bootstyle="secondary-link",
                                       command=self.clear_search)
        self._placeholder = True
        self.search.bind("<KeyRelease>", self._typed)
        self.search.bind("<Escape>", lambda e: self.clear_search())
        self.search.bind("<Down>", lambda e: self._focus_list())
        self.search.bind("<Return>", lambda e: self._focus_list())
        self.search.bind("<FocusIn>", lambda e: self._placeholder_off())
        self.search.bind("<FocusOut>", lambda e: self._placeholder_on())

        self.matches = ttk.Frame(self.frame)  # "Match 2 of 14  ‹ ›", shown while an opened hit has matches
        self.match_label = ttk.Label(self.matches, text="", font=self.small_font, bootstyle="secondary")
        self.match_label.pack(side="left")
        self.next_match = ttk.Button(self.matches, text="›", width=2, bootstyle="link",
                                     command=lambda: self.presenter.library.next_match(1))
        self.prev_match = ttk.Button(self.matches, text="‹", width=2, bootstyle="link",
                                     command=lambda: self.presenter.library.next_match(-1))
        self.next_match.pack(side="right")
        self.prev_match.pack(side="right")

        self.filter = ttk.Combobox(self.frame, state="readonly", values=[])
        self.filter.pack(fill="x", pady=(8, 8))
        self.filter.bind("<<ComboboxSelected>>", lambda e: self._filter_chosen())

        self.caption = ttk.Label(self.frame, text="", font=self.small_font, bootstyle="secondary")
        self.caption.pack(side="bottom", fill="x", pady=(6, 0))
        self.actions = ttk.Frame(self.frame)  # shown for several selected rows, or in the trash
        self.actions.pack(side="bottom", fill="x", pady=(6, 0))
        self.action_label = ttk.Label(self.actions, text="", font=self.small_font)
        self._action_buttons: list[ttk.Button] = []

        self.box = ttk.Frame(self.frame)
        self.box.pack(fill="both", expand=True)
        self.list = ArticleList(self.box, {"row": self.row_font, "bold": self.bold_font,
                                           "small": self.small_font}, self._library)
        self.tree = self.list.tree
        self.hits = HitList(self.box, self.bold_font, self.row_font, self.small_font, self._hit_chosen)
        self.empty = ttk.Frame(self.box)
        self.empty_label = ttk.Label(self.empty, text="", wraplength=240, justify="center")
        self.empty_label.pack(pady=(30, 10))
        self.empty_button = ttk.Button(self.empty, text="Clear search", bootstyle="primary-outline",
                                       command=self.clear_search)
        self.list.frame.pack(fill="both", expand=True)
        self.tree.bind("<<TreeviewSelect>>", lambda e: self._chosen(open_it=False))
        self.tree.bind("<Return>", lambda e: self._chosen(open_it=True))
        self.tree.bind("<Double-1>", lambda e: self._chosen(open_it=True))
        self.tree.bind("<Delete>", lambda e: self._delete())
        self._placeholder_on()
        self._show_actions()
        # Alt is Mod1 on X11; Tk finds "Alt" only through the keyboard map, which a bare X server may lack.
        for sequence, step in (("<KeyPress-j>", 1), ("<KeyPress-k>", -1), ("<Alt-Down>", 1), ("<Alt-Up>", -1),
                               ("<Mod1-Down>", 1), ("<Mod1-Up>", -1)):
            self.frame.bind_all(sequence, lambda e, s=step: self._step_key(e, s))

    def _library(self) -> Any:
        """The library's presenter (None before the window is attached)."""
        return self.presenter.library if self.presenter is not None else None

    def _step_key(self, event: tk.Event, step: int) -> str | None:
        """J/K and Alt+Down/Up open the next/previous article, unless the key is typed into a field."""
        widget = event.widget
        if not isinstance(widget, tk.Misc) or self.presenter is None or not self.frame.winfo_exists():
            return None
        if widget.winfo_class() in ("TEntry", "Entry", "TCombobox", "Spinbox", "TSpinbox") or (
                widget.winfo_class() == "Text" and str(widget.cget("state")) == "normal"):
            return None
        self._library().open_next(step)
        return "break"

    # ----- appearance ---------------------------------------------------------------------------

    def apply(self, palette: Palette) -> None:
        self._muted = palette.muted
        self._fg = palette.fg
        self.search.configure(foreground=palette.muted if self._placeholder else palette.fg)
        self.list.apply(palette)
        self.hits.apply(palette)

    # ----- content ------------------------------------------------------------------------------

    def show(self, library: LibraryView) -> None:
        self._trash = library.trash
        mode = "empty" if library.empty and not library.rows and not library.append else (
            "hits" if library.hits else "list")
        self._switch(mode)
        if mode == "empty":
            self.empty_label.configure(text=library.empty)
            if library.query:
                self.empty_button.pack()
            else:
                self.empty_button.pack_forget()
        elif mode == "hits":
            self.hits.show(library.rows, library.append)
        self.list.show(library if mode == "list" else LibraryView((), 0, sort=library.sort,
                                                                   reverse=library.reverse))
        if library.caption:
            self.caption.configure(text=library.caption)
        self._show_actions()

    def _switch(self, mode: str) -> None:
        if mode == self._mode:
            return
        self._mode = mode
        for part in (self.list.frame, self.hits.text, self.empty):
            part.pack_forget()
        {"list": self.list.frame, "hits": self.hits.text, "empty": self.empty}[mode].pack(
            fill="both", expand=True)

    def update_row(self, row: RowView) -> None:
        self.list.update_row(row)

    def select(self, id: int | None) -> None:
        self.list.select(id)
        self.hits.select(id)

    def show_filters(self, filters: Sequence[FilterView], current: str) -> None:
        self._filters = list(filters)
        self.filter.configure(values=[f.label for f in filters])
        keys = [f.key for f in filters]
        self.filter.current(keys.index(current) if current in keys else 0)

    def show_caption(self, caption: str) -> None:
        self.caption.configure(text=caption)

    def show_matches(self, matches: MatchesView | None) -> None:
        """The search's words in the open article: marked in the reader, counted here with ‹ ›."""
        if self.reader is not None:
            self.reader.show_matches(matches.spans if matches else (), matches.current if matches else 0)
        if matches is None or not matches.spans:
            self.matches.pack_forget()
            return
        self.match_label.configure(text=f"Match {matches.current + 1} of {len(matches.spans)}  "
                                        f"for “{matches.query}”")
        if not self.matches.winfo_ismapped():
            self.matches.pack(fill="x", pady=(4, 0), after=self.search.master)

    def selected_ids(self) -> list[int]:
        if self._mode == "hits":
            chosen = self.hits.chosen_id()
            return [chosen] if chosen is not None else []
        return self.list.selected_ids()

    def titles(self) -> list[str]:
        """The titles listed, in order, in full (the cells may show them shortened)."""
        return [r.title for r in self.shown_rows()]

    def shown_rows(self) -> list[RowView]:
        return self.hits.shown_rows() if self._mode == "hits" else self.list.shown_rows()

    def shown_columns(self) -> list[str]:
        return self.list.shown_columns()

    @property
    def mode(self) -> str:
        return self._mode

    # ----- actions on several rows, and on the trash ----------------------------------------------

    def _show_actions(self) -> None:
        count = self.list.selected_count() if self._mode == "list" else 0
        if self._trash:
            buttons = [("Restore", self._restore, count > 0), ("Delete for good…", self._delete, count > 0),
                       ("Empty trash…", lambda: self._library().actions.empty_trash(), True)]
            text = f"{count:,} selected" if count else "Removed articles"
        elif count > 1:
            buttons = [("Tag…", lambda: self._bulk("tag_selected"), True),
                       ("Mark read", lambda: self._bulk("mark_selected_read"), True),
                       ("Export…", lambda: self._bulk("export_selected"), True),
                       ("Trash", self._delete, True)]
            text = f"{count:,} selected"
        else:
            self.actions.pack_forget()
            return
        for button in self._action_buttons:
            button.destroy()
        self.action_label.configure(text=text)
        self.action_label.pack(side="top", anchor="w")
        self._action_buttons = []
        for label, command, enabled in buttons:
            button = ttk.Button(self.actions, text=label, bootstyle="link", command=command,
                                state="normal" if enabled else "disabled")
            button.pack(side="left", padx=(0, 2))
            self._action_buttons.append(button)
        if not self.actions.winfo_ismapped():
            self.actions.pack(side="bottom", fill="x", pady=(6, 0), before=self.box)

    def action_labels(self) -> list[str]:
        """The actions the bar offers now (for tests and the screenshot tool)."""
        return [str(b.cget("text")) for b in self._action_buttons] if self.actions.winfo_ismapped() else []

    def _chosen_ids(self) -> list[int] | None:
        """The selected ids, or None for every row of the filter (Ctrl+A)."""
        return None if self.list.all_selected else self.selected_ids()

    def _bulk(self, name: str) -> None:
        getattr(self._library().actions, name)(self._chosen_ids())

    def _restore(self) -> None:
        self._library().actions.restore_selected(self._chosen_ids())

    def _delete(self) -> str:
        self._library().actions.delete_selected(self._chosen_ids())
        return "break"

    # ----- events -------------------------------------------------------------------------------

    def _chosen(self, open_it: bool) -> None:
        if self.list.all_selected and len(self.tree.selection()) != len(self.tree.get_children()):
            self.list.all_selected = False
        self._show_actions()
        ids = self.list.selected_ids()
        if len(ids) == 1:
            self._library().select(ids[0])
            if open_it:
                self.presenter.reader.focus_reader()

    def _hit_chosen(self, id: int, open_it: bool) -> None:
        self._library().select(id)
        if open_it:
            self.presenter.reader.focus_reader()

    def _typed(self, event: tk.Event) -> None:
        if event.keysym in ("Escape", "Down", "Return", "Tab"):
            return
        self._show_clear()
        if self._search_job:
            self.search.after_cancel(self._search_job)
        self._search_job = self.search.after(SEARCH_DELAY_MS, self._search_now)

    def _search_now(self) -> None:
        self._search_job = None
        self._library().search_changed(self.query())

    def query(self) -> str:
        return "" if self._placeholder else self.search.get()

    def set_query(self, text: str) -> None:
        """Type a search (the screenshot tool and tests use it as a person would)."""
        self._placeholder_off()
        self.search.delete(0, "end")
        self.search.insert(0, text)
        self._show_clear()
        self._search_now()

    def _show_clear(self) -> None:
        if self.query():
            self.clear_button.pack(side="right")
        else:
            self.clear_button.pack_forget()

    def clear_search(self) -> str:
        if self._search_job:
            self.search.after_cancel(self._search_job)
            self._search_job = None
        self.search.delete(0, "end")
        self._placeholder = False
        self._show_clear()
        self._library().search_changed("")
        self.tree.focus_set()
        self._placeholder_on()
        return "break"

    def _focus_list(self) -> str:
        if self._search_job:
            self.search.after_cancel(self._search_job)
            self._search_now()
        if self._mode == "hits":
            self.hits.focus()
            return "break"
        children = self.tree.get_children()
        if children:
            target = self.tree.selection()[0] if self.tree.selection() else children[0]
            self.tree.focus_set()
            self.tree.focus(target)
            self.tree.selection_set(target)
        return "break"

    def focus_search(self) -> None:
        self.search.focus_set()
        self.search.select_range(0, "end")

    def _placeholder_on(self) -> None:
        if not self.search.get() and self.search.focus_get() is not self.search:
            self._placeholder = True
            self.search.insert(0, PLACEHOLDER)
            self.search.configure(foreground=getattr(self, "_muted", "#888888"))

    def _placeholder_off(self) -> None:
        if self._placeholder:
            self._placeholder = False
            self.search.delete(0, "end")
            self.search.configure(foreground=getattr(self, "_fg", ""))

    def _filter_chosen(self) -> None:
        index = self.filter.current()
        if 0 <= index < len(self._filters):
            self._library().filter_changed(self._filters[index].key)
