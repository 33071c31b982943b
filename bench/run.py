"""quizmaster benchmarks: one command, two tables (figures, then scaling).

    python bench/run.py --quick          # cold starts only (~1 min)
    python bench/run.py --big            # everything; collections kept in $TMPDIR/quizmaster-bench
    python bench/run.py --big PATH.db    # the 100k-question / 1M-review collection at PATH.db
                                         # (created once, with PATH-1k.db and PATH-10k.db)

Timings on a shared machine are noisy, so every figure is the median of runs interleaved with
the baselines it is compared to (same run, round-robin, so drift in machine load hits every
case alike), and the ratio against those baselines is what the targets are written in:
``python -c pass``, a 2-command Typer app of the installed Typer version, one SQL pass over
the reviews, a dump of the stored rows, and the real Anki library importing the same .apkg
(where installed). Each run works on its own copy of every collection, so runs never drift
(the kept collections are only read). Run it with the Python of quizmaster's environment.
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

HELLO = '''\
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "World") -> None:
    """Say hello."""
    print(f"Hello {name}")


@app.command()
def bye(name: str = "World") -> None:
    """Say goodbye."""
    print(f"Bye {name}")


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


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds >= 0.01 else f"{seconds * 1000:.3f} ms"


def ratio_row(
    what: str, med: dict[str, float], name: str, base: str, limit: float, unit: str = "ms"
) -> Row:
    """A figure with its ratio against a same-run baseline and whether the target is met."""
    value, ratio = med[name], med[name] / med[base]
    figure = ms(value) if unit == "ms" else f"{value:.2f} s"
    return (
        what,
        figure,
        f"{ratio:.2f}x {base}",
        f"<= {limit:g}x: {'met' if ratio <= limit else 'NOT met'}",
    )


def limit_row(what: str, seconds: float, notes: str, limit: float) -> Row:
    figure = ms(seconds) if seconds < 1 else f"{seconds:.2f} s"
    target = ms(limit) if limit < 1 else f"{limit:g} s"
    return (what, figure, notes, f"<= {target}: {'met' if seconds <= limit else 'NOT met'}")


def interleaved(cases: dict[str, Callable[[], float]], repeat: int) -> dict[str, float]:
    """Medians of ``repeat`` round-robin runs of every case, after one warm-up run each
    (OS file cache, bytecode cache)."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for fn in cases.values():
        fn()
    for _ in range(repeat):
        for name, fn in cases.items():
            times[name].append(fn())
    return {name: statistics.median(values) for name, values in times.items()}


def command(
    cmd: Sequence[str], env: dict[str, str], tty: bool = False, stdin: str | None = None
) -> Callable[[], float]:
    return lambda: run_once(cmd, env, stdin=stdin, tty=tty)


def quiz_startup(env: dict[str, str]) -> Callable[[], float]:
    """``quizmaster quiz`` on a pipe: seconds until its first question is on stdout. Then
    stdin is closed (EOF ends the session without an answer)."""

    def run() -> float:
        started = time.perf_counter()
        proc = subprocess.Popen(
            quizmaster_cmd("quiz"),
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        assert proc.stdout is not None and proc.stdin is not None
        elapsed = None
        for line in proc.stdout:
            if line.startswith(b"[1/"):
                elapsed = time.perf_counter() - started
                break
        proc.stdin.close()
        proc.stdout.read()
        err = proc.stderr.read() if proc.stderr is not None else b""
        proc.wait()
        if elapsed is None:
            raise RuntimeError(f"quizmaster quiz showed no question: {err.decode()[-300:]}")
        return elapsed

    return run


SQL_PASS = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "rows = c.execute('SELECT date(reviewed_at), count(*), sum(correct) FROM reviews "
    "GROUP BY 1').fetchall()\n"
)
DUMP = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "with open(sys.argv[2], 'w', encoding='utf-8') as out:\n"
    "    for table in ('facts', 'questions'):\n"
    "        for (data,) in c.execute(f'SELECT data FROM {table} ORDER BY rowid'):\n"
    "            out.write(data)\n"
    "            out.write('\\n')\n"
)
ANKI_IMPORT = (
    "import sys, tempfile, os\n"
    "from anki.collection import Collection, ImportAnkiPackageRequest, ImportAnkiPackageOptions\n"
    "with tempfile.TemporaryDirectory() as d:\n"
    "    col = Collection(os.path.join(d, 'collection.anki2'))\n"
    "    col.import_anki_package(ImportAnkiPackageRequest(package_path=sys.argv[1],\n"
    "        options=ImportAnkiPackageOptions(with_scheduling=False)))\n"
    "    col.close()\n"
)


