"""TransferPresenter: files in and out. Opening a few files (one report at the end), importing folders and
many files with progress and Cancel, exporting or copying the digest as Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import PrecisError
from desktop.ui.dates import load_format
from desktop.ui.presenters.common import Pane, Shell, message
from desktop.ui.tasks import Runner
from desktop.ui.viewmodels import Problem, Progress, Status

BULK = 4  # from this many files (or any folder) an open becomes an import with a progress bar


@dataclass
class _Batch:
    """Files opened together (File > Open, a small drop): added one by one, then one report."""

    pending: int
    last_id: int | None = None
    added: int = 0
    existing: int = 0
    problems: list[Problem] | None = None


def slug(title: str) -> str:
    """A file name from an article title: letters, digits and dashes, at most 60 characters."""
    words = re.findall(r"\w+", title.lower())
    name = "-".join(words)[:60].strip("-")
    return name or "precis"


def default_load(path: str) -> tuple[Any, ...]:
    """In the worker: read and clean, ready for the digest and Library.add."""
    from desktop.core.clean import clean_source
    from desktop.core.read import load_path

    source = load_path(path)
    return source, clean_source(source)


def default_import(lib: Any, paths: Sequence[str], progress: Callable, cancel: Callable) -> Any:
    from desktop.library.importer import import_paths

    return import_paths(lib, paths, progress=progress, cancel=cancel)


def _count(value: Any) -> int:
    """ImportReport counts may be numbers or lists of ids."""
    return value if isinstance(value, int) else len(value)


def summary_text(added: int, existing: int, errors: int) -> str:
    parts = [f"Added {added} article{'s' if added != 1 else ''}"]
    if existing:
        parts.append(f"{existing} already in the library")
    if errors:
        parts.append(f"{errors} could not be read")
    return "; ".join(parts)


def problem_title(errors: int, added: int) -> str:
    if errors:
        return f"{errors} file{'s' if errors != 1 else ''} could not be added"
    return "Notes on the files added"


class TransferPresenter(Pane):
    def __init__(
        self,
        main: Shell,
        *,
        import_runner: Runner | None = None,
        worker_library: Callable[[], Any] | None = None,
        load: Callable[[str], tuple[Any, ...]] = default_load,
        importer: Callable[..., Any] = default_import,
    ) -> None:
        self.main = main
        self.import_runner = import_runner or main.runner
        # The worker opens its own connection for imports (SQLite connections belong to one thread).
        self._worker_library = worker_library or (lambda: main.lib)
        self._load_fn = load
        self._import_fn = importer
        self.importing = False
        self._cancel_import = False

    # ----- opening and importing ------------------------------------------------------------------

    def external_open(self, paths: Sequence[str]) -> None:
        """Paths sent by a later `precis FILE...` (already on the UI thread)."""
        self.view.raise_window()
        if paths:
            self.open_paths(paths)

    def open_requested(self) -> None:
        paths = self.view.ask_open_paths(self.main.settings.last_folder)
        if paths:
            self._remember_folder(Path(paths[0]).parent)
            self.open_paths(paths)

    def import_folder_requested(self) -> None:
        folder = self.view.ask_folder(self.main.settings.last_folder)
        if folder:
            self._remember_folder(Path(folder))
            self.open_paths([folder])

    def _remember_folder(self, folder: Path) -> None:
        """The next file dialog starts where this one ended."""
        if str(folder) != self.main.settings.last_folder:
            self.main.update(last_folder=str(folder))

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
        lib, options = self.main.lib, self.main.summary.options()
        last = len(paths)
        for n, path in enumerate(paths, 1):
            self.main.runner.submit(
                # Stored in the worker too: hashing, compressing and indexing would stall the window.
                lambda p=path, shown=n == last: self._add(lib, p, options, shown),
                lambda added, p=path: self._loaded(batch, p, added, options),
                lambda exc, p=path: self._load_failed(batch, p, exc),
            )

    def _add(self, lib: Any, path: str, options: Any, shown: bool = True) -> tuple[Any, Any]:
        """In the worker: read and clean the file and store it. The file to be shown (the last one
        opened) gets its summary made first and its facts after the summary shows (the summary pane
        then indexes them); the others are stored with their facts. -> (AddResult, partial digest|None)"""
        source, article = self._load_fn(path)[:2]
        if not shown:
            return lib.add(source, article), None
        try:
            partial = self.main.summary.prepare(article, source.name, source.path, options)
        except Exception:  # noqa: BLE001 - the article is still added; showing it tries again and says why
            return lib.add(source, article), None
        result = lib.add(source, article, facts_later=True)
        load_format()  # the first run's date format (babel) loads here, not when the list shows the sample
        return result, (partial if result.created else None)

    @staticmethod
    def _names(paths: Sequence[str]) -> str:
        if len(paths) == 1:
            return Path(paths[0]).name
        return f"{len(paths)} files"

    def _loaded(self, batch: _Batch, path: str, added: tuple[Any, Any], options: Any) -> None:
        result, partial = added
        if partial is not None:
            self.main.summary.prepared(result.id, options, partial)
        if result.created:
            batch.added += 1
        else:
            batch.existing += 1
        batch.last_id = result.id
        if result.near_duplicate_of is not None and result.created:
            batch.problems.append(Problem(path, "added; it looks like an article already in your library"))
        self._batch_step(batch)

    def _load_failed(self, batch: _Batch, path: str, exc: BaseException) -> None:
        batch.problems.append(Problem(path, message(exc, path)))
        self._batch_step(batch)

    def _batch_step(self, batch: _Batch) -> None:
        batch.pending -= 1
        if batch.pending > 0:
            return
        self.main.library.refresh()
        errors = [p for p in batch.problems if not p.message.startswith("added;")]
        if len(batch.problems) == 1 and batch.added + batch.existing <= 1:
            kind = "error" if errors else "info"
            self.view.show_status(Status(batch.problems[0].message, kind))
            if errors:  # a window, not only a red line in the status bar that is easy to miss
                self.view.show_problems(problem_title(1, batch.added), errors)
        elif batch.problems:
            self.view.show_problems(problem_title(len(errors), batch.added), batch.problems)
            self.view.show_status(Status(summary_text(batch.added, batch.existing, len(errors)),
                                         "error" if errors else "info"))
        elif batch.added + batch.existing > 1:
            self.view.show_status(Status(summary_text(batch.added, batch.existing, 0), "success"))
        elif batch.existing:
            self.view.show_status(Status("Already in your library"))
        else:
            self.view.show_status(Status("Added to your library", "success"))
        if batch.last_id is not None:
            self.main.select(batch.last_id)

    def _bulk_import(self, paths: list[str]) -> None:
        if self.importing:
            self.view.show_status(Status("An import is already running", "error"))
            return
        self.importing = True
        self._cancel_import = False
        self.view.show_progress(Progress(0, 0, "Looking for articles…"))

        def progress(done: int, total: int, name: str) -> None:
            self.main.runner.call_soon(lambda: self._import_progress(done, total, name))

        def work() -> Any:
            lib = self._worker_library()
            try:
                return self._import_fn(lib, paths, progress, lambda: self._cancel_import)
            finally:
                if lib is not self.main.lib:
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
        self.main.library.refresh()
        errors = [Problem(str(path), text) for path, text in report.errors]
        added = _count(report.added)
        existing = _count(report.existing)
        text = summary_text(added, existing, len(errors))
        if report.cancelled:
            text = "Import cancelled. " + text
        self.view.show_status(Status(text, "error" if errors else "success"))
        if errors:
            self.view.show_problems(problem_title(len(errors), added), errors)
        if self.main.entry is None:
            rows = self.main.lib.list(sort="added", limit=1)
            if rows:
                self.main.select(rows[0].id)

    def _import_failed(self, exc: BaseException) -> None:
        self.importing = False
        self.view.show_progress(None)
        self.main.library.refresh()
        self.view.show_status(Status(message(exc), "error"))

    # ----- export ---------------------------------------------------------------------------------

    def _markdown(self) -> str | None:
        if self.main.digest is None:
            text = "Nothing to export yet" if self.main.entry is None else "The summary is still being made"
            self.view.show_status(Status(text, "error"))
            return None
        from desktop.core.export import to_markdown

        return to_markdown(self.main.digest, highlights=self.main.highlights.for_export())

    def export_markdown(self) -> None:
        markdown = self._markdown()
        if markdown is None:
            return
        path = self.view.ask_save_path(slug(self.main.digest.article.title) + ".md",
                                       self.main.settings.last_folder)
        if not path:
            return
        from desktop.core.files import write_atomic

        try:
            written = write_atomic(path, markdown)
        except PrecisError as exc:
            self.view.show_status(Status(str(exc), "error"))
            return
        self._remember_folder(Path(written).parent)
        self.view.show_status(Status(f"Exported to {written}", "success"))

    def copy_markdown(self) -> None:
        markdown = self._markdown()
        if markdown is not None:
            self.view.copy_to_clipboard(markdown)
            self.view.show_status(Status("Copied the summary as Markdown", "success"))
