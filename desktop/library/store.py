"""The library: every article kept in one SQLite file (WAL, foreign keys, versioned schema).

`Library` is the one object callers hold; it delegates each concern to its module, where that
concern's SQL lives: `db` (opening, transactions, errors), `articles` (add, get, restore, re-clean),
`listing` (sorts and filters), `search`, `tags`, `trash`, `article_state` (read, position, summary
settings). Every write is one transaction: a crash or a kill keeps what was committed and leaves
no half-written entry. Errors the person must see are PrecisError.

API beyond the brief (additions, all optional):
- `Library.add(source, article, facts=None)`: facts are computed from the article when not given;
  `facts_later=True` stores none, `index_facts(id, facts)` adds them (the window shows a new
  article's summary first).
- `Library.add_many(items)`: many (source, article, facts-or-None) in one transaction -> [AddResult];
  `Library.add_rows(rows)` the same from rows made beforehand (desktop.library.rows, the importer).
- `Library.path`; `Entry.near_duplicate_of`, `Entry.source_size`, `Entry.facts` (the indexed facts
  text); `EntryRow.near_duplicate_of`.
- `Library.get_many(ids)`, `Library.all_ids()`; `Library.integrity() -> str` ("ok" when sound).
- `SNIPPET_OPEN` / `SNIPPET_CLOSE`: the markers around matched words in `SearchHit.snippet`.
- `list(sort="words")` is shortest first; `title` is A to Z; `added`/`opened` newest first
  (never-opened entries last); `site` A to Z (none last); `date` newest first by the article's own
  (published) date, entries without one last. `list(..., descending=True|False)` forces the direction (None: the natural
  one); never-opened entries and entries without a site or date stay last in both directions.
- `list(limit=None)` lists every row; `list/count(trashed=True)` the trash, `highlighted=True` the
  articles with highlights; `counts()` every filter's count at once.
- `reclean()` returns how many articles it re-cleaned.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from desktop.core.highlights import Anchor, Highlight, place_all
from desktop.core.model import Article, Digest, Facts, Options, Source
from desktop.library import article_state, articles, digests, highlights, listing, search, trash
from desktop.library.articles import compute_facts, facts_text
from desktop.library.db import BUSY_TIMEOUT_MS, Database
from desktop.library.listing import DESCENDING, SORTS, Counts
from desktop.library.records import AddResult, Entry, EntryRow, SearchHit, now
from desktop.library.rows import Row
from desktop.library.search import SNIPPET_CLOSE, SNIPPET_OPEN
from desktop.library.tags import add_tags_many, clean_tags, put_tags
from desktop.library.tags import tags as tags_in_use

__all__ = [
    "BUSY_TIMEOUT_MS", "DESCENDING", "Counts", "SNIPPET_CLOSE", "SNIPPET_OPEN", "SORTS", "AddResult", "Entry",
    "EntryRow", "Library", "SearchHit", "clean_tags", "compute_facts", "facts_text", "now",
]


class Library:
    """One open library file. Create with Library.open(); each method hands over to its concern."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.path = db.path
        self.notice = db.notice

    @classmethod
    def open(cls, path: Path | str | None = None) -> Library:
        """Open (creating or migrating) the library; a damaged file is moved aside and replaced."""
        return cls(Database.open(path))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def _conn(self) -> sqlite3.Connection:  # for tests and benchmarks that look beneath the API
        return self.db.conn

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return self.db.write()

    def integrity(self) -> str:
        return self.db.integrity()

    # ---- articles ------------------------------------------------------------------------------

    def add(self, source: Source, article: Article, facts: Facts | None = None, *,
            facts_later: bool = False) -> AddResult:
        """Store an article with its original bytes; the same article (by content) is found instead.
        `facts_later`: stored without facts (none are computed), index_facts() brings them."""
        return articles.add_many(self.db, [(source, article, Facts() if facts_later else facts)])[0]

    def index_facts(self, id: int, facts: Facts) -> None:
        """The facts of an article added with facts_later, stored and put in its search row."""
        articles.index_facts(self.db, id, facts)

    def add_many(self, items: Iterable[tuple[Source, Article, Facts | None]]) -> list[AddResult]:
        return articles.add_many(self.db, items)

    def add_rows(self, rows: Sequence[Row]) -> list[AddResult]:
        """Write articles made ready by rows.make_row (with their facts) in one transaction."""
        return articles.add_rows(self.db, rows)

    def get(self, id: int) -> Entry:
        return articles.get(self.db, id)

    def get_many(self, ids: Iterable[int]) -> list[Entry]:
        return [articles.get(self.db, i) for i in ids]

    def all_ids(self, include_trashed: bool = False) -> list[int]:
        return articles.all_ids(self.db, include_trashed)

    def source_bytes(self, id: int) -> bytes:
        return articles.source_bytes(self.db, id)

    def restore_removal(self, id: int, removal_index: int) -> Entry:
        return articles.restore_removal(self.db, id, removal_index)

    def reclean(self, progress: Callable[[int, int, str], None] | None = None) -> int:
        return articles.reclean(self.db, progress)

    def digest(self, entry: Entry, options: Options, compute: digests.Compute | None = None) -> Digest:
        """The entry's digest, from the digest cache when it holds this one, else computed and cached.
        An entry without indexed facts (added with facts_later, and closed before they came) takes
        the digest's."""
        made = digests.digest(self.db, entry.id, entry.article, entry.source_name, entry.source_path,
                              options, compute)
        if not entry.facts and options.language == "auto" and any(group for _, group in made.facts.groups()):
            articles.index_facts(self.db, entry.id, made.facts)
        return made

    def keep_digest(self, id: int, digest: Digest, options: Options) -> None:
        """Cache a digest made for the entry's article with these options (e.g. before it was added)."""
        digests.store(self.db, id, digest, options)

    def cached_digest(self, entry: Entry, options: Options) -> Digest | None:
        """The cached digest alone (None when missing, stale or damaged): costs no summariser import."""
        return digests.lookup(self.db, entry.id, entry.article, options, entry.source_name,
                              entry.source_path)

    # ---- listing and search --------------------------------------------------------------------

    def list(self, sort: str = "added", tag: str | None = None, read: bool | None = None,
             limit: int | None = 200, offset: int = 0, descending: bool | None = None,
             trashed: bool = False, highlighted: bool = False) -> list[EntryRow]:
        return listing.list_rows(self.db, sort, tag, read, limit, offset, descending, trashed, highlighted)

    def count(self, tag: str | None = None, read: bool | None = None, trashed: bool = False,
              highlighted: bool = False) -> int:
        return listing.count(self.db, tag, read, trashed, highlighted)

    def counts(self) -> Counts:
        """How many articles All, Unread, Read, Highlighted and Trash hold."""
        return listing.counts(self.db)

    def search(self, query: str, limit: int = 200, snippets: int = 50) -> list[SearchHit]:
        return search.search(self.db, query, limit, snippets)

    # ---- tags and trash ------------------------------------------------------------------------

    def tags(self) -> list[tuple[str, int]]:
        return tags_in_use(self.db)

    def set_tags(self, id: int, tags: Sequence[str]) -> None:
        """Replace the entry's tags."""
        put_tags(self.db, int(id), tags, replace=True)

    def add_tags(self, id: int, tags: Sequence[str]) -> None:
        put_tags(self.db, int(id), tags, replace=False)

    def add_tags_many(self, ids: Iterable[int], tags: Sequence[str]) -> None:
        add_tags_many(self.db, ids, tags)

    def trash(self, ids: Iterable[int]) -> None:
        trash.trash(self.db, ids)

    def untrash(self, ids: Iterable[int]) -> None:
        trash.untrash(self.db, ids)

    def trashed(self) -> list[EntryRow]:
        return trash.trashed(self.db)

    def delete_for_good(self, ids: Iterable[int]) -> int:
        """Delete articles in the trash for good (live ones are never touched); returns how many."""
        return trash.delete_for_good(self.db, ids)

    def empty_trash(self) -> int:
        return trash.empty_trash(self.db)

    # ---- settings of an article ----------------------------------------------------------------

    def mark_read(self, id: int, read: bool = True) -> None:
        article_state.mark_read(self.db, id, read)

    def set_position(self, id: int, fraction: float) -> None:
        article_state.set_position(self.db, id, fraction)

    def mark_read_many(self, ids: Iterable[int], read: bool = True) -> int:
        return article_state.mark_read_many(self.db, ids, read)

    def touch_opened(self, id: int) -> None:
        article_state.touch_opened(self.db, id)

    def set_summary_settings(self, id: int, algorithm: str, sentences: int | None,
                             ratio: float | None) -> None:
        article_state.set_summary_settings(self.db, id, algorithm, sentences, ratio)

    # ---- highlights and notes ------------------------------------------------------------------

    def highlights(self, id: int, article: Article | None = None) -> tuple[Highlight, ...]:
        """The article's highlights placed in its text as shown (pass the article when it is at hand),
        in reading order; those a re-clean took out come last, with no pieces."""
        stored = highlights.of_entry(self.db, id)
        if article is None:
            article = articles.get(self.db, id).article
        return place_all(article, stored)

    def add_highlight(self, id: int, anchor: Anchor, note: str = "", created: str | None = None,
                      highlight_id: int | None = None) -> Highlight:
        made = highlights.add(self.db, id, anchor, note, created, highlight_id)
        return next((h for h in self.highlights(id) if h.id == made.id), made)

    def set_highlight_note(self, highlight_id: int, note: str) -> Highlight:
        return highlights.set_note(self.db, highlight_id, note)

    def delete_highlight(self, highlight_id: int) -> tuple[int, Highlight]:
        """Remove a highlight; returns (article id, highlight) to put it back with add_highlight."""
        return highlights.delete(self.db, highlight_id)

    def count_highlighted(self) -> int:
        """How many live articles carry highlights (the "Highlighted" filter)."""
        return highlights.count_articles(self.db)
