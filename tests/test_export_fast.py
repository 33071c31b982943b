"""``quizmaster export --format json|apkg -o FILE`` without Typer (``quizmaster.export_fast``)
is the full app's: stdout, stderr, exit code and the file (byte for byte; a package's tables
row for row); every case it does not handle goes to the full app."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quizmaster import importers
from quizmaster.store import Store
from tests.helpers.pinned import DATA, NOW

from .test_export_stream import apkg_rows
from .test_import_speed_paths import _mixed_csv

ENTRY = [sys.executable, "-m", "quizmaster"]
WHOLE = [sys.executable, "-c", "from quizmaster.cli import app; app(prog_name='quizmaster')"]
PROBE = (
    "import sys\n"
    "from quizmaster.launch import main\n"
    "sys.argv = ['quizmaster', *sys.argv[1:]]\n"
    "main()\n"
    "sys.stdout.write(repr(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'click'})))\n"
)


def _collection(tmp_path: Path) -> Path:
    db = tmp_path / "source.db"
    with Store.open(db, now=NOW) as store:
        from quizmaster.importers import ensure_builtin_deck

        ensure_builtin_deck(store, now=NOW)
        importers.import_path(store, _mixed_csv(tmp_path / "mixed.csv"), now=NOW)
    return db


def _env(db: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TYPER_", "_TYPER_", "FORCE_COLOR", "PYTHONIOENCODING"))
    }
    env.update(QUIZMASTER_DB=str(db), QUIZMASTER_NOW=NOW.isoformat(), **extra)
    return env


def _both(
    tmp_path: Path, db: Path, args: list[str], out: str, **extra: str
) -> list[tuple[int, bytes, bytes, bytes | None]]:
    """Each way on its own copy of ``db``, writing ``out`` (``{out}`` in ``args``, relative)
    in its own folder: exit code, stdout, stderr and the file written (None: none)."""
    results = []
    for name, cmd in (("entry", ENTRY), ("whole", WHOLE)):
        folder = tmp_path / name
        folder.mkdir()
        copy = folder / "q.db"
        if db.exists():
            shutil.copyfile(db, copy)
        target = folder / out
        words = [out if a == "{out}" else a for a in args]
        done = subprocess.run(
            [*cmd, *words], env=_env(copy, **extra), capture_output=True, cwd=folder
        )
        written = target.read_bytes() if target.is_file() else None
        results.append((done.returncode, done.stdout, done.stderr, written))
    return results


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "json", "-o", "{out}"],
        ["export", "-o", "{out}", "-f", "json"],
        ["export", "--output", "{out}", "--format", "json"],
    ],
)
def test_the_fast_export_is_the_full_app_s(tmp_path: Path, args: list[str]) -> None:
    db = _collection(tmp_path)
    entry, whole = _both(tmp_path, db, args, "all é.json")
    assert entry == whole
    assert entry[0] == 0 and entry[3] is not None and b'"format": "quizmaster"' in entry[3]
    assert entry[2].startswith(b"Exported ") and entry[2].count(b"\n") == 1
    # It was the fast path: neither Typer nor Click was imported.
    target = tmp_path / "probe.json"
    words = [str(target) if a == "{out}" else a for a in args]
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, *words], env=_env(db), capture_output=True, text=True
    )
    assert probe.returncode == 0 and probe.stdout == "[]", probe.stderr
    assert target.read_bytes() == entry[3]


@pytest.mark.parametrize(
    "case",
    [
        "folder as output",
        "missing folder",
        "no database yet",
        "old schema",
        "nothing to export",
        "forced colour",
        "latin-1 output",
        "dash as output",
        "unknown format",
        "repeated option",
        "control character in the name",
    ],
)
@pytest.mark.slow
def test_what_the_fast_export_leaves_to_the_full_app_comes_out_the_same(
    tmp_path: Path, case: str
) -> None:
    db = _collection(tmp_path)
    args = ["export", "--format", "json", "-o", "{out}"]
    out, extra = "out.json", {}
    if case == "folder as output":
        out = "."
    elif case == "missing folder":
        out = "nowhere/out.json"
    elif case == "no database yet":
        db = tmp_path / "absent.db"
    elif case == "old schema":
        db = tmp_path / "old.db"
        shutil.copyfile(DATA / "schema-m001.db", db)
    elif case == "nothing to export":
        with Store.open(db, now=NOW) as store:
            for deck in store.decks():
                store.remove_deck(deck.name)
    elif case == "forced colour":
        extra = {"FORCE_COLOR": "1"}
    elif case == "latin-1 output":
        extra = {"PYTHONIOENCODING": "latin-1"}
    elif case == "dash as output":
        args = ["export", "--format", "json", "-o", "-"]
    elif case == "unknown format":
        args = ["export", "--format", "jsonl", "-o", "{out}"]
    elif case == "repeated option":
        args = ["export", "-o", "{out}", "-o", "{out}"]
    elif case == "control character in the name":  # the closing line goes through Rich
        out = "tab\there.json"
    entry, whole = _both(tmp_path, db, args, out, **extra)
    assert entry == whole


def _apkg_results(
    tmp_path: Path, results: list[tuple[int, bytes, bytes, bytes | None]]
) -> list[tuple[int, bytes, bytes, dict[str, Any] | None]]:
    """The results with each package written read back as its tables' rows (the zip's
    file times are the moment it was written)."""
    read = []
    for n, (code, out, err, written) in enumerate(results):
        rows = None
        if written is not None:
            package = tmp_path / f"read-{n}.apkg"
            package.write_bytes(written)
            (tmp_path / f"read-{n}").mkdir()
            rows = apkg_rows(package, tmp_path / f"read-{n}")
        read.append((code, out, err, rows))
    return read


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "apkg", "-o", "{out}"],
        ["export", "-o", "{out}", "-f", "apkg"],
    ],
)
@pytest.mark.slow
def test_the_fast_anki_export_is_the_full_app_s(tmp_path: Path, args: list[str]) -> None:
    db = _collection(tmp_path)
    entry, whole = _apkg_results(tmp_path, _both(tmp_path, db, args, "all é.apkg"))
    assert entry == whole
    assert entry[0] == 0 and entry[3] is not None and len(entry[3]["notes"]) > 10
    assert entry[2].startswith(b"Exported ") and entry[2].count(b"\n") == 1
    target = tmp_path / "probe.apkg"
    words = [str(target) if a == "{out}" else a for a in args]
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, *words], env=_env(db), capture_output=True, text=True
    )
    assert probe.returncode == 0 and probe.stdout == "[]", probe.stderr
    (tmp_path / "probe").mkdir()
    assert apkg_rows(target, tmp_path / "probe") == entry[3]


@pytest.mark.parametrize(
    "case", ["folder as output", "nothing to export", "latin-1 output", "dash as output"]
)
@pytest.mark.slow
def test_what_the_fast_anki_export_leaves_to_the_full_app_comes_out_the_same(
    tmp_path: Path, case: str
) -> None:
    db = _collection(tmp_path)
    args = ["export", "--format", "apkg", "-o", "{out}"]
    out, extra = "out.apkg", {}
    if case == "folder as output":
        out = "."
    elif case == "nothing to export":
        with Store.open(db, now=NOW) as store:
            for deck in store.decks():
                store.remove_deck(deck.name)
    elif case == "latin-1 output":
        extra = {"PYTHONIOENCODING": "latin-1"}
    elif case == "dash as output":
        args = ["export", "--format", "apkg", "-o", "-"]
    entry, whole = _apkg_results(tmp_path, _both(tmp_path, db, args, out, **extra))
    assert entry == whole
