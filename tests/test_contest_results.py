"""Finals and elections won: the match report's or the poll report's long sentence, asked as
the setter's short one (fixtures written for these tests)."""

from __future__ import annotations

import pytest

from quizmaster.generate import generate_questions
from quizmaster.generate.news_frames import framed
from quizmaster.models import Fact, KeySpan, SpanType


def fact(statement: str, *spans: tuple[str, SpanType]) -> Fact:
    return Fact(id="f1", statement=statement, spans=[KeySpan(text=t, type=k) for t, k in spans])


@pytest.mark.parametrize(
    ("statement", "spans", "short"),
    [
        (
            "In March 2031, India beat Ruritania by six wickets in a tense final in Dubai to"
            " clinch their fourth Desert Cup title, becoming the side with the most wins.",
            [("Ruritania", SpanType.COUNTRY), ("Desert Cup", SpanType.EVENT)],
            "In March 2031, India won their fourth Desert Cup title, beating Ruritania.",
        ),
        (
            "In July 2031, shuttler Meera Iyer defeated Ana Costa 21-17, 21-18 to win the women's"
            " singles title at the Lakeside Open on Sunday.",
            [("Meera Iyer", SpanType.TERM), ("Ana Costa", SpanType.TERM)],
            "In July 2031, shuttler Meera Iyer won the women's singles title at the Lakeside"
            " Open, beating Ana Costa.",
        ),
        (
            "Kerala beat Goa 3-2 to win the Coastal Trophy 2031 at the Harbour Stadium in Kochi.",
            [("Kerala", SpanType.PLACE), ("Goa", SpanType.PLACE)],
            "Kerala won the Coastal Trophy 2031 at the Harbour Stadium in Kochi, beating Goa.",
        ),
    ],
)
def test_a_final_won_is_told_as_the_title_and_whom_the_winner_beat(
    statement: str, spans: list[tuple[str, SpanType]], short: str
) -> None:
    told = framed(fact(statement, *spans))
    assert told.statement == short
    assert told.explanation == statement


@pytest.mark.parametrize(
    "statement",
    [
        # a series, not a title
        "In March 2031, India beat Ruritania by an innings to win the Test series 3-1.",
        # the loser is not named
        "In March 2031, Meera Iyer defeated her opponent in the final to win the gold medal.",
        # no event named: the bronze medal of what?
        "In March 2031, Jharkhand defeated Goa 2-1 to bag the bronze medal.",
        # a past result recalled, without its year
        "India had defeated Ruritania to win the Desert Cup title.",
        # a first name alone names no one
        "In March 2031, top-seeded Meera defeated Ana Costa to win the Lakeside Open title.",
    ],
)
def test_a_result_without_a_named_title_loser_or_year_is_left_as_told(statement: str) -> None:
    spans = [("Ruritania", SpanType.COUNTRY)] if "Ruritania" in statement else []
    spans += [("Ana Costa", SpanType.PERSON)] if "Ana Costa" in statement else []
    spans += [("Meera", SpanType.PERSON)] if "Meera " in statement else []
    spans += [("Goa", SpanType.PLACE)] if "Goa" in statement else []
    told = framed(fact(statement, *spans)) if spans else None
    assert told is None or " won " not in told.statement or "beating" not in told.statement


def test_a_title_won_asks_the_winner_and_the_ordinal_not_the_loser() -> None:
    told = fact(
        "In March 2031, India beat Ruritania by six wickets in the final to clinch their"
        " fourth Desert Cup title.",
        ("Ruritania", SpanType.COUNTRY),
        ("Desert Cup", SpanType.EVENT),
    )
    questions = generate_questions([told])
    assert questions
    assert all(q.answer != "Ruritania" for q in questions)


@pytest.mark.parametrize(
    ("statement", "short"),
    [
        (
            "In June 2031, Asha Varga, a former economy minister, has won Portugal's"
            " presidential election, defeating the incumbent by a wide margin.",
            "In June 2031, Asha Varga won the presidential election in Portugal.",
        ),
        (
            "In June 2031, former Finnish diplomat Asha Varga won the runoff presidential"
            " election, the justice ministry said.",
            "In June 2031, Asha Varga won the presidential election in Finland.",
        ),
        (
            "In June 2031, Asha Varga won the country's presidential election in the"
            " Maldives on Saturday.",
            "In June 2031, Asha Varga won the presidential election in the Maldives.",
        ),
    ],
)
def test_a_presidential_election_won_names_the_winner_and_the_country(
    statement: str, short: str
) -> None:
    told = framed(fact(statement, ("Asha Varga", SpanType.PERSON)))
    assert told.statement == short
    asked = {s.text: s.type for s in told.spans}
    assert asked["Asha Varga"] is SpanType.PERSON
    assert SpanType.COUNTRY in asked.values()


def test_an_election_without_its_country_or_its_date_is_left_as_told() -> None:
    undated = fact("Asha Varga won the presidential election.", ("Asha Varga", SpanType.PERSON))
    assert framed(undated).statement == undated.statement
    nowhere = fact(
        "In June 2031, Asha Varga won the presidential election.", ("Asha Varga", SpanType.PERSON)
    )
    assert "presidential election in" not in framed(nowhere).statement
