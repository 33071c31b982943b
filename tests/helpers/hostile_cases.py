"""The hostile-input corpus: every case is a command run against a loaded database with one
bad input (a file, an archive, a database, an option, an environment variable, terminal
bytes). Each must end with exactly one line on stderr, the expected exit code, and the
database's bytes unchanged. ``tests/test_hostile_corpus.py`` runs them."""

from __future__ import annotations

import copy
import json
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.helpers.pinned import DATA

Maker = Callable[[Path, Path], None]  # (folder for inputs, the database) -> None


@dataclass(frozen=True)
class Case:
    """``args`` may use ``{tmp}`` (the case's folder) and ``{db}`` (the database)."""

    cls: str  # the failure class it belongs to, for the report
    args: tuple[str, ...]
    phrase: str  # a phrase the one stderr line must contain
    code: int = 2
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes = b""
    make: Maker | None = None
    db_changes: bool = False  # the command is allowed to write (it only must not crash)


CASES: dict[str, Case] = {}


def case(name: str, *args: str, cls: str, phrase: str, **kw: Any) -> None:
    assert name not in CASES, name
    CASES[name] = Case(cls=cls, args=tuple(args), phrase=phrase, **kw)


# --- exported JSON with poisoned content ------------------------------------------------------


def export_doc() -> dict[str, Any]:
    """A valid JSON export of the small deck, with a history: the base every JSON case edits."""
    return copy.deepcopy(_BASE_DOC)


def _make_base_doc() -> dict[str, Any]:
    import datetime as dt

    from quizmaster.facts_file import load_facts_file
    from quizmaster.generate import generate_questions

    # One question per fact: the small deck and the kinds' decks together hold an mcq, a
    # cloze and a true/false for the cases to poison.
    facts, questions = [], []
    for path in (
        DATA / "small.yaml",
        *(DATA / "kinds" / f"{k}.yaml" for k in ("cloze", "mcq", "true_false")),
    ):
        deck = load_facts_file(path).resolved_facts()
        facts += deck
        questions += generate_questions(deck)
    assert {"mcq", "cloze", "true_false"} <= {q.kind for q in questions}
    stamp = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone.utc).isoformat()
    q0 = questions[0]
    return {
        "format": "quizmaster",
        "version": 1,
        "decks": [
            {
                "name": "Hostile JSON",
                "facts": [f.model_dump(mode="json") for f in facts],
                "questions": [q.model_dump(mode="json") for q in questions],
            }
        ],
        "history": {
            "cards": [
                {
                    "question_id": q0.id,
                    "state": 2,
                    "stability": 3.0,
                    "difficulty": 5.0,
                    "due": stamp,
                    "last_review": stamp,
                    "reps": 1,
                }
            ],
            "sessions": [],
            "reviews": [
                {
                    "question_id": q0.id,
                    "reviewed_at": stamp,
                    "rating": 3,
                    "correct": True,
                }
            ],
        },
    }


_BASE_DOC = _make_base_doc()


