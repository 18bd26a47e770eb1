"""Key facts: the sample article's people, places, organisations, numbers, dates and quotes, small
articles for each kind of fact, name merging, keywords, and fuzzed text that must never break it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.facts import extract_facts
from desktop.core.model import Article, Fact, Facts, Paragraph, Sentence
from desktop.core.pipeline import read
from desktop.core.split import article_sentences


def _facts(*paragraphs: str) -> tuple[tuple[Sentence, ...], Facts]:
    article = Article("Test", tuple(Paragraph("body", p) for p in paragraphs))
    sentences = article_sentences(article)
    return sentences, extract_facts(sentences)


def _find(group: tuple[Fact, ...], text: str) -> Fact:
    for fact in group:
        if fact.text == text:
            return fact
    raise AssertionError(f"{text!r} not in {[f.text for f in group]}")


def _texts(group: tuple[Fact, ...]) -> list[str]:
    return [f.text for f in group]


def _points_at_its_sentence(sentences: tuple[Sentence, ...], fact: Fact, *shown: str) -> None:
    """The fact's sentence holds the fact (or one of its spellings)."""
    text = sentences[fact.sentence].text
    assert any(s in text for s in (fact.text, *fact.variants, *shown)), (fact, text)


# ---- the sample article ---------------------------------------------------------------------------


def test_sample_places_each_point_at_a_sentence_naming_them(sample) -> None:
    digest = read(sample)
    for name in ("Hama", "Aleppo", "Homs", "Damascus", "Tartus", "Idlib", "Latakia"):
        _points_at_its_sentence(digest.sentences, _find(digest.facts.places, name))


def test_sample_organisations_with_acronym_merged(sample) -> None:
    digest = read(sample)
    orgs = digest.facts.organisations
    hts = _find(orgs, "HTS")
    assert hts.detail == "Hayat Tahrir al-Sham"
    assert "Hayat Tahrir al-Sham" not in _texts(orgs)
    assert hts.count >= 4
    _points_at_its_sentence(digest.sentences, hts)
    _points_at_its_sentence(digest.sentences, _find(orgs, "Syrian National Army"))


def test_sample_people_merged_by_spelling_but_not_by_family(sample) -> None:
    digest = read(sample)
    people = digest.facts.people
    jolani = _find(people, "Abu Mohammed al-Jolani")
    assert "al-Jawlani" in jolani.variants and jolani.count == 2
    bashar = _find(people, "Bashar al-Assad")
    hafez = _find(people, "Hafez al-Assad")
    assert bashar is not hafez and "Hafez al-Assad" not in bashar.variants
    for person in (jolani, bashar, hafez):
        _points_at_its_sentence(digest.sentences, person, "Assad")
    assert not {"al-Jawlani", "Jolani", "Assad", "Bashar"} & set(_texts(people))


def test_sample_numbers_with_what_they_count(sample) -> None:
    digest = read(sample)
    numbers = digest.facts.numbers
    reward = _find(numbers, "$10 million")
    assert reward.detail == "reward"
    displaced = _find(numbers, "100,000 people")
    assert "driven out" in displaced.detail
    years = _find(numbers, "13 years")
    assert "civil war" in years.detail
    for fact in (reward, displaced, years):
        _points_at_its_sentence(digest.sentences, fact)


def test_sample_quote_has_its_speaker(sample) -> None:
    digest = read(sample)
    quote = _find(digest.facts.quotes, "conquest with no revenge")
    assert quote.detail == "Abu Mohammed al-Jolani"  # "He also called it ...": the last one named
    _points_at_its_sentence(digest.sentences, quote)


def test_sample_lists_hold_no_junk(sample) -> None:
    facts = read(sample).facts
    names = _texts(facts.people) + _texts(facts.organisations) + _texts(facts.places)
    for junk in ("Syrian", "Russian", "Turkish", "Kurdish", "Thursday", "Tuesday", "Dec", "It",
                 "The", "Rebels", "Images", "Analysts", "Losing", "Fighting", "Mr", "He"):
        assert junk not in names
    # Names in quotes are no quotation; each group is free of duplicates.
    assert "Operation Deterrence of Aggression" not in _texts(facts.quotes)
    for _, group in facts.groups():
        assert len(_texts(group)) == len({t.lower() for t in _texts(group)})


