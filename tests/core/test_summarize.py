"""Summaries: every algorithm, length, order, duplicates, non-body paragraphs, bounds, fuzzed input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import PrecisError
from desktop.core.model import Article, Options, Paragraph, Sentence
from desktop.core.pipeline import read
from desktop.core.split import article_sentences
from desktop.core.summary import ALGORITHMS, MAX_SENTENCES, rank_sentences, summarize

STORY = [
    "The town council approved a budget of 12 million euros for the harbour on Tuesday night.",
    "Fishermen had campaigned for years to repair the crumbling stone quay.",
    "The mayor said the works would begin in spring and last about eighteen months.",
    "Opposition councillors complained that schools and libraries were left with nothing.",
    "A local bakery owner welcomed the plan, hoping tourists would return to the old port.",
    "Engineers found last winter that storms had cracked the northern breakwater.",
    "The regional government will pay a third of the cost, the rest coming from a loan.",
    "Ferry companies expect the new berths to carry twice as many passengers.",
    "Environmental groups asked for a study of the seagrass meadows near the entrance.",
    "Residents can see the detailed plans at the town hall until the end of the month.",
    "The previous repair, in 1987, was finished three years late and far over budget.",
    "Council members will vote again in June on the contractor chosen for the works.",
]


def story(count: int = 12) -> list[str]:
    """Distinct sentences of one news story (a town council, its harbour and its budget)."""
    return STORY[:count]


def body(texts: list[str]) -> tuple[Sentence, ...]:
    return article_sentences(Article(title="Council budget", paragraphs=tuple(Paragraph("body", t) for t in texts)))


def check(summary_sentences: tuple[Sentence, ...], sentences: tuple[Sentence, ...], most: int) -> None:
    """At most `most` sentences, body only, in document order, each the input sentence at its index."""
    assert len(summary_sentences) <= most
    indexes = [s.index for s in summary_sentences]
    assert indexes == sorted(set(indexes))
    for s in summary_sentences:
        assert s.kind == "body"
        assert sentences[s.index].text == s.text
        assert sentences[s.index].kind == "body"
        assert math.isfinite(s.score)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_on_the_sample(sample, algorithm: str) -> None:
    digest = read(sample, Options(algorithm=algorithm, sentences=4))
    assert digest.summary.algorithm == algorithm
    assert len(digest.summary.sentences) == 4
    check(digest.summary.sentences, digest.sentences, 4)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_algorithm_names_are_case_insensitive(algorithm: str) -> None:
    sentences = body(story(6))
    assert len(summarize(sentences, Options(algorithm=algorithm.upper(), sentences=2)).sentences) == 2


def test_unknown_algorithm_is_refused() -> None:
    with pytest.raises(PrecisError, match="unknown algorithm"):
        summarize(body(story(4)), Options(algorithm="magic"))


@pytest.mark.parametrize(("ratio", "expected"), [(0.25, 3), (0.5, 6), (1.0, 12), (0.01, 1)])
def test_ratio_length(ratio: float, expected: int) -> None:
    sentences = body(story(12))
    summary = summarize(sentences, Options(sentences=None, ratio=ratio))
    assert len(summary.sentences) == expected


@pytest.mark.parametrize("options", [Options(sentences=0), Options(sentences=-2),
                                     Options(sentences=None, ratio=0.0), Options(sentences=None, ratio=1.5)])
def test_invalid_length_is_refused(options: Options) -> None:
    with pytest.raises(PrecisError):
        summarize(body(story(4)), options)


def test_more_sentences_asked_than_there_are() -> None:
    sentences = body(story(3))
    assert [s.index for s in summarize(sentences, Options(sentences=10)).sentences] == [0, 1, 2]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_near_duplicates_never_both_chosen(algorithm: str) -> None:
    texts = story(10)
    lead = texts[0]
    # The same sentence again, one word changed, right after the lead and once more later on: the
    # position prior (and lead-3) would take both copies, centrality would too.
    texts.insert(1, lead.replace("approved", "passed"))
    texts.insert(6, lead.replace("on Tuesday night", "late on Tuesday"))
    sentences = body(texts)
    summary = summarize(sentences, Options(algorithm=algorithm, sentences=4))
    copies = [s.index for s in summary.sentences if s.index in (0, 1, 6)]
    assert len(copies) <= 1, (algorithm, copies)
    assert len(summary.sentences) == 4


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_captions_and_headings_never_chosen(algorithm: str) -> None:
    texts = story(8)
    article = Article(title="Council budget", paragraphs=(
        # Headings and captions that would be the most central (and the first) sentences.
        Paragraph("heading", "Town council approves the harbour budget."),
        Paragraph("caption", "The town council approved a budget for the harbour works on Tuesday."),
        *(Paragraph("body", t) for t in texts[:4]),
        Paragraph("caption", "Pictured: the harbour quay the council budget will repair."),
        *(Paragraph("body", t) for t in texts[4:]),
    ))
    sentences = article_sentences(article)
    summary = summarize(sentences, Options(algorithm=algorithm, sentences=5), title=article.title)
    assert len(summary.sentences) == 5
    check(summary.sentences, sentences, 5)


def test_default_prefers_the_lead_of_news() -> None:
    texts = story(10)
    summary = summarize(body(texts), Options(sentences=3))
    assert summary.sentences[0].index == 0


def test_scores_rank_the_chosen_sentences() -> None:
    sentences = body(story(10))
    summary = summarize(sentences, Options(sentences=3))
    assert all(math.isfinite(s.score) for s in summary.sentences)
    # Reported scores are the ones the choice was made on: the ranker's scores of those sentences, and
    # the best-scored sentence of the article is among them.
    ranked = rank_sentences([s.text for s in sentences], [s.paragraph for s in sentences])
    assert [s.score for s in summary.sentences] == pytest.approx([ranked[s.index] for s in summary.sentences])
    assert int(np.argmax(ranked)) in {s.index for s in summary.sentences}


@pytest.mark.parametrize("algorithm", sorted(MAX_SENTENCES))
def test_slow_algorithms_refused_beyond_their_bound(algorithm: str) -> None:
    limit = MAX_SENTENCES[algorithm]
    texts = [f"Report{k} from committee{k % 17} discussed budget{k % 5} and harbour{k}." for k in range(limit + 1)]
    sentences = tuple(Sentence(text=t, index=k, paragraph=k) for k, t in enumerate(texts))
    with pytest.raises(PrecisError, match="too slow"):
        summarize(sentences, Options(algorithm=algorithm, sentences=3))
    # The default has no bound: it takes the same text.
    assert len(summarize(sentences, Options(sentences=3)).sentences) == 3


def test_duplicates_at_the_top_do_not_shorten_the_summary() -> None:
    # 100 copies of the lead (all duplicates of each other) rank above everything else.
    texts = [STORY[0]] * 100 + STORY[1:]
    summary = summarize(body(texts), Options(sentences=3))
    assert [s.text for s in summary.sentences][0] == STORY[0]
    assert len(summary.sentences) == 3
    assert len({s.text for s in summary.sentences}) == 3


def test_kl_works_within_its_bound() -> None:
    sentences = body(story(12))
    assert len(summarize(sentences, Options(algorithm="kl", sentences=2)).sentences) == 2


def test_other_languages_do_not_break_any_algorithm() -> None:
    # Polish and Greek stemmers in sumy fail when first used (missing packages): we fall back.
    texts = ["Rząd ogłosił w środę obniżkę podatków dla małych firm.",
             "Według ministra finansów to ważny krok dla gospodarki.",
             "Ceny energii rosną od zimy i firmy cierpią."]
    sentences = body(texts)
    for language in ("polish", "greek", "thai", "german"):
        for algorithm in ALGORITHMS:
            summary = summarize(sentences, Options(algorithm=algorithm, sentences=2), language=language)
            assert len(summary.sentences) == 2


# -- fuzzing -------------------------------------------------------------------------------------

LENGTHS = st.one_of(
    st.builds(lambda n: Options(sentences=n), st.integers(1, 8)),
    st.builds(lambda r: Options(sentences=None, ratio=r), st.floats(0.01, 1.0)),
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.just(""),
    st.text(st.characters(categories=["L"]), min_size=1, max_size=20),  # one word
    st.lists(st.sampled_from(["Mr.", "U.S.", "$10", "(£7.8", "million)", "…", "\"no.\"", "Dec", "4.",
                              "the", "Hama", "rebels", "-", "1.", "?!", "\n", "\n\n", "ü", "北京", " "]),
             max_size=80).map(" ".join),
)


def _run(text: str, options: Options, algorithm: str) -> None:
    paragraphs = tuple(Paragraph("body", p) for p in text.split("\n\n") if p.strip())
    sentences = article_sentences(Article(title=text[:30], paragraphs=paragraphs))
    options = Options(algorithm=algorithm, sentences=options.sentences, ratio=options.ratio)
    summary = summarize(sentences, options, title=text[:30])
    n = sum(1 for s in sentences if s.kind == "body")
    most = options.sentences if options.ratio is None else max(1, round(n * options.ratio))
    check(summary.sentences, sentences, most)
    if n:
        assert summary.sentences  # something is always chosen when there is a body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, options=LENGTHS, algorithm=st.sampled_from(["precis", "lead"]))
def test_fuzzed_text_never_breaks_the_default(text: str, options: Options, algorithm: str) -> None:
    _run(text, options, algorithm)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, options=LENGTHS, algorithm=st.sampled_from(ALGORITHMS))
def test_fuzzed_text_never_breaks_any_algorithm(text: str, options: Options, algorithm: str) -> None:
    _run(text, options, algorithm)


@pytest.mark.parametrize("algorithm", ["precis", "lead", "luhn", "lsa"])
def test_one_giant_sentence(algorithm: str) -> None:
    giant = " ".join(f"word{k % 997} and" for k in range(20_000))  # 40,000 words, no full stop
    sentences = body([giant])
    assert len(sentences) == 1
    summary = summarize(sentences, Options(algorithm=algorithm, sentences=3))
    assert [s.text for s in summary.sentences] == [giant]


@given(n=st.integers(-3, 0))
def test_invalid_counts_raise_precis_error_only(n: int) -> None:
    with pytest.raises(PrecisError):
        summarize(body(["One sentence here."]), Options(sentences=n))
