"""Dates: find temporal expressions and write each as a TIMEX3-style value.

A grammar built once from the word lists in `data/dates.json` finds the candidates: full and
partial dates, times of day, weekdays, relative and vague expressions, durations and sets. The
text is lowercased (offsets kept) and the grammar is tried only at the word starts just before a
trigger word (a month, a unit, a digit...), each start once, so the scan stays linear and fast.
Each grammar rule has a small normalizer that checks the context (capitalized month names, years
that are really figures) and resolves the value against the reference date the way a reader on
the publication day would: partial dates fall nearest that day with a bias to the past unless the
sentence speaks of the future, weekdays fall on or before it, `last week` is the ISO week before,
a time of day takes the date its sentence names. Adjacent dates joined by `to`/`and` become
ranges. Without a reference date relative values stay unresolved (`XXXX-04-26`, `XXXX-WXX-1`).

dateparser is not used: at about 1 ms a phrase it would be the slowest step of the pipeline, and
it loses the granularity the values need (`November 2024` gets a day, `last week` a date).
The standard library does the date arithmetic; no clock is ever read.
"""
from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..data import load
from ..model import DateMention
from .trie import trie

# Phrase lists join their words with this: a space, a no-break space or a line break or two.
_GAP = r"\s{1,3}"
_GAP0 = r"\s{0,3}"     # the same, or none (`2pm`, `mid-November`)
_HYPHENS = "\u2010\u2011\u2012\u2013\\-"     # for character classes: the dashes a compound word uses


def _alternation(words) -> str:
    """A non-capturing alternation of lowercased `words` as a prefix tree
    (`j(?:an(?:uary)?|u(?:ly|ne))`); a space matches any short gap."""
    return "(?:" + trie({word.lower() for word in words}, gap=_GAP) + ")"


@dataclass
class _Item:
    """A mention on its way out: DateMention fields plus what later passes need to know."""
    start: int
    end: int
    kind: str
    value: Optional[str]
    day: Optional[datetime.date] = None     # the day it names, when it names exactly one
    explicit_year: bool = False
    default_day: bool = False               # a time of day whose date was not in the text
    rangeable: bool = False                 # may be one end of a range


class _CompiledOnUse:
    """A pattern of `_Grammar.sources`, compiled when first read and then kept on the instance.

    Unlike `__getattr__` on the class, this leaves the grammar's other attributes on Python's
    fast path of attribute look-up, which the scan loop and the normalizers use all the time."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, grammar, owner=None):
        if grammar is None:
            return self
        pattern = re.compile(*grammar.sources[self.name])
        grammar.__dict__[self.name] = pattern      # found before this descriptor from now on
        return pattern


class _Grammar:
    """Every pattern the module uses, compiled once on first use (see `_grammar`); those that
    read a matched span, when a normalizer first asks for them."""

    def __init__(self):
        data = load("dates.json")
        self._read_tables(data)
        events = _event_words(data)
        self.events = events.table
        pieces = _Pieces(data, self, events)
        # The alternatives, most specific first: at one position the first that matches wins, so
        # the order of the groups, and of the rules inside each, is part of the grammar.
        rules = (_day_rules(pieces) + _clock_and_era_rules(pieces) + _reporting_period_rules(pieces)
                 + _relative_rules(pieces) + _repetition_and_span_rules(pieces) + _named_time_rules(pieces)
                 + _bare_year_and_month_rules(pieces))
        self.rule_names = [name for name, _ in rules]
        triggers = _trigger_words(data, self, events)
        self.trigger = _trigger_pattern(triggers)
        self.word_start = _word_start_pattern(triggers | _lead_words(data, self, events))
        # Matched against the lowercased text (same offsets); normalizers read the original. A
        # start with a digit only tries the rules that can begin with one, and a start with a
        # letter only the others (see `_fenced_rules`). One pattern for both kinds of start
        # compiles the rules they share once: two patterns took half as long again to build,
        # and compiling is most of what a fresh process pays on its first call.
        self.scanner = re.compile(r"(?<![\w])(?:" + _fenced_rules(rules) + ")")
        # Pieces the normalizers read back out of a matched span: compiled on first use (see
        # `_CompiledOnUse`), as a short document needs few of them.
        self.sources = _read_back_sources(pieces)

    def _read_tables(self, data):
        """The word tables the normalizers look names up in, keyed by lowercased name."""
        self.months = {name.lower(): number for name, number in data["months"].items()}
        self.months.update({name.lower(): number for name, number in data["month_abbreviations"].items()})
        self.weekdays = {name.lower(): number for name, number in data["weekdays"].items()}
        self.weekdays.update({name.lower(): number for name, number in data["weekday_abbreviations"].items()})
        self.seasons = {name: tuple(code) for name, code in data["seasons"].items()}
        self.parts_of_day = data["parts_of_day"]
        self.numbers = data["number_words"]
        self.units = {name: tuple(code) for name, code in data["units"].items()}
        self.unit_plurals = data["unit_plurals"]
        self.set_adverbs = data["set_adverbs"]
        # typographic apostrophes are read as plain ones (`New Year’s Day`)
        self.holidays = {name.lower().replace("’", "'"): tuple(day)
                         for name, day in data["fixed_holidays"].items()}
        self.moving_holidays = {name.lower().replace("’", "'"): rule
                                for name, rule in data["moving_holidays"].items()}
        self.vague = {}
        for token, key in (("PRESENT_REF", "present_ref"), ("PAST_REF", "past_ref"), ("FUTURE_REF", "future_ref")):
            self.vague.update({phrase.lower(): token for phrase in data[key]})
        self.year_blockers = set(data["year_blockers"])
        self.someday_before = set(data["someday_before"])
        self.decade_words = data["decade_words"]
        self.year_label_blockers = set(data["year_label_blockers"])
        self.speech_verbs = set(data["speech_verbs"])
        self.deadline_prepositions = set(data["deadline_prepositions"])
        self.past_auxiliaries = set(data["past_auxiliaries"])
        self.named_day_words = set(data["named_day_words"])
        self.verbs_in_s = set(data["verbs_in_s"])
        self.irregular_past_verbs = set(data["irregular_past_verbs"])

    # One attribute per entry of `sources` (checked in `_grammar`).
    month_word = _CompiledOnUse()
    month_full_word = _CompiledOnUse()
    weekday_word = _CompiledOnUse()
    day_number = _CompiledOnUse()
    number = _CompiledOnUse()
    unit_word = _CompiledOnUse()
    part_of_day_word = _CompiledOnUse()
    season_word = _CompiledOnUse()
    clock_parts = _CompiledOnUse()
    ordinal = _CompiledOnUse()
    range_joint = _CompiledOnUse()
    range_opening = _CompiledOnUse()
    sentence_break = _CompiledOnUse()
    word_before = _CompiledOnUse()
    word_after = _CompiledOnUse()
    future_cues = _CompiledOnUse()


@dataclass
class _EventWords:
    """The dated events of `dates.json` (`since the war began`), as the grammar needs them."""
    phrases: list           # name the event alone or after `since` (`the start of the invasion`)
    since_phrases: list     # name it only after `since` (`since the invasion`)
    scan_words: set         # one of them is in every phrase: the scan's triggers
    table: list             # per event: (lowercased phrases, date, not_before, object), for `_event`


def _event_words(data) -> _EventWords:
    events = _EventWords([], [], set(), [])
    for event in data["events"].values():
        events.phrases.extend(event["phrases"])
        events.since_phrases.extend(event["since_phrases"])
        events.scan_words.update(event["scan_words"])
        # every phrase must hold one of its event's scan words, or it would never be found
        assert all(set(phrase.lower().split()) & set(event["scan_words"])
                   for phrase in event["phrases"] + event["since_phrases"])
        events.table.append((
            [phrase.lower().replace("’", "'") for phrase in event["phrases"] + event["since_phrases"]],
            datetime.date.fromisoformat(event["date"]),
            datetime.date.fromisoformat(event["not_before"]),
            event["object"],
        ))
    return events


class _Pieces:
    """The building blocks the rules share, as pattern strings over lowercased text."""

    def __init__(self, data, tables, events):
        self._calendar_names(data, tables)
        self._numbers(data, tables)
        self._units(tables)
        self._modifiers()
        self._clock(data)
        self.event_phrase = _alternation(events.phrases)
        self.since_phrase = _alternation(events.since_phrases)
        self.vague = _alternation(tables.vague)
        self.future_cue = r"(?<![\w'’])" + _alternation(data["future_cues"]) + r"(?![\w])"

    def _calendar_names(self, data, tables):
        """Months, weekdays, seasons, parts of the day, decades and holidays by name."""
        self.month_full = _alternation(data["months"])
        month_abbreviation = _alternation(data["month_abbreviations"])
        # `Feb.14`: an abbreviation's period may run straight into the day
        self.month = (rf"(?:(?:{self.month_full}|{month_abbreviation}\.?)(?![\w])"
                      rf"|{month_abbreviation}\.(?=\d))")
        self.weekday_full = _alternation(data["weekdays"])
        self.weekday_any = rf"(?:{self.weekday_full}|{_alternation(data['weekday_abbreviations'])}\.?)(?![\w])"
        self.season = _alternation(tables.seasons)
        self.part_of_day = _alternation(["morning", "afternoon", "evening", "night"])
        self.decade_word = _alternation(data["decade_words"])
        self.holiday = _alternation(list(data["fixed_holidays"]) + list(data["moving_holidays"]))

    def _numbers(self, data, tables):
        """Days, years and counts, in digits and in words."""
        self.day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w]|[.,:]\d)"
        # a year is not followed by more digits (`2025.5`), save a footnote mark (`in 2025.33 Due`:
        # the scan sees lowercase, so `_year_context_ok` checks the capital)
        self.year = r"(?:1[6-9]\d\d|20\d\d)(?![\w]|,\d|\.\d(?!\d{0,2}\s{1,3}[a-z]))"
        number_word = _alternation(list(tables.numbers) + data["vague_numbers"])
        tens = _alternation(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
        ones = _alternation(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
        # a year said in words: `nineteen ninety-six`, `eighteen twelve`, `nineteen oh five`
        teen = _alternation(["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                             "seventeen", "eighteen", "nineteen"])
        self.spelled_year = (rf"(?:nineteen|eighteen){_GAP}(?:{tens}(?:[{_HYPHENS}\s]{ones})?|{teen}"
                             rf"|(?:oh|o){_GAP}{ones}|hundred)(?![\w{_HYPHENS}])")
        # `the year two thousand`, `the year two thousand and one`: never without `the year`, where
        # it would be a figure
        self.thousand_year = (rf"two{_GAP}thousand(?:{_GAP}(?:and{_GAP})?(?:{tens}(?:[{_HYPHENS}\s]{ones})?"
                              rf"|{teen}|{ones}))?(?![\w{_HYPHENS}])")
        self.number = (rf"(?:(?<![\d.,])\d{{1,3}}(?:,\d{{3}}){{0,2}}(?:\.\d{{1,2}})?(?![\d])"
                       rf"|{tens}[{_HYPHENS}\s]{ones}|{number_word})(?![\w])")

    def _units(self, tables):
        """Units of time, and the counts of them a duration or an `ago` starts with."""
        self.unit_singular = _alternation(tables.units)
        self.unit_any = _alternation(list(tables.units) + list(tables.unit_plurals))
        self.unit_plural = _alternation(tables.unit_plurals)
        self.set_adverb = _alternation(tables.set_adverbs)
        # A four-digit number counts units only before a plural one (`1461 days`, `2000 years
        # ago`): before anything else it is a year (`the 2024 year`, `2024 budget`).
        # After `in`, `since`, `by` such a number is still the year (`in 2024 months of talks`).
        # (The look-ahead for four digits comes first: most numbers fail it at once.)
        self.count = (rf"(?:{self.number}|(?=\d{{4}}\s)(?<![\d.,])(?<!\bin )(?<!\bsince )(?<!\bby )(?<!\buntil )"
                      rf"\d{{4}}(?={_GAP}(?:more{_GAP}|full{_GAP}|long{_GAP})?{self.unit_plural}(?![\w])))")

    def _modifiers(self):
        """The words before a head word that say which one is meant (`last`, `the past`, `early`)."""
        self.hyphen = hyphen = f"[{_HYPHENS}]"
        self.quarter_modifier = (rf"(?:comparable|same|latest|last|past|previous|current|fiscal|"
                                 rf"year{hyphen}ago|year{hyphen}earlier|this|next)")
        self.weekday_modifier = (rf"(?:last|next|this{_GAP}past|this{_GAP}coming|this|early|late|overnight|"
                                 rf"earlier|later|every{_GAP}other|every|each|previous|following|coming)")
        self.unit_modifier = r"(?:past|previous|following|preceding|coming|current|same|full)"
        self.duration_modifier = (r"(?:past|last|next|coming|first|previous|following|latest|final|remaining|"
                                  r"initial|same|recent|further|additional)")
        self.plural_modifier = (r"(?:past|last|next|coming|first|previous|following|recent|early|initial|final"
                                r"|many|few|several)")
        self.day_part_word = r"(?:day|week|month|year|morning|afternoon|evening|night)"
        self.of_edge = rf"(?:the{_GAP})?(?:end|start|beginning|middle|close){_GAP}of"
        self.day_joint = rf"(?:{_GAP0}[{_HYPHENS}]{_GAP0}|{_GAP}(?:to|through|until|till|and){_GAP})"

    def _clock(self, data):
        """What may follow a time of day: a zone, or (after a full date) a 24-hour stamp."""
        self.time_zone = _alternation(data["time_zones"])
        self.zone = rf"(?:{_GAP}(?:{self.time_zone}(?![\w])|local{_GAP}time|[a-z]{{3,16}}{_GAP}time))"
        # a 24-hour time right after a full date (`2 May 2022 05.42`; see `_full_item`)
        self.stamp = r"(?:[01]\d|2[0-3])[.:][0-5]\d(?![\w%]|[.,:]\d)"


# The rules, group by group in the order `_Grammar` tries them; each is (name, pattern), the name
# that of its normalizer in `_NORMALIZERS`.

def _day_rules(pieces) -> list:
    """Dates written out: a spelled year, ISO, an event's day, day ranges, full and numeric dates."""
    month, day, year, hyphen = pieces.month, pieces.day, pieces.year, pieces.hyphen
    return [
        # nineteen ninety-six, the year two thousand, January nineteen ninety-seven
        ("spelled_year", rf"(?:(?:the{_GAP})?(?:{pieces.season}{_GAP}of{_GAP}|{pieces.month_full}{_GAP}(?:of{_GAP})?))?"
                         rf"(?:(?:the{_GAP}year{_GAP})?{pieces.spelled_year}"
                         rf"|the{_GAP}year{_GAP}{pieces.thousand_year})"),
        # 2025-04-26, 2022-05-11 06:00:00, 2026-02-28T02:35:33.589055+00:00
        ("iso", rf"(?<![\w{_HYPHENS}.])\d{{4}}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
                rf"(?:[t ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{{1,9}})?(?:[+-]\d\d:?\d\d)?)?z?)?"
                rf"(?![\w]|[{_HYPHENS}.]\d)"),
        # since the war began, the start of the full-scale invasion; since the invasion (a
        # phrase that names the event only after `since`)
        ("event", rf"(?:since{_GAP})?{pieces.event_phrase}(?![\w])"
                  rf"|since{_GAP}{pieces.since_phrase}(?![\w{_HYPHENS}])"),
        # 24-26 April 2022, February 20 to 21, 2026 (`and` is read in `_day_range`); the second
        # day is not a month's (`February 20 to March 3` is joined later). TimeBank leaves `the
        # night of` out of the mention, and so do we.
        ("day_range", rf"(?<![\w.,]){day}{pieces.day_joint}{day}{_GAP}{month}(?:,?{_GAP}{year})?"
                      rf"|{month}{_GAP}{day}{pieces.day_joint}{day}(?!{_GAP}{month})(?:,?{_GAP}{year})?"),
        # Tuesday, Feb. 3, 2026; the 26th of April 2025; 26 April; April 26; 27 Jul 2022 16.03
        # (a live report's time stamp)
        ("full", rf"(?:{pieces.weekday_any},?{_GAP})?(?:the{_GAP})?(?<![\w.,$£€]){day}(?:{_GAP}of)?(?:{_GAP}|{hyphen}){month}"
                 rf"(?:{_GAP0},?{_GAP}{year}(?:{_GAP}{pieces.stamp})?|{hyphen}{year})?"
                 # (`Feb.14 2026`: an abbreviation's period may stand for the space)
                 rf"|(?:{pieces.weekday_any},?{_GAP})?{month}(?:{_GAP}|(?<=\.)){day}(?:{_GAP0},?{_GAP}{year})?"),
        # November 2024, mid-November 2024, January of 2025
        ("month_year", rf"(?:(?:early|late|mid){_GAP0}{hyphen}?)?{month},?{_GAP}(?:of{_GAP})?{year}"),
        # 24.02.2022, 24.02.2022 14:55, 04/26/2025, 24.02 (checked in context)
        # (`1.5 years` is a span: a unit after the number leaves it to `duration`)
        ("numeric", rf"(?<![\w.,/])(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])(?:\.\d{{4}}(?:{_GAP}{pieces.stamp})?)?"
                    rf"(?![\w]|[.,/]\d)"
                    rf"(?!{_GAP}{pieces.unit_any}(?![\w]))"
                    r"|(?<![\w.,/])(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])/\d{4}(?![\w]|[.,/]\d)"
                    r"|(?<![\w.,/])(?:1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])/\d{4}(?![\w]|[.,/]\d)"),
    ]


