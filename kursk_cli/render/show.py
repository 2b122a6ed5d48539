"""`kursk show`: the document itself with every finding marked, for checking the tool's reading.

On a terminal: colours per kind, a legend, the normalized value beside each figure and date, and
each statement underlined and followed by its speaker. Piped: plain text with inline markers
(`[76,000|figure 76000 casualties]`), which diff and grep can read.
"""
from __future__ import annotations

from rich.text import Text

from .terminal import make_console, safe_text

STYLES = {
    "figure": "bold cyan",
    "date": "bold magenta",
    "PERSON": "bold green",
    "ORG": "bold blue",
    "LOC": "bold yellow",
    "NORP": "yellow",
    "statement": "underline",
}
LEGEND = [("figure", "figure"), ("date", "date"), ("PERSON", "person"), ("ORG", "organisation"),
          ("LOC", "place"), ("NORP", "nationality"), ("statement", "statement (speaker after it)")]


def render_show(record: dict, text: str, stream, color: str = "auto", pager=None) -> None:
    console = make_console(stream, color)
    marks = _marks(record)
    if not console.is_terminal and color != "always":
        stream.write(plain_markup(text, marks, record.get("statements", [])))
        stream.flush()
        return
    body = _rich_text(text, marks, record.get("statements", []))
    header = _header(record)
    use_pager = pager if pager is not None else (console.is_terminal and
                                                  text.count("\n") + 12 > console.size.height)
    if use_pager:
        with console.pager(styles=True):
            console.print(header)
            console.print(body)
    else:
        console.print(header)
        console.print(body)


def _header(record: dict) -> Text:
    header = Text(safe_text(str(record["id"])), style="bold")
    header.append(f"   reference date {record.get('reference_date') or 'none'}\n", style="dim")
    for key, label in LEGEND:
        header.append(f" {label} ", style=STYLES[key] + (" reverse" if key != "statement" else ""))
        header.append(" ")
    header.append("\n")
    return header


def _marks(record: dict) -> list:
    """(start, end, style key, note) for figures, dates and entities, without overlaps."""
    candidates = []
    for figure in record.get("figures", []):
        candidates.append((figure["start"], figure["end"], "figure", _figure_note(figure)))
    for date in record.get("dates", []):
        candidates.append((date["start"], date["end"], "date", f"date {date.get('value') or '?'}"))
    for entity in record.get("entities", []):
        note = entity["type"] + ("" if entity.get("canonical") in (None, entity["text"])
                                 else f" = {entity['canonical']}")
        candidates.append((entity["start"], entity["end"], entity["type"], note))
    chosen, taken = [], []
    for mark in candidates:   # figures first, then dates, then entities: earlier kinds win overlaps
        if all(mark[1] <= start or mark[0] >= end for start, end in taken):
            chosen.append(mark)
            taken.append((mark[0], mark[1]))
    return sorted(chosen)


def _figure_note(figure: dict) -> str:
    low, high = figure.get("low"), figure.get("high")
    value = "?" if low is None else (f"{low}" if low == high else f"{low}-{high}")
    qualifier = {"min": ">=", "max": "<="}.get(figure.get("bound"), "")
    qualifier += "~" if figure.get("approximate") else ""
    return f"figure {qualifier}{value} {figure.get('category') or ''}".rstrip()


def _statement_note(statement: dict) -> str:
    speaker = statement.get("speaker") or statement.get("speaker_text") or "?"
    return f"{speaker}: {statement.get('cue') or ''}, {statement.get('stance') or 'assert'}"


def plain_markup(text: str, marks: list, statements: list) -> str:
    """The text with `[surface|note]` around each mark and `{…}<<speaker: cue, stance>>` statements."""
    # At one offset: close marks, then statements; open statements, then marks (proper nesting).
    events = {}
    for start, end, _key, note in marks:
        events.setdefault(start, []).append((3, "["))
        events.setdefault(end, []).append((0, f"|{note}]"))
    for statement in statements:
        events.setdefault(statement["start"], []).append((2, "{"))
        events.setdefault(statement["end"], []).append((1, "}<<" + _statement_note(statement) + ">>"))
    pieces, position = [], 0
    for offset in sorted(events):
        pieces.append(safe_text(text[position:offset]))
        for _order, marker in sorted(events[offset], key=lambda event: event[0]):
            pieces.append(safe_text(marker))
        position = offset
    pieces.append(safe_text(text[position:]))
    result = "".join(pieces)
    return result if result.endswith("\n") else result + "\n"


def _rich_text(text: str, marks: list, statements: list) -> Text:
    """The document as rich Text; notes are inserted after spans, so styles are set piecewise."""
    boundaries = {0, len(text)}
    for start, end, _key, _note in marks:
        boundaries.update((start, end))
    for statement in statements:
        boundaries.update((statement["start"], statement["end"]))
    mark_at = {start: (end, key, note) for start, end, key, note in marks}
    notes_at = {}
    for start, end, key, note in marks:
        if key in ("figure", "date"):
            notes_at.setdefault(end, []).append(note.split(" ", 1)[1])
    for statement in statements:
        notes_at.setdefault(statement["end"], []).append("⟵ " + _statement_note(statement))
    result = Text()
    ordered = sorted(boundaries)
    open_mark = None
    for index, position in enumerate(ordered[:-1]):
        for note in notes_at.get(position, []):
            result.append(f"⟨{safe_text(note)}⟩", style="dim italic")
        if position in mark_at:
            open_mark = (mark_at[position][0], STYLES[mark_at[position][1]])
        if open_mark and position >= open_mark[0]:
            open_mark = None
        style = [open_mark[1]] if open_mark else []
        if any(s["start"] <= position < s["end"] for s in statements):
            style.append(STYLES["statement"])
        result.append(safe_text(text[position:ordered[index + 1]]), style=" ".join(style) or None)
    for note in notes_at.get(len(text), []):
        result.append(f"⟨{safe_text(note)}⟩", style="dim italic")
    return result
