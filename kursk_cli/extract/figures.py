"""Figures: every count or amount a news text states, with its qualifiers and what it counts.

One scan finds runs of number tokens (digits with any grouping, scale words and abbreviations,
number words); a small parser turns each run into one or more numbers; then each number is
checked against its surroundings (dates, times, codes, ordinals, list markers, durations are not
figures), joined into ranges (`10,000-12,000`, `between 10 and 12`, `10-12 thousand`), qualified
(`about` -> approximate, `at least` -> floor, `up to` -> ceiling) and described: the counted noun
phrase (`unit`), its `category`, whose it is (`actor`) and whether it counts civilians. Daily
loss reports (`tanks ‒ 1496 (+6)`) are read line by line: the label is the unit and the bracketed
increase is a figure of its own. Word lists live in data/numbers.json and data/figure_*.json.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import os
import re
from dataclasses import dataclass
from typing import List, NamedTuple, Optional

from ..data import load
from ..model import Figure
from .trie import trie

# How far (characters) the context checks look around a number.
_BEFORE = 48
_AFTER = 64
_SENTENCE = 320


def find_figures(text: str) -> List[Figure]:
    """Return the figures in `text`, sorted by start offset."""
    if not text:
        return []
    lexicon = _lexicon()
    parsed = _parsed_numbers(text, lexicon)
    dense = _dense(parsed)
    atoms = []
    for index, atom in enumerate(parsed):
        if dense and index in dense:
            atom.dense = True
            atoms.append(atom)
        elif _is_figure(text, atom, lexicon):
            atoms.append(atom)
    atoms = _join_ranges(text, atoms, lexicon)
    if not atoms:
        return []
    figures = _described(text, atoms, lexicon)
    figures = _share_forward(text, figures)
    figures = _conversions_qualified(text, figures, lexicon)
    return _join_bounds(text, figures, lexicon)


def _parsed_numbers(text, lexicon):
    """Every number the runs of number tokens hold (outside links and e-mail addresses), with
    the amounts glued to a currency code, and fractions joined, in text order."""
    masked = _masked_spans(text, lexicon)
    glued_at = []
    parsed = []
    for match in _runs(text, _run_starts(text, lexicon), lexicon, glued_at):
        if match.group("skip") is not None:
            continue
        if masked and (_inside(masked, match.start()) or _after_link(text, match.start(), masked)):
            continue
        parsed.extend(_parse_run(text, match, lexicon))
    glued = _glued_amounts(text, glued_at, lexicon) if glued_at else None
    if glued:
        parsed = sorted(parsed + glued, key=_atom_start)
    if "/" in text or "\u2044" in text:
        parsed = _join_fractions(text, parsed, lexicon)
    return parsed


def _described(text, atoms, lexicon):
    """The figures the atoms make, each described in its context; a number that names nothing
    may take what its neighbour counts (_inherit)."""
    context = _DocumentContext(text, lexicon, atoms[0].start, atoms[-1].end)
    figures = []
    previous = None
    for atom in atoms:
        if atom.dense:
            figures.append(_bare_figure(text, atom))
            previous = None
            continue
        if _is_age(text, atom, lexicon):
            if not atom.word_one:       # (`one` counts only what the categories name)
                figures.append(_age_figure(text, atom, lexicon))
            previous = None         # an age lends nothing to the next number, nor takes from it
            continue
        figure = _describe(text, atom, previous, context, lexicon)
        if previous is not None:
            figure = _inherit(text, atom, figure, previous, context)
        if atom.word_one and figure.category == "other" and not (atom.percent or atom.currency or atom.measure):
            continue        # `one` counts only what the categories name (`one person was killed`) or an amount
        if figure.unit is None and figure.category == "other" and _divides(text, atom, lexicon):
            continue
        figures.append(figure)
        previous = (atom, figure)
    return figures


def _is_age(text, atom, lexicon) -> bool:
    """`a seven-year-old girl`, `aged 2, 5 and 11`, `a man, 45,`: a person's age, which counts
    no victims even in a sentence about them."""
    if atom.is_range or atom.currency or atom.percent or atom.measure or atom.low > 130:
        return False
    if _AGE_AFTER.match(text, atom.end):
        return True
    before = text[max(0, atom.start - 40):atom.start]
    if "ge" in before and _AGE_BEFORE.search(before):       # (`aged`, `Ages`, `at the age of`: a cheap test first)
        return True
    if "died" in before and _DIED_AT_BEFORE.search(before) and _CLAUSE_END_AFTER.match(text, atom.end):
        return True     # `died on 23 April at 88.`
    person = _PERSON_COMMA_BEFORE.search(before) if text[atom.end:atom.end + 1] == "," else None
    return person is not None and person.group(1).lower() in lexicon.age_nouns


def _age_figure(text, atom, lexicon) -> Figure:
    approximate, bound = _qualifiers(text, atom, lexicon)
    return _figure(text, atom, approximate, bound, None, "other", None, None)


def _divides(text, atom, lexicon) -> bool:
    """`splits the country in two`, `broke into three`: a number word after `in`, `into` with no
    noun after it (nor `of`: `in two of the regions` counts) divides rather than counts."""
    return not atom.digits and not atom.scaled and \
        lexicon.parts_before.search(text, max(0, atom.start - 8), atom.start) is not None and \
        _OF_AFTER.match(text, atom.end) is None


def _glued_amounts(text, positions, lexicon):
    """Amounts glued to a currency code or a symbol ending in a letter (`USD10m`, `$US55,931,000`),
    which the run scan leaves alone as digits inside a word; `positions` are where their digits
    start. The code is read as usual later."""
    atoms = []
    for position in positions:
        amount = _GLUED_AMOUNT.match(text, position)
        value, grouped, _ = _digit_value(amount.group(1))
        if value is None:
            continue
        scale, end = (lexicon.attached.get(amount.group(2)), amount.end()) if amount.group(2) else (None, None)
        if scale is None and not amount.group(2):       # `USD3.2 million`
            word = _NEXT_TOKEN.match(text, amount.end())
            kind, scale = lexicon.words.get(word.group(1).lower(), (None, None)) if word else (None, None)
            scale, end = (scale, word.end()) if kind == "scale" and scale >= 1000 else (None, None)
        if scale is None:       # (`m`, `T` after a currency are read as scales later)
            atoms.append(_Atom(amount.start(), amount.end(1), value, value, digits=True, grouped=grouped))
        else:
            atoms.append(_Atom(amount.start(), end, value * scale, value * scale, digits=True,
                               grouped=grouped, scaled=True, scale=scale))
    return atoms


def _atom_start(atom):
    return atom.start


# the digits of an amount glued to a currency code
# the digits of an amount glued to a currency code, and a scale abbreviation glued to them
_GLUED_AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3}){1,6}(?![\d,])(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?)"
                           r"(?:([A-Za-z]{1,4})(?![A-Za-z0-9]))?")


def _join_fractions(text, atoms, lexicon):
    """`1⁄3`, `1/16 of a pint`, `2 1/2 miles`: a numerator and a denominator are one number.

    The fraction slash (U+2044) always makes a fraction; a plain `/` only a proper one followed
    by `of` or a measure, since `24/7`, `9/11` and `3/4` in a score are no fractions.
    """
    joined = []
    for atom in atoms:
        numerator = joined[-1] if joined else None
        if numerator is not None and atom.start == numerator.end + 1 and _plain_digits(text, numerator) and \
                _plain_digits(text, atom) and atom.low > 0 and text[atom.end:atom.end + 1] not in ("/", "\u2044"):
            slash = text[numerator.end]
            proper = numerator.low < atom.low
            if slash == "\u2044" or slash == "/" and proper and text[numerator.start - 1:numerator.start] != "/" and (
                    _FRACTION_OF.match(text, atom.end) or _measure_after(text, atom.end, lexicon)):
                value = numerator.low / atom.low
                start = numerator.start
                joined.pop()
                whole = joined[-1] if joined else None
                if proper and whole is not None and whole.end == start - 1 and text[whole.end] == " " and \
                        _plain_digits(text, whole):
                    joined.pop()        # `2 1/2`
                    value += whole.low
                    start = whole.start
                joined.append(_Atom(start, atom.end, value, value, digits=True))
                continue
        joined.append(atom)
    return joined


def _plain_digits(text, atom):
    return text[atom.start:atom.end].isdigit() and atom.end - atom.start <= 4


def _measure_after(text, position, lexicon):
    follow = lexicon.after_number.match(text, position)
    return follow is not None and follow.group("measure") is not None


# `of` after a fraction: `1/16 of a pint`
_FRACTION_OF = re.compile(r"[ \t]{1,2}of\b")


_OF_GAP = re.compile(r"[ \t]{1,2}(?:out[ \t]{1,2})?of[ \t]{1,2}(?:(?:the|its|their|our|his|her)[ \t]{1,2})?")


def _share_forward(text, figures):
    """`56 of 72 drones`: the first number counts what the second one names."""
    for index in range(len(figures) - 1):
        figure, other = figures[index], figures[index + 1]
        if figure.unit is None and other.unit is not None and _OF_GAP.fullmatch(text, figure.end, other.start):
            figures[index] = dataclasses.replace(figure, unit=other.unit, category=other.category,
                                                 actor=figure.actor or other.actor, civilian=other.civilian)
    return figures


def _conversions_qualified(text, figures, lexicon):
    """`about 140 miles (230km)`, `more than $8bn (£6.55bn)`: an amount in brackets right after
    another of the same kind is the same amount converted, and is as approximate or bounded."""
    for index in range(len(figures) - 1):
        figure, other = figures[index], figures[index + 1]
        if not (figure.approximate or figure.bound) or other.approximate or other.bound or \
                not _same_kind_of_amount(figure, other, lexicon):
            continue
        if _CONVERSION_GAP.fullmatch(text, figure.end, other.start) and text[other.end:other.end + 12].find(")") >= 0:
            figures[index + 1] = dataclasses.replace(other, approximate=figure.approximate, bound=figure.bound)
    return figures


def _same_kind_of_amount(figure, other, lexicon):
    if figure.category == "money" and other.category == "money":
        return True
    kind = lexicon.measure_kind.get((figure.unit or "").lower())
    return kind is not None and kind == lexicon.measure_kind.get((other.unit or "").lower())


# from the end of a number to the next one in brackets: its unit, the bracket, a currency sign
_CONVERSION_GAP = re.compile(r"[ \t]{0,2}[^\d()\n]{0,24}?[ \t]{0,2}\([ \t]{0,2}[^\d\s()]{0,3}")


_BOUND_GAP = re.compile(r"[ \t]{0,2}(?:,[ \t]{0,2}|(?:,[ \t]{0,2})?and[ \t]{1,3})")


def _join_bounds(text, figures, lexicon):
    """`more than 10 and less than 40`, `at most 100 and at least 20`: a floor and a ceiling side
    by side are one range."""
    joined = []
    index = 0
    while index < len(figures):
        figure = figures[index]
        if index + 1 < len(figures):
            other = figures[index + 1]
            conjunction = _BOUND_GAP.match(text, figure.end, other.start) if figure.bound and other.bound and \
                figure.bound != other.bound else None
            # after the `and` only the second number's own qualifier may stand
            qualifier = (lexicon.min_before if other.bound == "min" else lexicon.max_before).match(
                text, conjunction.end(), other.start) if conjunction else None
            if qualifier is not None and qualifier.end() == other.start:
                low, high = (figure.low, other.low) if figure.bound == "min" else (other.low, figure.low)
                if low < high:
                    joined.append(dataclasses.replace(
                        figure, text=text[figure.start:other.end], end=other.end, value=low, low=low, high=high,
                        bound=None, unit=figure.unit or other.unit))
                    index += 2
                    continue
        joined.append(figure)
        index += 1
    return joined


# A stretch where numbers come this close together is a table or noise, not prose: its numbers are
# reported with their values only, which keeps a megabyte of `1,1,1,...` as cheap as news text.
_DENSE_COUNT = 64
_DENSE_SPAN = 6 * _DENSE_COUNT


def _dense(atoms):
    """Indexes of atoms inside a stretch with _DENSE_COUNT numbers in under _DENSE_SPAN characters."""
    dense = set()
    marked = -1             # every index up to here is already in `dense`
    for index in range(len(atoms) - _DENSE_COUNT):
        if atoms[index + _DENSE_COUNT].start - atoms[index].start < _DENSE_SPAN:
            dense.update(range(max(index, marked + 1), index + _DENSE_COUNT + 1))
            marked = index + _DENSE_COUNT
    return dense


def _bare_figure(text, atom) -> Figure:
    unit = atom.currency or ("%" if atom.percent else atom.measure)
    return _figure(text, atom, False, None, unit, "money" if atom.currency else "other", None, None)


_PARTITIVE_GAP = re.compile(r"(?i:.{0,60}\b(?:including|of which|of them|of whom|among them|incl\.))[ \t]{0,2}(?:at least|about|some|nearly|over|more than)?[ \t]{0,2}$", re.S)
_COORDINATE_GAP = re.compile(r"[ \t]{0,2}(?:,|and|or|as well as|plus)[ \t]{1,3}(?:another[ \t]|a further[ \t]|at least[ \t]|about[ \t])?[ \t]{0,2}$")


_PEOPLE_CATEGORIES = ("killed", "wounded", "casualties", "captured", "missing", "displaced")


def _inherit(text, atom, figure, previous, context):
    """A number that names no category of its own takes its neighbour's: `killed 23 people –
    including three children`, `40 drones, including 34 over Krasnodar and four over Azov`,
    `75 of them were downed`, `some 30,000 pupils and 120,000 residents` (to evacuate)."""
    earlier_atom, earlier = previous
    if figure.unit is None and earlier.unit and figure.category in _PEOPLE_CATEGORIES and \
            earlier.category in _PEOPLE_CATEGORIES and atom.start - earlier_atom.end < 80 and \
            context.sentence(atom.start, atom.end)[0] <= earlier_atom.start:
        # `four civilians died and nine were hurt`: the nine are civilians too
        figure = dataclasses.replace(figure, unit=context.lexicon.plurals.get(earlier.unit, earlier.unit),
                                     civilian=figure.civilian if figure.civilian is not None else earlier.civilian)
    if earlier.category == "other" or figure.category not in ("other", "troops") or \
            (figure.unit and _head_category(figure.unit, context.lexicon)[0] == "objects"):
        # (`two residents died while scores of homes were damaged`: homes are no victims)
        return figure
    if context.sentence(atom.start, atom.end)[0] > earlier_atom.start:
        return figure
    gap = text[earlier_atom.end:atom.start]
    after = text[atom.end:atom.end + 12]
    partitive = _PARTITIVE_GAP.match(gap) is not None or _PARTITIVE_AFTER.match(after)
    bare = figure.unit is None and figure.category == "other"
    coordinate = figure.category == "other" and len(gap) < 60 and _COORDINATE_GAP.search(gap) is not None
    if figure.category == "troops" and not partitive:
        return figure
    if not (partitive or bare or coordinate):
        return figure
    if earlier.category == "money" and not (atom.scaled or bare):
        return figure
    changes = {"category": earlier.category, "actor": figure.actor or earlier.actor}
    if figure.unit is None or partitive and figure.unit is None:
        changes["unit"] = earlier.unit
    if figure.civilian is None and earlier.civilian is not None:
        changes["civilian"] = earlier.civilian
    if partitive or bare:
        changes["actor"] = earlier.actor or figure.actor
    return dataclasses.replace(figure, **changes)


def _qualifier_pattern(words):
    """`words` right before a number: whole words (`more than`), or symbols (`>=`) that may
    follow a letter (`x>10`) but not another comparison sign (`=>`, `<>` are no qualifiers)."""
    named = [word for word in words if word[:1].isalpha()]
    symbols = [word for word in words if not word[:1].isalpha()]
    return _Ending(_qualifier_source, [*_case_forms(named), *symbols], " \t\u00a0")


def _qualifier_source(words):
    """The pattern source of _qualifier_pattern for `words` (all their case forms given)."""
    named = [word for word in words if word[:1].isalpha()]
    symbols = [word for word in words if not word[:1].isalpha()]
    branches = []
    if named:
        branches.append(rf"(?:^|(?<![\w<>=])){_alternation(named)}")
    if symbols:
        branches.append(rf"(?<![<>=]){_alternation(symbols)}")
    return rf"(?:{'|'.join(branches)})[ \t\u00a0]{{0,2}}$"


def _approximate_source(words):
    return rf"(?:^|(?<![\w])){_alternation(words)}[ \t\u00a0]{{0,2}}$"


def _code_source(words):
    return rf"(?:^|(?<![\w])){_alternation(words)}[ \t\u00a0]?[:#]?[ \t\u00a0]?$"


def _currency_source(symbols, words):
    """The pattern source of a currency symbol or code before a number; the named groups are
    there even when `words` has no word for them."""
    symbol = _alternation([word for word in words if word in symbols]) if set(words) & symbols else _NEVER
    code = _alternation([word for word in words if word not in symbols]) if set(words) - symbols else _NEVER
    return rf"(?:(?P<symbol>{symbol})|\b(?P<code>{code}))[ \u00a0]?$"


_NEVER = "(?!)"         # a pattern that matches nothing


class _Ending:
    """A pattern for words written right before a number: one of `words`, then characters of
    `tail` (white space, `:`), then the end of the searched text. `source(words)` writes the
    pattern for some of the words.

    `search` and `match` answer as the whole pattern's own would. A search tries the pattern at every
    start position, and only a few numbers in a hundred have such a word before them: the words'
    last tokens, looked up by the text's last character, rule the others out first. Only words
    whose last token ends with that character can match, so the pattern searched is made of those
    alone, when first needed: a new process then compiles a few small patterns, not one with every
    word (compiling is most of the cost of a process's first document).
    """

    def __init__(self, source, words, tail):
        self.source = source
        self.words = list(words)
        self.tail = tail
        # a word made of tail characters alone (`#`) can only be among the stripped characters
        self.bare = [word for word in self.words if not word.rstrip(tail)]
        self.ends = {}              # last character -> the words' last tokens that end with it
        self.by_end = {"": list(self.bare)}     # last character -> the words that may match (bare ones too)
        for word in self.words:
            token = word.split()[-1].rstrip(tail)
            self.ends.setdefault(token[-1:], set()).add(token)
            self.by_end.setdefault(token[-1:], list(self.bare)).append(word)
        self.ends = {character: tuple(sorted(tokens)) for character, tokens in self.ends.items()}
        self.patterns = {}          # last character -> the pattern of its words

    def search(self, text):
        pattern = self._candidate(text)
        return pattern.search(text) if pattern is not None else None

    def match(self, text, pos, endpos):
        """As the whole pattern's match(text, pos, endpos); a match ends where a search's would,
        so the same words are tried."""
        pattern = self._candidate(text[pos:endpos])
        return pattern.match(text, pos, endpos) if pattern is not None else None

    def _candidate(self, text):
        """The pattern of the words that may end `text` (as `$` reads it), or None if none can."""
        core = text[:-1] if text.endswith("\n") else text      # `$` also matches before a final newline
        stripped = core.rstrip(self.tail)
        last = stripped[-1:]
        tokens = self.ends.get(last)
        if tokens is not None and stripped.endswith(tokens):
            return self._pattern(last)
        for word in self.bare:
            if word in core[len(stripped):]:
                return self._pattern("")
        return None

    def _pattern(self, last):
        pattern = self.patterns.get(last)
        if pattern is None:
            pattern = self.patterns[last] = re.compile(self.source(self.by_end[last]))
        return pattern


