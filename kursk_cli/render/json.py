"""JSON (one array of document records) and JSON Lines (one record per line, as it finishes)."""
from __future__ import annotations

import json


def dumps(record) -> str:
    # allow_nan=False: a NaN would make the output unreadable to strict JSON parsers.
    return json.dumps(record, ensure_ascii=False, allow_nan=False)


def write_record(stream, record: dict) -> None:
    """Write `record` as json.dumps would, streaming item lists that are not in memory.

    A huge text's findings arrive as iterables read from disk (io.SpooledItems); they are
    written item by item, byte-identical to what json.dumps gives for the same lists.
    """
    streamed = [key for key, value in record.items() if not isinstance(value, PLAIN)]
    if not streamed:
        stream.write(dumps(record))
        return
    stream.write("{")
    for index, (key, value) in enumerate(record.items()):
        stream.write((", " if index else "") + dumps(key) + ": ")
        if key in streamed:
            # Spooled items come back as the JSON text they were stored as: copied, not re-encoded.
            texts = value.json_texts() if hasattr(value, "json_texts") else map(dumps, value)
            stream.write("[")
            for position, text in enumerate(texts):
                stream.write((", " if position else "") + text)
            stream.write("]")
        else:
            stream.write(dumps(value))
    stream.write("}")


PLAIN = (dict, list, tuple, str, int, float, bool, type(None))


class JsonLinesRenderer:
    def __init__(self, stream):
        self.stream = stream

    def write(self, record: dict) -> None:
        write_record(self.stream, record)
        self.stream.write("\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonArrayRenderer:
    def __init__(self, stream):
        self.stream = stream
        self.count = 0

    def write(self, record: dict) -> None:
        self.stream.write("[\n" if self.count == 0 else ",\n")
        write_record(self.stream, record)
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()
