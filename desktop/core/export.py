"""Digest -> Markdown: YAML front matter, summary, highlights, key facts and optionally the article."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.core.model import Digest

if TYPE_CHECKING:
    from desktop.core.highlights import Highlight

GROUP_TITLES = {
    "people": "People",
    "organisations": "Organisations",
    "places": "Places",
    "events": "Events",
    "numbers": "Numbers",
    "dates": "Dates",
    "quotes": "Quotes",
    "keywords": "Keywords",
}

# Characters that make inline markup or HTML wherever they stand (~ is GFM's strikethrough).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
# "&copy;" or "&#169;" would show as the character they name, not as written.
_MD_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|\w+;)")
# What would open a block at the start of a line: a list item, a thematic break or setext underline
# ("-", "+", "="), an ordered list ("1." "2)").
_MD_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")
# Characters YAML forbids in a document (and a BOM inside one), and \x85/\u2028/\u2029 that YAML 1.1
# reads as line breaks.
_YAML_UNSAFE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def escape_md(text: str) -> str:
    """One line of Markdown that shows exactly the text: markup characters escaped, line-leading
    block syntax neutralised, line breaks and runs of spaces (code blocks) made single spaces."""
    text = " ".join(text.split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_ENTITY.sub(r"\\&", text)
    m = _MD_LINE_START.match(text)
    if m:
        end = m.end()
        # "-" -> "\-"; "1." -> "1\." (the character that makes the marker is the one escaped)
        text = "\\" + text if m.group(1)[0] in "-+=" else text[:end] + "\\" + text[end:]
    return text


def _yaml_str(value: str) -> str:
    # JSON strings are valid YAML double-quoted scalars (colons, quotes, newlines escaped); JSON
    # leaves some characters raw that YAML forbids or folds, so they are escaped as \uXXXX too.
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


yaml_str = _yaml_str  # public: the briefing's front matter is written the same way


def highlights_markdown(highlights: Sequence[Highlight]) -> list[str]:
    """`## Highlights`: each passage a `>` quote (a paragraph per line of it), its note below."""
    if not highlights:
        return []
    lines = ["## Highlights", ""]
    for h in highlights:
        parts = [escape_md(line) for line in h.text.split("\n") if line.strip()]
        lines.append("\n>\n".join(f"> {part}" for part in parts))
        lines.append("")
        for line in h.note.split("\n"):
            if line.strip():
                lines += [escape_md(line), ""]
    return lines


def to_markdown(digest: Digest, include_article: bool = False,
                highlights: Sequence[Highlight] = ()) -> str:
    article = digest.article
    front = [
        "---",
        f"title: {_yaml_str(article.title)}",
        f"source: {_yaml_str(digest.source_name)}",
    ]
    if article.meta.author:
        front.append(f"author: {_yaml_str(article.meta.author)}")
    if article.meta.date:
        front.append(f"date: {_yaml_str(article.meta.date)}")
    if article.meta.site:
        front.append(f"site: {_yaml_str(article.meta.site)}")
    front += [
        f"words: {digest.words}",
        f"reading_time: {_yaml_str(f'{digest.reading_minutes} min')}",
        f"algorithm: {_yaml_str(digest.summary.algorithm)}",
        f"sentences: {len(digest.summary.sentences)}",
        "---",
        "",
        f"# {escape_md(article.title)}",
        "",
        "## Summary",
        "",
    ]
    # A how-to's steps keep their numbers: "- **Step 3** text" (document order is kept already).
    markers = digest.summary.markers or ("",) * len(digest.summary.sentences)
    lines = front + [f"- **{escape_md(m)}** {escape_md(s.text)}" if m else f"- {escape_md(s.text)}"
                     for s, m in zip(digest.summary.sentences, markers, strict=True)]
    lines += ["", *highlights_markdown(highlights)]
    lines += ["## Key facts", ""]
    for name, facts in digest.facts.groups():
        if not facts:
            continue
        lines += [f"### {GROUP_TITLES[name]}", ""]
        for f in facts:
            text = f"“{escape_md(f.text)}”" if name == "quotes" else escape_md(f.text)
            if f.detail:
                text += f" — {escape_md(f.detail)}"
            lines.append(f"- {text}")
        lines.append("")
    if include_article:
        lines += ["## Article", ""]
        for p in article.paragraphs:
            if p.kind == "heading":
                lines += [f"### {escape_md(p.text)}", ""]
            elif p.kind == "caption":
                lines += [f"*{escape_md(p.text)}*", ""]
            else:
                lines += [escape_md(p.text), ""]
    return "\n".join(lines).rstrip() + "\n"
