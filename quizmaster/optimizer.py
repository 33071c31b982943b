"""Fit the FSRS-6 scheduler to one learner's review history.

The pipeline is pure: reviews in (card id, rating 1-4, aware UTC time, duration), a result out.

1. Sort the reviews by time and hold out the latest 20%: they are never used for fitting.
2. Fit FSRS-6 parameters on the earlier 80% with ``fsrs-rs-python`` (the Rust optimizer Anki
   uses; no deep-learning framework).
3. Replay every card's history through the py-fsrs scheduler, once with the default
   parameters and once with the fitted ones, predict the recall probability of each hold-out
   review, and score both with the open-spaced-repetition srs-benchmark metrics: log loss and
   RMSE (bins).
4. The fitted parameters are kept only when they beat the defaults on the hold-out.

Elapsed time is counted in whole days, ``(review - previous review).days``, exactly as the
py-fsrs scheduler counts it when it schedules, so the fitted model sees the same quantities
the scheduler later feeds it.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from quizmaster.errors import InputFileError, QuizmasterError, UsageError
from quizmaster.setting_names import FSRS_FIT_METRICS, FSRS_FITTED_AT, FSRS_PARAMETERS

if TYPE_CHECKING:
    from quizmaster.records import CardState
    from quizmaster.scheduler import SchedulerSettings
    from quizmaster.store import Store

HOLDOUT_FRACTION = 0.2
# Below these counts a fit is noise and its evaluation meaningless. A "long-term" review is
# one made a day or more after the card's previous review: the only kind FSRS learns from
# and the only kind the benchmark scores.
MIN_REVIEWS = 400
MIN_TRAIN_LONG_TERM = 100
MIN_HOLDOUT_LONG_TERM = 50


REVLOG_COLUMNS = ("card_id", "review_rating", "review_time", "review_duration")


class NotEnoughHistoryError(QuizmasterError):
    """Too few reviews to fit parameters or to judge a fit."""


class OptimizerError(QuizmasterError):
    """fsrs-rs could not fit this history."""


class Review(NamedTuple):
    """One answer: which card, the rating (1 Again, 2 Hard, 3 Good, 4 Easy), when (aware
    UTC), and how long it took in milliseconds (unused by FSRS-6, kept for completeness)."""

    card_id: str
    rating: int
    reviewed_at: dt.datetime
    duration_ms: int | None = None


@dataclass(frozen=True)
class Metrics:
    """How well a parameter set predicts the hold-out reviews (lower is better)."""

    log_loss: float
    rmse_bins: float

    def to_json(self) -> dict[str, float]:
        return {"log_loss": round(self.log_loss, 6), "rmse_bins": round(self.rmse_bins, 6)}


@dataclass(frozen=True)
class Prediction:
    """One scored hold-out review, with the features srs-benchmark bins RMSE by."""

    p: float  # predicted probability of recall
    y: int  # 1 recalled (Hard, Good, Easy), 0 forgotten (Again)
    elapsed_days: int  # days since the card's previous review (>= 1)
    i: int  # 1 + number of long-term reviews of the card up to and including this one
    lapses: int  # earlier long-term reviews of the card rated Again


@dataclass(frozen=True)
class FitResult:
    """The outcome of :func:`optimize`. ``better`` means the fitted parameters beat the
    defaults on the hold-out: strictly lower log loss and no higher RMSE (bins)."""

    reviews: int
    train_reviews: int
    holdout_reviews: int
    holdout_predictions: int
    default: Metrics
    fitted: Metrics
    default_parameters: list[float]
    parameters: list[float]

    @property
    def better(self) -> bool:
        return (
            self.fitted.log_loss < self.default.log_loss
            and self.fitted.rmse_bins <= self.default.rmse_bins
        )


@dataclass(frozen=True)
class Outcome:
    """What ``quizmaster optimize`` did: the fit, and whether it was saved and applied."""

    fit: FitResult
    source: str
    saved: bool
    dry_run: bool
    fitted_at: dt.datetime
    rescheduled: int | None = None

    def to_json(self) -> dict[str, Any]:
        fit = self.fit
        return {
            "source": self.source,
            "reviews": fit.reviews,
            "train_reviews": fit.train_reviews,
            "holdout_reviews": fit.holdout_reviews,
            "holdout_predictions": fit.holdout_predictions,
            "default": fit.default.to_json(),
            "fitted": fit.fitted.to_json(),
            "better": fit.better,
            "saved": self.saved,
            "dry_run": self.dry_run,
            "rescheduled": self.rescheduled,
            "fitted_at": _iso_seconds(self.fitted_at) if self.saved else None,
            "parameters": fit.parameters,
        }


def _iso_seconds(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


# --- parameters ------------------------------------------------------------------------------


def default_parameters() -> list[float]:
    """FSRS-6 defaults as the py-fsrs scheduler uses them."""
    from fsrs.scheduler import DEFAULT_PARAMETERS

    return [float(w) for w in DEFAULT_PARAMETERS]


def clamp_parameters(parameters: Sequence[float]) -> list[float]:
    """Round to 6 decimals and clamp into py-fsrs's bounds, so the scheduler accepts them
    (fsrs-rs returns float32 values that may sit a hair outside a bound)."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    if len(parameters) != len(LOWER_BOUNDS_PARAMETERS):
        raise ValueError(
            f"expected {len(LOWER_BOUNDS_PARAMETERS)} FSRS parameters, got {len(parameters)}"
        )
    return [
        min(max(round(float(w), 6), lo), hi)
        for w, lo, hi in zip(
            parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True
        )
    ]


