"""Batches: documents in, records out, in input order, serially or by a pool of processes.

A `Batch` holds what a run needs across documents (the reference date and kinds asked for, the
counts, the errors) and hands every problem to the caller's `report`; nothing here prints.
Huge text files are parsed piece by piece in this process, their findings spooled to disk.
"""
from __future__ import annotations

import os
import time
from collections import deque
from typing import Callable

from .errors import InputError
from .io import RawDocument, expand_paths, read_documents
from .model import KINDS

# Documents are sent to worker processes in batches of about this many characters, so that the
# cost of passing them between processes stays small next to the cost of parsing them.
BATCH_CHARACTERS = 32_000
BATCH_DOCUMENTS = 64
# A corpus whose date field is bad in every record would bury the other messages: each file
# reports its first few bad dates, then says that it stops.
DATE_WARNINGS_PER_FILE = 3


class Batch:
    """One run over many inputs: reads documents, parses them, counts what was found and failed.

    What to do with an error or a warning is the caller's: `report` and `warn` are callables
    (the CLI prints them on stderr).
    """

    def __init__(self, reference_date, kinds, report: Callable, warn: Callable):
        self.reference_date = reference_date
        self.kinds = kinds
        self.report_error = report
        self.warn = warn
        self.errors = 0
        self.date_warnings = {}         # source -> bad date fields met so far
        self.counts = {kind: 0 for kind in KINDS}
        self.document_count = 0
        self.characters = 0
        self.started = time.perf_counter()

    def documents(self, paths, options, stdin_taken: bool = False):
        for path in expand_paths(paths, options.follow_symlinks):
            if isinstance(path, InputError):
                yield path
            elif path == "-" and stdin_taken:
                yield InputError("-", "standard input is already read as the list of paths")
            else:
                yield from read_documents(path, options)

    def report(self, error: InputError) -> None:
        self.errors += 1
        self.report_error(error)

    def task(self, document: RawDocument):
        """What a worker needs to parse one document (picklable)."""
        from .reference import to_date

        reference, source = self.reference_date, "option"
        if document.date is not None and str(document.date).strip():
            try:
                reference, source = to_date(document.date), "field"
            except ValueError:
                self._warn_date(document)
        return (document.text, reference, source if reference else None, self.kinds,
                document.id, document.source)

    def _warn_date(self, document: RawDocument) -> None:
        seen = self.date_warnings[document.source] = self.date_warnings.get(document.source, 0) + 1
        if seen <= DATE_WARNINGS_PER_FILE:
            self.warn(f"{document.source}: record {document.id}: date field "
                      f"{str(document.date)[:40]!r} is not a calendar date, ignored"
                      + ("; further bad date fields in this file are not reported"
                         if seen == DATE_WARNINGS_PER_FILE else ""))

    def parse(self, document: RawDocument):
        result = parse_task(self.task(document))
        return self.collect(result)

    def collect(self, result):
        if isinstance(result, InputError):
            self.report(result)
            return None
        record, characters = result
        self.document_count += 1
        self.characters += characters
        for kind in KINDS:
            self.counts[kind] += len(record.get(kind, ()))
        return record


def parse_task(task):
    """Parse one document in this or a worker process; never raises."""
    text, reference, source, kinds, identifier, where = task
    from .pipeline import parse
    try:
        document = parse(text, reference_date=reference, kinds=kinds, id=identifier, source=where,
                         reference_date_source=source)
        return document.to_dict(), len(text)
    except Exception as error:   # a bug must cost one document, not the batch
        return _internal_error(where, identifier, error)


def _internal_error(where: str, identifier, error: Exception) -> InputError:
    return InputError(f"{where}" + (f" (record {identifier})" if identifier != where else ""),
                      f"internal error while parsing: {type(error).__name__}: {error}")


def parse_long(run: "Batch", document: RawDocument):
    """A huge text file, parsed piece by piece in this process; its findings wait on disk.

    The record's item lists are `SpooledItems`, read back one item at a time by the renderer, so
    memory holds one piece of text and its findings whatever the size of the file.
    """
    from .io import SpooledItems
    from .pipeline import parse_pieces
    _text, reference, source, kinds, identifier, where = run.task(document)
    counter = _CountingChunks(document.chunks)
    record = None
    try:
        for piece in parse_pieces(counter, reference_date=reference, kinds=kinds, id=identifier,
                                  source=where, reference_date_source=source):
            piece_record = piece.to_dict()
            if record is None:
                record = {key: (SpooledItems() if isinstance(value, list) else value)
                          for key, value in piece_record.items()}
            for kind in piece.kinds:
                record[kind].extend(piece_record[kind])
        return record, counter.characters
    except InputError as error:
        return error
    except Exception as error:   # a bug must cost one document, not the batch
        return _internal_error(where, identifier, error)


class _CountingChunks:
    def __init__(self, chunks):
        self.chunks = chunks
        self.characters = 0

    def __iter__(self):
        for offset, piece in self.chunks:
            self.characters += len(piece)
            yield offset, piece


def _parse_batch(tasks):
    return [parse_task(task) for task in tasks]


def records(run: Batch, items, jobs: int):
    """Records (or InputErrors) in input order, parsed serially or by a pool of processes."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs == 1:
        for item in items:
            if isinstance(item, InputError):
                yield item
            elif item.chunks is not None:
                yield parse_long(run, item)
            else:
                yield parse_task(run.task(item))
        return
    from concurrent.futures import ProcessPoolExecutor

    # A bounded window of batches in flight keeps memory flat on any corpus size.
    window = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts) as pool:
        batch, size = [], 0
        for item in items:
            if isinstance(item, InputError):
                batch.append(item)
            elif item.chunks is not None:   # huge text: parsed here, in order, piece by piece
                if batch:
                    window.append(_submit(pool, batch))
                    batch, size = [], 0
                while window:
                    yield from _batch_results(window.popleft())
                yield parse_long(run, item)
                continue
            else:
                batch.append(run.task(item))
                size += len(item.text)
            if size >= BATCH_CHARACTERS or len(batch) >= BATCH_DOCUMENTS:
                window.append(_submit(pool, batch))
                batch, size = [], 0
                while len(window) > jobs * 2:
                    yield from _batch_results(window.popleft())
        if batch:
            window.append(_submit(pool, batch))
        while window:
            yield from _batch_results(window.popleft())


def _submit(pool, batch):
    tasks = [entry for entry in batch if not isinstance(entry, InputError)]
    return batch, pool.submit(_parse_batch, tasks)


def _batch_results(pending):
    batch, future = pending
    results = iter(future.result())
    for entry in batch:
        yield entry if isinstance(entry, InputError) else next(results)


def _ignore_interrupts():
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
