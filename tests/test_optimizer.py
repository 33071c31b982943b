from __future__ import annotations

import datetime as dt
import json
import math
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster import optimizer
from quizmaster.cli import app
from quizmaster.errors import InputFileError
from quizmaster.importers import ensure_builtin_deck
from quizmaster.models import Fact, KeySpan, Question, ShortAnswerQuestion, SpanType
from quizmaster.optimizer import FitResult, Metrics, Prediction, Review
from quizmaster.records import CardState
from quizmaster.setting_names import FSRS_PARAMETERS
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.simulate_fsrs import LEARNER, START, simulate, write_revlog

UTC = dt.timezone.utc


@cache
def learner_history() -> tuple[Review, ...]:
    """~6,800 reviews of 400 cards by a learner who forgets faster than the defaults."""
    reviews, _ = simulate(LEARNER, cards=400, days=200, seed=7)
    return tuple(reviews)


@cache
def learner_fit() -> FitResult:
    return optimizer.optimize(learner_history())


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- fitting and evaluation ---------------------------------------------------------------------


@pytest.mark.slow
def test_fit_beats_the_defaults_on_the_holdout_for_a_non_default_learner() -> None:
    result = learner_fit()
    assert result.reviews == len(learner_history()) > 6000
    assert result.holdout_reviews == math.ceil(result.reviews * 0.2)
    assert result.train_reviews + result.holdout_reviews == result.reviews
    assert result.holdout_predictions > 1000
    assert result.fitted.log_loss < result.default.log_loss
    assert result.fitted.rmse_bins < result.default.rmse_bins
    assert result.better
    # The fit moved towards the truth: faster forgetting than the defaults assume.
    assert result.parameters[20] > result.default_parameters[20]
    assert result.parameters[2] < result.default_parameters[2]
    # ... and lands close to what the true parameters score on the same hold-out.
    true, _ = optimizer.evaluate(learner_history(), LEARNER, first_scored=result.train_reviews)
    assert result.fitted.log_loss - true.log_loss < 0.25 * (result.default.log_loss - true.log_loss)


def test_fitted_parameters_are_accepted_by_the_scheduler() -> None:
    from fsrs import Scheduler

    parameters = learner_fit().parameters
    assert len(parameters) == 21
    Scheduler(parameters=parameters)  # raises when out of py-fsrs's bounds


def test_the_holdout_is_never_used_for_fitting() -> None:
    reviews = list(learner_history())
    train, holdout = optimizer.split(reviews)
    assert max(r.reviewed_at for r in train) <= min(r.reviewed_at for r in holdout)
    flipped = train + [r._replace(rating=1 if r.rating > 1 else 3) for r in holdout]
    assert optimizer.fit(optimizer.split(flipped)[0]) == learner_fit().parameters


def test_replayed_predictions_match_the_fsrs_rs_model() -> None:
    """The scheduler replay that scores the hold-out computes the same retrievability as
    the fsrs-rs model that was fitted (same memory state, same forgetting curve)."""
    from fsrs_rs_python import FSRS, FSRSItem

    reviews = list(learner_history())[:3000]
    parameters = learner_fit().parameters
    first = 2000
    predictions = optimizer.predict(reviews, parameters, first_scored=first)
    items = optimizer.fsrs_items(reviews)[len(optimizer.fsrs_items(reviews[:first])) :]
    assert len(items) == len(predictions) > 100
    model = FSRS(parameters)
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    for prediction, item in zip(predictions, items, strict=True):
        state = model.memory_state(FSRSItem(item.reviews[:-1]))
        expected = (1 + factor * prediction.elapsed_days / state.stability) ** decay
        assert prediction.p == pytest.approx(expected, abs=2e-4)


