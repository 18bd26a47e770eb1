"""Brief: several Digests -> one Briefing. A summary across the articles with redundancy control
(the same point from three outlets appears once, credited to all three), merged facts with the
number of articles naming each, a timeline of dated sentences (relative dates resolved against each
article's own date), and the briefing as Markdown with numbered citations."""

from desktop.core.lazy import exports

__all__, __getattr__, __dir__ = exports(__name__, {
    "model": ("BriefArticle", "BriefFact", "BriefSentence", "Briefing", "Citation", "TimelineEntry"),
    "build": ("brief_article", "build_briefing", "default_length"),
    "merge": ("merge_facts",),
    "dates": ("DatedPhrase", "find_dates", "parse_article_date"),
    "markdown": ("article_count", "briefing_markdown", "citations"),
})
