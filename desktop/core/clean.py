"""Dispatch a Source to the cleaner for its format."""

from __future__ import annotations

from pathlib import Path

from desktop.core.clean_html import clean_html
from desktop.core.clean_text import clean_text
from desktop.core.model import Article, Source


def clean_source(source: Source) -> Article:
    if source.format == "html":
        article = clean_html(source.text, source.name)
    else:
        article = clean_text(source.text)
    if not article.title:
        article = Article(
            title=Path(source.name).stem, paragraphs=article.paragraphs,
            removed=article.removed, meta=article.meta,
        )
    return article
