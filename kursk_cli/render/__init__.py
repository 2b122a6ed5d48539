"""Output formats: one table of renderers, each a class with write(record) and close().

A renderer receives document records (`Document.to_dict()`) one at a time, in input order, and
writes them to a text stream; JSON Lines and CSV flush each document as it comes.
"""
from __future__ import annotations

FORMATS = ("table", "json", "jsonl", "csv", "tsv")


def renderer_for(name: str, stream, **options):
    """The renderer for `--format name`, writing to `stream`; rich is imported only for tables."""
    if name == "table":
        from .table import TableRenderer
        return TableRenderer(stream, **options)
    if name in ("json", "jsonl"):
        from .json import JsonArrayRenderer, JsonLinesRenderer
        return (JsonArrayRenderer if name == "json" else JsonLinesRenderer)(stream)
    if name in ("csv", "tsv"):
        from .csv import CsvRenderer
        return CsvRenderer(stream, delimiter="\t" if name == "tsv" else ",",
                           excel_safe=options.get("excel_safe", False))
    raise ValueError(f"unknown format {name!r}")
