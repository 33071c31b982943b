"""Hostile input: every bad file or database gives one clean line, exit code 2, and leaves the
database exactly as it was. The corpus lives in tests/hostile/ (see its README); inputs too big
to commit, or that are not plain files, are made here."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.errors import InputFileError
from quizmaster.facts_file import load_facts_file
from quizmaster.importers import ensure_builtin_deck, import_path
from quizmaster.models import FactsFile
from quizmaster.store import Store
from tests.helpers.pinned import DATA, NOW

HOSTILE = Path(__file__).parent / "hostile"
PACKAGE = Path(__file__).parent.parent / "quizmaster"

# file -> (a phrase the message must contain, the line it must name; None = no line)
# "line?" means a YAML syntax error: a line is required, its number is the parser's call.
EXPECTED: dict[str, tuple[str, int | str | None]] = {
    "bad-fact-id.yaml": ("should match pattern", 3),
    "bad-source-date.yaml": ("is not YYYY, YYYY-MM or YYYY-MM-DD", 2),
    "billion-laughs.yaml": ("aliases", "line?"),
    "broken-indent.yaml": ("invalid YAML", "line?"),
    "comments-only.yaml": ("file is empty", None),
    "deck-name-too-long.yaml": ("at most 200 characters", 1),
    "deeply-nested.yaml": ("invalid YAML", "line?"),
    "duplicate-fact-ids.yaml": ("duplicate fact id 'ok-fact'", 6),
    "duplicate-keys.yaml": ("duplicate key 'topic'", 7),
    "empty.yaml": ("file is empty", None),
    "fact-is-a-string.yaml": ("facts[0]", 3),
    "facts-empty-list.yaml": ("at least 1 item", 2),
    "facts-not-a-list.yaml": ("valid list", 2),
    "gzip-file.yaml": ("binary file", None),
    "invalid-escape.yaml": ("invalid YAML", "line?"),
    "latin1.yaml": ("not valid UTF-8", 4),
    "lone-surrogate-bytes.yaml": ("not valid UTF-8", 4),
    "missing-deck.yaml": ("field 'deck' is required", 1),
    "missing-facts.yaml": ("field 'facts' is required", 1),
    "missing-statement.yaml": ("field 'statement' is required", 3),
    "not-yaml-json-garbage.yaml": ("invalid YAML", "line?"),
    "nul-in-text.yaml": ("binary file", None),
    "png-image.yaml": ("binary file", None),
    "python-name-tag.yaml": ("python/name:os.system", "line?"),
    "python-tag.yaml": ("python/object/apply:os.system", "line?"),
    "question-without-answer.yaml": ("'answer' is required when 'question' is given", 3),
    "random-bytes.yaml": ("binary file", None),
    "recursive-alias.yaml": ("refers to itself", "line?"),
    "span-not-in-statement.yaml": ("span 'Haifa' does not occur", 3),
    "spans-wrong-type.yaml": ("valid list", 5),
    "statement-is-a-list.yaml": ("valid string", 4),
    "statement-too-long.yaml": ("at most 2000 characters", 4),
    "tab-indent.yaml": ("invalid YAML", "line?"),
    "top-level-list.yaml": ("expected a mapping", 1),
    "top-level-scalar.yaml": ("expected a mapping", 1),
    "two-documents.yaml": ("invalid YAML", "line?"),
    "unclosed-bracket.yaml": ("invalid YAML", "line?"),
    "unclosed-quote.yaml": ("invalid YAML", "line?"),
    "unknown-field.yaml": ("unknown field 'statment'", 6),
    "unknown-span-type.yaml": ("'planet' is not a known value", 5),
    "utf16-be-no-bom.yaml": ("binary file", None),
    "utf16-with-bom.yaml": ("file is UTF-16; save it as UTF-8", None),
    "utf32.yaml": ("file is UTF-32; save it as UTF-8", None),
    "utf8-bom-then-garbage.yaml": ("invalid YAML", "line?"),
    "whitespace-only.yaml": ("file is empty", None),
}

# Made at test time: too big to commit, or not a plain file.
GENERATED: dict[str, tuple[str, int | str | None]] = {
    "huge-statement.yaml": ("at most 2000 characters", 4),
    "too-large.yaml": ("file is too large", None),
    "a-directory.yaml": ("is a directory", None),
    "does-not-exist.yaml": ("no such file", None),
    "facts.json": ("not a quizmaster JSON export", None),  # YAML inside
    "facts.txt": ("expected 2 columns (front, back)", 1),  # YAML read as a text deck
    "facts.docx": ("unsupported file type '.docx'", None),
}


def _make(name: str, folder: Path) -> Path:
    path = folder / name
    if name == "huge-statement.yaml":  # a 10 MB statement
        path.write_text(
            "deck: Hostile\nfacts:\n  - id: a\n    statement: "
            + "India " * 1_750_000
            + "\n    spans: [{text: India, type: country}]\n",
            encoding="utf-8",
        )
    elif name == "too-large.yaml":  # 25 MB, sparse: costs no disk
        with path.open("wb") as fh:
            fh.truncate(25 * 1024 * 1024)
    elif name == "a-directory.yaml":
        path.mkdir()
    elif name in ("facts.json", "facts.txt", "facts.docx"):
        shutil.copy(DATA / "small.yaml", path)
    return path


def test_corpus_is_complete() -> None:
    on_disk = {p.name for p in HOSTILE.iterdir() if p.name != "README.md"}
    assert on_disk == set(EXPECTED)
    assert len(EXPECTED) + len(GENERATED) >= 30


def db_dump(path: Path) -> str:
    """A digest of every row of every table: equal digests, unchanged database."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def loaded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the built-in deck and one imported deck, made once."""
    path = tmp_path_factory.mktemp("template") / "loaded.db"
    with Store.open(path, now=NOW) as store:
        ensure_builtin_deck(store, now=NOW)
        import_path(store, DATA / "small.yaml", now=NOW)
    return path