def _first(doc: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(q for q in doc["decks"][0]["questions"] if q["kind"] == kind)


def json_case(name: str, edit: Callable[[dict[str, Any]], object], phrase: str) -> None:
    def make(folder: Path, _db: Path) -> None:
        doc = export_doc()
        edit(doc)
        (folder / "deck.json").write_text(json.dumps(doc), encoding="utf-8")

    case(name, "import", "{tmp}/deck.json", cls="imports that poison", phrase=phrase, make=make)


def _set_card(**values: Any) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        doc["history"]["cards"][0].update(values)

    return edit


def _set_review(**values: Any) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        doc["history"]["reviews"][0].update(values)

    return edit


def _set_question(which: str, **values: Any) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        _first(doc, which).update(values)

    return edit


json_case("json card state 99", _set_card(state=99), "state")
json_case("json card state -1", _set_card(state=-1), "state")
json_case("json card stability nan", _set_card(stability="NaN"), "stability")
json_case("json card stability negative", _set_card(stability=-4.0), "stability")
json_case("json card difficulty 1e400", _set_card(difficulty=1e308 * 10), "difficulty")
json_case("json card difficulty 50", _set_card(difficulty=50.0), "difficulty")
json_case("json card due year 1", _set_card(due="0001-01-01T00:00:00+00:00"), "due")
json_case("json card due year 9999", _set_card(due="9999-12-31T23:59:59+00:00"), "due")
json_case("json card reps huge", _set_card(reps=10**30), "reps")
json_case("json card step negative", _set_card(step=-3), "step")
json_case("json card review without due", _set_card(due=None), "due")
json_case("json card review without stability", _set_card(stability=None), "stability")
json_case("json review rating 7", _set_review(rating=7), "rating")
json_case("json review rating 0", _set_review(rating=0), "rating")
json_case("json review duration negative", _set_review(duration_ms=-5), "duration_ms")
json_case("json review in year 1", _set_review(reviewed_at="0001-01-01T00:00:00+00:00"), "year")
json_case("json review response 1 MB", _set_review(response="x" * 1_000_001), "response")
json_case(
    "json mcq 10 options",
    _set_question(
        "mcq", choices=[f"o{i}" for i in range(9)] + [_first(_BASE_DOC, "mcq")["answer"]]
    ),
    "options",
)
json_case("json mcq answer not an option", _set_question("mcq", answer="Nobody at all"), "answer")
json_case("json mcq empty options", _set_question("mcq", choices=[]), "options")
json_case(
    "json mcq one option",
    _set_question("mcq", choices=[_first(_BASE_DOC, "mcq")["answer"]]),
    "options",
)
json_case(
    "json mcq duplicate options",
    _set_question("mcq", choices=[_first(_BASE_DOC, "mcq")["answer"]] * 4),
    "options",
)
json_case(
    "json mcq blank option",
    _set_question("mcq", choices=["", " ", "x", _first(_BASE_DOC, "mcq")["answer"]]),
    "option",
)
json_case("json true_false answer maybe", _set_question("true_false", answer="Maybe"), "answer")
json_case("json cloze empty answer", _set_question("cloze", answer="  "), "answer")
json_case("json cloze empty prompt", _set_question("cloze", prompt=""), "prompt")
json_case("json question unknown kind", _set_question("cloze", kind="essay"), "kind")
json_case(
    "json question of a missing fact",
    _set_question("cloze", fact_id="no-such-fact"),
    "no-such-fact",
)
json_case("json prompt 100k chars", _set_question("cloze", prompt="x" * 100_000), "prompt")


def _duplicate_question(doc: dict[str, Any]) -> None:
    qs = doc["decks"][0]["questions"]
    qs.append(copy.deepcopy(qs[0]))


json_case("json duplicate question id", _duplicate_question, "duplicate")
json_case("json version 2", lambda d: d.update(version=2), "not a quizmaster JSON export")
json_case("json decks not a list", lambda d: d.update(decks={}), "decks")
json_case("json deck name empty", lambda d: d["decks"][0].update(name=""), "name")
json_case(
    "json fact statement with NUL",
    lambda d: d["decks"][0]["facts"][0].update(statement="a\x00b"),
    "statement",
)
json_case("json exported_at number", lambda d: d.update(exported_at=5), "exported_at")


def _raw_json(name: str, text: bytes, phrase: str) -> None:
    def make(folder: Path, _db: Path) -> None:
        (folder / "deck.json").write_bytes(text)

    case(name, "import", "{tmp}/deck.json", cls="bad files", phrase=phrase, make=make)


_raw_json("json truncated", json.dumps(_BASE_DOC).encode()[:500], "not valid JSON")
_raw_json("json nested 100k deep", b"{" + b'"a":[' * 100_000, "not valid JSON")
_raw_json(
    "json integer 5000 digits",
    b'{"format": "quizmaster", "version": ' + b"9" * 5000 + b"}",
    "not valid JSON",
)
_raw_json("json utf-16", json.dumps(_BASE_DOC).encode("utf-16"), "UTF-16")
_raw_json("json empty", b"", "not a quizmaster JSON export")
_raw_json("json only null", b"null", "not a quizmaster JSON export")
_raw_json("json latin-1", b'{"format": "quizmaster", "x": "caf\xe9"}', "UTF-8")


# --- YAML ------------------------------------------------------------------------------------


def _yaml(name: str, text: str, phrase: str, suffix: str = "yaml") -> None:
    def make(folder: Path, _db: Path) -> None:
        (folder / f"deck.{suffix}").write_text(text, encoding="utf-8")

    case(name, "import", f"{{tmp}}/deck.{suffix}", cls="bad files", phrase=phrase, make=make)


_GOOD_FACT = (
    "  - id: a\n    statement: India signed it.\n    spans: [{text: India, type: country}]\n"
)
_yaml(
    "yaml impossible date",
    f"deck: D\nsource: {{title: T, date: 2025-02-30}}\nfacts:\n{_GOOD_FACT}",
    "date",
)
_yaml(
    "yaml impossible date in fact",
    "deck: D\nfacts:\n" + _GOOD_FACT + "    source: {title: T, date: 2025-13-01}\n",
    "date",
)
_yaml(
    "yaml integer 5000 digits",
    "deck: D\nfacts:\n  - id: a\n    statement: "
    + "9" * 5000
    + "\n    spans: [{text: '9', type: number}]\n",
    "not a valid number",
)
_yaml(
    "yaml integer 5000 digits as deck",
    "deck: " + "9" * 5000 + "\nfacts:\n" + _GOOD_FACT,
    "not a valid number",
)
_yaml("yaml date as deck", "deck: 2025-02-03\nfacts:\n" + _GOOD_FACT, "deck")
_yaml("yaml tags a mapping", "deck: D\nfacts:\n" + _GOOD_FACT + "    tags: {a: 1}\n", "tags")


# --- CSV -------------------------------------------------------------------------------------


def _csv(name: str, text: str, phrase: str, suffix: str = "csv") -> None:
    def make(folder: Path, _db: Path) -> None:
        (folder / f"deck.{suffix}").write_text(text, encoding="utf-8")

    case(name, "import", f"{{tmp}}/deck.{suffix}", cls="bad files", phrase=phrase, make=make)


_csv("csv cloze number 5000 digits", "{{c" + "9" * 5000 + "::India}} signed it,extra\n", "cloze")
_csv("csv tags header superscript", "#separator:comma\n#tags column:²\nfront,back\n", "tags column")
_csv("csv tags column 0", "#tags column:0\nfront,back,tags\n", "tags column")
_csv("csv tags column huge", "#tags column:" + "9" * 5000 + "\nfront,back\n", "tags column")
_csv("csv guid column huge", "#guid column:" + "9" * 500 + "\nfront,back\n", "guid column")
_csv("csv separator empty", "#separator:\nfront;back\n", "columns")
_csv("csv only header", "front,back\n", "no cards found")
_csv("csv unterminated quote", 'a,"b\n', "malformed row")
_csv("csv cell 200k chars", "a," + "b" * 200_000 + "\n", "field limit")
_csv("csv NUL byte", "a,b\x00c\n", "binary")
_csv("csv cloze empty", "{{c1::}} x,y\n", "cloze")
_csv("csv one column", "just one\n", "expected 2 columns", suffix="txt")
_csv("csv html only tags", "#html:true\n<img src=x>,<br>\n", "empty")


# --- Anki packages ---------------------------------------------------------------------------


def _collection(path: Path, *, models: str, decks: str, notes: list[tuple[Any, ...]]) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE col (models TEXT, decks TEXT);"
        "CREATE TABLE notes (id INTEGER, guid TEXT, mid INTEGER, tags TEXT, flds TEXT);"
        "CREATE TABLE cards (nid INTEGER, did INTEGER, ord INTEGER);"
    )
    conn.execute("INSERT INTO col VALUES (?, ?)", (models, decks))
    conn.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?)", notes)
    conn.executemany("INSERT INTO cards VALUES (?, 1, 0)", [(n[0],) for n in notes])
    conn.commit()
    conn.close()


