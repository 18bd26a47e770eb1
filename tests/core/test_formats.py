"""Word, EPUB and PDF files: built here in the test (no binaries in the repository), read into
articles with their titles, headings, paragraphs and metadata; damaged and hostile files refused."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from desktop.core.clean import clean_source
from desktop.core.errors import PrecisError
from desktop.core.model import Article
from desktop.core.read import ZipParts, load_bytes, load_path
from desktop.core.read.pdf import join_lines, page_lines
from desktop.library.store import Library

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARAS = (
    "The lake ferry carried more passengers this spring than in any year since it began, "
    "the harbour master told the council on Tuesday evening.",
    "Queues formed at the pier before the first boat left at six, and the crew worked double "
    "shifts through April and May to keep the crossings on time.",
    "The council will decide in June whether to buy a second boat for the summer season.",
)


# ---- builders -------------------------------------------------------------------------------

def _zip(members: dict[str, str | bytes], first: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        if first:  # EPUB wants its mimetype first and stored
            z.writestr(zipfile.ZipInfo(first), members[first], compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            if name != first:
                z.writestr(name, data)
    return buf.getvalue()


def _w_para(text: str, style: str = "", extra: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>' if style or extra else ""
    runs = text.replace("\t", "</w:t></w:r><w:r><w:tab/><w:t>").replace(
        "\n", "</w:t></w:r><w:r><w:br/><w:t>")
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{runs}</w:t></w:r></w:p>"


def make_docx(body: str, core_title: str = "Draft copy", styles: bool = True,
              document: str | None = None) -> bytes:
    doc = document or (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       f'<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>')
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                               'package/2006/content-types"/>',
        "word/document.xml": doc,
        "docProps/core.xml": (
            '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
            'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>' + core_title + '</dc:title>'
            '<dc:creator>Ana Lima</dc:creator><dcterms:created>2024-03-05T10:00:00Z</dcterms:created>'
            '</cp:coreProperties>'),
    }
    if styles:
        # Style IDs in German, as Word writes them there: the style *names* say what they are.
        members["word/styles.xml"] = (
            f'<?xml version="1.0"?><w:styles xmlns:w="{W}">'
            '<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>'
            '</w:styles>')
    return _zip(members)


def ferry_docx() -> bytes:
    body = "".join([
        _w_para("Ferry Numbers Soar", "Titel"),
        _w_para(PARAS[0]),
        _w_para("Longer\tqueues", "berschrift1"),
        _w_para(PARAS[1]),
        _w_para("The office stands on the quay.\nIt opens at nine every day."),
        '<w:tbl><w:tr><w:tc>' + _w_para("Month") + '</w:tc><w:tc>' + _w_para("Crossings")
        + '</w:tc></w:tr><w:tr><w:tc>' + _w_para("April") + '</w:tc><w:tc>' + _w_para("412")
        + '</w:tc></w:tr></w:tbl>',
        _w_para(PARAS[2]),
    ])
    return make_docx(body)


def _xhtml(title: str, inner: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>' + title + '</title>'
            '<style>p { margin: 0 }</style></head><body>' + inner + '</body></html>')


def make_epub(chapters: dict[str, str] | None = None, spine: tuple[str, ...] = ("c2", "c1")) -> bytes:
    chapters = chapters or {
        # Stored in the archive in the wrong order on purpose: the spine decides.
        "c1": _xhtml("Two", "<section><h2>Chapter Two</h2><p>" + PARAS[2] + "</p></section>"),
        "c2": _xhtml("One", "<h1>Chapter One</h1><p>" + PARAS[0] + "</p><p>" + PARAS[1]
                     + "</p><ul><li>Dawn sailing</li><li>Noon sailing</li></ul>"
                     "<p>Caf&eacute; Mar&iacute;a&nbsp;opens at <em>seven</em>.</p>"),
    }
    manifest = "".join(f'<item id="{cid}" href="Text/{cid}%20file.xhtml" media-type="application/xhtml+xml"/>'
                       for cid in chapters)
    manifest += '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    opf = ('<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" '
           'version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
           '<dc:title>The Lake Ferry</dc:title><dc:creator>Ana Lima</dc:creator>'
           '<dc:creator>Bo Chen</dc:creator><dc:date>2023-09-01</dc:date><dc:language>en</dc:language>'
           f'</metadata><manifest>{manifest}</manifest><spine>'
           + "".join(f'<itemref idref="{cid}"/>' for cid in ("nav", *spine)) + '</spine></package>')
    members: dict[str, str | bytes] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": (
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:'
            'xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>'),
        "OEBPS/content.opf": opf,
        "OEBPS/nav.xhtml": _xhtml("Contents", "<nav><ol><li>Chapter One</li></ol></nav><p>Contents page</p>"),
    }
    for cid, html in chapters.items():
        members[f"OEBPS/Text/{cid} file.xhtml"] = html
    return _zip(members, first="mimetype")


def make_pdf(pages: list[list[str]], title: str = "", author: str = "") -> bytes:
    """A PDF written by hand: one text line per Td, Helvetica, the Info dictionary for metadata."""
    objects: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    pages_id = 1 + 2 * len(pages) + 1
    kids: list[int] = []
    for lines in pages:
        ops = []
        for i, text in enumerate(lines):
            esc = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            y = 40 if i == len(lines) - 1 and text.startswith("Page ") else 760 - 14 * i
            ops.append(f"BT /F1 11 Tf 72 {y} Td ({esc}) Tj ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 1 0 R >> >> >>" % (pages_id, len(objects)))
        kids.append(len(objects))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>"
                   % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info = b"<< /Title (%s) /Author (%s) /CreationDate (D:20240301093000Z) >>" % (
        title.encode("latin-1"), author.encode("latin-1"))
    objects.append(info)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects) - 1, len(objects), xref)
    return bytes(out)


PDF_PAGES = [
    ["Lake Ferry Annual Review 2024",
     "Spring brought the busiest season the lake ferry has known, with passen-",
     "gers queueing at the pier before the first boat left at six in the morning.",
     "Timetable",
     "The new timetable added four crossings on weekdays and two on Sundays.",
     "Page 1 of 3"],
    ["Lake Ferry Annual Review 2024",
     "Summer trade was steadier, although storms in July cancelled nine crossings",
     "and left tourists stranded on the island for a night in the village hall.",
     "Money",
     "Ticket income rose by a fifth, the treasurer told the board in August.",
     "Page 2 of 3"],
    ["Lake Ferry Annual Review 2024",
     "Autumn repairs kept one boat out of service for six weeks while engineers",
     "replaced the engine and repainted the hull in the harbour workshop.",
     "People",
     "Three new deckhands joined the crew, all of them from the island school.",
     "Page 3 of 3"],
]


def texts(article: Article, kind: str) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind == kind]


# ---- Word -----------------------------------------------------------------------------------

def test_docx_gives_title_headings_paragraphs_rows_and_metadata() -> None:
    source = load_bytes(ferry_docx(), "ferry.docx")
    assert source.format == "docx"
    article = clean_source(source)
    assert article.title == "Ferry Numbers Soar"  # the Title paragraph, not the stale core title
    assert texts(article, "heading") == ["Longer queues"]  # a tab reads as a space
    body = texts(article, "body")
    for para in PARAS:
        assert para in body
    # A line break inside a paragraph stays.
    assert "The office stands on the quay.\nIt opens at nine every day." in body
    assert "Month | Crossings" in body and "April | 412" in body
    assert body.index(PARAS[0]) < body.index(PARAS[1]) < body.index(PARAS[2])
    assert (article.meta.author, article.meta.date) == ("Ana Lima", "2024-03-05")


def test_docx_without_a_title_paragraph_takes_the_core_title() -> None:
    article = clean_source(load_bytes(make_docx("".join(_w_para(p) for p in PARAS),
                                                core_title="Ferry Notes"), "notes.docx"))
    assert article.title == "Ferry Notes"
    assert texts(article, "body") == list(PARAS)


def test_docx_headings_are_known_by_english_style_ids_without_styles_xml() -> None:
    body = _w_para("Results", "Heading2") + "".join(_w_para(p) for p in PARAS)
    article = clean_source(load_bytes(make_docx(body, styles=False), "plain.docx"))
    assert texts(article, "heading") == ["Results"]


def test_a_word_file_saved_under_another_name_is_still_read() -> None:
    source = load_bytes(ferry_docx(), "ferry.dat")
    assert source.format == "docx"
    assert clean_source(source).title == "Ferry Numbers Soar"


def test_corrupt_docx_is_refused_with_the_file_name() -> None:
    junk = b"PK\x03\x04" + os.urandom(2000)
    with pytest.raises(PrecisError, match=r"^broken\.docx: .*Word document.*damaged"):
        load_bytes(junk, "broken.docx")


def test_zip_without_word_content_named_docx_is_refused() -> None:
    with pytest.raises(PrecisError, match=r"^fake\.docx: not a Word document"):
        load_bytes(_zip({"notes.txt": "hello"}), "fake.docx")


def test_docx_whose_document_inflates_past_the_cap_is_refused() -> None:
    # Zeros compress about a thousandfold: a small file that would inflate far past the cap.
    big = make_docx("", document="<w:document>" + " " * (3 * 1024 * 1024) + "</w:document>")
    assert len(big) < 100_000
    parts = ZipParts(big, "bomb.docx", "Word document", max_part=1024 * 1024)
    with pytest.raises(PrecisError, match=r"bomb\.docx: refused, word/document\.xml inflates"):
        parts.read("word/document.xml")


def test_docx_over_the_real_cap_is_refused_through_clean_source() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as fh:  # 51 MB of spaces, written in pieces
            chunk = b" " * (1024 * 1024)
            for _ in range(51):
                fh.write(chunk)
    with pytest.raises(PrecisError, match=r"bomb\.docx: refused.*zip bomb"):
        clean_source(load_bytes(buf.getvalue(), "bomb.docx"))


def test_docx_with_entity_declarations_is_refused() -> None:
    doc = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
           f'<w:document xmlns:w="{W}"><w:body>{_w_para("&b;&b;")}</w:body></w:document>')
    with pytest.raises(PrecisError, match=r"laughs\.docx: refused.*entities"):
        clean_source(load_bytes(make_docx("", document=doc), "laughs.docx"))


def test_zip_named_txt_is_still_refused() -> None:
    with pytest.raises(PrecisError, match=r"archive\.txt: not a text file.*ZIP"):
        load_bytes(_zip({"notes.txt": "hello"}), "archive.txt")


# ---- EPUB -----------------------------------------------------------------------------------

def test_epub_reads_chapters_in_spine_order_with_metadata() -> None:
    source = load_bytes(make_epub(), "ferry.epub")
    assert source.format == "epub"
    article = clean_source(source)
    assert article.title == "The Lake Ferry"
    assert (article.meta.author, article.meta.date) == ("Ana Lima, Bo Chen", "2023-09-01")
    assert texts(article, "heading") == ["Chapter One", "Chapter Two"]
    body = texts(article, "body")
    assert body.index(PARAS[0]) < body.index(PARAS[1]) < body.index(PARAS[2])
    assert "Dawn sailing" in body and "Noon sailing" in body
    assert "Café María opens at seven." in body  # HTML entities in XHTML, inline markup flattened
    all_text = " ".join(p.text for p in article.paragraphs)
    assert "Contents page" not in all_text  # the navigation document is not part of the book
    assert "p { margin" not in all_text


def test_epub_without_a_package_file_is_refused() -> None:
    with pytest.raises(PrecisError, match=r"^empty\.epub: .*EPUB book.*container\.xml"):
        clean_source(load_bytes(_zip({"mimetype": "application/epub+zip"}, first="mimetype"),
                                "empty.epub"))


# ---- PDF ------------------------------------------------------------------------------------

def test_pdf_paragraphs_are_rebuilt_and_running_heads_dropped() -> None:
    source = load_bytes(make_pdf(PDF_PAGES, title="Ferry Review", author="Ana Lima"), "review.pdf")
    assert source.format == "pdf"
    article = clean_source(source)
    assert article.title == "Ferry Review"
    assert (article.meta.author, article.meta.date) == ("Ana Lima", "2024-03-01")
    assert texts(article, "heading") == ["Timetable", "Money", "People"]
    body = texts(article, "body")
    assert body[0] == ("Spring brought the busiest season the lake ferry has known, with passengers "
                       "queueing at the pier before the first boat left at six in the morning.")
    assert ("Summer trade was steadier, although storms in July cancelled nine crossings and left "
            "tourists stranded on the island for a night in the village hall.") in body
    all_text = " ".join(p.text for p in article.paragraphs)
    assert "Annual Review" not in all_text and "Page 2" not in all_text


def test_pdf_without_metadata_takes_its_first_line_as_title() -> None:
    article = clean_source(load_bytes(make_pdf([["Ferry Figures", *PARAS]]), "figures.pdf"))
    assert article.title == "Ferry Figures"


def test_running_lines_need_most_pages_and_page_numbers_go() -> None:
    pages = ["Head 1\nAlpha one.\n1", "Head 2\nBeta two.\n2", "Head 3\nGamma three.\n- 3 -",
             "Other\nDelta four.\niv"]
    kept = [line for line in page_lines(pages) if line.strip() and line != "\f"]
    assert kept == ["Alpha one.", "Beta two.", "Gamma three.", "Other", "Delta four."]
    # On two pages of four, a line is not running: it stays.
    assert "Head" in page_lines(["Head\nAlpha.", "Head\nBeta.", "Gamma.", "Delta."])


def test_line_joining_mends_hyphens_and_breaks_at_blank_lines() -> None:
    lines = ["A long line that goes on and on until it reaches the hyphen-",
             "ated end of the paragraph, which has several words in it.", "",
             "Second paragraph here."]
    assert join_lines(lines) == [
        "A long line that goes on and on until it reaches the hyphenated end of the paragraph, "
        "which has several words in it.", "Second paragraph here."]


def test_damaged_pdf_named_pdf_is_refused_with_the_file_name() -> None:
    with pytest.raises(PrecisError, match=r"^scan\.pdf: this PDF cannot be read"):
        clean_source(load_bytes(b"%PDF-1.7\n" + os.urandom(500), "scan.pdf"))


def test_pdf_header_alone_under_a_text_name_is_still_refused() -> None:
    with pytest.raises(PrecisError, match=r"scan\.txt: not a text file.*PDF"):
        load_bytes(b"%PDF-1.7\n" + bytes(200), "scan.txt")


# ---- library --------------------------------------------------------------------------------

def test_library_keeps_document_bytes_and_recleans_them(tmp_path: Path) -> None:
    for name, data in (("ferry.docx", ferry_docx()), ("ferry.epub", make_epub()),
                       ("review.pdf", make_pdf(PDF_PAGES, title="Ferry Review"))):
        path = tmp_path / name
        path.write_bytes(data)
        source = load_path(path)
        with Library.open(tmp_path / f"{name}.db") as lib:
            entry_id = lib.add(source, clean_source(source)).id
            assert lib.source_bytes(entry_id) == data  # the original, byte for byte
            assert lib.reclean() == 1
            entry = lib.get(entry_id)
            assert entry.format == source.format
            assert entry.article.title == clean_source(source).title
