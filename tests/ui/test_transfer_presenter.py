"""TransferPresenter: opening, importing, exporting and copying
(fake view, in-memory library, synchronous runner)."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.presenters.transfer import slug
from tests.ui.harness import ARTICLE, Harness, shown_text, write


def test_open_adds_to_library_once_and_shows(h: Harness, tmp_path: Path) -> None:
    path = write(tmp_path / "harbour.txt", ARTICLE)
    h.view.open_answer = [str(path)]
    h.presenter.transfer.open_requested()
    assert h.view.article.title == "Harbour Town Opens New Library"
    assert "Share this article" not in shown_text(h.view)
    assert h.view.status.kind == "success"
    h.presenter.transfer.open_paths([str(path)])
    assert h.lib.count() == 1
    assert h.view.status.text == "Already in your library"

def test_export_writes_markdown_to_the_chosen_file(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    out = tmp_path / "out.md"
    h.view.save_answer = str(out)
    h.presenter.transfer.export_markdown()
    assert ("save_default", "harbour-town-opens-new-library.md") in h.view.calls
    markdown = out.read_text(encoding="utf-8")
    assert markdown.startswith("---\ntitle: \"Harbour Town Opens New Library\"")
    assert "## Summary" in markdown and "Ruiz" in markdown
    assert h.view.status.kind == "success"

def test_export_cancelled_writes_nothing_and_bad_folder_is_a_status(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.view.save_answer = None
    h.presenter.transfer.export_markdown()
    assert not list(tmp_path.glob("*.md"))
    h.view.save_answer = str(tmp_path / "missing" / "x.md")
    h.presenter.transfer.export_markdown()
    assert h.view.status.kind == "error" and "no such folder" in h.view.status.text

def test_copy_as_markdown(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.copy_markdown()
    assert h.view.status.kind == "error" and h.view.clipboard == ""
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.transfer.copy_markdown()
    assert h.view.clipboard.startswith("---\ntitle:")

def test_drop_of_good_and_bad_files_adds_the_good_and_lists_the_bad(h: Harness, tmp_path: Path) -> None:
    good = write(tmp_path / "my harbour é.txt", ARTICLE)
    empty = write(tmp_path / "empty.txt", "")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    missing = tmp_path / "gone.txt"
    h.presenter.transfer.open_paths([str(good), str(empty), str(binary)])
    assert h.lib.count() == 1
    assert h.view.article.title == "Harbour Town Opens New Library"
    (title, problems), = h.view.problems
    assert title == "2 files could not be added"
    assert {Path(p.path).name for p in problems} == {"empty.txt", "photo.txt"}
    assert all(p.message and "Traceback" not in p.message for p in problems)
    assert h.view.status.kind == "error"
    h.presenter.transfer.open_paths([str(missing)])
    assert h.view.status.kind == "error" and "gone.txt" in h.view.status.text

def test_folder_drop_imports_with_progress_and_reports_bad_files(h: Harness, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for i in range(3):
        write(folder / f"a{i}.txt", ARTICLE.replace("Harbour Town", f"Town {i}"))
    write(folder / "empty.txt", "  ")
    h.presenter.transfer.open_paths([str(folder)])
    assert h.lib.count() == 3
    assert any(p and p.total == 4 for p in h.view.progress_seen)
    assert h.view.progress is None
    assert h.view.status.text.startswith("Added 3 articles")
    assert [Path(p.path).name for p in h.view.problems[0][1]] == ["empty.txt"]
    assert len(h.view.rows) == 3 and h.view.article is not None

def test_external_open_raises_window(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.external_open([])
    assert h.view.raised == 1
    h.presenter.transfer.external_open([str(write(tmp_path / "harbour.txt", ARTICLE))])
    assert h.view.article.title == "Harbour Town Opens New Library"

def test_slug() -> None:
    assert slug("Hamas: the ‘new’ talks — 2024!") == "hamas-the-new-talks-2024"
    assert slug("???") == "precis"


def test_one_bad_file_opens_a_window_not_only_a_status_line(h: Harness, tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "")
    h.presenter.transfer.open_paths([str(empty)])
    (title, problems), = h.view.problems
    assert title == "1 file could not be added" and [Path(p.path).name for p in problems] == ["empty.txt"]
    assert h.view.status.kind == "error"


def test_file_dialogs_start_in_the_last_folder_used(h: Harness, tmp_path: Path) -> None:
    folder = tmp_path / "reading"
    folder.mkdir()
    path = write(folder / "harbour.txt", ARTICLE)
    h.view.open_answer = [str(path)]
    h.presenter.transfer.open_requested()
    assert ("open_folder", "") in h.view.calls  # first time: nothing remembered
    assert h.saved[-1].last_folder == str(folder)
    exports = tmp_path / "exports"
    exports.mkdir()
    h.view.save_answer = str(exports / "out.md")
    h.presenter.transfer.export_markdown()
    assert ("save_folder", str(folder)) in h.view.calls
    assert h.saved[-1].last_folder == str(exports)
    h.presenter.transfer.open_requested()
    assert ("open_folder", str(exports)) in h.view.calls