def parameters_from_settings(settings: Mapping[str, Any]) -> list[float] | None:
    """The fitted parameters stored in settings, or None when absent or unusable (then the
    scheduler should use the defaults)."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    value = settings.get(FSRS_PARAMETERS)
    if not isinstance(value, list) or len(value) != len(LOWER_BOUNDS_PARAMETERS):
        return None
    if not all(isinstance(w, (int, float)) and not isinstance(w, bool) for w in value):
        return None
    if not all(
        lo <= w <= hi
        for w, lo, hi in zip(value, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True)
    ):
        return None
    return [float(w) for w in value]


def parameters_info(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Which FSRS parameters the scheduler uses: ``source`` is "fitted" or "default", with
    when they were fitted and how they scored on the hold-out (for ``quizmaster stats``)."""
    fitted = parameters_from_settings(settings)
    if fitted is None:
        return {
            "source": "default",
            "fitted_at": None,
            "metrics": None,
            "parameters": default_parameters(),
        }
    metrics = settings.get(FSRS_FIT_METRICS)
    return {
        "source": "fitted",
        "fitted_at": settings.get(FSRS_FITTED_AT),
        "metrics": metrics if isinstance(metrics, dict) else None,
        "parameters": fitted,
    }


# --- the pipeline ----------------------------------------------------------------------------


def sort_reviews(reviews: Iterable[Review]) -> list[Review]:
    """Time order; a stable sort keeps the input order of simultaneous reviews."""
    return sorted(reviews, key=lambda r: r.reviewed_at)


def split(reviews: Sequence[Review]) -> tuple[list[Review], list[Review]]:
    """(train, hold-out): the hold-out is the latest 20% of the reviews by time."""
    ordered = sort_reviews(reviews)
    holdout = math.ceil(len(ordered) * HOLDOUT_FRACTION)
    cut = len(ordered) - holdout
    return ordered[:cut], ordered[cut:]


def _elapsed_days(later: dt.datetime, earlier: dt.datetime) -> int:
    return max(0, (later - earlier).days)


def _long_term_flags(ordered: Sequence[Review]) -> list[bool]:
    """For each review (time order): was it a day or more after the card's previous one?"""
    last: dict[str, dt.datetime] = {}
    flags = []
    for review in ordered:
        previous = last.get(review.card_id)
        flags.append(previous is not None and _elapsed_days(review.reviewed_at, previous) >= 1)
        last[review.card_id] = review.reviewed_at
    return flags


def check_enough_history(reviews: Sequence[Review]) -> None:
    """Raise :class:`NotEnoughHistoryError` saying how many more reviews are needed."""
    n = len(reviews)
    if n < MIN_REVIEWS:
        raise NotEnoughHistoryError(
            f"not enough review history to fit the scheduler: {n} reviews, at least "
            f"{MIN_REVIEWS} are needed ({MIN_REVIEWS - n} more); keep doing `quizmaster quiz`"
        )
    ordered = sort_reviews(reviews)
    flags = _long_term_flags(ordered)
    cut = n - math.ceil(n * HOLDOUT_FRACTION)
    train_long, holdout_long = sum(flags[:cut]), sum(flags[cut:])
    missing = max(0, MIN_TRAIN_LONG_TERM - train_long) + max(
        0, MIN_HOLDOUT_LONG_TERM - holdout_long
    )
    if missing:
        raise NotEnoughHistoryError(
            f"not enough review history to fit the scheduler: of {n} reviews, "
            f"{train_long + holdout_long} came a day or more after the card's previous review "
            f"(the only ones FSRS learns from); it needs {MIN_TRAIN_LONG_TERM} in the older "
            f"80% and {MIN_HOLDOUT_LONG_TERM} in the latest 20%, so at least {missing} more "
            f"such reviews: keep reviewing on the coming days"
        )