def _apkg(
    name: str,
    phrase: str,
    *,
    models: str = '{"1": {"name": "Basic", "type": 0}}',
    decks: str = '{"1": {"name": "D"}}',
    notes: list[tuple[Any, ...]] | None = None,
    raw: bytes | None = None,
) -> None:
    def make(folder: Path, _db: Path) -> None:
        target = folder / "deck.apkg"
        if raw is not None:
            target.write_bytes(raw)
            return
        col = folder / "collection.anki2"
        _collection(
            col,
            models=models,
            decks=decks,
            notes=notes if notes is not None else [(1, "g1", 1, "", "front\x1fback")],
        )
        with zipfile.ZipFile(target, "w") as zf:
            zf.write(col, "collection.anki2")
        col.unlink()

    case(name, "import", "{tmp}/deck.apkg", cls="bad files", phrase=phrase, make=make)


_apkg("apkg models non-numeric keys", "note types", models='{"abc": {"name": "Basic"}}')
_apkg("apkg decks non-numeric keys", "decks", decks='{"x": {"name": "D"}}')
_apkg("apkg models a list", "note types", models="[1, 2]")
_apkg("apkg model is a string", "note types", models='{"1": "Basic"}')
_apkg("apkg deck is a string", "decks", decks='{"1": "D"}')
_apkg("apkg models not JSON", "note types", models="{{{")
_apkg("apkg deck name a number", "decks", decks='{"1": {"name": 5}}')
_apkg(
    "apkg cloze number 5000 digits",
    "no basic or cloze notes",
    models='{"1": {"name": "Cloze", "type": 1}}',
    notes=[(1, "g", 1, "", "{{c" + "9" * 5000 + "::x}} y\x1f")],
)
_apkg("apkg flds a blob", "no basic or cloze notes", notes=[(1, "g", 1, "", b"\xff\xfe")])
_apkg("apkg not a zip", "not an Anki package", raw=b"PK\x05\x06" + b"\x00" * 18 + b"junk")
_apkg("apkg empty file", "not a zip archive", raw=b"")
_apkg("apkg zip of text", "no collection inside", raw=b"")  # replaced below


