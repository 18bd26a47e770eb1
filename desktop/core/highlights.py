"""Highlights anchored by their quoted text and its context, found again in an article after it is
re-cleaned (words moved, paragraphs split or restored), and written out as Markdown.

An article's text here is its paragraphs joined by one newline (as the reading view shows them): a
highlight is a stretch of that text, kept as the words themselves plus a little text either side, not
as offsets, which a better cleaner would shift.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop.core.model import Article

CONTEXT = 40  # characters of context kept on each side of a highlight
MIN_CONTEXT = 8  # context shorter than this is too common to place a changed quote by
FUZZY_RATIO = 0.8  # a re-worded quote is taken when at least this similar to the text found
FUZZY_MAX = 2000  # quotes longer than this are only found exactly or by their context (fuzzy is slow)

# Typographic variants a re-clean (or a person typing) may write differently; each maps one
# character to one, so folded offsets are the original offsets.
_SPACE_RUNS = re.compile(r" {2,}")
_ASCII_LOWER = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
})


@dataclass(frozen=True)
class Anchor:
    """Where a highlight stands: its words, the text just before and after, and a hint of where
    (the offset in the joined text when it was made) to choose between repeated passages."""

    text: str
    prefix: str = ""
    suffix: str = ""
    start: int = 0


@dataclass(frozen=True)
class Piece:
    """The part of a highlight inside one paragraph: characters start..end of paragraph `paragraph`."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Highlight:
    """A highlight as the library keeps it, and where it stands in the article as shown now.

    `pieces` is empty when the passage is no longer in the article (the highlight is kept, and
    exported, but cannot be shown in place)."""

    id: int
    anchor: Anchor
    note: str = ""
    created: str = ""
    pieces: tuple[Piece, ...] = ()

    @property
    def text(self) -> str:
        return self.anchor.text

    @property
    def paragraph(self) -> int | None:
        """The paragraph it starts in (None: not found in the article)."""
        return self.pieces[0].paragraph if self.pieces else None


def flat_text(article: Article) -> str:
    """The article's paragraphs joined by newlines: the text highlights are anchored in."""
    return "\n".join(p.text for p in article.paragraphs)


def _offsets(article: Article) -> list[int]:
    """The offset in flat_text() where each paragraph starts."""
    starts, at = [], 0
    for p in article.paragraphs:
        starts.append(at)
        at += len(p.text) + 1
    return starts


def offset_of(article: Article, paragraph: int, offset: int) -> int:
    """A (paragraph, character) position as an offset in flat_text()."""
    starts = _offsets(article)
    if not starts:
        return 0
    paragraph = min(max(paragraph, 0), len(starts) - 1)
    return starts[paragraph] + min(max(offset, 0), len(article.paragraphs[paragraph].text))


def pieces(article: Article, start: int, end: int) -> tuple[Piece, ...]:
    """The stretch start..end of flat_text() cut at paragraph ends (no empty pieces)."""
    out = []
    for i, (at, p) in enumerate(zip(_offsets(article), article.paragraphs, strict=True)):
        lo, hi = max(start, at), min(end, at + len(p.text))
        if lo < hi:
            out.append(Piece(i, lo - at, hi - at))
    return tuple(out)


