"""SummaryPresenter: the right pane. Makes the digest (summary and facts) off the Tk thread, shows it,
follows clicks on sentences and facts into the article, and owns the summary's length and algorithm."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from desktop.core.model import Article, Digest, Options, Sentence
from desktop.ui.presenters.common import Pane, Shell, message
from desktop.ui.viewmodels import (
    FactGroupView,
    FactView,
    LengthView,
    Span,
    Status,
    SummarySentenceView,
    SummaryView,
)

SENTENCES_MAX = 50
NOTHING_OPEN = "No article open"
# What each algorithm does, in a line a reader can use to choose (shown under the algorithm menu).
ALGORITHM_NOTES = {
    "precis": "Our ranker: sentences that carry the article's main words and names, early ones favoured.",
    "lead": "The first sentences, as a news editor would cut it.",
    "lexrank": "Sentences most like the other sentences (a graph of similarity).",
    "textrank": "Sentences most connected to the rest by shared words (PageRank on sentences).",
    "lsa": "Sentences that best cover the article's main topics (latent semantic analysis).",
    "luhn": "Sentences dense in the article's most frequent significant words.",
    "edmundson": "Sentences scored by cue words, title words and position.",
    "sumbasic": "Sentences made of the most frequent words, lowering a word's weight once used.",
    "reduction": "Sentences that share the most words with the others (graph reduction).",
    "kl": "Sentences whose words best match the whole article's word distribution (KL-Sum).",
}
GROUP_TITLES = (
    ("people", "People"), ("organisations", "Organisations"), ("places", "Places"), ("events", "Events"),
    ("numbers", "Numbers"), ("dates", "Dates"), ("quotes", "Quotes"), ("keywords", "Keywords"),
)

DigestFn = Callable[[Article, str, "str | None", Options], Digest]


def sentence_spans(article: Article, sentences: Sequence[Sentence]) -> dict[int, Span]:
    """Where each sentence stands in its paragraph, searched in order (sentences are stripped copies)."""
    spans: dict[int, Span] = {}
    cursor: dict[int, int] = {}
    for s in sentences:
        if not 0 <= s.paragraph < len(article.paragraphs):
            continue
        text = article.paragraphs[s.paragraph].text
        start = text.find(s.text, cursor.get(s.paragraph, 0))
        if start < 0:
            start = text.find(s.text)
        if start < 0:
            spans[s.index] = Span(s.paragraph, 0, len(text))
            continue
        end = start + len(s.text)
        cursor[s.paragraph] = end
        spans[s.index] = Span(s.paragraph, start, end)
    return spans


def default_digest(article: Article, name: str, path: str | None, options: Options, *, facts: bool = True,
                   partial: Digest | None = None) -> Digest:
    """The article's digest (in the worker). `facts=False`: its sentences and summary only (for an
    article being added: the summary shows before the facts are found); `partial`: such a digest,
    completed with the facts (the same digest as made at once)."""
    if partial is not None:
        from desktop.core.facts import article_facts

        return replace(partial, facts=article_facts(article, partial.sentences, language=partial.language))
    from desktop.core.pipeline import digest_article

    return digest_article(article, name, path, options, facts=facts)


def _algorithm_choices() -> list[tuple[str, str]]:
    from desktop.core.summary import LABELS

    return list(LABELS.items())


class SummaryPresenter(Pane):
    def __init__(self, main: Shell, digest: DigestFn = default_digest) -> None:
        self.main = main
        self._digest_fn = digest
        self._prepared: dict[int, tuple[Options, Digest]] = {}
        self._shown: tuple[int, object] | None = None  # (entry id, summary) shown before its facts
        self._serial = 0  # of the latest digest asked for: an older one's result is not shown

    def prepare(self, article: Article, name: str, path: str | None, options: Options) -> Digest:
        """In the worker, for a file being opened: its sentences and summary; prepared() keeps them, so
        the summary shows with the article and only the facts are left to find."""
        return self._digest_fn(article, name, path, options, facts=False)

    def prepared(self, id: int, options: Options, partial: Digest) -> None:
        self._prepared = {id: (options, partial)}  # only the latest file opened is shown

    def start(self) -> None:
        """Fill the algorithm menu (off the Tk thread: it loads the summarisers' table)."""
        self.main.runner.submit(_algorithm_choices, self.view.set_algorithms, self.main.failed, key="algorithms")

    def article_changed(self) -> None:
        """A new article is shown: clear the pane and make its digest."""
        self.view.show_length(self.length())
        self.view.show_summary(None)
        self.view.show_facts(())
        self.view.set_can_export(False)
        self.recompute()

    def cleared(self) -> None:
        """No article is open any more (deleted): nothing is being made, nothing can be exported."""
        self.view.set_busy(False)
        self.view.show_summary(SummaryView((), NOTHING_OPEN))
        self.view.show_facts(())
        self.view.set_can_export(False)

    # ----- the digest -----------------------------------------------------------------------------

    def options(self) -> Options:
        s = self.main.settings
        if s.length_mode == "percent":
            return Options(algorithm=s.algorithm, sentences=None, ratio=s.percent / 100)
        if s.length_mode == "auto":
            return Options(algorithm=s.algorithm, sentences=None, ratio=None)
        return Options(algorithm=s.algorithm, sentences=s.sentences, ratio=None)

    def recompute(self) -> None:
        entry = self.main.entry
        if entry is None:
            return
        options = self.options()
        self.view.set_busy(True)
        lib, compute = self.main.lib, self._digest_fn
        kept, partial = self._prepared.pop(entry.id, (None, None))
        self._serial += 1
        serial = self._serial
        if partial is not None and kept == options:  # opened just now: its summary is made
            self._summary_ready(entry.id, partial)

            def facts() -> Digest:
                made = compute(entry.article, entry.source_name, entry.source_path, options, partial=partial)
                lib.index_facts(entry.id, made.facts)  # it was added without them, for the summary's sake
                lib.keep_digest(entry.id, made, options)
                return made

            # Not superseded by a later digest (no key): the search index needs these facts.
            self.main.runner.submit(facts, lambda digest: self._digest_ready(entry.id, digest, serial),
                                    lambda exc: self._digest_failed(exc, serial))
            return

        def work() -> Digest:
            return lib.digest(entry, options, compute)  # from the library's digest cache when it has it
        self.main.runner.submit(work, lambda digest: self._digest_ready(entry.id, digest, serial),
                                lambda exc: self._digest_failed(exc, serial), key="digest")

    def _summary_ready(self, id: int, digest: Digest) -> None:
        """The summary is shown; the facts follow (busy until then)."""
        main = self.main
        main.spans = sentence_spans(digest.article, digest.sentences)
        self.view.show_summary(self._summary_view(digest))
        if digest.summary.automatic:
            self.view.show_length(self.length(digest))
        self._shown = (id, digest.summary)

    def _digest_ready(self, id: int, digest: Digest, serial: int) -> None:
        main = self.main
        if main.entry is None or main.entry.id != id or serial != self._serial:
            return
        main.digest = digest
        self.view.set_busy(False)
        if self._shown != (id, digest.summary):  # else it shows already (with the article, just opened)
            self._summary_ready(id, digest)
        self._shown = None
        self.view.show_facts(self._fact_groups(digest))
        self.view.set_can_export(True)

    def _digest_failed(self, exc: BaseException, serial: int) -> None:
        if serial != self._serial:
            return
        self.view.set_busy(False)
        self.view.show_summary(SummaryView((), message(exc)))
        self.view.show_status(Status(message(exc), "error"))

    def _summary_view(self, digest: Digest) -> SummaryView:
        from desktop.core.summary import LABELS  # numpy-free (labels.py): the digest may come from the cache

        spans = self.main.spans
        summary = digest.summary
        markers = summary.markers or ("",) * len(summary.sentences)
        items = tuple(
            SummarySentenceView(n, s.index, s.text, spans.get(s.index, Span(s.paragraph, 0, 0)), marker)
            for n, (s, marker) in enumerate(zip(summary.sentences, markers, strict=True), 1)
        )
        body = sum(1 for s in digest.sentences if s.kind == "body")
        label = LABELS.get(summary.algorithm, summary.algorithm)
        # The caption says where the length came from: the article's length or the person's choice.
        length = f" (automatic for {digest.words:,} words)" if summary.automatic else ""
        return SummaryView(items, f"{len(items)} of {body} sentences{length}  ·  {label}")

    @staticmethod
    def _fact_groups(digest: Digest) -> tuple[FactGroupView, ...]:
        groups = []
        for name, title in GROUP_TITLES:
            facts = getattr(digest.facts, name)
            if facts:
                groups.append(FactGroupView(title, tuple(
                    FactView(f.text, f.detail, f.sentence, f.count) for f in facts)))
        return tuple(groups)

    def sentence_clicked(self, index: int) -> None:
        span = self.main.spans.get(index)
        if span is not None:
            self.view.reveal(span)

    fact_clicked = sentence_clicked

    # ----- summary length and algorithm -----------------------------------------------------------

    def length_changed(self, mode: str, value: int) -> None:
        if mode not in ("auto", "sentences", "percent"):
            return
        if mode == "auto" and int(value) != self.length().value:
            mode = "sentences"  # a number typed while the length was automatic: the person's choice wins
        limit = SENTENCES_MAX if mode != "percent" else 100
        value = max(1, min(limit, int(value)))
        if mode == "auto":
            changes: dict[str, object] = {"length_mode": mode}
        elif mode == "sentences":
            changes = {"length_mode": mode, "sentences": value}
        else:
            changes = {"length_mode": mode, "percent": value}
        if all(getattr(self.main.settings, k) == v for k, v in changes.items()):
            return
        self.main.update(**changes)
        self._store_settings()
        self.view.show_length(self.length())
        self.recompute()

    def length_mode_changed(self, mode: str) -> None:
        """Switching between sentences and percent brings back the value last used in that mode."""
        value = self.main.settings.percent if mode == "percent" else self.main.settings.sentences
        self.length_changed(mode, value)

    def algorithm_changed(self, algorithm: str) -> None:
        if algorithm == self.main.settings.algorithm:
            return
        self.main.update(algorithm=algorithm)
        self._store_settings()
        self.view.show_length(self.length())  # the line on what the algorithm does follows the choice
        self.recompute()

    def _store_settings(self) -> None:
        if self.main.entry is None:
            return
        options = self.options()
        try:
            self.main.lib.set_summary_settings(self.main.entry.id, options.algorithm, options.sentences,
                                               options.ratio)
        except (KeyError, LookupError):
            pass

    def length(self, digest: Digest | None = None) -> LengthView:
        """The length control's state; `digest`: the one shown (else the open article's)."""
        s = self.main.settings
        value = s.percent if s.length_mode == "percent" else s.sentences
        digest = digest or self.main.digest
        if s.length_mode == "auto" and digest is not None and digest.summary.automatic:
            value = len(digest.summary.sentences)  # the count shows what the article's length gave
        return LengthView(s.length_mode, value, s.algorithm, ALGORITHM_NOTES.get(s.algorithm, ""))
