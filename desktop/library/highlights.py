"""Highlights and notes kept in the library: each stored by its quoted text and the text around it
(desktop.core.highlights), so it is found again after a re-clean; searchable with its note.

The search hook: an article's highlighted passages and notes are indexed with its facts (the
`facts` column of the search index), so library search finds the words of both.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from desktop.core.errors import PrecisError
from desktop.core.highlights import Anchor, Highlight
from desktop.library import search_index
from desktop.library.db import Database
from desktop.library.records import now

# For listing filters: the live articles that carry at least one highlight ("Highlighted").
HIGHLIGHTED = "e.id IN (SELECT entry_id FROM highlights)"

NOTE_MAX = 10_000  # characters; a note is a note, not a second article
_COLUMNS = "id, text, prefix, suffix, start, note, created"


def clean_note(note: str) -> str:
    """A note as kept: no control characters but line breaks and tabs, trimmed, bounded."""
    text = str(note).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    return text.strip()[:NOTE_MAX]


def _highlight(row: Sequence) -> Highlight:
    id, text, prefix, suffix, start, note, created = row
    return Highlight(int(id), Anchor(text, prefix, suffix, int(start)), note, created)


# ---- search ------------------------------------------------------------------------------------

def search_text(conn: sqlite3.Connection, entry_id: int) -> str:
    """The entry's highlighted passages and notes, as text for the search index."""
    parts = []
    for text, note in conn.execute("SELECT text, note FROM highlights WHERE entry_id = ? ORDER BY id",
                                   (entry_id,)):
        parts.append(text)
        if note:
            parts.append(note)
    return "\n".join(parts)


def indexed_facts(conn: sqlite3.Connection, entry_id: int, facts: str) -> str:
    """What the search index's facts column holds for an entry: its facts, then its highlights."""
    extra = search_text(conn, entry_id)
    return f"{facts}\n{extra}" if extra else facts


def _reindex(conn: sqlite3.Connection, entry_id: int) -> None:
    """Refresh the entry's facts column in the search index (a trashed entry is not in it)."""
    values = search_index.indexed(conn, entry_id)
    row = conn.execute("SELECT facts FROM contents WHERE entry_id = ?", (entry_id,)).fetchone()
    if values is None or row is None:
        return
    title, body, tags, _ = values
    search_index.put(conn, entry_id, title, body, tags, indexed_facts(conn, entry_id, row[0] or ""))


# ---- reading and writing -----------------------------------------------------------------------

def of_entry(db: Database, entry_id: int) -> list[Highlight]:
    """The entry's highlights as stored (not yet placed in its article), oldest first."""
    with db.read() as conn:
        return [_highlight(r) for r in conn.execute(
            f"SELECT {_COLUMNS} FROM highlights WHERE entry_id = ? ORDER BY created, id", (int(entry_id),))]


def get(db: Database, highlight_id: int) -> tuple[int, Highlight]:
    """(entry id, highlight) of one highlight."""
    with db.read() as conn:
        row = conn.execute(f"SELECT entry_id, {_COLUMNS} FROM highlights WHERE id = ?",
                           (int(highlight_id),)).fetchone()
    if row is None:
        raise PrecisError(f"No highlight with id {highlight_id} in the library.")
    return int(row[0]), _highlight(row[1:])


def add(db: Database, entry_id: int, anchor: Anchor, note: str = "", created: str | None = None,
        highlight_id: int | None = None) -> Highlight:
    """Store a highlight of the entry (with the id and time given: an undone delete comes back as it was)."""
    if not anchor.text.strip():
        raise PrecisError("An empty passage cannot be highlighted.")
    entry_id = int(entry_id)
    with db.write() as conn:
        if conn.execute("SELECT 1 FROM entries WHERE id = ?", (entry_id,)).fetchone() is None:
            raise PrecisError(f"No article with id {entry_id} in the library.")
        if highlight_id is not None and conn.execute(
                "SELECT 1 FROM highlights WHERE id = ?", (int(highlight_id),)).fetchone() is not None:
            highlight_id = None  # taken meanwhile (another window): a new id
        stamp = created or now()
        cur = conn.execute(
            "INSERT INTO highlights (id, entry_id, text, prefix, suffix, start, note, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (highlight_id, entry_id, anchor.text, anchor.prefix, anchor.suffix, int(anchor.start),
             clean_note(note), stamp))
        _reindex(conn, entry_id)
        return Highlight(int(cur.lastrowid), anchor, clean_note(note), stamp)


def set_note(db: Database, highlight_id: int, note: str) -> Highlight:
    """Write (or, empty, clear) a highlight's note; returns the highlight as it is now."""
    with db.write() as conn:
        row = conn.execute("SELECT entry_id FROM highlights WHERE id = ?", (int(highlight_id),)).fetchone()
        if row is None:
            raise PrecisError(f"No highlight with id {highlight_id} in the library.")
        conn.execute("UPDATE highlights SET note = ? WHERE id = ?", (clean_note(note), int(highlight_id)))
        _reindex(conn, int(row[0]))
    return get(db, highlight_id)[1]


def delete(db: Database, highlight_id: int) -> tuple[int, Highlight]:
    """Remove a highlight; returns (entry id, the highlight) so that it can be put back."""
    entry_id, highlight = get(db, highlight_id)
    with db.write() as conn:
        conn.execute("DELETE FROM highlights WHERE id = ?", (int(highlight_id),))
        _reindex(conn, entry_id)
    return entry_id, highlight


def count_articles(db: Database) -> int:
    """How many live articles carry at least one highlight."""
    with db.read() as conn:
        return int(conn.execute(
            f"SELECT count(*) FROM entries e WHERE e.trashed IS NULL AND {HIGHLIGHTED}").fetchone()[0])
