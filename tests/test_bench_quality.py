"""The development-set bench: it reads a folder of articles and the answers an examiner would
ask, and reports how many of those answers some question keys (an article written for it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """Reef island names a new chief justice

Justice Asha Devi Rao was sworn in as the Chief Justice of Fiji on March 3, 2031.
She had earlier served as a judge of the Reef High Court for nine years in Suva.
"""


@pytest.mark.slow
def test_the_bench_reports_recall_and_writes_every_question(tmp_path: Path) -> None:
    (tmp_path / "01-chief-justice.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "expected.yaml").write_text(
        "01-chief-justice: [Asha Devi Rao, nine]\n", encoding="utf-8"
    )
    (tmp_path / "dates.tsv").write_text("01-chief-justice\t2031-03-03\n", encoding="utf-8")
    out = tmp_path / "questions.md"
    done = subprocess.run(
        [sys.executable, "bench/question_quality.py", str(tmp_path), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    # The appointment is the news and is asked; the career years are background.
    assert "recall of the examiner's answers: 1/2 = 50%" in done.stdout
    assert "Asha Devi Rao" in out.read_text(encoding="utf-8")
