"""The `kursk` command: options -> io -> pipeline -> render; errors -> one line and an exit code.

Click only. The core (pipeline, extractors) never sees click or rich; this module reads the
inputs through `io`, parses each document, hands records to a renderer, and turns every
problem into `kursk: WHERE: WHAT` on stderr while the batch goes on.
"""
from __future__ import annotations

import itertools
import os
import sys
import time

import click

from . import __version__
from .errors import ExitStatus, InputError
from .render import FORMATS
from .render.terminal import isatty

# `io` and `model` are imported where they are used, so that `kursk --help` loads little more
# than click. The input formats are spelled out here for the same reason; a test keeps them
# equal to `io.INPUT_FORMATS`, which is what the readers accept.
INPUT_FORMATS = ("text", "jsonl", "csv", "tsv")


def _version_text() -> str:
    from .data import data_version
    from .model import SCHEMA_VERSION
    return (f"kursk {__version__} (record schema {SCHEMA_VERSION}, data {data_version()})\n"
            f"Python {sys.version.split()[0]}")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", message="%(version)s",
                      package_name="kursk-cli")
def main():
    """Figures, dates, entities and attributed statements from news about armed conflict.

    \b
    Examples:
      kursk extract samples/ --reference-date 2025-04-26
      kursk extract corpus.jsonl -j 0 -o results.jsonl
      kursk show samples/kursk-general-staff-2025-04-26.txt
    """


def _print_version(context, _parameter, value):
    if value and not context.resilient_parsing:
        click.echo(_version_text())
        context.exit()


# click.version_option prints only the package version; ours also names the data and schema.
main.params = [p for p in main.params if p.name != "version"]
main.params.append(click.Option(["-V", "--version"], is_flag=True, expose_value=False,
                                is_eager=True, callback=_print_version,
                                help="Show the versions of the package, its data and record schema."))


def _kinds(_context, _parameter, value):
    if value is None:
        return None
    from .model import KINDS
    kinds = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown or not kinds:
        raise click.BadParameter(f"choose from {', '.join(KINDS)} (comma-separated)")
    return kinds


def _date(_context, _parameter, value):
    if value is None:
        return None
    from .reference import to_date
    try:
        return to_date(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--input-format", "input_format", type=click.Choice(INPUT_FORMATS),
              help="Input format; default by extension (.jsonl/.ndjson, .csv, .tsv; text otherwise).")
@click.option("--text-field", default="text", show_default=True, help="Field or column holding the text.")
@click.option("--id-field", default="id", show_default=True,
              help="Field or column holding the document id (else the line or row number).")
@click.option("--date-field", default="date", show_default=True,
              help="Field or column holding the publication date, the reference for that record.")
@click.option("--reference-date", callback=_date, metavar="DATE",
              help="Anchor partial and relative dates for every document (a record's date field "
                   "wins): 2025-04-26, or any absolute form such as 'April 26, 2025'.")
@click.option("--only", callback=_kinds, metavar="KINDS",
              help="Comma-separated kinds to extract: figures,dates,entities,statements.")
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS),
              help="Output format; default table on a terminal, jsonl otherwise.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to FILE (atomically: complete or not at all).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Documents parsed in parallel (0: one per core); output order is input order.")
@click.option("--encoding", help="Input encoding (default UTF-8, or what a byte order mark says).")
@click.option("--encoding-errors", type=click.Choice(["strict", "replace"]), default="strict",
              show_default=True, help="On undecodable bytes: report and skip the input, or replace them.")
@click.option("--files-from", type=click.File("rb"),
              help="Read input paths from FILE (one a line; '-' for stdin).")
@click.option("-0", "--null", "null_separated", is_flag=True,
              help="Paths in --files-from are NUL-separated (find -print0).")
