"""Files and folders -> the library: progress through a callback, per-file errors, cancel.

Folders are walked recursively for text-like files (TEXT_EXTENSIONS; hidden files and folders are
skipped); files named explicitly are always tried. One bad file never stops the batch: its error is
collected in ImportReport.errors as (path, message). Articles are committed in small batches, so a
crash or a cancel keeps everything imported before it. When the library itself cannot take a write
(disk full, read-only), the import stops with one error instead of failing every remaining file.

Reading, cleaning, finding the facts and making each article's row (hash, sketch, compressed blobs:
desktop.library.rows) run in a pool of worker processes, one per core, while this process stays the
one writer, which only runs SQL: results are taken in file order, so progress, errors and batches
are exactly as with one process. Cancel stops handing out files and drops the ones not
started. Few files, one core, or a pool that cannot start (no /dev/shm...) mean no pool.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.files import display_name
from desktop.library.rows import Row, make_row
from desktop.library.store import Library, compute_facts

log = logging.getLogger(__name__)

TEXT_EXTENSIONS = frozenset({
    ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".md", ".markdown", ".mdown", ".mkd",
    ".docx", ".epub", ".pdf",
})
BATCH = 20  # articles per transaction: fewer fsyncs, and a kill loses at most the batch in flight
POOL_MIN_FILES = 8  # below this, starting worker processes costs more than it saves
CHUNK = 4  # files per task: the pool's own cost per task (pickling, its threads' wake-ups) is paid once
AHEAD = 3  # tasks handed out per worker before their results are taken: bounds memory, absorbs the
# writer's pauses (a checkpoint's fsync) without leaving the workers idle

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
            found = sorted(_walk(p, errors))
        elif p.exists():
            found = [p]
        else:
            errors.append((str(p), f"{display_name(str(p))}: no such file or folder"))
            continue
        for f in found:
            key = f.absolute()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, errors


def _walk(folder: Path, errors: list[tuple[str, str]]) -> Iterator[Path]:
    def unreadable(exc: OSError) -> None:  # a folder inside that cannot be listed: one line, go on
        where = exc.filename if isinstance(exc.filename, str) else str(folder)
        errors.append((where, f"{display_name(where)}: cannot read this folder ({exc.strerror or exc})"))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in TEXT_EXTENSIONS:
                yield Path(root) / name


def prepare(path: Path) -> Row:
    """Load, clean and find the facts of one file, and make its row: all but the database's part."""
    from desktop.core.clean import clean_source
    from desktop.core.read import load_path

    source = load_path(path)
    article = clean_source(source)
    return make_row(source, article, compute_facts(article))


Prepared = Row | BaseException


def _prepare_safely(path: Path) -> Prepared:
    """prepare() in a worker: a failure comes back as a value (as picklable text when it is not ours)."""
    _quiet()
    try:
        return prepare(path)
    except PrecisError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - reported for this file; the batch goes on
        log.debug("importing %s failed", path, exc_info=True)  # one line in the report, no traceback
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _quiet() -> None:
    """A worker process prints nothing itself: without a handler, logging would print the reader
    libraries' warnings (and our own) to stderr through its last-resort handler."""
    import multiprocessing

    if multiprocessing.parent_process() is None:
        return  # not a worker (an import in one process): the program decides what it prints
    root = logging.getLogger()
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())
        warnings.simplefilter("ignore")


def _prepare_chunk(paths: Sequence[Path]) -> list[Prepared]:
    return [_prepare_safely(path) for path in paths]


def _serial(files: Sequence[Path], cancel: Callable[[], bool] | None) -> Iterator[Prepared | None]:
    for path in files:
        if cancel is not None and cancel():
            yield None
            return
        yield _prepare_safely(path)


