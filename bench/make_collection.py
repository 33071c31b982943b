"""Write a synthetic quizmaster collection for benchmarks: 100,000 questions and 1,000,000
reviews by default, in a database created (and migrated) by ``Store.open``.

    python bench/make_collection.py /tmp/big.db [--questions 100000] [--reviews 1000000]

A bench tool, not part of the app: it writes rows with ``executemany`` straight into the
tables, which is why it holds SQL. Deterministic (fixed seed and clock).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizmaster.records import iso  # noqa: E402
from quizmaster.store import Store  # noqa: E402

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.timezone.utc)
QUESTIONS_PER_FACT = 4
FACTS_PER_DECK = 250
KINDS = ("short_answer", "cloze", "mcq", "true_false")
REVIEWED_SHARE = 0.6  # the rest are new cards
HISTORY_DAYS = 730


def _fact_row(index: int, deck_id: int, position: int, stamp: str) -> tuple[object, ...]:
    fid = f"fact-{index:06d}"
    statement = f"In 2025 committee number {index} met in city {index % 997} to sign pact {index}."
    data = {
        "id": fid,
        "statement": statement,
        "spans": [{"text": f"city {index % 997}", "type": "place"}],
        "topic": f"Topic {index % 40}",
        "tags": ["synthetic", f"t{index % 13}"],
    }
    return (
        fid,
        deck_id,
        position,
        statement,
        data["topic"],
        json.dumps(data["tags"]),
        json.dumps(data),
        0,
        stamp,
    )


def _question_rows(
    fact_index: int, deck_id: int, position: int, stamp: str
) -> Iterator[tuple[object, ...]]:
    fid = f"fact-{fact_index:06d}"
    topic = f"Topic {fact_index % 40}"
    tags = json.dumps(["synthetic", f"t{fact_index % 13}"])
    answer = f"city {fact_index % 997}"
    for k, kind in enumerate(KINDS):
        qid = f"{fid}:{kind}:v{k}"
        prompt = f"Where did committee number {fact_index} meet in 2025 to sign pact {fact_index}?"
        data: dict[str, object] = {
            "id": qid,
            "fact_id": fid,
            "variant": f"v{k}",
            "prompt": prompt,
            "answer": answer,
            "explanation": f"Committee {fact_index} met there.",
            "topic": topic,
            "tags": ["synthetic", f"t{fact_index % 13}"],
            "accepted": [],
            "kind": kind,
        }
        options: list[str] | None = None
        if kind == "mcq":
            options = [answer, "city 1001", "city 1002", "city 1003"]
            data["choices"] = options
        elif kind == "true_false":
            data["answer"] = "True"
            options = ["True", "False"]
        yield (
            qid,
            fid,
            deck_id,
            kind,
            f"v{k}",
            position * QUESTIONS_PER_FACT + k,
            prompt,
            None if options is None else json.dumps(options),
            data["answer"],
            data["explanation"],
            topic,
            tags,
            json.dumps(data),
            0,
            stamp,
            stamp,
        )


def _card_json(qid: str, due: dt.datetime, last: dt.datetime, reps: int) -> str:
    return json.dumps(
        {
            "question_id": qid,
            "state": 2,
            "step": None,
            "stability": 12.5,
            "difficulty": 5.1,
            "due": iso(due),
            "last_review": iso(last),
            "reps": reps,
            "lapses": 0,
            "suspended": False,
            "leech": False,
            "buried_until": None,
        }
    )


def _stored_form(row: tuple[object, ...], at: int) -> tuple[object, ...]:
    """The row as the app's ``load_deck`` writes it: ``data`` is ``model_dump_json()`` of the
    validated model, marked as in the current stored form."""
    from pydantic import TypeAdapter

    from quizmaster.canonical_mark import mark
    from quizmaster.models import Fact, Question

    adapter: Any = Fact if at == 6 else _ADAPTERS.setdefault("q", TypeAdapter(Question))
    model = adapter.model_validate_json(row[at]) if at == 6 else adapter.validate_json(row[at])
    data = model.model_dump_json()
    return (*row[:at], data, *row[at + 1 :], mark(data))


_ADAPTERS: dict[str, Any] = {}


def make_collection(path: Path, questions: int, reviews: int, seed: int = 8) -> dict[str, float]:
    """Create the collection at ``path`` (which must not exist). Returns counts and seconds."""
    if path.exists():
        raise SystemExit(f"{path} exists; remove it first")
    started = time.perf_counter()
    rng = random.Random(seed)
    stamp = iso(NOW)
    n_facts = max(1, questions // QUESTIONS_PER_FACT)
    n_decks = max(1, (n_facts + FACTS_PER_DECK - 1) // FACTS_PER_DECK)
    store = Store.open(path, now=NOW)
    conn = store.conn
    # A throwaway file written once: no WAL (it would hold the whole GB a second time before
    # the checkpoint) and no syncs. Back to WAL at the end, as the app expects.
    conn.execute("PRAGMA journal_mode = MEMORY")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    with store.transaction():
        conn.executemany(
            "INSERT INTO decks (id, name, source_title, source_date, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                (d + 1, f"Synthetic deck {d + 1:04d}", "Synthetic", "2025-11", stamp, stamp)
                for d in range(n_decks)
            ),
        )
        conn.executemany(
            "INSERT INTO facts (id, deck_id, position, statement, topic, tags, data, retired, "
            "updated_at, canon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _stored_form(_fact_row(i, i // FACTS_PER_DECK + 1, i % FACTS_PER_DECK, stamp), 6)
                for i in range(n_facts)
            ),
        )
        conn.executemany(
            "INSERT INTO questions (id, fact_id, deck_id, kind, variant, position, prompt, "
            "options, answer, explanation, topic, tags, data, retired, created_at, updated_at, "
            "canon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _stored_form(row, 12)
                for i in range(n_facts)
                for row in _question_rows(i, i // FACTS_PER_DECK + 1, i % FACTS_PER_DECK, stamp)
            ),
        )
        qids = [r[0] for r in conn.execute("SELECT id FROM questions ORDER BY id")]
        reviewed = qids[: int(len(qids) * REVIEWED_SHARE)]
        reviewed_set = set(reviewed)
        # Due dates spread from a month ago to two months ahead: a few thousand due now.
        due_of = {q: NOW + dt.timedelta(hours=rng.uniform(-24 * 30, 24 * 60)) for q in reviewed}
        conn.executemany(
            "INSERT INTO cards (question_id, state, stability, difficulty, due, last_review, "
            "reps, lapses, suspended, leech) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0)",
            (
                (q, 2, 12.5, 5.1, iso(due_of[q]), iso(due_of[q] - dt.timedelta(days=12)), 5)
                if q in reviewed_set
                else (q, 0, None, None, None, None, 0)
                for q in qids
            ),
        )
        conn.executemany(
            "INSERT INTO sessions (id, kind, started_at, ended_at, deck, data) "
            "VALUES (?, 'quiz', ?, ?, NULL, '{}')",
            (
                (
                    d + 1,
                    iso(NOW - dt.timedelta(days=HISTORY_DAYS - d)),
                    iso(NOW - dt.timedelta(days=HISTORY_DAYS - d, minutes=-15)),
                )
                for d in range(HISTORY_DAYS)
            ),
        )

        def review_rows() -> Iterator[tuple[object, ...]]:
            per_day = max(1, reviews // HISTORY_DAYS)
            for n in range(reviews):
                day = min(n // per_day, HISTORY_DAYS - 1)
                q = reviewed[rng.randrange(len(reviewed))] if reviewed else qids[0]
                at = NOW - dt.timedelta(days=HISTORY_DAYS - day, seconds=-n % 900)
                rating = rng.choice((1, 3, 3, 3, 4))
                before = _card_json(q, at, at - dt.timedelta(days=9), 4)
                after = _card_json(q, at + dt.timedelta(days=12), at, 5)
                yield (
                    q,
                    day + 1,
                    iso(at),
                    rating,
                    int(rating > 1),
                    "city 7",
                    rng.randrange(1500, 15000),
                    before,
                    after,
                )

        if reviews:
            conn.executemany(
                "INSERT INTO reviews (question_id, session_id, reviewed_at, rating, correct, "
                "response, duration_ms, card_before, card_after) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                review_rows(),
            )
        # The built-in deck is not wanted here: mark it as handled so opening stays pure.
        conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('builtin_deck_loaded', 'true')"
        )
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    store.close()
    return {
        "decks": n_decks,
        "facts": n_facts,
        "questions": len(qids),
        "reviews": reviews,
        "seconds": time.perf_counter() - started,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    info = make_collection(args.path, args.questions, args.reviews)
    print(
        f"{args.path}: {info['decks']:,} decks, {info['facts']:,} facts, "
        f"{info['questions']:,} questions, {info['reviews']:,} reviews "
        f"in {info['seconds']:.1f} s ({args.path.stat().st_size / 1e6:.0f} MB)"
    )


if __name__ == "__main__":
    main()


def synthetic_deck(n_facts: int, distractors: bool = False) -> tuple[list[Any], list[Any]]:
    """``n_facts`` facts and the questions ``generate_questions`` makes of them,
    as pydantic objects ready for ``Store.load_deck``.

    With ``distractors`` every key span carries four hand-written wrong answers, as an
    exam deck's do; without, the generator searches the deck's own spans for them (capped
    per answer, but much slower: see docs/performance.md, question generation at scale)."""
    from quizmaster.generate import generate_questions

    facts = synthetic_facts(n_facts, distractors)
    return facts, list(generate_questions(facts))


def synthetic_questions(facts: list[Any]) -> list[Any]:
    """Four questions per fact (cloze and short answer per key span), built directly: the
    store's share of an import measured without the generator's."""
    from quizmaster.models import ClozeQuestion, ShortAnswerQuestion, question_id

    out: list[Any] = []
    for fact in facts:
        for span in fact.spans:
            variant = span.text.replace(" ", "-")
            for cls, kind in ((ClozeQuestion, "cloze"), (ShortAnswerQuestion, "short_answer")):
                out.append(
                    cls(
                        id=question_id(fact.id, kind, variant),
                        fact_id=fact.id,
                        variant=variant,
                        prompt=fact.statement.replace(span.text, "_____"),
                        answer=span.text,
                        topic=fact.topic,
                        tags=list(fact.tags),
                    )
                )
    return out


def synthetic_facts(n_facts: int, distractors: bool = False) -> list[Any]:
    """The facts of ``synthetic_deck``."""
    from quizmaster.models import Fact, KeySpan, SpanType

    def wrong(stem: str, i: int, mod: int) -> list[str]:
        return [f"{stem} {(i + k) % mod}" for k in (1, 2, 3, 4)] if distractors else []

    return [
        Fact(
            id=f"fact-{i:06d}",
            statement=f"In 2025 committee number {i} met in city {i % 997} with chair {i % 89}.",
            spans=[
                KeySpan(
                    text=f"city {i % 997}",
                    type=SpanType.PLACE,
                    distractors=wrong("city", i % 997, 997),
                ),
                KeySpan(
                    text=f"chair {i % 89}",
                    type=SpanType.PERSON,
                    distractors=wrong("chair", i % 89, 89),
                ),
            ],
            topic=f"Topic {i % 40}",
            tags=["synthetic", f"t{i % 13}"],
        )
        for i in range(n_facts)
    ]
