"""The worker runner's timer (desktop/ui/tasks.py): brisk just after work is handed over, so a result
shows within a few ms of being ready; quiet otherwise; one timer at a time."""

from __future__ import annotations

import time

from desktop.ui.tasks import ThreadRunner


class Timer:
    """Stands for Tk's after(): records the timers set and fires them on demand."""

    def __init__(self) -> None:
        self.set: list[tuple[int, object]] = []

    def after(self, ms: int, fn) -> None:
        self.set.append((ms, fn))

    def fire_latest_until(self, done, seconds: float = 10.0) -> None:
        deadline = time.monotonic() + seconds
        while not done():
            assert time.monotonic() < deadline
            self.set[-1][1]()
            time.sleep(0.002)


def test_the_timer_hurries_while_handed_work_is_under_way_then_goes_quiet() -> None:
    timer = Timer()
    runner = ThreadRunner(timer.after, paused=True)
    assert timer.set[-1][0] == ThreadRunner.POLL_MS
    got: list[int] = []
    runner.submit(lambda: 6 * 7, got.append, lambda exc: None)
    assert timer.set[-1][0] == ThreadRunner.POLL_MS  # paused: nothing will come, no hurry
    runner.resume()
    assert timer.set[-1][0] == ThreadRunner.BUSY_POLL_MS
    timer.fire_latest_until(lambda: got)
    assert got == [42]
    assert timer.set[-1][0] == ThreadRunner.POLL_MS  # nothing left to wait for
    runner.close()


def test_an_older_timer_does_nothing_once_a_newer_one_is_set() -> None:
    timer = Timer()
    runner = ThreadRunner(timer.after)
    first = timer.set[-1][1]
    got: list[str] = []
    runner.submit(lambda: "done", got.append, lambda exc: None)  # sets a newer, brisk timer
    timer.fire_latest_until(lambda: runner.idle() or bool(got))
    count = len(timer.set)
    first()  # the original timer fires late: it neither delivers nor sets another
    assert len(timer.set) == count
    timer.fire_latest_until(lambda: got)
    assert got == ["done"]
    runner.close()