def _runs(text, starts, lexicon, glued):
    """Yield the runs of number tokens in text order; add to `glued` where the digits of an amount
    glued to a currency code start (`USD10m`: no run starts there).

    Cheap passes find where a run can start (`starts`: a digit not glued to a word, or a number
    word); the full run pattern is then tried only there. One big alternation tried at every
    character would be several times slower.
    """
    if ".5" in text or "." in text and lexicon.point_start.search(text):
        starts = sorted(starts + [m.start() for m in lexicon.point_start.finditer(text)])
    consumed = 0
    for position in starts:
        if position < consumed:
            continue
        if position >= 2 and text[position - 1] in ",." and text[position - 2].isdigit() and \
                _THOUSANDS_TAIL.match(text, position):
            continue        # `USD1,700`: the tail group of a number that was not taken
        lead = None
        if position >= 2 and text[position - 1] in " \t-" and text[position - 2] in "aAnNfFrRsSeE":
            lead = lexicon.lead_before.search(text, max(consumed, position - 24), position)
        match = lexicon.scan.match(text, lead.start() if lead else position)
        if match is None and lead is not None:
            match = lexicon.scan.match(text, position)
        if match is None:
            code = lexicon.glued_currency.match(text, position) if text[position] in lexicon.glued_first else None
            if code is not None:
                glued.append(code.end())
            continue
        consumed = match.end()
        yield match


def _run_starts(text, lexicon):
    """Where a run can start, in text order: a digit not glued to a word or a number, a number word,
    a currency code glued to digits (`USD10m`, which _runs sets apart).

    One pass for the character before the start, which is no letter, digit or underscore: a
    pattern that begins with a character class lets the engine skip through the text in C, where
    one that begins with a look-behind is tried at every character. The start of the text has no
    character before it: it is tried as if a space stood before it (its first words, one more
    character than the longest number word takes, are all the pattern can read).
    """
    starts = []
    resume = 0
    if text[:1].isdecimal():                    # what `\d` matches
        starts.append(0)
    else:
        first = lexicon.run_start.match(" " + text[:lexicon.longest_word + 1])
        if first is not None:
            starts.append(0)
            resume = first.end() - 1            # (a word of several may hold spaces)
    starts.extend([match.start() + 1 for match in lexicon.run_start.finditer(text, resume)])
    return starts


def _trie(words) -> str:
    """`words` as a prefix-tree pattern; a space in a word matches a short run of white space."""
    return trie(words, gap=r"[ \t\n\u00a0]{1,3}")


def _case_forms(words):
    """Each word as written in lower case, Capitalized and UPPER CASE."""
    forms = set()
    for word in words:
        forms.update((word, word[:1].upper() + word[1:], word.upper()))
    return forms


# ---------------------------------------------------------------------------------------------
# Lexicon and patterns, built once from the data files.

def _alternation(words, flags_insensitive=False) -> str:
    """Regex alternation of `words` (as a prefix tree); `flags_insensitive` adds the Capitalized
    and UPPER CASE forms, which is much faster than `(?i:...)` in Python's engine."""
    return "(?:" + _trie(_case_forms(words) if flags_insensitive else set(words)) + ")"


# Digits: grouped by commas, Indian lakh commas, dots or spaces; plain; decimal comma; .5
_DIGITS = r"""
    (?:\d{1,3}(?:,\d{3}){1,6}(?!\d)(?:\.\d+)?                # 1,234,567.8
      |\d{1,2}(?:,\d{2}){1,4},\d{3}(?!\d)(?:\.\d+)?          # 12,34,567 (Indian grouping)
      |\d{1,3}(?:\.\d{3}){1,6}(?![\d.])(?:,\d+)?             # 76.000, 1.111,11 (dot groups)
      |\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}){1,6}(?!\d)(?:[.,]\d+)?   # 1 234 567
      |(?<!\d,)\d{1,9},\d{1,2}(?![\d,])                      # 1,3 (decimal comma, not a list)
      |\d{1,30}(?:\.\d{1,20})?                               # 34120, 3.5
      |(?<![^\s$£€(])\.\d{1,20})                             # .25
"""
# What joins the tokens of one run.
_SEPARATOR = r"""
    (?:[ \t\u00a0]{1,3}|[ \t]{0,2}-[ \t]{0,2})               # space or a hyphen
    (?:(?i:and|point)(?:[ \t]{1,3}|-))?                      # one hundred and six, two point five
    (?:(?i:a|an|of[ \t]{1,3}an?)(?:[ \t]{1,3}|-))?          # and a half, half a million, a quarter of a million
"""
# A word before the first token: `a million`, `half a dozen`, `minus 5`, `minus-1.4` (only minus
# and negative, which end in s and e, take a hyphen).
_LEAD = r"(?:\b(?i:a|an|half|quarter|minus|negative)(?:[ \t]{1,3}|(?<=[sSeE])-(?=\d))(?:(?i:a|an)[ \t]{1,3})?)?"
# Digits that are no number, taken whole so that no run starts inside them.
_SKIP = r"""
    (?<![\w.])(?:
       \d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?      # 2022-05-11 06:00
      |\d{1,2}:\d{2}(?::\d{2})?(?:[ ]?(?i:a\.m\.|p\.m\.|am|pm)\b)?    # 06:00, 6:30pm
      |\d{1,2}[./]\d{1,2}[./]\d{2,4}(?!\d)                        # 11.05.2022, 5/17/2018
      |\d{4}[./]\d{1,2}[./]\d{1,2}(?!\d)                          # 2026/02/21
      |\d{1,3}(?:\.\d{1,3}){3}(?!\d)                              # 192.168.1.2
      |\d{1,6}(?:-\d{1,6}){2,6}(?!\d)                             # phone numbers, codes
      |\d{1,4}(?i:st|nd|rd|th)\b                                  # 47th
      |\d{1,2}[ ]?(?i:a\.m\.|p\.m\.|am\b|pm\b)                    # 6pm
    )
"""
# Pluralized number words that stand for a base when a number precedes them (`3 dozens`, `two
# hundreds`).
_VAGUE_BASE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 1e6,
               "billions": 1e9, "trillions": 1e12}


