"""Digest -> Markdown: YAML front matter, summary, key facts and optionally the article."""

from __future__ import annotations

import json
import re

from desktop.core.model import Digest

GROUP_TITLES = {
    "people": "People",
    "organisations": "Organisations",
    "places": "Places",
    "numbers": "Numbers",
    "dates": "Dates",
    "quotes": "Quotes",
    "keywords": "Keywords",
}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def escape_md(text: str) -> str:
    """Escape characters that Markdown would read as markup, and neutralise line-leading syntax."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\s*)([-+]|\d+[.)])(\s)", r"\1\\\2\3", text)


def _yaml_str(value: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: safe for colons, quotes, unicode.
    return json.dumps(value, ensure_ascii=False)


def to_markdown(digest: Digest, include_article: bool = False) -> str:
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
    lines = front + [f"- {escape_md(s.text)}" for s in digest.summary.sentences]
    lines += ["", "## Key facts", ""]
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
