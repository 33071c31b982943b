"""The human-readable golden form of generated questions (tests/golden/*.md)."""

from __future__ import annotations

from collections.abc import Sequence

from quizmaster.models import Question


def question_block(q: Question) -> str:
    """One question as an exam setter reviews it: prompt, options, answer, why."""
    lines = [f"### {q.id}", "", f"*{q.kind}* · {q.topic}", ""]
    lines.extend(f"    {line}" for line in q.prompt.splitlines())
    if q.options is not None:
        lines.append("")
        lines.extend(f"    ({'abcd'[i] if i < 4 else i + 1}) {o}" for i, o in enumerate(q.options))
    lines.append("")
    lines.append(f"Answer: **{q.answer}**")
    if q.accepted:
        lines.append(f"Also accepted: {', '.join(q.accepted)}")
    if q.explanation:
        lines.append(f"Why: {q.explanation}")
    return "\n".join(lines) + "\n"


def golden_text(title: str, questions: Sequence[Question]) -> str:
    head = (
        f"# {title}\n\n"
        f"{len(questions)} questions. Regenerate with "
        "`QUIZMASTER_REGEN_GOLDENS=1 pytest tests/test_generate.py`.\n\n"
    )
    return head + "\n".join(question_block(q) for q in questions)
