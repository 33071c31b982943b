"""Everything the user sees in a terminal. The only module that imports Rich.

When stdout is not a terminal Rich drops colours and cursor tricks by itself, so the same
functions print plain text for scripts and pipes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quizmaster.models import MatchQuestion, Question, StatementsQuestion
from quizmaster.store import DeckInfo, LoadReport, StoredFact, StoredQuestion

_out: Console | None = None
_err: Console | None = None


def out() -> Console:
    global _out
    if _out is None:
        _out = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    return _out


def err() -> Console:
    global _err
    if _err is None:
        _err = Console(stderr=True, highlight=False)
    return _err


def error(message: str) -> None:
    """One line on stderr: ``Error: <message>``."""
    err().print(Text.assemble(("Error: ", "bold red"), message), soft_wrap=True)


def info(message: str) -> None:
    """A status line on stderr, so stdout stays clean for data."""
    err().print(Text(message, style="dim"), soft_wrap=True)


def json_out(data: Any) -> None:
    """Machine-readable output: exactly one JSON document on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def decks_table(decks: Sequence[DeckInfo]) -> None:
    if not decks:
        out().print("No decks yet. Import one with: quizmaster import FILE.yaml")
        return
    table = Table(title="Decks", title_justify="left")
    table.add_column("Deck", style="bold")
    table.add_column("Facts", justify="right")
    table.add_column("Questions", justify="right")
    table.add_column("Source")
    for deck in decks:
        source = " · ".join(x for x in (deck.source_title, deck.source_date) if x)
        table.add_row(escape(deck.name), str(deck.facts), str(deck.questions), escape(source))
    out().print(table)


def facts_table(facts: Sequence[StoredFact]) -> None:
    if not facts:
        out().print("No facts.")
        return
    table = Table(title=f"{len(facts)} facts", title_justify="left")
    table.add_column("ID", style="cyan", overflow="fold", ratio=2)
    table.add_column("Statement", ratio=5)
    table.add_column("Topic")
    table.add_column("Key spans", style="dim")
    for item in facts:
        fact = item.fact
        spans = ", ".join(f"{s.text} ({s.type.value})" for s in fact.spans)
        table.add_row(fact.id, escape(fact.statement), escape(fact.topic), escape(spans))
    out().print(table)


def questions_table(questions: Sequence[StoredQuestion]) -> None:
    if not questions:
        out().print("No questions.")
        return
    table = Table(title=f"{len(questions)} questions", title_justify="left")
    table.add_column("ID", style="cyan", overflow="fold", ratio=2)
    table.add_column("Kind")
    table.add_column("Prompt", ratio=4)
    table.add_column("Answer", style="green", ratio=2)
    for item in questions:
        q = item.question
        table.add_row(q.id, q.kind, escape(q.prompt), escape(q.answer))
    out().print(table)


def load_report(report: LoadReport, *, dry_run: bool = False) -> None:
    verb = "Would import" if dry_run else "Imported"
    out().print(
        f"{verb} deck [bold]{escape(report.deck)}[/bold]: "
        f"facts {len(report.facts_added)} added, {len(report.facts_updated)} updated, "
        f"{len(report.facts_unchanged)} unchanged, {len(report.facts_retired)} retired; "
        f"questions {len(report.questions_added)} added, {len(report.questions_updated)} "
        f"updated, {len(report.questions_unchanged)} unchanged, "
        f"{len(report.questions_retired)} retired."
    )


KIND_LABEL = {
    "short_answer": "Short answer",
    "cloze": "Fill in the blank",
    "mcq": "Multiple choice",
    "true_false": "True or false",
    "statements": "Statements",
    "match": "Match the pairs",
}


def question_body(question: Question) -> Group:
    """The question as the quiz shows it, without the answer."""
    parts: list[Any] = []
    if isinstance(question, StatementsQuestion):
        parts.append(Text(question.prompt))
        for number, statement in enumerate(question.statements, 1):
            parts.append(Text(f"  {number}. {statement}"))
    elif isinstance(question, MatchQuestion):
        parts.append(Text(question.prompt))
        table = Table(show_header=True, box=None, padding=(0, 2))
        table.add_column("List I")
        table.add_column("List II")
        letters = "ABCDEFGH"
        for i in range(max(len(question.left), len(question.right))):
            left = f"{letters[i]}. {question.left[i]}" if i < len(question.left) else ""
            right = f"{i + 1}. {question.right[i]}" if i < len(question.right) else ""
            table.add_row(left, right)
        parts.append(table)
    else:
        parts.append(Text(question.prompt))
    options = question.options
    if options is not None and question.kind != "true_false":
        parts.append(Text(""))
        for index, option in enumerate(options):
            parts.append(Text(f"  {index + 1}) {option}"))
    elif question.kind == "true_false":
        parts.append(Text("\n  t) True    f) False"))
    return Group(*parts)


