"""The search index: a contentless FTS5 table plus one compressed copy of each indexed row.

FTS5 would otherwise keep a plain copy of every article's text beside its index, doubling the
library on disk. Here the row that was indexed (title, body, tags, facts) is kept compressed in
`search_rows`: it is what a contentless FTS5 table needs to delete a row exactly, and what
snippets are cut from. All functions run inside the caller's transaction.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
import zlib

FTS_TABLE = """
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, tags, facts,
    content = '',
    tokenize = "unicode61 remove_diacritics 2"
)"""
FTS_RANK = "INSERT INTO fts(fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 5.0, 2.0)')"
ROWS_TABLE = """
CREATE TABLE search_rows (
    entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    row BLOB NOT NULL
)"""

SNIPPET_WORDS = 12
_WORD = re.compile(r"\w+", re.UNICODE)


def create(conn: sqlite3.Connection) -> None:
    conn.execute(FTS_TABLE)
    conn.execute(FTS_RANK)
    conn.execute(ROWS_TABLE)


def _pack(values: tuple[str, str, str, str]) -> bytes:
    return zlib.compress(json.dumps(values, ensure_ascii=False).encode("utf-8"), 6)


def _unpack(blob: bytes) -> tuple[str, str, str, str]:
    title, body, tags, facts = json.loads(zlib.decompress(blob).decode("utf-8"))
    return title, body, tags, facts


def indexed(conn: sqlite3.Connection, entry_id: int) -> tuple[str, str, str, str] | None:
    row = conn.execute("SELECT row FROM search_rows WHERE entry_id = ?", (entry_id,)).fetchone()
    return None if row is None else _unpack(row[0])


def drop(conn: sqlite3.Connection, entry_id: int) -> None:
    """Take an entry out of search (a no-op when it is not in it)."""
    values = indexed(conn, entry_id)
    if values is None:
        return
    # A contentless table forgets a row only when given the exact values it indexed.
    conn.execute("INSERT INTO fts (fts, rowid, title, body, tags, facts) VALUES ('delete', ?, ?, ?, ?, ?)",
                 (entry_id, *values))
    conn.execute("DELETE FROM search_rows WHERE entry_id = ?", (entry_id,))


def put(conn: sqlite3.Connection, entry_id: int, title: str, body: str, tags: str, facts: str) -> None:
    """Index (or re-index) an entry."""
    drop(conn, entry_id)
    values = (title, body, tags, facts)
    conn.execute("INSERT INTO fts (rowid, title, body, tags, facts) VALUES (?, ?, ?, ?, ?)",
                 (entry_id, *values))
    conn.execute("INSERT INTO search_rows (entry_id, row) VALUES (?, ?)", (entry_id, _pack(values)))


def retag(conn: sqlite3.Connection, entry_id: int, tags: str) -> None:
    values = indexed(conn, entry_id)
    if values is not None:
        title, body, _, facts = values
        put(conn, entry_id, title, body, tags, facts)


def matches(conn: sqlite3.Connection, match: str, limit: int) -> list[tuple[int, float]]:
    """(entry id, bm25 rank) of the best matches of an FTS5 query, best first."""
    return [(int(r[0]), float(r[1])) for r in conn.execute(
        "SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?", (match, int(limit)))]


def snippets(conn: sqlite3.Connection, ids: list[int], terms: list[str], mark: tuple[str, str]
             ) -> dict[int, str]:
    """A short excerpt of each entry's text around the first word that a term begins."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    out: dict[int, str] = {}
    for entry_id, blob in conn.execute(
            f"SELECT entry_id, row FROM search_rows WHERE entry_id IN ({marks})", ids):
        title, body, _, _ = _unpack(blob)
        out[int(entry_id)] = snippet(body or title, terms, mark)
    return out


def _fold(word: str) -> str:
    """Lower case without accents, as the unicode61 tokenizer with remove_diacritics sees words."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def snippet(text: str, terms: list[str], mark: tuple[str, str], words: int = SNIPPET_WORDS) -> str:
    """About `words` words of text around the first match, matches marked, '…' where cut."""
    found = list(_WORD.finditer(text))
    if not found:
        return ""
    folded = [_fold(t) for t in terms]

    def hit(m: re.Match[str]) -> bool:
        w = _fold(m.group(0))
        return any(w.startswith(t) for t in folded)

    first = next((i for i, m in enumerate(found) if hit(m)), 0)
    start = max(0, min(first - words // 3, len(found) - words))
    end = min(len(found), start + words)
    pieces: list[str] = []
    pos = found[start].start()
    for m in found[start:end]:
        pieces.append(text[pos:m.start()])
        pieces.append(f"{mark[0]}{m.group(0)}{mark[1]}" if hit(m) else m.group(0))
        pos = m.end()
    if end < len(found):
        pieces.append("…")
    else:
        pieces.append(text[pos:].rstrip())
    excerpt = " ".join("".join(pieces).split())
    return ("…" if start > 0 else "") + excerpt
