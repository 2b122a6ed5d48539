"""What every terminal rendering shares: a rich Console set up from --color, and text made safe.

Text from the open web is hostile: an escape sequence in an article could set the clipboard
(OSC 52) or clear the screen, and bidirectional overrides can make text read differently from
what it is. Before any document text reaches a terminal, control characters are removed and
bidirectional controls are shown escaped. Markup-looking text is never interpreted because it is
always handed to rich as `Text`, never as a markup string.
"""
from __future__ import annotations

import os

import re

# C0 controls except tab and newline, DEL, C1 controls (which include the 8-bit CSI and OSC).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates, and the marks that steer them.
BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    """`text` without terminal control sequences, with bidi controls made visible as `\\u202e`."""
    text = CONTROL.sub("", text)
    return BIDI.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def make_console(stream, color: str = "auto", width=None):
    """A rich Console on `stream`; colour when asked, or when auto and the stream is a terminal."""
    from rich.console import Console

    is_terminal = isatty(stream)
    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    if color == "always":
        use_color = True
    elif color == "never":
        use_color = False
    else:
        use_color = is_terminal and not no_color
    return Console(file=stream, force_terminal=use_color, no_color=not use_color,
                   color_system="auto" if use_color else None, highlight=False, markup=False,
                   emoji=False, width=width or (None if is_terminal else 120),
                   soft_wrap=False)


def isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
