#!/usr/bin/env python3
"""Speed and memory of the `kursk` command, printed as a compact table to paste into the README.

It measures the command a user runs (the `kursk` on PATH, or `python -m kursk_cli`), end to end
in child processes, with public tools only: wall time from Python's own timer, CPU time and peak
resident memory from the kernel (`/usr/bin/time -v` when present, else `os.wait4`'s rusage of the
child). It reports numbers and which targets they meet; it asserts nothing and always exits 0
unless it cannot run at all.

The corpus is `../shared/corpus/nyt-guardian-russia-ukraine-2022` when the project workspace has
it (one JSON Lines record per article with id, text and date), else `samples/`, repeated until
it reaches `--corpus-mb`. The memory runs repeat that corpus into one JSON Lines file of
`--big-mb` MB and into one text file of the same size.

    python tools/benchmark.py                     # minutes: mostly the two --big-mb runs
    python tools/benchmark.py --big-mb 0          # skip the memory runs
    python tools/benchmark.py --big-mb 300        # the multi-hundred-MB memory check
    python tools/benchmark.py --command "python -m kursk_cli" --runs 20
"""
from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "nyt-guardian-russia-ukraine-2022"
SAMPLE = ROOT / "samples" / "kursk-general-staff-2025-04-26.txt"
KINDS = ("figures", "dates", "entities", "statements")

# The targets of issue 7.
STARTUP_RATIO_TARGET = 3.0          # kursk --help / python -c pass
SAMPLE_SECONDS_TARGET = 0.5         # one sample file, end to end
THROUGHPUT_TARGET = 1.0             # MB/s per core, all kinds, --jobs 1
EXTRACTOR_TARGET = 4.0              # MB/s per extractor on its own (../shared rules)
SCALING_TARGET = 1.7                # --jobs 2 speed-up over --jobs 1
MEMORY_TARGET_MB = 200.0            # peak resident memory of the child

MEGABYTE = 1_000_000


# --- running the command -----------------------------------------------------------------------

@dataclass
class Outcome:
    """One finished child process: wall and CPU seconds, peak memory, exit code, stderr."""
    seconds: float
    cpu_seconds: float
    max_rss_mb: Optional[float]
    returncode: int
    stderr: str = ""

    @property
    def failure(self) -> Optional[str]:
        if self.returncode == 0:
            return None
        return f"exit {self.returncode}, see below"

    def notes(self, label: str, limit: int = 3) -> List[str]:
        """The first lines of stderr of a failed run, to print under the table."""
        if self.returncode == 0:
            return []
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        if any(line.startswith("Traceback") for line in lines):
            lines = lines[-1:]      # the exception itself
        shown = [f"  ! {label}: {line[:150]}" for line in lines[:limit]]
        if len(lines) > limit:
            shown.append(f"  ! {label}: ... {len(lines) - limit} more lines on stderr")
        return shown or [f"  ! {label}: exit {self.returncode}, nothing on stderr"]


def run_once(command: List[str], stdin_path: Optional[Path] = None, timeout: float = 900,
             measure_memory: bool = False) -> Outcome:
    """Run `command` with stdout discarded; wall time, rusage and, if asked, peak memory."""
    time_binary = shutil.which("time", path="/usr/bin:/bin") if measure_memory else None
    report = None
    if time_binary:
        report = tempfile.NamedTemporaryFile("r", suffix=".time", delete=False)
        command = [time_binary, "-v", "-o", report.name] + command
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    with tempfile.TemporaryFile("w+b") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.002)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if stdin_path:
            stdin.close()
        stderr.seek(0)
        errors = stderr.read().decode("utf-8", "replace")
    max_rss = None
    if report is not None:
        text = report.read()
        report.close()
        os.unlink(report.name)
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        max_rss = int(found.group(1)) / 1024 if found else None
        status_line = re.search(r"Exit status: (\d+)", text)
        if status_line:
            process.returncode = int(status_line.group(1))
        # /usr/bin/time's own report lines end up in the file, not in stderr.
    elif measure_memory:
        # Linux reports kilobytes, macOS bytes.
        max_rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Outcome(seconds, usage.ru_utime + usage.ru_stime, max_rss, process.returncode, errors)


