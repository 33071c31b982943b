"""The deck indexes of the generator give the questions a brute-force search gives."""

from __future__ import annotations

import difflib
import importlib.util
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from quizmaster.facts_file import load_facts_file
from quizmaster.generate import DeckIndex, generate_questions, questions_for_fact
from quizmaster.generate import distractors as generate_distractors
from quizmaster.generate import per_fact as generate_per_fact
from quizmaster.generate import text as generate_text
from quizmaster.models import Fact, KeySpan, SpanType
from quizmaster.paths import builtin_deck_path

BENCH = Path(__file__).parent.parent / "bench" / "make_collection.py"


def brute_deck_candidates(index: DeckIndex, fact: Fact, answer: str, span: KeySpan) -> list[str]:
    """The deck tier as first written: every same-typed span, compared with difflib."""
    key = (fact.id, answer, span.text, span.type.value)
    if key in index.deck_drawn:
        return index.deck_drawn[key]
    deck: list[str] = index.deck_drawn.setdefault(key, [])
    template = index.templates.get((fact.id, span.text)) or generate_distractors._template(
        fact.statement, answer
    )
    for other_fact, other in index.by_type.get(span.type, []):
        if other_fact.id == fact.id or not generate_distractors._same_form(
            span.type, other.text, answer
        ):
            continue
        other_template = index.templates[(other_fact.id, other.text)]
        if difflib.SequenceMatcher(None, template, other_template).ratio() < 0.6:
            deck.append(other.text)
    return deck


def brute_ambiguous_blank(index: DeckIndex, fact: Fact, span: KeySpan) -> bool:
    """ambiguous_blank as first written: every fact of the deck, full difflib ratios."""
    siblings = [
        (other_fact, other)
        for other_fact in index.facts
        if other_fact.topic == fact.topic and other_fact.id != fact.id
        for other in other_fact.spans
        if other.type is span.type and not generate_text.contains_words(fact.statement, other.text)
    ]
    if span.type in generate_per_fact.LIST_TYPES and generate_per_fact.listed_with_others(
        fact, span
    ):
        return True
    if not siblings:
        return False
    template = index.templates.get((fact.id, span.text)) or generate_distractors._template(
        fact.statement, span.text
    )
    for other_fact, other in siblings:
        other_template = index.templates.get((other_fact.id, other.text), [])
        if difflib.SequenceMatcher(None, template, other_template).ratio() >= 0.9:
            return True
    if span.type not in generate_per_fact.LIST_TYPES:
        return False
    rest = generate_text.replace_span(fact.statement, span.text, " ")
    if generate_per_fact.LIST_CUES.search(rest):
        return True
    return any(
        generate_text.contains_words(other_fact.statement, span.text)
        and generate_per_fact.PARTNER_CUES.search(other_fact.statement)
        for other_fact, _ in siblings
    )


def dumped(facts: list[Fact]) -> list[dict[str, Any]]:
    return [q.model_dump() for q in generate_questions(facts)]


