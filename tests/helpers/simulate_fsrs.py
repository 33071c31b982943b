"""A simulated learner for the optimizer tests: cards scheduled by the py-fsrs scheduler with
known parameters, each recall drawn from the card's true retrievability (fixed seed).

Run it to print the figures quoted in docs/scheduling.md:

    .venv/bin/python -m tests.helpers.simulate_fsrs
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quizmaster.optimizer import Review

START = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.timezone.utc)

# A learner who forgets faster than the FSRS-6 defaults assume: lower initial stabilities
# (w0-w3), slower stability growth after a success (w8) and a steeper forgetting curve
# (decay w20 = 0.3 instead of 0.1542). Everything else is the default.
LEARNER = [
    0.1, 0.4, 0.8, 3.0, 6.4133, 0.8334, 3.0194, 0.001, 1.2, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.3,
]  # fmt: skip


@dataclass(frozen=True)
class SimulatedCard:
    card_id: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: dt.datetime
    last_review: dt.datetime | None


def simulate(
    parameters: Sequence[float],
    *,
    cards: int,
    days: int,
    seed: int,
    card_ids: Sequence[str] | None = None,
    scheduled_by: Sequence[float] | None = None,
) -> tuple[list[Review], list[SimulatedCard]]:
    """Reviews (time order) and the final card states. Cards are introduced over the first
    half of the period; each is reviewed when due, sometimes a few days late (so recall is
    observed at many retrievabilities); the first rating is drawn from a fixed mix, later
    ones are Again with probability 1 - R, else Hard/Good/Easy.

    The learner's memory follows ``parameters`` (the true R); the due dates come from a
    scheduler with ``scheduled_by`` parameters (default: the same), e.g. the defaults, as
    in an app that has not been fitted yet. The returned card states are the scheduling
    ones."""
    from fsrs import Card, Rating, Scheduler

    rng = random.Random(seed)
    memory = Scheduler(parameters=parameters, enable_fuzzing=False)
    scheduler = Scheduler(parameters=scheduled_by or parameters, enable_fuzzing=False)
    end = START + dt.timedelta(days=days)
    ids = list(card_ids) if card_ids is not None else [f"c{n}" for n in range(cards)]
    reviews: list[Review] = []
    final: list[SimulatedCard] = []
    for number, card_id in enumerate(ids[:cards], start=1):
        at = START + dt.timedelta(days=rng.randrange(days // 2), hours=rng.random() * 10)
        card = Card(card_id=number, due=at)
        truth = Card(card_id=number, due=at)
        first = True
        while at < end:
            if first:
                rating = rng.choices([1, 2, 3, 4], [0.3, 0.1, 0.5, 0.1])[0]
                first = False
            elif rng.random() < memory.get_card_retrievability(truth, at):
                rating = rng.choices([2, 3, 4], [0.15, 0.75, 0.1])[0]
            else:
                rating = 1
            card, _ = scheduler.review_card(card, Rating(rating), at)
            truth, _ = memory.review_card(truth, Rating(rating), at)
            reviews.append(Review(card_id, rating, at, rng.randrange(2_000, 20_000)))
            if card.due - at < dt.timedelta(days=1):
                late = dt.timedelta(hours=rng.random() * 6)
            else:
                late = dt.timedelta(days=rng.choice([0, 0, 0, 1, 2, 5]), hours=rng.random() * 4)
            at = card.due + late
        final.append(
            SimulatedCard(
                card_id=card_id,
                state=int(card.state),
                step=card.step,
                stability=card.stability,
                difficulty=card.difficulty,
                due=card.due,
                last_review=card.last_review,
            )
        )
    reviews.sort(key=lambda r: r.reviewed_at)
    return reviews, final


def write_revlog(path: Path, reviews: Sequence[Review]) -> Path:
    """The reviews as a py-fsrs CSV review log."""
    lines = ["card_id,review_rating,review_time,review_duration"]
    lines += [
        f"{r.card_id},{r.rating},{r.reviewed_at.isoformat()},{r.duration_ms or ''}" for r in reviews
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    from quizmaster import optimizer

    defaults = optimizer.default_parameters()
    runs = (
        ("learner, scheduled by its own parameters", LEARNER, None),
        ("learner, scheduled by the defaults", LEARNER, defaults),
        ("defaults", defaults, None),
    )
    for label, parameters, scheduled_by in runs:
        print(label)
        for cards, days in ((400, 200), (1000, 365), (3000, 365)):
            reviews, _ = simulate(
                parameters, cards=cards, days=days, seed=7, scheduled_by=scheduled_by
            )
            train, _holdout = optimizer.split(reviews)
            started = time.perf_counter()
            optimizer.fit(train)
            fit_seconds = time.perf_counter() - started
            started = time.perf_counter()
            result = optimizer.optimize(reviews)
            total_seconds = time.perf_counter() - started
            true, _ = optimizer.evaluate(reviews, parameters, first_scored=len(train))
            print(
                f"  {cards:4} cards, {days} days: {result.reviews:5} reviews, "
                f"{result.holdout_predictions:4} scored | log loss default "
                f"{result.default.log_loss:.4f} fitted {result.fitted.log_loss:.4f} true "
                f"{true.log_loss:.4f} | RMSE(bins) default {result.default.rmse_bins:.4f} "
                f"fitted {result.fitted.rmse_bins:.4f} true {true.rmse_bins:.4f} | "
                f"better={result.better} | fit {fit_seconds:.2f}s, optimize {total_seconds:.2f}s"
            )


if __name__ == "__main__":
    main()