@click.option("--follow-symlinks", is_flag=True, help="Follow symbolic links when walking directories.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour in tables (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--excel-safe", is_flag=True, help="In CSV/TSV, neutralise cells a spreadsheet would run as formulas.")
@click.option("--stats", is_flag=True, help="Print a one-line summary on stderr at the end.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings (errors are still printed).")
def extract(paths, input_format, text_field, id_field, date_field, reference_date, only,
            output_format, output, jobs, encoding, encoding_errors, files_from, null_separated,
            follow_symlinks, color, excel_safe, stats, quiet):
    """Extract figures, dates, entities and statements from PATHS (files, directories, or - for stdin).

    \b
    Examples:
      kursk extract samples/kursk-general-staff-2025-04-26.txt --reference-date 2025-04-26
      kursk extract corpus.jsonl | jq '.figures[] | {text, category, claimant}'
      cat article.txt | kursk extract - --only figures,dates -f csv > figures.csv
      find news/ -name '*.txt' -print0 | kursk extract --files-from - -0 -j 0 -o all.jsonl

    Directories are walked for *.txt, *.md, *.jsonl, *.ndjson, *.csv and *.tsv in sorted order.
    A text file is one document; each line of a JSON Lines file and each row of a CSV is one.
    """
    from .io import ReadOptions, read_paths_file

    stdin_taken = files_from is not None and files_from is _stdin_buffer()
    if files_from is not None:
        path_source = read_paths_file(files_from, null_separated)
        if paths:
            path_source = itertools.chain(paths, path_source)
    else:
        if not paths:
            if sys.stdin is None or isatty(sys.stdin):
                click.echo("kursk: reading from a terminal; give a PATH or pipe text in "
                           "(kursk extract --help)", err=True)
                sys.exit(ExitStatus.USAGE)
            paths = ("-",)
        path_source = paths
    options = ReadOptions(input_format=input_format, text_field=text_field, id_field=id_field,
                          date_field=date_field, encoding=encoding, encoding_errors=encoding_errors,
                          follow_symlinks=follow_symlinks)
    output_format = output_format or _default_format(output)
    messages = Messages(quiet)
    run = _new_batch(reference_date, only, messages)
    documents = run.documents(path_source, options, stdin_taken)
    status = _write_output(run, messages, documents, output, output_format, jobs,
                           {"color": color, "excel_safe": excel_safe})
    if stats:
        _print_stats(run)
    sys.exit(status)


@main.command()
@click.argument("path", type=click.Path())
@click.option("--reference-date", callback=_date, metavar="DATE",
              help="Anchor partial and relative dates (2025-04-26, or e.g. 'April 26, 2025').")
@click.option("--encoding", help="Input encoding (default UTF-8, or what a byte order mark says).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--pager/--no-pager", default=None, help="Page long documents (default: on a terminal).")
def show(path, reference_date, encoding, color, pager):
    """Show one document with every figure, date, entity and statement highlighted.

    \b
    Examples:
      kursk show samples/kursk-general-staff-2025-04-26.txt --reference-date 2025-04-26
      kursk show article.txt --color always | less -R

    On a terminal the text is coloured by kind with values beside figures and dates; piped, it
    is plain text with inline markers such as [76,000|figure 76000 casualties].
    """
    from .io import RawDocument, ReadOptions, read_documents
    from .render.show import render_show

    run = _new_batch(reference_date, None, Messages(quiet=False))
    options = ReadOptions(encoding=encoding, input_format="text")
    shown = False
    for item in read_documents(path, options):
        if isinstance(item, InputError):
            run.report(item)
            continue
        if item.chunks is not None:   # show needs the whole text on screen anyway
            try:
                item = RawDocument(item.id, item.source, "".join(piece for _, piece in item.chunks))
            except InputError as error:
                run.report(error)
                continue
        record = run.parse(item)
        if record is None:
            continue
        try:
            render_show(record, item.text, sys.stdout, color=color, pager=pager)
        except BrokenPipeError:
            _quiet_broken_pipe()
        shown = True
    sys.exit(ExitStatus.OK if shown and not run.errors else ExitStatus.INPUT_FAILED)


def _new_batch(reference_date, kinds, messages: "Messages"):
    from .batch import Batch
    return Batch(reference_date, kinds, report=messages.error, warn=messages.warning)