def _zip_of_text(folder: Path, _db: Path) -> None:
    with zipfile.ZipFile(folder / "deck.apkg", "w") as zf:
        zf.writestr("readme.txt", "hello")


CASES["apkg zip of text"] = Case(
    cls="bad files",
    args=("import", "{tmp}/deck.apkg"),
    phrase="no collection inside",
    make=_zip_of_text,
)


def _zip_collection_text(folder: Path, _db: Path) -> None:
    with zipfile.ZipFile(folder / "deck.apkg", "w") as zf:
        zf.writestr("collection.anki2", "this is not sqlite" * 100)


CASES["apkg collection not sqlite"] = Case(
    cls="bad files",
    args=("import", "{tmp}/deck.apkg"),
    phrase="not a readable Anki database",
    make=_zip_collection_text,
)


# --- settings and options: values accepted then crashing later ------------------------------

_OPT = "options"
case(
    "config exam_date year 1",
    "config",
    "set",
    "exam_date",
    "0001-01-01",
    cls=_OPT,
    phrase="exam_date",
)
case(
    "config exam_date year 9999",
    "config",
    "set",
    "exam_date",
    "9999-12-31",
    cls=_OPT,
    phrase="exam_date",
)
case("config new_per_day -5", "config", "set", "new_per_day", "-5", cls=_OPT, phrase="new_per_day")
case(
    "config new_per_day 5000 digits",
    "config",
    "set",
    "new_per_day",
    "9" * 5000,
    cls=_OPT,
    phrase="new_per_day",
)
case(
    "config new_per_day arabic digits",
    "config",
    "set",
    "new_per_day",
    "٣",
    cls=_OPT,
    phrase="new_per_day",
)
case(
    "config retention nan",
    "config",
    "set",
    "desired_retention",
    "nan",
    cls=_OPT,
    phrase="desired_retention",
)
case(
    "config retention inf",
    "config",
    "set",
    "desired_retention",
    "inf",
    cls=_OPT,
    phrase="desired_retention",
)
case(
    "config retention 1e400",
    "config",
    "set",
    "desired_retention",
    "1e400",
    cls=_OPT,
    phrase="desired_retention",
)
case("config unknown key", "config", "set", "colour", "red", cls=_OPT, phrase="unknown setting")
case("config unset unknown", "config", "unset", "colour", cls=_OPT, phrase="unknown setting")
case("config set missing value", "config", "set", "exam_date", cls=_OPT, phrase="value")
case(
    "mock custom correct 1e400",
    "mock",
    "--exam",
    "custom",
    "--correct",
    "1e400",
    cls=_OPT,
    phrase="--correct",
)
case(
    "mock custom correct 5000 digits",
    "mock",
    "--exam",
    "custom",
    "--correct",
    "9" * 5000,
    cls=_OPT,
    phrase="--correct",
)
case(
    "mock custom correct nan",
    "mock",
    "--exam",
    "custom",
    "--correct",
    "nan",
    cls=_OPT,
    phrase="--correct",
)
case(
    "mock custom correct 1/0",
    "mock",
    "--exam",
    "custom",
    "--correct",
    "1/0",
    cls=_OPT,
    phrase="--correct",
)
case(
    "mock custom wrong inf",
    "mock",
    "--exam",
    "custom",
    "--correct",
    "1",
    "--wrong",
    "inf",
    cls=_OPT,
    phrase="--wrong",
)
case(
    "mock custom wrong huge",
    "mock",
    "--exam",
    "custom",
    "--correct",
    "1",
    "--wrong",
    "1e300",
    cls=_OPT,
    phrase="--wrong",
)
case(
    "mock custom correct tiny fraction",
    "mock",
    "--exam",
    "custom",
    "--correct",
    "1/" + "9" * 400,
    cls=_OPT,
    phrase="--correct",
)
case("mock minutes inf", "mock", "--minutes", "inf", cls=_OPT, phrase="--minutes")
case("mock minutes nan", "mock", "--minutes", "nan", cls=_OPT, phrase="--minutes")
case("mock minutes 1e300", "mock", "--minutes", "1e300", cls=_OPT, phrase="--minutes")
case("mock minutes negative", "mock", "--minutes", "-1", cls=_OPT, phrase="--minutes")
case("mock questions 0", "mock", "--questions", "0", cls=_OPT, phrase="--questions")
case("mock questions huge", "mock", "--questions", "9" * 30, cls=_OPT, phrase="--questions")
case("mock seed huge", "mock", "--seed", "9" * 5000, cls=_OPT, phrase="--seed")
case("mock unknown exam", "mock", "--exam", "gre", cls=_OPT, phrase="'gre' is not one of")
case("stats days 10000000", "stats", "--days", "10000000", cls=_OPT, phrase="--days")
case("stats days 0", "stats", "--days", "0", cls=_OPT, phrase="--days")
case("stats days negative", "stats", "--days", "-3", cls=_OPT, phrase="--days")
case("stats days 5000 digits", "stats", "--days", "9" * 5000, cls=_OPT, phrase="--days")
case("stats unknown deck", "stats", "--deck", "Nope", cls=_OPT, phrase="no deck named")
case("quiz limit negative", "quiz", "--limit", "-1", cls=_OPT, phrase="--limit")
case("quiz limit huge", "quiz", "--limit", "9" * 40, cls=_OPT, phrase="--limit")
case("quiz unknown tag", "quiz", "--tag", "no-such-tag", cls=_OPT, phrase="tag")
case(
    "questions list unknown kind",
    "questions",
    "list",
    "--kind",
    "essay",
    cls=_OPT,
    phrase="'essay' is not one of",
)
case("questions show unknown id", "questions", "show", "nope", cls=_OPT, phrase="no question")
case(
    "questions show id with escape",
    "questions",
    "show",
    "\x1b]0;x\x07",
    cls=_OPT,
    phrase="no question",
)
case("facts list unknown deck", "facts", "list", "--deck", "Nope", cls=_OPT, phrase="no deck named")
case("export unknown format", "export", "--format", "pdf", cls=_OPT, phrase="pdf")
case(
    "export -o a directory",
    "export",
    "--format",
    "csv",
    "-o",
    "{tmp}",
    cls=_OPT,
    phrase="directory",
)
case(
    "export -o in a missing folder",
    "export",
    "--format",
    "csv",
    "-o",
    "{tmp}/no/such/x.csv",
    cls=_OPT,
    phrase="no/such",
)
case("export apkg to stdout", "export", "--format", "apkg", cls=_OPT, phrase="-o")
case(
    "export unknown kind", "export", "--format", "csv", "--kind", "essay", cls=_OPT, phrase="essay"
)
case("history json and csv", "history", "--json", "--csv", cls=_OPT, phrase="--json")
case(
    "doctor backup onto the database",
    "doctor",
    "--backup",
    "{db}",
    cls=_OPT,
    phrase="already exists",
)
case(
    "doctor backup in a missing folder",
    "doctor",
    "--backup",
    "{tmp}/no/b.db",
    cls=_OPT,
    phrase="no such directory",
)
case("unknown command", "frobnicate", cls=_OPT, phrase="frobnicate")
case("unknown option", "decks", "--colour", cls=_OPT, phrase="--colour")
case("stats days not a number", "stats", "--days", "many", cls=_OPT, phrase="--days")
case("ingest timeout 0", "ingest", "x.txt", "--timeout", "0", cls=_OPT, phrase="--timeout")
case("ingest timeout nan", "ingest", "x.txt", "--timeout", "nan", cls=_OPT, phrase="--timeout")
case(
    "ingest timeout inf",
    "ingest",
    "http://127.0.0.1:9/",
    "--timeout",
    "inf",
    cls=_OPT,
    phrase="--timeout",
)
case("ingest ftp url", "ingest", "ftp://example.org/a.txt", "--yes", cls=_OPT, phrase="http")
case(
    "import unknown suffix",
    "import",
    "{tmp}/deck.docx",
    cls=_OPT,
    phrase=".docx",
    make=lambda f, d: (f / "deck.docx").write_text("x"),
)
case(
    "import --deck empty",
    "import",
    str(DATA / "small.yaml"),
    "--deck",
    "",
    cls=_OPT,
    phrase="--deck",
)
case(
    "import --deck 5000 chars",
    "import",
    str(DATA / "small.yaml"),
    "--deck",
    "d" * 5000,
    cls=_OPT,
    phrase="--deck",
)
case(
    "import --deck with escape",
    "import",
    str(DATA / "small.yaml"),
    "--deck",
    "\x1b[2J",
    cls=_OPT,
    phrase="--deck",
)


