"""Golden files: output compared byte for byte with a checked-in copy. One environment
variable regenerates every golden file of the suite:

    QUIZMASTER_REGEN_GOLDENS=1 python -m pytest tests/test_generate.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REGEN_VAR = "QUIZMASTER_REGEN_GOLDENS"
GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def regenerating() -> bool:
    return os.environ.get(REGEN_VAR) == "1"


def check_golden(path: Path, text: str) -> None:
    """``text`` must equal the golden file; with ``QUIZMASTER_REGEN_GOLDENS=1`` it becomes it."""
    if regenerating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    if not path.exists():
        pytest.fail(f"{path.name} is missing; run with {REGEN_VAR}=1 to write it")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{path.name} differs; {REGEN_VAR}=1 to accept the new output"
