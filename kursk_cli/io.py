"""Inputs to documents: paths, directories, `-` and stdin, JSON Lines and CSV corpora; encodings.

Everything here streams: a corpus is read one record at a time, so memory stays flat whatever
the file size. Problems never stop the batch: a reader yields an `InputError` in place of the
document it could not read, and the caller reports it and goes on.
"""
from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from .errors import InputError

CORPUS_EXTENSIONS = (".txt", ".md", ".jsonl", ".ndjson", ".csv", ".tsv")
FORMAT_BY_EXTENSION = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}
INPUT_FORMATS = ("text", "jsonl", "csv", "tsv")
BINARY_SNIFF_BYTES = 8192
# A text file larger than this is parsed in chunks of about CHUNK_CHARACTERS, cut at paragraphs.
LONG_TEXT_BYTES = 8 * 2 ** 20
CHUNK_CHARACTERS = 2 ** 20
READ_BLOCK_BYTES = 2 ** 20

# Byte order marks, longest first: UTF-32 LE starts with the UTF-16 LE mark.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class RawDocument:
    """One document to parse: its id, where it came from, its text and its date field if any."""
    id: object
    source: str
    text: str
    date: Optional[str] = None
    chunks: Optional[Iterator] = None       # (offset, text) pieces of a huge text, instead of text


@dataclass(frozen=True)
class ReadOptions:
    input_format: Optional[str] = None      # None: by extension
    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    encoding: Optional[str] = None          # None: UTF-8, or what a byte order mark says
    encoding_errors: str = "strict"         # or "replace"
    follow_symlinks: bool = False


Item = Union[RawDocument, InputError]
# "\\ud800" in JSON decodes to half a surrogate pair: no encoder can write it out again.
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


class SpooledItems:
    """A list of JSON-ready items kept in a temporary file: append, count, iterate in order."""

    def __init__(self):
        import tempfile
        self.file = tempfile.TemporaryFile()
        self.count = 0

    def extend(self, items) -> None:
        for item in items:
            # Stored as render.json writes an item, so that the JSON renderers copy it unchanged.
            self.file.write(json.dumps(item, ensure_ascii=False, allow_nan=False).encode("utf-8") + b"\n")
            self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        for text in self.json_texts():
            yield json.loads(text)

    def json_texts(self):
        """Each item as the JSON text it was stored as, in order."""
        self.file.flush()
        self.file.seek(0)
        for line in self.file:
            yield line[:-1].decode("utf-8")
        self.file.seek(0, os.SEEK_END)


# --- paths -------------------------------------------------------------------------------------

