"""Offline sentence splitting (NLTK Punkt with our abbreviations) and the tokenizer given to sumy."""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.model import Article, Sentence

# Abbreviations that end with a period but rarely end a sentence in news text (lower case, no
# final period). Punkt needs no downloaded data when it is given these directly.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt rev hon gov sen rep
    pres supt insp det atty messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    u.s u.s.a u.k u.n e.u u.a.e d.c l.a n.y
    e.g i.e vs v etc al approx est dept univ assn bros co corp inc ltd plc llc no nos vol vols
    fig figs p pp ed eds cf ca c a.m p.m op cit ibid viz
    jr sr ph.d m.d b.a m.a d.phil
    ave blvd rd hwy
    """.split()
)

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping quotes and abbreviations intact."""
    text = text.strip()
    if not text:
        return []
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            out.extend(s.strip() for s in _punkt().tokenize(line) if s.strip())
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
