"""Our Punkt (desktop.core.split.punkt) takes NLTK's Punkt decisions, with the same abbreviations and
sentence starters, on real text and on random lines built from the characters that decide."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop.core.nltk_light import nltk_module
from desktop.core.split.punkt import sentence_spans
from desktop.core.split.sentences import ABBREVIATIONS, SENTENCE_STARTERS

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [ROOT / "desktop" / "seeds" / "hama.txt", *sorted((ROOT / "tests" / "core" / "fixtures").iterdir())]
# Pieces of the cases where the decision turns: abbreviations, initials, numbers, ellipses, quotes
# and brackets after an end mark, runs of marks, the characters on which `re` and `regex` disagree
# (\x1c is a space to `re` only, "²" and a combining accent are word characters to `re` only), digits
# of other scripts.
ATOMS = [
    "Mr.", "U.S.", "J.", "e.g.", "5.", "3.5", "...", "..", "—", "--", "-", ".", "!", "?", "!!", "?!", '"', "'",
    "“", "”", "‘", "’", "(", ")", "[", "]", "{", "}", "«", "»", " ", " ", " ", "  ", "\t", "\x1c", "\xa0",
    "The", "the", "He", "he", "said", "No.", "no", "a.m.", "x", "É.", "é", "²", "a\u0301", ",", ";", ":", "@",
    "#", "*", "&", "`", "١", "𝟙", "\U00010d40", "Inc.", "Co.", "vs.", "St.", "1,000.", "-5.", ".5", "Dr", "of", "_",
]


@pytest.fixture(scope="module")
def nltk_punkt():
    punkt = nltk_module("nltk.tokenize.punkt")
    params = punkt.PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return punkt.PunktSentenceTokenizer(params)


def lines_of_texts() -> list[str]:
    lines = []
    for path in TEXTS:
        text = path.read_text(encoding="utf-8", errors="replace")
        lines.extend(line.strip() for line in text.split("\n") if line.strip())
    return lines


def random_lines(count: int) -> list[str]:
    rng = random.Random(15)
    lines = ("".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 12))).strip() for _ in range(count))
    return [line for line in lines if line]


def test_the_same_sentences_as_nltk_punkt_on_real_text(nltk_punkt) -> None:
    lines = lines_of_texts()
    assert len(lines) > 50
    for line in lines:
        assert sentence_spans(line, ABBREVIATIONS, SENTENCE_STARTERS) == list(nltk_punkt.span_tokenize(line)), line


def test_the_same_sentences_as_nltk_punkt_on_random_lines(nltk_punkt) -> None:
    for line in random_lines(20_000):
        assert sentence_spans(line, ABBREVIATIONS, SENTENCE_STARTERS) == list(nltk_punkt.span_tokenize(line)), line


def test_known_decisions() -> None:
    def split(text: str) -> list[str]:
        return [text[a:b] for a, b in sentence_spans(text, ABBREVIATIONS, SENTENCE_STARTERS)]

    assert split("He was born in the U.S. The family moved.") == ["He was born in the U.S.", "The family moved."]
    assert split("J. S. Bach wrote it. He died.") == ["J. S. Bach wrote it.", "He died."]
    assert split("(It ended.) Then it began.") == ["(It ended.)", "Then it began."]
    assert split("Very bad acting!!! I promise.") == ["Very bad acting!!!", "I promise."]


def test_a_word_a_period_and_a_word_decided_as_nltk_punkt(nltk_punkt) -> None:
    # The commonest end mark ("said. The") is decided without the tokenizer: abbreviations before
    # sentence starters and other words, in every case, must still split as NLTK splits them.
    words = sorted(ABBREVIATIONS)[:40] + sorted(SENTENCE_STARTERS)[:40] + ["said", "Jones", "ok", "A", "I"]
    for first in words:
        for second in ("The", "the", "THE", "He", "Smith", "and", "Inc", "x"):
            for word in (first, first.capitalize(), first.upper()):
                line = f"It was {word}. {second} came"
                assert sentence_spans(line, ABBREVIATIONS, SENTENCE_STARTERS) == list(
                    nltk_punkt.span_tokenize(line)), line