def test_log_loss_and_rmse_bins_by_hand() -> None:
    predictions = [
        # elapsed 1 -> bin 0.69, i 2 -> bin 1.99 (rounded 2), no lapses
        Prediction(p=0.9, y=1, elapsed_days=1, i=2, lapses=0),
        Prediction(p=0.7, y=0, elapsed_days=2, i=2, lapses=0),
        # elapsed 4 -> bin 2.48, i 3 -> bin 2 (1.99 * 1.89 ** 1 = 3.76 needs i >= 4), 1 lapse
        Prediction(p=0.8, y=1, elapsed_days=4, i=3, lapses=1),
    ]
    expected_log_loss = -(math.log(0.9) + math.log(0.3) + math.log(0.8)) / 3
    assert optimizer.log_loss(predictions) == pytest.approx(expected_log_loss)
    # Group 1 holds the first two: mean y 0.5, mean p 0.8; group 2: y 1, p 0.8.
    expected_rmse = math.sqrt((2 * (0.5 - 0.8) ** 2 + 1 * (1 - 0.8) ** 2) / 3)
    assert optimizer.rmse_bins(predictions) == pytest.approx(expected_rmse)
    # Only bins matter: 5 and 8 days (both in the 2.48-day bin) are averaged together.
    pair = [
        Prediction(p=0.9, y=1, elapsed_days=5, i=5, lapses=2),
        Prediction(p=0.5, y=1, elapsed_days=8, i=6, lapses=2),
    ]
    assert optimizer.rmse_bins(pair) == pytest.approx(0.3)


def test_better_requires_lower_log_loss_and_no_higher_rmse() -> None:
    def result(fitted: Metrics) -> FitResult:
        return FitResult(
            reviews=500,
            train_reviews=400,
            holdout_reviews=100,
            holdout_predictions=80,
            default=Metrics(0.40, 0.05),
            fitted=fitted,
            default_parameters=[],
            parameters=[],
        )

    assert result(Metrics(0.39, 0.05)).better
    assert not result(Metrics(0.40, 0.04)).better
    assert not result(Metrics(0.39, 0.06)).better


# --- saving only when better ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 3])
def test_history_from_the_defaults_is_saved_only_when_the_fit_is_better(
    seed: int, tmp_path: Path
) -> None:
    reviews, _ = simulate(optimizer.default_parameters(), cards=150, days=120, seed=seed)
    revlog = write_revlog(tmp_path / "revlog.csv", reviews)
    with Store.open(tmp_path / "q.db", now=NOW) as store:
        outcome = optimizer.run(store, now=NOW, revlog=revlog)
        fit = outcome.fit
        better = fit.fitted.log_loss < fit.default.log_loss and (
            fit.fitted.rmse_bins <= fit.default.rmse_bins
        )
        assert outcome.saved is better
        stored = store.get_setting(FSRS_PARAMETERS)
        assert stored == (fit.parameters if better else None)
    # Both branches are exercised: seed 1 does not beat the defaults, seed 3 does.
    assert better is (seed == 3)


def test_dry_run_saves_nothing(tmp_path: Path) -> None:
    revlog = write_revlog(tmp_path / "revlog.csv", learner_history())
    with Store.open(tmp_path / "q.db", now=NOW) as store:
        outcome = optimizer.run(store, now=NOW, revlog=revlog, dry_run=True)
        assert outcome.fit.better and not outcome.saved
        assert store.all_settings() == {}


# --- too little history ---------------------------------------------------------------------------


def test_too_little_history_says_how_many_more_reviews_are_needed() -> None:
    reviews, _ = simulate(LEARNER, cards=10, days=30, seed=1)
    assert len(reviews) < optimizer.MIN_REVIEWS
    with pytest.raises(optimizer.NotEnoughHistoryError) as info:
        optimizer.optimize(reviews)
    more = optimizer.MIN_REVIEWS - len(reviews)
    assert str(info.value) == (
        f"not enough review history to fit the scheduler: {len(reviews)} reviews, at least "
        f"{optimizer.MIN_REVIEWS} are needed ({more} more); keep doing `quizmaster quiz`"
    )


def test_reviews_all_on_one_day_are_not_enough() -> None:
    at = START
    reviews = [Review(f"c{n % 100}", 3, at + dt.timedelta(minutes=n)) for n in range(450)]
    with pytest.raises(optimizer.NotEnoughHistoryError) as info:
        optimizer.optimize(reviews)
    message = str(info.value)
    assert "of 450 reviews, 0 came a day or more after the card's previous review" in message
    assert "at least 150 more such reviews" in message


