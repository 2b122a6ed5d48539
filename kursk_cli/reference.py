"""Reference dates as people and corpora write them: `2022-08-01T16:23:25Z`, `2022/06/23`,
`April 26, 2025`, `1/22/2014 12:00:00 AM`, `Sat, 26 Apr 2025 23:30:00 -0500`.

A reference date anchors a document's partial and relative dates, so it must be a whole,
absolute calendar day: `yesterday`, `April 2025` or `2025` are refused, never completed from
today's date. An ISO date anywhere in the value is read directly; any other form goes to
dateparser (English, absolute forms only), which knows far more layouts than a list of our own
formats would, and whose answers are cached because a corpus repeats the same few dates.
Numeric dates with slashes read month first (`02/03/2022` is 3 February), as in US feeds.
"""
from __future__ import annotations

import datetime
import functools
import re

from .errors import ArgumentError

ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
LONGEST_DATE_FIELD = 100    # longer values are not dates; dateparser is not asked


def to_date(value) -> datetime.date:
    """`value` (a date, a datetime or a string) as a date; ArgumentError if it names no whole day."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    found = _parse(str(value).strip())
    if found is None:
        raise ArgumentError(f"{str(value)[:40]!r} is not a calendar date "
                            "(e.g. 2025-04-26 or April 26, 2025)")
    return found


@functools.lru_cache(maxsize=4096)
def _parse(value: str):
    match = ISO_DATE.search(value)
    if match:
        try:
            return datetime.date(*map(int, match.groups()))
        except ValueError:
            return None
    if not value or len(value) > LONGEST_DATE_FIELD or not any(char.isdigit() for char in value):
        return None
    import dateparser   # about 0.1 s to import; only corpora with non-ISO dates pay it

    found = dateparser.parse(value, languages=["en"], settings={
        "PARSERS": ["absolute-time"],                 # no `yesterday`, no Unix timestamps
        "REQUIRE_PARTS": ["day", "month", "year"],    # no day or year filled in from today
        "STRICT_PARSING": True,
        "RETURN_AS_TIMEZONE_AWARE": False,
    })
    return found.date() if found else None
