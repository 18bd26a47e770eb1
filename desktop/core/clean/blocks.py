"""Split text into blocks (paragraphs or lines) and measure the features the cleaner scores."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from desktop.core.language import stop_words
from desktop.core.read import MAX_BLOCKS, Block

_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200b\u3000]")  # the spaces of _SPACES beyond ASCII
GUESS_CHARS = 50000  # the language is guessed on the first characters of the blocks joined by spaces
_SENTENCE_END = (".", "!", "?", "…", "”", '"', "’", "'", ":", ")", ";", "。", "！", "？", "」", "»")
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Latin-script languages whose stop-word lists sumy ships; the list that covers most words wins.
_LANGUAGES = ("english", "french", "german", "italian", "spanish", "portuguese", "polish", "czech",
              "slovak", "swedish")


def split_blocks(text: str) -> list[Block]:
    """Blank lines separate groups; inside a group every line is a block, unless the lines are a
    hard-wrapped paragraph (then they are joined into one block)."""
    return split_blocks_limited(text)[0]


def split_blocks_limited(text: str, limit: int = MAX_BLOCKS) -> tuple[list[Block], int]:
    """split_blocks, stopping after `limit` blocks: (blocks, characters not read, 0 when all were).

    Lines are found one at a time, so text of millions of short lines never becomes a list of them."""
    blocks: list[Block] = []
    group = 0
    lines: list[str] = []
    pos, n = 0, len(text)
    while pos <= n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        line = text[pos:end]
        if "  " in line or "\t" in line or not line.isascii() and _ODD_SPACE.search(line):
            line = _SPACES.sub(" ", line)  # most lines have single spaces only: nothing to replace
        line = line.strip()
        if line:
            lines.append(line)
        elif lines:  # a blank line ends the group
            _add_group(blocks, lines, group)
            group += 1
            lines = []
        if len(blocks) + len(lines) > limit:
            _add_group(blocks, lines, group)
            return blocks[:limit], n - pos
        pos = end + 1
    if lines:
        _add_group(blocks, lines, group)
    return blocks, 0


def _add_group(blocks: list[Block], lines: list[str], group: int) -> None:
    if _is_wrapped(lines):
        blocks.append(Block(" ".join(lines), group))
    else:
        blocks.extend(Block(line, group) for line in lines)


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

    A low share means none of the lists fits (Russian, Japanese...): stop words then say nothing.
    Not desktop.core.language.detect: the cleaner needs the share itself (does stop-word density mean
    anything for this text?), not a language for a stemmer; merging them changes cleaning decisions."""
    return guess_language_of(_WORD.findall(text[:GUESS_CHARS]))


def leading_words(texts: Sequence[str], tokens: Sequence[list[str]], limit: int = GUESS_CHARS) -> list[str]:
    """The words of " ".join(texts)[:limit] from the words of each text (`words(text)`), which the
    cleaner has already: no word spans the joining space, so only the text cut at `limit` is scanned."""
    out: list[str] = []
    pos = 0
    for text, toks in zip(texts, tokens, strict=True):
        if pos >= limit:
            break
        end = pos + len(text)
        out.extend(toks if end <= limit else _WORD.findall(text[:limit - pos]))
        pos = end + 1  # the joining space
    return out


def guess_language_of(tokens: list[str]) -> tuple[str, float]:
    """guess_language from the text's words."""
    if not tokens:
        return "english", 0.0
    # Lower-casing the words joined by spaces lowers each word as on its own (no case mapping looks
    # across a space), in one call.
    counts = Counter(" ".join(tokens).lower().split(" "))
    total = len(tokens)
    best, best_share = "english", 0.0
    for language in _LANGUAGES:
        # The words of the text in the list, found by one set intersection (C speed), not word by word.
        share = sum(map(counts.__getitem__, counts.keys() & stop_words(language))) / total
        if share > best_share * 1.15 or (language == "english" and share >= best_share):
            best, best_share = language, share
    return best, best_share


def stopword_density(tokens: list[str], stops: frozenset[str], lowered: str | None = None) -> float:
    """Share of the words in the stop list; `lowered` is " ".join(tokens).lower() when the caller has it."""
    if not tokens:
        return 0.0
    # One lower() of the words joined by spaces is each word lowered on its own (see guess_language_of).
    low = " ".join(tokens).lower() if lowered is None else lowered
    return sum(map(stops.__contains__, low.split(" "))) / len(tokens)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


def dedupe_key(text: str, words: list[str] | None = None, lowered: str | None = None) -> str:
    """Text reduced to lower-case words: equal keys mean the same paragraph printed twice. `words`
    (_WORD.findall(text)), when the caller has them, spare a second scan; `lowered` (" ".join(words)
    .lower()) spares a second lower()."""
    # Lower-casing keeps every character one word character or one other, but for "İ" (two
    # characters) and the Greek capital sigma (its lower case depends on the letters around it).
    if words is None or "İ" in text or "Σ" in text:
        return " ".join(_WORD.findall(text.lower()))
    return " ".join(words).lower() if lowered is None else lowered
