"""parse(): text in, Document out. Pure: no I/O, no click, no rich, no clock.

The steps read like a table of contents: fix the reference date, run the extractors that were
asked for (and those they depend on), then tie figures to the statements that claim them.
"""
from __future__ import annotations

import dataclasses
from typing import Iterable, Iterator, Optional

from .errors import ArgumentError
from .model import KINDS, Document
from .extract import dates as dates_extractor
from .extract import entities as entities_extractor
from .extract import figures as figures_extractor
from .extract import statements as statements_extractor
from . import resolve
from .reference import to_date


def parse(text: str, reference_date=None, kinds: Optional[Iterable[str]] = None, *,
          id: str = "-", source: str = "-", reference_date_source: Optional[str] = None) -> Document:
    """Extract figures, dates, entities and statements from `text`.

    `reference_date` (a date, `YYYY-MM-DD` or another absolute form such as `April 26, 2025`)
    anchors partial and relative dates; without one the text's own dateline or header is used
    when it has one, else such dates stay unresolved.
    `kinds` limits the work and the record to some of "figures", "dates", "entities", "statements".
    """
    wanted = _check_kinds(kinds)
    reference, reference_source = _reference(text, reference_date, reference_date_source)

    # Statements need entities (speakers) and claimants need both figures and statements.
    need_entities = bool({"entities", "statements"} & wanted)
    need_figures = "figures" in wanted
    need_statements = "statements" in wanted or need_figures

    entities = entities_extractor.find_entities(text) if need_entities or need_statements else []
    figures = figures_extractor.find_figures(text) if need_figures else []
    dates = dates_extractor.find_dates(text, reference) if "dates" in wanted else []
    statements = statements_extractor.find_statements(text, entities) if need_statements else []
    figures, statements = resolve.link_claimants(figures, statements)

    found = {"figures": figures, "dates": dates, "entities": entities, "statements": statements}
    return Document(
        id=id, source=source,
        reference_date=reference.isoformat() if reference else None,
        reference_date_source=reference_source if reference else None,
        kinds=tuple(kind for kind in KINDS if kind in wanted),
        **{kind: tuple(found[kind]) if kind in wanted else () for kind in KINDS},
    )


def parse_chunks(chunks, reference_date=None, kinds=None, *, id: str = "-", source: str = "-",
                 reference_date_source: Optional[str] = None) -> Document:
    """Parse a huge text given as (offset, text) pieces into one Document with whole-text offsets."""
    found = {kind: [] for kind in KINDS}
    document = None
    for document in parse_pieces(chunks, reference_date, kinds, id=id, source=source,
                                 reference_date_source=reference_date_source):
        for kind in document.kinds:
            found[kind].extend(getattr(document, kind))
    if document is None:
        return parse("", reference_date, kinds, id=id, source=source,
                     reference_date_source=reference_date_source)
    return dataclasses.replace(document, **{kind: tuple(found[kind]) for kind in document.kinds})


def parse_pieces(chunks, reference_date=None, kinds=None, *, id: str = "-", source: str = "-",
                 reference_date_source: Optional[str] = None) -> Iterator[Document]:
    """One Document per (offset, text) piece of a huge text, its offsets counted from the start.

    Each piece is parsed alone (names are made canonical within a piece), and a statement's
    figure indexes count the figures of the pieces before it, so the pieces' findings can be
    written one after another without ever holding the whole text or all findings in memory.
    The reference date a dateline gives in the first piece holds for the rest.
    """
    figures_before = 0
    for offset, piece in chunks:
        document = parse(piece, reference_date, kinds, id=id, source=source,
                         reference_date_source=reference_date_source)
        if document.reference_date and reference_date is None:
            reference_date, reference_date_source = document.reference_date, document.reference_date_source
        moved = {kind: tuple(_moved(item, offset, figures_before) for item in getattr(document, kind))
                 for kind in document.kinds}
        figures_before += len(document.figures)
        yield dataclasses.replace(document, **moved)


def _moved(item, offset: int, figures_before: int):
    """`item` found in a piece that starts at `offset`, after `figures_before` earlier figures."""
    fields = dict(vars(item), start=item.start + offset, end=item.end + offset)
    if "figures" in fields:     # a statement's indexes into the document's figures
        fields["figures"] = tuple(index + figures_before for index in item.figures)
    return type(item)(**fields)   # not dataclasses.replace: it checks every field, a third of the cost


def _check_kinds(kinds) -> set:
    if kinds is None:
        return set(KINDS)
    if isinstance(kinds, str):          # "figures,dates" as the CLI's --only takes it
        kinds = [kind.strip() for kind in kinds.split(",") if kind.strip()]
    wanted = set(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ArgumentError(f"unknown kind(s): {', '.join(sorted(unknown))}; choose from {', '.join(KINDS)}")
    return wanted


def _reference(text, reference_date, reference_date_source):
    if reference_date is not None:
        return to_date(reference_date), reference_date_source or "option"
    found = dates_extractor.find_reference_date(text)
    return (found, "text") if found else (None, None)
