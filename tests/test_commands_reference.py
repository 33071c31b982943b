"""docs/commands.md is what every command's ``--help`` prints now."""

from __future__ import annotations

import difflib

import pytest

from tests.helpers.commands_reference import REFERENCE, command_paths, reference


def test_every_command_and_sub_command_is_in_the_reference() -> None:
    names = {" ".join(path) for path in command_paths()}
    assert {"quiz", "mock", "decks rename", "questions show", "config set"} <= names


@pytest.mark.slow
def test_the_reference_is_the_help_commands_print_now() -> None:
    now = reference()
    stored = REFERENCE.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            stored.splitlines(keepends=True),
            now.splitlines(keepends=True),
            "docs/commands.md",
            "--help now",
        )
    )
    assert not diff, f"regenerate with `python -m tests.helpers.commands_reference`:\n{diff}"
    assert "\x1b[" not in stored  # drawn without colour