def test_cli_too_little_history(runner: CliRunner) -> None:
    code, out, err = run(runner, "optimize")
    assert code == 2 and out == ""
    assert err.strip() == (
        "Error: not enough review history to fit the scheduler: 0 reviews, at least 400 "
        "are needed (400 more); keep doing `quizmaster quiz`"
    )


# --- review logs in py-fsrs's CSV layout ---------------------------------------------------------

GOOD_ROW = "c1,3,2026-01-01T08:00:00+00:00,5000"
HEADER = "card_id,review_rating,review_time,review_duration"


def revlog_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "revlog.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        optimizer.read_revlog(path)
    return str(info.value).removeprefix(f"{path}:")


def test_revlog_reads_py_fsrs_layout(tmp_path: Path) -> None:
    path = tmp_path / "revlog.csv"
    path.write_text(
        "review_state,card_id,review_rating,review_time,review_duration\n"
        "1,7,1,2026-01-01T08:00:00Z,\n"
        "2,7,4,2026-01-03T10:30:00+05:30,12000\n",
        encoding="utf-8",
    )
    assert optimizer.read_revlog(path) == [
        Review("7", 1, dt.datetime(2026, 1, 1, 8, tzinfo=UTC), None),
        Review("7", 4, dt.datetime(2026, 1, 3, 5, 0, tzinfo=UTC), 12000),
    ]


def test_revlog_missing_column(tmp_path: Path) -> None:
    message = revlog_error(tmp_path, "card_id,review_rating,review_time\nc1,3,2026-01-01\n")
    assert message == (
        "1: missing column(s) review_duration; the header must name card_id, "
        "review_rating, review_time, review_duration"
    )


def test_revlog_bad_rating(tmp_path: Path) -> None:
    text = f"{HEADER}\n{GOOD_ROW}\nc1,5,2026-01-02T08:00:00+00:00,4000\n"
    assert revlog_error(tmp_path, text) == (
        "3: review_rating must be 1, 2, 3 or 4 (Again, Hard, Good, Easy), got '5'"
    )


def test_revlog_naive_timestamp(tmp_path: Path) -> None:
    text = f"{HEADER}\n{GOOD_ROW}\n{GOOD_ROW}\nc2,3,2026-01-02T08:00:00,4000\n"
    assert revlog_error(tmp_path, text) == (
        "4: review_time '2026-01-02T08:00:00' has no UTC offset; write it in UTC, "
        "e.g. 2026-01-02T08:00:00+00:00"
    )


def test_revlog_bad_timestamp(tmp_path: Path) -> None:
    text = f"{HEADER}\nc2,3,yesterday,4000\n"
    assert revlog_error(tmp_path, text) == (
        "2: review_time 'yesterday' is not an ISO-8601 date and time"
    )


def test_revlog_bad_duration(tmp_path: Path) -> None:
    text = f"{HEADER}\n{GOOD_ROW}\nc2,3,2026-01-02T08:00:00+00:00,4.5s\n"
    assert revlog_error(tmp_path, text) == (
        "3: review_duration must be a whole number of milliseconds, got '4.5s'"
    )


def test_revlog_short_row_and_empty_card(tmp_path: Path) -> None:
    assert revlog_error(tmp_path, f"{HEADER}\nc2,3\n") == (
        "2: too few fields; expected card_id, review_rating, review_time, review_duration"
    )
    assert revlog_error(tmp_path, f"{HEADER}\n,3,2026-01-02T08:00:00Z,1\n") == (
        "2: card_id is empty"
    )


def test_revlog_line_numbers_count_quoted_newlines(tmp_path: Path) -> None:
    text = f'{HEADER}\n"card\none",3,2026-01-02T08:00:00Z,1\nc2,0,2026-01-02T08:00:00Z,1\n'
    assert revlog_error(tmp_path, text).startswith("4: review_rating must be")


def test_revlog_empty_and_missing_files(tmp_path: Path) -> None:
    assert revlog_error(tmp_path, "") == "1: empty file; expected a header line"
    missing = tmp_path / "nope.csv"
    with pytest.raises(InputFileError, match=r"nope\.csv: cannot read \(No such file"):
        optimizer.read_revlog(missing)


