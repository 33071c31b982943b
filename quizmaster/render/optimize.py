"""``quizmaster optimize``'s report and the line ``stats`` gives the FSRS parameters in use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table
from rich.text import Text

from quizmaster.render.consoles import out

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from quizmaster.optimizer import Outcome


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
