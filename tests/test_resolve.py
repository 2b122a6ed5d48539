"""Claimant linking: figures inside a statement take its speaker; statements list their figures."""
import dataclasses

import pytest

from kursk_cli.model import Figure, Statement
from kursk_cli.resolve import link_claimants

TEXT = ("North Korea reportedly sent 10,000 troops. Gerasimov claimed 76,000 losses. "
        "“Five assaults were repelled,” officials said.")


def _figure(text, start, end=None, claimant=None):
    end = end if end is not None else start + len(text)
    return Figure(text=text, start=start, end=end, value=1.0, low=1.0, high=1.0, claimant=claimant)


def _statement(start, end, speaker="Valery Gerasimov"):
    return Statement(text="x" * (end - start), start=start, end=end, speaker=speaker,
                     speaker_text=speaker, cue="said")


def _at(needle):
    start = TEXT.index(needle)
    return start, start + len(needle)


def test_figure_inside_statement_takes_speaker():
    start, end = _at("76,000")
    sentence = _at("Gerasimov claimed 76,000 losses.")
    figures, statements = link_claimants([_figure("76,000", start)], [_statement(*sentence)])
    assert figures[0].claimant == "Valery Gerasimov"
    assert statements[0].figures == (0,)


def test_figure_outside_statements_keeps_no_claimant():
    start, _ = _at("10,000")
    sentence = _at("Gerasimov claimed 76,000 losses.")
    figures, statements = link_claimants([_figure("10,000", start)], [_statement(*sentence)])
    assert figures[0].claimant is None
    assert statements[0].figures == ()


def test_figures_are_indexed_in_the_figure_list():
    reported = _figure("10,000", _at("10,000")[0])
    claimed = _figure("76,000", _at("76,000")[0])
    five = _figure("Five", _at("Five")[0])
    statements = [_statement(*_at("Gerasimov claimed 76,000 losses.")),
                  _statement(*_at("“Five assaults were repelled,” officials said."), speaker="officials")]
    figures, statements = link_claimants([reported, claimed, five], statements)
    assert [figure.claimant for figure in figures] == [None, "Valery Gerasimov", "officials"]
    assert [statement.figures for statement in statements] == [(1,), (2,)]


@pytest.mark.parametrize("outer_first", [True, False], ids=["outer-first", "inner-first"])
def test_innermost_statement_wins(outer_first):
    outer = _statement(0, 100, speaker="Reuters")
    inner = _statement(20, 60, speaker="Kim")
    figure = _figure("40", 30)
    statements = [outer, inner] if outer_first else [inner, outer]
    figures, linked = link_claimants([figure], statements)
    assert figures[0].claimant == "Kim"
    by_speaker = {statement.speaker: statement.figures for statement in linked}
    assert by_speaker == {"Kim": (0,), "Reuters": ()}


def test_statement_without_speaker_leaves_claimant_alone():
    figures, statements = link_claimants([_figure("5", 3)], [_statement(0, 10, speaker=None)])
    assert figures[0].claimant is None
    assert statements[0].figures == (0,)


def test_inputs_are_not_mutated_and_outputs_are_frozen_copies():
    figure = _figure("5", 3)
    statement = _statement(0, 10)
    figures, statements = link_claimants((figure,), (statement,))
    assert figure.claimant is None and statement.figures == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        figures[0].claimant = "someone"


def test_empty():
    assert link_claimants([], []) == ([], [])
    figure = _figure("5", 3)
    assert link_claimants([figure], []) == ([figure], [])


def test_figure_straddling_a_statement_edge_takes_the_overlapping_one():
    figures, _ = link_claimants([_figure("10-12", 8, 13)], [_statement(0, 10, speaker="Kim")])
    assert figures[0].claimant == "Kim"


def test_many_figures_and_statements_link_in_order():
    statements = [_statement(index * 100, index * 100 + 90, speaker=f"S{index}") for index in range(500)]
    figures = [_figure("7", index * 100 + 50) for index in range(500)]
    linked, statements = link_claimants(figures, statements)
    assert [figure.claimant for figure in linked] == [f"S{index}" for index in range(500)]
    assert all(statement.figures == (index,) for index, statement in enumerate(statements))
