"""Golden samples: every samples/* input, run through the CLI, must print its expected output.

A sample's reference date is the date in its file name; JSON Lines samples carry their own.
Expected outputs are JSON (`-f json`) in `NAME.expected.json`, an extension that `kursk extract
samples/` does not walk, so the README's command reads only the inputs.
Run `pytest tests/test_samples.py --regenerate-samples` after a deliberate change and review the
diff of samples/*.expected.* like code.
"""
import re

import pytest
from click.testing import CliRunner

from kursk_cli.cli import main
from conftest import SAMPLES

INPUTS = sorted(path for path in SAMPLES.iterdir()
                if path.suffix in (".txt", ".jsonl") and ".expected" not in path.name)


def expected_path(path):
    return path.with_name(path.stem + ".expected.json")


def run_sample(path):
    arguments = ["extract", str(path.relative_to(SAMPLES.parent)), "-f", "json"]
    date = re.search(r"\d{4}-\d{2}-\d{2}", path.name)
    if date and path.suffix == ".txt":
        arguments += ["--reference-date", date.group()]
    return CliRunner().invoke(main, arguments)


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.name)
def test_sample_matches_expected_output(path, regenerate, monkeypatch):
    monkeypatch.chdir(SAMPLES.parent)
    result = run_sample(path)
    assert result.exit_code == 0, result.output
    if regenerate:
        expected_path(path).write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected_path(path).read_text(encoding="utf-8")
