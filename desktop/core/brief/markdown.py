"""Briefing -> Markdown: front matter (title, created, the articles with their source files and
dates), the summary with numbered citations [1] that point into `## Sources`, key facts, timeline."""

from __future__ import annotations

from desktop.core.brief.dates import MONTHS, parse_article_date
from desktop.core.brief.model import Briefing, BriefSentence
from desktop.core.export import GROUP_TITLES, escape_md, yaml_str

TITLES = {**GROUP_TITLES, "events": "Events"}


def citations(briefing: Briefing, sentence: BriefSentence) -> list[int]:
    """Source numbers of a summary sentence: its own article first, then the others saying it."""
    numbers = [briefing.number(sentence.article)]
    for c in sentence.also_in:
        n = briefing.number(c.article)
        if n and n not in numbers:
            numbers.append(n)
    return numbers


def article_count(n: int) -> str:
    return f"{n} article" if n == 1 else f"{n} articles"


def short_date(text: str) -> str:
    d = parse_article_date(text)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else text


def briefing_markdown(briefing: Briefing) -> str:
    lines = ["---", f"title: {yaml_str(briefing.title)}", f"created: {yaml_str(briefing.created)}",
             "articles:"]
    for a in briefing.articles:
        lines.append(f"  - title: {yaml_str(a.title)}")
        lines.append(f"    source: {yaml_str(a.source_path or a.source_name)}")
        for key, value in (("site", a.site), ("date", a.date)):
            if value:
                lines.append(f"    {key}: {yaml_str(value)}")
    lines += ["---", "", f"# {escape_md(briefing.title)}", "", "## Summary", ""]
    for s in briefing.sentences:
        cites = "".join(f"[{n}]" for n in citations(briefing, s))
        lines.append(f"- {escape_md(s.text)} {cites}")
    lines += ["", "## Key facts", ""]
    for group, facts in briefing.facts:
        if not facts:
            continue
        lines += [f"### {TITLES.get(group, group.title())}", ""]
        for f in facts:
            text = escape_md(f.text)
            if f.detail:
                text += f" ({escape_md(f.detail)})"
            lines.append(f"- {text} — {article_count(len(f.articles))}")
        lines.append("")
    if briefing.timeline:
        lines += ["## Timeline", ""]
        for e in briefing.timeline:
            lines.append(f"- **{escape_md(e.label)}** — {escape_md(e.text)} [{briefing.number(e.article)}]")
        lines.append("")
    lines += ["## Sources", ""]
    for i, a in enumerate(briefing.articles, 1):
        parts = [escape_md(x) for x in (a.title, a.site, short_date(a.date), a.source_path or a.source_name) if x]
        lines.append(f"{i}. " + " — ".join(parts))
    return "\n".join(lines).rstrip() + "\n"
