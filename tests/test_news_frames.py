"""Frames: a post filled, told in an article's long sentence, asked in a short one (fixtures
written for these tests)."""

from __future__ import annotations

import pytest

from quizmaster.generate import generate_questions
from quizmaster.generate.distractors import DeckIndex
from quizmaster.generate.gate import defects
from quizmaster.generate.news_frames import framed, is_framed, is_trimmed, when
from quizmaster.generate.per_fact import true_false
from quizmaster.models import Fact, KeySpan, SpanType


def fact(statement: str, *spans: tuple[str, SpanType]) -> Fact:
    return Fact(id="f1", statement=statement, spans=[KeySpan(text=t, type=k) for t, k in spans])


@pytest.mark.parametrize(
    ("statement", "short"),
    [
        (
            "In May 2031, former diplomat Asha Rao, a 1990-batch officer of the foreign service,"
            " was sworn in as the Governor of Mizoram at a simple function at Raj Bhavan.",
            "In May 2031, Asha Rao was sworn in as the Governor of Mizoram.",
        ),
        (
            "Vikram Sen has been appointed the new chairperson of the National Green Tribunal"
            " by the President on March 3, 2031.",
            "In March 2031, Vikram Sen was appointed the chairperson of the National Green"
            " Tribunal.",
        ),
        (
            "In June 2031, Air Marshal Ravi Kant Menon took over as the 29th Chief of the Indian"
            " Air Force (IAF) on 30 June.",
            "In June 2031, Ravi Kant Menon took over as the 29th Chief of the Indian Air Force.",
        ),
        (
            "In April 2031, President Meera Joshi appointed Anil Kapoor as Chairman of the 17th"
            " Finance Commission, the body that shares taxes with the states.",
            "In April 2031, Anil Kapoor was appointed as the Chairman of the 17th Finance"
            " Commission.",
        ),
        (
            "In May 2031, the Centre nominated Anil Kapoor as Chairman of the Law Commission of"
            " India for three years.",
            "In May 2031, Anil Kapoor was nominated as the Chairman of the Law Commission of"
            " India.",
        ),
        (
            "In February 2031, the Union government appointed Asha Rao, a plant geneticist from"
            " Coimbatore, as the first Director General of the newly formed National Seed Bank"
            " Authority.",
            "In February 2031, Asha Rao was appointed as the first Director General of the newly"
            " formed National Seed Bank Authority.",
        ),
        (
            "In June 2031, Asha Rao was sworn in as the Chief Minister of Goa and Ravi Sen Party"
            " chief Anil Kapoor as her deputy.",
            "In June 2031, Asha Rao was sworn in as the Chief Minister of Goa.",
        ),
        (
            "In June 2031, Asha Rao was sworn in as the Chief Minister of Jammu and Kashmir at a"
            " ceremony in Srinagar.",
            "In June 2031, Asha Rao was sworn in as the Chief Minister of Jammu and Kashmir.",
        ),
        (
            "In July 2031, the Centre appointed IRS officer Asha Devi Rao, a former chairman of"
            " the state-run refining and marketing company Reef Fuels Ltd, as chairman and"
            " managing director of Coral and Natural Gas Corporation (CNGC).",
            "In July 2031, Asha Devi Rao was appointed as the chairman and managing director of"
            " Coral and Natural Gas Corporation.",
        ),
        (
            "In November 2031, Justice Asha Rao was officially sworn in as the 51st Chief Justice"
            " of India at Rashtrapati Bhavan.",
            "In November 2031, Asha Rao was sworn in as the 51st Chief Justice of India.",
        ),
        (
            "In May 2031, Vikram Sen, leader of the Reef Party, was sworn in as Fiji's 31st Prime"
            " Minister following his victory in the election.",
            "In May 2031, Vikram Sen was sworn in as the 31st Prime Minister of Fiji.",
        ),
        (
            "In September 2031, former Union Minister Anil Kapoor was sworn in as the Kerala"
            " Governor at the Raj Bhavan.",
            "In September 2031, Anil Kapoor was sworn in as the Governor of Kerala.",
        ),
        (
            "In December 2031, party leader Asha Rao was sworn in as the chief minister of the"
            " Indian state of Goa.",
            "In December 2031, Asha Rao was sworn in as the chief minister of Goa.",
        ),
        (
            "In March 2031, Vikram Sen, the joint candidate of an alliance led by Anil Kapoor,"
            " was elected as the 24th Prime Minister of Fiji.",
            "In March 2031, Vikram Sen was elected the 24th Prime Minister of Fiji.",
        ),
        (
            "In June 2031, the government appointed senior IAS officer Asha Rao as the new"
            " chairman and managing director of Reef Steel Limited.",
            "In June 2031, Asha Rao was appointed as the chairman and managing director of Reef"
            " Steel Limited.",
        ),
        (
            "In June 2031, the Appointments Committee of the Cabinet cleared the appointment of"
            " Vikram Sen as the chairman of Reef Steel Limited (RSL).",
            "In June 2031, Vikram Sen was appointed as the chairman of Reef Steel Limited.",
        ),
        (
            "In June 2031, Anil Kapoor assumed the charge of the chairman and managing director"
            " (CMD) of Reef Coal Limited (RCL).",
            "In June 2031, Anil Kapoor took charge as the chairman and managing director of Reef"
            " Coal Limited.",
        ),
    ],
)
def test_a_post_filled_is_told_in_a_short_sentence(statement: str, short: str) -> None:
    people = [
        p
        for p in (
            "Asha Rao",
            "Asha Devi Rao",
            "Vikram Sen",
            "Ravi Kant Menon",
            "Meera Joshi",
            "Anil Kapoor",
        )
        if p in statement
    ]
    made = framed(fact(statement, *((p, SpanType.PERSON) for p in people)))
    assert made.statement == short
    assert made.explanation == statement  # the article's own sentence stays, as the why
    assert all(s.text in short for s in made.spans)


