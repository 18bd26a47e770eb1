"""Titles (issue 17, item 6): a text without a title line is named by its first sentence, never its
file name; sections and site names move from a headline to the site."""

from __future__ import annotations

from desktop.core.clean import clean_source
from desktop.core.clean.titles import sentence_title, split_site
from desktop.core.read import load_bytes

STORY = ("(CNN) The mayor of a small coastal town said on Tuesday that the harbour would reopen next "
         "spring after two years of repairs paid for by the regional government and local businesses. "
         "Fishermen welcomed the news. The works cost more than expected, officials said, and the "
         "council will publish the final accounts in the autumn after an independent review of every "
         "contract signed since the storm.")


def test_a_text_without_a_title_line_is_named_by_its_first_sentence() -> None:
    source = load_bytes(STORY.encode(), name="cnndm_20.txt", path="/data/cnndm_20.txt")
    article = clean_source(source)
    assert article.title != "cnndm_20"
    assert article.title.startswith("(CNN) The mayor of a small coastal town")
    assert article.title.endswith("…") and len(article.title) <= 81
    assert STORY.split(".")[0] in article.body_text  # the sentence stays in the text too


def test_a_long_sentence_is_cut_at_a_word_and_a_short_one_kept_whole() -> None:
    title = sentence_title("Fishermen welcomed the news. Nothing else.")
    assert title == "Fishermen welcomed the news"
    long = sentence_title("word " * 40)
    assert long.endswith("…") and not long.endswith(" …") and long[:-1].split()[-1] == "word"


def test_sections_and_site_names_move_from_the_title_to_the_site() -> None:
    assert split_site("Opinion | The harbour deserves better than this") == (
        "The harbour deserves better than this", "Opinion")
    assert split_site("Harbour to reopen in spring after repairs - BBC News") == (
        "Harbour to reopen in spring after repairs", "BBC News")
    assert split_site("Opinion | The harbour deserves better than this | The Guardian") == (
        "The harbour deserves better than this", "The Guardian")
    assert split_site("Why 2 + 2 = 4: a short proof") == ("Why 2 + 2 = 4: a short proof", "")


def test_a_web_page_title_loses_its_section_prefix() -> None:
    page = ("<html><head><title>Opinion | The harbour deserves better than this</title></head><body>"
            "<article><h1>Opinion | The harbour deserves better than this</h1>"
            + "".join(f"<p>{STORY}</p>" for _ in range(3)) + "</article></body></html>")
    source = load_bytes(page.encode(), name="page.html", path="/data/page.html")
    article = clean_source(source)
    assert article.title == "The harbour deserves better than this"
    assert article.meta.site == "Opinion"  # the page names no site: the section stands in
