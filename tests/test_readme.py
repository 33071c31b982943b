"""The command examples of the README and of docs/ use commands and options that exist, and
the README stays a short entry point into docs/."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from quizmaster.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# The README's reference moved here; its examples are held to the same standard.
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]


def example_lines(paths: list[Path] = DOCS) -> list[str]:
    lines: list[str] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
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


def test_the_docs_have_examples_for_every_command() -> None:
    lines = example_lines()
    assert len(lines) > 40
    used = {tuple(words(line)[:1]) for line in lines}
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert (name,) in used, f"no example in the README or docs/ runs `quizmaster {name}`"


def test_the_readme_runs_the_daily_loop_and_tables_every_command() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300, "the reference belongs in docs/"
    assert {"", "quiz"} <= {" ".join(words(line)) for line in example_lines([README])}
    table = text[text.index("## Commands") :]
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert f"| `quizmaster {name}" in table, f"the README's table lacks `quizmaster {name}`"


@pytest.mark.parametrize("path", DOCS, ids=lambda path: path.name)
def test_relative_links_lead_to_files_that_exist(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" not in target:
            assert (path.parent / target).exists(), f"{path.name} links to missing {target}"


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