class Messages:
    """Errors and warnings on stderr, one line each, clearing the progress line first."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.progress = None

    def error(self, error: InputError) -> None:
        self._clear_progress()
        click.echo(f"kursk: {_escape(error.where)}: {_escape(error.message)}", err=True)

    def warning(self, message: str) -> None:
        if not self.quiet:
            self._clear_progress()
            click.echo(f"kursk: warning: {_escape(message)}", err=True)

    def _clear_progress(self) -> None:
        if self.progress is not None and self.progress.shown:
            sys.stderr.write("\r\x1b[K")   # the message replaces the status line, which redraws


def _print_stats(run) -> None:
    seconds = time.perf_counter() - run.started
    found = ", ".join(f"{count} {kind}" for kind, count in run.counts.items())
    click.echo(f"kursk: {run.document_count:,} documents, {run.characters:,} characters; "
               f"{found}; {run.errors} errors; {seconds:.2f} s", err=True)


def _write_output(run, messages, items, output, output_format, jobs, render_options) -> int:
    from .batch import records
    from .render import renderer_for

    temporary = None
    if output == "-":
        output = None
    elif output and os.path.islink(output):   # replace the file the link points to, keep the link
        output = os.path.realpath(output)
    try:
        if output and _replaceable(output):
            temporary, stream = _temporary_beside(output)
        elif output:   # a FIFO, a device or a link's target: written in place, as a shell would
            stream = open(output, "w", encoding="utf-8", newline="")
        else:
            stream = sys.stdout if output_format == "table" else _utf8_stdout()
        renderer = renderer_for(output_format, stream, **render_options)
        progress = messages.progress = (Progress(run) if _wants_progress(messages, output, output_format)
                                        else None)
        for result in records(run, items, jobs):
            record = run.collect(result)
            if record is not None:
                renderer.write(record)
            if progress:
                progress.update()
        if progress:
            progress.finish()
        renderer.close()
        if output:
            stream.close()
        if temporary:
            os.replace(temporary, output)
            temporary = None
    except KeyboardInterrupt:
        click.echo("kursk: interrupted", err=True)
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _quiet_broken_pipe()
        return ExitStatus.OK
    except OSError as error:
        click.echo(f"kursk: {_escape(output or '-')}: {(error.strerror or str(error)).lower()}", err=True)
        return ExitStatus.INPUT_FAILED
    finally:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
    return ExitStatus.INPUT_FAILED if run.errors else ExitStatus.OK


def _replaceable(output: str) -> bool:
    """Whether `-o` may write a temporary file and rename it over `output`: a regular file, or none."""
    try:
        mode = os.lstat(output).st_mode
    except FileNotFoundError:
        return True
    import stat
    return stat.S_ISREG(mode)


def _temporary_beside(output: str):
    """A temporary file in `output`'s folder with the mode the final file should have."""
    import tempfile
    directory = os.path.dirname(os.path.abspath(output))
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=directory,
                                         prefix=".kursk-", suffix=".part", delete=False)
    try:
        mode = os.stat(output).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(handle.name, mode)
    return handle.name, handle


class Progress:
    """A one-line status on stderr (documents, MB, rate), shown once a run has lasted a second."""

    DELAY, INTERVAL = 1.0, 0.2

    def __init__(self, run):
        self.run = run
        self.last = run.started + self.DELAY - self.INTERVAL
        self.shown = False

    def update(self) -> None:
        now = time.perf_counter()
        if now - self.last < self.INTERVAL:
            return
        self.last = now
        seconds = now - self.run.started
        megabytes = self.run.characters / 1e6
        sys.stderr.write(f"\r\x1b[Kkursk: {self.run.document_count:,} documents, {megabytes:,.1f} MB, "
                         f"{megabytes / seconds:,.2f} MB/s, {self.run.errors} errors")
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _wants_progress(messages: Messages, output, output_format: str) -> bool:
    # Never on stdout, never when stderr is not a terminal, and not over a table on the same screen.
    return (not messages.quiet and isatty(sys.stderr) and os.environ.get("TERM") != "dumb"
            and (output is not None or not (isatty(sys.stdout) and output_format == "table")))


def _utf8_stdout():
    """Machine formats are UTF-8 whatever the locale says."""
    if (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        try:
            sys.stdout.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    return sys.stdout


def _default_format(output) -> str:
    if output:
        extension = os.path.splitext(output)[1].lower().lstrip(".")
        return {"json": "json", "csv": "csv", "tsv": "tsv", "ndjson": "jsonl"}.get(extension, "jsonl")
    return "table" if isatty(sys.stdout) else "jsonl"


def _quiet_broken_pipe() -> None:
    # Python flushes stdout at exit; point it at /dev/null so that flush cannot fail noisily.
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _stdin_buffer():
    return getattr(sys.stdin, "buffer", sys.stdin)


def _escape(text) -> str:
    """A path or message from outside, safe to print on one terminal line."""
    text = str(text)
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
