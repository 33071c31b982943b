"""quizmaster benchmarks: one command, one table.

    python bench/run.py                 # everything (builds a 100k/1M collection, ~1-2 min)
    python bench/run.py --quick         # cold start only
    python bench/run.py --big PATH      # reuse (or create once) the big collection at PATH

Timings on a shared machine are noisy, so every figure is a median over repeated runs, and
cold starts are also given as ratios against baselines measured in the same run, interleaved
with them: ``python -c pass`` and a bare Typer hello-world app of the installed Typer version.
Run it with the Python of the environment quizmaster is installed in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOW = "2026-11-24T09:00:00+00:00"
NA = "n/a (command not available)"

HELLO = '''\
import typer

app = typer.Typer()


@app.command()
def main(name: str = "World") -> None:
    """Say hello."""
    print(f"Hello {name}")


if __name__ == "__main__":
    app()
'''

Row = tuple[str, str, str, str]  # what, figure, ratio/extra, target


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"SQLite {__import__('sqlite3').sqlite_version}, {platform.system()} {platform.release()}"
    )


def quizmaster_cmd(*args: str) -> list[str]:
    """The installed console script (what users run), else ``python -m quizmaster``."""
    script = Path(sys.executable).parent / "quizmaster"
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-m", "quizmaster", *args]


def env_for(db: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QUIZMASTER_DB=str(db), QUIZMASTER_NOW=NOW, COLUMNS="100", PYTHONHASHSEED="0")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    # An installed copy has its bytecode compiled; without this every run would recompile
    # quizmaster (an editable install) while Typer's cached bytecode is used.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_on_tty(cmd: Sequence[str], env: dict[str, str]) -> float:
    """Run with stdout on a pseudo-terminal, as a user sees it (Rich draws its full output
    there, not the plain text it prints to a pipe). Returns the wall time in seconds."""
    import pty

    master, slave = pty.openpty()
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, cwd=ROOT
    )
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    code = proc.wait()
    elapsed = time.perf_counter() - started
    os.close(master)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({code}): {output.decode()[-300:]}")
    return elapsed


def run_once(
    cmd: Sequence[str], env: dict[str, str], stdin: str | None = None, tty: bool = False
) -> float:
    if tty:
        return run_on_tty(cmd, env)
    started = time.perf_counter()
    proc = subprocess.run(
        cmd, env=env, input=stdin, capture_output=True, text=True, check=False, cwd=ROOT
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return elapsed


def available(command: str, env: dict[str, str]) -> bool:
    """Whether ``quizmaster COMMAND`` exists in this build (hooks for later features)."""
    proc = subprocess.run(
        quizmaster_cmd(command, "--help"), env=env, capture_output=True, check=False
    )
    return proc.returncode == 0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds >= 0.01 else f"{seconds * 1000:.3f} ms"


def cold_start(repeat: int, tmp: Path) -> list[Row]:
    hello = tmp / "hello.py"
    hello.write_text(HELLO)
    db = tmp / "builtin.db"
    env = env_for(db)
    run_once(quizmaster_cmd(), env)  # creates the database and loads the built-in deck
    # Interactive commands run on a pseudo-terminal, like the user's; --json into a pipe.
    cases: dict[str, tuple[list[str], bool]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], True),
        "typer hello-world": ([sys.executable, str(hello)], True),
        "typer hello-world --help": ([sys.executable, str(hello), "--help"], True),
        "quizmaster --help": (quizmaster_cmd("--help"), True),
        "quizmaster (dashboard)": (quizmaster_cmd(), True),
        "quizmaster questions list --json": (quizmaster_cmd("questions", "list", "--json"), False),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for cmd, tty in cases.values():  # warm the OS file cache and the bytecode cache
        run_once(cmd, env, tty=tty)
    for _ in range(repeat):  # interleaved, so drift in machine load hits every case alike
        for name, (cmd, tty) in cases.items():
            times[name].append(run_once(cmd, env, tty=tty))
    med = {name: statistics.median(values) for name, values in times.items()}
    rows: list[Row] = []
    for name in cases:
        if name.startswith("quizmaster"):
            base = "typer hello-world --help" if name.endswith("--help") else "typer hello-world"
            ratio = med[name] / med[base]
            rows.append(
                (
                    f"cold start: {name}",
                    ms(med[name]),
                    f"{med[name] / med['python -c pass']:.2f}x python, {ratio:.2f}x typer",
                    f"<= 1.2x typer: {'met' if ratio <= 1.2 else 'NOT met'}",
                )
            )
        else:
            rows.append((f"baseline: {name}", ms(med[name]), "", ""))
    return rows


def timed(fn: Callable[[], object], repeat: int) -> float:
    values = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        values.append(time.perf_counter() - started)
    return statistics.median(values)


def peak_rss_mb(cmd: Sequence[str], env: dict[str, str], stdin: str | None = None) -> float:
    """Peak resident memory of ``cmd``, read by a fresh wrapper process with getrusage."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,"
        " input=sys.stdin.buffer.read())\n"
        "if p.returncode: sys.exit(p.stderr.decode()[-300:])\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd],
        env=env,
        input=stdin or "",
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    kb = int(proc.stdout.strip().splitlines()[-1])
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


