"""Domain errors. The core raises them with a message a user can act on; only the CLI
turns them into an exit code."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1
    BAD_INPUT = 2


class QuizmasterError(Exception):
    """Base class: ``str(error)`` is the one line shown to the user."""

    exit_code: ExitCode = ExitCode.BAD_INPUT


class InputFileError(QuizmasterError):
    """A file the user gave us is unreadable or invalid.

    The message starts with ``path:line:`` when the line is known, like a compiler error.
    """

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class DatabaseError(QuizmasterError):
    """The database cannot be opened or is not a quizmaster database."""


class NotFoundError(QuizmasterError):
    """A deck, fact or question named on the command line does not exist."""


class UsageError(QuizmasterError):
    """Options that do not make sense together, or a value out of range."""
