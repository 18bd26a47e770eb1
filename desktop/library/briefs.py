"""Articles of the library for a briefing: chosen by ids, a tag or a search, each with its digest.

Shared by `precis brief` and the window, so both say the same thing about bad input: one sentence
naming what was missing (unknown ids, a tag with no articles, a search with no match).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.core.errors import PrecisError
from desktop.core.model import Digest, Options

MAX_ARTICLES = 1000  # a briefing of more says nothing a reader can take in; the search's own limit


def select_ids(lib: Any, ids: Sequence[int] = (), tag: str | None = None, search: str | None = None) -> list[int]:
    """The live articles named by ids, a tag or a search (exactly one of them), in that order."""
    chosen = [bool(ids), tag is not None, search is not None]
    if sum(chosen) != 1:
        raise PrecisError("name the articles: ids, a tag or a search (one of them)")
    if ids:
        live = set(lib.all_ids())
        missing = [i for i in dict.fromkeys(ids) if i not in live]
        if missing:
            listed = ", ".join(str(i) for i in missing)
            raise PrecisError(f"no article with id {listed} in the library" if len(missing) == 1
                              else f"no articles with ids {listed} in the library")
        return list(dict.fromkeys(ids))
    if tag is not None:
        rows = lib.list(tag=tag, limit=MAX_ARTICLES, sort="date")
        if not rows:
            raise PrecisError(f"no articles tagged {tag!r}" if tag.strip() else "the tag is empty")
        return [r.id for r in rows]
    text = (search or "").strip()
    if not text:
        raise PrecisError("the search is empty")
    hits = lib.search(text, limit=MAX_ARTICLES, snippets=0)
    if not hits:
        raise PrecisError(f"no articles match {text!r}")
    return [h.row.id for h in hits]


def briefing_items(
    lib: Any, ids: Sequence[int], options: Options | None = None,
    progress: Callable[[int, int, str], None] | None = None, cancelled: Callable[[], bool] | None = None,
    digest: Callable[[Any, Options], Digest] | None = None,
) -> list[tuple[Any, Digest]]:
    """(BriefArticle, Digest) for each id; `progress(done, total, title)` after each article. Digests
    come from the library's digest cache (computed and kept there when missing)."""
    from desktop.core.brief import BriefArticle

    options = options or Options()
    digest = digest or lib.digest
    items = []
    for done, id in enumerate(ids, 1):
        if cancelled is not None and cancelled():
            raise PrecisError("the briefing was cancelled")
        entry = lib.get(id)
        d = digest(entry, options)
        items.append((BriefArticle(id=entry.id, title=entry.title, site=entry.site,
                                   date=entry.date or entry.article.meta.date,
                                   source_name=entry.source_name, source_path=entry.source_path), d))
        if progress is not None:
            progress(done, len(ids), entry.title)
    return items


def library_briefing(lib: Any, ids: Sequence[int] = (), tag: str | None = None, search: str | None = None,
                     n: int | None = None, options: Options | None = None,
                     progress: Callable[[int, int, str], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> Any:
    """The Briefing of the articles named by ids, a tag or a search."""
    from desktop.core.brief import build_briefing

    chosen = select_ids(lib, ids, tag, search)
    items = briefing_items(lib, chosen, options, progress, cancelled)
    title = ""
    if tag is not None:
        title = f"Briefing: {tag}"
    elif search is not None:
        title = f"Briefing: “{search.strip()}”"
    return build_briefing(items, n=n, title=title)
