"""The library's article list: a lazily filled, sortable Treeview whose Title column takes the room;
Site, Published, Added and Words come in beside it as the pane allows. Several rows can be selected
(Shift/Ctrl-click, Ctrl+A)."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Callable
from itertools import islice
from typing import Any

import ttkbootstrap as ttk

from desktop.ui.dates import display_date
from desktop.ui.theme import Palette, fit_text
from desktop.ui.viewmodels import LibraryView, RowView

COLUMNS = (("title", "Title"), ("site", "Site"), ("date", "Published"), ("added", "Added"),
           ("words", "Words"))
ARROWS = {"title": " ▴", "site": " ▴", "date": " ▾", "added": " ▾", "words": " ▴"}  # each sort's own way
TURNED = {" ▴": " ▾", " ▾": " ▴"}  # the arrow of an order turned round (its heading clicked again)
FIT_ORDER = ("date", "added", "site", "words")  # columns beside the title, given room in this order
TITLE_SHARE = 0.6  # the title keeps at least this share of the list's width...
TITLE_MIN_CHARS = 36  # ... and room for at least this many average characters
SITE_WIDTH = (64, 130)  # the site column fits its longest site within these bounds
SAMPLE_DAY = "2024-09-30"  # a wide date: the date columns are sized for it in the locale's format
MORE_AT = 0.85  # scrolled past this fraction of the rows loaded: ask for the next page


class ArticleList:
    def __init__(self, parent: tk.Misc, fonts: dict[str, tkfont.Font], presenter: Callable[[], Any]) -> None:
        self._presenter = presenter
        self.row_font, self.bold_font, self.small_font = fonts["row"], fonts["bold"], fonts["small"]
        self.frame = ttk.Frame(parent)
        self._rows: dict[str, RowView] = {}
        self._widths: dict[str, int] = {}
        self._fit_job: str | None = None
        self._sort: tuple[str, bool] = ("", False)  # the order the headings show, and whether reversed
        self._total = 0
        self.all_selected = False  # Ctrl+A: every row of the filter, loaded or not
        self.tree = ttk.Treeview(self.frame, columns=[c[0] for c in COLUMNS], show="headings",
                                 selectmode="extended")
        self.tree.configure(style="Library.Treeview")  # ttkbootstrap drops a style given to the constructor
        for key, title in COLUMNS:
            anchor = "e" if key == "words" else "w"
            self.tree.heading(key, text=title, anchor=anchor,
                              command=lambda k=key: self._presenter().sort_changed(k))
            self.tree.column(key, width=60, minwidth=30, stretch=key == "title", anchor=anchor)
        self.scroll = ttk.Scrollbar(self.frame, orient="vertical", command=self.tree.yview)
        self.tree.configure(yscrollcommand=self._scrolled)
        self.scroll.pack(side="right", fill="y")
        self.tree.pack(side="left", fill="both", expand=True)
        self.tree.tag_configure("unread", font=self.bold_font)
        self.tree.tag_configure("read", font=self.row_font)
        self.tree.bind("<Configure>", lambda e: self._fit_soon(), add=True)
        self.tree.bind("<Control-a>", lambda e: self.select_all())
        self.tree.bind("<Control-A>", lambda e: self.select_all())

    def apply(self, palette: Palette) -> None:
        self.tree.tag_configure("unread", foreground=palette.fg)
        self.tree.tag_configure("read", foreground=palette.muted)
        line = self.row_font.metrics("linespace")
        style = ttk.Style()
        style.configure("Library.Treeview", rowheight=round(line * 1.85), font=self.row_font,
                        background=palette.panel, fieldbackground=palette.panel, borderwidth=0)
        style.configure("Library.Treeview.Heading", font=self.small_font, foreground=palette.muted,
                        padding=(4, 5))

    # ----- columns ------------------------------------------------------------------------------

    def _fit_soon(self) -> None:
        if self._fit_job is None:
            self._fit_job = self.tree.after_idle(self._fit_columns)

    def _fit_columns(self) -> None:
        """Give the title the room: the dates, site and words come in beside it as the pane allows,
        each as wide as its content; a column no row fills stays out. Widening the pane widens the title."""
        self._fit_job = None
        width = self.tree.winfo_width()
        if width <= 1:
            return
        heading = self.small_font.measure
        cell = self.bold_font.measure  # unread rows are bold: size the cells for them
        pad = 16
        rows = list(islice(self._rows.values(), 400))  # the first rows tell (a long list stays quick)
        sites = [r.site for r in rows if r.site]
        day = cell(display_date(SAMPLE_DAY))
        wanted = {
            "date": max(heading("Published ▾"), day) + pad if any(r.date for r in rows) else 0,
            "added": max(heading("Added ▾"), day) + pad,
            "words": max(heading("Words ▴"), cell("88,888")) + pad,
            "site": 0 if not sites else min(SITE_WIDTH[1], max(
                SITE_WIDTH[0], heading("Site ▴") + pad, max(cell(x) for x in sites) + pad)),
        }
        title_min = max(TITLE_SHARE * width, TITLE_MIN_CHARS * self.row_font.measure("abcdefghij") / 10)
        widths, room = {}, width - round(title_min)
        for key in FIT_ORDER:
            if 0 < wanted[key] <= room:
                widths[key] = wanted[key]
                room -= wanted[key]
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

    def _values(self, row: RowView) -> tuple[str, ...]:
        font = self.bold_font if not row.read else self.row_font
        title = fit_text(font, row.title, self._widths.get("title", 0) - 10)
        site = fit_text(font, row.site, self._widths.get("site", 0) - 10)
        return (title, site, row.date, row.added, row.words)

    # ----- content ------------------------------------------------------------------------------

    def show(self, library: LibraryView) -> None:
        if not library.append:
            self.tree.delete(*self.tree.get_children())
            self._rows.clear()
            self.all_selected = False
            self.tree.yview_moveto(0)
        for row in library.rows:
            self._insert(row)
        self._total = library.total
        if (library.sort, library.reverse) != self._sort:
            self._sort = (library.sort, library.reverse)
            for key, title in COLUMNS:
                mark = ARROWS[key] if key == library.sort else ""
                if mark and library.reverse:
                    mark = TURNED[mark]
                self.tree.heading(key, text=title + mark)
        self._fit_soon()  # new rows may need other widths (a site, a first published date)

    def _insert(self, row: RowView) -> None:
        iid = str(row.id)
        self._rows[iid] = row
        values = self._values(row)
        tags = ("read",) if row.read else ("unread",)
        if self.tree.exists(iid):
            self.tree.item(iid, values=values, tags=tags)
        else:
            self.tree.insert("", "end", iid=iid, values=values, tags=tags)

    def update_row(self, row: RowView) -> None:
        if self.tree.exists(str(row.id)):
            self._insert(row)

    def select(self, id: int | None) -> None:
        iid = str(id) if id is not None else ""
        if iid and self.tree.exists(iid):
            if iid not in self.tree.selection():
                self.tree.selection_set(iid)
            self.tree.focus(iid)
            self.tree.see(iid)
        elif self.tree.selection():
            self.tree.selection_remove(*self.tree.selection())

    def select_all(self) -> str:
        children = self.tree.get_children()
        if children:
            self.tree.selection_set(children)
            self.all_selected = True
        return "break"

    def selected_ids(self) -> list[int]:
        return [self._rows[i].id for i in self.tree.selection() if i in self._rows]

    def selected_count(self) -> int:
        """How many rows the selection stands for: the whole filter after Ctrl+A."""
        return self._total if self.all_selected else len(self.tree.selection())

    def titles(self) -> list[str]:
        return [self._rows[i].title for i in self.tree.get_children()]

    def shown_rows(self) -> list[RowView]:
        return [self._rows[i] for i in self.tree.get_children()]

    def shown_columns(self) -> list[str]:
        return list(self.tree.cget("displaycolumns"))

    def cell(self, id: int, column: str) -> str:
        """What a cell shows (shortened to fit)."""
        return str(self.tree.set(str(id), column))

    def _scrolled(self, first: str, last: str) -> None:
        self.scroll.set(first, last)
        if float(last) >= MORE_AT and len(self._rows) < self._total and self._presenter() is not None:
            self.tree.after_idle(self._presenter().more_rows)