class _Lexicon:
    """Every word list and compiled pattern the extractor needs, built from the data files."""

    def __init__(self):
        numbers = load("numbers.json")
        units = load("figure_units.json")
        context = load("figure_context.json")
        categories = load("figure_categories.json")
        actors = load("figure_actors.json")
        self._read_number_words(numbers)
        self._build_run_patterns(units)
        self._build_unit_patterns(units)
        self._build_qualifier_patterns(context)
        self._build_date_patterns(context)
        self._read_context_words(context)
        self._read_categories(categories)
        self._read_actors(actors)
        self._build_line_patterns()

    def _read_number_words(self, numbers):
        """Number words by kind, and the scale abbreviations."""
        self.words = {}                         # lower-case word -> (kind, value)
        for section, kind in (("units", "unit"), ("tens", "tens"), ("scales", "scale"),
                              ("multipliers", "mult"), ("fractions", "frac")):
            for word, value in numbers[section].items():
                self.words[word] = (kind, value)
        self.vague = {word: value for word, value in numbers["vague"].items() if not word.startswith("_")}
        for word in self.vague:
            self.words[word] = ("vague", self.vague[word])
        self.words["hundreds"] = ("vague", self.vague["hundreds"])
        for word in numbers["negative"]:
            self.words[word] = ("neg", -1)
        self.vague_base = dict(_VAGUE_BASE)
        abbreviations = numbers["scale_abbreviations"]
        self.attached = dict(abbreviations["attached"])
        self.spaced = dict(abbreviations["spaced"])
        self.with_currency = abbreviations["with_currency"]

    def _build_run_patterns(self, units):
        """The scan for runs of number tokens, the pattern that splits a run into tokens, and the
        cheap patterns that find where a run may start."""
        word_token = _trie(_case_forms(self.words))
        attached = _alternation(self.attached)
        spaced = _alternation(self.spaced)
        self.scaled_token = re.compile(rf"\d[\d.,]{{0,12}}{attached}")
        token = rf"""
            (?:(?<![\w.]){_DIGITS}(?:{attached}(?![A-Za-z0-9])|[ ]{spaced}(?![A-Za-z0-9]))?   # 40k, 3 bn
              |\b{word_token}\b)                                     # five, hundred, dozen
        """
        self.range_end_after = re.compile(
            rf"[ \t]{{0,2}}(?:-|–|—|to|or)[ \t]{{0,2}}(?:\d{{1,4}}(?:\.\d{{1,3}})?(?![\d.,])|{word_token}\b)")
        self.scan = re.compile(
            rf"(?P<skip>{_SKIP})|(?P<run>{_LEAD}{token}(?:{_SEPARATOR}{token}){{0,14}})", re.VERBOSE)
        self.token = re.compile(
            rf"""(?P<digits>(?<![\w.]){_DIGITS})(?P<abbr>{attached}(?![A-Za-z0-9])|[ ]{spaced}(?![A-Za-z0-9]))?
                |(?P<word>\b{_trie(_case_forms(list(self.words) + ['a', 'an', 'and', 'point']))}\b)
                |(?P<dash>-)""", re.VERBOSE)
        # Where a run can start (see _run_starts), matched from the character before it: a number
        # word, or a digit not glued to a word or a number (the digit is left unconsumed: one that
        # is no ASCII digit may stand before a word); `.25`.
        # Also in the same pass, an amount glued to a currency code or to a symbol ending in a letter
        # (`USD10m`, `$US55m`), which _runs tells apart with `glued_currency`.
        glued = [*units["currency_codes"], *(s for s in units["currency_symbols"] if s[-1:].isalpha())]
        glued_currency = rf"{_alternation(glued)}(?=\d)"
        self.glued_currency = re.compile(glued_currency)
        self.glued_first = frozenset(word[0] for word in glued)
        first_letters = "".join(sorted({word[0] for word in [*_case_forms(self.words), *glued]}))
        self.run_start = re.compile(
            rf"[^A-Za-z0-9_](?=[\d{re.escape(first_letters)}])"
            rf"(?:{word_token}(?![A-Za-z0-9_])|(?=\d)(?<![\w.])|{glued_currency})")
        # the most characters a number word can take (a space in it may be three)
        self.longest_word = max(len(word) + 2 * word.count(" ") for word in self.words)
        self.point_start = re.compile(r"\.\d(?<![^\s$£€(~]\.\d)")
        self.lead_before = re.compile(
            r"\b(?:(?i:a|an|half|quarter)[ \t]{1,3}|(?i:minus|negative)(?:[ \t]{1,3}|-))(?:(?i:a|an)[ \t]{1,3})?$")

    def _build_unit_patterns(self, units):
        """Currencies, percent, measures and time units around a number."""
        self.currency_symbols = units["currency_symbols"]
        self.currency_codes = set(units["currency_codes"])
        self.currency_words = {k.lower(): v for k, v in units["currency_words"].items()}
        codes = _alternation(self.currency_codes)
        self.currency_before = _Ending(functools.partial(_currency_source, set(self.currency_symbols)),
                                       [*self.currency_symbols, *self.currency_codes], " \u00a0")
        measures = [measure for measure in units["measures"] if not measure.startswith("_")]
        # short measures (`km`, `m`) only as written; longer ones in any case, as whole words
        self.after_number = re.compile(rf"""
            (?P<percent>[ \u00a0]?%|[ \u00a0]?{_alternation(units['percent_abbreviations'])}\b
              |[ \u00a0]{_alternation(units['percent_words'], True)}\b)
           |[ \u00a0]?(?P<code>{codes})\b
           |[ \u00a0](?P<currency>{_alternation(self.currency_words, True)})\b
           |(?:[ \u00a0]|-(?=[A-Za-z°]))?(?P<measure>{_alternation([m for m in measures if len(m) < 4])}(?![\w²])
              |{_alternation([m for m in measures if len(m) >= 4], True)}\b)
        """, re.VERBOSE)
        self.measure_kind = {k.lower(): v for k, v in units["measures"].items() if not k.startswith("_")}
        self.ownerless_kinds = frozenset(units["ownerless_measure_kinds"]["kinds"])
        self.time_units = units["time_units"]
        self.time_after = re.compile(
            rf"(?:[ \u00a0]|[ ]?[-\u2010\u2011][ ]?)(?:(?i:more|additional|further|extra|long|full|whole|straight|"
            rf"consecutive|previous|past|next|last)[ \u00a0])?(?:{_alternation(units['time_units'], True)})(?![\w])")

    def _build_qualifier_patterns(self, context):
        """Words that make a number approximate, a floor or a ceiling, before or after it."""
        self.approx_before = _Ending(_approximate_source, _case_forms(context["approximate_before"]), " \t\u00a0")
        self.min_before = _qualifier_pattern(context["min_before"])
        self.qualifier_last_words = {
            phrase.split()[-1].lower() for key in ("approximate_before", "min_before", "max_before")
            for phrase in context[key] if phrase[:1].isalpha()}
        self.max_before = _qualifier_pattern(context["max_before"])
        self.approx_after = re.compile(rf"^[ \t]?{_alternation(context['approximate_after'], True)}(?!\w)")
        self.min_after = re.compile(rf"^(?:\+(?![\d])|[ \t]{{1,2}}{_alternation([w for w in context['min_after'] if w != '+'], True)}(?![\w]))")
        self.max_after = re.compile(rf"^[ \t]{{1,2}}{_alternation(context['max_after'], True)}(?![\w])")
        # the first words of those after a number, lower-cased, for a cheap test before the patterns
        self.after_qualifier_starts = tuple(sorted({
            phrase.split()[0].lower() for key in ("approximate_after", "min_after", "max_after")
            for phrase in context[key]}))
        self.over_particle = re.compile(
            rf"(?i:\b{_alternation(context['over_as_particle_after']['words'])})[ \t]{{1,3}}$")
        self.between_before = re.compile(r"(?i:\bbetween)[ \t]{1,3}(?:(?:some|about|around|roughly|approximately)[ \t]{1,3})?$")

    def _build_date_patterns(self, context):
        """A month or date preposition next to a small number makes it a day, not a figure."""
        months = _alternation(context["months"])
        self.month_before = re.compile(rf"\b{months}\.?,?[ \t\u00a0]{{1,3}}(?:the[ ])?$")
        self.month_after = re.compile(rf"^(?:st|nd|rd|th)?[ \t\u00a0]{{1,3}}(?:of[ ])?{months}\b")
        # The other day of a day range: `February 20 to 21`, `20 to 21 February`.
        self.month_range_before = re.compile(
            rf"\b{months}\.?[ \t\u00a0]{{1,3}}\d{{1,2}}(?:st|nd|rd|th)?[ ]?(?:to|and|-|–|through|until|or)[ ]?$")
        self.month_range_after = re.compile(
            rf"^(?:st|nd|rd|th)?[ ]?(?:to|and|-|–|through|until|or)[ ]?\d{{1,2}}(?:st|nd|rd|th)?[ \t\u00a0]{{1,3}}(?:of[ ])?{months}\b")
        self.date_prepositions = re.compile(rf"\b{_alternation(context['date_prepositions'], True)}[ \t]{{1,3}}$")

    def _read_context_words(self, context):
        """Words around a number that make it a code, end a noun phrase, or make `one` no number."""
        self.code_before = _Ending(_code_source, context["code_words"], " \t\u00a0:#")
        self.stop_words = set(word.lower() for word in context["stop_words"])
        self.heads_before_of = dict(context["heads_before_of"]["words"])
        self.head_of_before = re.compile(
            rf"\b({_alternation(self.heads_before_of)})[ \t]{{1,2}}of[ \t]{{1,2}}(?:[a-z]{{1,13}}[ \t]{{1,2}}){{0,2}}$")
        self.object_after = re.compile(
            rf"[ \t]{{1,2}}(?:{_alternation(context['object_determiners']['words'], True)}[ \t]|[A-Z][a-z])")
        self.continuing_heads = frozenset(context["plural_heads_that_continue"])
        self.compound_words = set(context["compound_not_counts"]["words"])
        self.calendar_words = set(context["months"]) | set(context["weekdays"])
        self.one_next = set(context["one_not_a_number"]["before"])
        self.one_previous = set(context["one_not_a_number"]["after"])
        score = _alternation(context["score_words"]["words"], True)
        self.score_first = re.compile(rf"[-–]\d{{1,3}}[ \t]{{1,2}}{score}\b")
        self.score_second = re.compile(rf"[ \t]{{1,2}}{score}\b")
        self.age_nouns = frozenset(context["age_apposition_nouns"]["words"])
        self.idioms = _idioms_by_number_word(context["number_idioms"]["phrases"], self.words)
        self.parts_before = re.compile(
            rf"(?i:\b{_alternation(context['number_idioms']['parts_before'])})[ \t]{{1,3}}$")

    def _read_categories(self, categories):
        """Counted nouns and the verbs around them, by category."""
        self.noun_category = {}
        for category, nouns in categories["nouns"].items():
            for noun in nouns:
                self.noun_category[noun.lower()] = category
        self.longest_noun = max(len(noun.split()) for noun in self.noun_category)
        self.territory_needs_verb = set(categories["territory_needs_verb"])
        self.nouns_by_context = {
            noun: {"with": frozenset(context["with"]), "without": frozenset(context["without"])}
            for noun, context in categories["nouns_by_context"].items() if not noun.startswith("_")}
        self.plurals = {k: v for k, v in categories["plurals"].items() if not k.startswith("_")}
        self.civilian_nouns = set(word.lower() for word in categories["civilian_nouns"])
        self.military_nouns = set(word.lower() for word in categories["military_nouns"])
        verbs = []
        self.verb_category = {}
        for category, words in categories["verbs"].items():
            for word in words:
                self.verb_category.setdefault(word.lower(), category)
                verbs.append(word)
        for kind in ("skip", "block"):      # `death penalty` is passed over; `survived` ends the search
            for word in categories["verbs_neutral"][kind]:
                self.verb_category[word.lower()] = kind
                verbs.append(word)
        self.strong_troops_verbs = set(word.lower() for word in categories["verbs_strong_troops"])
        self.verbs = _Verbs(verbs)
        # A multiword casualty phrase must beat its first word: `killed or wounded` is casualties.
        for word in categories["verbs"]["casualties"]:
            self.verb_category[word.lower()] = "casualties"
        self.attack_verbs = frozenset(word.lower() for word in categories["attack_verbs_for_times"]["words"])
        self.territory_verbs = set(word.lower() for word in categories["verbs"]["territory"])

    def _read_actors(self, actors):
        """Countries (from the entities' gazetteer) and organisations, by every name, and the
        words for the other side."""
        self.actor_of = {}
        written = set()             # the names without the possessives made from them
        metonyms = [{"name": country, "aliases": [seat]} for seat, country in actors["metonyms"].items()
                    if not seat.startswith("_")]
        for entry in list(load("countries.json")) + list(actors["organisations"]) + metonyms:
            names = [entry["name"], *entry.get("aliases", []), *entry.get("demonyms", [])]
            if entry.get("capital"):
                names.append(entry["capital"])
            for name in names:
                self.actor_of.setdefault(name, entry["name"])
                written.add(name)
                if not name.endswith("s") and name[:1].isupper() and " " not in name:
                    self.actor_of.setdefault(name + "'s", entry["name"])
                    self.actor_of.setdefault(name + "’s", entry["name"])
        # No look-behind before the names: the pattern then starts with literals, which the engine
        # skips to in C; callers check the character before a match themselves. The possessives
        # (`Iran's`) are one ending after any name, which makes the pattern a third shorter to
        # compile; _actor_match cuts off the ending where it makes no name (`South Korea's`).
        self.actor_names = re.compile(rf"{_trie(written)}(?:(['’]s))?(?![\w-])")
        adversary = list(actors["adversary_words"])
        self.adversary_words = set(word.lower() for word in adversary)
        # Stems for str.find: what the words sharing their first five letters have in common, up
        # to a space (the text may have other white space there); a longer needle is found faster.
        groups = {}
        for word in adversary:
            groups.setdefault(word.lower()[:5], []).append(word.lower())
        self.adversary_stems = sorted(os.path.commonprefix(group).split()[0] for group in groups.values())
        self.adversaries = re.compile(rf"\b{_alternation(adversary, True)}(?![\w-])")
        self.sides = actors["sides"]
        self.default_side = actors["default_reporting_side"]
        # A name right before a reporting verb is who states the figure (`the UN verified 23
        # deaths`), not whose people or things it counts, unless the words after the verb say
        # they are its own (`Russia said 20 of its soldiers`).
        cues = load("statement_cues.json")
        self.reporting_verbs = frozenset({*cues["verbs"], *cues["passive_verbs"]})
        self.own_side = re.compile(rf"\b{_alternation(actors['own_side_words'], True)}\b")

    def _build_line_patterns(self):
        """Report lines, list markers and sentence ends."""
        self.layout_mark = re.compile(r"[‒–—:-]")         # the layout's dash or colon
        self.list_marker = re.compile(r"[ \t]*\(?[0-9]{1,2}[.)]$")
        # A sentence ends after `.`, `!`, `?` (a closing quote, a footnote number) and the space
        # before a capital, at a blank line, or before a bulleted line. One character class first
        # lets the engine skip ahead in C.
        self.sentence_end = re.compile(r"""
            [.!?\n]
            (?:(?<=[.!?])[\"”’')\]]?(?:\d{1,3})?\s+(?=[\"“‘(]?[A-Z0-9])    # end of a sentence
              |(?<=\n)[ \t]*\n                                           # a blank line
              |(?<=\n)(?=[ \t]*[-•*·]))                                  # a bullet's line
        """, re.VERBOSE)

    # The patterns below serve only some documents, so a process compiles them when one first
    # needs them.

    @functools.cached_property
    def side_markers(self):
        """Which side a document reports from: words each side's media use."""
        return {side: re.compile(_alternation(info["markers"])) for side, info in self.sides.items()}

    @functools.cached_property
    def layout(self):
        """Daily-report layout: `label ‒ [about] 1496`."""
        return re.compile(r"""
            [ \t]*(?:[-•*·][ \t]+)?                               # optional bullet (match() anchors)
            (?P<label>[A-Za-z][A-Za-z /'’().&+-]{0,70}?)          # what is counted: words, no digits
            [ \t]*(?:[‒–—:]|[ \t]-|-[ \t])[ \t]*                  # the dash or colon
            (?:(?P<qualifier>[A-Za-z~]{1,13}(?:[ ][a-z]{2,5})?)[ \t]+)?   # about, more than
            (?:[$£€][ ]?)?$
        """, re.VERBOSE)

    @functools.cached_property
    def time_unit_before(self):
        """A time unit a little before a number (`in the past 24 hours, 110 of which`)."""
        return re.compile(
            rf"\b(?:{_alternation([u for u in self.time_units if u[:1].isalpha() and len(u) > 3], True)})"
            r"\b[^.;:\d]{0,16}$")

    @functools.cached_property
    def url(self):
        """URLs, and the domain part of e-mail addresses (the local part is taken in code). A URL
        may hold parts in angle brackets, as Markdown writes them: `https://x.org/<javascript:void\\(0\\)>`
        (an angle bracket cannot start the other kind of part, so the loop runs in linear time)."""
        return re.compile(r"(?:https?://|www\.)(?:[^\s<>\"')\]]|<[^\s<>]{1,300}>){1,2000}"
                          r"|@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")


def _idioms_by_number_word(phrases, number_words):
    """{number words as written: [(words before, words after)]} for set phrases such as `in two
    minds` (`two`: (`in`, `minds`)) or `a thousand times` (`a thousand`: (``, `times`))."""
    idioms = {}
    for phrase in phrases:
        words = phrase.lower().split()
        for index, word in enumerate(words):
            if word in number_words:
                start = index - 1 if index and words[index - 1] in ("a", "an") else index
                written = " ".join(words[start:index + 1])
                idioms.setdefault(written, []).append((" ".join(words[:start]), " ".join(words[index + 1:])))
                break
    return idioms


class _Verbs:
    """The category verbs in the case forms `killed`, `Killed`, `KILLED`, found as one pattern of
    all those forms would find them.

    The pattern searched holds the lower-case forms only and runs over the lower-cased text: it
    is a third as long to compile. Should a match be in no such form (`kiLLed`), or lower-casing
    change the text's length, the pattern of every form (compiled then) answers instead.
    """

    def __init__(self, words):
        self.words = words
        self.lower = re.compile(rf"\b{_alternation([word.lower() for word in words])}\b")
        self.forms = _case_forms(words)
        self.every_form = None

    def finditer(self, text):
        """The verbs in `text` as a list of matches (of the lower-cased text, if that had them)."""
        lowered = text.lower()
        if len(lowered) == len(text):
            matches = list(self.lower.finditer(lowered))
            if lowered == text or all(self._written(text, match) for match in matches):
                return matches
        if self.every_form is None:
            self.every_form = re.compile(rf"\b{_alternation(self.words, True)}\b")
        return list(self.every_form.finditer(text))

    def _written(self, text, match):
        """Whether the text matched is one of the case forms."""
        return text.startswith(match.group(0), match.start()) or \
            " ".join(text[match.start():match.end()].split()) in self.forms


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon()


def _masked_spans(text, lexicon):
    """Spans (URLs, e-mail addresses) whose digits are never figures, as a sorted list."""
    # A match starts with `http`, `www.` or `@`: str.find spots those, and the pattern is tried
    # only there, in text order and without overlaps, as finditer would (scanning for its first
    # characters, h and w, would cost far more).
    candidates = sorted(at for marker in ("http", "www.", "@") for at in _occurrences(text, marker))
    spans = []
    consumed = 0
    for candidate in candidates:
        if candidate < consumed:
            continue
        match = lexicon.url.match(text, candidate)
        if match is None:
            continue
        consumed = match.end()
        start = match.start()
        if text[start] == "@":
            while start > 0 and match.start() - start < 64 and (text[start - 1].isalnum() or text[start - 1] in "._+-"):
                start -= 1
        spans.append((start, match.end()))
    return spans


def _after_link(text, position, masked) -> bool:
    """Whether `position` follows the `>` closing a link in angle brackets (`<https://x.org/1>8`):
    such a number is a footnote mark of the markup."""
    return position >= 2 and text[position - 1] == ">" and _inside(masked, position - 2)


def _occurrences(text, needle):
    """Every position of `needle` in `text`, in order."""
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def _inside(spans, position) -> bool:
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


# ---------------------------------------------------------------------------------------------
# Parsing a run of number tokens into numbers.

@dataclass
class _Atom:
    start: int
    end: int
    low: float
    high: float
    digits: bool = False        # written with digits
    scaled: bool = False        # carries a scale word or abbreviation (`million`, `bn`)
    scale: float = 1.0          # that scale, to share with the other end of a range
    vague: bool = False         # `dozens`, `thousands`
    grouped: bool = False       # digits with thousands separators
    dotted: bool = False        # `76.000`: dot groups, read by context
    word_one: bool = False      # the single word `one`
    currency: Optional[str] = None
    percent: bool = False
    measure: Optional[str] = None
    unit_end: int = -1          # end of a percent/currency/measure word after the number
    is_range: bool = False
    dense: bool = False         # inside a table-like stretch of numbers: values only


def _parse_run(text, match, lexicon):
    """Split one scanned run into atoms (single numbers) with their values."""
    run = match.group("run")
    if run.isdigit() and run.isascii():        # the common case: `2022`, `17`
        return [_Atom(match.start("run"), match.end("run"), float(run), float(run), digits=True)]
    share = _FRACTION_SHARE.fullmatch(run)
    if share is not None and _SHARE_OF_AFTER.match(text, match.end("run")) and \
            not _NO_SHARE_BEFORE.search(text, max(0, match.start("run") - 12), match.start("run")):
        # `a third of the voters`, `half the city`: a share of a whole, which no scale follows
        value = lexicon.words[(share.group(1) or share.group(2)).lower()][1]
        return [_Atom(match.start("run"), match.end("run"), value, value)]
    single = lexicon.words.get(run.lower())
    if single is not None:                     # one number word: `five`, `dozens`
        atom, _ = _parse_number([(single[0], single[1], match.start("run"), match.end("run"), 1.0, False, False)],
                                0, lexicon)
        return [atom] if atom is not None else []
    tokens = []
    for token in lexicon.token.finditer(text, match.start("run"), match.end("run")):
        if token.group("digits") is not None:
            raw = token.group("digits")
            abbr = token.group("abbr")
            value, grouped, dotted = _digit_value(raw)
            if value is None:
                continue
            scale = 1.0
            if abbr:
                key = abbr.strip()
                scale = lexicon.attached.get(key) or lexicon.spaced.get(key, 1.0)
            tokens.append(("num", value, token.start(), token.end(), scale, grouped, dotted))
        elif token.group("word") is not None:
            word = _WHITESPACE.sub(" ", token.group("word").lower())
            kind, value = lexicon.words.get(word, (word, None))
            if kind == "frac" and text[token.end():token.end() + 1] == "-":
                kind = "compound"       # `third-world`, `quarter-final`: no fraction
            tokens.append((kind, value, token.start(), token.end(), 1.0, False, False))
        elif not (tokens and tokens[-1][3] == token.start() and tokens[-1][0] not in ("dash", "num") and
                  _HYPHENATED_WORDS.match(text, token.end())):
            tokens.append(("dash", None, token.start(), token.end(), 1.0, False, False))
        # (a hyphen that joins number words, `two-and-a-half`, `two-thirds`, is only spelling)
    atoms = []
    index = 0
    while index < len(tokens):
        atom, index_after = _parse_number(tokens, index, lexicon)
        if atom is None:
            index += 1
            continue
        atoms.append(atom)
        index = index_after
    return atoms


