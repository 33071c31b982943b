"""``quizmaster`` as a user runs it, with what would make two runs of the same keys differ
pinned: the monotonic timer stands still (response times, the mock's countdown) and the
random source is seeded (FSRS interval fuzz). Used by the golden screen tests:

    python -m tests.helpers.pinned_run quiz --limit 3
"""

from __future__ import annotations

import random
import sys
from unittest import mock

STILL_MONOTONIC = 1_000.0
SEED = 0


def main() -> None:
    sys.argv[0] = "quizmaster"
    random.seed(SEED)
    # Patched before quizmaster is imported, so `from time import monotonic` sees it too.
    with mock.patch("time.monotonic", return_value=STILL_MONOTONIC):
        from quizmaster.launch import main as quizmaster_main

        quizmaster_main()


if __name__ == "__main__":
    main()
