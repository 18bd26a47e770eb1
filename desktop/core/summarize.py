"""Extractive summaries: a registry of algorithms (sumy's and ours), length, document order, dedupe."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core.errors import PrecisError
from desktop.core.model import Options, Sentence, Summary
from desktop.core.rank import near_duplicate, rank_sentences, word_sets
from desktop.core.split import SumyTokenizer

DEFAULT_ALGORITHM = "precis"
KL_MAX_SENTENCES = 120  # KL-Sum is cubic in sentences: beyond this it would take minutes

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
LABELS: dict[str, str] = {
    "precis": "Précis (default)",
    "lead": "Lead (first sentences)",
    "lexrank": "LexRank",
    "textrank": "TextRank",
    "lsa": "LSA",
    "luhn": "Luhn",
    "edmundson": "Edmundson",
    "sumbasic": "SumBasic",
    "reduction": "Reduction",
    "kl": "KL-Sum",
}
ALGORITHMS: tuple[str, ...] = tuple(LABELS)

# Cue words for Edmundson (bonus: signal importance; stigma: signal asides).
BONUS_WORDS = frozenset(
    "important significant key major first announced said declared according result found "
    "showed concluded new largest biggest main".split()
)
STIGMA_WORDS = frozenset("however perhaps maybe reportedly allegedly hardly example".split())


def target_length(count: int, options: Options) -> int:
    if count == 0:
        return 0
    if options.ratio is not None:
        if not 0 < options.ratio <= 1:
            raise PrecisError("the ratio must be between 0 and 1")
        return max(1, min(count, round(count * options.ratio)))
    n = options.sentences if options.sentences is not None else 5
    if n < 1:
        raise PrecisError("the number of sentences must be at least 1")
    return min(count, n)


def summarize(
    sentences: Sequence[Sentence], options: Options, title: str = "", language: str = "english"
) -> Summary:
    """Choose sentences of the body (never captions or headings), returned in document order."""
    algorithm = options.algorithm.lower()
    if algorithm not in LABELS:
        raise PrecisError(
            f"unknown algorithm {options.algorithm!r}; choose one of: {', '.join(ALGORITHMS)}"
        )
    body = [s for s in sentences if s.kind == "body"]
    n = target_length(len(body), options)
    if n == 0:
        return Summary(algorithm=algorithm, sentences=())
    texts = [s.text for s in body]
    if algorithm == "precis":
        scores = rank_sentences(texts, language=language, title=title)
    elif algorithm == "lead":
        scores = [1.0 / (1 + i) for i in range(len(body))]
    else:
        scores = _sumy_scores(algorithm, texts, language, n)
    chosen = _pick(body, list(scores), n)
    return Summary(algorithm=algorithm, sentences=tuple(sorted(chosen, key=lambda s: s.index)))


def _pick(body: list[Sentence], scores: list[float], n: int) -> list[Sentence]:
    """Best-scored first, skipping near-duplicates of what is already chosen."""
    order = sorted(range(len(body)), key=lambda i: (-scores[i], i))
    sets = word_sets([s.text for s in body])
    chosen: list[int] = []
    for i in order:
        if len(chosen) == n:
            break
        if any(near_duplicate(sets[i], sets[j]) for j in chosen):
            continue
        chosen.append(i)
    return [
        Sentence(text=body[i].text, index=body[i].index, paragraph=body[i].paragraph,
                 kind=body[i].kind, score=float(scores[i]))
        for i in chosen
    ]


def _load(path: str) -> Callable:
    module, _, name = path.partition(":")
    from importlib import import_module

    return getattr(import_module(module), name)


def _sumy_scores(algorithm: str, texts: list[str], language: str, n: int) -> list[float]:
    """Run a sumy summarizer and turn its choice into scores (chosen sentences rank first)."""
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Paragraph as SumyParagraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer

    from desktop.core.stopwords import stop_words

    if algorithm == "kl" and len(texts) > KL_MAX_SENTENCES:
        raise PrecisError(
            f"KL-Sum is too slow for long texts (over {KL_MAX_SENTENCES} sentences); "
            "choose another algorithm"
        )
    tokenizer = SumyTokenizer(language)
    sumy_sentences = [SumySentence(t, tokenizer) for t in texts]
    document = ObjectDocumentModel([SumyParagraph(sumy_sentences)])
    try:
        stemmer = Stemmer(language)
    except LookupError:
        stemmer = Stemmer("english")
    summarizer = _load(SUMY_ALGORITHMS[algorithm])(stemmer)
    if algorithm == "edmundson":
        summarizer.bonus_words = BONUS_WORDS
        summarizer.stigma_words = STIGMA_WORDS
        summarizer.null_words = stop_words(language)
    else:
        summarizer.stop_words = stop_words(language)
    picked = summarizer(document, n)
    position = {id(s): i for i, s in enumerate(sumy_sentences)}
    scores = [0.0] * len(texts)
    for rank, s in enumerate(picked):
        i = position.get(id(s))
        if i is None:  # sumy may rebuild sentence objects; fall back to text equality
            i = texts.index(str(s))
        scores[i] = float(len(picked) - rank)
    return scores
