"""Security: saved web pages never make Précis fetch or read anything, exported Markdown cannot be
turned into other markup by what an article says, and export file names cannot leave their folder.

- HTML: remote images, styles, scripts, frames, a meta refresh, XML external entities (file:// to a
  secret file and /etc/passwd), XInclude and an entity expansion bomb. socket is patched to record and
  refuse every connection and name lookup, so an attempt fails the test even if the code swallowed it.
- Markdown: the front matter is parsed back with a strict YAML subset (double-quoted scalars, their
  escapes and YAML's printable-character rule); escape_md is checked as a property on any text; a
  hostile article exports with every character it had and no heading, list, link, HTML or code fence
  of its own. (Windows-only file names are in tests/library/test_export.py; here: bidi controls,
  device names with spaces or superscript digits, and paths from hostile titles in a real export.)
"""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.clean import clean_source
from desktop.core.export import GROUP_TITLES, escape_md, to_markdown
from desktop.core.model import Article, Meta, Options, Paragraph
from desktop.core.pipeline import digest_article
from desktop.core.read import load_bytes
from desktop.library.exporter import export_entries, safe_stem
from desktop.library.store import Library

PROSE = ("<p>The harbour council met on Monday to discuss the new ferry timetable and the budget for the "
         "next year. Members agreed that the morning service would start an hour earlier from March.</p>")
SECRET = "SECRET-7f3a9c-MARKER"


# ---- HTML never fetches nor reads anything -----------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Every connection and name lookup is recorded and refused."""
    attempts: list[tuple] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


def _pages(secret: Path) -> dict[str, str]:
    remote = "http://example.invalid"
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return {
        "remote": (f'<html><head><title>Remote things</title><link rel="stylesheet" href="{remote}/a.css">'
                   f'<script src="{remote}/x.js"></script><base href="{remote}/">'
                   f'<meta http-equiv="refresh" content="0;url={remote}/"></head><body><article>'
                   f'<img src="{remote}/a.png" srcset="{remote}/b.png 2x"><iframe src="{remote}/f"></iframe>'
                   f'{PROSE}<object data="{remote}/o"></object><video src="{remote}/v.mp4"></video>'
                   f'<embed src="{remote}/e.swf">{PROSE}</article></body></html>'),
        "xxe": (f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY e SYSTEM "file://{secret}">'
                '<!ENTITY p SYSTEM "file:///etc/passwd"><!ENTITY r SYSTEM "http://example.invalid/x">]>\n'
                f'<html><head><title>Entities &e;</title></head><body><article><h1>Entities</h1>{PROSE}'
                f'<p>Here: &e; and &p; and &r;.</p>{PROSE}</article></body></html>'),
        "xinclude": ('<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>XInclude</title></head>'
                     f'<body><article>{PROSE}<xi:include href="file://{secret}" parse="text"/>'
                     '<xi:include href="file:///etc/passwd" parse="text"/>'
                     f'{PROSE}</article></body></html>'),
        "bomb": (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">{lol}]><html><head><title>Bomb'
                 f'</title></head><body><article>{PROSE}<p>&l9;</p>{PROSE}</article></body></html>'),
    }


@pytest.mark.parametrize("extension", [".html", ".xhtml", ".txt"])
@pytest.mark.parametrize("page", ["remote", "xxe", "xinclude", "bomb"])
def test_a_saved_page_is_cleaned_without_any_fetch_or_file_read(page: str, extension: str, tmp_path: Path,
                                                                 no_network: list[tuple]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{SECRET}\nroot:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    passwd = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()
    source = load_bytes(_pages(secret)[page].encode(), name=f"{page}{extension}")
    assert source.format == "html"  # by extension or by the <?xml/<html start
    article = clean_source(source)
    everything = "\n".join([article.title, *(p.text for p in article.paragraphs),
                            *(r.text for r in article.removed), article.meta.author, article.meta.site])
    assert "ferry timetable" in everything  # the page was read
    assert SECRET not in everything and "root:x:0:0" not in everything
    assert not any(line and line in everything for line in passwd[:5])
    assert "lollollol" not in everything and len(everything) < 5000  # entities were not expanded
    assert no_network == []


def test_importing_a_hostile_page_into_the_library_fetches_nothing(tmp_path: Path,
                                                                   no_network: list[tuple]) -> None:
    from desktop.library.importer import import_paths

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, html in _pages(secret).items():
        (pages / f"{name}.html").write_text(html, encoding="utf-8")
    with Library.open() as lib:
        report = import_paths(lib, [pages])
        assert report.errors == [] and len(report.added) + len(report.existing) == 4
        for entry in lib.get_many(report.added):
            assert SECRET not in "\n".join(p.text for p in entry.article.paragraphs) + entry.title
    assert no_network == []


# ---- Markdown: the front matter is valid YAML that says exactly what the article said ----------

_YAML_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                 "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
                 "L": "\u2028", "P": "\u2029"}
