"""The real window under a virtual display (pytest-xvfb): sample, drop, export, theme and font memory.

Each test builds the whole app (real library in the test's data dir, real worker threads) and waits for
worker results with update() loops and a timeout, never fixed sleeps.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.app import Session, after_shown, build
from desktop.library.settings import Settings, load_settings
from tests.sample_truth import JUNK, TITLE

HARBOUR = """Harbour Town Opens New Library

The new library in Harbour Town opened on Monday after three years of building work.

Mayor Ana Ruiz said the building would serve 40,000 residents. "Books are for everyone," she said.

The library holds 120,000 books and a large children's section. It cost 12 million euros.
"""

MILL = """The Old Mill Reopens as a Museum

The old mill on the river reopened on Saturday as a museum of local industry.

Curator Tomas Berg said the museum expects 30,000 visitors in its first year.

Its water wheel, restored by volunteers, turns again for the first time since 1961.
"""


def wait_for(app: Session, condition: Callable[[], object], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.root.update()
        if condition():
            return
        time.sleep(0.005)
    raise AssertionError("timed out waiting for the window")


@pytest.fixture(scope="session")
def shared_root():
    """One root for the session: ttkbootstrap's Style binds to the first root (see FIELD-NOTES)."""
    import ttkbootstrap as ttk

    from desktop.ui.theme import register_themes

    register_themes()
    root = ttk.Window(title="Précis", theme="precis-light", iconphoto=None)
    yield root
    root.destroy()


@pytest.fixture
def open_app(shared_root):
    apps: list[Session] = []

    def make(files: tuple[str, ...] = ()) -> Session:
        app = build(list(files), root=shared_root)
        apps.append(app)
        app.root.update()
        return app

    yield make
    for app in apps:
        app.destroy(keep_root=True)


def summary_ready(app: Session) -> bool:
    s = app.window.summary.summary
    return bool(s and s.sentences) and all(r.idle() for r in app.runners)