# a fraction that stands for a share: `a third`, `a quarter`, `half` (whose `of` comes after)
_FRACTION_SHARE = re.compile(r"(?i:an?[ \t]{1,3}(third|quarter|fifth|tenth)|(half))")
_SHARE_OF_AFTER = re.compile(r"[ \t]{1,3}(?:of|the)\b(?![ \t]{1,3}an?[ \t]{1,3}(?i:hundred|thousand|million|billion|dozen))")
# `the second half of the year`, `the first quarter`: a part of a period; `cut by half the
# flow`, `in half`: a change; no share
_NO_SHARE_BEFORE = re.compile(r"(?i:\b(?:the|first|second|third|fourth|last|latter|former|final|next|previous|by|in))[ \t]{1,3}$")


def _digit_value(raw):
    """Value of a digit string; returns (value, grouped by thousands, dot-grouped)."""
    if raw.isdigit():
        return float(raw), False, False
    if "," in raw and "." in raw and raw.rfind(",") > raw.rfind("."):     # 1.111,11
        return float(raw.replace(".", "").replace(",", ".")), True, False
    compact = _GROUP_SPACES.sub("", raw)
    grouped = compact != raw
    if "," in compact:
        head, _, tail = compact.rpartition(",")
        if len(tail) != 3 or "." in tail:
            if len(tail) in (1, 2) and "," not in head and "." not in compact:    # decimal comma
                return float(head + "." + tail), False, False
            if "." in tail and len(tail.split(".")[0]) == 3:
                return float(compact.replace(",", "")), True, False
            return None, False, False
        return float(compact.replace(",", "")), True, False
    if _DOT_GROUPS.fullmatch(compact):                # 1.234.567
        return float(compact.replace(".", "")), True, True
    if _ONE_DOT_GROUP.fullmatch(compact):                         # 76.000: decided later
        return float(compact), False, True
    return float(compact), grouped, False


# A token is a tuple (kind, value, start, end, scale, grouped, dotted); past the last one a
# reading sees this one, which continues nothing.
_NO_TOKEN = (None, None, 0, 0, 1.0, False, False)


@dataclass(slots=True)
class _Reading:
    """Where the reading of one number stands: the tokens are read left to right as one says a
    number, each group (`three hundred and six`) closing when a scale word (`thousand`) follows."""
    tokens: list
    position: int                   # the token to read next
    start: int
    end: int                        # end of the last token taken
    sign: int = 1
    total: float = 0.0              # the groups a scale has closed
    hundreds: float = 0.0           # the part of the current group that came from `hundred`
    small: Optional[float] = None   # the current group below a hundred (or a digit literal)
    digits: bool = False
    scaled: bool = False
    last_scale: Optional[float] = None
    last_kind: str = "unit"         # what the last token taken was, which says what may follow
    word_one: bool = False

    def peek(self, offset):
        at = self.position + offset
        return self.tokens[at] if at < len(self.tokens) else _NO_TOKEN

    def take(self, token, kind):
        """The number goes on to the end of `token`, read as `kind`."""
        self.end = token[3]
        self.last_kind = kind
        self.position += 1


def _parse_number(tokens, index, lexicon):
    """Parse one number starting at tokens[index]; return (atom or None, next index)."""
    reading = _Reading(tokens, index, tokens[index][2], tokens[index][3])
    if tokens[index][0] == "neg" and not _read_minus(reading):
        return None, index + 1
    first = tokens[reading.position]
    kind, value, _, end, scale, grouped, dotted = first
    reading.end = end
    if kind == "vague":                     # `dozens`: a number on its own
        return _Atom(reading.start, end, value, value, vague=True, scaled=True), reading.position + 1
    if kind == "num" and scale != 1.0:      # `40k`, `3bn`: a scale abbreviation closes the number
        scaled = reading.sign * value * scale
        return _Atom(reading.start, end, scaled, scaled, digits=True, scaled=True, scale=scale,
                     grouped=grouped), reading.position + 1
    if not _read_first(reading, first):
        return None, index + 1
    while reading.position < len(tokens):
        token = tokens[reading.position]
        step = _READING_STEPS.get(token[0])
        if step is None or not step(reading, token, lexicon):
            break
    return _read_atom(reading, index, grouped, dotted), reading.position


def _read_minus(reading):
    """`minus 5`, `minus-1.4`: take the sign; False when no number follows it."""
    if reading.peek(1)[0] == "dash" and reading.peek(2)[0] == "num":
        reading.position += 1
    if reading.peek(1)[0] not in ("num", "unit", "tens"):
        return False
    reading.sign = -1
    reading.position += 1
    return True


def _read_first(reading, first):
    """Take the first token of a number (after its sign); False when that token starts none.
    `a`, `an` and a fraction start one only before a scale (`a million`, `half a dozen`), and a
    scale only before a larger one (`hundred thousand dollars`)."""
    kind, value = first[0], first[1]
    if kind in ("a", "an") and reading.peek(1)[0] == "frac":
        reading.position += 1           # `a quarter million`: the article only spells the fraction
        return _read_first(reading, reading.peek(0))
    if kind in ("a", "an"):
        following = reading.peek(1)
        if following[0] not in ("scale", "mult") and not (
                following[0] == "frac" and reading.peek(2)[0] in ("scale", "mult")):
            return False
        if following[0] == "scale" and following[1] >= 1000 and reading.peek(2)[0] == "frac":
            return False
        reading.small = 1.0
        reading.position += 1
    elif kind == "frac":
        skip = 2 if reading.peek(1)[0] in ("a", "an") else 1
        if reading.peek(skip)[0] not in ("scale", "mult"):
            return False
        reading.small = value
        reading.position += skip
    elif kind == "num":
        reading.small = value
        reading.digits = True
        reading.position += 1
    elif kind in ("unit", "tens"):
        reading.small = value
        reading.word_one = kind == "unit" and value == 1
        reading.position += 1
    elif kind == "scale" and reading.peek(1)[0] == "scale" and reading.peek(1)[1] > value:
        reading.small = 1.0             # (the scale itself is read next, as after `one`)
    else:
        return False
    reading.last_kind = kind if kind in ("num", "unit", "tens") else "unit"
    return True


def _read_atom(reading, index, grouped, dotted):
    """The atom a finished reading stands for."""
    result = reading.sign * (reading.total + reading.hundreds + (reading.small or 0))
    scale = (reading.last_scale or (100 if reading.hundreds else 1.0)) if reading.scaled else 1.0
    return _Atom(reading.start, reading.end, result, result, digits=reading.digits, scaled=reading.scaled,
                 grouped=grouped, dotted=dotted, word_one=reading.word_one and reading.position == index + 1,
                 scale=scale)


# Each step below takes one token after the first into the reading and returns True, or returns
# False when the number ends there (some take their token and end it: a fraction, decimals).

def _take_dash(reading, token, lexicon):
    """A hyphen goes on only between tens and a unit: `twenty-five`."""
    following = reading.peek(1)
    if reading.last_kind == "tens" and following[0] == "unit" and 1 <= following[1] <= 9:
        reading.position += 1
        return True
    return False


def _take_scale(reading, token, lexicon):
    """`hundred`, `thousand`, `million` multiply the current group and close it; the scales must
    fall (`five million two thousand`), or the number ends."""
    value = token[1]
    if reading.small is None and reading.hundreds == 0:
        if reading.last_kind == "scale" and reading.last_scale is not None and value > reading.last_scale and \
                reading.total > 0:
            reading.total *= value          # `three lakh crore`: a larger scale multiplies it all
            reading.last_scale = value
            reading.end = token[3]
            reading.position += 1
            reading.scaled = True
            return True
        return False
    group = reading.hundreds + (reading.small or 0)
    if value == 100:
        if reading.hundreds:
            return False
        reading.hundreds, reading.small = group * 100, None
    else:
        if reading.last_scale is not None and value >= reading.last_scale:
            return False
        _close_group(reading, value)
    reading.scaled = True
    reading.take(token, "scale")
    return True


def _close_group(reading, scale):
    """The current group times `scale` joins the total: `three hundred and six` + `thousand`."""
    reading.total += (reading.hundreds + (reading.small or 0)) * scale
    reading.hundreds, reading.small = 0.0, None
    reading.last_scale = scale


def _take_fraction(reading, token, lexicon):
    """`two thirds`, `three-quarters`: a fraction after a small number multiplies it and ends the
    number, or goes on to the scale after it (`three quarters of a million`, `one half million`)."""
    if reading.last_kind not in ("unit", "tens") or reading.small is None or reading.hundreds != 0 or \
            reading.total != 0:
        return False
    skip = 2 if reading.peek(1)[0] in ("a", "an") else 1
    scale_follows = reading.peek(skip)[0] in ("scale", "mult")
    if scale_follows:
        reading.small *= token[1]
        reading.take(token, "unit")
        reading.position += skip - 1
        return True
    if reading.peek(1)[0] not in ("scale", "mult"):
        reading.small *= token[1]
        reading.take(token, "frac")
    return False


def _take_multiplier(reading, token, lexicon):
    """`dozen` multiplies the current group: `two dozen`, `a dozen`, `dozen` alone (one)."""
    if reading.small is not None:
        small = reading.small
    elif reading.hundreds == 0:
        small = 1.0
    else:
        return False
    reading.small = small * token[1]
    reading.scaled = True
    reading.take(token, "mult")
    return True


def _take_vague_scale(reading, token, lexicon):
    """A vague plural right after a number is its scale: `3 dozens`, `two hundreds`."""
    if reading.small is None or reading.last_kind not in ("num", "unit", "tens"):
        return False
    base = lexicon.vague_base.get(_token_text(reading.tokens, reading.position))
    if base is None:
        return False
    if base < 1000:
        reading.small *= base
    else:
        _close_group(reading, base)
    reading.scaled = True
    reading.take(token, "scale")
    return True


def _take_number(reading, token, lexicon):
    """A digit or number word after the first: the unit of `twenty five`, or the part that
    follows a scale or its `and` (`three hundred and six`, `2 million 300 thousand`)."""
    kind, value = token[0], token[1]
    number = value * (token[4] if kind == "num" else 1)
    last_kind = reading.last_kind
    if kind == "num" and last_kind in ("num", "unit", "tens"):
        return False        # two numbers side by side
    if last_kind == "tens" and kind == "unit" and 1 <= value <= 9 and reading.small is not None and \
            reading.small % 10 == 0:
        reading.small += value
        reading.take(token, "unit")
        return True
    if last_kind == "and" and kind == "num" and number == 0:
        return False        # `3 hundred and 0`: a zero is never a part
    if last_kind not in ("scale", "and") or reading.small is not None or \
            not _part_after_scale(reading, kind, number):
        return False
    reading.small = number
    reading.digits = reading.digits or kind == "num"
    reading.take(token, kind)
    return True


def _part_after_scale(reading, kind, number):
    """Whether `number`, after a scale or its `and`, is a part of the same number: it must stay
    below the scale, and not start a number of its own (`3 hundred and 2 hundred`)."""
    hundreds, last_scale = reading.hundreds, reading.last_scale
    limit = 100 if hundreds or last_scale is None else min(last_scale, 1000)
    if last_scale is not None and hundreds == 0:
        limit = last_scale
    if number >= limit and not (kind == "num" and reading.last_kind == "scale" and hundreds == 0 and
                                number < (last_scale or 0)):
        return False
    following = reading.peek(1)
    if following[0] == "scale" and ((following[1] == 100 and hundreds) or
                                    (last_scale is not None and following[1] >= last_scale)):
        return False
    # `eight million 250ml bottles`: digits right after a scale word are another number, unless a
    # scale follows them (`2 million 300 thousand`)
    return not (kind == "num" and following[0] != "scale" and reading.last_kind == "scale")


def _take_and(reading, token, lexicon):
    """`and` after a scale joins the part that follows (`hundred and six`); before a fraction it
    adds the fraction (`two and a half`)."""
    following = reading.peek(1)
    if reading.last_kind == "scale" and following[0] in ("unit", "tens", "num") and \
            not (following[0] == "unit" and reading.peek(2)[0] == "frac"):
        reading.last_kind = "and"
        reading.position += 1
        return True
    return _take_and_fraction(reading, following)


def _take_and_fraction(reading, following):
    """`and a half`, `and three quarters`, `and one half`, with an optional scale after it: the
    fraction of the scale just read (`two million and a half`) or of the units (`two and a half`)."""
    if following[0] in ("a", "an"):
        numerator, skip = 1.0, 2
    elif following[0] == "unit" and reading.peek(2)[0] == "frac":
        numerator, skip = float(following[1]), 2
    else:
        return False
    fraction_token = reading.peek(skip)
    if fraction_token[0] != "frac":
        return False
    fraction = numerator * fraction_token[1]
    after = reading.peek(skip + 1)
    if after[0] == "scale" and reading.last_kind == "scale" and after[1] < (reading.last_scale or float("inf")):
        reading.total += fraction * after[1]
        reading.end = after[3]
        reading.position += skip + 2
        reading.last_kind = "scale"
        return True
    if reading.last_kind == "scale" and (reading.last_scale or reading.hundreds):
        reading.total += fraction * (reading.last_scale or 100)
        reading.end = fraction_token[3]
        reading.position += skip + 1
        reading.last_kind = "frac"
        return True
    if reading.last_kind in ("unit", "tens", "num") and reading.small is not None:
        reading.small += fraction
        reading.end = fraction_token[3]
        reading.position += skip + 1
        reading.last_kind = "unit"
        return True
    return False


def _take_point(reading, token, lexicon):
    """`two point five`: the number words after `point` are decimals, and end the number."""
    decimals, step = _decimal_words(reading.tokens, reading.position)
    if not decimals or reading.last_kind not in ("unit", "tens", "scale"):
        return False
    group = reading.hundreds + (reading.small or 0)
    reading.total, reading.hundreds, reading.small = reading.total + group + float("0." + decimals), 0.0, None
    reading.end = reading.tokens[reading.position + step - 1][3]
    reading.position += step
    reading.last_kind = "point"
    return False


def _decimal_words(tokens, position):
    """The decimal digits the number words after `point` (tokens[position]) spell, and how many
    tokens from `point` on they take: `point two five`, `point twenty-five`."""
    count = len(tokens)
    decimals, step = "", 1
    while position + step < count and tokens[position + step][0] in ("unit", "tens"):
        part_kind, part_value = tokens[position + step][0], tokens[position + step][1]
        following = position + step + 1
        if following < count and tokens[following][0] == "dash":
            following += 1
        if part_kind == "tens" and following < count and tokens[following][0] == "unit" \
                and 1 <= tokens[following][1] <= 9:
            decimals += str(part_value + tokens[following][1])
            step = following - position + 1
            continue
        decimals += str(part_value)
        step += 1
    return decimals, step


# The step that reads each kind of token after a number's first; any other kind ends the number.
_READING_STEPS = {
    "dash": _take_dash,
    "scale": _take_scale,
    "frac": _take_fraction,
    "mult": _take_multiplier,
    "vague": _take_vague_scale,
    "unit": _take_number,
    "tens": _take_number,
    "num": _take_number,
    "and": _take_and,
    "point": _take_point,
}