def fsrs_items(reviews: Sequence[Review]) -> list[Any]:
    """fsrs-rs training items: for every long-term review, the card's history up to and
    including it (the last review is the one to predict)."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    history: dict[str, list[Any]] = defaultdict(list)
    last: dict[str, dt.datetime] = {}
    items = []
    for review in sort_reviews(reviews):
        previous = last.get(review.card_id)
        delta = 0 if previous is None else _elapsed_days(review.reviewed_at, previous)
        history[review.card_id].append(FSRSReview(review.rating, delta))
        if delta > 0:
            items.append(FSRSItem(list(history[review.card_id])))
        last[review.card_id] = review.reviewed_at
    return items


def fit(train: Sequence[Review]) -> list[float]:
    """FSRS-6 parameters fitted by fsrs-rs (fixed training seed, so deterministic)."""
    from fsrs_rs_python import FSRS

    items = fsrs_items(train)
    try:
        fitted = FSRS(default_parameters()).compute_parameters(items, enable_short_term=True)
    except BaseException as exc:  # a Rust panic arrives as a BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise OptimizerError(f"the FSRS optimizer failed on this history ({exc})") from None
    return clamp_parameters(fitted)


def predict(
    reviews: Sequence[Review], parameters: Sequence[float], *, first_scored: int
) -> list[Prediction]:
    """Replay every card through the py-fsrs scheduler with ``parameters`` and predict each
    long-term review at time-order position ``first_scored`` or later (the hold-out) from
    the card's state just before it. Earlier reviews only build up the cards' states."""
    from fsrs import Card, Rating, Scheduler

    scheduler = Scheduler(parameters=parameters, enable_fuzzing=False)
    cards: dict[str, Any] = {}
    long_terms: dict[str, int] = defaultdict(int)
    lapses: dict[str, int] = defaultdict(int)
    predictions = []
    for position, review in enumerate(sort_reviews(reviews)):
        at = review.reviewed_at.astimezone(dt.timezone.utc)
        card = cards.get(review.card_id)
        if card is None:
            # An explicit id and due: py-fsrs would otherwise read the clock (and sleep).
            card = Card(card_id=len(cards) + 1, due=at)
        elapsed = None if card.last_review is None else _elapsed_days(at, card.last_review)
        long_term = elapsed is not None and elapsed >= 1
        if long_term:
            long_terms[review.card_id] += 1
            if position >= first_scored:
                predictions.append(
                    Prediction(
                        p=float(scheduler.get_card_retrievability(card, at)),
                        y=int(review.rating > 1),
                        elapsed_days=int(elapsed or 0),
                        i=1 + long_terms[review.card_id],
                        lapses=lapses[review.card_id],
                    )
                )
        cards[review.card_id], _ = scheduler.review_card(card, Rating(review.rating), at)
        if long_term and review.rating == 1:
            lapses[review.card_id] += 1
    return predictions


def log_loss(predictions: Sequence[Prediction]) -> float:
    """Mean binary cross-entropy, as srs-benchmark computes it with sklearn's
    ``log_loss(y, p, labels=[0, 1])`` (probabilities clipped away from 0 and 1)."""
    if not predictions:
        return math.nan
    eps = 1e-15
    total = 0.0
    for pred in predictions:
        p = min(max(pred.p, eps), 1 - eps)
        total -= math.log(p) if pred.y else math.log(1 - p)
    return total / len(predictions)


def _log_bin(x: float, scale: float, base: float) -> float:
    return scale * base ** math.floor(math.log(x) / math.log(base))


def rmse_bins(predictions: Sequence[Prediction]) -> float:
    """RMSE (bins) as defined by the srs-benchmark,
    https://github.com/open-spaced-repetition/srs-benchmark: ``rmse_matrix`` and
    ``count_lapse`` in utils.py, the review number ``i`` and the scored rows (elapsed days
    > 0) in features/base.py. Reviews are grouped by three log-scaled features, elapsed days
    (``round(2.48 * 3.62 ** floor(log(t) / log(3.62)), 2)``), the long-term review number
    ``i`` (``round(1.99 * 1.89 ** floor(log(i) / log(1.89)))``) and the number of earlier
    long-term lapses (``round(1.65 * 1.73 ** floor(log(l) / log(1.73)))``, 0 stays 0); the
    result is the root of the count-weighted mean of (mean outcome - mean prediction)^2
    over the groups."""
    if not predictions:
        return math.nan
    groups: dict[tuple[float, float, float], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for pred in predictions:
        key = (
            round(_log_bin(pred.elapsed_days, 2.48, 3.62), 2),
            round(_log_bin(pred.i, 1.99, 1.89)),
            round(_log_bin(pred.lapses, 1.65, 1.73)) if pred.lapses else 0,
        )
        group = groups[key]
        group[0] += pred.y
        group[1] += pred.p
        group[2] += 1
    squared = sum((ys - ps) ** 2 / count for ys, ps, count in groups.values())
    return math.sqrt(squared / len(predictions))


def evaluate(
    reviews: Sequence[Review], parameters: Sequence[float], *, first_scored: int
) -> tuple[Metrics, int]:
    """Hold-out metrics of ``parameters`` and the number of reviews scored."""
    predictions = predict(reviews, parameters, first_scored=first_scored)
    return Metrics(log_loss(predictions), rmse_bins(predictions)), len(predictions)


def optimize(reviews: Sequence[Review]) -> FitResult:
    """Split, fit on the older 80%, score defaults and fit on the latest 20%."""
    check_enough_history(reviews)
    ordered = sort_reviews(reviews)
    train, holdout = split(ordered)
    defaults = default_parameters()
    fitted = fit(train)
    default_metrics, scored = evaluate(ordered, defaults, first_scored=len(train))
    fitted_metrics, _ = evaluate(ordered, fitted, first_scored=len(train))
    return FitResult(
        reviews=len(ordered),
        train_reviews=len(train),
        holdout_reviews=len(holdout),
        holdout_predictions=scored,
        default=default_metrics,
        fitted=fitted_metrics,
        default_parameters=defaults,
        parameters=fitted,
    )


def settings_for(fit: FitResult, fitted_at: dt.datetime) -> dict[str, Any]:
    """The settings that put a fit into use."""
    return {
        FSRS_PARAMETERS: fit.parameters,
        FSRS_FITTED_AT: _iso_seconds(fitted_at),
        FSRS_FIT_METRICS: {
            "reviews": fit.reviews,
            "holdout_reviews": fit.holdout_reviews,
            "holdout_predictions": fit.holdout_predictions,
            "default": fit.default.to_json(),
            "fitted": fit.fitted.to_json(),
        },
    }


# --- rescheduling ------------------------------------------------------------------------------


def reschedule(
    cards: Sequence[CardState],
    history: Mapping[str, Sequence[Review]],
    settings: SchedulerSettings,
) -> list[CardState]:
    """Recompute memory state (stability, difficulty) of reviewed cards by replaying their
    reviews with ``parameters``; cards in the review state also get a new due date. Cards
    still in (re)learning keep their short step and due time. Returns the changed cards."""
    from fsrs import Card, Rating, ReviewLog, State

    from quizmaster.scheduler import fsrs_scheduler, settle_due

    scheduler = fsrs_scheduler(replace(settings, fuzz=False))
    changed = []
    for number, card in enumerate(cards, start=1):
        reviews = sort_reviews(history.get(card.question_id, ()))
        if card.state == 0 or not reviews:
            continue
        logs = [
            ReviewLog(
                card_id=number,
                rating=Rating(r.rating),
                review_datetime=r.reviewed_at.astimezone(dt.timezone.utc),
                review_duration=r.duration_ms,
            )
            for r in reviews
        ]
        start = Card(card_id=number, due=logs[0].review_datetime)
        replayed = scheduler.reschedule_card(start, logs)
        new = replace(card, stability=replayed.stability, difficulty=replayed.difficulty)
        if card.state == int(State.Review) and replayed.state == State.Review:
            last = logs[-1].review_datetime
            new = replace(new, due=settle_due(replayed.due, last, settings))
        if new != card:
            changed.append(new)
    return changed


# --- external review logs ----------------------------------------------------------------------


def _parse_time(text: str, path: str, line: int) -> dt.datetime:
    value = text.strip()
    if value.endswith(("Z", "z")):  # fromisoformat accepts "Z" only from Python 3.11
        value = value[:-1] + "+00:00"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InputFileError(
            path, f"review_time {text!r} is not an ISO-8601 date and time", line
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InputFileError(
            path,
            f"review_time {text!r} has no UTC offset; write it in UTC, e.g. {value}+00:00",
            line,
        )
    return moment.astimezone(dt.timezone.utc)


MAX_REVLOG_LINE = 64 * 1024
MAX_REVLOG_CHARS = 128 * 1024 * 1024  # 2M reviews take ~120 MB


def bounded_lines(
    handle: Any, name: str, *, max_line: int = MAX_REVLOG_LINE, max_total: int = MAX_REVLOG_CHARS
) -> Iterator[str]:
    """The lines of ``handle``, each read with a length cap and the total capped too, so a
    device (/dev/zero), a pipe or a process substitution cannot read without end."""
    total = 0
    number = 0
    while line := handle.readline(max_line + 1):
        number += 1
        total += len(line)
        if len(line) > max_line:
            raise InputFileError(
                name, f"line longer than {max_line:,} characters; not a review log", number
            )
        if total > max_total:
            raise InputFileError(name, f"file is too large (over {max_total:,} characters)")
        yield line


def read_revlog(path: Path) -> list[Review]:
    """Reviews from a CSV in py-fsrs's layout: columns ``card_id``, ``review_rating`` (1-4),
    ``review_time`` (ISO-8601 with a UTC offset) and ``review_duration`` (milliseconds, may
    be empty). Other columns are ignored. Any bad row fails the whole file, naming its line."""
    name = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(bounded_lines(handle, name))
            header = reader.fieldnames
            if header is None:
                raise InputFileError(name, "empty file; expected a header line", 1)
            missing = [c for c in REVLOG_COLUMNS if c not in header]
            if missing:
                raise InputFileError(
                    name,
                    f"missing column(s) {', '.join(missing)}; the header must name "
                    f"{', '.join(REVLOG_COLUMNS)}",
                    1,
                )
            return [_revlog_row(row, name, reader.line_num) for row in reader]
    except OSError as exc:
        raise InputFileError(name, f"cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise InputFileError(name, "not UTF-8 text") from None
    except csv.Error as exc:
        raise InputFileError(name, f"not a valid CSV file ({exc})") from None


def _revlog_row(row: dict[str | Any, str | Any], path: str, line: int) -> Review:
    if any(row.get(c) is None for c in REVLOG_COLUMNS):
        raise InputFileError(path, f"too few fields; expected {', '.join(REVLOG_COLUMNS)}", line)
    card_id = str(row["card_id"]).strip()
    if not card_id:
        raise InputFileError(path, "card_id is empty", line)
    rating_text = str(row["review_rating"]).strip()
    if rating_text not in {"1", "2", "3", "4"}:
        raise InputFileError(
            path,
            f"review_rating must be 1, 2, 3 or 4 (Again, Hard, Good, Easy), got {rating_text!r}",
            line,
        )
    reviewed_at = _parse_time(str(row["review_time"]), path, line)
    duration_text = str(row["review_duration"]).strip()
    duration: int | None = None
    if duration_text:
        try:
            duration = int(duration_text)
        except ValueError:
            duration = -1
        if duration < 0:
            raise InputFileError(
                path,
                f"review_duration must be a whole number of milliseconds, got {duration_text!r}",
                line,
            )
    return Review(card_id, int(rating_text), reviewed_at, duration)


# --- the command -------------------------------------------------------------------------------


def run(
    store: Store,
    *,
    now: dt.datetime,
    revlog: Path | None = None,
    dry_run: bool = False,
    apply_reschedule: bool = False,
    utc_offset_minutes: int = 0,
) -> Outcome:
    """``quizmaster optimize``: fit on the store's history (or ``revlog``), save the fit when
    it beats the defaults (unless ``dry_run``), and reschedule cards when asked."""
    from quizmaster.settings import load_settings

    if dry_run and apply_reschedule:
        raise UsageError("--dry-run saves nothing, so there is nothing to --reschedule with")
    if revlog is not None:
        reviews = read_revlog(revlog)
        source = str(revlog)
    else:
        reviews = [Review._make(row) for row in store.review_history()]
        source = "database"
    result = optimize(reviews)
    saved = result.better and not dry_run
    rescheduled = None
    if saved:
        with store.transaction():
            store.save_settings(settings_for(result, now))
            if apply_reschedule:
                history: dict[str, list[Review]] = defaultdict(list)
                for row in store.review_history():
                    history[row[0]].append(Review._make(row))
                quiz = replace(load_settings(store), fsrs_parameters=tuple(result.parameters))
                changed = reschedule(
                    store.reviewed_cards(), history, quiz.scheduler(utc_offset_minutes)
                )
                store.save_cards(changed)
                rescheduled = len(changed)
    return Outcome(
        fit=result,
        source=source,
        saved=saved,
        dry_run=dry_run,
        fitted_at=now,
        rescheduled=rescheduled,
    )
