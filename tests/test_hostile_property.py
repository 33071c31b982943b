"""Random bytes and random option values fed to every command: whatever comes in, the answer
is a clean exit (0, 1 or 2) and, on bad input, one line on stderr; never a traceback and
never a trip through the last-resort handler.

The example count is modest so this file stays fast; set QUIZMASTER_FUZZ_EXAMPLES (e.g.
2000) for a longer run."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quizmaster.cli import ERROR_LOG, app
from quizmaster.importers import import_path
from quizmaster.store import Store
from tests.helpers.pinned import DATA, NOW

EXAMPLES = int(os.environ.get("QUIZMASTER_FUZZ_EXAMPLES", "120"))


def _commands() -> dict[tuple[str, ...], Any]:
    """Every command path (``("questions", "list")`` ...) and its Click command."""
    found: dict[tuple[str, ...], Any] = {}

    def walk(command: Any, path: tuple[str, ...]) -> None:
        subs = getattr(command, "commands", None)
        if subs:  # a group that runs on its own too: the dashboard, config
            if path in ((), ("config",)):
                found[path] = command
            for name, sub in subs.items():
                walk(sub, (*path, name))
        else:
            found[path] = command

    walk(typer.main.get_command(app), ())
    return found


COMMANDS = _commands()

NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "-1",
        "0",
        "1",
        "nan",
        "inf",
        "-inf",
        "1e400",
        "9" * 5000,
        "0x10",
        "1/0",
        "2/3",
        "٣",
        "²",
        "\x1b]0;pwned\x07",
        "\x00",
        "=HYPERLINK(1)",
        "none",
        "0001-01-01",
        "9999-12-31",
        "2025-02-30",
        "mcq",
        "upsc",
        "custom",
        "csv",
        "json",
        "apkg",
        "exam_date",
        "new_per_day",
        "India–Israel Defence MoU 2025",
        "-",
        "--",
        "--help",
    ]
) | st.text(max_size=40)

FILE_BODIES = st.sampled_from(
    [
        b"",
        b"\x00" * 100,
        b"deck: D\nfacts:\n  - id: a\n    statement: India signed it.\n"
        b"    spans: [{text: India, type: country}]\n",
        b"front,back\nq,a\n",
        b'{"format": "quizmaster", "version": 1, "decks": []}',
        b"PK\x03\x04" + b"\x00" * 60,
        b"card_id,review_rating,review_time,review_duration\n1,3,2026-01-01T00:00:00+00:00,5\n",
    ]
) | st.binary(max_size=300)


def _is_argument(param: Any) -> bool:
    return "Argument" in type(param).__name__


@st.composite
def invocations(draw: st.DrawFn) -> tuple[list[str], bytes, bytes, str]:
    """(arguments, stdin, the bytes of a file argument, its suffix)."""
    path = draw(st.sampled_from(sorted(COMMANDS)))
    command = COMMANDS[path]
    args = list(path)
    suffix = draw(st.sampled_from([".yaml", ".json", ".csv", ".txt", ".apkg", ".md", ""]))
    params = [p for p in command.params if p.name not in ("db", "help")]
    for param in draw(st.lists(st.sampled_from(params), max_size=4)) if params else []:
        if param.name in ("output", "out", "backup"):
            value = draw(st.sampled_from(["{run}/new.out", "{run}", "{file}", "{run}/no/x"]))
        elif param.name in ("file", "source", "revlog"):
            value = draw(st.sampled_from(["{file}", "{run}", "-"]))
        else:
            value = draw(NASTY_TEXT)
        if _is_argument(param):
            args.append(value)
        elif getattr(param, "is_flag", False):
            args.append(param.opts[0])
        else:
            args += [param.opts[0], value]
    # Arguments the command needs, so it gets past parsing more often than not.
    for param in params:
        if _is_argument(param) and param.required:
            args.append("{file}" if param.name in ("file", "source") else draw(NASTY_TEXT))
    stdin = draw(st.binary(max_size=200) | st.sampled_from([b"", b"\n" * 40, b"q\n" * 5]))
    return args, stdin, draw(FILE_BODIES), suffix


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "loaded.db"
    with Store.open(path, now=NOW) as store:
        import_path(store, DATA / "small.yaml", now=NOW)
    return path


@pytest.fixture
def workdir(template: Path) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="quizmaster-fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.slow
@given(invocations())
def test_no_command_crashes_on_random_input(
    template: Path, workdir: Path, invocation: tuple[list[str], bytes, bytes, str]
) -> None:
    args, stdin, body, suffix = invocation
    run = Path(tempfile.mkdtemp(dir=workdir))
    db = run / "quiz.db"
    shutil.copy(template, db)
    file = run / f"input{suffix}"
    file.write_bytes(body)
    args = [a.replace("{file}", str(file)).replace("{run}", str(run)) for a in args]
    if args[:1] == ["ingest"]:
        args += ["--out", str(run / "out.yaml")]
    result = CliRunner().invoke(
        app,
        [*args, "--db", str(db)] if "--" not in args else args,
        input=stdin,
        env={"QUIZMASTER_DB": str(db), "QUIZMASTER_IDLE_TIMEOUT": "1"},
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output, (args, output[-2000:])
    assert not (run / ERROR_LOG).exists(), (args, (run / ERROR_LOG).read_text()[-3000:])
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, output[-2000:])
    if result.exit_code == 2 and "Usage:" not in output:  # `facts` alone prints its help
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1, (args, result.stderr)
