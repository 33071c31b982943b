"""A mock paper: the terminal screen and its prompt line, the piped question and answer, and the
result sheet. Exam clocks and labels are worded here for ``history`` too.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quizmaster.render.consoles import err, out
from quizmaster.render.questions import KIND_LABEL, card_title, hides_answer, question_body

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from quizmaster.mock import Attempt, Marking, MockResult


_mock_console: Console | None = None


def mock_to_stderr(flag: bool) -> None:
    """With ``mock --json`` the paper is shown on stderr so stdout carries only the JSON."""
    global _mock_console
    _mock_console = err() if flag else None


def _mc() -> Console:
    return _mock_console or out()


def clock_text(seconds: float) -> str:
    """``754.2`` -> ``12:35`` (``1:02:05`` past an hour); rounded up, as exam clocks do."""
    total = max(0, int(-(-seconds // 1)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _exam_label(exam: str) -> str:
    return exam.upper() if exam != "custom" else "Custom"


def _marking_text(marking: Marking) -> str:
    from quizmaster.mock import fraction_text

    wrong = marking.wrong
    shown = f"{wrong.numerator}/{wrong.denominator}" if wrong.denominator != 1 else str(wrong)
    return (
        f"+{fraction_text(marking.correct)} / -{shown}"
        if wrong
        else (f"+{fraction_text(marking.correct)} / 0")
    )


def _choice_text(options: Sequence[str], index: int | None) -> str:
    if index is None:
        return "(none)"
    return f"{index + 1}) {options[index]}"


def _palette(attempt: Attempt) -> Text:
    """The question palette of a computer-based exam: answered, marked, current."""
    text = Text()
    for i, (answer, marked) in enumerate(zip(attempt.answers, attempt.marked, strict=True)):
        sign = ("✓" if answer is not None else "·") + ("?" if marked else " ")
        style = "green" if answer is not None else "dim"
        if marked:
            style = "yellow"
        if i == attempt.current:
            style += " reverse"
        text.append(f"{i + 1:>2}{sign}", style=style)
        text.append(" ")
    return text


# Two lines, each under 80 columns: one line wrapped on a narrower or wider terminal
# leaves a lone word ("submit") on the next.
MOCK_KEYS_HELP = (
    "Keys: 1-4 or a-d answer (then next) · n/→ next · p/← previous · g go to number\n"
    "      m mark for review · x clear answer · s submit"
)


def mock_screen(attempt: Attempt, remaining: float, message: str = "") -> None:
    """The whole screen of one question in a terminal mock."""
    console = _mc()
    paper = attempt.paper
    item = attempt.item
    q = item.question
    console.clear()
    console.print(
        Text.assemble(
            (f"{_exam_label(paper.exam)} mock", "bold cyan"),
            f"  ·  marking {_marking_text(paper.marking)}  ·  ",
            (f"⏱ {clock_text(remaining)} left", "bold"),
            f"  ·  answered {len(paper.items) - attempt.unanswered}/{len(paper.items)}",
            f"  ·  marked {attempt.marked_count}",
        )
    )
    answer = attempt.answers[attempt.current]
    subtitle = "Your answer: " + escape(_choice_text(item.options, answer))
    if attempt.marked[attempt.current]:
        subtitle += "  ·  ★ marked for review"
    console.print(
        Panel(
            question_body(q),
            title=card_title(
                f"Q{item.number}/{len(paper.items)}",
                KIND_LABEL.get(q.kind, q.kind),
                escape(hides_answer(q.topic, q)),
                sep=" · ",
            ),
            title_align="left",
            subtitle=subtitle,
            subtitle_align="right",
            border_style="yellow" if attempt.marked[attempt.current] else "cyan",
        )
    )
    console.print(_palette(attempt))
    console.print(Text(MOCK_KEYS_HELP, style="dim"))
    if message:
        console.print(Text(message, style="bold yellow"))


def mock_prompt(attempt: Attempt, remaining: float, mode: str, typed: str) -> None:
    """The prompt line, rewritten in place every second so the countdown ticks."""
    left = f"⏱ {clock_text(remaining)} left"
    if mode == "goto":
        text = f"{left} · Go to question (1-{len(attempt.paper.items)}), then Enter: {typed}"
    elif mode == "confirm":
        text = (
            f"{left} · Submit now? {attempt.unanswered} unanswered, "
            f"{attempt.marked_count} marked for review [y/N] "
        )
    else:
        text = f"{left} · Q{attempt.item.number}/{len(attempt.paper.items)} > "
    console = _mc()
    if not console.is_terminal:  # redirected: no cursor tricks in a file
        return
    console.file.write("\r\x1b[K" + text)
    console.file.flush()


def mock_done(timed_out: bool) -> None:
    """Ends the prompt line of a terminal mock."""
    console = _mc()
    if console.is_terminal:
        console.file.write("\n")
    console.print("Time is up: the paper is submitted." if timed_out else "Paper submitted.")


def mock_plain_question(attempt: Attempt, remaining: float) -> None:
    """One question of a scripted (piped) mock, as plain text."""
    item = attempt.item
    console = _mc()
    console.print(
        f"Q{item.number}/{len(attempt.paper.items)} · "
        f"{KIND_LABEL.get(item.question.kind, item.question.kind)} · "
        f"{clock_text(remaining)} left"
    )
    console.print(question_body(item.question))


def mock_plain_answer(attempt: Attempt) -> None:
    item = attempt.item
    answer = attempt.answers[attempt.current]
    _mc().print(Text(f"Your answer: {_choice_text(item.options, answer)}\n"))


_RESULT_SIGN = {"correct": ("✓ correct", "green"), "wrong": ("✗ wrong", "red")}


def mock_result(result: MockResult) -> None:
    """The result sheet: score, counts, time, and every question with the right answer."""
    from quizmaster.mock import fraction_text

    console = out()
    paper = result.paper
    ending = "time up, paper submitted" if result.timed_out else "submitted"
    lines = Text()
    lines.append(f"{_exam_label(paper.exam)} mock", style="bold cyan")
    lines.append(f"  ·  {len(result.items)} questions  ·  {ending}")
    if paper.seed is not None:
        lines.append(f"  ·  seed {paper.seed}", style="dim")
    lines.append("\n")
    lines.append(
        f"Score: {fraction_text(result.score)} / {fraction_text(paper.max_score)}", style="bold"
    )
    if result.score.denominator != 1:
        lines.append(f"  (exactly {result.score})")
    lines.append(f"    Marking: {_marking_text(paper.marking)}, unanswered 0\n")
    lines.append(f"Correct {result.count('correct')}", style="green")
    lines.append(f"  ·  Wrong {result.count('wrong')}", style="red")
    lines.append(f"  ·  Unanswered {result.count('unanswered')}")
    lines.append(f"  ·  Time {clock_text(result.duration_s)} of {clock_text(paper.minutes * 60)}")
    console.print(Panel(lines, title="Result", title_align="left", border_style="cyan"))
    # Each question: number, result and marks, then its text; wrapped lines and the answer
    # lines hang under the text, not under the number.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for item in result.items:
        q = item.item.question
        sign, style = _RESULT_SIGN.get(item.result, ("– unanswered", "yellow"))
        marks = fraction_text(item.marks)
        body = Text(q.prompt)
        if item.marked:
            body = Text.assemble(("[marked for review] ", "bold yellow"), q.prompt)
        options = item.item.options
        detail = f"Your answer: {_choice_text(options, item.answer)}"
        if item.result != "correct":
            detail += f"    Right answer: {_choice_text(options, item.item.correct_index)}"
        body.append("\n" + detail)
        if q.explanation:
            body.append(f"\nWhy: {q.explanation}", style="dim")
        grid.add_row(
            Text(f"{item.item.number}.", style="bold"),
            Text(sign, style=style),
            Text(("+" if item.marks > 0 else "") + marks, style=style),
            body,
        )
    console.print(grid)
    _mock_footer(result)


def _mock_footer(result: MockResult) -> None:
    """The score again at the end of the sheet, with a breakdown by topic."""
    from quizmaster.mock import fraction_text

    console = out()
    paper = result.paper
    topics: dict[str, list[Any]] = {}
    for item in result.items:
        topics.setdefault(item.item.question.topic, []).append(item)
    table = Table(title="By topic", title_justify="left", box=None, pad_edge=False)
    table.add_column("Topic")
    table.add_column("Right", justify="right")
    table.add_column("Wrong", justify="right")
    table.add_column("Blank", justify="right")
    table.add_column("Marks", justify="right")
    for topic, items in sorted(topics.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        table.add_row(
            escape(topic),
            str(sum(i.result == "correct" for i in items)),
            str(sum(i.result == "wrong" for i in items)),
            str(sum(i.result == "unanswered" for i in items)),
            fraction_text(sum((i.marks for i in items), Fraction(0))),
        )
    console.print("")
    console.print(table)
    marked = [i.item.number for i in result.items if i.marked]
    console.print(
        Text(
            f"Score: {fraction_text(result.score)} / {fraction_text(paper.max_score)}  ·  "
            f"Correct {result.count('correct')}  ·  Wrong {result.count('wrong')}  ·  "
            f"Unanswered {result.count('unanswered')}",
            style="bold",
        )
    )
    if marked:
        console.print(
            Text(f"Marked for review: {', '.join(f'Q{n}' for n in marked)}", style="yellow")
        )
    if result.brought_forward:
        n = len(result.brought_forward)
        console.print(
            f"{n} question{'s' if n != 1 else ''} you got wrong {'are' if n != 1 else 'is'} "
            "now due in your daily quiz (quizmaster quiz)."
        )
    if result.session_id is not None:
        number = result.number if result.number is not None else result.session_id
        console.print(Text(f"Stored as mock #{number}; see quizmaster history.", "dim"))
