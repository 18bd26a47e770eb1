"""MainPresenter with a fake view, an in-memory library and a synchronous runner: no display needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.clean import clean_source
from desktop.core.errors import PrecisError
from desktop.core.read import load_path
from desktop.library.settings import Settings
from desktop.ui.presenter import MainPresenter, display_date, sentence_spans, slug
from desktop.ui.tasks import SyncRunner
from tests.sample_truth import JUNK
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
    def __init__(self, sample: Path, settings: Settings | None = None, library: FakeLibrary | None = None):
        self.view = FakeView()
        self.lib = library or FakeLibrary()
        self.saved: list[Settings] = []
        self.presenter = MainPresenter(
            self.view, self.lib, SyncRunner(), settings or Settings(), self.saved.append,
            sample=sample, data_dir="/data", importer=simple_importer,
        )


@pytest.fixture
def h(sample: Path) -> Harness:
    return Harness(sample)


def shown_text(view: FakeView) -> str:
    return "\n".join(p.text for p in view.article.paragraphs)


def test_first_run_opens_the_sample_with_summary_and_facts(h: Harness) -> None:
    h.presenter.start()
    assert h.lib.count() == 1
    assert h.view.article is not None and h.view.article.title
    assert h.view.title == f"Précis — {h.view.article.title}"
    cleaned = clean_source(load_path(h.presenter._sample))
    assert shown_text(h.view) == "\n".join(p.text for p in cleaned.paragraphs)
    assert JUNK[0] not in shown_text(h.view)
    assert len(h.view.summary.sentences) == 5
    assert [s.number for s in h.view.summary.sentences] == [1, 2, 3, 4, 5]
    assert h.view.facts and {g.title for g in h.view.facts} <= {
        "People", "Organisations", "Places", "Numbers", "Dates", "Quotes", "Keywords"}
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


def test_open_adds_to_library_once_and_shows(h: Harness, tmp_path: Path) -> None:
    path = write(tmp_path / "harbour.txt", ARTICLE)
    h.view.open_answer = [str(path)]
    h.presenter.open_requested()
    assert h.view.article.title == "Harbour Town Opens New Library"
    assert "Share this article" not in shown_text(h.view)
    assert h.view.status.kind == "success"
    h.presenter.open_paths([str(path)])
    assert h.lib.count() == 1
    assert h.view.status.text == "Already in your library"


def test_select_shows_article_and_remembers_position(h: Harness, tmp_path: Path, sample: Path) -> None:
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.open_paths([str(sample)])
    harbour, other = sorted(h.lib.entries)
    h.presenter.select(harbour)
    h.presenter.position_changed(0.4)
    h.presenter.select(other)
    assert h.lib.get(harbour).position == 0.4
    h.presenter.select(harbour)
    assert h.view.article.position == 0.4
    assert h.presenter.settings.last_article == harbour


def test_scrolling_to_the_end_marks_read(h: Harness, tmp_path: Path) -> None:
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    assert not h.view.rows[0].read
    h.presenter.position_changed(1.0)
    assert h.lib.get(1).read and h.view.rows[0].read


def test_search_filters_the_list_and_clearing_restores_it(h: Harness, tmp_path: Path, sample: Path) -> None:
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.open_paths([str(sample)])
    assert len(h.view.rows) == 2
    h.presenter.search_changed("volunteers")
    assert [r.title for r in h.view.rows] == ["Harbour Town Opens New Library"]
    assert h.view.library.caption == "1 match"
    h.presenter.search_changed("")
    assert len(h.view.rows) == 2


def test_list_fills_lazily_in_pages(h: Harness, tmp_path: Path) -> None:
    import desktop.ui.presenter as presenter

    for i in range(presenter.PAGE + 30):
        h.lib.entries[i + 1] = _entry(i + 1)
    h.presenter.refresh_library()
    assert len(h.view.rows) == presenter.PAGE and h.view.library.total == presenter.PAGE + 30
    h.presenter.more_rows()
    assert len(h.view.rows) == presenter.PAGE + 30
    assert len({r.id for r in h.view.rows}) == presenter.PAGE + 30


def _entry(id: int):
    from desktop.core.model import Article, Paragraph
    from tests.ui.fakes import Entry

    article = Article(f"Article {id}", (Paragraph("body", "Some text here."),))
    added = f"2026-01-01T00:{id // 60:02}:{id % 60:02}+00:00"
    return Entry(id, article.title, "a.txt", None, "text", "utf-8", "", "", "", 3, added, None, False,
                 0.0, (), article)


def test_length_and_algorithm_changes_recompute_and_are_remembered(h: Harness, tmp_path: Path) -> None:
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.length_changed("sentences", 2)
    assert len(h.view.summary.sentences) == 2
    assert h.saved[-1].sentences == 2
    assert h.lib.get(1).summary_sentences == 2
    h.presenter.length_changed("percent", 50)
    assert h.saved[-1].length_mode == "percent" and h.saved[-1].percent == 50
    assert len(h.view.summary.sentences) == 4  # half of the 8 body sentences
    assert h.view.summary.caption.startswith("4 of 8 sentences")
    h.presenter.algorithm_changed("lead")
    assert h.saved[-1].algorithm == "lead"
    assert "Lead" in h.view.summary.caption
    assert h.view.summary.sentences[0].index == 0


def test_clicking_a_summary_sentence_or_fact_reveals_its_span(h: Harness, tmp_path: Path) -> None:
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    first = h.view.summary.sentences[0]
    h.presenter.sentence_clicked(first.index)
    span = h.view.revealed
    text = h.view.article.paragraphs[span.paragraph].text
    assert text[span.start:span.end] == first.text
    fact = h.view.facts[0].facts[0]
    h.presenter.fact_clicked(fact.sentence)
    span = h.view.revealed
    sentence = h.presenter.digest.sentences[fact.sentence]
    assert h.view.article.paragraphs[span.paragraph].text[span.start:span.end] == sentence.text


def test_export_writes_markdown_to_the_chosen_file(h: Harness, tmp_path: Path) -> None:
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    out = tmp_path / "out.md"
    h.view.save_answer = str(out)
    h.presenter.export_markdown()
    assert ("save_default", "harbour-town-opens-new-library.md") in h.view.calls
    markdown = out.read_text(encoding="utf-8")
    assert markdown.startswith("---\ntitle: \"Harbour Town Opens New Library\"")
    assert "## Summary" in markdown and "Ruiz" in markdown
    assert h.view.status.kind == "success"


def test_export_cancelled_writes_nothing_and_bad_folder_is_a_status(h: Harness, tmp_path: Path) -> None:
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.view.save_answer = None
    h.presenter.export_markdown()
    assert not list(tmp_path.glob("*.md"))
    h.view.save_answer = str(tmp_path / "missing" / "x.md")
    h.presenter.export_markdown()
    assert h.view.status.kind == "error" and "no such folder" in h.view.status.text


def test_copy_as_markdown(h: Harness, tmp_path: Path) -> None:
    h.presenter.copy_markdown()
    assert h.view.status.kind == "error" and h.view.clipboard == ""
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.copy_markdown()
    assert h.view.clipboard.startswith("---\ntitle:")


def test_drop_of_good_and_bad_files_adds_the_good_and_lists_the_bad(h: Harness, tmp_path: Path) -> None:
    good = write(tmp_path / "my harbour é.txt", ARTICLE)
    empty = write(tmp_path / "empty.txt", "")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    missing = tmp_path / "gone.txt"
    h.presenter.open_paths([str(good), str(empty), str(binary)])
    assert h.lib.count() == 1
    assert h.view.article.title == "Harbour Town Opens New Library"
    (title, problems), = h.view.problems
    assert title == "2 files could not be added"
    assert {Path(p.path).name for p in problems} == {"empty.txt", "photo.txt"}
    assert all(p.message and "Traceback" not in p.message for p in problems)
    assert h.view.status.kind == "error"
    h.presenter.open_paths([str(missing)])
    assert h.view.status.kind == "error" and "gone.txt" in h.view.status.text


def test_folder_drop_imports_with_progress_and_reports_bad_files(h: Harness, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for i in range(3):
        write(folder / f"a{i}.txt", ARTICLE.replace("Harbour Town", f"Town {i}"))
    write(folder / "empty.txt", "  ")
    h.presenter.open_paths([str(folder)])
    assert h.lib.count() == 3
    assert any(p and p.total == 4 for p in h.view.progress_seen)
    assert h.view.progress is None
    assert h.view.status.text.startswith("Added 3 articles")
    assert [Path(p.path).name for p in h.view.problems[0][1]] == ["empty.txt"]
    assert len(h.view.rows) == 3 and h.view.article is not None


def test_digest_failure_is_a_status_message_not_a_crash(sample: Path, tmp_path: Path) -> None:
    h = Harness(sample)

    def broken(*args):
        raise PrecisError("the summariser refused this text")

    h.presenter._digest_fn = broken
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    assert h.view.article is not None
    assert h.view.status == h.view.status.__class__("the summariser refused this text", "error")
    assert not h.view.busy


def test_delete_moves_to_trash_and_undo_restores(h: Harness, tmp_path: Path) -> None:
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.delete()
    assert h.lib.count() == 0 and h.view.rows == []
    assert h.view.article is None
    assert h.view.status.action == "Undo"
    assert "Harbour Town" in h.view.status.text
    h.presenter.status_action()
    assert h.lib.count() == 1 and h.view.article.title == "Harbour Town Opens New Library"
    h.presenter.status_action()  # nothing more to undo
    assert h.lib.count() == 1


def test_restore_a_removed_block(h: Harness, tmp_path: Path) -> None:
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    removed = h.view.article.removed
    index = next(r.index for r in removed if r.text == "Share this article")
    h.presenter.restore_removal(index)
    assert "Share this article" in shown_text(h.view)
    assert "Share this article" not in [r.text for r in h.view.article.removed]


def test_appearance_changes_are_saved(h: Harness) -> None:
    h.presenter.start()
    h.presenter.set_theme("dark")
    h.presenter.font_bigger()
    h.presenter.toggle_focus_mode()
    assert h.view.appearance.theme == "dark" and h.view.appearance.focus_mode
    assert h.saved[-1].theme == "dark" and h.saved[-1].font_size == Settings().font_size + 1
    h.presenter.font_reset()
    assert h.saved[-1].font_size == Settings().font_size
    h.presenter.set_theme("neon")
    assert h.saved[-1].theme == "dark"


def test_tags_filter(h: Harness, tmp_path: Path, sample: Path) -> None:
    h.presenter.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.view.tags_answer = "Local, books"
    h.presenter.edit_tags()
    h.presenter.open_paths([str(sample)])
    assert ("books", 1) in h.view.tags
    h.presenter.tag_changed("books")
    assert [r.title for r in h.view.rows] == ["Harbour Town Opens New Library"]
    h.presenter.tag_changed(None)
    assert len(h.view.rows) == 2


def test_external_open_raises_window(h: Harness, tmp_path: Path) -> None:
    h.presenter.external_open([])
    assert h.view.raised == 1
    h.presenter.external_open([str(write(tmp_path / "harbour.txt", ARTICLE))])
    assert h.view.article.title == "Harbour Town Opens New Library"


def test_library_notice_is_shown(sample: Path) -> None:
    lib = FakeLibrary(notice="The library file was damaged; it was moved aside.")
    h = Harness(sample, library=lib)
    h.presenter.start()
    assert any(name == "status" and v.text.startswith("The library file was damaged")
               for name, v in h.view.calls)


def test_slug_and_spans() -> None:
    assert slug("Hamas: the ‘new’ talks — 2024!") == "hamas-the-new-talks-2024"
    assert slug("???") == "precis"
    from desktop.core.model import Article, Paragraph, Sentence

    article = Article("t", (Paragraph("body", "One two. One two."),))
    sents = (Sentence("One two.", 0, 0), Sentence("One two.", 1, 0))
    assert [(s.start, s.end) for s in sentence_spans(article, sents).values()] == [(0, 8), (9, 17)]


def test_dates_in_the_list_are_short_and_readable() -> None:
    assert display_date("2018-09-27") == "27 Sep 2018"
    assert display_date("2026-01-05T08:30:00+00:00") == "5 Jan 2026"
    assert display_date("2019-13-40") == "2019-13-40"  # not a date: kept as written
    assert display_date("") == ""


def _dated(id: int, title: str, site: str, date: str, words: int):
    from dataclasses import replace

    return replace(_entry(id), title=title, site=site, date=date, words=words)


@pytest.fixture
def shelf(h: Harness) -> Harness:
    """Three articles: two with a site and a date, one (like a .txt) with neither."""
    for entry in (_dated(1, "Beta news", "Zeta Times", "2019-11-18", 300),
                  _dated(2, "Alpha report", "Apex Daily", "2017-03-02", 900),
                  _dated(3, "Gamma notes", "", "", 100)):
        h.lib.entries[entry.id] = entry
    return h


def test_rows_show_site_date_and_the_added_day_when_an_article_has_no_date(shelf: Harness) -> None:
    shelf.presenter.refresh_library()
    rows = {r.title: r for r in shelf.view.rows}
    assert (rows["Beta news"].site, rows["Beta news"].date) == ("Zeta Times", "18 Nov 2019")
    assert rows["Gamma notes"].date == "1 Jan 2026"  # the fake library added it on 2026-01-01
    assert shelf.view.library.caption == "3 articles  ·  3 unread"


def test_clicking_a_column_heading_sorts_the_list_and_is_remembered(shelf: Harness) -> None:
    shelf.presenter.refresh_library()
    shelf.presenter.sort_changed("site")
    assert [r.title for r in shelf.view.rows] == ["Alpha report", "Beta news", "Gamma notes"]  # no site: last
    assert shelf.view.library.sort == "site" and shelf.saved[-1].sort == "site"
    shelf.presenter.sort_changed("date")
    assert [r.title for r in shelf.view.rows] == ["Gamma notes", "Beta news", "Alpha report"]  # newest first
    shelf.presenter.sort_changed("words")
    assert [r.title for r in shelf.view.rows] == ["Gamma notes", "Beta news", "Alpha report"]
    assert shelf.saved[-1].sort == "words"


def test_clicking_the_same_heading_again_reverses_and_is_remembered(shelf: Harness, sample: Path) -> None:
    shelf.presenter.refresh_library()
    titles = lambda: [r.title for r in shelf.view.rows]  # noqa: E731
    shelf.presenter.sort_changed("title")
    assert titles() == ["Alpha report", "Beta news", "Gamma notes"]
    assert (shelf.view.library.sort, shelf.view.library.reverse) == ("title", False)
    shelf.presenter.sort_changed("title")  # second click: reversed
    assert titles() == ["Gamma notes", "Beta news", "Alpha report"]
    assert shelf.view.library.reverse and (shelf.saved[-1].sort, shelf.saved[-1].sort_reverse) == ("title", True)
    shelf.presenter.sort_changed("title")  # third click: back to A to Z
    assert titles() == ["Alpha report", "Beta news", "Gamma notes"]
    assert not shelf.view.library.reverse and shelf.saved[-1].sort_reverse is False
    shelf.presenter.sort_changed("title")
    shelf.presenter.sort_changed("date")  # another column: its natural direction, newest first
    assert titles() == ["Gamma notes", "Beta news", "Alpha report"]
    assert (shelf.saved[-1].sort, shelf.saved[-1].sort_reverse) == ("date", False)
    shelf.presenter.sort_changed("date")
    assert titles() == ["Alpha report", "Beta news", "Gamma notes"]  # oldest first
    assert shelf.view.library.reverse

    # Started again with what was saved: the list comes back reversed.
    again = Harness(sample, settings=shelf.saved[-1], library=shelf.lib)
    again.presenter.refresh_library()
    assert [r.title for r in again.view.rows] == ["Alpha report", "Beta news", "Gamma notes"]
    assert (again.view.library.sort, again.view.library.reverse) == ("date", True)


def test_search_hits_keep_relevance_until_a_heading_is_clicked(shelf: Harness) -> None:
    shelf.presenter.refresh_library()
    shelf.presenter.search_changed("e")  # the fake library matches titles in insertion order
    assert shelf.view.library.sort == ""
    assert [r.title for r in shelf.view.rows] == ["Beta news", "Alpha report", "Gamma notes"]
    shelf.presenter.sort_changed("title")
    assert [r.title for r in shelf.view.rows] == ["Alpha report", "Beta news", "Gamma notes"]
    assert shelf.view.library.sort == "title"
    shelf.presenter.sort_changed("title")  # clicked again: Z to A
    assert [r.title for r in shelf.view.rows] == ["Gamma notes", "Beta news", "Alpha report"]
    assert (shelf.view.library.sort, shelf.view.library.reverse) == ("title", True)
    shelf.presenter.sort_changed("site")  # another heading: its own way, the site-less hit last
    assert [r.title for r in shelf.view.rows] == ["Alpha report", "Beta news", "Gamma notes"]
    shelf.presenter.sort_changed("site")
    assert [r.title for r in shelf.view.rows] == ["Beta news", "Alpha report", "Gamma notes"]  # still last
    shelf.presenter.search_changed("a")  # a new search starts from relevance again
    assert shelf.view.library.sort == "" and not shelf.view.library.reverse
    shelf.presenter.sort_changed("site")  # no arrow shown: the click starts the natural order
    assert [r.title for r in shelf.view.rows] == ["Alpha report", "Beta news", "Gamma notes"]
    assert shelf.saved[-1].sort_reverse is False
