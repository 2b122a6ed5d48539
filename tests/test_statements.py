"""Attributed statements: the forms of reported speech, speaker resolution, and hostile input.

The case tables live in tests/cases/statements_*.jsonl:
- statements_forms.jsonl: one sentence each, every cue form of the spec, with the statements
  expected (speaker, speaker_text, cue, stance, quote; a field left out is not checked);
- statements_documents.jsonl: short documents whose pronouns and generic speakers must resolve;
- statements_entities.jsonl: the same, with the entities extractor's people (pronouns after a
  sentence about a person, roles such as `the regional governor` named before or after);
- statements_polnear.jsonl: paragraphs of the PolNeAR test split (political news, 2016) with the
  annotated source of one cue, reshaped; `known_gap` marks the ones we still get wrong.
"""
import json
import re
from pathlib import Path

import pytest

from kursk_cli.extract.entities import find_entities
from kursk_cli.extract.statements import find_statements
from kursk_cli.model import Entity

CASES = Path(__file__).resolve().parent / "cases"


def _load(name):
    with open(CASES / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _params(name):
    params = []
    for case in _load(name):
        marks = [pytest.mark.xfail(strict=True, reason="known gap")] if case.get("known_gap") else []
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _norm(name):
    """score.py's comparison: lowercase, no leading article, curly apostrophes straight."""
    name = (name or "").lower().replace("’", "'").strip()
    return re.sub(r"\s+", " ", re.sub(r"^(the|a|an)\s+", "", name))


def _names_match(predicted, gold):
    predicted, gold = _norm(predicted), _norm(gold)
    return bool(predicted) and (predicted == gold or (
        len(predicted) >= 4 and len(gold) >= 4 and (predicted in gold or gold in predicted)))


def _check_offsets(text, statements):
    assert [s.start for s in statements] == sorted(s.start for s in statements)
    for statement in statements:
        assert statement.text == text[statement.start:statement.end]
        assert statement.stance in ("assert", "deny")


# ---------------------------------------------------------------------------------------------
# One sentence, one form

@pytest.mark.parametrize("case", _params("statements_forms.jsonl"))
def test_forms(case):
    found = find_statements(case["text"], [])
    _check_offsets(case["text"], found)
    assert len(found) == len(case["statements"]), [(s.speaker, s.cue) for s in found]
    for statement, expected in zip(found, case["statements"]):
        for key, value in expected.items():
            assert getattr(statement, key) == value, (key, statement)


# ---------------------------------------------------------------------------------------------
# Documents: pronouns, generic speakers, surnames, quotations that go on

@pytest.mark.parametrize("case", _params("statements_documents.jsonl"))
def test_documents(case):
    found = find_statements(case["text"], [])
    _check_offsets(case["text"], found)
    assert [statement.speaker for statement in found] == case["speakers"]


@pytest.mark.parametrize("case", _params("statements_entities.jsonl"))
def test_documents_with_entities(case):
    """As the pipeline runs it: the entities extractor's people resolve pronouns and roles."""
    found = find_statements(case["text"], find_entities(case["text"]))
    _check_offsets(case["text"], found)
    assert [statement.speaker for statement in found] == case["speakers"]


def test_generic_speaker_keeps_what_is_written():
    text = ("The General Staff of the Ukrainian Armed Forces rejected the claims. "
            "“Our units hold their positions,” officials said.")
    second = find_statements(text, [])[1]
    assert second.speaker == "General Staff of the Ukrainian Armed Forces"
    assert second.speaker_text == "officials"
    assert second.quote and second.cue == "said"


def test_span_covers_quote_and_attribution():
    text = "Calm returned. “We held. We will hold,” the commander said. Night fell."
    [statement] = find_statements(text, [])
    assert statement.text == "“We held. We will hold,” the commander said."


def test_cues_inside_quotations_are_not_attributions():
    text = "“According to our data, the enemy said nothing,” Kim said."
    [statement] = find_statements(text, [])
    assert statement.speaker == "Kim" and statement.cue == "said"


# ---------------------------------------------------------------------------------------------
# Entities give canonical names

def _entity(text, name, canonical, kind):
    start = text.index(name)
    return Entity(text=name, start=start, end=start + len(name), type=kind, canonical=canonical)


def test_entity_canonical_names_the_speaker():
    text = "Valery Gerasimov reported to Putin. Gerasimov claimed 76,000 losses."
    second = text.index("Gerasimov claimed")
    entities = [_entity(text, "Valery Gerasimov", "Valery Gerasimov", "PERSON"),
                Entity("Gerasimov", second, second + 9, "PERSON", "Valery Gerasimov")]
    assert [s.speaker for s in find_statements(text, entities)] == ["Valery Gerasimov"] * 2


def test_entity_canonical_for_an_organisation():
    text = "The General Staff refuted the claims."
    entities = [_entity(text, "General Staff", "General Staff of the Ukrainian Armed Forces", "ORG")]
    [statement] = find_statements(text, entities)
    assert statement.speaker == "General Staff of the Ukrainian Armed Forces"
    assert statement.speaker_text == "General Staff"
    assert statement.stance == "deny"


def test_works_without_entities():
    assert find_statements("Kim said 5 tanks were hit.", [])[0].speaker == "Kim"


# ---------------------------------------------------------------------------------------------
# PolNeAR: the annotated source of a cue is the speaker of the statement around it

@pytest.mark.parametrize("case", _params("statements_polnear.jsonl"))
def test_polnear_sources(case):
    found = find_statements(case["text"], [])
    _check_offsets(case["text"], found)
    around = [s for s in found if s.start <= case["cue_start"] < s.end]
    assert around, "no statement around the cue"
    assert _names_match(around[0].speaker, case["source"]) or _names_match(around[0].speaker_text,
                                                                           case["source"])


# ---------------------------------------------------------------------------------------------
# Hostile and degenerate input: no crash, sane offsets (linear time is checked by hand, not here)

HOSTILE = {
    "empty": "",
    "spaces": " " * 1000,
    "open-quotes": "“" * 20000,
    "straight-quotes": 'a "b ' * 5000,
    "single-quotes": "'a " * 10000,
    "long-line": "word " * 100000,
    "capitalized-run": "Word " * 50000,
    "said-run": "officials said " * 5000,
    "according-run": "according to " * 5000,
    "digits": "1,1," * 20000,
    "periods": ". " * 20000,
    "line-breaks": "\n" * 20000,
    "bold-markers": "** " * 10000,
    "apposition-run": "Kim, " * 20000 + "said.",
    "mixed": "Mr. Kim, the governor, said: “it is " * 2000,
    "many-speakers": " ".join(f"Name{index} Surname{index} said it was fine." for index in range(3000)),
    "many-surnames": " ".join(f"Surname{index} said so. He said more." for index in range(3000)),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input(name):
    text = HOSTILE[name]
    found = find_statements(text, [])
    _check_offsets(text, found)
    assert all(len(statement.text) <= 5000 for statement in found)
