"""The trash: moving articles there (out of the search index), bringing them back, listing them
and emptying it for good."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.library import search_index
from desktop.library.articles import reindex
from desktop.library.db import Database
from desktop.library.records import ROW, EntryRow, entry_row, now
from desktop.library.tags import drop_unused


def trash(db: Database, ids: Iterable[int]) -> None:
    ids = [int(i) for i in ids]
    with db.write() as conn:
        for entry_id in ids:
            conn.execute("UPDATE entries SET trashed = ? WHERE id = ? AND trashed IS NULL",
                         (now(), entry_id))
            search_index.drop(conn, entry_id)


def untrash(db: Database, ids: Iterable[int]) -> None:
    ids = [int(i) for i in ids]
    with db.write() as conn:
        for entry_id in ids:
            cur = conn.execute("UPDATE entries SET trashed = NULL WHERE id = ? AND trashed IS NOT NULL",
                               (entry_id,))
            if cur.rowcount:
                reindex(conn, entry_id)


def trashed(db: Database) -> list[EntryRow]:
    with db.read() as conn:
        rows = conn.execute(f"SELECT {ROW} FROM entries e WHERE e.trashed IS NOT NULL "
                            "ORDER BY e.trashed DESC, e.id DESC").fetchall()
    return [entry_row(r) for r in rows]


def delete_for_good(db: Database, ids: Iterable[int]) -> int:
    """Delete these articles for good, those of them that are in the trash (never a live one)."""
    ids = [int(i) for i in ids]
    with db.write() as conn:
        gone = [i for i in ids if conn.execute(
            "SELECT 1 FROM entries WHERE id = ? AND trashed IS NOT NULL", (i,)).fetchone()]
        for entry_id in gone:
            search_index.drop(conn, entry_id)
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
        drop_unused(conn)
    return len(gone)


def empty_trash(db: Database) -> int:
    """Delete trashed entries for good; returns how many."""
    with db.write() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM entries WHERE trashed IS NOT NULL")]
        for entry_id in ids:
            search_index.drop(conn, entry_id)
        conn.execute("DELETE FROM entries WHERE trashed IS NOT NULL")
        drop_unused(conn)
    return len(ids)
