"""A line the user types at a prompt (or pipes on stdin): read whole, capped in length and
cleaned like a quiz answer. Used to confirm a change and to review an ingest's facts."""

from __future__ import annotations

from typing import TextIO


def read_answer(stdin: TextIO, message: str) -> str:
    """One line typed after ``message``; EOFError when input ends. The rest of an over-long
    line is read and dropped, so it cannot answer the next prompt."""
    from quizmaster import render
    from quizmaster.boundary_checks import MAX_ANSWER_CHARS, clean_answer

    render.prompt(message)
    line = stdin.readline(4 * MAX_ANSWER_CHARS)
    if not line:
        raise EOFError
    if not line.endswith("\n"):
        while (rest := stdin.readline(4 * MAX_ANSWER_CHARS)) and not rest.endswith("\n"):
            pass
    return clean_answer(line.rstrip("\r\n"))
