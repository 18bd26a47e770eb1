"""LibraryPresenter: the list of articles (pages, search, sort, tags), marking read, tags, delete and undo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.core.errors import PrecisError
from desktop.library.settings import SORTS
from desktop.library.store import DESCENDING
from desktop.ui.presenters.common import Shell, replace_entry, row_view
from desktop.ui.viewmodels import LibraryView, Status

PAGE = 200  # library rows fetched per page; the list asks for more as it scrolls
SEARCH_LIMIT = 500


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
    "date": lambda r: (_descending(r.date or (r.added or "")[:10]), _descending(r.added or "")),
}
# The same orders turned round (a heading clicked twice); never opened and no site stay last, as in the store.
HIT_ORDER_REVERSED: dict[str, Callable[[Any], Any]] = {
    "added": lambda r: r.added or "",
    "opened": lambda r: (r.opened is None, r.opened or ""),
    "title": lambda r: _descending((r.title or "").casefold()),
    "words": lambda r: -r.words,
    "site": lambda r: (not r.site, _descending((r.site or "").casefold()), _descending((r.title or "").casefold())),
    "date": lambda r: (r.date or (r.added or "")[:10], r.added or ""),
}


class LibraryPresenter:
    """Decides what the library pane lists; the current article belongs to the main presenter."""

    def __init__(self, main: Shell) -> None:
        self.main = main
        self.query = ""
        self.hits_sorted = False  # search hits: by relevance until a column heading is clicked
        self.tag: str | None = None
        self.loaded = 0
        self.total = 0
        self.undo_ids: list[int] = []

    @property
    def view(self) -> Any:
        return self.main.view

    @property
    def lib(self) -> Any:
        return self.main.lib

    # ----- the list -------------------------------------------------------------------------------

    def refresh(self) -> None:
        settings = self.main.settings
        if self.query:
            try:
                hits = self.lib.search(self.query, limit=SEARCH_LIMIT, snippets=0)  # the list shows none
            except PrecisError as exc:
                self.view.show_status(Status(str(exc), "error"))
                hits = []
            found = [h.row for h in hits if self.tag is None or self.tag in (h.row.tags or ())]
            if self.hits_sorted:
                orders = HIT_ORDER_REVERSED if settings.sort_reverse else HIT_ORDER
                found.sort(key=orders[settings.sort])
            rows = tuple(row_view(r) for r in found)
            self.loaded = self.total = len(rows)
            caption = f"{len(rows)} match{'es' if len(rows) != 1 else ''}"
            sort = settings.sort if self.hits_sorted else ""
            reverse = self.hits_sorted and settings.sort_reverse
            self.view.show_library(LibraryView(rows, len(rows), False, caption, sort, reverse))
        else:
            self.total = self.lib.count(tag=self.tag)
            rows = tuple(row_view(r) for r in self.lib.list(sort=settings.sort, tag=self.tag,
                                                            limit=PAGE, offset=0,
                                                            descending=self._list_descending()))
            self.loaded = len(rows)
            caption = f"{self.total:,} article{'s' if self.total != 1 else ''}"
            unread = self.lib.count(tag=self.tag, read=False) if self.total else 0
            if unread:
                caption += f"  ·  {unread:,} unread"
            self.view.show_library(LibraryView(rows, self.total, False, caption, settings.sort,
                                               settings.sort_reverse))
        self.view.show_tags(self.lib.tags(), self.tag)
        entry = self.main.entry
        self.view.select_row(entry.id if entry is not None else None)

    def more_rows(self) -> None:
        """The list scrolled near its end: append the next page."""
        if self.query or self.loaded >= self.total:
            return
        settings = self.main.settings
        rows = tuple(row_view(r) for r in self.lib.list(sort=settings.sort, tag=self.tag,
                                                        limit=PAGE, offset=self.loaded,
                                                        descending=self._list_descending()))
        if not rows:
            self.total = self.loaded
            return
        self.loaded += len(rows)
        self.view.show_library(LibraryView(rows, self.total, True, sort=settings.sort,
                                           reverse=settings.sort_reverse))

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

    def tag_changed(self, tag: str | None) -> None:
        self.tag = tag or None
        self.refresh()

    def select(self, id: int) -> None:
        """A row was chosen: the main presenter opens it."""
        self.main.select(id)

    def focus_reader(self) -> None:
        """Enter in the list: reading starts (keyboard focus moves to the text)."""
        self.view.focus_reader()

    # ----- the open article's place in the library ------------------------------------------------

    def toggle_read(self) -> None:
        entry = self.main.entry
        if entry is None:
            return
        read = not entry.read
        self.lib.mark_read(entry.id, read)
        self.main.entry = replace_entry(entry, read=read)
        self.view.update_row(row_view(self.main.entry))
        self.view.show_status(Status("Marked as read" if read else "Marked as unread"))

    def edit_tags(self) -> None:
        entry = self.main.entry
        if entry is None:
            return
        answer = self.view.ask_tags(", ".join(entry.tags or ()))
        if answer is None:
            return
        tags = sorted({t.strip().lower() for t in answer.split(",") if t.strip()})
        self.lib.set_tags(entry.id, tags)
        self.main.entry = replace_entry(entry, tags=tuple(tags))
        self.refresh()
        self.view.show_status(Status("Tags: " + (", ".join(tags) if tags else "none")))

    # ----- delete and undo ------------------------------------------------------------------------

    def delete(self, ids: Sequence[int] | None = None) -> None:
        entry = self.main.entry
        ids = list(ids) if ids else ([entry.id] if entry is not None else [])
        if not ids:
            return
        title = entry.title if entry is not None and entry.id in ids else ""
        self.lib.trash(ids)
        self.undo_ids = ids
        if entry is not None and entry.id in ids:
            self.main.close_article()
        self.refresh()
        plural = "s" if len(ids) != 1 else ""
        what = f"“{title}”" if len(ids) == 1 and title else f"{len(ids)} article{plural}"
        self.view.show_status(Status(f"Moved {what} to the trash", "info", "Undo"))

    def undo_delete(self) -> None:
        if not self.undo_ids:
            return
        ids, self.undo_ids = self.undo_ids, []
        self.lib.untrash(ids)
        self.refresh()
        self.main.select(ids[0])
        self.view.show_status(Status("Restored from the trash", "success"))

