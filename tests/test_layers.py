"""The core's layering: no core module imports the database layer, the renderer or the
terminal libraries at run time, so each can be imported, tested and reused without them.
Imports under ``if TYPE_CHECKING:`` (type hints only) are allowed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quizmaster"
BANNED = ("quizmaster.store", "quizmaster.render", "typer", "rich")

# The modules outside the core, each with why; a package named here (`render/`) is outside
# with all its submodules.
SHELLS = {
    "cli": "the Typer app: parses options, calls the core, renders its result",
    "render": "the only Rich: draws what the core returns",
    "store": "the only SQL",
    "migrations": "the schema's steps, run by the store",
    "help_fast": "`--help` drawn with Rich alone, for start-up speed",
    "dashboard_fast": "the dashboard read with plain sqlite3 and printed, for start-up speed",
    "json_commands_fast": "`--json` listings opened on the store directly, for start-up speed",
    "export_fast": "`export -o FILE` opened on the store directly, for start-up speed",
    "quiz_io": "a quiz session's keyboard and screen",
    "mock_runner": "a mock's input loop between the keyboard and the core",
    "launch": "the entry point choosing a fast path or the full app",
    "__main__": "`python -m quizmaster`, the entry point",
    "json_writer": "JSON written to stdout without Rich, the renderer's twin for `--json`",
    "invocation": "opens the store a command names, for the commands",
    "prompt": "a line typed at a prompt, after a prompt drawn by the renderer",
    "ingest_runner": "an ingest between the article, the review prompts, the store and the screen",
}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(source: str, package: str = "quizmaster") -> list[tuple[int, str]]:
    """(line, module) of every import run when the module runs, at any depth (a function's
    lazy import counts), leaving out the bodies of ``if TYPE_CHECKING:``. Relative imports
    are resolved against ``package``, the package the source lives in."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking_only(child):
                for stmt in child.orelse:
                    visit_one(stmt)
            else:
                visit_one(child)

    def visit_one(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = node.module if node.level == 0 else ".".join(parts)
            module = base if node.level == 0 or not node.module else f"{base}.{node.module}"
            found.append((node.lineno, module or ""))
            # `from quizmaster import store` imports the module too.
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
        visit(node)

    visit(ast.parse(source))
    return found


def banned_imports(source: str, package: str = "quizmaster") -> list[str]:
    return [
        f"line {line}: {module}"
        for line, module in runtime_imports(source, package)
        if any(module == banned or module.startswith(banned + ".") for banned in BANNED)
    ]


def shell_of(path: Path) -> str | None:
    """The shell ``path`` belongs to: a module named in SHELLS, or a module of a package
    named there; None for a core module."""
    top = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    return top if top in SHELLS else None


def core_modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if shell_of(path) is None)


@pytest.mark.slow
@pytest.mark.parametrize("path", core_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_core_module_imports_no_store_renderer_or_terminal_library(path: Path) -> None:
    package = ".".join(path.parent.relative_to(PACKAGE.parent).parts)
    assert banned_imports(path.read_text(encoding="utf-8"), package) == []


def test_every_shell_named_exists() -> None:
    missing = [
        n
        for n in SHELLS
        if not ((PACKAGE / f"{n}.py").exists() or (PACKAGE / n / "__init__.py").exists())
    ]
    assert missing == []


def test_the_render_package_is_a_shell_with_all_its_submodules() -> None:
    submodules = sorted((PACKAGE / "render").glob("*.py"))
    assert len(submodules) > 1
    assert {shell_of(path) for path in submodules} == {"render"}
    assert not set(submodules) & set(core_modules())


def test_the_core_is_most_of_the_package() -> None:
    assert len(core_modules()) > len(SHELLS)


@pytest.mark.parametrize(
    "source",
    [
        "from quizmaster.store import Store\n",
        "import rich\n",
        "from rich.console import Console\n",
        "import typer\n",
        "from quizmaster import render\n",
        "def f():\n    from quizmaster.store import Store\n",
        "if TYPE_CHECKING:\n    pass\nelse:\n    import typer\n",
        "try:\n    import rich.text\nexcept ImportError:\n    pass\n",
        "from . import store\n",
        "from .render import console\n",
    ],
)
def test_a_banned_import_is_caught(source: str) -> None:
    assert banned_imports(source) != []


def test_a_relative_import_from_a_subpackage_is_resolved() -> None:
    assert banned_imports("from ..store import Store\n", "quizmaster.generate") != []
    assert banned_imports("from .store import Store\n", "quizmaster.generate") == []


@pytest.mark.parametrize(
    "source",
    [
        "if TYPE_CHECKING:\n    from quizmaster.store import Store\n",
        "import typing\nif typing.TYPE_CHECKING:\n    import rich\n",
        "from quizmaster.records import CardState\n",
        "import quizmaster.storage_notes\n",
        "from quizmaster import canonical_stamp\n",
        "from . import records\n",
    ],
)
def test_a_type_only_or_unrelated_import_passes(source: str) -> None:
    assert banned_imports(source) == []


# --- thin commands -------------------------------------------------------------------------

MAX_COMMAND_LINES = 25


def _is_command(node: ast.FunctionDef) -> bool:
    """A function decorated ``@<app>.command(...)`` or ``@<app>.callback(...)``."""
    return any(
        isinstance(d, ast.Call)
        and isinstance(d.func, ast.Attribute)
        and d.func.attr in ("command", "callback")
        for d in node.decorator_list
    )


def command_lengths(source: str) -> dict[str, int]:
    """Each Typer command's body in lines, its docstring left out."""
    lengths = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and _is_command(node):
            body = node.body
            if ast.get_docstring(node) is not None:
                body = body[1:]
            first, last = body[0].lineno, body[-1].end_lineno or body[-1].lineno
            lengths[node.name] = last - first + 1
    return lengths


def test_every_command_is_thin() -> None:
    lengths = command_lengths((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    assert len(lengths) > 15
    fat = {name: lines for name, lines in lengths.items() if lines > MAX_COMMAND_LINES}
    assert fat == {}, "move the logic of these commands into a core or runner module"


def test_a_long_command_is_measured() -> None:
    body = "".join(f"    x = {i}\n" for i in range(26))
    source = f'@app.command("x")\ndef x() -> None:\n    """Help."""\n{body}'
    assert command_lengths(source) == {"x": 26}
    assert command_lengths(source.replace("@app.command", "@app.helper")) == {}
