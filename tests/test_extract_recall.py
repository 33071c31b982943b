"""Recall on real article shapes: list items, facts-section bullets, restatements."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizmaster.extract import enumerations, extract_facts, find_spans
from quizmaster.generate import DeckIndex, generate_questions
from quizmaster.generate.per_fact import ambiguous_blank, questions_for_fact
from quizmaster.models import SpanType
from quizmaster.sources import read_file

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
ROADMAP = ARTICLES / "india-japan-defence-roadmap.txt"
SEED = Path("/work/shared/articles/india-israel-defence-mou-2025.txt")


def items(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in enumerations(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Emphasis is on emerging technologies such as quantum computing, robotics, "
            "space technology, and artificial intelligence.",
            ["quantum computing", "robotics", "space technology", "artificial intelligence"],
        ),
        (
            "Key areas include AI, cybersecurity, and advanced weapons technology.",
            ["AI", "cybersecurity", "advanced weapons technology"],
        ),
        (
            "The pact focuses on technology sharing, co-development, and co-production of "
            "defence systems.",
            ["technology sharing", "co-development", "co-production"],
        ),
        (
            "It is a step in advancing joint research, co-production and co-development.",
            ["joint research", "co-production", "co-development"],
        ),
        (
            "They agreed to work with an emphasis on maritime security and disaster relief.",
            ["maritime security", "disaster relief"],
        ),
        ("The sites are in Delhi, Mumbai and Pune.", ["Delhi", "Mumbai", "Pune"]),
    ],
)
def test_enumerations_give_their_items(sentence: str, expected: list[str]) -> None:
    assert items(sentence) == expected
    found = {s.text for s in find_spans(sentence)}
    assert set(expected) <= found


@pytest.mark.parametrize(
    "sentence",
    [
        "She said the plan was big, bold and new.",
        "They backed a free, open and inclusive Indo-Pacific.",
        "The rocket was built, tested and launched.",
        "He met the minister and the secretary.",  # two items, no cue: no list
    ],
)
def test_qualities_and_verbs_are_no_list(sentence: str) -> None:
    assert items(sentence) == []


def test_every_facts_section_bullet_becomes_a_fact() -> None:
    text = (
        "Pact Signed\n"
        "Exam Oriented Facts\n"
        "- The agreement focuses on technology sharing, co-development, and co-production.\n"
        "- Key collaboration areas include AI, cybersecurity, and robotics.\n"
        "- The meeting was held in Tel Aviv.\n"
        "- Cooperation is good for everyone.\n"
    )
    statements = [f.statement for f in extract_facts(text).facts]
    assert statements == [
        "The agreement focuses on technology sharing, co-development, and co-production.",
        "Key collaboration areas include AI, cybersecurity, and robotics.",
        "The meeting was held in Tel Aviv.",
    ]


def test_a_restatement_asks_only_what_is_new() -> None:
    text = (
        "Dialogue Held\n"
        "The 9th Defence Policy Dialogue was held in New Delhi in October 2025, where the "
        "two sides reviewed joint projects, military training and logistics.\n"
        "Exam Oriented Facts\n"
        "- The 9th Defence Policy Dialogue was held in New Delhi in October 2025.\n"
    )
    facts = extract_facts(text).facts
    answers = [s.text for f in facts for s in f.spans]
    assert answers.count("New Delhi") == 1 and answers.count("9th") == 1
    body = next(f for f in facts if "reviewed" in f.statement)
    assert [s.text for s in body.spans] == ["joint projects", "military training", "logistics"]
    # With nothing new, a restatement is dropped.
    assert len(extract_facts(text.replace(", military training and logistics", "")).facts) == 1


def test_both_officials_and_both_sides_are_named() -> None:
    text = (
        "Pact Signed\n"
        "India and Japan signed a roadmap in New Delhi.\n"
        "The MoU was signed by Defence Secretary Rajesh Kumar Singh and Vice Minister "
        "Hiroshi Kawamura.\n"
        "Both officials co-chaired the 7th Defence Policy Dialogue (DPD) in New Delhi.\n"
        "Both sides placed emphasis on maritime security and disaster relief in 2025.\n"
    )
    statements = [f.statement for f in extract_facts(text).facts]
    assert (
        "Rajesh Kumar Singh and Hiroshi Kawamura co-chaired the 7th Defence Policy Dialogue "
        "(DPD) in New Delhi." in statements
    )
    assert "India and Japan placed emphasis on maritime security and disaster relief in 2025." in (
        statements
    )


def test_unresolved_references_and_opinion_are_skipped() -> None:
    text = (
        "Opinion Piece\n"
        "Both sides hailed the pact signed in Paris in 2024.\n"
        "In my view the pact signed in Rome in 2023 was a mistake.\n"
    )
    assert extract_facts(text).facts == []


def test_list_items_are_asked_as_mcqs_not_typed_blanks() -> None:
    text = (
        "India and Japan Sign Roadmap\n"
        "India and Japan signed a defence industry roadmap in New Delhi in 2025.\n"
        "The 2025 roadmap stresses emerging technologies such as quantum computing, "
        "semiconductors, space technology and artificial intelligence.\n"
    )
    facts = extract_facts(text).facts
    (fact,) = [f for f in facts if "such as" in f.statement]
    index = DeckIndex.build(facts)
    chips = [s for s in fact.spans if s.text == "semiconductors"]
    assert chips and ambiguous_blank(index, fact, chips[0])
    # Every question the builders offer for it (the ranking then keeps one per fact) ...
    offered = [q for q in questions_for_fact(fact, index) if q.answer == "semiconductors"]
    assert offered and {q.kind for q in offered} <= {"mcq"}
    # ... and whatever the deck keeps that asks for it.
    kept = [q for q in generate_questions(facts) if q.answer == "semiconductors"]
    asked = offered + kept
    assert {q.kind for q in asked} <= {"mcq", "match"}
    assert all("what," not in q.prompt for q in asked)


def test_exercises_listed_with_a_known_exercise_are_events() -> None:
    article = read_file(ROADMAP)
    facts = extract_facts(article.text, title=article.title).facts
    kinds = {s.text: s.type for f in facts for s in f.spans}
    assert kinds["JIMEX"] is SpanType.EVENT and kinds["Veer Guardian"] is SpanType.EVENT


def test_a_prize_goes_to_a_person_named_after_a_nationality_and_calling() -> None:
    spans = find_spans("The 2031 Reef Prize in Poetry was awarded to Fijian poet Asha Devi Rao.")
    assert ("Asha Devi Rao", SpanType.PERSON) in [(s.text, s.type) for s in spans]
    assert "Fijian" not in [s.text for s in spans if s.type is SpanType.PERSON]
    assert "Poetry" not in [s.text for s in spans if s.type is SpanType.PLACE]  # a field


def test_a_middle_initial_without_its_stop_stays_in_the_name() -> None:
    spans = find_spans("Admiral Ravi K Sen took over as the 26th Chief of the Naval Staff.")
    assert ("Ravi K Sen", SpanType.PERSON) in [(s.text, s.type) for s in spans]


def test_a_list_of_exercises_is_a_list_of_events() -> None:
    spans = find_spans("Joint military exercises include Reef Shield, KAVEX and Coral Guard.")
    assert [(s.text, s.type) for s in spans] == [
        ("Reef Shield", SpanType.EVENT),
        ("KAVEX", SpanType.EVENT),
        ("Coral Guard", SpanType.EVENT),
    ]


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not on this machine")
def test_seed_article_gives_a_full_deck() -> None:
    article = read_file(SEED)
    facts = extract_facts(article.text, title=article.title).facts
    # Precision first: undated background sentences are no statements, so the 400-word seed
    # article gives its lead and its facts box (an article of 300+ words: at least five).
    assert 5 <= len(facts) <= 20
    statements = " ".join(f.statement for f in facts)
    assert "focuses on technology sharing" in statements
    assert "include AI, cybersecurity" in statements