def _pooled(files: Sequence[Path], cancel: Callable[[], bool] | None, workers: int
            ) -> Iterator[Prepared | None]:
    """Each file's result in file order, prepared by worker processes; None once cancelled."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # forkserver: workers fork from a clean single-threaded process, never from this one (the window's
    # threads and the open database must not be copied into them).
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # The server loads the readers, the cleaner and the facts once (not the __main__ module, which
        # would start the program again); each worker is a fork of it, instead of importing them itself.
        context.set_forkserver_preload(["desktop.library.importer", "desktop.core.pipeline",
                                        "desktop.core.facts.extract"])
    else:
        context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_leave_with,
                               initargs=(os.getpid(),))
    chunk = max(1, min(CHUNK, len(files) // (workers * 2)))  # few files: every worker gets some
    try:
        pending: deque = deque()
        queued = taken = 0
        done: deque[Prepared] = deque()  # results of the task taken last, not yet handed on
        while taken < len(files):
            while queued < len(files) and len(pending) < workers * AHEAD:
                pending.append(pool.submit(_prepare_chunk, files[queued:queued + chunk]))
                queued += chunk
            if cancel is not None and cancel():
                yield None
                return
            if not done:
                try:
                    done.extend(pending.popleft().result())
                except BrokenProcessPool:  # a worker died (a crash in a reader library): go on without them
                    log.warning("the import's worker processes stopped; going on in one process")
                    yield from _serial(files[taken:], cancel)
                    return
            taken += 1
            yield done.popleft()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_with(importer: int) -> None:
    """In a worker: exit once the importing process is gone. A killed importer (SIGKILL) cannot tell
    its workers, and they would otherwise wait for work forever, keeping the fork server alive too."""
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(importer, 0)
            except ProcessLookupError:
                os._exit(0)
            except OSError:
                pass

    threading.Thread(target=watch, name="precis-import-watch", daemon=True).start()


def _results(files: Sequence[Path], cancel: Callable[[], bool] | None) -> Iterator[Prepared | None]:
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(files) < POOL_MIN_FILES:
        yield from _serial(files, cancel)
        return
    try:
        results = _pooled(files, cancel, workers)
        first = next(results, None) if files else None
    except (OSError, ImportError, RuntimeError) as exc:  # no pool here: one process does it all
        log.warning("import without worker processes (%s)", exc)
        yield from _serial(files, cancel)
        return
    yield first
    yield from results


def import_paths(lib: Library, paths: Sequence[str | Path], progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None) -> ImportReport:
    """Import files and folders; progress(done, total, current file name) after each file."""
    files, errors = collect_files(paths)
    report = ImportReport(errors=errors)
    total = len(files)
    batch: list[tuple[Path, Row]] = []
    processed = 0

    def flush(done: int) -> None:
        if not batch:
            return
        try:
            results = lib.add_rows([row for _, row in batch])
        except Exception:  # noqa: BLE001 - the cause is found file by file below
            # The batch may not fit on a nearly full disk: retry one by one to keep what fits.
            results = []
            for n, (path, row) in enumerate(batch):
                try:
                    results.append(lib.add_rows([row])[0])
                except PrecisError as exc:
                    # A single add fails only when the library cannot take writes (disk full,
                    # read-only, damaged, busy): every later file would fail the same way, so stop
                    # with one message instead of one per file.
                    left = len(batch) - n + total - done
                    report.errors.append((str(path), f"{exc} The import stopped there: {left} of "
                                                     f"{total} files were not added."))
                    report.stopped = True
                    break
                except Exception as exc:  # noqa: BLE001 - one file the store cannot take: that file only
                    log.debug("adding %s failed", path, exc_info=True)
                    report.errors.append((str(path), f"{display_name(path.name)}: could not be added "
                                                     f"({exc.__class__.__name__}: {exc})"))
        for result in results:
            (report.added if result.created else report.existing).append(result.id)
        batch.clear()

    results = _results(files, cancel)
    try:
        for done, (path, prepared) in enumerate(zip(files, results, strict=False), start=1):
            if prepared is None:
                report.cancelled = True
                break
            if isinstance(prepared, PrecisError):
                report.errors.append((str(path), str(prepared)))
            elif isinstance(prepared, BaseException):
                report.errors.append((str(path), f"{display_name(path.name)}: could not be read ({prepared})"))
            else:
                batch.append((path, prepared))
                if len(batch) >= BATCH:
                    flush(done)
                    if report.stopped:
                        break
            if progress is not None:
                progress(done, total, display_name(path.name))
            processed = done
    finally:
        results.close()  # a stop or a cancel: the pool drops the files not started
    if not report.stopped:
        flush(processed)
    return report
