"""A quiz session: each question, the feedback on an answer, messages, the summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from quizmaster.render.consoles import out, plain_out, prompt
from quizmaster.render.plural import _days
from quizmaster.render.questions import (
    KIND_LABEL,
    answer_hint,
    card_title,
    hides_answer,
    question_body,
)

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from quizmaster.reports import SessionSummary
    from quizmaster.session import Feedback
    from quizmaster.study_queue import Item


_RATING_LABEL = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def _flush(console: Console) -> None:
    # Feedback must be on the screen (or in the pipe) before the next answer is read.
    console.file.flush()


def _session_header(item: Item, position: int, total: int, practice: bool) -> str:
    q = item.stored.question
    return card_title(
        f"{position}/{total}",
        KIND_LABEL.get(q.kind, q.kind),
        hides_answer(q.topic, q),
        "practice" if practice else "",
    )


def session_question(item: Item, position: int, total: int, *, practice: bool, plain: bool) -> None:
    """One question of a quiz: progress, kind and topic (never the deck: see hides_answer),
    the question body."""
    header = _session_header(item, position, total, practice)
    if not plain:
        out().print("")
    if plain:
        console = plain_out()
        console.print("")
        console.print(f"[{header}]")
        console.print(question_body(item.stored.question))
        console.print(f"Answer ({answer_hint(item.stored.question)}; :help for commands)")
        _flush(console)
        return
    out().print(
        Panel(
            question_body(item.stored.question),
            title=escape(header),
            title_align="left",
            subtitle=f"{answer_hint(item.stored.question)}  ·  :help",
            subtitle_align="right",
            border_style="magenta" if practice else "cyan",
        )
    )


def session_feedback(feedback: Feedback, *, plain: bool) -> None:
    """Right or wrong, the correct answer, the explanation, when the question comes back."""
    q = feedback.item.stored.question
    verdict = feedback.verdict
    answer = q.answer
    if q.options is not None and q.kind != "true_false" and answer in q.options:
        answer = f"{q.options.index(answer) + 1}) {answer}"
    if verdict.correct:
        head = "Right (typo forgiven)" if verdict.typo else "Right"
    elif feedback.response.strip() in ("", "?"):
        head = "Don't know"
    else:
        head = "Wrong"
    rating = _RATING_LABEL[int(feedback.rating)]
    if feedback.card_after is None:
        when_text = "practice: schedule unchanged"
        if feedback.again_in_session:
            when_text += ", back later in this session"
    elif feedback.again_in_session:
        when_text = "back later in this session"
    else:
        when_text = f"next {feedback.next_in}"
    if feedback.overridden:
        # A re-rating is one line: the answer and explanation are still on the screen.
        counted = "right" if verdict.correct else "wrong"
        session_message(
            f"Re-rated {rating} (counted {counted})  ·  {when_text}", style="bold", plain=plain
        )
        return
    lines = [
        (f"{head}.", "bold green" if verdict.correct else "bold red"),
        (f"Answer: {answer}", "green"),
    ]
    if not verdict.correct and verdict.choice is not None and q.options is not None:
        picked = q.options[verdict.choice]
        mine = picked if q.kind == "true_false" else f"{verdict.choice + 1}) {picked}"
        lines.insert(1, (f"You chose: {mine}", "red"))
    if q.explanation:
        lines.append((f"Why: {q.explanation}", ""))
    lines.append((f"Rated {rating}  ·  {when_text}", "dim"))
    if feedback.leech:
        lines.append(
            (
                "This question has lapsed 8 times: tagged leech and suspended. Rewrite the fact "
                "or learn it another way; to bring it back: quizmaster questions unsuspend "
                f"{q.id}",
                "bold yellow",
            )
        )
    if plain:
        console = plain_out()
        for text, _style in lines:
            console.print(text)
        _flush(console)
        return
    body = Text()
    for index, (text, style) in enumerate(lines):
        body.append(("\n" if index else "") + text, style=style)
    out().print(Panel(body, border_style="green" if verdict.correct else "red"))
    keys = (
        "Enter next · u undo · s suspend · q quit"
        if feedback.card_after is None  # practice: nothing to re-rate
        else "Enter next · re-rate 1 Again 2 Hard 3 Good 4 Easy · u undo · s suspend · q quit"
    )
    out().print(Text(keys, style="dim"))


def session_message(text: str, *, style: str = "", plain: bool) -> None:
    if plain:
        plain_out().print(text)
        _flush(plain_out())
    else:
        out().print(Text(text, style=style))


def session_prompt(prefix: str = "", *, marker: bool = True) -> str:
    """Read one typed line in the terminal (readline editing works); ``prefix`` is shown
    after the prompt as if typed (the ":" that starts a command). Without ``marker`` the
    line goes on after a "> " already shown by :func:`session_key_prompt`."""
    return out().input(f"{'[bold cyan]> [/]' if marker else ''}{escape(prefix)}")


def session_key_prompt() -> None:
    """The "> " an answer key goes after, shown while the key is awaited: the terminal does
    not echo the key, so :func:`session_key_echo` ends the line with it."""
    prompt("> ", style="bold cyan")


def session_key_echo(key: str = "") -> None:
    """The key pressed after the "> " (or nothing), and the end of that line."""
    out().print(Text(key))


def session_summary(data: SessionSummary, *, plain: bool) -> None:
    """End of session: answered, correct, accuracy, time, streak, due tomorrow."""
    minutes, seconds = divmod(int(data.seconds), 60)
    accuracy = "-" if data.accuracy is None else f"{data.accuracy:.0%}"
    title = "Practice over" if data.practice else "Session saved"
    lines = [
        f"Answered {data.answered}, correct {data.correct} ({accuracy}) "
        f"in {minutes}m {seconds:02d}s",
        f"Streak: {_days(data.streak_days)}    Due tomorrow: {data.due_tomorrow}",
    ]
    if data.left_in_queue:
        lines.append(f"{data.left_in_queue} left for later: run quizmaster quiz again")
    if data.leeches:
        lines.append(
            f"Suspended as leeches: {', '.join(data.leeches)} (to bring them back: "
            "quizmaster questions unsuspend --all-leeches)"
        )
    if plain:
        console = plain_out()
        console.print("")
        console.print(f"{title}.")
        for line in lines:
            console.print(line)
        _flush(console)
        return
    out().print("")  # after a ^C echoed on the prompt line
    out().print(Panel(Text("\n".join(lines)), title=title, title_align="left", border_style="cyan"))


def nothing_to_quiz(message: str, *, plain: bool) -> None:
    (plain_out() if plain else out()).print(message)