def _token_text(tokens, position):
    return tokens[position][0] if tokens[position][0] != "vague" else _vague_word(tokens[position][1])


@functools.lru_cache(maxsize=None)
def _vague_word(value):
    for word, base in _lexicon().vague.items():
        if base == value and " " not in word:
            return word
    return None


# ---------------------------------------------------------------------------------------------
# Is this number a figure?

class _Around(NamedTuple):
    """A number as scanned, with the text around it: the checks read these, not the atom's
    offsets, which a unit may have widened (`$360m`)."""
    start: int
    end: int
    before: str         # up to _BEFORE characters before the number
    after: str          # up to _AFTER characters after it
    previous: str       # the character right before it, or ""


def _is_figure(text, atom, lexicon) -> bool:
    """Whether `atom` counts something. First the unit written around it is read (which may
    change its value: `$360m`, `6m refugees`), then the numbers that count nothing are ruled
    out: codes, markers, dates, times, durations, names; `one` used as a word."""
    start, end = atom.start, atom.end
    around = _Around(start, end, text[max(0, start - _BEFORE):start], text[end:end + _AFTER],
                     text[start - 1] if start else "")
    _read_unit_after(text, atom, lexicon)
    if atom.measure == "m" and not atom.scaled:
        _read_m_as_million(text, atom, lexicon)
    if around.before:
        _read_currency_before(atom, around, lexicon)
    if atom.vague:
        # Only `dozens of civilians`, `tens of thousands of people`: a plural with its noun.
        return bool(_VAGUE_OF_NOUN.match(around.after)) and not _VAGUE_TAKEN_BEFORE.search(around.before)
    # (the checks are independent; the ones that rule out most numbers go first)
    if _date_or_clock(text, atom, around, lexicon) or _duration(atom, around, lexicon) or \
            _glued_or_code(text, atom, around, lexicon) or _name_or_compound(atom, around, lexicon) or \
            _marker(text, atom, around, lexicon) or _score(atom, around, lexicon) or \
            (not atom.digits and _in_idiom(text, atom, around, lexicon)):
        return False
    if atom.dotted and not atom.grouped and not atom.percent and atom.measure is None:
        _read_dot_group(text, atom, around, lexicon)
    return not (atom.word_one and _one_as_word(around, lexicon))


def _read_unit_after(text, atom, lexicon):
    """Percent, currency or measure straight after the number."""
    follow = lexicon.after_number.match(text, atom.end)
    if follow is None:
        return
    if follow.group("percent"):
        atom.percent = True
        atom.unit_end = follow.end()
    elif follow.group("code") or follow.group("currency"):
        word = follow.group("code") or follow.group("currency")
        atom.currency = word if follow.group("code") else lexicon.currency_words.get(word.lower())
        atom.unit_end = follow.end()
    elif follow.group("measure"):
        atom.measure = follow.group("measure")
        atom.unit_end = follow.end()


def _read_m_as_million(text, atom, lexicon):
    """`10m border crossings`, `6m refugees`, `27m kWh`: in news prose `m` before a counted noun,
    a unit or a currency is million, not metres."""
    ahead = _M_RANGE_AFTER.match(text, atom.unit_end)       # `1.5m to 2m tonnes`
    following = _NEXT_WORDS.match(text, ahead.end() if ahead else atom.unit_end)
    words = following.group(1).split() if following is not None else []
    counted = False
    for word in words:
        if word.lower() in lexicon.stop_words:
            break
        if word.lower() in lexicon.noun_category or (word.endswith("s") and word.islower()) or \
                (word.lower() != "m" and word.lower() in lexicon.measure_kind) or word.lower() in lexicon.currency_words:
            counted = True      # (also `27m kWh`, `a 1m rouble fine`: a million of a unit)
            break
    if counted:
        atom.measure, atom.unit_end = None, -1
        atom.low *= 1e6
        atom.high *= 1e6
        atom.end += 1
        atom.scaled, atom.scale = True, 1e6


def _read_currency_before(atom, around, lexicon):
    """A currency symbol or code before the number (`$`, `USD `), and a scale letter after it."""
    start, end, before, after = around.start, around.end, around.before, around.after
    symbol = lexicon.currency_before.search(before[-8:])
    if symbol is None:
        return
    atom.currency = lexicon.currency_symbols.get(symbol.group("symbol")) or symbol.group("code")
    atom.start = start - (len(before[-8:]) - symbol.start())
    suffix = _CURRENCY_SCALE.match(after)
    if suffix is not None and suffix.group(1) in lexicon.with_currency and not atom.scaled:
        # `$360m`, `$2.174T`: after a currency sign these letters are scales, not metres
        if atom.measure is not None and atom.unit_end <= end + suffix.end():
            atom.measure = None
            atom.unit_end = -1
        scale = lexicon.with_currency[suffix.group(1)]
        atom.low *= scale
        atom.high *= scale
        atom.end = end + suffix.end()
        atom.scaled = True
        atom.scale = scale


def _glued_or_code(text, atom, around, lexicon) -> bool:
    """Part of a name or code: glued to letters (`Su-34`, `F-16s`, `5G`), after `#`, a path or
    shorthand with slashes (`24/7`, `9/11`), after a code word (`flight 17`)."""
    start, end, before, after, previous = around
    if previous and previous in "-/" and start >= 2 and text[start - 2].isalnum():
        token = _TOKEN_BEFORE.search(text, max(0, start - 16), start - 1)
        if token is not None and not _NO_LETTERS.fullmatch(token.group(0)) and \
                not lexicon.scaled_token.fullmatch(token.group(0)):
            return True         # `Su-34`, `9M723-1`, `FP-5`; but `5k-20k` is a range
        if previous == "/" and text[end:end + 1] == "/":
            return True         # a path: `/2026/02/21/`
    if atom.digits and not atom.scaled and atom.measure is None and not atom.percent and atom.currency is None:
        if after[:1].isalpha() or (after[:1] == "-" and after[1:2].isalpha() and not lexicon.time_after.match(after)
                                   and not _HYPHEN_COUNT_WORDS.match(after)):
            if not _HYPHEN_WORD.match(after):
                return True
    if previous and previous in "#№":
        return True
    if atom.digits and text[start] == "0" and text[start + 1:start + 2].isdigit() and atom.low != 0:
        return True             # `0900 local time`, `007`: no count is written with a leading zero
    if (previous == "/" and start >= 2 and text[start - 2].isdigit()) or \
            (text[end:end + 1] == "/" and _SLASH_DIGIT.match(text, end)):
        return True
    return lexicon.code_before.search(before[-20:]) is not None


def _marker(text, atom, around, lexicon) -> bool:
    """A reference marker (`[1]`, `[[3]]`), an enumeration marker inside a sentence (`(1)
    optimizing ...`), a footnote after a year (`in 2025.33 Due`), a list marker at a line start."""
    start, end, before, after, previous = around
    if previous == "[" and text[end:end + 1] == "]" and atom.digits and not atom.grouped:
        return True
    if previous == "(" and text[end:end + 1] == ")" and atom.digits and atom.low < 20 and not atom.grouped:
        return True
    if "." in text[start:end] and _YEAR_FOOTNOTE.fullmatch(text[start:end]) and _NEW_SENTENCE_AFTER.match(after):
        return True
    # `... the world.”41 But`: a footnote number glued to the closing quote of a sentence
    if atom.digits and previous in ("”", '"', "’") and start >= 2 and text[start - 2] in ".!?,;" and \
            _NEW_SENTENCE_AFTER.match(after):
        return True
    # (a list marker ends in `.` or `)`, which `$` may see before a line break)
    return atom.digits and text[end:end + 1] in (".", ")", "\n") and _line_start(text, start) <= start and \
        lexicon.list_marker.match(text[_line_start(text, start):end + 1]) is not None \
        and not atom.grouped and atom.low < 100


def _date_or_clock(text, atom, around, lexicon) -> bool:
    """Part of a date or a time of day: `26 April`, `April 26`, `24.02 to 19.06`, years, the
    second year of `2022-23`, a live blog's `2 May 2022 03.52`."""
    start, end, before, after, previous = around
    has_dot = "." in text[start:end]
    if (text[end:end + 1] == ":" and text[end + 1:end + 2].isdigit()) or \
            (previous == ":" and start >= 2 and text[start - 2].isdigit()):
        return True         # `2019 11:30`, `1:36.6`: a time the run scan took apart
    if has_dot and _CLOCK_DOT.fullmatch(text, start, end) and _CLOCK_DOT_BEFORE.search(before[-12:]):
        return True
    if atom.digits and previous and previous in "-–—/" and \
            _YEAR_BEFORE_DASH.search(text, max(0, start - 6), start - 1):
        return True
    if not atom.digits or atom.grouped or atom.currency is not None or atom.percent:
        return False
    value = atom.low
    if value == int(value) and value < 32 and not atom.scaled:
        # (a month and what may follow it take at most 20 characters: the search starts there)
        if lexicon.month_after.match(after) or lexicon.month_before.search(before, max(0, len(before) - 20)) or \
                lexicon.month_range_before.search(before[-24:]) or lexicon.month_range_after.match(after):
            return True
    if has_dot and _DAY_FOOTNOTE.fullmatch(text, start, end) and int(text[start:text.index(".", start)]) <= 31 and \
            _CAPITAL_AFTER.match(after) and lexicon.month_before.search(before, max(0, len(before) - 20)):
        return True         # `on April 12.14 Slovakia's ...`: a day, then a footnote number
    if has_dot and _DAY_MONTH.fullmatch(text[start:end]) and 1 <= int(text[end - 2:end]) <= 12 \
            and int(text[start:end - 3]) <= 31:
        if lexicon.date_prepositions.search(before) or _DAY_MONTH_RANGE_AFTER.match(after):
            return True
    return _looks_like_year(text, atom, before, after, lexicon)


def _duration(atom, around, lexicon) -> bool:
    """A length of time (`24 hours`, `three-day`), or a part of one (`eight months old, three of
    which ...`); an age (`31 years old`) still counts."""
    before, after = around.before, around.after
    if "of" in after[:4] and _PARTITIVE_AFTER.match(after) and lexicon.time_unit_before.search(before[-40:]):
        return True
    if atom.currency is not None or atom.percent:
        return False
    # `10 to 14 days`, `two-three weeks`: the first end of a range of time is a duration too
    other_end = lexicon.range_end_after.match(after) if after.lstrip(" \t")[:1] in _RANGE_END_FIRST else None
    return lexicon.time_after.match(after, other_end.end() if other_end else 0) is not None \
        and not _AGE_AFTER.match(after)


# the first characters of the joiners lexicon.range_end_after reads (a cheap test first)
_RANGE_END_FIRST = frozenset("-–—to")


def _name_or_compound(atom, around, lexicon) -> bool:
    """`seven-time champion`; `Ms Griner, 31, a ...` (an age in apposition); `Calvert 22`, `S&P
    500`, `iPhone 11` (names)."""
    before, after = around.before, around.after
    if after[:1] == "-" and _COMPOUND_AFTER.match(after) and \
            _COMPOUND_AFTER.match(after).group(1).lower() in lexicon.compound_words:
        return True
    if atom.digits and not atom.grouped and after[:1] == "," and _APPOSITION_BEFORE.search(before) and atom.low < 120:
        return True
    if not atom.digits and after[:1] == "-" and after[1:2].isupper():
        return True             # `zero-COVID`, `Two-Face`: a number word joined to a name
    if atom.digits and not atom.scaled and not atom.grouped and atom.currency is None and not atom.percent:
        name = _NAME_BEFORE.search(before, max(0, len(before) - 23))     # (a name takes 22 at most)
        if name is not None and name.group(1) not in lexicon.actor_of and name.group(1) not in lexicon.calendar_words \
                and not _SENTENCE_START.search(before, 0, name.start(1)):
            return True
        if before.endswith(" ") and _code_name(before[before.rfind(" ", 0, len(before) - 1) + 1:-1]):
            return True
        # `FTSE 100`, `ISO 3888`, `SDG 16`: an acronym before digits names an index, a standard or a
        # code (unless it is an actor's name, or the text runs in capitals: `RUSSIA LOSES 500 TROOPS`)
        acronym = _ACRONYM_BEFORE.search(before) if before[-2:-1].isupper() else None
        if acronym is not None and acronym.group(1) not in lexicon.actor_of and not _CAPITAL_WORD_AFTER.match(after):
            return True
    return False


def _score(atom, around, lexicon) -> bool:
    """Either side of a game's score: `a 2-1 win`, `a 0-0 draw` (lexicon.score_first/second)."""
    if not atom.digits or atom.end - atom.start > 3:
        return False
    if around.after[:1] in ("-", "–"):
        return lexicon.score_first.match(around.after) is not None
    return around.previous in ("-", "–") and _SCORE_FIRST_BEFORE.search(around.before) is not None and \
        lexicon.score_second.match(around.after) is not None


# the first side of a score before the second: `2-` of `2-1`
_SCORE_FIRST_BEFORE = re.compile(r"(?<![\w.,])\d{1,3}[-–]$")


def _in_idiom(text, atom, around, lexicon) -> bool:
    """Whether a number word is part of a set phrase that counts nothing: `in two minds`,
    `zero tolerance` (lexicon.idioms: the words before and after each number word)."""
    phrases = lexicon.idioms.get(" ".join(text[atom.start:atom.end].lower().split()))
    if not phrases:
        return False
    before = " " + " ".join(around.before[-24:].lower().split())
    after = " ".join(around.after[:24].lower().split())
    for head, tail in phrases:
        if head and not before.endswith(" " + head):
            continue
        if tail and not (after.startswith(tail) and not after[len(tail):len(tail) + 1].isalnum()):
            continue
        return True
    return False


def _read_dot_group(text, atom, around, lexicon):
    """`76.000 troops`: a single dot group is a thousands separator when a count follows (or in
    a `label ‒ 76.000` report line); alone (`4.800`) it stays a decimal."""
    noun = _NEXT_WORD.match(around.after)
    line_start = _line_start(text, around.start)
    if (noun is not None and noun.group(1).lower() in lexicon.noun_category) or \
            _layout(text, line_start, around.start, lexicon) if line_start <= around.start else False:
        atom.low = atom.high = atom.low * 1000
        atom.grouped = True


def _one_as_word(around, lexicon) -> bool:
    """`one` as a pronoun or article: `one of the soldiers`, `the one`, `one day`, `one-off`."""
    next_word = _NEXT_TOKEN.match(around.after)
    previous_word = _PREVIOUS_TOKEN.search(around.before)
    if next_word is None or next_word.group(1).lower() in lexicon.one_next:
        return True
    if previous_word is not None and previous_word.group(1).lower() in lexicon.one_previous:
        return True
    return _ONE_IDIOMS_AFTER.match(around.after) is not None


def _looks_like_year(text, atom, before, after, lexicon) -> bool:
    """`2022` is a year unless the text counts with it (`about 2000 troops`, `tanks ‒ 1997`)."""
    raw = text[atom.start:atom.end]
    if len(raw) != 4 or not _FOUR_DIGITS.fullmatch(raw) or not 1000 <= atom.low <= 2100:
        return False
    if atom.low < 1800 and _YEAR_PREPOSITION_BEFORE.search(before) is None and \
            _YEAR_RANGE_BEFORE.search(before) is None:
        return False        # an older year only after `in`, `of`, `since` ...: `armies in 1780`
    if _INCREMENT_AFTER.match(after):           # `1997 (+17)` in a daily report
        return False
    line_start = _line_start(text, atom.start)
    if _layout(text, line_start, atom.start, lexicon):
        return False
    if lexicon.approx_before.search(before) or lexicon.min_before.search(before) or lexicon.max_before.search(before):
        if not _YEAR_PREPOSITION_BEFORE.search(before):
            return False
    # `between 2000 and 3000 troops`: the noun after the range's other end counts this end too
    other_end = _OTHER_END_AFTER.match(after)
    noun = _NOUN_AFTER_YEAR.match(after, other_end.end() if other_end else 0)
    if noun is None or _IN_YEAR_BEFORE.search(before):
        return True
    category = lexicon.noun_category.get(noun.group(1).lower())
    # a capital starts a name (`2026 - House of Commons`), unless the noun names people (`2000
    # Ukrainians`); after a range's other end only a lowercase noun counts
    return category is None or not (noun.group(1).islower() or (category == "people" and other_end is None))