def brute_force(facts: list[Fact], monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    with monkeypatch.context() as patch:
        patch.setattr(generate_distractors, "_deck_candidates", brute_deck_candidates)
        patch.setattr(generate_per_fact, "ambiguous_blank", brute_ambiguous_blank)
        return dumped(facts)


def load_synthetic() -> Any:
    spec = importlib.util.spec_from_file_location("make_collection", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_collection", module)
    spec.loader.exec_module(module)
    return module


def mixed_deck(seed: int) -> list[Fact]:
    """30-60 built-in facts in a seeded order, crowded into a few topics (many siblings),
    plus look-alike facts sharing names, places and dates with each other."""
    rng = random.Random(seed)
    builtin = load_facts_file(builtin_deck_path()).resolved_facts()
    picked = rng.sample(builtin, rng.randint(min(15, len(builtin)), min(40, len(builtin))))
    facts = [
        f.model_copy(update={"id": f"b{seed}-{i}", "topic": f"T{rng.randrange(3)}"})
        for i, f in enumerate(picked)
    ]
    people = ["Asha Rao", "Vikram Sethi", "Meera Nair", "Arjun Das"]
    places = ["Kazan", "New Delhi", "Pune", "Chennai", "Geneva"]
    # The built-in deck has 8 facts or more; look-alikes make up the rest of 30.
    for i in range(rng.randint(10, 20) + max(0, 20 - len(picked))):
        person, place = rng.choice(people), rng.choice(places)
        year = str(rng.choice([2019, 2021, 2023, 2025]))
        verb = rng.choice(["chaired the summit", "opened the new port", "signed the accord"])
        facts.append(
            Fact(
                id=f"s{seed}-{i}",
                statement=f"In {year} {person} {verb} held in {place}.",
                spans=[
                    KeySpan(text=person, type=SpanType.PERSON),
                    KeySpan(text=place, type=SpanType.PLACE),
                    KeySpan(text=year, type=SpanType.DATE),
                ],
                topic=f"T{rng.randrange(3)}",
            )
        )
    return facts


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(6))
def test_indexed_generation_equals_brute_force(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    facts = mixed_deck(seed)
    assert 30 <= len(facts) <= 60
    indexed = dumped(facts)
    reference = brute_force(facts, monkeypatch)
    assert indexed == reference
    assert any(q["kind"] == "mcq" for q in indexed)


@pytest.mark.slow
def test_synthetic_deck_equals_brute_force(monkeypatch: pytest.MonkeyPatch) -> None:
    facts = load_synthetic().synthetic_facts(60)
    assert dumped(facts) == brute_force(facts, monkeypatch)


def test_ratio_threshold_matches_difflib() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        words = [str(x) for x in range(rng.randint(1, 8))]
        a = [rng.choice(words) for _ in range(rng.randint(0, 12))]
        b = [rng.choice(words) for _ in range(rng.randint(0, 12))]
        matcher = difflib.SequenceMatcher(None, [], b)
        for threshold in (0.6, 0.9):
            want = difflib.SequenceMatcher(None, a, b).ratio() >= threshold
            assert generate_distractors._ratio_at_least(matcher, a, threshold) == want
            bounded = generate_distractors._ratio_at_least(
                matcher, a, threshold, frozenset(a), frozenset(b)
            )
            assert bounded == want


@pytest.mark.slow
def test_large_synthetic_deck_is_deterministic() -> None:
    facts = load_synthetic().synthetic_facts(2000, distractors=True)
    first = dumped(facts)
    second = dumped(list(facts))
    assert first == second
    assert len({q["id"] for q in first}) == len(first)
    # What the builders offer over the deck indexes, before the gate: large and stable too.
    index = DeckIndex.build(facts)
    offered = [q.model_dump() for f in facts for q in questions_for_fact(f, index)]
    again = DeckIndex.build(list(facts))
    assert offered == [q.model_dump() for f in facts for q in questions_for_fact(f, again)]
    assert len(offered) > 2 * len(facts)
    # One question per fact at most, however large the deck.
    single = [q["fact_id"] for q in first if q["kind"] not in ("statements", "match")]
    assert len(single) == len(set(single))


@pytest.mark.parametrize("title", ["Shri", "Pu", "Dr.", "Smt"])
def test_a_title_goes_with_the_name_it_stood_before(title: str) -> None:
    statement = f"{title} Ravi Lal was sworn in as the Governor of Norland in 2031."
    blanked = generate_text.replace_span(statement, "Ravi Lal", "_____")
    assert blanked == "_____ was sworn in as the Governor of Norland in 2031."
    inside = generate_text.replace_span("The Shri Ram Centre opened in 2031.", "Ram Centre", "X")
    assert inside == "The Shri X opened in 2031."  # a title inside a name is the name's
