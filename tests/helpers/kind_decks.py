"""Purpose-built facts files, one per question kind (tests/data/kinds/<kind>.yaml).

The generator keeps one question per fact and chooses its kind; these small decks are
written so that the kind of their file name is what it keeps."""

from __future__ import annotations

from pathlib import Path

from quizmaster.facts_file import load_facts_file
from quizmaster.generate import generate_questions
from quizmaster.generate.match import match_questions
from quizmaster.models import Fact, Question

KINDS_DIR = Path(__file__).resolve().parents[1] / "data" / "kinds"
KINDS = ("mcq", "short_answer", "cloze", "true_false", "statements", "match")


def kind_facts(kind: str) -> list[Fact]:
    return load_facts_file(KINDS_DIR / f"{kind}.yaml").resolved_facts()


def kind_questions(kind: str) -> list[Question]:
    """What the whole generator (gate and ranking included) keeps of the kind's deck."""
    return generate_questions(kind_facts(kind))


def one_of_each_kind() -> dict[str, Question]:
    """A question of every kind, as the generator builds it. Match questions come from the
    match builder: the gate refuses every match question (see test_question_kinds)."""
    out: dict[str, Question] = {}
    for kind in KINDS:
        made: list[Question] = (
            list(match_questions(kind_facts(kind))) if kind == "match" else kind_questions(kind)
        )
        out[kind] = next(q for q in made if q.kind == kind)
    return out
