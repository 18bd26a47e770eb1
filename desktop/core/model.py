"""Frozen dataclasses that flow through the pipeline: Source -> Article -> Sentences -> Digest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ParagraphKind = Literal["body", "heading", "caption"]
SourceFormat = Literal["text", "html", "markdown", "docx", "epub", "pdf"]


@dataclass(frozen=True)
class Source:
    """A file as read from disk: raw bytes plus the decoded text."""

    name: str  # file name shown to people
    data: bytes  # original bytes, kept so nothing is ever lost
    text: str  # decoded text
    format: SourceFormat
    encoding: str
    path: str | None = None


@dataclass(frozen=True)
class Paragraph:
    kind: ParagraphKind
    text: str


@dataclass(frozen=True)
class Removal:
    """A block the cleaner removed, why, and where it stood (so it can be restored)."""

    text: str
    reason: str  # hash, duplicate, promo, footer, navigation, byline, credit, ...
    position: int = 0  # index in Article.paragraphs before which it stood


@dataclass(frozen=True)
class Meta:
    author: str = ""
    date: str = ""
    site: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...] = ()
    meta: Meta = field(default_factory=Meta)

    @property
    def body_text(self) -> str:
        """Body and heading paragraphs joined by blank lines: the text that is scored and searched."""
        return "\n\n".join(p.text for p in self.paragraphs if p.kind in ("body", "heading"))

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)


@dataclass(frozen=True)
class Sentence:
    text: str
    index: int  # position among all sentences of the cleaned article
    paragraph: int  # index into Article.paragraphs
    kind: ParagraphKind = "body"
    score: float = 0.0


@dataclass(frozen=True)
class Summary:
    algorithm: str
    sentences: tuple[Sentence, ...]  # in document order
    kind: str = ""  # the kind of document the default summariser took it for: news, howto, paper
    automatic: bool = False  # the length came from the article's length, not from the person
    markers: tuple[str, ...] = ()  # per sentence: its step's marker ("3.", "Step 4") when a how-to, else ""


@dataclass(frozen=True)
class Fact:
    kind: str  # person, organisation, place, number, date, quote, keyword
    text: str
    sentence: int  # index of the sentence it came from
    detail: str = ""  # e.g. a quote's speaker, what a number counts, an acronym's expansion
    count: int = 1  # how often it was mentioned
    variants: tuple[str, ...] = ()  # merged spellings, e.g. al-Jawlani for al-Jolani


@dataclass(frozen=True)
class Facts:
    people: tuple[Fact, ...] = ()
    organisations: tuple[Fact, ...] = ()
    places: tuple[Fact, ...] = ()
    events: tuple[Fact, ...] = ()  # wars, operations, tournaments, elections, summits
    numbers: tuple[Fact, ...] = ()
    dates: tuple[Fact, ...] = ()
    quotes: tuple[Fact, ...] = ()
    keywords: tuple[Fact, ...] = ()

    GROUPS = ("people", "organisations", "places", "events", "numbers", "dates", "quotes", "keywords")

    def groups(self) -> list[tuple[str, tuple[Fact, ...]]]:
        return [(name, getattr(self, name)) for name in self.GROUPS]


@dataclass(frozen=True)
class Options:
    """How to summarise: algorithm name and length (a sentence count or a ratio of the article; neither:
    a length that grows with the article's)."""

    algorithm: str = "precis"
    sentences: int | None = None
    ratio: float | None = None
    language: str = "auto"


@dataclass(frozen=True)
class Digest:
    source_name: str
    source_path: str | None
    article: Article
    sentences: tuple[Sentence, ...]
    summary: Summary
    facts: Facts
    language: str = "en"

    @property
    def words(self) -> int:
        return self.article.word_count

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.words / 230))
