"""Word lists and gazetteers shipped with the package; see README.md in this folder for sources."""
from __future__ import annotations

import functools
import json
from pathlib import Path

DATA_DIR = Path(__file__).parent


@functools.lru_cache(maxsize=None)
def load(name: str):
    """Return the parsed JSON data file `name` (e.g. "countries.json"), read once per process."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)
