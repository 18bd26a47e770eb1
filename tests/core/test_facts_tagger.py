"""The trained tagger (desktop.core.facts.tagger): its weights ship in the package and load offline; it
names what the rules leave undecided; the rules' strong evidence still stands. Small texts of our own."""

from __future__ import annotations

import pytest

from desktop.core.facts import extract_facts, tagger
from desktop.core.facts.tag_features import BITS
from desktop.core.model import Article, Fact, Paragraph
from desktop.core.split import article_sentences


def _facts(*paragraphs: str):  # noqa: ANN202 - Facts
    article = Article("Test", tuple(Paragraph("body", p) for p in paragraphs))
    return extract_facts(article_sentences(article), title="Test")


def _texts(group: tuple[Fact, ...]) -> list[str]:
    return [f.text for f in group]


def test_weights_ship_in_the_package_and_load_without_downloads() -> None:
    # Tests run with NLTK_DATA empty and no network: the file beside the module is all it needs.
    assert tagger.WEIGHTS.exists() and tagger.WEIGHTS.stat().st_size < 5_000_000
    model = tagger.load_model()
    assert model is not None
    weights, offsets, fill, overrule = model
    assert weights.shape == (1 << BITS, len(tagger.CLASSES)) and offsets.shape == (len(tagger.CLASSES),)
    assert fill.shape == (len(tagger.CLASSES),) and 0.0 < overrule <= 1.0


TEXT = (
    "It rained all week.",
    "Kwame Adofo told reporters on Monday that the plan would work.",
    "Militants were driven out of South Waziristan last year.",
)


def test_the_tagger_names_what_the_rules_leave_undecided(monkeypatch: pytest.MonkeyPatch) -> None:
    facts = _facts(*TEXT)
    assert "Kwame Adofo" in _texts(facts.people)
    assert "South Waziristan" in _texts(facts.places)
    # The rules alone have no evidence for either name and leave them out.
    monkeypatch.setattr(tagger, "load_model", lambda: None)
    facts = _facts(*TEXT)
    names = _texts(facts.people) + _texts(facts.organisations) + _texts(facts.places)
    assert "Kwame Adofo" not in names and "South Waziristan" not in names


def test_a_name_that_says_what_it_is_keeps_the_rules_kind() -> None:
    facts = _facts("House Democrats cheered the vote.", "Mr Okonkwo said the Ministry of Transport agreed.")
    assert "House Democrats" in _texts(facts.organisations)
    assert "Okonkwo" in _texts(facts.people)
    assert "Ministry of Transport" in _texts(facts.organisations)
