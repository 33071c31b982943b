"""What an examiner asks: the relation a key stands in, the year an event needs, and places in
a stem that point to the key. Sentences written for these tests."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from quizmaster import places
from quizmaster.generate.exam_relations import relation, told_without_year
from quizmaster.generate.gate import defects
from quizmaster.generate.rank import score
from quizmaster.models import ClozeQuestion, Fact, KeySpan, SpanType, TrueFalseQuestion

B = "_____"


@pytest.mark.parametrize(
    ("stem", "answer", "span_type", "expected"),
    [
        (
            f"In May 2031, Admiral {B} took charge as the 31st Chief of the Naval Staff.",
            "Arun Mehra",
            SpanType.PERSON,
            "holder",
        ),
        (
            f"Justice Rao was sworn in as the {B} Chief Justice of India.",
            "55th",
            SpanType.ORDINAL,
            "holder",
        ),
        (
            f"In March 2031, {B} was conferred the Jnanpith Award for 2030.",
            "Meera Das",
            SpanType.PERSON,
            "award",
        ),
        (
            f"In October 2031, India ranked {B} of 130 economies in the Global Innovation Index.",
            "38th",
            SpanType.ORDINAL,
            "rank",
        ),
        (
            f"In 2031, India signed the Coastal Shipping Agreement with {B}.",
            "Bangladesh",
            SpanType.COUNTRY,
            "partner",
        ),
        (f"The Pench Tiger Reserve is located in {B}.", "Maharashtra", SpanType.PLACE, "venue"),
        (
            f"The National Board for Wildlife was constituted under an Act of {B}.",
            "1972",
            SpanType.DATE,
            "when",
        ),
        (
            f"In February 2031, the Union Cabinet approved the mission at a cost of {B}.",
            "Rs 2,000 crore",
            SpanType.MONEY,
            "stat",
        ),
        (
            f"{B} is India's first lunar sample-return mission.",
            "Chandrayaan-6",
            SpanType.TERM,
            "launch",
        ),
        (
            f"In May 2031, Admiral Arun Mehra took charge from Admiral {B}.",
            "Vikram Sen",
            SpanType.PERSON,
            "predecessor",
        ),
        (
            f"In May 2031, former finance minister {B} died at a hospital in Pune.",
            "Arun Mehra",
            SpanType.PERSON,
            "death",
        ),
        (
            f"In May 2031, Sindhi poet {B} was chosen for the Saraswati Samman.",
            "Arun Mehra",
            SpanType.PERSON,
            "award",
        ),
        (
            f"In May 2031, party leader {B} was sworn-in as the chief minister of Mizoram.",
            "Arun Mehra",
            SpanType.PERSON,
            "holder",
        ),
        (
            "In May 2031, India slipped two places to _____ place in the Global Gender Gap Index.",
            "129th",
            SpanType.ORDINAL,
            "rank",
        ),
    ],
)
def test_exam_relations_are_named(
    stem: str, answer: str, span_type: SpanType, expected: str
) -> None:
    assert relation(stem, answer, span_type) == expected


@pytest.mark.parametrize(
    ("stem", "answer", "span_type"),
    [
        # a life, a mood, a procedure: true, but no paper asks it
        (
            f"As a 14-year-old, Rekha aspired to be an archer and joined a centre in {B}.",
            "Shillong",
            SpanType.PLACE,
        ),
        (f"Rekha's preparations for the {B} were hit in 2030.", "Asian Games", SpanType.EVENT),
        (f"{B} paid floral tributes at the memorial in 2031.", "Meera Das", SpanType.PERSON),
        (f"The scrutiny of nominations will take place on {B}.", "9 October", SpanType.DATE),
        (f"The budget speech began in Parliament at {B} am in 2031.", "11", SpanType.NUMBER),
        (f"Meera Das, just {B} years old, won the title in 2031.", "19", SpanType.NUMBER),
        (
            f"DRDO is the acronym for Defence Research and {B}.",
            "Development Organisation",
            SpanType.ORGANISATION,
        ),
        # news with no year: a riddle a month later
        (f"India ranked {B} in the Global Innovation Index.", "38th", SpanType.NUMBER),
        (f"The repo rate was cut to {B}.", "6.25 percent", SpanType.NUMBER),
        (
            f"As many as 12 more cheetahs from {B} will arrive at Kuno.",
            "South Africa",
            SpanType.COUNTRY,
        ),
        (f"Leaders are meeting at the summit in {B}.", "New Delhi", SpanType.PLACE),
        # an "As of" on an event, a measure that is no record, a day of a month
        (
            f"As of May 2031, the bridge at {B} will be opened by the Prime Minister.",
            "Pamban",
            SpanType.PLACE,
        ),
        (f"In 2031, she set a national record with a lift of {B}.", "196 kg", SpanType.NUMBER),
        (f"The exercise is held in Pune from {B} to 21st November 2031.", "8th", SpanType.ORDINAL),
        # a post or a word on its own
        (f"In 2031, the {B} of the Army took charge.", "Chief", SpanType.ROLE),
    ],
)
def test_what_no_examiner_asks_has_no_relation(stem: str, answer: str, span_type: SpanType) -> None:
    assert relation(stem, answer, span_type) is None


def test_news_needs_its_year_and_a_lasting_fact_does_not() -> None:
    assert relation(f"India signed the shipping pact with {B}.", "Nepal", SpanType.COUNTRY) is None
    assert relation(f"ISRO launched the satellite from {B}.", "Sriharikota", SpanType.PLACE) is None
    assert relation(f"The lake lies in {B}.", "Manipur", SpanType.PLACE) == "venue"
    assert relation(f"The Jnanpith Award was instituted in {B}.", "1961", SpanType.DATE) == "when"
    assert relation(f"The Act received assent on {B}.", "September 2", SpanType.DATE) is None


def test_a_lasting_title_needs_no_year_but_a_plain_post_does() -> None:
    lasting = f"General {B} took over as the 32nd Chief of the Army Staff."
    plain = f"General {B} took over as the Chief of the Army Staff."
    assert relation(lasting, "Ravi Kant", SpanType.PERSON) == "holder"
    assert relation(plain, "Ravi Kant", SpanType.PERSON) is None
    assert relation("In May 2031, " + plain, "Ravi Kant", SpanType.PERSON) == "holder"


def test_a_judged_event_says_when_and_a_lasting_fact_need_not() -> None:
    assert told_without_year("The meeting commenced on October 4.")
    assert not told_without_year("The meeting commenced on October 4, 2031.")
    assert not told_without_year("Wular Lake is the largest freshwater lake in India.")


def _cloze(stem: str, answer: str) -> ClozeQuestion:
    return ClozeQuestion(id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer=answer)


def test_the_gate_refuses_a_key_in_no_relation_and_keeps_one_in_a_relation() -> None:
    asked = Fact(
        id="f1",
        statement="In May 2031, Admiral Arun Mehra took charge as the 31st Chief of Naval Staff.",
        spans=[KeySpan(text="Arun Mehra", type=SpanType.PERSON)],
    )
    idle = Fact(
        id="f1",
        statement="In 2031, Arun Mehra's preparations for the review were hit by rain.",
        spans=[KeySpan(text="Arun Mehra", type=SpanType.PERSON)],
    )
    kept = _cloze(asked.statement.replace("Arun Mehra", B), "Arun Mehra")
    dropped = _cloze(idle.statement.replace("Arun Mehra", B), "Arun Mehra")
    assert defects(kept, asked) == []
    assert "not examinable" in defects(dropped, idle)


def test_a_true_false_on_an_undated_event_is_refused() -> None:
    claim = "The three-day policy meeting of the Reserve Bank of India commenced on October 4."
    fact = Fact(
        id="f1",
        statement=claim,
        spans=[KeySpan(text="Reserve Bank of India", type=SpanType.ORGANISATION)],
    )
    question = TrueFalseQuestion(
        id="f1:true_false:x", fact_id="f1", variant="x", prompt=claim, answer="True"
    )
    assert "not examinable" in defects(question, fact)


def test_the_new_holder_outranks_the_one_who_left() -> None:
    statement = "In May 2031, Admiral Arun Mehra took charge from Admiral Vikram Sen."
    fact = Fact(
        id="f1",
        statement=statement,
        spans=[
            KeySpan(text="Arun Mehra", type=SpanType.PERSON),
            KeySpan(text="Vikram Sen", type=SpanType.PERSON),
        ],
    )
    new = _cloze(statement.replace("Arun Mehra", B), "Arun Mehra")
    old = _cloze(statement.replace("Vikram Sen", B), "Vikram Sen")
    assert score(new, fact) > score(old, fact)


@pytest.mark.parametrize(
    ("stem", "key", "hint"),
    [
        (f"She joined a government-run centre in Imphal, {B}.", "Manipur", "imphal"),
        (f"The carrier was built at Cochin Shipyard in {B}.", "Kochi", "cochin"),
        (f"The World Cup final was played in Baku, {B}.", "Azerbaijan", "baku"),
    ],
)
def test_a_place_in_the_stem_that_points_to_the_key_gives_it_away(
    stem: str, key: str, hint: str
) -> None:
    assert places.hint_in(stem, key) == hint


@pytest.mark.parametrize(
    ("stem", "key"),
    [
        (f"The bridge at Pamban in {B} was opened in 2031.", "Tamil Nadu"),  # a small town
        (f"The summit was held in New Delhi with leaders from {B}.", "Kenya"),
        (f"The tiger reserve lies in {B}.", "Chhattisgarh"),
    ],
)
def test_a_stem_without_such_a_place_gives_nothing_away(stem: str, key: str) -> None:
    assert places.hint_in(stem, key) is None


@pytest.mark.slow
def test_wrong_answers_are_the_same_whatever_the_hash_seed() -> None:
    """Python salts set order per process: a deck must still draw the same options."""
    script = textwrap.dedent(
        """
        from quizmaster.generate import DeckIndex, questions_for_fact
        from quizmaster.models import Fact, KeySpan, SpanType
        fact = Fact(id="f1", statement="The Pench Tiger Reserve is located in Maharashtra.",
                    spans=[KeySpan(text="Maharashtra", type=SpanType.PLACE)])
        for q in questions_for_fact(fact, DeckIndex.build([fact])):
            if q.kind == "mcq":
                print(q.id, q.choices)
        """
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert outputs.pop().strip()


@pytest.mark.parametrize(
    ("state", "near", "far"),
    [
        ("Gujarat", {"Maharashtra", "Goa", "Rajasthan"}, {"Mizoram", "Tripura", "Kerala"}),
        ("Assam", {"Meghalaya", "Manipur", "Tripura"}, {"Gujarat", "Kerala", "Punjab"}),
        ("Tamil Nadu", {"Kerala", "Karnataka", "Andhra Pradesh"}, {"Haryana", "Sikkim"}),
    ],
)
def test_wrong_states_come_from_the_same_part_of_india(
    state: str, near: set[str], far: set[str]
) -> None:
    offered = set(places.same_kind(state))
    assert near <= offered
    assert not far & offered
    assert state not in offered


@pytest.mark.parametrize(
    ("stem", "answer", "span_type"),
    [
        (f"Adoor's {B} film Elippathayam won the 1982 critics' award.", "third", SpanType.ORDINAL),
        (f"The House approved the {B} batch of demands for 2031-32.", "second", SpanType.ORDINAL),
        (f"The award in {B} will be declared later in 2031.", "Tamil", SpanType.TERM),
        (f"A large crowd greeted the shooters at the {B} in 2031.", "Palam", SpanType.PLACE),
        (f"In 2031, Mr Rudd confirmed that {B} will host it.", "Australia", SpanType.COUNTRY),
        (f"An alumnus of Sainik School, {B}, he was commissioned in 1984.", "Rewa", SpanType.PLACE),
        (f"In 2031, a nurse became Kerala's {B} confirmed Nipah case.", "fifth", SpanType.ORDINAL),
    ],
)
def test_minor_details_and_reports_of_speech_have_no_relation(
    stem: str, answer: str, span_type: SpanType
) -> None:
    assert relation(stem, answer, span_type) is None


def test_an_ordinal_of_a_title_lasts_but_an_ordinal_of_an_event_needs_its_year() -> None:
    governor = f"Arlekar took the oath as the {B} Governor of Kerala."
    assert relation(governor, "23rd", SpanType.ORDINAL) == "holder"
    addition = f"Assam notified the {B} addition to Kaziranga National Park."
    assert relation(addition, "6th", SpanType.ORDINAL) is None
    assert relation(addition.replace(".", " in 2031."), "6th", SpanType.ORDINAL) == "stat"


def test_a_place_where_something_happened_once_needs_a_year() -> None:
    stem = f"Flights at Sikkim's only airport at {B} resumed after 19 months."
    assert relation(stem, "Pakyong", SpanType.PLACE) is None


def test_a_capital_named_as_such_gives_the_capital_away() -> None:
    assert places.hint_in(
        f"In 2031, 84 athletes went to the {B} Games in the French capital.", "Paris"
    )
    assert places.hint_in(f"The Games were held in {B} in 2031.", "Paris") is None


def test_wrong_capitals_for_a_capital_are_of_its_size() -> None:
    assert places.same_kind("New Delhi")[:3] == ["Mumbai", "Bengaluru", "Hyderabad"]
    assert "Port Blair" not in places.same_kind("New Delhi")[:6]


def test_an_ordinal_asked_with_which_is_judged_like_a_blank() -> None:
    stem = "Which revised estimate of GDP growth for 2030-31 is 6.5 percent?"
    assert relation(stem, "second", SpanType.ORDINAL) is None
    oath = "In 2031, Justice Rao took oath as which Chief Justice of India?"
    assert relation(oath, "55th", SpanType.ORDINAL) == "holder"


def test_a_rank_says_in_what_and_a_one_off_venue_says_when() -> None:
    unnamed = f"In 2031, Southern Asia ranked {B} among eight global regions."
    assert relation(unnamed, "seventh", SpanType.ORDINAL) is None
    named = f"In 2031, India ranked {B} of 146 countries in the Global Gender Gap Index."
    assert relation(named, "129th", SpanType.ORDINAL) == "rank"
    inducted = f"The first two Tejas aircraft, known as the Flying Daggers, were inducted at {B}."
    assert relation(inducted, "Bengaluru", SpanType.PLACE) is None
    oath = f"In 2031, Ravi Sen was sworn in at {B} as the Comptroller and Auditor General."
    assert relation(oath, "Rashtrapati Bhavan", SpanType.PLACE) is None


def test_a_city_of_a_state_whose_capital_geonames_lacks_still_points_to_it() -> None:
    stem = f"In 2031, a terminal of the airport in Guwahati opened in {B}."
    assert places.hint_in(stem, "Assam") is not None


def test_wrong_cities_for_an_indian_city_come_from_its_own_state_first() -> None:
    assert places.state_of_city("Dibrugarh") == "assam"
    offered = places.same_kind("Dibrugarh")[:3]
    assert len(offered) == 3
    assert all(places.state_of_city(city) == "assam" for city in offered), offered


def test_wrong_states_for_a_coastal_state_are_coastal_first() -> None:
    assert all(places.coastal(state) for state in places.same_kind("Odisha")[:3])


@pytest.mark.parametrize(
    ("statement", "answer", "wrong", "right"),
    [
        (
            "In 2031, turtles nested at Rushikulya sea beach in Odisha.",
            "Odisha",
            "Bihar",
            "West Bengal",
        ),
        (
            "In May 2031, Cyclone Reef made landfall between West Bengal and Bangladesh.",
            "West Bengal",
            "Uttar Pradesh",
            "Odisha",
        ),
        (
            "In May 2031, Cyclone Reef made landfall near Puducherry.",
            "Puducherry",
            "Chandigarh",
            "Lakshadweep",
        ),
        (
            "In 2031, a bridge was opened near Dibrugarh in Assam.",
            "Dibrugarh",
            "Shantipur",
            "Jorhat",
        ),
    ],
)
def test_wrong_places_fit_what_the_statement_says_of_the_place(
    statement: str, answer: str, wrong: str, right: str
) -> None:
    fits = places.fits_setting(answer, statement)
    assert fits is not None
    assert fits(right) and not fits(wrong)
    assert places.fits_setting(answer, "In 2031, a festival was held there.") is None