@pytest.fixture
def loaded_db(loaded_template: Path, db_path: Path) -> Path:
    shutil.copy(loaded_template, db_path)
    return db_path


def check_error(
    code: int, stdout: str, stderr: str, shown: str, expected: tuple[str, object]
) -> None:
    phrase, line = expected
    assert code == 2, stderr
    assert "Traceback" not in stderr and "Traceback" not in stdout
    assert stdout == ""
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    message = lines[0]
    assert message.startswith(f"Error: {shown}"), message
    assert phrase in message, message
    rest = message[len(f"Error: {shown}") :]
    if line is None:
        assert rest.startswith(": ") and not re.match(r":\d+:", rest), message
    elif line == "line?":
        assert re.match(r":\d+: ", rest), message
    else:
        assert rest.startswith(f":{line}: "), message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(name: str, loaded_db: Path, runner: CliRunner) -> None:
    path = HOSTILE / name
    before = db_dump(loaded_db)
    started = time.perf_counter()
    result = runner.invoke(app, ["import", str(path), "--db", str(loaded_db)])
    assert time.perf_counter() - started < 5, "rejecting bad input must be fast"
    check_error(result.exit_code, result.stdout, result.stderr, str(path), EXPECTED[name])
    assert db_dump(loaded_db) == before


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(GENERATED))
def test_hostile_generated_file(
    name: str, loaded_db: Path, runner: CliRunner, tmp_path: Path
) -> None:
    path = _make(name, tmp_path)
    before = db_dump(loaded_db)
    started = time.perf_counter()
    result = runner.invoke(app, ["import", str(path), "--db", str(loaded_db)])
    assert time.perf_counter() - started < 5, "rejecting bad input must be fast"
    check_error(result.exit_code, result.stdout, result.stderr, str(path), GENERATED[name])
    assert db_dump(loaded_db) == before


@pytest.mark.parametrize(
    "name", ["billion-laughs.yaml", "utf16-with-bom.yaml", "png-image.yaml", "python-tag.yaml"]
)
@pytest.mark.slow
def test_hostile_file_in_a_real_process(name: str, loaded_db: Path) -> None:
    path = HOSTILE / name
    before = db_dump(loaded_db)
    proc = subprocess.run(
        [sys.executable, "-m", "quizmaster", "import", str(path), "--db", str(loaded_db)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    check_error(proc.returncode, proc.stdout, proc.stderr, str(path), EXPECTED[name])
    assert db_dump(loaded_db) == before


# --- hostile databases: a good facts file, a bad --db -------------------------------------


def _not_sqlite(folder: Path) -> Path:
    path = folder / "notes.db"
    path.write_text("hello, this is not a database\n" * 200)
    return path


def _zeros(folder: Path) -> Path:
    path = folder / "zeros.db"
    path.write_bytes(bytes(8192))
    return path


def _truncated(folder: Path) -> Path:
    path = folder / "truncated.db"
    path.write_bytes((DATA / "schema-m001.db").read_bytes()[:2048])
    return path


def _foreign(folder: Path) -> Path:
    path = folder / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    return path


def _directory(folder: Path) -> Path:
    path = folder / "quiz.db"
    path.mkdir()
    return path


def _under_a_file(folder: Path) -> Path:
    (folder / "plain-file").write_text("x")
    return folder / "plain-file" / "quiz.db"


HOSTILE_DBS: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    # case -> (make it, what the message names, a phrase it must contain)
    "not sqlite": (_not_sqlite, "notes.db", "not a quizmaster database"),
    "zero-filled": (_zeros, "zeros.db", "not a quizmaster database"),
    "truncated": (_truncated, "truncated.db", "not a quizmaster database"),
    "another program's database": (_foreign, "places.sqlite", "another program's tables"),
    "a directory": (_directory, "quiz.db", "is a directory"),
    "parent is a file": (_under_a_file, "plain-file", "cannot create directory"),
}


def file_digest(path: Path) -> str:
    if path.is_dir():
        return "dir:" + ",".join(sorted(p.name for p in path.iterdir()))
    if not path.exists():
        return "missing"
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(HOSTILE_DBS))
def test_hostile_database(case: str, tmp_path: Path, runner: CliRunner) -> None:
    make, named, phrase = HOSTILE_DBS[case]
    db = make(tmp_path)
    before = {p.name: file_digest(p) for p in tmp_path.iterdir()}
    result = runner.invoke(app, ["import", str(DATA / "small.yaml"), "--db", str(db)])
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and named in lines[0] and phrase in lines[0], lines[0]
    assert {p.name: file_digest(p) for p in tmp_path.iterdir()} == before


