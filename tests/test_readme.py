"""The README's command examples use commands and options that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from quizmaster.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"


def example_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    lines: list[str] = []
    for block in re.findall(r"```(?:bash|console)\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.removeprefix("$ ").strip()
            if line.startswith("quizmaster") or line.startswith("cat article.txt | quizmaster"):
                lines.append(line)
    return lines


def words(line: str) -> list[str]:
    line = line.split("|")[-1] if line.startswith("cat ") else line
    parts = shlex.split(line, comments=True)
    for stop in ("<", ">", "|", "&&"):
        if stop in parts:
            parts = parts[: parts.index(stop)]
    return parts[1:]


def resolve(args: list[str]) -> tuple[Any, list[str]]:
    command: Any = get_command(app)
    while args and hasattr(command, "commands") and args[0] in command.commands:
        command, args = command.commands[args[0]], args[1:]
    return command, args


def test_readme_has_examples_for_every_command() -> None:
    lines = example_lines()
    assert len(lines) > 40
    used = {tuple(words(line)[:1]) for line in lines}
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert (name,) in used, f"no README example runs `quizmaster {name}`"


@pytest.mark.parametrize("line", example_lines())
def test_readme_example_parses(line: str) -> None:
    command, args = resolve(words(line))
    ctx = command.make_context("quizmaster", list(args), resilient_parsing=False)
    ctx.close()


def test_quick_start_works_on_a_stock_debian_python() -> None:
    """Debian and Ubuntu ship no `python` and refuse a bare `pip install` (PEP 668): the first
    command makes a venv with `python3`, and the test command runs inside it."""
    text = README.read_text(encoding="utf-8")
    quick = text[text.index("## Quick start") : text.index("## Commands")]
    first = re.findall(r"```bash\n(.*?)```", quick, flags=re.S)[0]
    assert first.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install .")
    assert "pipx install ." in quick
    assert not re.search(r"^python -m pip install \.", quick, flags=re.M)
