from __future__ import annotations

from pathlib import Path

import pytest

from quizmaster.errors import InputFileError
from quizmaster.facts_file import dump_facts, load_facts_file
from quizmaster.paths import builtin_deck_path

GOOD_FACT = """\
  - id: a-fact
    statement: Paris is the capital of France.
    spans:
      - text: Paris
        type: place
"""


def write(tmp_path: Path, text: str, name: str = "facts.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(path: Path) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        load_facts_file(path)
    return info.value


def test_loads_valid_file_and_inherits_source(facts_yaml: Path) -> None:
    facts_file = load_facts_file(facts_yaml)
    assert facts_file.deck == "Small deck"
    facts = facts_file.resolved_facts()
    assert [f.id for f in facts] == ["capital-france", "summit-ordinal"]
    assert all(f.source and f.source.title == "A test article" for f in facts)
    assert facts[1].spans[0].text == "17th"


def test_builtin_deck_is_valid_and_large_enough() -> None:
    facts_file = load_facts_file(builtin_deck_path())
    facts = facts_file.resolved_facts()
    # Eight facts: the seed article holds no more that are examinable and leak no other key.
    assert len(facts) >= 8
    assert all(f.source is not None for f in facts)
    assert all(f.explanation for f in facts)
    assert sum(1 for f in facts if f.question) >= len(facts) // 2


def test_missing_field_names_line_and_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "deck: D\nfacts:\n" + GOOD_FACT + "  - id: second\n    spans:\n"
        "      - text: x\n        type: term\n",
    )
    err = error_for(path)
    assert err.line == 8
    assert str(err) == f"{path}:8: facts[1]: field 'statement' is required"


def test_duplicate_id_points_at_second_occurrence(tmp_path: Path) -> None:
    path = write(tmp_path, "deck: D\nfacts:\n" + GOOD_FACT + GOOD_FACT)
    err = error_for(path)
    assert err.line == 8
    assert "duplicate fact id 'a-fact' (first used by facts[0])" in str(err)


def test_span_not_in_statement(tmp_path: Path) -> None:
    path = write(tmp_path, "deck: D\nfacts:\n" + GOOD_FACT.replace("text: Paris", "text: Lyon"))
    err = error_for(path)
    assert err.line == 3
    assert "span 'Lyon' does not occur in the statement" in str(err)


def test_unknown_span_type(tmp_path: Path) -> None:
    path = write(tmp_path, "deck: D\nfacts:\n" + GOOD_FACT.replace("type: place", "type: city"))
    err = error_for(path)
    assert err.line == 7
    assert "facts[0].spans[0].type: 'city' is not a known value" in str(err)
    assert "'person'" in str(err)


def test_unknown_field_is_a_typo(tmp_path: Path) -> None:
    path = write(tmp_path, "deck: D\nfacts:\n" + GOOD_FACT + "    topik: Geography\n")
    err = error_for(path)
    assert "unknown field 'topik'" in str(err)
    assert err.line == 8


def test_broken_yaml_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "deck: D\nfacts:\n  - id: [unclosed\n")
    err = error_for(path)
    assert str(err).startswith(f"{path}:")
    assert "invalid YAML" in str(err)
    assert err.line is not None


def test_wrong_top_level_type(tmp_path: Path) -> None:
    err = error_for(write(tmp_path, "- just\n- a list\n"))
    assert "expected a mapping with 'deck' and 'facts'" in str(err)


def test_wrong_typed_value(tmp_path: Path) -> None:
    err = error_for(write(tmp_path, "deck: D\nfacts: hello\n"))
    assert err.line == 2
    assert "facts" in str(err)


def test_empty_file(tmp_path: Path) -> None:
    assert "file is empty" in str(error_for(write(tmp_path, "  \n")))


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in str(error_for(tmp_path / "nope.yaml"))


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "binary" in str(error_for(path))


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("deck: D\nfacts:\n  - id: caf\xe9\n".encode("latin-1"))
    err = error_for(path)
    assert err.line == 3
    assert "not valid UTF-8" in str(err)


def test_question_without_answer(tmp_path: Path) -> None:
    path = write(tmp_path, "deck: D\nfacts:\n" + GOOD_FACT + "    question: Capital of France?\n")
    assert "field 'answer' is required when 'question' is given" in str(error_for(path))


def test_bad_id(tmp_path: Path) -> None:
    path = write(tmp_path, "deck: D\nfacts:\n" + GOOD_FACT.replace("a-fact", "A Fact"))
    err = error_for(path)
    assert err.line == 3
    assert "facts[0].id" in str(err)


def test_unsafe_yaml_tags_are_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "deck: !!python/object/apply:os.system ['echo hi']\nfacts: []\n")
    assert "invalid YAML" in str(error_for(path))


def test_dump_round_trips(facts_yaml: Path, tmp_path: Path) -> None:
    facts_file = load_facts_file(facts_yaml)
    again = write(tmp_path, dump_facts(facts_file.deck, facts_file.facts), "again.yaml")
    assert load_facts_file(again).facts == facts_file.facts
