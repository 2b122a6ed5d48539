"""Ties mentions together: every figure stated inside a statement takes its speaker as claimant.

A figure inside two statements (one nested in the other) takes the innermost, the shortest. Each
statement lists its figures by index into the figure list. Figures are frozen, so the linked ones
are new copies (`dataclasses.replace`).
"""
from __future__ import annotations

import bisect
import dataclasses

NESTING = 16     # statements checked backwards from a figure; ours never nest deeper than this


def link_claimants(figures, statements):
    """Return (figures with claimants, statements with the indexes of their figures)."""
    figures = list(figures)
    statements = sorted(statements, key=lambda statement: (statement.start, statement.end))
    starts = [statement.start for statement in statements]
    members = [[] for _ in statements]
    linked = []
    for index, figure in enumerate(figures):
        owner = _owner(figure, statements, starts)
        if owner is None:
            linked.append(figure)
            continue
        members[owner].append(index)
        speaker = statements[owner].speaker
        linked.append(dataclasses.replace(figure, claimant=speaker) if speaker else figure)
    statements = [dataclasses.replace(statement, figures=tuple(found)) if found or statement.figures
                  else statement for statement, found in zip(statements, members)]
    return linked, statements


def _owner(figure, statements, starts):
    """Index of the shortest statement that holds the figure, else of one it overlaps, else None."""
    best = None
    overlapping = None
    position = bisect.bisect_right(starts, figure.start) - 1
    for index in range(position, max(-1, position - NESTING), -1):
        statement = statements[index]
        if statement.start <= figure.start and figure.end <= statement.end:
            if best is None or statement.end - statement.start < statements[best].end - statements[best].start:
                best = index
        elif statement.end > figure.start and overlapping is None:
            overlapping = index
    if best is None and position + 1 < len(statements) and statements[position + 1].start < figure.end:
        overlapping = position + 1 if overlapping is None else overlapping
    return best if best is not None else overlapping
