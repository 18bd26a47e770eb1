"""LibraryPresenter: what the library pane lists (pages, search with snippets, sort, filters with
counts, the trash), the search's matches in the open article, next/previous article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.core.errors import PrecisError
from desktop.library.query import query_terms
from desktop.library.settings import SORTS
from desktop.library.store import DESCENDING
from desktop.ui.presenters.common import Pane, Shell, row_view
from desktop.ui.presenters.library_actions import LibraryActions
from desktop.ui.presenters.matches import find_matches
from desktop.ui.viewmodels import FilterView, LibraryView, MatchesView, Status

PAGE = 200  # library rows fetched per page; the list asks for more as it scrolls
SEARCH_LIMIT = 500
SNIPPETS = 100  # hits shown with their snippet (the index cuts them in Python: the best first)
VIEWS = (("all", "All articles"), ("unread", "Unread"), ("read", "Read"), ("highlighted", "Highlighted"))
TRASH = "trash"
EMPTY = {"all": "No articles yet: drop files here or use Add…", "unread": "No unread articles.",
         "read": "No read articles yet.", "highlighted": "No highlighted articles yet.",
         TRASH: "The trash is empty."}


def _descending(text: str) -> tuple[int, ...]:
    """A sort key that puts later strings first (for ISO dates)."""
    return tuple(-ord(c) for c in text)


# Python twins of the store's orders, for search hits (which come ranked by relevance).
HIT_ORDER: dict[str, Callable[[Any], Any]] = {
    "added": lambda r: _descending(r.added or ""),
    "opened": lambda r: (r.opened is None, _descending(r.opened or "")),
    "title": lambda r: (r.title or "").casefold(),
    "words": lambda r: r.words,
    "site": lambda r: (not r.site, (r.site or "").casefold(), (r.title or "").casefold()),
    "date": lambda r: (not r.date, _descending(r.date or ""), _descending(r.added or "")),
}
# The same orders turned round (a heading clicked twice); empty values stay last, as in the store.
HIT_ORDER_REVERSED: dict[str, Callable[[Any], Any]] = {
    "added": lambda r: r.added or "",
    "opened": lambda r: (r.opened is None, r.opened or ""),
    "title": lambda r: _descending((r.title or "").casefold()),
    "words": lambda r: -r.words,
    "site": lambda r: (not r.site, _descending((r.site or "").casefold()), _descending((r.title or "").casefold())),
    "date": lambda r: (not r.date, r.date or "", r.added or ""),
}


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 'es' if word.endswith('ch') else 's'}"


class LibraryPresenter(Pane):
    """Decides what the library pane lists; the current article belongs to the main presenter."""

    def __init__(self, main: Shell) -> None:
        self.main = main
        self.query = ""
        self.hits_sorted = False  # search hits: by relevance until a column heading is clicked
        self.filter = "all"  # all | unread | read | highlighted | trash | tag:NAME
        self.loaded = 0
        self.total = 0
        self.ids: list[int] = []  # the rows shown, in order (for next/previous)
        self.matches: MatchesView | None = None
        self.undo_ids: list[int] = []  # the articles the status bar's Undo brings back from the trash
        self.actions = LibraryActions(self)

    @property
    def tag(self) -> str | None:
        return self.filter[4:] if self.filter.startswith("tag:") else None

    def where(self) -> dict[str, Any]:
        """The library's arguments for the current filter."""
        return {"tag": self.tag, "read": {"unread": False, "read": True}.get(self.filter),
                "trashed": self.filter == TRASH, "highlighted": self.filter == "highlighted"}

    # ----- the list -------------------------------------------------------------------------------

    def refresh(self) -> None:
        settings = self.main.settings
        if self.query:
            self._show_hits()
        else:
            where = self.where()
            self.total = self.lib.count(**where)
            rows = self.lib.list(sort=settings.sort, limit=PAGE, offset=0,
                                 descending=self._list_descending(), **where)
            self.ids = [r.id for r in rows]
            self.loaded = len(rows)
            empty = "" if rows else EMPTY.get(self.filter, "No articles with this tag.")
            self.view.show_library(LibraryView(tuple(row_view(r) for r in rows), self.total, False,
                                               self._caption(), settings.sort, settings.sort_reverse,
                                               trash=self.filter == TRASH, empty=empty))
        self.show_filters()
        entry = self.main.entry
        self.view.select_row(entry.id if entry is not None else None)

    def _show_hits(self) -> None:
        settings = self.main.settings
        try:
            hits = self.lib.search(self.query, limit=SEARCH_LIMIT, snippets=SNIPPETS)
        except PrecisError as exc:
            self.view.show_status(Status(str(exc), "error"))
            hits = []
        wanted = self._wanted()
        found = [h for h in hits if wanted(h.row)]
        if self.hits_sorted:
            orders = HIT_ORDER_REVERSED if settings.sort_reverse else HIT_ORDER
            found.sort(key=lambda h: orders[settings.sort](h.row))
        rows = tuple(row_view(h.row, h.snippet) for h in found)
        self.ids = [r.id for r in rows]
        self.loaded = self.total = len(rows)
        where = "" if self.filter == "all" else f" in {self._filter_name()}"
        caption = f"{plural(len(rows), 'match')} for “{self.query}”{where}"
        empty = f"Nothing matches “{self.query}”{where}." if not rows else ""
        sort = settings.sort if self.hits_sorted else ""
        reverse = self.hits_sorted and settings.sort_reverse
        self.view.show_library(LibraryView(rows, len(rows), False, caption, sort, reverse, hits=True,
                                           empty=empty, query=self.query))

    def _wanted(self) -> Callable[[Any], bool]:
        """Which hits the current filter keeps (search covers the live articles)."""
        if self.filter == TRASH:
            return lambda r: False
        if self.filter == "highlighted":
            marked = {r.id for r in self.lib.list(highlighted=True, limit=None)}
            return lambda r: r.id in marked
        read = {"unread": False, "read": True}.get(self.filter)
        tag = self.tag
        return lambda r: (tag is None or tag in (r.tags or ())) and (read is None or bool(r.read) == read)

    def _filter_name(self) -> str:
        return f"“{self.tag}”" if self.tag else dict((*VIEWS, (TRASH, "Trash")))[self.filter].lower()

    def _caption(self) -> str:
        if self.filter == TRASH:
            return f"{plural(self.total, 'removed article')}  ·  deleting here is final"
        caption = plural(self.total, "article")
        if self.filter not in ("unread", "read") and self.total:
            unread = self.lib.count(**{**self.where(), "read": False})
            if unread:
                caption += f"  ·  {unread:,} unread"
        return caption

    def show_filters(self) -> None:
        counts = self.lib.counts()
        filters = [FilterView(key, f"{label}  ({getattr(counts, key):,})") for key, label in VIEWS]
        filters += [FilterView(f"tag:{name}", f"Tag: {name}  ({n:,})") for name, n in self.lib.tags()]
        filters.append(FilterView(TRASH, f"Trash  ({counts.trash:,})"))
        self.view.show_filters(filters, self.filter)

    def counts_changed(self) -> None:
        """An article turned read or unread, or was tagged: the counts follow at once."""
        if not self.query:
            self.view.show_caption(self._caption())
        self.show_filters()

    def more_rows(self) -> bool:
        """The list scrolled near its end: append the next page. True when rows were added."""
        if self.query or self.loaded >= self.total:
            return False
        settings = self.main.settings
        rows = self.lib.list(sort=settings.sort, limit=PAGE, offset=self.loaded,
                             descending=self._list_descending(), **self.where())
        if not rows:
            self.total = self.loaded
            return False
        self.loaded += len(rows)
        self.ids += [r.id for r in rows]
        self.view.show_library(LibraryView(tuple(row_view(r) for r in rows), self.total, True,
                                           sort=settings.sort, reverse=settings.sort_reverse,
                                           trash=self.filter == TRASH))
        return True

    def _list_descending(self) -> bool:
        """The direction the library is asked for: the column's own, turned round when reversed."""
        settings = self.main.settings
        return DESCENDING[settings.sort] != settings.sort_reverse

    def search_changed(self, text: str) -> None:
        query = text.strip()
        if query == self.query:
            return
        self.query = query
        self.hits_sorted = False
        self.refresh()
        self.show_matches()

    def sort_changed(self, column: str) -> None:
        """A column heading was clicked: sort by it, its natural way; clicked again, the other way round
        (both remembered). Search hits are sorted the same way."""
        settings = self.main.settings
        if column not in SORTS:
            return
        # The heading with the arrow turns the order round; search hits by relevance show no arrow,
        # so there a click on any heading starts that column's natural order.
        arrow_shown = not self.query or self.hits_sorted
        if arrow_shown and column == settings.sort:
            self.main.update(sort_reverse=not settings.sort_reverse)
        else:
            self.main.update(sort=column, sort_reverse=False)
        self.hits_sorted = bool(self.query)
        self.refresh()

    def filter_changed(self, key: str) -> None:
        self.filter = key if key in (*dict(VIEWS), TRASH) or key.startswith("tag:") else "all"
        self.refresh()

    def tag_changed(self, tag: str | None) -> None:
        self.filter_changed(f"tag:{tag}" if tag else "all")

    # ----- opening articles -----------------------------------------------------------------------

    def select(self, id: int) -> None:
        """A row was chosen: the main presenter opens it (an article in the trash cannot be read)."""
        if self.filter == TRASH:
            return
        self.main.select(id)
        self.show_matches()

    def focus_reader(self) -> None:
        """Enter in the list: reading starts (keyboard focus moves to the text)."""
        self.view.focus_reader()

    def open_next(self, step: int) -> None:
        """J/K, Alt+Down/Up: open the next (1) or previous (-1) article of the list."""
        if self.filter == TRASH or not self.ids:
            return
        entry = self.main.entry
        index = self.ids.index(entry.id) + step if entry is not None and entry.id in self.ids else 0
        while index >= len(self.ids) and self.more_rows():
            pass
        if 0 <= index < len(self.ids):
            self.select(self.ids[index])

    # ----- the search's matches in the open article ----------------------------------------------

    def show_matches(self) -> None:
        entry = self.main.entry
        if not self.query or entry is None:
            self.matches = None
        else:
            spans = find_matches([p.text for p in entry.article.paragraphs], query_terms(self.query))
            self.matches = MatchesView(self.query, spans, 0) if spans else None
        self.view.show_matches(self.matches)

    def next_match(self, step: int) -> None:
        m = self.matches
        if m is None:
            return
        self.matches = MatchesView(m.query, m.spans, (m.current + step) % len(m.spans))
        self.view.show_matches(self.matches)

    # ----- kept for the main presenter and the menus ---------------------------------------------

    def toggle_read(self) -> None:
        self.actions.toggle_read()

    def edit_tags(self) -> None:
        self.actions.edit_tags()

    def delete(self, ids: Any = None) -> None:
        self.actions.delete(ids)

    def undo_delete(self) -> None:
        self.actions.undo_delete()
