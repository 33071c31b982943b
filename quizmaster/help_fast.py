"""``quizmaster --help`` (and ``-h``) drawn with Rich alone: the very renderables Typer's help
builds for this app (``typer.rich_utils.rich_format_help`` in rich markup mode), from the
app's usage, options and command panels written out below, without importing Typer, Click
or the modules Typer's help imports for other apps (Markdown, tracebacks). A test holds the
output byte for byte equal to the whole app's, on pipes and on colour terminals of several
widths, so a command added or reworded in ``cli.py`` must be added or reworded here too.

Any case this does not draw exactly as Typer would (Typer's own settings in the environment,
shell completion, a stdout that is not UTF-8) hands over to the full app, having printed
nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.highlighter import Highlighter
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

FLAGS = (["--help"], ["-h"])

USAGE = "Usage: quizmaster [OPTIONS] COMMAND [ARGS]..."
HELP = "Turn current-affairs articles into exam questions and remember them with spaced repetition."
# (long names, short names, type column, help), as Typer lists the app's options.
OPTIONS = (
    ("--db", "", "<path>", "Database file (default: $QUIZMASTER_DB or the user data directory)."),
    ("--json", "", "", "Print JSON on stdout, nothing else."),
    ("--version", "-V", "", "Print the version and exit."),
    ("--help", "-h", "", "Show this message and exit."),
)
# Each panel's commands in the order they are registered, with the first paragraph of
# their help.
PANELS = (
    (
        "Study",
        (
            ("quiz", "The daily spaced-repetition session: due reviews, then new questions."),
            (
                "mock",
                "A timed exam-style paper of mcq and statements questions, with negative marking.",
            ),
        ),
    ),
    (
        "Decks",
        (
            ("ingest", "Turn a current-affairs article into facts and questions, offline."),
            (
                "import",
                "Import a deck; re-importing an edited file updates it in place, keeping history.",
            ),
            (
                "export",
                "Export decks: an Anki package, CSV/TSV, JSON, facts YAML or a printable "
                "worksheet.",
            ),
            ("decks", "List, rename, remove, pause and resume decks."),
            ("facts", "The facts stored in your decks."),
            ("questions", "The questions generated from your facts."),
        ),
    ),
    (
        "Progress",
        (
            (
                "stats",
                "Your progress: streaks, a review heatmap, retention, accuracy by topic, tag "
                "and kind, questions by state, the reviews due in the next 30 days and your "
                "weakest facts.",
            ),
            (
                "history",
                "Every quiz session and mock test with its score, and a chart of your mock scores.",
            ),
        ),
    ),
    (
        "Settings and upkeep",
        (
            (
                "optimize",
                "Fit the scheduler (FSRS-6) to your review history; keep the fit only if it "
                "predicts better.",
            ),
            (
                "doctor",
                "Check the database for damage (integrity, foreign keys, orphaned rows); "
                "optionally back it up and compact it. Exits with code 1 when it finds "
                "problems.",
            ),
            ("config", "Show and change settings."),
        ),
    ),
)


def run(argv: list[str]) -> bool:
    """Print the help and return True, or return False having printed nothing."""
    if argv not in FLAGS:
        return False
    if any(name.startswith(("TYPER_", "_TYPER_", "_QUIZMASTER_")) for name in os.environ):
        return False  # Typer's settings, shell completion: the full app
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8":
        return False
    try:  # as the full app's main does
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        pass
    _print_help()
    return True


def _print_help() -> None:
    from rich.align import Align
    from rich.console import group
    from rich.padding import Padding
    from rich.text import Text

    highlighter, negative_highlighter, types_highlighter = _highlighters()
    console = _console(highlighter)

    def rich_text(text: str, style: str = "") -> Text:
        return highlighter(Text.from_markup(text, style=style))

    console.print(Padding(highlighter(USAGE), 1), style="bold")

    @group()
    def help_text() -> list[Text]:
        return [rich_text(HELP)]

    console.print(Padding(Align(help_text(), pad=False), (0, 1, 1, 1)))
    console.print(_options_panel(rich_text, highlighter, negative_highlighter, types_highlighter))
    for panel in _command_panels(rich_text):
        console.print(panel)
    console.file.write("\n")  # Click echoes the (empty) help text Typer returns after drawing it


# typer.rich_utils, for this app: its styles, highlighters, console and panels.


def _highlighters() -> tuple[Highlighter, Highlighter, Highlighter]:
    """Typer's highlighters of options, of negative options and of the types column."""
    from rich.highlighter import RegexHighlighter

    class OptionHighlighter(RegexHighlighter):
        highlights = [
            r"(^|\W)(?P<switch>\-\w+)(?![a-zA-Z0-9])",
            r"(^|\W)(?P<option>\-\-[\w\-]+)(?![a-zA-Z0-9])",
            r"(?P<types>\<[^\>]+\>)",
            r"(?P<usage>Usage: )",
        ]

    class NegativeOptionHighlighter(RegexHighlighter):
        highlights = [
            r"(^|\W)(?P<negative_switch>\-\w+)(?![a-zA-Z0-9])",
            r"(^|\W)(?P<negative_option>\-\-[\w\-]+)(?![a-zA-Z0-9])",
        ]

    class TypesHighlighter(RegexHighlighter):
        highlights = [
            r"^(?P<types_sep>(\[|<))",
            r"(?P<types_sep>\|)",
            r"(?P<types_sep>(\]|>))(\.\.\.)?$",
        ]

    return OptionHighlighter(), NegativeOptionHighlighter(), TypesHighlighter()


