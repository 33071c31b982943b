"""The shortcuts the bulk import takes give what the long way gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizmaster import importers

# Everything html_to_text treats specially, and plain text around it.
ALPHABET = (
    list("ab <>&;/#x")
    + ["<br>", "</p>", "&amp;", "&#58;", "\xa0"]
    + list("\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029\t ")
)


@given(st.lists(st.sampled_from(ALPHABET), max_size=20).map("".join))
def test_html_to_text_shortcut_is_the_full_conversion(value: str) -> None:
    assert importers.html_to_text(value) == importers._html_to_text(value)


@given(st.text(max_size=40))
def test_html_to_text_shortcut_on_any_text(value: str) -> None:
    assert importers.html_to_text(value) == importers._html_to_text(value)


def test_the_collector_runs_again_after_an_import_good_or_bad(tmp_path: Path) -> None:
    import gc

    from quizmaster.errors import InputFileError
    from quizmaster.store import Store
    from tests.helpers.pinned import NOW

    good = tmp_path / "deck.csv"
    good.write_text("Capital of Kenya?,Nairobi\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert gc.isenabled()
    with Store.open(tmp_path / "q.db", now=NOW) as store:
        importers.import_path(store, good, now=NOW)
        assert gc.isenabled()
        with pytest.raises(InputFileError):
            importers.import_path(store, bad, now=NOW)
        assert gc.isenabled()


# --- big imports rebuild the question-id indexes ------------------------------------------


def _csv(path: Path, rows: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(start, start + rows):
            out.write(f'"Where did panel {n} meet?","town {n % 7}","t{n % 3}"\n')
    return path


def _everything(db: Path) -> dict[str, object]:
    """Every row of every table (in rowid order), the schema and the planner statistics."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if r[0] != "sqlite_stat1"
        ]
        out: dict[str, object] = {
            t: conn.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall() for t in tables
        }
        out["schema"] = sorted(
            conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(),
            key=repr,
        )
        if "sqlite_stat1" in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}:
            out["stats"] = sorted(conn.execute("SELECT * FROM sqlite_stat1").fetchall(), key=repr)
        return out
    finally:
        conn.close()


@pytest.fixture
def rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Big imports from 5 rows; records what each import's index step returned."""
    from quizmaster import store as store_module

    seen: list[Any] = []
    real = store_module.Store._drop_bulk_indexes

    def spy(self: store_module.Store, rows: int) -> object:
        result = real(self, rows)
        seen.append(result)
        return result

    monkeypatch.setattr(store_module, "BULK_IMPORT_ROWS", 5)
    monkeypatch.setattr(store_module.Store, "_drop_bulk_indexes", spy)
    return seen


@pytest.mark.parametrize("analyzed", [False, True])
def test_a_big_import_leaves_what_the_row_by_row_import_leaves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rebuilds: list[Any], analyzed: bool
) -> None:
    from quizmaster import store as store_module
    from quizmaster.store import Store
    from tests.helpers.pinned import NOW

    files = [
        _csv(tmp_path / "a.csv", 10),
        _csv(tmp_path / "b.csv", 30, start=100),
        _csv(tmp_path / "c.csv", 6, start=200),  # smaller than what is there by then
    ]
    results = []
    rebuilt = list(store_module.BULK_REBUILT_INDEXES)
    for name, indexes in (("bulk", store_module.BULK_REBUILT_INDEXES), ("plain", ())):
        monkeypatch.setattr(store_module, "BULK_REBUILT_INDEXES", indexes)
        db = tmp_path / f"{name}.db"
        with Store.open(db, now=NOW) as store:
            for n, file in enumerate(files):
                if analyzed and n == 1:
                    store.conn.execute("ANALYZE")
                importers.import_path(store, file, now=NOW)
        results.append(_everything(db))
    assert results[0] == results[1]
    bulk = rebuilds[:3]
    assert bulk[0] is not None and bulk[1] is not None and bulk[2] is None
    assert [name for name, _ in bulk[1][0]] == rebuilt
    if analyzed:
        assert bulk[1][1]  # their statistics were put back as they were


