"""The words and shapes of names: capitalised spans, titles before a person, organisation and place
words, and the words that are never a name on their own."""

from __future__ import annotations

import re

# Words of saying ("said", "told"), used as evidence of a person and to find who said a quote.
SAY_WORDS = (
    r"said|says|say|told|tells|added|adds|declared|announced|warned|wrote|writes|insisted|claimed|"
    r"called|asked|explained|stated|tweeted|argued|replied|admitted|noted|recalled|urged|vowed"
)
SAY = re.compile(rf"\b(?:{SAY_WORDS})\b", re.IGNORECASE)
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")

# Upper-case letters of the Latin, Greek and Cyrillic scripts, so "Émile" and "Özil" are names too.
UPPER = "".join(
    c for c in map(chr, [*range(0x41, 0x250), *range(0x391, 0x3AA), *range(0x400, 0x430)])
    if c.isupper()
)
U = f"[{UPPER}]"
NAME_WORD = rf"(?:{U}[\w’'.-]*\w|{U})"
PARTICLE = r"(?:al|el|bin|ibn|de|del|der|di|da|du|la|le|van|von|of|the|&|for|dos|das)"
CAPS = re.compile(  # the look-ahead only speeds the scan: a span starts with a capital, "al-" or "el-"
    rf"(?=[{UPPER}ae])(?<![\w’'-])(?:(?:al|el)-)?{NAME_WORD}"
    rf"(?:(?:\s+|-)(?:{PARTICLE}(?:\s+|-))?(?:(?:al|el)-)?{NAME_WORD})*"
)
TITLE_INDEX = 1 << 30  # the sentence index of the title's mentions: any body mention comes first
DOTTED = re.compile(rf"(?:{U}\.)+{U}")  # "U.S", "U.N" before their last dot
ACRONYM = re.compile(rf"^{U}[{UPPER}0-9&]{{1,6}}s?$")
POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
APPOSITIVE = re.compile(r"^\s*,\s*(?:the |a |an )?([^,.;:()“”\"]{2,60}?)\s*(?=[,.;:)]|$)")
# Where the noun phrase of an appositive ends ("deputy chief economist | at BMO Financial Group").
NOT_APPOSITIVE = re.compile(r"(?:including|which|where|who|when|while|but|and|or)\b|\w+ing\b")
PHRASE_END = re.compile(r"\s(?:at|of|for|with|in|from|on|to|who|which|and)\s.*$")
AGE = re.compile(r"^\s*,\s*(?:aged\s+)?\d{1,3}\s*,")

