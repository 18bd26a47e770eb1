"""FindPresenter: find in the open article (fake view, in-memory library, synchronous runner)."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.presenters.find import find_spans
from tests.ui.harness import ARTICLE, Harness, write


def test_find_counts_every_match_and_steps_round(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.find.changed("LIBRARY")  # case does not matter
    find = h.view.find
    paragraphs = h.view.article.paragraphs
    n = sum(p.text.lower().count("library") for p in paragraphs)
    assert n >= 2
    assert [paragraphs[s.paragraph].text[s.start:s.end].lower() for s in find.matches] == ["library"] * n
    assert (find.current, find.caption) == (0, f"1 of {n}")
    h.presenter.find.next()
    assert (h.view.find.current, h.view.find.caption) == (1, f"2 of {n}")
    h.presenter.find.previous()
    h.presenter.find.previous()  # from the first: round to the last
    assert h.view.find.caption == f"{n} of {n}"
    h.presenter.find.changed("submarine")
    assert h.view.find.matches == () and h.view.find.caption == "No matches"
    h.presenter.find.closed()
    assert h.view.find is None


def test_find_follows_the_article_shown(h: Harness, tmp_path: Path, sample: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.find.changed("volunteers")
    assert h.view.find.caption == "1 of 1"
    h.presenter.transfer.open_paths([str(sample)])
    assert h.view.find.caption == "No matches"  # the sample has none: searched again, not left stale


def test_find_ignores_accents_and_keeps_positions() -> None:
    from desktop.core.model import Paragraph

    spans = find_spans((Paragraph("body", "Café culture: the cafe owners met."),), "cafe")
    assert [(s.start, s.end) for s in spans] == [(0, 4), (18, 22)]
    assert find_spans((Paragraph("body", "x"),), "  ") == ()
