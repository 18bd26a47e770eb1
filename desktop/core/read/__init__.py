"""Read: a file's bytes -> Source (size and shape limits, refusal of binaries, encodings), and the
document readers (Word, EPUB, PDF) that hand blocks and metadata to the cleaner."""

from desktop.core.lazy import exports

__all__, __getattr__, __dir__ = exports(__name__, {
    "load": ("MAX_BYTES", "load_path", "load_bytes", "decode", "document_format", "guess_format"),
    "document": ("Block", "Document", "LINE_BREAK", "MAX_TEXT", "MAX_BLOCKS", "MAX_ELEMENTS", "MAX_DEPTH",
                 "TextBudget", "unread_notice", "iso_date", "join_lines", "one_line"),
    "zipparts": ("ZipParts", "join_href", "parse_xml"),
    "docx": ("read_docx",),
    "epub": ("read_epub",),
    "pdf": ("read_pdf",),
})
