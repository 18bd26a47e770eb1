"""HighlightsPresenter over the real library (fake view, synchronous runner): highlight a selection,
write and edit a note, delete, undo each, jump, export, and highlights kept per article."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.library.store import Library
from desktop.ui.viewmodels import Span
from tests.ui.harness import ARTICLE, Harness, write

PASSAGE = "would serve 40,000 residents"


@pytest.fixture
def hl(sample: Path, tmp_path: Path, data_dir: Path):
    lib = Library.open()
    h = Harness(sample, library=lib)
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    yield h
    lib.close()


def select(h: Harness, passage: str) -> tuple[Span, ...]:
    """The spans the reading view reports for a selection of passage (one paragraph)."""
    for i, p in enumerate(h.view.article.paragraphs):
        at = p.text.find(passage)
        if at >= 0:
            return (Span(i, at, at + len(passage)),)
    raise AssertionError(passage)


def listed(h: Harness) -> list[tuple[str, str]]:
    return [(item.text, item.note) for item in h.view.highlights.items]


def test_highlight_a_selection_then_undo(hl: Harness) -> None:
    spans = select(hl, PASSAGE)
    hl.presenter.highlights.highlight(spans)
    assert listed(hl) == [(PASSAGE, "")]
    assert hl.view.highlights.items[0].spans == spans  # marked where it was selected
    assert hl.view.highlights.caption == "1 highlight"
    assert hl.view.status.text == "Highlighted" and hl.view.status.action == "Undo"
    assert [h.text for h in hl.lib.highlights(hl.presenter.entry.id)] == [PASSAGE]
    [wider] = select(hl, " " + PASSAGE)
    hl.presenter.highlights.highlight((wider,))  # the same again (white space aside): nothing new
    assert len(hl.lib.highlights(hl.presenter.entry.id)) == 1 and hl.view.status.text == "Already highlighted"
    hl.presenter.highlights.highlight(select(hl, "three years of building work"))
    hl.presenter.status_action()  # Undo in the status bar: the last highlight goes
    assert listed(hl) == [(PASSAGE, "")]
    assert [h.text for h in hl.lib.highlights(hl.presenter.entry.id)] == [PASSAGE]


def test_nothing_selected_says_how(hl: Harness) -> None:
    hl.presenter.highlights.highlight(())
    assert "Select a passage" in hl.view.status.text and listed(hl) == []
    hl.presenter.highlights.note((), None)
    assert "press N" in hl.view.status.text
    [span] = select(hl, " would")
    hl.presenter.highlights.note((Span(span.paragraph, span.start, span.start + 1),))  # a lone space
    assert "press N" in hl.view.status.text and listed(hl) == []


def test_n_on_a_selection_highlights_it_and_asks_for_a_note(hl: Harness) -> None:
    hl.view.note_answer = "  Check the census figure.  "
    hl.presenter.highlights.note(select(hl, PASSAGE))
    assert listed(hl) == [(PASSAGE, "Check the census figure.")]
    assert hl.view.calls[-2][0] == "ask_note" and hl.view.calls[-2][1] == (PASSAGE, "")
    assert hl.view.highlights.caption == "1 highlight  ·  1 note"
    assert hl.lib.search("census")[0].row.id == hl.presenter.entry.id  # notes are searchable


def test_edit_a_note_from_the_cursor_and_undo_it(hl: Harness) -> None:
    hl.view.note_answer = "first"
    spans = select(hl, PASSAGE)
    hl.presenter.highlights.note(spans)
    inside = Span(spans[0].paragraph, spans[0].start + 3, spans[0].start + 4)
    hl.view.note_answer = "second"
    hl.presenter.highlights.note((), inside)  # N with the cursor in the highlight: edit its note
    assert listed(hl) == [(PASSAGE, "second")] and hl.view.status.text == "Note saved"
    hl.presenter.status_action()
    assert listed(hl) == [(PASSAGE, "first")]
    hl.view.note_answer = None  # cancelled: nothing changes
    hl.presenter.highlights.edit_note(hl.view.highlights.items[0].id)
    assert listed(hl) == [(PASSAGE, "first")]


def test_delete_and_undo_brings_back_the_same_highlight(hl: Harness) -> None:
    hl.view.note_answer = "keep me"
    hl.presenter.highlights.note(select(hl, PASSAGE))
    before = hl.lib.highlights(hl.presenter.entry.id)
    hl.presenter.highlights.delete(before[0].id)
    assert listed(hl) == [] and hl.view.status.text == "Highlight deleted"
    hl.presenter.status_action()
    assert hl.lib.highlights(hl.presenter.entry.id) == before
    assert listed(hl) == [(PASSAGE, "keep me")]


def test_undo_after_a_later_delete_undoes_the_delete(hl: Harness, tmp_path: Path) -> None:
    hl.presenter.highlights.highlight(select(hl, PASSAGE))
    other = write(tmp_path / "other.txt", ARTICLE.replace("Harbour", "Valley"))
    hl.presenter.transfer.open_paths([str(other)])
    hl.presenter.library.delete()  # the open article goes to the trash
    hl.presenter.status_action()  # Undo: the article comes back, the highlight of the first stays
    assert hl.lib.count() == 2 and len(hl.lib.highlights(1)) == 1


def test_click_jumps_and_highlights_follow_their_article(hl: Harness, tmp_path: Path) -> None:
    spans = select(hl, PASSAGE)
    hl.presenter.highlights.highlight(spans)
    hl.presenter.highlights.clicked(hl.view.highlights.items[0].id)
    assert hl.view.revealed == spans[0]
    first = hl.presenter.entry.id
    hl.presenter.transfer.open_paths([str(write(tmp_path / "other.txt", ARTICLE.replace("Harbour", "Valley")))])
    assert listed(hl) == []
    hl.presenter.select(first)
    assert listed(hl) == [(PASSAGE, "")]
    hl.presenter.library.delete()
    assert hl.view.highlights is None


def test_the_exported_digest_holds_the_highlights(hl: Harness, tmp_path: Path) -> None:
    hl.view.note_answer = "A big number for a town."
    hl.presenter.highlights.note(select(hl, PASSAGE))
    hl.presenter.transfer.copy_markdown()
    assert f"## Highlights\n\n> {PASSAGE}\n\nA big number for a town.\n" in hl.view.clipboard


def test_a_passage_over_two_paragraphs(hl: Harness) -> None:
    [a] = select(hl, "three years of building work.")
    [b] = select(hl, "Mayor Ana Ruiz")
    hl.presenter.highlights.highlight((a, Span(b.paragraph, 0, b.end)))
    [item] = hl.view.highlights.items
    assert item.text == "three years of building work.\nMayor Ana Ruiz"
    assert item.spans == (a, Span(b.paragraph, 0, b.end))