def test_cli_bad_revlog_is_one_line_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "anki.csv"
    path.write_text(f"{HEADER}\n{GOOD_ROW}\nc1,good,2026-01-02T08:00:00Z,1\n", encoding="utf-8")
    code, out, err = run(runner, "optimize", "--revlog", str(path))
    assert code == 2 and out == ""
    assert err == (
        f"Error: {path}:3: review_rating must be 1, 2, 3 or 4 (Again, Hard, Good, Easy), "
        "got 'good'\n"
    )


# --- the command ---------------------------------------------------------------------------------


def test_cli_json_contract(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    revlog = write_revlog(tmp_path / "revlog.csv", learner_history())
    code, out, err = run(runner, "optimize", "--revlog", str(revlog), "--json")
    assert code == 0, err
    data = json.loads(out)  # exactly one JSON document
    assert data["reviews"] == len(learner_history())
    assert data["holdout_reviews"] == math.ceil(data["reviews"] * 0.2)
    for key in ("default", "fitted"):
        assert set(data[key]) == {"log_loss", "rmse_bins"}
        assert all(isinstance(v, float) for v in data[key].values())
    assert data["fitted"]["log_loss"] < data["default"]["log_loss"]
    assert data["saved"] is True
    assert data["fitted_at"] == NOW.isoformat()
    with Store.open(db_path, now=NOW) as store:
        settings = store.all_settings()
    assert settings["fsrs_parameters"] == data["parameters"]
    assert settings["fsrs_fitted_at"] == "2026-11-24T09:00:00+00:00"
    assert settings["fsrs_fit_metrics"]["fitted"] == data["fitted"]
    info = optimizer.parameters_info(settings)
    assert info["source"] == "fitted" and info["fitted_at"] == "2026-11-24T09:00:00+00:00"


@pytest.mark.slow
def test_cli_text_report_offers_reschedule(runner: CliRunner, tmp_path: Path) -> None:
    revlog = write_revlog(tmp_path / "revlog.csv", learner_history())
    code, out, _ = run(runner, "optimize", "--revlog", str(revlog))
    assert code == 0
    assert "Fitted FSRS-6 parameters to 6828 reviews" in out
    assert "Saved: the scheduler now uses your fitted parameters." in out
    assert "quizmaster optimize --reschedule" in out
    code, out, _ = run(runner, "optimize", "--revlog", str(revlog), "--dry-run")
    assert "Dry run: nothing saved. The fitted parameters beat the defaults" in out
    code, _, err = run(runner, "optimize", "--dry-run", "--reschedule")
    assert code == 2 and "--dry-run saves nothing" in err


def load_practice_deck(store: Store, cards: int) -> None:
    """A deck of ``cards`` numbered facts, one typed question each."""
    facts = [
        Fact(
            id=f"year-{n}",
            statement=f"Practice event number {n} took place in {1800 + n}.",
            spans=[KeySpan(text=str(1800 + n), type=SpanType.DATE)],
            topic="Practice",
        )
        for n in range(cards)
    ]
    questions: list[Question] = [
        ShortAnswerQuestion(
            id=f"{f.id}:short_answer:x",
            fact_id=f.id,
            variant="x",
            prompt=f"In which year did practice event number {n} take place?",
            answer=str(1800 + n),
            topic="Practice",
        )
        for n, f in enumerate(facts)
    ]
    store.load_deck("Practice", facts, questions, now=NOW)


def record_history(store: Store, seed: int) -> list[CardState]:
    """Simulated reviews of the built-in deck's and a hand-made deck's questions, stored as
    the quiz stores them (the built-in deck alone, one question per fact, holds too few cards
    for the history the optimizer needs)."""
    ensure_builtin_deck(store, now=NOW)
    load_practice_deck(store, cards=180)
    ids = [q.question.id for q in store.questions()]
    assert len(ids) > 180
    reviews, final = simulate(LEARNER, cards=len(ids), days=300, seed=seed, card_ids=ids)
    with store.transaction():
        for review in reviews:
            store.record_review(
                CardState(review.card_id, state=2, last_review=review.reviewed_at),
                session_id=None,
                reviewed_at=review.reviewed_at,
                rating=review.rating,
                correct=review.rating > 1,
                response=None,
                duration_ms=review.duration_ms,
            )
        cards = [
            CardState(
                c.card_id,
                state=c.state,
                step=c.step,
                stability=c.stability,
                difficulty=c.difficulty,
                due=c.due,
                last_review=c.last_review,
            )
            for c in final
        ]
        store.save_cards(cards)
    return cards


@pytest.mark.slow
def test_optimize_from_the_database_and_reschedule(runner: CliRunner, db_path: Path) -> None:
    with Store.open(db_path, now=NOW) as store:
        before = record_history(store, seed=7)
        history = store.review_history()
        store.set_setting("desired_retention", 0.85)
    assert [r[2] for r in history] == sorted(r[2] for r in history)
    code, out, err = run(runner, "optimize", "--reschedule", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["source"] == "database" and data["reviews"] == len(history)
    assert data["saved"] is True and data["rescheduled"] > 0
    with Store.open(db_path, now=NOW) as store:
        after = {c.question_id: c for c in store.reviewed_cards()}
        assert store.get_setting("fsrs_parameters") == data["parameters"]
    from fsrs import Scheduler

    from quizmaster.scheduler import SchedulerSettings, settle_due

    scheduler = Scheduler(parameters=data["parameters"], desired_retention=0.85)
    rules = SchedulerSettings(desired_retention=0.85, parameters=tuple(data["parameters"]))
    moved = 0
    for old in before:
        new = after[old.question_id]
        assert new.last_review == old.last_review and new.state == old.state
        assert new.stability is not None and new.last_review is not None
        if new.state == 2:
            interval = scheduler._next_interval(stability=new.stability)
            raw = new.last_review + dt.timedelta(days=interval)
            assert new.due == settle_due(raw, new.last_review, rules)
            moved += new.due != old.due
        else:
            assert new.due == old.due
    assert moved > len(before) // 2


def test_parameters_info_and_its_rendering() -> None:
    from quizmaster import render

    info = optimizer.parameters_info({})
    assert info["source"] == "default" and info["fitted_at"] is None
    assert info["parameters"] == optimizer.default_parameters()
    assert "default parameters" in render.fsrs_parameters_text(info).plain
    broken = optimizer.parameters_info({"fsrs_parameters": [1.0, 2.0]})
    assert broken["source"] == "default"
    fitted = optimizer.settings_for(learner_fit(), NOW)
    info = optimizer.parameters_info(fitted)
    assert info["source"] == "fitted" and info["parameters"] == learner_fit().parameters
    text = render.fsrs_parameters_text(info).plain
    assert text.startswith(
        "Scheduler: FSRS-6 with parameters fitted to your reviews on 2026-11-24 09:00 UTC"
    )
    assert "hold-out log loss" in text


def test_cli_reports_a_fit_that_is_not_saved(runner: CliRunner, tmp_path: Path) -> None:
    reviews, _ = simulate(optimizer.default_parameters(), cards=150, days=120, seed=1)
    revlog = write_revlog(tmp_path / "revlog.csv", reviews)
    code, out, _ = run(runner, "optimize", "--revlog", str(revlog), "--reschedule")
    assert code == 0
    assert "Not saved: the fitted parameters do not beat the defaults" in out
    assert "Rescheduled" not in out
    code, out, _ = run(runner, "optimize", "--revlog", str(revlog), "--json")
    assert json.loads(out)["saved"] is False


@pytest.mark.slow
def test_an_optimizer_failure_is_a_clean_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fsrs_rs_python

    class Failing:
        def __init__(self, parameters: list[float]) -> None:
            pass

        def compute_parameters(self, *args: object, **kwargs: object) -> list[float]:
            raise RuntimeError("no convergence")

    monkeypatch.setattr(fsrs_rs_python, "FSRS", Failing)
    revlog = write_revlog(tmp_path / "revlog.csv", learner_history())
    code, out, err = run(runner, "optimize", "--revlog", str(revlog))
    assert code == 2 and out == ""
    assert err == "Error: the FSRS optimizer failed on this history (no convergence)\n"
