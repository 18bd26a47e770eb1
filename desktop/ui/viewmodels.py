"""Plain data the presenter hands to the views: what to show, already worded and positioned, no tkinter."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A stretch of the reading view: characters start..end of paragraph `paragraph`."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class ParagraphView:
    kind: str  # body | heading | caption
    text: str


@dataclass(frozen=True)
class RemovedView:
    index: int  # index into Article.removed, passed back to restore it
    text: str
    reason: str
    position: int  # shown before this paragraph


@dataclass(frozen=True)
class ArticleView:
    id: int | None
    title: str
    meta_line: str  # "site · author · date · 1,234 words · 6 min read"
    paragraphs: tuple[ParagraphView, ...]
    removed: tuple[RemovedView, ...]
    position: float = 0.0  # remembered scroll position, 0..1


@dataclass(frozen=True)
class SummarySentenceView:
    number: int  # 1-based, as listed in the summary pane
    index: int  # sentence index in the article
    text: str
    span: Span
    marker: str = ""  # a how-to's step ("Step 3", "3.") shown in place of the number


@dataclass(frozen=True)
class SummaryView:
    sentences: tuple[SummarySentenceView, ...]
    caption: str  # e.g. "5 of 38 sentences · Précis (default)"


@dataclass(frozen=True)
class FactView:
    text: str
    detail: str
    sentence: int
    count: int


@dataclass(frozen=True)
class FactGroupView:
    title: str
    facts: tuple[FactView, ...]


@dataclass(frozen=True)
class RowView:
    id: int
    title: str
    site: str
    date: str  # published (the article's own date), in the locale's format; "" when it has none
    words: str
    read: bool
    snippet: str = ""  # search hits: the text around the match, matched words between [ and ]
    added: str = ""  # the day it was added to the library, in the locale's format


@dataclass(frozen=True)
class LibraryView:
    rows: tuple[RowView, ...]
    total: int  # rows available for the current query/filter (the list is filled lazily)
    append: bool = False  # True: add to the rows shown; False: replace them
    caption: str = ""  # e.g. "1,204 articles  ·  12 unread" or "3 matches"
    sort: str = ""  # the order shown (a Settings.sort value); "" for search hits by relevance
    reverse: bool = False  # the order runs against the column's natural direction (Settings.sort_reverse)
    hits: bool = False  # search hits, each with its snippet
    trash: bool = False  # the trash: Restore, Delete for good, Empty trash
    empty: str = ""  # what to say when there are no rows
    query: str = ""  # the search shown (an empty result offers to clear it)


@dataclass(frozen=True)
class FilterView:
    key: str  # all | unread | read | highlighted | trash | tag:NAME
    label: str  # "Unread  (12)"


@dataclass(frozen=True)
class MatchesView:
    """The searched words in the open article, one of them current (next/previous step through)."""

    query: str
    spans: tuple[Span, ...]
    current: int = 0


@dataclass(frozen=True)
class LengthView:
    mode: str  # sentences | percent
    value: int
    algorithm: str
    about: str = ""  # what the algorithm does, in a line


@dataclass(frozen=True)
class AppearanceView:
    theme: str
    font_size: int
    highlight_summary: bool
    show_removed: bool
    library_visible: bool
    focus_mode: bool


@dataclass(frozen=True)
class Status:
    text: str
    kind: str = "info"  # info | error | success
    action: str = ""  # label of a button beside the message, e.g. "Undo"


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    text: str


@dataclass(frozen=True)
class Problem:
    path: str
    message: str


@dataclass(frozen=True)
class AboutView:
    name: str
    version: str
    data_dir: str
    lines: tuple[str, ...] = field(default_factory=tuple)
    credits: tuple[tuple[str, str, str], ...] = ()  # (library, version, licence)


@dataclass(frozen=True)
class HighlightView:
    id: int
    text: str  # the passage, as the article has it
    note: str
    spans: tuple[Span, ...]  # where it stands in the reading view; () when no longer in the article


@dataclass(frozen=True)
class HighlightsView:
    items: tuple[HighlightView, ...]  # in reading order
    caption: str  # e.g. "3 highlights · 1 note"


@dataclass(frozen=True)
class FindView:
    """Find in the article: every match, the one to show (-1: none) and a caption like "3 of 12"."""

    query: str
    matches: tuple[Span, ...]
    current: int
    caption: str
