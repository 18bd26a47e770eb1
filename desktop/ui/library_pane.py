"""The library sidebar: live search box, tag filter, a lazily filled sortable article list, Add… button."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Sequence
from typing import Any

import ttkbootstrap as ttk

from desktop.ui.theme import Fonts, Palette, fit_text
from desktop.ui.viewmodels import LibraryView, RowView

COLUMNS = (("title", "Title"), ("site", "Site"), ("date", "Date"), ("words", "Words"))
SORT_OF_COLUMN = {"title": "title", "site": "site", "date": "date", "words": "words"}
ARROWS = {"title": " ▴", "site": " ▴", "date": " ▾", "words": " ▴"}  # the direction each sort runs
TURNED = {" ▴": " ▾", " ▾": " ▴"}  # the arrow of an order turned round (its heading clicked again)
FIT_ORDER = ("date", "site", "words")  # columns beside the title, given room in this order
TITLE_MIN = 150  # pixels the title keeps before another column is shown
SITE_WIDTH = (64, 130)  # the site column fits its longest site within these bounds
ALL_TAGS = "All articles"
SEARCH_DELAY_MS = 180
MORE_AT = 0.85  # scrolled past this fraction of the rows loaded: ask for the next page


class LibraryPane:
    def __init__(self, parent: tk.Misc, fonts: Fonts) -> None:
        self.presenter: Any = None
        self.frame = ttk.Frame(parent, padding=(12, 14, 6, 10))
        self._search_job: str | None = None
        self._total = 0
        self._ids: dict[str, int] = {}
        self._tag_values: list[str | None] = [None]
        self.header_font = tkfont.Font(parent, family=fonts.ui, size=13, weight="bold")
        self.bold_font = tkfont.Font(parent, family=fonts.ui, size=10, weight="bold")
        self.small_font = tkfont.Font(parent, family=fonts.ui, size=9)

        top = ttk.Frame(self.frame)
        top.pack(fill="x", pady=(0, 10))
        ttk.Label(top, text="Library", font=self.header_font).pack(side="left")
        self.add_button = ttk.Button(top, text="Add…", bootstyle="primary-outline", width=6,
                                     command=lambda: self.presenter.transfer.open_requested())
        self.add_button.pack(side="right")

        self.search = ttk.Entry(self.frame)
        self.search.pack(fill="x")
        self._placeholder = True
        self.search.bind("<KeyRelease>", self._typed)
        self.search.bind("<Escape>", lambda e: self._leave_search())
        self.search.bind("<Down>", lambda e: self._focus_list())
        self.search.bind("<Return>", lambda e: self._focus_list())
        self.search.bind("<FocusIn>", lambda e: self._placeholder_off())
        self.search.bind("<FocusOut>", lambda e: self._placeholder_on())

        self.tags = ttk.Combobox(self.frame, state="readonly", values=[ALL_TAGS])
        self.tags.set(ALL_TAGS)
        self.tags.pack(fill="x", pady=(8, 8))
        self.tags.bind("<<ComboboxSelected>>", lambda e: self._tag_chosen())

        self.caption = ttk.Label(self.frame, text="", font=self.small_font, bootstyle="secondary")
        self.caption.pack(side="bottom", fill="x", pady=(6, 0))

        box = ttk.Frame(self.frame)
        box.pack(fill="both", expand=True)
        self.row_font = tkfont.Font(parent, family=fonts.ui, size=10)
        self._rows: dict[str, RowView] = {}
        self._widths: dict[str, int] = {}
        self._fit_job: str | None = None
        self._sort: tuple[str, bool] = ("", False)  # the order the headings show, and whether reversed
        self.tree = ttk.Treeview(box, columns=[c[0] for c in COLUMNS], show="headings", selectmode="extended")
        self.tree.configure(style="Library.Treeview")  # ttkbootstrap drops a style given to the constructor
        for key, title in COLUMNS:
            anchor = "e" if key == "words" else "w"
            self.tree.heading(key, text=title, anchor=anchor,
                              command=lambda k=key: self.presenter.library.sort_changed(SORT_OF_COLUMN[k]))
            self.tree.column(key, width=60, minwidth=30, stretch=key == "title", anchor=anchor)
        self.scroll = ttk.Scrollbar(box, orient="vertical", command=self.tree.yview)
        self.tree.configure(yscrollcommand=self._scrolled)
        self.scroll.pack(side="right", fill="y")
        self.tree.pack(side="left", fill="both", expand=True)
        self.tree.tag_configure("unread", font=self.bold_font)
        self.tree.tag_configure("read", font=self.row_font)
        self.tree.bind("<Configure>", lambda e: self._fit_soon(), add=True)
        self.tree.bind("<<TreeviewSelect>>", lambda e: self._chosen(open_it=False))
        self.tree.bind("<Return>", lambda e: self._chosen(open_it=True))
        self.tree.bind("<Double-1>", lambda e: self._chosen(open_it=True))
        self.tree.bind("<Delete>", lambda e: self.presenter.library.delete(self.selected_ids()))
        self._placeholder_on()

    # ----- appearance ---------------------------------------------------------------------------

    def apply(self, palette: Palette) -> None:
        self._muted = palette.muted
        self._fg = palette.fg
        self.search.configure(foreground=palette.muted if self._placeholder else palette.fg)
        # Unread titles are bold in the text colour; read ones step back in the muted colour.
        self.tree.tag_configure("unread", foreground=palette.fg)
        self.tree.tag_configure("read", foreground=palette.muted)
        line = self.row_font.metrics("linespace")
        style = ttk.Style()
        style.configure("Library.Treeview", rowheight=round(line * 1.85), font=self.row_font,
                        background=palette.panel, fieldbackground=palette.panel, borderwidth=0)
        style.configure("Library.Treeview.Heading", font=self.small_font, foreground=palette.muted,
                        padding=(4, 5))

    def _fit_soon(self) -> None:
        if self._fit_job is None:
            self._fit_job = self.tree.after_idle(self._fit_columns)

    def _fit_columns(self) -> None:
        """Give the title the room: date, site and words come in beside it as the pane allows, each as wide
        as its content; titles and sites too long for their column end in an ellipsis."""
        self._fit_job = None
        width = self.tree.winfo_width()
        if width <= 1:
            return
        heading = self.small_font.measure
        cell = self.bold_font.measure  # unread rows are bold: size the cells for them
        pad = 16
        sites = [r.site for r in self._rows.values() if r.site]
        wanted = {
            "date": max(heading("Date ▾"), cell("30 Sep 2024")) + pad,
            "words": max(heading("Words ▴"), cell("88,888")) + pad,
            "site": 0 if not sites else min(SITE_WIDTH[1], max(
                SITE_WIDTH[0], heading("Site ▴") + pad, max(cell(x) for x in sites[:400]) + pad)),
        }
        widths, room = {}, width - TITLE_MIN
        for key in FIT_ORDER:
            if 0 < wanted[key] <= room:
                widths[key] = wanted[key]
            elif key == "site" and wanted[key] and room >= SITE_WIDTH[0] and "date" in widths:
                widths[key] = room  # a narrower site column, its names shortened
            room -= widths.get(key, 0)
        widths["title"] = width - sum(widths.values())
        order = [c[0] for c in COLUMNS if c[0] in widths]
        if tuple(order) != tuple(self.tree.cget("displaycolumns")):
            self.tree.configure(displaycolumns=order)
        for key, w in widths.items():
            self.tree.column(key, width=w)
        if widths != self._widths:
            self._widths = widths
            for iid, row in self._rows.items():
                self.tree.item(iid, values=self._values(row))

    def _values(self, row: RowView) -> tuple[str, str, str, str]:
        title_font = self.bold_font if not row.read else self.row_font
        title = fit_text(title_font, row.title, self._widths.get("title", 0) - 10)
        site = fit_text(title_font, row.site, self._widths.get("site", 0) - 10)
        return (title, site, row.date, row.words)

    # ----- content ------------------------------------------------------------------------------

    def show(self, library: LibraryView) -> None:
        if not library.append:
            self.tree.delete(*self.tree.get_children())
            self._ids.clear()
            self._rows.clear()
            self.tree.yview_moveto(0)
        new_sites = any(r.site for r in library.rows)
        for row in library.rows:
            self._insert(row)
        self._total = library.total
        if library.caption:
            self.caption.configure(text=library.caption)
        if (library.sort, library.reverse) != self._sort:
            self._sort = (library.sort, library.reverse)
            for key, title in COLUMNS:
                mark = ARROWS[key] if SORT_OF_COLUMN[key] == library.sort else ""
                if mark and library.reverse:
                    mark = TURNED[mark]
                self.tree.heading(key, text=title + mark)
        if new_sites or not library.append:
            self._widths = {}  # the site column may need another width
            self._fit_soon()

    def _insert(self, row: RowView) -> None:
        iid = str(row.id)
        self._rows[iid] = row
        values = self._values(row)
        tags = ("read",) if row.read else ("unread",)
        if self.tree.exists(iid):
            self.tree.item(iid, values=values, tags=tags)
        else:
            self.tree.insert("", "end", iid=iid, values=values, tags=tags)
            self._ids[iid] = row.id

    def update_row(self, row: RowView) -> None:
        if self.tree.exists(str(row.id)):
            self._insert(row)

    def select(self, id: int | None) -> None:
        iid = str(id) if id is not None else ""
        if iid and self.tree.exists(iid):
            if self.tree.selection() != (iid,):
                self._selecting = True
                self.tree.selection_set(iid)
                self._selecting = False
            self.tree.focus(iid)
            self.tree.see(iid)
        else:
            self.tree.selection_remove(*self.tree.selection())

    def show_tags(self, tags: Sequence[tuple[str, int]], current: str | None) -> None:
        self._tag_values = [None] + [t for t, _ in tags]
        self.tags.configure(values=[ALL_TAGS] + [f"{t}  ({n})" for t, n in tags])
        index = self._tag_values.index(current) if current in self._tag_values else 0
        self.tags.current(index)

    def selected_ids(self) -> list[int]:
        return [self._ids[i] for i in self.tree.selection() if i in self._ids]

    def titles(self) -> list[str]:
        """The titles listed, in order, in full (the cells may show them shortened)."""
        return [self._rows[i].title for i in self.tree.get_children()]

    def shown_rows(self) -> list[RowView]:
        return [self._rows[i] for i in self.tree.get_children()]

    def shown_columns(self) -> list[str]:
        return list(self.tree.cget("displaycolumns"))

    # ----- events -------------------------------------------------------------------------------

    _selecting = False

    def _chosen(self, open_it: bool) -> None:
        if self._selecting:
            return
        ids = self.selected_ids()
        if len(ids) == 1:
            self.presenter.library.select(ids[0])
            if open_it:
                self.presenter.reader.focus_reader()

    def _typed(self, event: tk.Event) -> None:
        if event.keysym in ("Escape", "Down", "Return", "Tab"):
            return
        if self._search_job:
            self.search.after_cancel(self._search_job)
        self._search_job = self.search.after(SEARCH_DELAY_MS, self._search_now)

    def _search_now(self) -> None:
        self._search_job = None
        self.presenter.library.search_changed("" if self._placeholder else self.search.get())

    def _leave_search(self) -> str:
        self.search.delete(0, "end")
        self._search_now()
        self.tree.focus_set()
        return "break"

    def _focus_list(self) -> str:
        if self._search_job:
            self.search.after_cancel(self._search_job)
            self._search_now()
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
        if not self.search.get():
            self._placeholder = True
            self.search.insert(0, "Search  (Ctrl+K)")
            self.search.configure(foreground=getattr(self, "_muted", "#888888"))

    def _placeholder_off(self) -> None:
        if self._placeholder:
            self._placeholder = False
            self.search.delete(0, "end")
            self.search.configure(foreground=getattr(self, "_fg", ""))

    def _tag_chosen(self) -> None:
        index = self.tags.current()
        tag = self._tag_values[index] if 0 <= index < len(self._tag_values) else None
        self.presenter.library.tag_changed(tag)

    def _scrolled(self, first: str, last: str) -> None:
        self.scroll.set(first, last)
        if self.presenter is not None and float(last) >= MORE_AT and len(self._ids) < self._total:
            self.tree.after_idle(self.presenter.library.more_rows)

