"""A fake view recording what the presenter shows, and an in-memory library with the store's API."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop.core.model import Paragraph
from desktop.library.listing import Counts
from desktop.library.records import AddResult, Entry, SearchHit
from desktop.library.records import EntryRow as Row


class FakeView:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.title = ""
        self.article = None
        self.summary = None
        self.facts: tuple = ()
        self.library = None
        self.rows: list = []
        self.selected = None
        self.tags: list = []
        self.length = None
        self.algorithms: list = []
        self.appearance = None
        self.status = None
        self.progress_seen: list = []
        self.progress = None
        self.problems: list = []
        self.revealed = None
        self.clipboard = ""
        self.about = None
        self.busy = False
        self.find = None
        self.reading_progress = ""
        self.can_export = False
        self.raised = 0
        # answers to the dialogs the presenter asks for
        self.open_answer: list[str] = []
        self.save_answer: str | None = None
        self.tags_answer: str | None = None
        self.folder_answer: str | None = None
        self.note_answer: str | None = None
        self.highlights = None
        self.confirm_answer = True
        self.filters: list = []
        self.filter = "all"
        self.caption = ""
        self.matches = None

    def _log(self, name: str, value: Any) -> None:
        self.calls.append((name, value))

    def set_title(self, title):
        self.title = title

    def show_article(self, article):
        self.article = article
        self._log("article", article)

    def show_summary(self, summary):
        self.summary = summary

    def show_facts(self, groups):
        self.facts = tuple(groups)

    def set_busy(self, busy):
        self.busy = busy

    def set_can_export(self, can):
        self.can_export = can

    def show_library(self, library):
        self.library = library
        self.caption = library.caption or self.caption
        self.rows = (self.rows if library.append else []) + list(library.rows)

    def update_row(self, row):
        self.rows = [row if r.id == row.id else r for r in self.rows]

    def select_row(self, id):
        self.selected = id

    def show_tags(self, tags, current):
        self.tags = list(tags)

    def show_filters(self, filters, current):
        self.filters = list(filters)
        self.filter = current

    def show_caption(self, caption):
        self.caption = caption

    def show_matches(self, matches):
        self.matches = matches

    def confirm(self, question, action):
        self._log("confirm", question)
        return self.confirm_answer

    def show_length(self, length):
        self.length = length

    def set_algorithms(self, choices):
        self.algorithms = list(choices)

    def apply_appearance(self, appearance):
        self.appearance = appearance

    def show_status(self, status):
        self.status = status
        self._log("status", status)

    def show_progress(self, progress):
        self.progress = progress
        self.progress_seen.append(progress)

    def show_problems(self, title, problems):
        self.problems.append((title, list(problems)))

    def reveal(self, span):
        self.revealed = span

    def ask_open_paths(self, folder=""):
        self._log("open_folder", folder)
        return list(self.open_answer)

    def ask_folder(self, folder=""):
        self._log("folder_folder", folder)
        return self.folder_answer

    def ask_save_path(self, default_name, folder=""):
        self._log("save_default", default_name)
        self._log("save_folder", folder)
        return self.save_answer

    def ask_tags(self, current):
        return self.tags_answer

    def copy_to_clipboard(self, text):
        self.clipboard = text

    def show_about(self, about):
        self.about = about

    def raise_window(self):
        self.raised += 1

    def show_find(self, find):
        self.find = find

    def show_reading_progress(self, text):
        self.reading_progress = text

    def focus_reader(self):
        self._log("focus_reader", None)

    def show_highlights(self, highlights):
        self.highlights = highlights

    def ask_note(self, quote, current):
        self._log("ask_note", (quote, current))
        return self.note_answer


@dataclass(frozen=True)
class ImportReport:
    added: int
    existing: int
    errors: list
    cancelled: bool = False


@dataclass
class FakeLibrary:
    entries: dict[int, Entry] = field(default_factory=dict)
    trashed_ids: set[int] = field(default_factory=set)
    hashes: dict[bytes, int] = field(default_factory=dict)
    notice: str | None = None
    clock: float = 0.0
    closed: bool = False
    marks: dict[int, tuple[int, Any]] = field(default_factory=dict)  # highlight id -> (entry id, highlight)

    def add(self, source, article, facts=None, facts_later=False) -> AddResult:
        if source.data in self.hashes:
            return AddResult(self.hashes[source.data], False)
        id = len(self.entries) + 1
        self.clock += 1
        self.entries[id] = Entry(
            id, article.title, source.name, source.path, source.format, source.encoding,
            article.meta.author, article.meta.date, article.meta.site, article.word_count,
            self._now(), None, False, 0.0, (), article, None, None, None,
        )
        self.hashes[source.data] = id
        return AddResult(id, True)

    def _live(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.id not in self.trashed_ids]

    def get(self, id) -> Entry:
        if id not in self.entries or id in self.trashed_ids:
            raise KeyError(id)
        return self.entries[id]

    def digest(self, entry: Entry, options, compute):
        """No cache here: the digest is made each time (the real cache has its own tests)."""
        return compute(entry.article, entry.source_name, entry.source_path, options)

    def keep_digest(self, id, digest, options) -> None:
        """No cache here (see digest)."""

    def index_facts(self, id, facts) -> None:
        """No search index here (the library's own tests cover it)."""

    @staticmethod
    def _row(e: Entry) -> Row:
        return Row(e.id, e.title, e.site, e.date, e.words, e.read, e.added, e.opened, e.tags)

    def _now(self) -> str:
        """ISO times like the store's, one second apart per event."""
        return (datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=self.clock)).isoformat()

    highlighted_ids: set[int] = field(default_factory=set)

    def _pool(self, trashed=False, highlighted=False) -> list[Entry]:
        if trashed:
            return [self.entries[i] for i in sorted(self.trashed_ids)]
        live = self._live()
        return [e for e in live if e.id in self.highlighted_ids] if highlighted else live

    def list(self, sort="added", tag=None, read=None, limit=200, offset=0, descending=None,
             trashed=False, highlighted=False):
        live = [e for e in self._pool(trashed, highlighted) if (tag is None or tag in e.tags)
                and (read is None or e.read == read)]
        # the store's orders: times and dates newest first, text A to Z, words shortest first;
        # `descending` forces a direction, with never-opened, site-less and undated entries last either way
        newest = {"added": lambda e: e.added, "opened": lambda e: e.opened or "",
                  "date": lambda e: (e.date, e.added)}
        if sort in newest:
            down = True if descending is None else descending
            ordered = sorted(live, key=newest[sort], reverse=down)
        else:
            key = {"title": lambda e: e.title.lower(), "words": lambda e: e.words,
                   "site": lambda e: (e.site.lower(), e.title.lower())}[sort]
            ordered = sorted(live, key=key, reverse=bool(descending))
        if sort in ("opened", "site", "date"):
            empty = {"opened": lambda e: not e.opened, "site": lambda e: not e.site, "date": lambda e: not e.date}
            ordered.sort(key=empty[sort])  # stable: empties last
        end = None if limit is None else offset + limit
        return [self._row(e) for e in ordered[offset:end]]

    def count(self, tag=None, read=None, trashed=False, highlighted=False) -> int:
        return len(self.list(tag=tag, read=read, limit=None, trashed=trashed, highlighted=highlighted))

    def counts(self):
        live = self._live()
        unread = sum(1 for e in live if not e.read)
        return Counts(len(live), unread, len(live) - unread,
                      sum(1 for e in live if e.id in self.highlighted_ids), len(self.trashed_ids))

    def add_tags_many(self, ids, tags):
        for id in ids:
            self.add_tags(id, tags)

    def mark_read_many(self, ids, read=True):
        for id in ids:
            self.mark_read(id, read)

    def delete_for_good(self, ids):
        gone = [i for i in ids if i in self.trashed_ids]
        for id in gone:
            del self.entries[id]
            self.trashed_ids.discard(id)
        return len(gone)

    def search(self, query, limit=200, snippets=50):
        q = query.lower()
        return [SearchHit(self._row(e), f"[{query}] in {e.title}", 1.0) for e in self._live()
                if q in e.title.lower() or q in e.article.body_text.lower()][:limit]

    def tags(self):
        counts: dict[str, int] = {}
        for e in self._live():
            for t in e.tags:
                counts[t] = counts.get(t, 0) + 1
        return sorted(counts.items())

    def _set(self, id, **changes):
        self.entries[id] = replace(self.entries[id], **changes)

    def set_tags(self, id, tags):
        self._set(id, tags=tuple(tags))

    def add_tags(self, id, tags):
        self._set(id, tags=tuple(sorted(set(self.entries[id].tags) | set(tags))))

    def mark_read(self, id, read=True):
        self._set(id, read=read)

    def set_position(self, id, fraction):
        self._set(id, position=fraction)

    def touch_opened(self, id):
        self.clock += 1
        self._set(id, opened=self._now())

    def set_summary_settings(self, id, algorithm, sentences, ratio):
        self._set(id, summary_algorithm=algorithm, summary_sentences=sentences, summary_ratio=ratio)

    def restore_removal(self, id, removal_index):
        e = self.entries[id]
        removal = e.article.removed[removal_index]
        paragraphs = list(e.article.paragraphs)
        paragraphs.insert(removal.position, Paragraph("body", removal.text))
        removed = e.article.removed[:removal_index] + e.article.removed[removal_index + 1:]
        article = replace(e.article, paragraphs=tuple(paragraphs), removed=removed)
        self._set(id, article=article)
        return self.entries[id]

    def trash(self, ids):
        self.trashed_ids |= set(ids)

    def untrash(self, ids):
        self.trashed_ids -= set(ids)

    def empty_trash(self):
        for id in self.trashed_ids:
            del self.entries[id]
        self.trashed_ids = set()

    def trashed(self):
        return [self._row(self.entries[i]) for i in sorted(self.trashed_ids)]

    def close(self):
        self.closed = True

    # highlights: kept in memory, placed in the article as the store places them
    def highlights(self, id, article=None):
        from desktop.core.highlights import place_all

        mine = [h for e, h in self.marks.values() if e == id]
        return place_all(article or self.entries[id].article, mine)

    def add_highlight(self, id, anchor, note="", created=None, highlight_id=None):
        from desktop.core.highlights import Highlight

        self.clock += 1
        new_id = highlight_id if highlight_id not in (None, *self.marks) else max(self.marks, default=0) + 1
        made = Highlight(new_id, anchor, note.strip(), created or self._now())
        self.marks[new_id] = (id, made)
        return next(h for h in self.highlights(id) if h.id == new_id)

    def set_highlight_note(self, highlight_id, note):
        entry_id, h = self.marks[highlight_id]
        self.marks[highlight_id] = (entry_id, replace(h, note=note.strip()))
        return self.marks[highlight_id][1]

    def delete_highlight(self, highlight_id):
        return self.marks.pop(highlight_id)
