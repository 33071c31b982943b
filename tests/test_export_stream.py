"""The streamed bulk exports (json, apkg) give what the whole-selection path gives.

``export`` writes json and apkg row by row, passing rows stored in the current form through
as text (``canonical_mark``); ``iter_json`` / ``write_apkg`` over ``collect`` (every row
validated into a model) are the reference. Compared on a seeded collection: every question
kind, HTML/cloze special characters, rows not in the stored form, rows with stale or forged
marks, every filter, with and without history.
"""

from __future__ import annotations

import json
import random
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizmaster import canonical_mark, exporters
from quizmaster.errors import DatabaseError
from quizmaster.exporters import collect, export, iter_json, write_apkg
from quizmaster.models import (
    ClozeQuestion,
    Fact,
    KeySpan,
    McqQuestion,
    Question,
    ShortAnswerQuestion,
    SpanType,
    TrueFalseQuestion,
)
from quizmaster.records import QUESTION_ADAPTER
from quizmaster.store import Store
from tests.helpers.exchange_deck import DECK, FACTS, QUESTIONS
from tests.helpers.kind_decks import kind_facts, one_of_each_kind
from tests.helpers.pinned import NOW

BLANK = "_____"
WORDS = ["alpha", "beta", "<b>", "&amp;", '"q"', "it's", "a::b", "{x}", "é", "東京", "line\nnext"]


def seeded_deck(seed: int, n_facts: int) -> tuple[list[Fact], list[Question]]:
    """Facts and questions of every simple kind with random text (HTML, cloze markers,
    quotes, newlines, non-ASCII) and random tags."""
    rng = random.Random(seed)
    facts: list[Fact] = []
    questions: list[Question] = []
    for i in range(n_facts):
        answer = f"{rng.choice(WORDS)} {i}"
        statement = f"{rng.choice(WORDS)} {answer} {rng.choice(WORDS)}"
        tags = rng.sample(["geo", "econ", "polity", "two words", "x"], rng.randint(0, 3))
        fid = f"seed-{seed}-{i}"
        facts.append(
            Fact(
                id=fid,
                statement=statement,
                spans=[KeySpan(text=answer, type=SpanType.TERM)],
                tags=tags,
                topic=rng.choice(["T1", "T2"]),
            )
        )
        common: dict[str, Any] = {
            "fact_id": fid,
            "tags": tags,
            "explanation": rng.choice(["", "because <this> & that", "plain"]),
        }
        questions += [
            ShortAnswerQuestion(
                id=f"{fid}:short_answer:v0",
                variant="v0",
                prompt=f"What? {i}",
                answer=answer,
                **common,
            ),
            ClozeQuestion(
                id=f"{fid}:cloze:v0",
                variant="v0",
                prompt=statement.replace(answer, BLANK, 1),
                answer=answer,
                **common,
            ),
            McqQuestion(
                id=f"{fid}:mcq:v0",
                variant="v0",
                prompt=f"Which {rng.choice(WORDS)}?",
                answer=answer,
                choices=[answer, "other 1", "other <2>", "other & 3"],
                **common,
            ),
            TrueFalseQuestion(
                id=f"{fid}:true_false:v0",
                variant="v0",
                prompt=statement,
                answer=rng.choice(["True", "False"]),
                **common,
            ),
        ]
    return facts, questions


def sql(store: Store, statement: str, *params: Any) -> None:
    store.conn.execute(statement, params)


