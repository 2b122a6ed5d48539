"""One exception family for the core, and the exit statuses the CLI turns them into."""
from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    OK = 0                  # every input processed, whether or not anything was found
    INPUT_FAILED = 1        # some input could not be read; the rest was processed
    USAGE = 2               # bad options or arguments
    INTERRUPTED = 130       # Ctrl-C


class KurskError(Exception):
    """Base class of every error the package raises on purpose."""


class InputError(KurskError):
    """An input (a file, a record, a line) that cannot be read; the batch goes on without it."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class ArgumentError(KurskError, ValueError):
    """A bad argument to the Python API (an unknown kind, a reference date that is no date)."""
