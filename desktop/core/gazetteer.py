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
    """.split()
)


def fold(text: str) -> str:
    """Lower case without accents or apostrophes, for matching spellings ("Ḩamāh" -> "hamah")."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("’", "'").lower().strip()


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
            city = zone.rsplit("/", 1)[-1]
            if "/" in zone and not city.startswith(("GMT", "UTC", "Etc")) and city.isascii():
                names.add(fold(city.replace("_", " ")))
    except Exception:  # noqa: BLE001 - no time-zone data is fine, the curated list remains
        pass
    names.update({"us", "usa", "uk", "uae", "america", "britain", "great britain", "russia",
                  "syria", "iran", "korea", "north korea", "south korea", "vietnam", "laos",
                  "the netherlands", "holland", "taiwan", "palestine"})
    return frozenset(names)


def is_place(name: str) -> bool:
    return fold(name) in places()


def is_demonym(word: str) -> bool:
    w = fold(word)
    return w in DEMONYMS or (w.endswith("s") and w[:-1] in DEMONYMS)
