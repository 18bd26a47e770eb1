"""Slow work off the Tk thread: one worker thread, results handed back through a queue polled with after().

`SyncRunner` does the same synchronously, for presenter tests without a display.
A task may carry a key: a newer task with the same key supersedes older ones (skipped if not started,
result dropped if finished late), so dragging the length control never piles up stale summaries.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
_Job = tuple[int, "str | None", Callable[[], Any], Done, Failed]


class Runner(Protocol):
    def submit(self, work: Callable[[], Any], done: Done, failed: Failed, key: str | None = None) -> None:
        """Run work() in the background; then done(result) or failed(exc) on the UI thread."""

    def call_soon(self, fn: Callable[[], None]) -> None:
        """Run fn on the UI thread; safe to call from any thread."""


class SyncRunner:
    """Runs everything at once on the calling thread (tests, scripts)."""

    def submit(self, work: Callable[[], Any], done: Done, failed: Failed, key: str | None = None) -> None:
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001 - handed to the caller's failed()
            failed(exc)
        else:
            done(result)

    def call_soon(self, fn: Callable[[], None]) -> None:
        fn()


class ThreadRunner:
    """One daemon worker thread; `after` is the Tk widget's after method, used to poll for results."""

    POLL_MS = 20  # with nothing to do: a quiet timer
    BUSY_POLL_MS = 4  # just after work is handed over: its result shows within a few ms of being ready
    BUSY_FOR = 0.5  # seconds of the busy pace after a hand-over (a long job then waits at the quiet pace,
    # so that the timer does not take the interpreter from the worker 250 times a second)

    def __init__(self, after: Callable[[int, Callable[[], None]], Any], paused: bool = False) -> None:
        self._after = after
        # Paused: jobs wait until resume(), so that the start-up's heavy imports (numpy, NLTK's Punkt)
        # do not compete with the window for the interpreter before it shows.
        self._go = threading.Event()
        if not paused:
            self._go.set()
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._results: queue.Queue[Callable[[], None]] = queue.Queue()
        self._latest: dict[str, int] = {}
        self._serial = 0
        self._lock = threading.Lock()
        self._closed = False
        self._chain = 0  # the polling timer's generation: a restarted timer ends the older one
        self._hurry_until = 0.0
        self._thread = threading.Thread(target=self._work_loop, name="precis-worker", daemon=True)
        self._thread.start()
        self._schedule(self.POLL_MS)

    def submit(self, work: Callable[[], Any], done: Done, failed: Failed, key: str | None = None) -> None:
        with self._lock:
            self._serial += 1
            serial = self._serial
            if key is not None:
                self._latest[key] = serial
        self._jobs.put((serial, key, work, done, failed))
        self._hurry()

    def call_soon(self, fn: Callable[[], None]) -> None:
        self._results.put(fn)

    def resume(self) -> None:
        """Start working through the jobs (a runner made with paused=True waits for this)."""
        self._go.set()
        self._hurry()

    def _busy(self) -> bool:
        return (self._go.is_set() and time.monotonic() < self._hurry_until
                and (self._jobs.unfinished_tasks > 0 or not self._results.empty()))

    def _hurry(self) -> None:
        """Work was just handed over (on the UI thread): poll at the busy pace for a while."""
        if threading.current_thread() is threading.main_thread() and not self._closed:
            self._hurry_until = time.monotonic() + self.BUSY_FOR
            if self._busy():
                self._schedule(self.BUSY_POLL_MS)

    def _schedule(self, ms: int) -> None:
        self._chain += 1
        chain = self._chain
        try:
            self._after(ms, lambda: self._poll(chain))
        except Exception:  # noqa: BLE001 - the Tk root is gone (TclError): stop polling
            self._closed = True

    def close(self) -> None:
        self._closed = True
        self._jobs.put(None)
        self._go.set()

    def idle(self) -> bool:
        """No job queued or running and no result waiting (used by tests and the screenshot script)."""
        return self._jobs.unfinished_tasks == 0 and self._results.empty()

    def _current(self, serial: int, key: str | None) -> bool:
        with self._lock:
            return key is None or self._latest.get(key) == serial

    def _work_loop(self) -> None:
        self._go.wait()
        while True:
            job = self._jobs.get()
            try:
                if job is None:
                    return
                serial, key, work, done, failed = job
                if not self._current(serial, key):
                    continue
                try:
                    result = work()
                except Exception as exc:  # noqa: BLE001 - reported on the UI thread by failed()
                    self._results.put(self._deliver(serial, key, failed, exc))
                else:
                    self._results.put(self._deliver(serial, key, done, result))
            finally:
                self._jobs.task_done()

    def _deliver(self, serial: int, key: str | None, callback: Callable[[Any], None], value: Any):
        def deliver() -> None:
            if self._current(serial, key):
                callback(value)
        return deliver

    def _poll(self, chain: int | None = None) -> None:
        if self._closed or (chain is not None and chain != self._chain):
            return  # closed, or a newer timer took over
        try:
            while True:
                fn = self._results.get_nowait()
                try:
                    fn()
                except Exception:  # a bug in a callback must not stop the polling loop
                    log.exception("callback failed")
        except queue.Empty:
            pass
        if not self._closed:
            self._schedule(self.BUSY_POLL_MS if self._busy() else self.POLL_MS)
