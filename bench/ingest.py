"""Ingest time per article, measured in-process (interpreter start-up excluded).

Each article goes through the whole `quizmaster ingest --yes` path: read the source (HTML
through trafilatura), extract facts, write and re-read the facts YAML file, generate
questions and load the deck into a fresh SQLite database. The first run of the first
article also pays for imports (trafilatura, yaml, sqlite-utils); it is reported apart.

Usage: python bench/ingest.py [ARTICLE ...] [--runs N]
(default: every article under tests/fixtures/articles)
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.timezone.utc)
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles"


def ingest_once(path: Path, workdir: Path) -> tuple[float, int, int]:
    from quizmaster.generate import generate_questions
    from quizmaster.ingest import plan_ingest, save_and_load
    from quizmaster.sources import read_source
    from quizmaster.store import Store

    start = time.perf_counter()
    article = read_source(str(path))
    plan = plan_ingest(article, data_dir=workdir)
    with Store.open(workdir / "bench.db", now=NOW) as store:
        save_and_load(store, plan, plan.facts, now=NOW)
    elapsed = time.perf_counter() - start
    return elapsed, len(plan.facts), len(generate_questions(plan.facts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    paths = args.articles or sorted(
        p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html")
    )
    rows = []
    first: float | None = None
    for path in paths:
        times = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                elapsed, facts, questions = ingest_once(path, Path(tmp))
            if first is None:
                first = elapsed
            times.append(elapsed)
        size = path.stat().st_size
        rows.append((path.name, size, facts, questions, statistics.median(times), max(times)))
    print(f"{'article':<36} {'bytes':>7} {'facts':>5} {'qs':>4} {'median ms':>9} {'max ms':>7}")
    for name, size, facts, questions, median, worst in rows:
        print(
            f"{name:<36} {size:>7} {facts:>5} {questions:>4} "
            f"{median * 1e3:>9.1f} {worst * 1e3:>7.1f}"
        )
    print(f"first run incl. imports: {(first or 0) * 1e3:.0f} ms; runs per article: {args.runs}")


if __name__ == "__main__":
    main()
