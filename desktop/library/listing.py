"""Listing articles: the sort orders (each with its natural and its reversed direction), the
filters (all, unread, read, highlighted, a tag, the trash), a page of rows, how many rows a filter
holds and the counts beside every filter."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from desktop.core.errors import PrecisError
from desktop.library.db import Database
from desktop.library.query import SORTS
from desktop.library.records import ROW, EntryRow, entry_row

VIEWS = ("all", "unread", "read", "highlighted", "trash")  # the filters beside the tags

_ORDER = {
    "added": "e.added DESC, e.id DESC",
    "opened": "e.opened IS NULL, e.opened DESC, e.id DESC",
    "title": "e.title COLLATE NOCASE, e.id",
    "words": "e.words, e.id",
    # site A to Z, entries without one last; published newest first, entries without a date last
    "site": "e.site = '', e.site COLLATE NOCASE, e.title COLLATE NOCASE, e.id",
    "date": "e.date = '', e.date DESC, e.added DESC, e.id DESC",
}
# The same orders run the other way, each term flipped; entries never opened, without a site or
# without a date stay last either way (an empty value is no answer, so it is never at the top).
_REVERSED = {
    "added": "e.added ASC, e.id ASC",
    "opened": "e.opened IS NULL, e.opened ASC, e.id ASC",
    "title": "e.title COLLATE NOCASE DESC, e.id DESC",
    "words": "e.words DESC, e.id DESC",
    "site": "e.site = '', e.site COLLATE NOCASE DESC, e.title COLLATE NOCASE DESC, e.id DESC",
    "date": "e.date = '', e.date ASC, e.added ASC, e.id ASC",
}
# Which way each order runs by itself: True when newest / largest / Z first.
DESCENDING = {"added": True, "opened": True, "title": False, "words": False, "site": False,
              "date": True}

# Highlights are kept by their own module in a `highlights` table (entry_id per highlight); an
# older library without that table simply has none.
_HIGHLIGHTED = "e.id IN (SELECT entry_id FROM highlights)"


@dataclass(frozen=True)
class Counts:
    """How many articles each filter shows (tags are counted by tags.tags())."""

    all: int
    unread: int
    read: int
    highlighted: int
    trash: int


def has_highlights(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'highlights'"
                        ).fetchone() is not None


def _filters(conn: sqlite3.Connection, tag: str | None, read: bool | None, trashed: bool,
             highlighted: bool) -> tuple[str, list]:
    where, args = ["e.trashed IS NOT NULL" if trashed else "e.trashed IS NULL"], []
    if tag is not None:
        where.append("e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                     "WHERE t.name = ?)")
        args.append(tag)
    if read is not None:
        where.append("e.read = ?")
        args.append(1 if read else 0)
    if highlighted:
        where.append(_HIGHLIGHTED if has_highlights(conn) else "0")
    return " AND ".join(where), args


def list_rows(db: Database, sort: str = "added", tag: str | None = None, read: bool | None = None,
              limit: int | None = 200, offset: int = 0, descending: bool | None = None,
              trashed: bool = False, highlighted: bool = False) -> list[EntryRow]:
    """A page of entries in the order `sort` (live ones, or the trash's); `descending` None runs it
    its natural way, True or False force newest/largest/Z first or the opposite; `limit` None: all."""
    if sort not in _ORDER:
        raise PrecisError(f"Unknown sort {sort!r}; use one of: {', '.join(SORTS)}.")
    natural = descending is None or descending == DESCENDING[sort]
    order = _ORDER[sort] if natural else _REVERSED[sort]
    with db.read() as conn:
        where, args = _filters(conn, tag, read, trashed, highlighted)
        sql = f"SELECT {ROW} FROM entries e WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
        page = -1 if limit is None else max(0, int(limit))
        rows = conn.execute(sql, [*args, page, max(0, int(offset))]).fetchall()
    return [entry_row(r) for r in rows]


def count(db: Database, tag: str | None = None, read: bool | None = None, trashed: bool = False,
          highlighted: bool = False) -> int:
    with db.read() as conn:
        where, args = _filters(conn, tag, read, trashed, highlighted)
        return int(conn.execute(f"SELECT count(*) FROM entries e WHERE {where}", args).fetchone()[0])


def counts(db: Database) -> Counts:
    """The count of every filter in one pass over the entries (plus one over the highlights)."""
    with db.read() as conn:
        live, unread, trash = conn.execute(
            "SELECT count(*) FILTER (WHERE trashed IS NULL), "
            "count(*) FILTER (WHERE trashed IS NULL AND read = 0), "
            "count(*) FILTER (WHERE trashed IS NOT NULL) FROM entries").fetchone()
        highlighted = 0
        if has_highlights(conn):
            highlighted = conn.execute(f"SELECT count(*) FROM entries e WHERE e.trashed IS NULL "
                                       f"AND {_HIGHLIGHTED}").fetchone()[0]
    return Counts(all=live, unread=unread, read=live - unread, highlighted=highlighted, trash=trash)
