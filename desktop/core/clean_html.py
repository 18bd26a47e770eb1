"""HTML -> Article: trafilatura finds the main text and metadata, then the plain-text cleaner runs."""

from __future__ import annotations

import re

from desktop.core.clean_text import clean_text
from desktop.core.errors import PrecisError
from desktop.core.model import Article, Meta


def clean_html(html: str, name: str = "page") -> Article:
    import trafilatura

    # No URL is passed and nothing is fetched: trafilatura only parses the string given.
    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True,
        favor_precision=False, deduplicate=False, with_metadata=False,
    )
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta and meta.title else "") or _title_tag(html)
    if not text or not text.strip():
        raise PrecisError(f"{name}: no article text found in this web page")
    article = clean_text(text.replace("\n", "\n\n"), title_hint=title or " ")
    return Article(
        title=title.strip() or name,
        paragraphs=article.paragraphs,
        removed=article.removed,
        meta=Meta(
            author=(meta.author or "") if meta else "",
            date=(meta.date or "") if meta else "",
            site=(meta.sitename or "") if meta else "",
        ),
    )


def _title_tag(html: str) -> str:
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return re.sub(r"\s+", " ", m.group(1)).strip() if m else ""
