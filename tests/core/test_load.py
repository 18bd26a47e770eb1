"""Reading bytes into a Source: encodings decoded exactly, formats told apart, non-text refused.

tests/hardening covers the command-line side (empty, binary, huge, UTF-16 and Windows-1252 files
through `precis`); these check the decoded text itself and what the battery does not hold.
"""

from __future__ import annotations

import pytest

from desktop.core.errors import PrecisError
from desktop.core.read import load_bytes

ACCENTS = "Le café de la Señora Müller ouvre à sept heures; l'été, dès six heures."
QUOTES = "The mayor said \u201cyes\u201d \u2014 it\u2019s \u20ac12 a crossing \u2026 from March."


@pytest.mark.parametrize(("data", "text", "encoding"), [
    (b"\xef\xbb\xbf" + ACCENTS.encode("utf-8"), ACCENTS, "utf-8-sig"),  # the BOM is not text
    (ACCENTS.encode("utf-8"), ACCENTS, "utf-8"),
    ("\ufeff".encode("utf-16-le") + ACCENTS.encode("utf-16-le"), ACCENTS, "utf-16"),
    (ACCENTS.encode("utf-16-le"), ACCENTS, "utf-16-le"),  # no BOM: told by its NUL bytes
    (ACCENTS.encode("utf-16-be"), ACCENTS, "utf-16-be"),
    ((QUOTES + " " + ACCENTS).encode("cp1252"), QUOTES + " " + ACCENTS, "cp1252"),
], ids=["utf-8-bom", "utf-8", "utf-16-bom", "utf-16-le", "utf-16-be", "windows-1252"])
def test_each_encoding_decodes_to_the_exact_text(data: bytes, text: str, encoding: str) -> None:
    source = load_bytes(data, "article.txt")
    assert source.text == text
    assert source.encoding == encoding
    assert source.data == data  # the original bytes are kept


def test_latin_1_text_decodes_with_its_accents() -> None:
    text = (ACCENTS + "\n") * 5
    assert load_bytes(text.encode("latin-1"), "article.txt").text == text


@pytest.mark.parametrize(("name", "text", "fmt"), [
    ("page.html", "<p>Hello</p>", "html"),
    ("page.HTM", "<p>Hello</p>", "html"),
    ("saved.txt", "<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>", "html"),  # told by content
    ("notes.md", "# Hello", "markdown"),
    ("notes.markdown", "Hello", "markdown"),
    ("article.txt", "Hello <b>world</b>", "text"),
    ("README", "Hello", "text"),
])
def test_format_comes_from_the_extension_or_the_content(name: str, text: str, fmt: str) -> None:
    assert load_bytes(text.encode(), name).format == fmt


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(200), "PDF"),
    (b"SQLite format 3\x00" + bytes(200), "database"),
    (b"\x1f\x8b\x08\x00" + bytes(200), "gzip"),
    (b"GIF89a" + bytes(200), "GIF"),
])
def test_known_binary_formats_are_named_in_the_refusal(data: bytes, what: str) -> None:
    with pytest.raises(PrecisError, match=f"scan.txt: not a text file.*{what}"):
        load_bytes(data, "scan.txt")
