"""Markdown -> blocks through markdown-it-py (CommonMark): headings, lists, quotes, code, tables,
images and front matter become blocks with hints; the syntax never reaches the reading view.

markdown-it-py is built to stay linear on pathological input (runs of spaces, unclosed emphasis or
links, list staircases; nesting stops at 20 levels). The text is parsed in pieces that end at a
blank line outside fenced code, so token memory stays small, and parsing stops at MAX_BLOCKS.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from desktop.core.read import MAX_BLOCKS, Block, unread_notice

_PIECE = 200_000  # characters parsed at once (a piece ends at the next blank line outside code)
_INLINE_PIECE = 50_000  # a paragraph longer than this is parsed inline in slices of whole lines
# markdown-it-py is linear but slow on some shapes (about 25 µs a character on runs of unclosed
# links). After this many characters of inline markup in one file, the rest is read with the plain
# substitutions below (links keep their words, emphasis and code marks go), which are linear too.
_INLINE_BUDGET = 100_000
_MARKUP = re.compile(r"[\\`*_~\[\]<>!&]")  # characters that may start inline syntax
_PLAIN_INLINE = (
    (re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*\)"), r"\1"),  # [text](url), ![alt](src)
    (re.compile(r"(?<!\\)[*_~`]+"), ""),  # emphasis, strikethrough and code marks
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")  # [^<>]: a '<' never rescans the text after the next one
_FENCE_CHARS = ("```", "~~~")


class _Parsers:
    """Two markdown-it parsers: `block` finds blocks only (its inline step is off); `inline` turns one
    block's text into tokens when that block is reached, so tokens never pile up for a whole file."""

    def __init__(self) -> None:
        from markdown_it import MarkdownIt

        # Indented code is off: notes and saved articles indent paragraphs, and today's reading
        # view shows them as text.
        self.block = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["code", "inline"])
        self.inline = MarkdownIt("commonmark").enable(["strikethrough"])

    def parse(self, text: str, env: dict) -> list[Any]:
        return self.block.parse(text, env)

    def parseInline(self, text: str, env: dict) -> list[Any]:  # noqa: N802 - markdown-it's name
        return self.inline.parseInline(text, env)


def _parser() -> _Parsers:
    return _Parsers()


def markdown_inline(text: str) -> str:
    """Markdown inline syntax -> plain text: links keep their words, emphasis its text."""
    return _inline_text(_parser(), text, {})


def markdown_blocks(text: str, max_blocks: int = MAX_BLOCKS) -> tuple[str, list[Block], str]:
    """Markdown -> (title from front matter or a leading level-1 heading, blocks with hints, and a
    notice saying what was not read when the file holds more than max_blocks blocks, else '')."""
    md = _parser()
    env: dict = {}  # shared by the pieces: link definitions of earlier pieces still resolve
    title, start = _front_matter(text)
    if title:
        title = _inline_text(md, title, env)
    state = _State(title)
    for begin, end in _pieces(text, start):
        state.feed(md, md.parse(text[begin:end], env), env)
        if len(state.blocks) > max_blocks:
            return state.title, state.blocks[:max_blocks], unread_notice("paragraphs")
    return state.title, state.blocks, ""


