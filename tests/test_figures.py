"""Figures extractor: case tables.

- `cases/figures_cases.jsonl`: our own sentences (news phrasing, daily loss reports, things that are
  not figures), with the fields that matter for each.
- `cases/figures_peer_numbers.jsonl`: Microsoft Recognizers-Text (MIT) English NumberModel,
  PercentModel and NumberRangeModel cases, reshaped from the converted copies in shared/peer: an
  open interval `(30,)` becomes low = high = 30 with bound "min", `(,100]` bound "max". Number cases
  list every number in the text; range cases list only ranges and bounds. Cases outside our
  definition of a figure keep `in_scope: false` and the reason, and are not run.
"""
import json
from pathlib import Path

import pytest

from kursk_cli.extract.figures import find_figures

CASES = Path(__file__).parent / "cases"


def _load(name):
    with open(CASES / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# Peer cases we do not pass yet (known gaps); strict, so that fixing one is noticed.
PEER_GAPS = {
}

# Own cases we do not pass yet.
OWN_GAPS = {
}


def _overlaps(item, figure):
    start = item["start"]
    end = start + len(item["text"])
    return figure.start < end and start < figure.end


def _same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def peer_case_passes(case, figures):
    """Number cases list every number: each must be found and nothing else. Range cases list
    only ranges and bounds: each must be found and no other range or bound reported."""
    used = set()
    for item in case["expected"]:
        found = None
        for index, figure in enumerate(figures):
            if index in used or not _overlaps(item, figure):
                continue
            if _same(figure.low, item["low"]) and _same(figure.high, item["high"]) and \
                    (case["kind"] == "number" or item["bound"] == figure.bound):
                found = index
                break
        if found is None:
            return False
        used.add(found)
    extra = [figure for index, figure in enumerate(figures) if index not in used]
    if case["kind"] == "range":
        extra = [figure for figure in extra if figure.bound or figure.low != figure.high]
    return not extra


def _marks(case_id, gaps):
    return [pytest.mark.xfail(strict=True, reason=gaps[case_id])] if case_id in gaps else []


PEER = [case for case in _load("figures_peer_numbers.jsonl") if case["in_scope"]]


@pytest.mark.parametrize("case", [pytest.param(case, id=case["id"], marks=_marks(case["id"], PEER_GAPS))
                                  for case in PEER])
def test_peer_numbers(case):
    figures = find_figures(case["text"])
    assert peer_case_passes(case, figures), [(f.text, f.low, f.high, f.bound) for f in figures]


OWN = _load("figures_cases.jsonl")


@pytest.mark.parametrize("case", [pytest.param(case, id=case["id"], marks=_marks(case["id"], OWN_GAPS))
                                  for case in OWN])
def test_own_cases(case):
    """Each expected item names the fields to check; `expected: []` means no figure at all."""
    text = case["text"]
    figures = find_figures(text)
    got = [{"text": f.text, "low": f.low, "high": f.high, "approximate": f.approximate, "bound": f.bound,
            "unit": f.unit, "category": f.category, "actor": f.actor, "civilian": f.civilian} for f in figures]
    if not case["expected"]:
        assert got == []
        return
    assert len(got) == len(case["expected"]), got
    for want, have in zip(case["expected"], got):
        for key, value in want.items():
            if key == "text":
                assert want["text"] in have["text"] or have["text"] in want["text"], (want, have)
            else:
                assert have[key] == value, (key, want, have)


def test_offsets_and_order():
    text = "Ukrainian losses amounted to 76,000 military personnel, and between 10,000 and 12,000 DPRK troops."
    figures = find_figures(text)
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    for figure in figures:
        assert text[figure.start:figure.end] == figure.text
        assert figure.value == figure.low
        assert figure.claimant is None


@pytest.mark.parametrize("hostile", [
    pytest.param("1,1," * 20000, id="comma-digits"),
    pytest.param("1" * 200000, id="one-long-number"),
    pytest.param("one two " * 10000, id="number-words"),
    pytest.param("Russia Ukraine " * 10000, id="capitalized-words"),
    pytest.param("tanks ‒ 5 (+1)\n" * 5000, id="report-lines"),
    pytest.param("a " * 50000 + "dozen", id="articles"),
    pytest.param("zero hundred million people. " * 100, id="scale-after-an-empty-hundred"),
])
def test_hostile_input_finishes(hostile):
    """Runs of digits, words and lines must not blow up (the patterns are linear)."""
    figures = find_figures(hostile)
    assert all(hostile[f.start:f.end] == f.text for f in figures)


def test_empty():
    assert find_figures("") == []
    assert find_figures("No numbers here at all.") == []