def _clock_and_era_rules(pieces) -> list:
    """Times of day, and the long stretches: decades and centuries."""
    return [
        # 3:00 pm local time, 2pm, 11am GMT, 10.45 BST, 06:00 Kyiv time
        ("clock", rf"(?<![\w.,:])(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?{_GAP0}(?:a\.m\.|p\.m\.|am|pm)(?![\w]){pieces.zone}?"
                  rf"|(?<![\w.,:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\w]|[.:,]\d){pieces.zone}?(?:{_GAP}hours)?"
                  # 0800 GMT, 1430Z: the military way, only with its zone (alone it is a figure or a year)
                  rf"|(?<![\w.,:])(?:[01]\d|2[0-3])[0-5]\d(?:{_GAP}{pieces.time_zone}|z)(?![\w])"
                  rf"|(?<![\w])(?:noon|midday|midnight)(?![\w])"),
        # the 1990s, the early 2000s, the '90s
        ("decade", rf"(?:the{_GAP})?(?:(?:early|mid|late){pieces.hyphen}?{_GAP0})?"
                   rf"(?:(?<![\w.,])1[0-9]\d0s|(?<![\w.,])20\d0s|['’]\d0s)(?![\w])"
                   rf"|the{_GAP}(?:(?:early|mid|late){pieces.hyphen}?{_GAP0})?{pieces.decade_word}(?![\w])"),
        # the 20th century
        ("century", rf"(?:the{_GAP})?(?<![\w.,])(?:[12]?\d)(?:st|nd|rd|th){_GAP}century(?![\w])"),
    ]


def _reporting_period_rules(pieces) -> list:
    """The periods company and budget reports count in: the period, quarters, halves, fiscal years."""
    year, hyphen = pieces.year, pieces.hyphen
    return [
        # the latest period, the year-earlier period, year-ago (read against the quarter reported)
        ("period", rf"(?:the{_GAP})?(?:latest|comparable|corresponding|same|current|{year}){_GAP}period(?![\w])"
                   rf"|(?:the{_GAP})?year{hyphen}(?:earlier|ago)(?:{_GAP}period)?(?![\w{_HYPHENS}])"),
        # third-quarter, the fourth quarter of 1989, the final quarter of last year, the latest
        # quarter, Q3 2024
        ("quarter", rf"(?:(?:the|(?:last|this|next){_GAP}year['’]s){_GAP})?(?:{pieces.quarter_modifier}{_GAP}){{0,2}}"
                    rf"(?:{year}{_GAP})?(?:(?:first|second|third|fourth|final|1st|2nd|3rd|4th)(?:{_GAP}|{hyphen}))?"
                    rf"(?:fiscal{_GAP})?quarter(?![\w{_HYPHENS}])"
                    rf"(?:{_GAP}of{_GAP}(?:(?:fiscal{_GAP})?{year}|(?:last|this|next){_GAP}year(?![\w])))?"
                    rf"|(?<![\w])q[1-4](?:{_GAP}{year})?(?![\w])"),
        # the first half of 2024
        ("half", rf"(?:the{_GAP})?(?:first|second|last|latter){_GAP}half"
                 rf"(?:{_GAP}of{_GAP}(?:{year}|the{_GAP}year))?(?![\w])"
                 rf"|(?<![\w])h[12]{_GAP}{year}"),
        # fiscal 1989, the current fiscal year
        ("fiscal", rf"fiscal{_GAP}(?:year{_GAP})?{year}"
                   rf"|(?:the{_GAP})?(?:current|latest|last|next|this){_GAP}fiscal{_GAP}year(?![\w])"
                   rf"|the{_GAP}fiscal{_GAP}year(?![\w])"),
    ]


def _relative_rules(pieces) -> list:
    """Times read from the publication day: seasons, `ago`, yesterday, weekdays, `last week`."""
    hyphen, part_of_day = pieces.hyphen, pieces.part_of_day
    return [
        # this summer, last fall, spring 2025, the summer of 2022
        # `the` only first: in `to last the winter` the season is `the winter` (`last` is a verb)
        ("season", rf"(?:the{_GAP})?(?:(?:this|last|next|early|late|mid|this{_GAP}past|this{_GAP}coming|coming"
                   rf"|upcoming){_GAP0}{hyphen}?{_GAP0}){{0,2}}"
                   rf"{pieces.season}(?:{_GAP}(?:of{_GAP})?{pieces.year})?(?![\w])"),
        # two days ago, a year earlier, a week or so ago
        ("ago", rf"(?:(?:about|around|some|nearly|almost|more{_GAP}than|over|just|only|less{_GAP}than|roughly|barely)"
                rf"{_GAP})?{pieces.count}{_GAP}{pieces.unit_any}(?:{_GAP}or{_GAP}so)?{_GAP}"
                rf"(?:ago|earlier|later|previously|before{_GAP}that|after{_GAP}that)(?![\w])"),
        # the day before yesterday, yesterday morning, tonight, late yesterday
        ("relative_day", rf"(?:(?:early|late|later|earlier){_GAP})?"
                         rf"(?:the{_GAP}day{_GAP}before{_GAP}yesterday|the{_GAP}day{_GAP}after{_GAP}tomorrow"
                         rf"|yesterday|today|tonight|tomorrow)(?:{_GAP}{part_of_day})?(?![\w])"
                         rf"|(?:this|last|tomorrow|yesterday){_GAP}{part_of_day}(?![\w])"
                         # mid-afternoon, mid-morning yesterday
                         rf"|mid{hyphen}?{_GAP0}(?:morning|afternoon|evening)"
                         rf"(?:{_GAP}(?:yesterday|today|tomorrow))?(?![\w])"),
        # last Friday, on Monday, Saturday night, overnight Saturday, early Monday
        ("weekday", rf"(?:{pieces.weekday_modifier}{_GAP})?"
                    rf"{pieces.weekday_full}(?:['’]s)?(?:{_GAP}{part_of_day})?(?![\w])"),
        # earlier this month, last week, the end of the year, later this week, the past year
        ("relative_unit", rf"(?:(?:the{_GAP})?(?:end|start|beginning|middle|close|turn){_GAP}of{_GAP}"
                          rf"|(?:earlier|later|early|late){_GAP}(?:in{_GAP})?)?"
                          rf"(?:(?:the{_GAP})?{pieces.unit_modifier}{_GAP}|this{_GAP}past{_GAP}|this{_GAP}"
                          rf"|last{_GAP}|next{_GAP}|the{_GAP})"
                          rf"(?:week|weekend|month|year|decade|century)(?![\w{_HYPHENS}])"
                          rf"|year['’]s{_GAP}end(?![\w])|year(?:{hyphen}|{_GAP})end(?![\w{_HYPHENS}])"
                          rf"|(?:the{_GAP})?weekend(?![\w])"
                          rf"|(?:the{_GAP})?past{_GAP}day(?![\w])"),
    ]


def _repetition_and_span_rules(pieces) -> list:
    """How often (`every day`) and how long (`five months`, `recent weeks`)."""
    hyphen, number, unit_any = pieces.hyphen, pieces.number, pieces.unit_any
    return [
        # every day, every two weeks, each month, per month, twice a day, daily
        ("set", rf"(?:every|each|per){_GAP}(?:other{_GAP}|single{_GAP})?(?:{number}{_GAP})?{unit_any}(?![\w])"
                rf"|(?:once|twice|{number}{_GAP}times){_GAP}(?:a|an|per){_GAP}{pieces.unit_singular}(?![\w])"
                rf"|{pieces.set_adverb}(?![\w])"),
        # five months, the past 24 hours, four-month, two more months, the nine months, a
        # ten-day-long truce, a day-long siege
        ("duration", rf"(?:the{_GAP})?(?:{pieces.duration_modifier}{_GAP})?"
                     rf"{pieces.count}(?:{_GAP}and{_GAP}a{_GAP}half|{hyphen}and{hyphen}a{hyphen}half|{_GAP}1/2)?"
                     rf"(?:{_GAP}(?:more|other|additional|full|long|straight|consecutive|trading|business|working)"
                     rf"{_GAP}|{_GAP}|{hyphen})"
                     rf"{unit_any}(?:{hyphen}long)?(?![\w]|{hyphen}[a-z])"
                     rf"(?!{_GAP}old(?![\w]))(?:{_GAP}and{_GAP}a{_GAP}half)?"
                     rf"|half{_GAP}an?{_GAP}{pieces.unit_singular}(?![\w])"
                     rf"|(?<![\w{_HYPHENS}]){pieces.unit_singular}{hyphen}long(?![\w{_HYPHENS}])"),
        # days, the coming weeks, recent months (checked in context)
        ("vague_duration", rf"(?:the{_GAP})?(?:{pieces.plural_modifier}{_GAP})?{pieces.unit_plural}"
                           rf"(?![\w]|{hyphen}old)(?:{_GAP}ahead(?![\w])|{hyphen}long(?![\w]))?"),
    ]


def _named_time_rules(pieces) -> list:
    """Times named by a word, not a number: `the same day`, holidays, `now`, `overnight`."""
    day_part_word = pieces.day_part_word
    return [
        # the same day, that day, the previous day, the next morning, earlier that day, later in
        # the day (not `the end of the day`, which is an idiom as often as a time)
        ("anchored", rf"(?:(?:earlier|later|early|late){_GAP})?(?:the{_GAP}same|that){_GAP}{day_part_word}(?![\w])"
                     rf"|(?:(?:earlier|later|early|late){_GAP}in|(?:the{_GAP})?(?:start|beginning|middle|rest){_GAP}of)"
                     rf"{_GAP}the{_GAP}day(?![\w])"
                     rf"|the{_GAP}(?:day|night){_GAP}(?:before|after)(?![\w])"
                     rf"|the{_GAP}(?:previous|next|following|preceding){_GAP}{day_part_word}(?![\w])"),
        # Christmas, Victory Day
        ("holiday", rf"(?:(?:last|next|this){_GAP})?{pieces.holiday}(?![\w])"),
        # now, currently, recently, in the future
        ("vague", rf"{pieces.vague}(?![\w])"),
        # overnight, at dawn is not a time
        ("overnight", r"overnight(?![\w])"),
    ]