def anki_installed() -> bool:
    probe = "import anki.collection"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0


def cold_start(repeat: int, tmp: Path) -> list[Row]:
    hello = tmp / "hello.py"
    hello.write_text(HELLO)
    db = tmp / "builtin.db"
    env = env_for(db)
    run_once(quizmaster_cmd(), env)  # creates the database and loads the built-in deck
    # Interactive commands run on a pseudo-terminal, like the user's; --json into a pipe.
    cases = {
        "python -c pass": command([sys.executable, "-c", "pass"], env, tty=True),
        "typer app": command([sys.executable, str(hello), "hello"], env, tty=True),
        "typer app --help": command([sys.executable, str(hello), "--help"], env, tty=True),
        "quizmaster --help": command(quizmaster_cmd("--help"), env, tty=True),
        "quizmaster (dashboard)": command(quizmaster_cmd(), env, tty=True),
        "quizmaster --json": command(quizmaster_cmd("--json"), env),
        "quizmaster questions list --json": command(
            quizmaster_cmd("questions", "list", "--json"), env
        ),
        "quizmaster stats --json": command(quizmaster_cmd("stats", "--json"), env),
    }
    med = interleaved(cases, repeat)
    rows: list[Row] = [
        (f"baseline: {name}", ms(med[name]), f"median of {repeat}, interleaved", "")
        for name in ("python -c pass", "typer app", "typer app --help")
    ]
    rows.append(
        ratio_row(
            "cold start: quizmaster (dashboard)", med, "quizmaster (dashboard)", "python -c pass", 3
        )
    )
    for name in cases:
        if name.startswith("quizmaster") and name != "quizmaster (dashboard)":
            base = "typer app --help" if name.endswith("--help") else "typer app"
            rows.append(ratio_row(f"cold start: {name}", med, name, base, 1.0))
    return rows


def scale_paths(big: Path) -> dict[str, Path]:
    """The 100k collection and its smaller siblings for the scaling table."""
    return {
        "1k": big.with_name(f"{big.stem}-1k.db"),
        "10k": big.with_name(f"{big.stem}-10k.db"),
        "100k": big,
    }


SIZES = {"1k": (1_000, 10_000), "10k": (10_000, 100_000), "100k": (100_000, 1_000_000)}


def big_label() -> str:
    return f"{SIZES['100k'][0]:,} q"


def set_big_size(questions: int) -> None:
    """A smaller "100k" collection (``--questions``), to try the bench out quickly."""
    SIZES["100k"] = (questions, questions * 10)


def ensure_collections(big: Path) -> list[Row]:
    """Build the collections that are missing (once; later runs reuse them)."""
    from bench.make_collection import make_collection

    rows: list[Row] = []
    for label, path in scale_paths(big).items():
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        questions, reviews = SIZES[label]
        info = make_collection(path, questions, reviews)
        rows.append(
            (
                f"generate {questions:,} questions, {reviews:,} reviews",
                f"{info['seconds']:.1f} s",
                f"{path.stat().st_size / 1e6:.0f} MB file (kept, reused)",
                "",
            )
        )
    return rows


