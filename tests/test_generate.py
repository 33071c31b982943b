from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from quizmaster.extract import extract_facts
from quizmaster.facts_file import load_facts_file
from quizmaster.generate import BLANK, DeckIndex, generate_questions, norm, questions_for_fact
from quizmaster.generate.match import match_questions
from quizmaster.generate.per_fact import ambiguous_blank, echoed, falsify
from quizmaster.generate.statement_sets import statements_question, topic_groups
from quizmaster.generate.values import nearby_values, numeric_key
from quizmaster.generate.wording import wh_prompt
from quizmaster.models import (
    Fact,
    KeySpan,
    MatchQuestion,
    McqQuestion,
    Question,
    SpanType,
)
from quizmaster.paths import builtin_deck_path
from tests.helpers.goldens import check_golden
from tests.helpers.kind_decks import KINDS_DIR
from tests.helpers.question_goldens import golden_text

GOLDEN = Path(__file__).parent / "golden" / "builtin_questions.md"


def builtin() -> tuple[list[Fact], list[Question]]:
    facts = load_facts_file(builtin_deck_path()).resolved_facts()
    return facts, generate_questions(facts)


def candidates(facts: list[Fact]) -> list[Question]:
    """Every question the per-fact builders make, before the gate and the ranking keep the
    best one per fact."""
    index = DeckIndex.build(facts)
    return [q for f in facts for q in questions_for_fact(f, index)]


def covered(questions: list[Question]) -> list[str]:
    """The facts the questions stand for (several for a statements or match question)."""
    return [f for q in questions for f in (getattr(q, "fact_ids", None) or [q.fact_id])]


def fact(statement: str, *spans: tuple[str, SpanType], **extra: object) -> Fact:
    return Fact.model_validate(
        {
            "id": extra.pop("id", "f"),
            "statement": statement,
            "spans": [{"text": t, "type": k.value} for t, k in spans],
            **extra,
        }
    )


# --- the built-in deck ----------------------------------------------------------------------


def test_builtin_deck_keeps_at_most_one_question_per_fact() -> None:
    facts, questions = builtin()
    assert len(facts) >= 8 and questions
    assert len(covered(questions)) == len(set(covered(questions)))
    assert set(covered(questions)) <= {f.id for f in facts}
    # A statements or match question covers only facts that kept no question of their own.
    own = {q.fact_id for q in questions if q.kind not in ("statements", "match")}
    for q in questions:
        if q.kind in ("statements", "match"):
            assert not own & set(covered([q])), q.id


def test_builtin_deck_asks_every_fact_once() -> None:
    facts, questions = builtin()
    assert sorted(covered(questions)) == sorted(f.id for f in facts)


def test_true_false_is_false_about_half_the_time() -> None:
    # The built-in deck and the article fixtures: enough true/false questions for a ratio.
    facts, _ = builtin()
    articles = Path(__file__).parent / "fixtures" / "articles"
    for path in sorted(articles.glob("*.txt")):
        facts += extract_facts(path.read_text(encoding="utf-8"), title=path.stem).facts
    made = candidates(facts)
    assert sum(q.kind == "true_false" for q in made) >= 50
    assert 0.3 < kinds_answer(made, "False") < 0.7


def kinds_answer(questions: list[Question], answer: str) -> float:
    tf = [q for q in questions if q.kind == "true_false"]
    return sum(q.answer == answer for q in tf) / len(tf)


def test_each_fact_has_a_one_liner_and_a_cloze_to_choose_from() -> None:
    facts = load_facts_file(builtin_deck_path()).resolved_facts()
    questions = candidates(facts)
    index = DeckIndex.build(facts)
    for f in facts:
        kinds = {q.kind for q in questions if q.fact_id == f.id}
        assert "true_false" in kinds and kinds & {"short_answer", "mcq"}, f.id
        # A cloze needs a span the rest of the statement does not spell out again, and that
        # no other item of a list in the deck could fill.
        if any(
            not echoed(f.statement, s.text) and not ambiguous_blank(index, f, s) for s in f.spans
        ):
            assert "cloze" in kinds, f.id


def test_golden_builtin_questions() -> None:
    """The reviewed questions of the built-in deck. After an intended change, regenerate
    with ``QUIZMASTER_REGEN_GOLDENS=1 pytest tests/test_generate.py`` and read the diff."""
    _, questions = builtin()
    check_golden(GOLDEN, golden_text("Questions generated from the built-in deck", questions))


