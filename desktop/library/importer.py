"""Files and folders -> the library: progress through a callback, per-file errors, cancel.

Folders are walked recursively for text-like files (TEXT_EXTENSIONS; hidden files and folders are
skipped); files named explicitly are always tried. One bad file never stops the batch: its error is
collected in ImportReport.errors as (path, message). Articles are committed in small batches, so a
crash or a cancel keeps everything imported before it. When the library itself cannot take a write
(disk full, read-only), the import stops with one error instead of failing every remaining file.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.model import Article, Facts, Source
from desktop.library.store import Library, compute_facts

log = logging.getLogger(__name__)

TEXT_EXTENSIONS = frozenset({
    ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".md", ".markdown", ".mdown", ".mkd",
    ".docx", ".epub", ".pdf",
})
BATCH = 20  # articles per transaction: fewer fsyncs, and a kill loses at most the batch in flight

Progress = Callable[[int, int, str], None]


@dataclass
class ImportReport:
    added: list[int] = field(default_factory=list)
    existing: list[int] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    stopped: bool = False  # the library could not take more writes (disk full...): the rest was skipped


def collect_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand folders (recursively, text-like files only, sorted); report paths that do not exist."""
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = sorted(_walk(p))
        elif p.exists():
            found = [p]
        else:
            errors.append((str(p), f"{p}: no such file or folder"))
            continue
        for f in found:
            key = f.absolute()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, errors


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder, onerror=lambda exc: log.warning("%s", exc)):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in TEXT_EXTENSIONS:
                yield Path(root) / name


def prepare(path: Path) -> tuple[Source, Article, Facts]:
    """Load, clean and find the facts of one file (the slow part, no database involved)."""
    from desktop.core.clean import clean_source
    from desktop.core.read import load_path

    source = load_path(path)
    article = clean_source(source)
    return source, article, compute_facts(article)


def import_paths(lib: Library, paths: Sequence[str | Path], progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None) -> ImportReport:
    """Import files and folders; progress(done, total, current file name) after each file."""
    files, errors = collect_files(paths)
    report = ImportReport(errors=errors)
    total = len(files)
    batch: list[tuple[Path, Source, Article, Facts]] = []
    processed = 0

    def flush(done: int) -> None:
        if not batch:
            return
        try:
            results = lib.add_many([(s, a, f) for _, s, a, f in batch])
        except PrecisError:
            # The batch may not fit on a nearly full disk: retry one by one to keep what fits.
            results = []
            for n, (path, s, a, f) in enumerate(batch):
                try:
                    results.append(lib.add(s, a, f))
                except PrecisError as exc:
                    # A single add fails only when the library cannot take writes (disk full,
                    # read-only, damaged, busy): every later file would fail the same way, so stop
                    # with one message instead of one per file.
                    left = len(batch) - n + total - done
                    report.errors.append((str(path), f"{exc} The import stopped there: {left} of "
                                                     f"{total} files were not added."))
                    report.stopped = True
                    break
        for result in results:
            (report.added if result.created else report.existing).append(result.id)
        batch.clear()

    for done, path in enumerate(files, start=1):
        if cancel is not None and cancel():
            report.cancelled = True
            break
        try:
            source, article, facts = prepare(path)
        except PrecisError as exc:
            report.errors.append((str(path), str(exc)))
        except Exception as exc:  # a cleaner bug on one odd file must not stop the batch
            log.exception("importing %s failed", path)
            report.errors.append((str(path), f"{path.name}: could not be read ({exc})"))
        else:
            batch.append((path, source, article, facts))
            if len(batch) >= BATCH:
                flush(done)
                if report.stopped:
                    break
        if progress is not None:
            progress(done, total, path.name)
        processed = done
    if not report.stopped:
        flush(processed)
    return report
