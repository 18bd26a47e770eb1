"""Highlights found again by their words and context after the article changes; Markdown export."""

from __future__ import annotations

from pathlib import Path

from desktop.core.clean import clean_source
from desktop.core.export import to_markdown
from desktop.core.highlights import (
    Highlight,
    Piece,
    find_passage,
    flat_text,
    locate,
    make_anchor,
    offset_of,
    pieces,
    place,
    place_all,
)
from desktop.core.model import Article, Paragraph
from desktop.core.pipeline import digest_article
from desktop.core.read import load_path

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "hama.txt"


def _sample() -> Article:
    return clean_source(load_path(SAMPLE))


def _article(*texts: str) -> Article:
    return Article(title="T", paragraphs=tuple(Paragraph("body", t) for t in texts))


def _anchor_of(article: Article, passage: str, occurrence: int = 0):
    flat = flat_text(article)
    at = -1
    for _ in range(occurrence + 1):
        at = flat.index(passage, at + 1)
    return make_anchor(article, at, at + len(passage))


def _found(article: Article, anchor) -> str | None:
    where = locate(article, anchor)
    return None if where is None else flat_text(article)[where[0]:where[1]]


def test_a_passage_is_found_where_it_was_made() -> None:
    article = _sample()
    passage = "a video released by the group"
    anchor = _anchor_of(article, passage)
    assert anchor.text == passage and anchor.prefix and anchor.suffix
    assert _found(article, anchor) == passage
    start = flat_text(article).index(passage)
    assert locate(article, anchor) == (start, start + len(passage))


def test_white_space_at_the_ends_of_a_selection_is_left_out() -> None:
    article = _article("One two three.", "Four five six.")
    flat = flat_text(article)
    anchor = make_anchor(article, flat.index("two") - 1, flat.index("three") + 5)
    assert anchor.text == "two three"
    assert make_anchor(article, 3, 4) is None  # a lone space is no highlight


def test_of_repeated_passages_the_one_with_the_same_context_is_chosen() -> None:
    article = _article("The vote was close. Nobody expected it.",
                       "Later the mayor said: the vote was close. She resigned.")
    second = _anchor_of(article, "the vote was close", occurrence=0)  # case differs from the first
    assert second.prefix.endswith("mayor said: ")
    where = locate(article, second)
    assert pieces(article, *where) == (Piece(1, 22, 40),)
    first = make_anchor(article, 0, len("The vote was close"))
    assert pieces(article, *locate(article, first)) == (Piece(0, 0, 18),)


def test_a_highlight_survives_a_re_clean_that_moves_splits_and_retypes_the_text() -> None:
    before = _article("Intro line here.",
                      "The minister said that “the budget is final” and left the room without questions.",
                      "A closing paragraph that says nothing else at all.")
    anchor = _anchor_of(before, "“the budget is final” and left the room")
    # The new cleaner keeps a block it used to drop, breaks lines differently and writes straight quotes.
    after = _article("Subscribe to our newsletter!", "Intro line here.",
                     'The minister said that "the budget is final"\n and  left the room',
                     "without questions.", "A closing paragraph that says nothing else at all.")
    found = _found(after, anchor)
    assert found == '"the budget is final"\n and  left the room'
    assert place(after, Highlight(1, anchor)).paragraph == 2


def test_a_highlight_across_paragraphs_is_cut_into_pieces_per_paragraph() -> None:
    article = _article("First paragraph ends here.", "Second starts here and goes on.")
    flat = flat_text(article)
    anchor = make_anchor(article, flat.index("ends"), flat.index("and goes"))
    assert anchor.text == "ends here.\nSecond starts here"
    assert pieces(article, *locate(article, anchor)) == (Piece(0, 16, 26), Piece(1, 0, 18))
    assert offset_of(article, 1, 7) == flat.index("starts")


def test_a_re_worded_passage_is_found_between_its_old_neighbours() -> None:
    before = _article("Officials said the harbour budget would rise by ten percent next year, "
                      "according to the report published on Monday.")
    anchor = _anchor_of(before, "the harbour budget would rise by ten percent")
    after = _article("Officials said the port budget is to grow by a tenth next year, "
                     "according to the report published on Monday.")
    assert _found(after, anchor) == "the port budget is to grow by a tenth"


def test_a_passage_with_one_word_changed_is_found_by_likeness() -> None:
    before = _article("Rebels entered the east of the city earlier on Thursday and moved in on the west.")
    anchor = _anchor_of(before, "entered the east of the city earlier on Thursday")
    after = _article("Completely new opening words. "
                     "Fighters entered the east of the city early on Thursday, then the west.")
    assert _found(after, anchor) == "entered the east of the city early on Thursday"


def test_a_passage_that_is_gone_is_not_found_and_placed_last() -> None:
    before = _article("Keep this sentence please.", "This paragraph will be dropped by the new cleaner.")
    gone = _anchor_of(before, "will be dropped by the new cleaner")
    kept = _anchor_of(before, "this sentence")
    after = _article("Keep this sentence please.", "Something else entirely, about the weather in May.")
    assert locate(after, gone) is None
    placed = place_all(after, [Highlight(1, gone, created="2026-01-01"), Highlight(2, kept, created="2026-01-02")])
    assert [h.id for h in placed] == [2, 1]
    assert placed[1].pieces == () and placed[1].paragraph is None


def test_find_passage_takes_what_a_person_types() -> None:
    article = _sample()
    anchor = find_passage(article, 'had   "redeployed and repositioned"  its soldiers')
    assert anchor is not None
    assert anchor.text == "had “redeployed and repositioned” its soldiers"  # the article's own characters
    assert find_passage(article, "words that are not in the article at all") is None
    assert find_passage(article, "   ") is None


def test_the_markdown_digest_lists_highlights_as_quotes_with_their_notes() -> None:
    article = _sample()
    digest = digest_article(article, "hama.txt", None)
    one = Highlight(1, _anchor_of(article, "a video released by the group"), note="Check the *video* date.")
    flat = flat_text(article)
    a = flat.index("told his troops")
    b = flat.index("Images that circulated") + len("Images that circulated")
    two = Highlight(2, make_anchor(article, a, b))
    text = to_markdown(digest, highlights=[one, two])
    section = text[text.index("## Highlights"):text.index("## Key facts")]
    assert section == (
        "## Highlights\n\n"
        "> a video released by the group\n\n"
        "Check the \\*video\\* date.\n\n"
        "> told his troops to spare civilians.\n>\n> Images that circulated\n\n"
    )
    assert text.index("## Summary") < text.index("## Highlights")
    assert "## Highlights" not in to_markdown(digest)
