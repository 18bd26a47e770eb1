"""The presenters' test bench: a MainPresenter over a fake view, an in-memory library and a synchronous
runner (no display needed), and a small article to open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.clean import clean_source
from desktop.core.errors import PrecisError
from desktop.core.read import load_path
from desktop.library.settings import Settings
from desktop.ui.presenters import MainPresenter
from desktop.ui.tasks import SyncRunner
from tests.ui.fakes import FakeLibrary, FakeView, ImportReport

ARTICLE = """Harbour Town Opens New Library

The new library in Harbour Town opened on Monday after three years of building work.

Mayor Ana Ruiz said the building would serve 40,000 residents. "Books are for everyone," she said.

The library holds 120,000 books and a large children's section. It cost 12 million euros.

Volunteers from the Harbour Reading Club helped move the books over two weeks. The club has met
every Tuesday since 1998. Local schools will visit the library each month.

Share this article
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path

def simple_importer(lib, paths, progress, cancel):
    """Walks folders and adds each file: stands in for desktop.library.importer in these tests."""
    files = []
    for p in map(Path, paths):
        files += sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
    added = existing = 0
    errors = []
    for n, f in enumerate(files, 1):
        if cancel():
            return ImportReport(added, existing, errors, True)
        try:
            source = load_path(f)
            result = lib.add(source, clean_source(source))
        except PrecisError as exc:
            errors.append((str(f), str(exc)))
        else:
            added += result.created
            existing += not result.created
        progress(n, len(files), f.name)
    return ImportReport(added, existing, errors)

class Harness:
    def __init__(self, sample: Path, settings: Settings | None = None, library: Any = None,
                 runner: Any = None):
        self.view = FakeView()
        self.lib = library or FakeLibrary()
        self.saved: list[Settings] = []
        self.presenter = MainPresenter(
            self.view, self.lib, runner or SyncRunner(), settings or Settings(), self.saved.append,
            sample=sample, data_dir="/data", importer=simple_importer,
        )

def shown_text(view: FakeView) -> str:
    return "\n".join(p.text for p in view.article.paragraphs)