@pytest.fixture
def read_only_dir() -> Iterator[Path]:
    """A directory this process cannot write to: chmod for a normal user; for root (which
    ignores modes) the immutable attribute, where the file system supports it."""
    folder = Path(tempfile.mkdtemp(prefix="quizmaster-ro-"))
    seed = folder / "existing.db"
    with Store.open(seed, now=NOW):
        pass
    if os.geteuid() != 0:
        folder.chmod(0o555)
        undo = ["chmod", "0755", str(folder)]
    else:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(folder)], check=False).returncode:
            shutil.rmtree(folder)
            pytest.skip("running as root without chattr: cannot make a read-only directory")
        undo = [chattr, "-i", str(folder)]
    try:
        yield folder
    finally:
        subprocess.run(undo, check=True)
        shutil.rmtree(folder)


@pytest.mark.parametrize("db_name", ["new.db", "existing.db"])
def test_read_only_database_directory(db_name: str, read_only_dir: Path, runner: CliRunner) -> None:
    db = read_only_dir / db_name
    before = {p.name: file_digest(p) for p in read_only_dir.iterdir()}
    result = runner.invoke(app, ["import", str(DATA / "small.yaml"), "--db", str(db)])
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(db) in lines[0], result.stderr
    assert {p.name: file_digest(p) for p in read_only_dir.iterdir()} == before


# --- the facts loader never fails any other way ------------------------------------------

_yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "deck",
                    "facts",
                    "id",
                    "statement",
                    "spans",
                    "text",
                    "type",
                    "topic",
                    "tags",
                    "source",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),  # fmt: skip
    max_leaves=20,
)


def _load(data: bytes) -> FactsFile | InputFileError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facts.yaml"
        path.write_bytes(data)
        try:
            return load_facts_file(path)
        except InputFileError as exc:
            assert str(exc).startswith(str(path))
            assert "\n" not in str(exc)
            return exc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_loader_any_text(text: str) -> None:
    _load(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_loader_any_bytes(data: bytes) -> None:
    _load(data)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(_yaml_values)
def test_loader_any_yaml_structure(value: object) -> None:
    import yaml

    result = _load(yaml.safe_dump(value, allow_unicode=True).encode("utf-8", "surrogatepass"))
    if isinstance(result, FactsFile):
        assert result.facts and len({f.id for f in result.facts}) == len(result.facts)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "id": st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True),
                "statement": st.text(min_size=1, max_size=40),
            },  # fmt: skip
            optional={"topic": st.text(max_size=10), "tags": st.lists(st.text(max_size=5))},
        ),
        min_size=1,
        max_size=4,
    )
)
@pytest.mark.slow
def test_loader_fact_shaped_input(facts: list[dict[str, object]]) -> None:
    import yaml

    for fact in facts:
        statement = str(fact["statement"])
        fact["spans"] = [{"text": statement.strip()[:5] or "x", "type": "term"}]
    text = yaml.safe_dump({"deck": "D", "facts": facts}, allow_unicode=True)
    result = _load(text.encode("utf-8", "surrogatepass"))
    if isinstance(result, FactsFile):
        assert [f.id for f in result.facts] == [f["id"] for f in facts]


# --- code-level guarantees ---------------------------------------------------------------

UNSAFE = [
    r"yaml\.load\(",
    r"yaml\.Loader\b",
    r"unsafe_load|UnsafeLoader",
    r"FullLoader",
    r"shell\s*=\s*True",
    r"os\.system",
    r"os\.popen",
    r"\beval\(",
    r"\bexec\(",
    r"\bpickle\b",
]


def test_yaml_is_loaded_safely_and_nothing_reaches_a_shell() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern in UNSAFE:
                if re.search(pattern, line):
                    found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []
