"""Frozen dataclasses of a briefing: its articles, summary sentences, merged facts and timeline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BriefArticle:
    """One article of the briefing; `id` is the caller's key (the library id in the app and CLI)."""

    id: int
    title: str
    site: str = ""
    date: str = ""  # as the article gives it (ISO when known)
    source_name: str = ""
    source_path: str | None = None


@dataclass(frozen=True)
class Citation:
    """A place in an article: the article's id and the sentence's index in that article."""

    article: int
    index: int


@dataclass(frozen=True)
class BriefSentence:
    text: str
    article: int  # id of the article it was taken from
    index: int  # its position among the sentences of that article
    also_in: tuple[Citation, ...] = ()  # the same point made by other articles


@dataclass(frozen=True)
class BriefFact:
    """A fact merged across articles: its fullest spelling, the others, and where it is named."""

    kind: str  # person, organisation, place, event, number, ...
    text: str
    articles: tuple[int, ...]  # ids of the articles that mention it, in briefing order
    mentions: int  # mentions over all articles
    first: Citation  # the first sentence naming it (in the first article that does)
    variants: tuple[str, ...] = ()
    detail: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    date: str  # ISO: 2024-11-28 (day), 2024-W48 (week), 2024-11 (month), 2024 (year)
    label: str  # for people: "Thu 28 Nov 2024", "week of 18 Nov 2024", "Nov 2024"
    phrase: str  # as the article wrote it: "on Thursday", "last week"
    text: str  # the sentence
    article: int
    index: int
    start: str = ""  # first day of the period (ISO), for sorting


@dataclass(frozen=True)
class Briefing:
    title: str
    created: str  # ISO time
    articles: tuple[BriefArticle, ...]  # in time order when dated
    sentences: tuple[BriefSentence, ...]
    facts: tuple[tuple[str, tuple[BriefFact, ...]], ...]  # (group name, facts) in display order
    timeline: tuple[TimelineEntry, ...]

    def article(self, id: int) -> BriefArticle | None:
        return next((a for a in self.articles if a.id == id), None)

    def number(self, id: int) -> int:
        """The article's 1-based number in the briefing (its citation number), 0 when absent."""
        return next((i for i, a in enumerate(self.articles, 1) if a.id == id), 0)