@pytest.fixture
def seeded(store: Store) -> Store:
    store.load_deck(DECK, FACTS, QUESTIONS, now=NOW)
    each = one_of_each_kind()
    facts_by_id = {f.id: f for kind in each for f in kind_facts(kind)}
    store.load_deck("Kinds", list(facts_by_id.values()), list(each.values()), now=NOW)
    for seed in (1, 2):
        facts, questions = seeded_deck(seed, 30)
        store.load_deck(f"Seeded {seed}", facts, questions, now=NOW)
    # A deck of facts only (no questions).
    store.load_deck("Facts only", seeded_deck(3, 2)[0], [], now=NOW)
    # Rows not in the stored form: written by another tool (spaces, keys in another order),
    # marked by an older stamp, edited by hand under their mark.
    rows = store.conn.execute(
        "SELECT id, data FROM questions WHERE deck_id IN "
        "(SELECT id FROM decks WHERE name = 'Seeded 1') ORDER BY position LIMIT 6"
    ).fetchall()
    for qid, data in rows[:2]:
        loose = json.dumps(dict(reversed(json.loads(data).items())))
        sql(store, "UPDATE questions SET data = ?, canon = NULL WHERE id = ?", loose, qid)
    sql(store, "UPDATE questions SET canon = 'stale-stamp:00000000' WHERE id = ?", rows[2][0])
    edited = json.loads(rows[3][1])
    edited["explanation"] = "edited by hand"
    sql(store, "UPDATE questions SET data = ? WHERE id = ?", json.dumps(edited), rows[3][0])
    fact_id, fact_data = store.conn.execute(
        "SELECT id, data FROM facts ORDER BY id LIMIT 1"
    ).fetchone()
    sql(
        store,
        "UPDATE facts SET data = ?, canon = NULL WHERE id = ?",
        json.dumps(json.loads(fact_data), indent=1),
        fact_id,
    )
    return store


def reference_json(store: Store, **options: Any) -> tuple[str, int, int]:
    data = collect(store, **options)
    return "".join(iter_json(data, now=NOW)), len(data.questions), len(data.facts)


def streamed_json(store: Store, **options: Any) -> tuple[str, int, int]:
    outcome = export(store, "json", now=NOW, **options)
    assert outcome.chunks is not None
    return "".join(outcome.chunks), outcome.questions, outcome.facts


def apkg_rows(path: Path, tmp: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as package:
        assert package.namelist() == ["collection.anki2", "media"]
        assert package.read("media") == b"{}"
        (tmp / "collection.anki2").write_bytes(package.read("collection.anki2"))
    conn = sqlite3.connect(tmp / "collection.anki2")
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        conn.close()


OPTIONS: list[dict[str, Any]] = [
    {},
    {"deck": "Seeded 1"},
    {"deck": DECK},
    {"deck": "Facts only"},
    {"kind": "mcq"},
    {"kind": "statements"},
    {"tag": "geo"},
    {"tag": "two words", "kind": "cloze"},
    {"deck": "Seeded 2", "tag": "econ"},
    {"with_history": True},
]


@pytest.mark.parametrize(
    "options", OPTIONS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items())
)
def test_streamed_json_is_the_reference_output(seeded: Store, options: dict[str, Any]) -> None:
    assert streamed_json(seeded, **options) == reference_json(seeded, **options)


def test_streamed_json_with_history_after_answers(seeded: Store) -> None:
    for qid in [r[0] for r in seeded.conn.execute("SELECT id FROM questions LIMIT 5")]:
        seeded.record_review(
            seeded.card(qid),
            session_id=None,
            reviewed_at=NOW,
            rating=3,
            correct=True,
            response="x",
            duration_ms=1200,
        )
    for options in ({"with_history": True}, {"with_history": True, "kind": "cloze"}):
        assert streamed_json(seeded, **options) == reference_json(seeded, **options)


@pytest.mark.parametrize(
    "options", [o for o in OPTIONS if "with_history" not in o and o.get("deck") != "Facts only"]
)
def test_streamed_apkg_has_the_reference_rows(
    seeded: Store, options: dict[str, Any], tmp_path: Path
) -> None:
    reference, streamed = tmp_path / "reference.apkg", tmp_path / "streamed.apkg"
    write_apkg(collect(seeded, **options), reference, now=NOW)
    outcome = export(seeded, "apkg", now=NOW, output=streamed, **options)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert apkg_rows(streamed, tmp_path / "b") == apkg_rows(reference, tmp_path / "a")
    assert outcome.questions == len(collect(seeded, **options).questions)


