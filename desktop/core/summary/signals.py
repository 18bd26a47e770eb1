"""What the learned ranker looks at: per-sentence features (position, length, centralities, title
overlap, numbers, names, quotes, step markers, novelty) and per-document structure signals (steps,
headings, dateline, citations, quotes, first and second person, length) from which the kind of
document is guessed. Linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import itemgetter

import numpy as np

from desktop.core.language import stemmer as language_stemmer
from desktop.core.language import stop_words
from desktop.core.split import words
from desktop.core.summary.sparse import Rows, tfidf_rows

SENTENCE_FEATURES: tuple[str, ...] = (
    "bias", "first", "position", "position_rel", "paragraph_first", "paragraph_position", "paragraph_last",
    "paragraph_rel", "length", "words", "short", "degree", "paragraph_centrality", "eigen", "frequency",
    "lead_similarity", "title", "numbers", "names", "quote", "step", "imperative", "you", "we", "citation",
    "question", "novelty",
)
PARAGRAPH_FEATURES = ("paragraph_first", "paragraph_position", "paragraph_last", "paragraph_rel",
                      "paragraph_centrality")
DOCUMENT_FEATURES: tuple[str, ...] = (
    "bias", "words", "howto_title", "steps", "imperative", "you", "we", "citations", "quotes", "said",
    "dateline", "headings", "numbers", "sentence_length",
)
PAGERANK_DAMPING = 0.85
PAGERANK_STEPS = 12

_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•–—·]|step\s+\d+\b[:.]?)\s*", re.IGNORECASE)
_CITATION = re.compile(r"\bet al\b|\[\d+(?:[,–-]\s*\d+)*\]|\(\s*[A-Z][^()]{0,60}\b(?:1[89]|20)\d\d[a-z]?\s*\)")
_QUOTE = re.compile(r"[\"“”]|(?:^|\s)[‘']\w")
# The same over the joined text, which starts with a newline; led by the quote mark so that `re` skips
# to the quote marks (a match ends where _QUOTE's does).
_QUOTE_JOINED = re.compile(r"[\"“”‘'](?:(?<=[\"“”])|(?<=\s[‘'])\w)")
_NUMBER = re.compile(r"\d")
_DATELINE = re.compile(r"^(?:\(CNN\)|[A-Z][A-Z .,'-]{2,40}(?:\([\w .]+\))?\s*[-—–]{1,2}|By \w+|PUBLISHED:|UPDATED:)")
_HOWTO_TITLE = re.compile(r"^(?:how to\b|\d+\s+(?:\w+\s+){0,3}(?:ways|tips|steps|things)\b|ways to\b)",
                          re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_WE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
# The words of _YOU, _WE and _SAID (0, 1, 2), lower case, without their leading \b: a pattern that
# starts with a few letters is found by `re`'s quick literal search, five times faster than one pass
# of the alternation; a match inside a word is dropped after. Whole words never overlap, so passes
# find what one pass finds.
_PERSONS = ((r"you(?:rself|rs|r)?\b", 0), (r"we\b", 1), (r"our\b", 1), (r"us\b", 1), (r"sa(?:id|ys)\b", 2),
            (r"told\b", 2), (r"according to\b", 2))
# Words that start a sentence without being a command; an imperative starts with a bare verb.
_NOT_IMPERATIVE = frozenset(
    "the a an this that these those there here it its he she they we i you his her their our my your "
    "if when while as in on at for from by with to of and but or so because after before during once "
    "although though since some many most all each every both no not one two three however also then "
    "what which who why how where it's there's".split()
)


@lru_cache(maxsize=16)
def _content_stems(language: str) -> tuple[dict[str, str], frozenset[str], Callable[[str], str]]:
    """A word -> stem memo for the language ("" for stop words and numbers), its stop words and stemmer."""
    return {}, stop_words(language), stemmer(language)


def bags_of_stems(tokens: Sequence[Sequence[str]], language: str) -> list[list[str]]:
    """The content words of each sentence, stemmed (one dictionary look-up a word once seen)."""
    memo, stops, stem = _content_stems(language)
    get = memo.get
    out = []
    for ws in tokens:
        bag = []
        for w in ws:
            s = get(w)
            if s is None:
                low = w.lower()
                s = memo[w] = "" if low in stops or w.isdigit() else stem(low)
            if s:
                bag.append(s)
        out.append(bag)
    return out


def _per_sentence(ends: Sequence[int], starts: np.ndarray, n: int) -> np.ndarray:
    """How many of the matches (by the offset of their last character in the joined text) each
    sentence holds."""
    if not len(ends):
        return np.zeros(n)
    return np.bincount(np.searchsorted(starts, ends, side="right") - 1, minlength=n).astype(np.float64)


def _persons(joined: str, starts: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Matches of _YOU, _WE and _SAID in each sentence, in one pass (case folded by lower-casing)."""
    low = joined.lower()
    if len(low) == len(joined):
        ends: list[list[int]] = [[], [], []]
        for pattern, group in _person_patterns():
            out = ends[group]
            for m in pattern.finditer(low):
                at = m.start()
                if at and (low[at - 1].isalnum() or low[at - 1] == "_"):  # \w before: not a word start
                    continue
                out.append(m.end() - 1)
    else:  # a letter whose lower case is longer: offsets would drift, so one pattern at a time
        ends = [[m.end() - 1 for m in p.finditer(joined)] for p in (_YOU, _WE, _SAID)]
    you, we, said = (_per_sentence(e, starts, n) for e in ends)
    return you, we, said