def _bare_year_and_month_rules(pieces) -> list:
    """A year or a month name with little or nothing around it: tried last, once nothing longer
    has matched at the start."""
    year, hyphen, of_edge = pieces.year, pieces.hyphen, pieces.of_edge
    return [
        # 2011-2021, 2011–21
        ("year_range", rf"(?<![\w.,$£€#№{_HYPHENS}]){year}{_GAP0}[{_HYPHENS}]{_GAP0}(?:{year}|\d\d(?![\w]|[.,]\d))"),
        # 2014, early 2025, mid-2024, earlier in 2025, the end of 2024
        # (the look-behind guards a bare year: after `mid-` the hyphen is the prefix's)
        ("year", rf"(?:(?:{of_edge}|(?:early|late|earlier|later){_GAP}in|early|late|mid){_GAP0}{hyphen}?{_GAP0}"
                 rf"|(?<![\w.,$£€#№{_HYPHENS}])){year}(?!{_GAP0}[{_HYPHENS}]{_GAP0}\d)"),
        # June, mid-November, late November, the end of October, every July, October of next year
        ("month", rf"(?:{of_edge}{_GAP}|(?:early|late|mid){_GAP0}{hyphen}?{_GAP0}|(?:last|next|this|every|each){_GAP})?"
                  rf"{pieces.month_full}(?![\w])(?:{_GAP}(?:of{_GAP})?(?:last|this|next|that){_GAP}year(?![\w]))?"),
    ]


def _trigger_words(data, tables, events) -> set:
    """Every match holds one of these words (matched as a lowercase prefix at a word start)."""
    triggers = set(data["scan_words"]) | events.scan_words
    triggers |= set(data["months"]) | set(data["month_abbreviations"])
    triggers |= set(data["weekdays"]) | set(data["weekday_abbreviations"])
    triggers |= set(tables.units) | set(tables.unit_plurals) | set(tables.set_adverbs) | set(tables.seasons)
    triggers |= {name.split()[-1] for name in data["fixed_holidays"]}
    triggers |= {name.split()[-1].lower() for name in data["moving_holidays"]}
    triggers |= set(data["decade_words"])
    triggers |= {phrase.split()[-1] for phrase in data["present_ref"] + data["past_ref"] + data["future_ref"]}
    return triggers


def _trigger_pattern(triggers):
    """Where the scan looks: a trigger word, or a digit that may start a date.

    A digit triggers only where a number starts that can be part of a date: a year, or a short
    number followed by a letter (`26 april`, `2pm`, `1990s`) or a separator and a digit.
    The pattern opens with the character before the trigger (any but a letter or a digit)
    rather than a look-behind: the engine then skips through words to the next space or
    mark in its own fast loop instead of trying every position. `_scan` puts a space before
    the text to stand for its start, so a match's start is the trigger's offset in the text.
    """
    # A trigger ending in such a character would use up the one the next trigger opens with.
    assert all(re.fullmatch("[a-z0-9]", word[-1].lower()) for word in triggers)
    return re.compile(
        rf"[^a-z0-9](?:{_alternation(triggers)}(?![a-z])"
        rf"|(?<![.,:/])[0-9](?=[0-9]{{3}}(?![0-9])|[0-9]{{0,2}}(?:[.,:/{_HYPHENS}]\d|\s{{0,3}}[a-z])))")


def _lead_words(data, tables, events) -> set:
    """Words a match may start with before its trigger (`the`, `more`, `two`, `Russia invaded`)."""
    leads = set(data["lead_words"]) | {phrase.split()[0] for phrase in tables.numbers}
    leads |= {phrase.split()[0] for phrase in data["vague_numbers"] + data["present_ref"] + data["past_ref"]
              + data["future_ref"]}
    # Frequent words that only pad a mention (`in the past`, `more than two months`): the
    # mention found without them has the same value.
    leads -= {"in", "some"}
    leads |= {name.split()[0].lower() for name in data["moving_holidays"]}
    leads |= {phrase.split()[0].lower() for phrase in events.phrases}
    return leads


def _word_start_pattern(starters):
    """Where a match may start: a trigger, or a word that leads into one.

    Opened like `_trigger_pattern`, with the character before the word, and run over the same
    padded text; every word ends in a word character, so none uses up the next one's."""
    assert all(re.fullmatch(r"[\w'’]", word[-1]) for word in starters)
    return re.compile(rf"[^\w'’](?:{_alternation(starters)}(?![a-z])|[0-9]|['’]\d)")


def _read_back_sources(pieces) -> dict:
    """The patterns normalizers read parts of a matched span with: (source, flags) by the name of
    their `_CompiledOnUse` attribute."""
    return {
        "future_cues": (pieces.future_cue, re.I),
        "month_word": (pieces.month, re.I),
        "month_full_word": (rf"(?<![\w]){pieces.month_full}(?![\w])", re.I),
        "weekday_word": (rf"(?<![\w]){pieces.weekday_any}", re.I),
        "day_number": (r"(?<![\w])(\d{1,2})(?:st|nd|rd|th)?(?![\w]|[:.]\d)", re.I),
        "number": (rf"(?<![\d.,])\d{{4}}(?![\d])|{pieces.number}", re.I),
        "unit_word": (rf"(?<![\w]){pieces.unit_any}(?![\w])", re.I),
        "part_of_day_word": (rf"(?<![\w]){pieces.part_of_day}(?![\w])", re.I),
        "season_word": (rf"(?<![\w]){pieces.season}(?![\w])", re.I),
        "clock_parts": (r"(\d{1,2})(?:[:.](\d\d))?(?::\d\d)?\s{0,3}(a\.m\.|p\.m\.|am|pm)?", re.I),
        "ordinal": (r"first|second|third|fourth|final|1st|2nd|3rd|4th", re.I),
        "range_joint": (rf"^{_GAP0}(?:[{_HYPHENS}]|to|until|till|through|and|—){_GAP0}$", re.I),
        "range_opening": (r"(?:from|between|since)\s{1,3}$", re.I),
        "sentence_break": (r"[.!?][\"”’')\]]{0,2}\s|\n", 0),
        "word_before": (r"([\w'’]+)[^\w\n]{0,3}$", 0),
        "word_after": (r"^[^\w\n]{0,3}([\w'’]+)", 0),
    }


# Rules whose match can begin with a digit, and those that can begin with nothing else.
_DIGIT_START_RULES = {"iso", "day_range", "full", "numeric", "clock", "decade", "century", "quarter",
                      "ago", "set", "duration", "year_range", "year"}
_DIGIT_ONLY_RULES = {"iso", "numeric", "year_range"}


def _fenced_rules(rules) -> str:
    """The rules as one alternation, in their order, where a rule that can begin only with a
    digit, or not with one, sits behind a look-ahead on the first character.

    Two such rules of different kinds never match at the same start, so they may trade places;
    only the rules that can begin with either keep them in their order. Each run of one kind between
    two of those is fenced once, which keeps the look-aheads a start tries few. (Starts are an
    ASCII digit, an apostrophe or the first letter of a trigger or lead word, so `[0-9]` tells
    them apart as `str.isdigit` did when two scanners were chosen from in `_scan`.)
    """
    parts = []
    pending = {"digit": [], "word": []}

    def flush():
        for kind, fence in (("word", "(?![0-9])"), ("digit", "(?=[0-9])")):
            if pending[kind]:
                parts.append(fence + "(?:" + "|".join(pending[kind]) + ")")
                pending[kind].clear()

    for name, body in rules:
        group = f"(?P<{name}>{body})"
        if name in _DIGIT_ONLY_RULES:
            pending["digit"].append(group)
        elif name not in _DIGIT_START_RULES:
            pending["word"].append(group)
        else:
            flush()
            parts.append(group)
    flush()
    return "|".join(parts)


@functools.lru_cache(maxsize=None)
def _grammar() -> _Grammar:
    grammar = _Grammar()
    assert set(grammar.sources) == {name for name, value in vars(_Grammar).items() if isinstance(value, _CompiledOnUse)}
    return grammar


# ---------------------------------------------------------------------------------------------
# Public API

def find_dates(text: str, reference_date: Optional[datetime.date]) -> list:
    """Every temporal expression in `text`, sorted by start, with values resolved against
    `reference_date` (a `datetime.date`, or None to leave relative values unresolved)."""
    if isinstance(reference_date, datetime.datetime):
        reference_date = reference_date.date()
    grammar = _grammar()
    items = _scan(text, reference_date, grammar)
    items = _join_ranges(text, items, grammar)
    _tie_times(text, items, grammar)
    return [DateMention(text=text[item.start:item.end], start=item.start, end=item.end,
                        kind=item.kind, value=item.value) for item in items]


# A header line (`date: 2025-04-26`), a wire dateline (`2022-07-21 10:45:00 | ID: 1`), or a line
# that is nothing but a dated byline (`Saturday 26 April 2025 10.45 BST`).
_HEADER_DATE = re.compile(
    r"^\s{0,4}(?:date|published|pubdate|publication_date|published_at|datetime|created)\s{0,2}[:=]\s{0,4}[\"']?"
    r"(\d{4})-(\d{2})-(\d{2})", re.I)
_WIRE_DATE = re.compile(r"^\s{0,4}(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s{0,4}(?:\||$)")


# An upper-case place and a comma: a wire dateline.
_DATELINE_PLACE = re.compile(r"""
    \s{0,4}[A-Z][A-Z.'-]{1,20}(?:[ ][A-Z][A-Z.'-]{1,20}){0,3}       # KYIV, NEW YORK, ST. PETERSBURG
    (?:[ ]\([A-Za-z .]{1,30}\))?,[ ]                                 # optional (Reuters) before the comma
""", re.VERBOSE)
# A publication label at the start of a line, maybe as a Markdown list item or in bold
# (`Published: 12 May 2023`, `Published On 27 Feb 2026`, `- **Updated** on 3 March 2025`).
_PUBLICATION_LABEL = re.compile(r"""
    \s{0,4}(?:[-*>][ ]{1,3})?(?:\*\*|__)?
    (?i:published|posted|updated|(?P<date>dated?)|first[ ]published)
    (?:\*\*|__)?[ ]?(?i:on)?:?(?:\*\*|__)?[ ]{1,3}
""", re.VERBOSE)
# Below the first lines only a `Published` label counts (`date:` there may head anything), and
# only when no words follow its date: a story may begin `Published on 3 March, the report...`.
_WORD = re.compile(r"[a-z]{2,}")
_FULL_DATE_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T.*)?$")
# What may follow the date on a line that only dates a web page (`June 8, 2023 11:40 a.m.`,
# `27.02.2026. 06:20h`, `February 26, 2026 at 4:55 p.m. EST`): at most a clock time and a zone.
_CLOCK_TAIL = re.compile(r"""
    [ ,.|-]{0,4}
    (?:(?:at|,)[ ]{1,2})?                          # `at 4:55`, `, 19:06`
    (?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?                # 11:40, 06:20, 19:06:30
       [ ]?(?:[ap]\.?m\.?|h)?                       # a.m., pm, 06:20h
       (?:[ ]{1,2}[A-Z]{2,5})?                      # EST, GMT, CET
    )?
    [ ]{0,4}$
""", re.VERBOSE | re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"\d{4}")
# How far below the title a page's own date line may come, past menus and a standfirst.
_PAGE_DATE_LINES = 40


def find_reference_date(text: str) -> Optional[datetime.date]:
    """The publication date a header or dateline in the first few lines of `text` states, if any.

    A short line that says `Published` may come further down, below a web page's title, menu and
    related headlines; the other forms count only in the first six lines.
    """
    top = text[:4000].split("\n")[:_PAGE_DATE_LINES]
    lines = top[:6]
    for line in lines:
        found = _HEADER_DATE.match(line) or _WIRE_DATE.match(line)
        if found:
            try:
                return datetime.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
            except ValueError:
                continue
    # `KYIV, April 26, 2025 (Reuters) -` or `Published: 26 April 2025`: a full date right after a
    # dateline's place or a publication label.
    for line in lines:
        found = _date_after(_DATELINE_PLACE, line)
        if found:
            return found
    for number, line in enumerate(top):
        found = _date_after(_PUBLICATION_LABEL, line, near_top=number < len(lines))
        if found:
            return found
    for line in lines:
        stripped = line.strip()
        if not stripped or len(stripped) > 60:
            continue
        mentions = find_dates(stripped, None)
        if len(mentions) >= 1 and re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T.*)?", mentions[0].value or ""):
            covered = sum(mention.end - mention.start for mention in mentions)
            if covered >= 0.6 * len(stripped):
                return datetime.date.fromisoformat(mentions[0].value[:10])
    return _page_date_line(top[len(lines):_PAGE_DATE_LINES])


def _page_date_line(lines) -> Optional[datetime.date]:
    """The date of the first line that is nothing but a full date and a clock time, as web pages
    print their publication date below the title, menu and standfirst.

    Lines that carry other words (a photo caption, a `© 2022` credit, a headline) never count. A
    list of such lines giving different dates is a timeline or a list of related stories, whose
    first date says nothing about the page: then none counts.
    """
    found = None
    for line in lines:
        date = _only_a_date(line)
        if date is None:
            continue
        if found is not None and date != found:
            return None
        found = found or date
    return found


