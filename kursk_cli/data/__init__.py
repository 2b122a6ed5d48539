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


def data_version() -> str:
    """A short fingerprint of the shipped data files, so results can be tied to the data used."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.rglob("*.json")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
