"""Clean: Source -> Article, the reading-view text with every removal recorded and its reason.
Plain text (block scores, phrase tables, duplicates), HTML (trafilatura, then ours), Markdown, documents."""

from desktop.core.lazy import exports

__all__, __getattr__, __dir__ = exports(__name__, {
    "dispatch": ("clean_source",),
    "text": ("Settings", "clean_blocks", "clean_text"),
    "html": ("clean_html", "html_blocks"),
    "markdown": ("markdown_blocks", "markdown_inline"),
    "blocks": ("split_blocks", "dedupe_key", "guess_language"),
})
