"""Full-text search over live articles: ranked hits (bm25 over title, text, tags, facts), each of
the best with a snippet around the matched words."""

from __future__ import annotations

import logging
import sqlite3

from desktop.library import search_index
from desktop.library.db import Database, error
from desktop.library.query import fts_query, query_terms
from desktop.library.records import ROW, SearchHit, entry_row

log = logging.getLogger(__name__)

SNIPPET_OPEN = "["
SNIPPET_CLOSE = "]"


def search(db: Database, query: str, limit: int = 200, snippets: int = 50) -> list[SearchHit]:
    """Ranked matches; every typed word is a prefix.

    The best `snippets` hits carry an excerpt around the match (cut in Python: the index keeps
    no plain text), the rest an empty one; ask for more when every hit is shown at once."""
    match = fts_query(query)
    if match is None or limit <= 0:
        return []
    with db.lock:
        try:
            rows = db.conn.execute(
                f"SELECT {ROW}, h.rank FROM ({search_index.MATCHES}) h "
                "JOIN entries e ON e.id = h.id WHERE e.trashed IS NULL ORDER BY h.rank",
                (match, int(limit))).fetchall()
            excerpts = search_index.snippets(db.conn, [r[0] for r in rows[:max(0, snippets)]],
                                             query_terms(query), (SNIPPET_OPEN, SNIPPET_CLOSE))
        except sqlite3.OperationalError as exc:
            # The query is fully escaped; anything left is a bug, not the person's fault.
            log.warning("search %r failed: %s", query, exc)
            return []
        except sqlite3.Error as exc:
            raise error(exc, db.path) from None
    return [SearchHit(row=entry_row(r[:-1]), snippet=excerpts.get(r[0], ""), rank=float(r[-1]))
            for r in rows]