# --- the environment -------------------------------------------------------------------------

_ENV = "environment"
for _label, _value in [
    ("garbage", "yesterday"),
    ("year 1", "0001-01-01T00:00:00+00:00"),
    ("year 9999", "9999-12-31T23:59:59+00:00"),
    ("offset 25 hours", "2026-01-01T00:00:00+25:00"),
    ("5000 digits", "9" * 5000),
    ("NUL byte", "2026-01-01\x01"),
]:
    for _command in (("decks",), ("quiz",), ("stats",)):
        case(
            f"QUIZMASTER_NOW {_label} ({_command[0]})",
            *_command,
            cls=_ENV,
            phrase="QUIZMASTER_NOW",
            env={"QUIZMASTER_NOW": _value},
        )
for _label, _value in [
    ("garbage", "soon"),
    ("negative", "-1"),
    ("nan", "nan"),
    ("inf", "inf"),
    ("1e400", "1e400"),
    ("zero", "0"),
]:
    case(
        f"QUIZMASTER_IDLE_TIMEOUT {_label}",
        "quiz",
        cls=_ENV,
        phrase="QUIZMASTER_IDLE_TIMEOUT",
        env={"QUIZMASTER_IDLE_TIMEOUT": _value},
    )
case(
    "QUIZMASTER_DB a directory",
    "decks",
    cls=_ENV,
    phrase="is a directory",
    env={"QUIZMASTER_DB": "{tmp}"},
)
case(
    "QUIZMASTER_DB in a missing folder",
    "decks",
    cls=_ENV,
    phrase="mkdir",
    env={"QUIZMASTER_DB": "{tmp}/no/such/q.db"},
)