def test_ids_are_stable_and_unique(facts_yaml: Path) -> None:
    facts = load_facts_file(facts_yaml).resolved_facts()
    first = generate_questions(facts)
    assert [q.model_dump() for q in first] == [q.model_dump() for q in generate_questions(facts)]
    assert len({q.id for q in first}) == len(first)
    made = candidates(facts)
    assert [q.model_dump() for q in made] == [q.model_dump() for q in candidates(facts)]
    assert {q.id for q in first} <= {q.id for q in made}
    ids = {q.id for q in made}
    # The ids of the foundation survive, so existing review history does.
    assert {
        "summit-ordinal:short_answer:hand",
        "summit-ordinal:short_answer:rabat",
        "summit-ordinal:cloze:17th",
        "capital-france:cloze:paris",
        "capital-france:short_answer:france",
    } <= ids


def test_cloze_blanks_the_span(facts_yaml: Path) -> None:
    facts = load_facts_file(facts_yaml).resolved_facts()
    cloze = next(q for q in candidates(facts) if q.id == "capital-france:cloze:paris")
    assert cloze.prompt == f"{BLANK} is the capital of France."
    assert cloze.answer == "Paris"


def test_no_prompt_gives_its_answer_away() -> None:
    _, questions = builtin()
    for q in questions:
        if q.kind != "true_false":
            assert q.answer.lower() not in q.prompt.lower(), q.id
        for alt in q.accepted:
            assert alt.lower() not in q.prompt.lower(), q.id


def test_mcq_options_are_four_distinct_with_one_right() -> None:
    facts, questions = builtin()
    mcqs = [q for q in [*questions, *candidates(facts)] if isinstance(q, McqQuestion)]
    assert len(mcqs) >= len(facts)
    for q in mcqs:
        assert len({norm(o) for o in q.choices}) == 4, q.id
        assert [norm(o) for o in q.choices].count(norm(q.answer)) == 1, q.id


# --- distractors ----------------------------------------------------------------------------


def test_ordinal_distractors_are_nearby_and_sorted() -> None:
    f = fact("The 17th BRICS summit was held in Rabat.", ("17th", SpanType.ORDINAL))
    (q,) = [q for q in candidates([f]) if isinstance(q, McqQuestion)]
    numbers = [int(o[:-2]) for o in q.choices]
    assert numbers == list(range(numbers[0], numbers[0] + 4))
    assert 17 in numbers
    assert q.prompt == "Which BRICS summit was held in Rabat?"


def test_date_and_number_distractors_keep_their_form() -> None:
    rng = random.Random(1)
    positions = set()
    for _ in range(20):
        dates = sorted(
            [*nearby_values("November 2025", rng), "November 2025"],
            key=lambda d: numeric_key(d) or (),
        )
        assert len(dates) == 4
        keys = [numeric_key(d) for d in dates]
        months = [int(k[0] * 12 + k[1]) for k in keys if k]
        years = {int(k[0]) for k in keys if k}
        consecutive_months = months == list(range(months[0], months[0] + 4))
        consecutive_years = {d.split()[0] for d in dates} == {"November"} and len(years) == 4
        assert consecutive_months or consecutive_years, dates
        positions.add(dates.index("November 2025"))
    assert positions == {0, 1, 2, 3}
    money = nearby_values("1,200 crore", rng)
    assert len(money) == 3 and all(m.endswith(" crore") for m in money)
    # Close rungs (x0.7 to x1.3): multiples would make the key the odd one out.
    values = [int(m.split()[0].replace(",", "")) for m in money]
    assert all(0.65 * 1200 <= v <= 1.35 * 1200 and v != 1200 for v in values), money
    assert nearby_values("8.2%", rng)[0].endswith("%")
    assert set(nearby_values("three decades", rng)) <= {
        f"{w} decades" for w in ("zero", "one", "two", "four", "five", "six")
    }


def test_gazetteer_supplies_same_typed_distractors() -> None:
    f = fact(
        "The 2024 conference was held in Jaipur, the capital of Rajasthan.",
        ("Jaipur", SpanType.PLACE),
        ("Rajasthan", SpanType.PLACE),
    )
    by_id = {q.id: q for q in candidates([f])}
    jaipur = by_id["f:mcq:jaipur"]
    assert isinstance(jaipur, McqQuestion)
    from quizmaster.word_lists import INDIAN_CITIES, INDIAN_STATE_CAPITALS

    cities = {*INDIAN_STATE_CAPITALS.values(), *INDIAN_CITIES}
    assert set(jaipur.choices) <= cities
    assert jaipur.prompt.endswith("in which city, the capital of Rajasthan?")


