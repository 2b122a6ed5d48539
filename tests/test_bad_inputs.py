"""Bad inputs cost one line on stderr and their own records, never the batch or the output file.

`tests/bad_inputs/expected.jsonl` names each bad file, the exit code of a run on it alone, the
one-line messages it must print (`kursk: PATH: what is wrong`) and the records that must still
come out. Each file runs alone, then all of them run in ONE batch mixed with good documents,
which must come out exactly as they do alone. Big or machine-dependent inputs are made here at
test time. Known bugs are strict xfails (an entry with a `bug` field), so a fix is noticed.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kursk_cli import io as kursk_io
from kursk_cli.cli import main

HERE = Path(__file__).resolve().parent / "bad_inputs"
CASES = [json.loads(line) for line in (HERE / "expected.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
GOOD_TEXT = ("KYIV (Reuters) - Russian forces fired 12 missiles and 30 drones at Kyiv overnight on "
             "3 May 2024, the Ukrainian air force said, adding that 28 drones were shot down.\n")
GOOD_RECORDS = [
    {"id": "good-a", "text": "Ukraine's General Staff said about 1,200 Russian troops were killed "
                             "over the past day.", "date": "2025-04-26"},
    {"id": "good-b", "text": "“We will not give up a single village,” President Volodymyr "
                             "Zelenskiy told reporters in Kyiv on Friday."},
]


# --- helpers -----------------------------------------------------------------------------------

def run(*arguments, input=None):
    return CliRunner().invoke(main, [str(argument) for argument in arguments], input=input)


def records(stdout: str):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def stderr_lines(result):
    return [line for line in result.stderr.splitlines() if line.strip()]


def line_matches(actual: str, expected: str) -> bool:
    """Exact, or a prefix when the expected line ends in `...`."""
    if expected.endswith("..."):
        return actual.startswith(expected[:-3])
    return actual == expected


def assert_lines(actual, expected):
    assert len(actual) == len(expected) and all(map(line_matches, actual, expected)), (
        "stderr:\n  " + "\n  ".join(actual) + "\nexpected:\n  " + "\n  ".join(expected))


def assert_no_crash(result):
    """A traceback (an exception out of the command) is a bug, whatever the exit code."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"the command raised {type(result.exception).__name__}: "
                             f"{result.exception}") from result.exception


def expected_for(case, path):
    fill = lambda text: text.replace("{path}", str(path))   # noqa: E731
    return [fill(line) for line in case["stderr"]], [fill(name) for name in case["ids"]]


def case_params(cases):
    return [pytest.param(case, id=case["file"],
                         marks=[pytest.mark.xfail(strict=True, reason=case["bug"])] if "bug" in case else [])
            for case in cases]


def kursk_command():
    script = shutil.which("kursk")
    return [script] if script else [sys.executable, "-m", "kursk_cli"]


def assert_offsets(record, text):
    for kind in ("figures", "dates", "entities", "statements"):
        for item in record.get(kind, []):
            assert text[item["start"]:item["end"]] == item["text"], (kind, item)


@pytest.fixture
def good_files(tmp_path):
    """Good documents of every input format, and how each comes out when run alone."""
    directory = tmp_path / "good"
    directory.mkdir()
    text = directory / "good.txt"
    text.write_text(GOOD_TEXT, encoding="utf-8")
    corpus = directory / "good.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in GOOD_RECORDS), encoding="utf-8")
    table = directory / "good.csv"
    table.write_text('id,date,text\ngood-c,2024-05-04,"Two drones were shot down, officials said."\n',
                     encoding="utf-8")
    alone = {}
    for path in (text, corpus, table):
        result = run("extract", path, "-f", "jsonl")
        assert result.exit_code == 0 and result.stderr == "", result.stderr
        alone[path] = records(result.stdout)
    return alone


# --- each bad input alone ----------------------------------------------------------------------

@pytest.mark.parametrize("case", case_params(CASES))
def test_bad_input_alone(case):
    path = HERE / case["file"]
    result = run("extract", path, "-f", "jsonl")
    assert_no_crash(result)
    expected_stderr, expected_ids = expected_for(case, path)
    assert_lines(stderr_lines(result), expected_stderr)
    assert result.exit_code == case["exit"]
    assert [record["id"] for record in records(result.stdout)] == expected_ids


@pytest.mark.parametrize("name,encoding", [("utf16-bom.txt", "utf-16"), ("utf8-bom.txt", "utf-8-sig"),
                                           ("crlf.txt", "utf-8"), ("empty.txt", "utf-8")])
def test_good_encodings_keep_offsets_into_the_decoded_text(name, encoding):
    path = HERE / name
    text = path.read_bytes().decode(encoding)
    result = run("extract", path, "-f", "jsonl")
    (record,) = records(result.stdout)
    assert_offsets(record, text)
    if text:
        assert record["figures"], "the good document was read but nothing came out of it"


# --- all of them in one batch with good documents ----------------------------------------------