# --- databases ------------------------------------------------------------------------------

_DB = "databases"


def _sql(*statements: str) -> Maker:
    def make(_folder: Path, db: Path) -> None:
        conn = sqlite3.connect(db)
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()

    return make


def _db_case(name: str, make: Maker, phrase: str, *args: str, code: int = 2) -> None:
    case(name, *(args or ("decks",)), cls=_DB, phrase=phrase, make=make, code=code)


_db_case(
    "stored setting not JSON",
    _sql("INSERT INTO settings VALUES ('new_per_day', '{{')"),
    "new_per_day",
    "quiz",
)
_db_case(
    "stored setting not JSON (config)",
    _sql("INSERT INTO settings VALUES ('exam_date', 'nope')"),
    "exam_date",
    "config",
)
_db_case(
    "stored exam_date year 1",
    _sql("INSERT INTO settings VALUES ('exam_date', '\"0001-01-01\"')"),
    "exam_date",
    "quiz",
)
_db_case(
    "stored fsrs_parameters a string",
    _sql("INSERT INTO settings VALUES ('fsrs_parameters', '\"abc\"')"),
    "fsrs_parameters",
    "quiz",
)
_db_case("missing table", _sql("DROP TABLE mock_items"), "mock_items", "history")
_db_case("missing table (reviews)", _sql("DROP TABLE reviews"), "reviews", "stats")
_db_case(
    "card state 99",
    _sql("UPDATE cards SET state = 99"),
    "doctor",
    "export",
    "--format",
    "json",
    "--with-history",
)
_db_case(
    "card state 99 (stats)",
    _sql("UPDATE cards SET state = 99, due = '2026-01-01'"),
    "doctor",
    "quiz",
    "--practice",
)
_db_case(
    "question data not JSON", _sql("UPDATE questions SET data = 'x'"), "doctor", "questions", "list"
)
_db_case(
    "mcq with 10 options stored",
    _sql(
        'UPDATE questions SET data = json_set(data, \'$.choices\', json(\'["a","b","c","d",'
        '"e","f","g","h","i","j"]\')) WHERE kind = \'mcq\''
    ),
    "doctor",
    "mock",
)
_db_case("fact data not JSON", _sql("UPDATE facts SET data = '['"), "doctor", "facts", "list")
_db_case(
    "session data not JSON",
    _sql(
        "INSERT INTO sessions (kind, started_at, data) "
        "VALUES ('quiz', '2026-11-20T09:00:00+00:00', '{')"
    ),
    "doctor",
    "history",
)
_db_case(
    "review time not a date",
    _sql("INSERT INTO sessions (kind, started_at, data) VALUES ('quiz', 'yesterday', '{}')"),
    "doctor",
    "history",
)
_db_case(
    "unknown newer migration", _sql("INSERT INTO _migrations VALUES ('m999_future', 'x')"), "newer"
)