def test_a_failed_or_dry_big_import_keeps_the_indexes(
    tmp_path: Path, db_path: Path, rebuilds: list[Any]
) -> None:
    from typer.testing import CliRunner

    from quizmaster.cli import app
    from quizmaster.errors import InputFileError
    from quizmaster.store import Store
    from tests.helpers.pinned import NOW

    deck = _csv(tmp_path / "deck.csv", 20)
    with Store.open(db_path, now=NOW) as store:
        before = _everything(db_path)
        importers.import_path(store, deck, now=NOW, dry_run=True)
        assert rebuilds[-1] is not None
        assert _everything(db_path) == before
        importers.import_path(store, deck, now=NOW)
    exported = tmp_path / "all.json"
    got = CliRunner().invoke(app, ["export", "--format", "json", "-o", str(exported)])
    assert got.exit_code == 0, got.output
    # The same facts under another deck name: refused inside the import's transaction.
    moved = tmp_path / "moved.json"
    moved.write_text(
        exported.read_text(encoding="utf-8").replace('"deck"', '"elsewhere"', 1),
        encoding="utf-8",
    )
    after_good = _everything(db_path)
    with Store.open(db_path, now=NOW) as store:
        with pytest.raises(InputFileError, match="already belongs to deck"):
            importers.import_path(store, moved, now=NOW)
    assert rebuilds[-1] is not None
    assert _everything(db_path) == after_good


# --- big files: records past the first few thousand wait in a temporary file ----------------