def question_panel(item: StoredQuestion, *, subtitle: str | None = None) -> Panel:
    q = item.question
    title = f"{KIND_LABEL.get(q.kind, q.kind)} · {escape(item.deck)} · {escape(q.topic)}"
    return Panel(
        question_body(q),
        title=title,
        title_align="left",
        subtitle=subtitle,
        subtitle_align="right",
        border_style="cyan",
    )


def show_question(item: StoredQuestion, *, with_answer: bool = True) -> None:
    """``questions show``: the question as the quiz shows it, then its answer."""
    out().print(question_panel(item, subtitle=item.question.id))
    if with_answer:
        q = item.question
        out().print(Text.assemble(("Answer: ", "bold green"), q.answer))
        if q.explanation:
            out().print(Text.assemble(("Why: ", "bold"), q.explanation))


def dashboard(summary: dict[str, Any]) -> None:
    """The screen of ``quizmaster`` alone: what is due and what to run next."""
    lines = Text()
    lines.append("quizmaster", style="bold cyan")
    lines.append(
        f"  ·  {summary['decks']} decks, {summary['facts']} facts, "
        f"{summary['questions']} questions\n"
    )
    lines.append(f"Due now: {summary['due_now']}    New available: {summary['new_available']}\n")
    if "streak_days" in summary:  # quiz sessions (issue 4)
        lines.append(
            f"New today: {summary['new_today']}    Streak: {_days(summary['streak_days'])}\n"
        )
        days = summary.get("days_to_exam")
        if days is not None and days >= 0:
            when = "today" if days == 0 else f"in {_days(days)}"
            lines.append(f"Exam {summary['exam_date']}: {when}\n")
    lines.append(f"Next: {summary['next_command']}", style="bold")
    out().print(Panel(lines, border_style="cyan"))


# --- FSRS parameter optimization (issue 9) ---------------------------------------------------

import datetime as dt  # noqa: E402  (kept inside this feature's block)

from quizmaster.optimizer import Outcome  # noqa: E402


def _percent(value: float) -> str:
    return f"{value * 100:.2f}%"


def optimize_report(outcome: Outcome) -> None:
    """``quizmaster optimize``: the hold-out comparison and what was done with the fit."""
    fit = outcome.fit
    source = "your review history" if outcome.source == "database" else outcome.source
    out().print(
        f"Fitted FSRS-6 parameters to {fit.reviews} reviews from {escape(source)}: the older "
        f"{fit.train_reviews} to fit, the latest {fit.holdout_reviews} held out to check "
        f"({fit.holdout_predictions} of them came a day or more after the card's previous "
        f"review and were scored)."
    )
    table = Table(title_justify="left", box=None, padding=(0, 2))
    table.add_column("Parameters")
    table.add_column("Log loss", justify="right")
    table.add_column("RMSE (bins)", justify="right")
    for label, metrics in (("Default", fit.default), ("Fitted", fit.fitted)):
        style = "bold green" if label == "Fitted" and fit.better else ""
        table.add_row(label, f"{metrics.log_loss:.4f}", _percent(metrics.rmse_bins), style=style)
    out().print(table)
    out().print(Text("Lower is better for both measures.", style="dim"))
    if outcome.saved:
        out().print(
            Text("Saved: the scheduler now uses your fitted parameters.", style="bold green")
        )
        if outcome.rescheduled is None:
            out().print(
                "Existing cards keep their due dates. To recompute them with the new "
                "parameters: quizmaster optimize --reschedule"
            )
        else:
            out().print(f"Rescheduled {outcome.rescheduled} cards with the new parameters.")
    elif outcome.dry_run:
        verdict = "beat" if fit.better else "do not beat"
        out().print(
            f"Dry run: nothing saved. The fitted parameters {verdict} the defaults on the hold-out."
        )
    else:
        out().print(
            "Not saved: the fitted parameters do not beat the defaults on the hold-out "
            "(lower log loss and no higher RMSE (bins) are both required); the scheduler "
            "keeps its current parameters."
        )


def fsrs_parameters_text(info: dict[str, Any]) -> Text:
    """One line for ``quizmaster stats``: which FSRS parameters are in use (see
    ``optimizer.parameters_info``)."""
    if info.get("source") != "fitted":
        return Text.assemble(
            ("Scheduler: ", "bold"),
            "FSRS-6 with default parameters (fit them to your reviews: quizmaster optimize)",
        )
    when = str(info.get("fitted_at") or "an unknown date")
    try:
        when = dt.datetime.fromisoformat(when).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        pass
    line = Text.assemble(
        ("Scheduler: ", "bold"), f"FSRS-6 with parameters fitted to your reviews on {when}"
    )
    metrics = info.get("metrics") or {}
    try:
        fitted, default = metrics["fitted"]["log_loss"], metrics["default"]["log_loss"]
        line.append(f" (hold-out log loss {fitted:.4f}, defaults {default:.4f})")
    except (KeyError, TypeError):
        pass
    return line


