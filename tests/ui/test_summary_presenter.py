"""SummaryPresenter: the digest, clicks into the article, length and algorithm
(fake view, in-memory library, synchronous runner)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.ui.presenters.summary import sentence_spans
from tests.ui.harness import ARTICLE, Harness, write


def test_length_and_algorithm_changes_recompute_and_are_remembered(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.summary.length_changed("sentences", 2)
    assert len(h.view.summary.sentences) == 2
    assert h.saved[-1].sentences == 2
    assert h.lib.get(1).summary_sentences == 2
    h.presenter.summary.length_changed("percent", 50)
    assert h.saved[-1].length_mode == "percent" and h.saved[-1].percent == 50
    assert len(h.view.summary.sentences) == 4  # half of the 8 body sentences
    assert h.view.summary.caption.startswith("4 of 8 sentences")
    h.presenter.summary.algorithm_changed("lead")
    assert h.saved[-1].algorithm == "lead"
    assert "Lead" in h.view.summary.caption
    assert h.view.summary.sentences[0].index == 0

def test_clicking_a_summary_sentence_or_fact_reveals_its_span(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    first = h.view.summary.sentences[0]
    h.presenter.summary.sentence_clicked(first.index)
    span = h.view.revealed
    text = h.view.article.paragraphs[span.paragraph].text
    assert text[span.start:span.end] == first.text
    fact = h.view.facts[0].facts[0]
    h.presenter.summary.fact_clicked(fact.sentence)
    span = h.view.revealed
    sentence = h.presenter.digest.sentences[fact.sentence]
    assert h.view.article.paragraphs[span.paragraph].text[span.start:span.end] == sentence.text

def test_digest_failure_is_a_status_message_not_a_crash(sample: Path, tmp_path: Path) -> None:
    h = Harness(sample)

    def broken(*args):
        raise PrecisError("the summariser refused this text")

    h.presenter.summary._digest_fn = broken
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    assert h.view.article is not None
    assert h.view.status == h.view.status.__class__("the summariser refused this text", "error")
    assert not h.view.busy

def test_sentence_spans() -> None:
    from desktop.core.model import Article, Paragraph, Sentence

    article = Article("t", (Paragraph("body", "One two. One two."),))
    sents = (Sentence("One two.", 0, 0), Sentence("One two.", 1, 0))
    assert [(s.start, s.end) for s in sentence_spans(article, sents).values()] == [(0, 8), (9, 17)]


def test_each_algorithm_comes_with_a_line_on_what_it_does(h: Harness, tmp_path: Path) -> None:
    from desktop.core.summary import LABELS

    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    notes = set()
    for key in LABELS:
        h.presenter.summary.algorithm_changed(key)
        assert h.view.length.algorithm == key and len(h.view.length.about) > 20
        notes.add(h.view.length.about)
    assert len(notes) == len(LABELS)  # one each, not one line for all


def test_keywords_stay_in_the_order_of_their_weight(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    ranked = [f.text for f in h.presenter.digest.facts.keywords]
    shown = next((g for g in h.view.facts if g.title == "Keywords"), None)
    assert ranked and shown is not None and [f.text for f in shown.facts] == ranked


def test_typing_a_count_while_automatic_makes_it_the_persons_choice(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    automatic = len(h.view.summary.sentences)
    assert h.view.length.mode == "auto" and "automatic" in h.view.summary.caption
    h.presenter.summary.length_changed("auto", automatic + 1)
    assert h.view.length.mode == "sentences" and h.view.length.value == automatic + 1
    assert len(h.view.summary.sentences) == automatic + 1
    assert "automatic" not in h.view.summary.caption
    h.presenter.summary.length_mode_changed("auto")
    assert h.view.length.mode == "auto" and len(h.view.summary.sentences) == automatic


def test_a_digest_made_in_two_steps_is_the_digest_made_at_once(sample: Path) -> None:
    """Opening a file makes its sentences and summary first (they show with the article); the summary
    pane completes that digest with the facts: the same digest as made in one go."""
    from desktop.core.clean import clean_source
    from desktop.core.model import Options
    from desktop.core.read import load_path
    from desktop.ui.presenters.summary import default_digest

    source = load_path(sample)
    article = clean_source(source)
    for options in (Options(), Options(sentences=3), Options(algorithm="lead", sentences=2)):
        partial = default_digest(article, source.name, source.path, options, facts=False)
        assert partial.summary.sentences and not partial.facts.people
        whole = default_digest(article, source.name, source.path, options)
        assert default_digest(article, source.name, source.path, options, partial=partial) == whole


class StepRunner:
    """Runs the submitted jobs one at a time when told to, as the worker thread would."""

    def __init__(self) -> None:
        self.jobs: list = []

    def submit(self, work, done, failed, key=None) -> None:
        self.jobs.append((work, done, failed))

    def call_soon(self, fn) -> None:
        fn()

    def step(self) -> None:
        work, done, failed = self.jobs.pop(0)
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001 - as the worker hands it over
            failed(exc)
        else:
            done(result)


def test_an_opened_file_shows_its_summary_with_the_article_and_its_facts_after(
        sample: Path, tmp_path: Path) -> None:
    from desktop.library.store import Library

    runner = StepRunner()
    with Library.open(tmp_path / "library.db") as lib:
        h = Harness(sample, library=lib, runner=runner)
        h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
        runner.step()  # read, clean, summarise, store
        assert h.view.article is not None and h.view.summary.sentences
        assert h.view.facts == () and h.view.busy and lib.get(1).facts == ""
        shown = h.view.summary
        runner.step()  # the facts, stored and indexed
        assert not runner.jobs and not h.view.busy
        assert "Ana Ruiz" in [f.text for group in h.view.facts for f in group.facts]
        assert "Ana Ruiz" in lib.get(1).facts
        assert h.view.summary == shown
        assert lib.cached_digest(lib.get(1), h.presenter.summary.options()) == h.presenter.digest