PICK_SCRIPT = """
import datetime as dt, sys
from quizmaster.store import Store
now = dt.datetime.fromisoformat(sys.argv[2])
with Store.open(sys.argv[1], now=now) as store:
    store.totals(); store.count_due(now); store.count_new()
    for qid in store.due_question_ids(now, limit=50):
        store.question(qid)
"""


def big_collection(path: Path | None, tmp: Path, repeat: int) -> list[Row]:
    from bench.make_collection import make_collection
    from quizmaster.store import CardState, Store

    rows: list[Row] = []
    now = dt.datetime.fromisoformat(NOW)
    if path is None:
        path = tmp / "big.db"
    if not path.exists():
        info = make_collection(path, 100_000, 1_000_000)
        rows.append(
            (
                "generate 100k questions, 1M reviews",
                f"{info['seconds']:.1f} s",
                f"{path.stat().st_size / 1e6:.0f} MB file",
                "",
            )
        )
    env = env_for(path)
    with Store.open(path, now=now) as store:
        totals = store.totals()

        def counts() -> None:
            store.totals()
            store.count_due(now)
            store.count_new()

        rows.append(
            (
                "dashboard counts (store)",
                ms(timed(counts, repeat)),
                f"{totals['questions']:,} questions, {store.count_due(now):,} due",
                "",
            )
        )
        rows.append(
            (
                "pick next due question",
                ms(timed(lambda: store.question(store.due_question_ids(now, 1)[0]), repeat)),
                "due-ordered query + load",
                "",
            )
        )
        rows.append(
            (
                "reviews per day (streaks; 1M reviews)",
                ms(timed(lambda: store.review_counts_by_day(330), 3)),
                "Store.review_counts_by_day, median of 3",
                "",
            )
        )
        from quizmaster.stats import streak_days_probed

        rows.append(
            (
                "dashboard streak (day-by-day probe)",
                ms(
                    timed(
                        lambda: streak_days_probed(store.reviewed_on, now.date()),
                        repeat,
                    )
                ),
                f"{streak_days_probed(store.reviewed_on, now.date())}-day streak, indexed EXISTS",
                "",
            )
        )
        due = store.due_question_ids(now, limit=400)
        cards = iter(due)

        def answer() -> None:
            qid = next(cards)
            before = store.card(qid)
            after = CardState(
                question_id=qid,
                state=2,
                stability=20.0,
                difficulty=5.0,
                due=now + dt.timedelta(days=20),
                last_review=now,
                reps=before.reps + 1,
            )
            store.record_review(
                after,
                session_id=None,
                reviewed_at=now,
                rating=3,
                correct=True,
                response="x",
                duration_ms=4000,
            )

        med = timed(answer, min(200, len(due)))
        rows.append(
            (
                "answer -> committed (record_review)",
                ms(med),
                "median of 200, WAL, synchronous=NORMAL",
                f"< 1 ms: {'met' if med < 0.001 else 'NOT met'}",
            )
        )
    rows.append(
        (
            "cold start: quizmaster (dashboard), big DB",
            ms(statistics.median(run_once(quizmaster_cmd(), env) for _ in range(repeat))),
            "",
            "",
        )
    )
    rss = peak_rss_mb([sys.executable, "-c", PICK_SCRIPT, str(path), NOW], env)
    rows.append(
        (
            "peak memory: open big DB, count, pick 50",
            f"{rss:.0f} MB",
            "getrusage ru_maxrss",
            f"< 120 MB: {'met' if rss < 120 else 'NOT met'}",
        )
    )
    rows.extend(command_hooks(path, env, tmp))
    return rows


def command_hooks(path: Path, env: dict[str, str], tmp: Path) -> list[Row]:
    """Figures for commands other features add; n/a until they exist in this build."""
    rows: list[Row] = []
    hooks: list[tuple[str, str, list[str], str | None]] = [
        ("stats", "stats", ["stats", "--json"], None),
        ("export --format json", "export", ["export", "--format", "json", "-o"], "json"),
        ("export --format apkg", "export", ["export", "--format", "apkg", "-o"], "apkg"),
    ]
    for label, command, args, suffix in hooks:
        if not available(command, env):
            rows.append((f"big DB: {label}", NA, "", ""))
            continue
        argv = list(args)
        if suffix is not None:
            argv.append(str(tmp / f"export.{suffix}"))
        try:
            seconds = run_once(quizmaster_cmd(*argv), env)
            rows.append((f"big DB: {label}", f"{seconds:.2f} s", "one run", ""))
        except RuntimeError as exc:
            rows.append((f"big DB: {label}", "failed", str(exc)[:60], ""))
    if available("quiz", env):
        session_db = tmp / "session.db"
        shutil.copy(path, session_db)
        session_env = env_for(session_db)
        try:
            rss = peak_rss_mb(quizmaster_cmd("quiz"), session_env, stdin="x\n" * 20)
            rows.append(
                (
                    "peak memory: quiz session, big DB",
                    f"{rss:.0f} MB",
                    "20 answers on stdin",
                    f"< 120 MB: {'met' if rss < 120 else 'NOT met'}",
                )
            )
        except subprocess.CalledProcessError as exc:
            rows.append(("peak memory: quiz session, big DB", "failed", str(exc)[:60], ""))
    else:
        rows.append(("peak memory: quiz session, big DB", NA, "", ""))
    rows.append(ingest_per_article(tmp))
    return rows