@pytest.mark.parametrize(
    "statement",
    [
        "Asha Rao was sworn in as the Governor of Mizoram at Raj Bhavan.",  # no date
        "In May 2031, Asha Rao was sworn in as the new Governor at Raj Bhavan.",  # of where?
        "In May 2031, Asha Rao visited the Governor of Mizoram at Raj Bhavan.",  # no post filled
        "In May 2031, Rao was sworn in as the Governor of Mizoram.",  # a surname alone
        # the post is in a part of the body named first, not in the body itself
        "In May 2031, Asha Rao took charge as the chairman of Reef Coal arm Reef Mines Ltd.",
    ],
)
def test_a_sentence_without_a_whole_frame_is_left_as_it_was(statement: str) -> None:
    people = [p for p in ("Asha Rao", "Rao") if p in statement][:1]
    original = fact(statement, *((p, SpanType.PERSON) for p in people))
    assert framed(original) is original


def test_the_date_is_the_month_and_year_the_sentence_names() -> None:
    assert when("In May 2031, the bridge opened.") == "May 2031"
    assert when("The bridge opened on 3 March 2031 at noon.") == "March 2031"
    assert when("The bridge opened on March 3, 2031.") == "March 2031"
    assert when("The bridge opened on Monday.") is None


def test_the_deck_asks_the_short_sentence_and_explains_with_the_long_one() -> None:
    statement = (
        "In May 2031, former diplomat Asha Rao, a 1990-batch officer of the foreign service,"
        " was sworn in as the Governor of Mizoram at a simple function at Raj Bhavan."
    )
    made = fact(statement, ("Asha Rao", SpanType.PERSON), ("Mizoram", SpanType.PLACE))
    questions = generate_questions([made])
    assert questions
    for question in questions:
        assert "simple function" not in question.prompt
        assert question.explanation == statement


