"""Everything the user sees in a terminal. The only module that imports Rich.

When stdout is not a terminal Rich drops colours and cursor tricks by itself, so the same
functions print plain text for scripts and pipes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quizmaster.records import CardState, DeckInfo, LoadReport, StoredFact, StoredQuestion

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from rich.progress import TaskID

    from quizmaster.doctor import DoctorReport
    from quizmaster.importers import ImportResult
    from quizmaster.listing import QuestionPage
    from quizmaster.mock import Attempt, Marking, MockResult
    from quizmaster.models import Question
    from quizmaster.optimizer import Outcome
    from quizmaster.reports import (
        Dashboard,
        GroupAccuracy,
        History,
        HistoryRow,
        SessionSummary,
        SettingsListing,
        Stats,
    )
    from quizmaster.session import Feedback
    from quizmaster.study_queue import Item

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
    from quizmaster import output

    output.json_out(data)


def _shown(text: str) -> str:
    """Stored text for a table cell: no control sequences, no Rich markup."""
    from quizmaster.guard import clean_text

    return escape(clean_text(text))


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
        name = _shown(deck.name) + (" [yellow](paused)[/]" if deck.paused else "")
        table.add_row(name, str(deck.facts), str(deck.questions), _shown(source))
    out().print(table)


def suspended_table(rows: Sequence[tuple[StoredQuestion, CardState]]) -> None:
    """``questions list --suspended``: what is held back, and how to bring it back."""
    if not rows:
        out().print("No suspended questions.")
        return
    table = Table(title=f"{len(rows)} suspended", title_justify="left")
    table.add_column("ID", style="cyan", overflow="fold", ratio=2)
    table.add_column("Question", ratio=5)
    table.add_column("Why")
    for stored, card in rows:
        why = f"leech ({card.lapses} lapses)" if card.leech else "suspended"
        prompt_text = stored.question.prompt.strip().splitlines()[0]
        table.add_row(stored.question.id, escape(prompt_text), why)
    out().print(table)
    out().print(
        "Bring back: quizmaster questions unsuspend ID (or --all-leeches, --all)",
        markup=False,
        soft_wrap=True,
    )


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
        table.add_row(_shown(fact.id), escape(fact.statement), escape(fact.topic), escape(spans))
    out().print(table)


def questions_table(
    questions: Sequence[StoredQuestion], *, total: int | None = None, first: int = 1
) -> None:
    """The questions as a table; ``total`` and ``first`` (its 1-based position) when
    ``questions`` is one page of a longer listing."""
    if not questions:
        out().print("No questions.")
        return
    count = len(questions) if total is None else total
    noun = "question" if count == 1 else "questions"
    table = Table(title=f"{count} {noun}", title_justify="left")
    table.add_column("ID", style="cyan", overflow="fold", ratio=2)
    table.add_column("Kind")
    table.add_column("Prompt", ratio=4)
    table.add_column("Answer", style="green", ratio=2)
    for item in questions:
        q = item.question
        table.add_row(_shown(q.id), q.kind, escape(q.prompt), escape(q.answer))
    out().print(table)
    if total is not None and total > len(questions):
        last = first + len(questions) - 1
        out().print(Text(f"Questions {first}-{last} of {total}.", style="dim"))


def question_page(page: QuestionPage) -> None:
    """One page of ``questions list``: the table, and the command for the next page."""
    if not page.paged:
        questions_table(page.items)
        return
    questions_table(page.items, total=page.total, first=page.first)
    if page.page < page.pages:
        info(f"Next page: quizmaster questions list --page {page.page + 1}")


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
    if report.facts_moved:
        out().print(
            f"{len(report.facts_moved)} facts moved here from "
            f"{', '.join(repr(d) for d in report.decks_emptied)}, with their history.",
            markup=False,
        )


KIND_LABEL = {
    "short_answer": "Short answer",
    "cloze": "Fill in the blank",
    "mcq": "Multiple choice",
    "true_false": "True or false",
    "statements": "Statements",
    "match": "Match the pairs",
}


def _para(text: str, style: str = "") -> Text:
    # Wraps even when stdout is a pipe (the console then soft-wraps, which would crop a panel).
    return Text(text, style=style, no_wrap=False, overflow="fold")


def _numbered(items: Sequence[tuple[str, str]]) -> Table:
    """Numbered lines with a hanging indent: "  1. long text" wraps under "long"."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, text in items:
        grid.add_row(f"  {label}", _para(text))
    return grid


