"""Entities: names, types, spans and canonical names; gazetteer data; hostile input."""
import json
from pathlib import Path

import pytest

from kursk_cli.data import load
from kursk_cli.extract import entities
from kursk_cli.extract.entities import find_entities

CASES = Path(__file__).parent / "cases"


def read_cases(name):
    with open(CASES / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def as_params(cases):
    params = []
    for case in cases:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


# ---------------------------------------------------------------------------------------------
# War reporting: the cases the guidelines name (exact text and type, optional canonical name).

@pytest.mark.parametrize("case", as_params(read_cases("entities_war.jsonl")))
def test_war_reporting(case):
    found = find_entities(case["text"])
    by_text = {}
    for entity in found:
        by_text.setdefault(entity.text, entity)
    for expected in case["entities"]:
        entity = by_text.get(expected["text"])
        assert entity is not None, f"{expected['text']!r} not found in {[e.text for e in found]}"
        assert entity.type == expected["type"], entity
        if "canonical" in expected:
            assert entity.canonical == expected["canonical"], entity
    for text in case.get("absent", []):
        assert text not in by_text, f"{text!r} should not be an entity"


# ---------------------------------------------------------------------------------------------
# MEANTIME (Wikinews business news, gold names reshaped as sentences): a name is found when an
# entity of the same type overlaps it.

@pytest.mark.parametrize("case", as_params(read_cases("entities_meantime.jsonl")))
def test_meantime_names(case):
    text = case["text"]
    found = find_entities(text)
    missing = []
    for expected in case["entities"]:
        start = text.index(expected["text"])
        end = start + len(expected["text"])
        if not any(e.start < end and start < e.end and e.type == expected["type"] for e in found):
            missing.append(expected)
    assert not missing, f"missing {missing}; found {[(e.text, e.type) for e in found]}"


# ---------------------------------------------------------------------------------------------
# Canonical names: every mention of one person or organisation carries the same name.

GROUPING_TEXT = (
    "Ukraine's military intelligence chief Kyrylo Budanov met officials of the General Staff of "
    "the Armed Forces of Ukraine in Kyiv. Budanov said the General Staff would publish figures. "
    "Russian Defence Minister Andrei Belousov visited the Kursk Oblast. Belousov claimed that "
    "Kursk was secure. The Institute for the Study of War (ISW) disputed that; ISW analysts said "
    "Ukrainian units held positions. Oleksandr Kovalenko, a military analyst, agreed. Kovalenko "
    "said Kiev would respond."
)

GROUPS = [
    ("Kyrylo Budanov", "PERSON", {"Kyrylo Budanov", "Budanov"}),
    ("Andrei Belousov", "PERSON", {"Andrei Belousov", "Belousov"}),
    ("Oleksandr Kovalenko", "PERSON", {"Oleksandr Kovalenko", "Kovalenko"}),
    ("General Staff of the Armed Forces of Ukraine", "ORG",
     {"General Staff of the Armed Forces of Ukraine", "General Staff"}),
    ("Institute for the Study of War", "ORG", {"Institute for the Study of War", "ISW"}),
    ("Kursk Oblast", "LOC", {"Kursk Oblast", "Kursk"}),
    ("Kyiv", "LOC", {"Kyiv", "Kiev"}),
]


@pytest.mark.parametrize("canonical, kind, surfaces", GROUPS, ids=[group[0] for group in GROUPS])
def test_canonical_names_group_mentions(canonical, kind, surfaces):
    entities = find_entities(GROUPING_TEXT)
    mentions = [e for e in entities if e.canonical == canonical]
    assert {e.text for e in mentions} == surfaces
    assert {e.type for e in mentions} == {kind}
    # every mention of those surfaces (as that type) is in the group
    assert all(e.canonical == canonical for e in entities if e.text in surfaces and e.type == kind)


def test_norp_canonical_is_the_country():
    entities = find_entities("Ukrainian and Russian officials met North Korean envoys and British diplomats.")
    assert [(e.text, e.canonical) for e in entities if e.type == "NORP"] == [
        ("Ukrainian", "Ukraine"), ("Russian", "Russia"), ("North Korean", "North Korea"),
        ("British", "United Kingdom")]


def test_korean_follows_the_korea_the_document_names():
    entities = find_entities("North Korea sent troops. Russia thanked its Korean friends.")
    assert [e.canonical for e in entities if e.text == "Korean"] == ["North Korea"]


# ---------------------------------------------------------------------------------------------
# Invariants and hostile input: offsets, order, linear time (no timing asserted here).

def test_offsets_and_order():
    text = (CASES / "entities_war.jsonl").read_text(encoding="utf-8")
    entities = find_entities(text)
    assert entities
    assert all(text[e.start:e.end] == e.text for e in entities)
    assert [e.start for e in entities] == sorted(e.start for e in entities)
    assert all(a.end <= b.start for a, b in zip(entities, entities[1:]))


@pytest.mark.parametrize("first, second", [
    ("He wrote that they Don't care about it at all.", "He thanked Don for it and left the hall."),
    ("He thanked Don for it and left the hall.", "He wrote that they Don't care about it at all."),
], ids=["contraction-first", "name-first"])
def test_no_document_changes_the_next(first, second, monkeypatch):
    """What one document says never leaks into another through the cache of runs."""
    monkeypatch.setattr(entities, "_RUN_CACHE", {})
    alone = [(e.text, e.type, e.start) for e in find_entities(second)]
    monkeypatch.setattr(entities, "_RUN_CACHE", {})
    find_entities(first)
    assert [(e.text, e.type, e.start) for e in find_entities(second)] == alone


@pytest.mark.parametrize("text", [
    "",
    "x",
    "Aaa Bbb Ccc " * 20000,
    "Aaa of the Bbb " * 10000,
    "Aaa Ministry " * 10000,
    "1,1," * 50000,
    "A" * 200000,
    "-".join(["Aaa"] * 50000),
    "U.S." * 50000,
    "THE RUSSIAN ARMY SAID KYIV WAS ATTACKED " * 2000,
], ids=["empty", "one-letter", "capitalized-words", "connectors", "heads", "digits", "one-word",
        "hyphens", "dots", "all-caps"])
def test_hostile_input(text):
    entities = find_entities(text)
    assert all(text[e.start:e.end] == e.text for e in entities)


# ---------------------------------------------------------------------------------------------
# Gazetteers: the shapes other modules rely on, and the aliases the issue names.

def test_countries_schema():
    countries = load("countries.json")
    assert len(countries) >= 190
    for country in countries:
        assert {"name", "aliases", "demonyms"} <= set(country)
        assert isinstance(country["aliases"], list) and isinstance(country["demonyms"], list)
    by_name = {country["name"]: country for country in countries}
    assert "DPRK" in by_name["North Korea"]["aliases"]
    assert "Russian" in by_name["Russia"]["demonyms"]
    assert "Americans" in by_name["United States"]["demonyms"]


@pytest.mark.parametrize("alias, canonical", [
    ("Kiev", "Kyiv"), ("Kharkov", "Kharkiv"), ("Odessa", "Odesa"), ("Artemivsk", "Bakhmut"),
    ("Severodonetsk", "Sievierodonetsk"), ("Zaporozhye", "Zaporizhzhia"),
])
def test_place_aliases(alias, canonical):
    assert load("place_aliases.json")[alias] == canonical


def test_place_aliases_name_no_place_of_their_own():
    # entities looks a name up as a place's own name first: an alias must not be one
    places = load("places.json")
    assert not places.keys() & load("place_aliases.json").keys()
    assert set(load("place_aliases.json").values()) <= places.keys()


def test_oblasts_present():
    places = load("places.json")
    for oblast in ("Kursk Oblast", "Belgorod Oblast", "Donetsk Oblast", "Kharkiv Oblast", "Zaporizhzhia Oblast"):
        assert places[oblast].split()[0] == "region"
