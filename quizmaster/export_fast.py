"""``quizmaster export --format json|apkg -o FILE`` without Typer: the same store calls, the
same writer and the same closing line as the full app's ``export`` command (``cli.export``),
for the scripts and jobs that back a collection up or hand it to Anki.

Only these exact command lines (``--format``/``-f`` and ``--output``/``-o``, each once, in
either order, as separate words), only with stderr not a terminal (the full app draws a
progress bar there), and only on the quiet path: no database yet, a pending migration, the
built-in deck not yet loaded, an output path the full app's option would refuse, or any error
at all hands over to the full app having printed nothing and written no file (the export goes
to a temporary file renamed at the end), and the full app reports it in its own words. A
test compares both paths' output and file byte for byte.
"""

from __future__ import annotations

import os
import sys

# Settings that make Rich treat a stderr that is not a terminal as one, or shape its lines.
RICH_SETTINGS = (
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "DATABRICKS_RUNTIME_VERSION",
)
FORMAT = ("--format", "-f")
OUTPUT = ("--output", "-o")
FORMATS = ("json", "apkg")  # the bulk formats, streamed


def _options(args: list[str]) -> tuple[str, str] | None:
    """The format and output path of ``--format json|apkg --output PATH`` (either order,
    either spelling), or None for any other arguments."""
    if len(args) != 4:
        return None
    pairs = dict(zip(args[::2], args[1::2], strict=True))
    formats = [pairs[k] for k in FORMAT if k in pairs]
    outputs = [pairs[k] for k in OUTPUT if k in pairs]
    if len(pairs) != 2 or len(formats) != 1 or formats[0] not in FORMATS or len(outputs) != 1:
        return None
    output = outputs[0]
    if not output or output.startswith("-"):
        return None
    return formats[0], output


def run(argv: list[str]) -> bool:
    """Export and return True, or return False having printed and written nothing."""
    if not argv or argv[0] != "export":
        return False
    options = _options(argv[1:])
    if options is None:
        return False
    if any(name.startswith(("TYPER_", "_TYPER_", "_QUIZMASTER_")) for name in os.environ):
        return False  # Typer's settings, shell completion: the full app
    if any(name in os.environ for name in RICH_SETTINGS):
        return False  # Rich may take stderr for a terminal: the progress bar, colours
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8":
            return False
    try:
        if sys.stderr.isatty():
            return False  # the progress bar
        outcome = _export(*options)
    except Exception:  # noqa: BLE001 - the full app reports it
        return False
    if outcome is None:
        return False
    from quizmaster.json_commands_fast import replace_unencodable

    replace_unencodable(sys.stdin, sys.stdout, sys.stderr)
    questions, facts, target = outcome
    message = f"Exported {questions} questions and {facts} facts to {target}"  # render.export_done
    if message.isprintable():
        # What Rich prints for it on a stderr that is not a terminal: the text, a newline.
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    else:
        from quizmaster import render

        render.export_done(questions, facts, target)
    return True


def _export(fmt: str, output: str) -> tuple[int, int, object] | None:
    from pathlib import Path

    from quizmaster.json_commands_fast import ready_store

    target = Path(output)
    if target.exists() and (not target.is_file() or not os.access(target, os.R_OK)):
        return None  # the option refuses a folder or an unreadable file
    with ready_store() as ready:
        if ready is None:
            return None
        store, moment, _ = ready
        from quizmaster.exporters import export

        outcome = export(store, fmt, now=moment, output=target)
    return outcome.questions, outcome.facts, outcome.output
