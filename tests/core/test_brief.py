"""Briefings: one summary of several articles, merged facts, a timeline with relative dates resolved,
Markdown with citations; a briefing of one article is its digest."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from desktop.core.brief import brief_article, briefing_markdown, build_briefing, find_dates
from desktop.core.errors import PrecisError
from desktop.core.pipeline import read

STORY = Path(__file__).resolve().parent.parent / "fixtures" / "brief"
OUTLETS = ("levant-wire", "daily-courier", "gulf-monitor", "northern-post", "europa-daily", "asia-herald")


@pytest.fixture(scope="module")
def digests() -> dict[str, object]:
    return {name: read(STORY / f"{name}.html") for name in (*OUTLETS, "unrelated-recipe")}


def items(digests: dict, names: tuple[str, ...]) -> list:
    return [(brief_article(i, digests[name]), digests[name]) for i, name in enumerate(names, 1)]


@pytest.fixture(scope="module")
def story(digests: dict):
    return build_briefing(items(digests, OUTLETS), created="2024-12-08T10:00:00+00:00")


def sentence_of(digests: dict, briefing, article: int, index: int) -> str:
    source = briefing.article(article).source_path
    digest = next(d for d in digests.values() if d.source_path == source)
    return next(s.text for s in digest.sentences if s.index == index)


def test_the_same_point_from_several_outlets_appears_once_credited_to_all(story, digests) -> None:
    fell = [s for s in story.sentences if re.search(r"Hama", s.text) and re.search(r"withdr[ae]w", s.text)]
    assert len(fell) == 1  # three outlets say the army withdrew and Hama fell: one sentence says it
    credited = {fell[0].article, *(c.article for c in fell[0].also_in)}
    sites = {story.article(a).site for a in credited}
    assert {"Levant Wire", "The Daily Courier", "Northern Post"} <= sites
    for c in fell[0].also_in:  # each credit points at a sentence of that article saying the same
        text = sentence_of(digests, story, c.article, c.index)
        assert "Hama" in text and "withdr" in text


def test_summary_draws_on_every_article_and_repeats_nothing(story) -> None:
    assert len({s.article for s in story.sentences}) == min(len(story.sentences), len(OUTLETS))
    texts = [s.text for s in story.sentences]
    assert len(set(texts)) == len(texts)


def test_articles_and_sentences_come_in_time_order(story) -> None:
    dates = [a.date for a in story.articles]
    assert dates == sorted(dates)
    order = [story.number(s.article) for s in story.sentences]
    assert order == sorted(order)


def test_links_point_at_the_sentence_in_its_article(story, digests) -> None:
    for s in story.sentences:
        assert sentence_of(digests, story, s.article, s.index) == s.text
    for e in story.timeline:
        assert sentence_of(digests, story, e.article, e.index) == e.text


def test_respellings_merge_across_articles_with_article_counts(story) -> None:
    people = dict(story.facts)["people"]
    jolani = [f for f in people if "Jolani" in f.text or "Jawlani" in f.text]
    assert len(jolani) == 1  # "al-Jolani" in three outlets, "al-Jawlani" in one: one person
    assert any("Jawlani" in v for v in (jolani[0].text, *jolani[0].variants))
    assert len(jolani[0].articles) == 4
    assad = [f for f in people if f.text.endswith("al-Assad")]
    assert {f.text for f in assad} == {"Bashar al-Assad", "Hafez al-Assad"}  # father and son stay apart
    places = dict(story.facts)["places"]
    assert places[0].text == "Hama" and len(places[0].articles) == 6


def test_relative_dates_are_resolved_against_each_articles_own_date(story) -> None:
    by_phrase = {(story.article(e.article).site, e.phrase.lower()): e.date for e in story.timeline}
    assert by_phrase[("The Daily Courier", "yesterday")] == "2024-12-05"  # dated Friday 6 December
    assert by_phrase[("Gulf Monitor", "on wednesday")] == "2024-12-04"
    assert by_phrase[("Levant Wire", "on thursday")] == "2024-12-05"  # dated that Thursday
    assert by_phrase[("Levant Wire", "last week")] == "2024-W48"
    assert by_phrase[("Gulf Monitor", "next week")] == "2024-W50"
    starts = [e.start for e in story.timeline]
    assert starts == sorted(starts)


def test_date_phrases() -> None:
    friday = date(2024, 12, 6)
    found = {p.phrase: p.iso for p in find_dates(
        "On Thursday, two days ago and last month, talks set for 5 March 2025 moved; in 2011 too.", friday)}
    assert found == {"On Thursday": "2024-12-05", "two days ago": "2024-12-04", "last month": "2024-11",
                     "5 March 2025": "2025-03-05", "in 2011": "2011"}
    assert [p.iso for p in find_dates("Talks will resume on Monday.", friday)] == ["2024-12-09"]
    # Without the article's date only what names its year can be placed.
    assert [p.iso for p in find_dates("On Thursday, as in March 2020, it rained.", None)] == ["2020-03"]
    # "May" the verb and "market" are no months.
    assert find_dates("He may sell in the market.", friday) == []


def test_a_briefing_of_one_article_is_its_digest(digests) -> None:
    digest = digests["levant-wire"]
    b = build_briefing(items(digests, ("levant-wire",)))
    assert [(s.text, s.index) for s in b.sentences] == [(s.text, s.index) for s in digest.summary.sentences]
    assert b.title == digest.article.title
    merged = dict(b.facts)
    for group, facts in digest.facts.groups():
        if group in merged:
            assert {f.text for f in merged[group]} == {f.text for f in facts}


def test_unrelated_article_adds_its_own_sentence_but_no_false_credit(digests) -> None:
    b = build_briefing(items(digests, (*OUTLETS[:3], "unrelated-recipe")))
    recipe = next(a.id for a in b.articles if a.site == "Home Kitchen")
    assert any(s.article == recipe for s in b.sentences)
    for s in b.sentences:
        assert recipe not in {c.article for c in s.also_in} or s.article == recipe
        if s.article == recipe:
            assert s.also_in == ()


def test_length_option_and_bad_input(digests) -> None:
    b = build_briefing(items(digests, OUTLETS), n=3)
    assert len(b.sentences) == 3 and len({s.article for s in b.sentences}) == 3
    with pytest.raises(PrecisError, match="at least one article"):
        build_briefing([])
    with pytest.raises(PrecisError, match="at least 1"):
        build_briefing(items(digests, OUTLETS), n=0)


def test_markdown_cites_numbered_sources(story) -> None:
    md = briefing_markdown(story)
    assert md.startswith("---\ntitle: ")
    front = md.split("---")[1]
    assert "created: \"2024-12-08T10:00:00+00:00\"" in front
    assert front.count("  - title: ") == len(OUTLETS) and "europa-daily.html" in front
    heads = [line for line in md.splitlines() if line.startswith("## ")]
    assert heads == ["## Summary", "## Key facts", "## Timeline", "## Sources"]
    summary = md.split("## Summary")[1].split("## Key facts")[0]
    sources = md.split("## Sources")[1].strip().splitlines()
    assert len(sources) == len(OUTLETS)
    for s, line in zip(story.sentences, [x for x in summary.splitlines() if x.startswith("- ")], strict=True):
        numbers = [int(n) for n in re.findall(r"\[(\d+)\]", line)]
        assert numbers[0] == story.number(s.article)
        assert story.articles[numbers[0] - 1].title in sources[numbers[0] - 1]
        assert len(numbers) == 1 + len(s.also_in)
    assert "Abu Mohammed al-Jolani" in md and "— 4 articles" in md