# ---------------------------------------------------------------------------------------------
# Ranges.

_RANGE_GAP = re.compile(r"[ \t\u00a0]{0,2}(?:-|–|—|‒|~|(?i:to|through|thru|until))[ \t\u00a0]{0,2}(?:US\$|\$|£|€)?$")
_BETWEEN_GAP = re.compile(r"[ \t\u00a0]{1,2}(?i:and|&)[ \t\u00a0]{1,2}(?:US\$|\$|£|€)?$")


def _join_ranges(text, atoms, lexicon):
    """Join `10,000-12,000`, `10-12 thousand`, `between 10 and 12`, `from 10 to 12` into one atom."""
    joined = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        merged = None
        # (the words between the ends of a range take at most 12 characters: most pairs are farther)
        if not atom.dense and index + 1 < len(atoms) and atoms[index + 1].start - max(atom.end, atom.unit_end) <= 12:
            merged = _range_of(text, atom, atoms[index + 1], lexicon)
        if merged is not None:
            joined.append(merged)
            index += 2
        else:
            joined.append(atom)
            index += 1
    return joined


def _range_of(text, atom, other, lexicon):
    """The range `atom` and the `other` after it make, or None."""
    # `40% to 50%`, `44 mg and 50 mg`: the unit of the first end is not part of the gap
    same_unit = atom.percent or (atom.measure is not None and atom.measure == other.measure)
    gap = text[(atom.unit_end if same_unit and atom.unit_end > atom.end else atom.end):other.start]
    if not _range_gap(text, atom, other, gap, lexicon):
        return None
    low, high = atom.low, other.low
    if other.scaled and not atom.scaled and other.scale > 1:
        low *= other.scale          # 10-12 thousand, 1.5–2 million
    elif other.grouped and not atom.grouped and not atom.scaled and atom.digits and other.digits \
            and low < 1000 and other.low >= 1000:
        head = float(text[other.start:other.end].replace(" ", ",").split(",")[0] or 0)
        if low < head:
            low *= 1000             # 30–40,000
    if other.percent and not atom.percent:
        atom.percent = True
    if low >= high:
        return None
    if not (atom.digits and other.digits) and (atom.digits or other.digits) and gap.strip() in ("-",):
        return None                 # digits and a number word joined by a hyphen (`3-four`) are no range
    return _Atom(atom.start, other.end, low, high, digits=atom.digits or other.digits,
                 scaled=other.scaled, scale=other.scale, grouped=other.grouped,
                 currency=other.currency or atom.currency, percent=other.percent,
                 measure=other.measure or atom.measure, unit_end=other.unit_end, is_range=True)


def _range_gap(text, atom, other, gap, lexicon) -> bool:
    """Whether the words between two numbers make them a range: a dash or `to` (not after a code
    such as `1-2-`), or `and` after `between`. A vague plural is no end of a range, nor is a
    percent with a plain number (`rose 0.7% to 6,327`: two quantities)."""
    if len(gap) > 12 or atom.vague or other.vague or (atom.percent and not other.percent):
        return False
    if _RANGE_GAP.fullmatch(gap):
        if gap.strip().lower() == "until":
            return False
        dash = gap.strip() in ("-", "–", "—", "‒", "~")
        return not dash or not _DIGIT_DASH_BEFORE.search(text[max(0, atom.start - 3):atom.start])
    return _BETWEEN_GAP.fullmatch(gap) is not None and \
        lexicon.between_before.search(text[max(0, atom.start - 24):atom.start]) is not None


# ---------------------------------------------------------------------------------------------
# What the figure counts, who it belongs to, and how it is qualified.

class _DocumentContext:
    """Facts about the whole document, computed once: sentence starts and who reports."""

    def __init__(self, text, lexicon, first=0, last=None):
        self.text = text
        self.lexicon = lexicon
        # Only this stretch is ever looked at: from well before the first figure to after the last.
        last = len(text) if last is None else last
        self.low = max(0, first - _FALLBACK - 2 * _SENTENCE)
        self.high = min(len(text), last + 2 * _SENTENCE)
        self._side = None
        self._bounds = None
        self._mentions = None
        self._mention_starts = None
        self._last_sentence = (None, None)      # (query, answer): a figure asks several times

    @property
    def adversary(self):
        if self._side is None:
            scores = {side: len(pattern.findall(self.text[:200000])) for side, pattern in self.lexicon.side_markers.items()}
            best = max(scores, key=lambda side: (scores[side], side == self.lexicon.default_side))
            self._side = best if scores[best] else self.lexicon.default_side
        return self.lexicon.sides[self._side]["adversary"]

    def mentions(self, start, end):
        """Actor mentions (match objects) starting in [start, end), from one pass over the text."""
        if self._mentions is None:
            self._mentions = _actor_mentions(self.text, self.lexicon, self.low, self.high)
            self._mention_starts = [m.start() for m in self._mentions]
        low = bisect.bisect_left(self._mention_starts, start)
        high = bisect.bisect_left(self._mention_starts, end)
        return self._mentions[low:high]

    def sentence(self, start, end):
        """(start, end) of the sentence around [start, end), bounded to a window."""
        if self._last_sentence[0] == (start, end):
            return self._last_sentence[1]
        if self._bounds is None:
            self._bounds = [m.end() for m in self.lexicon.sentence_end.finditer(self.text, self.low, self.high)]
        index = bisect.bisect_right(self._bounds, start)
        begin = self._bounds[index - 1] if index else 0
        finish = self._bounds[index] if index < len(self._bounds) else len(self.text)
        answer = max(begin, start - _SENTENCE), min(finish, end + _SENTENCE)
        self._last_sentence = ((start, end), answer)
        return answer


_FOOTNOTE_TAIL = re.compile(r"(?<=[a-z])\.\d{1,3}$")
_WORD = re.compile(r"[A-Za-z][\w'’./-]*|\d[\dA-Za-z]{0,6}(?![\w.,])|[,/]")
# number words a hyphen may join: `two-and-a-half`, `two-thirds`, `one-half`
_HYPHENATED_WORDS = re.compile(r"(?i:and|an?|half|halves|thirds?|quarters?|fifths?|tenths?)\b")
# a calibre before a counted noun: `155mm`, `155-mm`, `7.62 mm`
_CALIBRE = re.compile(r"\d{1,3}(?:\.\d{1,2})?(?:[ -]?mm|-millimet(?:re|er))\b")


def _describe(text, atom, previous, context, lexicon) -> Figure:
    """The figure an atom makes: its qualifiers, and what it counts (unit, category, actor,
    civilian), read from a report line's label or else from the prose around it."""
    approximate, bound = _qualifiers(text, atom, lexicon)
    if previous is not None and _increment_after(text, atom, previous[0]):
        _, earlier = previous       # `tanks ‒ 1496 (+6)`: the increase counts what the total counts
        return _figure(text, atom, False, None, earlier.unit, earlier.category, earlier.actor, earlier.civilian)
    line_start = _line_start(text, atom.start)
    segment_start = _segment_start(text, atom.start, line_start)
    layout = _report_layout(text, atom, segment_start, lexicon)
    if layout is not None and not atom.percent and atom.currency is None:
        return _describe_report_item(text, atom, layout, line_start, segment_start, approximate, bound,
                                     context, lexicon)
    return _describe_in_prose(text, atom, previous, approximate, bound, context, lexicon)


def _increment_after(text, atom, earlier_atom) -> bool:
    """Whether `atom` is the bracketed increase (`(+17)`) after `earlier_atom` on its line."""
    preceding = text[max(0, atom.start - 4):atom.start]
    return "+" in preceding and _INCREMENT_BEFORE.search(preceding) is not None and \
        earlier_atom.end <= atom.start and "\n" not in text[earlier_atom.end:atom.start]


def _report_layout(text, atom, segment_start, lexicon):
    """The report-line layout (`label ‒ [about] `) before the number, or None; a word before the
    number that is no qualifier makes it prose (`killed 23 people – including three`)."""
    if segment_start > atom.start:
        return None
    layout = _layout(text, segment_start, atom.start, lexicon)
    if layout is not None and layout.group("qualifier") and not (
            lexicon.approx_before.search(layout.group("qualifier")) or lexicon.min_before.search(layout.group("qualifier"))
            or lexicon.max_before.search(layout.group("qualifier"))):
        return None
    return layout


def _describe_report_item(text, atom, layout, line_start, segment_start, approximate, bound, context, lexicon):
    """A figure in a daily report (`tanks ‒ about 1496`): the label is its unit; the list's
    header (`... losses were approximately:`) may make it approximate and name its actor."""
    unit = layout.group("label").strip()
    if layout.group("qualifier") and lexicon.approx_before.search(layout.group("qualifier").lower()):
        approximate = True
    header = _list_header(text, line_start) if segment_start == line_start else None
    if header is None and segment_start != line_start:
        # one-line report: `... were approximately: personnel ‒ about 946,000 (+1,210); tanks ‒ ...`
        colon = text.rfind(": ", max(0, segment_start - 400), segment_start)
        header = text[max(0, colon - 200):colon + 1] if colon >= 0 else None
    if header and lexicon.approx_before.search(header.rstrip(":").rstrip()) or \
            (header and _APPROXIMATELY.search(header)):
        approximate = True
    line_end = text.find("\n", atom.end, atom.end + 200)
    line_end = min(len(text), atom.end + 200) if line_end < 0 else line_end
    verbs_text = text[atom.end:line_end] + " " + unit
    category = _category(unit, verbs_text, "", header or "", lexicon)
    actor = _actor_in(unit, lexicon, context) or _actor_in(header or "", lexicon, context) or \
        _nearest_actor(text, atom, context, lexicon, category)
    return _figure(text, atom, approximate, bound, unit, category, actor, _civilian(unit, lexicon))


def _describe_in_prose(text, atom, previous, approximate, bound, context, lexicon):
    """A figure in running text: its unit is the currency, percent or measure written with it,
    or else the noun phrase after it; the category comes from that noun or the nearest verb."""
    unit, category = _written_unit(text, atom, lexicon)
    sentence_start, sentence_end = context.sentence(atom.start, atom.end)
    noun_text = ""
    noun_end = atom.end
    if unit is None:
        noun_text, noun_end = _noun_after(text, atom, lexicon)
        unit = noun_text or None
        if noun_text.lower() in lexicon.currency_words:       # `billions of dollars`
            atom.currency = unit = lexicon.currency_words[noun_text.lower()]
            category, noun_text = "money", ""
    head = None
    if unit is None and not (atom.currency or atom.percent or atom.measure):
        head = lexicon.head_of_before.search(text, max(sentence_start, atom.start - 40), atom.start)
        if head is not None:        # `a population of 58,000`: the noun before `of` names what is counted
            unit, category = head.group(1), lexicon.heads_before_of[head.group(1)]
    if category == "other" and head is None and not atom.currency and not atom.percent and not atom.measure:
        # the verb is looked for in the sentence, but not before the previous figure
        before_start = max(sentence_start, previous[0].end if previous else 0, atom.start - 60)
        before_text = text[before_start:atom.start]
        after_text = text[noun_end:min(sentence_end, noun_end + 80)]
        category = _category(noun_text, after_text, before_text, "", lexicon)
        if not noun_text and _attacks_repeated(text, atom, before_text, lexicon):
            unit, category = "times", "attacks"
    if lexicon.measure_kind.get((unit or "").lower()) in lexicon.ownerless_kinds:
        actor = None        # `30 km from the border`: a distance is nobody's
    elif atom.currency or atom.percent or atom.measure:
        actor = _nearest_actor(text, atom, context, lexicon, category)
    else:
        actor = _actor_in(noun_text, lexicon, context) or _nearest_actor(text, atom, context, lexicon, category)
    civilian = _civilian(noun_text, lexicon) if noun_text else None
    if civilian is None and noun_text and _CIVILIAN_BEFORE.search(text[max(sentence_start, atom.start - 30):atom.start]):
        civilian = True
    return _figure(text, atom, approximate, bound, unit, category, actor, civilian)


def _attacks_repeated(text, atom, before_text, lexicon) -> bool:
    """`shelled the town 40 times`, `tried 12 times to break through`: a number of times with
    a verb of attack in its clause, before it or right after `times`, counts attacks
    (lexicon.attack_verbs)."""
    times = _TIMES_AFTER.match(text, atom.end)
    if times is None:
        return False
    clause = before_text[max(before_text.rfind(","), before_text.rfind(";")) + 1:]
    following = text[times.end():times.end() + 24]
    return any(word in lexicon.attack_verbs for word in _LETTERS.findall(f"{clause} {following}".lower()))


# `times` after a number: `40 times`
_TIMES_AFTER = re.compile(r"[ \t\u00a0]{1,2}times\b")


def _written_unit(text, atom, lexicon):
    """(unit, category) of a currency, percent or measure written with the number, else
    (None, "other")."""
    if atom.currency:
        return atom.currency, "money"
    if atom.percent:
        written = text[atom.end:atom.unit_end].strip()
        unit = "%" if written == "%" else written.lower()
        tail = _PERCENT_OF.match(text[atom.unit_end:atom.unit_end + 30])
        if tail and tail.group(1) == "GDP":
            unit = f"{unit} of GDP"
        return unit, "other"
    if atom.measure:
        return atom.measure, "territory" if lexicon.measure_kind.get(atom.measure.lower()) == "area" else "other"
    return None, "other"


def _figure(text, atom, approximate, bound, unit, category, actor, civilian) -> Figure:
    low = _clean(atom.low)
    high = low if atom.high == atom.low else _clean(atom.high)
    # a percent sign or word is part of what is written: `3%`, `4% and 5%`, `40 percent`
    end = atom.unit_end if atom.percent and atom.unit_end > atom.end else atom.end
    return Figure(text=text[atom.start:end], start=atom.start, end=end, value=low, low=low, high=high,
                  approximate=approximate, bound=bound, unit=unit, category=category, actor=actor,
                  civilian=civilian)


def _clean(value):
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if value.is_integer() and abs(value) < 1e18:
        return int(value)
    rounded = round(value, 10)
    return int(rounded) if rounded == int(rounded) and abs(rounded) < 1e18 else rounded


def _qualifiers(text, atom, lexicon):
    """(approximate, bound) from the words before and after the number."""
    before = text[max(0, atom.start - 36):atom.start]
    if before.endswith("("):
        before = before[:-1]
    tail_at = max(atom.end, atom.unit_end)
    after = text[tail_at:tail_at + 24]
    approximate = atom.vague
    bound = "min" if atom.vague else None
    # Peel qualifiers off right to left: `about`, `more than`, `up to`, `some`... Most numbers have
    # none: the word right before the number says whether to look at all.
    tail = before.rstrip()
    # (a line break or an opening bracket may stand before the last word: `more\nthan 5`, `(about 5`)
    last_word = tail[max(tail.rfind(" "), tail.rfind("\n"), tail.rfind("\t")) + 1:].lstrip("([{\"“‘'").lower()
    look = last_word in lexicon.qualifier_last_words or (tail[-1:] in "<>=≥≤~≈" if tail else False)
    for _ in range(3 if look else 0):
        found = False
        # The longest qualifier wins: `no more than` (max) over `more than` (min).
        candidates = []
        for pattern, effect in ((lexicon.min_before, "min"), (lexicon.max_before, "max"),
                                (lexicon.approx_before, "approx")):
            match = pattern.search(before)
            if match is not None:
                candidates.append((match.start(), effect, match))
        for _, effect, match in sorted(candidates, key=lambda candidate: candidate[0]):
            word = match.group(0).strip().lower()
            if word == "some" and atom.word_one:
                continue
            if word in ("over", "under", "above", "below") and (
                    _COMPARISON_BEFORE.search(before[:match.start()]) or
                    (word == "over" and lexicon.over_particle.search(before[:match.start()]))):
                continue        # `from over 50`; `handed over 1,000 bodies`: a verb's particle
            if not word[:1].isalpha() and match.start() and not before[match.start() - 1].isspace() and \
                    before[match.start() - 1] not in "([" and match.group(0) != match.group(0).rstrip():
                continue        # `<https://t.me/x/1> 7`: a bracket closing a word, then a space, is no sign
            if effect == "approx":
                approximate = True
            elif bound is None:
                bound = effect
            if word in ("just under", "just over", "just below", "just above"):
                approximate = approximate or False
            before = before[:match.start()]
            found = True
            break
        if not found:
            break
    # Words after the number (`or so`, `or more`, `at most`): their first word says whether to look.
    if after.lstrip(" \t")[:13].lower().startswith(lexicon.after_qualifier_starts):
        if lexicon.approx_after.match(after):
            approximate = True
        if bound is None:
            if lexicon.min_after.match(after):
                bound = "min"
            elif lexicon.max_after.match(after):
                bound = "max"
    if text[atom.end:atom.end + 4] == "-odd":
        approximate = True
    if bound is None and tail_at > atom.end and lexicon.min_after.match(text[atom.end:atom.end + 24]):
        bound = "min"
    if text[max(0, atom.start - 1):atom.start] == "~":
        approximate = True
    return approximate, bound