PERSON_TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof sir dame lord lady president vice-president minister prime chancellor
    king queen prince princess sheikh emir imam pope rev father senator sen rep representative
    governor gov mayor judge justice general gen colonel col major maj captain capt lieutenant lt
    sergeant sgt commander admiral chief officer inspector detective secretary ambassador
    spokesman spokeswoman spokesperson leader chairman chairwoman chair ceo founder coach manager
    striker midfielder defender goalkeeper actress actor singer star boss director editor auditor
    economist analyst professor lawyer attorney presenter author writer journalist correspondent
    executive head premier dictator commissioner chef producer player captain mp mep msp mla cllr
    councillor congressman congresswoman secretary-general attorney-general director-general
    envoy envoys lawmaker legislator politician negotiator counterpart bowler batsman soprano tenor
    pianist composer reporter activist cleric rabbi bishop cardinal nominee aide adviser advisor
    president-elect physician scientist researcher novelist poet painter filmmaker
    """.split()
)
# Titles that stand capitalised before a name; "star", "boss", "father" or "major" there are more
# often part of a name ("Star Wars", "Major League") than a role.
STRIP_TITLES = PERSON_TITLES - frozenset("star boss father major player coach chef head".split())
# Words that may stand before a title in a role ("Foreign Secretary", "Shadow Education Secretary").
TITLE_MODIFIERS = frozenset(
    """
    chief deputy foreign home vice acting former prime executive general attorney managing first
    shadow junior senior assistant interim education health defence defense finance interior
    justice trade state culture transport energy environment labour economy treasury business
    communications security opposition party team national regional supreme grand high
    """.split()
)
COMPASS = frozenset("north south east west northern southern eastern western central".split())
HONORIFICS = frozenset("mr mrs ms miss mx sir dame".split())
ORG_WORDS = frozenset(
    """
    army navy force forces air police party council ministry department agency organisation
    organization group front union association institute foundation committee commission court
    parliament congress senate assembly government administration office bureau bank
    university college school hospital inc ltd plc llc corp corporation company co club fc
    united city news times post guardian telegraph journal network channel tv radio airlines
    airways authority service services brigade brigades battalion movement alliance coalition
    league federation fund trust society church operation hamas hezbollah
    al-qaeda taliban isis nato opec fbi cia gallery museum academy communications entertainment
    media holdings partners capital technologies technology systems industries international global
    energy motors pharmaceuticals labs laboratories studios records press publishing insurance
    economics consulting securities investments ventures solutions software electronics games
    cup championship olympics festival exchange board institution centre center station agency
    broadcasting corporation group's world enterprises telecom mobile airline railways railway
    bancorp financial associates gmbh ag sa nv security daily mirror herald express mail tribune
    chronicle gazette observer independent electric dynamics
    """.split()
)
# Last words that make a name a place ("Fleet Street", "Hyde Park", "Heathrow Airport").
PLACE_WORDS = frozenset(
    "street road avenue square park bridge airport lane boulevard island islands river lake".split()
)
# Nouns that say "X" is a place in "the town of X" ...
PLACE_NOUNS = frozenset(
    """
    town city village province state region district capital port resort island islands area county
    suburb neighbourhood neighborhood valley republic kingdom governorate territory municipality
    """.split()
)
# ... and a known place right after it ("San Jose, Costa Rica").
PLACE_AFTER = re.compile(r"^\s*,\s*([A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+)?)\s*(?:[,.;:)]|$)")
# Words that, just before a name, say it is an organisation ("mobile firm Intervoice").
ORG_NOUNS = frozenset(
    """
    firm company group giant rival agency channel newspaper broadcaster club side team carrier
    operator retailer bank maker manufacturer airline publisher network label party organisation
    charity studio startup insurer lender supermarket chain brand
    """.split()
)
# Geographic words that make "X Sea" the same place as "X" ("Mediterranean" / "Mediterranean Sea").
PLACE_FEATURES = frozenset(
    "sea ocean strip heights river mountains island islands gulf bay lake valley desert peninsula "
    "province region governorate county state city".split()
)
# Letters and digits mixed ("H5N1", "G-8", "Su-24", "F-16"): a code, a virus, a model, no name.
CODE = re.compile(r"[A-Z][A-Za-z]?-?\d+(?:[A-Z]\d*)*")
# Capitalised or upper-case terms that are never an organisation, person or place (time zones too:
# "at 2100 UTC").
NOT_NAMES = frozenset(
    "gdp gdps gnp cpi ceo cfo hiv aids sars covid dna rna tv pc utc gmt edt est pdt pst cet bst".split()
)
LEADING_JUNK = frozenset(
    """
    the a an this that these those his her its their our my your on in at for by from with
    after before during when while as but and or so if then there here what who why how
    however meanwhile yesterday today tonight tomorrow last next earlier later also both
    many some most several all every each no not one two three i i'm we it
    dozens hundreds thousands millions scores tens
    """.split()
)
# Organisation words that are names on their own.
ORG_ALONE = frozenset(
    "hamas hezbollah al-qaeda taliban isis nato opec fbi cia senate congress parliament".split()
)
# Last words that make a name an organisation, an event or a prize, never a person ("White House",
# "Golden Bear Award", "Ross County", "Dundee United", "Affordable Care Act").
NOT_PERSON_ENDS = frozenset(
    """
    house award awards prize prizes cup league trophy medal games open fc afc united county city
    rovers wanderers athletic albion act festival championship championships olympics
    """.split()
)
# Words of a match report, and the words around a side that plays in it.
SPORT_WORDS = frozenset(
    """
    match goal goals league season striker midfielder defender goalkeeper fixture penalty
    scored draw referee kick-off stadium semi-final quarter-final halftime half-time equaliser
    """.split()
)
PLAYED_BEFORE = frozenset("beat beating defeated against v vs vs. versus over to with hosts host visit".split())
PLAYED_AFTER = re.compile(
    r"^\s*(?:beat|beating|drew|draw|defeated|lost|won|thrashed|edged|hosted|host|\d+-\d+|v\b|vs\b)"
)
# Last and first words that make a name an event ("Asian Cup", "Operation Deterrence of Aggression").
EVENT_ENDS = frozenset(
    """
    cup olympics paralympics games championship championships tournament war wars summit election
    elections referendum festival marathon open rally conference uprising revolution crisis
    """.split()
)
EVENT_STARTS = frozenset("operation hurricane typhoon cyclone storm tropical".split())
# Last words that make a name a group of people ("Virginia Democrats", "House Republicans", "Chelsea
# fans", "Guildford Four"): an organisation at most, never one person.
GROUP_ENDS = frozenset(
    """
    democrats republicans conservatives liberals socialists tories greens fans supporters officials
    members voters lawmakers senators ministers leaders rebels militants loyalists nationalists
    unionists workers players residents four five six seven eight nine ten twelve
    """.split()
)
# Stop words that may end a name all the same.
NAME_ENDS = ORG_WORDS | GROUP_ENDS | frozenset("one two three".split())
# Party words that stand before a politician's name like a title ("Republican Phil Bryant").
PARTY_WORDS = frozenset(
    "republican democrat democratic labour tory conservative liberal green socialist".split()
)
PRONOUN_START = re.compile(r"^\s*(?:[“\"‘']\s*)?(?:He|She|His|Her)\b")
# Capitalised words that are never a name on their own.
NEVER_ALONE = frozenset(
    """
    century internet web north south east west northern southern eastern western central
    government parliament state city national international
    """.split()
)