# YAML 1.1/1.2 printable characters; \x85, \u2028 and \u2029 are line breaks in YAML 1.1, which
# would be folded into spaces inside a quoted scalar; a BOM is allowed only before a document.
_YAML_BAD_RAW = re.compile("[^\x09\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def yaml_double_quoted(raw: str) -> str:
    """The value of a YAML double-quoted scalar on one line (the YAML spec's escapes), strictly."""
    assert len(raw) >= 2 and raw[0] == raw[-1] == '"', raw
    assert not _YAML_BAD_RAW.search(raw), f"raw character YAML does not allow: {raw!r}"
    out, body, i = [], raw[1:-1], 0
    while i < len(body):
        c = body[i]
        assert c != '"', f"unescaped quote in {raw!r}"
        if c != "\\":
            out.append(c)
            i += 1
            continue
        code = body[i + 1]
        if code in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[code]
            digits = body[i + 2:i + 2 + width]
            assert re.fullmatch(f"[0-9a-fA-F]{{{width}}}", digits), raw
            assert not 0xD800 <= int(digits, 16) <= 0xDFFF, "YAML has no surrogate pairs"
            out.append(chr(int(digits, 16)))
            i += 2 + width
        else:
            assert code in _YAML_ESCAPES, f"unknown escape \\{code} in {raw!r}"
            out.append(_YAML_ESCAPES[code])
            i += 2
    return "".join(out)


def front_matter(markdown: str) -> dict[str, str | int]:
    lines = markdown.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    values: dict[str, str | int] = {}
    for line in lines[1:end]:
        m = re.fullmatch(r"([a-z_]+): (.+)", line)
        assert m, f"not a key: value line: {line!r}"
        key, raw = m.groups()
        assert key not in values, f"{key} twice"
        values[key] = int(raw) if re.fullmatch(r"\d+", raw) else yaml_double_quoted(raw)
    return values


def _digest(title: str, paragraphs: tuple[str, ...] = ("A short paragraph of text for the summary.",),
            meta: Meta | None = None, name: str = "saved.txt"):
    article = Article(title=title, paragraphs=tuple(Paragraph("body", p) for p in paragraphs),
                      meta=meta or Meta())
    return digest_article(article, name, None, Options(algorithm="lead", sentences=3))


HOSTILE = ('--- # *Breaking* [click](http://evil.invalid) : "quoted" \'single\' & &amp; <b>x</b> '
           '| a | b | ~~gone~~ `code` _under_ \\back\\slash \n---\nauthor: "injected"\n# Heading?\n'
           '\x7f\x85\u2028\u2029\ufeff\x1b end')


def test_front_matter_keeps_every_character_and_takes_no_injected_key() -> None:
    meta = Meta(author='Ann "the Pen" O\'Neil\nsite: evil', date="2024-01-02: noon", site="News #1 | *best*")
    markdown = to_markdown(_digest(HOSTILE, meta=meta, name="odd: \"name\"\n---.txt"))
    values = front_matter(markdown)
    assert values["title"] == HOSTILE
    assert values["author"] == meta.author and values["site"] == meta.site and values["date"] == meta.date
    assert values["source"] == "odd: \"name\"\n---.txt"
    assert set(values) == {"title", "source", "author", "date", "site", "words", "reading_time",
                           "algorithm", "sentences"}


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_front_matter_round_trips_any_title(title: str) -> None:
    assert front_matter(to_markdown(_digest(title or "x")))["title"] == (title or "x")


# ---- Markdown: the body shows the text, never markup of its own --------------------------------

_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ACTIVE = set("\\`*_[]<>#|~")  # characters that make inline markup or HTML wherever they stand
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# What would open a block if it began a line: heading, quote, list item, thematic break or setext
# underline, fenced or indented code, HTML, table pipe.
_BLOCK_START = re.compile(r"^(?: {4}|\t| {0,3}(?:[-+*=>#|<]|\d{1,9}[.)]|~~~|```))")


def unescape(markdown: str) -> str:
    """What CommonMark shows for text whose only markup is backslash escapes; fails on live markup."""
    out, i = [], 0
    while i < len(markdown):
        c = markdown[i]
        if c == "\\":
            assert i + 1 < len(markdown) and markdown[i + 1] in _PUNCT, f"dangling backslash in {markdown!r}"
            out.append(markdown[i + 1])
            i += 2
            continue
        assert c not in _ACTIVE, f"unescaped {c!r} in {markdown!r}"
        assert not (c == "&" and re.match(r"&(#\d+|#x[0-9a-f]+|\w+);", markdown[i:], re.I)), markdown
        out.append(c)
        i += 1
    return "".join(out)


def _shown(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
       | st.lists(st.sampled_from(["---", "- ", "+", "1.", "2)", "#", ">", "~~~", "```", "    ", "\n", "&amp;",
                                   "[a](b)", "<i>", "*", "_", "|", "=", "===", "\\", "x", " "]),
                  max_size=12).map("".join))
def test_escape_md_shows_exactly_the_text_on_one_line_without_markup(text: str) -> None:
    escaped = escape_md(text)
    assert not _LINE_BREAKS.search(escaped), repr(escaped)
    assert not _BLOCK_START.match(escaped), repr(escaped)
    assert unescape(escaped) == _shown(text)


def test_a_hostile_article_exports_as_plain_text() -> None:
    paragraphs = ("---", "~~~", "```python", "1. Not a list", "- not a list", "> not a quote", "# not a heading",
                  "<script>alert(1)</script>", "[click](javascript:alert(1)) ![img](http://evil.invalid/p.png)",
                  "Copyright &copy; 2024 &#169;", "a | table | row", "===", "    indented code?",
                  "Line one\nline two\n---\nline three")
    digest = _digest(HOSTILE, paragraphs)
    markdown = to_markdown(digest, include_article=True)
    body = markdown.split("\n")[markdown.split("\n").index("---", 1) + 1:]
    headings = [line for line in body if line.startswith("#")]
    assert headings[0] == "# " + escape_md(HOSTILE) and unescape(headings[0][2:]) == _shown(HOSTILE)
    # Only the export's own headings: its sections and the fact groups, none from the article.
    assert [h for h in headings if h.startswith("## ")] == ["## Summary", "## Key facts", "## Article"]
    assert all(h[4:] in GROUP_TITLES.values() for h in headings if h.startswith("### "))
    article = body[body.index("## Article") + 1:]
    shown = [unescape(line) for line in article if line]
    assert shown == [_shown(p) for p in paragraphs]
    for line in body:
        if line and not line.startswith(("#", "- ", "*")):
            assert not _BLOCK_START.match(line), line
    summary = body[body.index("## Summary") + 1:body.index("## Key facts")]
    for line in (x for x in summary if x):
        assert line.startswith("- ") and not _BLOCK_START.match(line[2:])


# ---- file names from titles --------------------------------------------------------------------


def test_file_names_drop_bidi_and_invisible_controls_and_all_device_name_forms() -> None:
    # U+202E shows "invoice‮dm.exe" as "invoiceexe.md": a name must look like what it is.
    assert safe_stem("invoice\u202edm.exe") == "invoicedm.exe"
    assert safe_stem("zero\u200bwidth\u2066isolate\u2069\ufeff") == "zerowidthisolate"
    for name in ("CON ", "con .txt", "COM\u00b9", "lpt\u00b3", "CONIN$", "conout$.md", "AUX..."):
        assert safe_stem(name).startswith("_"), name
    assert safe_stem("Console") == "Console" and safe_stem("COM10") == "COM10"


def test_a_real_export_of_hostile_titles_stays_inside_its_folder(tmp_path: Path) -> None:
    titles = ["../../escape", "/etc/passwd", "..", ".", "C:\\Windows\\system32", "\\\\server\\share\\x",
              "~/.bashrc", "a/../../b", "NUL", "\u202eexe.md", "😀" * 200, "x\n../y", ""]
    out = tmp_path / "out"
    with Library.open() as lib:
        ids = []
        for n, title in enumerate(titles):
            text = f"Body number {n} of a hostile title test, long enough to be kept as a paragraph."
            source = load_bytes(text.encode(), name=f"{n}.txt")
            article = Article(title=title, paragraphs=(Paragraph("body", text),))
            ids.append(lib.add(source, article).id)
        written = export_entries(lib, ids, out)
    assert len(written) == len(titles) + 1
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    for path in written:
        assert path.resolve().parent == out.resolve()
        assert not path.name.startswith(".") and len(path.name.encode()) <= 255
        assert not re.search(r"[\x00-\x1f/\\\u202a-\u202e\u2066-\u2069]", path.name)