def _noun_after(text, atom, lexicon):
    """The counted noun phrase written after the number (`military personnel`), and its end."""
    position = atom.end
    window = text[position:position + 90]
    lead = _NOUN_LEAD.match(window)
    if lead is None:
        if window[:1] == "-" and window[1:2].isalpha():      # 40-strong
            return "", position
        return "", position
    if atom.vague is False and _OF_AFTER.match(window) and not atom.scaled:
        return "", position
    offset = lead.end()
    listed = _type_list(window, offset, lexicon)
    if listed is not None:
        return window[offset:listed], position + listed
    words = []
    ends = []
    calibre = _CALIBRE.match(window, offset) if window[offset:offset + 1].isdigit() else None
    if calibre is not None:         # `20,000 155mm shells`: the calibre belongs to the noun
        words.append(calibre.group(0))
        ends.append(calibre.end())
    for match in _WORD.finditer(window, ends[-1] if ends else offset):
        if match.start() - (ends[-1] if ends else offset) > 2:
            break
        word = match.group(0)
        if word[:1].isdigit():
            # a model number after a name (`Leopard 2 tanks`, `iPhone 11 units`) is part of it
            if words and not any(character.isupper() for character in words[-1]) or not words:
                break
            words.append(word)
            ends.append(match.end())
            continue
        if word in (",", "/"):
            if word == "," and words and len(words) < 5:
                nxt = _WORD.match(window, match.end() + 1) if window[match.end():match.end() + 1] == " " else None
                # (a number word after the comma starts the next item of a list: `..., seven tanks`)
                # (nor does a participle: `27 member states, granting ...`)
                if nxt and nxt.group(0).lower() not in lexicon.stop_words and nxt.group(0)[:1].islower() \
                        and not nxt.group(0).endswith("ing") \
                        and words[-1].lower() not in lexicon.noun_category and nxt.group(0) not in lexicon.words \
                        and _head_category(" ".join(words), lexicon)[0] is None:
                    ends.append(match.end())
                    words.append(word)
                    continue
            break
        footnote = _FOOTNOTE_TAIL.search(word)
        if footnote is not None:
            word = word[:footnote.start()] + "."     # `casualties.19`: a footnote number ends the sentence
        bare = word.rstrip(".,")
        lowered = bare.lower()
        if lowered in lexicon.stop_words and not (bare.isupper() and len(bare) > 1):
            break           # (`US citizens`: an acronym is no pronoun)
        if lowered in lexicon.verb_category and lowered not in lexicon.noun_category:
            nxt = _LOWER_WORD_AFTER.match(window[match.end():match.end() + 24])
            if nxt is None or nxt.group(1) not in lexicon.noun_category:
                break           # a verb ends the phrase, unless a noun follows (`fighting vehicles`)
        if bare.endswith("ly") and len(bare) > 4:
            break
        if words and bare.islower() and bare.endswith("ed") and len(bare) > 4 and words[-1].endswith("s") and \
                words[-1][-2:] != "ss":
            break           # a past tense after a plural noun: `two sources pointed to ...`
        if words and bare.islower() and bare.endswith("ing") and len(bare) > 5 and words[-1].endswith("s") and \
                words[-1][-2:] != "ss" and not _counted_noun_follows(window, match.end(), lexicon):
            break           # a participle after a plural noun: `963 Americans receiving bans`
        if words and bare.islower() and words[-1].endswith("s") and words[-1][-2:] != "ss" and \
                not bare.endswith("s") and lowered not in lexicon.noun_category and \
                lexicon.object_after.match(window, match.end()):
            break           # a word between a plural noun and its object is a verb: `two groups put the toll`,
                            # `two groups put Ukrainian losses at`
        # `two countries’ relations`: the counted noun ends at its possessive, unless a counted noun
        # follows it (`11 invaders' armored vehicles`)
        possessive = bare.endswith(("s’", "s'")) and len(bare) > 3 and \
            not _counted_noun_follows(window, match.end(), lexicon)
        if possessive:
            bare = bare[:-1]
        words.append(bare)
        ends.append(match.start() + len(bare))
        if word.endswith(".") or len(words) >= 6 or possessive:
            break
        if lowered in lexicon.noun_category and lexicon.noun_category[lowered] != "people" and \
                not _continues_noun(window, ends[-1], lexicon):
            break
    while words and (words[-1] == "," or words[-1].lower() in lexicon.stop_words):
        words.pop()
        ends.pop()
    if not words:
        return "", position
    phrase = " ".join(words).replace(" ,", ",")
    return phrase, position + ends[-1]


def _counted_noun_follows(window, at, lexicon) -> bool:
    """Whether one of the next three words names a counted noun other than generic people."""
    for word in _NEXT_THREE_WORDS.match(window, at).group(0).lower().split():
        if lexicon.noun_category.get(word.strip(",.;:")) not in (None, "people"):
            return True
    return False


_NEXT_THREE_WORDS = re.compile(r"(?:[ \t]{1,2}[\w-]{1,20}){0,3}")


def _type_list(window, offset, lexicon):
    """End of a list of named types sharing one counted noun (`Shahed, Geran and Gerbera drones`,
    `Shahed-type, Gerbera-type, and other strike drones`) at window[offset:], or None."""
    listed = _TYPE_LIST.match(window, offset)
    if listed is None:
        return None
    end = None          # the last counted noun before any stop word: `other strike drones`
    for word in _LETTERS_OR_HYPHEN.finditer(listed.group("head")):
        if word.group(0) in lexicon.stop_words:
            break
        if word.group(0) in lexicon.noun_category:
            end = listed.start("head") + word.end()
    return end


# a named type: `Shahed`, `Geran-2`, `Shahed-type`, `Shahed-` (of `Shahed-, Gerbera-type`)
_TYPE_NAME = r"[A-Z][A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,12})?-?"
_TYPE_LIST = re.compile(rf"""
    {_TYPE_NAME}(?:,[ ]{_TYPE_NAME}){{0,6}},?     # Shahed, Geran
    [ ](?:and|or)[ ](?:other[ ]|{_TYPE_NAME}[ ])    # and Gerbera, and other
    (?P<head>(?:[a-z][a-z-]{{1,20}}[ ]?){{1,3}})    # the words that end in the counted noun
""", re.VERBOSE)
_LETTERS_OR_HYPHEN = re.compile(r"[a-z][a-z-]*")


def _continues_noun(window, at, lexicon):
    """Whether the noun phrase goes on after a counted noun: `rocket artillery systems`,
    `infantry fighting vehicles`."""
    nxt = _LOWER_WORD_AFTER.match(window[at:at + 24])
    if nxt is None:
        return False
    if nxt.group(1) in lexicon.noun_category or nxt.group(1) in lexicon.continuing_heads:
        return True
    # a modifier between two nouns: `infantry fighting vehicles`
    after = _LOWER_WORD_AFTER.match(window[at + nxt.end():at + nxt.end() + 24])
    return after is not None and nxt.group(1).endswith("ing") and \
        lexicon.noun_category.get(after.group(1)) not in (None, "people")


@functools.lru_cache(maxsize=4096)     # noun phrases repeat: `people`, `troops`, `civilians`
def _head_category(phrase, lexicon):
    """Category named by the counted noun phrase, from its last noun back."""
    words = [w.lower().strip(",") for w in phrase.split() if w not in (",", "/")]
    for end in range(len(words), 0, -1):
        for length in range(min(lexicon.longest_noun, end), 0, -1):
            candidate = " ".join(words[end - length:end])
            category = lexicon.noun_category.get(candidate)
            if category is not None:
                return category, candidate
    return None, None


def _category(noun_text, after_text, before_text, header_text, lexicon) -> str:
    noun_category, noun = _head_category(noun_text, lexicon) if noun_text else (None, None)
    if noun in lexicon.nouns_by_context and \
            not _context_keeps(noun_category, noun_text, after_text, before_text, lexicon.nouns_by_context[noun], lexicon):
        noun_category = None        # `three rounds of talks`: no ammunition
    if noun_category in ("equipment", "munitions", "attacks", "killed", "wounded", "casualties", "captured",
                         "missing", "displaced"):
        return noun_category
    verb = _nearest_verb(after_text, before_text, lexicon)
    if noun_category == "territory":
        if noun not in lexicon.territory_needs_verb or (verb and verb[1] in lexicon.territory_verbs):
            return "territory"
        return "other"
    if noun_category is None and noun_text and verb is not None and \
            lexicon.verb_category.get(verb[1]) in ("killed", "wounded", "captured", "missing"):
        return lexicon.verb_category[verb[1]]       # `two Ukrainian pilots died`
    if noun_category in ("people", "troops") or (noun_category is None and not noun_text):
        if verb is not None:
            category = lexicon.verb_category[verb[1]]
            if category == "block":
                return "other"
            if category == "troops" and noun_category == "people" and verb[1] in lexicon.strong_troops_verbs:
                return "troops"
            if category == "territory":
                category = "casualties" if verb[1] == "lost" else None
            if category == "troops" and noun_category == "people" and noun not in ("men",):
                category = None
            if category is not None and (noun_text or category != "troops" or (
                    verb[1] in lexicon.strong_troops_verbs and verb[1] in before_text.lower())):
                return category
        if header_text and _LOSSES.search(header_text):
            return "casualties"
        if noun_category == "troops":
            return "troops"
    return "other"


def _context_keeps(category, noun_text, after_text, before_text, context, lexicon) -> bool:
    """Whether the words around a noun that names its category only in some contexts (`rounds`)
    keep that category: after `of` the next word decides (`rounds of ammunition`, not `rounds of
    talks`); otherwise a word for the category nearby keeps it (`fired 300 rounds`), a word for
    another reading takes it away (`held three rounds`), and with neither it stays."""
    complement = _OF_COMPLEMENT.match(after_text)
    if complement is not None:
        word = complement.group(1).lower()
        return word in context["with"] or lexicon.noun_category.get(word) == category
    words = set(_LETTERS.findall(f"{before_text} {noun_text} {after_text}".lower()))
    if words & context["with"]:
        return True
    return not words & context["without"]


# the word after `of` that follows a noun: `rounds of (ammunition)`, `rounds of (direct) talks`
_OF_COMPLEMENT = re.compile(r"[ \t]{1,2}of[ \t]{1,2}(?:the[ \t]|direct[ \t]|new[ \t]|fresh[ \t]|further[ \t])?([A-Za-z]{2,20})")
_LETTERS = re.compile(r"[a-z]+")


# a later number that a toll or estimate is set at or rises to, which the verbs after it are about
_LATER_VALUE = re.compile(r"\b(?:at|to)[ \t]{1,3}(?:[a-z]{1,8}[ \t]{1,3}){0,2}\d")
_CLAUSE_PENALTY = 30          # how much farther a verb of the earlier clause counts
_CLAUSE_BREAK = re.compile(r"(?i:\b(?:and|but|while|whereas)\b)|[;,–—:(]")


def _nearest_verb(after_text, before_text, lexicon):
    """(distance, verb) of the category verb nearest the number, or None.

    A verb before the number counts only within the number's own clause (`killing five people
    and wounding seven`: `killing` is not about the seven); after it, phrases such as `death
    penalty` are skipped and words such as `survived` block.
    """
    best = None
    breaks = list(_CLAUSE_BREAK.finditer(before_text))
    earlier_clause = ""
    if breaks:
        # Verbs of the earlier clause count only from afar (`evacuated his wife and two children`
        # still reads as evacuated; `killed ... and another two are facing ... captured` does not).
        earlier_clause = before_text[:breaks[-1].start()]
        before_text = before_text[breaks[-1].end():]
    for match in lexicon.verbs.finditer(after_text):
        word = _WHITESPACE.sub(" ", match.group(0).lower())
        if lexicon.verb_category.get(word) == "skip":
            continue
        gap = after_text[:match.start()]
        if _LATER_VALUE.search(gap):
            break       # the verb is about the later number: `two groups put the toll at 300 dead`
        distance = len(_AUXILIARIES.sub("", gap).strip())
        best = (distance, match.group(0).lower())
        break
    for match in lexicon.verbs.finditer(before_text):
        if lexicon.verb_category.get(_WHITESPACE.sub(" ", match.group(0).lower())) == "skip":
            continue
        distance = len(_QUALIFIER_WORDS.sub("", before_text[match.end():]).strip())
        if best is None or distance < best[0]:
            best = (distance, match.group(0).lower())
    if earlier_clause and (best is None or best[0] > 12):
        for match in lexicon.verbs.finditer(earlier_clause):
            word = _WHITESPACE.sub(" ", match.group(0).lower())
            if lexicon.verb_category.get(word) == "skip" or _ANY_DIGIT.search(earlier_clause, match.end()):
                continue    # a number after the verb took it: `killing 5 people and wounding 7`
            distance = len(earlier_clause) - match.end() + len(before_text) + _CLAUSE_PENALTY
            if best is None or distance < best[0]:
                best = (distance, match.group(0).lower())
    if best is not None and best[0] > 60:
        return None
    if best is not None:
        word = _WHITESPACE.sub(" ", best[1])
        return best[0], word if word in lexicon.verb_category else word.split()[0]
    return None


def _match_start(match):
    return match.start()


def _actor_mentions(text, lexicon, low, high):
    """Every actor mention in `text`, in order, from one pass of the names' prefix tree (which
    starts with a literal, so the engine skips ahead in C) and, when one of its words occurs at
    all, one pass for the words naming the other side."""
    found = []
    for match in lexicon.actor_names.finditer(text, low, high):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        found.append(_actor_match(match, lexicon) if match.lastindex else match)
    lowered = text.lower() if len(text) < 2_000_000 else None
    if lowered is None or len(lowered) != len(text):
        if lowered is None or any(lowered.find(stem) >= 0 for stem in lexicon.adversary_stems):
            found.extend(lexicon.adversaries.finditer(text, low, high))
            found.sort(key=_match_start)
        return found
    # Every word for the other side starts with one of a few stems: find those with str.find and
    # try the pattern only there, in text order and without overlaps, as finditer would.
    starts = set()
    for stem in lexicon.adversary_stems:
        at = lowered.find(stem, low, high)
        while at >= 0:
            starts.add(at)
            at = lowered.find(stem, at + 1, high)
    if starts:
        consumed = low
        for start in sorted(starts):
            if start < consumed:
                continue
            match = lexicon.adversaries.match(text, start, high)
            if match is not None:
                found.append(match)
                consumed = match.end()
        found.sort(key=_match_start)
    return found


def _actor_match(match, lexicon):
    """A match of lexicon.actor_names with a possessive ending (its group 1) as the names alone
    would match: an ending that makes no name (`South Korea's`, `the Philippines's`) is cut off,
    leaving the name before it."""
    name = match.group(0)
    if name in lexicon.actor_of or " ".join(name.split()) in lexicon.actor_of:
        return match
    return lexicon.actor_names.match(match.string, match.start(), match.end() - 2)