def question_body(question: Question) -> Group:
    """The question as the quiz shows it, without the answer.

    Statements and match prompts carry the whole question as text (for exports); here the
    numbered statements and the two lists are laid out from the structured fields instead.
    """
    from quizmaster.models import MatchQuestion, StatementsQuestion

    parts: list[Any] = []
    lines = question.prompt.splitlines() or [""]
    if isinstance(question, StatementsQuestion):
        parts.append(_para(lines[0]))
        parts.append(_numbered([(f"{n}.", st) for n, st in enumerate(question.statements, 1)]))
        if len(lines) > 1:
            parts.append(_para(lines[-1], style="bold"))
    elif isinstance(question, MatchQuestion):
        parts.append(_para(lines[0]))
        table = Table(show_header=True, box=None, padding=(0, 2))
        table.add_column("List I")
        table.add_column("List II")
        letters = "ABCDEFGH"
        for i in range(max(len(question.left), len(question.right))):
            left = f"{letters[i]}. {question.left[i]}" if i < len(question.left) else ""
            right = f"{i + 1}. {question.right[i]}" if i < len(question.right) else ""
            table.add_row(left, right)
        parts.append(table)
        if len(lines) > 1:
            parts.append(_para(lines[-1], style="bold"))
    else:
        parts.append(_para(question.prompt))
    options = question.options
    if options is not None and question.kind != "true_false":
        parts.append(_para(""))
        parts.append(_numbered([(f"{i + 1})", option) for i, option in enumerate(options)]))
    elif question.kind == "true_false":
        parts.append(_para("\n  t) True    f) False"))
    return Group(*parts)


LABEL_WORD_RE = re.compile(r"[^\W_]{3,}")


def hides_answer(label: str, question: Question) -> str:
    """The topic label as a card may show it: empty when it holds a word of the answer
    ("Chess, 71st" over "the _____ Grand Master"). Cards show no deck name: an ingested deck
    is named after the names its article speaks of most, which other cards ask for."""
    if question.kind in ("true_false", "statements", "match"):
        return label
    answer = {w.casefold() for w in LABEL_WORD_RE.findall(question.answer)}
    shown = {w.casefold() for w in LABEL_WORD_RE.findall(label)}
    return "" if answer & shown else label


def card_title(*parts: str, sep: str = "  ·  ") -> str:
    """Card header chips joined, empty ones left out."""
    return sep.join(part for part in parts if part)


def question_panel(item: StoredQuestion, *, subtitle: str | None = None) -> Panel:
    q = item.question
    title = card_title(KIND_LABEL.get(q.kind, q.kind), escape(hides_answer(q.topic, q)), sep=" · ")
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
        if q.accepted:
            out().print(Text.assemble(("Also accepted: ", "bold"), ", ".join(q.accepted)))
        if q.explanation:
            out().print(Text.assemble(("Why: ", "bold"), q.explanation))


def dashboard(summary: Dashboard) -> None:
    """The screen of ``quizmaster`` alone: what is due and what to run next."""
    lines = Text()
    lines.append("quizmaster", style="bold cyan")
    lines.append(
        f"  ·  {_count(summary.decks, 'deck')}, {summary.facts} facts, "
        f"{summary.questions} questions\n"
    )
    lines.append(f"Due now: {summary.due_now}    New available: {summary.new_available}\n")
    lines.append(f"New today: {summary.new_today}    Streak: {_days(summary.streak_days)}\n")
    days = summary.days_to_exam
    if days is not None and days >= 0:
        when = "today" if days == 0 else f"in {_days(days)}"
        lines.append(f"Exam {summary.exam_date}: {when}\n")
    lines.append(f"Next: {summary.next_command}", style="bold")
    out().print(Panel(lines, border_style="cyan"))