def fsrs_parameters(info: dict[str, Any]) -> None:
    out().print(fsrs_parameters_text(info))


# --- quiz sessions (issue 4) --------------------------------------------------------------


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


_RATING_LABEL = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
_plain: Console | None = None


def plain_out() -> Console:
    """A console that never colours nor moves the cursor: scripted sessions."""
    global _plain
    if _plain is None:
        _plain = Console(
            file=sys.stdout,
            force_terminal=False,
            no_color=True,
            highlight=False,
            markup=False,
            emoji=False,
            soft_wrap=True,
        )
    return _plain


def _flush(console: Console) -> None:
    # Feedback must be on the screen (or in the pipe) before the next answer is read.
    console.file.flush()


def _session_header(item: Any, position: int, total: int, practice: bool) -> str:
    q = item.stored.question
    mode = "  ·  practice" if practice else ""
    return (
        f"{position}/{total}  ·  {KIND_LABEL.get(q.kind, q.kind)}  ·  {item.stored.deck}  ·  "
        f"{q.topic}{mode}"
    )


def _answer_hint(question: Question) -> str:
    options = question.options
    if question.kind == "true_false":
        return "t / f"
    if options is not None:
        return f"1-{len(options)} or a-{'abcdefgh'[len(options) - 1]}"
    return "type the answer, Enter · ? don't know"


def session_question(item: Any, position: int, total: int, *, practice: bool, plain: bool) -> None:
    """One question of a quiz: progress, kind, deck and topic, the question body."""
    header = _session_header(item, position, total, practice)
    if not plain:
        out().print("")
    if plain:
        console = plain_out()
        console.print("")
        console.print(f"[{header}]")
        console.print(question_body(item.stored.question))
        console.print(f"Answer ({_answer_hint(item.stored.question)}; :help for commands)")
        _flush(console)
        return
    out().print(
        Panel(
            question_body(item.stored.question),
            title=escape(header),
            title_align="left",
            subtitle=f"{_answer_hint(item.stored.question)}  ·  :help",
            subtitle_align="right",
            border_style="magenta" if practice else "cyan",
        )
    )


def session_feedback(feedback: Any, *, plain: bool) -> None:
    """Right or wrong, the correct answer, the explanation, when the question comes back."""
    q = feedback.item.stored.question
    verdict = feedback.verdict
    answer = q.answer
    if q.options is not None and q.kind != "true_false" and answer in q.options:
        answer = f"{q.options.index(answer) + 1}) {answer}"
    if verdict.correct:
        head = "Right (typo forgiven)" if verdict.typo else "Right"
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
                "or learn it another way.",
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
    out().print(
        Text(
            "Enter next · 1 Again 2 Hard 3 Good 4 Easy (re-rate) · u undo · s suspend · q quit",
            style="dim",
        )
    )


def session_message(text: str, *, style: str = "", plain: bool) -> None:
    if plain:
        plain_out().print(text)
        _flush(plain_out())
    else:
        out().print(Text(text, style=style))


def session_prompt(prefix: str = "") -> str:
    """Read one typed line in the terminal (readline editing works); ``prefix`` is shown
    after the prompt as if typed (the ":" that starts a command)."""
    return out().input(f"[bold cyan]> [/]{escape(prefix)}")


def answer_hint(question: Question) -> str:
    return _answer_hint(question)


def session_summary(data: dict[str, Any], *, plain: bool) -> None:
    """End of session: answered, correct, accuracy, time, streak, due tomorrow."""
    minutes, seconds = divmod(int(data["seconds"]), 60)
    accuracy = "-" if data["accuracy"] is None else f"{data['accuracy']:.0%}"
    title = "Practice over" if data["practice"] else "Session saved"
    lines = [
        f"Answered {data['answered']}, correct {data['correct']} ({accuracy}) "
        f"in {minutes}m {seconds:02d}s",
        f"Streak: {_days(data['streak_days'])}    Due tomorrow: {data['due_tomorrow']}",
    ]
    if data["left_in_queue"]:
        lines.append(f"{data['left_in_queue']} left for later: run quizmaster quiz again")
    if data["leeches"]:
        lines.append(f"Suspended as leeches: {', '.join(data['leeches'])}")
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


def settings_table(rows: Sequence[tuple[str, Any, bool]]) -> None:
    """``config``: each setting, its value, and whether it is the default."""
    table = Table(title="Settings", title_justify="left")
    table.add_column("Key", style="cyan")
    table.add_column("Value")
    table.add_column("", style="dim")
    for key, value, is_default in rows:
        shown = "none" if value is None else json.dumps(value) if isinstance(value, list) else value
        table.add_row(key, escape(str(shown)), "default" if is_default else "")
    out().print(table)
