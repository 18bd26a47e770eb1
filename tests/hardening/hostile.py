"""Hostile inputs of issue 12, generated at the sizes that once failed (nothing here is committed as data).

Each builder writes one file under a folder and returns its path. The shapes: work without bound
(millions of tiny blocks, a huge table, deep nesting), quadratic regexes (runs of spaces, unclosed
emphasis and links, list staircases), slow facts (numbers only, runs of quote marks), and files that
once gave tracebacks (Word nested 100,000 deep, an SVG-only page).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def epub(chapter: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", (
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:'
            'container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/'
            'oebps-package+xml"/></rootfiles></container>'))
        z.writestr("OEBPS/content.opf", (
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Book</dc:title></metadata><manifest>'
            '<item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest><spine>'
            '<itemref idref="c1"/></spine></package>'))
        z.writestr("OEBPS/c1.xhtml", chapter)
    return buf.getvalue()


def docx(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _nested_docx(depth: int) -> bytes:
    return docx(b"<w:document " + _W + b"><w:body>" + b"<w:sdt>" * depth
                + b"<w:p><w:r><w:t>The council met on Monday.</w:t></w:r></w:p>" + b"</w:sdt>" * depth
                + b"</w:body></w:document>")


def _svg_page() -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>2024-01-01</title>'
            '<rect width="10" height="10"/><text x="1" y="5">Monday</text></svg>')


# name -> (file name, bytes builder). Sizes are the ones issue 12 reports (or larger).
HOSTILE: dict[str, tuple[str, Callable[[], bytes]]] = {
    "epub-5m-paragraphs": ("book.epub", lambda: epub(
        b"<html><body>" + b"<p>a</p>" * 5_000_000 + b"</body></html>")),
    "html-table-19mb": ("table.html", lambda: (
        b"<html><body><table>" + b"<tr><td>1</td><td>2</td><td>3</td></tr>" * 480_000
        + b"</table></body></html>")),
    "text-10mb-one-letter-lines": ("letters.txt", lambda: b"a\n" * 5_000_000),
    "html-500k-paragraphs": ("paragraphs.html", lambda: (
        b"<html><body><article>" + b"<p>The council met.</p>" * 500_000 + b"</article></body></html>")),
    "markdown-60k-spaces": ("spaces.md", lambda: b"a" + b" " * 60_000 + b"b\n"),
    "markdown-unclosed-emphasis": ("emphasis.md", lambda: b"*a _b " * 20_000 + b"\n"),
    "markdown-unclosed-links": ("links.md", lambda: b"[a ![b ](c " * 15_000 + b"\n"),
    "markdown-list-staircase": ("stairs.md", lambda: b"".join(
        b" " * i + b"- x\n" for i in range(3_000))),
    "markdown-tiny-paragraphs": ("tiny.md", lambda: b"*a*\n\n" * 1_000_000),
    "facts-numbers-only": ("numbers.txt", lambda: " ".join(
        str(i) for i in range(300_000)).encode() + b"\n"),
    "facts-100k-quote-marks": ("quotes.txt", lambda: b'He said "' + b'"' * 100_000 + b" and left.\n"),
    "facts-quoted-sentences": ("quoted.txt", lambda: b" ".join(
        b'He said "it is %d".' % i for i in range(50_000)) + b"\n"),
    "docx-nested-100k": ("deep.docx", lambda: _nested_docx(100_000)),
    "html-svg-only": ("drawing.html", lambda: _svg_page().encode()),
    # The HTML walks recurse: they rely on libxml2's HTML parser nesting at most 256 levels deep.
    "html-nested-100k": ("nested.html", lambda: (
        b"<html><body>" + b"<div><span>" * 50_000 + b"The council met on Monday to discuss ferries."
        + b"</span></div>" * 50_000 + b"</body></html>")),
    "epub-nested-100k": ("nested.epub", lambda: epub(
        b"<html><body>" + b"<section><p>" * 50_000 + b"The council met." + b"</p></section>" * 50_000
        + b"</body></html>")),
    "markdown-nested-quotes": ("quotes.md", lambda: b"> " * 100_000 + b"The council met.\n"),
}


def build(name: str, folder: Path) -> Path:
    file_name, make = HOSTILE[name]
    path = folder / file_name
    path.write_bytes(make())
    return path


# --- PDFs that once printed pypdf's own warnings or errors ------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_ID = bytes.fromhex("0123456789abcdef0123456789abcdef")


def _rc4(key: bytes, data: bytes) -> bytes:
    box = list(range(256))
    j = 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)


def aes_pdf(plain: bytes) -> bytes:
    """plain with an AES-128 /Encrypt dictionary whose user password is empty (PDF algorithms 2 and
    5): opening it needs AES, which pypdf takes from the `cryptography` package."""
    import hashlib
    import struct

    owner = b"\x00" * 32
    digest = hashlib.md5(_PAD + owner + struct.pack("<i", -4) + _ID).digest()
    for _ in range(50):
        digest = hashlib.md5(digest[:16]).digest()
    key = digest[:16]
    user = _rc4(key, hashlib.md5(_PAD + _ID).digest())
    for i in range(1, 20):
        user = _rc4(bytes(k ^ i for k in key), user)
    encrypt = (b"<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent "
               b"/DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF /O <" + owner.hex().encode()
               + b"> /U <" + (user + b"\x00" * 16).hex().encode() + b"> /P -4 >>")
    at = plain.rindex(b"trailer\n<< ") + len(b"trailer\n<< ")
    ids = b"<" + _ID.hex().encode() + b">"
    return plain[:at] + b"/Encrypt " + encrypt + b" /ID [" + ids + b" " + ids + b"] " + plain[at:]
