"""What the pane presenters share: the view verbs each pane needs (protocols), the main presenter as
they see it, and small helpers (error messages, row view models, dates)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from desktop.core.errors import PrecisError
from desktop.library.settings import Settings
from desktop.ui.dates import display_date
from desktop.ui.tasks import Runner
from desktop.ui.viewmodels import (
    AboutView,
    AppearanceView,
    ArticleView,
    FactGroupView,
    FilterView,
    FindView,
    HighlightsView,
    LengthView,
    LibraryView,
    MatchesView,
    Problem,
    Progress,
    RowView,
    Span,
    Status,
    SummaryView,
)

log = logging.getLogger(__name__)


class StatusScreen(Protocol):
    """The status bar: every presenter reports through it."""

    def show_status(self, status: Status) -> None: ...


class LibraryScreen(StatusScreen, Protocol):
    """The library pane: the list of articles, its filters and the search's matches."""

    def show_library(self, library: LibraryView) -> None: ...
    def update_row(self, row: RowView) -> None: ...
    def select_row(self, id: int | None) -> None: ...
    def show_filters(self, filters: Sequence[FilterView], current: str) -> None: ...
    def show_caption(self, caption: str) -> None: ...
    def show_matches(self, matches: MatchesView | None) -> None: ...
    def ask_tags(self, current: str) -> str | None: ...
    def ask_folder(self) -> str | None: ...
    def confirm(self, question: str, action: str) -> bool: ...
    def focus_reader(self) -> None: ...


class ReaderScreen(StatusScreen, Protocol):
    """The reading view and the window's appearance."""

    def show_article(self, article: ArticleView | None) -> None: ...
    def reveal(self, span: Span) -> None: ...
    def apply_appearance(self, appearance: AppearanceView) -> None: ...
    def focus_reader(self) -> None: ...
    def show_find(self, find: FindView | None) -> None: ...
    def show_reading_progress(self, text: str) -> None: ...
    def update_row(self, row: RowView) -> None: ...


class SummaryScreen(StatusScreen, Protocol):
    """The right pane: summary, facts, length and algorithm."""

    def show_summary(self, summary: SummaryView | None) -> None: ...
    def show_facts(self, groups: Sequence[FactGroupView]) -> None: ...
    def set_busy(self, busy: bool) -> None: ...
    def set_can_export(self, can: bool) -> None: ...
    def show_length(self, length: LengthView) -> None: ...
    def set_algorithms(self, choices: Sequence[tuple[str, str]]) -> None: ...
    def reveal(self, span: Span) -> None: ...


class TransferScreen(StatusScreen, Protocol):
    """Opening, importing and exporting: file dialogs, progress, problem lists, the clipboard."""

    def show_progress(self, progress: Progress | None) -> None: ...
    def show_problems(self, title: str, problems: Sequence[Problem]) -> None: ...
    def ask_open_paths(self, folder: str = "") -> list[str]: ...
    def ask_folder(self, folder: str = "") -> str | None: ...
    def ask_save_path(self, default_name: str, folder: str = "") -> str | None: ...
    def copy_to_clipboard(self, text: str) -> None: ...
    def raise_window(self) -> None: ...


class HighlightsScreen(StatusScreen, Protocol):
    """The person's highlights: marked in the reading view, listed in the right pane; the note dialog."""

    def show_highlights(self, highlights: HighlightsView | None) -> None: ...
    def ask_note(self, quote: str, current: str) -> str | None: ...
    def reveal(self, span: Span) -> None: ...


class MainView(LibraryScreen, ReaderScreen, SummaryScreen, TransferScreen, HighlightsScreen, Protocol):
    """The whole window. Implemented by desktop.ui.main_window.MainWindow."""

    def set_title(self, title: str) -> None: ...
    def show_about(self, about: AboutView) -> None: ...


class Shell(Protocol):
    """The main presenter as the pane presenters see it: it owns the current article and the settings."""

    view: Any
    lib: Any
    runner: Runner
    settings: Settings
    entry: Any
    digest: Any
    spans: dict[int, Span]
    library: Any
    highlights: Any

    def select(self, id: int) -> None: ...
    def show_entry(self, entry: Any) -> None: ...
    def close_article(self) -> None: ...
    def update(self, **changes: Any) -> None: ...
    def failed(self, exc: BaseException) -> None: ...


class Pane:
    """A pane presenter's way to the window and the library: both through the main presenter."""

    main: Shell

    @property
    def view(self) -> Any:
        return self.main.view

    @property
    def lib(self) -> Any:
        return self.main.lib


def row_view(r: Any, snippet: str = "") -> RowView:
    """A list row: the article's own date (Published) and the day it was added, both as the locale
    writes dates."""
    return RowView(id=r.id, title=r.title or "(untitled)", site=r.site or "",
                   date=display_date(r.date or ""), words=f"{r.words:,}", read=bool(r.read),
                   snippet=snippet, added=display_date(r.added or ""))


def message(exc: BaseException, path: str = "") -> str:
    """One readable line for an error: ours as written, a file error with the file's name, else a note."""
    if isinstance(exc, PrecisError):
        return str(exc)
    if isinstance(exc, OSError):
        name = Path(path).name if path else (exc.filename or "")
        return f"{name}: {exc.strerror or exc}" if name else str(exc.strerror or exc)
    log.error("unexpected error", exc_info=exc)
    return f"Something went wrong: {exc.__class__.__name__}: {exc}"


def replace_entry(entry: Any, **changes: Any) -> Any:
    """A copy of a library Entry with some fields changed (Entry is a frozen dataclass)."""
    return replace(entry, **changes)

