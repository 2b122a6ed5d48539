"""JSON (one array of document records) and JSON Lines (one record per line, as it finishes)."""
from __future__ import annotations

import json


def dumps(record: dict) -> str:
    # allow_nan=False: a NaN would make the output unreadable to strict JSON parsers.
    return json.dumps(record, ensure_ascii=False, allow_nan=False)


class JsonLinesRenderer:
    def __init__(self, stream):
        self.stream = stream

    def write(self, record: dict) -> None:
        self.stream.write(dumps(record) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonArrayRenderer:
    def __init__(self, stream):
        self.stream = stream
        self.count = 0

    def write(self, record: dict) -> None:
        self.stream.write(("[\n" if self.count == 0 else ",\n") + dumps(record))
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()
