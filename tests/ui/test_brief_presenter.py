"""BriefPresenter over the real library (fake views, synchronous runner): briefings of a selection, a
tag and a search; progress; a click opens the article at its sentence; export and copy; bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.library.store import Library
from tests.ui.harness import Harness

STORY = Path(__file__).resolve().parents[1] / "fixtures" / "brief"


class FakeBriefView:
    def __init__(self) -> None:
        self.opened = 0
        self.briefing = None
        self.progress_seen: list = []
        self.status = None
        self.clipboard = ""
        self.save_answer: str | None = None

    def open(self) -> None:
        self.opened += 1

    def show_briefing(self, briefing) -> None:
        self.briefing = briefing

    def show_progress(self, progress) -> None:
        if progress is not None:
            self.progress_seen.append(progress)

    def show_status(self, status) -> None:
        self.status = status

    def ask_save_path(self, default_name: str) -> str | None:
        return self.save_answer

    def copy_to_clipboard(self, text: str) -> None:
        self.clipboard = text


@pytest.fixture
def bench(sample: Path, data_dir: Path):
    lib = Library.open()
    h = Harness(sample, library=lib)
    h.presenter.transfer.open_paths([str(p) for p in sorted(STORY.glob("*.html"))])
    view = FakeBriefView()
    h.presenter.brief.attach(view)
    h.ids = {Path(lib.get(r.id).source_path).stem: r.id for r in lib.list(limit=50)}
    yield h, view
    lib.close()


def test_briefing_of_the_selection_with_progress(bench) -> None:
    h, view = bench
    chosen = [h.ids[n] for n in ("levant-wire", "daily-courier", "gulf-monitor")]
    h.presenter.brief.brief_shown(chosen)
    assert view.opened == 1
    assert [p.done for p in view.progress_seen if p.total] == [1, 2, 3]
    b = view.briefing
    assert {s.id for s in b.sources} == set(chosen)
    assert {line.article for line in b.sentences} == set(chosen)
    assert b.caption.startswith("3 articles")
    hama = next(line for title, lines in b.facts if title == "Places" for line in lines)
    assert hama.text == "Hama — 3 articles"


def test_briefing_of_the_tag_shown(bench) -> None:
    h, view = bench
    lib = h.presenter.lib
    for name in ("levant-wire", "northern-post"):
        lib.add_tags(h.ids[name], ["syria"])
    h.presenter.library.tag_changed("syria")
    h.presenter.brief.brief_shown([])  # nothing selected: the tag shown is briefed
    assert {s.id for s in view.briefing.sources} == {h.ids["levant-wire"], h.ids["northern-post"]}


def test_briefing_of_the_search_results(bench) -> None:
    h, view = bench
    h.presenter.library.search_changed("Hama")
    h.presenter.brief.brief_shown([h.ids["levant-wire"]])  # one row selected: the search wins
    ids = {s.id for s in view.briefing.sources}
    assert h.ids["unrelated-recipe"] not in ids and len(ids) >= 5


def test_a_click_opens_the_article_at_its_sentence(bench) -> None:
    h, view = bench
    h.presenter.brief.brief_shown([h.ids["gulf-monitor"], h.ids["northern-post"]])
    for line in (*view.briefing.sentences, *view.briefing.timeline):
        h.presenter.brief.line_clicked(line.article, line.index)
        assert h.presenter.entry.id == line.article
        span = h.view.revealed
        paragraph = h.view.article.paragraphs[span.paragraph].text
        assert paragraph[span.start:span.end] == line.text


def test_export_and_copy_with_citations(bench, tmp_path: Path) -> None:
    h, view = bench
    h.presenter.brief.brief_shown([h.ids["levant-wire"], h.ids["daily-courier"]])
    view.save_answer = str(tmp_path / "brief.md")
    h.presenter.brief.export_markdown()
    text = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "## Sources" in text and "[1]" in text and "[2]" in text
    assert view.status.kind == "success"
    h.presenter.brief.copy_markdown()
    assert view.clipboard == text


def test_nothing_to_brief_is_said_plainly(bench) -> None:
    h, view = bench
    h.presenter.brief.brief_shown([])
    assert view.opened == 0 and "Select the articles" in h.view.status.text
    h.presenter.brief.brief_tag()
    assert "tag" in h.view.status.text
    h.presenter.brief.brief_selection([987654])
    assert view.briefing is None
    assert view.status.text == "no article with id 987654 in the library"
