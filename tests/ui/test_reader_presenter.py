"""ReaderPresenter: the place in the article, restoring removed blocks, appearance
(fake view, in-memory library, synchronous runner)."""

from __future__ import annotations

from pathlib import Path

from desktop.library.settings import Settings
from tests.ui.harness import ARTICLE, Harness, shown_text, write


def test_scrolling_to_the_end_marks_read(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    assert not h.view.rows[0].read
    h.presenter.reader.position_changed(1.0)
    assert h.lib.get(1).read and h.view.rows[0].read

def test_restore_a_removed_block(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    removed = h.view.article.removed
    index = next(r.index for r in removed if r.text == "Share this article")
    h.presenter.reader.restore_removal(index)
    assert "Share this article" in shown_text(h.view)
    assert "Share this article" not in [r.text for r in h.view.article.removed]

def test_appearance_changes_are_saved(h: Harness) -> None:
    h.presenter.start()
    h.presenter.reader.set_theme("dark")
    h.presenter.reader.font_bigger()
    h.presenter.reader.toggle_focus_mode()
    assert h.view.appearance.theme == "dark" and h.view.appearance.focus_mode
    assert h.saved[-1].theme == "dark" and h.saved[-1].font_size == Settings().font_size + 1
    h.presenter.reader.font_reset()
    assert h.saved[-1].font_size == Settings().font_size
    h.presenter.reader.set_theme("neon")
    assert h.saved[-1].theme == "dark"


def test_reading_progress_says_how_far_and_how_long_is_left(h: Harness, sample: Path) -> None:
    h.presenter.transfer.open_paths([str(sample)])
    words = h.presenter.entry.article.word_count
    assert h.view.reading_progress.startswith("0% · ")
    assert h.view.reading_progress.split("· ")[1].split()[0] == h.view.article.meta_line.split(" min read")[0][-1]
    h.presenter.reader.position_changed(0.42)
    minutes = max(1, round(words * 0.58 / 230))
    assert h.view.reading_progress == f"42% · {minutes} min left"
    h.presenter.reader.position_changed(1.0)
    assert h.view.reading_progress == "100% · read"
    h.presenter.library.delete()
    assert h.view.reading_progress == ""
