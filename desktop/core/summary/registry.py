"""Extractive summaries: a registry of algorithms (sumy's and ours), length, document order, dedupe."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from desktop.core.errors import PrecisError
from desktop.core.model import Options, Sentence, Summary
from desktop.core.split import SumyTokenizer
from desktop.core.summary.labels import ALGORITHMS, LABELS
from desktop.core.summary.rank import Model, choose, kind_of, load_model, select
from desktop.core.summary.signals import signals
from desktop.core.summary.steps import step_markers

# sumy class paths, imported lazily so start-up stays fast.
SUMY_ALGORITHMS: dict[str, str] = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "edmundson": "sumy.summarizers.edmundson:EdmundsonSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
}

# sumy's graph and KL algorithms grow with the square (KL: the cube) of the sentence count in pure
# Python; past these sizes they take more than a few seconds here, so they are refused rather than
# leaving the app frozen (measured on this 2-core machine: LexRank 1.7 s at ~500 sentences).
MAX_SENTENCES: dict[str, int] = {
    "lexrank": 600,
    "textrank": 800,
    "reduction": 700,
    "kl": 120,
    "sumbasic": 3000,
    "lsa": 3000,
    "edmundson": 6000,
    "luhn": 6000,
}
KL_MAX_SENTENCES = MAX_SENTENCES["kl"]

# Cue words for Edmundson (bonus: signal importance; stigma: signal asides).
BONUS_WORDS = frozenset(
    "important significant key major first announced said declared according result found "
    "showed concluded new largest biggest main".split()
)
STIGMA_WORDS = frozenset("however perhaps maybe reportedly allegedly hardly example".split())


AUTO_MAX = 30  # the automatic length never passes this many sentences


def automatic_length(words: int, kind: str = "", steps: int = 0) -> int:
    """Sentences a summary gets when the person has not chosen: grows with the square root of the
    article's length (300 words: 3, 1,000: 5, 5,000: 9, 10,000: 13, at most 30); a how-to article
    gets one sentence per step when that is more (up to 20 steps)."""
    n = round(1.0 + 1.2 * math.sqrt(max(0, words) / 100))
    if kind == "howto":
        n = max(n, min(steps, 20))
    return max(1, min(AUTO_MAX, n))


def target_length(count: int, options: Options, words: int = 0, kind: str = "", steps: int = 0) -> int:
    """How many of `count` sentences to choose: the person's count or ratio when given, else automatic."""
    if options.ratio is not None:
        if not 0 < options.ratio <= 1:
            raise PrecisError("the ratio must be between 0 and 1")
        return max(1, min(count, round(count * options.ratio))) if count else 0
    if options.sentences is None:
        return min(count, automatic_length(words, kind, steps))
    if options.sentences < 1:
        raise PrecisError("the number of sentences must be at least 1")
    return min(count, options.sentences)


def summarize(
    sentences: Sequence[Sentence], options: Options, title: str = "", language: str = "english",
    model: Model | None = None,
) -> Summary:
    """Choose sentences of the body (never captions or headings), returned in document order."""
    algorithm = options.algorithm.lower()
    if algorithm not in LABELS:
        raise PrecisError(
            f"unknown algorithm {options.algorithm!r}; choose one of: {', '.join(ALGORITHMS)}"
        )
    if options.ratio is None and options.sentences is not None and options.sentences < 1:
        raise PrecisError("the number of sentences must be at least 1")
    body = [s for s in sentences if s.kind == "body"]
    if not body:
        target_length(0, options)
        return Summary(algorithm=algorithm, sentences=())
    texts = [s.text for s in body]
    limit = MAX_SENTENCES.get(algorithm)
    if limit is not None and len(texts) > limit:
        raise PrecisError(
            f"{LABELS[algorithm]} is too slow for a text this long ({len(texts)} sentences, "
            f"limit {limit}); choose Précis, the default"
        )
    model = model or load_model()
    headings = sum(1 for s in sentences if s.kind == "heading")
    sig = signals(texts, [s.paragraph for s in body], language=language, title=title, headings=headings)
    kind, _ = kind_of(sig, model)
    paragraphs = len({s.paragraph for s in body})
    n = target_length(len(body), options, sig.words, kind, paragraphs)
    if algorithm == "precis":
        relevance = model.scores(sig.table, sig.document)
        chosen = sorted(choose(model, sig.table, sig.document, sig.matrix, n))
    else:
        if algorithm == "lead":
            relevance = 1.0 / (1.0 + np.arange(len(texts)))
        else:
            relevance = np.asarray(_sumy_scores(algorithm, texts, language, n))
        # These algorithms choose by their own rules; we only drop duplicates.
        chosen = sorted(select(sig.matrix, relevance, n))
    picked = tuple(
        Sentence(text=body[i].text, index=body[i].index, paragraph=body[i].paragraph,
                 kind=body[i].kind, score=float(relevance[i]))
        for i in chosen
    )
    return Summary(algorithm=algorithm, sentences=picked, kind=kind, automatic=options.ratio is None
                   and options.sentences is None, markers=step_markers(body, picked, kind))


def _load(path: str) -> Callable:
    module, _, name = path.partition(":")
    from importlib import import_module

    return getattr(import_module(module), name)


def sumy_summarizer(algorithm: str, language: str = "english") -> Callable:
    """A configured sumy summarizer (stemmer, stop words, Edmundson's cue words)."""
    from desktop.core.language import stemmer, stop_words

    summarizer = _load(SUMY_ALGORITHMS[algorithm])(stemmer(language))
    if algorithm == "edmundson":
        summarizer.bonus_words = BONUS_WORDS
        summarizer.stigma_words = STIGMA_WORDS
        summarizer.null_words = stop_words(language)
    else:
        summarizer.stop_words = stop_words(language)
    return summarizer


def _sumy_scores(algorithm: str, texts: list[str], language: str, n: int) -> list[float]:
    """Run a sumy summarizer and turn its choice into scores (chosen sentences rank first)."""
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Paragraph as SumyParagraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = SumyTokenizer(language)
    sumy_sentences = [SumySentence(t, tokenizer) for t in texts]
    document = ObjectDocumentModel([SumyParagraph(sumy_sentences)])
    summarizer = sumy_summarizer(algorithm, language)
    try:
        picked = summarizer(document, n)
    except (ValueError, ZeroDivisionError, np.linalg.LinAlgError) as exc:
        # sumy fails on degenerate texts (no content words, one word...): say so plainly.
        raise PrecisError(f"{LABELS[algorithm]} cannot summarise this text ({exc})") from None
    position = {id(s): i for i, s in enumerate(sumy_sentences)}
    by_text = {t: i for i, t in reversed(list(enumerate(texts)))}
    result = [0.0] * len(texts)
    for rank, s in enumerate(picked):
        i = position.get(id(s))
        if i is None:  # sumy may rebuild sentence objects; fall back to text equality
            i = by_text.get(str(s))
        if i is not None:
            result[i] = float(len(picked) - rank)
    return result
