"""MainPresenter: everything the window does, decided without tkinter; the view only shows and asks.

The presenter talks to a `MainView` (verbs taking the plain view models of desktop.ui.viewmodels),
to the library on the UI thread (quick queries), and runs slow work (cleaning, summarising,
importing) through a task runner, so it is tested with a fake view and a synchronous runner.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from desktop import APP_NAME, __version__
from desktop.core.errors import PrecisError
from desktop.core.model import Article, Digest, Options, Sentence
from desktop.library.settings import FONT_DEFAULT, FONT_MAX, FONT_MIN, SORTS, THEMES, Settings
from desktop.library.store import DESCENDING
from desktop.ui.tasks import Runner
from desktop.ui.viewmodels import (
    AboutView,
    AppearanceView,
    ArticleView,
    FactGroupView,
    FactView,
    LengthView,
    LibraryView,
    ParagraphView,
    Problem,
    Progress,
    RemovedView,
    RowView,
    Span,
    Status,
    SummarySentenceView,
    SummaryView,
)

log = logging.getLogger(__name__)

PAGE = 200  # library rows fetched per page; the list asks for more as it scrolls
SEARCH_LIMIT = 500
BULK = 4  # from this many files (or any folder) an open becomes an import with a progress bar
READ_AT = 0.97  # scrolled this far: the article counts as read
SENTENCES_MAX = 50
GROUP_TITLES = (
    ("people", "People"), ("organisations", "Organisations"), ("places", "Places"),
    ("numbers", "Numbers"), ("dates", "Dates"), ("quotes", "Quotes"), ("keywords", "Keywords"),
)


class MainView(Protocol):
    """What the presenter asks of the window. Implemented by desktop.ui.main_window.MainWindow."""

    def set_title(self, title: str) -> None: ...
    def show_article(self, article: ArticleView | None) -> None: ...
    def show_summary(self, summary: SummaryView | None) -> None: ...
    def show_facts(self, groups: Sequence[FactGroupView]) -> None: ...
    def set_busy(self, busy: bool) -> None: ...
    def show_library(self, library: LibraryView) -> None: ...
    def update_row(self, row: RowView) -> None: ...
    def select_row(self, id: int | None) -> None: ...
    def show_tags(self, tags: Sequence[tuple[str, int]], current: str | None) -> None: ...
    def show_length(self, length: LengthView) -> None: ...
    def set_algorithms(self, choices: Sequence[tuple[str, str]]) -> None: ...
    def apply_appearance(self, appearance: AppearanceView) -> None: ...
    def show_status(self, status: Status) -> None: ...
    def show_progress(self, progress: Progress | None) -> None: ...
    def show_problems(self, title: str, problems: Sequence[Problem]) -> None: ...
    def reveal(self, span: Span) -> None: ...
    def ask_open_paths(self) -> list[str]: ...
    def ask_folder(self) -> str | None: ...
    def ask_save_path(self, default_name: str) -> str | None: ...
    def ask_tags(self, current: str) -> str | None: ...
    def copy_to_clipboard(self, text: str) -> None: ...
    def show_about(self, about: AboutView) -> None: ...
    def raise_window(self) -> None: ...
    def focus_reader(self) -> None: ...


@dataclass
class _Batch:
    """Files opened together (File > Open, a small drop): added one by one, then one report."""

    pending: int
    last_id: int | None = None
    added: int = 0
    existing: int = 0
    problems: list[Problem] | None = None


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def display_date(text: str) -> str:
    """"2018-09-27" or "2018-09-27T10:00:00+00:00" -> "27 Sep 2018"; anything else is kept, shortened."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text or "")
    if match and 1 <= int(match[2]) <= 12 and 1 <= int(match[3]) <= 31:
        return f"{int(match[3])} {MONTHS[int(match[2]) - 1]} {match[1]}"
    return (text or "")[:12]


