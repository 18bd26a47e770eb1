"""Property tests (hypothesis) of cleaning and of the whole pipeline on arbitrary and article-like text.

Properties:
- loading, cleaning and the pipeline raise nothing but PrecisError, on any text and any format;
- cleaning loses nothing: the title, the kept paragraphs and the recorded removals (put back at their
  positions) hold every word of the text, in order; so no block disappears without a Removal;
- a removal is never empty and names a reason; a kept paragraph is never empty;
- the digest is consistent: summary sentences are sentences of the article, in document order, never
  more than asked; facts point at real sentences; the Markdown export has a front matter block.

Splitting, summaries and facts on their own have their properties in tests/core; here they run only
as stages of the pipeline. Example counts are bounded so that the file runs in well under 30 s.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.clean import clean_source
from desktop.core.errors import PrecisError
from desktop.core.export import to_markdown
from desktop.core.model import Article, Options, Source
from desktop.core.pipeline import digest_source
from desktop.core.read import load_bytes

_WORD = re.compile(r"\w+")
_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                 derandomize=True)
_SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                 derandomize=True)

# ---- strategies: article-like text with the junk the cleaner hunts, and plain noise ------------

_VOCAB = ("the council harbour ferry mayor said would people city members vote April March budget "
          "report residents plan bridge river water school minister company year million new local "
          "and of to in on for with that was is it by at from an a as but not this").split()
_JUNK = ("Advertisement", "Share this article", "Subscribe to our newsletter", "Read more", "Related",
         "Comments", "12 comments", "Leave a reply", "© 2024 Harbour News. All rights reserved.",
         "Photo: Ann Smith/Reuters", "By Ann Smith", "Updated 3 March 2024 10:42", "5 min read",
         "Skip to content", "Home", "Menu", "Sign up", "Accept all cookies", "Back to top",
         "d41d8cd98f00b204e9800998ecf8427e", "0c5b4f2e-8e5d-4a3c-9a3b-2f6d5a1e9c01", "•", "---",
         "Facebook Twitter WhatsApp", "You may also like", "Most popular")
_SEPARATORS = ("\n", "\n\n", "\n\n\n", "\r\n\r\n", "\n \n", "\n\t\n", "\r\n")

_word = st.sampled_from(_VOCAB)


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    ws = draw(st.lists(_word, min_size=3, max_size=18))
    end = draw(st.sampled_from([".", ".", ".", "?", "!", ":", "", "…"]))
    return " ".join(ws).capitalize() + end


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(_sentence(), min_size=1, max_size=5)))


_line_noise = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
                      min_size=1, max_size=60)


@st.composite
def _heading(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(_word, min_size=1, max_size=8))).title()


@st.composite
def article_like(draw: st.DrawFn) -> str:
    """A title, then prose paragraphs, headings, junk lines, noise and repeated blocks."""
    blocks: list[str] = []
    if draw(st.booleans()):
        blocks.append(draw(_heading()))
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.sampled_from(["prose", "prose", "prose", "junk", "heading", "noise", "repeat"]))
        if kind == "prose":
            blocks.append(draw(_paragraph()))
        elif kind == "junk":
            blocks.append(draw(st.sampled_from(_JUNK)))
        elif kind == "heading":
            blocks.append(draw(_heading()))
        elif kind == "noise":
            blocks.append(draw(_line_noise))
        elif blocks:
            blocks.append(draw(st.sampled_from(blocks)))
    text = ""
    for block in blocks:
        indent = draw(st.sampled_from(["", "", "  ", "\t"]))
        text += indent + block + draw(st.sampled_from(_SEPARATORS))
    return text


any_text = st.one_of(st.text(min_size=1, max_size=400), article_like())


def _load(text: str, name: str) -> Source | None:
    try:
        return load_bytes(text.encode("utf-8"), name=name)
    except PrecisError:
        return None  # refused as empty or binary: a clear error, which is allowed


def _interleave(article: Article) -> list[str]:
    """The text blocks in reading order: kept paragraphs with every removal put back where it stood."""
    out: list[str] = []
    removed = sorted(article.removed, key=lambda r: r.position)
    i = 0
    for position, paragraph in enumerate(article.paragraphs):
        while i < len(removed) and removed[i].position <= position:
            out.append(removed[i].text)
            i += 1
        out.append(paragraph.text)
    out += [r.text for r in removed[i:]]
    return out


# ---- cleaning ----------------------------------------------------------------------------------


@_FAST
@given(text=any_text, name=st.sampled_from(["a.txt", "a.md", "notes"]))
def test_cleaning_never_raises_anything_but_a_precis_error(text: str, name: str) -> None:
    source = _load(text, name)
    if source is None:
        return
    try:
        article = clean_source(source)
    except PrecisError as exc:
        assert str(exc).strip()
        return
    assert article.title.strip()
    assert all(p.text.strip() for p in article.paragraphs)
    assert all(p.kind in ("body", "heading", "caption") for p in article.paragraphs)
    assert all(r.text.strip() and r.reason for r in article.removed)
    assert all(0 <= r.position <= len(article.paragraphs) for r in article.removed)


@_FAST
@given(text=any_text)
def test_cleaning_keeps_or_records_every_block_in_order(text: str) -> None:
    """Every word of the text is in the title, a kept paragraph or a recorded removal, in order:
    a body paragraph can only leave the reading view as a Removal (which can be restored)."""
    source = _load(text, "saved.txt")
    if source is None or source.format != "text":
        return
    article = clean_source(source)
    blocks = _interleave(article)
    expected = _WORD.findall(source.text)
    got = _WORD.findall(" ".join(blocks))
    if expected[:1] != _WORD.findall(article.title)[:1] or not expected or got == expected:
        # No title line in the text: the title came from the file name, or from the first sentence,
        # which stays in the text.
        assert got == expected, (source.text, article)
    else:
        assert _WORD.findall(article.title) + got == expected, (source.text, article)
    # Stronger for blocks: each non-empty line of the input is inside one output block (or the title).
    outputs = [" ".join(b.split()) for b in (article.title, *blocks)]
    for line in source.text.split("\n"):
        line = " ".join(line.split())
        if _WORD.search(line):
            assert any(line in out for out in outputs), (line, outputs)


@_FAST
@given(text=article_like())
def test_cleaning_is_deterministic(text: str) -> None:
    source = _load(text, "saved.txt")
    if source is None:
        return
    assert clean_source(source) == clean_source(source)


def _html(draw: st.DrawFn) -> str:
    tags = draw(st.lists(st.sampled_from(
        ["p", "div", "h1", "h2", "article", "main", "nav", "footer", "aside", "span", "li", "ul",
         "figure", "figcaption", "script", "style", "table", "td", "b", "a"]), min_size=1, max_size=12))
    parts = ["<html><head><title>", draw(_heading()), "</title></head><body>"]
    for tag in tags:
        content = draw(st.one_of(_paragraph(), st.sampled_from(_JUNK), _line_noise))
        content = content.replace("<", "&lt;") if draw(st.booleans()) else content
        parts.append(f"<{tag}>{content}" + (f"</{tag}>" if draw(st.booleans()) else ""))
    if draw(st.booleans()):
        parts.append("</body></html>")
    return "".join(parts)


@_SLOW
@given(html=st.one_of(st.composite(_html)(), st.text(min_size=1, max_size=300).map(lambda t: "<html>" + t)))
def test_html_cleaning_never_raises_anything_but_a_precis_error(html: str) -> None:
    source = _load(html, "page.html")
    if source is None:
        return
    try:
        article = clean_source(source)
    except PrecisError as exc:
        assert str(exc).strip()
        return
    assert article.title.strip() and all(p.text.strip() for p in article.paragraphs)


# ---- the whole pipeline ------------------------------------------------------------------------


@_SLOW
@given(text=any_text, n=st.integers(1, 8), algorithm=st.sampled_from(["precis", "lead", "luhn", "lsa"]))
def test_the_pipeline_never_raises_and_its_digest_is_consistent(text: str, n: int, algorithm: str) -> None:
    source = _load(text, "saved.txt")
    if source is None:
        return
    try:
        digest = digest_source(source, Options(algorithm=algorithm, sentences=n))
    except PrecisError as exc:
        assert str(exc).strip()
        return
    sentences = digest.sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    chosen = digest.summary.sentences
    assert len(chosen) <= n
    assert [s.index for s in chosen] == sorted({s.index for s in chosen})  # document order, no repeats
    for s in chosen:
        assert s.text == sentences[s.index].text
    for s in sentences:
        assert 0 <= s.paragraph < len(digest.article.paragraphs)
        assert s.text in digest.article.paragraphs[s.paragraph].text
    for _, facts in digest.facts.groups():
        for fact in facts:
            assert 0 <= fact.sentence < max(1, len(sentences)) and fact.text.strip()
    markdown = to_markdown(digest, include_article=True)
    lines = markdown.split("\n")
    assert lines[0] == "---" and "---" in lines[1:]
    closing = lines.index("---", 1)
    assert all(re.match(r"^[a-z_]+: ", line) for line in lines[1:closing]), lines[:closing]
