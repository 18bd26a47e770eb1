"""What the library hands out: a row of the list, a search hit, a whole entry, the result of an
add; and the one SELECT list (with its reader) that every listing shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.model import Article

TAG_SEP = "\x1f"  # unit separator: cannot appear in a tag (tags are cleaned of control characters)


@dataclass(frozen=True)
class AddResult:
    id: int
    created: bool
    near_duplicate_of: int | None = None


@dataclass(frozen=True)
class EntryRow:
    id: int
    title: str
    site: str
    date: str
    words: int
    read: bool
    added: str
    opened: str | None
    tags: tuple[str, ...]
    near_duplicate_of: int | None = None


@dataclass(frozen=True)
class SearchHit:
    row: EntryRow
    snippet: str
    rank: float  # bm25: lower (more negative) is a better match


@dataclass(frozen=True)
class Entry:
    id: int
    title: str
    source_name: str
    source_path: str | None
    format: str
    encoding: str
    author: str
    date: str
    site: str
    words: int
    added: str
    opened: str | None
    read: bool
    position: float
    tags: tuple[str, ...]
    article: Article
    summary_algorithm: str | None
    summary_sentences: int | None
    summary_ratio: float | None
    near_duplicate_of: int | None = None
    source_size: int = 0
    facts: str = ""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# The columns of an EntryRow, tags joined by TAG_SEP; used as `SELECT {ROW} FROM entries e ...`.
ROW = ("e.id, e.title, e.site, e.date, e.words, e.read, e.added, e.opened, "
       "(SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM entry_tags et "
       " JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id ORDER BY t.name COLLATE NOCASE)), "
       "e.near_duplicate_of")


def entry_row(r: Sequence) -> EntryRow:
    """The EntryRow of one result row selected with ROW."""
    return EntryRow(id=r[0], title=r[1], site=r[2], date=r[3], words=r[4], read=bool(r[5]),
                    added=r[6], opened=r[7], tags=tuple(r[8].split(TAG_SEP)) if r[8] else (),
                    near_duplicate_of=r[9])