def make_anchor(article: Article, start: int, end: int) -> Anchor | None:
    """The anchor of flat_text()[start:end], trimmed of surrounding white space; None when empty."""
    flat = flat_text(article)
    start, end = max(0, start), min(len(flat), end)
    while start < end and flat[start].isspace():
        start += 1
    while end > start and flat[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Anchor(text=flat[start:end], prefix=flat[max(0, start - CONTEXT):start],
                  suffix=flat[end:end + CONTEXT], start=start)


# ---- finding a passage again -------------------------------------------------------------------

def _fold_char(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


class _Folded:
    """Text with white-space runs made one space and case, quotes and dashes folded, keeping for
    each folded character the offset of the original character it came from."""

    def __init__(self, text: str) -> None:
        # One character for one (so offsets hold): white space, typographic variants, case and accents,
        # in one pass; then each run of spaces shrinks to its first (the few cuts are remembered).
        table = dict(_ASCII_LOWER)
        for c in set(text):
            if c.isspace():
                table[ord(c)] = " "
            elif ord(c) in _FOLD:
                table[ord(c)] = _FOLD[ord(c)]
            elif not c.isascii():
                table[ord(c)] = _fold_char(unicodedata.normalize("NFKD", c)[:1] or c)
        folded = text.translate(table)
        chars: list[str] = []
        self._starts: list[int] = []  # where each kept stretch begins in the folded text ...
        self._origins: list[int] = []  # ... and in the original
        at = length = 0
        for run in _SPACE_RUNS.finditer(folded):
            self._starts.append(length)
            self._origins.append(at)
            chars.append(folded[at:run.start() + 1])
            length += run.start() + 1 - at
            at = run.end()
        self._starts.append(length)
        self._origins.append(at)
        chars.append(folded[at:])
        self.text = "".join(chars)
        self.length = len(text)

    def _original(self, i: int) -> int:
        k = bisect_right(self._starts, i) - 1
        return self._origins[k] + i - self._starts[k]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded stretch start..end."""
        lo = self._original(start) if start < len(self.text) else self.length
        hi = self._original(end - 1) + 1 if end > 0 else 0
        return lo, max(lo, hi)

    def position(self, offset: int) -> int:
        """The folded offset of an original one (the first folded character at or after it)."""
        k = bisect_right(self._origins, offset) - 1
        if k < 0:
            return 0
        inside = offset - self._origins[k]
        end = self._starts[k + 1] if k + 1 < len(self._starts) else len(self.text)
        return min(self._starts[k] + inside, end)


def _fold(text: str) -> str:
    return _Folded(text).text.strip()


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _occurrences(text: str, part: str) -> list[int]:
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def locate(article: Article, anchor: Anchor, folded: _Folded | None = None) -> tuple[int, int] | None:
    """Where the anchor's passage stands in flat_text() now: (start, end), or None when it is gone.

    Tried in turn: the words themselves (white space, case, quotes and dashes aside), the best of
    several by their context and nearness to where they were; the stretch between the old context
    on both sides; a passage at least FUZZY_RATIO alike (a word or two re-cleaned)."""
    folded = folded or _Folded(flat_text(article))
    quote = _fold(anchor.text)
    if not quote:
        return None
    prefix, suffix = _fold(anchor.prefix), _fold(anchor.suffix)
    hits = _occurrences(folded.text, quote)
    if hits:
        hint = folded.position(anchor.start)

        def score(at: int) -> tuple[int, int]:
            before = folded.text[max(0, at - len(prefix) - 1):at].rstrip()
            after = folded.text[at + len(quote):at + len(quote) + len(suffix) + 1].lstrip()
            context = _common_prefix(before[::-1], prefix[::-1]) + _common_prefix(after, suffix)
            return context, -abs(at - hint)

        best = max(hits, key=score)
        return folded.original(best, best + len(quote))
    between = _between_context(folded, prefix, suffix, len(quote))
    if between is not None:
        return between
    return _fuzzy(folded, quote)


def _between_context(folded: _Folded, prefix: str, suffix: str, length: int) -> tuple[int, int] | None:
    """The passage between its old neighbours, when both are still there and close together."""
    if len(prefix) < MIN_CONTEXT or len(suffix) < MIN_CONTEXT:
        return None
    text = folded.text
    for before in _occurrences(text, prefix):
        lo = before + len(prefix)
        hi = text.find(suffix, lo)
        if hi < 0:
            continue
        start, end = lo, hi
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if 0 < end - start <= 2 * length + 20:
            return folded.original(start, end)
    return None


def _fuzzy(folded: _Folded, quote: str) -> tuple[int, int] | None:
    """A passage nearly the quote: around its longest exact run, compared as a whole."""
    if len(quote) > FUZZY_MAX or len(quote) < 12:
        return None
    text = folded.text
    run = SequenceMatcher(None, text, quote, autojunk=False).find_longest_match(0, len(text), 0, len(quote))
    if run.size < max(6, len(quote) // 4):
        return None
    guess = run.a - run.b
    best: tuple[float, int, int] | None = None
    slack = max(4, len(quote) // 5)
    for start in range(max(0, guess - slack), min(len(text), guess + slack) + 1, max(1, slack // 4)):
        window = text[start:start + len(quote) + slack]
        match = SequenceMatcher(None, window, quote, autojunk=False)
        blocks = [b for b in match.get_matching_blocks() if b.size]
        if not blocks:
            continue
        lo, hi = start + blocks[0].a, start + blocks[-1].a + blocks[-1].size
        ratio = SequenceMatcher(None, text[lo:hi], quote, autojunk=False).ratio()
        if best is None or ratio > best[0]:
            best = (ratio, lo, hi)
    if best is None or best[0] < FUZZY_RATIO:
        return None
    _, lo, hi = best
    lo, hi = _whole_words(text, lo, hi)
    return folded.original(lo, hi)


def _whole_words(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Widen a stretch to whole words (a fuzzy match may start or end inside one)."""
    while lo > 0 and text[lo - 1].isalnum() and text[lo].isalnum():
        lo -= 1
    while hi < len(text) and text[hi - 1].isalnum() and text[hi].isalnum():
        hi += 1
    return lo, hi


def find_passage(article: Article, passage: str) -> Anchor | None:
    """The anchor of a passage typed by a person (white space, case, quotes and dashes aside), its
    first occurrence; None when the article does not hold it."""
    quote = _fold(passage)
    if not quote:
        return None
    flat = flat_text(article)
    folded = _Folded(flat)
    at = folded.text.find(quote)
    if at < 0:
        return None
    start, end = folded.original(at, at + len(quote))
    return make_anchor(article, start, end)


def place(article: Article, highlight: Highlight, folded: _Folded | None = None) -> Highlight:
    """The highlight with its pieces in this article (none when its passage is gone)."""
    where = locate(article, highlight.anchor, folded)
    found = pieces(article, *where) if where is not None else ()
    return Highlight(highlight.id, highlight.anchor, highlight.note, highlight.created, found)


def place_all(article: Article, highlights: Sequence[Highlight]) -> tuple[Highlight, ...]:
    """Each highlight placed, in reading order (those not found last, oldest first)."""
    folded = _Folded(flat_text(article)) if highlights else None  # folded once for them all
    placed = [place(article, h, folded) for h in highlights]
    return tuple(sorted(placed, key=lambda h: (not h.pieces, (h.pieces[0].paragraph, h.pieces[0].start)
                                               if h.pieces else (0, 0), h.created, h.id)))
