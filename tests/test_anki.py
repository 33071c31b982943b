"""Our .apkg files checked in the real Anki library, and Anki's own packages imported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quizmaster import importers
from quizmaster.errors import InputFileError
from quizmaster.exporters import anki_guid, collect, write_apkg
from quizmaster.importers import import_path
from quizmaster.models import ShortAnswerQuestion
from quizmaster.store import Store
from tests.helpers.exchange_deck import DECK, FACTS, QUESTIONS
from tests.helpers.pinned import NOW

anki_collection = pytest.importorskip("anki.collection")


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Any]:
    (tmp_path / "anki").mkdir()
    collection = anki_collection.Collection(str(tmp_path / "anki" / "collection.anki2"))
    yield collection
    collection.close()


def anki_import(col: Any, package: Path) -> Any:
    request = anki_collection.ImportAnkiPackageRequest(
        package_path=str(package),
        options=anki_collection.ImportAnkiPackageOptions(with_scheduling=False),
    )
    return col.import_anki_package(request)


def notes_by_guid(col: Any) -> dict[str, Any]:
    return {n.guid: n for n in (col.get_note(nid) for nid in col.find_notes(""))}


def exported(store: Store, path: Path, now: dt.datetime = NOW) -> Path:
    write_apkg(collect(store, deck=DECK), path, now=now)
    return path


@pytest.fixture
def deck_store(store: Store) -> Store:
    store.load_deck(DECK, FACTS, QUESTIONS, now=NOW)
    return store


def test_apkg_in_anki_notes_cards_fields_tags_and_decks(
    deck_store: Store, col: Any, tmp_path: Path
) -> None:
    anki_import(col, exported(deck_store, tmp_path / "deck.apkg"))
    assert col.note_count() == len(QUESTIONS)
    assert col.card_count() == len(QUESTIONS)  # one card per note, the cloze has one deletion
    assert "quizmaster::Exchange <deck> & co" in [d.name for d in col.decks.all_names_and_ids()]
    notes = notes_by_guid(col)
    assert set(notes) == {anki_guid(q.id) for q in QUESTIONS}

    short = notes[anki_guid("mou-venue:short_answer:tel-aviv")]
    assert short.note_type()["name"] == "quizmaster basic"
    assert short["Question"] == "In which city was the &quot;defence&quot; MoU signed?"
    assert short["Answer"] == "Tel Aviv"
    assert short["QuizmasterId"] == "mou-venue:short_answer:tel-aviv"
    assert sorted(short.tags) == ["mou", "venue"]

    cloze = notes[anki_guid("mou-venue:cloze:israel")]
    assert cloze.note_type()["name"] == "quizmaster cloze"
    assert cloze["Text"] == "The &quot;defence&quot; MoU was signed in Tel Aviv, {{c1::Israel}}."

    mcq = notes[anki_guid("mou-venue:mcq:tel-aviv")]
    assert mcq.note_type()["name"] == "quizmaster mcq"
    assert mcq["Question"] == "Where was the MoU signed? &lt;script&gt;alert(1)&lt;/script&gt;"
    assert mcq["Options"] == "(a) Haifa<br>(b) Tel Aviv<br>(c) Eilat &amp; Acre<br>(d) =1+1"
    assert mcq["Answer"] == "(b) Tel Aviv"
    assert sorted(mcq.tags) == ["mou", "tricky_tag"]

    statements = notes[anki_guid("jwg-count:statements:pair")]
    assert statements["Question"] == (
        "Consider the following statements:<br>1. The JWG met in 2025.<br>"
        "2. The MoU was signed in Haifa."
    )
    # The rendered card shows the cloze blank and, on the back, the answer.
    card = col.get_card(col.find_cards(f"nid:{cloze.id}")[0])
    assert "[...]" in card.question() and "Israel" in card.answer()


@pytest.mark.slow
def test_reimporting_an_updated_export_updates_notes_instead_of_duplicating(
    deck_store: Store, col: Any, tmp_path: Path
) -> None:
    anki_import(col, exported(deck_store, tmp_path / "v1.apkg"))
    changed = QUESTIONS[0]
    assert isinstance(changed, ShortAnswerQuestion)
    updated = [changed.model_copy(update={"answer": "Tel Aviv-Yafo"}), *QUESTIONS[1:]]
    deck_store.load_deck(DECK, FACTS, updated, now=NOW)
    later = NOW + dt.timedelta(hours=1)
    anki_import(col, exported(deck_store, tmp_path / "v2.apkg", now=later))
    assert col.note_count() == len(QUESTIONS)
    assert col.card_count() == len(QUESTIONS)
    names = [m.name for m in col.models.all_names_and_ids()]
    assert sorted(n for n in names if n.startswith("quizmaster")) == [
        "quizmaster basic",
        "quizmaster cloze",
        "quizmaster mcq",
    ]
    assert notes_by_guid(col)[anki_guid(changed.id)]["Answer"] == "Tel Aviv-Yafo"


@pytest.mark.slow
def test_anki_own_export_imports_basic_and_cloze_notes(
    col: Any, tmp_path: Path, db_path: Path
) -> None:
    deck_id = col.decks.id("Polity::Constitution")
    basic = col.new_note(col.models.by_name("Basic"))
    basic["Front"] = "Article 370 applied to <b>which</b> state?"
    basic["Back"] = "Jammu &amp; Kashmir"
    basic.tags = ["polity", "articles"]
    col.add_note(basic, deck_id)
    cloze = col.new_note(col.models.by_name("Cloze"))
    cloze["Text"] = "The {{c1::Preamble}} was amended in {{c2::1976::year}}."
    cloze["Back Extra"] = "42nd Amendment"
    col.add_note(cloze, deck_id)
    image_only = col.new_note(col.models.by_name("Basic"))
    image_only["Front"] = '<img src="map.png">'
    image_only["Back"] = "Kerala"
    col.add_note(image_only, deck_id)
    package = tmp_path / "polity.apkg"
    col.export_anki_package(
        out_path=str(package),
        options=anki_collection.ExportAnkiPackageOptions(
            with_scheduling=False, with_deck_configs=False, with_media=False, legacy=True
        ),
        limit=None,
    )
    with Store.open(tmp_path / "other.db", now=NOW) as store:
        result = import_path(store, package, now=NOW)
        assert [r.deck for r in result.decks] == ["Polity::Constitution"]
        assert len(result.skipped) == 1 and "empty front or back" in result.skipped[0]
        questions = {q.question.kind: q.question for q in store.questions()}
        assert [q.question.kind for q in store.questions()].count("cloze") == 2
        short = questions["short_answer"]
        assert short.prompt == "Article 370 applied to which state?"
        assert short.answer == "Jammu & Kashmir"
        assert sorted(short.tags) == ["articles", "polity"]
        clozes = {q.question.variant: q.question for q in store.questions(kind="cloze")}
        assert clozes["c1"].prompt == "The _____ was amended in 1976."
        assert clozes["c1"].answer == "Preamble"
        assert clozes["c2"].prompt == "The Preamble was amended in _____ (year)."
        assert clozes["c2"].answer == "1976"
        assert clozes["c2"].explanation == "42nd Amendment"
        # Importing the same package again changes nothing (ids follow the note GUIDs).
        again = import_path(store, package, now=NOW)
        assert again.decks[0].questions_added == [] and again.decks[0].facts_added == []
        assert len(again.decks[0].questions_unchanged) == 3


def test_our_apkg_into_a_fresh_database_becomes_basic_and_cloze_questions(
    deck_store: Store, tmp_path: Path
) -> None:
    package = exported(deck_store, tmp_path / "deck.apkg")
    with Store.open(tmp_path / "fresh.db", now=NOW) as fresh:
        result = import_path(fresh, package, now=NOW)
        assert [r.deck for r in result.decks] == [DECK]
        kinds = sorted(q.question.kind for q in fresh.questions())
        assert kinds == ["cloze"] + ["short_answer"] * 5
        mcq = next(q.question for q in fresh.questions() if q.question.prompt.startswith("Where"))
        assert mcq.prompt.splitlines()[1:] == [
            "(a) Haifa",
            "(b) Tel Aviv",
            "(c) Eilat & Acre",
            "(d) =1+1",
        ]
        assert mcq.answer == "(b) Tel Aviv"
    # Into the database it came from, the notes are recognised and nothing is copied.
    result = import_path(deck_store, package, now=NOW)
    assert (
        result.decks == [] and "6 notes exported by quizmaster are already here" in result.skipped
    )


def test_export_command_writes_a_package_anki_opens(col: Any, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quizmaster.cli import app

    package = tmp_path / "mou.apkg"
    result = CliRunner().invoke(app, ["export", "--format", "apkg", "-o", str(package)])
    assert result.exit_code == 0, result.stderr
    anki_import(col, package)
    stored = CliRunner().invoke(app, ["questions", "list", "--json"]).stdout
    assert col.note_count() == col.card_count() == stored.count('"id":')
    deck = "quizmaster::India–Israel Defence MoU 2025"
    assert len(col.find_notes(f'"deck:{deck}"')) == col.note_count()


def test_anki_current_package_format_zstd_collection(
    col: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = col.new_note(col.models.by_name("Basic"))
    note["Front"], note["Back"] = "Capital of Kerala?", "Thiruvananthapuram"
    col.add_note(note, col.decks.id("States"))
    cloze = col.new_note(col.models.by_name("Cloze"))
    cloze["Text"] = "{{c1::Kochi}} has the first water metro."
    col.add_note(cloze, col.decks.id("States"))
    package = tmp_path / "modern.apkg"
    col.export_anki_package(
        out_path=str(package),
        options=anki_collection.ExportAnkiPackageOptions(
            with_scheduling=False, with_deck_configs=False, with_media=False, legacy=False
        ),
        limit=None,
    )
    with Store.open(tmp_path / "other.db", now=NOW) as store:
        # The zstd stream is capped like any other member.
        monkeypatch.setattr(importers, "MAX_COLLECTION_BYTES", 4096)
        with pytest.raises(InputFileError, match="larger than 4,096 bytes when unpacked"):
            import_path(store, package, now=NOW)
        monkeypatch.undo()
        result = import_path(store, package, now=NOW)
        assert [r.deck for r in result.decks] == ["States"]
        got = sorted(
            (q.question.kind, q.question.prompt, q.question.answer) for q in store.questions()
        )
        assert got == [
            ("cloze", "_____ has the first water metro.", "Kochi"),
            ("short_answer", "Capital of Kerala?", "Thiruvananthapuram"),
        ]


def test_braces_in_cloze_text_cannot_make_extra_deletions(
    store: Store, col: Any, tmp_path: Path
) -> None:
    from quizmaster.models import ClozeQuestion, Fact, KeySpan, SpanType

    fact = Fact(
        id="braces",
        statement="Write {{c2::y}} and a::b}} here.",
        spans=[KeySpan(text="a::b}}", type=SpanType.TERM)],
    )
    question = ClozeQuestion(
        id="braces:cloze:x",
        fact_id="braces",
        variant="x",
        prompt="Write {{c2::y}} and _____ here.",
        answer="a::b}}",
    )
    store.load_deck("Braces", [fact], [question], now=NOW)
    package = tmp_path / "braces.apkg"
    write_apkg(collect(store), package, now=NOW)
    anki_import(col, package)
    assert col.card_count() == 1
    [note] = notes_by_guid(col).values()
    assert note["Text"] == (
        "Write &#123;&#123;c2:&#58;y&#125;&#125; and {{c1::a:&#58;b&#125;&#125;}} here."
    )
    card = col.get_card(col.find_cards("")[0])
    assert "[...]" in card.question() and "a:&#58;b&#125;&#125;" in card.answer()


def anki_notes(package: Path, folder: Path) -> list[tuple[Any, ...]]:
    """Every note of ``package`` as a fresh Anki collection reads it: GUID, note type, fields,
    tags, and the deck and ord of each of its cards."""
    folder.mkdir()
    collection = anki_collection.Collection(str(folder / "collection.anki2"))
    try:
        anki_import(collection, package)
        notes = []
        for nid in collection.find_notes(""):
            note = collection.get_note(nid)
            cards = [collection.get_card(c) for c in collection.find_cards(f"nid:{nid}")]
            decks = sorted((collection.decks.name(c.did), c.ord) for c in cards)
            fields = tuple(note.fields)
            notes.append((note.guid, note.note_type()["name"], fields, sorted(note.tags), decks))
        return sorted(notes)
    finally:
        collection.close()


def test_the_streamed_export_reads_in_anki_as_the_reference_package(
    store: Store, tmp_path: Path
) -> None:
    """The export command's package (rows written straight into Anki's tables) and genanki's
    package of the same questions read the same in Anki: every kind, HTML and cloze
    characters, several decks, tags with spaces."""
    from quizmaster.exporters import export
    from tests.helpers.kind_decks import kind_facts, one_of_each_kind

    store.load_deck(DECK, FACTS, QUESTIONS, now=NOW)
    each = one_of_each_kind()
    facts = {f.id: f for kind in each for f in kind_facts(kind)}
    store.load_deck("Kinds", list(facts.values()), list(each.values()), now=NOW)
    reference, streamed = tmp_path / "reference.apkg", tmp_path / "streamed.apkg"
    write_apkg(collect(store), reference, now=NOW)
    export(store, "apkg", now=NOW, output=streamed)
    expected = anki_notes(reference, tmp_path / "a")
    assert len(expected) == len(QUESTIONS) + len(each)
    assert {n[1] for n in expected} == {"quizmaster basic", "quizmaster mcq", "quizmaster cloze"}
    assert anki_notes(streamed, tmp_path / "b") == expected
