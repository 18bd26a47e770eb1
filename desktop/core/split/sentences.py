"""Offline sentence splitting (NLTK's Punkt decisions with our abbreviations, desktop.core.split.punkt) and
the tokenizer given to sumy."""

from __future__ import annotations

import re

from desktop.core.model import Article, Sentence
from desktop.core.split.punkt import sentence_spans

# Abbreviations that end with a period but rarely end a sentence in news text (lower case, no
# final period). Punkt needs no downloaded data when it is given these directly.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr cdr adm sgt cpl pvt rev hon gov sen rep
    pres supt insp det atty messrs mme mlle brig fr
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    u.s u.s.a u.k u.n e.u u.a.e d.c l.a n.y n.j
    e.g i.e vs v etc al approx est dept univ assn bros co corp inc ltd plc llc no nos vol vols
    fig figs p pp ed eds cf ca c a.m p.m op cit ibid viz
    ph.d m.d b.a m.a d.phil
    ave blvd rd hwy
    """.split()
)

# Words that, capitalised after an abbreviation or an ellipsis, almost always start a new sentence
# ("...in the U.S. They said"). Punkt uses these in place of the statistics it would learn from data.
SENTENCE_STARTERS = frozenset(
    """
    the an he she it they we i you his her its their our this that these those there here
    but and so yet however meanwhile then now still also after before when while if as at in on
    for from by with one some many most several all both each no not what who why how where
    today yesterday tomorrow earlier later last next
    """.split()
)

# Possessive: nothing after a run of word characters can match one of them, so `re` need not keep
# the places to backtrack to (a fifth faster; the same words).
_WORD = re.compile(r"\w++(?:[-'’.]\w++)*+", re.UNICODE)
# A closing quote right after the end mark, then a capital: Punkt misses the ASCII form ('"no." Then').
_QUOTE_END = re.compile(r"(?<=[.!?…][\"”’'])\s+(?=[\"“‘']?[A-Z0-9À-Ý])")
_QUOTE_HINT = re.compile(r"[.!?…][\"”’']\s")
_ELLIPSIS = re.compile(r"(?<=…)\s+(?=[A-Z][a-z])")
# A list item's marker ("1.", "2)", "-", "•"): Punkt would take "1." for a sentence of its own.
_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[a-zA-Z][.)](?=\s+[A-Z])|[-*•–—·])\s+")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping quotes and abbreviations intact.

    Each line is split on its own, so list items and verse stay separate sentences.
    """
    text = text.strip()
    if not text:
        return []
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        marker = _LIST_MARKER.match(line)
        start = len(out)
        item = line[marker.end():] if marker else line
        for a, b in sentence_spans(item, ABBREVIATIONS, SENTENCE_STARTERS):
            piece = item[a:b]
            # The two splits below only when their marks are there (a scan led by a character class
            # is several times faster than one led by a look-behind).
            for part in _QUOTE_END.split(piece) if _QUOTE_HINT.search(piece) else (piece,):
                if "…" in part:
                    out.extend(s.strip() for s in _ELLIPSIS.split(part) if s.strip())
                elif part.strip():
                    out.append(part.strip())
        if marker:  # the marker stays with the item's first sentence
            if len(out) > start:
                out[start] = marker.group(0) + out[start]
            else:
                out.append(line)
    return out


def words(text: str) -> list[str]:
    """Word tokens (letters/digits, with inner hyphens and apostrophes)."""
    return _WORD.findall(text)


def article_sentences(article: Article) -> tuple[Sentence, ...]:
    """Every sentence of the cleaned article, numbered in document order."""
    out: list[Sentence] = []
    for p_index, para in enumerate(article.paragraphs):
        pieces = [para.text.strip()] if para.kind != "body" else split_sentences(para.text)
        for piece in pieces:
            if piece:
                out.append(Sentence(text=piece, index=len(out), paragraph=p_index, kind=para.kind))
    return tuple(out)


class SumyTokenizer:
    """What sumy calls on a tokenizer: to_sentences and to_words. Needs no NLTK data."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