def test_a_framed_post_may_be_judged_false_with_a_swapped_ordinal() -> None:
    statement = (
        "In June 2031, Air Marshal Ravi Kant Menon took over as the 29th Chief of the Indian"
        " Air Force on 30 June."
    )
    spans = [
        KeySpan(text="Ravi Kant Menon", type=SpanType.PERSON),
        KeySpan(text="29th", type=SpanType.ORDINAL),
    ]
    lifted = Fact(id="x1", statement=statement, spans=spans)
    short = framed(lifted)
    assert is_framed(short) and not is_framed(lifted)
    judged = true_false(DeckIndex.build([short]), short)
    assert judged.answer == "False"  # the seed of this id swaps; the gate lets it through
    assert "29th" not in judged.prompt
    assert defects(judged, short) == []
    as_lifted = true_false(DeckIndex.build([lifted]), lifted)
    assert as_lifted.answer == "False"
    assert "absurd distractor" in defects(as_lifted, lifted)  # the long sentence's swap


@pytest.mark.parametrize(
    ("statement", "who", "short"),
    [
        (
            "In November 2031, Fiji lifted the Reef Cup for a record third time as Tonga were"
            " dealt more heartache.",
            "Fiji",
            "In November 2031, Fiji won the Reef Cup.",
        ),
        (
            "In May 2031, novelist Asha Rao won the Reef Booker Prize for her novel Tides in"
            " London.",
            "Asha Rao",
            "In May 2031, novelist Asha Rao won the Reef Booker Prize.",
        ),
        (
            "In April 2031, actor Asha Rao has been conferred with the Reef Film Award for 2030,"
            " the highest honour in cinema.",
            "Asha Rao",
            "In April 2031, actor Asha Rao was conferred the Reef Film Award for 2030.",
        ),
        (
            "In December 2031, Fijian poet Asha Rao has been selected for the 56th Reef Award,"
            " the highest literary honour.",
            "Asha Rao",
            "In December 2031, Fijian poet Asha Rao was chosen for the 56th Reef Award.",
        ),
        (
            "In September 2031, Asha Rao clinched the gold medal in the women's F46 javelin throw"
            " at the Reef Para Athletics Championships 2031 with a record throw of 66.37m.",
            "Asha Rao",
            "In September 2031, Asha Rao won gold in the women's F46 javelin throw at the Reef"
            " Para Athletics Championships 2031.",
        ),
    ],
)
def test_an_honour_or_a_title_won_is_told_in_a_short_sentence(
    statement: str, who: str, short: str
) -> None:
    kind = SpanType.COUNTRY if who == "Fiji" else SpanType.PERSON
    made = framed(fact(statement, (who, kind)))
    assert made.statement == short
    assert made.explanation == statement


def test_a_death_told_by_calling_keeps_the_city_and_the_age() -> None:
    statement = "In May 2031, veteran actor Asha Rao passed away at the age of 85 in Kochi."
    made = framed(fact(statement, ("Asha Rao", SpanType.PERSON)))
    assert (
        made.statement
        == "In May 2031, veteran actor Asha Rao passed away in Kochi at the age of 85."
    )
    asked = [q for q in generate_questions([made]) if q.answer == "Asha Rao"]
    assert asked and asked[0].prompt.startswith("In May 2031, veteran actor _____ passed away")
    # Without a city and an age, a calling names no one person: no question is asked.
    bare = framed(fact("In May 2031, veteran actor Asha Rao died.", ("Asha Rao", SpanType.PERSON)))
    assert bare.statement == "In May 2031, veteran actor Asha Rao passed away."
    assert not generate_questions([bare])


def test_a_possessive_is_no_subject_and_a_state_court_needs_its_name() -> None:
    possessive = (
        "In July 2031, a minister in Asha Rao's cabinet, Ravi Sen, took oath as the 18th"
        " Governor of Goa at a ceremony in Panaji."
    )
    made = framed(fact(possessive, ("Asha Rao", SpanType.PERSON)))
    assert made.statement == possessive
    court = (
        "In October 2031, Ravi Sen was sworn in as the chief justice of Goa high court on Friday."
    )
    assert framed(fact(court, ("Ravi Sen", SpanType.PERSON))).statement == court


