"""Saved web pages: trafilatura's text as hinted blocks, metadata, and the junk it leaves behind removed.

tests/core/fixtures/page.html is a small news page: menu, headline, byline, prose, a subheading,
a list, a table, a "Read more" teaser, a follow line and a footer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.clean import clean_html, clean_source
from desktop.core.errors import PrecisError
from desktop.core.model import Article
from desktop.core.read import load_path

PAGE = Path(__file__).parent / "fixtures" / "page.html"
PROSE = (
    "The harbour council met on Monday evening to discuss the new ferry timetable, and after a long"
    " debate the members agreed that the morning service would start an hour earlier from March."
)
MORE = (
    "Critics warned that the cost of the extra crossings had not been explained, and they asked the"
    " council to publish the figures before the new timetable comes into force in the spring."
)


@pytest.fixture(scope="module")
def page() -> Article:
    return clean_source(load_path(PAGE))


def test_title_author_date_and_site_come_from_the_page(page: Article) -> None:
    assert page.title == "Harbour Council Backs Earlier Ferries"
    assert (page.meta.author, page.meta.date, page.meta.site) == ("Jane Smith", "2019-11-18", "The Coastal Times")


def test_structure_becomes_paragraph_kinds(page: Article) -> None:
    kinds = [(p.kind, p.text) for p in page.paragraphs]
    assert ("heading", "What changes in March") in kinds
    assert ("body", "The first ferry leaves at six in the morning.") in kinds
    # Table rows keep their cells, numbers included: data, not junk.
    assert ("body", "Monday | 12") in kinds and ("body", "Saturday | 16") in kinds


def test_menus_and_footer_are_left_out_and_the_prose_kept_in_order(page: Article) -> None:
    text = page.body_text
    assert "Sport" not in text and "Privacy" not in text and "All rights reserved" not in text
    bodies = [p.text for p in page.paragraphs if p.kind == "body" and len(p.text) > 100]
    assert [b[:20] for b in bodies] == ["The harbour council ", "The mayor said that ", "Critics warned that ",
                                       "A final vote is expe"]


@pytest.mark.parametrize(("text", "reason"), [
    ("Harbour Council Backs Earlier Ferries", "duplicate"),  # the <h1> repeats the title
    ("Read more: Island school gets a new roof after the autumn storms", "related"),
    ("Follow Jane Smith on Twitter @janesmith and on Facebook.", "share"),
])
def test_junk_that_trafilatura_keeps_is_removed_with_its_reason(page: Article, text: str, reason: str) -> None:
    assert [r.reason for r in page.removed if r.text == text] == [reason]


def _html(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body><article>{body}</article></body></html>"


def test_without_a_title_tag_the_h1_is_the_title() -> None:
    article = clean_html(_html(f"<h1>Ferries Start Earlier</h1><p>{PROSE}</p><p>{MORE}</p>"))
    assert article.title == "Ferries Start Earlier"
    assert [p.text for p in article.paragraphs] == [PROSE, MORE]


def test_text_outside_paragraph_tags_is_kept() -> None:
    # Pages that put prose straight into a <div> between headings (no <p>) lose nothing.
    article = clean_html(_html(f"<div><h2>First deal</h2>{PROSE}<h2>Second deal</h2>{MORE}</div>",
                               "<title>Deals</title>"))
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("heading", "First deal"), ("body", PROSE), ("heading", "Second deal"), ("body", MORE)]


def test_a_question_asked_of_each_guest_is_not_a_duplicate() -> None:
    question = "What inspired you to start cooking for other people?"
    answers = [PROSE, MORE, PROSE.replace("harbour", "river")]
    body = "".join(f"<h2>Guest {i}</h2><p>{question}</p><p>{a}</p>" for i, a in enumerate(answers))
    article = clean_html(_html(body, "<title>Three cooks</title>"))
    assert [p.text for p in article.paragraphs].count(question) == 3
    assert article.removed == ()


def test_a_page_without_article_text_is_refused_with_its_name() -> None:
    with pytest.raises(PrecisError, match="empty.html: no article text"):
        clean_html(_html("<nav><a href='/'>Home</a></nav>", "<title>Nothing</title>"), "empty.html")