def private_copy(source: Path, tmp: Path) -> Path:
    """This run's own copy of a kept collection (the original is only read)."""
    target = tmp / f"run-{source.name}"
    shutil.copyfile(source, target)
    return target


def big_collection(path: Path, tmp: Path, repeat: int, slow: int, bulk: bool = True) -> list[Row]:
    from quizmaster.records import CardState
    from quizmaster.store import Store

    rows: list[Row] = []
    now = dt.datetime.fromisoformat(NOW)
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
        from quizmaster.stats import streak_days_probed

        rows.append(
            (
                "dashboard streak (day-by-day probe)",
                ms(timed(lambda: streak_days_probed(store.reviewed_on, now.date()), repeat)),
                f"{streak_days_probed(store.reviewed_on, now.date())}-day streak, indexed EXISTS",
                "",
            )
        )
    dump_file = tmp / "dump.txt"
    cases = {
        "python -c pass": command([sys.executable, "-c", "pass"], env),
        "one SQL pass": command([sys.executable, "-c", SQL_PASS, str(path)], env),
        "dump of stored rows": command(
            [sys.executable, "-c", DUMP, str(path), str(dump_file)], env
        ),
        "dashboard": command(quizmaster_cmd(), env, tty=True),
        "quiz start-up": quiz_startup(env),
        "stats --json": command(quizmaster_cmd("stats", "--json"), env),
        "questions list --json": command(quizmaster_cmd("questions", "list", "--json"), env),
        "questions list": command(quizmaster_cmd("questions", "list"), env, tty=True),
    }
    med = interleaved(cases, slow)
    note = f"median of {slow}, interleaved"
    rows += [
        ("baseline: one SQL pass over the reviews", f"{med['one SQL pass']:.2f} s", note, ""),
        ("baseline: dump of stored rows", f"{med['dump of stored rows']:.2f} s", note, ""),
        limit_row("big DB: quiz start-up (first question)", med["quiz start-up"], note, 0.5),
        limit_row("big DB: dashboard", med["dashboard"], note, 0.1),
        ratio_row("big DB: stats --json", med, "stats --json", "one SQL pass", 1.5, "s"),
        limit_row("big DB: questions list --json", med["questions list --json"], note, 1.0),
        limit_row("big DB: questions list (table)", med["questions list"], note, 1.0),
    ]
    rss = peak_rss_mb(quizmaster_cmd("questions", "list", "--json"), env)
    rows.append(
        (
            "peak memory: questions list --json",
            f"{rss:.0f} MB",
            "getrusage ru_maxrss",
            f"<= 100 MB: {'met' if rss <= 100 else 'NOT met'}",
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
    rss = peak_rss_mb(quizmaster_cmd("quiz"), env, stdin="x\n" * 20)
    rows.append(
        (
            "peak memory: quiz session, big DB",
            f"{rss:.0f} MB",
            "20 answers on stdin",
            f"< 120 MB: {'met' if rss < 120 else 'NOT met'}",
        )
    )
    if bulk:
        rows += exports_and_imports(path, env, tmp, slow)
    rows.append(record_review_row(path, now, Store, CardState))
    return rows


def record_review_row(path: Path, now: dt.datetime, store_cls: Any, card_cls: Any) -> Row:
    """200 answers written into this run's copy (the last figure taken on it)."""
    with store_cls.open(path, now=now) as store:
        due = store.due_question_ids(now, limit=400)
        cards = iter(due)

        def answer() -> None:
            qid = next(cards)
            before = store.card(qid)
            after = card_cls(
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
    return (
        "answer -> committed (record_review)",
        ms(med),
        "median of 200, WAL, synchronous=NORMAL",
        f"< 1 ms: {'met' if med < 0.001 else 'NOT met'}",
    )


CSV_ROWS = 200_000


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        for n in range(rows):
            out.write(f'"Where did committee {n} meet?","city {n % 997}","synthetic t{n % 13}"\n')


def stored_form_row(path: Path) -> Row:
    """How many of the collection's rows are in the current stored form (exported as they
    are stored); the rest are validated and dumped again, which is the slow way."""
    import sqlite3

    from quizmaster.canonical_mark import is_marked

    conn = sqlite3.connect(path)
    try:
        marked = total = 0
        for table in ("facts", "questions"):
            for data, canon in conn.execute(f"SELECT data, canon FROM {table}"):
                marked += is_marked(data, canon)
                total += 1
    finally:
        conn.close()
    return (
        "rows in the current stored form",
        f"{marked:,} of {total:,}",
        "facts and questions",
        "",
    )


def exports_and_imports(path: Path, env: dict[str, str], tmp: Path, slow: int) -> list[Row]:
    """Exports of the big collection against the dump of its stored rows; imports of those
    exports (and of a 200k-row CSV) into new databases against Anki importing the same .apkg."""
    rows: list[Row] = []
    out_json, out_apkg = tmp / "export.json", tmp / "export.apkg"
    dump_file = tmp / "dump.txt"
    cases = {
        "dump of stored rows": command(
            [sys.executable, "-c", DUMP, str(path), str(dump_file)], env
        ),
        "export json": command(
            quizmaster_cmd("export", "--format", "json", "-o", str(out_json)), env
        ),
        "export apkg": command(
            quizmaster_cmd("export", "--format", "apkg", "-o", str(out_apkg)), env
        ),
    }
    med = interleaved(cases, slow)
    rows.append(stored_form_row(path))
    for fmt in ("json", "apkg"):
        name = f"export {fmt}"
        rows.append(ratio_row(f"big DB: {name}", med, name, "dump of stored rows", 3, "s"))
        rss = peak_rss_mb(
            quizmaster_cmd("export", "--format", fmt, "-o", str(tmp / f"again.{fmt}")), env
        )
        rows.append(
            (
                f"peak memory: {name}",
                f"{rss:.0f} MB",
                "getrusage ru_maxrss",
                f"<= 150 MB: {'met' if rss <= 150 else 'NOT met'}",
            )
        )
    csv_file = tmp / "rows.csv"
    write_csv(csv_file, CSV_ROWS)
    counter = iter(range(10**6))

    def into_new_db(file: Path) -> Callable[[], float]:
        def run() -> float:
            db = tmp / f"import-{next(counter)}.db"
            try:
                return run_once(quizmaster_cmd("import", str(file)), env_for(db))
            finally:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)

        return run

    imports: dict[str, Callable[[], float]] = {
        "import apkg": into_new_db(out_apkg),
        "import json": into_new_db(out_json),
    }
    have_anki = anki_installed()
    if have_anki:
        imports["Anki imports the apkg"] = command(
            [sys.executable, "-c", ANKI_IMPORT, str(out_apkg)], env
        )
    med = interleaved(imports, slow)
    note = f"median of {slow}, interleaved"
    if have_anki:
        rows.append(
            (
                "baseline: Anki imports the same .apkg",
                f"{med['Anki imports the apkg']:.2f} s",
                note,
                "",
            )
        )
        rows.append(
            ratio_row(
                f"import {big_label()} .apkg, new DB",
                med,
                "import apkg",
                "Anki imports the apkg",
                1.5,
                "s",
            )
        )
        rows.append(
            ratio_row(
                f"import {big_label()} .json, new DB",
                med,
                "import json",
                "Anki imports the apkg",
                1.0,
                "s",
            )
        )
    else:
        rows.append(
            (
                f"import {big_label()} .apkg, new DB",
                f"{med['import apkg']:.2f} s",
                "Anki not installed",
                "",
            )
        )
        rows.append(
            (
                f"import {big_label()} .json, new DB",
                f"{med['import json']:.2f} s",
                "Anki not installed",
                "",
            )
        )
    for label, file in (("apkg", out_apkg), ("json", out_json), ("csv", csv_file)):
        db = tmp / f"rss-{label}.db"
        started = time.perf_counter()
        rss = peak_rss_mb(quizmaster_cmd("import", str(file)), env_for(db))
        took = time.perf_counter() - started
        rows.append(
            (
                f"peak memory: import .{label}"
                + (f" ({CSV_ROWS // 1000}k rows)" if label == "csv" else ""),
                f"{rss:.0f} MB",
                f"new DB; one run, {took:.1f} s",
                "",
            )
        )
    return rows


def scaling(big: Path, big_copy: Path, tmp: Path, slow: int) -> str:
    """Quiz start-up, dashboard, stats and the JSON listing at 1k / 10k / 100k questions
    (10 reviews a question), each on this run's copy, all interleaved."""
    cases: dict[str, Callable[[], float]] = {}
    for label, path in scale_paths(big).items():
        copy = big_copy if label == "100k" else private_copy(path, tmp)
        env = env_for(copy)
        cases[f"{label} quiz start-up"] = quiz_startup(env)
        cases[f"{label} dashboard"] = command(quizmaster_cmd(), env, tty=True)
        cases[f"{label} stats --json"] = command(quizmaster_cmd("stats", "--json"), env)
        cases[f"{label} questions list --json"] = command(
            quizmaster_cmd("questions", "list", "--json"), env
        )
    med = interleaved(cases, slow)
    kinds = ("quiz start-up", "dashboard", "stats --json", "questions list --json")
    head = ("questions (reviews)", *kinds)
    body = [
        (
            f"{SIZES[label][0]:,} ({SIZES[label][1]:,})",
            *(
                ms(med[f"{label} {k}"])
                if med[f"{label} {k}"] < 1
                else f"{med[f'{label} {k}']:.2f} s"
                for k in kinds
            ),
        )
        for label in scale_paths(big)
    ]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    return f"scaling (median of {slow}, interleaved):\n" + "\n".join(lines)


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


def ingest_per_article(tmp: Path) -> Row:
    """``quizmaster ingest FILE`` on every article kept in the repository (``*.txt`` under an
    ``articles`` folder), each into a fresh database; the median seconds per article."""
    label = "ingest time per article"
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


DEFAULT_BIG = Path(tempfile.gettempdir()) / "quizmaster-bench" / "big.db"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="quizmaster benchmarks")
    parser.add_argument("--quick", action="store_true", help="cold starts only")
    parser.add_argument("--repeat", type=int, default=21, help="runs per fast figure (21)")
    parser.add_argument("--slow", type=int, default=5, help="runs per slow figure (5)")
    parser.add_argument(
        "--big",
        type=Path,
        nargs="?",
        const=DEFAULT_BIG,
        default=DEFAULT_BIG,
        help=f"the kept 100k-question collection (created if missing; default {DEFAULT_BIG})",
    )
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling table")
    parser.add_argument(
        "--no-bulk",
        action="store_true",
        help="skip exports, imports, load_deck and ingest (the slowest rows)",
    )
    parser.add_argument(
        "--questions", type=int, default=100_000, help="size of the big collection (100,000)"
    )
    args = parser.parse_args(argv)
    set_big_size(args.questions)
    print(f"machine: {machine()}, Typer {typer_version()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="quizmaster-bench-") as name:
        tmp = Path(name)
        rows = cold_start(args.repeat, tmp)
        scale = ""
        if not args.quick:
            rows += ensure_collections(args.big)
            copy = private_copy(args.big, tmp)
            rows += big_collection(copy, tmp, args.repeat, args.slow, bulk=not args.no_bulk)
            if not args.no_scaling:
                scale = scaling(args.big, copy, tmp, args.slow)
            if not args.no_bulk:
                rows += import_100k(tmp, args.repeat)
                rows.append(ingest_per_article(tmp))
    print(table(rows))
    if scale:
        print()
        print(scale)


def typer_version() -> str:
    from importlib.metadata import version

    return version("typer")


if __name__ == "__main__":
    main()