def test_facts_that_read_alike_never_supply_each_others_answer() -> None:
    # Places the gazetteer does not know, so only the deck can supply wrong answers.
    a = fact("The first fair was held in Rivertown.", ("Rivertown", SpanType.PLACE), id="a")
    b = fact("The second fair was held in Lakeside.", ("Lakeside", SpanType.PLACE), id="b")
    c = fact("Hillcrest signed the pact for its people.", ("Hillcrest", SpanType.PLACE), id="c")
    d = fact("Oakford lies on the river.", ("Oakford", SpanType.PLACE), id="d")
    e = fact("The treaty was drafted at Elmwood.", ("Elmwood", SpanType.PLACE), id="e")
    mcqs = [q for q in candidates([a, b, c, d, e]) if isinstance(q, McqQuestion)]
    first = next(q for q in mcqs if q.fact_id == "a")
    assert "Lakeside" not in first.choices
    assert {"Hillcrest", "Oakford", "Elmwood"} <= set(first.choices)


def test_falsified_numbers_respect_more_than() -> None:
    f = fact(
        "India and Israel have had close defence relations for more than three decades.",
        ("three decades", SpanType.NUMBER),
    )
    index = DeckIndex.build([f])
    for seed in range(20):
        changed = falsify(index, f, random.Random(seed))
        assert changed is not None
        assert changed.wrong.split()[0] in {"four", "five", "six"}, changed


def test_a_span_spelled_out_again_is_not_blanked() -> None:
    statement = "He holds the rank of Major General in the reserves, abbreviated Maj Gen (Res)."
    assert echoed(statement, "Major General")
    f = fact(statement, ("Major General", SpanType.ROLE))
    assert all(q.kind == "true_false" and q.answer == "True" for q in generate_questions([f]))


# --- wording --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "span", "kind", "expected"),
    [
        (
            "General Anil Chauhan serves as India's Chief of Defence Staff.",
            "Anil Chauhan",
            SpanType.PERSON,
            "Who serves as India's Chief of Defence Staff?",
        ),
        (
            "Ajit Doval is India's National Security Adviser.",
            "National Security Adviser",
            SpanType.ROLE,
            "Which post does Ajit Doval hold in India?",
        ),
        (
            "Sanjay Malhotra took charge as Governor of the Reserve Bank of India.",
            "Governor",
            SpanType.ROLE,
            "Sanjay Malhotra took charge in what capacity at the Reserve Bank of India?",
        ),
        (
            "India's GDP grew by 8.2% in 2023-24.",
            "8.2%",
            SpanType.NUMBER,
            "India's GDP grew by what percentage in 2023-24?",
        ),
        (
            "Amir Baram heads Israel's Ministry of Defence as its Director General.",
            "Ministry of Defence",
            SpanType.ORGANISATION,
            "Amir Baram heads which ministry of Israel as its Director General?",
        ),
        (
            "The 16th BRICS Summit was held in Kazan, Russia.",
            "Kazan",
            SpanType.PLACE,
            "The 16th BRICS Summit was held in which city, Russia?",
        ),
        ("The 16th BRICS Summit was held in Kazan.", "BRICS", SpanType.ORGANISATION, None),
        ("The Chandrayaan-3 lander touched down in 2023.", "Chandrayaan-3", SpanType.EVENT, None),
        (
            "Droupadi Murmu, the 15th President of India, took office.",
            "15th",
            SpanType.ORDINAL,
            None,
        ),
        (
            "Droupadi Murmu, the 15th President of India, took office.",
            "Droupadi Murmu",
            SpanType.PERSON,
            None,
        ),
        ("Murmu is the 15th President of India.", "President", SpanType.ROLE, None),
        (
            "The Act reserved one-third of seats for women.",
            "one-third",
            SpanType.NUMBER,
            "The Act reserved what fraction of seats for women?",
        ),
        (
            "They agreed to work on defence innovation and on start-ups.",
            "defence innovation",
            SpanType.TERM,
            None,
        ),
    ],
)
def test_wh_questions_around_titles_posts_and_names(
    statement: str, span: str, kind: SpanType, expected: str | None
) -> None:
    f = fact(statement, (span, kind))
    assert wh_prompt(f, KeySpan(text=span, type=kind)) == expected


