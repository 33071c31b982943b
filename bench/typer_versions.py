"""Cold starts of the same quizmaster under two Typer versions, interleaved.

    python bench/typer_versions.py VENV_A VENV_B [--repeat 11]

Each VENV has quizmaster installed (e.g. ``pip install -e . "typer==0.28.0"`` in one and
``"typer==0.29.2"`` in the other). Runs, round-robin: a 2-command Typer app, bare
``quizmaster`` through the full app (not the fast dashboard path), ``stats --json`` and
``--help``, on a database with the built-in deck. Prints the medians per venv.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import HELLO, env_for  # noqa: E402

FULL_APP = "from quizmaster.cli import main; main()"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("venvs", nargs=2, type=Path)
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        hello = tmp / "hello.py"
        hello.write_text(HELLO)
        env = env_for(tmp / "builtin.db")
        cases: dict[str, list[str]] = {}
        for venv in args.venvs:
            py = str(venv / "bin" / "python")
            version = subprocess.run(
                [py, "-c", "import importlib.metadata as m; print(m.version('typer'))"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            tag = f"typer {version}"
            cases[f"{tag}: 2-command Typer app"] = [py, str(hello), "hello"]
            cases[f"{tag}: quizmaster (full app)"] = [py, "-c", FULL_APP]
            cases[f"{tag}: quizmaster stats --json"] = [py, "-c", FULL_APP, "stats", "--json"]
            cases[f"{tag}: quizmaster --help"] = [py, "-c", FULL_APP, "--help"]
        times: dict[str, list[float]] = {case: [] for case in cases}
        for cmd in cases.values():  # warm-up; the first also creates the database
            subprocess.run(cmd, env=env, capture_output=True, check=True)
        for _ in range(args.repeat):
            for case, cmd in cases.items():
                started = time.perf_counter()
                subprocess.run(cmd, env=env, capture_output=True, check=True)
                times[case].append(time.perf_counter() - started)
    for case, values in times.items():
        print(f"{case:45s} {statistics.median(values) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
