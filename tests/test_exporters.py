from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster import exporters
from quizmaster.cli import app
from quizmaster.errors import UsageError
from quizmaster.exporters import ExportSet, defuse
from quizmaster.importers import undefuse
from quizmaster.records import StoredFact
from quizmaster.store import Store
from tests.helpers.exchange_deck import DECK, FACTS, QUESTIONS, stored_questions
from tests.helpers.goldens import GOLDEN, check_golden
from tests.helpers.pinned import NOW


def golden_set() -> ExportSet:
    return ExportSet(
        facts=[StoredFact(fact=f, deck=DECK) for f in FACTS], questions=stored_questions()
    )


def test_markdown_worksheet_golden() -> None:
    check_golden(GOLDEN / "worksheet.md", "".join(exporters.iter_markdown(golden_set())))


def test_html_worksheet_golden() -> None:
    check_golden(GOLDEN / "worksheet.html", "".join(exporters.iter_html(golden_set())))


def test_html_escapes_every_piece_of_content() -> None:
    page = "".join(exporters.iter_html(golden_set()))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Exchange &lt;deck&gt; &amp; co" in page
    assert "&quot;defence&quot;" in page
    assert "Eilat &amp; Acre" in page
    assert "@media print" in page
    # The answer key comes last, after every question, on its own printed page.
    assert page.index("Answer key") > page.index("Match List I")
    assert "break-before: page" in page


def test_markdown_has_numbered_questions_options_and_key() -> None:
    text = "".join(exporters.iter_markdown(golden_set()))
    lines = text.splitlines()
    assert "3. Where was the MoU signed? \\<script\\>alert(1)\\</script\\>" in lines
    assert "   - (b) Tel Aviv" in lines
    key = text[text.index("## Answer key") :]
    assert "3. **(b) Tel Aviv** — \\*Not\\* Haifa." in key
    assert "4. **(b) False**" in key
    assert "2. **Israel** — Tel Aviv is in Israel." in key


def test_csv_quoting_and_formula_defusing() -> None:
    text = "".join(exporters.iter_delimited(golden_set(), delimiter=","))
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == len(QUESTIONS)
    assert all(len(r) == 3 for r in rows)
    short, cloze, mcq = rows[0], rows[1], rows[2]
    assert short == [
        'In which city was the "defence" MoU signed?',
        "Tel Aviv",
        "mou venue",
    ]
    # Quotes doubled, commas and newlines inside a quoted cell.
    assert text.startswith('"In which city was the ""defence"" MoU signed?",Tel Aviv,mou venue\r\n')
    assert cloze[0] == 'The "defence" MoU was signed in Tel Aviv, _____.'
    assert mcq[0].splitlines() == [
        "Where was the MoU signed? <script>alert(1)</script>",
        "(a) Haifa",
        "(b) Tel Aviv",
        "(c) Eilat & Acre",
        "(d) =1+1",
    ]
    assert mcq[1] == "(b) Tel Aviv"
    assert mcq[2] == "mou tricky_tag"


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+91 98", "'+91 98"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=x", "'\t=x"),
        ("'=x", "''=x"),
        ("Tel Aviv", "Tel Aviv"),
        ("it's", "it's"),
        ("", ""),
    ],
)
def test_defuse_neutralises_formulas_and_import_restores_them(cell: str, safe: str) -> None:
    assert defuse(cell) == safe
    assert undefuse(defuse(cell)) == cell


def test_tsv_uses_tabs() -> None:
    text = "".join(exporters.iter_delimited(golden_set(), delimiter="\t"))
    first = text.splitlines()[0]
    assert first.split("\t") == [
        '"In which city was the ""defence"" MoU signed?"',
        "Tel Aviv",
        "mou venue",
    ]


def test_json_is_one_valid_document_with_every_field() -> None:
    doc = json.loads("".join(exporters.iter_json(golden_set(), now=NOW)))
    assert doc["format"] == "quizmaster" and doc["version"] == 1
    assert doc["exported_at"] == NOW.isoformat()
    assert doc["history"] is None
    [deck] = doc["decks"]
    assert deck["name"] == DECK
    assert [f["id"] for f in deck["facts"]] == [f.id for f in FACTS]
    assert deck["questions"] == [q.model_dump(mode="json") for q in QUESTIONS]


def test_select_by_kind_keeps_only_the_facts_needed() -> None:
    data = golden_set()
    facts, questions = exporters.select(data.facts, data.questions, kind="statements")
    assert [q.question.id for q in questions] == ["jwg-count:statements:pair"]
    assert {f.fact.id for f in facts} == {"jwg-count", "mou-venue"}
    facts, questions = exporters.select(data.facts, data.questions, tag="venue")
    assert [q.question.id for q in questions] == ["mou-venue:short_answer:tel-aviv"]
    assert [f.fact.id for f in facts] == ["mou-venue"]


def test_yaml_needs_exactly_one_deck(store: Store) -> None:
    with pytest.raises(UsageError, match="one deck"):
        exporters.to_yaml(
            ExportSet(
                facts=[StoredFact(fact=FACTS[0], deck="A"), StoredFact(fact=FACTS[1], deck="B")],
                questions=[],
            )
        )


def test_export_command_text_to_stdout(runner: CliRunner) -> None:
    listed = json.loads(runner.invoke(app, ["questions", "list", "--json"]).stdout)
    kind = listed[0]["kind"]
    result = runner.invoke(app, ["export", "--format", "md", "--kind", kind])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Worksheet: India–Israel Defence MoU 2025\n")
    assert "## Answer key" in result.stdout
    # Only questions of that kind: the answer key has one line per question of the kind.
    asked = [q for q in listed if q["kind"] == kind]
    key = result.stdout.split("## Answer key", 1)[1]
    assert len([line for line in key.splitlines() if line[:1].isdigit()]) == len(asked)
    assert result.stderr == ""


def test_export_command_to_file_reports_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "deck.csv"
    result = runner.invoke(app, ["export", "-f", "csv", "--tag", "signatories", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Exported" in result.stderr and str(out) in result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert rows and all("signatories" in r[2].split() for r in rows)
    assert oct(out.stat().st_mode & 0o777) == "0o644"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "docx"], "Invalid value for '--format' / '-f': 'docx' is not one of 'apkg',"),
        (["-f", "apkg"], "give one with -o FILE.apkg"),
        (["-f", "csv", "--with-history"], "--with-history needs --format json"),
        (["-f", "csv", "--kind", "essay"], "Invalid value for '--kind' / '-k': 'essay'"),
        (["-f", "csv", "--tag", "no-such-tag"], "nothing to export"),
        (["-f", "csv", "--deck", "Nope"], "no deck named 'Nope'"),
        (["-f", "csv", "-o", "/no/such/dir/x.csv"], "cannot write here"),
    ],
)
def test_export_usage_errors(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["export", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_progress_bar_only_for_long_jobs_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from quizmaster import render
    from quizmaster.render import consoles

    for terminal, total, shown in (
        (True, 10_000, True),
        (True, 100, False),
        (False, 10_000, False),
    ):
        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=terminal, width=80)
        monkeypatch.setattr(consoles, "_err", console)
        with render.progress_bar("Exporting") as tick:
            tick(total // 2, total)
            tick(total, total)
        assert (f"{total}/{total}" in buffer.getvalue()) is shown, (terminal, total)
