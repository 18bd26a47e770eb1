"""Tags: cleaning what was typed, putting tags on an article, the tags in use with their counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from desktop.core.errors import PrecisError
from desktop.library import search_index
from desktop.library.db import Database


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, single-spaced, no control characters, no duplicates (case-insensitive), in order."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        text = " ".join("".join(ch for ch in str(tag) if ch.isprintable()).split())[:100]
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out


def tags_of(conn: sqlite3.Connection, entry_id: int) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = ? "
        "ORDER BY t.name COLLATE NOCASE", (entry_id,))]


def tags(db: Database) -> list[tuple[str, int]]:
    """Every tag in use on live entries, with how many entries carry it, A to Z."""
    with db.read() as conn:
        return [(r[0], r[1]) for r in conn.execute(
            "SELECT t.name, count(*) FROM tags t JOIN entry_tags et ON et.tag_id = t.id "
            "JOIN entries e ON e.id = et.entry_id WHERE e.trashed IS NULL "
            "GROUP BY t.id ORDER BY t.name COLLATE NOCASE")]


def require(conn: sqlite3.Connection, entry_id: int) -> None:
    if conn.execute("SELECT 1 FROM entries WHERE id = ?", (entry_id,)).fetchone() is None:
        raise PrecisError(f"No article with id {entry_id} in the library.")


def put_tags(db: Database, entry_id: int, names: Iterable[str], replace: bool) -> None:
    """Add the (cleaned) tags to the entry; `replace` drops its other tags first."""
    names = clean_tags(names)
    with db.write() as conn:
        require(conn, entry_id)
        if replace:
            conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry_id,))
        for name in names:
            conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
            conn.execute("INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) "
                         "SELECT ?, id FROM tags WHERE name = ?", (entry_id, name))
        drop_unused(conn)
        search_index.retag(conn, entry_id, " ".join(tags_of(conn, entry_id)))


def add_tags_many(db: Database, ids: Iterable[int], names: Iterable[str]) -> None:
    """Add the (cleaned) tags to several entries in one transaction."""
    names = clean_tags(names)
    with db.write() as conn:
        for name in names:
            conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
        for entry_id in [int(i) for i in ids]:
            require(conn, entry_id)
            for name in names:
                conn.execute("INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) "
                             "SELECT ?, id FROM tags WHERE name = ?", (entry_id, name))
            search_index.retag(conn, entry_id, " ".join(tags_of(conn, entry_id)))
        drop_unused(conn)


def drop_unused(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)")
