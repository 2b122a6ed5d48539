"""Terminal behaviour: colour, progress, stats, quiet, and hostile text that must not drive the terminal.

Where the terminal matters the real console script runs under a pseudo-terminal.
"""
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import time

import pytest
from click.testing import CliRunner

from kursk_cli.cli import main
from kursk_cli.render.show import plain_markup
from kursk_cli.render.terminal import safe_text

HOSTILE = ("Kyiv said 12 tanks were lost.\x1b]52;c;ZXZpbA==\x07 Then \x1b[2J the screen, "
           "\u202eevil\u202c text and [bold red]markup[/] and [/] stay text.\x9b31m")


def run(*arguments, input=None, env=None):
    return CliRunner(env=env).invoke(main, list(arguments), input=input)


def kursk_command():
    script = shutil.which("kursk")
    return [script] if script else [sys.executable, "-m", "kursk_cli"]


def run_in_terminal(arguments, stdin_data=None, terminal_stdout=True, env=None, timeout=60):
    """Run kursk with stderr (and stdout if asked) on a pseudo-terminal; return (stdout, terminal)."""
    primary, secondary = pty.openpty()
    stdout_file = tempfile.TemporaryFile()   # a pipe could fill up while we read the terminal
    environment = dict(os.environ, **(env or {}))
    environment.pop("NO_COLOR", None) if env is None or "NO_COLOR" not in env else None
    process = subprocess.Popen(kursk_command() + arguments, stdin=subprocess.PIPE,
                               stdout=secondary if terminal_stdout else stdout_file,
                               stderr=secondary, env=environment)
    os.close(secondary)
    # A list of inputs is fed with pauses between them, so that a run lasts long enough to show progress.
    for index, data in enumerate(stdin_data if isinstance(stdin_data, list) else [stdin_data or b""]):
        if index:
            process.stdin.flush()
            time.sleep(1.5)
        process.stdin.write(data)
    process.stdin.close()
    captured = b""
    while True:
        ready, _, _ = select.select([primary], [], [], timeout)
        if not ready:
            break
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        captured += chunk
    process.wait(timeout=timeout)
    stdout_file.seek(0)
    stdout = stdout_file.read()
    os.close(primary)
    return process.returncode, stdout, captured.decode("utf-8", "replace")


# --- colour ------------------------------------------------------------------------------------

@pytest.mark.parametrize("color,coloured", [("always", True), ("never", False), ("auto", False)])
def test_color_option_on_a_table(color, coloured):
    result = run("extract", "-f", "table", "--color", color, input="Kyiv said 12 tanks were lost.")
    assert ("\x1b[" in result.stdout) == coloured


def test_auto_colour_on_a_terminal_and_no_color_turns_it_off():
    code, _, screen = run_in_terminal(["extract", "-", "-f", "table"], b"Kyiv said 12 tanks were lost.")
    assert code == 0 and "\x1b[" in screen
    code, _, screen = run_in_terminal(["extract", "-", "-f", "table"], b"Kyiv said 12 tanks were lost.",
                                      env={"NO_COLOR": "1"})
    assert code == 0 and "\x1b[" not in screen and "figures" in screen


def test_machine_formats_are_never_coloured():
    for output_format in ("json", "jsonl", "csv", "tsv"):
        always = run("extract", "-f", output_format, "--color", "always", input=HOSTILE).stdout
        assert always == run("extract", "-f", output_format, "--color", "never", input=HOSTILE).stdout


# --- hostile text ------------------------------------------------------------------------------

def test_safe_text_removes_controls_and_shows_bidi_escaped():
    cleaned = safe_text(HOSTILE)
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x9b" not in cleaned
    assert "\\u202e" in cleaned and "\u202e" not in cleaned


