"""The window stays responsive while a 100,000-word article is summarised in the worker.

The real app (desktop.app.build: real library, real worker threads, real Tk under the virtual display
that pytest-xvfb started) runs in a child process with its own root: ttkbootstrap's Style binds to the
first root of a process, so a second root next to tests/ui/test_window.py's session root would break
one of them; a child process also measures the app as a person runs it, without pytest on its thread.
A ticker re-arms `after(10)` and records the gap between runs: the longest gap is the longest time the
event loop could not answer a click or a redraw.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.hardening.helpers import ROOT
from tests.library.articles import article_text

TITLE = "A Very Long Report On The Harbour"
WORDS = 100_000
MAX_STALL = 0.250  # seconds; generous for a loaded 2-core machine (about 0.06 s measured when quiet)
MAX_OPEN_STALL = 1.0  # the whole opening, including what the window does itself on its own thread

PROBE = r"""
import json, sys, time
from desktop.app import build

path, title = sys.argv[1], sys.argv[2]
app = build([])  # the sample article first, as at a first start
root, window = app.root, app.window
marks = {}
ticks = []  # when each tick ran
state = {"phase": "sample"}


def idle():
    return all(r.idle() for r in app.runners)


show_article, show_summary = window.show_article, window.show_summary


def article_shown(view):
    if view is not None and title in str(getattr(view, "title", "")) and "article" not in marks:
        marks["article"] = time.perf_counter()  # before the Tk thread lays out the long text
    show_article(view)


def summary_shown(view):
    show_summary(view)
    if "article" in marks and view is not None and getattr(view, "sentences", None) and "summary" not in marks:
        marks["summary"] = time.perf_counter()
        marks["sentences"] = len(view.sentences)
        state["phase"] = "after"


window.show_article, window.show_summary = article_shown, summary_shown


def tick():
    ticks.append(time.perf_counter())
    if state["phase"] == "sample":
        summary = window.summary.summary
        if summary is not None and summary.sentences and idle():
            state["phase"] = "opening"
            marks["open"] = time.perf_counter()
            app.presenter.transfer.open_paths([path])  # as a drop or File > Open does, on the Tk thread
    elif state["phase"] == "after" and idle():
        marks["done"] = time.perf_counter()
        root.quit()
        return
    root.after(10, tick)


root.after(10, tick)
root.after(150_000, root.quit)
root.mainloop()
print(json.dumps({"marks": marks, "title": root.title(), "ticks": ticks}))
app.destroy()
"""


def _big_article(path: Path) -> int:
    parts, words, seed = [TITLE, ""], 0, 0
    while words < WORDS:
        body = article_text(seed, paragraphs=6).split("\n", 2)[2]  # paragraphs without their title
        parts.append(body)
        words += len(body.split())
        seed += 1
    path.write_text("\n".join(parts), encoding="utf-8")
    return words


def test_the_event_loop_never_stalls_while_the_worker_summarises_100k_words(tmp_path: Path) -> None:
    assert os.environ.get("DISPLAY"), "pytest-xvfb provides the display"
    big = tmp_path / "long report.txt"
    assert _big_article(big) >= WORDS
    proc = subprocess.run([sys.executable, "-c", PROBE, str(big), TITLE], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    marks, ticks = result["marks"], result["ticks"]
    # The summary of the long article eventually appears, and the window names it.
    assert {"open", "article", "summary", "done"} <= set(marks), (marks, proc.stderr[-2000:])
    assert marks["sentences"] >= 1 and TITLE in result["title"]
    gaps = [(a, b) for a, b in zip(ticks, ticks[1:], strict=False) if a >= marks["open"]]
    # Reading, cleaning, summarising and storing (before the article shows), then finding the facts
    # (after its summary shows), in the worker: the event loop kept turning all along (on the Tk
    # thread, each would be one long gap with no tick in it).
    working = [b - a for a, b in gaps if b <= marks["article"]]
    facts = [b - a for a, b in gaps if a >= marks["summary"]]
    for part, seconds in ((working, marks["article"] - marks["open"]), (facts, marks["done"] - marks["summary"])):
        assert len(part) >= seconds / 0.040 - 1, (seconds, len(part))
    print(f"\nin the worker {marks['article'] - marks['open']:.2f} s before the article, "
          f"{marks['done'] - marks['summary']:.2f} s after its summary; longest stall "
          f"{max(working + facts) * 1000:.0f} ms; showing it (on the Tk thread) "
          f"{max(b - a for a, b in gaps) * 1000:.0f} ms")
    assert max(working + facts) < MAX_STALL, sorted(working + facts)[-5:]
    assert max(b - a for a, b in gaps) < MAX_OPEN_STALL