def _only_a_date(line: str) -> Optional[datetime.date]:
    """The full date `line` states when it says nothing else but a clock time after it."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60 or not stripped[0].isalnum() or not _FOUR_DIGITS.search(stripped):
        return None             # a full date has its year in four digits: most lines need no reading
    mentions = find_dates(stripped, None)
    if not mentions or mentions[0].start > 0 or not _FULL_DATE_VALUE.match(mentions[0].value or ""):
        return None
    if not _CLOCK_TAIL.match(stripped, mentions[0].end):
        return None
    return datetime.date.fromisoformat(mentions[0].value[:10])


def _date_after(opening, line: str, near_top: bool = True) -> Optional[datetime.date]:
    """The full date that starts right after `opening` matches at the start of `line`, if any."""
    found = opening.match(line)
    if not found or not near_top and found.group("date"):
        return None
    mentions = find_dates(line[found.end():found.end() + 40], None)
    if not mentions or mentions[0].start > 1 or not _FULL_DATE_VALUE.match(mentions[0].value or ""):
        return None
    if not near_top and _WORD.search(line, found.end() + mentions[0].end):
        return None
    return datetime.date.fromisoformat(mentions[0].value[:10])


# ---------------------------------------------------------------------------------------------
# Scanning

def _scan(text, reference, grammar) -> list:
    """Run the scanner only near trigger words (a month, a unit, a digit...): the full pattern is
    too slow to try at every position, so it is tried at the few word starts just before each
    trigger, earliest first, so that `the past two months` starts at `the`."""
    lowered = text.lower()
    if len(lowered) != len(text):          # a few characters grow when lowercased: keep offsets
        lowered = text.translate(_ASCII_LOWER)
    items = []
    last_end = 0
    tried = -1          # a start is tried once: what matches there does not depend on the trigger
    match = grammar.scanner.match
    word_starts = grammar.word_start.finditer
    padded = " " + lowered          # the space: see `_Grammar.trigger`
    for trigger in grammar.trigger.finditer(padded):
        trigger_start = trigger.start()
        if trigger_start < last_end:
            continue
        window_start = max(last_end, trigger_start - _LOOK_BACK, tried + 1)
        # in `padded` a word's start in `lowered` is where the character before it is
        starts = [found.start() for found in word_starts(padded, window_start, trigger_start + 1)]
        if trigger_start > tried:
            starts.append(trigger_start)
        for start in starts:
            tried = start
            found = match(lowered, start)
            if found is None or found.end() <= trigger_start:
                continue
            item = _NORMALIZERS[found.lastgroup](text, found, reference, grammar, items)
            if item is None:
                continue
            if type(item) is tuple:         # one match, two mentions (`April 24 and 25`)
                items.extend(item)
                item = item[-1]
            else:
                items.append(item)
            last_end = item.end
            break
    return items


_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
_LOOK_BACK = 48     # characters before a trigger where a match may start (`more than two`)


# ---------------------------------------------------------------------------------------------
# Date arithmetic: every helper takes the reference date, or None to write an unresolved value.

def _week_value(day: datetime.date) -> str:
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def _shift_month(year: int, month: int, offset: int):
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


_AHEAD_COST = 3     # a date ahead of the reference counts as three times as far as one behind


def _partial_year(reference, month, day, future) -> Optional[int]:
    """The year that puts month (and day) nearest the reference, a date behind it being likelier
    than one ahead (`Nov. 21` read on Nov. 2 is this month's; `Aug. 7` read on Aug. 18 too); in a
    sentence about the future the bias turns the other way. `future` may be a function, asked
    only when the two readings differ."""
    if reference is None:
        return None
    distances = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if day:
            try:
                distances.append((year, (datetime.date(year, month, day) - reference).days))
            except ValueError:
                continue
        else:
            distances.append((year, ((year * 12 + month) - (reference.year * 12 + reference.month)) * 30))

    if not distances:
        return None             # `Feb. 30`, or a 29 February with no leap year near

    past_reading = future_reading = None
    past_cost = future_cost = None
    for year, distance in distances:
        if distance >= 0:
            as_past, as_future = distance * _AHEAD_COST, distance
        else:
            as_past, as_future = -distance, -distance * _AHEAD_COST
        if past_cost is None or as_past < past_cost:
            past_reading, past_cost = year, as_past
        if future_cost is None or as_future < future_cost:
            future_reading, future_cost = year, as_future
    if past_reading == future_reading:
        return past_reading
    return future_reading if (future() if callable(future) else future) else past_reading


def _weekday_day(reference, weekday, future, modifier) -> Optional[datetime.date]:
    if reference is None:
        return None
    today = reference.isoweekday()
    if modifier == "last":
        back = (today - weekday) % 7 or 7
        return reference - datetime.timedelta(days=back)
    if modifier == "next":
        ahead = (weekday - today) % 7 or 7
        return reference + datetime.timedelta(days=ahead)
    if modifier == "this":
        return reference + datetime.timedelta(days=weekday - today)
    if future:
        return reference + datetime.timedelta(days=(weekday - today) % 7)
    return reference - datetime.timedelta(days=(today - weekday) % 7)


def _unit_value(reference, unit, offset) -> Optional[str]:
    """The calendar week/month/year/decade `offset` units from the reference."""
    if reference is None:
        return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                "decade": "XXX", "century": "XX", "day": "XXXX-XX-XX"}.get(unit)
    if unit == "day":
        return (reference + datetime.timedelta(days=offset)).isoformat()
    if unit == "week":
        return _week_value(reference + datetime.timedelta(weeks=offset))
    if unit == "weekend":
        return _weekend_value(reference, offset)
    if unit == "month":
        year, month = _shift_month(reference.year, reference.month, offset)
        return f"{year:04d}-{month:02d}"
    if unit == "year":
        return f"{reference.year + offset:04d}"
    if unit == "decade":
        return f"{reference.year // 10 + offset:03d}"
    if unit == "century":
        return f"{reference.year // 100 + offset:02d}"
    return None


def _weekend_value(reference, offset) -> str:
    """`this weekend` (offset 0) is the weekend of the reference's ISO week, `last weekend` (-1)
    the one of the week before, `next weekend` (1) the one of the week after."""
    return _week_value(reference + datetime.timedelta(weeks=offset)) + "-WE"


def _duration_value(amount, unit) -> Optional[str]:
    time_part, letter, multiple = _grammar().units[unit]
    if amount is None:
        count = "X"
    else:
        total = amount * multiple
        count = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"P{time_part}{count}{letter}"


def _number_value(text: str, grammar) -> Optional[float]:
    """The number a phrase like `two`, `24`, `twenty-four`, `a` writes; None for `several`."""
    words = _squeeze(text.strip().lower())
    if words in grammar.numbers:
        return grammar.numbers[words]
    digits = words.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    parts = re.split(rf"[{_HYPHENS} ]", words)
    if len(parts) == 2 and parts[0] in grammar.numbers and parts[1] in grammar.numbers:
        return grammar.numbers[parts[0]] + grammar.numbers[parts[1]]
    return None


# ---------------------------------------------------------------------------------------------
# Context

def _sentence_before(text, start, width=160) -> str:
    """The part of the mention's sentence before it (at most `width` characters)."""
    window = text[max(0, start - width):start]
    cut = max(window.rfind("\n"), window.rfind("! "), window.rfind("? "), window.rfind(".” "), window.rfind('." '))
    period = window.rfind(". ")
    # `Daniel P. Davison`, `Mr. Schwarz`, `Feb. 1`: a short capitalized word before the period
    # is an initial or an abbreviation, not a sentence end, and so is the one of `9 a.m. Tuesday`
    # (three tries, then take the cut)
    for _ in range(3):
        if period <= cut or not _ABBREVIATION_END.search(window, max(0, period - _ABBREVIATION_REACH), period):
            break
        period = window.rfind(". ", 0, period)
    cut = max(cut, period)
    return window[cut + 1:] if cut >= 0 else window


_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{0,3}|[ap]\.m)$")
# The pattern above spans at most 4 characters (5 with the newline `$` may stand before): the
# search starts that far back, not at the start of the window (the look-behind still sees it).
_ABBREVIATION_REACH = 6


def _is_future(text, start, end, grammar) -> bool:
    """Whether the words just before the mention (the last few of its clause) speak of the future:
    `will meet Bush on Thursday`, `as soon as Tuesday`, `a June deadline`. A mention right after a
    past verb (`announced Wednesday`) or with a possessive (`Wednesday's ruling`) is past."""
    words = _sentence_before(text, start, 120).split()[-_CUE_WORDS:]
    last = [word.lower().strip(",;:()\"“”") for word in words[-2:]]
    if last and last[-1] == "on":
        last = last[:-1]
    if last and (last[-1] in grammar.speech_verbs or last[-1].endswith("ed")):
        return False
    if text[end:end + 2] in ("'s", "’s") or text[end - 2:end] in ("'s", "’s"):
        return False
    if last and last[-1] in grammar.deadline_prepositions:
        # `by Monday`, `has until Friday`: a deadline ahead, unless the clause is told in the past
        # (`was meant to last until Friday`)
        return not _told_in_past(words, grammar)
    if grammar.future_cues.search(" ".join(words)):
        return True
    return bool(_DEADLINE_AFTER.match(text, end, end + 14))


_CUE_WORDS = 8      # how far back a future cue (`will`, `expected`) reaches


def _told_in_past(words, grammar) -> bool:
    """Whether a clause's words put it in the past: `was`, `had`, `left`. A verb in -ed does not
    tell: a participle as often heads a deadline (`markets kept closed until Friday`)."""
    # `hadn't` and `wasn’t` tell the past as `had` and `was` do
    bare = (re.sub(r"n['’]t$", "", word.lower().strip(",;:()\"“”")) for word in words)
    return any(word in grammar.past_auxiliaries or word in grammar.irregular_past_verbs for word in bare)
_DEADLINE_AFTER = re.compile(r"[^\w\n]{0,3}deadlines?(?![\w])", re.I)


def _squeeze(span: str) -> str:
    """`span` with each run of white space as one space."""
    return " ".join(span.split())


def _year_alone(text, found) -> Optional[str]:
    """How `the year` (or `the fiscal year`) with no other word reads: "span" in results'
    `the year ended June 30`, "this" in `for the year.`, else None (too vague to be a date)."""
    after = text[found.end():found.end() + 16]
    if re.match(r"\s{1,3}(?:ended|ending)(?![\w])", after):
        return "span"
    if (_previous_word(text, found.start()).lower() in ("for", "of", "during", "throughout")
            and re.match(r"\s{0,2}(?:[.,;:]|$)", after)):
        return "this"
    return None


