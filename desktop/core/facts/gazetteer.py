"""Names of places and nationalities for the facts extractor, built lazily from what is installed.

Countries come from pycountry (installed with sumy), cities from the time-zone database (zoneinfo)
plus a small curated list of major cities and regions that news mentions often; demonyms are
curated. Nothing is read at import time.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Major cities and regions often in the news that neither pycountry nor the time-zone names give
# in their usual English spelling.
CITIES = """
Aleppo, Hama, Homs, Damascus, Tartus, Idlib, Latakia, Raqqa, Deir ez-Zor, Daraa, Palmyra,
Kobani, Afrin, Baghdad, Mosul, Basra, Kirkuk, Erbil, Fallujah, Tikrit, Ramadi, Beirut, Tripoli,
Benghazi, Sidon, Tyre, Gaza, Rafah, Jerusalem, Tel Aviv, Haifa, Ramallah, Hebron, Nablus, Jenin,
Amman, Cairo, Alexandria, Suez, Istanbul, Ankara, Izmir, Antalya, Gaziantep, Tehran, Isfahan,
Mashhad, Tabriz, Riyadh, Jeddah, Mecca, Medina, Doha, Dubai, Abu Dhabi, Muscat, Sanaa, Aden,
Hodeidah, Kuwait City, Manama, Kabul, Kandahar, Herat, Islamabad, Karachi, Lahore, Peshawar, Delhi,
New Delhi, Mumbai, Kolkata, Chennai, Bangalore, Bengaluru, Hyderabad, Dhaka, Kathmandu, Colombo,
Beijing, Shanghai, Hong Kong, Shenzhen, Guangzhou, Wuhan, Chengdu, Taipei, Tokyo, Osaka, Kyoto,
Seoul, Pyongyang, Bangkok, Hanoi, Ho Chi Minh City, Manila, Jakarta, Singapore, Kuala Lumpur,
Yangon, Sydney, Melbourne, Brisbane, Perth, Adelaide, Canberra, Auckland, Wellington, Moscow,
St Petersburg, Kyiv, Kiev, Kharkiv, Odesa, Odessa, Mariupol, Donetsk, Luhansk, Kherson, Crimea,
Minsk, Warsaw, Krakow, Prague, Vienna, Budapest, Bucharest, Sofia, Belgrade, Zagreb, Sarajevo,
Athens, Rome, Milan, Naples, Turin, Venice, Florence, Madrid, Barcelona, Seville, Valencia, Lisbon,
Porto, Paris, Marseille, Lyon, Nice, Brussels, Amsterdam, Rotterdam, The Hague, Berlin, Munich,
Hamburg, Frankfurt, Cologne, Zurich, Geneva, Bern, Copenhagen, Stockholm, Oslo, Helsinki,
Reykjavik, Dublin, Belfast, London, Manchester, Liverpool, Birmingham, Leeds, Glasgow, Edinburgh,
Cardiff, Bristol, Sheffield, Newcastle, Oxford, Cambridge, Washington, New York, Los Angeles,
Chicago, Houston, Phoenix, Philadelphia, San Antonio, San Diego, Dallas, San Francisco, Seattle,
Boston, Miami, Atlanta, Detroit, Denver, Las Vegas, New Orleans, Baltimore, Toronto, Montreal,
Vancouver, Ottawa, Calgary, Mexico City, Havana, Bogota, Lima, Caracas, Quito, Santiago,
Buenos Aires, Sao Paulo, Rio de Janeiro, Brasilia, Lagos, Abuja, Nairobi, Mogadishu, Addis Ababa,
Khartoum, Kinshasa, Johannesburg, Cape Town, Pretoria, Durban, Accra, Dakar, Algiers, Tunis, Rabat,
Casablanca
"""
REGIONS = """
Europe, Asia, Africa, North Africa, South Africa, Middle East, Near East, Far East,
Latin America, North America, South America, Central America, Scandinavia, Balkans, Caucasus,
Sahel, Gulf, Mediterranean, Mediterranean Sea, Red Sea, Black Sea, Caspian Sea, Baltic Sea,
North Sea, Arctic, Antarctica, Atlantic, Pacific, Indian Ocean, West Bank, Gaza Strip,
Golan Heights, Sinai, Kurdistan, Donbas, Kashmir, Tibet, Xinjiang, Siberia, Crimea, Darfur,
Silicon Valley, Wall Street, Westminster, Whitehall, Downing Street, Scotland, Wales, England,
Northern Ireland, Texas, California, Florida
"""
DEMONYMS = frozenset(
    """
    afghan albanian algerian american angolan arab arabian argentine argentinian armenian
    asian australian austrian azerbaijani bahraini bangladeshi belarusian belgian bolivian
    bosnian brazilian british bulgarian burmese cambodian cameroonian canadian chadian chilean
    chinese colombian congolese croatian cuban cypriot czech danish dutch egyptian emirati
    english eritrean estonian ethiopian european filipino finnish french georgian german ghanaian
    greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish
    israeli italian jamaican japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti
    kyrgyz lebanese libyan lithuanian latvian malaysian malian maltese mexican moldovan
    mongolian moroccan mozambican nepalese nigerian nigerien norwegian omani pakistani
    palestinian panamanian peruvian polish portuguese qatari romanian russian rwandan saudi
    scottish senegalese serbian slovak slovenian somali spanish sudanese swedish swiss syrian
    taiwanese tajik tanzanian thai tunisian turkish turkmen ugandan ukrainian uzbek venezuelan
    vietnamese welsh yemeni zambian zimbabwean african latino hispanic western eastern northern
    southern soviet ottoman persian sunni shia shiite alawite druze christian muslim jewish
    islamist jihadist catholic protestant orthodox
    spaniard spaniards briton britons brit brits swede swedes dane danes finn finns pole poles scot
    scots turk turks kurd kurds arabs serb serbs croat croats islamic nazi nazis
    """.split()
)

# Common given names across the languages news reports most often (a first word from this list makes
# a capitalised span a person unless other evidence says otherwise). Curated, deliberately short.
GIVEN_NAMES = frozenset(
    """
    aaron abdul abdullah abu adam adrian ahmad ahmed aisha alan albert alex alexander alexandra alexei
    alfred ali alice alicia amanda amir amy ana andrea andreas andrew andrei andy angela angelina
    ann anna anne anthony antonio arnold arthur ashley barack barbara barry bashar ben benjamin
    bernard bernie beth betty bill billy bob boris brad brendan brian bruce carl carlos carol
    caroline catherine charles charlie charlotte chris christian christina christine christopher
    claire colin craig dan daniel danny darren dave david dean deborah dennis diana diane dick
    dmitry dominic dominick donald donna doris dorothy douglas duncan ed eddie edward elizabeth
    ellen emily emma emmanuel eric erik ernest eva evan fatima felix fernando francis francesca
    francisco frank fred frederick gabriel gareth gary george gerald gerhard gordon graham greg
    gregory hafez hamid hans harold harry hassan heather helen henry herbert hillary howard hugh
    hussein ian igor isaac ivan jack jacob jacques james jamie jan jane janet jason javier jean
    jeff jeffrey jennifer jeremy jerry jessica jim jimmy joan joe joel johann john johnny jonathan
    jorge jose joseph joshua juan julia julian julie justin karen karl kate katherine kathleen
    katie keith kelly ken kenneth kevin khalid kim kirsty kostas lars laura lee leo leonard liam
    linda lisa louis louise luca lucy luis luke mahmoud manuel marc marco margaret maria marie
    mario mark martin mary matt matthew max maxim michael michel michelle miguel mike mikhail
    mohamed mohammad mohammed muhammad nancy naomi natalia nathan neil nicholas nick nicola
    nicolas nigel noah oliver omar pablo pamela patrick paul paula pedro peter phil philip
    philippe pierre rachel rafael ralph ray raymond rebecca richard rick rishi rob robert robin
    roger ronald rosa ross roy ruth ryan saddam salman sam samantha samuel sandra sarah scott sean
    sergei sergey simon sophie stephen steve steven stuart susan tariq ted teresa terry theresa
    thomas tim timothy toby tom tommy tony valerie vanessa victor victoria vincent vladimir walter
    wayne william xi yasser yuri yusuf zach
    abigail adolf agnes aidan alberto alejandro alessandro alison allan amelia andre andres andriy
    angus annie antoine archie ashton audrey ava barney beatrice bella benoit bernardo brenda
    brett bridget brooke bryan callum calvin cameron carla carmen carrie cate cathy cecilia chloe
    christophe cindy claudia clive cody connor conor cristiano curtis dale dana darius dawn
    debbie denise derek desmond diego dimitri dirk dominique doug dylan edith eduardo elena eleanor
    eli elijah elliot ellie elsa emile emilio enrique eve fabio felipe finn fiona florian francois
    franz frederic gavin gemma geoffrey gerry gianluca gillian giorgio giovanni giuseppe glen glenn
    gloria grace gustavo hamish hannah harley harriet harvey hector heidi heinz helena hilary holly
    hugo imelda irene isabel isabella jade jake jasmine jay jeremiah jesse jill joanna jodie jon
    jonas jordi josh joy judith judy jurgen kanye karim kathryn katrina keira kieran kirk kristina
    kurt kyle lance laurence lauren leon leonardo leslie lewis lily lionel lorenzo lorraine lucas
    luciano ludwig lydia lynn madeleine maggie malcolm marcus marcel marek margot marian marina
    marion marjorie marko martha martina matteo maureen megan melanie melissa mia mila miles milo
    miriam mitch molly monica morgan muriel nadia natalie nathalie ned nelson nicole nikolai nina
    norman olga olivia oscar owen paddy pascal patricia pauline pavel penelope percy phoebe piers
    rachael ralf ramon raul reggie rene rhys ricardo rita robbie roberto rodrigo roman ronnie rory
    rosie rowan rui rupert russell ruud sabine sadiq sally sammy sara scarlett sebastian serena
    shane sharon sheila shirley sienna silvio sofia sonia stan stanley stefan stella sven sylvia
    tamara tessa theo thierry tina tobias todd travis trevor troy ursula valentina vera vicky
    viktor vivian wendy wesley wolfgang yann yvonne zoe
    """.split()
)


# Organisations news names by one plain word, with nothing around them to say what they are ("posted
# on Facebook"). Curated and short: a lone unknown word is otherwise left out rather than guessed.
ORGANISATIONS = frozenset(
    """
    facebook google youtube twitter instagram tiktok whatsapp snapchat linkedin reddit netflix
    spotify amazon apple microsoft samsung sony nintendo intel nvidia ibm oracle tesla uber airbnb
    huawei alibaba tencent toyota honda volkswagen nissan ford boeing airbus walmart tesco
    u.n. e.u. taleban xinhua itar-tass interfax kyodo yonhap irna
    sainsbury's asda nestle unilever shell bp exxon gazprom reuters bloomberg afp nasa pentagon
    kremlin interpol unicef unesco europol gestapo vatican eurostat ofcom ofsted ofgem juventus
    chelsea arsenal celtic rangers
    """.split()
)


def fold(text: str) -> str:
    """Lower case without accents or apostrophes, for matching spellings ("Ḩamāh" -> "hamah")."""
    if text.isascii():  # the common case, ten times faster than decomposing
        return text.lower().strip()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("’", "'").lower().strip()


_ZONE_AREAS = frozenset(
    {"Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
)
# Zone names that are more often a person, a word or an abbreviation than the place.
_ZONE_NOT_PLACES = frozenset(
    """
    act lhi nsw north south west center oral virgin knox christmas easter wake midway currie darwin
    regina victoria stanley chatham johnston resolute marengo beulah creston dawson nome yap truk
    """.split()
)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Folded names of countries, major cities and regions."""
    names: set[str] = set()
    for listed in (CITIES, REGIONS):
        names.update(fold(n) for n in listed.replace("\n", " ").split(",") if n.strip())
    try:
        import pycountry

        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    names.add(fold(value.split(",")[0]))
    except ImportError:  # pragma: no cover - pycountry comes with sumy
        pass
    try:
        import zoneinfo

        for zone in zoneinfo.available_timezones():
            area, _, city = zone.rpartition("/")
            # Only city zones ("Europe/Paris"); legacy aliases ("US/Eastern") and Antarctic bases
            # named after people ("Casey", "Davis") are no places a reader means.
            if area.split("/")[0] in _ZONE_AREAS and city.isascii():
                names.add(fold(city.replace("_", " ")))
        names -= _ZONE_NOT_PLACES
    except Exception:  # noqa: BLE001 - no time-zone data is fine, the curated list remains
        pass
    names.update({"us", "usa", "uk", "uae", "america", "britain", "great britain", "russia",
                  "syria", "iran", "korea", "north korea", "south korea", "vietnam", "laos",
                  "the netherlands", "holland", "taiwan", "palestine", "u.s.", "u.k.", "nyc", "burma",
                  "turkey", "kosovo",
                  "macedonia", "czechoslovakia", "yugoslavia", "soviet union", "ivory coast", "east timor"})
    return frozenset(names)