@pytest.fixture
def tiny_batches(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Spill after 3 records, write new rows 2 at a time; records every spill made."""
    from quizmaster import store as store_module

    made: list[Any] = []

    class Spill(importers._Spill):
        def __init__(self) -> None:
            super().__init__(limit=3)
            made.append(self)

    monkeypatch.setattr(importers, "_Spill", Spill)
    monkeypatch.setattr(store_module, "LOAD_BATCH", 2)
    return made


def _mixed_csv(path: Path) -> Path:
    """Three decks, interleaved; a repeated card (skipped), clozes, option cards, HTML."""
    lines = ["#separator:comma", "#html:true", "#deck column:3", "#tags column:4"]
    for n in range(12):
        deck = ("Polity", "Economy", "Geography")[n % 3]
        if n % 4 == 1:
            lines.append(
                f'"The {{{{c1::Article {n}}}}} and {{{{c2::{n} BC}}}}.","x","{deck}","t{n}"'
            )
        elif n % 4 == 2:
            lines.append(f'"Pick {n}<br>(a) One<br>(b) Two","(b) Two","{deck}","opt"')
        else:
            lines.append(f'"Capital <b>{n}</b>?","City &amp; {n}","{deck}","t{n % 2}"')
    lines.append(lines[4])  # the same card again
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: Path, seed: Path | None = None
) -> list[tuple[dict[str, Any], dict[str, object]]]:
    """The file imported with tiny batches and with the usual ones, each into its own copy
    of ``seed`` (or a new database): the results and the databases."""
    import shutil

    from quizmaster import store as store_module
    from quizmaster.store import Store
    from tests.helpers.pinned import NOW

    out = []
    for name in ("tiny", "usual"):
        db = tmp_path / f"{name}.db"
        if seed is not None:
            shutil.copyfile(seed, db)
        with Store.open(db, now=NOW) as store:
            result = importers.import_path(store, file, now=NOW)
        out.append((result.to_json(), _everything(db)))
        # The second way: the usual sizes.
        monkeypatch.setattr(importers, "_Spill", _RealSpill)
        monkeypatch.setattr(store_module, "LOAD_BATCH", _REAL_LOAD_BATCH)
    return out


_RealSpill = importers._Spill
from quizmaster import store as _store_module  # noqa: E402

_REAL_LOAD_BATCH = _store_module.LOAD_BATCH


def test_a_spilled_csv_import_is_the_in_memory_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_batches: list[Any]
) -> None:
    file = _mixed_csv(tmp_path / "mixed.csv")
    (tiny, tiny_db), (usual, usual_db) = _import_both_ways(tmp_path, monkeypatch, file)
    assert tiny == usual and tiny_db == usual_db
    assert [d["deck"] for d in tiny["decks"]] == ["Polity", "Economy", "Geography"]
    assert tiny["skipped"]
    [spill] = tiny_batches
    assert spill.file is not None and spill.file.closed  # it did spill, and it is gone


def test_a_spilled_apkg_import_is_the_in_memory_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_batches: list[Any]
) -> None:
    from quizmaster.exporters import collect, write_apkg
    from quizmaster.store import Store
    from tests.helpers.exchange_deck import DECK, FACTS, QUESTIONS
    from tests.helpers.pinned import NOW

    source = tmp_path / "source.db"
    with Store.open(source, now=NOW) as store:
        store.load_deck(DECK, FACTS, QUESTIONS, now=NOW)
        importers.import_path(store, _mixed_csv(tmp_path / "mixed.csv"), now=NOW)
        package = tmp_path / "deck.apkg"
        write_apkg(collect(store), package, now=NOW)
    (tiny, tiny_db), (usual, usual_db) = _import_both_ways(tmp_path, monkeypatch, package)
    assert tiny == usual and tiny_db == usual_db
    assert sum(len(d["questions_added"]) for d in tiny["decks"]) >= 12 and len(tiny["decks"]) == 4
    # Back into the database it came from: its own notes are recognised and left out.
    monkeypatch.setattr(importers, "_Spill", type(tiny_batches[0]))
    from quizmaster import store as store_module

    monkeypatch.setattr(store_module, "LOAD_BATCH", 2)
    (tiny, tiny_db), (usual, usual_db) = _import_both_ways(
        tmp_path, monkeypatch, package, seed=source
    )
    assert tiny == usual and tiny_db == usual_db
    assert any("exported by quizmaster are already here" in s for s in tiny["skipped"])


def test_records_read_back_in_order_as_often_as_needed() -> None:
    from quizmaster.models import Fact, KeySpan, Source, SpanType
    from quizmaster.records import WrittenFact

    def fact(n: int, source: Source | None = None) -> WrittenFact:
        return WrittenFact(
            Fact(
                id=f"f{n}",
                statement=f"Fact {n} is here.",
                spans=[KeySpan(text=f"{n}", type=SpanType.NUMBER)],
                source=source,
            )
        )

    spill = importers._Spill(limit=2)
    records = importers._Records(spill, WrittenFact.from_fields, importers._fact_key)
    other = importers._Records(spill, WrittenFact.from_fields, importers._fact_key)
    for n in range(7):
        records.append(fact(n))
        other.append(fact(100 + n))
    records.append(fact(7, Source(title="A source")))  # marshal cannot write it: kept here
    records.extend([fact(8), fact(9)])
    assert records.batches and other.batches and not records.spillable
    ids = [f.id for f in records]
    assert ids == [f"f{n}" for n in range(10)] == [f.id for f in records]
    assert [f.fields() for f in records] == [fact(n).fields() for n in range(7)] + [
        f.fields() for f in list(records)[7:]
    ]
    assert list(records)[7].source == Source(title="A source")
    assert [f.id for f in other] == [f"f{100 + n}" for n in range(7)]
    assert (
        len(records) == 10
        and records[3].id == "f3"
        and [f.id for f in records[8:]]
        == [
            "f8",
            "f9",
        ]
    )
    kept = records.keep(lambda f: f.id != "f2")
    assert [f.id for f in kept] == [i for i in ids if i != "f2"] and len(kept) == 9
    spill.close()


def test_a_spilled_file_with_a_repeated_id_is_refused_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_batches: list[Any]
) -> None:
    from quizmaster import store as store_module
    from quizmaster.errors import InputFileError
    from quizmaster.store import Store
    from tests.helpers.pinned import NOW

    lines = ["#separator:comma", "#guid column:3"]
    lines += [f'"Front {n}","Back {n}","g{n if n != 9 else 4}"' for n in range(12)]
    file = tmp_path / "guids.csv"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = []
    for name in ("tiny", "usual"):
        with Store.open(tmp_path / f"{name}.db", now=NOW) as store:
            with pytest.raises(InputFileError) as caught:
                importers.import_path(store, file, now=NOW)
            errors.append(str(caught.value))
        assert _everything(tmp_path / f"{name}.db")["facts"] == []
        monkeypatch.setattr(importers, "_Spill", _RealSpill)
        monkeypatch.setattr(store_module, "LOAD_BATCH", _REAL_LOAD_BATCH)
    assert errors[0] == errors[1] and "duplicate fact id" in errors[0]
    assert tiny_batches[0].file is not None  # the first way did spill


@pytest.mark.parametrize("big", [False, True])
def test_a_dangling_reference_imports_nothing_big_or_small(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, big: bool
) -> None:
    """A question whose fact is nowhere (the readers refuse it earlier; the store's check of
    the whole database before committing is the last line) imports nothing, on the big
    import's path (indexes rebuilt) as on the row-by-row one, and references are enforced
    afterwards."""
    import sqlite3

    from quizmaster import store as store_module
    from quizmaster.errors import InputFileError
    from quizmaster.store import Store
    from tests.helpers.pinned import NOW

    monkeypatch.setattr(store_module, "BULK_IMPORT_ROWS", 5 if big else 10_000)
    db = tmp_path / "refs.db"
    with Store.open(db, now=NOW) as store:
        importers.import_path(store, _csv(tmp_path / "a.csv", 8), now=NOW)
        before = _everything(db)
        bundle = importers.read_delimited(_csv(tmp_path / "b.csv", 12, start=50))
        name, facts, questions = bundle.decks[0]
        kept = [f for f in facts if f.id != questions[3].fact_id]  # one question's fact gone
        with pytest.raises(InputFileError, match="inconsistent data: a row of 'questions'"):
            store.import_bundle([(name, kept, questions)], history=None, now=NOW, source_name="x")
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):
            with store.transaction():
                store.conn.execute("DELETE FROM facts")
    assert _everything(db) == before
