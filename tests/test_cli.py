"""The `kursk` command: input modes, output formats, errors and exit codes.

Exit code, stdout and stderr are checked apart; stdin is fed through `input=`; the installed
console script runs once for real in a subprocess.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kursk_cli.cli import main

TEXT = "Russian forces fired 12 missiles at Kyiv on 3 May 2024, officials said.\n"


def run(*arguments, input=None):
    return CliRunner().invoke(main, list(arguments), input=input)


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Nothing to see.", encoding="utf-8")
    (tmp_path / "sub" / "ignored.pdf").write_bytes(b"%PDF")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "r1", "text": TEXT, "date": "2024-05-04"}) + "\n"
        + json.dumps({"text": "Two drones were shot down."}) + "\n", encoding="utf-8")
    return tmp_path


# --- input modes -------------------------------------------------------------------------------

def test_text_file_is_one_document_with_its_path_as_id(corpus):
    result = run("extract", str(corpus / "a.txt"), "-f", "jsonl")
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    assert record["id"] == record["source"] == str(corpus / "a.txt")
    assert set(record) >= {"schema_version", "reference_date", "reference_date_source",
                           "figures", "dates", "entities", "statements"}


def test_directory_is_walked_recursively_in_sorted_order(corpus):
    result = run("extract", str(corpus), "-f", "jsonl")
    assert result.exit_code == 0
    ids = [record["id"] for record in records(result.stdout)]
    assert ids == [str(corpus / "a.txt"), "r1", 2, str(corpus / "sub" / "b.md")]


def test_stdin_is_read_when_no_path_or_dash():
    for arguments in (["extract", "-f", "jsonl"], ["extract", "-", "-f", "jsonl"]):
        result = run(*arguments, input=TEXT)
        assert result.exit_code == 0
        assert records(result.stdout)[0]["id"] == "-"


def test_jsonl_records_take_id_and_date_fields(corpus):
    result = run("extract", str(corpus / "c.jsonl"), "-f", "jsonl", "--reference-date", "2020-01-01")
    first, second = records(result.stdout)
    assert (first["id"], first["reference_date"], first["reference_date_source"]) == \
        ("r1", "2024-05-04", "field")
    assert (second["id"], second["reference_date"], second["reference_date_source"]) == \
        (2, "2020-01-01", "option")


def test_jsonl_from_stdin_with_custom_fields():
    line = json.dumps({"key": "k1", "body": TEXT, "published": "2024-05-04T08:00:00Z"})
    result = run("extract", "--input-format", "jsonl", "--text-field", "body", "--id-field", "key",
                 "--date-field", "published", "-f", "jsonl", input=line + "\n")
    (record,) = records(result.stdout)
    assert (record["id"], record["reference_date"]) == ("k1", "2024-05-04")


def test_date_fields_in_other_layouts_are_read_and_bad_ones_reported(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps({"id": identifier, "text": TEXT, "date": date}) for identifier, date in
                              [("nyt", "2022/06/23"), ("rss", "Sat, 26 Apr 2025 23:30:00 -0500"),
                               ("vague", "last week"), ("none", "")]) + "\n", encoding="utf-8")
    result = run("extract", str(path), "-f", "jsonl", "--reference-date", "March 1, 2020")
    assert result.exit_code == 0
    assert [(record["reference_date"], record["reference_date_source"]) for record in records(result.stdout)] == \
        [("2022-06-23", "field"), ("2025-04-26", "field"), ("2020-03-01", "option"), ("2020-03-01", "option")]
    assert result.stderr.count("\n") == 1 and "record vague: date field 'last week'" in result.stderr


def test_a_file_of_bad_date_fields_reports_only_its_first_few(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"text": TEXT, "date": "unknown"}) + "\n" for _ in range(5)),
                    encoding="utf-8")
    result = run("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 0 and len(records(result.stdout)) == 5
    warnings = result.stderr.splitlines()
    assert len(warnings) == 3 and warnings[-1].endswith("further bad date fields in this file are not reported")


@pytest.mark.parametrize("extension,delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_rows_are_documents(tmp_path, extension, delimiter):
    path = tmp_path / f"corpus.{extension}"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["id", "date", "text"])
        writer.writerow(["x", "2024-05-04", "Line one,\nline two with 5 tanks."])
        writer.writerow(["", "", TEXT])
    result = run("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    first, second = records(result.stdout)
    assert first["id"] == "x" and second["id"] == 2
    assert first["reference_date"] == "2024-05-04"


def test_files_from_reads_null_separated_paths(corpus):
    names = f"{corpus / 'a.txt'}\0{corpus / 'sub' / 'b.md'}\0"
    result = run("extract", "--files-from", "-", "-0", "-f", "jsonl", input=names)
    assert [record["id"] for record in records(result.stdout)] == \
        [str(corpus / "a.txt"), str(corpus / "sub" / "b.md")]


def test_record_date_beats_option_and_text_dateline_is_used_last(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Losses\n2022-07-21 10:45:00 | ID: 1234\n\nTanks ‒ 10 (+1)\n", encoding="utf-8")
    (record,) = records(run("extract", str(path), "-f", "jsonl").stdout)
    assert (record["reference_date"], record["reference_date_source"]) == ("2022-07-21", "text")


def test_without_any_date_partial_dates_stay_unresolved():
    (record,) = records(run("extract", "-f", "jsonl", "--only", "dates",
                            input="The attack began on 26 April.").stdout)
    assert record["reference_date"] is None
    assert [date["value"] for date in record["dates"]] == ["XXXX-04-26"]


def test_only_limits_the_kinds_in_the_record():
    (record,) = records(run("extract", "-f", "jsonl", "--only", "figures,dates", input=TEXT).stdout)
    assert "entities" not in record and "statements" not in record
    assert "figures" in record and "dates" in record


# --- output formats ----------------------------------------------------------------------------

def test_json_is_one_array():
    result = run("extract", "-f", "json", input=TEXT)
    assert result.exit_code == 0
    assert isinstance(json.loads(result.stdout), list)


def test_json_of_nothing_is_an_empty_array(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert json.loads(run("extract", str(empty), "-f", "json").stdout) == []


@pytest.mark.parametrize("output_format,delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_has_one_row_per_item_with_a_kind_column(output_format, delimiter):
    result = run("extract", "-f", output_format, "--reference-date", "2024-05-04", input=TEXT)
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter=delimiter))
    assert {row["kind"] for row in rows} <= {"figure", "date", "entity", "statement"}
    assert "figure" in {row["kind"] for row in rows}
    assert all(row["id"] == "-" for row in rows)


def test_csv_excel_safe_neutralises_formulas(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"id": "=HYPERLINK(1)", "text": "5 tanks"}) + "\n")
    plain = run("extract", str(path), "-f", "csv").stdout
    safe = run("extract", str(path), "-f", "csv", "--excel-safe").stdout
    assert "\n=HYPERLINK" in plain and "'=HYPERLINK" in safe


def test_table_is_readable_text_with_a_header():
    result = run("extract", "-f", "table", "--reference-date", "2024-05-04", input=TEXT)
    assert result.exit_code == 0
    assert "reference date 2024-05-04" in result.stdout
    assert "figures" in result.stdout and "\x1b" not in result.stdout


def test_default_format_when_piped_is_jsonl():
    result = run("extract", input=TEXT)
    assert records(result.stdout)[0]["id"] == "-"


def test_output_file_is_written_whole(tmp_path):
    target = tmp_path / "out.jsonl"
    result = run("extract", "-o", str(target), input=TEXT)
    assert result.exit_code == 0 and result.stdout == ""
    assert records(target.read_text())[0]["id"] == "-"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_jobs_give_the_same_output_as_a_serial_run(corpus):
    serial = run("extract", str(corpus), "-f", "jsonl", "-j", "1").stdout
    parallel = run("extract", str(corpus), "-f", "jsonl", "-j", "2").stdout
    assert serial == parallel


# --- errors and exit codes ---------------------------------------------------------------------

def test_missing_file_is_reported_and_the_batch_goes_on(corpus):
    result = run("extract", str(corpus / "nope.txt"), str(corpus / "a.txt"), "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"kursk: {corpus / 'nope.txt'}: no such file or directory"
    assert len(records(result.stdout)) == 1


def test_binary_file_is_skipped_with_a_message(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    result = run("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 1
    assert "binary" in result.stderr and str(path) in result.stderr
    assert result.stdout == ""


def test_undecodable_bytes_name_the_byte_offset(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Kyiv said 5 tanks — caf\xe9".encode("utf-8")[:-2] + b"\xe9 ok")
    result = run("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 1
    assert "at byte" in result.stderr
    replaced = run("extract", str(path), "-f", "jsonl", "--encoding-errors", "replace")
    assert replaced.exit_code == 0


@pytest.mark.parametrize("bom,encoding", [(b"\xef\xbb\xbf", "utf-8"), (b"", "utf-16"), (b"", "utf-32")])
def test_byte_order_marks_are_detected(tmp_path, bom, encoding):
    path = tmp_path / "x.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    result = run("extract", str(path), "-f", "jsonl", "--only", "figures")
    assert result.exit_code == 0, result.stderr
    figure = records(result.stdout)[0]["figures"][0]
    assert TEXT[figure["start"]:figure["end"]] == figure["text"]


def test_malformed_jsonl_line_is_reported_with_its_number(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "5 tanks"}\n{not json\n[1, 2]\n{"text": "7 drones"}\n')
    result = run("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"kursk: {path}:2: malformed JSON")
    assert lines[1].startswith(f"kursk: {path}:3: not a JSON object")
    assert [record["id"] for record in records(result.stdout)] == [1, 4]


def test_csv_without_the_text_column(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,body\n1,hello\n")
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"kursk: {path}: no 'text' column")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(TEXT)
    path.chmod(0)
    result = run("extract", str(path))
    assert result.exit_code == 1 and "permission denied" in result.stderr


def test_directory_where_a_file_is_needed(tmp_path):
    result = run("show", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"kursk: {tmp_path}: is a directory"


def test_usage_errors_exit_2():
    assert run("extract", "--only", "people", input="x").exit_code == 2
    assert run("extract", "--reference-date", "next week", input="x").exit_code == 2
    assert run("extract", "--format", "xml", input="x").exit_code == 2


def test_empty_input_gives_an_empty_record():
    result = run("extract", "-f", "jsonl", input="")
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    assert record["figures"] == [] and record["entities"] == []


def test_version_names_package_data_and_schema():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("kursk ") and "data" in result.stdout and "schema" in result.stdout


def test_input_format_choices_are_the_ones_io_reads():
    from kursk_cli import cli, io as inputs
    assert cli.INPUT_FORMATS == inputs.INPUT_FORMATS


def test_help_loads_neither_the_readers_nor_the_extractors():
    # Start-up speed: `kursk --help` should cost little more than importing click.
    code = ("import sys, kursk_cli.cli; "
            "print(' '.join(sorted(name for name in sys.modules if name.startswith(('kursk_cli', 'rich')))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True).stdout.split()
    assert not [name for name in loaded if name.startswith(("kursk_cli.io", "kursk_cli.model",
                                                             "kursk_cli.extract", "kursk_cli.pipeline",
                                                             "rich"))]


# --- the installed console script, for real ----------------------------------------------------

def kursk_command():
    script = shutil.which("kursk")
    return [script] if script else [sys.executable, "-m", "kursk_cli"]


def test_console_script_runs_and_ends_quietly_on_a_broken_pipe(kursk_sample):
    done = subprocess.run(kursk_command() + ["extract", str(kursk_sample), "--reference-date",
                                             "2025-04-26", "-f", "json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    (record,) = json.loads(done.stdout)
    assert record["reference_date"] == "2025-04-26"
    # `| head -c 1`: the reader goes away; no BrokenPipeError message, no traceback
    pipeline = subprocess.run(f"yes '{TEXT.strip()}' | head -n 3000 | {' '.join(kursk_command())} "
                              f"extract --input-format text - -f csv | head -c 1",
                              shell=True, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in pipeline.stderr and "Broken" not in pipeline.stderr


def test_terminal_stdin_without_a_path_is_a_usage_error():
    pty = pytest.importorskip("pty")
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run(kursk_command() + ["extract"], stdin=secondary, capture_output=True,
                              text=True, timeout=30)
    finally:
        os.close(primary)
        os.close(secondary)
    assert done.returncode == 2
    assert "give a PATH" in done.stderr


# --- -o onto what is already there ---------------------------------------------------------------

def test_output_file_gets_the_usual_mode_or_keeps_its_own(tmp_path):
    target = tmp_path / "out.jsonl"
    run("extract", "-o", str(target), input=TEXT)
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    run("extract", "-o", str(target), input=TEXT)
    assert target.stat().st_mode & 0o777 == 0o640


def test_output_through_a_link_replaces_the_target_and_keeps_the_link(tmp_path):
    (tmp_path / "target.jsonl").write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to("target.jsonl")
    assert run("extract", "-o", str(link), input=TEXT).exit_code == 0
    assert link.is_symlink()
    assert records((tmp_path / "target.jsonl").read_text())[0]["id"] == "-"


def test_output_to_a_fifo_writes_into_it(tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = run("extract", "-o", str(fifo), "-f", "jsonl", input=TEXT)
    received, _ = reader.communicate(timeout=30)
    assert result.exit_code == 0
    assert records(received.decode())[0]["id"] == "-"
    assert fifo.is_fifo()


def test_output_dash_is_standard_output():
    result = run("extract", "-o", "-", "-f", "jsonl", input=TEXT)
    assert records(result.stdout)[0]["id"] == "-"


# --- corpus files refused whole, and odd paths -------------------------------------------------

@pytest.mark.parametrize("name,data,options,message", [
    ("blob.jsonl", b"\x00\x01binary" * 100, [], "binary file (contains NUL bytes), skipped"),
    ("blob.csv", b"id,text\n\x00\x01" * 100, [], "binary file (contains NUL bytes), skipped"),
    ("corpus.csv", b"id,text\n1,a\n", ["--encoding", "bogus"], "unknown encoding 'bogus'"),
    ("corpus.jsonl", b'{"text": "a"}\n', ["--encoding", "bogus"], "unknown encoding 'bogus'"),
    ("corpus.tsv", "id\ttext\n1\tab\n".encode("utf-16-le"), ["--encoding", "utf-16"],
     "cannot decode: UTF-16 stream does not start with BOM"),
], ids=["binary-jsonl", "binary-csv", "bogus-encoding-csv", "bogus-encoding-jsonl", "utf16-without-bom"])
def test_a_corpus_file_that_cannot_be_read_is_one_error_and_the_batch_goes_on(tmp_path, name, data, options,
                                                                              message):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.jsonl"   # read with the same options: UTF-8 is valid in latin-1 too
    good.write_text(json.dumps({"id": "good", "text": TEXT}) + "\n")
    if "--encoding" in options:   # an encoding option applies to every file of the batch alike
        result = run("extract", str(bad), "-f", "jsonl", *options)
        assert (result.exit_code, result.stderr.splitlines()) == (1, [f"kursk: {bad}: {message}"])
        return
    result = run("extract", str(bad), str(good), "-f", "jsonl", *options)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"kursk: {bad}: {message}"]
    assert [record["id"] for record in records(result.stdout)] == ["good"]


def test_unterminated_csv_quote_is_malformed_not_swallowed(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text('id,text\n1,"fine"\n2,"unterminated\n3,x\n')
    result = run("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"kursk: {path}:3: malformed CSV")
    assert [record["id"] for record in records(result.stdout)] == ["1"]


def test_broken_link_is_reported_when_links_are_followed(tmp_path):
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "a.txt").write_text(TEXT)
    followed = run("extract", str(tmp_path), "--follow-symlinks", "-f", "jsonl")
    assert followed.exit_code == 1
    assert followed.stderr.strip() == f"kursk: {tmp_path / 'broken.txt'}: broken symbolic link"
    assert run("extract", str(tmp_path), "-f", "jsonl").exit_code == 0


def test_stdin_cannot_be_both_the_path_list_and_a_document(corpus):
    result = run("extract", "--files-from", "-", "-f", "jsonl", input=f"{corpus / 'a.txt'}\n-\n")
    assert result.exit_code == 1
    assert result.stderr.strip() == "kursk: -: standard input is already read as the list of paths"
    assert len(records(result.stdout)) == 1
