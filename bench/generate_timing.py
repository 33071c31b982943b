"""Time question generation on a synthetic deck.

python bench/generate_timing.py 5000 --distractors   # 5,000 facts, hand-written options
python bench/generate_timing.py 1000                 # the deck tier searched instead
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from make_collection import synthetic_facts  # noqa: E402

from quizmaster.generate import generate_questions  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", type=int, nargs="+", help="deck sizes to time")
    parser.add_argument("--distractors", action="store_true", help="hand-written options")
    args = parser.parse_args()
    for n in args.facts:
        facts = synthetic_facts(n, args.distractors)
        start = time.perf_counter()
        questions = generate_questions(facts)
        took = time.perf_counter() - start
        print(f"{n:>6} facts  {len(questions):>7} questions  {took:7.2f} s", flush=True)


if __name__ == "__main__":
    main()
