"""Several Digests -> one Briefing: articles in time order, the summary across them, merged facts,
the timeline. A briefing of one article is that article's digest: its summary, its facts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime

from desktop.core.brief.cross import brief_sentences, candidates, choose, corpus, default_length
from desktop.core.brief.dates import parse_article_date
from desktop.core.brief.merge import merge_facts
from desktop.core.brief.model import BriefArticle, Briefing, BriefSentence
from desktop.core.brief.timeline import max_entries, timeline
from desktop.core.errors import PrecisError
from desktop.core.model import Digest

__all__ = ["brief_article", "build_briefing", "default_length"]


def brief_article(id: int, digest: Digest) -> BriefArticle:
    """The briefing's record of an article, from its digest (title, site, date, source file)."""
    meta = digest.article.meta
    return BriefArticle(id=id, title=digest.article.title, site=meta.site, date=meta.date,
                        source_name=digest.source_name, source_path=digest.source_path)


def build_briefing(
    items: Sequence[tuple[BriefArticle, Digest]], n: int | None = None, title: str = "",
    created: str = "",
) -> Briefing:
    """The briefing of these articles; `n` summary sentences (default grows with the articles)."""
    if not items:
        raise PrecisError("a briefing needs at least one article")
    if n is not None and n < 1:
        raise PrecisError("the number of sentences must be at least 1")
    items = _in_time_order(items)
    articles = tuple(a for a, _ in items)
    digests = [d for _, d in items]
    ids = [a.id for a in articles]
    if len({*ids}) != len(ids):
        raise PrecisError("each article can be in a briefing once")
    if n is None and len(items) == 1 and digests[0].summary.sentences:
        n = len(digests[0].summary.sentences)  # one article: as long as its own summary (its length policy)
    n = n or default_length(len(items))
    references = [parse_article_date(a.date) for a in articles]
    c = corpus(digests, _language(digests))
    if len(items) == 1 and n == len(digests[0].summary.sentences):
        # One article: its own summary, untouched (the same sentences the reader shows).
        sentences = [BriefSentence(s.text, ids[0], s.index) for s in digests[0].summary.sentences]
        rows = {r for s in sentences if (r := c.row(0, s.index)) is not None}
    else:
        cand, within = candidates(c, digests, n)
        chosen = choose(c, cand, within, n, len(items))
        rows = set(chosen)
        sentences = sorted(brief_sentences(c, chosen, ids), key=lambda s: (ids.index(s.article), s.index))
    facts = merge_facts([(a.id, d.facts) for a, d in items])
    return Briefing(
        title=title or _title(articles, facts),
        created=created or datetime.now(UTC).isoformat(timespec="seconds"),
        articles=articles,
        sentences=tuple(sentences),
        facts=facts,
        timeline=timeline(c, ids, references, rows, max_entries(len(sentences))),
    )


def _in_time_order(items: Sequence[tuple[BriefArticle, Digest]]) -> list[tuple[BriefArticle, Digest]]:
    """Dated articles oldest first, then the undated ones in the order given."""
    dates = [parse_article_date(a.date) for a, _ in items]
    order = sorted(range(len(items)), key=lambda i: (dates[i] is None, dates[i] or date.min, i))
    return [items[i] for i in order]


def _language(digests: Sequence[Digest]) -> str:
    return Counter(d.language for d in digests).most_common(1)[0][0]


def _title(articles: Sequence[BriefArticle], facts: Sequence) -> str:
    if len(articles) == 1:
        return articles[0].title
    named = sorted(
        (f for group, group_facts in facts if group in ("people", "places", "organisations", "events")
         for f in group_facts[:3] if len(f.articles) > 1),
        key=lambda f: -len(f.articles),
    )[:3]
    subject = ", ".join(f.text for f in named)
    return f"Briefing: {subject}" if subject else f"Briefing of {len(articles)} articles"