def _descending(text: str) -> tuple[int, ...]:
    """A sort key that puts later strings first (for ISO dates)."""
    return tuple(-ord(c) for c in text)


# Python twins of the store's orders, for search hits (which come ranked by relevance).
HIT_ORDER: dict[str, Callable[[Any], Any]] = {
    "added": lambda r: _descending(r.added or ""),
    "opened": lambda r: (r.opened is None, _descending(r.opened or "")),
    "title": lambda r: (r.title or "").casefold(),
    "words": lambda r: r.words,
    "site": lambda r: (not r.site, (r.site or "").casefold(), (r.title or "").casefold()),
    "date": lambda r: (_descending(r.date or (r.added or "")[:10]), _descending(r.added or "")),
}
# The same orders turned round (a heading clicked twice); never opened and no site stay last, as in the store.
HIT_ORDER_REVERSED: dict[str, Callable[[Any], Any]] = {
    "added": lambda r: r.added or "",
    "opened": lambda r: (r.opened is None, r.opened or ""),
    "title": lambda r: _descending((r.title or "").casefold()),
    "words": lambda r: -r.words,
    "site": lambda r: (not r.site, _descending((r.site or "").casefold()), _descending((r.title or "").casefold())),
    "date": lambda r: (r.date or (r.added or "")[:10], r.added or ""),
}


def slug(title: str) -> str:
    """A file name from an article title: letters, digits and dashes, at most 60 characters."""
    words = re.findall(r"\w+", title.lower())
    name = "-".join(words)[:60].strip("-")
    return name or "precis"


def meta_line(site: str, author: str, date: str, words: int) -> str:
    minutes = max(1, round(words / 230))
    parts = [p for p in (site, author, date) if p]
    parts.append(f"{words:,} words")
    parts.append(f"{minutes} min read")
    return "  ·  ".join(parts)


def sentence_spans(article: Article, sentences: Sequence[Sentence]) -> dict[int, Span]:
    """Where each sentence stands in its paragraph, searched in order (sentences are stripped copies)."""
    spans: dict[int, Span] = {}
    cursor: dict[int, int] = {}
    for s in sentences:
        if not 0 <= s.paragraph < len(article.paragraphs):
            continue
        text = article.paragraphs[s.paragraph].text
        start = text.find(s.text, cursor.get(s.paragraph, 0))
        if start < 0:
            start = text.find(s.text)
        if start < 0:
            spans[s.index] = Span(s.paragraph, 0, len(text))
            continue
        end = start + len(s.text)
        cursor[s.paragraph] = end
        spans[s.index] = Span(s.paragraph, start, end)
    return spans


def _default_digest(article: Article, name: str, path: str | None, options: Options) -> Digest:
    from desktop.core.pipeline import digest_article

    return digest_article(article, name, path, options)


def _default_load(path: str) -> tuple[Any, ...]:
    """In the worker: read, clean and find the facts (the store indexes them), ready for Library.add."""
    from desktop.core.clean import clean_source
    from desktop.core.read import load_path
    from desktop.library.store import compute_facts

    source = load_path(path)
    article = clean_source(source)
    return source, article, compute_facts(article)


def _default_import(lib: Any, paths: Sequence[str], progress: Callable, cancel: Callable) -> Any:
    from desktop.library.importer import import_paths

    return import_paths(lib, paths, progress=progress, cancel=cancel)


def _algorithm_choices() -> list[tuple[str, str]]:
    from desktop.core.summary import LABELS

    return list(LABELS.items())