def expand_paths(paths: Iterable[str], follow_symlinks: bool = False) -> Iterator[Union[str, InputError]]:
    """Files as given, directories walked recursively for corpus files in sorted order."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        yield from _walk(path, follow_symlinks, visited=set())


def _walk(directory: str, follow_symlinks: bool, visited: set) -> Iterator[Union[str, InputError]]:
    # A directory is walked once: with links followed, a link to a parent would loop for ever.
    try:
        identity = os.stat(directory)
        if (identity.st_dev, identity.st_ino) in visited:
            return
        visited.add((identity.st_dev, identity.st_ino))
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield InputError(directory, _os_message(error))
        return
    for entry in entries:
        try:
            if entry.is_symlink() and not follow_symlinks:
                continue
            if entry.is_symlink() and not os.path.exists(entry.path):
                yield InputError(entry.path, "broken symbolic link")
                continue
            if entry.is_dir(follow_symlinks=follow_symlinks):
                yield from _walk(entry.path, follow_symlinks, visited)
            elif entry.is_file(follow_symlinks=follow_symlinks):   # FIFOs, sockets, devices skipped
                if entry.name.lower().endswith(CORPUS_EXTENSIONS):
                    yield entry.path
        except OSError as error:
            yield InputError(entry.path, _os_message(error))


def read_paths_file(stream, null_separated: bool) -> Iterator[str]:
    """Paths from `--files-from`: one a line, or NUL-separated with `-0`; streamed."""
    for name in split_stream(stream, b"\0" if null_separated else b"\n"):
        name = name if null_separated else name.rstrip(b"\r")
        if name:
            yield os.fsdecode(name)


def split_stream(stream, separator, block_size: int = 65536):
    """Pieces of a binary or text stream between separators, read block by block.

    Only the new block is searched each time, so a huge piece without a separator costs linear
    time, not quadratic.
    """
    parts = []
    while True:
        block = stream.read(block_size)
        if not block:
            break
        *complete, rest = block.split(separator)
        if complete:
            parts.append(complete[0])
            yield block[:0].join(parts)
            yield from complete[1:]
            parts = []
        parts.append(rest)
    last = block[:0].join(parts) if parts else None
    if last:
        yield last


# --- documents ---------------------------------------------------------------------------------

def read_documents(path: str, options: ReadOptions, stdin=None) -> Iterator[Item]:
    """Documents of one path (`-` is standard input), or an InputError for what failed."""
    input_format = options.input_format or _format_of(path)
    try:
        if path == "-":
            handle = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_handle(handle, "-", input_format, options)
            return
        if os.path.isdir(path):
            yield InputError(path, "is a directory")
            return
        mode = os.stat(path).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
            yield InputError(path, "not a regular file")
            return
        with open(path, "rb") as handle:
            yield from _read_handle(handle, path, input_format, options)
    except OSError as error:
        yield InputError(path, _os_message(error))
    except UnicodeError as error:   # a stream decoder's own complaint (UTF-16 without a BOM…)
        yield InputError(path, f"cannot decode: {error}")


def _format_of(path: str) -> str:
    if path == "-":
        return "text"
    return FORMAT_BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "text")


def _read_handle(handle, path: str, input_format: str, options: ReadOptions) -> Iterator[Item]:
    if input_format == "text":
        yield from _read_text(handle, path, options)
        return
    # A corpus file is refused whole when it is binary or the encoding asked for is unknown,
    # rather than reported line by line.
    if not hasattr(handle, "peek"):
        handle = io.BufferedReader(handle)
    try:
        detect_encoding(handle.peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES], options.encoding)
    except InputError as error:
        yield InputError(path, error.message)
        return
    if input_format == "jsonl":
        yield from _read_jsonl(handle, path, options)
    else:
        yield from _read_table(handle, path, "\t" if input_format == "tsv" else ",", options)


def _read_text(handle, path: str, options: ReadOptions) -> Iterator[Item]:
    """A text file is one document; a huge one is handed on as chunks so memory stays flat."""
    head = handle.read(LONG_TEXT_BYTES + 1)
    try:
        encoding = detect_encoding(head, options.encoding)
        if len(head) <= LONG_TEXT_BYTES:
            yield RawDocument(id=path, source=path, text=decode(head, encoding, options.encoding_errors))
            return
    except InputError as error:
        yield InputError(path, error.message)
        return
    yield RawDocument(id=path, source=path, text="",
                      chunks=_text_chunks(handle, head, encoding, options.encoding_errors, path))


def _text_chunks(handle, head: bytes, encoding: str, errors: str, path: str):
    """(offset, text) pieces of a long text, cut at paragraph ends; offsets count characters."""
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    pending, offset, consumed, first = "", 0, 0, True
    blocks = itertools.chain([head], iter(lambda: handle.read(READ_BLOCK_BYTES), b""))
    for block in blocks:
        try:
            pending += decoder.decode(block)
        except UnicodeDecodeError as error:
            raise InputError(path, _decode_message(encoding, consumed + error.start)) from None
        consumed += len(block)
        if first:
            pending = pending[1:] if pending.startswith("\ufeff") else pending
            first = False
        while len(pending) >= CHUNK_CHARACTERS:
            cut = paragraph_cut(pending, CHUNK_CHARACTERS)
            yield offset, pending[:cut]
            offset += cut
            pending = pending[cut:]
    try:
        pending += decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(path, _decode_message(encoding, consumed)) from None
    if pending:
        yield offset, pending


def paragraph_cut(text: str, size: int) -> int:
    """Where to cut `text` near `size`: after a blank line, else a line end, else a space."""
    for separator in ("\n\n", "\n", " "):
        position = text.rfind(separator, size // 2, size)
        if position >= 0:
            return position + len(separator)
    return size


def detect_encoding(data: bytes, encoding: Optional[str] = None) -> str:
    """The encoding to read `data` with: as given, or by byte order mark, else UTF-8; binary is refused."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError("", f"unknown encoding {encoding!r}") from None
        return encoding
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    if b"\0" in data[:BINARY_SNIFF_BYTES]:
        raise InputError("", "binary file (contains NUL bytes), skipped")
    return "utf-8"


def decode(data: bytes, encoding: Optional[str] = None, errors: str = "strict") -> str:
    """Bytes to text: BOM-detected UTF-8/16/32 unless `encoding` is given; binary is refused."""
    encoding = detect_encoding(data, encoding)
    try:
        text = data.decode(encoding, errors=errors)
    except UnicodeDecodeError as error:
        raise InputError("", _decode_message(encoding, error.start)) from None
    # utf-8-sig and utf-16/32 drop their byte order mark; one given --encoding utf-8 may keep it.
    return text[1:] if text.startswith("\ufeff") else text


def _decode_message(encoding: str, byte_offset: int) -> str:
    return (f"cannot decode as {encoding} at byte {byte_offset} "
            f"(try --encoding or --encoding-errors replace)")


def _record_encoding(options: ReadOptions, first_line: bytes) -> str:
    if options.encoding:
        return options.encoding
    return "utf-8-sig" if first_line.startswith(codecs.BOM_UTF8) else "utf-8"


