"""Shared fixtures; `pytest --regenerate-samples` rewrites the samples' expected outputs."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def pytest_addoption(parser):
    parser.addoption("--regenerate-samples", action="store_true",
                     help="rewrite samples/*.expected.* from the current output (review the diff)")


@pytest.fixture
def regenerate(request):
    return request.config.getoption("--regenerate-samples")


@pytest.fixture
def kursk_sample():
    return SAMPLES / "kursk-general-staff-2025-04-26.txt"