@pytest.mark.parametrize(
    ("statement", "keys", "short"),
    [
        (
            "In July 2031, Asha Rao became the first Indian to win the Reef Open, beating Mei Lin"
            " of China 21-7, 21-9 in just 38 minutes.",
            [("Asha Rao", SpanType.PERSON), ("Mei Lin", SpanType.PERSON)],
            "In July 2031, Asha Rao became the first Indian to win the Reef Open.",
        ),
        (
            "In May 2031, Prime Minister Ravi Sen opened the Reef Sea Bridge in Goa, which is the"
            " longest sea bridge in India.",
            [("Reef Sea Bridge", SpanType.PLACE), ("Goa", SpanType.PLACE)],
            "In May 2031, Prime Minister Ravi Sen opened the Reef Sea Bridge in Goa.",
        ),
    ],
)
def test_a_closing_aside_is_cut_and_its_keys_with_it(
    statement: str, keys: list[tuple[str, SpanType]], short: str
) -> None:
    made = framed(fact(statement, *keys))
    assert made.statement == short
    assert made.explanation == statement
    assert [s.text for s in made.spans] == [t for t, _ in keys if t in short]


def test_an_aside_holding_the_first_key_or_leaving_too_little_is_kept() -> None:
    # the only key is in the aside: nothing to ask without it
    aside_key = "The bridge was opened in May 2031, making Goa the first state with a sea bridge."
    assert framed(fact(aside_key, ("Goa", SpanType.PLACE))).statement == aside_key
    # cut, too few words would be left to tell the news
    short = "In 2031, Asha Rao won, beating Mei Lin of China in the Reef Open final in Suva."
    assert framed(fact(short, ("Asha Rao", SpanType.PERSON))).statement == short


def test_a_claim_cut_out_of_its_sentence_is_not_judged_true_or_false() -> None:
    statement = (
        "In May 2031, Prime Minister Ravi Sen inaugurated the Reef Sea Bridge in Goa, which is"
        " the longest sea bridge in India."
    )
    keys = (("Ravi Sen", SpanType.PERSON), ("Reef Sea Bridge", SpanType.PLACE))
    made = framed(fact(statement, *keys))
    assert is_trimmed(made)
    assert "not examinable" in defects(true_false(DeckIndex.build([made]), made), made)
    # the same words told whole by the article are judged, once a person chose the wrong
    # answers (a sentence lifted whole and never gone over is not: see test_gate)
    whole = fact(made.statement, *keys).model_copy(update={"distractors": ["Asha Rao"]})
    assert not is_trimmed(whole)
    assert defects(true_false(DeckIndex.build([whole]), whole), whole) == []
    # a frame's own short sentence is no cut
    post = "In May 2031, Asha Rao, a diplomat, was sworn in as the Governor of Goa in Panaji."
    assert not is_trimmed(framed(fact(post, ("Asha Rao", SpanType.PERSON))))


def test_a_key_inside_a_longer_number_is_not_kept_when_the_aside_is_cut() -> None:
    statement = (
        "Between April 2024 and September 2031, Fiji recorded inflows of $709.84 billion,"
        " accounting for 69% of the inflows over the past 24 years."
    )
    keys = (("$709.84 billion", SpanType.MONEY), ("24", SpanType.NUMBER))
    made = framed(fact(statement, *keys))
    assert made.statement.endswith("inflows of $709.84 billion.")
    assert [s.text for s in made.spans] == ["$709.84 billion"]  # "24" of "2024" is no key


