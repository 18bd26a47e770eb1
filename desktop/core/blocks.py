"""Split text into blocks (paragraphs or lines) and measure the features the cleaner scores."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from desktop.core.stopwords import stop_words

_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_SENTENCE_END = (".", "!", "?", "…", "”", '"', "’", "'", ":", ")", ";", "。", "！", "？", "」", "»")
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Latin-script languages whose stop-word lists sumy ships; the list that covers most words wins.
_LANGUAGES = ("english", "french", "german", "italian", "spanish", "portuguese", "polish", "czech",
              "slovak", "swedish")


@dataclass(frozen=True)
class Block:
    """One unit the cleaner keeps or removes: a paragraph, or one line of a line-per-paragraph text."""

    text: str
    group: int = 0  # blocks of the same blank-line-separated group share this number
    hint: str = ""  # "heading", "caption", "code" or "list" when the format says so (Markdown, HTML)


def split_blocks(text: str) -> list[Block]:
    """Blank lines separate groups; inside a group every line is a block, unless the lines are a
    hard-wrapped paragraph (then they are joined into one block)."""
    blocks: list[Block] = []
    for group, chunk in enumerate(re.split(r"\n[ \t\u00a0]*\n", text)):
        lines = [_SPACES.sub(" ", line).strip() for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _is_wrapped(lines):
            blocks.append(Block(" ".join(lines), group))
        else:
            blocks.extend(Block(line, group) for line in lines)
    return blocks


def _is_wrapped(lines: list[str]) -> bool:
    """True when lines look like one paragraph broken at a fixed width (e-mail or Gutenberg style):
    long lines of similar width, most ending mid-sentence, some continuing in lower case."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    longest = max(len(line) for line in body)
    if longest > 100 or min(len(line) for line in body) < max(40, 0.6 * longest):
        return False
    open_ends = sum(1 for line in body if not line.endswith((".", "!", "?", ":", '"', "”")))
    lower_starts = sum(1 for line in lines[1:] if line[:1].islower())
    return open_ends >= max(1, len(body) // 2) and lower_starts >= max(1, len(body) // 4) \
        and len(lines[-1]) <= longest + 5


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def size(text: str, tokens: int) -> int:
    """Length in word equivalents: scripts without spaces (Chinese, Japanese, Korean) count about
    two characters a word, where \\w+ would see one long run."""
    cjk = len(_CJK.findall(text)) if not text.isascii() else 0
    return max(tokens, cjk // 2) if cjk else tokens


def guess_language(text: str) -> tuple[str, float]:
    """The sumy stop-word language that covers most of the text's words, and the share it covers.

    A low share means none of the lists fits (Russian, Japanese...): stop words then say nothing."""
    counts = Counter(w.lower() for w in _WORD.findall(text[:50000]))
    total = sum(counts.values())
    if not total:
        return "english", 0.0
    best, best_share = "english", 0.0
    for language in _LANGUAGES:
        stops = stop_words(language)
        share = sum(n for w, n in counts.items() if w in stops) / total
        if share > best_share * 1.15 or (language == "english" and share >= best_share):
            best, best_share = language, share
    return best, best_share


def stopword_density(tokens: list[str], stops: frozenset[str]) -> float:
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t.lower() in stops) / len(tokens)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


# Stands for a line break (<lb/>, <br>) inside a paragraph while its text is gathered from a tree.
LINE_BREAK = "\x1e"


def join_lines(parts: list[str]) -> str:
    """Gathered text pieces as lines: white space runs as one space, LINE_BREAK as a newline."""
    lines = (" ".join(line.split()) for line in "".join(parts).split(LINE_BREAK))
    return "\n".join(line for line in lines if line)


def dedupe_key(text: str) -> str:
    """Text reduced to lower-case words: equal keys mean the same paragraph printed twice."""
    return " ".join(_WORD.findall(text.lower()))


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