class _State:
    """Turns a token stream into blocks; groups follow blank-line-separated units of the file."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.blocks: list[Block] = []
        self.group = 0

    def add(self, text: str, hint: str) -> None:
        if text:
            self.blocks.append(Block(text, self.group, hint))

    def feed(self, md: Any, tokens: list[Any], env: dict) -> None:
        lists = 0  # open lists: their items share one group
        row: list[str] | None = None
        for i, token in enumerate(tokens):
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                lists += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists -= 1
                if not lists:
                    self.group += 1
            elif kind == "tr_open":
                row = []
            elif kind == "tr_close":
                self.add(" | ".join(c for c in row or [] if c), "row")
                row = None
            elif kind == "table_close":
                self.group += 1
            elif kind in ("fence", "code_block"):
                code = token.content.strip("\n")
                if code.strip():
                    self.add(code, "code")
                    self.group += 1
            elif kind == "html_block":
                self.add(_one_line(_TAG.sub("", token.content)), "list" if lists else "")
                if not lists:
                    self.group += 1
            elif kind == "inline":
                self._inline(md, token, tokens[i - 1] if i else None, lists, row, env)

    def _inline(self, md: Any, token: Any, opener: Any, lists: int, row: list[str] | None,
                env: dict) -> None:
        if row is not None:
            row.append(_one_line(_inline_text(md, token.content, env)))
            return
        if opener is not None and opener.type == "heading_open":
            heading = _one_line(_inline_text(md, token.content, env))
            if heading and opener.tag == "h1" and not self.title and not self.blocks:
                self.title = heading
            else:
                self.add(heading, "heading")
            self.group += 1
            return
        children = _children(md, token.content, env)
        images = [c for c in children if c.type == "image"]
        rest = [c for c in children if c.type not in ("image", "softbreak", "hardbreak")
                and not (c.type == "text" and not c.content.strip())]
        if images and not rest:  # a paragraph that is only an image: its alt text is a caption
            for image in images:
                self.add(_one_line(image.content), "caption")
            self.group += 1
            return
        self.add(_one_line(_plain(children)), "list" if lists else "")
        if not lists:
            self.group += 1


def _children(md: Any, content: str, env: dict) -> list[Any]:
    """Inline tokens of a block's text; a very long text is parsed in slices of whole lines, so a
    paragraph of millions of short lines never holds millions of tokens at once."""
    if not _MARKUP.search(content):
        return [_Text(content)]  # no inline syntax at all: most lines of prose
    env["_precis_inline"] = used = env.get("_precis_inline", 0) + len(content)
    if used > _INLINE_BUDGET:
        for pattern, repl in _PLAIN_INLINE:
            content = pattern.sub(repl, content)
        return [_Text(_TAG.sub("", content))]
    if len(content) <= _INLINE_PIECE:
        return md.parseInline(content, env)[0].children or []
    out: list[Any] = []
    start = 0
    while start < len(content):
        end = content.find("\n", start + _INLINE_PIECE)
        end = len(content) if end < 0 else end + 1
        text = _plain(md.parseInline(content[start:end], env)[0].children or [])
        out.append(_Text(text))
        start = end
    return out


class _Text:
    """A plain-text stand-in for a slice of tokens already turned into text."""

    type = "text"

    def __init__(self, content: str) -> None:
        self.content = content


def _inline_text(md: Any, content: str, env: dict) -> str:
    return _plain(_children(md, content, env))


def _plain(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "image":
            parts.append(child.content)  # the alt text
        elif kind == "html_inline":
            continue  # inline HTML tags
    return "".join(parts)


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", " ".join(text.split("\n"))).strip()


def _pieces(text: str, start: int) -> Iterator[tuple[int, int]]:
    """(begin, end) spans of about _PIECE characters that end after a blank line outside fenced code."""
    n = len(text)
    while start < n:
        if n - start <= _PIECE:
            yield start, n
            return
        end = _piece_end(text, start + _PIECE)
        yield start, end
        start = end


def _piece_end(text: str, at: int) -> int:
    """The end of the first blank line at or after `at` that is outside a code fence, scanning the
    lines since the piece began once (fences are tracked from `at` only: a fence that opened before
    it simply runs on into the next piece, which CommonMark reads as code until its end)."""
    fence = ""
    pos = text.find("\n", at)
    while pos >= 0:
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1:nxt if nxt >= 0 else len(text)]
        stripped = line.lstrip(" ")
        if len(line) - len(stripped) <= 3 and stripped.startswith(_FENCE_CHARS):
            mark = stripped[:3]
            fence = "" if fence == mark else (fence or mark)
        elif not fence and not line.strip():
            return pos + 1
        if nxt < 0:
            break
        pos = nxt
    return len(text)


def _front_matter(text: str) -> tuple[str, int]:
    """YAML front matter (Précis' own exports have it): its raw title, and where the Markdown starts."""
    first = text.find("\n")
    if first < 0 or text[:first].strip() != "---":
        return "", 0
    pos = first + 1
    title = ""
    for _ in range(200):
        nxt = text.find("\n", pos)
        line = text[pos:nxt if nxt >= 0 else len(text)]
        if line.strip() in ("---", "..."):
            return title, (nxt + 1 if nxt >= 0 else len(text))
        if line.startswith("title:") and not title:
            title = line[len("title:"):].strip()
            if len(title) >= 2 and title[0] == title[-1] and title[0] in "\"'":
                title = title[1:-1].replace('\\"', '"')
        if nxt < 0:
            break
        pos = nxt + 1
    return "", 0
