"""Listing live articles: the sort orders (each with its natural and its reversed direction), the
filters (tag, read or unread), a page of rows and how many rows a filter holds."""

from __future__ import annotations

from desktop.core.errors import PrecisError
from desktop.library.db import Database
from desktop.library.records import ROW, EntryRow, entry_row

SORTS = ("added", "opened", "title", "words", "site", "date")

_ORDER = {
    "added": "e.added DESC, e.id DESC",
    "opened": "e.opened IS NULL, e.opened DESC, e.id DESC",
    "title": "e.title COLLATE NOCASE, e.id",
    "words": "e.words, e.id",
    # site A to Z, entries without one last; date newest first, the day it was added when it has none
    "site": "e.site = '', e.site COLLATE NOCASE, e.title COLLATE NOCASE, e.id",
    "date": "COALESCE(NULLIF(e.date, ''), substr(e.added, 1, 10)) DESC, e.added DESC, e.id DESC",
}
# The same orders run the other way, each term flipped; entries never opened and entries without a
# site stay last either way (an empty value is no answer, so it is never at the top).
_REVERSED = {
    "added": "e.added ASC, e.id ASC",
    "opened": "e.opened IS NULL, e.opened ASC, e.id ASC",
    "title": "e.title COLLATE NOCASE DESC, e.id DESC",
    "words": "e.words DESC, e.id DESC",
    "site": "e.site = '', e.site COLLATE NOCASE DESC, e.title COLLATE NOCASE DESC, e.id DESC",
    "date": "COALESCE(NULLIF(e.date, ''), substr(e.added, 1, 10)) ASC, e.added ASC, e.id ASC",
}
# Which way each order runs by itself: True when newest / largest / Z first.
DESCENDING = {"added": True, "opened": True, "title": False, "words": False, "site": False,
              "date": True}


def _filters(tag: str | None, read: bool | None) -> tuple[str, list]:
    where, args = ["e.trashed IS NULL"], []
    if tag is not None:
        where.append("e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                     "WHERE t.name = ?)")
        args.append(tag)
    if read is not None:
        where.append("e.read = ?")
        args.append(1 if read else 0)
    return " AND ".join(where), args


def list_rows(db: Database, sort: str = "added", tag: str | None = None, read: bool | None = None,
              limit: int = 200, offset: int = 0, descending: bool | None = None) -> list[EntryRow]:
    """A page of live entries in the order `sort`; `descending` None runs it its natural way,
    True or False force newest/largest/Z first or the opposite."""
    if sort not in _ORDER:
        raise PrecisError(f"Unknown sort {sort!r}; use one of: {', '.join(SORTS)}.")
    natural = descending is None or descending == DESCENDING[sort]
    order = _ORDER[sort] if natural else _REVERSED[sort]
    where, args = _filters(tag, read)
    sql = f"SELECT {ROW} FROM entries e WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
    with db.read() as conn:
        rows = conn.execute(sql, [*args, max(0, int(limit)), max(0, int(offset))]).fetchall()
    return [entry_row(r) for r in rows]


def count(db: Database, tag: str | None = None, read: bool | None = None) -> int:
    where, args = _filters(tag, read)
    with db.read() as conn:
        return int(conn.execute(f"SELECT count(*) FROM entries e WHERE {where}", args).fetchone()[0])
