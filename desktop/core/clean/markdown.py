"""Markdown -> blocks: headings, lists, quotes, code, tables and front matter, without the syntax."""

from __future__ import annotations

import re

from desktop.core.read import Block

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")

# --- Markdown ---------------------------------------------------------------------------------
# Only what saved articles and note apps write: headings, lists, quotes, code, tables, links,
# emphasis, images, front matter. Syntax never reaches the reading view.
_MD_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_MD_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_BULLET = re.compile(r"^\s*([-*+]|\d{1,3}[.)])\s+(\[[ xX]\]\s+)?")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_MD_IMAGE_LINE = re.compile(r"^\s*!\[([^\]]*)\]\([^)]*\)\s*$")
_MD_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url) -> text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref] -> text
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # _emphasis_ (not snake_case)
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"</?[a-zA-Z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),  # backslash escapes
)


def markdown_inline(text: str) -> str:
    """Markdown inline syntax -> plain text: links keep their words, emphasis its text."""
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return text


def markdown_blocks(text: str) -> tuple[str, list[Block]]:
    """Markdown -> (title from front matter or a leading level-1 heading, blocks with hints)."""
    lines = text.split("\n")
    title, lines = _front_matter(lines)
    blocks: list[Block] = []
    group = 0
    para: list[str] = []

    def flush() -> None:
        nonlocal group
        if para:
            joined = _SPACES.sub(" ", " ".join(line.strip() for line in para)).strip()
            if joined:
                blocks.append(Block(markdown_inline(joined), group))
            para.clear()
            group += 1

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _MD_FENCE.match(line)
        if fence:
            flush()
            end = i + 1
            while end < len(lines) and not lines[end].strip().startswith(fence.group(1)):
                end += 1
            code = "\n".join(lines[i + 1:end]).strip("\n")
            if code.strip():
                blocks.append(Block(code, group, "code"))
                group += 1
            i = end + 1
            continue
        if not line.strip():
            flush()
        elif (atx := _MD_ATX.match(line)) is not None:
            flush()
            heading = markdown_inline(atx.group(2)).strip()
            if heading:
                if atx.group(1) == "#" and not title and not blocks:
                    title = heading
                else:
                    blocks.append(Block(heading, group, "heading"))
                group += 1
        elif para and len(para) == 1 and _MD_SETEXT.match(line) and not _MD_BULLET.match(para[0]):
            heading = markdown_inline(para[0].strip())
            para.clear()
            if line.strip().startswith("=") and not title and not blocks:
                title = heading
            else:
                blocks.append(Block(heading, group, "heading"))
            group += 1
        elif _MD_RULE.match(line) or _MD_LINK_DEF.match(line) or _MD_TABLE_SEP.match(line) and "-" in line:
            flush()
        elif (image := _MD_IMAGE_LINE.match(line)) is not None:
            flush()
            if image.group(1).strip():
                blocks.append(Block(markdown_inline(image.group(1)).strip(), group, "caption"))
                group += 1
        elif (bullet := _MD_BULLET.match(line)) is not None and not (para and not _MD_BULLET.match(para[0])
                                                                     and line[:1].isdigit()):
            flush()
            item = markdown_inline(line[bullet.end():]).strip()
            if item:
                blocks.append(Block(item, group, "list"))
        elif line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            flush()
            cells = [markdown_inline(c).strip() for c in line.strip().strip("|").split("|")]
            row = " | ".join(c for c in cells if c)
            if row:
                blocks.append(Block(row, group, "row"))
        elif _MD_QUOTE.match(line):
            if para and not _MD_QUOTE.match(para[-1]):
                flush()
            para.append(_MD_QUOTE.sub("", line))
        else:
            para.append(line)
        i += 1
    flush()
    return title, blocks


def _front_matter(lines: list[str]) -> tuple[str, list[str]]:
    """YAML front matter (Précis' own exports have it): its title, and the lines after it."""
    if not lines or lines[0].strip() != "---":
        return "", lines
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            title = ""
            for line in lines[1:end]:
                m = re.match(r"^title:\s*(.*?)\s*$", line)
                if m:
                    title = m.group(1).strip()
                    if len(title) >= 2 and title[0] == title[-1] and title[0] in "\"'":
                        title = title[1:-1].replace('\\"', '"')
            return markdown_inline(title), lines[end + 1:]
    return "", lines