# --- FSRS parameter optimization ---------------------------------------------------


def _percent2(value: float) -> str:
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
        table.add_row(label, f"{metrics.log_loss:.4f}", _percent2(metrics.rmse_bins), style=style)
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


# --- quiz sessions --------------------------------------------------------------


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _days(n: int) -> str:
    return _count(n, "day")


_RATING_LABEL = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
_plain: Console | None = None


def plain_out() -> Console:
    """A console that never colours nor moves the cursor: scripted sessions."""
    global _plain
    if _plain is None or _plain.file is not sys.stdout:  # stdout replaced (tests, embedding)
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


def _session_header(item: Item, position: int, total: int, practice: bool) -> str:
    q = item.stored.question
    return card_title(
        f"{position}/{total}",
        KIND_LABEL.get(q.kind, q.kind),
        hides_answer(q.topic, q),
        "practice" if practice else "",
    )


def _answer_hint(question: Question) -> str:
    options = question.options
    if question.kind == "true_false":
        return "t / f · ? don't know"
    if options is not None:
        return f"1-{len(options)} or a-{'abcdefgh'[len(options) - 1]} · ? don't know"
    return "type the answer, Enter · ? don't know"


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


def session_prompt(prefix: str = "") -> str:
    """Read one typed line in the terminal (readline editing works); ``prefix`` is shown
    after the prompt as if typed (the ":" that starts a command)."""
    return out().input(f"[bold cyan]> [/]{escape(prefix)}")


def answer_hint(question: Question) -> str:
    return _answer_hint(question)


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


def settings_table(listing: SettingsListing) -> None:
    """``config``: each setting, its value, and whether it is the default."""
    table = Table(title="Settings", title_justify="left")
    table.add_column("Key", style="cyan")
    table.add_column("Value")
    table.add_column("", style="dim")
    for setting in listing.settings:
        value = setting.value
        shown = (
            "none"
            if value is None
            else json.dumps(list(value))
            if isinstance(value, tuple)
            else value
        )
        table.add_row(setting.key, escape(str(shown)), "default" if setting.is_default else "")
    out().print(table)


# --- mock tests, stats and history ---------------------------------------------

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