@pytest.mark.parametrize("command", [["extract", "-f", "table"], ["show", "-"]], ids=["table", "show"])
@pytest.mark.parametrize("color", ["always", "never"])
def test_tables_and_show_cannot_drive_the_terminal(command, color, tmp_path):
    if command[0] == "extract":   # a table shows the id and the items' text: both hostile here
        corpus = tmp_path / "hostile.jsonl"
        corpus.write_text(json.dumps({"id": HOSTILE, "text": HOSTILE}) + "\n", encoding="utf-8")
        result = run(*command, str(corpus), "--color", color)
    else:
        result = run(*command, "--color", color, input=HOSTILE)
    assert result.exit_code == 0, result.stderr
    assert "\x1b]" not in result.stdout and "\x1b[2J" not in result.stdout and "\x07" not in result.stdout
    assert "\u202e" not in result.stdout and "\\u202e" in result.stdout
    assert "[bold red]markup[/]" in result.stdout
    escapes = [part.split("m", 1)[0] for part in result.stdout.split("\x1b[")[1:]]
    assert all(set(code) <= set("0123456789;") for code in escapes)   # colours only


def test_json_keeps_the_raw_text_escaped():
    (record,) = [json.loads(line) for line in run("extract", "-f", "jsonl", input=HOSTILE).stdout.splitlines()]
    for item in record["figures"] + record["entities"]:
        assert HOSTILE[item["start"]:item["end"]] == item["text"]
    raw = run("extract", "-f", "jsonl", input=HOSTILE).stdout
    assert "\x1b" not in raw and "\\u001b" in raw


def test_markup_like_text_is_printed_as_text():
    result = run("show", "-", "--color", "never", input="They said [bold]nothing[/] about [/] it.")
    assert "[bold]nothing[/]" in result.stdout and "[/] it." in result.stdout


# --- show --------------------------------------------------------------------------------------

def test_plain_markup_marks_each_item_inline():
    text = "Kyiv said 12 tanks were lost."
    marks = [(0, 4, "LOC", "LOC"), (10, 12, "figure", "figure 12 equipment")]
    statements = [{"start": 0, "end": len(text), "speaker": "Ukraine", "cue": "said", "stance": "assert"}]
    assert plain_markup(text, marks, statements) == \
        "{[Kyiv|LOC] said [12|figure 12 equipment] tanks were lost.}<<Ukraine: said, assert>>\n"


def test_show_piped_is_plain_text_with_markers(kursk_sample):
    result = run("show", str(kursk_sample), "--reference-date", "2025-04-26")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "[76,000|figure 76000" in result.stdout
    assert "[26 April|date 2025-04-26]" in result.stdout


def test_show_on_a_terminal_is_coloured_with_a_legend(kursk_sample):
    code, _, screen = run_in_terminal(["show", str(kursk_sample), "--reference-date", "2025-04-26",
                                       "--no-pager"])
    assert code == 0
    assert "\x1b[" in screen and "organisation" in screen and "2025-04-26" in screen


# --- progress, stats, quiet --------------------------------------------------------------------

def test_progress_goes_to_a_terminal_stderr_only(tmp_path):
    part = "".join(json.dumps({"id": i, "text": "Kyiv said 12 tanks were lost. " * 4}) + "\n"
                   for i in range(100)).encode()
    corpus = part * 3
    code, stdout, screen = run_in_terminal(["extract", "--input-format", "jsonl", "-", "-f", "jsonl"],
                                           [part, part, part], terminal_stdout=False)
    assert code == 0
    assert "documents" in screen and "MB/s" in screen
    assert b"MB/s" not in stdout and stdout.count(b"\n") == 300
    piped = subprocess.run(kursk_command() + ["extract", "--input-format", "jsonl", "-"], input=corpus,
                           capture_output=True, timeout=120)
    assert piped.stderr == b""


def test_stats_prints_one_summary_line():
    result = run("extract", "--stats", "-f", "jsonl", input="Kyiv said 12 tanks were lost.")
    (line,) = result.stderr.splitlines()
    assert line.startswith("kursk: 1 documents") and "errors" in line


def test_quiet_silences_warnings_but_not_errors(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "5 tanks", "date": "yesterday"}\n{oops\n')
    loud = run("extract", str(path), "-f", "jsonl")
    quiet = run("extract", str(path), "-f", "jsonl", "-q")
    assert "kursk: warning:" in loud.stderr and "kursk: warning:" not in quiet.stderr
    assert "malformed JSON" in quiet.stderr and quiet.exit_code == 1