@lru_cache(maxsize=1)
def _person_patterns() -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple((re.compile(pattern), group) for pattern, group in _PERSONS)


def _digits(joined: str, starts: np.ndarray) -> np.ndarray:
    """Digits in each sentence, counted on the code points of the joined text."""
    if not len(starts):
        return np.zeros(0)
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)  # one per character
    # Each digit counted for the sentence it falls in (digits are few: no float array of the text).
    at = np.flatnonzero((points >= 48) & (points <= 57))
    return np.bincount(np.searchsorted(starts, at, side="right") - 1, minlength=len(starts)).astype(np.float64)


def _capitalised(tokens: Sequence[Sequence[str]]) -> np.ndarray:
    """Share of capitalised words after the first (names), times 4, at most 1, for each sentence."""
    n = len(tokens)
    sizes = np.array([len(t) for t in tokens], dtype=np.int64)
    firsts = "".join(map(itemgetter(0), chain.from_iterable(tokens)))
    lower = firsts.lower()
    if len(lower) == len(firsts):
        a = np.frombuffer(firsts.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        b = np.frombuffer(lower.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        upper = (a != b).astype(np.float64)
    else:  # a letter whose lower case is longer (rare): one by one
        upper = np.array([c.isupper() for c in firsts], dtype=np.float64)
    offsets = np.r_[0, np.cumsum(sizes)[:-1]] if n else np.zeros(0, dtype=np.int64)
    totals = np.add.reduceat(np.r_[upper, 0.0], offsets) if n else np.zeros(0)
    totals = np.where(sizes > 0, totals, 0.0)
    first_upper = np.where(sizes > 0, np.r_[upper, 0.0][np.minimum(offsets, len(upper))], 0.0)
    return np.minimum(1.0, (totals - first_upper) / np.maximum(1, sizes) * 4)


def _median(values: np.ndarray) -> float:
    """The median by sorting (np.median would import numpy.ma, ~15 ms at start-up); 1 when empty."""
    if not len(values):
        return 1.0
    s = np.sort(values)
    return float(0.5 * (s[(len(s) - 1) // 2] + s[len(s) // 2]))


@lru_cache(maxsize=16)
def stemmer(language: str) -> Callable[[str], str]:
    """A cached word -> stem function (Snowball through sumy; lower case when the language has none)."""
    stem = language_stemmer(language)
    cache: dict[str, str] = {}

    def cached(word: str) -> str:
        s = cache.get(word)
        if s is None:
            s = cache[word] = stem(word.lower())
        return s

    return cached


@dataclass(frozen=True)
class Signals:
    """The feature table of one text: a row per sentence, the document's structure and its TF-IDF rows."""

    table: np.ndarray  # sentences x SENTENCE_FEATURES
    document: np.ndarray  # DOCUMENT_FEATURES
    matrix: Rows
    words: int  # word tokens in the body


def _imperative(tokens: list[str]) -> bool:
    if not tokens:
        return False
    first = tokens[0]
    low = first.lower()
    return (first[:1].isupper() and low not in _NOT_IMPERATIVE and not low.endswith(("ly", "ing", "ed", "s"))
            and not first.isupper() and len(tokens) > 3)


def signals(
    texts: Sequence[str], paragraphs: Sequence[int] | None = None, language: str = "english", title: str = "",
    headings: int = 0,
) -> Signals:
    """Features of each sentence (body sentences in document order, with their paragraph numbers)."""
    n = len(texts)
    para = np.asarray(paragraphs if paragraphs is not None else range(n), dtype=np.int64)
    tokens = [words(t) for t in texts]
    bags = bags_of_stems(tokens, language)
    matrix, norms, vocab = tfidf_rows(bags)
    f = np.zeros((n, len(SENTENCE_FEATURES)))
    col = {name: k for k, name in enumerate(SENTENCE_FEATURES)}
    index = np.arange(n, dtype=np.float64)
    f[:, col["bias"]] = 1.0
    if n:
        f[0, col["first"]] = 1.0
    f[:, col["position"]] = 1.0 / np.sqrt(1.0 + index)
    f[:, col["position_rel"]] = index / max(1, n - 1)
    # Position in the paragraph: paragraphs are runs of equal numbers.
    starts = np.r_[True, para[1:] != para[:-1]] if n else np.zeros(0, dtype=bool)
    run = np.cumsum(starts) - 1
    first_of_run = np.flatnonzero(starts)
    in_para = index - first_of_run[run] if n else index
    ends = np.r_[starts[1:], True] if n else starts
    f[:, col["paragraph_first"]] = starts
    f[:, col["paragraph_position"]] = 1.0 / np.sqrt(1.0 + in_para)
    f[:, col["paragraph_last"]] = ends & ~starts
    f[:, col["paragraph_rel"]] = run / max(1, run[-1]) if n else 0.0
    length = np.array([len(b) for b in bags], dtype=np.float64)
    f[:, col["length"]] = np.log1p(length) / np.log1p(max(1.0, _median(length)))
    f[:, col["words"]] = np.minimum(3.0, np.array([len(t) for t in tokens], dtype=np.float64) / 25)
    f[:, col["short"]] = length < 4
    nonempty = (norms > 0).astype(np.float64)
    degree = matrix.dot(matrix.tdot(np.ones(n))) - nonempty if n else np.zeros(0)
    f[:, col["degree"]] = degree / (degree.max() if n and degree.max() > 0 else 1.0)
    f[:, col["eigen"]] = _pagerank(matrix, nonempty, degree)
    f[:, col["paragraph_centrality"]] = _paragraph_centrality(matrix, run, nonempty)
    if n and run[-1] == 0:
        # One paragraph (text whose breaks were lost): paragraph features say nothing, so they stay
        # neutral rather than echoing the position in the document.
        f[:, [col[name] for name in PARAGRAPH_FEATURES]] = 0.0
    f[:, col["frequency"]] = _frequency(matrix, bags, vocab)
    if n:
        f[:, col["lead_similarity"]] = matrix.similarity(0, np.arange(n))
    title_words = set(bags_of_stems([words(title)], language)[0])
    # Patterns that never reach across a line are matched once over the whole text.
    joined = "\n" + "\n".join(t.replace("\n", " ") for t in texts)
    starts = np.cumsum([1] + [len(t) + 1 for t in texts[:-1]]) if n else np.zeros(0, dtype=np.int64)
    f[:, col["numbers"]] = np.minimum(3, _digits(joined, starts)) / 3
    f[:, col["names"]] = _capitalised(tokens)
    f[:, col["quote"]] = _per_sentence([m.end() - 1 for m in _QUOTE_JOINED.finditer(joined)], starts, n) > 0
    you, we, said_each = _persons(joined, starts, n)
    f[:, col["you"]] = you > 0
    f[:, col["we"]] = we > 0
    said = float(said_each.sum())
    # Column by column: one numpy assignment per feature, not one per sentence and feature.
    if title_words and n:
        # The sentence's distinct words among the title's: its entries in the TF-IDF rows are its
        # distinct words.
        in_title = np.zeros(matrix.shape[1])
        in_title[[vocab[w] for w in title_words if w in vocab]] = 1.0
        f[:, col["title"]] = np.bincount(matrix.rows, weights=in_title[matrix.cols], minlength=n) / len(title_words)
    if n:
        f[:, col["step"]] = [m is not None for m in map(_MARKER.match, texts)]
        f[:, col["imperative"]] = list(map(_imperative, tokens))
        f[:, col["citation"]] = [("(" in t or "[" in t or "et al" in t) and _CITATION.search(t) is not None
                                 for t in texts]
        f[:, col["question"]] = [t.rstrip().endswith("?") for t in texts]
        f[:, col["novelty"]] = _novelty(matrix)
    document = _document(texts, tokens, f, col, title, headings, said)
    return Signals(f, document, matrix, int(sum(len(t) for t in tokens)))


def _novelty(matrix: Rows) -> np.ndarray:
    """Share of each sentence's distinct words not in any sentence before it (0 for no words)."""
    n = matrix.shape[0]
    distinct = np.bincount(matrix.rows, minlength=n)
    # The entries run sentence by sentence: a word's first entry is in the first sentence holding it.
    _, first = np.unique(matrix.cols, return_index=True)
    new = np.bincount(matrix.rows[first], minlength=n)
    return np.where(distinct > 0, new / np.maximum(distinct, 1), 0.0)


def _pagerank(matrix: Rows, nonempty: np.ndarray, degree: np.ndarray) -> np.ndarray:
    """LexRank-style centrality: PageRank on the cosine graph, by products with the TF-IDF rows."""
    n = len(degree)
    if n == 0:
        return np.zeros(0)
    out = np.maximum(degree, 0.0)
    safe = np.where(out > 1e-12, out, 1.0)
    x = np.full(n, 1.0 / n)
    for _ in range(PAGERANK_STEPS):
        y = np.where(out > 1e-12, x / safe, 0.0)
        spread = matrix.dot(matrix.tdot(y)) - nonempty * y
        x = (1 - PAGERANK_DAMPING) / n + PAGERANK_DAMPING * spread
    return x / (x.max() or 1.0)


def _paragraph_centrality(matrix: Rows, run: np.ndarray, nonempty: np.ndarray) -> np.ndarray:
    """How well a sentence stands for its paragraph (a step, a section): cosine with the sum of the
    paragraph's other sentences; 1 for a paragraph of one sentence."""
    n = len(run)
    if n == 0:
        return np.zeros(0)
    paragraphs = int(run[-1]) + 1
    # Sum of each paragraph's rows (paragraphs x words), kept sparse by accumulating on (paragraph, word).
    key = run[matrix.rows] * matrix.shape[1] + matrix.cols
    keys, inverse = np.unique(key, return_inverse=True)
    sums = np.bincount(inverse, weights=matrix.vals)
    own = matrix.vals * sums[inverse]  # row . (its paragraph's sum), entry by entry
    dot = np.bincount(matrix.rows, weights=own, minlength=n) - nonempty
    para_norm2 = np.bincount(keys // matrix.shape[1], weights=sums * sums, minlength=paragraphs)
    others = np.sqrt(np.maximum(para_norm2[run] - 2 * (dot + nonempty) + nonempty, 0.0))
    sizes = np.bincount(run, minlength=paragraphs)[run]
    out = np.where(others > 1e-9, dot / np.maximum(others, 1e-9), 0.0)
    return np.where(sizes == 1, 1.0, np.clip(out, 0.0, 1.0))


def _frequency(matrix: Rows, bags: Sequence[Sequence[str]], vocab: dict[str, int]) -> np.ndarray:
    """SumBasic-style centrality: the mean document frequency of a sentence's words."""
    n = len(bags)
    if n == 0 or not vocab:
        return np.zeros(n)
    counts = np.bincount(matrix.cols, minlength=matrix.shape[1]).astype(np.float64)
    prob = counts / counts.sum()
    sums = np.bincount(matrix.rows, weights=prob[matrix.cols], minlength=n)
    sizes = np.bincount(matrix.rows, minlength=n)
    mean = sums / np.maximum(sizes, 1)
    return mean / (mean.max() or 1.0)


def _document(texts: Sequence[str], tokens: Sequence[list[str]], f: np.ndarray, col: dict[str, int], title: str,
              headings: int, said: float) -> np.ndarray:
    """Structure of the whole text: the rates that tell news, how-to articles and papers apart."""
    n = max(1, len(texts))
    total = sum(len(t) for t in tokens)
    head = " ".join(texts[:2])
    d = np.array([
        1.0,
        np.log10(max(10, total)) - 3.0,
        bool(_HOWTO_TITLE.match(title.strip())),
        f[:, col["step"]].sum() / n,
        f[:, col["imperative"]].sum() / n,
        f[:, col["you"]].sum() / n,
        f[:, col["we"]].sum() / n,
        f[:, col["citation"]].sum() / n,
        f[:, col["quote"]].sum() / n,
        said / n,
        bool(_DATELINE.match(head)),
        min(1.0, headings / n * 4),
        f[:, col["numbers"]].mean() if len(texts) else 0.0,
        min(3.0, total / n / 20),
    ])
    return d


sentence_signals = signals  # the package exports it under this name ("signals" is the module's own name)
