"""Key facts (people, organisations, places, events, numbers, dates, quotes, keywords), each tied to a
sentence.

No downloaded models: names come from capitalised spans. Each mention adds evidence for a kind:
titles before it ("Mr", "Foreign Secretary"), an age or a role after it (", 54,", ", the HTS leader"),
a known given name, organisation words and suffixes ("Party", "Ministry", "Inc"), event words ("Cup",
"Operation"), acronyms with their expansion, and gazetteers (desktop.core.facts.gazetteer). Mentions
of one entity are merged ("Assad’s" -> "Assad" -> "Bashar al-Assad", "IMF" -> "International Monetary
Fund") and counted; each fact points to the first sentence that mentions it. A title written as a
sentence gives names too; a dateline ("LONDON 1996-08-30", "WASHINGTON (Reuters) -") gives a place
and a date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.core.facts.datelines import Dateline, find_dateline
from desktop.core.facts.dates import date_matches, find_dates
from desktop.core.facts.entities import find_entities
from desktop.core.facts.gazetteer import fold
from desktop.core.facts.keywords import keyphrases
from desktop.core.facts.numbers import find_numbers
from desktop.core.facts.quotes import find_quotes
from desktop.core.facts.vocabulary import TITLE_INDEX
from desktop.core.facts.wordfreq_table import zipf_table
from desktop.core.language import stop_words
from desktop.core.model import Article, Fact, Facts, Sentence


def extract_facts(
    sentences: Sequence[Sentence], language: str = "english", title: str = "", lines: Sequence[str] = ()
) -> Facts:
    """All facts of the body and caption sentences, each pointing at its first sentence. `title`
    adds its names when it reads as a sentence; `lines` (removed bylines) may hold a dateline."""
    body = [_bounded(s) for s in sentences if s.kind in ("body", "caption")]
    stops = stop_words(language)
    dateline, body = _dateline(body, lines)
    named = [*body]
    if _reads_as_sentence(title):
        named.insert(0, _bounded(Sentence(title, TITLE_INDEX, -1)))
    spans: dict[str, list] = {}  # name spans per sentence text, found once for names and quotes
    groups = find_entities(named, stops, spans)
    people, orgs, places = groups["person"], groups["organisation"], groups["place"]
    in_dates = date_matches(body)  # found once for the dates and for the numbers, which skip them
    dates = find_dates(body, in_dates)
    if dateline is not None:
        places = _counted_in(places, "place", dateline.place, dateline.sentence)
        if dateline.agency:
            orgs = _counted_in(orgs, "organisation", dateline.agency, dateline.sentence)
        if dateline.date and fold(dateline.date) not in {fold(d.text) for d in dates}:
            dates = [Fact("date", dateline.date, dateline.sentence), *dates]
    names = {fold(n) for group in groups.values() for f in group for n in (f.text, *f.variants)}
    names |= {fold(f.detail) for f in orgs if f.detail}
    keywords = [
        Fact("keyword", text, sentence, count=count)
        for text, sentence, count in keyphrases([(s.index, s.text) for s in body], stops, top=14,
                                                frequencies=zipf_table() if language == "english" else None)
        if fold(text) not in names
    ][:10]
    return Facts(
        people=people,
        organisations=orgs,
        places=places,
        events=groups["event"],
        numbers=tuple(find_numbers(body, stops, in_dates)),
        dates=tuple(dates),
        quotes=tuple(find_quotes(body, people, spans)),
        keywords=tuple(keywords),
    )


def article_facts(article: Article, sentences: Sequence[Sentence], language: str = "english") -> Facts:
    """The facts of a cleaned article: its sentences, its title, and a dateline the cleaner removed
    as a byline."""
    bylines = [r.text for r in article.removed if r.reason == "byline"]
    return extract_facts(sentences, language=language, title=article.title, lines=bylines)


def _reads_as_sentence(title: str) -> bool:
    """A headline in Title Case capitalises every word and says nothing about names; a title that is
    the text's first sentence ("Rebels took the city of Hama on Thursday.") does."""
    words = [w for w in title.split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words[1:]) <= 0.5 * (len(words) - 1)


def _dateline(body: list[Sentence], lines: Sequence[str]) -> tuple[Dateline | None, list[Sentence]]:
    """The dateline of a removed byline line, or the one opening the first sentence (then cut from
    it, so that "WASHINGTON" in capitals is read once, as the place)."""
    for line in lines:
        found = find_dateline(line, whole=True)
        if found is not None:
            return replace(found, sentence=body[0].index if body else 0), body
    if body:
        found = find_dateline(body[0].text, whole=False)
        if found is not None:
            rest = body[0].text[found.end:]
            return replace(found, sentence=body[0].index), [replace(body[0], text=rest), *body[1:]]
    return None, body


def _counted_in(group: tuple[Fact, ...], kind: str, name: str, sentence: int) -> tuple[Fact, ...]:
    """The group with one more mention of `name` (the dateline's place or agency)."""
    key = fold(name)
    out = list(group)
    for i, f in enumerate(out):
        if key in {fold(n) for n in (f.text, *f.variants)}:
            out[i] = replace(f, count=f.count + 1, sentence=min(f.sentence, sentence))
            return tuple(out)
    return (*out, Fact(kind, name, sentence, count=1))


# A "sentence" longer than this is not prose (a line of numbers, a run of quote marks): the finders'
# work grows faster than its length, so only its beginning is searched for facts.
MAX_SENTENCE = 2_000


def _bounded(sentence: Sentence) -> Sentence:
    if len(sentence.text) <= MAX_SENTENCE:
        return sentence
    return replace(sentence, text=sentence.text[:MAX_SENTENCE])