def _in_headline(text, start, end) -> bool:
    """Whether the mention at `start`-`end` stands in a headline: a short line that ends without a
    full stop, or whose words from the mention on are all capitalized (`Crisis a Year Later?`)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    following = text[line_end + 1:line_end + 2] if line_end >= 0 else ""
    if len(line) > 120 or line[:1].islower() or following.islower():
        return False            # a sentence wrapped over lines
    if not line.endswith((".", "!", "\"", "\u201d", "'", "\u2019", ":", ";", ",")):
        return True
    later_words = text[start:end].split()[1:]
    return bool(later_words) and all(word[:1].isupper() for word in later_words)


def _previous_word(text, start) -> str:
    found = _grammar().word_before.search(text[max(0, start - 30):start])
    return found.group(1) if found else ""


def _next_word(text, end) -> str:
    found = _grammar().word_after.search(text[end:end + 30])
    return found.group(1) if found else ""


def _capitalized_names_ok(span, grammar) -> bool:
    """Month and weekday names must be written with a capital (`may` is a verb, `march` a noun)."""
    for found in grammar.month_word.finditer(span):
        if not found.group(0)[0].isupper():
            return False
    for found in grammar.weekday_word.finditer(span):
        if not found.group(0)[0].isupper():
            return False
    return True


# How many earlier mentions `_anchor` and `_anchor_period` look back through: far more than news
# puts between a dated mention and `the same day`, and it keeps a text of endless undated mentions
# (`5 years later 5 years later ...`) linear instead of rescanning every earlier one per mention.
_ANCHOR_LOOKBACK = 100


def _latest(items):
    """The last `_ANCHOR_LOOKBACK` items, latest first."""
    return reversed(items[-_ANCHOR_LOOKBACK:])


def _anchor(items, reference):
    """The day the narrative last named (for `the same day`, `a day earlier`), else the reference."""
    for item in _latest(items):
        if item.day is not None and item.kind in ("date", "time"):
            return item.day
    return reference


_PERIOD_PREFIX = {"year": re.compile(r"(\d{4})(?![\d])"), "month": re.compile(r"(\d{4})-(\d\d)(?![\d])")}


def _anchor_period(items, reference, unit):
    """The first day of the year or month the narrative last named (`June 1998 ... later that
    year`, `in March ... the following month`), else the day `_anchor` gives."""
    for item in _latest(items):
        if item.day is not None and item.kind in ("date", "time"):
            return item.day
        if item.kind != "date" or not item.value:
            continue
        found = _PERIOD_PREFIX[unit].match(item.value)
        # a chain of `a year earlier` can count back to the year 0000, which no date holds
        if found and int(found.group(1)) >= datetime.MINYEAR:
            return datetime.date(int(found.group(1)), int(found.group(2)) if unit == "month" else 1, 1)
    return reference


# ---------------------------------------------------------------------------------------------
# Normalizers: one per scanner rule; each returns an _Item or None to reject the candidate (or,
# when one match holds two mentions, a tuple of them in text order).

def _iso(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    try:
        day = datetime.date.fromisoformat(span[:10])
    except ValueError:
        return None
    if len(span) > 10:
        return _Item(found.start(), found.end(), "time", f"{span[:10]}T{span[11:16]}", day=day, explicit_year=True)
    return _Item(found.start(), found.end(), "date", span, day=day, explicit_year=True, rangeable=True)


def _event(text, found, reference, grammar, items):
    span = text[found.start():found.end()].lower().replace("’", "'")
    span = _squeeze(span)
    for phrases, day, not_before, event_object in grammar.events:
        if any(span.endswith(phrase) for phrase in phrases):
            if reference is not None and reference < not_before:
                return None
            if re.match(r"\s{1,3}(?:in|on)\s{1,3}[A-Z0-9]", text[found.end():found.end() + 8]):
                return None     # `since the war began in February`: the text gives the date
            invaded = _INVADED_NAME.match(text, found.end(), found.end() + 40)
            if invaded and invaded.group(1) != event_object:
                return None     # `since the invasion of Iraq`: another event
            return _Item(found.start(), found.end(), "date", day.isoformat(), day=day, explicit_year=True)
    return None


_INVADED_NAME = re.compile(r"\s{1,3}of\s{1,3}(?:the\s{1,3})?([A-Z][\w'’-]*)")


def _month_in(span, grammar) -> Optional[int]:
    found = grammar.month_word.search(span)
    return grammar.months[found.group(0).lower().rstrip(".")] if found else None


def _year_in(span) -> Optional[int]:
    found = re.search(r"(?<![\d])(1[6-9]\d\d|20\d\d)(?!\d)", span)
    return int(found.group(1)) if found else None


def _day_parts(span, grammar):
    """Day numbers written in a span, ignoring the year."""
    without_year = re.sub(r"(?<![\d])(?:1[6-9]\d\d|20\d\d)(?!\d)", " ", span)
    return [int(found.group(1)) for found in grammar.day_number.finditer(without_year)]


def _full(text, found, reference, grammar, items):
    return _full_item(text, found.start(), found.end(), reference, grammar, items)


def _full_item(text, start, end, reference, grammar, items) -> Optional[_Item]:
    span = text[start:end]
    if not _capitalized_names_ok(span, grammar):
        return None
    month = _month_in(span, grammar)
    stamp = _TIME_STAMP.search(span)
    if stamp and _next_word(text, end)[:1].islower():
        # `on 2 May 2022 12.50 euros`: a number of the sentence, not the time of a live report
        end = start + len(span[:stamp.start()].rstrip())
        span, stamp = text[start:end], None
    elif stamp:
        span = span[:stamp.start()]
    days = _day_parts(span, grammar)
    if month is None or not days:
        return None
    year = _year_in(span)
    explicit = year is not None
    if year is None:
        future = functools.partial(_is_future, text, start, end, grammar)
        year = _partial_year(reference, month, days[0], future)
        if year is not None and (year, month, days[0]) > (reference.year, reference.month, reference.day):
            year = _narrative_year(text, items, start, month, reference, future) or year
    try:
        day = datetime.date(year or 2000, month, days[0])
    except ValueError:
        return None
    value = day.isoformat() if year else f"XXXX-{month:02d}-{days[0]:02d}"
    if stamp:
        return _Item(start, end, "time", f"{value}T{int(stamp.group(1)):02d}:{stamp.group(2)}",
                     day=day if year else None, explicit_year=explicit)
    if year is None:
        return _Item(start, end, "date", value, rangeable=True)
    return _Item(start, end, "date", value, day=day, explicit_year=explicit, rangeable=True)


_TIME_STAMP = re.compile(r"\s([01]\d|2[0-3])[.:]([0-5]\d)\s*$")
_DAY_JOINT = re.compile(rf"\d(?:st|nd|rd|th)?(\s{{0,3}}[{_HYPHENS}]\s{{0,3}}|\s{{1,3}}(?:to|through|until|till|and)\s)", re.I)


def _day_range(text, found, reference, grammar, items):
    start, end = found.start(), found.end()
    span = text[start:end]
    if not _capitalized_names_ok(span, grammar):
        return None
    month = _month_in(span, grammar)
    days = _day_parts(span, grammar)
    joint = _DAY_JOINT.search(span)
    if month is None or len(days) < 2 or joint is None:
        return None
    if joint.group(1).strip().lower() == "and":
        opening = grammar.range_opening.search(text[max(0, start - 12):start])
        if not (opening and opening.group(0).lower().startswith("between")):
            # `on February 20 and 21`: two dates (as TimeBank writes them), the second a bare day
            return _two_days(text, start, start + joint.start(1), start + joint.end(1), end, days[1],
                             reference, grammar, items) if span[0].isalpha() else None
        start -= len(opening.group(0))
    if days[0] >= days[1] or _next_word(text, end).lower() in grammar.year_blockers:
        # `on April 3 to 21 people`: a date, then a count
        return _full_item(text, start, start + joint.start(1), reference, grammar, items) if span[0].isalpha() else None
    year = _year_in(span) or _partial_year(reference, month, days[0], lambda: _is_future(text, found.start(), end, grammar))
    prefix = f"{year:04d}" if year else "XXXX"
    try:
        for number in days[:2]:
            datetime.date(year or 2000, month, number)
    except ValueError:
        return None
    value = f"{prefix}-{month:02d}-{days[0]:02d}/{prefix}-{month:02d}-{days[1]:02d}"
    return _Item(start, end, "range", value)


def _two_days(text, start, first_end, second_start, end, second_day, reference, grammar, items):
    """`February 20 and 21` (from `start` to `end`): the first date, and the bare day after
    `and` in its month and year."""
    first = _full_item(text, start, first_end, reference, grammar, items)
    if first is None or not _FULL_DAY_PREFIX.match(first.value):
        return first
    second_end = second_start + re.match(r"\d+(?:st|nd|rd|th)?", text[second_start:end]).end()
    year = _year_in(text[second_end:end])
    if year is not None:
        # `February 17 and 18, 2026`: the year written after the second day is both days'
        try:
            first.day = datetime.date(year, int(first.value[5:7]), int(first.value[8:10]))
        except ValueError:
            return None
        first.value, first.explicit_year, second_end = first.day.isoformat(), True, end
    prefix = first.value[:8]
    if not prefix[0].isdigit():
        return first, _Item(second_start, second_end, "date", f"{prefix}{second_day:02d}")
    try:
        day = datetime.date(int(prefix[:4]), int(prefix[5:7]), second_day)
    except ValueError:
        return first
    return first, _Item(second_start, second_end, "date", day.isoformat(), day=day, explicit_year=first.explicit_year)


_FULL_DAY_PREFIX = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d$")


def _month_year(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    if not _capitalized_names_ok(span, grammar):
        return None
    month = _month_in(span, grammar)
    year = _year_in(span)
    if month is None or year is None:
        return None
    return _Item(found.start(), found.end(), "date", f"{year:04d}-{month:02d}", explicit_year=True, rangeable=True)


def _numeric(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    stamp = _TIME_STAMP.search(span)
    if stamp:
        span = span[:stamp.start()]         # `23.04.2022 14:55`: the date, and its time below
    parts = re.split(r"[./]", span)
    if len(parts) == 3:
        first, second, year = (int(part) for part in parts)
        day, month = (second, first) if "/" in span and first <= 12 else (first, second)
        try:
            value = datetime.date(year, month, day)
        except ValueError:
            return None
        if stamp:
            return _Item(found.start(), found.end(), "time",
                         f"{value.isoformat()}T{int(stamp.group(1)):02d}:{stamp.group(2)}", day=value, explicit_year=True)
        return _Item(found.start(), found.end(), "date", value.isoformat(), day=value, explicit_year=True, rangeable=True)
    if "." not in span:
        return None
    # A bare day.month (`24.02`) is a date only with a two-digit month, in a pair of them
    # (`from 24.02 to 19.06`) or after `since`/`as of`; `to 3.8 percent` is a figure.
    if not re.fullmatch(r"\d{1,2}\.\d\d", span):
        return None
    before_text = text[max(0, found.start() - 16):found.start()]
    after = text[found.end():found.end() + 16]
    paired = re.match(rf"\s{{0,3}}(?:to|until|till|[{_HYPHENS}—])\s{{0,3}}\d{{1,2}}\.\d\d(?![\d%]|[.,]\d)", after, re.I) or \
        re.search(rf"(?<![\d.,$£€])\d{{1,2}}\.\d\d\s{{0,3}}(?:to|until|till|[{_HYPHENS}—])\s{{0,3}}$", before_text, re.I)
    led = re.search(r"(?:since|as\s{1,3}of)\s{1,3}$", before_text, re.I)
    if not (paired or led) or re.match(r"\s{0,2}(?:%|percent|per\s)", after, re.I):
        return None
    day, month = (int(part) for part in parts)
    year = _partial_year(reference, month, day, False)
    try:
        value = datetime.date(year or 2000, month, day)
    except ValueError:
        return None
    if year is None:
        return _Item(found.start(), found.end(), "date", f"XXXX-{month:02d}-{day:02d}", rangeable=True)
    return _Item(found.start(), found.end(), "date", value.isoformat(), day=value, rangeable=True)


def _clock(text, found, reference, grammar, items):
    start, end = found.start(), found.end()
    zone = re.search(r"([A-Za-z]+)\s{1,3}time$", text[start:end])
    if zone and zone.group(1) != "local" and not zone.group(1)[0].isupper():
        end = start + zone.start(1)         # `at 10:00 this time`: not a zone
        end = start + len(text[start:end].rstrip())
    span = text[start:end]
    lowered = span.lower()
    if lowered in ("noon", "midday", "midnight"):
        if _previous_word(text, found.start()).lower() not in ("at", "by", "until", "till", "around", "before", "after", "about", "from", "to"):
            return None
        hour, minute = (24, 0) if lowered == "midnight" else (12, 0)      # TIMEX3 writes midnight as T24:00
    else:
        parts = grammar.clock_parts.match(span)
        hour, minute, meridiem = int(parts.group(1)), int(parts.group(2) or 0), (parts.group(3) or "").lower()
        if _FOUR_DIGITS.match(span):          # `0800 GMT`
            hour, minute = int(span[:2]), int(span[2:4])
        dotted = re.match(r"\d{1,2}\.\d\d", span) is not None
        if not meridiem:
            zone_or_hours = re.search(r"[A-Za-z]", span[parts.end():]) is not None
            before = _previous_word(text, start).lower()
            if dotted and not zone_or_hours:
                return None
            if not zone_or_hours and before not in ("at", "from", "until", "till", "by", "around", "about",
                                                    "since", "before", "after", "to", "and", "approximately") \
                    and not _CLOCK_LEAD.search(text, max(0, start - 8), start) \
                    and not (re.match(r"\d\d:", span) and _CLOCK_DAY_AFTER.match(text, end, end + 8)):
                return None     # `as of 08:00`, `08:00 on February 24` are times; `a 2:1 vote` is not
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
    if reference is None:
        return _Item(start, end, "time", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", default_day=True)
    return _Item(start, end, "time", f"{reference.isoformat()}T{hour:02d}:{minute:02d}",
                 day=reference, default_day=True)


_CLOCK_LEAD = re.compile(r"(?<![\w])as\s{1,3}of\s{1,3}$", re.I)
_CLOCK_DAY_AFTER = re.compile(r",?\s{1,3}on\s{1,3}[A-Z0-9]")


def _decade(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    word = re.search(r"[a-z]+ies$", span.lower())
    if word:
        # `the nineties`: the latest such decade begun by the reference date (in 2022 `the
        # twenties` are the 2020s)
        digit = grammar.decade_words[word.group(0)]
        begun = reference is None or 2000 + digit * 10 > reference.year
        return _Item(found.start(), found.end(), "date", f"{19 if begun else 20}{digit}", rangeable=True)
    digits = re.search(r"(\d{1,3})0s", span).group(1)
    if len(digits) == 1:
        century = "19" if int(digits) >= 3 else "20"
        digits = century + digits
    if len(digits) != 3:
        return None
    return _Item(found.start(), found.end(), "date", digits, rangeable=True)


def _century(text, found, reference, grammar, items):
    number = int(re.search(r"\d+", text[found.start():found.end()]).group(0))
    if not 1 <= number <= 21:
        return None
    return _Item(found.start(), found.end(), "date", f"{number - 1:02d}")


def _quarter_of(reference, number, future) -> Optional[int]:
    if reference is None:
        return None
    current = (reference.month - 1) // 3 + 1
    if number > current and not future:
        return reference.year - 1
    return reference.year


def _quarter(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    lowered = span.lower()
    year = _year_in(span)
    ordinal = grammar.ordinal.search(lowered)
    if re.match(r"q[1-4]", lowered):
        number = int(lowered[1])
    elif ordinal:
        number = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}.get(ordinal.group(0), None) or \
            int(ordinal.group(0)[0])
    else:
        # `the quarter`, `the latest quarter`: the last one reported on, so the one before the
        # reference's own. `a quarter of the` is a fraction.
        if re.match(r"\s{1,3}of\s{1,3}(?!(?:fiscal\s{1,3})?\d)", text[found.end():found.end() + 20], re.I):
            return None
        if not re.match(r"(?:the|this|latest|last|past|previous|current|same|comparable)", lowered):
            return None
        if reference is None:
            return _Item(found.start(), found.end(), "date", "XXXX-QX")
        current = (reference.month - 1) // 3 + 1
        if "this" in lowered or "current" in lowered:
            return _Item(found.start(), found.end(), "date", f"{reference.year}-Q{current}")
        stated = year
        year, number = (reference.year, current - 1) if current > 1 else (reference.year - 1, 4)
        if stated is not None:
            # `the 1988 quarter` beside results for the third quarter: that quarter of 1988
            recent = _recent_quarter(items, found.start(), text)
            return _Item(found.start(), found.end(), "date", f"{stated}-Q{recent[1] if recent else number}",
                         explicit_year=True)
        if re.search(r"year.ago|year.earlier|^last\s{1,3}year", lowered):
            year -= 1
        return _Item(found.start(), found.end(), "date", f"{year}-Q{number}")
    # `last year's third quarter`, `the third quarter of last year`
    year_word = re.match(r"(last|this|next)\s{1,3}year['’]s", lowered) or \
        re.search(r"of\s{1,3}(last|this|next)\s{1,3}year$", lowered)
    if year is None and year_word and reference is not None:
        year = reference.year + {"last": -1, "this": 0, "next": 1}[year_word.group(1)]
    if year is None:
        year = _quarter_of(reference, number, _is_future(text, found.start(), found.end(), grammar))
        if year is not None and re.search(r"year.ago|year.earlier", lowered):
            year -= 1
    if year is None:
        return _Item(found.start(), found.end(), "date", f"XXXX-Q{number}")
    return _Item(found.start(), found.end(), "date", f"{year}-Q{number}", explicit_year=True)


def _period(text, found, reference, grammar, items):
    lowered = _squeeze(text[found.start():found.end()].lower())
    quarter = _recent_quarter(items, found.start(), text)
    year_back = bool(re.search(r"year.(?:earlier|ago)|comparable|corresponding|same", lowered))
    stated = _year_in(lowered)
    if quarter:
        year, number = quarter
        # `the 1988 period` beside the third quarter: that quarter of 1988
        return _Item(found.start(), found.end(), "date", f"{stated or year - year_back:04d}-Q{number}")
    if stated:
        return _Item(found.start(), found.end(), "date", f"{stated:04d}", explicit_year=True)
    if lowered.endswith("period") or reference is None:
        return None
    return _Item(found.start(), found.end(), "date", f"{reference.year - 1:04d}")


_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_YEAR_EARLIER = re.compile(r"year.(?:earlier|ago)", re.I)


def _recent_quarter(items, start, text, window=2500):
    """The last quarter the document named (`third-quarter`), for `a year earlier` in results."""
    for item in reversed(items):
        if item.end < start - window:
            break
        # the value first: it rules out nearly every item without reading the text
        found = _QUARTER_VALUE.fullmatch(item.value or "")
        if found and not _YEAR_EARLIER.search(text, item.start, item.end):
            return int(found.group(1)), int(found.group(2))
    return None


def _half(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    lowered = span.lower()
    if re.match(r"h[12]\s", lowered):         # `H1 2025`
        return _Item(found.start(), found.end(), "date", f"{_year_in(span):04d}-H{lowered[1]}", explicit_year=True)
    if not lowered.startswith("the") and " of " not in _squeeze(lowered):
        return None
    if re.match(r"\s{1,3}of\s{1,3}", text[found.end():found.end() + 6]):
        return None
    number = 1 if "first" in lowered else 2
    year = _year_in(span) or (reference.year if reference else None)
    return _Item(found.start(), found.end(), "date", f"{year:04d}-H{number}" if year else f"XXXX-H{number}")


def _fiscal(text, found, reference, grammar, items):
    span = text[found.start():found.end()].lower()
    year = _year_in(span)
    if _squeeze(span) == "the fiscal year":
        # read as `the year` is: `the fiscal year ended June 30` is a year's span, `for the
        # fiscal year.` this one, anything else too vague
        reading = _year_alone(text, found)
        if reading == "span":
            return _Item(found.start(), found.end(), "duration", "P1Y")
        if reading is None:
            return None
    if year is None:
        if reference is None:
            return _Item(found.start(), found.end(), "date", "XXXX")
        # the latest fiscal year, like the latest quarter, is the last one completed
        offset = -1 if "last" in span or "latest" in span else 1 if "next" in span else 0
        year = reference.year + offset
    return _Item(found.start(), found.end(), "date", f"{year:04d}", explicit_year=True)


def _season(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    if _quoted_title(text, found):
        return None
    lowered = _squeeze(span.lower())
    season_found = grammar.season_word.search(lowered)
    if season_found.end() == len(lowered) and span[len(span) - len(season_found.group(0))].isupper() and \
            re.match(r" [A-Z][a-z]", text[found.end():found.end() + 3]):
        return None         # `the Winter Olympics`, `Spring Festival`: a name
    code, start_month = grammar.seasons[season_found.group(0)]
    year = _year_in(span)
    modifier = lowered[:season_found.start()].strip()
    if season_found.group(0) == "fall" and not modifier and year is None:
        return None
    if "the" == modifier and season_found.group(0) == "fall" and year is None:
        following = _next_word(text, found.end()).lower()
        if following in ("of", "in"):
            return None
    if year is None and reference is not None:
        # Seasons by month index: a season of year Y runs from its first month for three months
        # (winter Y is December Y to February Y+1).
        now = reference.year * 12 + reference.month - 1

        def first(y):
            return y * 12 + start_month - 1

        years = range(reference.year - 2, reference.year + 2)
        if "next" in modifier or "coming" in modifier:
            year = min(y for y in years if first(y) > now)                  # not begun yet
        elif "last" in modifier or "past" in modifier:
            year = max(y for y in years if first(y) + 3 <= now)             # over
        elif "this" in modifier:
            # this year's, save that in January and February `this winter` is the one under way
            year = reference.year - (start_month == 12 and reference.month <= 2)
        elif _is_future(text, found.start(), found.end(), grammar) or \
                _previous_word(text, found.start()).lower() == "last":     # `stocks to last the winter`
            year = min(y for y in years if first(y) + 3 > now)              # not over yet
        else:
            year = max(y for y in years if first(y) <= now)                 # begun
    value = f"{year:04d}-{code}" if year else f"XXXX-{code}"
    return _Item(found.start(), found.end(), "date", value, explicit_year=_year_in(span) is not None, rangeable=True)


def _ago(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    lowered = _squeeze(span.lower())
    unit_found = grammar.unit_word.search(lowered)
    unit = grammar.unit_plurals.get(unit_found.group(0), unit_found.group(0))
    number_found = grammar.number.search(lowered[:unit_found.start()])
    amount = _number_value(number_found.group(0), grammar) if number_found else None
    later = "later" in lowered or "after" in lowered
    earlier_than_anchor = "earlier" in lowered or "before" in lowered or later or "previously" in lowered
    if amount is None:
        # `a few hours later`, `months ago`: no point can be fixed; the span is what is known
        return _Item(found.start(), found.end(), "duration", _duration_value(None, unit))
    sign = 1 if later else -1
    base = reference
    if unit == "year":
        # `a year ago` in quarterly results means that quarter a year before.
        quarter = _recent_quarter(items, found.start(), text)
        if quarter:
            year, number = quarter
            return _Item(found.start(), found.end(), "date", f"{year + sign * int(amount)}-Q{number}")
    if earlier_than_anchor:
        if _in_headline(text, found.start(), found.end()):
            # `Kharkiv, a Year Later`: a year after an event the headline names, neither after a
            # date some line above (a menu, a timestamp) gives nor after the publication date
            line_start = text.rfind("\n", 0, found.start())
            items = [item for item in items if item.start > line_start]
            reference = None
        # `in 1808 ... a year later`: a year or month named without a day anchors too
        base = _anchor_period(items, reference, unit) if unit in ("year", "month") else _anchor(items, reference)
    if base is None:
        return _Item(found.start(), found.end(), "date", _unit_value(None, unit, 0) or "XXXX-XX-XX")
    time_part, letter, multiple = grammar.units[unit]
    count = int(amount * multiple)
    if time_part:
        return _Item(found.start(), found.end(), "date", base.isoformat(), day=base)
    if letter == "D":
        day = base + datetime.timedelta(days=sign * count)
        return _Item(found.start(), found.end(), "date", day.isoformat(), day=day)
    if letter == "W":
        return _Item(found.start(), found.end(), "date", _week_value(base + datetime.timedelta(weeks=sign * count)))
    if letter == "M":
        year, month = _shift_month(base.year, base.month, sign * count)
        return _Item(found.start(), found.end(), "date", f"{year:04d}-{month:02d}")
    if letter == "Q":
        year, month = _shift_month(base.year, base.month, sign * count * 3)
        return _Item(found.start(), found.end(), "date", f"{year:04d}-Q{(month - 1) // 3 + 1}")
    return _Item(found.start(), found.end(), "date", f"{base.year + sign * count:04d}")


def _with_part_of_day(span, value, grammar, kind="date"):
    found = grammar.part_of_day_word.search(span)
    if found and value and re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", value):
        return "time", f"{value}T{grammar.parts_of_day[found.group(0).lower()]}"
    return kind, value


def _relative_day(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    lowered = _squeeze(span.lower())
    if span.startswith("Today") and _previous_word(text, found.start())[:1].isupper() and \
            not re.search(r"[.!?\"“”:\n]\s{0,3}$", text[max(0, found.start() - 4):found.start()]):
        return None         # `USA Today`, `Business Today`: a title
    if lowered == "tomorrow" and _previous_word(text, found.start()).lower() == "of" and \
            not re.match(r"[\s,]{0,2}(?:morning|afternoon|evening|night)", text[found.end():found.end() + 12]):
        return None         # `the weapons of tomorrow`: the future in general, no day
    if "day before yesterday" in lowered:
        offset = -2
    elif "day after tomorrow" in lowered:
        offset = 2
    elif "yesterday" in lowered or lowered.startswith("last"):
        offset = -1
    elif "tomorrow" in lowered:
        offset = 1
    else:
        offset = 0
    day = reference + datetime.timedelta(days=offset) if reference else None
    value = day.isoformat() if day else "XXXX-XX-XX"
    if "tonight" in lowered:
        return _Item(found.start(), found.end(), "time", f"{value}TNI", day=day)
    if lowered.startswith("last night"):
        return _Item(found.start(), found.end(), "time", f"{value}TNI", day=day)
    kind, value = _with_part_of_day(lowered, value, grammar)
    return _Item(found.start(), found.end(), kind, value, day=day, rangeable=kind == "date")


def _weekday(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    weekday_found = grammar.weekday_word.search(span)
    if not weekday_found.group(0)[0].isupper():
        return None
    weekday = grammar.weekdays[weekday_found.group(0).lower().rstrip(".")]
    lowered = _squeeze(span.lower())
    name = _NAME_BEFORE.search(text, max(0, found.start() - 12), found.start()) if weekday_found.start() == 0 else None
    if name and name.group(1) in grammar.named_day_words:
        return None         # `Black Monday`, `Bloody Sunday`: a day with a name, not this week's
    modifier = lowered[:weekday_found.start()].strip()
    if modifier.startswith(("every", "each")):         # every Friday, every other Friday
        return _Item(found.start(), found.end(), "set", f"XXXX-WXX-{weekday}")
    if lowered.endswith("s") and not lowered.endswith("'s") and not lowered.endswith("’s"):
        return None
    key = "last" if modifier.startswith(("last", "previous")) or "past" in modifier else \
        "next" if modifier.startswith(("next", "following")) or "coming" in modifier else \
        "this" if modifier == "this" else None
    future = key is None and _is_future(text, found.start(), found.end(), grammar)
    day = _weekday_day(reference, weekday, future, key)
    value = day.isoformat() if day else f"XXXX-WXX-{weekday}"
    kind = "date"
    if "overnight" in modifier:
        kind, value = ("time", f"{value}TNI") if day else ("time", value)
    else:
        part = grammar.part_of_day_word.search(lowered, weekday_found.end())
        if part:        # `Wednesday morning`, also with no reference date (`XXXX-WXX-3TMO`)
            kind, value = "time", f"{value}T{grammar.parts_of_day[part.group(0)]}"
    return _Item(found.start(), found.end(), kind, value, day=day, rangeable=kind == "date")


_NAME_BEFORE = re.compile(r"(?<![\w])([A-Z][a-z]+)[ ]$")


_UNIT_OFFSETS = {"last": -1, "previous": -1, "preceding": -1, "past": -1, "this past": -1,
                 "next": 1, "following": 1, "coming": 1, "this": 0, "current": 0, "same": 0, "the": 0,
                 "full": 0}


_YEAR_END_PREPOSITIONS = ("by", "since", "at", "until", "till", "before", "after", "around", "through", "from", "to")


def _relative_unit(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    if _quoted_title(text, found):
        return None
    lowered = _squeeze(span.lower()).replace("’", "'")
    if lowered.endswith("past day"):
        return _Item(found.start(), found.end(), "duration", "P1D")
    if lowered.endswith("year's end"):
        return _Item(found.start(), found.end(), "date", _unit_value(reference, "year", 0))
    if re.fullmatch(r"year.end", lowered):
        # `by year-end`, `since year-end`: December 31, this year's or (after `since`) the last
        # one; `year-end results` is an adjective
        previous = _previous_word(text, found.start()).lower()
        if previous not in _YEAR_END_PREPOSITIONS:
            return None
        if reference is None:
            return _Item(found.start(), found.end(), "date", "XXXX-12-31")
        year = reference.year - (previous == "since" and (reference.month, reference.day) != (12, 31))
        return _Item(found.start(), found.end(), "date", f"{year:04d}-12-31")
    if lowered in ("weekend", "the weekend"):
        future = _is_future(text, found.start(), found.end(), grammar)
        if reference is None:
            return _Item(found.start(), found.end(), "date", "XXXX-WXX-WE")
        # `the weekend` read on a weekday is the one just past, or the coming one in the future
        past_or_coming = 0 if future or reference.isoweekday() >= 6 else -1
        value = _weekend_value(reference, past_or_coming)
        return _Item(found.start(), found.end(), "date", value)
    unit = re.search(r"(week|weekend|month|year|decade|century)$", lowered).group(1)
    core = re.sub(r"^(?:(?:the )?(?:end|start|beginning|middle|close|turn) of |(?:earlier|later|early|late) (?:in )?)", "", lowered)
    modifier = core[:-len(unit)].strip()
    if modifier.startswith("the "):
        modifier = modifier[4:]
    if modifier == "the" or modifier == "":
        # `the year`, `the month` alone are too often durations or vague; only `the end of the
        # year`, `earlier in the year` are dates, and in results `the year ended June 30` is a
        # year's span while `for the year` is this year.
        if core == lowered:
            if unit != "year":
                return None
            reading = _year_alone(text, found)
            if reading == "span":
                return _Item(found.start(), found.end(), "duration", "P1Y")
            if reading is None:
                return None
        modifier = "this"
    if modifier in ("past", "last") and lowered.startswith("the ") and unit in ("day", "decade", "century"):
        return _Item(found.start(), found.end(), "duration", _duration_value(1, unit))
    if modifier == "past" and not lowered.startswith("the") and "this past" not in lowered:
        return None
    if modifier in ("same",) or (modifier == "full" and unit != "year"):
        return None         # `the full year` is this year (TIMEX3 reads it as the year reported)
    if modifier == "coming" and unit not in ("week", "weekend", "month", "year"):
        return None
    offset = _UNIT_OFFSETS.get(modifier)
    if offset is None:
        return None
    if unit == "year" and modifier == "last" and core == lowered and \
            re.search(r"(?:compared\s{1,3}with|versus|from|than)\s[^.;]{0,40}$", text[max(0, found.start() - 60):found.start()]):
        # `compared with $3 million last year` in quarterly results: that quarter a year before
        quarter = _recent_quarter(items, found.start(), text)
        if quarter:
            return _Item(found.start(), found.end(), "date", f"{quarter[0] - 1:04d}-Q{quarter[1]}")
    if modifier in ("previous", "following", "preceding"):
        base = _anchor_period(items, reference, unit) if unit in ("month", "year") else _anchor(items, reference)
    else:
        base = reference
    # `this year through August` is not a range of two dates: relative units stay single mentions
    return _Item(found.start(), found.end(), "date", _unit_value(base, unit, offset))


def _set(text, found, reference, grammar, items):
    lowered = _squeeze(text[found.start():found.end()].lower())
    if lowered in grammar.set_adverbs:
        if _names_a_paper(text, found, grammar):
            return None
        return _Item(found.start(), found.end(), "set", grammar.set_adverbs[lowered])
    unit_found = grammar.unit_word.search(lowered)
    unit = grammar.unit_plurals.get(unit_found.group(0), unit_found.group(0))
    if lowered in ("per second", "per minute", "per hour") and \
            _previous_word(text, found.start()).lower() not in ("times", "once", "twice"):
        return None         # `rounds per minute`, `kilometres per hour`: a speed, not a repetition
    amount = 1
    if lowered.startswith(("every", "each", "per")):
        number_found = grammar.number.search(lowered, lowered.index(" "), unit_found.start())
        if number_found:
            amount = _number_value(number_found.group(0), grammar) or 1
        if "other" in lowered.split():
            amount *= 2
    return _Item(found.start(), found.end(), "set", _duration_value(amount, unit))


_PUNCTUATION_AFTER = re.compile(r"\s{0,2}[.,;:]")


def _names_a_paper(text, found, grammar) -> bool:
    """`daily`, `weekly` as a newspaper: capitalized inside a title (`the Daily Telegraph`,
    `Weekly Standard`), or a noun after an article (`told the daily.`, `the weekly reported`)."""
    following = _next_word(text, found.end())
    if text[found.start()].isupper() and following[:1].isupper() and \
            not _PUNCTUATION_AFTER.match(text, found.end()):
        return True
    if _previous_word(text, found.start()).lower() not in ("the", "a"):
        return False
    return bool(re.match(r"[.,;:]", text[found.end():found.end() + 1])) or following.lower() == "that" or \
        following.lower() in grammar.speech_verbs


def _duration(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    lowered = _squeeze(span.lower())
    unit_found = grammar.unit_word.search(lowered)
    unit = grammar.unit_plurals.get(unit_found.group(0), unit_found.group(0))
    if lowered.startswith("half "):
        return _Item(found.start(), found.end(), "duration", _duration_value(0.5, unit))
    number_found = grammar.number.search(lowered[:unit_found.start()])
    if number_found is None and lowered.endswith("long"):
        return _Item(found.start(), found.end(), "duration", _duration_value(1, unit))     # `a day-long siege`
    if number_found is None:
        return None
    military = _MILITARY_TIME.fullmatch(lowered)
    if military and _previous_word(text, found.start()).lower() in _CLOCK_PREPOSITIONS:
        # `at 1800 hours`: a time of day written the military way, not 1800 hours
        hour, minute = int(military.group(1)), int(military.group(2))
        day = reference.isoformat() if reference else "XXXX-XX-XX"
        return _Item(found.start(), found.end(), "time", f"{day}T{hour:02d}:{minute:02d}", day=reference,
                     default_day=True)
    amount = _number_value(number_found.group(0), grammar)
    words = number_found.group(0)
    if words in ("a", "an") and unit_found.group(0) in grammar.unit_plurals:
        return _Item(found.start(), found.end(), "duration", _duration_value(None, unit))   # `a decades-long feud`
    if words in ("a", "an") and _next_word(text, found.end()).lower() in ("ago", "earlier"):
        return None
    if unit == "second" and words in ("a", "an", "one") and re.match(r"\s{1,3}\w", text[found.end():found.end() + 4]) and \
            _next_word(text, found.end()).lower() not in ("ago", "later", "earlier", "or", "and", "before", "after", "in", "to"):
        return None         # `a second round`, `a second A380` is an ordinal
    if re.match(r"[\s\-]{0,3}(?:old|of age)(?![\w])", text[found.end():found.end() + 10], re.I):
        return None
    if unit == "quarter" and (re.match(r"[\s,]{1,3}of(?![\w])", text[found.end():found.end() + 6])
                              or words in ("a", "one")) and not _SPAN_WORDS.search(lowered):
        return None         # `three quarters of`, `about a quarter`: a fraction (`two straight quarters` is not)
    previous = _previous_word(text, found.start()).lower()
    if words in ("a", "an") and re.search(r"(?:\d|[a-z]s)$", previous) and previous not in grammar.verbs_in_s:
        # `four flights a week`, `$5 a year`: a rate (`it is a year since`, `takes a week`: a span)
        return _Item(found.start(), found.end(), "set", _duration_value(1, unit))
    if lowered == "one day" and _previous_word(text, found.start()).lower() in grammar.someday_before:
        return None         # `Kyiv will one day rebuild`: some day, neither a span nor a date
    if _quoted_title(text, found):
        return None
    if (_AND_A_HALF.search(lowered) or " 1/2" in lowered) and amount is not None:
        amount += 0.5
    return _Item(found.start(), found.end(), "duration", _duration_value(amount, unit))


_SPAN_WORDS = re.compile(r"(?<![\w])(?:consecutive|straight|full|past|last|next|previous|first)(?![\w])")
_AND_A_HALF = re.compile(rf"and[\s{_HYPHENS}]a[\s{_HYPHENS}]half")
_MILITARY_TIME = re.compile(r"([01]\d|2[0-3])([0-5]\d)\s{1,3}hours")
_CLOCK_PREPOSITIONS = ("at", "from", "until", "till", "by", "around", "about", "since", "before", "after", "to",
                       "and", "approximately")


def _quoted_title(text, found) -> bool:
    """A mention that opens a quotation with every word capitalized is a title (the programme
    `"This Week"`, `''60 Minutes''`, the `"Spring of Life"` campaign), not a date."""
    if not re.search(r"[\"“‘'`]$", text[max(0, found.start() - 1):found.start()]):
        return False
    words = re.findall(r"[^\W\d_]+", text[found.start():found.end()])
    return bool(words) and all(word[0].isupper() for word in words)


def _vague_duration(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    lowered = _squeeze(span.lower())
    unit_found = grammar.unit_word.search(lowered)
    unit = grammar.unit_plurals.get(unit_found.group(0), unit_found.group(0))
    if unit in ("quarter", "night", "fortnight"):
        return None
    if unit == "hour" and re.search(r"early\s{1,3}$", text[max(0, found.end() - 16):found.end() - 5].lower()) and \
            re.match(r"\s{1,3}of(?![\w])", text[found.end():found.end() + 6]):
        return None         # `in the early hours of Thursday`: a part of that day, no span
    if span[0].isupper() and not re.search(r"(?:^|[.!?:\"“”'‘’`\n])\s{0,3}$", text[max(0, found.start() - 4):found.start()]):
        return None         # `60 Minutes`, `Days of Rage` inside a sentence: a title
    modified = unit_found.start() > 0
    if (lowered.startswith("the ") and unit_found.start() == 4 and not lowered.endswith(" ahead")) or \
            (not modified and _previous_word(text, found.start()).lower() == "the"):
        return None         # `in the days before`: not a span of its own
    if not modified and re.match(rf"(?:[\s{_HYPHENS}]{{1,3}}old|\s{{1,3}}long)(?![\w])", text[found.end():found.end() + 10], re.I):
        return None         # `years old`, `weeks long` say an age or a length, not a span of time (`decades-long` does)
    return _Item(found.start(), found.end(), "duration", _duration_value(None, unit))


def _anchored(text, found, reference, grammar, items):
    lowered = _squeeze(text[found.start():found.end()].lower())
    if re.search(r"(?:before|after)$", lowered) and re.match(r"\s{1,3}[\w\"“]", text[found.end():found.end() + 4]):
        return None         # `the day before the plunge`: tied to an event, not to a date
    unit = re.search(r"(day|week|month|year|morning|afternoon|evening|night)", lowered).group(1)
    base = _anchor_period(items, reference, unit) if unit in ("month", "year") else _anchor(items, reference)
    offset = 0
    if re.search(r"previous|preceding|before", lowered):
        offset = -1
    elif re.search(r"next|following|after", lowered):
        offset = 1
    if unit in ("morning", "afternoon", "evening", "night"):
        day = base + datetime.timedelta(days=offset) if base else None
        value = f"{day.isoformat() if day else 'XXXX-XX-XX'}T{grammar.parts_of_day[unit]}"
        return _Item(found.start(), found.end(), "time", value, day=day)
    if lowered.startswith("the day") or lowered.startswith("the night"):
        unit = "day"
    if base is None:
        return _Item(found.start(), found.end(), "date", _unit_value(None, unit, 0))
    value = _unit_value(base, unit, offset)
    day = base + datetime.timedelta(days=offset) if unit == "day" else None
    return _Item(found.start(), found.end(), "date", value, day=day, rangeable=True)


def _easter(year: int, church: str) -> datetime.date:
    """Easter Sunday: the Western (Gregorian) date by the anonymous Gregorian computus, the
    Orthodox one by the Julian computus, moved to the Gregorian calendar (13 days, 1900-2099)."""
    if church == "orthodox":
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return datetime.date(year, month, day + 1) + datetime.timedelta(days=13)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _moving_holiday_day(rule, year: int) -> datetime.date:
    """The day a moving holiday falls on in `year`: the nth weekday of a month (`nth` -1: the
    last), or a number of days from Easter."""
    if "easter" in rule:
        return _easter(year, rule["easter"]) + datetime.timedelta(days=rule["offset"])
    month, weekday, nth = rule["month"], rule["weekday"], rule["nth"]
    if nth > 0:
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.isoweekday() - weekday) % 7)


def _holiday(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    lowered = _squeeze(span.lower()).replace("’", "'")
    modifier, _, name = lowered.partition(" ")
    if modifier not in ("last", "next", "this"):
        modifier, name = "", lowered
    if not span.split()[1 if modifier else 0][0].isupper():
        return None         # holiday names are written with a capital (`easter` is no date)
    rule = grammar.moving_holidays.get(name)
    if rule is None:
        month, day_number = grammar.holidays[name]

        def day_in(year):
            return datetime.date(year, month, day_number)
    else:
        def day_in(year):
            return _moving_holiday_day(rule, year)
    if reference is None:
        if rule is not None:
            return None
        return _Item(found.start(), found.end(), "date", f"XXXX-{month:02d}-{day_number:02d}")
    if modifier == "last":
        day = max(day_in(year) for year in (reference.year - 1, reference.year) if day_in(year) < reference)
    elif modifier == "next":
        day = min(day_in(year) for year in (reference.year, reference.year + 1) if day_in(year) > reference)
    elif modifier == "this":
        day = day_in(reference.year)
    else:
        this_year = day_in(reference.year)
        year = _partial_year(reference, this_year.month, this_year.day,
                             lambda: _is_future(text, found.start(), found.end(), grammar))
        day = day_in(year)
    if rule is not None and rule.get("week"):
        return _Item(found.start(), found.end(), "date", _week_value(day))
    return _Item(found.start(), found.end(), "date", day.isoformat(), day=day)


def _spelled_number(words, grammar) -> Optional[int]:
    """`ninety-six` → 96, `twelve` → 12, `oh five` → 5."""
    total = 0
    for word in re.split(rf"[{_HYPHENS}\s]+", words.strip()):
        if word in ("oh", "o", "and", ""):
            continue
        value = grammar.numbers.get(word)
        if value is None:
            return None
        total += value
    return total


def _spelled_year(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    if not _capitalized_names_ok(span, grammar):
        return None
    lowered = _squeeze(span.lower())
    spoken = re.search(r"(nineteen|eighteen|two thousand)\s?(.*)$", lowered)
    if spoken is None:
        return None
    if spoken.group(1) == "two thousand":
        rest = _spelled_number(spoken.group(2), grammar) if spoken.group(2) else 0
        year = None if rest is None else 2000 + rest
    else:
        century = 1900 if spoken.group(1) == "nineteen" else 1800
        rest = 0 if spoken.group(2) == "hundred" else _spelled_number(spoken.group(2), grammar)
        year = None if rest is None or rest > 99 else century + rest
    if year is None:
        return None
    before = lowered[:spoken.start()]
    month = _month_in(before, grammar)
    if month is not None:
        return _Item(found.start(), found.end(), "date", f"{year:04d}-{month:02d}", explicit_year=True)
    season_found = grammar.season_word.search(before)
    if season_found:
        code, _ = grammar.seasons[season_found.group(0)]
        return _Item(found.start(), found.end(), "date", f"{year:04d}-{code}", explicit_year=True)
    return _Item(found.start(), found.end(), "date", str(year), explicit_year=True, rangeable=True)


def _vague(text, found, reference, grammar, items):
    lowered = _squeeze(text[found.start():found.end()].lower())
    if lowered == "the past":
        following = _next_word(text, found.end()).lower()
        if following.isdigit() or following in grammar.numbers or following in ("few", "several", "many"):
            return None     # `the past three summers`: a span the past only modifies
    if lowered == "soon" and not _soon_ahead(text, found, grammar):
        return None
    if lowered == "recent" and _previous_word(text, found.start()).lower() in ("most", "more"):
        return None     # `the most recent model`: the latest, no time of its own
    if lowered == "now" and re.match(r"[\s]{0,2}[-‑–]", text[found.end():found.end() + 3]):
        return None
    span = text[found.start():found.end()]
    if span.isupper() and len(span) > 2:
        return None         # `NOW` in capitals is a name or a heading, not the present
    if lowered == "future" and _previous_word(text, found.start()).lower() not in ("near", "foreseeable", "distant") \
            and re.match(r"\s{1,3}[a-z]", text[found.end():found.end() + 4]):
        return None         # `future payments`: an adjective
    return _Item(found.start(), found.end(), "date", grammar.vague[lowered])


def _soon_ahead(text, found, grammar) -> bool:
    """Whether `soon` looks ahead from the publication day: not `as soon as Tuesday` or `soon
    after the strike` (tied to another time), not in a story told in the past (`was soon
    released`, `soon became`), not `the soon-to-open terminal`."""
    previous = _previous_word(text, found.start()).lower()
    following = _next_word(text, found.end()).lower()
    if previous in ("as", "was", "were", "had", "been") or following in ("as", "after", "afterwards", "before"):
        return False
    if following.endswith("ed") or following in grammar.irregular_past_verbs:
        return False
    return not re.match(rf"[{_HYPHENS}]", text[found.end():found.end() + 1])


def _overnight(text, found, reference, grammar, items):
    day = reference
    value = f"{day.isoformat() if day else 'XXXX-XX-XX'}TNI"
    return _Item(found.start(), found.end(), "time", value, day=day, default_day=True)


def _year_context_ok(text, start, end, grammar, prefixed=False) -> bool:
    """A four-digit number is a year unless it reads as a figure or a label. A `prefixed` one
    (`mid-2024`) has its own hyphen before it."""
    before = text[max(0, start - 3):start]
    if not prefixed and re.search(rf"[{_HYPHENS}‒—:+=(]\s{{0,2}}$", before) and not re.search(r"\($", before):
        return False
    after = text[end:end + 12]
    if re.match(r"\.\d", after) and not re.match(r"\.\d{1,3}\s{1,3}[A-Z]", after):
        return False            # `2025.5 million`; a footnote mark is followed by a capital
    if re.match(rf"\s{{0,2}}(?:\(\+|%|[{_HYPHENS}]\s?\d)", after):
        return False
    following = _next_word(text, end)
    if following.lower() in grammar.year_blockers:
        return False
    previous = _previous_word(text, start)
    if previous in grammar.year_label_blockers:
        return False
    if previous.lower() in ("about", "approximately", "around", "nearly", "almost", "over", "some", "roughly") and \
            following.lower().endswith("s") and following.islower():
        return False
    return True


def _year(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    year_found = re.search(r"(1[6-9]\d\d|20\d\d)", span)
    start = found.start() + year_found.start()
    end = found.start() + year_found.end()
    if not _year_context_ok(text, start, end, grammar, prefixed=year_found.start() > 0):
        return None
    return _Item(found.start(), found.end(), "date", year_found.group(1), explicit_year=True, rangeable=True)


def _year_range(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    first = re.match(r"\d{4}", span).group(0)
    second = re.search(r"(\d+)$", span).group(1)
    if len(second) == 2:
        second = first[:2] + second
    if int(second) <= int(first) or not _year_context_ok(text, found.start(), found.end(), grammar):
        return None
    return _Item(found.start(), found.end(), "range", f"{first}/{second}")


_NARRATIVE_REACH = 600     # characters back to the date a story told in the past goes on from


# `(Vedomosti, ` or `(Reuters; Kommersant, ` right before a date: a citation of a source.
_CITATION_REACH = 60
_CITATION_BEFORE = re.compile(r"\([^()\n]{2,57},[ ]$")


def _narrative_year(text, items, start, month, reference, future) -> Optional[int]:
    """The year of a partial date that would fall after the reference, in a story about an
    earlier year: `the talks began in February 2022 ... ended on March 7` is March 7, 2022, not
    the March after the publication day. The last month the text gave a past year to, in the
    same paragraph, sets the year (the next one when the month comes before its month); a
    bare year (`Spain joined in 1982`) is too loose a tie, and a sentence about the future
    keeps the reading ahead. Nor does a source's date in a citation (`(Kommersant, February 1)`):
    the source wrote when the article did, not in the story's year."""
    if _CITATION_BEFORE.search(text, max(0, start - _CITATION_REACH), start):
        return None
    for item in reversed(items):
        if item.end < start - _NARRATIVE_REACH or "\n\n" in text[item.end:start]:
            return None
        found = _PERIOD_PREFIX["month"].match(item.value or "")
        if not item.explicit_year or item.kind != "date" or found is None:
            continue
        year = int(found.group(1)) + (month < int(found.group(2)))
        return year if year < reference.year and not future() else None
    return None


