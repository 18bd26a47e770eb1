"""Offline sentence splitting of news text, and the tokenizer object handed to sumy."""

from __future__ import annotations

import os

import pytest

from desktop.core.model import Article, Paragraph
from desktop.core.split import SumyTokenizer, article_sentences, split_sentences

CASES = [
    # Titles and months are abbreviations, not sentence ends.
    ("Mr. Smith met Gen. Jones on Dec. 4 in Washington. They talked for an hour.",
     ["Mr. Smith met Gen. Jones on Dec. 4 in Washington.", "They talked for an hour."]),
    ("Mr Smith arrived on Dec 4. He left on Friday.",
     ["Mr Smith arrived on Dec 4.", "He left on Friday."]),
    ("Sen. Warren and Rep. Ocasio-Cortez spoke. Both were angry.",
     ["Sen. Warren and Rep. Ocasio-Cortez spoke.", "Both were angry."]),
    # "U.S." inside a sentence, and at its end when a new sentence starts.
    ("The U.S. Army said it would go. Officials agreed.",
     ["The U.S. Army said it would go.", "Officials agreed."]),
    ("He was born in the U.S. The family moved later.",
     ["He was born in the U.S.", "The family moved later."]),
    # Decimals and money.
    ("The rebels offered a $10 million (£7.8 million) reward. Nobody came forward.",
     ["The rebels offered a $10 million (£7.8 million) reward.", "Nobody came forward."]),
    ("Growth was 2.5% in the year. Inflation fell to 3.1 per cent.",
     ["Growth was 2.5% in the year.", "Inflation fell to 3.1 per cent."]),
    # Quotes that end sentences, straight and curly.
    ('He said it was "no." Then he walked away.', ['He said it was "no."', "Then he walked away."]),
    ("“We will win,” he said. “There is no doubt.” Later he left.",
     ["“We will win,” he said.", "“There is no doubt.”", "Later he left."]),
    ("‘I’d be over the moon,’ said Locke. ‘I had a taste of it.’ He smiled.",
     ["‘I’d be over the moon,’ said Locke.", "‘I had a taste of it.’", "He smiled."]),
    # Ellipses: end a sentence before a capital, not before lower case.
    ("He paused... Then he spoke again.", ["He paused...", "Then he spoke again."]),
    ("He paused… Then he spoke again.", ["He paused…", "Then he spoke again."]),
    ("Wait... what happened?", ["Wait... what happened?"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_list_items_are_sentences_with_their_markers() -> None:
    text = "Things to bring:\n- a tent\n- a lamp\n1. Go north. Then stop.\n2) Turn left.\n• Done"
    assert split_sentences(text) == [
        "Things to bring:", "- a tent", "- a lamp", "1. Go north.", "Then stop.", "2) Turn left.", "• Done",
    ]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n ") == []


def test_article_sentences_numbered_in_order_with_kinds() -> None:
    article = Article(title="T", paragraphs=(
        Paragraph("heading", "A heading. With a period"),
        Paragraph("body", "First one. Second one."),
        Paragraph("caption", "A caption. Two parts."),
        Paragraph("body", "Third one."),
    ))
    sentences = article_sentences(article)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert [(s.kind, s.paragraph) for s in sentences] == [
        ("heading", 0), ("body", 1), ("body", 1), ("caption", 2), ("body", 3),
    ]
    # Headings and captions stay whole: they are never split into sentences nor chosen.
    assert sentences[0].text == "A heading. With a period"
    assert sentences[3].text == "A caption. Two parts."


def test_sumy_tokenizer_works_without_nltk_data() -> None:
    # conftest points NLTK_DATA at an empty folder: sumy's own Tokenizer would raise LookupError here.
    assert os.listdir(os.environ["NLTK_DATA"]) == []
    from sumy.models.dom import Sentence as SumySentence
    from sumy.parsers.plaintext import PlaintextParser

    tokenizer = SumyTokenizer("english")
    assert tokenizer.to_sentences("Mr. Smith left. He was sad.") == ("Mr. Smith left.", "He was sad.")
    assert tokenizer.to_words("Al-Jolani's men took 13 towns.") == ("Al-Jolani's", "men", "took", "13", "towns")
    document = PlaintextParser.from_string("Mr. Smith left. He was sad.\n\nThen he came back.", tokenizer).document
    assert [str(s) for s in document.sentences] == ["Mr. Smith left.", "He was sad.", "Then he came back."]
    assert SumySentence("Two words.", tokenizer).words == ("Two", "words")
