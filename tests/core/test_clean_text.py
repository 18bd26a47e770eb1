"""The plain-text cleaner: every removal reason, captions once, headings, title, nothing of the body lost.

tests/core/fixtures/scraped_page.txt is a small "saved as text" page: an article of five prose
paragraphs and one caption, wrapped in the junk pages carry. The sample article's own
checks live in test_sample_pipeline.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.clean import clean_text
from desktop.core.clean import phrases as clean_phrases
from desktop.core.model import Article

PAGE = Path(__file__).parent / "fixtures" / "scraped_page.txt"
PROSE = [
    "The harbour council met on Monday evening",
    "The mayor said that the change would help",
    "Critics warned that the cost of the extra crossings",
    "A final vote is expected at the next meeting",
    "The council will also ask the ferry company",
]


@pytest.fixture(scope="module")
def page() -> Article:
    return clean_text(PAGE.read_text(encoding="utf-8"))


def _reason(article: Article, text: str) -> str:
    found = [r.reason for r in article.removed if r.text == text]
    assert found, f"not removed: {text!r}"
    return found[0]


def test_every_prose_paragraph_is_kept_in_order(page: Article) -> None:
    bodies = [p.text for p in page.paragraphs if p.kind == "body"]
    assert len(bodies) == len(PROSE)
    for text, start in zip(bodies, PROSE, strict=True):
        assert text.startswith(start)


def test_title_is_the_first_line_without_the_site_name(page: Article) -> None:
    assert page.title == "Harbour Council Backs Earlier Ferries"
    assert page.meta.site == "The Coastal Times"


@pytest.mark.parametrize(("line", "reason"), [
    ("5f3c9a0e1b2d4c6f8a7b9c0d1e2f3a4b", "hash"),
    ("Harbour Council Backs Earlier Ferries", "duplicate"),  # the headline printed again
    ("Ferries wait at the harbour wall at dawn – JOHN DOE/Harbour Agency", "duplicate"),
    ("Subscribe", "promo"),
    ("Sign up for our newsletter and get the best stories delivered to your inbox every morning.", "promo"),
    ("Share on Facebook", "share"),
    ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "cookie"),
    ("Advertisement", "advert"),
    ("Skip to content", "navigation"),
    ("Weather", "navigation"),
    ("By Jane Smith", "byline"),
    ("Monday November 18, 2019 7:45 am", "byline"),
    ("Photo: Getty Images", "credit"),
    ("Related", "related"),
    ("Island school gets a new roof", "related"),
    ("12 Comments", "comments"),
    ("About the author", "footer"),
    ("Copyright 2019 The Coastal Times. All rights reserved.", "footer"),
    ("Scroll to top", "footer"),
])
def test_each_kind_of_junk_is_removed_with_its_reason(page: Article, line: str, reason: str) -> None:
    assert _reason(page, line) == reason


def test_caption_printed_twice_is_kept_once_as_a_caption(page: Article) -> None:
    captions = [p.text for p in page.paragraphs if p.kind == "caption"]
    assert captions == ["Ferries wait at the harbour wall at dawn"]
    assert "Ferries wait" not in page.body_text


def test_removals_remember_where_they_stood(page: Article) -> None:
    ad = next(r for r in page.removed if r.reason == "advert")
    # "Advertisement" stood after the mayor's paragraph (body 2 = paragraph index 3 after the caption).
    assert page.paragraphs[ad.position - 1].text.startswith("The mayor said")


def _article(*paragraphs: str, title: str = "Harbour Council Backs Earlier Ferries") -> Article:
    return clean_text(title + "\n\n" + "\n\n".join(paragraphs))


LONG = [
    "The harbour council met on Monday evening to discuss the new ferry timetable, and after a long"
    " debate the members agreed that the morning service would start an hour earlier from March.",
    "The mayor said that the change would help the many people who work in the city and who have"
    " complained for years that the first crossing arrives too late for the start of their shifts.",
    "Critics warned that the cost of the extra crossings had not been explained, and they asked the"
    " council to publish the figures before the new timetable comes into force in the spring.",
    "A final vote is expected at the next meeting of the council in April, when the harbour master"
    " will also present a report on the safety of the older boats that serve the island.",
    "The council will also ask the ferry company whether the evening service could run later in the"
    " summer months, when visitors fill the island and the last boat of the day is often full.",
]


def test_a_short_line_between_paragraphs_is_a_heading() -> None:
    article = _article(LONG[0], LONG[1], "What changes in March", LONG[2], LONG[3])
    assert ("heading", "What changes in March") in [(p.kind, p.text) for p in article.paragraphs]


def test_the_article_goes_on_after_an_inline_related_box() -> None:
    article = _article(LONG[0], LONG[1], "Related", "Island school gets a new roof",
                       "Fishing fleet returns early after storms", LONG[2], LONG[3], LONG[4])
    assert [p.text for p in article.paragraphs] == LONG
    assert {r.reason for r in article.removed} == {"related"}


def test_a_truncated_copy_ending_in_more_is_a_duplicate() -> None:
    cut = LONG[1][:90].rsplit(" ", 1)[0] + "... more"
    article = _article(LONG[0], cut, LONG[1], LONG[2], LONG[3])
    assert [p.text for p in article.paragraphs] == LONG[:4]
    assert [(r.text, r.reason) for r in article.removed] == [(cut, "duplicate")]


def test_an_exact_repeat_of_a_paragraph_is_a_duplicate() -> None:
    article = _article(LONG[0], LONG[1], LONG[2], LONG[1], LONG[3])
    assert [p.text for p in article.paragraphs] == LONG[:4]
    assert [r.reason for r in article.removed] == ["duplicate"]


def test_a_line_of_symbols_is_boilerplate() -> None:
    article = _article(LONG[0], LONG[1], "______________________________", LONG[2], LONG[3])
    assert [(r.text, r.reason) for r in article.removed] == [("______________________________", "boilerplate")]


def test_menus_outside_the_article_are_navigation_and_teasers_after_it_related() -> None:
    article = _article("Home", "World", "Business", "Opinion", LONG[0], LONG[1], LONG[2],
                       "Most popular", "Storm closes the island school for a week",
                       "Fishing fleet returns early after the autumn storms")
    assert [p.text for p in article.paragraphs] == LONG[:3]
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["World"] == "navigation"
    assert reasons["Storm closes the island school for a week"] == "related"


@pytest.mark.parametrize(("line", "reason"), [
    ("Monday November 18, 2019 7:45 am", "byline"),
    ("Updated 2 days ago", "byline"),
    ("1 Kyle Busch 5040 5 1 17 27", None),  # a table row: numbers, but no date
    ("3 14 15 92 65 35", None),
])
def test_date_lines_are_bylines_but_rows_of_numbers_are_not(line: str, reason: str | None) -> None:
    assert clean_phrases.line_reason(line, len(line.split())) == reason


# --- Markdown ---------------------------------------------------------------------------------

MARKDOWN = Path(__file__).parent / "fixtures" / "article.md"


@pytest.fixture(scope="module")
def markdown() -> Article:
    from desktop.core.clean import clean_source
    from desktop.core.read import load_path

    return clean_source(load_path(MARKDOWN))


def test_markdown_title_comes_from_the_front_matter_without_syntax(markdown: Article) -> None:
    assert markdown.title == "Harbour council backs ferries"


def test_markdown_headings_are_heading_paragraphs(markdown: Article) -> None:
    headings = [p.text for p in markdown.paragraphs if p.kind == "heading"]
    assert headings == ["What changes", "Setext heading"]


def test_markdown_syntax_does_not_reach_the_reading_view(markdown: Article) -> None:
    first = markdown.paragraphs[0].text
    assert first.startswith("The harbour council met on Monday to discuss the new ferry timetable. Members")
    assert "morning service would start an hour earlier from March, and the mayor" in first  # lines joined
    text = "\n".join(p.text for p in markdown.paragraphs)
    for syntax in ("**", "](", "[1]", "```", "> ", "# ", "|---", "- The", "![", "_Monday_"):
        assert syntax not in text, syntax
    assert "snake_case_name" in text  # underscores inside words are not emphasis


def test_markdown_lists_quotes_images_tables_and_code_are_kept(markdown: Article) -> None:
    kinds = {p.text: p.kind for p in markdown.paragraphs}
    assert kinds["The first ferry leaves at 6:00."] == "body"
    assert kinds["one"] == "body" and kinds["two"] == "body"  # numbered items are not headings
    assert kinds["The harbour at dawn"] == "caption"  # an image's alt text
    assert kinds["Monday | 12"] == "body"
    assert kinds['print("hello")'] == "body"
    assert kinds["Critics warned that the cost of the extra crossings had not been explained to anyone."] == "body"


def test_a_markdown_file_without_front_matter_takes_its_title_from_the_first_heading(tmp_path: Path) -> None:
    from desktop.core.clean import clean_source
    from desktop.core.read import load_path

    path = tmp_path / "notes.md"
    path.write_text("# Ferry *times* change\n\n" + "\n\n".join(LONG), encoding="utf-8")
    article = clean_source(load_path(path))
    assert article.title == "Ferry times change"
    assert [p.text for p in article.paragraphs] == LONG