def _month(text, found, reference, grammar, items):
    span = text[found.start():found.end()]
    month_found = grammar.month_full_word.search(span)
    name = month_found.group(0)
    if not name[0].isupper():
        return None
    if name.lower() == "may" and month_found.start() == 0:
        before = _previous_word(text, found.start()).lower()
        if before not in ("in", "since", "until", "till", "by", "of", "from", "to", "through", "during",
                          "early", "late", "mid", "last", "next", "this", "between", "and", "or", "before", "after"):
            return None
    if name.lower() == "march" and month_found.start() == 0:
        if _previous_word(text, found.start()).lower() in ("the", "a", "to"):
            return None
    month = grammar.months[name.lower()]
    lowered = _squeeze(span.lower())
    if lowered.startswith(("every ", "each ")):
        # once a year: that month, or that day of it (`every May 9`)
        day = _SET_DAY.match(text, found.end())
        if day and 1 <= int(day.group(1)) <= 31:
            return _Item(found.start(), day.end(), "set", f"XXXX-{month:02d}-{int(day.group(1)):02d}")
        return _Item(found.start(), found.end(), "set", f"XXXX-{month:02d}")
    year = None
    if lowered.endswith("that year"):
        # `in April of that year`: the year the story last named (a month of it, or the year)
        base = _anchor_period(items, reference, "year")
        year = base.year if base else None
    elif reference is not None:
        # `last February` is last year's, `next February` the coming one, `July last year`.
        if lowered.endswith(" year"):
            year = reference.year + {"last": -1, "this": 0, "next": 1}[lowered.split()[-2]]
        elif lowered.startswith("last "):
            year = reference.year - (month >= reference.month)
        elif lowered.startswith("next "):
            year = reference.year + (month <= reference.month)
        elif lowered.startswith("this "):
            year = reference.year
    if year is None:
        future = functools.partial(_is_future, text, found.start(), found.end(), grammar)
        year = _partial_year(reference, month, 0, future)
        if year is not None and (year, month) > (reference.year, reference.month):
            year = _narrative_year(text, items, found.start(), month, reference, future) or year
    value = f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"
    return _Item(found.start(), found.end(), "date", value, rangeable=True)


