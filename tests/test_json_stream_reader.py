"""Our JSON export read as a stream gives what validating the whole document gives: the same
rows and reports when it is good, the same one-line error and an untouched database when it
is not; any other layout is validated whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quizmaster import importers, json_stream_reader
from quizmaster.cli import app
from quizmaster.store import Store
from tests.helpers.exchange_deck import DECK, FACTS, QUESTIONS
from tests.helpers.pinned import NOW

from .test_import_speed_paths import _everything, _mixed_csv


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Batches of a line or so, a spill after 3 records, new rows written 2 at a time; records
    every spill made."""
    from quizmaster import store as store_module

    made: list[Any] = []

    class Spill(importers._Spill):
        def __init__(self) -> None:
            super().__init__(limit=3)
            made.append(self)

    monkeypatch.setattr(importers, "_Spill", Spill)
    monkeypatch.setattr(store_module, "LOAD_BATCH", 2)
    monkeypatch.setattr(json_stream_reader, "BATCH_BYTES", 1)
    return made


def _export(tmp_path: Path, *extra: str) -> Path:
    """Four decks (the exchange deck and three interleaved CSV decks), exported by the
    command as users run it."""
    source = tmp_path / "source.db"
    with Store.open(source, now=NOW) as store:
        store.load_deck(DECK, FACTS, QUESTIONS, now=NOW)
        importers.import_path(store, _mixed_csv(tmp_path / "mixed.csv"), now=NOW)
    out = tmp_path / "all.json"
    result = CliRunner().invoke(
        app,
        ["export", "--format", "json", "-o", str(out), *extra],
        env={"QUIZMASTER_DB": str(source)},
    )
    assert result.exit_code == 0, result.output
    return out


def _whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, every JSON file is validated whole (the way before streaming)."""
    monkeypatch.setattr(json_stream_reader, "read_streamed", lambda *a, **k: None)


def _import(db: Path, file: Path, deck: str | None = None) -> tuple[Any, dict[str, object]]:
    with Store.open(db, now=NOW) as store:
        result = importers.import_path(store, file, now=NOW, deck=deck)
    return result.to_json(), _everything(db)


@pytest.mark.parametrize("deck", [None, "One deck"])
def test_a_streamed_import_is_the_whole_document_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny: list[Any], deck: str | None
) -> None:
    file = _export(tmp_path)
    bundle = json_stream_reader.read_streamed(file, deck=deck, max_bytes=importers.MAX_JSON_BYTES)
    assert bundle is not None and bundle.spill is not None  # streamed, and spilled
    bundle.spill.close()
    streamed = _import(tmp_path / "streamed.db", file, deck)
    assert tiny[-1].file is not None and tiny[-1].file.closed
    _whole(monkeypatch)
    whole = _import(tmp_path / "whole.db", file, deck)
    assert streamed == whole
    names = [d["deck"] for d in streamed[0]["decks"]]
    assert sorted(names) == (
        ["One deck"] if deck else sorted([DECK, "Polity", "Economy", "Geography"])
    )
    assert sum(len(d["questions_added"]) for d in streamed[0]["decks"]) > 12
    # And again into the database it went to: everything is unchanged, both ways.
    again = _import(tmp_path / "streamed.db", file, deck)
    assert again[0]["decks"] and not any(d["questions_added"] for d in again[0]["decks"])


def test_other_layouts_are_validated_whole_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = _export(tmp_path)
    doc = json.loads(file.read_text(encoding="utf-8"))
    layouts = {
        "indented.json": json.dumps(doc, indent=2),
        "one-line.json": json.dumps(doc),
        "keys-reordered.json": json.dumps(dict(reversed(list(doc.items())))),
        "with-bom.json": "\ufeff" + file.read_text(encoding="utf-8"),
    }
    streamed = _import(tmp_path / "streamed.db", file)
    for name, text in layouts.items():
        other = tmp_path / name
        other.write_text(text, encoding="utf-8")
        assert json_stream_reader.read_streamed(other, deck=None, max_bytes=10**9) is None, name
        result, rows = _import(tmp_path / f"{name}.db", other)
        assert rows == streamed[1], name
        assert result["decks"] == streamed[0]["decks"], name
    # A long line outside the lists (a big document on one line) is not even tokenized.
    monkeypatch.setattr(json_stream_reader, "MAX_STRUCTURE_LINE", 10)
    assert json_stream_reader.read_streamed(file, deck=None, max_bytes=10**9) is None


def test_a_history_export_is_validated_whole(tmp_path: Path) -> None:
    file = _export(tmp_path, "--with-history")
    assert json_stream_reader.read_streamed(file, deck=None, max_bytes=10**9) is None
    result, _ = _import(tmp_path / "h.db", file)
    assert result["history"] is not None


def _break(text: str, how: str) -> str:
    """The export with one fault in a question line past its first batches."""
    lines = text.split("\n")
    rows = [n for n, line in enumerate(lines) if '"fact_id":' in line]
    n = rows[len(rows) // 2]
    item = json.loads(lines[n].strip().rstrip(","))
    comma = "," if lines[n].rstrip().endswith(",") else ""
    if how == "syntax":
        lines[n] = lines[n].replace('"prompt":', '"prompt"', 1)
    elif how == "blank prompt":
        item["prompt"] = "  "
        lines[n] = "    " + json.dumps(item) + comma
    elif how == "unknown field":
        item["colour"] = "red"
        lines[n] = "    " + json.dumps(item) + comma
    elif how == "split item":  # valid JSON, another layout, and a bad value in it
        item["answer"] = ""
        lines[n] = "    " + json.dumps(item, indent=1).replace("\n", "\n    ") + comma
    elif how == "repeated id":
        lines.insert(n, lines[rows[0]].rstrip().rstrip(",") + ",")
    elif how == "trailing comma":
        end = max(m for m in rows if not lines[m].rstrip().endswith(","))
        lines[end] += ","
    elif how == "cut short":
        lines = lines[: n + 1]
    elif how == "bad version":
        lines[0] = lines[0].replace('"version": 1', '"version": 2')
    elif how == "no-break space in the header":  # white space to Python, not to JSON
        lines[0] = lines[0].replace('"version": 1', '"version":\u00a01')
    elif how == "form feed after an item":  # after its comma, where a batch may be cut
        m = next(m for m in rows[len(rows) // 2 :] if lines[m].endswith(","))
        lines[m] = lines[m] + "\f"
    elif how == "vertical tab after the document":
        lines.append("\v")
    return "\n".join(lines)


FAULTS = [
    "syntax",
    "blank prompt",
    "unknown field",
    "split item",
    "repeated id",
    "trailing comma",
    "cut short",
    "bad version",
    "no-break space in the header",
    "form feed after an item",
    "vertical tab after the document",
]


@pytest.mark.parametrize("how", FAULTS)
def test_a_file_bad_halfway_changes_nothing_and_says_what_the_whole_check_says(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tiny: list[Any],
    db_path: Path,
    how: str,
) -> None:
    good = _export(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text(_break(good.read_text(encoding="utf-8"), how), encoding="utf-8")
    assert runner.invoke(app, ["import", str(good)]).exit_code == 0
    before = _everything(db_path)
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: {bad}")
    assert "Traceback" not in result.stderr
    assert _everything(db_path) == before
    _whole(monkeypatch)
    assert runner.invoke(app, ["import", str(bad)]).stderr == result.stderr
    assert _everything(db_path) == before
