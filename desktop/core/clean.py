"""Dispatch a Source to the cleaner for its format: HTML, Markdown or plain text."""

from __future__ import annotations

from pathlib import Path

from desktop.core.blocks import markdown_blocks
from desktop.core.clean_html import clean_html
from desktop.core.clean_text import clean_blocks, clean_text
from desktop.core.model import Article, Source


def clean_source(source: Source) -> Article:
    """The reading view of a loaded file; the file name stands in for a title it does not have."""
    if source.format == "html":
        article = clean_html(source.text, source.name)
    elif source.format == "markdown":
        title, blocks = markdown_blocks(source.text)
        article = clean_blocks(blocks, title_hint=title)
    else:
        article = clean_text(source.text)
    if not article.title:
        article = Article(
            title=Path(source.name).stem, paragraphs=article.paragraphs,
            removed=article.removed, meta=article.meta,
        )
    return article