def _foreign_with_migrations(folder: Path, db: Path) -> None:
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
    conn.commit()
    conn.close()


def _only_a_view(folder: Path, db: Path) -> None:
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE VIEW v AS SELECT 1 AS one")
    conn.commit()
    conn.close()


def _only_an_index_table(folder: Path, db: Path) -> None:
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    conn.execute("INSERT INTO _migrations VALUES ('m001_initial', 'x')")
    conn.commit()
    conn.close()


def _corrupt(folder: Path, db: Path) -> None:
    data = bytearray(db.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 6), 7):
        data[offset] = 0xA5
    db.write_bytes(bytes(data))


_db_case(
    "foreign database with a _migrations table",
    _foreign_with_migrations,
    "not a quizmaster database",
)
_db_case("foreign database with only a view", _only_a_view, "not a quizmaster database")
_db_case("_migrations claims tables that are missing", _only_an_index_table, "decks")
_db_case("corrupted pages", _corrupt, "damaged", "questions", "list")


# --- limits: reads bounded by the bytes read ---------------------------------------------

_LIM = "limits"


def _link(name: str, target: str) -> Maker:
    def make(folder: Path, _db: Path) -> None:
        (folder / name).symlink_to(target)

    return make


for _suffix in ("yaml", "json", "csv", "tsv", "txt"):
    case(
        f"import /dev/zero as .{_suffix}",
        "import",
        f"{{tmp}}/zero.{_suffix}",
        cls=_LIM,
        phrase="binary",
        make=_link(f"zero.{_suffix}", "/dev/zero"),
    )
case(
    "import /dev/urandom as .yaml",
    "import",
    "{tmp}/random.yaml",
    cls=_LIM,
    phrase="binary",
    make=_link("random.yaml", "/dev/urandom"),
)
case(
    "import /dev/zero as .apkg",
    "import",
    "{tmp}/zero.apkg",
    cls=_LIM,
    phrase="not a file",
    make=_link("zero.apkg", "/dev/zero"),
)
case(
    "optimize --revlog /dev/zero",
    "optimize",
    "--revlog",
    "{tmp}/zero.csv",
    cls=_LIM,
    phrase="longer than",
    make=_link("zero.csv", "/dev/zero"),
)
case(
    "ingest /dev/zero",
    "ingest",
    "{tmp}/zero.txt",
    "--yes",
    cls=_LIM,
    phrase="too large",
    make=_link("zero.txt", "/dev/zero"),
)
case(
    "ingest stdin of 6 MB",
    "ingest",
    "-",
    "--yes",
    cls=_LIM,
    phrase="too large",
    stdin=b"India signed it. " * 400_000,
)
case(
    "import /dev/null as .yaml",
    "import",
    "{tmp}/null.yaml",
    cls=_LIM,
    phrase="empty",
    make=_link("null.yaml", "/dev/null"),
)
case(
    "--db in a missing folder",
    "decks",
    "--db",
    "{tmp}/typo/quiz.db",
    cls=_ENV,
    phrase="mkdir -p",
)
case(
    "--db in a missing folder (import)",
    "import",
    str(DATA / "small.yaml"),
    "--db",
    "{tmp}/typo/quiz.db",
    cls=_ENV,
    phrase="does not exist",
)