# ---- small articles, one kind of fact at a time --------------------------------------------------


def test_title_says_person_and_is_kept_apart_from_the_name() -> None:
    sentences, facts = _facts(
        "Mr Gomba met President Okonkwo at the summit. Later, Gomba said the talks went well."
    )
    gomba = _find(facts.people, "Gomba")
    assert gomba.count == 2 and gomba.sentence == 0
    okonkwo = _find(facts.people, "Okonkwo")
    assert okonkwo.detail == "President"
    assert not {"Mr Gomba", "President Okonkwo", "President", "Mr"} & set(_texts(facts.people))
    _points_at_its_sentence(sentences, okonkwo)


def test_role_before_a_full_name() -> None:
    _, facts = _facts("Foreign Secretary Jack Straw flew to Madrid. Mr Straw met his counterpart.")
    straw = _find(facts.people, "Jack Straw")
    assert straw.detail == "Foreign Secretary" and straw.count == 2
    _, facts = _facts("Police questioned Labour MP Jo Bramwell. The Director of Public Prosecutions "
                      "Alison Saunders agreed.")
    assert _find(facts.people, "Jo Bramwell").detail == "Labour MP"
    assert _find(facts.people, "Alison Saunders").detail == "Director of Public Prosecutions"


def test_organisations_by_suffix() -> None:
    sentences, facts = _facts(
        "Zenthor Widgets Inc said profits rose. Its partner Brackle Holdings Ltd disagreed.",
        "The Green Party complained to the Ministry of Defence on Monday.",
    )
    orgs = _texts(facts.organisations)
    for name in ("Zenthor Widgets Inc", "Brackle Holdings Ltd", "Green Party", "Ministry of Defence"):
        assert name in orgs
        _points_at_its_sentence(sentences, _find(facts.organisations, name))
    assert not set(orgs) & set(_texts(facts.people))


def test_acronym_joins_its_expansion() -> None:
    _, facts = _facts(
        "The Northern Farmers Union (NFU) held a vote. Members of the NFU backed the plan."
    )
    nfu = _find(facts.organisations, "NFU")
    assert nfu.detail == "Northern Farmers Union" and nfu.count == 2


def test_places_from_the_gazetteer() -> None:
    sentences, facts = _facts("Troops moved from Mosul toward Kirkuk. Aid reached Nairobi and Peru.")
    for name in ("Mosul", "Kirkuk", "Nairobi", "Peru"):
        _points_at_its_sentence(sentences, _find(facts.places, name))
    assert not _texts(facts.people) and not _texts(facts.organisations)


def test_demonyms_and_sentence_openers_are_no_names() -> None:
    _, facts = _facts(
        "Syrian troops left. Meanwhile the French envoy arrived. However, talks stalled.",
        "Yesterday Kenyans voted. Officials counted ballots.",
        "He said: “I’ve seen it.” A T-shirt and a U-turn later, nothing.",
    )
    names = _texts(facts.people) + _texts(facts.organisations) + _texts(facts.places)
    assert names == []


def test_numbers_with_units_and_what_they_count() -> None:
    sentences, facts = _facts(
        "Police offered a $10 million reward. Some 100,000 people displaced by the floods "
        "returned home after 13 years of exile. Turnout was 54.5%."
    )
    reward = _find(facts.numbers, "$10 million")
    assert reward.detail == "reward"
    people = _find(facts.numbers, "100,000 people")
    assert people.detail == "displaced by the floods returned home"
    years = _find(facts.numbers, "13 years")
    assert years.detail == "of exile"
    assert "54.5%" in _texts(facts.numbers)
    for fact in (reward, people, years):
        _points_at_its_sentence(sentences, fact)