def batch(good_files, tmp_path, cases):
    """Arguments, expected stderr lines and expected ids of one batch, good and bad interleaved."""
    missing = tmp_path / "no-such-file.txt"
    goods = list(good_files)
    arguments, stderr, ids = [], [], []
    bad = [(HERE / case["file"], case) for case in cases]
    bad.insert(3, (missing, {"stderr": ["kursk: {path}: no such file or directory"], "ids": []}))
    for position, (path, case) in enumerate(bad):
        if position % 3 == 0 and goods:
            good = goods.pop(0)
            arguments.append(good)
            ids += [record["id"] for record in good_files[good]]
        expected_stderr, expected_ids = expected_for(case, path)
        arguments.append(path)
        stderr += expected_stderr
        ids += expected_ids
    for good in goods:
        arguments.append(good)
        ids += [record["id"] for record in good_files[good]]
    return arguments, stderr, ids


def assert_good_documents_intact(good_files, out_records):
    by_id = {}
    for record in out_records:
        by_id.setdefault(record["id"], record)
    for path, alone in good_files.items():
        for record in alone:
            assert by_id.get(record["id"]) == record, f"{path}: record {record['id']} changed in the batch"


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_batch_reports_every_bad_input_and_keeps_every_good_document(good_files, tmp_path, jobs):
    known_good = [case for case in CASES if "bug" not in case]
    arguments, expected_stderr, expected_ids = batch(good_files, tmp_path, known_good)
    result = run("extract", *arguments, "-f", "jsonl", "--jobs", jobs)
    assert_no_crash(result)
    assert_lines(stderr_lines(result), expected_stderr)
    assert result.exit_code == 1
    out = records(result.stdout)
    assert [record["id"] for record in out] == expected_ids
    assert_good_documents_intact(good_files, out)


@pytest.mark.parametrize("jobs", [1, 2])
def test_files_from_list_with_bad_paths(good_files, tmp_path, jobs):
    """The same batch named by `--files-from - -0` (NUL-separated, as `find -print0` writes)."""
    known_good = [case for case in CASES if "bug" not in case]
    arguments, expected_stderr, expected_ids = batch(good_files, tmp_path, known_good)
    names = "".join(f"{argument}\0" for argument in arguments)
    result = run("extract", "--files-from", "-", "-0", "-f", "jsonl", "--jobs", jobs, input=names)
    assert_no_crash(result)
    assert_lines(stderr_lines(result), expected_stderr)
    assert result.exit_code == 1
    assert [record["id"] for record in records(result.stdout)] == expected_ids


TEXT_CASES = [case for case in CASES if case["file"].endswith(".txt")]


@pytest.mark.parametrize("case", case_params(TEXT_CASES))
def test_show_reports_a_bad_text_file_like_extract(case):
    path = HERE / case["file"]
    result = run("show", path, "--no-pager", "--color", "never")
    assert_no_crash(result)
    expected_stderr, _ids = expected_for(case, path)
    assert_lines(stderr_lines(result), expected_stderr)
    assert result.exit_code == case["exit"]
    assert (result.stdout != "") == (case["exit"] == 0)


def test_show_reports_a_missing_path_and_a_directory(tmp_path):
    for path, message in ((tmp_path / "nope.txt", "no such file or directory"), (tmp_path, "is a directory")):
        result = run("show", path, "--no-pager")
        assert_no_crash(result)
        assert_lines(stderr_lines(result), [f"kursk: {path}: {message}"])
        assert result.exit_code == 1 and result.stdout == ""


# --- inputs made at test time ------------------------------------------------------------------

def test_huge_single_line_is_one_document_with_whole_file_offsets(tmp_path):
    """Bigger than the size at which the CLI reads a text in chunks, and without one newline."""
    threshold = getattr(kursk_io, "LONG_TEXT_BYTES", 8 * 2 ** 20)
    filler = "a" * 999 + " "
    middle = filler * (threshold // len(filler) + 100)
    text = "Kyiv said 5 tanks were destroyed. " + middle + "Officials said 7 drones were shot down."
    path = tmp_path / "one-line.txt"
    path.write_text(text, encoding="utf-8")
    result = run("extract", path, "-f", "jsonl", "--only", "figures")
    assert_no_crash(result)
    assert result.exit_code == 0 and result.stderr == ""
    (record,) = records(result.stdout)
    assert record["id"] == str(path)
    assert_offsets(record, text)
    values = [figure["value"] for figure in record["figures"]]
    assert 5 in values and 7 in values, values


def test_deeply_nested_jsonl_line_is_one_malformed_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(json.dumps(GOOD_RECORDS[0]) + "\n" + "[" * 100_000 + "\n"
                    + json.dumps(GOOD_RECORDS[1]) + "\n", encoding="utf-8")
    result = run("extract", path, "-f", "jsonl")
    assert_no_crash(result)
    assert_lines(stderr_lines(result), [f"kursk: {path}:2: JSON nested too deeply, line skipped"])
    assert result.exit_code == 1
    assert [record["id"] for record in records(result.stdout)] == ["good-a", "good-b"]


def test_symlink_loop_with_follow_symlinks_reads_each_file_once(tmp_path):
    root = tmp_path / "tree"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "sub" / "up").symlink_to("..")
    result = run("extract", root, "--follow-symlinks", "-f", "jsonl")
    assert_no_crash(result)
    assert [record["id"] for record in records(result.stdout)] == [str(root / "sub" / "a.txt")]
    assert len(stderr_lines(result)) <= 1, result.stderr     # at most one line about the loop


