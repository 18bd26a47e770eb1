"""Language detection for the stemmer and stop words, and the user's override through Options."""

from __future__ import annotations

import pytest

from desktop.core.errors import PrecisError
from desktop.core.language import choose, detect, normalize, stemmer, stop_words
from desktop.core.model import Article, Options, Paragraph
from desktop.core.pipeline import digest_article

GERMAN = ("Die Bundesregierung hat am Mittwoch beschlossen, dass die Steuern für kleine Unternehmen im "
          "nächsten Jahr sinken sollen. Der Finanzminister sagte, das sei ein wichtiger Schritt für die "
          "Wirtschaft, die seit dem Winter unter den hohen Energiepreisen leidet.")
FRENCH = ("Le gouvernement a annoncé mercredi une baisse des impôts pour les petites entreprises l'année "
          "prochaine. Selon le ministre des finances, il s'agit d'une étape importante pour l'économie, qui "
          "souffre depuis l'hiver de la hausse des prix de l'énergie.")
SPANISH = ("El gobierno anunció el miércoles una rebaja de impuestos para las pequeñas empresas el próximo "
           "año. Según el ministro de Hacienda, se trata de un paso importante para la economía.")
ENGLISH = ("The government announced on Wednesday that taxes for small businesses will fall next year. "
           "The finance minister said it was an important step for an economy that has suffered from "
           "high energy prices since the winter.")


@pytest.mark.parametrize(("text", "language"), [
    (GERMAN, "german"), (FRENCH, "french"), (SPANISH, "spanish"), (ENGLISH, "english"),
    ("Η κυβέρνηση ανακοίνωσε την Τετάρτη μείωση των φόρων για τις μικρές επιχειρήσεις.", "greek"),
    ("政府は水曜日、来年中小企業の税金を引き下げると発表した。", "japanese"),
    ("政府周三宣布明年将为小企业减税。", "chinese"),
    ("Уряд оголосив у середу про зниження податків для малого бізнесу з наступного року.", "ukrainian"),
])
def test_detects_the_language(text: str, language: str) -> None:
    assert detect(text) == language


@pytest.mark.parametrize("text", ["", "Hello", "Paris", "12 345 678", "!!!", "Привет, как дела"])
def test_english_is_the_default_when_the_text_cannot_tell(text: str) -> None:
    assert detect(text) == "english"


def test_sample_article_is_english(sample) -> None:
    assert detect(sample.read_text(encoding="utf-8")) == "english"


@pytest.mark.parametrize(("given", "name"), [("auto", "auto"), ("", "auto"), ("de", "german"),
                                              ("German", "german"), (" fr ", "french"), ("english", "english")])
def test_normalize_names_and_codes(given: str, name: str) -> None:
    assert normalize(given) == name


def test_unknown_language_is_refused() -> None:
    with pytest.raises(PrecisError, match="unknown language 'klingon'"):
        normalize("klingon")


def test_user_choice_wins_over_detection() -> None:
    assert choose("auto", GERMAN) == "german"
    assert choose("fr", GERMAN) == "french"


def _article(text: str) -> Article:
    return Article(title="", paragraphs=tuple(Paragraph("body", p) for p in text.split(". ")))


def test_pipeline_follows_the_article_language_and_the_override() -> None:
    assert digest_article(_article(GERMAN), "de.txt", None).language == "german"
    assert digest_article(_article(FRENCH), "fr.txt", None).language == "french"
    assert digest_article(_article(ENGLISH), "en.txt", None).language == "english"
    assert digest_article(_article(GERMAN), "de.txt", None, Options(language="english")).language == "english"
    with pytest.raises(PrecisError):
        digest_article(_article(GERMAN), "de.txt", None, Options(language="xx"))


def test_stemmer_and_stop_words_follow_the_language() -> None:
    assert "und" in stop_words("german") and "und" not in stop_words("english")
    assert stemmer("german")("wichtigen") == stemmer("german")("wichtige")
    assert stemmer("english")("running") == "run"
    # sumy's Polish and Greek stemmers need packages that are not installed: lower case instead.
    assert stemmer("polish")("Podatki") == "podatki"
    assert stemmer("thai")("Word") == "word"