def _console(highlighter: Highlighter) -> Console:
    """Typer's help console: its theme, and the width and colour the environment asks for."""
    from rich.console import Console
    from rich.theme import Theme

    width = os.getenv("TERMINAL_WIDTH")
    force = (
        True
        if os.getenv("GITHUB_ACTIONS") or os.getenv("FORCE_COLOR") or os.getenv("PY_COLORS")
        else None
    )
    return Console(
        theme=Theme(
            {
                "option": "bold cyan",
                "switch": "bold green",
                "negative_option": "bold magenta",
                "negative_switch": "bold red",
                "types": "bold yellow",
                "types_sep": "dim",
                "usage": "yellow",
            }
        ),
        highlighter=highlighter,
        color_system="auto",
        force_terminal=force,
        width=int(width) if width else None,
        stderr=False,
    )


def _grid(*, highlight: bool) -> Table:
    """The borderless table Typer lays out the options panel and each command panel in."""
    from rich.table import Table

    return Table(
        highlight=highlight,
        show_header=False,
        expand=True,
        box=None,
        show_lines=False,
        leading=0,
        border_style=None,
        row_styles=None,
        pad_edge=False,
        padding=(0, 1),
    )


def _options_panel(
    rich_text: Callable[[str], Text],
    highlighter: Highlighter,
    negative: Highlighter,
    types_highlighter: Highlighter,
) -> Panel:
    """The "Options" panel: each option's names, type and help."""
    from rich.columns import Columns
    from rich.panel import Panel
    from rich.text import Text

    options = _grid(highlight=True)
    for long, short, kind, text in OPTIONS:
        types = Text(style="bold yellow", overflow="fold")
        if kind:
            types.append(kind)
        options.add_row(
            highlighter(long),
            highlighter(short),
            negative(""),
            negative(""),
            types_highlighter(types),
            Columns([rich_text(text)]),
        )
    return Panel(options, border_style="dim", title="Options", title_align="left")


def _command_panels(rich_text: Callable[[str], Text]) -> list[Panel]:
    """A panel per group of commands, the names in one column as wide as the longest."""
    from rich.panel import Panel
    from rich.text import Text

    width_of_names = max(len(name) for _, commands in PANELS for name, _ in commands)
    panels = []
    for title, commands in PANELS:
        table = _grid(highlight=False)
        table.add_column(style="bold cyan", no_wrap=True, width=width_of_names)
        table.add_column("Description", justify="left", no_wrap=False, ratio=10)
        for name, text in commands:
            table.add_row(Text(name), rich_text(text))
        panels.append(Panel(table, border_style="dim", title=title, title_align="left"))
    return panels