MOCK_KEYS_HELP = (
    "Keys: 1-4 or a-d answer (then next) · n/→ next · p/← previous · g go to number · "
    "m mark for review · x clear answer · s submit"
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
                f"⏱ {clock_text(remaining)} left",
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


def _terminal() -> bool:
    return out().is_terminal


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


_HEAT_STYLES = ("grey30", "green4", "green3", "green1", "bold bright_green")
_HEAT_PLAIN = ".-+*#"


def _heat_level(count: int, top: int) -> int:
    return 0 if count <= 0 or top <= 0 else max(1, min(4, -(-4 * count // top)))


def heatmap_chart(days: Mapping[str, int]) -> Text:
    """A calendar heatmap: a column per week, a row per weekday (Monday first). Coloured
    squares in a terminal; ``. - + * #`` (fewer to more) in plain text."""
    import datetime as dt

    dates = [dt.date.fromisoformat(d) for d in days]
    if not dates:
        return Text("")
    first = dates[0] - dt.timedelta(days=dates[0].weekday())
    weeks = (dates[-1] - first).days // 7 + 1
    top = max(days.values(), default=0)
    # Without colour (NO_COLOR) one square glyph would show no levels: use the plain ones.
    terminal = _terminal() and not out().no_color
    # Month names above the first week that starts in each month, where there is room.
    header = [" "] * (2 * weeks + 3)
    free_from = 0
    for week in range(weeks):
        monday = first + dt.timedelta(days=7 * week)
        # The first column is labelled only when the next month does not start right after.
        next_starts = (monday + dt.timedelta(days=7)).day <= 7
        starts_month = monday.day <= 7 or (week == 0 and not next_starts)
        if starts_month and 2 * week >= free_from:
            name = monday.strftime("%b")
            header[2 * week : 2 * week + 3] = list(name)
            free_from = 2 * week + 4
    text = Text("     " + "".join(header).rstrip() + "\n")
    for weekday in range(7):
        text.append(("Mon", "", "Wed", "", "Fri", "", "Sun")[weekday].ljust(5))
        for week in range(weeks):
            day = first + dt.timedelta(days=7 * week + weekday)
            key = day.isoformat()
            if key not in days:
                text.append("  ")
                continue
            level = _heat_level(days[key], top)
            if terminal:
                text.append("■ ", style=_HEAT_STYLES[level])
            else:
                text.append(_HEAT_PLAIN[level] + " ")
        text.append("\n")
    text.append("     Less ")
    for level in range(5):
        if terminal:
            text.append("■ ", style=_HEAT_STYLES[level])
        else:
            text.append(_HEAT_PLAIN[level] + " ")
    text.append(f"More  (most in a day: {top})")
    return text


def column_chart(
    values: Sequence[float],
    labels: Sequence[str],
    *,
    height: int = 6,
    top: float | None = None,
    col_width: int = 2,
) -> Text:
    """A small vertical bar chart: one column per value (``col_width`` characters with the gap),
    its label underneath when not empty. Block characters in a terminal, ``#`` in plain text.
    ``top`` fixes the scale (100 for percentages); by default it is the largest value."""
    scale = max(values, default=0) if top is None else top
    glyph = ("█" if _terminal() else "#") * (col_width - 1)
    width = max(len(f"{scale:g}"), 1)
    text = Text()
    for row in range(height, 0, -1):
        axis = f"{scale:g}" if row == height else ("0" if row == 1 else "")
        text.append(axis.rjust(width) + " │")
        for value in values:
            filled = scale > 0 and value > 0 and value * height >= (row - 0.5) * scale
            filled = filled or (row == 1 and value > 0)
            if filled:
                text.append(glyph, style="cyan")
                text.append(" ")
            else:
                text.append(" " * col_width)
        text.append("\n")
    text.append(" " * width + " └" + "─" * (col_width * len(values)) + "\n")
    line = " " * (width + 2)
    for label in labels:
        line += label[:col_width].ljust(col_width) if label else " " * col_width
    text.append(line.rstrip())
    return text


def _accuracy_table(title: str, groups: Mapping[str, GroupAccuracy], limit: int = 12) -> Table:
    from rich import box

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column(title.split(" by ")[-1].capitalize())
    table.add_column("Reviews", justify="right")
    table.add_column("Correct", justify="right")
    table.add_column("Accuracy", justify="right")
    ranked = sorted(groups.items(), key=lambda kv: (-kv[1].reviews, kv[0]))[:limit]
    for name, g in ranked:
        table.add_row(escape(name), str(g.reviews), str(g.correct), _percent(g.accuracy))
    return table


def stats_report(stats: Stats) -> None:
    """``quizmaster stats``: the numbers, the heatmap, the forecast and the breakdowns."""
    import datetime as dt

    console = out()
    lines = Text()
    scope = stats.deck or "all decks"
    lines.append("Progress", style="bold cyan")
    lines.append(f"  ·  {scope}  ·  {stats.today}\n")
    lines.append(
        f"Reviews today {stats.reviews_today}  ·  total {stats.reviews_total}  ·  "
        f"accuracy {_percent(stats.accuracy)}\n"
    )
    lines.append(
        f"Streak {_days(stats.streak_days)} (longest {stats.longest_streak})  ·  "
        f"true retention {_percent(stats.retention)} "
        f"({stats.retention_reviews} reviews)\n"
    )
    lines.append(f"Due now {stats.due_now}  ·  new available {stats.new_available}\n")
    states = stats.states
    lines.append(
        "Questions: "
        + "  ·  ".join(f"{name} {states[name]}" for name in ("new", "learning", "review"))
        + f"  ·  suspended {states['suspended']}\n"
    )
    fsrs = stats.fsrs
    if fsrs.parameters == "default":
        lines.append("FSRS parameters: default (run quizmaster optimize to fit your own)")
    else:
        raw = fsrs.parameters
        if isinstance(raw, list) and all(isinstance(p, (int, float)) for p in raw):
            params = ", ".join(f"{p:.3g}" for p in raw)
        else:
            params = str(raw)
        lines.append(f"FSRS parameters: fitted {fsrs.fitted_at or ''}: {params}")
    console.print(Panel(lines, border_style="cyan"))

    console.print(Text(f"\nReviews per day, last {len(stats.heatmap)} days", style="bold"))
    console.print(heatmap_chart(stats.heatmap))

    days = list(stats.forecast)
    counts = list(stats.forecast.values())
    tomorrow = counts[1] if len(counts) > 1 else 0
    console.print(
        Text(
            f"\nReviews due, next {len(days)} days: {sum(counts)} "
            f"(today {counts[0] if counts else 0}, tomorrow {tomorrow}, "
            f"next 7 days {sum(counts[:7])})",
            style="bold",
        )
    )
    labels = [
        dt.date.fromisoformat(d).strftime("%d") if i % 7 == 0 else "" for i, d in enumerate(days)
    ]
    if any(counts):
        console.print(column_chart(counts, labels))

    if stats.reviews_total:
        console.print()
        console.print(_accuracy_table("Accuracy by topic", stats.by_topic))
        console.print(_accuracy_table("Accuracy by kind", stats.by_kind))
        console.print(_accuracy_table("Accuracy by tag", stats.by_tag, limit=10))
    else:
        console.print("\nNo reviews yet: run quizmaster quiz.")
    if stats.weakest:
        table = Table(title="Weakest facts", title_justify="left")
        table.add_column("Fact", style="cyan", overflow="fold")
        table.add_column("Statement", ratio=4)
        table.add_column("Wrong", justify="right")
        table.add_column("Accuracy", justify="right")
        for w in stats.weakest:
            table.add_row(
                w.fact_id,
                escape(w.statement),
                f"{w.wrong}/{w.reviews}",
                _percent(w.accuracy),
            )
        console.print(table)


def history_report(history: History, utc_offset_minutes: int = 0) -> None:
    """``quizmaster history``: every session with its score, then the mock-score trend.
    Times are shown in the user's zone (the days ``stats`` counts in)."""
    rows, trend = history.rows, history.trend
    console = out()
    if not rows:
        console.print("No sessions yet: run quizmaster quiz or quizmaster mock.")
        return
    table = Table(title=f"{len(rows)} sessions", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Started", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    with_deck = any(r.deck for r in rows)
    if with_deck:
        table.add_column("Deck")
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("%", justify="right")
    table.add_column("Right/wrong/blank", justify="right")
    table.add_column("Time", justify="right", no_wrap=True)
    mocks = 0
    for r in rows:
        kind = r.kind
        if kind == "mock":
            mocks += 1
            kind = f"mock #{mocks} {_exam_label(r.exam or '')}"
        if not r.finished:
            kind += " (unfinished)"
        blank = "" if r.unanswered is None else f"/{r.unanswered}"
        table.add_row(
            str(r.id),
            _local_time(r.started_at, utc_offset_minutes),
            kind,
            *([escape(r.deck or "all")] if with_deck else []),
            f"{r.score:g}/{r.max_score:g}" if r.max_score is not None else "",
            "" if r.percent is None else f"{r.percent:g}",
            f"{r.correct}/{r.wrong}{blank}",
            "" if r.duration_s is None else clock_text(r.duration_s),
        )
    console.print(table)
    if trend:
        last = trend[-1].percent
        console.print(
            Text(
                f"\nMock scores, % of the maximum: {_count(len(trend), 'mock')}, oldest first "
                f"(last {last:g}%, best {max(t.percent for t in trend):g}%)",
                style="bold",
            )
        )
        labels = [str(i + 1) if i % 5 == 0 else "" for i in range(len(trend))]
        console.print(
            column_chart([max(0.0, t.percent) for t in trend], labels, top=100, col_width=3)
        )
        if any(t.percent < 0 for t in trend):
            console.print(Text("(negative scores are drawn as 0)", style="dim"))


def _local_time(iso_text: str, utc_offset_minutes: int) -> str:
    moment = dt.datetime.fromisoformat(iso_text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone(dt.timedelta(minutes=utc_offset_minutes)))
    return moment.strftime("%Y-%m-%d %H:%M")


def csv_out(rows: Sequence[HistoryRow]) -> None:
    """Rows as CSV on stdout, a header line first (nothing but the header when empty)."""
    import csv

    from quizmaster.guard import csv_cell
    from quizmaster.reports import HISTORY_FIELDS

    writer = csv.DictWriter(sys.stdout, fieldnames=HISTORY_FIELDS, lineterminator="\n")
    writer.writeheader()
    # A deck named "=HYPERLINK(...)" must reach a spreadsheet as text, not as a formula.
    writer.writerows({k: csv_cell(v) for k, v in row.to_json().items()} for row in rows)
    sys.stdout.flush()


# --- article ingest ---------------------------------------------------------------


def _highlighted(fact: Any) -> Text:
    text = Text(fact.statement)
    for span in fact.spans:
        start = fact.statement.find(span.text)
        if start >= 0:
            text.stylize("bold yellow", start, start + len(span.text))
    return text


def review_fact(index: int, total: int, fact: Any) -> None:
    """One candidate fact during ``ingest --review``: the statement with its key answers."""
    answers = ", ".join(f"{s.text} ({s.type.value})" for s in fact.spans)
    body = Group(_highlighted(fact), Text(f"Asks about: {answers}", style="dim"))
    if fact.question:
        body = Group(body, Text(f"Question: {fact.question}", style="dim"))
    out().print(
        Panel(body, title=f"Fact {index}/{total} · {escape(fact.topic)}", title_align="left"),
        soft_wrap=False,  # piped answers still see the whole statement, wrapped in its box
    )


def review_questions(questions: Sequence[tuple[str, str, str]], why_none: str = "") -> None:
    """The questions a fact will produce, under it in ``ingest --review`` (or why none)."""
    if not questions:
        reason = f": {why_none}" if why_none else ""
        out().print(f"  It yields no question on its own{reason}.", style="yellow")
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for kind, prompt_text, answer in questions:
        lines = prompt_text.strip().splitlines()
        grid.add_row(
            f"  {KIND_LABEL.get(kind, kind)}:",
            Text.assemble(lines[0] if lines else "", ("  → " + answer, "dim")),
        )
    if not questions:
        out().print(
            Text(
                "  Questions it makes: none that passes the quality gate (e to edit, d to drop).",
                style="dim",
            )
        )
        return
    out().print(Text(f"  Questions it makes ({len(questions)}):", style="dim"))
    out().print(grid)


def prompt(message: str) -> None:
    """A prompt on stdout with no newline, flushed so it shows before input is read."""
    out().print(message, end="", markup=False, highlight=False)
    out().file.flush()


def ingest_preview(yaml_text: str, summary: str) -> None:
    """``ingest --dry-run``: the facts file that would be written (stdout, whole YAML ending
    in a newline), then what would happen (stderr, after a blank line, so the two read apart
    on a terminal and ``> file`` keeps only the YAML)."""
    sys.stdout.write(yaml_text if yaml_text.endswith("\n") else yaml_text + "\n")
    sys.stdout.flush()
    info("\n" + summary)


def ingest_report(report: LoadReport, saved_to: str) -> None:
    load_report(report)
    out().print(f"Facts saved to {escape(saved_to)}", soft_wrap=True)


# --- decks in and out -------------------------------------------------------------

PROGRESS_MIN_ITEMS = 5000
LIST_LIMIT = 20


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A progress callback ``(done, total)``: a Rich bar on stderr for long jobs when stderr
    is a terminal, otherwise a no-op (pipes and logs stay clean)."""
    if not err().is_terminal:
        yield lambda done, total: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err(), transient=True) as bar:
        task: list[TaskID] = []

        def update(done: int, total: int) -> None:
            if total < PROGRESS_MIN_ITEMS:
                return
            if not task:
                task.append(bar.add_task(description, total=total))
            bar.update(task[0], completed=done, total=total)

        yield update


def raw_out(chunks: Iterable[str]) -> None:
    """An exported file on stdout, streamed as produced."""
    for chunk in chunks:
        sys.stdout.write(chunk)
    sys.stdout.flush()


def export_done(questions: int, facts: int, output: Any) -> None:
    info(f"Exported {questions} questions and {facts} facts to {output}")


def _id_list(label: str, ids: Sequence[str]) -> None:
    for item in ids[:LIST_LIMIT]:
        out().print(f"  {label} {escape(item)}", soft_wrap=True)
    if len(ids) > LIST_LIMIT:
        out().print(f"  {label} ... and {len(ids) - LIST_LIMIT} more")


def import_result(result: ImportResult, *, dry_run: bool = False) -> None:
    """The import summary per deck; a dry run also lists what would be added and changed."""
    for report in result.decks:
        load_report(report, dry_run=dry_run)
        if dry_run:
            _id_list("+ add   ", report.facts_added + report.questions_added)
            _id_list("~ change", report.facts_updated + report.questions_updated)
            _id_list("- retire", report.facts_retired + report.questions_retired)
            unchanged = len(report.facts_unchanged) + len(report.questions_unchanged)
            out().print(f"  = {unchanged} left alone")
    h = result.history
    if h is not None:
        out().print(
            f"History: cards {h.cards_updated} updated, {h.cards_unchanged} unchanged, "
            f"{h.cards_kept_newer} kept (newer here); reviews {h.reviews_added} added, "
            f"{h.reviews_unchanged} already present; sessions {h.sessions_added} added."
        )
    if result.skipped:
        out().print(f"Skipped ({len(result.skipped)}):")
        for reason in result.skipped[:LIST_LIMIT]:
            out().print(f"  {escape(reason)}", soft_wrap=True)
        if len(result.skipped) > LIST_LIMIT:
            out().print(f"  ... and {len(result.skipped) - LIST_LIMIT} more")


# --- doctor ---------------------------------------------------------------------


def doctor_report(report: DoctorReport) -> None:
    """What ``quizmaster doctor`` checked, found and did."""
    console = out()
    mark = {True: Text("ok", style="green"), False: Text("PROBLEM", style="bold red")}
    fk_total = sum(report.foreign_key_errors.values())
    console.print(Text.assemble("Database: ", (report.database, "bold")))
    console.print(Text.assemble("Integrity check: ", mark[report.integrity == ["ok"]]))
    console.print(Text.assemble("Foreign keys: ", mark[fk_total == 0]))
    for what, count in report.orphans.items():
        console.print(Text.assemble(f"{what.capitalize()}: {count} ", mark[count == 0]))
    if report.backup is not None:
        console.print(f"Backup written: {report.backup}")
    if report.size_before is not None and report.size_after is not None:
        console.print(
            f"Compacted: {report.size_before / 1e6:.1f} MB -> {report.size_after / 1e6:.1f} MB"
        )
    for done in report.repaired:
        console.print(f"Repaired: {done}")
    for problem in report.problems:
        err().print(Text.assemble(("Problem: ", "bold red"), problem), soft_wrap=True)
    if report.ok:
        console.print(Text("No problems found.", style="green"))
