"""Reference dates in the forms corpora and people write them (kursk_cli.reference)."""
import datetime

import pytest

from kursk_cli.errors import ArgumentError
from kursk_cli.reference import to_date

READ = [
    ("iso", "2025-04-26", "2025-04-26"),
    ("iso timestamp", "2022-08-01T16:23:25Z", "2022-08-01"),
    ("iso inside words", "crawled 2025-12-23", "2025-12-23"),
    ("slashes, year first", "2022/06/23", "2022-06-23"),
    ("US month first", "1/22/2014 12:00:00 AM", "2014-01-22"),
    ("ambiguous slashes read month first", "02/03/2022", "2022-02-03"),
    ("day first when the day cannot be a month", "26/04/2025", "2025-04-26"),
    ("month name", "April 26, 2025", "2025-04-26"),
    ("day month year", "26 April 2025", "2025-04-26"),
    ("RFC 822 with zone", "Sat, 26 Apr 2025 23:30:00 -0500", "2025-04-26"),
    ("dotted", "26.04.2025", "2025-04-26"),
]

REFUSED = [
    ("relative", "yesterday"),
    ("relative with a number", "3 days ago"),
    ("month and year only", "April 2025"),
    ("year only", "2025"),
    ("impossible iso", "2022-13-45"),
    ("unix timestamp", "1650931200"),
    ("words", "garbage"),
    ("empty", ""),
    ("too long to be a date", "1 " * 200),
]


@pytest.mark.parametrize("value,expected", [case[1:] for case in READ], ids=[case[0] for case in READ])
def test_dates_are_read(value, expected):
    assert to_date(value).isoformat() == expected


@pytest.mark.parametrize("value", [case[1] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_what_names_no_whole_day_is_refused(value):
    with pytest.raises(ArgumentError, match="not a calendar date"):
        to_date(value)


def test_dates_and_datetimes_pass_through():
    assert to_date(datetime.date(2025, 4, 26)) == datetime.date(2025, 4, 26)
    assert to_date(datetime.datetime(2025, 4, 26, 23, 59)) == datetime.date(2025, 4, 26)
