"""Named people, organisations and places, and nationality adjectives, with canonical names.

One pass of a compiled pattern finds runs of capitalized words (`General Staff of the Ukrainian
Armed Forces`, `Russian President Vladimir Putin`). Each run is cut into gazetteer names (countries,
places, organisations, well-known people, demonyms: the longest match wins) and leftover words;
head words (`Ministry`, `Brigade`, `Oblast`) grow organisation and place names around them, titles
(`President`, `Gen.`) mark the name after them as a person, and the words around a leftover name
(`the village of`, `, a spokesperson`, `region`) decide its type. A last pass over the document
gives every thing one canonical name: surnames and short forms take the fullest name the document
uses, aliases their standard name (`DPRK` -> `North Korea`, `Kiev` -> `Kyiv`).

Capitalized common words at the start of a sentence, in a headline or in ALL-CAPS text are names
only when a gazetteer or the rest of the document says so. Gazetteers load on first use and are
compiled into one dictionary; every pattern here runs in linear time.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from ..data import load
from ..model import Entity

MAX_GAZETTEER_WORDS = 8          # longest gazetteer name, in words
MAX_RUN_WORDS = 12               # a run of capitalized words is cut after this many


# ---------------------------------------------------------------------------------------------
# Gazetteers: loaded lazily, compiled once into a dictionary keyed by the name as written.

class Known(NamedTuple):
    """What a gazetteer says about one written name."""
    type: str                    # PERSON, ORG, LOC, NORP, or SKIP for words that are no name
    canonical: str
    kind: str = ""               # country, city, region, water, outlet, demonym, ...
    major: bool = True           # a small village yields to a person reading of the same word
    anchored: bool = True        # never a surname: countries, regions, capitals, Ukraine's cities


@dataclass(slots=True)
class Lexicon:
    names: dict                  # written name -> Known, but for places not yet looked up
    places: dict                 # canonical name of a place -> "kind rank" (places.json)
    place_aliases: dict          # other name of a place -> its canonical name (place_aliases.json)
    first_words: dict            # first word of a name -> most words any name starting so has
    words: dict                  # cue lists from entity_words.json, as sets
    common: frozenset            # lowercase common English words
    place_suffixes: tuple        # endings of settlement names (str.endswith takes a tuple)
    also_names: frozenset        # common words that are also names (Chip, Eric): words in headlines
    org_suffixes: tuple          # endings of company names (Bundesbank, Rosenergoatom)
    surname_suffixes: tuple      # endings of Slavic and Georgian surnames (Pegov, Kovalenko)
    abstract_suffixes: tuple     # endings of abstract nouns, which end no person's name (Regulation)
    run_pattern: object          # compiled pattern for a run of capitalized words
    country_of: dict             # canonical country -> its other names (for NORP canonical)
    first_names: frozenset       # first names of the people list (Kyrylo): a town after one is a surname
    # Answers kept per word, as the same words recur in many runs: `_is_common` by word,
    # `_word_class` by word and whether it is shouted.
    common_answers: dict = field(default_factory=dict)
    word_classes: dict = field(default_factory=dict)

    def known(self, name: str) -> Optional[Known]:
        """What the gazetteers say about `name` as written, or None."""
        found = self.names.get(name)
        if found is None:
            # A place's Known is made on its first look-up (one for each of 11,500 places was most
            # of the cost of a first call) and kept with the other names, which it does not hide.
            canonical = name if name in self.places else self.place_aliases.get(name)
            if canonical is not None and name not in self.words["not_entities"]:
                kind, rank = self.places[canonical].split(" ")
                found = self.names[name] = Known("LOC", canonical, kind, int(rank) >= 1, int(rank) >= 2)
        return found


def _apostrophes(text: str) -> str:
    return text.replace("’", "'")


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    names: dict = {}

    def add(name, known, *, override=False):
        key = _apostrophes(name)
        if override or key not in names:
            names[key] = known

    country_of = {}
    first_names = set()
    for country in load("countries.json"):
        canonical = country["name"]
        country_of[canonical] = set(country["aliases"])
        for name in [canonical, *country["aliases"]]:
            add(name, Known("LOC", canonical, "country"), override=True)
        for demonym in country["demonyms"]:
            add(demonym, Known("NORP", canonical, "demonym"))
    for group in load("groups.json"):
        for demonym in group["demonyms"]:
            add(demonym, Known("NORP", group["name"], "demonym"))
    # Places get no Known yet (see `Lexicon.known`): the lists above come before them and the
    # ones below override them, so all their names win over a place's.
    places = load("places.json")
    place_aliases = load("place_aliases.json")
    for organisation in load("organisations.json"):
        for name in [organisation["name"], *organisation["aliases"]]:
            if name.startswith("The "):
                name = name[4:]    # `the Guardian`: the article stays outside the name
            add(name, Known("ORG", organisation["name"], organisation["kind"]), override=True)
    for person in load("people.json"):
        full = person["name"]
        if " " in full:
            first_names.add(full.split(" ", 1)[0])
        for name in [full, *person["aliases"]]:
            # A surname alone keeps the document's spelling: `Zelenskyy` -> `Volodymyr Zelenskyy`.
            canonical = name
            if " " not in name and " " in full:
                canonical = full.rsplit(" ", 1)[0] + " " + name if name != full.split()[-1] else full
            elif " " in name and name.split()[-1] != full.split()[-1]:
                canonical = name
            add(name, Known("PERSON", canonical, "person"), override=True)

    words = {key: set(value) for key, value in load("entity_words.json").items() if isinstance(value, list)}
    for blocked in words["not_entities"]:
        names.pop(blocked, None)        # nor does `Lexicon.known` give a place of this name
        if " " in blocked:
            # `Storm Shadow`, `Mars II`: taken whole by the gazetteer pass, then dropped
            names[blocked] = Known("SKIP", blocked)
    # Every name enters in bulk as a name of one word; those of several words then give way to
    # their first word (a loop over all 27,000 names was a fifth of the cost of a first call).
    first_words = dict.fromkeys(places, 1)
    first_words.update(dict.fromkeys(place_aliases, 1))
    for blocked in words["not_entities"]:
        first_words.pop(blocked, None)
    first_words.update(dict.fromkeys(names, 1))
    for name in [name for name in first_words if " " in name]:
        del first_words[name]
        parts = name.split(" ")
        first_words[parts[0]] = max(first_words.get(parts[0], 1), len(parts))
    return Lexicon(names=names, places=places, place_aliases=place_aliases, first_words=first_words, words=words,
                   common=frozenset(load("common_words.json")["words"]),
                   also_names=frozenset(load("common_words.json")["also_names"]),
                   place_suffixes=tuple(words["place_suffixes"]),
                   org_suffixes=tuple(words["org_suffixes"]),
                   surname_suffixes=tuple(words["surname_suffixes"]),
                   abstract_suffixes=tuple(words["abstract_suffixes"]),
                   run_pattern=_compile_run_pattern(words), country_of=country_of,
                   first_names=frozenset(first_names))


# Capital letters of Latin (with Latin-1 and Extended-A, whose upper and lower case letters
# alternate and are all let in), Greek and Cyrillic script. The standard `re` module runs the
# run pattern about twice as fast as `regex` with `\p{Lu}`, and a few ranges compile fast.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0391-\u03a9\u0400-\u042f"


def _compile_run_pattern(words: dict):
    upper = _UPPER
    connectors = "|".join(sorted((re.escape(word) for word in words["connectors"]), key=len, reverse=True))
    sentence_openers = "The|A|An|He|She|It|We|They|I|In|On|At|But|And|This|That|His|Her|Their|There|As|If"
    # The shapes of one word, each without its first character: `word` below checks that
    # character and the one before it.
    # A digit starts only an ordinal and every other shape follows a capital, so one test of the
    # first character turns away the other shapes at each of the many digits of news text.
    shapes = rf"""
        (?:
            (?<=\d)\d{{0,3}}(?:st|nd|rd|th)(?=[ ][{upper}])  # 47th, 1431st before a capitalized word (units)
          | (?<=[{upper}])                            # every other shape follows a capital:
            (?:
                (?:{_after_first(words["abbreviations"])})\.   # Gen. Lt. Mr.
              | \.(?:[{upper}]\.){{1,4}}              # U.S. U.K. U.N.
              | \.(?=[ ](?!(?:{sentence_openers})\b)[{upper}][a-z])  # the V. of Vladimir V. Putin
              | [^\W_]{{0,40}}                        # a capitalized word
                (?:[’'][{upper}][^\W\d_]{{0,20}}     # O'Brien, D'Artagnan
                  |[’'](?!(?:s|m|re|ll|ve|d|t)\b)[^\W\d_]{{1,20}}  # Slov'yansk (not I'm, We're)
                )?
                (?:-[^\W_]{{1,30}}){{0,3}}            # Ivano-Frankivsk, Rostov-on-Don, Russian-occupied
                (?:[’']s\b)?                          # possessive: ends the name
            )
        )
    """
    # A pattern that opens with a character class lets `re` skip fast to the next capital or
    # digit (about twice as fast as opening with a look-behind), so the first character comes
    # first and the look-behinds, two characters wide, check the one before it. The class holds
    # ranges only: `\d` (any script's digits) would make `re` test a category at every character
    # it skips, a third of the pattern's time; an ordinal is written with ASCII digits.
    word = rf"""
        [{upper}0-9]                            # a capital (or the digit of an ordinal)
        (?<![^\W_].)(?<![@#’'.=].)              # not inside a word, a handle, a hashtag or a URL's query
        {shapes}
    """
    run = rf"""
        {word}
        (?:
            [ \u00a0]                             # one space between words
            (?:(?:{connectors})[ \u00a0]){{0,2}} # of, of the, for the
            {word}
        ){{0,{MAX_RUN_WORDS - 1}}}
    """
    return re.compile(run, re.VERBOSE)


def _after_first(abbreviations) -> str:
    r"""`Gen`, `Gov`, `Lt` as `(?=.{1,2}\.)(?:(?<=G)(?:en|ov)|(?<=L)(?:t))`: the rest after the first character.

    Every capitalized word tries this branch first, so it is kept cheap: the look-ahead (a
    full stop within reach) turns most words away in one step, and grouping by the first
    character checks one look-behind per letter, not one per abbreviation. Within a letter
    the longest rest still comes first, so the same alternative matches as in a flat list.
    """
    ordered = sorted(abbreviations, key=len, reverse=True)
    rests_by_first: dict = {}
    for word in ordered:
        rests_by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    groups = "|".join(f"(?<={re.escape(first)})(?:{'|'.join(rests)})" for first, rests in rests_by_first.items())
    longest_rest = max(len(word) - 1 for word in ordered)
    return rf"(?=.{{1,{longest_rest}}}\.)(?:{groups})"


# ---------------------------------------------------------------------------------------------
# Tokens of a run, and the items a run is cut into.

@dataclass(slots=True)
class Token:
    text: str                    # as written, without a possessive ending
    start: int
    end: int
    possessive: bool = False
    genitive: bool = False       # an 's was cut off (a possessive, or inside `People's Republic`)
    connector: bool = False
    informative: bool = True     # capital letter says "name" (not sentence start, headline, caps)
    shouting: bool = False       # in a headline or a line in capitals


@dataclass(slots=True)
class Item:
    """A stretch of one run: a gazetteer name, a head-grown phrase, a title, or a plain word."""
    tokens: list
    role: str                    # gaz, word, conn
    known: Optional[Known] = None
    word_class: str = ""         # title, org_head, loc_head, ordinal, skip, name


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    type: Optional[str]
    canonical: Optional[str] = None
    strong: bool = False         # type decided by a gazetteer, a head word, a title or a cue
    weak_common: bool = False    # only common words: kept only if the document names it elsewhere
    tokens: list = field(default_factory=list)
    gazetteer_kind: str = ""
    major: bool = True
    pending: str = ""            # "name" or "acronym": typed later from the words around it
    all_common: bool = False
    informative: bool = True
    guessed: bool = False        # PERSON by default: a list of places may still make it a place

    def moved(self, offset: int) -> "Candidate":
        return Candidate(self.start + offset, self.end + offset, self.text, self.type, self.canonical,
                         self.strong, self.weak_common, self.tokens, self.gazetteer_kind, self.major,
                         self.pending, self.all_common, self.informative, self.guessed)


_CONTRACTIONS = ("'t", "’t")     # `Don't`, `Didn't`: the run ends before the apostrophe
_HYPHEN_PREFIXES = ("pro-", "anti-", "ex-", "non-", "post-", "pre-", "neo-")
_SENTENCE_END = set(".!?:;\n—–|-)]>")
_OPENERS = set(" \t\"“”‘’'(*[_")


def find_entities(text: str) -> list:
    """Find PERSON, ORG, LOC and NORP mentions in `text`, sorted by start, with canonical names."""
    if not text:
        return []
    lex = lexicon()
    lines = _LineInfo(text)
    candidates = []
    cache = _RUN_CACHE
    # web addresses (`facebook.com/GeneralStaff.ua`) hold no names
    links = [(link.start(), link.end()) for link in _LINK.finditer(text)] if "/" in text else []
    link_index = 0
    for match in lex.run_pattern.finditer(text):
        start = match.start()
        if links:
            while link_index < len(links) and links[link_index][1] <= start:
                link_index += 1
            if link_index < len(links) and links[link_index][0] <= start:
                continue
        shouting = lines.shouting if start <= lines.line_end else lines.uninformative(start)
        # _plain_name also reads the two characters after a run (`Don't`), so they are part of the key
        opens_sentence = shouting or _sentence_start(text, start)
        key = (match.group(), shouting, opens_sentence, text.startswith(_CONTRACTIONS, match.end()))
        templates = cache.get(key)
        if templates is None:
            # the run's first occurrence is read here; the cache keeps copies with offsets
            # from the run's start, which later occurrences move to theirs
            found = _read_run_at(text, match, lex, shouting, opens_sentence)
            _keep_bounded(cache)
            cache[key] = [candidate.moved(-start) for candidate in found]
        else:
            found = [template.moved(start) for template in templates]
        for candidate in found:
            if candidate.pending:
                _settle(text, candidate, lex, shouting)
            candidates.append(candidate)
    return _resolve(text, candidates, lex)


def _read_run_at(text: str, match, lex: Lexicon, shouting: bool, opens_sentence: bool) -> list:
    """What one run says on its own, before its context is read: candidates in text order.

    Sorted here, once per distinct run, so that the document's candidates come out in text
    order (runs do not overlap) and need no sort of their own.
    """
    tokens = _tokens(text, match, lex, shouting, opens_sentence)
    found = _read_run(text, tokens, lex) if tokens else []
    found.sort(key=_by_position)
    return found


_LINK = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)[^\s<>()\[\]\"]{1,2000}")


# What a run of words says without its context is the same wherever it occurs: `Russian`,
# `Vladimir Putin` are read once. The cache holds plain values, so output never depends on it.
_RUN_CACHE: dict = {}
_RUN_CACHE_SIZE = 50_000


class _LineInfo:
    """Per-line facts computed once: is the line a headline (Title Case) or in capitals?

    Runs come in text order, so the current line is kept and the next one found when a run
    passes its end: one scan of the line breaks for the whole document.
    """

    def __init__(self, text: str):
        self.text = text
        self.line_end = -1
        self.shouting = False

    def uninformative(self, position: int) -> bool:
        if position > self.line_end:
            text = self.text
            start = text.rfind("\n", 0, position) + 1 if position - self.line_end > 1 or self.line_end < 0 \
                else self.line_end + 1
            end = text.find("\n", position)
            self.line_end = len(text) if end < 0 else end
            self.shouting = self._shouting(text[start:min(self.line_end, start + 241)], first=start == 0)
        return self.shouting

    @staticmethod
    def _shouting(line: str, first: bool = False) -> bool:
        """ALL-CAPS text, or a short line in Title Case (a headline); a long line is prose.

        A document's first line in strict Title Case is its title even with a full stop (`Kharkiv
        Tried to Return to Normal. Shelling Wouldn't Let It.`); elsewhere a full stop ends a caption
        or a sentence."""
        if line.startswith("#"):
            return True            # a Markdown heading: capitals by convention
        if _opens_like_prose(line):
            return False           # the common case, kept cheap
        words = [word.lstrip("\"“'‘") if word[0] in "\"“'‘" else word for word in line.split()]
        if words and words[0].endswith(":"):
            words = words[1:]      # a label: `title: "Peace Talks End Abruptly"`
        words = [word for word in words if len(word) > 1 and word[0].isalpha()]
        if len(words) < 3:
            return False
        if sum(1 for word in words if word.isupper()) >= 0.7 * len(words):
            return True
        full_stop = line.rstrip().endswith((".", ".”", '."'))
        if len(line) > 200 or full_stop and not first:
            return False           # a headline is short and has no full stop (it may ask or exclaim)
        if sum(1 for word in words if len(word) > 3 and word[0].isupper()) < 4:
            return False           # a caption: `Volodymyr Zelenskyy on 20th October 2020`
        lower = sum(1 for word in words if word[0].islower() and word not in _TITLE_CASE_LOWER)
        return lower == 0 if full_stop else lower <= 0.15 * len(words)


def _opens_like_prose(line: str) -> bool:
    """Three lower-case words (not `of`, `the`) among the first 60 characters: prose, no headline."""
    lowercase = 0
    for word in line[:60].split():
        if word[0].islower() and word not in _TITLE_CASE_LOWER:
            lowercase += 1
            if lowercase == 3:
                return True        # most lines are told apart here, after a few words
    return False


# Titles that are also adjectives: before a common word they start a name (`General Motors`,
# `Premier League`), where `President Trump` or `Mr Green` stays a person.
_ADJECTIVE_TITLES = frozenset(("general", "major", "premier", "chief", "private", "prime"))


# Capitalized at a sentence start, these open a phrase, not the name of an organisation.
_NOT_NAME_OPENERS = frozenset("""several both other another many few numerous various certain two three four five
six seven eight nine ten dozens hundreds thousands some most all each every no new older newer
""".split())


# Words a headline in Title Case keeps in lower case.
_TITLE_CASE_LOWER = frozenset("a an the and but or nor for of in on at to by as vs via per from with into".split())


def _sentence_start(text: str, start: int) -> bool:
    """After `. `, a line break, a quote opening a sentence, or a line's time stamp (`00:49 `)."""
    if start >= 2 and text[start - 1] == " " and text[start - 2].isalpha():
        return False             # the common case, a word and a space before: mid-sentence
    if start >= 1 and text[start - 1] == "(" and text[start + 1:start + 2].islower():
        return True              # a parenthesis opens a clause: `(Including 1,010 ...)`; not `(ISS)`
    index = start - 1
    while index >= 0 and text[index] in _OPENERS and start - index < 12:
        if text[index] in "“‘\"" and (index == 0 or text[index - 1] in " \t\n(["):
            return True        # an opening quotation mark starts the quoted sentence
        index -= 1
    if index < 0 or text[index] in _SENTENCE_END:
        return True
    probe = index
    while probe >= 0 and start - probe < 16 and not text[probe].isalpha() and text[probe] != "\n":
        probe -= 1
    return probe < 0 or text[probe] == "\n"


def _tokens(text: str, match, lex: Lexicon, shouting: bool, opens_sentence: bool) -> list:
    """The words of a run; `opens_sentence` says whether the run starts a sentence (or is shouted)."""
    tokens = []
    connectors = lex.words["connectors"]
    position = match.start()
    inner_genitive = False
    for piece in match.group().replace("\u00a0", " ").split(" "):
        start, end = position, position + len(piece)
        position = end + 1
        if not piece:
            continue
        if piece in connectors:
            tokens.append(Token(piece, start, end, connector=True))
            continue
        possessive = genitive = False
        if piece[-2:] in ("'s", "’s") and len(piece) > 2:
            piece, end, possessive, genitive = piece[:-2], end - 2, True, True
            inner_genitive = inner_genitive or piece in _GROUP_GENITIVES
        if "-" in piece:
            lowered = piece.lower()
            for prefix in _HYPHEN_PREFIXES:
                if lowered.startswith(prefix) and len(piece) > len(prefix) and piece[len(prefix)].isupper():
                    piece, start = piece[len(prefix):], start + len(prefix)
                    break
            parts = piece.split("-")
            if not parts[-1][:1].isupper():
                # Russian-occupied, Kremlin-backed: the name is the part before the lower-case word
                keep = 1
                while keep < len(parts) and parts[keep][:1].isupper():
                    keep += 1
                piece = "-".join(parts[:keep])
                end = start + len(piece)
                possessive = True      # ends the name like a possessive: Washington-based Institute
        # only the first word can open a sentence (`pro-Russian` moved its start past the prefix)
        informative = not shouting and not (not tokens and (
            opens_sentence if start == match.start() else _sentence_start(text, start)))
        tokens.append(Token(piece, start, end, possessive=possessive, genitive=genitive, informative=informative,
                            shouting=shouting))
    if inner_genitive:
        for token, following in zip(tokens, tokens[1:]):
            if token.genitive and token.text in _GROUP_GENITIVES and not following.connector:
                token.possessive = False    # `Donetsk People's Republic`: the 's is inside the name
    return tokens


# Plural nouns whose 's belongs to a name when a capitalized word follows: `People's Liberation
# Army`, `Workers' Party` (the plain apostrophe is not cut off at all).
_GROUP_GENITIVES = frozenset(("People", "Peoples", "Women", "Children", "Men"))


# ---------------------------------------------------------------------------------------------
# Reading one run.

def _lookup(tokens: list, lex: Lexicon) -> Optional[Known]:
    if len(tokens) == 1:
        key = _apostrophes(tokens[0].text)      # most names are one word: no join
    else:
        key = " ".join([_apostrophes(token.text) for token in tokens])
    if len(tokens) > 1 and "People" in key:
        # `Donetsk People's Republic`: the 's cut off the token belongs to the name
        key = " ".join(_apostrophes(token.text) + ("'s" if token.genitive and token is not tokens[-1] else "")
                       for token in tokens)
    known = lex.known(key)
    if known is None and key.isupper() and len(key) > 3:
        known = lex.known(key.title())          # KYIV, Ukraine
    if known is None and ("'" in key or "ʹ" in key):
        known = lex.known(key.replace("'", "").replace("ʹ", ""))    # Slov'yansʹk
    if known is None and key.startswith(("St ", "St. ")):
        known = lex.known("Saint " + key.split(" ", 1)[1])           # St Petersburg
    return known


def _segment(tokens: list, lex: Lexicon) -> list:
    """Cut a run into items: longest gazetteer names first, then single classified words."""
    items = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.connector:
            items.append(Item([token], "conn"))
            index += 1
            continue
        first = _apostrophes(token.text)
        longest = max(lex.first_words.get(first, 0), lex.first_words.get(first.title(), 0) if first.isupper() else 0)
        if not longest and ("'" in first or "ʹ" in first):
            longest = lex.first_words.get(first.replace("'", "").replace("ʹ", ""), 0)
        if first in ("St", "St."):
            longest = max(longest, lex.first_words.get("Saint", 0))
        found = None
        for length in range(min(longest, len(tokens) - index), 0, -1):
            span = tokens[index:index + length]
            if length > 1 and any(piece.possessive for piece in span[:-1]) and \
                    "People" not in span[0].text + span[-1].text:
                continue
            if span[-1].connector:
                continue
            known = _lookup(span, lex)
            if known is not None:
                found = (length, known)
                break
        if found:
            length, known = found
            items.append(Item(tokens[index:index + length], "gaz", known))
            index += length
            continue
        items.append(Item([token], "word", word_class=_word_class(token, lex)))
        index += 1
    return items


def _word_class(token: Token, lex: Lexicon) -> str:
    key = (token.text, token.shouting)
    found = lex.word_classes.get(key)
    if found is None:
        _keep_bounded(lex.word_classes)
        found = lex.word_classes[key] = _classify_word(token.text, token.shouting, lex)
    return found


def _keep_bounded(answers: dict) -> None:
    """Empty a cache (of runs, or of answers per word) that has grown to `_RUN_CACHE_SIZE`: it lives
    as long as the process, and a stream of documents brings new words without end."""
    if len(answers) >= _RUN_CACHE_SIZE:
        answers.clear()


def _classify_word(text: str, shouting: bool, lex: Lexicon) -> str:
    lowered = text.lower().rstrip(".")
    words = lex.words
    if text in words["not_entities"] or text.rstrip(".") in words["not_entities"]:
        return "skip"
    if text[:1].isdigit():
        return "ordinal"
    if lowered in words["org_heads"]:
        return "org_head"
    if lowered in words["loc_heads"]:
        return "loc_head"
    if lowered in words["titles"] or lowered in _PLURAL_TITLES and not shouting:
        return "title"            # also a plural: `Senators Tim Kaine and ...` (not a headline's subject)
    if lowered in words["title_modifiers"]:
        return "modifier"
    return "name"


def _is_common(word: str, lex: Lexicon) -> bool:
    """A common English word (or its plural): `Women`, `Dozens` at a sentence start are not names."""
    found = lex.common_answers.get(word)
    if found is None:
        _keep_bounded(lex.common_answers)
        found = lex.common_answers[word] = _judge_common(word, lex)
    return found


def _judge_common(word: str, lex: Lexicon) -> bool:
    lowered = word.lower()
    if lowered in lex.common or _is_common_form(lowered, lex):
        return True
    if lowered.endswith(("ers", "ings")) and len(lowered) > 5 and _is_common_form(lowered[:-1], lex):
        return True            # the plural of a derived form: `Mourners`, `Sightings`
    if "-" in lowered:
        # `High-Stakes`, `Long-Range` in a headline: every part a common word
        return all(part and _is_common_form(part, lex) for part in lowered.split("-"))
    if lowered.endswith("ing") and len(lowered) >= 8 and lowered.isalpha():
        return True            # `Weaponizing`, `Cowering` opening a sentence: a verb's -ing form the list
                               # lacks (a surname so long is rare: `Harding`, `Fleming` are shorter)
    # `Unsurprisingly`, `Unconfirmed`: a negated common word (long, so `Union` is not `ion`)
    return lowered.startswith("un") and len(lowered) >= 9 and _is_common_form(lowered[2:], lex)


def _is_common_form(lowered: str, lex: Lexicon) -> bool:
    """`lowered` is a common word, a plural of one, or one with a regular ending (-ing, -ed, -ly, -er)."""
    if lowered in lex.common:
        return True
    if lowered.endswith("ies") and lowered[:-3] + "y" in lex.common:
        return True
    if lowered.endswith("es") and lowered[:-2] in lex.common:
        return True
    if lowered.endswith("s") and lowered[:-1] in lex.common:
        return True
    if lowered.endswith("men") and lowered[:-3] + "man" in lex.common:
        return True
    for ending, replacements in (("ing", ("", "e")), ("ied", ("y",)), ("ed", ("", "e")), ("ly", ("",)),
                                 ("iest", ("y",)), ("ier", ("y",)), ("est", ("", "e")), ("er", ("", "e"))):
        if lowered.endswith(ending) and len(lowered) >= len(ending) + 2:
            stem = lowered[:-len(ending)]
            if any(stem + extra in lex.common for extra in replacements) or \
                    (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in lex.common):
                return True
    return False


def _plural_of_name_word(token: Token, lex: Lexicon) -> bool:
    """`Pilots`, `Marks`: a word that is also a name, used as a common noun (plural, or in a headline)."""
    lowered = token.text.lower()
    return lowered in lex.also_names and token.shouting or \
        lowered.endswith("s") and lowered[:-1] in lex.also_names


def _read_run(text: str, tokens: list, lex: Lexicon) -> list:
    items = _segment(tokens, lex)
    out = []
    used = [False] * len(items)

    # 1. Head words grow organisation and place names around them.
    for index, item in enumerate(items):
        if used[index] or item.role != "word" or item.word_class not in ("org_head", "loc_head"):
            continue
        first, last = _grow(items, index, used, lex.words["function_words"], lex.common)
        if first is None:
            continue
        span_items = items[first:last + 1]
        names = [piece for piece in span_items if piece.role != "conn"]
        if item.word_class == "loc_head" and len(names) < 2:
            continue
        if len(names) < 2 and not (item.tokens[0].informative and item.tokens[0].text.isupper()):
            # a head alone (`Ministry`, `Forces`) is not a name
            continue
        if all(not piece.tokens[0].informative and _is_common(piece.tokens[0].text, lex)
               for piece in names if piece.role == "word") and not any(piece.role == "gaz" for piece in names):
            if not any(piece.tokens[0].informative for piece in names):
                continue
        if item.tokens[0].text.lower() in lex.words["surname_media_heads"] and index == len(items) - 1 or \
                item.tokens[0].text.lower() in lex.words["surname_media_heads"] and items[index + 1].role == "conn":
            words_before = [piece for piece in items[first:index] if piece.role != "conn"]
            if len(words_before) == 1 and words_before[0].role == "word" and \
                    words_before[0].word_class == "name" and not _is_common(words_before[0].tokens[0].text, lex):
                continue           # `Jim Press`: a person, not an outlet (`Sunday Times` is one; no one is named `News`)
        if not item.tokens[0].informative and len(names) == 2 and names[0].role == "gaz" and \
                names[0].known.type == "NORP":
            continue               # a headline's `Russian Troops`, `Ukrainian Forces`: the adjective only
        if not item.tokens[0].informative and len(names) == 2 and names[0].role == "gaz" and \
                names[0].known.type == "LOC" and item.tokens[0].text.lower().endswith("s") and \
                item.tokens[0].text.lower() not in lex.words["media_heads"]:
            continue               # a headline's `Why Ukraine Matters`, `Russia Forces`: a subject and its verb
        if _title_name_and_head(items[first:index + 1], lex.common):
            continue               # `Senator Frank Church`: a surname that is also a head word
        kind = "ORG" if any(piece.word_class == "org_head" for piece in span_items) else "LOC"
        start, end = span_items[0].tokens[0].start, span_items[-1].tokens[-1].end
        out.append(Candidate(start, end, text[start:end], kind, strong=True,
                             tokens=[token.text for piece in names for token in piece.tokens]))
        for position in range(first, last + 1):
            used[position] = True

    # 2. Gazetteer names, titles and the plain names left over.
    index = 0
    while index < len(items):
        item = items[index]
        if used[index] or item.role == "conn":
            index += 1
            continue
        if item.role == "word" and item.word_class in ("name", "modifier") and item.tokens[0].informative and \
                item.tokens[0].text.lower() not in lex.words["function_words"] and \
                item.tokens[0].text.lower() not in _NOT_NAME_OPENERS and not item.tokens[-1].possessive and index + 1 < len(items) and not used[index + 1] and \
                items[index + 1].role == "gaz" and items[index + 1].known.kind == "country" and \
                (index + 2 == len(items) or items[index + 2].role == "conn" or items[index + 1].tokens[-1].possessive):
            # `Air China`, `Team USA`: a capitalized word before a country's name is a company's
            start, end = item.tokens[0].start, items[index + 1].tokens[-1].end
            out.append(Candidate(start, end, text[start:end], "ORG", strong=True,
                                 tokens=[item.tokens[0].text, *[token.text for token in items[index + 1].tokens]]))
            index += 2
            continue
        if item.role == "gaz" and item.known.type == "LOC" and item.known.kind == "city" and \
                index + 1 < len(items) and not used[index + 1] and not item.tokens[-1].possessive and \
                items[index + 1].tokens[0].informative and items[index + 1].role == "word" and \
                items[index + 1].word_class == "name" and items[index + 1].tokens[0].text.lower() in lex.common \
                and item.known.major and items[index + 1].tokens[0].text not in _DOCUMENT_HEADS:
            # `Manchester United`, `Kyiv Independent`: a city and a common word name a club or a paper
            # (a village's name is more likely a first name: `Tim Cook`)
            start, end = item.tokens[0].start, items[index + 1].tokens[-1].end
            out.append(Candidate(start, end, text[start:end], "ORG", strong=True,
                                 tokens=[token.text for piece in items[index:index + 2] for token in piece.tokens]))
            index += 2
            continue
        if item.role == "gaz" and item.known.type == "LOC" and item.known.kind == "city" and \
                index + 1 < len(items) and not used[index + 1] and not item.tokens[-1].possessive and \
                items[index + 1].tokens[0].informative and \
                (items[index + 1].role == "word" and items[index + 1].word_class == "name" and
                 items[index + 1].tokens[0].text not in _DOCUMENT_HEADS or
                 items[index + 1].role == "gaz" and items[index + 1].known.type == "LOC" and
                 not items[index + 1].known.major):
            # `Kira Rudik`, `Volodymyr Filonenko`: a town's name as a first name
            stop = _name_stretch(items, index + 1, used, after_title=False, common=lex.common,
                                 first_names=lex.first_names)
            start, end = item.tokens[0].start, items[stop - 1].tokens[-1].end
            # ... unless the words around say place (`the village of Novoselivka Persha`)
            out.append(Candidate(start, end, text[start:end], None, pending="name",
                                 informative=item.tokens[0].informative,
                                 tokens=[token.text for piece in items[index:stop] for token in piece.tokens]))
            index = stop
            continue
        if item.role == "gaz" and item.known.kind in ("outlet", "company") and not item.tokens[-1].possessive and \
                not _photo_credit(text, item.tokens[0].start):
            # `Guardian Business`, `Reuters Breakingviews`: a section or product of an outlet
            stop = index + 1
            while stop < len(items) and stop < index + 3 and not used[stop] and items[stop].role == "word" and \
                    items[stop].word_class == "name" and items[stop].tokens[0].informative and \
                    items[stop].tokens[0].text.lower() not in lex.words["function_words"]:
                stop += 1
                if items[stop - 1].tokens[-1].possessive:
                    break
            if stop > index + 1:
                start, end = item.tokens[0].start, items[stop - 1].tokens[-1].end
                out.append(Candidate(start, end, text[start:end], "ORG", strong=True,
                                     tokens=[token.text for piece in items[index:stop] for token in piece.tokens]))
                index = stop
                continue
        if item.role == "gaz":
            candidate = _from_gazetteer(text, item, lex)
            if candidate is not None:
                out.append(candidate)
            index += 1
            continue
        if item.word_class in ("title", "modifier"):
            stop = index
            has_title = False
            while stop < len(items) and not used[stop] and items[stop].role == "word" and \
                    items[stop].word_class in ("title", "modifier"):
                has_title = has_title or items[stop].word_class == "title"
                if items[stop].tokens[-1].possessive:
                    break
                stop += 1
            if has_title and stop < len(items) and not used[stop] and not items[index].tokens[-1].possessive:
                name_end = _name_stretch(items, stop, used, after_title=True)
                if name_end == stop + 1 and items[stop].role == "word" and \
                        items[stop - 1].tokens[0].text.lower() in _ADJECTIVE_TITLES and \
                        all(piece.tokens[0].text.lower() in lex.words["function_words"]
                            for piece in items[index:stop - 1]) and \
                        items[stop].tokens[0].text.lower() in lex.common:
                    # `Premier League`, `General Motors`: a title and a common word name a thing
                    candidate = _plain_name(text, items[stop - 1:name_end], lex)
                    if candidate is not None:
                        out.append(candidate)
                    index = name_end
                    continue
                if name_end > stop:
                    out.append(_person_after_title(text, items[stop:name_end]))
                    index = name_end
                    continue
            index = max(stop, index + 1)
            continue
        if item.word_class in ("name", "ordinal") or (item.word_class in ("org_head", "loc_head")):
            stop = _name_stretch(items, index, used, after_title=False, common=lex.common, first_names=lex.first_names)
            stop = max(stop, index + 1)
            candidate = _plain_name(text, items[index:stop], lex)
            if candidate is not None:
                out.append(candidate)
            index = stop
            continue
        index += 1
    return out


def _grow(items: list, head: int, used: list, function_words, common):
    """Bounds (first, last) of the name a head word stands in, in item indexes."""
    first = head
    # left: capitalized words and gazetteer names, not across a connector or a possessive
    while first - 1 >= 0 and not used[first - 1]:
        previous = items[first - 1]
        if previous.role == "conn" and previous.tokens[0].text == "and" and first - 2 >= 0 and \
                any(item.word_class == "org_head" for item in items[head:]) and \
                not used[first - 2] and items[first - 2].role == "word" and \
                items[first - 2].word_class in ("name", "modifier") and items[first - 2].tokens[0].informative and \
                not items[first - 2].tokens[-1].possessive:
            # `Aeronautic Defence and Space Company`: two words an organisation's head shares
            # (not a place's: `Highgate and Hampstead Heath` are two places)
            first -= 1
            continue
        if previous.role == "conn" or previous.tokens[-1].possessive:
            break
        if previous.role == "gaz" and previous.known.type == "PERSON":
            break
        if previous.role == "word" and previous.tokens[0].text.lower() in function_words:
            break                  # `The`, `But` opening a sentence or a headline
        if previous.role == "word" and previous.word_class == "name" and not previous.tokens[0].informative \
                and previous.tokens[0].text.lower() in common and (
                    previous.tokens[0].shouting or previous.tokens[0].text.lower() in _NOT_NAME_OPENERS
                    or previous.tokens[0].text.endswith("ly")):
            # a headline's verb (`Parliament Reach Coalition`), or a sentence opened by a
            # quantifier or an adverb (`Several Army units`); a sentence's first word is otherwise
            # the name's own (`Ford Motor Company`)
            break
        first -= 1
    last = head
    if items[head].tokens[-1].possessive:
        return first, last
    # right: more head words, or `of (the) Name ...` (General Staff of the Ukrainian Armed Forces)
    probe = head + 1
    continued = False              # past an `of`: the words after it belong to the name
    while probe < len(items) and not used[probe]:
        current = items[probe]
        if current.role == "conn":
            word = current.tokens[0].text
            if word not in ("of", "for", "the", "on", "and") or \
                    (word == "and" and (not continued or items[head].word_class != "org_head")):
                # `and` only inside an organisation's `of` part: Ministry of Foreign and European Affairs
                # (not `Andrew Hill of Plymouth and Dylan Healy`: a place's name lists no two things)
                break
            continued = True
            probe += 1
            continue
        if current.role == "word" and current.word_class == "skip" and not (continued and _inside_name(items, probe)):
            break
        if current.role == "gaz" and current.known.type == "PERSON":
            break
        if not continued and not (current.role == "word" and current.word_class in ("org_head", "loc_head")):
            later_head = _later_org_head(items, probe, used, common) if items[head].word_class == "org_head" else None
            if later_head is not None:
                # `71st Guards Motorized Rifle Division`: a head inside a unit's name
                last = probe = later_head
                if current.tokens[-1].possessive or items[later_head].tokens[-1].possessive:
                    break
                probe += 1
                continue
            # International Olympic Committee | Thomas Bach; but Czech Radio Plus: a common word
            # ending the run after a head is still the name's
            if probe == len(items) - 1 and current.role == "word" and current.word_class == "name" and \
                    current.tokens[0].text.lower() in common:
                last = probe
            break
        if current.role == "word" and current.word_class == "title" and \
                not (probe + 1 < len(items) and items[probe + 1].role == "word" and
                     items[probe + 1].word_class in ("org_head",)):
            break
        last = probe
        if current.tokens[-1].possessive:
            break
        probe += 1
    if last < len(items) and items[last].tokens[-1].possessive and last > head:
        last -= 1
    while last > head and items[last].role == "conn":
        last -= 1
    return first, last


def _inside_name(items: list, index: int) -> bool:
    """In an organisation's `of`/`for` part, a word that is no name alone (`Eastern`, `Central`)
    is the name's when a name word follows it: `Centre for Eastern Studies`."""
    following = items[index + 1] if index + 1 < len(items) else None
    return following is not None and following.role == "word" and following.word_class in ("name", "org_head", "modifier")


def _photo_credit(text: str, start: int) -> bool:
    """An agency credited for a picture (`Photograph: Name/Reuters`), where a caption glued to
    the next sentence may follow: `Reuters Jill Biden met ...` names no section of Reuters."""
    if text[start - 1:start] == "/":
        return True
    return text[max(0, start - 14):start].rstrip().endswith(_CREDIT_LABELS)


_CREDIT_LABELS = ("Photograph:", "Photo:", "Credit:", "Image:")


def _title_name_and_head(span_items: list, common) -> bool:
    """A person's title, a name no list knows and a head word: `Senator Frank Church (of Idaho)`
    names a person, as a title and a first name open no organisation's name."""
    if len(span_items) != 3 or span_items[0].role != "word" or span_items[0].word_class != "title" or \
            span_items[0].tokens[0].text.lower() in _ADJECTIVE_TITLES:
        return False
    name = span_items[1]
    return name.role == "word" and name.word_class == "name" and not name.tokens[-1].possessive and \
        name.tokens[0].text.lower() not in common


def _later_org_head(items: list, probe: int, used: list, common) -> Optional[int]:
    """Index of an organisation head after one or two common words from `probe`, or None.

    Common words only (`Guards Motorized Rifle Division`, `Tank Army`): a name there is a
    person's (`Chrysler LLC Jim Press`).
    """
    for position in range(probe, min(len(items), probe + 3)):
        item = items[position]
        if used[position] or item.role != "word":
            return None
        if item.word_class == "org_head":
            return position if position > probe else None
        if item.tokens[-1].possessive or not (item.word_class == "modifier" or
                                              item.word_class == "name" and item.tokens[0].text.lower() in common):
            return None
    return None


def _name_stretch(items: list, start: int, used: list, *, after_title: bool, common=frozenset(),
                  first_names=frozenset()) -> int:
    """End (exclusive) of the plain name starting at `start`: words and name particles."""
    stop = start
    limit = min(len(items), start + 5)
    while stop < limit and not used[stop]:
        item = items[stop]
        if item.role == "conn":
            # `von der`, `bin`, `al`: name particles between two name words
            if item.tokens[0].text in ("von", "van", "der", "den", "de", "da", "du", "bin", "al", "la", "le", "el") \
                    and stop > start and stop + 1 < len(items) and items[stop + 1].role != "conn":
                stop += 1
                continue
            break
        if item.role == "gaz":
            if item.known.type == "PERSON" and (after_title or stop > start and
                                                 items[stop - 1].role == "word" and
                                                 items[stop - 1].tokens[0].informative and
                                                 items[stop - 1].tokens[0].text.lower() not in common):
                stop += 1          # Vladimir V. Putin (not a headline's `As Zelenskyy`)
                continue
            if after_title and item.known.type == "LOC" and (item.known.kind == "city" or not item.known.major):
                # President Vladimir V. Putin: after a title a town's name is a first name
                stop += 1
                continue
            if not after_title and item.known.type == "LOC" and stop > start and \
                    items[stop - 1].role == "word" and items[stop - 1].tokens[0].text.lower() not in common and \
                    (item.known.kind == "city" and not item.known.anchored or not item.known.major or
                     len(item.tokens) == 1 and items[stop - 1].tokens[0].text in first_names):
                # Lloyd Austin, Andy Huynh, Oleksiy Danilov: a town's name as a surname (even a large
                # one after a first name the people list knows: Kyrylo Shevchenko)
                stop += 1
                continue
            break
        if item.word_class in ("skip", "title", "modifier") and stop > start:
            break
        if item.word_class == "skip":
            break
        stop += 1
        if item.tokens[-1].possessive:
            break
    return stop


def _from_gazetteer(text, item, lex) -> Optional[Candidate]:
    known = item.known
    if known.type == "SKIP":
        return None
    first, last = item.tokens[0], item.tokens[-1]
    start, end = first.start, last.end
    surface = text[start:end]
    if known.type == "LOC" and not known.major and not first.informative and \
            surface.lower() in lex.common:
        return None
    candidate = Candidate(start, end, surface, known.type, known.canonical, strong=True,
                          tokens=[token.text for token in item.tokens], gazetteer_kind=known.kind,
                          major=known.major)
    if known.type == "LOC" and not known.anchored and len(item.tokens) == 1:
        candidate.pending = "minor"     # `Henderson said`: a town's name is also a surname
    return candidate


def _person_after_title(text, items) -> Candidate:
    start, end = items[0].tokens[0].start, items[-1].tokens[-1].end
    tokens = [token.text for item in items for token in item.tokens]
    canonical = None
    if len(items) == 1 and items[0].role == "gaz" and items[0].known.type == "PERSON":
        canonical = items[0].known.canonical
    return Candidate(start, end, text[start:end], "PERSON", canonical, strong=True, tokens=tokens)


def _plain_name(text, items, lex) -> Optional[Candidate]:
    """A name no list knows: drop sentence-initial common words, then read the context."""
    if len(items) == 1 and items[0].tokens[0].shouting and items[0].tokens[0].text.lower() in lex.also_names:
        token = items[0].tokens[0]        # a headline's `Chip`, `Will`
        return Candidate(token.start, token.end, token.text, None, weak_common=True, tokens=[token.text])
    while items and items[0].role == "word" and not items[0].tokens[0].informative and (
            _is_common(items[0].tokens[0].text, lex) or _plural_of_name_word(items[0].tokens[0], lex)):
        if len(items) == 1:
            # `Green said`: a name only if the document names a Green elsewhere, or if the words
            # around it name a company (`Ford shares fell`)
            token = items[0].tokens[0]
            company = len(token.text) > 2 and token.text.lower() not in lex.words["function_words"]
            return Candidate(token.start, token.end, token.text, None, weak_common=True, tokens=[token.text],
                             pending="company" if company else "")
        items[1].tokens[0].informative = False
        items = items[1:]
    while len(items) >= 2 and items[-1].role == "word" and items[-1].tokens[0].shouting and \
            items[-2].role != "conn" and _is_common(items[-1].tokens[0].text, lex) and \
            (len(items) > 2 or _is_common(items[0].tokens[0].text, lex)):
        # a headline's verb and object (`Janet Yellen Says`, `Peace Talks End Abruptly`), down to two
        # words, as a name of two may end in a common one (`Justin Young`, `Liz Truss`)
        items = items[:-1]
    while len(items) > 1 and items[0].role == "word" and _capitalized_function_word(items[0].tokens[0].text, lex):
        # `… If Borisov's plan`: a sentence the punctuation hid opens with `If`, so the next word
        # may be capitalized for the sentence or a headline (`Things That Go Boom`)
        items[1].tokens[0].informative = False
        items = items[1:]
    company = False
    if len(items) > 1 and items[0].role == "word" and not items[0].tokens[0].informative and \
            items[0].tokens[0].text.lower() in lex.words["org_nouns_before"]:
        company = True               # `Automaker Chrysler said`: the noun opens the sentence
        items = items[1:]
    while items and items[0].role == "conn":
        items = items[1:]
    while items and (items[-1].role == "conn" or items[-1].word_class in ("title", "modifier") or
                     len(items) > 1 and items[-1].tokens[0].text.lower() in lex.words["function_words"]):
        # nor a pronoun or conjunction after a name in capitals: `OLEKSANDR ZHUHAN He said`
        items = items[:-1]
    if not items:
        return None
    if len(items) == 1 and items[0].word_class in ("ordinal", "org_head", "loc_head", "skip"):
        return None
    if items[-1].tokens[-1].text in _DOCUMENT_HEADS:
        return None
    start, end = items[0].tokens[0].start, items[-1].tokens[-1].end
    surface = text[start:end]
    tokens = [token.text for item in items for token in item.tokens]
    informative = items[0].tokens[0].informative
    if len(tokens) == 1 and text.startswith(_CONTRACTIONS, end):
        return None               # `Don't`, `Didn't`: a contraction
    if len(tokens) == 1 and "-" in surface:
        parts = [lex.known(_apostrophes(part)) for part in surface.split("-")]
        if all(part is not None and part.type == "LOC" for part in parts):
            # Slovyansk-Siversk-Bakhmut: a front line named by its towns
            return Candidate(start, end, surface, "LOC", strong=True, tokens=tokens)
        if all(part is not None for part in parts):
            return None           # `US-Russian talks`, `NATO-Russia council`: two parties, no one name
        if parts[-1] is not None and parts[-1].type == "NORP" and len(parts) == 2 and surface.split("-")[0].endswith("o"):
            return None           # `Sino-Russian`, `Russo-Ukrainian`: a combining form and a nationality, no name
    # Mid-sentence, only a word the list has as such is common (`Burns` is a name, `Shards` is not)
    all_common = all((_is_common(token, lex) if not informative else token.lower() in lex.common)
                     or token.lower() in lex.words["titles"] for token in tokens)
    if len(tokens) == 1 and (_ACRONYM_PLURAL.fullmatch(surface) or len(surface) < 2 or
                             surface.endswith(_NOT_NAME_ENDINGS) or
                             (surface.isupper() and any(char.isdigit() or char == "-" for char in surface))):
        # MPs, PoWs, TB2, MT-LB: plural common nouns and model names
        return Candidate(start, end, surface, None, weak_common=True, tokens=tokens)
    if company:
        return Candidate(start, end, surface, "ORG", strong=True, tokens=tokens)
    candidate = Candidate(start, end, surface, None, tokens=tokens, pending="name",
                          all_common=all_common, informative=informative)
    if len(tokens) == 1 and (surface.isupper() or not surface[1:].islower() and _MIXED_ACRONYM.fullmatch(surface)):
        if len(surface) > 3 and (_is_common(surface, lex) or surface.title() in lex.words["not_entities"]):
            # a shouted word (`APRIL`, `BREAKING`), not an acronym
            return Candidate(start, end, surface, None, weak_common=True, tokens=tokens)
        candidate.pending = "acronym"            # also dotted: W.N.B.A.
    return candidate


def _ends_abstract(tokens: list, lex: Lexicon) -> bool:
    """Several words ending in a long abstract noun: `Temporary Protection`, `Workforce Innovation`."""
    return len(tokens) > 1 and len(tokens[-1]) >= 8 and tokens[-1].lower().endswith(lex.abstract_suffixes)


def _capitalized_function_word(word: str, lex: Lexicon) -> bool:
    """`If`, `But`, `When`: no name opens so (`US`, `IT` in capitals and `A` of `Mr A Lebedev` may)."""
    return len(word) > 1 and word[1:].islower() and word.lower() in lex.words["function_words"]


def _settle(text: str, candidate: Candidate, lex: Lexicon, shouting: bool) -> None:
    """Type a name no list knows from the words around this occurrence of it."""
    start, end = candidate.start, candidate.end
    if candidate.pending == "minor":
        if _context_type(text, start, end, lex, minor_place=True) == "PERSON":
            candidate.type, candidate.canonical, candidate.strong = "PERSON", None, False
        return
    if candidate.pending == "company":
        # only the next word: a common word is uninformative where a sentence starts, so no
        # noun of its own sentence comes before it
        if text[end:end + 1] == " " and \
                text[end + 1:end + 16].split(" ", 1)[0].lower() in lex.words["company_nouns_after"]:
            candidate.type, candidate.strong, candidate.weak_common = "ORG", True, False
        return
    if candidate.pending == "acronym":
        # An acronym no list knows names an organisation (GAO, UAW), except in text that is all
        # capitals, where only the context can tell it from a shouted word.
        kind = _context_type(text, start, end, lex, acronym=True)
        if kind is None and not shouting:
            candidate.type = "ORG"
        else:
            candidate.type, candidate.strong, candidate.weak_common = kind, kind is not None, kind is None
        return
    kind = _context_type(text, start, end, lex)
    if kind is None and len(candidate.tokens) == 1 and _CAMEL_CASE.fullmatch(candidate.text):
        kind = "ORG"              # DaimlerChrysler, WorldCom, PayPal: a company's name
    function_words = lex.words["function_words"]
    if candidate.all_common and candidate.informative and len(candidate.tokens) > 1 and \
            not any(token.lower() in function_words for token in candidate.tokens) and \
            not (kind is None and _ends_abstract(candidate.tokens, lex)):
        # capitalized common words mid-sentence: `Federal Reserve`, `Best Buy`, `General Motors`
        candidate.type, candidate.strong = kind or "ORG", kind is not None
    elif candidate.all_common and (not candidate.informative or len(candidate.tokens) > 1 or kind is None):
        candidate.type, candidate.weak_common = kind, True
    elif kind is not None:
        candidate.type, candidate.strong = kind, True
        if kind == "LOC" and len(candidate.tokens) == 1:
            candidate.canonical = _romanized_place(candidate.text, lex)    # near Avdiyivka -> Avdiivka
    elif candidate.tokens[0][:1].isdigit():
        candidate.type = "ORG"    # 14th AC, 76th Airborne: a military unit
    elif len(candidate.tokens) == 1 and len(candidate.text) > 6 and \
            candidate.text.lower().endswith(lex.org_suffixes):
        candidate.type = "ORG"    # Bundesbank, Gazprombank, Rosenergoatom
    else:
        # Hulyaipole, Dobropillya: a town the gazetteer spells the national way (Huliaipole)
        variant = _romanized_place(candidate.text, lex) if len(candidate.tokens) == 1 else None
        if variant is not None:
            candidate.type, candidate.canonical, candidate.strong = "LOC", variant, True
        elif _looks_like_settlement(candidate.tokens, lex):
            candidate.type = "LOC"    # Symynivka, Novoosynove, Staryi Karavan
        elif len(candidate.tokens) == 1 and _SPEAKS_OF_ITSELF.match(text, end):
            # `Nexperia said its`: a firm or a group, not a person; strong, so the document's other
            # mentions of the name follow (a name with a first name stays a person's)
            candidate.type, candidate.strong = "ORG", True
        elif len(candidate.tokens) == 1 and text.startswith(", which ", end):
            candidate.type = "ORG"    # `Severgroup, which`: a person is `who`; a known place would be typed already
        elif _section_label(text, candidate, lex):
            candidate.type, candidate.weak_common = None, True
        elif _ends_abstract(candidate.tokens, lex):
            # `Block Exemption Regulation`, `Workforce Innovation`: a law, a programme or a topic
            # no head word types; a person's name does not end in a long abstract noun (`Verity` is short)
            candidate.type, candidate.weak_common = None, True
        else:
            candidate.type, candidate.guessed = "PERSON", True


def _section_label(text: str, candidate: Candidate, lex: Lexicon) -> bool:
    """A heading or a field's label in a page's Markdown, not a person: `## Metadata` (one word
    alone in a heading), `- **HTTP Status**: 200` (a line opening with words and a colon, the
    last a common word; a speaker's label ends in a name: `**Zelensky**:`)."""
    # windows of bounded width keep a document of one long line linear
    window = max(0, candidate.start - 40)
    line_start = text.rfind("\n", window, candidate.start) + 1
    if line_start == 0 and window > 0:
        return False
    before = text[line_start:candidate.start]
    if before.strip(_MARKUP_BEFORE_LABEL):
        return False
    after = text[candidate.end:candidate.end + 80].split("\n", 1)[0]
    if len(candidate.tokens) == 1 and before.startswith("#") and not after.strip(" *_#"):
        return True
    return after.lstrip("*_").startswith(":") and _is_common(candidate.tokens[-1], lex)


_MARKUP_BEFORE_LABEL = " \t#*_->"      # list marks, heading marks, emphasis, a quote's `>`


# After a name no list knows: words that refer back to it as a thing, not a person (`its`, `which`).
_SPEAKS_OF_ITSELF = re.compile(r"""
    (?:[ ](?:said|says|announced|added|confirmed|denied|stated|reported|told[ ][\w]{1,30})[ ](?:that[ ])?its\b
      | [ ]and[ ]its[ ]                   # Infineon and its suppliers
    )
""", re.VERBOSE)


def _romanized_place(word: str, lex: Lexicon) -> Optional[str]:
    """The gazetteer's name of a town `word` spells another way, or None.

    Ukraine's national romanization writes я, ю, є inside a word as ia, iu, ie and ії as ii;
    news often writes ya, yu, ye, iyi (Hulyaipole, Avdiyivka). Only a larger town is taken
    (a village's name is too often a surname's) unless the word looks like a settlement anyway.
    """
    rest = word[1:]
    if "y" not in rest:
        return None
    variant = word[0] + rest.replace("iyi", "ii").replace("ya", "ia").replace("yu", "iu").replace("ye", "ie")
    if variant == word:
        return None
    known = lex.known(variant)
    if known is None or known.type != "LOC" or not (known.major or _looks_like_settlement([word], lex)):
        return None
    return known.canonical


def _looks_like_settlement(tokens: list, lex: Lexicon) -> bool:
    """Ukrainian and Russian place names have endings and first words that surnames lack."""
    if len(tokens) > 1:
        return tokens[0] in lex.words["place_prefixes"] and len(tokens) <= 3
    word = tokens[0].lower()
    return len(word) >= 7 and word.endswith(lex.place_suffixes) or \
        any(word.startswith(prefix.lower()) and len(word) > len(prefix) + 4 for prefix in ("novo", "staro"))


_CAMEL_CASE = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O)[A-Z])[A-Z][a-z]{1,20}[A-Z][A-Za-z]{1,20}")
# Plural titles before the names of several people (not `Kings`, `Dictators`: words of names too)
_PLURAL_TITLES = frozenset("senators congressmen congresswomen representatives governors ambassadors generals "
                           "presidents ministers".split())

# Ideologies and processes (`Nazism`, `Russophobia`, `Russification`): words, not names
_NOT_NAME_ENDINGS = ("ism", "isms", "phobia", "ification", "isation", "ization")

# Documents named like organisations (`Official Secrets Act`): not people, organisations or places
_DOCUMENT_HEADS = frozenset(("Act", "Treaty", "Accord", "Accords", "Doctrine", "Charter", "Protocol", "Memorandum"))

# MoD, DoD, MoJ: an acronym whose small word (of, and) is written in lower case
_MIXED_ACRONYM = re.compile(r"[A-Z][a-z]?[A-Z][A-Za-z]?")
_ACRONYM_PLURAL = re.compile(r"(?:[A-Z]{2,8}|[A-Z][a-z]?[A-Z]{1,6})s")
_AFTER_WORD = re.compile(r"[ ]{1,3}([^\W\d_][\w'’-]{0,29})")
_APPOSITION = re.compile(r",[ ]{1,2}([^,.;:()\n“”\"]{1,100})")
_APPOSITION_STOPS = frozenset("of for with in at who which that from on to and said says by whose".split())
# A verb after the comma: what follows is a clause, not an apposition naming what the name is.
_CLAUSE_VERBS = frozenset("said says told tells is was has had will would".split())
_DETERMINERS = frozenset("a an the its his her their our one".split())


def _apposition_head(text: str, end: int) -> str:
    """The head noun of `, a spokesperson for the ...` / `, one of the US officials` after a name."""
    if text[end:end + 1] != ",":
        return ""
    match = _APPOSITION.match(text, end, min(len(text), end + 110))
    if not match:
        return ""
    words = match.group(1).split()
    if words and words[0].lower() in _CLAUSE_VERBS:
        return ""                # `Kirill Stremousov, told RIA Novosti news agency`: a verb, no apposition
    head = ""
    index = 0
    while index < len(words):
        word = words[index].lower().strip("’'")
        if word in _CLAUSE_VERBS:
            return ""            # `Josie Pagani, Russia's foreign ministry said`: the next clause's subject
        if head and word.endswith("ed") and "-" not in word and index + 1 < len(words) and \
                words[index + 1].lower() in _APPOSITION_STOPS:
            break                # `, a drone company based in Lviv`: a participle ends the head's phrase
        if word in _APPOSITION_STOPS:
            if head in ("one", "some", "member", "part") and word == "of":
                head = ""
                index += 1
                continue
            break
        if word not in _DETERMINERS or not head:
            head = word if word not in _DETERMINERS or word == "one" else head
        index += 1
    return head.rstrip("s") if head.endswith("s") and head[:-1] in ("official", "officer") else head


def _words_before(text: str, start: int):
    """The two words just before `start` (lower case), or "" where punctuation comes between."""
    window = text[max(0, start - 48):start]
    if not window.endswith(" "):
        return "", ""
    parts = window.split()
    found = []
    for part in reversed(parts[-2:]):
        if not part.replace("'", "").replace("’", "").replace("-", "").isalpha():
            break
        found.append(part.lower())
    found += ["", ""]
    return found[1], found[0]


def _context_type(text, start, end, lex, *, acronym=False, minor_place=False) -> Optional[str]:
    words = lex.words
    previous_two, previous_word = _words_before(text, start)
    after = _AFTER_WORD.match(text, end, min(len(text), end + 40))
    next_word = after.group(1).lower() if after else ""
    if acronym:
        if previous_two == "according" and previous_word == "to":
            return "ORG"
        if next_word in words["person_verbs_after"] or previous_word == "the":
            return "ORG"          # the GAO, the UAW said
        return None
    if previous_word in words["titles"]:
        return "PERSON"
    if text[start - 1:start] == "/" and _after_credit_slash(text, start, end):
        return "ORG"
    if minor_place:
        if previous_word in _PLACE_PREPOSITIONS:
            return None           # `officials in Lyon said`: the town, whatever verb follows
        if next_word in words["person_verbs_after"] or _apposition_head(text, end) in words["person_appositions"]:
            return "PERSON"
        return None
    if previous_word == "of" and previous_two in words["place_nouns_before"]:
        return "LOC"
    if next_word in words["place_nouns_after"]:
        return "LOC"
    if next_word in words["org_nouns_after"] or previous_word in words["org_nouns_before"]:
        return "ORG"              # `Ford shares`, `automaker Chrysler`, `airline Ryanair`
    if previous_word in ("near", "outside", "village", "town", "settlement", "towards", "toward"):
        return "LOC"
    head = _apposition_head(text, end)
    if head in words["person_appositions"]:
        return "PERSON"
    if head in words["org_appositions"]:
        return "ORG"
    if previous_word in ("in", "from") and next_word in ("", "and", "or") and text[end:end + 1] in ",.;":
        return "LOC"
    if previous_word == "in" and next_word in _TIME_AFTER_PLACE:
        return "LOC"              # `meet in Bali this week`
    if previous_word == "the" and " " not in text[start:end] and not _is_common(text[start:end], lex):
        # `the Knesset`, `the Sejm`: people take no article, except before what they lead
        return "PERSON" if next_word in _LED_BY_A_PERSON else "ORG"
    return None


def _after_credit_slash(text: str, start: int, end: int) -> bool:
    """`(Yuriy Dyachyshyn/AFP via Getty Images)`, `Photograph: Name/Sputnik/EPA`: after the
    photographer's name and a slash comes the agency or the picture library."""
    if start < 2 or text[start - 1] != "/" or not text[start - 2].isalpha():
        return False
    following = text[end:end + 5]
    if following[:1] in ("/", ")", "\n", "") or following.startswith(" via"):
        return True
    line_start = text.rfind("\n", max(0, start - 120), start)
    before = text[max(line_start + 1, start - 120):start].lower()
    return "(" in before or "photo" in before or "credit" in before or "image" in before


# Before a town's name that is also a surname, these say it is the town (`police in Lyon said`);
# `from` and `of` do not (`a letter from Henderson said`, `a friend of Lund said`).
_PLACE_PREPOSITIONS = frozenset("in at near outside around across inside towards toward".split())


# `in Bali this week`, `in Davos last year`: after `in` and a name, a time says the name is a place.
_TIME_AFTER_PLACE = frozenset("this last next earlier later during".split())


# `the Fico government`: nouns after a leader's name.
_LED_BY_A_PERSON = frozenset("government administration cabinet regime era team camp campaign family doctrine "
                             "plan presidency premiership years".split())


# ---------------------------------------------------------------------------------------------
# The document: one type and one canonical name per thing.

def _resolve(text: str, candidates: list, lex: Lexicon) -> list:
    """`candidates` come in text order (by start, the longer first): see `_read_run_at`."""
    # What the document itself settles: full names of people, types of repeated names.
    surnames = {}
    strong_types = {}
    full_orgs = []
    for candidate in candidates:
        kind = candidate.type
        if kind == "PERSON" and len(candidate.tokens) >= 2:
            surnames.setdefault(candidate.tokens[-1], []).append((candidate.start, candidate.canonical or candidate.text))
        if kind and candidate.strong:
            strong_types.setdefault(candidate.text, kind)
        if kind == "ORG" and len(candidate.tokens) >= 2:
            full_orgs.append(candidate)

    org_openers = {org.tokens[0]: org.canonical or org.text for org in full_orgs
                   if org.tokens[0][:1].isupper() and not org.gazetteer_kind and org.strong
                   and org.tokens[0].lower() not in lex.words["function_words"]}
    org_opened_by = {org.tokens[0]: org.canonical or org.text for org in full_orgs
                     if org.strong and org.tokens[0][:1].isupper()
                     and org.tokens[0].lower() not in lex.words["function_words"]}
    result = []
    previous = None
    acronyms = {}                # acronym -> the name it was defined for in parentheses
    for candidate in candidates:
        surface = candidate.text
        if previous is not None and text[candidate.start - 1:candidate.start] == "(" and \
                text[previous.end:candidate.start] in (" (", "(") and \
                (candidate.type is None or candidate.type == previous.type == "ORG" and
                 candidate.canonical is None) and (surface.isupper() or _MIXED_ACRONYM.fullmatch(surface)):
            # Institute for the Study of War (ISW): the acronym names the same thing
            candidate.type, candidate.strong = previous.type, True
            candidate.canonical = acronyms[surface] = previous.canonical or previous.text
            strong_types.setdefault(surface, previous.type)
        elif surface in acronyms and candidate.type in (None, "ORG") and candidate.canonical is None:
            candidate.type, candidate.canonical = "ORG", acronyms[surface]     # the MoD said
        if candidate.type:
            previous = candidate
        if len(candidate.tokens) == 1 and surface in surnames and (
                candidate.type in (None, "PERSON") or candidate.weak_common or not candidate.major
                or not candidate.strong or _speaks(text, candidate.start, candidate.end, lex)):
            # The first person the document names so keeps the bare surname: news writes a
            # second one (a relative) with a first name or a title.
            candidate.type, candidate.canonical = "PERSON", surnames[surface][0][1]
        elif not candidate.strong and surface in strong_types:
            candidate.type = strong_types[surface]
        elif candidate.weak_common and len(candidate.tokens) == 1 and surface in org_openers and \
                candidate.informative:
            # `Ford` after `Ford Motor Company`
            candidate.type, candidate.canonical = "ORG", org_openers[surface]
        elif candidate.weak_common:
            continue
        if candidate.type is None:
            continue
        result.append(candidate)

    _coordinated_names(text, result, lex, surnames)
    # A guessed name that the document types ORG elsewhere (listed with firms, `said its`), or
    # that opens an organisation's name (`Lockheed` after `Lockheed Martin`), is that ORG.
    named_orgs = {candidate.text for candidate in result if candidate.type == "ORG" and len(candidate.tokens) == 1}
    for candidate in result:
        if candidate.guessed and len(candidate.tokens) == 1 and candidate.text not in surnames:
            if candidate.text in org_opened_by:
                candidate.type, candidate.canonical, candidate.guessed = "ORG", org_opened_by[candidate.text], False
            elif candidate.text in named_orgs:
                candidate.type, candidate.guessed = "ORG", False
    _canonical_names(text, result, full_orgs, lex)
    entities = []
    last_end = -1
    for candidate in result:
        if candidate.start < last_end:
            continue
        last_end = candidate.end
        entities.append(Entity(candidate.text, candidate.start, candidate.end, candidate.type,
                               candidate.canonical or candidate.text))
    return entities


def _speaks(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A person's verb follows, no place preposition comes before: `Kamyshin added` (a town's name
    the document also gives a person), not `in Kamyshin continued`."""
    after = _AFTER_WORD.match(text, end, min(len(text), end + 40))
    return after is not None and after.group(1).lower() in lex.words["person_verbs_after"] and \
        _words_before(text, start)[1] not in lex.words["place_before"]


_COORDINATION = frozenset((", ", ",", " and ", ", and ", " or ", ", or ", " to ", "-"))
# Between organisations; not a bare comma, which also ends a clause (`in Kordofan, UN says`)
_LISTING = frozenset((" and ", ", and ", " or ", ", or ", ") and ", "), and "))     # also after `(GM)`


def _coordinated_names(text: str, result: list, lex: Lexicon, people=()) -> None:
    """`near Starytsia, Kruhle, Symynivka, and Hrafske`: a guessed name listed with places is one,
    and one listed with organisations (`GM and Chrysler`) is an organisation, unless the
    document names a person so (`people`: surnames of full names).

    Not a name that speaks (`In Kyiv, Zelenskyy said`). A nationality adjective stands between
    neighbours without being one (`Russian-held Tokmak`), so the neighbours are the other names;
    only guessed names change, so only their positions are visited, forward and then backward
    (a name made a place passes it on along the list)."""
    neighbours = [candidate for candidate in result if candidate.type != "NORP"]
    guessed = [index for index, candidate in enumerate(neighbours) if candidate.guessed]
    if not guessed:
        return                   # most documents have none
    verbs = lex.words["person_verbs_after"]
    for indexes, step in ((guessed, -1), (guessed[::-1], 1)):
        for index in indexes:
            candidate = neighbours[index]
            if not 0 <= index + step < len(neighbours) or not candidate.guessed or len(candidate.tokens) != 1:
                continue
            previous = neighbours[index + step]
            if previous.type not in ("LOC", "ORG") or _speaks_next(text, candidate, verbs):
                continue
            gap = text[previous.end:candidate.start] if previous.end <= candidate.start \
                else text[candidate.end:previous.start]
            if previous.type == "LOC" and gap in _COORDINATION or \
                    previous.type == "ORG" and gap in _LISTING and candidate.text not in people and \
                    not _surname_shaped(candidate.text, lex):
                # `GM and Chrysler`, `Netflix and Unilever`: a name listed with firms is one; not a
                # Slavic surname, as sources list people with news agencies (`Reuters, TASS and Pegov`)
                candidate.type, candidate.guessed = previous.type, False


def _surname_shaped(word: str, lex: Lexicon) -> bool:
    """`Pegov`, `Kovalenko`, `Shevchuk`: endings surnames have and firms' names lack."""
    return len(word) >= 5 and word.lower().endswith(lex.surname_suffixes)


def _speaks_next(text: str, candidate, verbs) -> bool:
    """The word after `candidate` (past a space) is a person's verb: `Kruhle said`."""
    following = text[candidate.end:candidate.end + 20].split(" ", 2)[1:2]
    return following != [] and following[0].strip(",.") in verbs


def _by_position(candidate):
    return candidate.start, -candidate.end


def _canonical_names(text: str, result: list, full_orgs: list, lex: Lexicon) -> None:
    """One name per thing; every look-up is a dictionary probe, so hostile input stays linear."""
    regions = set()              # places named with a regional suffix (`Donetsk Oblast`), which `Donetsk` takes
    countries_named = set()
    full_person = {}
    for candidate in result:     # one pass gathers all three
        if candidate.type == "LOC":
            if candidate.text.endswith(_REGION_SUFFIXES):
                regions.add(candidate.text)
            if candidate.gazetteer_kind == "country":
                countries_named.add(candidate.canonical)
        elif candidate.type == "PERSON" and len(candidate.tokens) >= 2:
            name = candidate.canonical or candidate.text
            full_person.setdefault(candidate.tokens[-1], name)
            full_person.setdefault(candidate.tokens[0], name)
    longer_orgs = None           # built on first need: many documents have no short organisation name
    previous = None
    for candidate in result:
        if candidate.type == "PERSON" and candidate.canonical is None:
            candidate.canonical = candidate.text
            if len(candidate.tokens) == 1:
                candidate.canonical = full_person.get(candidate.text, candidate.text)
        elif candidate.type == "LOC" and regions:
            base = candidate.canonical or candidate.text
            for suffix in _REGION_SUFFIXES:
                if base + suffix in regions:
                    candidate.canonical = base + suffix
                    break
        elif candidate.type == "ORG" and len(candidate.tokens) <= 3 and candidate.canonical is None:
            if longer_orgs is None:
                longer_orgs = _OrgIndex(full_orgs, lex)
            candidate.canonical = longer_orgs.find(candidate, _owner_before(text, previous, candidate, lex))
        elif candidate.type == "NORP" and candidate.canonical == "Korea":
            koreas = countries_named & {"North Korea", "South Korea"}
            if len(koreas) == 1:
                candidate.canonical = koreas.pop()
        previous = candidate


_REGION_SUFFIXES = (" Oblast", " Krai", " Region", " Province")


def _owner(tokens, lex: Lexicon) -> str:
    """The country a name says it belongs to (`Russian Armed Forces` -> Russia), or ""."""
    for token in tokens:
        known = lex.names.get(token)
        if known is not None and (known.type == "NORP" or known.kind == "country"):
            return known.canonical
    return ""


# Between an owner and a short organisation name in one phrase: `Russia's General Staff`,
# `Belarusian Armed Forces Chief of the General Staff`, `Ukraine's Defence Ministry`.
_OWNER_GAP = re.compile(r"(?:[’']s)?(?:[ ](?:[A-Z][\w-]{0,20}|of|the)){0,4}[ ]")


def _owner_before(text: str, previous, candidate, lex: Lexicon) -> str:
    """The country of the name just before `candidate` in the same phrase, or ""."""
    if previous is None or candidate.start - previous.end > 40 or previous.type not in ("NORP", "LOC", "ORG") or \
            not _OWNER_GAP.fullmatch(text, previous.end, candidate.start):
        return ""
    if previous.type == "LOC":
        return previous.canonical if previous.gazetteer_kind == "country" else ""
    return previous.canonical if previous.type == "NORP" else _owner(previous.tokens, lex)


class _OrgIndex:
    """Fuller organisation names by the words they contain and by their initials.

    `General Staff` -> `General Staff of the Ukrainian Armed Forces` (the nearest fuller name
    the document uses), `ISW` -> `Institute for the Study of War`. A short name whose phrase
    says whose it is (`Belarusian Armed Forces Chief of the General Staff`) takes only a fuller name of
    the same country, or of none.
    """

    def __init__(self, full_orgs: list, lex: Lexicon):
        self.by_words = {}
        self.by_initials = {}
        for org in full_orgs:
            name = org.canonical or org.text
            tokens = tuple(org.tokens)
            owner = _owner(tokens, lex)
            initials = "".join(token[0] for token in tokens if token[:1].isupper())
            self.by_initials.setdefault(initials, name)
            for size in range(1, min(3, len(tokens) - 1) + 1):
                for position in range(len(tokens) - size + 1):
                    entry = self.by_words.setdefault(tokens[position:position + size], ([], [], []))
                    entry[0].append(org.start)
                    entry[1].append(name)
                    entry[2].append(owner)

    def find(self, candidate, owner: str = "") -> Optional[str]:
        if candidate.text.isupper() and len(candidate.text) >= 2:
            return self.by_initials.get(candidate.text)
        entry = self.by_words.get(tuple(candidate.tokens))
        if not entry:
            return None
        starts, names, owners = entry
        index = bisect.bisect_right(starts, candidate.start)
        if owner:
            # the nearest fuller name of the same country (or of none), before the mention first
            order = [*range(index - 1, -1, -1), *range(index, len(names))]
            return next((names[position] for position in order if owners[position] in ("", owner)), None)
        # the nearest fuller name before the mention, else the first one after it
        return names[index - 1] if index > 0 else names[0]
