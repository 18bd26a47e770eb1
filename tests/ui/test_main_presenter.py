"""MainPresenter: start, the current article, notices
(fake view, in-memory library, synchronous runner)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.clean import clean_source
from desktop.core.read import load_path
from tests.sample_truth import JUNK
from tests.ui.fakes import FakeLibrary
from tests.ui.harness import ARTICLE, Harness, shown_text, write


def test_first_run_opens_the_sample_with_summary_and_facts(h: Harness) -> None:
    h.presenter.start()
    assert h.lib.count() == 1
    assert h.view.article is not None and h.view.article.title
    assert h.view.title == f"Précis — {h.view.article.title}"
    cleaned = clean_source(load_path(h.presenter._sample))
    assert shown_text(h.view) == "\n".join(p.text for p in cleaned.paragraphs)
    assert JUNK[0] not in shown_text(h.view)
    # The length is automatic on a first run: the count shown is the one the article's length gave.
    count = len(h.view.summary.sentences)
    assert count >= 1 and "automatic" in h.view.summary.caption
    assert h.view.length.mode == "auto" and h.view.length.value == count
    assert [s.number for s in h.view.summary.sentences] == list(range(1, count + 1))
    assert h.view.facts and {g.title for g in h.view.facts} <= {
        "People", "Organisations", "Places", "Events", "Numbers", "Dates", "Quotes", "Keywords"}
    assert h.view.algorithms and h.view.algorithms[0][0] == "precis"
    assert h.view.selected == h.view.rows[0].id

def test_later_start_reopens_the_last_article_not_the_sample(h: Harness, tmp_path: Path) -> None:
    h.presenter.start([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.start([str(h.presenter._sample)])
    harbour = next(r.id for r in h.view.rows if "Harbour" in r.title)
    h.presenter.select(harbour)
    again = Harness(h.presenter._sample, settings=h.presenter.settings, library=h.lib)
    again.presenter.start()
    assert again.lib.count() == 2
    assert again.view.article.title == "Harbour Town Opens New Library"

def test_select_shows_article_and_remembers_position(h: Harness, tmp_path: Path, sample: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.transfer.open_paths([str(sample)])
    harbour, other = sorted(h.lib.entries)
    h.presenter.select(harbour)
    h.presenter.reader.position_changed(0.4)
    h.presenter.select(other)
    assert h.lib.get(harbour).position == 0.4
    h.presenter.select(harbour)
    assert h.view.article.position == 0.4
    assert h.presenter.settings.last_article == harbour

def test_library_notice_is_shown(sample: Path) -> None:
    lib = FakeLibrary(notice="The library file was damaged; it was moved aside.")
    h = Harness(sample, library=lib)
    h.presenter.start()
    assert any(name == "status" and v.text.startswith("The library file was damaged")
               for name, v in h.view.calls)


def test_about_lists_the_libraries_with_their_licences(h: Harness) -> None:
    h.presenter.about()
    names = {name: licence for name, _, licence in h.view.about.credits}
    assert {"ttkbootstrap", "sumy", "nltk"} <= set(names)
    assert all(licence for licence in names.values())
    assert "Apache" in names["nltk"]