class MainPresenter:
    def __init__(
        self,
        view: MainView,
        library: Any,
        runner: Runner,
        settings: Settings,
        save_settings: Callable[[Settings], None],
        *,
        sample: str | os.PathLike[str],
        data_dir: str = "",
        import_runner: Runner | None = None,
        worker_library: Callable[[], Any] | None = None,
        digest: Callable[[Article, str, str | None, Options], Digest] = _default_digest,
        load: Callable[[str], tuple[Any, ...]] = _default_load,
        importer: Callable[..., Any] = _default_import,
    ) -> None:
        self.view = view
        self.lib = library
        self.runner = runner
        self.import_runner = import_runner or runner
        self.settings = settings
        self._save = save_settings
        self._sample = str(sample)
        self._data_dir = data_dir
        # The worker opens its own connection for imports (SQLite connections belong to one thread).
        self._worker_library = worker_library or (lambda: library)
        self._digest_fn = digest
        self._load_fn = load
        self._import_fn = importer
        self.entry: Any = None
        self.digest: Digest | None = None
        self.spans: dict[int, Span] = {}
        self.position = 0.0
        self.query = ""
        self.hits_sorted = False  # search hits: by relevance until a column heading is clicked
        self.tag: str | None = None
        self.loaded = 0
        self.total = 0
        self.undo_ids: list[int] = []
        self.importing = False
        self._cancel_import = False

    # ----- start and stop -------------------------------------------------------------------------

    def start(self, files: Sequence[str] = ()) -> None:
        """Show the remembered state, then what was asked: files, else the last article, else the sample."""
        self.view.apply_appearance(self._appearance())
        self.view.show_length(self._length())
        if getattr(self.lib, "notice", None):
            self.view.show_status(Status(self.lib.notice, "error"))
        self.refresh_library()
        if files:
            self.open_paths(files)
        elif self.lib.count() == 0:
            self.open_paths([self._sample])
        else:
            self._open_remembered()
        self.runner.submit(_algorithm_choices, self.view.set_algorithms, self._failed, key="algorithms")

    def _open_remembered(self) -> None:
        last = self.settings.last_article
        if last is not None:
            try:
                self.select(last)
                return
            except (KeyError, LookupError, PrecisError):
                log.info("last article %s is gone", last)
        rows = self.lib.list(sort="opened", limit=1)
        if rows:
            self.select(rows[0].id)

    def closing(self, geometry: str, panes: Sequence[int]) -> None:
        """The window is closing: remember where we were."""
        self._store_position()
        self._update(geometry=geometry, panes=tuple(int(p) for p in panes))

    def external_open(self, paths: Sequence[str]) -> None:
        """Paths sent by a later `precis FILE...` (already on the UI thread)."""
        self.view.raise_window()
        if paths:
            self.open_paths(paths)

    # ----- opening and importing ------------------------------------------------------------------

    def open_requested(self) -> None:
        paths = self.view.ask_open_paths()
        if paths:
            self.open_paths(paths)

    def import_folder_requested(self) -> None:
        folder = self.view.ask_folder()
        if folder:
            self.open_paths([folder])

    def open_paths(self, paths: Sequence[str]) -> None:
        """Add each file to the library (deduplicated) and show it; folders and many files import in bulk."""
        paths = [str(p) for p in paths if str(p).strip()]
        if not paths:
            return
        if len(paths) >= BULK or any(Path(p).is_dir() for p in paths):
            self._bulk_import(paths)
            return
        batch = _Batch(pending=len(paths), problems=[])
        self.view.show_status(Status(f"Opening {self._names(paths)}…"))
        for path in paths:
            self.runner.submit(
                # Stored in the worker too: hashing, compressing and indexing would stall the window.
                lambda p=path: self.lib.add(*self._load_fn(p)),
                lambda result, p=path: self._loaded(batch, p, result),
                lambda exc, p=path: self._load_failed(batch, p, exc),
            )

    @staticmethod
    def _names(paths: Sequence[str]) -> str:
        if len(paths) == 1:
            return Path(paths[0]).name
        return f"{len(paths)} files"

    def _loaded(self, batch: _Batch, path: str, result: Any) -> None:
        if result.created:
            batch.added += 1
        else:
            batch.existing += 1
        batch.last_id = result.id
        if result.near_duplicate_of is not None and result.created:
            batch.problems.append(Problem(path, "added; it looks like an article already in your library"))
        self._batch_step(batch)

    def _load_failed(self, batch: _Batch, path: str, exc: BaseException) -> None:
        batch.problems.append(Problem(path, self._message(exc, path)))
        self._batch_step(batch)

    def _batch_step(self, batch: _Batch) -> None:
        batch.pending -= 1
        if batch.pending > 0:
            return
        self.refresh_library()
        errors = [p for p in batch.problems if not p.message.startswith("added;")]
        if len(batch.problems) == 1 and batch.added + batch.existing <= 1:
            kind = "error" if errors else "info"
            self.view.show_status(Status(batch.problems[0].message, kind))
        elif batch.problems:
            self.view.show_problems(self._problem_title(len(errors), batch.added), batch.problems)
            self.view.show_status(Status(self._summary_text(batch.added, batch.existing, len(errors)),
                                         "error" if errors else "info"))
        elif batch.added + batch.existing > 1:
            self.view.show_status(Status(self._summary_text(batch.added, batch.existing, 0), "success"))
        elif batch.existing:
            self.view.show_status(Status("Already in your library"))
        else:
            self.view.show_status(Status("Added to your library", "success"))
        if batch.last_id is not None:
            self.select(batch.last_id)

    @staticmethod
    def _summary_text(added: int, existing: int, errors: int) -> str:
        parts = [f"Added {added} article{'s' if added != 1 else ''}"]
        if existing:
            parts.append(f"{existing} already in the library")
        if errors:
            parts.append(f"{errors} could not be read")
        return "; ".join(parts)

    @staticmethod
    def _problem_title(errors: int, added: int) -> str:
        if errors:
            return f"{errors} file{'s' if errors != 1 else ''} could not be added"
        return "Notes on the files added"

    def _bulk_import(self, paths: list[str]) -> None:
        if self.importing:
            self.view.show_status(Status("An import is already running", "error"))
            return
        self.importing = True
        self._cancel_import = False
        self.view.show_progress(Progress(0, 0, "Looking for articles…"))

        def progress(done: int, total: int, name: str) -> None:
            self.runner.call_soon(lambda: self._import_progress(done, total, name))

        def work() -> Any:
            lib = self._worker_library()
            try:
                return self._import_fn(lib, paths, progress, lambda: self._cancel_import)
            finally:
                if lib is not self.lib:
                    lib.close()

        self.import_runner.submit(work, self._imported, self._import_failed)

    def _import_progress(self, done: int, total: int, name: str) -> None:
        if self.importing:
            self.view.show_progress(Progress(done, total, f"Importing {done} of {total}: {name}"))

    def cancel_import(self) -> None:
        self._cancel_import = True

    def _imported(self, report: Any) -> None:
        self.importing = False
        self.view.show_progress(None)
        self.refresh_library()
        errors = [Problem(str(path), message) for path, message in report.errors]
        added = _count(report.added)
        existing = _count(report.existing)
        text = self._summary_text(added, existing, len(errors))
        if report.cancelled:
            text = "Import cancelled. " + text
        self.view.show_status(Status(text, "error" if errors else "success"))
        if errors:
            self.view.show_problems(self._problem_title(len(errors), added), errors)
        if self.entry is None:
            rows = self.lib.list(sort="added", limit=1)
            if rows:
                self.select(rows[0].id)

    def _import_failed(self, exc: BaseException) -> None:
        self.importing = False
        self.view.show_progress(None)
        self.refresh_library()
        self.view.show_status(Status(self._message(exc), "error"))

    # ----- the library list -----------------------------------------------------------------------

    def refresh_library(self) -> None:
        if self.query:
            try:
                hits = self.lib.search(self.query, limit=SEARCH_LIMIT, snippets=0)  # the list shows none
            except PrecisError as exc:
                self.view.show_status(Status(str(exc), "error"))
                hits = []
            found = [h.row for h in hits if self.tag is None or self.tag in (h.row.tags or ())]
            if self.hits_sorted:
                orders = HIT_ORDER_REVERSED if self.settings.sort_reverse else HIT_ORDER
                found.sort(key=orders[self.settings.sort])
            rows = tuple(self._row(r) for r in found)
            self.loaded = self.total = len(rows)
            caption = f"{len(rows)} match{'es' if len(rows) != 1 else ''}"
            sort = self.settings.sort if self.hits_sorted else ""
            reverse = self.hits_sorted and self.settings.sort_reverse
            self.view.show_library(LibraryView(rows, len(rows), False, caption, sort, reverse))
        else:
            self.total = self.lib.count(tag=self.tag)
            rows = tuple(self._row(r) for r in self.lib.list(sort=self.settings.sort, tag=self.tag,
                                                             limit=PAGE, offset=0,
                                                             descending=self._list_descending()))
            self.loaded = len(rows)
            caption = f"{self.total:,} article{'s' if self.total != 1 else ''}"
            unread = self.lib.count(tag=self.tag, read=False) if self.total else 0
            if unread:
                caption += f"  ·  {unread:,} unread"
            self.view.show_library(LibraryView(rows, self.total, False, caption, self.settings.sort,
                                               self.settings.sort_reverse))
        self.view.show_tags(self.lib.tags(), self.tag)
        self.view.select_row(self.entry.id if self.entry is not None else None)

    def more_rows(self) -> None:
        """The list scrolled near its end: append the next page."""
        if self.query or self.loaded >= self.total:
            return
        rows = tuple(self._row(r) for r in self.lib.list(sort=self.settings.sort, tag=self.tag,
                                                         limit=PAGE, offset=self.loaded,
                                                         descending=self._list_descending()))
        if not rows:
            self.total = self.loaded
            return
        self.loaded += len(rows)
        self.view.show_library(LibraryView(rows, self.total, True, sort=self.settings.sort,
                                           reverse=self.settings.sort_reverse))

    def _list_descending(self) -> bool:
        """The direction the library is asked for: the column's own, turned round when reversed."""
        return DESCENDING[self.settings.sort] != self.settings.sort_reverse

    @staticmethod
    def _row(r: Any, snippet: str = "") -> RowView:
        # Articles without a date of their own show the day they were added (the date sort does the same).
        return RowView(id=r.id, title=r.title or "(untitled)", site=r.site or "",
                       date=display_date(r.date or r.added or ""),
                       words=f"{r.words:,}", read=bool(r.read), snippet=snippet)

    def search_changed(self, text: str) -> None:
        query = text.strip()
        if query == self.query:
            return
        self.query = query
        self.hits_sorted = False
        self.refresh_library()

    def sort_changed(self, column: str) -> None:
        """A column heading was clicked: sort by it, its natural way; clicked again, the other way round
        (both remembered). Search hits are sorted the same way."""
        if column not in SORTS:
            return
        # The heading with the arrow turns the order round; search hits by relevance show no arrow,
        # so there a click on any heading starts that column's natural order.
        arrow_shown = not self.query or self.hits_sorted
        if arrow_shown and column == self.settings.sort:
            self._update(sort_reverse=not self.settings.sort_reverse)
        else:
            self._update(sort=column, sort_reverse=False)
        self.hits_sorted = bool(self.query)
        self.refresh_library()

    def tag_changed(self, tag: str | None) -> None:
        self.tag = tag or None
        self.refresh_library()

    # ----- the article shown ----------------------------------------------------------------------

    def select(self, id: int) -> None:
        if self.entry is not None and self.entry.id == id:
            return
        self._store_position()
        entry = self.lib.get(id)
        self.lib.touch_opened(id)
        self._show_entry(entry)
        self.view.select_row(id)
        self._update(last_article=id)

    def _show_entry(self, entry: Any) -> None:
        self.entry = entry
        self.digest = None
        self.spans = {}
        self.position = float(entry.position or 0.0)
        self.view.set_title(f"{APP_NAME} — {entry.title}" if entry.title else APP_NAME)
        self.view.show_article(self._article_view(entry))
        self.view.show_length(self._length())
        self.view.show_summary(None)
        self.view.show_facts(())
        self._recompute()

    def _article_view(self, entry: Any) -> ArticleView:
        article: Article = entry.article
        meta = meta_line(entry.site or article.meta.site, entry.author or article.meta.author,
                         entry.date or article.meta.date, article.word_count)
        return ArticleView(
            id=entry.id, title=article.title or entry.title, meta_line=meta,
            paragraphs=tuple(ParagraphView(p.kind, p.text) for p in article.paragraphs),
            removed=tuple(RemovedView(i, r.text, r.reason, r.position)
                          for i, r in enumerate(article.removed)),
            position=self.position,
        )

    def _options(self) -> Options:
        s = self.settings
        if s.length_mode == "percent":
            return Options(algorithm=s.algorithm, sentences=None, ratio=s.percent / 100)
        return Options(algorithm=s.algorithm, sentences=s.sentences, ratio=None)

    def _recompute(self) -> None:
        entry = self.entry
        if entry is None:
            return
        options = self._options()
        self.view.set_busy(True)
        self.runner.submit(
            lambda: self._digest_fn(entry.article, entry.source_name, entry.source_path, options),
            lambda digest: self._digest_ready(entry.id, digest),
            self._digest_failed, key="digest",
        )

    def _digest_ready(self, id: int, digest: Digest) -> None:
        if self.entry is None or self.entry.id != id:
            return
        self.digest = digest
        self.spans = sentence_spans(digest.article, digest.sentences)
        self.view.set_busy(False)
        self.view.show_summary(self._summary_view(digest))
        self.view.show_facts(self._fact_groups(digest))

    def _digest_failed(self, exc: BaseException) -> None:
        self.view.set_busy(False)
        self.view.show_summary(SummaryView((), self._message(exc)))
        self.view.show_status(Status(self._message(exc), "error"))

    def _summary_view(self, digest: Digest) -> SummaryView:
        from desktop.core.summary import LABELS  # already loaded by the worker that made the digest

        items = tuple(
            SummarySentenceView(n, s.index, s.text, self.spans.get(s.index, Span(s.paragraph, 0, 0)))
            for n, s in enumerate(digest.summary.sentences, 1)
        )
        body = sum(1 for s in digest.sentences if s.kind == "body")
        label = LABELS.get(digest.summary.algorithm, digest.summary.algorithm)
        return SummaryView(items, f"{len(items)} of {body} sentences  ·  {label}")

    @staticmethod
    def _fact_groups(digest: Digest) -> tuple[FactGroupView, ...]:
        groups = []
        for name, title in GROUP_TITLES:
            facts = getattr(digest.facts, name)
            if facts:
                groups.append(FactGroupView(title, tuple(
                    FactView(f.text, f.detail, f.sentence, f.count) for f in facts)))
        return tuple(groups)

    def sentence_clicked(self, index: int) -> None:
        span = self.spans.get(index)
        if span is not None:
            self.view.reveal(span)

    fact_clicked = sentence_clicked

    def position_changed(self, fraction: float) -> None:
        self.position = max(0.0, min(1.0, fraction))
        entry = self.entry
        if entry is not None and not entry.read and self.position >= READ_AT:
            self.lib.mark_read(entry.id, True)
            self.entry = replace_entry(entry, read=True)
            self.view.update_row(self._row(self.entry))

    def _store_position(self) -> None:
        if self.entry is not None:
            try:
                self.lib.set_position(self.entry.id, self.position)
            except (KeyError, LookupError):
                pass

    def toggle_read(self) -> None:
        if self.entry is None:
            return
        read = not self.entry.read
        self.lib.mark_read(self.entry.id, read)
        self.entry = replace_entry(self.entry, read=read)
        self.view.update_row(self._row(self.entry))
        self.view.show_status(Status("Marked as read" if read else "Marked as unread"))

    def restore_removal(self, index: int) -> None:
        if self.entry is None:
            return
        try:
            entry = self.lib.restore_removal(self.entry.id, index)
        except (PrecisError, IndexError, LookupError) as exc:
            self.view.show_status(Status(self._message(exc), "error"))
            return
        entry = replace_entry(entry, position=self.position)  # stay where the reader was
        self._show_entry(entry)
        self.view.show_status(Status("Restored the block to the article", "success"))

    def edit_tags(self) -> None:
        if self.entry is None:
            return
        answer = self.view.ask_tags(", ".join(self.entry.tags or ()))
        if answer is None:
            return
        tags = sorted({t.strip().lower() for t in answer.split(",") if t.strip()})
        self.lib.set_tags(self.entry.id, tags)
        self.entry = replace_entry(self.entry, tags=tuple(tags))
        self.refresh_library()
        self.view.show_status(Status("Tags: " + (", ".join(tags) if tags else "none")))

    # ----- summary length and algorithm -----------------------------------------------------------

    def length_changed(self, mode: str, value: int) -> None:
        if mode not in ("sentences", "percent"):
            return
        limit = SENTENCES_MAX if mode == "sentences" else 100
        value = max(1, min(limit, int(value)))
        if mode == "sentences":
            changes = {"length_mode": mode, "sentences": value}
        else:
            changes = {"length_mode": mode, "percent": value}
        if all(getattr(self.settings, k) == v for k, v in changes.items()):
            return
        self._update(**changes)
        self._store_summary_settings()
        self.view.show_length(self._length())
        self._recompute()

    def length_mode_changed(self, mode: str) -> None:
        """Switching between sentences and percent brings back the value last used in that mode."""
        value = self.settings.percent if mode == "percent" else self.settings.sentences
        self.length_changed(mode, value)

    def algorithm_changed(self, algorithm: str) -> None:
        if algorithm == self.settings.algorithm:
            return
        self._update(algorithm=algorithm)
        self._store_summary_settings()
        self._recompute()

    def _store_summary_settings(self) -> None:
        if self.entry is None:
            return
        options = self._options()
        try:
            self.lib.set_summary_settings(self.entry.id, options.algorithm, options.sentences, options.ratio)
        except (KeyError, LookupError):
            pass

    def _length(self) -> LengthView:
        s = self.settings
        value = s.percent if s.length_mode == "percent" else s.sentences
        return LengthView(s.length_mode, value, s.algorithm)

    # ----- export ---------------------------------------------------------------------------------

    def _markdown(self) -> str | None:
        if self.digest is None:
            text = "Nothing to export yet" if self.entry is None else "The summary is still being made"
            self.view.show_status(Status(text, "error"))
            return None
        from desktop.core.export import to_markdown

        return to_markdown(self.digest)

    def export_markdown(self) -> None:
        markdown = self._markdown()
        if markdown is None:
            return
        path = self.view.ask_save_path(slug(self.digest.article.title) + ".md")
        if not path:
            return
        from desktop.core.files import write_atomic

        try:
            written = write_atomic(path, markdown)
        except PrecisError as exc:
            self.view.show_status(Status(str(exc), "error"))
            return
        self.view.show_status(Status(f"Exported to {written}", "success"))

    def copy_markdown(self) -> None:
        markdown = self._markdown()
        if markdown is not None:
            self.view.copy_to_clipboard(markdown)
            self.view.show_status(Status("Copied the summary as Markdown", "success"))

    # ----- delete and undo ------------------------------------------------------------------------

    def delete(self, ids: Sequence[int] | None = None) -> None:
        ids = list(ids) if ids else ([self.entry.id] if self.entry is not None else [])
        if not ids:
            return
        title = self.entry.title if self.entry is not None and self.entry.id in ids else ""
        self.lib.trash(ids)
        self.undo_ids = ids
        if self.entry is not None and self.entry.id in ids:
            self.entry = None
            self.digest = None
            self.spans = {}
            self.view.set_title(APP_NAME)
            self.view.show_article(None)
            self.view.show_summary(None)
            self.view.show_facts(())
        self.refresh_library()
        plural = "s" if len(ids) != 1 else ""
        what = f"“{title}”" if len(ids) == 1 and title else f"{len(ids)} article{plural}"
        self.view.show_status(Status(f"Moved {what} to the trash", "info", "Undo"))

    def status_action(self) -> None:
        """The button beside the status message was pressed (today: Undo delete)."""
        if not self.undo_ids:
            return
        ids, self.undo_ids = self.undo_ids, []
        self.lib.untrash(ids)
        self.refresh_library()
        self.select(ids[0])
        self.view.show_status(Status("Restored from the trash", "success"))

    # ----- appearance -----------------------------------------------------------------------------

    def set_theme(self, theme: str) -> None:
        if theme in THEMES:
            self._update(theme=theme)
            self.view.apply_appearance(self._appearance())

    def font_bigger(self) -> None:
        self._font(min(FONT_MAX, self.settings.font_size + 1))

    def font_smaller(self) -> None:
        self._font(max(FONT_MIN, self.settings.font_size - 1))

    def font_reset(self) -> None:
        self._font(FONT_DEFAULT)

    def _font(self, size: int) -> None:
        if size != self.settings.font_size:
            self._update(font_size=size)
            self.view.apply_appearance(self._appearance())

    def toggle_focus_mode(self) -> None:
        self._update(focus_mode=not self.settings.focus_mode)
        self.view.apply_appearance(self._appearance())

    def toggle_library(self) -> None:
        self._update(library_visible=not self.settings.library_visible, focus_mode=False)
        self.view.apply_appearance(self._appearance())

    def set_highlight(self, on: bool) -> None:
        self._update(highlight_summary=bool(on))
        self.view.apply_appearance(self._appearance())

    def set_show_removed(self, on: bool) -> None:
        self._update(show_removed=bool(on))
        self.view.apply_appearance(self._appearance())

    def escape(self) -> None:
        """Esc outside the search box: leave focus mode."""
        if self.settings.focus_mode:
            self.toggle_focus_mode()

    def _appearance(self) -> AppearanceView:
        s = self.settings
        return AppearanceView(s.theme, s.font_size, s.highlight_summary, s.show_removed,
                              s.library_visible, s.focus_mode)

    def focus_reader(self) -> None:
        """Enter in the list: reading starts (keyboard focus moves to the text)."""
        self.view.focus_reader()

    def about(self) -> None:
        self.view.show_about(AboutView(
            APP_NAME, __version__, self._data_dir,
            ("An offline reader for saved articles: clean text, an extractive summary and the key facts.",
             "Nothing leaves your machine."),
        ))

    # ----- helpers --------------------------------------------------------------------------------

    def _update(self, **changes: Any) -> None:
        self.settings = replace(self.settings, **changes)
        self._save(self.settings)

    def _failed(self, exc: BaseException) -> None:
        self.view.show_status(Status(self._message(exc), "error"))

    @staticmethod
    def _message(exc: BaseException, path: str = "") -> str:
        if isinstance(exc, PrecisError):
            return str(exc)
        if isinstance(exc, OSError):
            name = Path(path).name if path else (exc.filename or "")
            return f"{name}: {exc.strerror or exc}" if name else str(exc.strerror or exc)
        log.error("unexpected error", exc_info=exc)
        return f"Something went wrong: {exc.__class__.__name__}: {exc}"


def _count(value: Any) -> int:
    """ImportReport counts may be numbers or lists of ids."""
    return value if isinstance(value, int) else len(value)


def replace_entry(entry: Any, **changes: Any) -> Any:
    """A copy of a library Entry with some fields changed (Entry is a frozen dataclass)."""
    return replace(entry, **changes)
