"""Word lists as regular expressions shaped as prefix trees: `t(?:en|h(?:irty|ree)|wo)`.

Python's engine tries the branches of an alternation one by one; sharing prefixes makes a failed
attempt at a position cost one character test instead of one per word. The branches at a node
start with different characters, so their order cannot change a match: the letters English text
has most come first, which makes failures cheaper still. An optional tail is greedy, so the
longest word wins. The pattern is safe inside verbose patterns (spaces and `#` are escaped).
"""
from __future__ import annotations

import functools

# Characters with a meaning in a (verbose) pattern, escaped; a space is the caller's `gap`.
_ESCAPES = {code: "\\" + chr(code) for code in b"()[]{}?*+-|^$\\.&~#\t\n\r\v\f"}

# Letters by how often English text has them.
_LETTER_ORDER = {letter: rank for rank, letter in enumerate("etaoinshrdlcumwfgypbvkjxqz")}


def trie(words, gap: str = r"\ ") -> str:
    """A pattern matching exactly `words`; a space in a word matches `gap` (default: one space)."""
    escapes = {**_ESCAPES, ord(" "): gap}

    def emit(rests) -> str:
        """The alternation of `rests`, what follows a shared prefix ("" for a word ending there)."""
        if not rests:
            return ""
        if len(rests) == 1:                             # one word's tail: a plain string
            rest, = rests
            return rest.translate(escapes)
        branches = {}                                   # first character -> what follows it
        for rest in rests:
            if rest:
                branches.setdefault(rest[0], set()).add(rest[1:])
        ends_here = "" in rests
        pieces = [character.translate(escapes) + emit(branches[character])
                  for character in sorted(branches, key=_frequent_first)]
        if len(pieces) == 1 and not ends_here:          # a run of single children needs no group
            return pieces[0]
        return "(?:" + "|".join(pieces) + ")" + ("?" if ends_here else "")

    return emit(set(words))


@functools.lru_cache(maxsize=None)     # a few dozen characters, asked for at every node of every tree
def _frequent_first(character):
    """Sort key: lower-case letters by how often English has them, then capitals, then the rest."""
    rank = _LETTER_ORDER.get(character.lower())
    if rank is None:
        return (2, 0, character)
    return (int(character.isupper()), rank, character)
