"""Dispatch a Source to the cleaner for its format: HTML, Markdown, plain text, Word, EPUB or PDF."""

from __future__ import annotations

from pathlib import Path

from desktop.core.clean.html import clean_html
from desktop.core.clean.markdown import markdown_blocks
from desktop.core.clean.text import Settings, clean_blocks, clean_text
from desktop.core.errors import PrecisError
from desktop.core.model import Article, Meta, Source
from desktop.core.read import Document

# A document's own structure (styles, markup, page layout) already says where the text is: the
# classifier skips its main-region search, as for a web page, and still removes junk it recognises.
_DOCUMENT_SETTINGS = Settings(find_region=False, html=True)
_PDF_SETTINGS = Settings(find_region=False)  # no markup hints: plain-text rules (short lines are headings)


def clean_source(source: Source) -> Article:
    """The reading view of a loaded file; the file name stands in for a title it does not have."""
    if source.format == "html":
        article = clean_html(source.text, source.name)
    elif source.format == "markdown":
        title, blocks, notice = markdown_blocks(source.text)
        article = clean_blocks(blocks, title_hint=title, notice=notice)
    elif source.format in ("docx", "epub", "pdf"):
        article = _clean_document(source)
    else:
        article = clean_text(source.text)
    if not article.title:
        article = Article(
            title=Path(source.name).stem, paragraphs=article.paragraphs,
            removed=article.removed, meta=article.meta,
        )
    return article


def _clean_document(source: Source) -> Article:
    # Each reader is imported when needed: a text-only session never pays for lxml or pypdf.
    doc: Document
    if source.format == "docx":
        from desktop.core.read import read_docx

        doc = read_docx(source.data, source.name)
    elif source.format == "epub":
        from desktop.core.read import read_epub

        doc = read_epub(source.data, source.name)
    else:
        from desktop.core.read import read_pdf

        doc = read_pdf(source.data, source.name)
    settings = _PDF_SETTINGS if source.format == "pdf" else _DOCUMENT_SETTINGS
    article = clean_blocks(doc.blocks, title_hint=doc.title, settings=settings, notice=doc.notice)
    if not any(p.kind != "caption" for p in article.paragraphs):
        raise PrecisError(f"{source.name}: no text found in this document")
    return Article(
        title=article.title, paragraphs=article.paragraphs, removed=article.removed,
        meta=Meta(author=doc.author, date=doc.date, site=article.meta.site,
                  language=article.meta.language),
    )