_SET_DAY = re.compile(r"\s{1,3}(\d{1,2})(?:st|nd|rd|th)?(?![\w]|[.,:]\d)")


_NORMALIZERS = {
    "spelled_year": _spelled_year,
    "iso": _iso, "event": _event, "day_range": _day_range, "full": _full, "month_year": _month_year,
    "numeric": _numeric, "clock": _clock, "decade": _decade, "century": _century,
    "period": _period, "quarter": _quarter, "half": _half, "fiscal": _fiscal, "season": _season, "ago": _ago,
    "relative_day": _relative_day, "weekday": _weekday, "relative_unit": _relative_unit,
    "set": _set, "duration": _duration, "vague_duration": _vague_duration, "anchored": _anchored,
    "holiday": _holiday, "vague": _vague, "overnight": _overnight, "year_range": _year_range,
    "year": _year, "month": _month,
}


# ---------------------------------------------------------------------------------------------
# Passes over the found items

_JOINT_WIDTH = 13   # longest text between the two ends of a range (`  through  `)


def _join_ranges(text, items, grammar) -> list:
    """`from 24 February to 12 April`, `between May and July`, `24.02 to 19.06`: START/END."""
    joined = []
    index = 0
    while index < len(items):
        item = items[index]
        if index + 1 < len(items) and item.rangeable and items[index + 1].rangeable and \
                items[index + 1].start - item.end <= _JOINT_WIDTH:
            following = items[index + 1]
            joint = grammar.range_joint.match(text[item.end:following.start])
            if text[following.end:following.end + 2] in ("'s", "’s"):
                joint = None        # `a revision Friday to December's figures`: no range
            opening = grammar.range_opening.search(text[max(0, item.start - 12):item.start])
            is_and = joint and "and" in joint.group(0).lower()
            if joint and (opening or not is_and) and (not is_and or opening.group(0).lower().startswith("between")) \
                    and item.value and following.value and "REF" not in item.value + following.value:
                start_value = _borrow_year(item, following)
                start = item.start - len(opening.group(0)) if opening else item.start
                joined.append(_Item(start, following.end, "range", f"{start_value}/{following.value}"))
                index += 2
                continue
        joined.append(item)
        index += 1
    return joined