@pytest.mark.parametrize(
    ("statement", "person", "short"),
    [
        (
            "In October 2031, Asha Rao, former chairman of Reef Sons, passed away at a Suva"
            " hospital on Wednesday night.",
            "Asha Rao",
            "Asha Rao, former chairman of Reef Sons, passed away in October 2031.",
        ),
        (
            "In August 2031, former President of Fiji Ravi Kant Menon breathed his last at 84.",
            "Ravi Kant Menon",
            "In August 2031, former President of Fiji Ravi Kant Menon passed away.",
        ),
        (
            "In May 2031, former Goa Chief Minister and senior party leader Anil Kapoor passed"
            " away at a private hospital after a long illness.",
            "Anil Kapoor",
            "In May 2031, former Goa Chief Minister Anil Kapoor passed away.",
        ),
        (
            "In June 2031, the sitar virtuoso, Asha Rao left for heavenly abode in Mumbai aged 81.",
            "Asha Rao",
            "In June 2031, sitar virtuoso Asha Rao passed away in Mumbai at the age of 81.",
        ),
        (
            "Tabla maestro Asha Rao, died at a hospital in Mumbai at 73 on 3 May 2031.",
            "Asha Rao",
            "In May 2031, tabla maestro Asha Rao passed away in Mumbai at the age of 73.",
        ),
        (
            "Former Goa chief minister Meera Joshi passed away on October 29, 2031 after a long"
            " illness.",
            "Meera Joshi",
            "In October 2031, former Goa chief minister Meera Joshi passed away.",
        ),
    ],
)
def test_a_death_with_who_the_dead_were_is_told_in_a_short_sentence(
    statement: str, person: str, short: str
) -> None:
    made = framed(fact(statement, (person, SpanType.PERSON)))
    assert made.statement == short
    questions = generate_questions([made])
    assert any(q.answer == person for q in questions), questions


def test_a_death_told_without_who_the_dead_were_is_left_alone() -> None:
    for statement in (
        "In July 2031, Asha Rao passed away in Suva.",
        "In July 2031, the man who hurt Asha Rao died in Suva.",
    ):
        assert framed(fact(statement, ("Asha Rao", SpanType.PERSON))).statement == statement


def test_a_title_won_keeps_its_word_title() -> None:
    statement = (
        "In August 2031, Indian shuttler Asha Rao won the Reef World Championships title by"
        " defeating Meera Joshi 21-7, 21-7."
    )
    made = framed(fact(statement, ("Asha Rao", SpanType.PERSON), ("Meera Joshi", SpanType.PERSON)))
    assert made.statement == (
        "In August 2031, Indian shuttler Asha Rao won the Reef World Championships title."
    )
    assert "Asha Rao" in {q.answer for q in generate_questions([made])}


def test_a_closing_place_the_article_named_before_is_cut() -> None:
    statement = (
        "In February 2031, the 13th edition of joint military exercise Reef Shield between the"
        " Fiji Army and the Tonga Defence Force commenced in the archipelago nation."
    )
    made = framed(fact(statement, ("13th", SpanType.ORDINAL), ("Reef Shield", SpanType.EVENT)))
    assert made.statement == statement.replace(" in the archipelago nation.", ".")
    assert is_trimmed(made)  # asked for its keys, never judged true or false as a whole


def test_a_gloss_after_a_dash_is_cut() -> None:
    statement = (
        "In June 2031, Governor Asha Rao announced a hike of 50 basis points in the repo rate"
        " — the key interest rate at which the central bank lends money to banks."
    )
    made = framed(fact(statement, ("50", SpanType.NUMBER), ("Asha Rao", SpanType.PERSON)))
    assert made.statement == (
        "In June 2031, Governor Asha Rao announced a hike of 50 basis points in the repo rate."
    )


def test_an_envoy_without_the_country_posted_to_is_not_framed() -> None:
    told = "In March 2031, Asha Rao took charge as the Ambassador of India at a ceremony."
    assert framed(fact(told, ("Asha Rao", SpanType.PERSON))).statement == told
    posted = "In March 2031, Asha Rao took charge as the Ambassador of India to Japan."
    assert framed(fact(posted, ("Asha Rao", SpanType.PERSON))).statement == posted
