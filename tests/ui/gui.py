"""Helpers for the tests that drive the real window under Xvfb: wait for worker results without sleeps
of fixed length, and tell when the summary is shown."""

from __future__ import annotations

import time
from collections.abc import Callable

from desktop.app import Session


def wait_for(app: Session, condition: Callable[[], object], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.root.update()
        if condition():
            return
        time.sleep(0.005)
    raise AssertionError("timed out waiting for the window")


def summary_ready(app: Session) -> bool:
    s = app.window.summary.summary
    return bool(s and s.sentences) and all(r.idle() for r in app.runners)
