"""Attributed statements: who said, claimed, reported or denied what, and where the text says so.

The text is cut into sentences, and a quotation that runs over several sentences stays in one
piece. In each sentence the reporting cues outside quotation marks (`said`, `according to`,
`denied`, `reads` …) are found, and each takes the noun phrase that goes with it as its speaker:
before it (`Kim said`, `the ministry has said`), after it (`…, said Vitali Kim.`, `according to
officials`, `described by Henley`) or across an apposition (`The German chancellor, Olaf Scholz,
said`). One sentence gives one statement, or two when a clause with another speaker is joined on
(`X said …, while officials said …`). Generic and pronoun speakers (`officials`, `the ministry`,
`he`, `it`) take the most recent compatible named source; the entities, when the entities
extractor found them, give the canonical names.

Every search runs over a bounded window around a cue or a sentence, and sentences are cut to a
bounded length, so the whole stays linear in the length of the text.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from ..data import load
from ..model import Statement
from .trie import trie

MAX_SENTENCE = 2400      # longer "sentences" (no punctuation, hostile input) are cut at a space
MAX_QUOTE = 3000         # a quotation mark left open longer than this is not a quotation
NEAR_WINDOW = 64         # the first, short look before a cue
FORWARD_WINDOW = 140     # characters looked at after a cue (`according to …`, `said …`)
WINDOW = 200             # characters looked at before or after a cue for its speaker
MAX_NP_TOKENS = 12       # longest speaker phrase, in tokens
RECENT = 64             # sources searched for a surname or a short name (most recent first)
TITLE_REACH = 1500       # characters between a role (`the governor`) and the name it stands for
MIN_QUOTE_WORDS = 4      # a statement is a quote when its quotation holds this many words


# --------------------------------------------------------------------------------------------
# Word lists, read once

@functools.lru_cache(maxsize=None)
def _words():
    cues = load("statement_cues.json")
    speakers = load("statement_speakers.json")
    countries = load("countries.json")
    calendar = load("dates.json")
    demonyms, places = set(), set()
    for country in countries:
        places.add(country["name"].lower())
        places.update(alias.lower() for alias in country.get("aliases", ()))
        demonyms.update(d.lower() for d in country.get("demonyms", ()))
    lower = lambda items: frozenset(word.lower() for word in items)
    generic, plural = _with_number_variants(lower(speakers["generic_heads"]), lower(speakers["plural_heads"]),
                                            lower(cues["source_documents"]))
    return {
        "verbs": lower(cues["verbs"]),
        "participles": lower(cues["participles"]),
        "inverted": lower(cues["inverted"]),
        "deny_verbs": lower(cues["deny_verbs"]),
        "not_in_headlines": lower(cues["not_in_headlines"]),
        "not_sources": lower(cues["according_non_sources"]),
        "quote_verbs": lower(cues["quote_verbs"]),
        "document_verbs": lower(cues["document_verbs"]),
        "request_verbs": lower(cues["request_verbs"]),
        "pictures": lower(cues["pictures"]),
        "unsourced_endings": lower(cues["unsourced_endings"]),
        "proposals": lower(cues["proposals"]),
        "refusal_verbs": lower(cues["refusal_verbs"]),
        "claim_markers": lower(cues["claim_markers"]),
        "passive": lower(cues["passive_verbs"]),
        "documents": lower(cues["source_documents"]),
        "descriptors": lower(cues["source_documents"]) | lower(cues["media_descriptors"]),
        "generic": generic,
        "plural": plural,
        "titles": lower(speakers["titles"]),
        "pronouns": {word.lower(): kind for word, kind in speakers["pronouns"].items()},
        "determiners": lower(speakers["determiners"]),
        "stop": lower(speakers["stopwords"]),
        "between": lower(speakers["between_words"]),
        "abbreviations": lower(speakers["abbreviations"]),
        "person_suffixes": tuple(speakers["person_suffixes"]),
        "official_bodies": lower(speakers["official_bodies"]),
        "roles": lower(speakers["role_titles"]),
        "companies": lower(speakers["company_heads"]),
        "demonyms": frozenset(demonyms),
        "places": frozenset(places),
        "countries": countries,
        "months": lower(calendar["months"]),
        "weekdays": lower(calendar["weekdays"]),
    }


@functools.lru_cache(maxsize=None)
def _nation_names() -> dict:
    """Each lowercased name, alias or demonym of a country -> the country's names of four letters
    or more; built in one pass (the first country that lists a name keeps it)."""
    table = {}
    for country in _words()["countries"]:
        names = {country["name"].lower()} | {d.lower() for d in country.get("demonyms", ())}
        names |= {alias.lower() for alias in country.get("aliases", ())}
        keys = frozenset(name for name in names if len(name) >= 4)
        for name in names:
            table.setdefault(name, keys)
    return table


def _with_number_variants(generic: frozenset, plural: frozenset, documents: frozenset):
    """(generic heads, plural heads) with the other number of each regular noun for a person or a
    body: the lists may name `insiders` or `lawyer`, and the text write `one insider` or `his
    lawyers`. Documents keep their own forms (`notes` is a document, `note` also a verb)."""
    people = generic - documents
    singulars = {word[:-1] for word in people if word.endswith("s") and not word.endswith("ss")}
    plurals = {word + "s" for word in people if word.isalpha() and not word.endswith(("s", "y"))}
    return generic | singulars | plurals, plural | plurals


@functools.lru_cache(maxsize=None)
def _patterns():
    """The cue pattern (one scan finds every candidate cue) and the denial-phrase pattern."""
    words = _words()
    verbs = (words["verbs"] | words["participles"] | words["passive"] | words["quote_verbs"]
             | words["document_verbs"] | words["request_verbs"])
    verbs = sorted(verbs | {verb.capitalize() for verb in words["verbs"]})   # Title Case headlines
    cues = load("statement_cues.json")
    cue = re.compile(rf"""
        {_WORD_EDGE}                            # the character before a whole word
        (?:
            [Aa]ccording\s+to                   # according to X
          | call(?:ed|s|ing)?[ ]                # X called the claims false: a denial
               (?:[\w’'\-]{{1,20}}[ ]){{0,3}}
               (?:{trie(cues["call_false"])})
          | {_by_first_letter(verbs)}           # X said, said X, X denied …
        )
        (?![\w’'\-])
        """, re.VERBOSE)
    # lowercased text is searched, so that the trie needs no IGNORECASE
    deny = re.compile(rf"""
        (?:{trie(phrase.lower() for phrase in cues["deny_phrases"])})
        (?![\w’'\-])
        """, re.VERBOSE)
    return cue, deny


# The character before a whole word: no letter, digit, `_`, `'`, `’` or `-`. A pattern that starts
# with one character class lets the regex engine skip fast to the next candidate, where a
# look-behind is tried at every position (a third more work for the cue scan): the class turns
# away ASCII letters and digits, which it checks fast, and the look-behind after it the other
# letters and `’`.
_WORD_EDGE = r"[^0-9A-Za-z_'\-](?<![\w’])"


def _by_first_letter(words) -> str:
    """`s(?:aid|ays)|t(?:old|…)|…`: a prefix tree whose top level joins the alternatives around it.

    The regex engine passes over an alternative whose first letter differs from the text's at
    almost no cost, but enters a group to try it: one level of alternatives for the first letter,
    whatever branch (`according to`, `called … false`, a verb), makes the cue scan cheaper."""
    by_first = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word[1:])
    return "|".join(re.escape(letter) + trie(rests) for letter, rests in sorted(by_first.items()))


class _CueWord(NamedTuple):
    """A candidate cue as the cue scan found it."""
    start: int
    end: int
    text: str
    branch: str                      # according, called or verb


def _cue_words(text: str) -> list:
    """Every candidate cue in the text, in text order. (A line break put before the text gives a
    cue at its very start a character before it too.)"""
    return [_CueWord(match.start(), match.end() - 1, match.group()[1:], _branch(match.group()))
            for match in _patterns()[0].finditer("\n" + text)]


def _branch(match: str) -> str:
    """Which branch of the cue pattern matched (the character before the word first): a verb is
    one word of letters, `according to` and `called … false` are more and start differently;
    `called on`, `calls for` are verbs of two words (no word that makes a denial ends that way)."""
    if match[1:].isalpha() or match.endswith((" on", " for")):
        return "verb"
    return "called" if match[1] == "c" else "according"


# One token: an abbreviation with dots (U.S.), a word (with inner apostrophes, hyphens,
# ampersands), or one punctuation mark that matters for phrase edges.
_TOKEN = re.compile(r"""
    (?=[\w@#,;:()\[\]“”"—–'‘’-])           # (a first character that may start a token: a fast check)
    (?:
      (?:[A-Z]\.){2,}                    # U.S., U.K.
    | A\.(?=[ ][A-Z][a-z])                # `Michael A. McFaul` (not the article; see _initial_a)
    | [\w@#](?:[\w’'\-&.@]{0,40}[\w])?   # words, handles, hashtags; bounded inner run
    | [,;:()\[\]“”"—–]                  # phrase-edge punctuation
    | (?<!\S)-(?!\S)                      # a dash written as a hyphen between spaces
    | (?<![\w’'])['‘’]|['‘’](?![\w’'])    # a quotation mark at a word's edge
    )
    """, re.VERBOSE)

# Quotation marks; which of them open or close is decided from the neighbours, so that
# apostrophes (Russia’s, don't) are never taken for quotation marks.
_QUOTE_MARK = re.compile(r"[“”\"‘’']")

# Sentence ends, all found in one scan: final punctuation that a capital, a line break or the end
# follows; a run of line breaks; or `**` between markdown bold blocks (`**headline** **lead**`).
# The pattern starts with one character class so that the regex engine skips fast to the next
# candidate; each branch then looks back at the character it took.
_BOUNDARY = re.compile(r"""
    [.!?…\n*]
    (?:
        (?<=[.!?…])(?P<final>
            [.!?…]{0,2}                   # more final punctuation
            [”"’')\]*_]{0,4}              # closing quotes, brackets, markdown emphasis
            (?:\[\[?[\w.\-]{1,12}\]?\]        # footnote markers: `[3]`, `[[iv]]`,
               (?:\([^()\s]{1,300}\))?         #   linked in markdown: `[[iv]](https://…)`
            ){0,3}
        )
        (?=[ \t]{1,8}[“"‘'(\[]?[A-Z0-9]|[ \t]{0,8}$|[ \t]{0,8}\n)   # then a capital, the end, a break
      | (?<=\n)(?P<breaks>\n*)           # line breaks
      | (?<=\*)\*(?=[ \t]{1,4}\*\*)       # `**` between two bold blocks
    )
    """, re.VERBOSE)


# After a post-posed cue (`…, officials said on Friday.`): at most a short phrase, then the end.
_POSTPOSED_TAIL = re.compile(r"""
    [ \t]{0,3}
    (?:
        (?:on|in|at|to|during|from|via|late|early|last|this|earlier|later|yesterday|today|
           tonight|overnight|when|after|before|while|citing|adding|noting|speaking|without|
           according|referring|as)
        \b[^,.;:!?“”"\n]{0,80}
    )?
    [ \t]{0,3}
    (?:[,.;:!?—–]|$)
    """, re.VERBOSE | re.IGNORECASE)

# A dateline before the first sentence of a report: `KYIV, Ukraine (AP) —`, `BERLIN —`.
_DATELINE = re.compile(r"""
    [A-Z][A-Z.'\- ]{1,30}                 # the city in capitals
    (?:,[ ][A-Z][\w.]{1,20}(?:[ ][A-Z][\w.]{1,20}){0,2})?   # a country or state
    [ ]?(?:\([\w. ]{1,20}\)[ ]?)?          # (AP), (Reuters)
    [—–-][ ]
    """, re.VERBOSE)

# Introductory phrases skipped when looking for the subject of a sentence.
_INTRO_WORDS = frozenset("""in on at after before during speaking writing earlier later meanwhile
    since with without following according despite however separately also but and yet last this
    addressing asked throughout amid among under within when while once until""".split())
# Nouns of a time that may open a sentence with no comma after them (`Last month Kyiv …`).
_TIME_NOUNS = frozenset("""week month year weekend night morning evening afternoon spring summer
    autumn fall winter monday tuesday wednesday thursday friday saturday sunday""".split())
# Units of a span of time that opens a sentence (`Three days after the vote, …`).
_TIME_UNITS = frozenset("""minutes hours days weeks months years decades""".split())


# --------------------------------------------------------------------------------------------
# Sentences and quotations

def _quote_spans(text: str) -> list:
    """Paired quotation marks as (start, end) spans, end after the closing mark; one line each."""
    spans = []
    double_open = None       # (position, mark) of the open double quotation mark
    single_open = None
    previous = 0             # the mark before
    for match in _QUOTE_MARK.finditer(text):
        mark = match.group()
        position = match.start()
        if (double_open is not None or single_open is not None) and text.find("\n", previous, position) >= 0:
            double_open = single_open = None     # a quotation never runs over a line break
        previous = position
        if mark == "“":
            double_open, single_open = position, None
        elif mark == "”":
            if double_open is not None:
                spans.append((double_open, position + 1))
                double_open = single_open = None
        elif mark == '"':
            if double_open is None:
                double_open, single_open = position, None
            else:
                spans.append((double_open, position + 1))
                double_open = single_open = None
        else:
            before = text[position - 1] if position else " "
            after = text[position + 1] if position + 1 < len(text) else " "
            if before.isalnum() and after.isalnum():
                continue         # an apostrophe inside a word
            if mark in "‘'" and not (before.isalnum() or before in "’'") and (after.isalnum() or after in "“\""):
                if double_open is None and single_open is None:
                    single_open = position
            elif mark in "’'" and (before.isalnum() or before in ".,!?”\"") and not (after.isalnum() or after in "’'"):
                if single_open is not None:
                    spans.append((single_open, position + 1))
                    single_open = None
    return [span for span in spans if span[1] - span[0] <= MAX_QUOTE]


def _sentences(text: str, quotes: list) -> list:
    """(start, end) of each sentence, whitespace trimmed, never longer than MAX_SENTENCE."""
    abbreviations = _words()["abbreviations"]
    cuts = []
    quote_index = 0
    for boundary in _BOUNDARY.finditer(text):
        kind = boundary.lastgroup
        if kind is None:         # between bold blocks
            cuts.append(boundary.end())
            continue
        stop_at = boundary.start()
        end = boundary.end()
        if kind == "breaks":
            # (a second line break in a row never joins lines: only a single one is checked)
            if end - stop_at > 1 or not _joins_next_line(text, stop_at):
                cuts.append(end)
            continue
        while quote_index < len(quotes) and quotes[quote_index][1] <= stop_at:
            quote_index += 1
        if quote_index < len(quotes) and quotes[quote_index][0] < stop_at and end < quotes[quote_index][1]:
            continue             # a full stop inside a quotation that goes on
        if text[stop_at] == ".":
            space = max(text.rfind(" ", max(0, stop_at - 20), stop_at), text.rfind("\n", max(0, stop_at - 20), stop_at))
            word = text[space + 1:stop_at].lstrip("(“\"‘'").lower()
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue         # Mr. Smith, Gen. Syrskyi, J. Biden
        cuts.append(end)
    sentences = []
    start = 0
    for cut in cuts + [len(text)]:
        _add_sentence(text, start, cut, sentences)
        start = cut
    return sentences


def _joins_next_line(text: str, newline: int) -> bool:
    """A hard-wrapped line: no final punctuation before the break and lowercase after it."""
    after = text[newline + 1:newline + 2]
    if not after.islower():
        return False             # (the common case, a new paragraph: checked first)
    before = text[max(0, newline - 1):newline]
    return bool(before) and (before.islower() or before == ",")


def _add_sentence(text, start, end, sentences):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        sentences.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append((start, end))


def _inside(quotes: list, starts: list, position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and quotes[index][0] < position < quotes[index][1]


# --------------------------------------------------------------------------------------------
# Speaker phrases

@dataclass(slots=True)
class _Phrase:
    """A speaker phrase as written, with the apposition next to it and what kind of name it is."""
    start: int
    end: int
    text: str
    kind: str                            # named, generic, pronoun
    alias: Optional[str] = None          # an apposition or title that names the same source
    person: Optional[bool] = None        # True person, False organisation/place/thing, None unknown


_START = operator.itemgetter(0)      # a token's start, for bisect over a token list


def _tokens(text: str, start: int, end: int) -> list:
    return [(match.start(), match.end(), match[0]) for match in _TOKEN.finditer(text, start, end)]


def _bare(token: str) -> str:
    return token.strip("_*")


def _is_capital(token: str) -> bool:
    first = token[:1]
    if first.isupper() or first in ("@", "#"):
        return True
    if first not in ("_", "*"):
        return False
    token = _bare(token)                       # markdown emphasis: _AFP_, **Kim**
    return bool(token) and (token[0].isupper() or token[0] in "@#")


def _acronym(token: str) -> bool:
    """`US`, `IT`: capitals that are no pronoun or stop word."""
    return len(token) > 1 and token.isupper()


def _is_possessive(token: str) -> bool:
    return token.endswith(("’s", "'s", "s’", "s'"))


def _phrase_before(text: str, low: int, end: int) -> Optional[_Phrase]:
    """The speaker phrase that ends just before `end` (a cue), looking back no further than `low`."""
    near = max(low, end - NEAR_WINDOW)      # most speakers are short: look close first
    phrase, at_edge = _phrase_within(text, near, end, widening=near > low)
    if at_edge and near > low:
        phrase, _ = _phrase_within(text, max(low, end - WINDOW), end)
    return phrase


def _phrase_within(text: str, low: int, end: int, widening: bool = False):
    """(phrase, whether the search reached `low` and might go on beyond it).

    `widening`: a wider window is looked at when this one is not enough; an apposition is then
    left to it (an apposition always counts as reaching the edge)."""
    words = _words()
    tokens = _tokens(text, low, end)
    index = len(tokens) - 1
    skipped = 0
    while index >= 0 and skipped < 6 and (_is_date_word(tokens, index) or (
            (tokens[index][2].lower() in words["between"] or _is_adverb(tokens[index][2]))
            and not _is_capital(tokens[index][2]))):
        index -= 1           # `Zelenskyy has also said`, `Johann Wadephul on Monday chided`
        skipped += 1
    if index < 0:
        return None, True
    word = tokens[index][2]
    if word.lower() in words["pronouns"]:
        return _Phrase(tokens[index][0], tokens[index][1], word, "pronoun"), False
    relative = word in ("who", "which")
    if relative:
        index -= 1
        if index >= 0 and tokens[index][2] == ",":
            index -= 1           # `Republicans, who say`: the phrase before the comma
    if index >= 0 and tokens[index][2] == ")":
        opening = index - 1      # `The Red Cross (ICRC) said`
        while opening >= 0 and index - opening < 8 and tokens[opening][2] != "(":
            opening -= 1
        if opening > 0 and tokens[opening][2] == "(":
            index = opening - 1
    if index >= 0 and tokens[index][2] == ",":
        return (None if widening else _apposition_before(tokens, index)), True
    phrase = _noun_phrase_back(tokens, index, relative)
    if not relative and (phrase is None or (phrase.kind == "named" and _after_preposition(tokens, phrase))):
        modified, reached = _before_participle(tokens, index)
        if reached and widening:
            return None, True    # (the participle or its subject may lie before this window)
        if modified is not None:
            phrase = modified    # `a brigade operating in the Pokrovsk direction reported`
    if relative and phrase is not None and phrase.kind == "generic" and _after_comma(tokens, phrase):
        if widening:
            return None, True    # (the wider window looks at the name before the apposition)
        comma = next(position for position, token in enumerate(tokens) if token[0] == phrase.start)
        while tokens[comma][2] != ",":
            comma -= 1
        named = _noun_phrase_back(tokens, comma - 1, relative=True)
        if named is not None and named.kind == "named" and named.person is not False:
            named.alias = phrase.text    # `Arif Husain, the chief economist at the WFP, who said`
            return named, True
    edge = tokens[min(1, len(tokens) - 1)][0]
    return phrase, index <= 1 or (phrase is not None and phrase.start <= edge)


def _after_preposition(tokens: list, phrase: _Phrase) -> bool:
    """The phrase (with its article) follows a preposition: `affiliated with the Western Group`."""
    index = bisect.bisect_left(tokens, phrase.start, key=_START) - 1
    while index >= 0 and tokens[index][2].lower() in ("the", "a", "an"):
        index -= 1
    return index >= 0 and tokens[index][2] in _PARTICIPLE_PREPOSITIONS


def _before_participle(tokens: list, index: int):
    """`A Ukrainian brigade operating in the Pokrovsk direction reported`, `a milblogger reportedly
    affiliated with the Western Grouping of Forces claimed`: the phrase before a participle and its
    prepositional phrase speaks, not the object of the preposition. (phrase or None, whether the
    search reached the start of the tokens)."""
    words = _words()
    last = tokens[index][2].lower() if index >= 0 else ""
    if not last or last in words["stop"] or last.endswith("ed"):
        return None, False       # `can be denied`, `received warning letters`: no phrase before a cue
    position = index - 1
    while position >= 0 and index - position < 12:
        word = tokens[position][2]
        lowered = word.lower()
        if not word[:1].isalnum() or (lowered in words["stop"] and lowered not in _PREPOSITIONS):
            return None, False   # (a comma, a quotation mark or a conjunction ends the search)
        if word.islower() and tokens[position + 1][2] in _PARTICIPLE_PREPOSITIONS and (
                (len(word) > 4 and word.endswith("ing") and word not in words["participles"])
                or word in _MODIFYING_PARTICIPLES):
            before = position - 1
            if before >= 0 and _is_adverb(tokens[before][2]):
                before -= 1      # `reportedly affiliated with`
            if before < 0:
                return None, True
            phrase = _noun_phrase_back(tokens, before)
            return (phrase if phrase is not None and phrase.kind in ("named", "generic") else None), before <= 1
        position -= 1
    return None, position < 0


# Past participles that qualify a noun rather than end a clause (`affiliated with`, `based in`);
# others (`retreated from`) are as often finite verbs.
_MODIFYING_PARTICIPLES = frozenset("""affiliated based stationed deployed located embedded positioned
    linked associated aligned connected allied attached""".split())
# Prepositions after a participle that qualifies a speaker (`operating in`, `affiliated with`).
_PARTICIPLE_PREPOSITIONS = frozenset("in with near at on along across from inside outside".split())


def _is_adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word.islower() and word not in _words()["generic"]


def _is_date_word(tokens, index) -> bool:
    """Capitalized time words between a speaker and its cue (`Zelenskyy on Monday said`)."""
    words = _words()
    word = tokens[index][2].lower()
    if word in words["weekdays"]:
        return True
    if word in words["months"] and word != "may":     # `may` is far more often the verb
        return True
    return (word.isdigit() and len(word) <= 2 and index > 0
            and tokens[index - 1][2].lower() in words["months"])


# Words inside a name or a speaker phrase (`General Staff of the …`, `Ursula von der Leyen`).
_NAME_JOINERS = frozenset(("of", "for", "and", "de", "al", "von", "van"))
# Particles that open a surname written without the first name (`Von der Leyen`, `De Klerk`).
_SURNAME_PARTICLES = frozenset(("de", "al", "von", "van"))


def _particle_surname(name: str) -> bool:
    """`Von der Leyen`: a surname that opens with its particle, without the first name."""
    return name.split()[0].lower() in _SURNAME_PARTICLES and name[:1].isupper()


def _noun_phrase_back(tokens: list, index: int, relative: bool = False) -> Optional[_Phrase]:
    """Walk back from tokens[index] over one noun phrase; None when it cannot name a speaker."""
    words = _words()
    if index < 0 or _is_possessive(tokens[index][2]) or tokens[index][2] in ("and", "of", "for"):
        return None              # `leadership’s claims`: a noun, not a verb; `X and said`: no phrase
    head = index
    first = index
    lowercase_run = 0
    while index >= 0 and head - index < MAX_NP_TOKENS:
        word = tokens[index][2]
        lowered = word.lower()
        if not (word[0].isalnum() or word[0] in "_@#") or (word == "A." and not _initial_a(tokens, index)):
            break
        if lowered in words["determiners"]:
            if lowered in ("the", "a", "an") and index > 0 and (tokens[index - 1][2].lower() in ("of", "for") or (
                    tokens[index - 1][2] in _PLACE_PREPOSITIONS and index > 1 and _generic_governor(tokens[index - 2][2]))):
                first = index    # General Staff of the Ukrainian Armed Forces: keep going
                index -= 1
                continue
            first = index
            break
        if lowered in _PLACE_PREPOSITIONS and index > 0 and _generic_governor(tokens[index - 1][2]) \
                and head - index < MAX_NP_TOKENS - 2:
            if lowered == "in" and tokens[head][2].lower() in words["descriptors"]:
                head = index - 1     # `the military in a Facebook post said`: the post is no part of it
            first = index        # `officials in Kyiv`, `an adviser to Zelenskiy`: the generic word is the head
            index -= 1
            lowercase_run = 0
            continue
        if lowered in _NAME_JOINERS:
            if index == 0 or not (_is_capital(tokens[index - 1][2]) or tokens[index - 1][2].lower()
                                  in words["generic"] or _is_possessive(tokens[index - 1][2])):
                if lowered in _SURNAME_PARTICLES and word[0].isupper() and index < head:
                    first = index    # `Von der Leyen said`: the particle opens the surname
                break
            first = index
            index -= 1
            lowercase_run = 0
            continue
        if (lowered in words["stop"] or lowered in words["pronouns"]) and not _acronym(word):
            break
        if word[0].isdigit() and not (index < head and _is_capital(tokens[index + 1][2])) \
                and not (index > 0 and _is_capital(tokens[index - 1][2])):
            break
        if _is_capital(word):
            lowercase_run = 0
        else:
            lowercase_run += 1
            if lowercase_run > 4:
                break
        first = index
        index -= 1
    while first < head and tokens[first][2].lower() in ("of", "for", "and"):
        first += 1
    if first > 0 and not relative and tokens[first - 1][2].lower() in _PREPOSITIONS \
            and not _partitive(tokens, first - 1) \
            and tokens[first - 1][2].lower() != "with":    # `with analysts saying`
        return None              # `parts of Ukraine revealed`: the object of a preposition speaks not
    return _classify(tokens[first:head + 1])


def _phrase_after(text: str, start: int, high: int) -> Optional[_Phrase]:
    """The speaker phrase that starts just after `start` (a cue), going no further than `high`."""
    tokens = _tokens(text, start, min(high, start + FORWARD_WINDOW))
    if not tokens:
        return None
    if tokens[0][2].lower() in _words()["pronouns"]:
        return _Phrase(tokens[0][0], tokens[0][1], tokens[0][2], "pronoun")
    if tokens[0][2].lower() in _ANONYMOUS and (len(tokens) == 1 or tokens[1][2] in ",;:—–"):
        return _classify(tokens[:1])      # `…,” said one.`, `said another, adding …`
    phrase, last = _noun_phrase_forward(tokens, 0)
    if phrase is None:
        return None
    first_word = tokens[0][2]
    if not (first_word.lower() in _words()["determiners"] or _is_capital(first_word)
            or first_word.lower() in _words()["generic"] or first_word.lower() in _words()["titles"]
            or phrase.kind == "generic" or _title_and_name(phrase.text) or _generic_follows(tokens, 0)):
        return None              # `said shells hit a depot near Sumy`: a clause, not a speaker
    # `according to a study released by the Royal United Services Institute`
    if phrase.text.split()[-1].lower() in _words()["documents"] or phrase.kind == "generic":
        rest = last + 1
        if rest < len(tokens) and tokens[rest][2].lower() in ("published", "released", "issued",
                                                              "compiled", "by", "from", "of"):
            if tokens[rest][2].lower() not in ("by", "from", "of"):
                rest += 1
            if rest < len(tokens) and tokens[rest][2].lower() == "of" and phrase.kind == "generic":
                # `a review of financial disclosures by Public Citizen`: the topic, then the author
                by = next((index for index in range(rest + 1, min(len(tokens), rest + 6))
                           if tokens[index][2].lower() == "by" or not tokens[index][2][:1].isalnum()), None)
                if by is not None and tokens[by][2].lower() == "by":
                    rest = by
            if rest < len(tokens) and tokens[rest][2].lower() in ("by", "from", "of"):
                source, _ = _noun_phrase_forward(tokens, rest + 1)
                if source is not None and (source.kind == "named" or tokens[rest][2].lower() == "by"):
                    source.alias = phrase.text    # (`a report by local media`: the media; not
                    return source                 # the topic of `an analysis of shipping`)
    # `said one European official, Ihor Yunusov,` / `said Dana Petrik, a senior diplomat`
    rest = last + 1
    if rest + 1 < len(tokens) and tokens[rest][2] == ",":
        apposition, apposition_last = _noun_phrase_forward(tokens, rest + 1)
        if apposition is not None:
            closed = apposition_last + 1 >= len(tokens) or tokens[apposition_last + 1][2] in ",;:—–"
            if phrase.kind == "generic" and apposition.kind == "named" and apposition.person and closed:
                apposition.alias = phrase.text
                return apposition
            if phrase.kind == "named" and apposition.kind == "generic":
                phrase.alias = apposition.text
    return phrase


def _according_source(text: str, start: int, high: int) -> Optional[_Phrase]:
    """After `according to`, whatever noun phrase follows names the source, even one that no word
    list knows (`the news digest`, `special forces colonel Oleksandr Kutsepalenko`), unless it
    names no source at all (`according to reports`, `according to the plan`)."""
    words = _words()
    tokens = _tokens(text, start, min(high, start + FORWARD_WINDOW))
    index = 0
    while index < len(tokens) and tokens[index][2].lower() in words["determiners"]:
        index += 1
    first = index
    while index < len(tokens) and index - first < 8 and tokens[index][2][:1].isalnum() \
            and tokens[index][2].lower() not in words["stop"] and tokens[index][2].lower() not in _PREPOSITIONS \
            and not (index > first and tokens[index][2].islower() and tokens[index][2].endswith(("ed", "ing"))):
        index += 1               # (up to a participle: `a person briefed on …`, `legislation signed by …`)
    if index == first:
        return None
    head = tokens[index - 1][2]
    if head.lower() in words["not_sources"] or head.lower() in words["pronouns"]:
        return None
    phrase = _classify(tokens[first:index])
    if phrase is None:
        phrase_text = " ".join(_bare(token[2]) for token in tokens[first:index])
        lowered = head.lower()
        person = True if _occupational(lowered) or lowered in ("person", "man", "woman") else False
        phrase = _Phrase(tokens[first][0], tokens[index - 1][1], phrase_text, "generic", person=person)
    return phrase


def _unsourced(phrase_text: str) -> bool:
    """`reports`, `multiple reports`, `several accounts`: hearsay that names no source."""
    names = phrase_text.lower().split()
    return names[-1] in ("reports", "accounts", "rumours", "rumors") and all(
        name in _VAGUE for name in names[:-1])


_VAGUE = frozenset("""multiple several some many numerous unconfirmed various other earlier recent
    initial conflicting unverified further early first latest new""".split())


def _title_and_name(text: str) -> bool:
    """`psychologist Nancy Molitor`: one lowercase word, then a capitalized name."""
    names = text.split()
    return len(names) >= 3 and names[0].islower() and names[0].isalpha() and all(
        name[:1].isupper() for name in names[1:])


def _noun_phrase_forward(tokens: list, index: int):
    """(phrase, index of its last token) for the noun phrase starting at tokens[index]."""
    words = _words()
    if index >= len(tokens):
        return None, index
    first = index
    if tokens[index][2].lower() in words["determiners"]:
        index += 1
    last = None
    lowercase_run = 0
    while index < len(tokens) and index - first < MAX_NP_TOKENS:
        word = tokens[index][2]
        lowered = word.lower()
        if not (word[0].isalnum() or word[0] in "_@#") or (word == "A." and not _initial_a(tokens, index)):
            break
        if lowered in ("of", "for", "and", "the", "de", "al", "von", "van"):
            if last is None or index + 1 >= len(tokens):
                break
            following = tokens[index + 1][2]
            if not (_is_capital(following) or following.lower() in ("the", "of")
                    or following.lower() in words["generic"]):
                break
            if lowered == "and" and not _is_capital(following) and following.lower() not in words["generic"]:
                break
            index += 1
            continue
        if (lowered in words["stop"] or lowered in words["pronouns"] or lowered in words["determiners"]) \
                and not _acronym(word) and not (lowered in _MONTHS and last is None and index > first):
            break                # (`a March Bloomberg article`: a month inside the phrase is fine)
        if word[0].isdigit() and not (last is not None and _is_capital(tokens[last][2])):
            break
        if _is_capital(word) or word[0].isdigit():
            lowercase_run = 0
        else:
            lowercase_run += 1
            if lowercase_run > 4:
                break
            if last is not None and _is_capital(tokens[last][2]) and not _generic_follows(tokens, index) \
                    and not _is_possessive(tokens[last][2]):
                break            # `said Kim reading …`: a name ends where lowercase begins
                                 # (`said Russia’s leading businessman`: a possessive goes on)
        last = index
        index += 1
    if last is None:
        return None, index
    # a phrase ending in a lowercase word that is no speaker noun: cut back to the last good head
    while last > first and not _good_head(tokens[last][2]) and not (
            last - first <= 2 and tokens[last][2].lower() in words["documents"]):
        last -= 1                # (a document heads a short phrase: `two reports`, not `… aired footage`)
    if last == first and tokens[last][2].lower() in words["determiners"]:
        return None, last        # `said one line`: no head
    if _is_possessive(tokens[last][2]) and last + 1 < len(tokens) and tokens[last + 1][2][:1].islower() \
            and not tokens[last + 1][2].endswith("ed") and tokens[last + 1][2] not in words["verbs"]:
        return None, last        # `Vladislav’s vivid account …`: the possessor is not the head
                                 # (`McDonald’s announced`: a name)
    return _classify(tokens[first:last + 1]), last


def _initial_a(tokens: list, index: int) -> bool:
    """`A.` between two capitalized words is a middle initial (`Michael A. McFaul`); after a
    lowercase word it ends a sentence (`under plan A. Kim said`)."""
    return index > 0 and tokens[index - 1][2][:1].isupper() and tokens[index - 1][2] != "A."


def _generic_follows(tokens: list, index: int) -> bool:
    """`British defence secretary`: lowercase words up to a speaker noun, nothing capitalized between."""
    for token in tokens[index:index + 3]:
        if _is_capital(token[2]) or not token[2][0].isalpha():
            return False
        if _generic_word(token[2].lower()):
            return True
    return False


def _generic_word(lowered: str) -> bool:
    """A generic head, also as the last part of a compound (`vice-chancellor`, `co-founder`)."""
    generic = _words()["generic"]
    return lowered in generic or ("-" in lowered and lowered.rsplit("-", 1)[1] in generic)


def _good_head(word: str) -> bool:
    lowered = word.lower()
    return _is_capital(word) or _generic_word(lowered) or word[0].isdigit() or (
        _occupational(lowered) and lowered.rstrip("s").endswith(("er", "or", "ist", "ian")))


def _apposition_before(tokens: list, comma: int) -> Optional[_Phrase]:
    """`Serhiy Bratchuk, a spokesperson for …, said`; `The German chancellor, Olaf Scholz, said`."""
    inner_end = comma - 1
    fallback = None
    for _ in range(3):           # an apposition may itself hold a comma (`…, on January 31, 2026,`)
        index = inner_end
        while index >= 0 and tokens[index][2] not in ",;:()“”\"—–" and inner_end - index < 20:
            index -= 1
        if index < 0 or tokens[index][2] != ",":
            return fallback
        apposition = tokens[index + 1:comma]
        outer = _noun_phrase_back(tokens, index - 1)
        if outer is None and apposition and comma - index <= 5:
            named = _described_person(tokens, index, apposition)
            if named is not None:
                return named     # `Russia’s leading businessman, Oleg Deripaska, said`
        if fallback is not None and outer is not None and outer.kind == "named":
            if outer.person or len(outer.text.split()) >= 2:
                outer.alias = outer.alias or fallback.text
                return outer     # `Ihor Zhovka, adviser to the president, Volodymyr Zelenskiy, said`
            return fallback      # `Elsewhere, the Nato secretary general, Jens Stoltenberg, said`
        if apposition and outer is not None and outer.kind == "named" and _outer_closed(tokens, outer, index) \
                and (_apposition_start(apposition[0][2]) or len(apposition) <= 4):
            if _apposition_start(apposition[0][2]):   # `The Kremlin, for its part, confirmed`
                outer.alias = " ".join(token[2] for token in apposition)
            return outer
        if apposition and _apposition_start(apposition[0][2]) and outer is not None:
            closed = _outer_closed(tokens, outer, index)
            inner = _classify(apposition) if not apposition[0][2].lower().endswith("ing") else None
            if closed:
                if outer.kind == "generic" and inner is not None and inner.kind == "named" \
                        and inner.person is not False:     # `the gas monopoly, Gazprom, said`
                    inner.alias = outer.text
                    if not _after_comma(tokens, outer):
                        return inner
                    fallback = fallback or inner   # `X, an adviser to the president, Y, said`: X speaks
                if outer.kind == "named":
                    outer.alias = " ".join(token[2] for token in apposition)
                    if outer.person is None and inner is not None and inner.kind == "generic":
                        outer.person = _head_is_person(apposition)
                    return outer
                if outer.kind == "generic":
                    if _after_comma(tokens, outer):
                        fallback = fallback or outer     # `Maksim Ryabkov, the director of …, testified`
                    else:
                        return outer
        inner_end = index - 1
    return fallback


def _after_comma(tokens: list, phrase: _Phrase) -> bool:
    """The phrase (with its article) follows a comma: an apposition of what comes before."""
    index = bisect.bisect_left(tokens, phrase.start, key=_START) - 1
    while index >= 0 and tokens[index][2].lower() in ("the", "a", "an"):
        index -= 1
    return index >= 0 and tokens[index][2] == ","


def _described_person(tokens: list, comma: int, apposition: list) -> Optional[_Phrase]:
    """The name in `<the or a possessive> <lowercase words>, <Name Surname>,` before a cue: a
    description that no word list knows (`Russia’s leading businessman`) and a person's name."""
    inner = _classify(apposition)
    if inner is None or inner.kind != "named" or inner.person is not True:
        return None
    index = comma - 1
    while index >= 0 and comma - index <= 5 and tokens[index][2][:1].islower() \
            and tokens[index][2].lower() not in _words()["determiners"] and tokens[index][2].isalpha():
        index -= 1
    if index < 0 or index == comma - 1:
        return None
    word = tokens[index][2]
    if not (word.lower() in ("the", "a", "an", "his", "her", "their", "its") or _is_possessive(word)):
        return None
    if _is_possessive(word):
        while index > 0 and comma - index < 8 and _is_capital(tokens[index - 1][2]) \
                and tokens[index - 1][2].lower() not in _words()["stop"]:
            index -= 1           # `Greenpeace UK’s political campaigner`, `Mr. Young’s partner`
    before = tokens[index - 1][2].lower() if index > 0 else ","
    if before not in ",;:—–(“\"" and (before not in _words()["stop"] or before in _PREPOSITIONS):
        return None          # the description must open its clause (`an adviser to the president, X`: X is no speaker)
    inner.alias = " ".join(token[2] for token in tokens[index:comma])
    return inner


def _apposition_start(word: str) -> bool:
    words = _words()
    lowered = word.lower()
    return (lowered in words["determiners"] or _is_capital(word) or word[0].isdigit() or lowered in ("who", "which")
            or lowered.endswith("ing") or _is_possessive(word) or lowered in words["titles"])


def _outer_closed(tokens: list, outer: _Phrase, comma: int) -> bool:
    """The phrase before an apposition starts the sentence or follows a comma or a stop word."""
    index = comma - 1
    while index >= 0 and (tokens[index][0] >= outer.start or tokens[index][2].lower() in ("the", "a", "an")):
        index -= 1
    if index < 0:
        return True
    word = tokens[index][2]
    if word.lower() in _PREPOSITIONS:
        return False             # `speaking to the prime minister, Magdalena Andersson,`
    return word in ",;:(“”\"—–" or word.lower() in _words()["stop"] or word.lower() == "and"


_MONTHS = frozenset("""january february march april june july august september october november
    december""".split())
_PREPOSITIONS = frozenset("""to with by for of from at in on into onto about against between through
    during without within under over toward towards via per like among beside besides""".split())


def _head_is_person(tokens) -> bool:
    words = _words()
    return any(token[2].lower() in words["titles"] for token in tokens)


def _partitive(tokens: list, preposition: int) -> bool:
    """`some of her supporters`, `41 percent of respondents`: the group before `of` speaks."""
    if tokens[preposition][2].lower() != "of" or preposition == 0:
        return False
    word = tokens[preposition - 1][2].lower()
    return word in _QUANTIFIERS or word[0].isdigit()


_QUANTIFIERS = frozenset("""some many most all none one two three four five several few half
    majority minority percent per cent dozens hundreds thousands each both either neither""".split())


def _classify(tokens: list) -> Optional[_Phrase]:
    """Make a _Phrase of tokens, or None when the head cannot be a speaker."""
    words = _words()
    tokens = [token for token in tokens    # `## Heading`: marks alone are no words
              if token[2][0].isalnum() or any(char.isalnum() for char in token[2])]
    if not tokens:
        return None
    determined = bool(tokens) and tokens[0][2].lower() in words["determiners"]
    while tokens and tokens[0][2].lower() in ("the", "a", "an"):
        tokens = tokens[1:]
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0][2].lower() in _ANONYMOUS:
        # `one said`, `said another`, `others say`: somebody of a group the text described
        word = tokens[0][2]
        return _Phrase(tokens[0][0], tokens[0][1], word, "generic",
                       person=None if word.lower() == "others" else True)
    head = _bare(tokens[-1][2])
    lowered = head.lower()
    if not head or (lowered in words["stop"] or lowered in words["pronouns"] or lowered in words["determiners"]) \
            and not _acronym(head):
        return None              # (`Its`, `This`: no speaker)
    if "-" in lowered and lowered not in words["generic"] and _generic_word(lowered):
        lowered = lowered.rsplit("-", 1)[1]      # `vice-chancellor`: a chancellor
    capitals = [token for token in tokens if _is_capital(token[2])]
    text = " ".join([token[2] for token in tokens])
    if "_" in text or "*" in text:           # markdown emphasis: `_AFP_`
        text = " ".join([_bare(token[2]) for token in tokens])
    text = text.replace(" ,", ",")
    start, end = tokens[0][0], tokens[-1][1]
    while len(tokens) > 1 and _date_first(tokens):
        tokens = tokens[1:]      # `an April 2025 estimate`, `a March Bloomberg article`: a date first
        capitals = [token for token in tokens if _is_capital(token[2])]
        text = " ".join([_bare(token[2]) for token in tokens])
        start = tokens[0][0]
    if tokens[-1][2].lower() in _MONTHS or (head[0].isdigit() and not capitals):
        return None              # a date alone is no source
    capital_head = _is_capital(head)
    if capital_head and len(tokens) > 2 and not _JOINING.isdisjoint([token[2] for token in tokens[1:-1]]):
        governed = _governing_generic(tokens)
        if governed is not None:
            return _Phrase(start, end, text, "generic", person=_head_kind(governed))
    if capital_head or (head[0].isdigit() and capitals):
        if len(tokens) == len(capitals) and all(_bare(token[2]).lower() in words["demonyms"] for token in capitals):
            if head.endswith("s"):
                return _Phrase(start, end, text, "generic", person=None)   # `Europeans say`
            return None          # `Russian claims`: a nationality alone is no speaker
        if lowered in words["titles"] and len(tokens) == 1:
            return _Phrase(start, end, text, "generic", person=True)
        return _Phrase(start, end, text, "named", person=_looks_like_person(tokens))
    if len(tokens) <= 4 and (determined or (len(capitals) and len(capitals) == len(tokens) - 1)) \
            and lowered not in words["generic"] and _occupational(lowered):
        # `the investigator wrote`, `Russian milbloggers claimed`
        return _Phrase(start, end, text, "generic", person=None if lowered.endswith("s") else True)
    speaks = lowered in words["generic"] or lowered in words["documents"]    # (`two reports`)
    if not speaks or any(token[2] in _PLACE_PREPOSITIONS for token in tokens[1:-1]):
        # `the governor of the Luhansk region`, `officials in Kyiv`: the head comes before `of`
        for position, token in enumerate(tokens[1:-1], 1):
            if token[2] in ("of", "for") or token[2] in _PLACE_PREPOSITIONS:
                lowered = tokens[position - 1][2].lower()
                if lowered in words["generic"]:
                    return _Phrase(start, end, text, "generic", person=_head_kind(lowered))
                break
        return None
    if speaks:
        proper = [token for token in capitals if _bare(token[2]).lower() not in words["demonyms"]
                  and _bare(token[2]).lower() not in words["places"]]
        if proper and tokens.index(proper[-1]) >= len(tokens) - 3 and (
                lowered in words["documents"]
                or (tokens.index(proper[-1]) == len(tokens) - 2 and not _is_possessive(proper[-1][2]))):
            # the General Staff statement, Gerasimov's statement, the Izvestia newspaper
            return _Phrase(start, end, text, "named",
                           person=None if _is_possessive(proper[-1][2]) else False)
        return _Phrase(start, end, text, "generic", person=_head_kind(lowered))
    return None


def _date_first(tokens: list) -> bool:
    """The phrase opens with a part of a date or a time: a month, a number, a clock time, or a
    month's abbreviation before a number (`23 Jul 2022 23.22 Ukraine’s defence ministry`: the
    time stamp over a live-blog entry; `Jan Wörner` is a name)."""
    word = tokens[0][2]
    if word[0].isdigit():
        return word.isdigit() or _CLOCK_TIME.fullmatch(word) is not None
    return word.lower() in _MONTHS or (tokens[1][2].isdigit() and word in _month_abbreviations())


_CLOCK_TIME = re.compile(r"[0-2]?[0-9][.:][0-5][0-9]")


@functools.lru_cache(maxsize=None)
def _month_abbreviations() -> frozenset:
    return frozenset(load("dates.json")["month_abbreviations"])


# Prepositions that may tie a place or a superior to a generic speaker: `officials in Kyiv`,
# `an adviser to Zelenskiy`.
_PLACE_PREPOSITIONS = frozenset(("in", "at", "from", "to"))


def _governing_generic(tokens) -> Optional[str]:
    """`governor of Luhansk`, `officials in Kyiv`: the lowercase generic word before the first
    preposition, which is the head of the phrase; None when there is none."""
    generic = _words()["generic"]
    for position in range(1, len(tokens) - 1):
        word = tokens[position][2]
        if word in ("of", "for") or word in _PLACE_PREPOSITIONS:
            previous = tokens[position - 1][2]
            if not _generic_governor(previous):
                return None
            # `secretary of state Antony Blinken`: a lowercase word before the closing name makes
            # the name the head; `adviser to Volodymyr Zelenskiy`, `lawyer for basketball star
            # Brittney Griner`, `official from the self-proclaimed Donetsk People’s Republic`:
            # after another preposition the name is the object
            last_lowercase = max(index for index, token in enumerate(tokens) if not _is_capital(token[2]))
            name = [_bare(token[2]) for token in tokens[last_lowercase + 1:]]
            if word == "of" and last_lowercase > position \
                    and tokens[last_lowercase][2].lower() not in _NOT_TITLE_WORDS \
                    and 2 <= len(name) <= 4 and all(part[:1].isupper() and part[1:2].islower() for part in name):
                return None
            return previous.lower()
    return None


# Prepositions that may tie a phrase to a generic head (`governor of …`, `officials in …`).
_JOINING = frozenset(("of", "for", "in", "at", "from", "to"))
# Lowercase words that join a name rather than end a title before one.
_NOT_TITLE_WORDS = frozenset(("the", "a", "an", "and", "of", "for", "in", "at", "from", "to", "de", "von", "van"))


def _generic_governor(word: str) -> bool:
    """A generic word that a prepositional phrase may follow: lowercase (`governor of`), or a
    plural capitalized at a sentence start (`Officials in Kyiv`); `Staff of` begins a name."""
    words = _words()
    lowered = word.lower()
    return lowered in words["generic"] and (word.islower() or (
        word[:1].isupper() and word[1:].islower() and lowered in words["plural"]))


def _occupational(word: str) -> bool:
    """`investigator`, `milbloggers`: a noun for a person by its suffix (`-er`, `-ist` …)."""
    words = _words()
    singular = word[:-1] if word.endswith("s") else word
    if singular.endswith(("ant", "ent")) and (singular == word or singular.endswith("ment")):
        return False             # `recent`, `current`: adjectives; `militants`, `migrants`: people
    return len(singular) >= 6 and singular.isalpha() and singular.endswith(words["person_suffixes"]) \
        and word not in words["stop"] and word not in words["between"]


# Words that stand for a speaker of a group without naming one.
_ANONYMOUS = frozenset(("one", "another", "others"))


def _head_kind(head: str) -> Optional[bool]:
    """A generic head names a person (`governor`), a body (`ministry`) or a group (`officials`)."""
    words = _words()
    if head in words["titles"]:
        return True
    return None if head in words["plural"] else False


def _looks_like_person(tokens) -> Optional[bool]:
    """True for a title and a name (`President Vladimir Putin`), False for an organisation."""
    words = _words()
    names = [_bare(token[2]) for token in tokens]
    lowered = [name.lower() for name in names]
    if not words["generic"].isdisjoint(lowered) and any(
            word in words["generic"] and word not in words["titles"] for word in lowered):
        return False
    if lowered[-1] in words["places"] or lowered[-1] in words["demonyms"]:
        return False
    if not words["titles"].isdisjoint(lowered[:-1]):
        return True
    if len(names) in (2, 3) and all(name[:1].isupper() and name[1:2].islower() for name in names):
        return True
    return None


def _person_name(phrase: _Phrase) -> Optional[str]:
    """`Russian Foreign Ministry spokesperson Maria Zakharova` -> `Maria Zakharova`."""
    words = _words()
    names = phrase.text.split()
    cut = None
    for index, name in enumerate(names[:-1]):
        if name.lower() in words["titles"] or name.lower() in words["generic"] or (
                cut is not None and name.islower() and name not in _NAME_JOINERS
                and name not in _PREPOSITIONS and name not in ("the", "a", "an")):
            cut = index          # (`minister of energy Herman Halushchenko`: after the last lowercase word)
    if cut is None or (names[cut].lower() in words["generic"] and names[cut].lower() not in words["titles"]):
        return None              # `Russian opposition outlet Meduza`, `state news agency RIA`: no person
    rest = names[cut + 1:]
    if "of" in rest[1:]:
        rest = rest[:rest.index("of")]      # Gov. Mike Pence of Indiana
    if 1 <= len(rest) <= 5 and all(
            name[:1].isupper() and (name[1:2].islower() or len(name) == 1 or name in ("II", "III", "IV"))
            and not _is_possessive(name)
            and name.lower() not in words["titles"] and name.lower() not in words["generic"]
            and name.lower() not in words["demonyms"] and name.lower() not in words["places"]
            for name in rest):
        return " ".join(rest)
    return None


# --------------------------------------------------------------------------------------------
# Cues and the statements of one sentence

@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    text: str
    kind: str                        # verb, participle, according, passive
    phrase: Optional[_Phrase] = None
    rank: int = 9                    # lower wins: post-posed 0, active 1, according 2, passive 3
    deny: bool = False


# `told to leave`, `accused of killing`: the subject is the one told or accused.
_INSTRUCTED = re.compile(r"[ \t]{1,3}(?:to|of)[ \t]")
# A negation or refusal right before a cue.
_NEGATED = re.compile(r"(?:\bnot|\bnever|n[’']t|\bdeclined[ ]to|\brefused[ ]to|\bfailed[ ]to)[ ]{1,3}(?:yet[ ]{1,3})?$")
_NEGATED_LAST_WORDS = ("not", "never", "n't", "n’t", "to", "yet")


def _rejects_a_proposal(text: str, position: int, end: int) -> bool:
    """`rejected Kyiv’s proposal`, `dismissed calls for talks`: a proposal is turned down, no claim
    or fact is denied, so the stance stays `assert` (`rejected the claims` denies)."""
    words = _words()
    for word in text[position:min(end, position + 60)].split()[:4]:
        word = word.strip(",.;:!?“”\"()").lower()
        if word in words["proposals"]:
            return True
        if word in words["claim_markers"]:
            return False         # (`rejected suggestions that …`: a claim follows)
    return False


def _negated(text: str, start: int, position: int) -> bool:
    """A negation right before the cue at `position`; the last word is checked first (fast)."""
    if not text[max(start, position - 12):position].rstrip(" \n").endswith(_NEGATED_LAST_WORDS):
        return False
    return _NEGATED.search(text, max(start, position - 24), position) is not None

# `reported to a military recruitment centre` / `for duty`, unlike `reported to Putin that …`
_REPORTED_TO_A_PLACE = re.compile(r"""
    [ \t]{1,3}(?:to|for)[ \t]{1,3}
    (?:work|duty|hospital|police|base|(?:a|an|his|her|their)[ \t]{1,3}[a-z][\w\-]{0,30}(?![^.;:!?]{0,80}\bthat\b))
    """, re.VERBOSE)
_BY = re.compile(r"[ \t]{1,3}by(?![\w’'\-])")


def _cues(text: str, start: int, end: int, quotes: list, quote_starts: list, cue_words: list) -> list:
    """The cues of one sentence among its candidate cues (`_cue_words`)."""
    words = _words()
    found = []
    wrapper = _wrapping_quote(quotes, quote_starts, start, end)
    title_case = None
    for match in cue_words:
        cue_start, cue_end = match.start, match.end
        if _inside(quotes, quote_starts, cue_start) and not (
                wrapper and wrapper[0] < cue_start < wrapper[1]):
            continue
        word = match.text
        lowered = word.lower()
        branch = match.branch
        if branch == "called":
            phrase = _phrase_before(text, start, cue_start)
            if phrase is not None:
                found.append(_Cue(cue_start, cue_end, word, "verb", phrase, 1, deny=True))
            continue
        if branch == "according":
            phrase = _phrase_after(text, cue_end, end) or _according_source(text, cue_end, end)
            if phrase is not None and not _unsourced(phrase.text):
                # (`according to reports` names no source: it is `reportedly`)
                found.append(_Cue(cue_start, cue_end, "according to", "according", phrase, 2))
            continue
        if not word[0].islower():
            if title_case is None:
                title_case = _title_case(text, start, end)
            if not title_case or cue_start == start or lowered in words["not_in_headlines"] \
                    or text.find("|", start, end) >= 0:
                continue         # `Claims` as a noun; `Says` only inside a Title Case headline
                                 # (`War Adds Havoc`; `| Assessed |` heads a table column)
        cue = _Cue(cue_start, cue_end, word, "participle" if lowered in words["participles"] else "verb",
                   deny=lowered in words["deny_verbs"] and not (
                       lowered in words["refusal_verbs"] and _rejects_a_proposal(text, cue_end, end)))
        # (`by` only matters after a passive cue: the other cues skip the regex)
        by = _BY.match(text, cue_end, end) if lowered == "quoted" or lowered in words["passive"] else None
        preceding = text[max(start, cue_start - 3):cue_start].rstrip()
        if by is not None and lowered == "quoted":
            continue             # `Shoigu was quoted by TASS as saying`: Shoigu speaks (see `as saying`)
        if by is not None and lowered in words["passive"]:
            before = text[max(start, cue_start - 12):cue_start].split()
            if before and before[-1].lower() in ("was", "were", "is", "are", "been", "being", "as", "be"):
                cue.kind = "passive"
                cue.phrase = _phrase_after(text, by.end(), end)
                cue.rank = 3
                if cue.phrase is not None:
                    found.append(cue)
                continue
        if lowered in words["quote_verbs"] or lowered in words["request_verbs"]:
            quoted = _quote_verb(text, start, end, cue, preceding) if lowered in words["quote_verbs"] else None
            if quoted is None and lowered in words["request_verbs"]:
                quoted = _request(text, start, end, cue)
            if quoted is not None:
                found.append(quoted)
            continue
        if lowered in words["document_verbs"]:
            shown = _document_verb(text, start, end, cue)
            if shown is not None:
                found.append(shown)
            continue
        if lowered not in words["verbs"] and lowered not in words["participles"]:
            continue             # `described`, `quoted`: cues only in the passive
        if cue.kind == "participle":
            participle = _participle(text, start, end, match, preceding)
            if participle is not None:
                found.append(participle)
            continue
        if lowered in ("told", "accused", "urged", "warned", "added") and _INSTRUCTED.match(text, cue_end, end):
            continue             # `Ukrainians told to be ready`, `troops accused of massacre`, `added to a list`
        if _negated(text, start, cue_start):
            continue             # `Kyiv has not commented`, `declined to confirm`: nothing was said
        if lowered in ("reported", "reports") and _REPORTED_TO_A_PLACE.match(text, cue_end, end):
            continue             # `he reported to a recruitment centre`: no statement
        if lowered in words["inverted"] and (preceding.endswith((",", "”", '"', "—", "–", "'", "’", " -"))
                                              or cue_start == start):
            after = _phrase_after(text, cue_end, end)
            quoted_before = preceding.endswith(("”", '"', "’", "'"))
            if after is not None and (quoted_before or _closed_after(text, after.end, end)) and (
                    after.kind != "pronoun" or preceding.endswith(("”", '"', "’", "'"))):
                cue.phrase = after
                cue.rank = 0
                found.append(cue)
                continue
        if _previous_word(text, start, cue_start) in _NOUN_MARKERS:
            continue             # `the reported attack`, `their claims`: no verb, no speaker
        cue.phrase = _phrase_before(text, start, cue_start)
        if cue.phrase is not None and lowered.endswith("s") and cue.phrase.kind == "generic" \
                and cue.phrase.text.split()[0].lower() in _POSSESSIVES:
            continue             # `its maximalist demands`, `their current reports`: nouns
        if cue.phrase is not None and text.startswith(":", cue_end) and lowered.endswith("s") \
                and lowered != "says" and cue.phrase.kind != "pronoun" and _label_word(cue.phrase.text):
            continue             # `Unconfirmed claims:`, `Latest reports:`: a label, no speaker
        if cue.phrase is not None and _unsourced(cue.phrase.text) or lowered in words["unsourced_endings"] and (
                cue.phrase is not None and _unsourced(cue.phrase.text + " reports")):
            continue             # `initial reports said`, `multiple reports from`: hearsay that
                                 # names no source, `reportedly`
        if (lowered in words["unsourced_endings"] or lowered in words["documents"]) \
                and _next_word(text, cue_end, end) in words["verbs"]:
            continue             # `Pokrovsk, reports say`, `Pentagon estimates say`: a noun, the
                                 # subject of the verb after it
        if cue.phrase is not None:
            cue.rank = 0 if _postposed(text, start, end, cue) else 1
        elif lowered in words["unsourced_endings"] and not text[cue_end:end].strip(" \t\n.!?…"):
            continue             # `Ukraine shells Kursk, reports`: the noun, a `reportedly` naming no one
        elif _SUBJECT_GOES_ON.search(text[max(start, cue_start - 30):cue_start]):
            cue.kind = "ellipsis"    # `X visited Kyiv and told …`, `X, head of …, said`: the subject speaks
            cue.rank = 2
        found.append(cue)
    return found


# Before a cue with no subject of its own: `X visited Kyiv and told …`, `X, head of …, said`.
_SUBJECT_GOES_ON = re.compile(r"(?:\band|\bbut|,)\s{1,3}(?:(?:has|have|had|also|later|then)\s{1,3}){0,3}$")
# A word of four letters or more, for telling a Title Case headline.
_LONG_WORD = re.compile(r"[^\W\d_][\w’'\-]{3,}")


def _title_case(text: str, start: int, end: int) -> bool:
    """A headline in Title Case: most words longer than three letters are capitalized."""
    words = _LONG_WORD.findall(text[start:min(end, start + 400)])
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


_POSSESSIVES = frozenset("its his her their our my your".split())
# Words after which a cue word is a noun or an adjective (`the reported attack`, `its claims`).
_NOUN_MARKERS = frozenset("""the a an its his her their our your my this that these those such
    of to no any some every each""".split())


def _previous_word(text: str, start: int, position: int) -> str:
    """The word just before `position` (within the sentence), lowercased; '' if none."""
    low = max(start, position - 24)
    end = position
    while end > low and text[end - 1] == " ":
        end -= 1
    begin = end
    while begin > low and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end].lower()


def _next_word(text: str, position: int, end: int) -> str:
    """The word right after `position`, lowercased (`reports` `said`)."""
    following = text[position:min(end, position + 24)].split()
    return following[0].strip(",.;:!?").lower() if following else ""


def _wrapping_quote(quotes, quote_starts, start, end):
    """A quoted record after a label (`description: "…, Zelenskyy said."`): its cues count.

    A sentence that is all quotation without a label is somebody's words, and its cues do not."""
    index = bisect.bisect_right(quote_starts, start + 24) - 1
    if index >= 0 and quotes[index][1] >= end - 2 and quotes[index][0] >= start + 2 :
        return quotes[index]
    return None


def _label_word(phrase_text: str) -> bool:
    """One common English word that names no speaker (`Unconfirmed`, `Latest`)."""
    lowered = phrase_text.lower()
    return " " not in lowered and lowered in _common_words() and lowered not in _words()["generic"]


@functools.lru_cache(maxsize=None)
def _common_words() -> frozenset:
    return frozenset(load("common_words.json")["words"])


def _quote_verb(text: str, start: int, end: int, cue: _Cue, preceding: str) -> Optional[_Cue]:
    """`“…?” she asked`, `“Thanks,” responded Kim`: verbs that report speech only right after a
    quotation (`asked to leave`, `continued to fight` report none)."""
    if not _QUOTE_NEAR.search(text, max(start, cue.start - 48), cue.start):
        return None              # (most `continued`, `asked` follow no quotation: a cheap test first)
    if preceding.endswith(_CLOSING_QUOTES):
        after = _phrase_after(text, cue.end, end)
        if after is not None and (after.kind == "pronoun" or _closed_after(text, after.end, end)):
            cue.phrase, cue.rank = after, 0
            return cue
    phrase = _phrase_before(text, start, cue.start)
    if phrase is not None and text[max(start, phrase.start - 4):phrase.start].rstrip().endswith(_CLOSING_QUOTES):
        cue.phrase, cue.rank = phrase, 0
        return cue
    return None


_CLOSING_QUOTES = ("”", '"', "’", "'", ",”", ',"', "?”", '?"', "!”", '!"')
# What follows a request that reports one: `asked voters to elect`, `asked for an inquiry` (not
# `asked about the war`, `asked whether …`, a question that claims nothing).
_REQUEST_TAIL = re.compile(r"[ ]{1,3}(?:for[ ]|(?:[\w’'.\-]{1,30}[ ]{1,3}){1,4}to[ ]{1,3}[a-z])")
# A noun before `by`/`from` and its author: `a study by the institute found`.
_WRITTEN_BY = re.compile(r"([a-z]{2,20})[ ]{1,3}(?:by|from)[ ]")


def _request(text: str, start: int, end: int, cue: _Cue) -> Optional[_Cue]:
    """`Warren asked Obama to fire him`: a request, reported like `urged`; the one asked (`was
    asked to leave`) and a question (`asked whether`) report nothing."""
    if not _REQUEST_TAIL.match(text, cue.end, end) or _negated(text, start, cue.start):
        return None
    before = text[max(start, cue.start - 12):cue.start].split()
    if before and before[-1].lower() in ("was", "were", "is", "are", "been", "being", "be"):
        return None
    cue.phrase = _phrase_before(text, start, cue.start)
    if cue.phrase is None:
        return None
    cue.rank = 1
    return cue


def _author(text: str, low: int, end: int) -> Optional[_Phrase]:
    """Who wrote the document named last before `end`: `a study by the institute`."""
    author = None
    for written_by in _WRITTEN_BY.finditer(text, low, end):
        if written_by.group(1) in _words()["documents"]:
            author = written_by
    return None if author is None else _phrase_after(text, author.end(), end)


def _document_verb(text: str, start: int, end: int, cue: _Cue) -> Optional[_Cue]:
    """`polls show`, `the records showed`, `a study by the institute found`: a document reports
    what it shows or found; a person who `found a body` or `showed restraint` states nothing, nor
    does footage that `showed smoke` (a picture shows a sight, it claims nothing)."""
    documents = _words()["documents"]
    if documents.isdisjoint(word.strip(",.;:()") for word in text[max(start, cue.start - 80):cue.start].lower().split()):
        return None              # (most `found`, `show` follow no document: a cheap test first)
    phrase = _phrase_before(text, start, cue.start)
    head = phrase.text.split()[-1].lower() if phrase is not None else ""
    if head in _words()["pictures"]:
        return None
    if head not in documents:
        phrase = _author(text, max(start, cue.start - WINDOW), cue.start)
        if phrase is None:
            return None
    cue.phrase = phrase
    cue.rank = 2                 # a person who speaks in the sentence is its source, not a
    return cue                   # document (`X urges Y to pay, letter shows`)
# A closing quotation mark (not an apostrophe inside a word) shortly before a cue.
_QUOTE_NEAR = re.compile(r"[”\"]|[’'](?![\w])")


def _participle(text: str, start: int, end: int, match, preceding: str) -> Optional[_Cue]:
    """`…, saying that …` and `issued a statement saying …` (the subject speaks), `Trump is
    saying …` and `with analysts saying …` (the phrase before speaks); `sends warning to` is none."""
    cue = _Cue(match.start, match.end, match.text, "participle",
               deny=match.text.lower() in _words()["deny_verbs"])
    previous = _previous_word(text, start, match.start)
    if preceding.endswith((",", "—", "–")) or previous in _words()["documents"] or previous in (
            "tweet", "tweets", "as"):    # `…, saying`; `a statement saying`; `quoted as saying`
        return cue               # the sentence's subject is found later, if no other cue speaks
    low = match.start
    if previous in ("is", "are", "was", "were", "been"):
        low = text.rfind(previous, max(start, match.start - 24), match.start)
    phrase = _phrase_before(text, start, low)
    if phrase is None or phrase.kind == "pronoun" and previous not in ("is", "are", "was", "were", "been"):
        return None
    cue.kind, cue.phrase, cue.rank = "verb", phrase, 1
    return cue


def _postposed(text: str, start: int, end: int, cue: _Cue) -> bool:
    """`…, officials said.` / `“…,” the ministry said on Friday`: the cue follows its content."""
    if _PHRASE_AFTER_CONTENT.search(text, max(start, cue.phrase.start - 12), cue.phrase.start) is None:
        return False
    return _POSTPOSED_TAIL.match(text, cue.end, end) is not None


def _closed_after(text: str, position: int, end: int) -> bool:
    """A phrase after an inverted cue ends the clause: `…, said Terri Sewell, her …`."""
    return _CLAUSE_END.match(text, position, end) is not None or position >= end \
        or _POSTPOSED_TAIL.match(text, position, end) is not None \
        or text.startswith((" who ", " whose "), position)    # `…, says Zelenskyy after talks.`, `said people who …`


# The comma or closing quote that ends the content before a post-posed speaker phrase.
_PHRASE_AFTER_CONTENT = re.compile(r"[,”\"—–’'][ \t]{0,3}(?:(?:the|a|an|one|two|The)[ \t]{1,3})?$")
_CLAUSE_END = re.compile(r"[ \t]{0,3}(?:[,.;:!?—–()]|$)")


def _sentence_subject(text: str, start: int, end: int) -> Optional[_Phrase]:
    """The phrase that opens a sentence, after an introductory phrase (`On Friday, …`)."""
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()   # `BERLIN — Gazprom said …`, `KYIV (Reuters) - …`
    tokens = _tokens(text, start, min(end, start + 120))
    index = 0
    if tokens and tokens[0][2].lower() in _words()["pronouns"]:
        return _Phrase(tokens[0][0], tokens[0][1], tokens[0][2], "pronoun")
    first = tokens[0][2].lower() if tokens else ""
    if len(tokens) > 2 and first in ("last", "this", "next", "earlier", "later") \
            and tokens[1][2].lower() in _TIME_NOUNS and tokens[2][2] != ",":
        index = 2                # `Last month Ukraine’s army withdrew …` (no comma after the time)
    elif first in _INTRO_WORDS or first in _words()["stop"] or _is_adverb(first) or (
            len(tokens) > 1 and (first.isdigit() or first in _QUANTIFIERS)
            and tokens[1][2].lower() in _TIME_UNITS):      # `Three days after …, the ministry …`
        while index < len(tokens) and tokens[index][2] != "," and index < 16:
            index += 1
        index += 1
    if index >= len(tokens):
        return None
    return _phrase_after(text, tokens[index][0], end)


# --------------------------------------------------------------------------------------------
# Resolution of speakers to canonical names

@dataclass(slots=True)
class _Source:
    canonical: str
    person: Optional[bool]
    plural: bool
    names: set = field(default_factory=set)


class _Resolver:
    """Names speakers: entities' canonical names, full names for surnames, antecedents."""

    # runs of two to four capitalized words; the first character first, for a fast scan
    _RUN = re.compile(r"[A-Z][\w’'\-]{1,30}(?:[ ][A-Z][\w’'\-]{1,30}){1,3}(?![\w’'\-])")

    def __init__(self, text: str, entities: list):
        self.text = text
        self.entities = sorted(entities or [], key=operator.attrgetter("start", "end"))
        self.entity_starts = [entity.start for entity in self.entities]
        # sources by canonical name, the most recent last; lookups beyond an exact name only look
        # at the RECENT last ones, so that a text with thousands of speakers stays linear
        self.sources: "OrderedDict[str, _Source]" = OrderedDict()
        self._full_names = None
        # where the sentence being read starts, where the one before it starts, and whether that
        # one was a statement: a pronoun opening a sentence after a sentence that reports nothing
        # takes the person that sentence is about (`Umerov flew to Washington. He said …`)
        self.sentence_start = 0
        self.previous_start = 0
        self.previous_spoke = True

    @property
    def full_names(self) -> dict:
        """Surname -> the full names the text writes it in; built once, when first needed."""
        if self._full_names is not None:
            return self._full_names
        words = _words()
        text = self.text
        self._full_names = {}
        for entity in self.entities:
            if entity.type == "PERSON":
                self._add_full_name(entity.canonical)
        if self.entities:
            return self._full_names      # the entities extractor has found the people already
        for match in self._RUN.finditer(text):
            if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "’'-_"):
                continue
            names = match.group().split()
            while names and (names[0].lower() in words["titles"] or names[0].lower() in words["demonyms"]
                             or names[0].lower() in words["stop"] or names[0].lower() in words["determiners"]
                             or names[0].lower() in _INTRO_WORDS or _is_possessive(names[0])):
                names = names[1:]
            if len(names) >= 2 and all(name[1:2].islower() for name in names) and not any(
                    name.lower() in words["generic"] or name.lower() in words["places"]
                    or name.lower() in words["titles"] for name in names):
                self._add_full_name(" ".join(names))
        return self._full_names

    def _add_full_name(self, name: str):
        parts = name.split()
        if len(parts) >= 2:
            self._full_names.setdefault(parts[-1], set()).add(name)

    def entity_for(self, phrase: _Phrase):
        """The entity that ends with the phrase (or at its head), PERSON first."""
        index = bisect.bisect_left(self.entity_starts, phrase.start - 120)
        best = None
        while index < len(self.entities) and self.entities[index].start < phrase.end:
            entity = self.entities[index]
            if entity.end > phrase.start and entity.type in ("PERSON", "ORG", "LOC") and entity.start >= phrase.start - 1:
                if abs(entity.end - phrase.end) <= 1:
                    best = entity if best is None or entity.type == "PERSON" or best.type != "PERSON" else best
            index += 1
        return best

    def name(self, phrase: _Phrase, subject: Optional[_Phrase] = None, same_sentence=()) -> _Source:
        """The source a phrase names; remembered for later pronouns and generic speakers."""
        if phrase.kind == "pronoun":
            return self._antecedent(phrase, subject, same_sentence)
        if phrase.kind == "generic":
            # `a Russian milblogger` brings in somebody new; `the milblogger` may be known
            found = None if _indefinite(self.text, phrase) else self._generic(phrase)
            if found is None and phrase.person and _definite_role(self.text, phrase):
                found = self._titled_person(phrase)
            if found is None and _definite_company(self.text, phrase):
                found = self._last_company(phrase)
            if found is not None:
                found.names.add(phrase.text)
                return found
            return self._remember(self._strip_document(phrase.text), phrase.person,
                                  _alias_head(phrase.text) in _words()["plural"], phrase)
        plural = _alias_head(phrase.text) in _words()["plural"]
        entity = self.entity_for(phrase)
        titled = _person_name(phrase)
        if titled and (entity is None or entity.type != "PERSON" or len(entity.canonical) < len(titled)):
            entity = None        # `presidential aide Oleksandr Kamyshin`: the title says a person
        if entity is not None:
            person = entity.type == "PERSON"
            canonical = entity.canonical
            if person:
                canonical = self._full(canonical)
            return self._remember(canonical, person, plural, phrase)
        person_name = titled or (
            " ".join(phrase.text.split()[1:]) if _title_and_name(phrase.text) else None)
        if person_name:
            return self._remember(self._full(person_name), True, False, phrase)
        canonical = self._strip_document(phrase.text)
        if (len(canonical.split()) == 1 or _particle_surname(canonical)) and phrase.person is not False:
            full = self._full(canonical)
            if full != canonical:
                return self._remember(full, True, False, phrase)
        # a name's shape alone (`Red Cross`, `Kira Rudik`) does not tell a person from the rest
        return self._remember(canonical, None if phrase.person else phrase.person, plural, phrase)

    def _titled_person(self, phrase: _Phrase) -> Optional[_Source]:
        """`the regional governor`: the person the text names with that title nearest to the
        phrase, before it (`Governor Oleh Syniehubov visited …`) or after it."""
        head = _alias_head(phrase.text)
        before = bisect.bisect_left(self.entity_starts, phrase.start) - 1
        after = bisect.bisect_left(self.entity_starts, phrase.end)
        best = None
        for indexes in (range(before, -1, -1), range(after, len(self.entities))):
            for position in itertools.islice(indexes, 40):
                entity = self.entities[position]
                distance = abs(entity.start - phrase.start)
                if distance > TITLE_REACH or (best is not None and distance >= best[0]):
                    break
                if entity.type == "PERSON" and _titled(self.text, entity, head) \
                        and not phrase.start - 12 < entity.end <= phrase.start \
                        and _same_nation(phrase, self.text[max(0, entity.start - 60):entity.end + 60]):
                    best = (distance, entity)
                    break
        if best is None:
            return None
        entity = best[1]
        return self._remember(self._full(entity.canonical), True, False,
                              _Phrase(entity.start, entity.end, entity.text, "named", person=True))

    def _last_company(self, phrase: _Phrase) -> Optional[_Source]:
        """`the airline` after `Lufthansa said …`: the source that spoke last, when it has a name
        of its own and is no person, no country and no body of another kind (`the company` is no
        `Defence Ministry`)."""
        if not self.sources:
            return None
        words = _words()
        head = phrase.text.lower()
        last = self._recent(1)[0]
        if last.person is True or not last.canonical[:1].isupper() or last.canonical.lower() in words["places"]:
            return None
        if any(word != head and word in words["generic"] for word in last.canonical.lower().split()):
            return None
        return last

    def _strip_document(self, text: str) -> str:
        words = _words()
        names = text.split()
        keep = len(names)
        if keep > 2 and names[-1].lower() == "agency" and names[-2].lower() == "news":
            keep -= 1                          # `RIA news agency`, not `UN refugee agency`
        while keep > 1 and names[keep - 1].lower() in words["descriptors"]:
            keep -= 1                          # `General Staff statement`, `Izvestia newspaper`
        rest = names[:keep]
        while keep < len(names) and len(rest) > 1 and rest[0] in _VAGUE:
            rest = rest[1:]                    # `new CSIS data` -> CSIS (`New York Times` keeps `New`)
        if keep < len(names) and (_is_possessive(rest[-1]) or any(
                _is_capital(name) and name.lower() not in words["demonyms"]
                and name.lower() not in words["places"] for name in rest)):
            names = rest
            if _is_possessive(names[-1]):     # the ministry's statement -> ministry
                names[-1] = names[-1][:-2]
        while len(names) > 1 and (names[0].lower() in words["determiners"] or names[0] == "of"):
            names = names[1:]                  # other officials, some of the residents
        if len(names) > 1 and _is_possessive(names[0]) and names[0][:-2].lower() in words["places"] \
                and _is_capital(names[-1]) and names[-1].lower() not in words["generic"]:
            names = names[1:]                  # Russia's RIA -> RIA; not Russia's Defense Ministry
        return " ".join(names)

    def _full(self, name: str) -> str:
        """The full name the text writes a surname in (`Zelensky`, `Von der Leyen`), if one."""
        if " " in name and not _particle_surname(name):
            return name
        candidates = self.full_names.get(name.split()[-1])
        if candidates and " " in name:
            candidates = {full for full in candidates if full.lower().endswith(" " + name.lower())}
        if not candidates:
            return name
        if len(candidates) == 1:
            return next(iter(candidates))
        for source in self._recent(RECENT):
            if source.canonical in candidates:
                return source.canonical
        return name

    def _recent(self, count: int) -> list:
        """The `count` most recent sources, newest first."""
        return list(itertools.islice(reversed(self.sources.values()), count))

    def _remember(self, canonical: str, person, plural: bool, phrase: _Phrase) -> _Source:
        found = self.sources.get(canonical)
        if found is None:
            found = self._shortened(canonical)
        if found is not None:
            if found.person is None:
                found.person = person
            found.names.add(phrase.text)
            if phrase.alias:
                found.names.add(phrase.alias)
            self.sources.move_to_end(found.canonical)
            return found
        source = _Source(canonical, person, plural, {phrase.text} | ({phrase.alias} if phrase.alias else set()))
        self.sources[canonical] = source
        return source

    def _shortened(self, canonical: str) -> Optional[_Source]:
        """The recent source that `canonical` names in short: `General Staff` after `General Staff
        of the …`, a surname after a person's full name."""
        recent = itertools.islice(reversed(self.sources.values()), RECENT)
        if " " in canonical:
            prefix = canonical + " "
            return next((source for source in recent if source.canonical.startswith(prefix)), None)
        return next((source for source in recent
                     if source.canonical.split()[-1] == canonical and source.person), None)

    def _generic(self, phrase: _Phrase) -> Optional[_Source]:
        """`the ministry` -> the last source named `… ministry`; `Ukrainian officials` -> the last
        Ukrainian organisation that spoke; bare `officials` -> the organisation that just spoke."""
        words = _words()
        names = phrase.text.split()
        head = names[-1].lower()
        modifiers = [name.lower() for name in names[:-1]]
        if any(modifier in ("other", "another", "some", "many", "several", "unnamed", "anonymous", "one")
               for modifier in modifiers):
            return None
        nations = [modifier for modifier in modifiers
                   if modifier in words["demonyms"] or modifier in words["places"]]
        if nations:
            keys = self._nation_keys(nations[0])
            if phrase.person is True:    # `the Ukrainian leader`: a person introduced as Ukrainian
                for source in self._recent(6):
                    if source.person is True and any(key in _before_preposition(name).lower()
                                                     for name in source.names for key in keys):
                        return source
                return None
            for source in self._recent(6):
                if source.person is True:
                    continue
                canonical = _before_preposition(source.canonical)
                lowered = canonical.lower()
                if any(key in lowered for key in keys) and any(_is_capital(part) for part in canonical.split()[1:] or [""]) \
                        and not source.canonical.lower() in keys and _speaks_for(head, lowered):
                    return source
            return None
        if not any(_is_capital(name) for name in names):
            if head in words["plural"] and self.sources and head in ("officials", "authorities"):
                last = self._recent(1)[0]    # officials speak for an official body that just spoke
                if last.person is not True and any(_is_capital(part) for part in last.canonical.split()) \
                        and any(part.lower() in words["official_bodies"] for part in last.canonical.split()):
                    return last
                return None
            for source in self._recent(6):
                if any(head == _alias_head(name) for name in source.names) \
                        and any(_is_capital(part) for part in source.canonical.split()):
                    return source
        return None

    @staticmethod
    def _nation_keys(nation: str) -> frozenset:
        """The names of the country that `nation` names (`ukrainian` -> ukraine, ukrainian …)."""
        keys = _nation_names().get(nation)
        return keys if keys is not None else frozenset((nation,))

    def _antecedent(self, phrase: _Phrase, subject: Optional[_Phrase], same_sentence: list) -> _Source:
        kind = _words()["pronouns"][phrase.text.lower()]
        for source in reversed(same_sentence):
            if self._fits(source, kind):
                return source
        if kind == "person" and not self.previous_spoke and phrase.start - self.sentence_start <= 1:
            index = bisect.bisect_left(self.entity_starts, self.previous_start)
            while index < len(self.entities) and self.entities[index].start < self.sentence_start:
                entity = self.entities[index]
                if entity.type == "PERSON":
                    # only the first person the sentence names, and only as its subject: at its
                    # start or before a verb (`Umerov flew`; not `Photograph: Jane Doe/…`)
                    if entity.start - self.previous_start <= 2 or _SUBJECT_VERB.match(self.text, entity.end):
                        return self._remember(self._full(entity.canonical), True, False,
                                              _Phrase(entity.start, entity.end, entity.text, "named", person=True))
                    break
                index += 1
        if kind == "thing" and subject is not None and subject.end <= phrase.start and (
                (subject.kind == "named" and subject.person is not True)
                or (subject.kind == "generic" and subject.person is False and subject.text[:1].isupper())):
            return self.name(subject)
        for strict in (True, False):        # a known kind of source first, then an unknown one
            for source in self._recent(8):
                if self._fits(source, kind) and (not strict or source.person is not None or kind == "group"):
                    return source
        if kind == "person":
            index = bisect.bisect_left(self.entity_starts, phrase.start) - 1
            while index >= 0 and phrase.start - self.entities[index].start < 3000:
                if self.entities[index].type == "PERSON":
                    return self._remember(self._full(self.entities[index].canonical), True, False,
                                          _Phrase(0, 0, self.entities[index].text, "named"))
                index -= 1
        return _Source(phrase.text, None, kind == "group", {phrase.text})

    @staticmethod
    def _fits(source: _Source, kind: str) -> bool:
        if kind == "person":
            return source.person is not False and not source.plural
        if kind == "thing":
            return source.person is not True and not source.plural
        return source.plural or source.person is False


# --------------------------------------------------------------------------------------------
# The entry point

def find_statements(text: str, entities: list) -> list:
    """Attributed statements in `text`, in text order; `entities` give canonical speaker names."""
    if not text:
        return []
    quotes = _quote_spans(text)
    quote_starts = [span[0] for span in quotes]
    resolver = _Resolver(text, entities)
    statements = []
    continuing = False           # the last sentence was a quotation by a known speaker
    unattributed = deque(maxlen=8)   # (start, end, paragraph) of sentences since the last statement
    paragraph, previous_end = 0, 0
    matches = _cue_words(text)     # every cue candidate, in one scan
    next_match = 0
    last_statement_end = 0
    sentence_start = 0
    for start, end in _sentences(text, quotes):
        if text.find("\n", previous_end, start) >= 0:
            paragraph += 1
        if text[start].isdigit() or text.startswith("From ", start):
            start = _after_live_stamp(text, start, end, resolver)
        previous_start, sentence_start = sentence_start, start
        previous_end = end
        found = []
        while next_match < len(matches) and matches[next_match].start < start:
            next_match += 1
        first_match = next_match
        while next_match < len(matches) and matches[next_match].end <= end:
            next_match += 1
        if next_match > first_match:
            resolver.previous_spoke = last_statement_end > previous_start or not statements
            resolver.previous_start, resolver.sentence_start = previous_start, start
            for piece_start, piece_end, cues in _pieces(text, start, end, quotes, quote_starts,
                                                        matches[first_match:next_match]):
                statement = _statement(text, piece_start, piece_end, cues, resolver, quotes, quote_starts)
                if statement is not None:
                    found.append(statement)
        if not found:
            post = _embedded_post(text, start, end, unattributed, paragraph, resolver)
            if post is None and text.find(":", start, min(end, start + 80)) >= 0:
                post = _colon_headline(text, start, end, resolver, quotes, quote_starts)
            if post is not None:
                found.append(post)
            elif continuing and statements and text[start] in "“\"‘'":
                found.append(_continuation(text, start, end, statements[-1]))
        if found:
            statements.extend(found)
            last_statement_end = found[-1].end
            continuing = found[-1].quote
            unattributed.clear()
        else:
            continuing = False
            unattributed.append((start, end, paragraph))
    return statements


# The time stamp over an entry of a live blog: `23 Jul 2022 17.23 `, `From 23 Jul 2022 22.17 `.
_LIVE_STAMP = re.compile(r"(?:From[ ])?\d{1,2}[ ][A-Z][a-z]{2,8}[ ]\d{4}[ ]\d{1,2}[.:]\d{2}[ ]")


def _after_live_stamp(text: str, start: int, end: int, resolver) -> int:
    """Where the words of a sentence start, after the time stamp of a live-blog entry and its
    writer's byline (`23 Jul 2022 17.23 Ruth Michaelson Turkey’s defence minister, …, has said`):
    a person's name of two words or more that the entities extractor found, a capital after it."""
    stamp = _LIVE_STAMP.match(text, start, end)
    if stamp is None:
        return start
    position = stamp.end()
    index = bisect.bisect_left(resolver.entity_starts, position)
    if index < len(resolver.entities):
        byline = resolver.entities[index]
        if byline.start == position and byline.type == "PERSON" and " " in byline.text \
                and text.startswith(" ", byline.end) and text[byline.end + 1:byline.end + 2].isupper():
            return byline.end + 1
    return position


# The start of a headline or line that gives its speaker before a colon: `Zelensky: Russia must
# pay`, `## Kremlin: no talks before spring`, `* Peskov: …` (markdown marks first).
_HEADLINE_MARKS = re.compile(r"[#*>\-–—•\s]{0,6}")


def _colon_headline(text, start, end, resolver, quotes, quote_starts) -> Optional[Statement]:
    """`Zelensky: We will not give up our land`: a person or organisation the entities extractor
    found opens the sentence, a colon follows and at least three words after it."""
    if not resolver.entities:
        return None
    position = _HEADLINE_MARKS.match(text, start, end).end()
    index = bisect.bisect_left(resolver.entity_starts, position)
    if index >= len(resolver.entities) or resolver.entities[index].start != position:
        return None
    entity = resolver.entities[index]
    content = text[entity.end + 2:end].split()
    if entity.type not in ("PERSON", "ORG") or not text.startswith(": ", entity.end) \
            or len(content) < 3 or content[0].lower() in _words()["pronouns"]:
        return None              # (`Sunak: He kicked off his campaign`: a label over a story about him)
    phrase = _Phrase(entity.start, entity.end, entity.text, "named", person=entity.type == "PERSON")
    source = resolver.name(phrase)
    return Statement(text=text[start:end], start=start, end=end, speaker=source.canonical,
                     speaker_text=entity.text, cue=":", stance="assert",
                     quote=_has_quote(text, start, end, quotes, quote_starts))


def _continuation(text, start, end, previous: Statement) -> Statement:
    """A paragraph that only quotes, after a quoted statement: the same speaker goes on."""
    return Statement(text=text[start:end], start=start, end=end, speaker=previous.speaker,
                     speaker_text=previous.speaker_text, cue=None, stance=previous.stance, quote=True)


# `— Marta Koval (@martakoval) March 9, 2024`: the signature under an embedded post.
_POST_SIGNATURE = re.compile(r"""
    [—–][ \t]{0,3}
    (?P<name>[A-Z][\w’'.\-]{0,30}(?:[ ][A-Z][\w’'.\-]{0,30}){0,4})   # the author, as shown
    [ \t]{0,3}\((?P<handle>@\w{1,30})\)                               # (@handle)
    [ \t]{0,3}[A-Z][a-z]{2,8}\.?[ ]\d{1,2},[ ]\d{4}                   # March 9, 2024
    """, re.VERBOSE)


def _embedded_post(text, start, end, unattributed, paragraph, resolver) -> Optional[Statement]:
    """A social-media post quoted in the text, its author named in the signature line under it.

    The post takes the unattributed sentences of its own paragraph and of up to two short
    paragraphs before it."""
    if text.find("(@", start, end) < 0:
        return None
    signature = _POST_SIGNATURE.search(text, start, end)
    if signature is None:
        return None
    first = start
    for sentence_start, sentence_end, sentence_paragraph in reversed(unattributed):
        if paragraph - sentence_paragraph > 2 or sentence_end - sentence_start > 400:
            break
        first = sentence_start
    phrase = _Phrase(signature.start("name"), signature.end("name"), signature.group("name"), "named",
                     alias=signature.group("handle"), person=True)
    source = resolver.name(phrase)
    return Statement(text=text[first:signature.end()], start=first, end=signature.end(),
                     speaker=source.canonical, speaker_text=phrase.text, cue=None, stance="assert",
                     quote=False)


# The end of a clause before a second speaker's (`…, while officials said`, `… and the governor
# said`: the speaker phrase starts after its article).
_CLAUSE_OPENER = re.compile(r"""
    (?:(?:[,;]|\s[–—])\s{0,3}(?:while|whereas|but|and)?|\s(?:while|whereas|but|and))\s{0,3}
    (?:(?:the|a|an)\s{1,3})?
    $""", re.VERBOSE)


def _pieces(text, start, end, quotes, quote_starts, cue_words):
    """One sentence, or one piece for each speaker that comes in with its own clause (`…, while
    officials said …, and police said …`)."""
    cues = _cues(text, start, end, quotes, quote_starts, cue_words)
    spoken = [cue for cue in cues if cue.phrase is not None and cue.phrase.kind != "pronoun" and cue.rank == 1]
    pieces = []
    piece_start = start
    for first, second in zip(spoken, spoken[1:]):
        if first.phrase.text == second.phrase.text:
            continue
        opener = _CLAUSE_OPENER.search(text[max(piece_start, second.phrase.start - 16):second.phrase.start])
        if opener is None or second.phrase.start - 16 < first.end:
            continue
        cut = max(piece_start, second.phrase.start - 16) + opener.start()
        if _quote_open(text, piece_start, cut):
            continue             # `X said: “…, the Russians told us …”`: X quotes them
        head_end = cut
        while head_end > piece_start and text[head_end - 1] in " ,;–—":
            head_end -= 1
        pieces.append((piece_start, head_end,
                       [cue for cue in cues if cue.start >= piece_start and cue.end <= head_end]))
        piece_start = cut
        while piece_start < end and text[piece_start] in " ,;–—":
            piece_start += 1
    if not pieces:
        return [(start, end, cues)]          # (most sentences: one piece)
    pieces.append((piece_start, end, [cue for cue in cues if cue.start >= piece_start]))
    return pieces


def _quote_open(text: str, start: int, position: int) -> bool:
    """A quotation opened between `start` and `position` is still open there (the pairs of
    quotation marks are not known for a quotation that runs on past its sentence)."""
    return text.count("“", start, position) > text.count("”", start, position) \
        or text.count('"', start, position) % 2 == 1


def _statement(text, start, end, cues, resolver, quotes, quote_starts) -> Optional[Statement]:
    with_speaker = [cue for cue in cues if cue.phrase is not None]
    subject = None
    if not with_speaker:
        participles = [cue for cue in cues if cue.kind in ("ellipsis", "participle")]
        if not participles:
            return None
        subject = _sentence_subject(text, start, end)
        if subject is None:
            return None
        participles[0].phrase = subject
        with_speaker = participles[:1]
    primary = with_speaker[0]
    same_sentence = []
    if len(with_speaker) > 1:        # (most sentences have one cue)
        primary = min(with_speaker, key=lambda cue: (cue.rank, cue.start))
        for cue in sorted(with_speaker, key=lambda cue: cue.start):
            if cue is primary:
                break
            if cue.phrase.kind == "named":
                same_sentence.append(resolver.name(cue.phrase))
    if primary.rank == 0:
        subject = None           # `…, it said.`: the pronoun looks back past this sentence
    elif primary.phrase.kind == "pronoun" and primary.phrase.text.lower() == "it" and subject is None:
        subject = _sentence_subject(text, start, end)     # `Izvestia showed what it said was …`
    source = resolver.name(primary.phrase, subject, same_sentence)
    deny = primary.deny or any(cue.deny and cue.phrase is not None and cue.phrase.text == primary.phrase.text
                               for cue in cues)
    deny = deny or _has_deny_phrase(_patterns()[1], text[start:end].lower())
    return Statement(
        text=text[start:end], start=start, end=end,
        speaker=source.canonical, speaker_text=_as_written(text, primary.phrase),
        cue=primary.text, stance="deny" if deny else "assert",
        quote=_has_quote(text, start, end, quotes, quote_starts),
    )


def _as_written(text: str, phrase: _Phrase) -> str:
    """The speaker phrase as the text writes it (`Gov. Mike Pence`), on one line."""
    if phrase.end <= phrase.start or phrase.end - phrase.start > 4 * len(phrase.text) + 8:
        return phrase.text
    return " ".join(text[phrase.start:phrase.end].split()).strip("_*")


# A lowercase word right after a name: the name is a subject with its verb (`Umerov flew`), not
# a caption or a byline (`Photograph: Jane Doe/Reuters`).
_SUBJECT_VERB = re.compile(r"[ ]{1,2}[a-z]")


def _indefinite(text: str, phrase: _Phrase) -> bool:
    """The phrase follows `a` or `an`."""
    return _INDEFINITE.search(text, max(0, phrase.start - 5), phrase.start) is not None


_INDEFINITE = re.compile(r"(?<![\w’'\-])[Aa]n?[ \t\n]{1,2}$")


def _definite_role(text: str, phrase: _Phrase) -> bool:
    """`the regional governor`, not `a governor`, `one official` or `the governor of Luhansk`
    (which names its own place): a role that one person holds."""
    if _alias_head(phrase.text) != phrase.text.split()[-1].lower() or phrase.text[:1].isupper() \
            or phrase.text.split()[-1].lower() not in _words()["roles"]:
        return False
    before = text[max(0, phrase.start - 12):phrase.start].split()
    return not before or before[-1].lower() in ("the", "its", "their", "his", "her")


def _definite_company(text: str, phrase: _Phrase) -> bool:
    """`the airline`, `the company`: one word for a business or a medium, after `the`."""
    if phrase.text not in _words()["companies"]:
        return False
    before = text[max(0, phrase.start - 12):phrase.start].split()
    return bool(before) and before[-1].lower() == "the"


_TITLE_WORD = re.compile(r"[\w’'\-]+")


def _titled(text: str, entity, head: str) -> bool:
    """The person's name comes with the title: `Governor Oleh Syniehubov`, `the governor, Oleh
    Syniehubov`, `Oleh Syniehubov, the regional governor,`."""
    before = text[max(0, entity.start - 40):entity.start].lower()
    after = text[entity.end:entity.end + 60].lower()
    words_before = _TITLE_WORD.findall(before)
    if words_before and words_before[-1] == head:
        # `Governor Oleh Syniehubov`, `the governor, Oleh Syniehubov`; not `an adviser to the president, X`
        return not any(word in ("to", "of", "for") for word in words_before[-4:])
    if after.startswith(", ") and "," in after[2:]:
        description = _TITLE_WORD.findall(after[2:].split(",")[0])
        return len(description) <= 6 and _alias_head(" ".join(description)) == head and not any(
            word in _words()["verbs"] for word in description)     # `Oleh Syniehubov, the governor,`
    return False


def _speaks_for(head: str, organisation: str) -> bool:
    """`Ukrainian officials` may speak for the last Ukrainian body, `the Swiss embassy` for a
    Swiss body of state but not for the Swiss National Bank, `Russian prosecutors` for a
    prosecutor's office but not for the defence ministry."""
    if head in ("officials", "authorities") or head in _words()["documents"]:
        return True              # (`Ukrainian military data`: the data of a Ukrainian body)
    parts = organisation.replace("’s", "").replace("'s", "").split()
    if head in parts or head.rstrip("s") in parts:
        return True
    words = _words()
    return head in words["official_bodies"] and head not in words["plural"] \
        and any(part in words["official_bodies"] for part in parts)


def _same_nation(phrase: _Phrase, context: str) -> bool:
    """`the former Russian president` takes a name that the text calls Russian, if any nation."""
    words = _words()
    nations = [word.lower() for word in phrase.text.split()[:-1] if word.lower() in words["demonyms"]]
    if not nations:
        return True
    lowered = context.lower()
    return any(key in lowered for key in _Resolver._nation_keys(nations[0]))


@functools.lru_cache(maxsize=4096)
def _alias_head(name: str) -> str:
    """The head noun of a name or apposition: `the governor of the Luhansk region` -> governor."""
    words = []
    for word in name.split():
        if word.lower() in _ALIAS_ENDS:
            break
        words.append(word)
    return words[-1].lower() if words else ""


def _before_preposition(name: str) -> str:
    """`Russian official in Ukraine` -> `Russian official`: the words that qualify a lowercase
    head; a preposition inside a name stays (`General Staff of the Ukrainian Armed Forces`)."""
    words = name.split()
    for index, word in enumerate(words[1:], 1):
        if word.lower() in _ALIAS_ENDS and words[index - 1].islower():
            return " ".join(words[:index])
    return name


_ALIAS_ENDS = frozenset("who which that whose of for in with at from on to by".split())


def _has_deny_phrase(pattern, lowered: str) -> bool:
    """A denial phrase that starts a word. A match inside a word (`is fake` in `this fake news`)
    is rejected and the search goes on from the next character, not after the match, so that an
    overlapping phrase (`fake news`) is still found."""
    position = 0
    while True:
        match = pattern.search(lowered, position)
        if match is None:
            return False
        start = match.start()
        if start == 0 or not (lowered[start - 1].isalnum() or lowered[start - 1] in "’'-"):
            return True
        position = start + 1


def _has_quote(text, start, end, quotes, quote_starts) -> bool:
    index = bisect.bisect_left(quote_starts, start)
    while index < len(quotes) and quotes[index][0] < end:
        quote_start, quote_end = quotes[index]
        if len(text[quote_start:quote_end].split()) >= MIN_QUOTE_WORDS:
            return True
        index += 1
    return False