def run_median(command: List[str], runs: int, best: bool = False, **options) -> Outcome:
    """The run with the median wall time, or the shortest with `best` (a failed run is returned
    at once). On a shared virtual machine other guests slow some runs by a third; the shortest
    run is the one they disturbed least, so it measures the code rather than the neighbours."""
    outcomes = []
    for _ in range(runs):
        outcome = run_once(command, **options)
        if outcome.returncode not in (0, 1):    # 1: some input failed, still a full run
            return outcome
        outcomes.append(outcome)
    outcomes.sort(key=lambda outcome: outcome.seconds)
    return outcomes[0] if best else outcomes[len(outcomes) // 2]


def kursk_command(given: Optional[str]) -> List[str]:
    """The command to measure: --command, else `kursk` on PATH (pyenv shims resolved), else -m."""
    if given:
        return shlex.split(given)
    script = shutil.which("kursk")
    if script and os.sep + "shims" + os.sep in script and shutil.which("pyenv"):
        # A pyenv shim is a shell script that runs pyenv first: ~60 ms that are not ours.
        resolved = subprocess.run(["pyenv", "which", "kursk"], capture_output=True, text=True)
        if resolved.returncode == 0 and resolved.stdout.strip():
            script = resolved.stdout.strip()
    return [script] if script else [sys.executable, "-m", "kursk_cli"]


def interpreter_of(command: List[str]) -> str:
    """The Python that runs the command: the script's #! line, else the command's first word."""
    first = command[0]
    if Path(first).name.startswith("python"):
        return first
    try:
        with open(first, "rb") as handle:
            line = handle.readline().decode("utf-8", "replace").strip()
    except OSError:
        return sys.executable
    if line.startswith("#!"):
        words = line[2:].split()
        if words and Path(words[0]).name == "env" and len(words) > 1:
            return shutil.which(words[1]) or sys.executable
        if words:
            return words[0]
    return sys.executable


# --- the corpus --------------------------------------------------------------------------------

@dataclass
class Corpus:
    name: str
    records: List[dict] = field(default_factory=list)

    @property
    def megabytes(self) -> float:
        return sum(len(record["text"].encode("utf-8")) for record in self.records) / MEGABYTE


def shared_corpus(directory: Path) -> Corpus:
    """The NYT/Guardian articles: docs/*.txt with index.jsonl, or the original CSVs."""
    corpus = Corpus(directory.name)
    index = directory / "index.jsonl"
    if index.is_file() and (directory / "docs").is_dir():
        with open(index, encoding="utf-8") as lines:
            for line in lines:
                entry = json.loads(line)
                path = directory / "docs" / f"{entry['id']}.txt"
                if path.is_file():
                    corpus.records.append({"id": entry["id"], "text": path.read_text(encoding="utf-8"),
                                           "date": entry.get("reference_date")})
        return corpus
    csv.field_size_limit(2 ** 31 - 1)
    for path in sorted((directory / "original").glob("*.csv")) + sorted(directory.glob("*.csv")):
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                body = row.get("articles") or row.get("article") or row.get("text") or ""
                headline = row.get("headlines") or row.get("headline") or ""
                if body.strip():
                    corpus.records.append({"id": f"{path.stem}-{number}",
                                           "text": f"{headline}\n\n{body}" if headline else body,
                                           "date": (row.get("published") or "")[:10] or None})
    return corpus


def samples_corpus(directory: Path) -> Corpus:
    corpus = Corpus("samples")
    for path in sorted(directory.glob("*.txt")):
        if ".expected" in path.name:
            continue
        dated = re.search(r"\d{4}-\d{2}-\d{2}", path.name)
        corpus.records.append({"id": path.stem, "text": path.read_text(encoding="utf-8"),
                               "date": dated.group(0) if dated else None})
    for path in sorted(directory.glob("*.jsonl")):
        if ".expected" in path.name:
            continue
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    record = json.loads(line)
                    corpus.records.append({"id": f"{path.stem}-{record.get('id', number)}",
                                           "text": record.get("text", ""), "date": record.get("date")})
    return corpus


def load_corpus(directory: Optional[Path]) -> Corpus:
    directory = directory or SHARED_CORPUS
    if directory.is_dir():
        corpus = shared_corpus(directory)
        if corpus.records:
            return corpus
    return samples_corpus(ROOT / "samples")


def repeated(corpus: Corpus, megabytes: float):
    """The corpus's records again and again (ids made unique) until `megabytes` of text."""
    written, copy = 0, 0
    while True:
        for record in corpus.records:
            if written >= megabytes * MEGABYTE:
                return
            identifier = record["id"] if copy == 0 else f"{record['id']}#{copy}"
            yield dict(record, id=identifier)
            written += len(record["text"].encode("utf-8"))
        copy += 1
        if not corpus.records:
            return


def write_jsonl(records, path: Path):
    """Writes records; returns (documents, MB of text)."""
    documents, size = 0, 0
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            documents += 1
            size += len(record["text"].encode("utf-8"))
    return documents, size / MEGABYTE


def write_text(corpus: Corpus, megabytes: float, path: Path) -> float:
    """One text file of about `megabytes` MB: the corpus's texts, blank lines between."""
    size = 0
    with open(path, "w", encoding="utf-8") as handle:
        for record in repeated(corpus, megabytes):
            chunk = record["text"].rstrip("\n") + "\n\n"
            handle.write(chunk)
            size += len(chunk.encode("utf-8"))
    return size / MEGABYTE


# --- in-process timing of each extractor --------------------------------------------------------

# Run by the command's own interpreter so that it times the very package the command imports.
# The first record is parsed once untimed, so that lazy imports and caches are not counted.
# CPU time of this one process, so that other work on the machine does not count either.
EXTRACTOR_TIMER = r"""
import datetime, json, sys, time
from kursk_cli.extract import dates, entities, figures, statements
from kursk_cli import resolve

def time_all(records, seconds, errors):
    for record in records:
        text = record["text"]
        reference = datetime.date.fromisoformat(record["date"][:10]) if record.get("date") else None
        found = {}
        steps = (("entities", lambda: entities.find_entities(text)),
                 ("figures", lambda: figures.find_figures(text)),
                 ("dates", lambda: dates.find_dates(text, reference)),
                 ("statements", lambda: statements.find_statements(text, found["entities"])),
                 ("resolve", lambda: resolve.link_claimants(found["figures"], found["statements"])))
        for name, call in steps:
            started = time.process_time()
            try:
                found[name] = call()
            except Exception as error:
                errors.setdefault(name, f"{type(error).__name__}: {error}"[:80])
                found[name] = ([], []) if name == "resolve" else []
            seconds[name] = seconds.get(name, 0.0) + time.process_time() - started

records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
time_all(records[:1], {}, {})
seconds, errors = {}, {}
time_all(records, seconds, errors)
print(json.dumps({"seconds": seconds, "errors": errors}))
"""


def time_extractors(python: str, corpus_path: Path):
    done = subprocess.run([python, "-c", EXTRACTOR_TIMER, str(corpus_path)],
                          capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return None, last[:100]
    return json.loads(done.stdout.strip().splitlines()[-1]), None


# --- the report --------------------------------------------------------------------------------

def verdict(passed: Optional[bool]) -> str:
    return "" if passed is None else ("pass" if passed else "FAIL")


def table(rows: List[List[str]], indent: str = "  ") -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) if column == 0 else cell.rjust(width) if cell[:1].isdigit()
                 else cell.ljust(width) for column, (cell, width) in enumerate(zip(row, widths))]
        lines.append((indent + "  ".join(cells)).rstrip())
    return "\n".join(lines)


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def git_commit() -> str:
    try:
        done = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                              capture_output=True, text=True, timeout=10)
        return done.stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--command", help="the command to measure (default: kursk on PATH, "
                                          "else python -m kursk_cli)")
    parser.add_argument("--corpus", type=Path, help=f"corpus directory (default {SHARED_CORPUS}, "
                                                    "else samples/)")
    parser.add_argument("--runs", type=int, default=10, help="runs of each start-up measure (median)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each throughput measure (median)")
    parser.add_argument("--best", action="store_true",
                        help="report the shortest of the runs instead of the median (for a noisy "
                             "shared machine)")
    parser.add_argument("--corpus-mb", type=float, default=2.0,
                        help="repeat the corpus to at least this many MB of text for throughput")
    parser.add_argument("--jobs", type=int, default=2, help="jobs of the scaling run")
    parser.add_argument("--big-mb", type=float, default=50.0,
                        help="size of the memory runs' JSONL corpus and text file (0: skip)")
    parser.add_argument("--no-extractors", action="store_true",
                        help="skip the in-process timing of each extractor")
    arguments = parser.parse_args(argv)

    command = kursk_command(arguments.command)
    python = interpreter_of(command)
    version = subprocess.run(command + ["--version"], capture_output=True, text=True)
    if version.returncode != 0:
        print(f"benchmark: {' '.join(command)} --version failed: {version.stderr.strip()}",
              file=sys.stderr)
        return 2
    python_version = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"],
                                    capture_output=True, text=True).stdout.strip()
    corpus = load_corpus(arguments.corpus)
    temporary = Path(tempfile.mkdtemp(prefix="kursk-benchmark-"))
    try:
        return report(arguments, command, python, python_version, version.stdout.splitlines()[0],
                      corpus, temporary)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def report(arguments, command, python, python_version, version, corpus, temporary) -> int:
    say = lambda text="": print(text, flush=True)   # noqa: E731 - one line per section as it ends
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    say(f"kursk benchmark, {now}, commit {git_commit()}")
    say(f"machine   {os.cpu_count()} cores, {cpu_model()}, {platform.system()} {platform.release()}, "
        f"Python {python_version}")
    say(f"command   {' '.join(command)}  ({version})")
    if hasattr(os, "getloadavg"):
        # Wall times on a busy machine are long; CPU times are not. Say how busy it was.
        say(f"load      {os.getloadavg()[0]:.2f} (1-minute load average at the start)")

    # Start-up: what every invocation pays before reading anything.
    statistic = "best" if arguments.best else "median"
    bare = run_median([python, "-c", "pass"], arguments.runs, arguments.best)
    helped = run_median(command + ["--help"], arguments.runs, arguments.best)
    ratio = helped.seconds / bare.seconds if bare.seconds else float("inf")
    sample_command = command + ["extract", str(SAMPLE), "--reference-date", "2025-04-26", "-f", "jsonl"]
    sample = run_median(sample_command, arguments.runs, arguments.best) if SAMPLE.is_file() else None
    say()
    say(f"start-up ({statistic} of {arguments.runs} runs)")
    rows = [["measure", "time", "CPU", "ratio", "target", ""],
            ["python -c pass", milliseconds(bare.seconds), milliseconds(bare.cpu_seconds), "", "", ""],
            ["kursk --help", milliseconds(helped.seconds), milliseconds(helped.cpu_seconds),
             f"{ratio:.1f}x", f"<= {STARTUP_RATIO_TARGET:g}x",
             helped.failure or verdict(ratio <= STARTUP_RATIO_TARGET)]]
    if sample is not None:
        rows.append([f"kursk extract samples/{SAMPLE.name}", f"{sample.seconds:.2f} s",
                     f"{sample.cpu_seconds:.2f} s", "", f"< {SAMPLE_SECONDS_TARGET:g} s",
                     sample.failure or verdict(sample.seconds < SAMPLE_SECONDS_TARGET)])
    say(table(rows))
    for outcome, label in ((helped, "kursk --help"), (sample, "sample")):
        for note in outcome.notes(label) if outcome is not None else []:
            say(note)

    # Throughput: the corpus as JSON Lines, all kinds and each kind, one job then several.
    corpus_path = temporary / "corpus.jsonl"
    documents, megabytes = write_jsonl(repeated(corpus, max(arguments.corpus_mb, corpus.megabytes)),
                                       corpus_path)
    tiny_path = temporary / "tiny.jsonl"
    write_jsonl([{"id": "tiny", "text": "Kyiv said 5 drones were shot down on 3 May 2024.",
                  "date": "2024-05-04"}], tiny_path)
    say()
    say(f"throughput: {corpus.name}, {documents} documents, {megabytes:.2f} MB of UTF-8 text as JSON "
        f"Lines ({statistic} of {arguments.repeat} runs)")
    say("  fixed = the same command on a one-document file (start-up, imports, workers); net = minus it")
    say("  CPU MB/s = MB / net CPU seconds of all processes: per core whatever the load; it judges the")
    say("  target. --only figures also runs entities and statements (to find claimants)")
    rows = [["run", "time", "CPU", "fixed", "MB/s", "net MB/s/core", "CPU MB/s", "docs/s/core",
             "target", ""]]
    serial, notes = None, []
    runs = [("all kinds, --jobs 1", [], 1)] + [(f"--only {kind}", ["--only", kind], 1) for kind in KINDS]
    if arguments.jobs > 1:
        runs.append((f"all kinds, --jobs {arguments.jobs}", [], arguments.jobs))
    for label, options, jobs in runs:
        arguments_of = lambda path: (command + ["extract", str(path), "-f", "jsonl",   # noqa: E731
                                                "--jobs", str(jobs)] + options)
        fixed = run_median(arguments_of(tiny_path), min(arguments.runs, 5), arguments.best)
        outcome = run_median(arguments_of(corpus_path), arguments.repeat, arguments.best)
        net = outcome.seconds - fixed.seconds
        net_cpu = outcome.cpu_seconds - fixed.cpu_seconds
        # A corpus too small to outweigh the fixed cost gives no per-core figure, not a silly one.
        usable = net > 0.1 * outcome.seconds and net_cpu > 0.1 * outcome.cpu_seconds
        cpu_speed = megabytes / net_cpu if usable else None
        row = [label, f"{outcome.seconds:.2f} s", f"{outcome.cpu_seconds:.2f} s", f"{fixed.seconds:.2f} s",
               f"{megabytes / outcome.seconds:.2f}",
               f"{megabytes / net / jobs:.2f}" if usable else "-",
               f"{cpu_speed:.2f}" if usable else "-",
               f"{documents / net / jobs:.0f}" if usable else "-", "", outcome.failure or ""]
        notes += outcome.notes(label)
        if label.startswith("all kinds, --jobs 1"):
            serial = net if usable else None
            row[8] = f">= {THROUGHPUT_TARGET:g} MB/s"
            row[9] = outcome.failure or (verdict(cpu_speed >= THROUGHPUT_TARGET) if usable
                                         else "corpus too small")
        elif jobs > 1 and serial and usable:
            speedup = serial / net
            row[8] = f"{speedup:.2f}x >= {SCALING_TARGET:g}x"
            row[9] = outcome.failure or verdict(speedup >= SCALING_TARGET)
        rows.append(row)
    say(table(rows))
    for note in notes:
        say(note)

    if not arguments.no_extractors:
        timings, problem = time_extractors(python, corpus_path)
        say()
        say(f"each extractor alone, CPU time in one process, on the same {megabytes:.2f} MB "
            f"(statements get the entities found)")
        if timings is None:
            say(f"  not measured: {problem}")
        else:
            rows = [["extractor", "CPU", "MB/s", "target", ""]]
            for name, seconds in timings["seconds"].items():
                speed = megabytes / seconds if seconds else float("inf")
                error = timings["errors"].get(name)
                target = f">= {EXTRACTOR_TARGET:g} MB/s" if name != "resolve" else ""
                rows.append([name, f"{seconds:.2f} s", f"{speed:.1f}", target,
                             f"raised {error}" if error else
                             verdict(speed >= EXTRACTOR_TARGET) if target else ""])
            say(table(rows))

    # Peak memory: a big corpus streams; a huge text file is one document (or chunks of it).
    if arguments.big_mb > 0:
        say()
        source = "/usr/bin/time -v" if shutil.which("time", path="/usr/bin:/bin") else "rusage"
        say(f"peak resident memory of the child (--jobs 1, one run each; {source})")
        rows, notes = [["input", "size", "time", "CPU", "MB/s", "max RSS", "target", ""]], []
        big = temporary / "big"
        for shape in ("jsonl", "text"):
            # One big file on disk at a time.
            if shape == "jsonl":
                documents, size = write_jsonl(repeated(corpus, arguments.big_mb), big)
                label = f"JSON Lines, {documents} documents"
            else:
                size, label = write_text(corpus, arguments.big_mb, big), "one text file"
            outcome = run_once(command + ["extract", str(big), "--input-format", shape, "-f", "jsonl",
                                          "--jobs", "1"], measure_memory=True, timeout=3600)
            big.unlink()
            rss = outcome.max_rss_mb
            rows.append([label, f"{size:.0f} MB", f"{outcome.seconds:.1f} s",
                         f"{outcome.cpu_seconds:.1f} s", f"{size / outcome.seconds:.2f}",
                         f"{rss:.0f} MB" if rss is not None else "?", f"< {MEMORY_TARGET_MB:g} MB",
                         outcome.failure or verdict(rss is not None and rss < MEMORY_TARGET_MB)])
            notes += outcome.notes(label)
        say(table(rows))
        for note in notes:
            say(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