def test_dates_and_times() -> None:
    sentences, facts = _facts(
        "The deal was signed on Thursday. Talks resume on Dec 4 at 10:30 GMT.",
        "The law dates from 2017 and a reform in the 1990s. The vote is at 3pm.",
    )
    dates = _texts(facts.dates)
    for text in ("Thursday", "Dec 4", "2017", "1990s", "10:30 GMT", "3pm"):
        assert text in dates
        _points_at_its_sentence(sentences, _find(facts.dates, text))
    # A year is a date, not a number.
    assert "2017" not in _texts(facts.numbers)


def test_quote_with_named_speaker_and_pronoun() -> None:
    _, facts = _facts(
        "“We will rebuild every bridge,” said Ms Anwar Tellis, the mayor.",
        "She added that the work would take “several long years”.",
    )
    first = _find(facts.quotes, "We will rebuild every bridge")
    assert first.detail == "Anwar Tellis"
    assert _find(facts.quotes, "several long years").detail == "Anwar Tellis"
    assert _find(facts.people, "Anwar Tellis").detail == "mayor"


def test_quote_from_a_body_that_is_no_person() -> None:
    _, facts = _facts('The regional water board said it would "ration supplies until March".')
    assert _find(facts.quotes, "ration supplies until March").detail == "regional water board"


def test_near_duplicate_names_merge() -> None:
    sentences, facts = _facts(
        "Abu Mohammed al-Jolani spoke first. Later al-Jawlani left the room. Jolani did not return."
    )
    jolani = _find(facts.people, "Abu Mohammed al-Jolani")
    assert set(jolani.variants) == {"al-Jawlani", "Jolani"} and jolani.count == 3
    assert len(facts.people) == 1
    _points_at_its_sentence(sentences, jolani)


def test_people_sharing_a_family_name_stay_apart() -> None:
    _, facts = _facts("Hafez al-Assad ruled first. His son Bashar al-Assad followed. Assad stayed.")
    assert {"Hafez al-Assad", "Bashar al-Assad"} <= set(_texts(facts.people))


def test_keywords_are_the_repeated_topic_phrases() -> None:
    sentences, facts = _facts(
        "A major employer with big major plans, every major boost. It was reported in Leeds.",
        "The factory made solar panel parts in Leeds. Solar panel prices fell as the factory grew.",
        "Workers in Leeds said solar panel demand kept the factory busy. Solar panels sold well.",
        "Officials reported the news.",
    )
    keywords = _texts(facts.keywords)
    assert keywords[0] == "solar panel"
    assert _find(facts.keywords, "solar panel").count == 4  # "Solar panels" is the same phrase
    # "major" is as frequent as "factory" and comes first, but goes with anything: it ranks lower.
    assert "major" not in keywords or keywords.index("factory") < keywords.index("major")
    # Names are listed as places or people, not again as keywords; stop words and past
    # participles ("reported") are no keywords.
    assert not {"Leeds", "leeds", "the", "as", "in", "reported"} & set(keywords)
    _points_at_its_sentence(sentences, _find(facts.keywords, "solar panel"), "Solar panel")


# ---- robustness and speed ------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=0, max_size=300), min_size=0, max_size=5))
def test_never_raises_and_every_fact_points_at_a_sentence(paragraphs: list[str]) -> None:
    article = Article("t", tuple(Paragraph("body", p) for p in paragraphs if p.strip()))
    sentences = article_sentences(article)
    facts = extract_facts(sentences)
    indexes = {s.index for s in sentences}
    for _, group in facts.groups():
        for fact in group:
            assert fact.sentence in indexes and fact.text and fact.count >= 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(
    ["Mr", "President", "al-", "Assad", "“", "”", '"', "’s", "$", "10", "million", "(HTS)", "said",
     "Hama", ",", ".", "The", "and", "of", "Dec", "4", "2017", "people", "he", "Inc", " "]),
    max_size=60))
def test_never_raises_on_name_like_soup(tokens: list[str]) -> None:
    text = " ".join(tokens)
    sentences, facts = _facts(text)
    indexes = {s.index for s in sentences}
    assert all(f.sentence in indexes for _, group in facts.groups() for f in group)