def test_a_span_inside_a_name_gets_a_fill_in_the_blank_mcq() -> None:
    f = fact("The 16th BRICS Summit was held in Kazan.", ("BRICS", SpanType.ORGANISATION))
    by_id = {q.id: q for q in candidates([f])}
    assert "f:short_answer:brics" not in by_id
    stem = by_id["f:mcq:brics"]
    assert isinstance(stem, McqQuestion)
    assert stem.prompt == f"The 16th {BLANK} Summit was held in Kazan."
    assert "BRICS" in stem.choices and len(stem.choices) == 4


def test_deck_numbers_must_share_the_unit() -> None:
    a = fact("The repo rate was kept at 6.5 per cent in June.", ("6.5 per cent", SpanType.NUMBER))
    b = fact(
        "The bridge stands 359 metres above the river.", ("359 metres", SpanType.NUMBER), id="b"
    )
    for q in generate_questions([a, b]):
        if isinstance(q, McqQuestion) and q.fact_id == "f":
            assert all(o.endswith(" per cent") for o in q.choices), q.choices


@pytest.mark.parametrize(
    ("statement", "span", "kind", "expected"),
    [
        (
            "Rajesh Kumar Singh signed the MoU on behalf of India.",
            "Rajesh Kumar Singh",
            SpanType.PERSON,
            "Who signed the MoU on behalf of India?",
        ),
        (
            "The MoU was signed on behalf of India by Rajesh Kumar Singh.",
            "Rajesh Kumar Singh",
            SpanType.PERSON,
            "The MoU was signed on behalf of India by whom?",
        ),
        (
            "India and Israel inked their MoU in November 2025.",
            "November 2025",
            SpanType.DATE,
            "India and Israel inked their MoU in which month and year?",
        ),
        (
            "The MoU was concluded right after the 17th meeting of the group.",
            "17th",
            SpanType.ORDINAL,
            "The MoU was concluded right after which meeting of the group?",
        ),
        (
            "At the signing he was serving as India's Defence Secretary.",
            "Defence Secretary",
            SpanType.ROLE,
            "At the signing he was serving in what capacity?",
        ),
        (
            "The Ministry of Defence set out the aim of the MoU.",
            "Ministry of Defence",
            SpanType.ORGANISATION,
            "Which ministry set out the aim of the MoU?",
        ),
        (
            "India and Israel have had close defence relations for more than three decades.",
            "three decades",
            SpanType.NUMBER,
            "India and Israel have had close defence relations for more than how many decades?",
        ),
        (
            "The MoU was hailed as a landmark agreement.",
            "landmark",
            SpanType.TERM,
            "The MoU was hailed as what kind of agreement?",
        ),
        (
            "The partnership rests on mutual trust.",
            "mutual trust",
            SpanType.TERM,
            "The partnership rests on what?",
        ),
        (
            "The country that hosted the signing was Israel.",
            "Israel",
            SpanType.COUNTRY,
            "The country that hosted the signing was which country?",
        ),
    ],
)
def test_wh_questions_read_naturally(
    statement: str, span: str, kind: SpanType, expected: str
) -> None:
    f = fact(statement, (span, kind))
    assert wh_prompt(f, KeySpan(text=span, type=kind)) == expected


# A technology fact whose hand-written question is an MCQ stem ("Which of these ...").
AI_FACT = fact(
    "Artificial intelligence is one of the emerging technologies named in the 2025 "
    "India–Israel defence MoU.",
    ("Artificial intelligence", SpanType.TERM),
    id="tech-ai",
    question="Which of these is an emerging technology named in the 2025 India–Israel defence MoU?",
    answer="Artificial intelligence",
    distractors=["Quantum computing", "Hypersonic propulsion", "Synthetic biology"],
    explanation="AI is also among the areas of collaboration the MoU lists.",
)
# A hand-written deck may still ask what an abbreviation stands for.
JWG_FACT = fact(
    "In India–Israel defence ties, the abbreviation JWG stands for Joint Working Group.",
    ("Joint Working Group", SpanType.ORGANISATION),
    id="jwg-full-form",
    question="What is the full form of JWG, the India–Israel mechanism on defence cooperation?",
    answer="Joint Working Group",
)


