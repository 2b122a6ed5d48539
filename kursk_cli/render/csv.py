"""CSV and TSV: one row per extracted item, a `kind` column and the union of the item fields.

Fields that do not apply to an item's kind are empty. RFC 4180 quoting (the csv module's
default) keeps commas, quotes and newlines inside fields. `--excel-safe` prefixes a quote to
cells a spreadsheet would run as a formula.
"""
from __future__ import annotations

import csv
import regex

DOCUMENT_COLUMNS = ["id", "source", "reference_date"]
ITEM_COLUMNS = [
    "kind", "text", "start", "end",
    "value", "low", "high", "approximate", "bound", "unit", "category", "actor", "claimant",
    "civilian", "date_kind", "type", "canonical", "speaker", "speaker_text", "cue", "stance",
    "quote", "figures",
]
SINGULAR = {"figures": "figure", "dates": "date", "entities": "entity", "statements": "statement"}
# A cell starting with these is a formula in Excel, LibreOffice and Google Sheets.
FORMULA_START = regex.compile(r"^[=+@\t\r]|^-(?!\d+(?:\.\d+)?$)")


class CsvRenderer:
    def __init__(self, stream, delimiter: str = ",", excel_safe: bool = False):
        self.stream = stream
        self.excel_safe = excel_safe
        self.writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n"
                                 if delimiter == "," else "\n")
        self.writer.writerow(DOCUMENT_COLUMNS + ITEM_COLUMNS)

    def write(self, record: dict) -> None:
        document = [record.get(column) for column in DOCUMENT_COLUMNS]
        for kind, singular in SINGULAR.items():
            for item in record.get(kind, ()):
                row = dict(item, kind=singular)
                if kind == "dates":
                    row["date_kind"] = item.get("kind")
                self.writer.writerow([self._cell(value) for value in
                                      document + [row.get(column) for column in ITEM_COLUMNS]])
        self.stream.flush()

    def _cell(self, value) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            value = ";".join(str(part) for part in value)
        text = str(value)
        if self.excel_safe and FORMULA_START.search(text):
            return "'" + text
        return text

    def close(self) -> None:
        self.stream.flush()