def test_progress_is_reported_as_before(seeded: Store, tmp_path: Path) -> None:
    calls: dict[str, list[tuple[int, int]]] = {"ref": [], "json": [], "apkg": []}
    data = collect(seeded)
    "".join(iter_json(data, now=NOW, progress=lambda d, t: calls["ref"].append((d, t))))
    chunks = export(seeded, "json", now=NOW, progress=lambda d, t: calls["json"].append((d, t)))
    "".join(chunks.chunks or [])
    export(
        seeded,
        "apkg",
        now=NOW,
        output=tmp_path / "p.apkg",
        progress=lambda d, t: calls["apkg"].append((d, t)),
    )
    assert calls["json"] == calls["ref"] == calls["apkg"] != []


def test_a_marked_row_is_passed_through_as_stored(seeded: Store) -> None:
    """The mark is what lets a row skip validation: text marked for itself is written as it
    is, even where validating it would have changed it (so only load_deck marks rows)."""
    qid, data = seeded.conn.execute("SELECT id, data FROM questions LIMIT 1").fetchone()
    spaced = json.dumps(json.loads(data))
    assert spaced != data
    sql(
        seeded,
        "UPDATE questions SET data = ?, canon = ? WHERE id = ?",
        spaced,
        canonical_mark.mark(spaced),
        qid,
    )
    text, _, _ = streamed_json(seeded)
    assert spaced in text
    assert data not in text


def test_load_deck_marks_what_it_writes_and_what_it_confirms(seeded: Store) -> None:
    seeded.load_deck(DECK, FACTS, QUESTIONS, now=NOW)  # unchanged: marks confirmed
    facts, questions = seeded_deck(1, 30)
    seeded.load_deck("Seeded 1", facts, questions, now=NOW)  # repairs the loose rows
    for table in ("facts", "questions"):
        rows = seeded.conn.execute(f"SELECT data, canon FROM {table} WHERE retired = 0").fetchall()
        assert rows and all(canonical_mark.is_marked(d, c) for d, c in rows), table


def test_control_characters_are_never_passed_through(seeded: Store) -> None:
    """Even under a valid mark, text with a control character is validated (and cleaned)."""
    qid, data = seeded.conn.execute("SELECT id, data FROM questions LIMIT 1").fetchone()
    evil = data.replace('"prompt":"', '"prompt":"\x9b31m', 1)
    assert evil != data
    sql(
        seeded,
        "UPDATE questions SET data = ?, canon = ? WHERE id = ?",
        evil,
        canonical_mark.mark(evil),
        qid,
    )
    text, _, _ = streamed_json(seeded)
    assert "\x9b" not in text
    assert text == reference_json(seeded)[0]


@pytest.mark.parametrize("fmt", ["json", "apkg"])
def test_a_damaged_row_stops_the_export_with_no_file(
    seeded: Store, fmt: str, tmp_path: Path
) -> None:
    qid = seeded.conn.execute("SELECT id FROM questions ORDER BY id DESC LIMIT 1").fetchone()[0]
    sql(seeded, "UPDATE questions SET data = '{\"id\": ' WHERE id = ?", qid)
    target = tmp_path / f"out.{fmt}"
    with pytest.raises(DatabaseError, match="stored data is damaged"):
        export(seeded, fmt, now=NOW, output=target)
    assert not target.exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_the_stored_form_round_trips() -> None:
    """The premise of the mark: a validated question's or fact's JSON, validated again and
    dumped, is the same text."""
    _, seeded_questions = seeded_deck(7, 20)
    questions = [*QUESTIONS, *one_of_each_kind().values(), *seeded_questions]
    for q in questions:
        text = q.model_dump_json()
        assert QUESTION_ADAPTER.dump_json(QUESTION_ADAPTER.validate_json(text)).decode() == text
    for f in [*FACTS, *seeded_deck(7, 20)[0]]:
        text = f.model_dump_json()
        assert Fact.model_validate_json(text).model_dump_json() == text


