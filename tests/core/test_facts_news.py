"""Key facts of news as a new user saves it (issue 14's "Where we stand"): U.S. and U.N., a first line
that is a sentence, datelines, events, acronyms with their expansion, NYC; small texts of our own."""

from __future__ import annotations

from desktop.core.facts import extract_facts
from desktop.core.model import Article, Fact, Facts, Paragraph, Source
from desktop.core.pipeline import digest_source
from desktop.core.split import article_sentences


def _text_facts(text: str) -> Facts:
    """The facts of a plain-text file, through the whole pipeline (reader, cleaner, splitter)."""
    return digest_source(Source("news.txt", text.encode(), text, "text", "utf-8")).facts


def _facts(*paragraphs: str, title: str = "Test") -> Facts:
    article = Article(title, tuple(Paragraph("body", p) for p in paragraphs))
    return extract_facts(article_sentences(article), title=title)


def _texts(group: tuple[Fact, ...]) -> list[str]:
    return [f.text for f in group]


def test_dotted_abbreviations_are_a_place_and_an_organisation() -> None:
    facts = _facts("Officials in the U.S. said the U.N. would send observers to the border. "
                   "A U.N. spokesman said the U.S. had agreed.")
    assert "U.S." in _texts(facts.places)
    assert "U.N." in _texts(facts.organisations)
    assert next(f for f in facts.places if f.text == "U.S.").count == 2


def test_a_first_line_that_is_a_sentence_keeps_its_names() -> None:
    text = ("Farmers in Kandoria cheered as Minister Velma Ostrakova opened the new dam on Monday.\n\n"
            "The dam will water fields along the river for the first time in a decade, officials said. "
            "Work began three years ago.")
    facts = _text_facts(text)
    assert "Velma Ostrakova" in _texts(facts.people)
    # The fact points at a sentence of the body (the title has none of its own).
    assert all(0 <= f.sentence for f in facts.people)


def test_a_title_case_headline_gives_no_names() -> None:
    facts = _facts("The dam will water fields along the river, officials said.",
                   title="Farmers Cheer As Big New Dam Opens Its Gates")
    assert not (_texts(facts.people) + _texts(facts.organisations) + _texts(facts.places))


def test_dateline_line_gives_a_place_and_a_date() -> None:
    text = ("Grain prices rose again\n\nLONDON 1996-08-30\n\n"
            "Wheat prices climbed for a third week as traders worried about the harvest in the east, "
            "dealers said on Friday. Buyers expect more rises before the end of the month.")
    facts = _text_facts(text)
    assert "London" in _texts(facts.places)
    assert "1996-08-30" in _texts(facts.dates)


def test_inline_dateline_gives_its_place_once_and_its_agency() -> None:
    facts = _facts("WASHINGTON (Reuters) - The senate passed the budget bill late on Tuesday, "
                   "sending it to the president. Aides said Washington expects him to sign it.")
    places = _texts(facts.places)
    assert "Washington" in places and "WASHINGTON" not in places
    assert next(f for f in facts.places if f.text == "Washington").count == 2
    assert "Reuters" in _texts(facts.organisations)


def test_events_are_their_own_group() -> None:
    facts = _facts("The team won the Asian Cup after a tense final. Rebels launched Operation Dawn Shield "
                   "in the north. Wreaths were laid for those who fell in World War II, as before the 2012 Olympics.")
    events = _texts(facts.events)
    for name in ("Asian Cup", "Operation Dawn Shield", "World War II", "Olympics"):
        assert any(name in e for e in events), (name, events)
    assert not set(events) & set(_texts(facts.organisations) + _texts(facts.people))


def test_acronym_and_expansion_merge_wherever_they_stand() -> None:
    facts = _facts("The International Monetary Fund lowered its forecast. Critics said the IMF was too "
                   "gloomy, and the IMF said it would review the figures.")
    orgs = facts.organisations
    assert _texts(orgs).count("IMF") == 1 and "International Monetary Fund" not in _texts(orgs)
    imf = next(f for f in orgs if f.text == "IMF")
    assert imf.detail == "International Monetary Fund" and imf.count == 3


def test_nyc_is_a_place() -> None:
    facts = _facts("Rents in NYC rose again this year, and tenants in NYC protested outside city hall.")
    assert "NYC" in _texts(facts.places) and "NYC" not in _texts(facts.organisations)


def test_day_names_are_no_part_of_a_name() -> None:
    facts = _facts("The minister met Hamid Karzai Thursday in the capital. Karzai said Tuesday that "
                   "talks would go on.")
    assert "Hamid Karzai" in _texts(facts.people)
    assert not [t for t in _texts(facts.people) if "Thursday" in t or "Tuesday" in t]


def test_events_reach_the_markdown_and_the_json_groups() -> None:
    from desktop.core.export import to_markdown

    text = ("Crowds filled the streets after the World Cup final.\n\n"
            "Fans celebrated the World Cup win late into the night, and the coach thanked them.")
    digest = digest_source(Source("cup.txt", text.encode(), text, "text", "utf-8"))
    assert "World Cup" in _texts(digest.facts.events)
    assert "events" in dict(digest.facts.groups())
    markdown = to_markdown(digest)
    assert "### Events" in markdown and "World Cup" in markdown.split("### Events", 1)[1]


def test_clubs_named_after_their_city_are_organisations_in_a_match_report() -> None:
    facts = _facts("Liverpool beat Barcelona 3-1 on Saturday. The striker scored twice before half-time, "
                   "and the goalkeeper saved a late penalty.",
                   "Barcelona drew with Valencia last season, and the league title race is open.")
    orgs, places = _texts(facts.organisations), _texts(facts.places)
    assert {"Liverpool", "Barcelona"} <= set(orgs) and not {"Liverpool", "Barcelona"} & set(places)
    # Away from sport the city is a place.
    facts = _facts("Tourists crowded Barcelona this summer, and hotels in Barcelona raised prices.")
    assert "Barcelona" in _texts(facts.places)