def test_an_appositive_of_only_spaces_does_not_raise() -> None:
    # Found by the fuzz test above: ", ," after a name left an appositive with no head word.
    _, facts = _facts(" ".join(["Mr", "Inc", ",", " ", ","]))
    assert not facts.people


# ---- what a name is: evidence, not shape ---------------------------------------------------------


def test_groups_named_after_a_place_or_party_are_no_people() -> None:
    _, facts = _facts(
        "Virginia Democrats won control of the legislature. House Democrats cheered the result.",
        "The Guildford Four were freed in 1989. Turnout in Virginia was high.",
    )
    people = _texts(facts.people)
    orgs = _texts(facts.organisations)
    for group in ("Virginia Democrats", "House Democrats", "Guildford Four"):
        assert group not in people and group in orgs
    # "Virginia" is a place of its own, not a short name of the group.
    assert "Virginia" in _texts(facts.places)


def test_prizes_clubs_and_buildings_are_no_people() -> None:
    _, facts = _facts(
        "The film won the Golden Bear Award in Berlin. Later Ross County beat Dundee United.",
        "A statement from the White House said the talks would go on.",
    )
    orgs = _texts(facts.organisations)
    for name in ("Golden Bear Award", "Ross County", "Dundee United", "White House"):
        assert name in orgs
    assert not {"Golden Bear Award", "Ross County", "White House"} & set(_texts(facts.people))
    _, facts = _facts("Deputies in Utah County arrested him.")
    assert _texts(facts.places) == ["Utah County"]


def test_names_without_evidence_are_left_out_rather_than_guessed() -> None:
    _, facts = _facts(
        "The trains will carry kit from Nomad Digital and a leaflet titled Total Endorsement.",
        "Fans of Zorblat posted the clip on Facebook.",
    )
    names = _texts(facts.people) + _texts(facts.organisations) + _texts(facts.places)
    assert not {"Nomad Digital", "Total Endorsement", "Zorblat"} & set(names)
    # A well-known organisation needs no more evidence than its name.
    assert "Facebook" in _texts(facts.organisations)
    # Person evidence still makes a person: a known given name, or a title.
    _, facts = _facts("The report was written by Laura Pemberton and Dr Okafor Nwosu.")
    assert {"Laura Pemberton", "Okafor Nwosu"} <= set(_texts(facts.people))


def test_party_word_and_base_are_no_part_of_a_name() -> None:
    _, facts = _facts(
        "Republican Phil Bryant backed the bill. Sacramento-based McClatchy Co filed for bankruptcy."
    )
    bryant = _find(facts.people, "Phil Bryant")
    assert bryant.detail == "Republican"
    assert "McClatchy Co" in _texts(facts.organisations)
    names = _texts(facts.people) + _texts(facts.organisations)
    assert not any(n.startswith(("Republican", "Sacramento")) for n in names)


def test_lone_common_words_are_no_names_but_double_barrelled_people_are_people() -> None:
    _, facts = _facts(
        "Kites flew high over the park Global appeal drew crowds. The Senate met in the US.",
        "It was a good show Another crowd came later. The film starred Daniel Day-Lewis.",
    )
    names = _texts(facts.people) + _texts(facts.organisations) + _texts(facts.places)
    assert not {"Global", "Another"} & set(names)
    assert "Senate" in _texts(facts.organisations) and "US" in _texts(facts.places)
    assert "Daniel Day-Lewis" in _texts(facts.people)


def test_handles_and_run_on_captions_make_no_names() -> None:
    _, facts = _facts(
        "Vote for your governor, @MattBevin, on Tuesday. The guards named were Sam Bellweather "
        "and Harley Levanic Some of the guards were moved."
    )
    names = _texts(facts.people) + _texts(facts.organisations) + _texts(facts.places)
    assert "MattBevin" not in names and "Harley Levanic Some" not in names
    assert "Harley Levanic" in _texts(facts.people)