def test_the_stamp_names_the_models_and_the_mark_the_text() -> None:
    stamp = canonical_mark.canonical_stamp()
    assert stamp is not None
    assert canonical_mark.mark("{}") != canonical_mark.mark("{ }")
    assert canonical_mark.is_marked("{}", canonical_mark.mark("{}"))
    assert not canonical_mark.is_marked("{}", None)
    assert not canonical_mark.is_marked("{}", "1-0000000000000000:" + "0" * 8)


@pytest.mark.slow
@given(st.text(max_size=60))
def test_fast_guid_is_genankis(question_id: str) -> None:
    assert exporters.anki_guid_fast(question_id) == exporters.anki_guid(question_id)


@given(st.text(alphabet=st.sampled_from(list("ab &<>\"'\n{}:_")), max_size=30))
def test_fast_escapes_are_the_plain_ones(text: str) -> None:
    assert exporters._field_fast(text) == exporters._field(text)
    assert exporters._h_fast(text) == exporters._h(text)
    assert exporters._cloze_safe_fast(text) == exporters._cloze_safe(text)


def test_note_fields_from_json_are_anki_note_s() -> None:
    from quizmaster.generate import BLANK as blank

    models = exporters._models()
    _, seeded_questions = seeded_deck(9, 10)
    for q in [*QUESTIONS, *one_of_each_kind().values(), *seeded_questions]:
        note = exporters.anki_note(q, models)
        name, fields, tags = exporters.anki_note_fields(json.loads(q.model_dump_json()), blank)
        assert (models[name], fields, tags) == (note.model, note.fields, list(note.tags))


@given(st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=30))
def test_the_export_s_printable_check_is_isprintable(text: str) -> None:
    from quizmaster.store import _printable

    assert _printable(text, text.encode("utf-8")) == text.isprintable()


@pytest.mark.parametrize("text", ["plain", "tab\there", "bell\x07", "del\x7f", "é", "\x85", ""])
def test_the_export_s_printable_check_on_edges(text: str) -> None:
    from quizmaster.store import _printable

    assert _printable(text, text.encode("utf-8")) == text.isprintable()


@given(
    texts=st.lists(st.text(alphabet=list("ab &<>\"'\n{}:_"), max_size=12), min_size=6, max_size=6),
    answer_is_an_option=st.booleans(),
)
@pytest.mark.slow
def test_note_fields_escape_every_text_as_anki_note_does(
    texts: list[str], answer_is_an_option: bool
) -> None:
    """The note fields from a question's JSON skip escaping only when no text needs it: with
    HTML's and cloze's special characters anywhere they are still anki_note's fields."""
    from quizmaster.generate import BLANK as blank

    models = exporters._models()
    for q in one_of_each_kind().values():
        update: dict[str, Any] = {
            "prompt": texts[0] + (blank if q.kind == "cloze" else "") + texts[1],
            "answer": texts[2],
            "explanation": texts[3],
            "id": texts[4] or "id",
        }
        if q.kind in ("mcq", "statements", "match"):
            update["choices"] = [texts[5], texts[2] + "x", *q.choices]
        options = q.model_copy(update=update).options
        if answer_is_an_option and options:
            update["answer"] = options[-1]
        changed = q.model_copy(update=update)
        note = exporters.anki_note(changed, models)
        name, fields, tags = exporters.anki_note_fields(changed.model_dump(mode="json"), blank)
        assert (models[name], fields, tags) == (note.model, note.fields, list(note.tags)), q.kind