def _borrow_year(first: _Item, second: _Item) -> str:
    """`between March and July of 2025`: the first end takes the year the second states.
    A first end whose year was only guessed never falls after the second (`from 24.02 to 19.06`)."""
    value = first.value
    if first.explicit_year or not re.match(r"(?:\d{4}|XXXX)-\d\d", value):
        return value
    if second.explicit_year:
        year = int(second.value[:4])
        if value[5:] > second.value[5:len(value)]:
            year -= 1
        value = f"{year:04d}{value[4:]}"
    elif value[:4].isdigit() and second.value[:4].isdigit() and value > second.value[:len(value)]:
        value = f"{int(value[:4]) - 1:04d}{value[4:]}"
    return value


_TIE_REACH = 8      # mentions a time of day looks at on each side for its day


def _tie_times(text, items, grammar) -> None:
    """A time of day takes the day its sentence names: the one right after it (`9 a.m. Tuesday`),
    else the nearest before it, else the nearest after it."""
    if not any(item.default_day for item in items):
        return
    # breaks[i]: a sentence ends between items[i] and items[i + 1]
    breaks = [grammar.sentence_break.search(text, items[index].end, items[index + 1].start) is not None
              for index in range(len(items) - 1)]

    def named_day(other):
        """The day `other` names as a `YYYY-MM-DD` (or unresolved `XXXX-MM-DD`) string, if any."""
        if other.kind != "date" or other.default_day:
            return None
        if other.day is not None:
            return other.day.isoformat()
        return other.value if other.value and _PARTIAL_DAY.fullmatch(other.value) else None

    def night_day(other):
        """`overnight on February 20-21`: a night that runs over two days is the first one's."""
        found = _TWO_DAYS.fullmatch(other.value or "") if other.kind == "range" else None
        if found and found.group(1)[:8] == found.group(2)[:8] and int(found.group(2)[8:]) == int(found.group(1)[8:]) + 1:
            return found.group(1)
        return None

    for index, item in enumerate(items):
        if not item.default_day:
            continue
        day = None
        following = items[index + 1] if index + 1 < len(items) else None
        if following is not None and re.fullmatch(r"[\s,]{0,3}(?:on\s{1,3})?", text[item.end:following.start]):
            day = named_day(following) or (night_day(following) if item.value.endswith("TNI") else None)
        for other_index in range(index - 1, max(-1, index - 1 - _TIE_REACH), -1):
            if day is not None or breaks[other_index]:
                break
            day = named_day(items[other_index])
        for other_index in range(index + 1, min(len(items), index + 1 + _TIE_REACH)):
            if day is not None or breaks[other_index - 1]:
                break
            day = named_day(items[other_index])
        if day is not None:
            item.value = day + item.value[10:]
            item.day = datetime.date.fromisoformat(day) if day[0].isdigit() else None


_PARTIAL_DAY = re.compile(r"XXXX-\d\d-\d\d")
_TWO_DAYS = re.compile(r"((?:\d{4}|XXXX)-\d\d-\d\d)/((?:\d{4}|XXXX)-\d\d-\d\d)")
