"""Rich tables for people: per document a header line, then one table per kind."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text

from .terminal import make_console, safe_text

COLUMNS = {
    "figures": [("text", "figure"), ("value", "value"), ("qualifier", "qualifier"), ("unit", "unit"),
                ("category", "category"), ("actor", "actor"), ("claimant", "claimant")],
    "dates": [("text", "date"), ("kind", "kind"), ("value", "value")],
    "entities": [("text", "entity"), ("type", "type"), ("canonical", "canonical")],
    "statements": [("speaker", "speaker"), ("cue", "cue"), ("stance", "stance"),
                   ("quote", "quote"), ("figures", "figures"), ("text", "statement")],
}
STYLES = {"figures": "cyan", "dates": "magenta", "entities": "green", "statements": "yellow"}


class TableRenderer:
    def __init__(self, stream, color: str = "auto", **_options):
        self.console = make_console(stream, color)

    def write(self, record: dict) -> None:
        header = Text(safe_text(str(record["id"])), style="bold")
        header.append(f"  reference date {record.get('reference_date') or 'none'}"
                      + (f" ({record['reference_date_source']})" if record.get("reference_date_source") else ""),
                      style="dim")
        self.console.print(header)
        for kind in COLUMNS:
            if kind not in record:
                continue
            self.console.print(self._table(kind, record[kind]))

    def _table(self, kind: str, items: list) -> Table:
        table = Table(title=f"{kind} ({len(items)})", title_justify="left",
                      title_style=f"bold {STYLES[kind]}", expand=False, show_lines=kind == "statements")
        for _field, heading in COLUMNS[kind]:
            table.add_column(heading, overflow="fold", max_width=60 if heading == "statement" else None)
        for item in items:
            table.add_row(*(Text(safe_text(_cell(kind, field, item))) for field, _ in COLUMNS[kind]))
        return table

    def close(self) -> None:
        self.console.file.flush()


def _cell(kind: str, field: str, item: dict) -> str:
    if kind == "figures" and field == "value":
        low, high = item.get("low"), item.get("high")
        return "" if low is None else (f"{low:,}" if low == high else f"{low:,}–{high:,}")
    if kind == "figures" and field == "qualifier":
        parts = ["approx." if item.get("approximate") else "", {"min": "at least", "max": "at most"}
                 .get(item.get("bound"), "")]
        return " ".join(part for part in parts if part)
    value = item.get(field)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list):
        return ", ".join(str(part) for part in value)
    return str(value)
