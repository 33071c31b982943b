"""Imports under two quizmaster checkouts, interleaved with the real Anki library importing
the same package: the before/after figures of an import change, taken in one machine state.

    python bench/compare_imports.py BEFORE_VENV AFTER_VENV DECK.apkg [DECK.json ...] [--repeat 3]

Each file is imported by each checkout's ``quizmaster import`` into a new database, round-robin
with Anki's import of the first ``.apkg`` (after one warm-up run each; every other round in
reverse order); the medians and their ratios to Anki's are printed, then every checkout's
peak memory per file (one run each).
Make the files with ``quizmaster export --format apkg|json`` of a bench collection.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import ANKI_IMPORT, NOW, peak_rss_mb  # noqa: E402


def env_for(db: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QUIZMASTER_DB=str(db), QUIZMASTER_NOW=NOW, PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the virtualenv of the code before")
    parser.add_argument("after", type=Path, help="the virtualenv of the code after")
    parser.add_argument("files", type=Path, nargs="+", help="deck files (.apkg first)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    venvs = {"before": args.before, "after": args.after}
    package = next((f for f in args.files if f.suffix == ".apkg"), None)
    with tempfile.TemporaryDirectory(prefix="quizmaster-compare-") as name:
        tmp = Path(name)
        counter = iter(range(10**6))

        def importing(venv: Path, file: Path) -> Callable[[], float]:
            def run() -> float:
                db = tmp / f"import-{next(counter)}.db"
                started = time.perf_counter()
                subprocess.run(
                    [str(venv / "bin" / "quizmaster"), "import", str(file)],
                    env=env_for(db),
                    capture_output=True,
                    check=True,
                )
                took = time.perf_counter() - started
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                return took

            return run

        cases: dict[str, Callable[[], float]] = {}
        if package is not None:
            anki = [str(args.after / "bin" / "python"), "-c", ANKI_IMPORT, str(package)]

            def anki_run() -> float:
                started = time.perf_counter()
                subprocess.run(anki, capture_output=True, check=True)
                return time.perf_counter() - started

            cases["Anki imports the .apkg"] = anki_run
        for file in args.files:
            for label, venv in venvs.items():
                cases[f"{label}: import {file.name}"] = importing(venv, file)
        times: dict[str, list[float]] = {k: [] for k in cases}
        for fn in cases.values():
            fn()
        for round_ in range(args.repeat):
            # Forwards, then backwards: no case always runs right after the same other one.
            order = list(cases.items())
            for key, fn in order if round_ % 2 == 0 else order[::-1]:
                times[key].append(fn())
        med = {k: statistics.median(v) for k, v in times.items()}
        base = med.get("Anki imports the .apkg")
        print(f"median of {args.repeat}, interleaved")
        for key, value in med.items():
            ratio = f"  {value / base:.2f}x Anki" if base else ""
            runs = ", ".join(f"{t:.2f}" for t in times[key])
            print(f"{key:40s} {value:6.2f} s{ratio}   ({runs})")
        for file in args.files:
            for label, venv in venvs.items():
                db = tmp / f"rss-{label}-{file.stem}.db"
                rss = peak_rss_mb(
                    [str(venv / "bin" / "quizmaster"), "import", str(file)], env_for(db)
                )
                print(f"peak memory, {label}: import {file.name:28s} {rss:5.0f} MB")


if __name__ == "__main__":
    main()
