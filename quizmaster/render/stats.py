"""``stats`` and ``history``: the heatmap, the column chart, the accuracy tables and both
reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quizmaster.render.consoles import out
from quizmaster.render.mock import _exam_label, clock_text
from quizmaster.render.plural import _count, _days
from quizmaster.render.questions import KIND_LABEL

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from quizmaster.reports import (
        GroupAccuracy,
        History,
        Stats,
    )


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


def _retention(stats: Stats) -> str:
    """True retention: how often a card already learned was remembered when it came due."""
    if not stats.retention_reviews:
        return "true retention – (no due review yet)"
    reviews = _count(stats.retention_reviews, "due review")
    return f"true retention {_percent(stats.retention)} ({reviews})"


def _accuracy_table(
    title: str,
    groups: Mapping[str, GroupAccuracy],
    limit: int = 12,
    label: Mapping[str, str] | None = None,
) -> Table:
    """A group's reviews and accuracy, the most reviewed first; ``label`` names the groups
    (a question kind's name as the quiz shows it)."""
    from rich import box

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column(title.split(" by ")[-1].capitalize())
    table.add_column("Reviews", justify="right")
    table.add_column("Correct", justify="right")
    table.add_column("Accuracy", justify="right")
    ranked = sorted(groups.items(), key=lambda kv: (-kv[1].reviews, kv[0]))[:limit]
    for name, g in ranked:
        shown = (label or {}).get(name, name)
        table.add_row(escape(shown), str(g.reviews), str(g.correct), _percent(g.accuracy))
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
        f"{_retention(stats)}\n"
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
        console.print(_accuracy_table("Accuracy by kind", stats.by_kind, label=KIND_LABEL))
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
    from rich import box

    # Borders only under the header, as the accuracy tables have: at 80 columns every
    # number keeps its width, and a long deck name wraps instead.
    table = Table(
        title=f"{len(rows)} sessions",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 1, 0, 0),
        pad_edge=False,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Started", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    with_deck = any(r.deck for r in rows)
    if with_deck:
        table.add_column("Deck", overflow="fold")
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True)
    table.add_column("Right/\nwrong/\nblank", justify="right", no_wrap=True)
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