def _read_jsonl(handle, path: str, options: ReadOptions) -> Iterator[Item]:
    """One JSON object a line; only `\\n` ends a record, so U+2028 inside a text stays inside."""
    encoding = None
    for number, line in enumerate(handle, start=1):
        if encoding is None:
            encoding = _record_encoding(options, line)
            if line.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                yield InputError(path, "JSON Lines must be UTF-8 (found a UTF-16 byte order mark)")
                return
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode(encoding, errors=options.encoding_errors),
                                parse_constant=_reject_constant)
        except UnicodeDecodeError as error:
            yield InputError(where, f"cannot decode as {encoding} at byte {error.start} of the line")
            continue
        except ValueError as error:
            yield InputError(where, f"malformed JSON ({getattr(error, 'msg', error)}), line skipped")
            continue
        except RecursionError:
            yield InputError(where, "JSON nested too deeply, line skipped")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "not a JSON object, line skipped")
            continue
        yield _record_document(record, number, path, where, options)


def _read_table(handle, path: str, delimiter: str, options: ReadOptions) -> Iterator[Item]:
    """CSV or TSV rows as documents; an undecodable byte costs its row, not the file."""
    csv.field_size_limit(2 ** 31 - 1)
    bad_lines = {}        # line number -> byte offset of the first undecodable byte
    reader = csv.DictReader(_decoded_lines(handle, options, bad_lines), delimiter=delimiter, strict=True)
    try:
        header = reader.fieldnames
    except csv.Error as error:
        yield InputError(path, f"cannot read the header ({error})")
        return
    except InputError as error:
        yield InputError(path, error.message)
        return
    if bad_lines:
        yield InputError(f"{path}:1", _decode_message(options.encoding or "utf-8", min(bad_lines.values())))
        return
    if not header or options.text_field not in header:
        yield InputError(path, f"no {options.text_field!r} column (use --text-field; "
                               f"columns: {', '.join(header or []) or 'none'})")
        return
    row_number, first_line = 0, reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield InputError(f"{path}:{first_line}", f"malformed CSV ({error})")
            return
        row_number += 1
        where = f"{path}:{first_line}"
        broken = [line for line in bad_lines if line <= reader.line_num]
        if broken:
            yield InputError(where, _decode_message(options.encoding or "utf-8", bad_lines[broken[0]])
                             + ", row skipped")
            for line in broken:
                del bad_lines[line]
        else:
            yield _record_document(row, row_number, path, where, options)
        first_line = reader.line_num + 1


def _decoded_lines(handle, options: ReadOptions, bad_lines: dict) -> Iterator[str]:
    """Lines of a table, each decoded alone, so that a bad byte is pinned to its line.

    Only `\\n` ends a line (U+2028 and form feeds stay inside fields). UTF-16 and UTF-32, whose
    newline is more than one byte, are decoded as a stream instead.
    """
    head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
    encoding = options.encoding or detect_encoding(head)
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        stream = codecs.getreader(encoding)(handle, errors=options.encoding_errors)
        for line in split_stream(stream, "\n"):
            yield line + "\n"
        return
    byte_offset = 0
    for number, raw in enumerate(split_stream(handle, b"\n"), start=1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw, byte_offset = raw[len(codecs.BOM_UTF8):], len(codecs.BOM_UTF8)
        try:
            line = raw.decode(encoding, errors=options.encoding_errors)
        except UnicodeDecodeError as error:
            bad_lines[number] = byte_offset + error.start
            line = raw.decode(encoding, errors="replace")
        byte_offset += len(raw) + 1
        yield line + "\n"


def _record_document(record: dict, number: int, path: str, where: str, options: ReadOptions) -> Item:
    text = record.get(options.text_field)
    if text is None:
        text = ""
    elif not isinstance(text, str):
        return InputError(where, f"field {options.text_field!r} is not a string, record skipped")
    if LONE_SURROGATE.search(text):
        return InputError(where, f"field {options.text_field!r} holds an escaped lone surrogate "
                                 f"(not Unicode text), record skipped")
    identifier = record.get(options.id_field)
    if identifier in (None, "") or isinstance(identifier, (dict, list, bool)):
        identifier = number
    elif isinstance(identifier, float):   # 1e400 parses as infinity; JSON output cannot hold it
        identifier = int(identifier) if identifier.is_integer() else str(identifier)
    elif isinstance(identifier, str):
        identifier = LONE_SURROGATE.sub("\ufffd", identifier)
    date = record.get(options.date_field)
    if date is not None and not isinstance(date, str):
        date = json.dumps(date)         # 20250101 is no date either: passed on to be warned about
    return RawDocument(id=identifier, source=path, text=text[1:] if text.startswith("\ufeff") else text,
                       date=date if date and date.strip() else None)


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _os_message(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
