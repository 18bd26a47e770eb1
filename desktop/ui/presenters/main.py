"""MainPresenter: owns the current article and the settings, starts and stops, and hands each pane's
work to its presenter (library, reader, summary, transfer). No tkinter: the window is a `MainView`,
slow work goes through a task runner, so everything is tested with a fake view and a synchronous runner.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from desktop import APP_NAME, __version__
from desktop.core.errors import PrecisError
from desktop.core.model import Article, Digest, Options
from desktop.library.settings import Settings
from desktop.ui.presenters.brief import BriefPresenter
from desktop.ui.presenters.common import MainView, message
from desktop.ui.presenters.credits import credits
from desktop.ui.presenters.find import FindPresenter
from desktop.ui.presenters.highlights import HighlightsPresenter
from desktop.ui.presenters.library import LibraryPresenter
from desktop.ui.presenters.reader import ReaderPresenter
from desktop.ui.presenters.summary import SummaryPresenter, default_digest
from desktop.ui.presenters.transfer import TransferPresenter, default_import, default_load
from desktop.ui.tasks import Runner
from desktop.ui.viewmodels import AboutView, Span, Status

log = logging.getLogger(__name__)


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
        digest: Callable[[Article, str, str | None, Options], Digest] = default_digest,
        load: Callable[[str], tuple[Any, ...]] = default_load,
        importer: Callable[..., Any] = default_import,
    ) -> None:
        self.view = view
        self.lib = library
        self.runner = runner
        self.settings = settings
        self._save = save_settings
        self._sample = str(sample)
        self._data_dir = data_dir
        self.entry: Any = None  # the library entry shown, None when nothing is open
        self.digest: Digest | None = None
        self.spans: dict[int, Span] = {}
        self.library = LibraryPresenter(self)
        self.reader = ReaderPresenter(self)
        self.find = FindPresenter(self)
        self.highlights = HighlightsPresenter(self)
        self.summary = SummaryPresenter(self, digest)
        self.transfer = TransferPresenter(self, import_runner=import_runner, worker_library=worker_library,
                                          load=load, importer=importer)
        self.brief = BriefPresenter(self, runner=import_runner, worker_library=worker_library)

    # ----- start and stop -------------------------------------------------------------------------

    def start(self, files: Sequence[str] = ()) -> None:
        """Show the remembered state, then what was asked: files, else the last article, else the sample."""
        self.view.apply_appearance(self.reader.appearance())
        self.view.show_length(self.summary.length())
        if getattr(self.lib, "notice", None):
            self.view.show_status(Status(self.lib.notice, "error"))
        self.library.refresh()
        if files:
            self.transfer.open_paths(files)
        elif self.lib.count() == 0:
            self.transfer.open_paths([self._sample])
        else:
            self._open_remembered()
        self.summary.start()

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
        self.reader.store_position()
        self.update(geometry=geometry, panes=tuple(int(p) for p in panes))

    # ----- the current article --------------------------------------------------------------------

    def select(self, id: int) -> None:
        if self.entry is not None and self.entry.id == id:
            return
        self.reader.store_position()
        entry = self.lib.get(id)
        self.lib.touch_opened(id)
        self.show_entry(entry)
        self.view.select_row(id)
        self.update(last_article=id)

    def show_entry(self, entry: Any) -> None:
        self.entry = entry
        self.digest = None
        self.spans = {}
        self.view.set_title(f"{APP_NAME} — {entry.title}" if entry.title else APP_NAME)
        self.reader.show(entry)
        self.highlights.article_shown(entry)
        self.summary.article_changed()
        self.find.article_changed()

    def close_article(self) -> None:
        """The open article went away (deleted): show nothing."""
        self.entry = None
        self.digest = None
        self.spans = {}
        self.view.set_title(APP_NAME)
        self.view.show_article(None)
        self.view.show_reading_progress("")
        self.find.closed()
        self.highlights.article_shown(None)
        self.summary.cleared()

    def status_action(self) -> None:
        """The button beside the status message was pressed: Undo the last delete or highlight change."""
        if not self.library.undo_ids and self.highlights.can_undo:
            self.highlights.undo()
        else:
            self.library.undo_delete()

    def about(self) -> None:
        self.view.show_about(AboutView(
            APP_NAME, __version__, self._data_dir,
            ("An offline reader for saved articles: clean text, an extractive summary and the key facts.",
             "Nothing leaves your machine."),
            credits(),
        ))

    # ----- helpers for the pane presenters --------------------------------------------------------

    def update(self, **changes: Any) -> None:
        """Change settings and save them (unless nothing changed: opening the remembered article at
        start-up would rewrite the file before the window shows)."""
        settings = replace(self.settings, **changes)
        if settings == self.settings:
            return
        self.settings = settings
        self._save(settings)

    def failed(self, exc: BaseException) -> None:
        self.view.show_status(Status(message(exc), "error"))