_REGION_TYPES = frozenset({"State", "Province", "Governorate", "Region", "County", "Prefecture"})


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Folded names of states, provinces and counties (pycountry subdivisions).

    Weaker evidence than places(): some are also given names or common words ("Angus", "Bury"), so
    the extractor only leans on them when nothing else says what a name is.
    """
    names: set[str] = set()
    try:
        import pycountry

        for sub in pycountry.subdivisions:
            if sub.type in _REGION_TYPES and "[" not in sub.name and "," not in sub.name:
                names.add(fold(sub.name))
    except ImportError:  # pragma: no cover - pycountry comes with sumy
        pass
    return frozenset(names - GIVEN_NAMES)


def is_place(name: str) -> bool:
    """A country, major city or region (strong evidence)."""
    return fold(name) in places()


def is_region(name: str) -> bool:
    """A state, province or county from pycountry (weak evidence)."""
    return fold(name) in regions()


def is_given_name(word: str) -> bool:
    return fold(word) in GIVEN_NAMES


def is_known_organisation(word: str) -> bool:
    """A well-known organisation usually named by one word ("Facebook", "Reuters")."""
    return fold(word) in ORGANISATIONS


def is_demonym(word: str) -> bool:
    """A nationality or creed adjective ("Syrian", "Kurds", "Gibraltarians")."""
    w = fold(word).replace("'", "")
    if w in DEMONYMS or (w.endswith("s") and w[:-1] in DEMONYMS):
        return True
    # People of a place: "Gibraltarians", "Londoners", "Kenyans" are no organisation or place.
    if w.endswith("s") and len(w) > 5:
        known = places()
        for suffix in ("ians", "ans", "ers", "ns"):
            base = w[: -len(suffix)]
            if w.endswith(suffix) and (base in known or base + "a" in known or base + "ia" in known):
                return True
    return False
