"""Time a JSON export and import of a large collection (not part of the test suite).

    python bench/exchange.py [N_FACTS]

Builds N facts with two questions each (default 50,000 facts = 100,000 questions), written
directly rather than generated (synthetic facts are not what the generator's quality gate
passes, and the bench times the exchange, not generation), into a fresh database, then
times ``export --format json --with-history`` and an import of that file into a second
fresh database, through the same functions the CLI calls.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from quizmaster.exporters import export
from quizmaster.importers import import_path
from quizmaster.models import ClozeQuestion, Fact, KeySpan, McqQuestion, Question, SpanType
from quizmaster.store import Store

# A fixed moment: the figures do not depend on the day the bench runs.
NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.timezone.utc)


def _questions(fact: Fact, i: int) -> list[Question]:
    city = fact.spans[0].text
    wrong = [f"City{(i + step) % 997}" for step in (1, 2, 3)]
    cloze = ClozeQuestion(
        id=f"{fact.id}:cloze",
        fact_id=fact.id,
        variant="cloze",
        prompt=f"Summit number {i} was held in _____ in 2025.",
        answer=city,
        topic=fact.topic,
        tags=fact.tags,
    )
    mcq = McqQuestion(
        id=f"{fact.id}:mcq",
        fact_id=fact.id,
        variant="mcq",
        prompt=f"Where was summit number {i} held in 2025?",
        answer=city,
        choices=sorted([city, *wrong]),
        topic=fact.topic,
        tags=fact.tags,
    )
    return [cloze, mcq]


def build(store: Store, n_facts: int) -> int:
    facts = [
        Fact(
            id=f"fact-{i}",
            statement=f"Summit number {i} was held in City{i % 997} in 2025.",
            spans=[KeySpan(text=f"City{i % 997}", type=SpanType.PLACE)],
            topic=f"Topic {i % 20}",
            tags=["bench", f"t{i % 50}"],
        )
        for i in range(n_facts)
    ]
    questions = [question for i, fact in enumerate(facts) for question in _questions(fact, i)]
    store.load_deck("Bench", facts, questions, now=NOW)
    return len(questions)


def main() -> None:
    n_facts = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with Store.open(root / "source.db", now=NOW) as source:
            started = time.perf_counter()
            count = build(source, n_facts)
            print(f"built {count:,} questions in {time.perf_counter() - started:.2f} s")
            started = time.perf_counter()
            export(source, "json", now=NOW, output=root / "all.json", with_history=True)
            size = (root / "all.json").stat().st_size
            print(f"export json: {time.perf_counter() - started:.2f} s ({size / 1e6:.1f} MB)")
            for fmt in ("csv", "html", "apkg"):
                started = time.perf_counter()
                export(source, fmt, now=NOW, output=root / f"all.{fmt}")
                print(f"export {fmt}: {time.perf_counter() - started:.2f} s")
        with Store.open(root / "target.db", now=NOW) as target:
            started = time.perf_counter()
            import_path(target, root / "all.json", now=NOW)
            print(f"import json (new): {time.perf_counter() - started:.2f} s")
            started = time.perf_counter()
            import_path(target, root / "all.json", now=NOW)
            print(f"import json (again, unchanged): {time.perf_counter() - started:.2f} s")
            assert target.totals()["questions"] == count
        with Store.open(root / "csv.db", now=NOW) as target:
            started = time.perf_counter()
            import_path(target, root / "all.csv", now=NOW)
            print(f"import csv (new): {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
