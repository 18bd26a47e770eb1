"""Start-up: the Tk thread imports none of the summarisers' heavy packages, and a remembered
article's summary and facts come from the library's digest cache (nothing recomputed); the first run
finds the sample's facts once, for the digest and the search index alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

HEAVY = ("numpy", "scipy", "nltk", "sumy")
# babel loads the person's date format once (the first run); later runs remember it (date_cache.py).
# Either way it loads on a worker: on the Tk thread it would delay the first run's summary. (Its
# submodules are watched: date_cache looks for the package's data file with find_spec("babel").)
WATCHED = HEAVY + ("babel.",)

# Run in a fresh interpreter: this test process has imported everything already.
SCRIPT = textwrap.dedent("""
    import importlib.abc, json, sys, threading, time
    WATCHED = %r
    on_tk = []

    class Watch(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if ((name.split(".")[0] in WATCHED or name.startswith(WATCHED)) and name not in sys.modules
                    and threading.current_thread() is threading.main_thread()):
                on_tk.append(name)
            return None

    sys.meta_path.insert(0, Watch())
    import desktop.core.pipeline as pipeline
    computed = []
    real = pipeline.digest_article
    pipeline.digest_article = lambda *a, **k: computed.append(1) or real(*a, **k)
    import desktop.library.articles as articles
    indexed = []  # facts found for the search index apart from the digest's
    real_facts = articles.compute_facts
    articles.compute_facts = lambda *a, **k: indexed.append(1) or real_facts(*a, **k)

    from desktop.app import build
    app = build([])
    start = time.monotonic()
    while time.monotonic() - start < 120:
        app.root.update()
        if app.presenter.digest is not None and all(r.idle() for r in app.runners):
            break
        time.sleep(0.005)
    digest = app.presenter.digest
    app.destroy()
    print(json.dumps({"tk": on_tk, "computed": len(computed), "indexed": len(indexed),
                      "summary": [s.text for s in digest.summary.sentences] if digest else None,
                      "people": [f.text for f in digest.facts.people] if digest else None}))
""") % (WATCHED,)


def launch(data: Path) -> dict:
    env = dict(os.environ, PRECIS_DATA_DIR=str(data))
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env,
                          timeout=300, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_opening_the_window_imports_nothing_heavy_on_the_tk_thread_and_remembers_the_digest(
        tmp_path: Path) -> None:
    first = launch(tmp_path)  # the first run: the sample is imported and summarised
    assert first["summary"] and first["people"]
    assert first["computed"] == 1
    assert first["indexed"] == 0  # the index takes the digest's facts: they are found once
    assert first["tk"] == []
    again = launch(tmp_path)  # the sample is remembered: its digest comes from the cache
    assert again["computed"] == 0
    assert again["summary"] == first["summary"] and again["people"] == first["people"]
    assert again["tk"] == [], again["tk"]