_SCHOOLS = (
    "Schools in the region face a literacy crisis, teachers say. Literacy rates fell for the third year, "
    "and major cities were hit hardest.",
    "The ministry blamed the pandemic, which closed schools for months. Teachers want smaller classes "
    "and more reading lessons. A major review is due next year, officials said, and the time for action "
    "is now.",
    "Parents said the fact that children cannot read is alarming. Many children left school without "
    "basic reading skills, the report found, and major employers complain.",
)


def test_keywords_weigh_rarity_so_filler_ranks_below_the_topic() -> None:
    keywords = _texts(_facts(*_SCHOOLS).keywords)
    # "major" is said three times, "literacy" twice: the rarer word says more about the article.
    assert "literacy" in keywords
    assert "major" not in keywords or keywords.index("literacy") < keywords.index("major")
    for filler in ("time", "fact", "year"):
        assert filler not in keywords


def test_keywords_are_ordered_by_weight_and_a_short_article_gets_five() -> None:
    facts = _facts(*_SCHOOLS)
    assert len(facts.keywords) >= 5
    # A phrase said once may be a keyword when its words are rare ("pandemic").
    assert any(k.count == 1 for k in facts.keywords)
    counts = {k.text: k.count for k in facts.keywords}
    assert counts["literacy"] >= 2 and list(counts).index("literacy") < list(counts).index("pandemic")


_RESULTS = """Football results

Saturday's results in the English league.

Liverpool 3 Everton 1
Arsenal 2 Chelsea 2
Newcastle 0 Leeds United 1
Fulham 1 Brentford 0
Wolves 2 Burnley 2
Aston Villa 4 Southampton 0
"""


def test_a_mostly_tabular_article_keeps_its_table_and_its_names() -> None:
    digest = digest_source(Source("results.txt", _RESULTS.encode(), _RESULTS, "text", "utf-8"))
    kept = [p.text for p in digest.article.paragraphs]
    assert "Liverpool 3 Everton 1" in kept and "Aston Villa 4 Southampton 0" in kept
    facts = digest.facts
    names = _texts(facts.people) + _texts(facts.organisations) + _texts(facts.places)
    assert "Liverpool" in names


def test_a_few_numbered_lines_in_prose_are_still_judged_as_before() -> None:
    from desktop.core.clean import clean_text

    prose = ("The council met on Tuesday to discuss the budget for the coming year, and members spoke "
             "at length about roads, schools and the library, which many residents use every day. ") * 4
    text = f"Budget news\n\n{prose}\n\nRelated: 5 things to know\n\nMost read 1\n\nMost read 2\n\n{prose}"
    article = clean_text(text)
    assert not any(p.text.startswith("Most read") for p in article.paragraphs)


def test_a_person_of_a_country_is_a_person_and_a_place() -> None:
    facts = _facts("Maria Vallin of Portugal beat Ana Soto of Chile in the final on Sunday. Vallin said "
                   "she was delighted.")
    assert {"Maria Vallin", "Ana Soto"} <= set(_texts(facts.people))
    assert {"Portugal", "Chile"} <= set(_texts(facts.places))
    assert not [t for t in _texts(facts.organisations) if " of " in t]


def test_a_nationality_before_a_given_name_is_no_part_of_it() -> None:
    facts = _facts("The title went to American James Holt, who beat South African David Mbeki in five sets.")
    people = _texts(facts.people)
    assert "James Holt" in people and "David Mbeki" in people
    assert not [p for p in people if "American" in p or "African" in p]


def test_codes_and_terms_are_no_organisations() -> None:
    facts = _facts("The H5N1 virus reached the farms before the G-8 summit. Analysts said GDP fell and an "
                   "Su-24 jet crashed.")
    names = _texts(facts.organisations) + _texts(facts.people) + _texts(facts.places)
    assert not {"H5N1", "G-8", "GDP", "Su-24"} & set(names)


def test_time_zones_are_no_organisations() -> None:
    facts = _facts("The probe hit the lunar surface at 0542 UTC on Sunday. The president will speak at "
                   "2100 GMT.")
    names = _texts(facts.organisations) + _texts(facts.people) + _texts(facts.places)
    assert not {"UTC", "GMT"} & set(names)


def test_the_name_before_administration_is_a_person() -> None:
    facts = _facts("Critics say the Varnek administration ignored the warnings. Officials said the "
                   "plan would go ahead.")
    assert "Varnek" in _texts(facts.people)


def test_places_named_by_what_stands_around_them() -> None:
    facts = _facts("Rebels seized the town of Marjaba and then the village of Qurtel, officials said. "
                   "Talks were held in Lorindo, Portugal, a week later.")
    assert {"Marjaba", "Qurtel", "Lorindo"} <= set(_texts(facts.places))


def test_an_occupation_before_a_name_says_person() -> None:
    facts = _facts("The match turned when spin bowler Teodor Vasko took five wickets. Later the envoy "
                   "Orin Pell met officials.")
    assert {"Teodor Vasko", "Orin Pell"} <= set(_texts(facts.people))



def test_names_written_with_al_are_no_keywords(sample) -> None:
    from desktop.core.pipeline import read

    keywords = _texts(read(sample).facts.keywords)
    assert keywords and not [k for k in keywords if k.lower().startswith(("al-", "el-"))]