def test_accepted_typed_answers() -> None:
    facts = load_facts_file(builtin_deck_path()).resolved_facts()
    by_id = {q.id: q for q in candidates([*facts, AI_FACT, JWG_FACT])}
    assert {"17", "seventeenth"} <= set(by_id["jwg-17th-meeting:cloze:17th"].accepted)
    assert "AI" in by_id["tech-ai:short_answer:hand"].accepted
    # Never the abbreviation the question itself asks to expand.
    assert by_id["jwg-full-form:cloze:joint-working-group"].accepted == []


def test_hand_written_mcq_stem_becomes_a_typed_question() -> None:
    by_id = {q.id: q for q in candidates([AI_FACT])}
    assert by_id["tech-ai:short_answer:hand"].prompt == (
        "Name an emerging technology named in the 2025 India–Israel defence MoU."
    )
    assert by_id["tech-ai:mcq:hand"].prompt.startswith("Which of these")


# --- statements and match -------------------------------------------------------------------


def test_statements_answer_matches_which_statements_are_true() -> None:
    facts = load_facts_file(builtin_deck_path()).resolved_facts()
    facts += load_facts_file(KINDS_DIR / "statements.yaml").resolved_facts()
    # Facts of one topic: a set is asked "which ... is/are correct?" or "how many ...?".
    facts += [
        Fact(
            id=f"port-{n}",
            statement=f"In 2024, the {name} port was opened in {place}.",
            spans=[KeySpan(text=place, type=SpanType.PLACE, distractors=others)],
            topic="Ports",
        )
        for n, (name, place, others) in enumerate(
            [
                ("Vadhavan", "Maharashtra", ["Gujarat", "Goa", "Karnataka"]),
                ("Vizhinjam", "Kerala", ["Tamil Nadu", "Karnataka", "Goa"]),
                ("Paradip", "Odisha", ["West Bengal", "Andhra Pradesh", "Bihar"]),
            ]
        )
    ]
    true = {f.statement for f in facts}
    index = DeckIndex.build(facts)
    # Every topic group of the deck, as the builder makes it (the ranking then keeps those
    # over facts that kept no question of their own; see test_question_kinds).
    built = [statements_question(index, group) for group in topic_groups(facts)]
    groups = [q for q in built if q is not None]
    assert len(groups) >= 3
    assert {len(q.statements) for q in groups} <= {2, 3, 4}
    forms = set()
    for q in groups:
        correct = [n for n, s in enumerate(q.statements, 1) if s in true]
        assert correct, q.id
        assert q.answer in q.choices and len(set(q.choices)) == 4, q.id
        assert q.fact_ids[0] == q.fact_id and len(q.fact_ids) == len(q.statements)
        if q.prompt.endswith("How many of the above statements are correct?"):
            forms.add("how many")
            words = {1: "one", 2: "two", 3: "three", 4: "four"}
            expected = (
                f"All {words[len(correct)]}"
                if len(correct) == len(q.statements)
                else f"Only {words[len(correct)]}"
            )
            assert q.answer == expected, q.id
        else:
            forms.add("which")
            numbers = [int(x) for x in q.answer.replace(",", " ").split() if x.isdigit()]
            assert numbers == correct or (q.answer == "Both 1 and 2" and correct == [1, 2]), q.id
        assert len(correct) < len(q.statements), q.id  # at least one is false
        for n in range(1, len(q.statements) + 1):
            if n not in correct:
                assert f"Statement {n} is incorrect" in q.explanation, q.id
    assert forms == {"how many", "which"}


def test_match_pairs_abbreviations_with_their_full_forms() -> None:
    facts = [
        fact(
            "India and Israel run a Joint Working Group (JWG) on defence cooperation.",
            ("Joint Working Group", SpanType.ORGANISATION),
            id="jwg",
        ),
        fact(
            "The two countries signed a Memorandum of Understanding (MoU) in Tel Aviv.",
            ("Memorandum of Understanding", SpanType.TERM),
            id="mou",
        ),
        fact(
            "Artificial intelligence (AI) is one of the technologies the pact covers.",
            ("Artificial intelligence", SpanType.TERM),
            id="ai",
        ),
    ]
    (match,) = [q for q in match_questions(facts) if isinstance(q, MatchQuestion)]
    full: dict[str, str] = {}
    for code in match.answer.split(", "):
        letter, number = code.split("-")
        full[match.left["ABCD".index(letter)]] = match.right[int(number) - 1]
    assert full == {
        "JWG": "Joint Working Group",
        "MoU": "Memorandum of Understanding",
        "AI": "Artificial intelligence",
    }
    assert match.answer in match.choices and len(set(match.choices)) == 4