def test_path_in_a_message_is_escaped(tmp_path):
    """A file name is the user's text: control characters in it cannot reach the terminal."""
    path = tmp_path / "no\x1b[31mred\nline.txt"
    result = run("extract", path, "-f", "jsonl")
    assert result.exit_code == 1
    (line,) = stderr_lines(result)
    assert "\x1b" not in line and "\\x1b" in line and line.endswith("no such file or directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file_and_directory(tmp_path, good_files):
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD_TEXT, encoding="utf-8")
    secret.chmod(0)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(GOOD_TEXT, encoding="utf-8")
    locked.chmod(0)
    good = next(iter(good_files))
    try:
        result = run("extract", secret, locked, good, "-f", "jsonl")
    finally:
        locked.chmod(0o755)
    assert_no_crash(result)
    assert_lines(stderr_lines(result), [f"kursk: {secret}: permission denied",
                                        f"kursk: {locked}: permission denied"])
    assert result.exit_code == 1
    assert records(result.stdout) == good_files[good]


# --- the output file is whole or absent ---------------------------------------------------------

def leftovers(directory: Path):
    return sorted(path.name for path in directory.iterdir() if path.name.startswith(".kursk-"))


def test_output_file_holds_every_good_record_after_input_errors(good_files, tmp_path):
    arguments, _stderr, expected_ids = batch(good_files, tmp_path, [c for c in CASES if "bug" not in c])
    out_directory = tmp_path / "out"
    out_directory.mkdir()
    target = out_directory / "all.jsonl"
    result = run("extract", *arguments, "-o", target)
    assert_no_crash(result)
    assert result.exit_code == 1 and result.stdout == ""
    assert [record["id"] for record in records(target.read_text(encoding="utf-8"))] == expected_ids
    assert sorted(path.name for path in out_directory.iterdir()) == ["all.jsonl"]


def test_output_into_a_missing_directory_is_one_message(tmp_path, good_files):
    target = tmp_path / "missing" / "all.jsonl"
    result = run("extract", next(iter(good_files)), "-o", target)
    assert_no_crash(result)
    assert_lines(stderr_lines(result), [f"kursk: {target}: no such file or directory"])
    assert result.exit_code == 1
    assert not target.parent.exists()


@pytest.mark.parametrize("bad", ["deep-nesting", "nan-id.jsonl", "lone-surrogate.jsonl"])
def test_output_file_is_not_left_behind_when_the_command_fails_midway(tmp_path, good_files, bad):
    """Whatever goes wrong after good records were written, no partial file and no temporary remain."""
    if bad == "deep-nesting":
        path = tmp_path / "deep.jsonl"
        path.write_text("[" * 100_000 + "\n", encoding="utf-8")
    else:
        path = HERE / bad
    good = [path for path in good_files if path.suffix == ".jsonl"][0]
    out_directory = tmp_path / "out"
    out_directory.mkdir()
    target = out_directory / "all.jsonl"
    run("extract", good, path, "-o", target)
    assert leftovers(out_directory) == []
    if target.exists():   # only a complete run may leave the file: then it holds the good records
        written = [record["id"] for record in records(target.read_text(encoding="utf-8"))]
        assert written[:len(good_files[good])] == [record["id"] for record in good_files[good]]


@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupt_leaves_no_partial_output_and_exits_130(tmp_path, jobs):
    """Ctrl-C (SIGINT to the process group) while a big standard input is being processed."""
    out_directory = tmp_path / "out"
    out_directory.mkdir()
    target = out_directory / "all.jsonl"
    line = json.dumps({"text": GOOD_TEXT * 4}) + "\n"
    data = (line * (1_000_000 // len(line) + 1)).encode("utf-8")
    arguments = ["extract", "--input-format", "jsonl", "-", "-o", str(target), "--jobs", str(jobs)]
    process = subprocess.Popen(kursk_command() + arguments,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)

    def feed():
        # Everything is written but standard input stays open: the command cannot finish first.
        try:
            process.stdin.write(data)
            process.stdin.flush()
        except (BrokenPipeError, ValueError):
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        deadline = time.monotonic() + 60
        # Wait until records are being written to the temporary file: processing is under way.
        while time.monotonic() < deadline:
            parts = [out_directory / name for name in leftovers(out_directory)]
            if parts and any(part.exists() and part.stat().st_size > 0 for part in parts):
                break
            if process.poll() is not None:
                break
            time.sleep(0.02)
        assert process.poll() is None, process.stderr.read().decode("utf-8", "replace")
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=120)
        stderr = process.stderr.read()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        writer.join(timeout=10)
        for stream in (process.stdin, process.stdout, process.stderr):
            try:
                stream.close()
            except OSError:
                pass
    stderr = stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert process.returncode == 130, stderr
    assert "kursk: interrupted" in stderr
    assert leftovers(out_directory) == [] and not target.exists()