def test_sample_opens_clean_with_a_five_sentence_summary(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    reader = app.window.reader
    text = reader.plain_text()
    assert text.startswith(TITLE)
    assert [junk for junk in JUNK if junk in text] == []
    assert app.root.title() == f"Précis — {TITLE}"
    sentences = app.window.summary.sentence_texts()
    assert len(sentences) == 5
    listed = app.window.summary.sentences.get("1.0", "end")
    assert all(s in listed for s in sentences)
    assert reader.highlighted() == sentences  # highlighted in the reading view, in order
    assert app.window.library.titles() == [TITLE]


def test_clicking_a_summary_sentence_flashes_it_in_the_reader(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    pane = app.window.summary
    last = pane.summary.sentences[-1]
    first_char = pane.sentences.tag_ranges(f"s{last.index}")[0]
    pane.sentences.see(first_char)
    wait_for(app, lambda: pane.sentences.bbox(first_char) is not None)
    bbox = pane.sentences.bbox(first_char)
    x, y = bbox[0] + 2, bbox[1] + 2
    pane.sentences.event_generate("<Enter>", x=x, y=y)
    pane.sentences.event_generate("<Motion>", x=x, y=y)  # tag bindings follow the "current" mark
    pane.sentences.event_generate("<Button-1>", x=x, y=y)
    wait_for(app, lambda: app.window.reader.flashed_text() == last.text)


def drop(app: Session, paths: list[Path]) -> None:
    """Drive tkdnd's own drop procedures, as a file manager's drop would."""
    root = app.root
    target = str(root)
    x, y = root.winfo_rootx() + 300, root.winfo_rooty() + 300
    data = root.tk.call("list", *[str(p) for p in paths])
    root.tk.eval(f"::tkdnd::generic::HandleEnter {target} 0 {{text/uri-list}} {{}} {{copy}} {{}}")
    root.tk.call("::tkdnd::generic::SetDroppedData", data)
    root.tk.eval(f"::tkdnd::generic::HandlePosition {target} {{}} {{}} {x} {y} copy")
    root.tk.eval(f"::tkdnd::generic::HandleDrop {{}} {{}} {{}} {x} {y} 0")
    root.tk.eval("::tkdnd::generic::HandleLeave")


def test_dropping_two_files_adds_both_to_the_library(open_app, tmp_path: Path) -> None:
    app = open_app()
    after_shown(app)
    wait_for(app, lambda: summary_ready(app))
    odd = tmp_path / "my saved café article.txt"
    odd.write_text(HARBOUR, encoding="utf-8")
    plain = tmp_path / "mill.txt"
    plain.write_text(MILL, encoding="utf-8")
    drop(app, [odd, plain])
    wait_for(app, lambda: len(app.window.library.titles()) == 3 and summary_ready(app))
    titles = app.window.library.titles()
    assert "Harbour Town Opens New Library" in titles
    assert "The Old Mill Reopens as a Museum" in titles
    assert app.root.title() == "Précis — The Old Mill Reopens as a Museum"


def test_export_button_writes_the_markdown_file(open_app, tmp_path: Path, monkeypatch) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    target = tmp_path / "exported.md"
    asked = {}

    def fake_dialog(**options):
        asked.update(options)
        return str(target)

    monkeypatch.setattr("desktop.ui.dialogs.filedialog.asksaveasfilename", fake_dialog)
    app.window.summary.export_button.invoke()
    markdown = target.read_text(encoding="utf-8")
    assert asked["initialfile"] == "syrian-rebels-take-control-of-hama-from-assad-s-forces.md"
    assert markdown.startswith("---\n")
    assert f"# {TITLE}" in markdown
    summary = markdown.split("## Summary", 1)[1].split("## Key facts", 1)[0]
    assert len([line for line in summary.splitlines() if line.startswith("- ")]) == 5
    assert "Exported to" in app.window.status.message.cget("text")


def test_theme_and_font_size_are_remembered_after_restart(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    app.window.reader.text.focus_set()
    view_menu = app.window._menus[3]
    dark = next(i for i in range(view_menu.index("end") + 1)
                if view_menu.type(i) == "radiobutton" and view_menu.entrycget(i, "label") == "Dark Theme")
    view_menu.invoke(dark)
    for _ in range(2):
        app.window.reader.text.event_generate("<Control-equal>")
    app.root.update()
    size = Settings().font_size + 2
    assert app.root.style.theme_use() == "precis-dark"
    assert app.window.reader.body_font.cget("size") == size
    assert app.window.reader.text.cget("background") == "#1d1f23"
    app.window.close()
    app.destroy(keep_root=True)

    assert load_settings().theme == "dark"
    again = open_app()
    wait_for(again, lambda: summary_ready(again))
    assert again.root.style.theme_use() == "precis-dark"
    assert again.window.reader.body_font.cget("size") == size
    assert again.window.reader.plain_text().startswith(TITLE)  # the last article, not a new sample copy
    assert again.window.library.titles() == [TITLE]


def test_delete_then_undo_from_the_status_bar(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    app.window.reader.text.focus_set()
    app.window.reader.text.event_generate("<Delete>")
    app.root.update()
    assert app.window.library.titles() == []
    assert app.window.reader.plain_text().startswith("Nothing open")
    assert app.window.status.action.winfo_ismapped()
    app.window.status.action.invoke()
    wait_for(app, lambda: summary_ready(app))
    assert app.window.library.titles() == [TITLE]


def test_typing_in_search_filters_the_list(open_app, tmp_path: Path) -> None:
    mill = tmp_path / "mill.txt"
    mill.write_text(MILL, encoding="utf-8")
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    app.window.presenter.open_paths([str(mill)])
    wait_for(app, lambda: len(app.window.library.titles()) == 2)
    app.window.focus_search()
    app.root.update()
    search = app.window.library.search
    search.insert("end", "water wheel")
    search.event_generate("<KeyRelease>", keysym="l")
    wait_for(app, lambda: app.window.library.titles() == ["The Old Mill Reopens as a Museum"])
    search.event_generate("<Escape>")
    wait_for(app, lambda: len(app.window.library.titles()) == 2)