def test_match_person_to_post_needs_three_unambiguous_pairs() -> None:
    people = [
        ("Asha Rao was appointed Foreign Secretary in 2024.", "Asha Rao", "Foreign Secretary"),
        ("Vikram Sen became Home Secretary after the election.", "Vikram Sen", "Home Secretary"),
        (
            "Meera Iyer took charge as Cabinet Secretary last year.",
            "Meera Iyer",
            "Cabinet Secretary",
        ),
    ]
    facts = [
        fact(s, (p, SpanType.PERSON), (r, SpanType.ROLE), id=f"p{i}")
        for i, (s, p, r) in enumerate(people)
    ]
    matches = match_questions(facts)
    assert len(matches) == 1
    assert matches[0].left == ["Asha Rao", "Vikram Sen", "Meera Iyer"]
    assert sorted(matches[0].right) == sorted(r for _, _, r in people)
    assert not match_questions(facts[:2])


def test_bounded_numbers_get_no_automatic_nearby_options() -> None:
    less = fact("Less than 5 countries have landed on the Moon.", ("5", SpanType.NUMBER))
    assert not [q for q in candidates([less]) if isinstance(q, McqQuestion)]
    about = fact("About 1.4 billion people live in India.", ("1.4 billion", SpanType.NUMBER))
    (q,) = [q for q in candidates([about]) if isinstance(q, McqQuestion)]
    for option in q.choices:
        if option != q.answer:
            assert abs(float(option.split()[0]) - 1.4) > 0.28, q.choices


def test_fractions_have_fraction_options() -> None:
    f = fact("The Act reserved one-third of seats for women.", ("one-third", SpanType.NUMBER))
    (q,) = [q for q in candidates([f]) if isinstance(q, McqQuestion)]
    assert set(q.choices) <= {"one-half", "one-third", "two-thirds", "one-fourth", "three-fourths"}
    assert q.accepted == []


def test_a_hand_answer_outside_the_spans_gets_gazetteer_options() -> None:
    f = fact(
        "The summit of 2023 was hosted by the capital of India.",
        ("2023", SpanType.DATE),
        question="In which city was the 2023 summit held?",
        answer="New Delhi",
    )
    (q,) = [q for q in candidates([f]) if q.id == "f:mcq:hand"]
    assert isinstance(q, McqQuestion)
    from quizmaster.word_lists import INDIAN_CITIES, INDIAN_STATE_CAPITALS, INDIAN_UT_CAPITALS

    cities = {*INDIAN_CITIES, *INDIAN_STATE_CAPITALS.values(), *INDIAN_UT_CAPITALS.values()}
    assert "New Delhi" in q.choices and set(q.choices) <= cities


@pytest.mark.slow
def test_same_questions_whatever_the_hash_seed() -> None:
    """Python salts str hashes per process; no choice may depend on it."""
    code = (
        "from quizmaster.facts_file import load_facts_file\n"
        "from quizmaster.paths import builtin_deck_path\n"
        "from quizmaster.generate import generate_questions\n"
        "qs = generate_questions(load_facts_file(builtin_deck_path()).resolved_facts())\n"
        "print(''.join(q.model_dump_json() for q in qs))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_wrong_values_keep_the_answers_form_and_range() -> None:
    rng = random.Random(5)
    for _ in range(20):
        under_one = nearby_values("0.957", rng)
        assert len(under_one) == 3 and all(0 < float(v) < 1 for v in under_one)
        assert all(len(v.split(".")[1]) == 2 for v in nearby_values("5.00", rng))
        points = nearby_values("25", rng)
        assert len(points) == 3 and all(int(v) % 25 == 0 and int(v) > 0 for v in points)


def test_a_persons_initials_are_not_accepted_for_the_person() -> None:
    """ "N Rangasamy" of the "(NR)" party: the initials name the party as often."""
    from quizmaster.generate.answers import accepted_answers

    told = Fact(
        id="cm",
        statement="In May 2031, N Ravisamy of the All Reef NR Congress (NR) was sworn in.",
        spans=[KeySpan(text="N Ravisamy", type=SpanType.PERSON)],
    )
    assert "NR" not in accepted_answers(told, "N Ravisamy", "_____ was sworn in.")