def _actor_in(phrase, lexicon, context):
    """The first actor a short phrase names: a country or organisation, else a word for the other
    side (whose actor the document's reporting side tells)."""
    if not phrase:
        return None
    actor = _phrase_actor(phrase, lexicon)
    return context.adversary if actor is _OTHER_SIDE else actor


_OTHER_SIDE = object()      # what _phrase_actor returns for a word naming the other side


@functools.lru_cache(maxsize=4096)     # counted noun phrases repeat
def _phrase_actor(phrase, lexicon):
    """The actor of the first name in `phrase`, _OTHER_SIDE for a word naming the other side, or
    None. Names and those words all begin with a word character not glued to a word or hyphen."""
    for word in _NAME_START.finditer(phrase):
        at = word.start()
        name = lexicon.actor_names.match(phrase, at)
        if name is not None:
            return lexicon.actor_of[(_actor_match(name, lexicon) if name.lastindex else name).group(0)]
        if lexicon.adversaries.match(phrase, at) is not None:
            return _OTHER_SIDE
    return None


# where an actor's name may begin in a phrase
_NAME_START = re.compile(r"(?<![\w-])\w")
_TARGET_BEFORE = re.compile(r"(?i:\b(?:at|on|against|into|across|in|inside|over|to|toward|towards|for|upon)[ \t]{1,2}(?:the[ \t]{1,2})?)$")
_SOURCE_BEFORE = re.compile(r"(?i:\b(?:from|by)[ \t]{1,2}(?:the[ \t]{1,2})?)$")
_FALLBACK = 1500
_OWN_REACH = 40     # how far after the number `its soldiers` can tell the counted are the claimant's


def _nearest_actor(text, atom, context, lexicon, category="other"):
    """The country whose people or things are counted.

    Within the sentence: for money the source (`from Canada`) or else the first country named
    (the giver is usually the subject); for anything else the nearest country named, weighing
    mentions after the number higher. For weapons, attacks and money a country that is only the
    target (`at Ukraine`, `on Ukrainian energy`, `aid to Ukraine`) is skipped, and for anything
    but money one that only states the figure (`the UN verified 23 deaths`). With no country in
    the sentence, the nearest one named before it in the preceding text.
    """
    start, end = context.sentence(atom.start, atom.end)
    skip_targets = category in ("munitions", "attacks", "equipment", "money")
    money = category == "money"
    best, best_distance, first_before, source = None, None, None, None
    for match in context.mentions(start, end):
        match_start, match_end = match.span()
        if match_end > end or (match_start < atom.end and match_end > atom.start):
            continue
        if skip_targets and _TARGET_BEFORE.search(text, max(0, match_start - 16), match_start):
            continue
        if not money and match_end <= atom.start and _claimant_only(text, match_end, min(end, atom.end + _OWN_REACH), lexicon):
            continue
        if match_end <= atom.start:
            distance = atom.start - match_end
            if first_before is None:
                first_before = match
        else:
            distance = (match_start - atom.end) * 1.5
            if money and source is None and _SOURCE_BEFORE.search(text, max(0, match_start - 16), match_start):
                source = match
        if best is None or distance < best_distance:
            best, best_distance = match, distance
    if best is not None:
        if money:
            best = source or first_before or best
        return _actor_name(best, lexicon, context)
    for match in reversed(context.mentions(max(0, start - _FALLBACK), start)):
        if skip_targets and _TARGET_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            continue
        if not money and _claimant_only(text, match.end(), min(end, atom.end + _OWN_REACH), lexicon):
            continue
        return _actor_name(match, lexicon, context)
    return None


def _claimant_only(text, mention_end, until, lexicon):
    """Whether a name ending at `mention_end` only states what follows it up to `until`: a
    reporting verb comes right after it and no word for its own people or things follows."""
    verb = _VERB_AFTER_NAME.match(text, mention_end)
    return verb is not None and verb.group(1) in lexicon.reporting_verbs and \
        lexicon.own_side.search(text, mention_end, until) is None


# the word after a name, past an auxiliary: `the UN has verified`
_VERB_AFTER_NAME = re.compile(r"[ \t]{1,2}(?:(?:has|have|had)[ \t]{1,2})?([a-z]{2,16})\b")


def _actor_name(match, lexicon, context):
    if match.re is lexicon.adversaries:
        return context.adversary
    name = match.group(0)
    return lexicon.actor_of.get(name) or lexicon.actor_of.get(" ".join(name.split()))


@functools.lru_cache(maxsize=4096)
def _civilian(phrase, lexicon):
    words = set(word.lower().strip(",") for word in phrase.split())
    if words & lexicon.civilian_nouns:
        return True
    if words & lexicon.military_nouns or " ".join(sorted(words)) in lexicon.military_nouns:
        return False
    return None


def _layout(text, start, end, lexicon):
    """The daily-report layout (`label ‒ [about] `) filling text[start:end], or None. Its dash or
    colon is looked for first: prose seldom has one there, and the layout costs far more to try."""
    if lexicon.layout_mark.search(text, start, end) is None:
        return None
    return lexicon.layout.match(text, start, end)


def _segment_start(text, position, line_start, reach=100):
    """Start of the list item holding `position`: the line, or in a one-line list the text after
    the last `; `, `, ` or `: ` (report items run together: `tanks ‒ 10,700 (+5) units; APV ‒ ...`)."""
    low = max(0, position - reach, line_start if line_start <= position else 0)
    cut = max(text.rfind("; ", low, position), text.rfind(", ", low, position), text.rfind(": ", low, position))
    if cut >= 0:
        return cut + 2
    return line_start


def _line_start(text, position, reach=120):
    """Start of the line holding `position`; a line longer than `reach` before it is no list
    line, and then `position + 1` is returned (past it), which no layout match accepts."""
    found = text.rfind("\n", max(0, position - reach), position)
    if found < 0:
        return 0 if position <= reach else position + 1
    return found + 1


def _list_header(text, line_start):
    """The line that introduces a list (`... were approximately:`), looking back a few lines."""
    position = line_start - 1
    for _ in range(30):
        if position <= 0:
            return None
        previous_start = text.rfind("\n", max(0, position - 200), position) + 1
        if previous_start == 0 and position > 200:
            return None
        line = text[previous_start:position].rstrip()
        if line.endswith(":"):
            return line
        if not line:
            return None
        position = previous_start - 1
    return None


# Small patterns used inside the functions above, compiled once (the functions run after the
# module is loaded, so defining them last is fine).
# `110 of which`, `21 of them`
_PARTITIVE_AFTER = re.compile(r"[ \t]{1,2}of[ \t]{1,2}(?:which|them|whom|those)\b")
# runs of white space
_WHITESPACE = re.compile(r"\s+")
# spaces that group thousands
_GROUP_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
# `1.234.567`: several dot groups are always thousands
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
# `76.000`: one dot group, read by context
_ONE_DOT_GROUP = re.compile(r"\d{1,3}\.\d{3}")
# `dozens of civilians`
_VAGUE_OF_NOUN = re.compile(r"[ \t]{1,3}(?:more[ \t]{1,3})?of[ \t]{1,3}[A-Za-z]")
# `the dozens`, `by the thousands`: the plural is taken as a noun, not a number
_VAGUE_TAKEN_BEFORE = re.compile(r"(?i:\b(?:the|of|by)[ \t]{1,3})$")
# `40-odd`, `40-strong`: still counts
_HYPHEN_COUNT_WORDS = re.compile(r"-(?i:odd|plus|strong|member|man|page)\b")
# a hyphenated word after digits (`40-member`)
_HYPHEN_WORD = re.compile(r"-[a-z]{3,}")
# `2025.33`: a year with a footnote number
_YEAR_FOOTNOTE = re.compile(r"(?:1[89]|20)\d\d\.\d{1,3}")
# what follows a footnote: a capital or the end
_NEW_SENTENCE_AFTER = re.compile(r"(?:\s+[A-Z\"“]|\s*$)")
# `24.02`
_DAY_FOOTNOTE = re.compile(r"\d{1,2}\.\d{1,3}")
_CAPITAL_AFTER = re.compile(r"[ \t]{1,2}[A-Z]")
_DAY_MONTH = re.compile(r"\d{1,2}\.\d{2}")
# `24.02 to 19.06`
_DAY_MONTH_RANGE_AFTER = re.compile(r"[ \t]*(?:-|–|to)[ \t]*\d{1,2}\.\d{2}\b")
# the word after a number
_NEXT_TOKEN = re.compile(r"[ \t\u00a0]{1,3}([\w']+)")
# the word before a number
_PREVIOUS_TOKEN = re.compile(r"([\w']+)[ \t\u00a0]{1,3}$")
# `one or the other`, `one-off`, `one-way`
_ONE_IDIOMS_AFTER = re.compile(r"[ \t]{1,3}(?:or|and)[ \t]{1,3}(?:the[ \t]{1,3})?other|-(?:off|on|way|sided|time)\b")
# a year candidate
_FOUR_DIGITS = re.compile(r"\d{4}")
# `1997 (+17)`
_INCREMENT_AFTER = re.compile(r"\s*\(\s*\+")
# `since 2014`, `by 2030`, `beyond 2027` (which is no floor before a year), `between 1600 and 1900`
# (`since at least 2015`, `until around 2030`: a qualifier after a preposition of time)
_YEAR_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:(?:since|before|after|until)[ \t]+(?:(?:at[ ]least|as[ ]early[ ]as|about|around|roughly|circa)[ \t]+)?"
    r"|(?:by|in|of|from|beyond|between)[ \t]+))$")
# the first end of a range of years before a number: `between 1650 and `, `from 1650 to `
_YEAR_RANGE_BEFORE = re.compile(r"(?i:\b(?:between|from|in|since)[ \t]{1,3}\d{4}[ \t]{0,3}(?:and|to|-|–)[ \t]{0,3})$")
# the other end of a range after a number: ` and 3000`, ` to 2500`
_OTHER_END_AFTER = re.compile(r"[ \t]{1,3}(?:and|to|or)[ \t]{1,3}\d{1,3}(?:,?\d{3}){0,3}(?![\d.,])")
# the noun after a year-like number (`2000 troops`)
_NOUN_AFTER_YEAR = re.compile(r"[ \t]{1,3}(?:[A-Za-z-]{1,20}[ \t]){0,2}?([A-Za-z]{3,20})")
# `in 2022`
_IN_YEAR_BEFORE = re.compile(r"(?i:\b(?:in|since|of|by|until|from|before|after)[ \t]{1,3})$")
# `1-2-` before a number: a code, not a range
_DIGIT_DASH_BEFORE = re.compile(r"\d[ \t]*[-–]$")
# `(+` before the increase of a report line
_INCREMENT_BEFORE = re.compile(r"\([ \t]*\+[ \t]*$")
# `approximately` in a list header
_APPROXIMATELY = re.compile(r"(?i)\bapproximately\b")
# `2 percent of GDP`
_PERCENT_OF = re.compile(r"[ \t]{1,2}of[ \t]{1,2}(GDP|[a-z]{3,20})")
# `civilian` before a count
_CIVILIAN_BEFORE = re.compile(r"(?i:\bcivilian)")
# `from over`, `than under`: no qualifier
_COMPARISON_BEFORE = re.compile(r"(?i:\b(?:from|than)[ \t]+)$")
# words between a number and its noun (`more`, `of the`)
_NOUN_LEAD = re.compile(r"[ \t\u00a0]{1,3}(?:(?:more|additional|other|further|extra)[ \t]{1,2})?(?:of[ \t]{1,2}(?:the[ \t]{1,2}|their[ \t]{1,2}|its[ \t]{1,2})?)?")
# `of` right after a number
_OF_AFTER = re.compile(r"[ \t\u00a0]{1,3}of\b")
# the next lower-case word
_LOWER_WORD_AFTER = re.compile(r"[ \t]([a-z][a-z-]{2,})")
# `losses` in a report header
_LOSSES = re.compile(r"(?i)\blosses\b")
# words that do not count in the distance to a verb after a number
_AUXILIARIES = re.compile(r"(?i)\b(?:were|was|are|is|have|had|has|been|being|be|reportedly|also|all|later|"
                              r"subsequently|who|that|which)\b")
# words that do not count in the distance to a verb before a number
_QUALIFIER_WORDS = re.compile(r"(?i)\b(?:at least|more than|about|around|some|nearly|almost|up to|over|an estimated|"
                              r"another|a further|an additional|and|the|a|least)\b")
_DIED_AT_BEFORE = re.compile(r"\bdied\b[^.;\n]{0,30}\bat[ \t]$")
_CLAUSE_END_AFTER = re.compile(r"[.,;:)]|$")
_AGE_AFTER = re.compile(r"[ -]years?[ -]old\b")
# `aged 7`, `aged 2, 5 and `, `ages 18 to `: ages in a list after `aged`
_AGE_BEFORE = re.compile(r"(?i:\bage[sd]?)(?:[ \t]{1,2}of)?[ \t]{1,2}(?:between[ \t])?(?:\d{1,3}(?:,[ \t]?|,?[ \t](?:and|or|to)[ \t]|[ \t]?[-–][ \t]?)){0,6}$")
# `a man, ` before an age in apposition (the noun is checked against lexicon.age_nouns)
_PERSON_COMMA_BEFORE = re.compile(r"\b([A-Za-z]{2,12}), $")
_COMPOUND_AFTER = re.compile(r"-([A-Za-z]{2,8})\b")
_APPOSITION_BEFORE = re.compile(r"[A-Z][^\W\d_]{1,20}, $")
_ACRONYM_BEFORE = re.compile(r"(?<![\w'’.&-])([A-Z]{2,6}) $")
_CAPITAL_WORD_AFTER = re.compile(r"[ \t]{1,2}[A-Z]{2}")
_NAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,20}) $")
# a name no English word is written like, whatever its place: `S&P`, `AT&T`, `iPhone`, `eBay`
_CODE_NAME = re.compile(r"[A-Za-z]{1,5}&[A-Za-z]{1,5}|[a-z]{1,3}[A-Z][A-Za-z]{1,15}")


def _code_name(token):
    """Whether `token` is a name written as no English word is (see _CODE_NAME)."""
    return ("&" in token or token[:1].islower() and not token.islower()) and _CODE_NAME.fullmatch(token) is not None
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n\"“]\s{0,3}|\n)$")
_NEXT_WORD = re.compile(r"[ \t\u00a0]{1,3}(?:[a-z-]{2,20}[ \t]){0,2}?([A-Za-z]{2,20})\b")
_CURRENCY_SCALE = re.compile(r"[ ]?([A-Za-z]{1,2})(?![A-Za-z])")
_TOKEN_BEFORE = re.compile(r"[A-Za-z0-9.,]{1,15}$")
_NO_LETTERS = re.compile(r"[0-9.,]*")
_NEXT_WORDS = re.compile(r"[ \t]{1,2}((?:[A-Za-z-]{2,20}[ \t]){0,2}[A-Za-z-]{2,20})")
_THOUSANDS_TAIL = re.compile(r"\d{3}(?![\d])")
# a slash and a digit straight after a number: `24/7`
_SLASH_DIGIT = re.compile(r"/\d")
# a year right before a dash: `2022-`
_YEAR_BEFORE_DASH = re.compile(r"(?<!\d)(?:1[89]|20)\d\d$")
# a digit anywhere (a number between a verb and the figure took the verb)
_ANY_DIGIT = re.compile(r"\d")
# the other end of a range in millions: `1.5m to 2m`
_M_RANGE_AFTER = re.compile(r"[ ]?(?:to|-|–|and|or)[ ]?\d[\d.,]{0,8}m(?![A-Za-z])")
# a clock time with a dot (`03.52`) ...
_CLOCK_DOT = re.compile(r"(?:[01]\d|2[0-3])\.[0-5]\d")
# ... after a year or `at`, `from`, `until`
_CLOCK_DOT_BEFORE = re.compile(r"(?:\b(?:1[89]|20)\d\d|\b(?:at|from|until|till|by|since))[ \u00a0]$")