def ingest_per_article(tmp: Path) -> Row:
    """``quizmaster ingest FILE`` on every article kept in the repository (``*.txt`` under an
    ``articles`` folder), each into a fresh database; the median seconds per article."""
    label = "ingest time per article"
    env = env_for(tmp / "ingest.db")
    if not available("ingest", env):
        return (label, NA, "", "")
    articles = sorted(p for p in ROOT.rglob("articles/*.txt") if ".venv" not in p.parts)
    if not articles:
        return (label, "n/a (no articles/*.txt in the repository)", "", "")
    seconds = []
    for n, article in enumerate(articles):
        try:
            seconds.append(
                run_once(quizmaster_cmd("ingest", "--yes", str(article)), env_for(tmp / f"i{n}.db"))
            )
        except RuntimeError as exc:
            return (label, "failed", str(exc)[:60], "")
    return (
        label,
        f"{statistics.median(seconds):.2f} s",
        f"median of {len(articles)} article(s)",
        "",
    )


IMPORT_FACTS = 2_000  # facts in the YAML file the real ``quizmaster import`` is timed on


def import_100k(tmp: Path, repeat: int) -> list[Row]:
    """``Store.load_deck`` of 100,000 questions into a fresh database, then a no-op re-load;
    and the real ``quizmaster import`` (parse, validate, generate, load) of a facts file."""
    from bench.make_collection import synthetic_facts, synthetic_questions
    from quizmaster.store import Store

    now = dt.datetime.fromisoformat(NOW)
    facts = synthetic_facts(25_000)
    questions = synthetic_questions(facts)
    first: list[float] = []
    again: list[float] = []
    for n in range(max(1, repeat // 5)):
        db = tmp / f"import-{n}.db"
        with Store.open(db, now=now) as store:
            started = time.perf_counter()
            store.load_deck("Synthetic", facts, questions, now=now)
            first.append(time.perf_counter() - started)
            started = time.perf_counter()
            store.load_deck("Synthetic", facts, questions, now=now)
            again.append(time.perf_counter() - started)
        db.unlink()
    med = statistics.median(first)
    rows: list[Row] = [
        (
            f"import {len(questions) // 1000}k questions (load_deck, new)",
            f"{med:.2f} s",
            f"25k facts; median of {len(first)}",
            f"< 5 s: {'met' if med < 5 else 'NOT met'}",
        ),
        ("re-import unchanged 100k (load_deck)", f"{statistics.median(again):.2f} s", "", ""),
    ]
    # The whole command. Question generation is superlinear in the deck size (distractor
    # and statements searches over the whole deck), so a smaller file is timed; each key
    # span carries four hand-written distractors, as an exam deck's do.
    yaml_file = tmp / "synthetic-facts.yaml"
    write_deck_yaml(yaml_file, synthetic_facts(IMPORT_FACTS, distractors=True))
    cli_db = tmp / "cli.db"
    cli_seconds = run_once(quizmaster_cmd("import", str(yaml_file)), env_for(cli_db))
    with Store.open(cli_db, now=now) as store:
        made = len(store.questions("Synthetic"))
    rows.insert(
        0,
        (
            f"quizmaster import {IMPORT_FACTS // 1000}k-fact YAML ({made:,} q)",
            f"{cli_seconds:.2f} s",
            f"one run, {yaml_file.stat().st_size / 1e6:.1f} MB file, new DB",
            "100k q < 5 s: NOT measurable (generator)",
        ),
    )
    return rows


def write_deck_yaml(path: Path, facts: Sequence[Any]) -> None:
    """The facts as a facts YAML file (libyaml's dumper when present: the bench's own time)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    body = {
        "deck": "Synthetic",
        "facts": [f.model_dump(mode="json", exclude_defaults=True) for f in facts],
    }
    path.write_text(
        yaml.dump(body, Dumper=dumper, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


def table(rows: list[Row]) -> str:
    head: Row = ("benchmark", "median", "ratio / notes", "target")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="quizmaster benchmarks")
    parser.add_argument("--quick", action="store_true", help="cold start only")
    parser.add_argument("--repeat", type=int, default=21, help="runs per figure (default 21)")
    parser.add_argument("--big", type=Path, help="big collection path (created if missing)")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="quizmaster-bench-") as name:
        tmp = Path(name)
        rows = cold_start(args.repeat, tmp)
        if not args.quick:
            rows += big_collection(args.big, tmp, args.repeat)
            rows += import_100k(tmp, args.repeat)
    print(table(rows))


if __name__ == "__main__":
    main()