def test_fast_guid_drops_leading_zero_digits_as_genanki_does() -> None:
    ids = [f"fact-{n:06d}:mcq:v2" for n in range(3000)]
    guids = [exporters.anki_guid_fast(i) for i in ids]
    assert guids == [exporters.anki_guid(i) for i in ids]
    assert any(len(g) < 10 for g in guids)  # some hashes start with a zero digit ("a")


def test_the_anki_export_s_cloze_blank_is_the_generator_s() -> None:
    from quizmaster.generate import BLANK

    assert exporters.CLOZE_BLANK == BLANK


def test_notes_with_no_card_or_several_get_their_cards_row_by_row(
    seeded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch of notes with one card each has its cards made in SQL; a note with none or
    several (not from our note types' rules today, but genanki's) switches its batch to rows
    written one by one: every card still gets the id after its note's (or its previous
    card's), its ord, its note's deck and genanki's other values."""
    reference = tmp_path / "reference.apkg"
    export(seeded, "apkg", now=NOW, output=reference)
    (tmp_path / "a").mkdir()
    plain = apkg_rows(reference, tmp_path / "a")
    deck_of = {n[1]: next(c[2] for c in plain["cards"] if c[1] == n[0]) for n in plain["notes"]}
    pattern = [[0]] * 7 + [[], [0, 1], [0], [1]]  # 11 notes: not in step with batches of 3

    def every_few(models: dict[str, Any]) -> Any:
        calls = iter(range(10**6))
        return lambda model, fields: list(pattern[next(calls) % len(pattern)])

    monkeypatch.setattr(exporters, "_card_ords_for", every_few)
    monkeypatch.setattr(exporters, "NOTE_BATCH", 3)
    varied = tmp_path / "varied.apkg"
    export(seeded, "apkg", now=NOW, output=varied)
    (tmp_path / "b").mkdir()
    rows = apkg_rows(varied, tmp_path / "b")
    assert [n[1:] for n in rows["notes"]] == [n[1:] for n in plain["notes"]]
    expected = []
    for n, (note_id, guid, *_) in enumerate(rows["notes"]):
        for k, card_ord in enumerate(pattern[n % len(pattern)]):
            expected.append((note_id + 1 + k, note_id, deck_of[guid], card_ord))
    assert [c[:4] for c in rows["cards"]] == expected
    assert {c[4:] for c in rows["cards"]} == {c[4:] for c in plain["cards"]}
    assert len(rows["cards"]) > len(plain["cards"]) // 2


def test_the_bulk_marker_marks_as_mark_does(monkeypatch: pytest.MonkeyPatch) -> None:
    mark = canonical_mark.marker()
    for text in ("", '{"id":"a"}', "é😀\n"):
        assert mark(text) == canonical_mark.mark(text) is not None
    monkeypatch.setattr(canonical_mark, "_STAMP", [None])  # sources unreadable: no mark at all
    assert canonical_mark.marker()("x") is None is canonical_mark.mark("x")


class _NeverKeeps(dict):  # type: ignore[type-arg]
    """A cache that is always full: every lookup misses and nothing is kept."""

    def __len__(self) -> int:
        return 10**9


def test_notes_keep_their_own_tags_when_the_tag_cache_is_full(
    seeded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the cache's bound every note's tag list is a new list, freed after its note (so
    its address is soon another list's): each note still gets its own tags' text."""
    reference = tmp_path / "reference.apkg"
    write_apkg(collect(seeded), reference, now=NOW)
    monkeypatch.setattr(exporters, "_TAGS", _NeverKeeps())
    monkeypatch.setattr(exporters, "TAG_TEXTS", 1)
    streamed = tmp_path / "streamed.apkg"
    export(seeded, "apkg", now=NOW, output=streamed)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    expected = apkg_rows(reference, tmp_path / "a")
    assert len({n[5] for n in expected["notes"]}) > 3  # several different tag texts
    assert apkg_rows(streamed, tmp_path / "b") == expected
