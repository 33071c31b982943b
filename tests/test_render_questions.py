"""How each question kind is shown (quiz, mock and `questions show` share question_body)."""

from __future__ import annotations

from rich.console import Console
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.facts_file import load_facts_file
from quizmaster.generate import generate_questions
from quizmaster.models import Question
from quizmaster.paths import builtin_deck_path
from quizmaster.render import question_body
from tests.helpers.kind_decks import KINDS, KINDS_DIR, one_of_each_kind


def first_of_each_kind() -> dict[str, Question]:
    """One question of every kind, from the purpose-built decks of tests/data/kinds."""
    out = one_of_each_kind()
    assert set(out) == set(KINDS)
    return out


def shown(question: Question, width: int = 70) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(question_body(question))
    return console.export_text()


def test_every_kind_renders_without_its_answer_unless_an_option() -> None:
    builtin = generate_questions(load_facts_file(builtin_deck_path()).resolved_facts())
    for kind, q in [*first_of_each_kind().items(), *((q.kind, q) for q in builtin)]:
        text = shown(q)
        flat = " ".join(text.split())
        if q.options is None:
            assert q.answer not in flat, kind
        else:
            if kind == "true_false":
                assert "t) True" in text and "f) False" in text
            else:
                for number, option in enumerate(q.options, 1):
                    assert f"{number}) {option}" in flat, (kind, option)


def test_statements_are_numbered_and_wrap_under_their_text() -> None:
    q = first_of_each_kind()["statements"]
    lines = shown(q, width=60).splitlines()
    assert lines[0] == "Consider the following statements:"
    assert lines[1].startswith("  1. ")
    # A long statement wraps with a hanging indent, under its first word.
    assert lines[2].startswith("     ") and not lines[2].startswith("  2. ")
    assert any(line.strip().endswith("correct?") for line in lines)


def test_match_shows_both_lists_side_by_side() -> None:
    q = first_of_each_kind()["match"]
    text = shown(q)
    assert "List I" in text and "List II" in text
    assert "A. Asha Rao" in text and "1. " in text
    assert "Select the correct code." in text


def test_questions_show_renders_a_statements_question(runner: CliRunner) -> None:
    q = first_of_each_kind()["statements"]
    imported = runner.invoke(app, ["import", str(KINDS_DIR / "statements.yaml")])
    assert imported.exit_code == 0, imported.stderr
    result = runner.invoke(app, ["questions", "show", q.id])
    assert result.exit_code == 0, result.stderr
    assert "Consider the following statements:" in result.stdout
    assert f"Answer: {q.answer}" in result.stdout
    assert "…" not in result.stdout  # nothing cropped when stdout is not a terminal


def test_questions_show_renders_a_cloze_with_its_blank(runner: CliRunner) -> None:
    q = first_of_each_kind()["cloze"]
    imported = runner.invoke(app, ["import", str(KINDS_DIR / "cloze.yaml")])
    assert imported.exit_code == 0, imported.stderr
    result = runner.invoke(app, ["questions", "show", q.id])
    assert result.exit_code == 0, result.stderr
    assert "_____" in result.stdout and f"Answer: {q.answer}" in result.stdout


def test_a_card_header_never_names_the_answer() -> None:
    """An ingested deck is named after the names its article speaks of most, and its topics
    after its headings: "Meera Das, Chess" over "the _____ Grand Master" would answer this card
    or another in its border. Cards show the topic only, and only when it holds no word of
    the key."""
    from quizmaster.models import ClozeQuestion
    from quizmaster.records import StoredQuestion
    from quizmaster.render import question_panel

    def header(topic: str) -> str:
        question = ClozeQuestion(
            id="f1:cloze:x",
            fact_id="f1",
            variant="x",
            prompt="In 2031, Meera Das became India's _____ Grandmaster.",
            answer="90th",
            topic=topic,
        )
        console = Console(width=120, record=True, color_system=None)
        console.print(question_panel(StoredQuestion(question, deck="Meera Das, Chess")))
        return console.export_text().splitlines()[0]

    assert "Fill in the blank" in header("Chess, 90th")
    assert "90th" not in header("Chess, 90th")
    assert "Meera Das, Chess" not in header("Chess news")
    assert "Chess news" in header("Chess news")
