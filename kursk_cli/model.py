"""The findings the extractor reports, as frozen dataclasses.

Every finding keeps the text it was read from, its offsets into the document (Python string
indices, `end` exclusive) and its normalized value side by side. `Document.to_dict()` is the JSON
record the CLI prints; its field order is the one the README documents.
"""
from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass
from typing import Optional

SCHEMA_VERSION = "1.0"
KINDS = ("figures", "dates", "entities", "statements")


@dataclass(frozen=True)
class Figure:
    """A count or amount: `76,000 military personnel`, `10,000-12,000 troops`, `five assaults`."""
    text: str
    start: int
    end: int
    value: Optional[float]          # low for a single number; midpoint is not invented for ranges
    low: Optional[float]
    high: Optional[float]
    approximate: bool = False
    bound: Optional[str] = None     # "min", "max" or None
    unit: Optional[str] = None
    category: str = "other"
    actor: Optional[str] = None
    claimant: Optional[str] = None
    civilian: Optional[bool] = None


@dataclass(frozen=True)
class DateMention:
    """A temporal expression with its TIMEX3-style value (`2025-04-26`, `2024-11`, `P5M`)."""
    text: str
    start: int
    end: int
    kind: str                       # date, time, range, duration, set
    value: Optional[str]


@dataclass(frozen=True)
class Entity:
    """A named person, organisation or place, or a nationality adjective."""
    text: str
    start: int
    end: int
    type: str                       # PERSON, ORG, LOC, NORP
    canonical: str


@dataclass(frozen=True)
class Statement:
    """An attributed claim, report, quote or denial, with indexes of the figures inside it."""
    text: str
    start: int
    end: int
    speaker: Optional[str]
    speaker_text: Optional[str]
    cue: Optional[str]
    stance: str = "assert"          # "assert" or "deny"
    quote: bool = False
    figures: tuple = ()


@dataclass(frozen=True)
class Document:
    """Everything found in one document, in text order within each kind."""
    id: str
    source: str
    reference_date: Optional[str] = None
    reference_date_source: Optional[str] = None     # option, field, text or None
    figures: tuple = ()
    dates: tuple = ()
    entities: tuple = ()
    statements: tuple = ()
    kinds: tuple = KINDS

    def to_dict(self) -> dict:
        record = {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "source": self.source,
            "reference_date": self.reference_date,
            "reference_date_source": self.reference_date_source,
        }
        for kind in self.kinds:
            record[kind] = [_item_dict(item) for item in getattr(self, kind)]
        return record


def _item_dict(item) -> dict:
    # Items hold only plain values, so a copy of the instance's attributes is the record
    # (dataclasses.asdict would deep-copy every value and cost more than some extractors);
    # only the fields declared as numbers or tuples need a look.
    record = dict(item.__dict__)
    for name in _fields_to_convert(type(item)):
        value = record[name]
        if isinstance(value, float):
            record[name] = _plain_number(value)
        elif isinstance(value, tuple):
            record[name] = list(value)
    return record


@functools.lru_cache(maxsize=None)
def _fields_to_convert(cls) -> tuple:
    """Fields whose declared type admits a float (76000.0 -> 76000, NaN -> null) or a tuple."""
    return tuple(entry.name for entry in dataclasses.fields(cls)
                 if any(word in str(entry.type) for word in ("float", "tuple", "Tuple")))


def _plain_number(value: float):
    """76000.0 -> 76000 so JSON reads like the text; NaN and infinities never reach JSON."""
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() and abs(value) < 2 ** 53 else value
