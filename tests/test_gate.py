"""The quality gate and the ranking: every defect class of the question rubric, on hostile
fixtures written for these tests (no article text of anyone else's)."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from quizmaster.extract import extract_facts
from quizmaster.extract.clean import clean_text
from quizmaster.extract.statements import tidy_statement
from quizmaster.generate import generate_questions
from quizmaster.generate.gate import (
    anchored,
    defects,
    giveaway_defects,
    key_defects,
    option_defects,
    place_option_defects,
    text_defects,
    wh_reads_well,
)
from quizmaster.generate.per_fact import questions_for_fact
from quizmaster.generate.rank import keep_best
from quizmaster.generate.values import nearby_values
from quizmaster.models import (
    ClozeQuestion,
    Fact,
    KeySpan,
    McqQuestion,
    Question,
    ShortAnswerQuestion,
    SpanType,
    StatementsQuestion,
    TrueFalseQuestion,
)
from quizmaster.word_lists import CRICKET_NATIONS


def fact(statement: str, *spans: tuple[str, SpanType], fid: str = "f1") -> Fact:
    return Fact(id=fid, statement=statement, spans=[KeySpan(text=t, type=k) for t, k in spans])


def cloze_defects(
    stem: str, answer: str, span_type: SpanType, chosen: Sequence[str] = ()
) -> list[str]:
    """The gate's defects of a cloze on ``stem``, whose fact is the stem with the answer in
    (with the wrong answers a person ``chosen``, if any)."""
    span = KeySpan(text=answer, type=span_type, distractors=list(chosen))
    made = Fact(id="f1", statement=stem.replace("_____", answer), spans=[span])
    question = ClozeQuestion(id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer=answer)
    return defects(question, made)


def mcq(prompt: str, answer: str, choices: list[str], fid: str = "f1") -> McqQuestion:
    return McqQuestion(
        id=f"{fid}:mcq:x", fact_id=fid, variant="x", prompt=prompt, answer=answer, choices=choices
    )


# --- page leftovers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "stem",
    [
        "Jaipur, March 3 (PTI) The fourth edition of the drill began in _____.",
        "Main Point :- The river joins the sea at _____.",
        "(ii) The lake was named a wetland of importance in _____.",
        "The award went to _____. Read more: awards of the year",
        "Budget 2024: a 3 min read on which ministry got _____?",
        "The sanctuary, tweeted @ForestDept, lies in _____.",
    ],
)
def test_page_leftovers_are_refused(stem: str) -> None:
    assert "page leftover" in text_defects(stem, max_words=40)


def test_cleaning_takes_datelines_labels_and_noise_out_and_keeps_the_date() -> None:
    raw = (
        " date 2024-03-04 \n"
        "Jaipur, March 3 (PTI) The fourth edition of the desert drill began at Pokhran.\n"
        "Advertisement\n"
        "Main Point :- The drill will run for twelve days.\n"
        "Story continues below this ad\n"
    )
    text, date = clean_text(raw)
    assert date == "2024-03-04"
    assert "PTI" not in text and "Advertisement" not in text and "Main Point" not in text
    assert "The fourth edition of the desert drill began at Pokhran." in text
    assert "The drill will run for twelve days." in text


# --- leaning on the article ----------------------------------------------------------------


@pytest.mark.parametrize(
    "stem",
    [
        "This marks the third time the city hosted _____.",
        "With this addition, the state now has _____ wetlands.",
        "The agreement was signed in which city?",
        "The storm made landfall near _____.",
        "They reached the final at _____.",
        "The newly designated sites are in _____.",
        "The minister said the scheme covers _____ districts.",
    ],
)
def test_stems_that_need_the_article_are_refused(stem: str) -> None:
    assert "leans on the article" in text_defects(stem, max_words=40)


def test_a_dated_statement_may_name_the_new_holder() -> None:
    stem = "In May 2024, who became the new chief of the Coast Guard?"
    assert "leans on the article" not in text_defects(stem, max_words=40)


def test_tidying_drops_speech_tails_and_weekdays_and_dates_the_statement() -> None:
    tidied = tidy_statement(
        "Meanwhile, the drill began at Pokhran on Monday, the ministry said.", "2024-03-04"
    )
    assert tidied == "In March 2024, the drill began at Pokhran."
    assert tidy_statement("“We will win,” she told reporters.", "2024-03-04") is None
    assert tidy_statement("Students to get free laptops", None) is None  # a headline


@pytest.mark.parametrize(
    ("sentence", "tidied"),
    [
        (  # the weekday goes, the date and its "on" stay
            "Sitharaman presented the Interim Budget 2024 in the Lok Sabha on Thursday 1 February.",
            "Sitharaman presented the Interim Budget 2024 in the Lok Sabha on 1 February.",
        ),
        (
            "Prime Minister Narendra Modi on Friday, January 12, inaugurated the sea bridge.",
            "Prime Minister Narendra Modi on January 12, 2024, inaugurated the sea bridge.",
        ),
        (  # a date in front wants the simple past, the adverb kept
            "Prime Minister Narendra Modi has officially inaugurated the tunnel on Monday.",
            "In February 2024, Prime Minister Narendra Modi officially inaugurated the tunnel.",
        ),
        (
            "The captain has also been named the flag bearer on Monday.",
            "In February 2024, the captain was also named the flag bearer.",
        ),
        (  # a connective that leans on the sentence before
            "As a result, the UAE is the third-largest trading partner of India in 2023.",
            "The UAE is the third-largest trading partner of India in 2023.",
        ),
        (
            "In particular, the Reef Council approved the Reef Strategy 2030 in 2023.",
            "The Reef Council approved the Reef Strategy 2030 in 2023.",
        ),
        (  # "is" tells a lasting fact; the participle after it dates nothing
            "Exercise Reef Shield is a biennial exercise conducted by Fiji and Tonga.",
            "Exercise Reef Shield is a biennial exercise conducted by Fiji and Tonga.",
        ),
        (
            "The Reef Cup, which is held every year, was won by Fiji on Monday.",
            "In February 2024, the Reef Cup, which is held every year, was won by Fiji.",
        ),
        (  # an irregular past is past: "In", not "As of"
            "Fiji beat Tonga by six wickets to win the Reef Cup on Monday.",
            "In February 2024, Fiji beat Tonga by six wickets to win the Reef Cup.",
        ),
        (
            "Later in the evening, Asha Rao won the 50kg gold at the 2023 Reef Games.",
            "Asha Rao won the 50kg gold at the 2023 Reef Games.",
        ),
        (  # who reported it is not the fact
            "Fiji won the 2023 Reef Cup in Suva, reports Hindustan Times.",
            "Fiji won the 2023 Reef Cup in Suva.",
        ),
        (  # the reporter's colour
            "The controversial Reef Bill was passed by the Fiji parliament in 2023.",
            "The Reef Bill was passed by the Fiji parliament in 2023.",
        ),
        (  # who looked on goes, every name of them
            "Asha Rao took oath as the 19th Chief Minister of Goa in the presence of Prime "
            "Minister Ravi Sen, Home Minister Meera Das and other leaders on Monday.",
            "In February 2024, Asha Rao took oath as the 19th Chief Minister of Goa.",
        ),
    ],
)
def test_a_dated_statement_reads_as_one_sentence(sentence: str, tidied: str) -> None:
    assert tidy_statement(sentence, "2024-02-15") == tidied  # a Thursday: Monday is the 12th


# --- examinable, whole keys ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "kind", "defect"),
    [
        ("collaborative research", SpanType.TERM, "not examinable"),
        ("Command", SpanType.ORGANISATION, "not examinable"),
        ("Gavai's", SpanType.PERSON, "broken key"),
        ("Kamat", SpanType.PERSON, "broken key"),
        ("DRDO Samir", SpanType.PERSON, "broken key"),
        ("BJP's Om Birla", SpanType.PERSON, "broken key"),
        ("South Korean", SpanType.PERSON, "not examinable"),
        ("Games", SpanType.EVENT, "broken key"),
        ("Ex Reef Shield", SpanType.EVENT, "broken key"),
        ("India", SpanType.COUNTRY, "trivial key"),
        ("Monday", SpanType.DATE, "trivial key"),
        ("of the river", SpanType.PLACE, "broken key"),
    ],
)
def test_keys_must_be_whole_and_examinable(answer: str, kind: SpanType, defect: str) -> None:
    assert defect in key_defects(answer, kind)


def test_a_term_is_examinable_where_a_person_chose_it() -> None:
    assert key_defects("electronic warfare", SpanType.TERM, authored=True) == []


# --- give-aways ----------------------------------------------------------------------------


def test_answer_words_in_the_stem_give_it_away() -> None:
    stem = "Which sanctuary was renamed the Keoladeo sanctuary in 1982?"
    assert "answer in stem" in giveaway_defects(stem, "Keoladeo National Park", [])


def test_initials_only_the_key_matches_give_it_away() -> None:
    stem = "Which body, the NGT, hears green cases?"
    options = [
        "National Green Tribunal",
        "Central Water Commission",
        "Forest Survey",
        "Wildlife Board",
    ]
    assert "initials give the key away" in giveaway_defects(stem, options[0], options)


# --- options -------------------------------------------------------------------------------


def test_options_that_read_alike_are_not_distinct() -> None:
    options = ["Science & Technology", "Science and Technology", "Earth Sciences", "Space"]
    assert "options not distinct" in option_defects(options[0], options, SpanType.ORGANISATION)


def test_wrong_answers_of_another_kind_are_refused() -> None:
    # A state offered for a city, an ordinal from a sum, an impossible date.
    assert "distractor of another type" in option_defects(
        "Jaipur", ["Jaipur", "Rajasthan", "Lucknow", "Patna"], SpanType.PLACE
    )
    assert "distractor of another form" in option_defects(
        "17th", ["17th", "16th", "18", "19th"], SpanType.ORDINAL
    )
    assert "impossible option" in option_defects(
        "September 23",
        ["September 23", "September 12", "September 31", "September 2"],
        SpanType.DATE,
    )
    assert "absurd distractor" in option_defects(
        "Shakti-2024", ["Shakti-2024", "Shakti-3036", "Garuda", "Varuna"], SpanType.EVENT
    )


def test_person_wrong_answers_are_whole_names() -> None:
    options = ["Rajiv Gauba", "Secretary", "Ajay Bhalla", "Vinay Kwatra"]
    assert "distractor of another type" in option_defects(options[0], options, SpanType.PERSON)


def test_organisations_are_offered_among_their_kind() -> None:
    options = [
        "Eastern Naval Command",
        "Western Naval Command",
        "Southern Naval Command",
        "NITI Aayog",
    ]
    assert "distractor of another domain" in option_defects(
        options[0], options, SpanType.ORGANISATION
    )
    alike = options[:3] + ["Andaman and Nicobar Command"]
    assert option_defects(alike[0], alike, SpanType.ORGANISATION) == []


# --- question words and sentences ------------------------------------------------------------


def test_the_question_word_fits_the_key() -> None:
    made = fact("The bridge joins Dhubri and Phulbari.", ("Dhubri", SpanType.PLACE))
    question = ShortAnswerQuestion(
        id="f1:short_answer:x",
        fact_id="f1",
        variant="x",
        prompt="Who joins Phulbari by the bridge?",
        answer="Dhubri",
    )
    assert "question word does not fit the key" in defects(question, made)


@pytest.mark.parametrize(
    "stem",
    [
        "Nepal (how many) was ranked below the country?",
        "The award was given by the which country in 2023?",
        "The _____-ranked player lost the final in 2024.",
        "Lakes such as Wular, _____ and Dal are in Jammu and Kashmir.",
    ],
)
def test_garbled_or_list_stems_are_refused(stem: str) -> None:
    made = fact("Anchar Lake lies in Srinagar.", ("Anchar", SpanType.PLACE))
    question = ClozeQuestion(
        id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer="Anchar"
    )
    assert defects(question, made)


# --- true/false and statements -------------------------------------------------------------


def test_a_judged_claim_has_a_verb_and_a_name_place_date_or_number() -> None:
    headline = TrueFalseQuestion(
        id="f1:true_false:s",
        fact_id="f1",
        variant="s",
        prompt="Policy Rates Unchanged.",
        answer="True",
    )
    assert defects(headline, fact("Policy Rates Unchanged.", ("Unchanged", SpanType.TERM)))


def test_a_false_statement_must_not_read_as_nonsense() -> None:
    made = fact(
        "Chandrayaan-3 is a follow-on mission to Chandrayaan-2 launched in 2023.",
        ("Chandrayaan-2", SpanType.EVENT),
    )
    swapped = TrueFalseQuestion(
        id="f1:true_false:s",
        fact_id="f1",
        variant="s",
        prompt="Chandrayaan-3 is a follow-on mission to Chandrayaan-3 launched in 2023.",
        answer="False",
    )
    assert "nonsense swap" in defects(swapped, made)


def test_statement_sets_have_a_false_statement_and_short_claims() -> None:
    facts = [
        fact(
            f"In March 2024, the {n} bird sanctuary of the state was notified at {place}.",
            (place, SpanType.PLACE),
            fid=f"s{i}",
        )
        for i, (n, place) in enumerate(
            [("tenth", "Pune"), ("eleventh", "Nagpur"), ("twelfth", "Nashik")]
        )
    ]
    sets = [q for q in generate_questions(facts) if isinstance(q, StatementsQuestion)]
    for question in sets:
        assert "is incorrect" in question.explanation  # at least one statement is false
        assert all(len(s.split()) <= 25 for s in question.statements)


# --- ranking: one per fact, none that gives another away ----------------------------------------


def test_one_question_per_fact_and_none_showing_another_key() -> None:
    signed = fact(
        "Rina Rao signed the pact in Pune in 2024.", ("Rina Rao", SpanType.PERSON), fid="a"
    )
    city = fact("The 2024 pact was signed in Pune.", ("Pune", SpanType.PLACE), fid="b")
    who = mcq(
        "Who signed the pact in Pune in 2024?",
        "Rina Rao",
        ["Rina Rao", "Asha Iyer", "Meera Nair", "Kavya Das"],
        fid="a",
    )
    who_again = mcq(
        "Which official signed the 2024 pact?",
        "Rina Rao",
        ["Rina Rao", "Asha Iyer", "Meera Nair", "Kavya Das"],
        fid="a",
    ).model_copy(update={"id": "a:mcq:y", "variant": "y"})
    where = mcq(
        "Where was the 2024 pact signed?", "Pune", ["Pune", "Nagpur", "Nashik", "Thane"], fid="b"
    )
    kept = keep_best([who, who_again, where], {"a": signed, "b": city})
    assert len([q for q in kept if q.fact_id == "a"]) == 1
    # "Pune" is the key of b, and a's first question shows it: only one of them is kept.
    shown = " ".join(q.prompt for q in kept)
    assert not any(q.answer in shown.replace(q.prompt, "") for q in kept)


def test_a_claim_another_kept_stem_already_tells_is_not_judged_too() -> None:
    ranked = fact(
        "Fiji ranked 111th in the Reef Hunger Index 2031 with the highest child wasting rate.",
        ("111th", SpanType.ORDINAL),
        fid="a",
    )
    fell = fact(
        "Fiji fell in the Reef Hunger Index 2031 and reported the highest child wasting rate.",
        ("Fiji", SpanType.COUNTRY),
        fid="b",
    )
    rank = mcq(
        "Fiji ranked _____ in the Reef Hunger Index 2031 with the highest child wasting rate.",
        "111th",
        ["107th", "109th", "111th", "113th"],
        fid="a",
    )
    judged = TrueFalseQuestion(
        id="b:true_false:x", fact_id="b", variant="x", prompt=fell.statement, answer="True"
    )
    facts = {"a": ranked, "b": fell}
    assert [q.id for q in keep_best([rank, judged], facts)] == [rank.id]
    other = judged.model_copy(
        update={"prompt": "In 2031, Fiji's parliament passed the Reef Coast Protection Act."}
    )
    assert len(keep_best([rank, other], facts)) == 2


# --- end to end on a hostile article in our own words --------------------------------------------


HOSTILE_ARTICLE = "\n".join(
    [
        "Dhenkanal, March 3 (PTI) The seventh edition of the joint military exercise Vajra"
        " Shield between India and Kenya began at the Umroi training node in Meghalaya on"
        " Monday, the defence ministry said.",
        "Advertisement",
        "This marks a significant step in the partnership.",
        "Main Point :- (i) The exercise rests on mutual trust and shared values.",
        "Read more: defence news of the week",
        "The Kenyan contingent of 90 personnel is led by Colonel Amos Kiprono.",
        "Kiprono said the troops were happy to train in India.",
        "NDRF stands for National Disaster Response Force.",
    ]
)


def test_a_hostile_article_yields_only_clean_questions() -> None:
    facts = extract_facts(HOSTILE_ARTICLE, date="2024-03-04").facts
    questions: list[Question] = generate_questions(facts)
    assert questions, "the exercise and its contingent are examinable"
    by_id = {f.id: f for f in facts}
    for question in questions:
        assert defects(question, by_id.get(question.fact_id)) == []
        text = question.prompt + " " + " ".join(question.options or [])
        for leftover in ("PTI", "Advertisement", "Main Point", "(i)", "Read more", "This marks"):
            assert leftover not in text
        assert "mutual trust" not in text
        assert question.answer != "National Disaster Response Force"  # abbreviation trivia
    assert any("In March 2024" in f.statement for f in facts)


# --- what a question is about, and when -----------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "key", "ok"),
    [
        ("While India ranked _____ in 2021, it moved up to 130 in 2022.", "135", False),
        ("India ranked _____ in the Global Peace Index 2021.", "135th", True),
        ("The _____ edition of the event began on October 8.", "19th", False),
        ("_____ is India's highest film honour.", "Dadasaheb Phalke Award", True),
        ("The launch by ISRO took place at _____.", "Sriharikota", True),
    ],
)
def test_a_generated_stem_names_what_it_is_about(stem: str, key: str, ok: bool) -> None:
    assert anchored(stem, key) is ok


def test_holders_no_aspirant_needs_asking_are_trivial() -> None:
    made = fact(
        "Prime Minister Narendra Modi opened the bridge in 2024.",
        ("Narendra Modi", SpanType.PERSON),
    )
    question = ClozeQuestion(
        id="f1:cloze:x",
        fact_id="f1",
        variant="x",
        prompt="Prime Minister _____ opened the Atal Setu bridge in 2024.",
        answer="Narendra Modi",
    )
    assert "trivial key" in defects(question, made)


def test_a_verbless_fragment_is_no_question() -> None:
    made = fact("Born on August 18, 1934, in Pune.", ("Pune", SpanType.PLACE))
    question = ClozeQuestion(
        id="f1:cloze:x",
        fact_id="f1",
        variant="x",
        prompt="Born on August 18, 1934, in _____.",
        answer="Pune",
    )
    assert "not a sentence" in defects(question, made)


def test_statements_get_the_article_year_and_cut_pages_lose_their_fragment() -> None:
    assert tidy_statement(
        "Rina Rao took charge as Coast Guard chief on March 9.", "2024-03-10"
    ) == ("Rina Rao took charge as Coast Guard chief on March 9, 2024.")
    # A present-tense fact that cannot change needs no date.
    assert tidy_statement("The Ganga is the longest river in India.", "2024-03-10") == (
        "The Ganga is the longest river in India."
    )
    text, _ = clean_text(
        "The drill began at Pokhran in 2024.\nThe Kenyan team of ninety soldiers is a membe"
    )
    assert text.strip() == "The drill began at Pokhran in 2024."


def test_the_dateline_dates_the_article() -> None:
    text, date = clean_text(
        "Visakhapatnam, October 14, 2026 (PTI) India and Japan held their first maritime "
        "dialogue in the port city of Visakhapatnam."
    )
    assert date == "2026-10-14"
    assert text.startswith("India and Japan held their first maritime dialogue")


def test_the_review_preview_is_the_question_the_fact_keeps() -> None:
    from quizmaster.ingest import question_preview

    kept = fact(
        "In 2024, the Pamban bridge in Tamil Nadu was opened by Prime Minister Narendra Modi.",
        ("Tamil Nadu", SpanType.PLACE),
    )
    filler = fact(
        "The exercise rests on mutual trust and shared values.", ("mutual trust", SpanType.TERM)
    )
    assert len(question_preview(kept)) == 1
    assert question_preview(filler) == []


def test_a_surname_in_one_stem_gives_away_the_full_name_asked_in_another() -> None:
    who = fact(
        "In 2025, B. R. Gavai became the 52nd Chief Justice of India.",
        ("B. R. Gavai", SpanType.PERSON),
        fid="a",
    )
    court = fact(
        "In 2019, Justice Gavai joined the Supreme Court bench in Delhi.",
        ("Delhi", SpanType.PLACE),
        fid="b",
    )
    asked = ClozeQuestion(
        id="a:cloze:x",
        fact_id="a",
        variant="x",
        prompt="In 2025, _____ became the 52nd Chief Justice of India.",
        answer="B. R. Gavai",
    )
    other = ClozeQuestion(
        id="b:cloze:x",
        fact_id="b",
        variant="x",
        prompt="In 2019, Justice Gavai joined the Supreme Court bench in _____.",
        answer="Delhi",
    )
    kept = keep_best([asked, other], {"a": who, "b": court})
    assert len(kept) == 1


def test_rates_move_in_quarter_points() -> None:
    import random

    from quizmaster.generate.values import nearby_values

    options = nearby_values("6.5%", random.Random(1))
    assert len(options) == 3 and all(o.endswith("%") for o in options)
    assert all((float(o[:-1]) * 4).is_integer() and o != "6.5%" for o in options)


@pytest.mark.parametrize(
    ("stem", "defect"),
    [
        ("In 2024, India beat South _____ in the final at Barbados.", "broken key"),
        ("Puri, Odisha: the cyclone made landfall near _____ in 2019.", "page leftover"),
        ("Update (May 3, 11:19 AM): the storm reached _____ in 2019.", "page leftover"),
    ],
)
def test_name_parts_and_page_stamps_are_refused(stem: str, defect: str) -> None:
    made = fact("In 2024, India beat South Africa in Barbados.", ("Africa", SpanType.COUNTRY))
    question = ClozeQuestion(
        id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer="Africa"
    )
    assert defect in defects(question, made)


def test_a_weekday_glued_to_any_key_breaks_it() -> None:
    assert "broken key" in key_defects("Indian Navy Tuesday", SpanType.ORGANISATION)
    assert "broken key" in key_defects("Malayalam poet G.", SpanType.PERSON)


def test_a_date_is_asked_with_when_and_one_stem_asks_one_thing() -> None:
    made = fact(
        "Scrutiny of nominations was on 17 October 2024.", ("17 October 2024", SpanType.DATE)
    )
    what = ShortAnswerQuestion(
        id="f1:short_answer:hand",
        fact_id="f1",
        variant="hand",
        prompt="What is the scrutiny of nominations?",
        answer="17 October 2024",
    )
    assert "question word does not fit the key" in defects(what, made)
    a = fact(
        "The 2024 poll in Haryana was held on 5 October.", ("Haryana", SpanType.PLACE), fid="a"
    )
    b = fact(
        "The 2024 poll in Jharkhand was held on 5 October.", ("Jharkhand", SpanType.PLACE), fid="b"
    )
    same = "The 2024 poll in _____ was held on 5 October."
    kept = keep_best(
        [
            ClozeQuestion(id="a:cloze:x", fact_id="a", variant="x", prompt=same, answer="Haryana"),
            ClozeQuestion(
                id="b:cloze:x", fact_id="b", variant="x", prompt=same, answer="Jharkhand"
            ),
        ],
        {"a": a, "b": b},
    )
    assert len(kept) == 1


# --- keys with a description, garbled wh-stems, vague short stems --------------------------


@pytest.mark.parametrize(
    ("answer", "span_type"),
    [
        ("Wrestler Ravi Dahiya", SpanType.PERSON),
        ("Ravi Dahiya-led Haryana", SpanType.ORGANISATION),
        ("Veteran Meera Das", SpanType.PERSON),
    ],
)
def test_a_key_with_a_description_of_its_own_is_refused(answer: str, span_type: SpanType) -> None:
    assert "broken key" in key_defects(answer, span_type)


@pytest.mark.parametrize(
    "stem",
    [
        "The Olympic Games were held in which city 2031?",
        "She won the tournament at _____ aan Zee in January 2031.",
        "Haryana beat the hosts by 44 runs to win the title in 2031.",
    ],
)
def test_garbled_or_leaning_stems_are_refused(stem: str) -> None:
    assert text_defects(stem, max_words=40)


def test_a_vague_short_wh_question_is_refused() -> None:
    f = fact("In 2031, Meera Das won gold in the shooting final.", ("Meera Das", SpanType.PERSON))
    vague = ShortAnswerQuestion(
        id="f1:short_answer:x",
        fact_id="f1",
        variant="x",
        prompt="Who won gold in 2031?",
        answer="Meera Das",
    )
    assert "leans on the article" in defects(vague, f)


# --- stems that need the article, broken by the blank, or asking a minor detail ----------


@pytest.mark.parametrize(
    "stem",
    [
        "The House approved the second batch of demands for 2031-32 in _____.",
        "Rahul Sen had taken a bronze at the 2030 edition in _____.",
        "In its report, the Fund cut its 2031 forecast for India to _____.",
        "The award commemorates the Filipino leader, who died in _____.",
        "Government has approved the addition of 2031 hectares to _____ National Park.",
        "The Congress government declared it a national project in _____.",
        "Maharashtra famously won the National Games in _____.",
        "She had clinched a silver medal in Budapest back in _____.",
    ],
)
def test_stems_that_only_the_article_explains_are_refused(stem: str) -> None:
    assert "leans on the article" in text_defects(stem, max_words=40)


@pytest.mark.parametrize(
    "stem",
    [
        "Growth was revised down during 2031–how many?",
        "Meera Das won bronze in the Women's how many+ kg final of the 2031 Games?",
        "The Budget for 2031-32 pegged the deficit at how much, or 5.9 percent of GDP?",
        "Who's third film won him the 2031 Critics Award?",
    ],
)
def test_stems_broken_by_the_question_word_are_refused(stem: str) -> None:
    assert "not a sentence" in text_defects(stem, max_words=40)


def test_a_headline_glued_on_with_a_colon_and_a_stray_number_are_leftovers() -> None:
    glued = "Maharashtra wins 2031 National Games Goa: Maharashtra emerged as winners in _____."
    assert "page leftover" in text_defects(glued, max_words=40)
    stray = "India signed a contract with Boeing in _____ for purchasing 22 Eight helicopters."
    assert "page leftover" in text_defects(stray, max_words=40)


@pytest.mark.parametrize(
    ("statement", "answer", "span_type", "stem", "defect"),
    [
        (
            "In 2031, legendary boxer Meera Kom won her sixth world title.",
            "Meera",
            SpanType.PERSON,
            "In 2031, legendary boxer _____ Kom won her sixth world title.",
            "broken key",
        ),
        (
            "In 2031, the 7th, 8th and 9th additions to Kaziranga National Park were approved.",
            "7th",
            SpanType.ORDINAL,
            "In 2031, the _____, 8th and 9th additions to Kaziranga National Park were approved.",
            "one of a list",
        ),
        (
            "The Banihal tunnel is among the longest road tunnels in Asia.",
            "Asia",
            SpanType.PLACE,
            "The Banihal tunnel is among the longest road tunnels in _____.",
            "one of a list",
        ),
        (
            "The Kalinga Prize, often referred to as the Asian Nobel, was given in 2031 in Manila.",
            "Asian Nobel",
            SpanType.TERM,
            "The Kalinga Prize, often referred to as the _____, was given in 2031 in Manila.",
            "not examinable",
        ),
    ],
)
def test_keys_that_are_part_of_a_name_a_list_a_range_or_a_byname_are_refused(
    statement: str, answer: str, span_type: SpanType, stem: str, defect: str
) -> None:
    made = fact(statement, (answer, span_type))
    question = ClozeQuestion(id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer=answer)
    assert defect in defects(question, made)


def test_an_ordinal_in_a_run_of_days_is_not_a_list_but_a_year_before_the_blank_is_fine() -> None:
    made = fact(
        "In March 2031, the seventh edition of Exercise Vajra Shield began in Meghalaya.",
        ("seventh", SpanType.ORDINAL),
    )
    stem = "In March 2031, the _____ edition of Exercise Vajra Shield began in Meghalaya."
    question = ClozeQuestion(
        id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer="seventh"
    )
    assert "one of a list" not in defects(question, made)


def test_a_true_false_claim_true_of_anything_is_refused() -> None:
    claim = "In 2031, the Akademi announced its awards in various languages."
    made = fact(claim, ("2031", SpanType.DATE))
    question = TrueFalseQuestion(
        id="f1:true_false:x", fact_id="f1", variant="x", prompt=claim, answer="True"
    )
    assert "not examinable" in defects(question, made)


def test_earlier_holders_named_after_former_give_the_ordinal_away() -> None:
    made = fact(
        "In 2031, Meera Das became only the second leader to win three terms after former"
        " Prime Minister Ravi Sen.",
        ("second", SpanType.ORDINAL),
    )
    stem = made.statement.replace("second", "_____")
    question = ClozeQuestion(
        id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer="second"
    )
    assert "answer in stem" in defects(question, made)
    assert "leans on the article" in text_defects(
        "The declaration was signed by the countries in _____.", max_words=40
    )


@pytest.mark.parametrize(
    "stem",
    [
        "Justice Ghose was appointed a judge of the Supreme Court in _____.",
        "In June 2031, Gen Dwivedi succeeded Gen _____ as the Chief of the Army Staff.",
        "Growth is forecast to reach _____ in 2031-32.",
        "Haryana, on the other hand, slipped to the _____ spot in the 2031 Games.",
    ],
)
def test_a_surname_an_unnamed_measure_or_a_connective_needs_the_article(stem: str) -> None:
    assert "leans on the article" in text_defects(stem, max_words=40)


def test_a_present_tense_headline_is_a_leftover() -> None:
    assert "page leftover" in text_defects(
        "_____ launches its smallest rocket from Sriharikota.", max_words=40
    )
    assert "page leftover" not in text_defects(
        "In 2031, _____ launched its smallest rocket from Sriharikota.", max_words=40
    )


def test_statement_sets_are_made_only_of_curated_facts() -> None:
    lifted = [
        fact(f"In 2031, {name} Lake was named a Ramsar site.", (f"{name} Lake", SpanType.PLACE))
        for name in ("Wular", "Loktak", "Chilika")
    ]
    question = StatementsQuestion(
        id="f1:statements:x",
        fact_id="f1",
        variant="x",
        prompt="Consider the following statements:",
        statements=[f.statement for f in lifted],
        fact_ids=["f1"],
        answer="1, 2 and 3",
        choices=["1 only", "1 and 2 only", "2 and 3 only", "1, 2 and 3"],
    )
    assert "uncurated claim" in defects(question, lifted[0])
    chosen = lifted[0].model_copy(
        update={
            "spans": [KeySpan(text="Wular Lake", type=SpanType.PLACE, distractors=["Dal Lake"])]
        }
    )
    assert "uncurated claim" not in defects(question, chosen)


@pytest.mark.parametrize(
    "stem",
    [
        "As of May 2031, India are currently second in the group behind _____.",
        "Many passengers are still trapped in the coaches of the _____ Express.",
        "Sindhu again reached the final in 2031, losing to _____.",
        "GDP growth remained unchanged at _____ in the first quarter of 2031-32.",
        "In April 2031, the 17-year-old from _____ won the Candidates tournament.",
        "In 2031, the rights panel got _____ as its new chairperson.",
        "In 2031, Ravi Patel replaced _____ as the Chief Minister.",
    ],
)
def test_live_news_tenses_and_unnamed_referents_need_the_article(stem: str) -> None:
    assert "leans on the article" in text_defects(stem, max_words=40)


@pytest.mark.parametrize(
    "stem",
    [
        "The 2031 Global Hunger Index score for the world is how many, considered moderate?",
        "In 2031, Ravi Sen was appointed as which of the State Chief Secretary?",
        "_____ was afternoon sworn in as the 16th Chief Minister of Assam in 2031.",
    ],
)
def test_more_stems_broken_by_the_question_word(stem: str) -> None:
    assert "not a sentence" in text_defects(stem, max_words=40)


def test_a_rank_judged_true_or_false_names_its_year() -> None:
    claim = "China improves its ranking in the Climate Change Performance Index to 30th place."
    made = fact(claim, ("30th", SpanType.ORDINAL))
    question = TrueFalseQuestion(
        id="f1:true_false:x", fact_id="f1", variant="x", prompt=claim, answer="True"
    )
    assert "not examinable" in defects(question, made)


def test_a_year_in_a_list_of_years_is_one_of_a_list() -> None:
    made = fact("Pele won the World Cup in 1958, 1962 and 1970.", ("1958", SpanType.DATE))
    stem = "Pele won the World Cup in _____, 1962 and 1970."
    question = ClozeQuestion(id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer="1958")
    assert "one of a list" in defects(question, made)


def test_a_key_ending_a_longer_name_is_broken_but_a_title_before_it_is_fine() -> None:
    made = fact(
        "In 2031, Royal Challengers Bengaluru won the title.", ("Bengaluru", SpanType.PLACE)
    )
    team = ClozeQuestion(
        id="f1:cloze:x",
        fact_id="f1",
        variant="x",
        prompt="In 2031, Royal Challengers _____ won the title.",
        answer="Bengaluru",
    )
    assert "broken key" in defects(team, made)
    judge = fact(
        "In 2031, Justice Meera Das became the Chief Justice.", ("Meera Das", SpanType.PERSON)
    )
    titled = ClozeQuestion(
        id="f1:cloze:y",
        fact_id="f1",
        variant="y",
        prompt="In 2031, Justice _____ became the 60th Chief Justice of India.",
        answer="Meera Das",
    )
    assert "broken key" not in defects(titled, judge)


@pytest.mark.parametrize(
    ("stem", "answer", "asked"),
    [
        ("In 2031, a large crowd cheered the team at the _____ in Kochi.", "Marine Drive", False),
        ("In 2031, the final was played at the _____ in Chennai.", "Chepauk", False),
        ("Exercise Pitch Black 2031 was held in _____, Australia's north.", "Darwin", True),
        (
            "In May 2031, Cyclone Remal made landfall near _____ in West Bengal.",
            "Sagar Island",
            True,
        ),
        ("In 2031, Meera Das became the Lieutenant Governor of _____.", "Ladakh", True),
        ("In 2031, the Pamban bridge in _____ was opened to traffic.", "Tamil Nadu", True),
        ("The Ganga is the longest river in _____.", "India", True),
    ],
)
def test_a_place_in_a_lifted_sentence_is_asked_only_where_a_setter_asks_one(
    stem: str, answer: str, asked: bool
) -> None:
    assert ("not examinable" in cloze_defects(stem, answer, SpanType.PLACE)) is not asked, stem


def test_a_place_a_person_chose_is_asked_wherever_it_stands_in_a_relation() -> None:
    stem = "In 2031, a new terminal was inaugurated at _____ airport in Uttar Pradesh."
    lifted = fact(stem.replace("_____", "Varanasi"), ("Varanasi", SpanType.PLACE))
    question = ClozeQuestion(
        id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer="Varanasi"
    )
    span = KeySpan(text="Varanasi", type=SpanType.PLACE, distractors=["Lucknow", "Kanpur", "Agra"])
    chosen = lifted.model_copy(update={"spans": [span]})
    assert "not examinable" in defects(question, lifted)
    assert "not examinable" not in defects(question, chosen)


@pytest.mark.parametrize(
    "stem",
    [
        "The genus is, however, restricted to the Western Ghats with _____ species.",
        "In September 2031, the Nifty too touched a record high of _____ points.",
        "In the 2031 polls, Ravi Sen had bagged _____ votes.",
        "_____ is the first Latin American to win the medal.",
        "CPI inflation is projected at _____ for 2031-32.",
    ],
)
def test_asides_unnamed_polls_and_projections_by_nobody_need_the_article(stem: str) -> None:
    assert "leans on the article" in text_defects(stem, max_words=40)


@pytest.mark.parametrize(
    "stem",
    [
        "King Charles appointed _____ as the UK's Prime Minister, October 25.",
        "Joko Widodo, President of Indonesia since2014, met _____ in 2031.",
    ],
)
def test_a_dangling_date_and_a_glued_year_are_leftovers(stem: str) -> None:
    assert "page leftover" in text_defects(stem, max_words=40)


@pytest.mark.parametrize(
    "stem",
    [
        "In 2031, Justice Meera Das administered the oath of office to him.",
        "In 2031, as expected the storm crossed the coast near _____.",
        "WHO declared similar emergencies for the swine flu pandemic in _____.",
        "On _____, government had appointed Ravi Sen as interim Director General of Police.",
    ],
)
def test_pronouns_unnamed_storms_and_bare_government_need_the_article(stem: str) -> None:
    assert "leans on the article" in text_defects(stem, max_words=40)


@pytest.mark.parametrize(
    "stem",
    [
        "In December 2031, CHENNAI Tamil Nadu Chief Minister _____ opened new hostels.",
        "In September 2031, Hangzhou, Sep 30 India beat Pakistan to win the _____ gold.",
        "In 2031, Ravi Sen commissioned two ships in Goa via video conference from.",
        "Which edition of the festival opened at Kisama (1st December 2031) evening?",
        "But Meera Das has won her past two matches against Ravi in _____.",
    ],
)
def test_datelines_cut_endings_and_stray_connectives_are_leftovers(stem: str) -> None:
    assert "page leftover" in text_defects(stem, max_words=40)


@pytest.mark.parametrize(
    "stem",
    [
        "In July 2031, Ravi Sen sworn in as the 22nd Governor of _____.",
        "As of June 2031, Meera Das holds the all-time record of how many?",
    ],
)
def test_headline_grammar_and_a_record_of_nothing_are_not_sentences(stem: str) -> None:
    assert "not a sentence" in text_defects(stem, max_words=40)
    assert "not a sentence" not in text_defects(
        "In July 2031, Ravi Sen was sworn in as the 22nd Governor of _____.", max_words=40
    )


def test_the_year_of_a_bills_own_title_is_not_asked() -> None:
    made = fact("The Election Laws Bill, 2031 was passed.", ("2031", SpanType.DATE))
    stem = "The Election Laws Bill, _____ was passed in the Lok Sabha."
    question = ClozeQuestion(id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer="2031")
    assert "broken key" in defects(question, made)


@pytest.mark.parametrize(
    "stem",
    [
        "In 2031, Governor MeeraSundaram was sworn in as Lt Governor of _____.",
        "In 2031, Meera Das, who was given charge of Puducherry,was sworn in at _____.",
        "In 2031, Ravi Sen was sworn in as Lt Governor of _____ onThursday.",
    ],
)
def test_words_run_together_are_leftovers(stem: str) -> None:
    assert "page leftover" in text_defects(stem, max_words=40)


def test_a_blank_set_between_a_name_and_its_verb_is_not_a_sentence() -> None:
    stem = "The World Health Organization, _____ declared the outbreak an emergency."
    assert "not a sentence" in text_defects(stem, max_words=40)


def test_a_key_split_inside_a_value_or_carrying_a_day_is_broken() -> None:
    assert "broken key" in key_defects(
        "National Human Rights Commission on Wedneday", SpanType.ORGANISATION
    )
    made = fact("In 2031, she ran the 3000m in 7:37.76.", ("37.76", SpanType.NUMBER))
    for stem, answer in (
        ("In 2031, she ran the 3000m in 7:_____.", "37.76"),
        ("In 2031, the bank lent $_____m to the project.", "$600"),
    ):
        question = ClozeQuestion(
            id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer=answer
        )
        assert "broken key" in defects(question, made), stem


@pytest.mark.parametrize(
    "stem",
    [
        "In 2031, the party got how many or 40.38% of the votes?",
        "Meera Das was born in the city of whom?",
        "The festival began in June in which year?",
    ],
)
def test_templates_that_break_the_grammar_are_refused(stem: str) -> None:
    assert "not a sentence" in text_defects(stem, max_words=40)


def test_a_roman_numeral_in_the_stem_gives_the_edition_away() -> None:
    made = fact("In 2031, Exercise Maitree-XIV was the 14th edition.", ("14th", SpanType.ORDINAL))
    stem = "In 2031, Exercise Maitree-XIV was the _____ edition of the India-Thailand drill."
    question = ClozeQuestion(id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer="14th")
    assert "answer in stem" in defects(question, made)


@pytest.mark.parametrize(
    ("statement", "answer", "span_type", "news"),
    [
        (
            "The contingent of the 2031 drill comprises 120 troops of the Kumaon Regiment.",
            "120",
            SpanType.NUMBER,
            False,
        ),
        (
            "In 2031, the lead of Asha Rao widened to 141 votes in the recount.",
            "141",
            SpanType.NUMBER,
            False,
        ),
        (
            "In 2031, the harbour phase of Exercise Varuna is scheduled in Kochi.",
            "Kochi",
            SpanType.PLACE,
            False,
        ),
        (
            "In March 2031, Meera Das was appointed the Chief Secretary of Sikkim.",
            "Meera Das",
            SpanType.PERSON,
            True,
        ),
        (
            "In 2031, Exercise Varuna commenced off the coast of Kochi.",
            "Kochi",
            SpanType.PLACE,
            True,
        ),
        (
            "India's GDP grew 7.2 per cent in the first quarter of 2031.",
            "7.2 per cent",
            SpanType.NUMBER,
            True,
        ),
    ],
)
def test_an_article_sentence_that_tells_no_event_or_record_is_not_the_news(
    statement: str, answer: str, span_type: SpanType, news: bool
) -> None:
    lifted = fact(statement, (answer, span_type))
    stem = statement.replace(answer, "_____", 1)
    question = ClozeQuestion(id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer=answer)
    assert ("not the news" in defects(question, lifted)) is not news, statement


def test_a_fact_a_person_went_over_is_asked_whatever_its_verb() -> None:
    statement = "The contingent of the 2031 drill comprises 120 troops of the Kumaon Regiment."
    span = KeySpan(text="120", type=SpanType.NUMBER, distractors=["80", "150", "200"])
    chosen = Fact(id="f1", statement=statement, spans=[span])
    question = ClozeQuestion(
        id="f1:cloze:x",
        fact_id="f1",
        variant="x",
        prompt=statement.replace("120", "_____"),
        answer="120",
    )
    assert "not the news" not in defects(question, chosen)


@pytest.mark.parametrize(
    "stem",
    [
        "In _____, Shukla became an additional judge of the Gujarat High Court.",
        "Rao, a former civil servant, was sworn in as Information Commissioner on _____.",
        "In March 2031, the Senate elected _____ as its Chairman.",
        "Which edition was conducted at Fort Bliss in October 2031?",
        "The _____ edition was conducted at Fort Bliss in October 2031.",
        "The naval drill began in Goa and will continue till _____.",
        "The rail service is set to be inaugurated in _____.",
        "The park, which was commissioned in _____ by the state, spans 600 acres.",
        "In February 2031, Exercise _____ is being conducted in Pithoragarh.",
        "The 2031 World Championships are currently taking place in which city?",
    ],
)
def test_a_surname_an_unnamed_senate_or_edition_and_a_plan_need_the_article(stem: str) -> None:
    assert "leans on the article" in text_defects(stem, max_words=40)


def test_a_country_or_state_as_subject_is_no_surname() -> None:
    for stem in (
        "In 2031, Kerala won the _____ Trophy for the fifth time.",
        "In 2031, Nepal won the _____ title.",
    ):
        assert "leans on the article" not in text_defects(stem, max_words=40), stem


def test_a_time_split_by_the_question_word_is_a_broken_key() -> None:
    made = fact("In 2031, she ran the 3000m in 7:37.76.", ("37.76", SpanType.NUMBER))
    stem = "In 2031, she ran the 3000m in 7:how many?"
    question = McqQuestion(
        id="f1:mcq:x",
        fact_id="f1",
        variant="x",
        prompt=stem,
        answer="37.76",
        choices=["35.12", "36.40", "37.76", "38.91"],
    )
    assert "broken key" in defects(question, made)


def test_an_agency_dateline_with_a_slashed_year_is_cut() -> None:
    text = "Addis Ababa June 1/2031 (ENA) The President received 10 new ambassadors."
    assert clean_text(text)[0] == "The President received 10 new ambassadors."


def test_a_blank_after_the_dating_year_is_no_list_item() -> None:
    made = fact(
        "In March 2031, Asha Rao was sworn in as the Governor of Mizoram.",
        ("Asha Rao", SpanType.PERSON),
    )
    stem = "In March 2031, _____ was sworn in as the Governor of Mizoram."
    question = ClozeQuestion(
        id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer="Asha Rao"
    )
    assert "one of a list" not in defects(question, made)
    asked = "Pele won the World Cup in 1958, 1962 and when?"
    assert "one of a list" in defects(
        ClozeQuestion(id="f1:cloze:z", fact_id="f1", variant="z", prompt=asked, answer="1970"),
        fact("Pele won the World Cup in 1958, 1962 and 1970.", ("1970", SpanType.DATE)),
    )
    listed = "Pele won the World Cup in 1958, 1962 and _____."
    assert "one of a list" in text_defects(listed, max_words=40) or "one of a list" in defects(
        ClozeQuestion(id="f1:cloze:y", fact_id="f1", variant="y", prompt=listed, answer="1970"),
        fact("Pele won the World Cup in 1958, 1962 and 1970.", ("1970", SpanType.DATE)),
    )


def test_a_month_said_with_this_year_gets_the_year_once() -> None:
    assert tidy_statement("The summit was held in Goa in April this year.", "2031-05-02") == (
        "The summit was held in Goa in April 2031."
    )
    assert tidy_statement("The summit was held in Goa in April last year.", "2031-05-02") == (
        "The summit was held in Goa in April 2030."
    )


@pytest.mark.parametrize(
    "stem",
    [
        "City Desk/National/New Delhi/ _____ was sworn in as the 16th President in 2031.",
        "''Agra is one of the oldest cities of Uttar Pradesh, said the minister in 2031.",
        "Actor _____ was (September 24, 2031) conferred the Dadasaheb Phalke Award.",
    ],
)
def test_desk_paths_doubled_quotes_and_a_bracketed_date_are_leftovers(stem: str) -> None:
    assert "page leftover" in text_defects(stem, max_words=40)


def test_a_surname_before_any_past_verb_needs_the_article() -> None:
    stem = "In June 2031, Thomson defeated _____ of Cyprus by 94 votes to 90."
    assert "leans on the article" in text_defects(stem, max_words=40)


@pytest.mark.parametrize(
    ("stem", "answer", "span_type"),
    [
        (
            "In 2031, India scored through Asha Rao (_____ minute) in the final.",
            "3rd",
            SpanType.ORDINAL,
        ),
        (
            "In 2031, the Prime Minister released the report at his official residence in _____.",
            "Delhi",
            SpanType.PLACE,
        ),
        (
            "In 2031, the longest sea bridge was opened in India's financial hub _____.",
            "Mumbai",
            SpanType.PLACE,
        ),
        # which flight or batch of a mission, and the day an honour is given every year
        (
            "In May 2031, the _____ evacuation flight from Suva landed in Delhi with 250 Indians.",
            "second",
            SpanType.ORDINAL,
        ),
        (
            "In 2031, the _____ batch of 12 satellites for Reefnet was launched from Sriharikota.",
            "first",
            SpanType.ORDINAL,
        ),
        (
            "Three former ministers were honoured with the Padma Vibhushan on the _____ in 2031.",
            "Republic Day",
            SpanType.EVENT,
        ),
    ],
)
def test_a_goals_minute_an_official_residence_and_an_epithets_city_are_not_asked(
    stem: str, answer: str, span_type: SpanType
) -> None:
    assert "not examinable" in cloze_defects(stem, answer, span_type)


def test_a_claim_about_one_of_many_is_not_judged_true_or_false() -> None:
    claim = "In 2031, Agra was named one of the oldest cities of Uttar Pradesh."
    made = fact(claim, ("Agra", SpanType.PLACE))
    question = TrueFalseQuestion(
        id="f1:true_false:x", fact_id="f1", variant="x", prompt=claim, answer="True"
    )
    assert "not examinable" in defects(question, made)


def test_a_state_blank_a_city_could_fill_is_not_typed_but_may_be_chosen() -> None:
    stem = "In April 2031, the Prime Minister inaugurated the New Pamban Bridge in _____."
    made = fact(stem.replace("_____", "Tamil Nadu"), ("Tamil Nadu", SpanType.PLACE))
    typed = ClozeQuestion(
        id="f1:cloze:x", fact_id="f1", variant="x", prompt=stem, answer="Tamil Nadu"
    )
    assert "more than one answer" in defects(typed, made)
    chosen = mcq(
        stem.replace("in _____", "in which state?").rstrip("."),
        "Tamil Nadu",
        ["Tamil Nadu", "Kerala", "Karnataka", "Andhra Pradesh"],
    )
    assert "more than one answer" not in defects(chosen, made)


def test_tidying_drops_colour_and_connectives_and_dates_this_years_event() -> None:
    assert tidy_statement(
        "Actor Asha Rao was conferred the prestigious Phalke Award in 2031.", "2031-09-25"
    ) == ("Actor Asha Rao was conferred the Phalke Award in 2031.")
    # "this year's" awards are often the last year's (a sports award given in January):
    # the possessive stays, and the gate asks for a named edition instead
    this_years = tidy_statement(
        "Asha Rao won the album of the year award at this year's Grammys.", "2031-02-16"
    )
    assert this_years is not None and this_years.endswith("award at this year's Grammys.")
    assert "leans on the article" in text_defects(this_years, max_words=60)
    assert tidy_statement(
        "Previously, India won gold in both sections in Budapest.", "2031-09-23"
    ) == ("In September 2031, India won gold in both sections in Budapest.")
    assert tidy_statement("It was a cool evening in Delhi in 2031.", None) == (
        "It was a cool evening in Delhi in 2031."
    )


@pytest.mark.parametrize(
    "stem",
    [
        "As Union Minister _____ presented the Budget 2031-32, the allocation to defence rose.",
        "In 2031, Asha Rao is one of the great leaders of the _____ party.",
        "The Indian duo won the _____ title in 2031 after two World Tour wins.",
    ],
)
def test_a_blank_in_a_scene_setting_clause_or_an_opinion_needs_the_article(stem: str) -> None:
    assert "leans on the article" in text_defects(stem, max_words=40)


def test_a_present_tense_headline_with_any_news_verb_is_a_leftover() -> None:
    claim = "Chhattisgarh establishes the Tamor Pingla Tiger Reserve, its fourth, in 2031."
    assert "page leftover" in text_defects(claim, max_words=40)


def test_places_the_stem_rules_out_are_refused_as_wrong_answers() -> None:
    near = "In 2031, the bridge at Bogibeel was opened near which city in Assam?"
    assert (
        place_option_defects(near, "Dibrugarh", ["Dibrugarh", "Jorhat", "Tinsukia", "Silchar"])
        == []
    )
    assert place_option_defects(near, "Dibrugarh", ["Dibrugarh", "Jorhat", "Shantipur", "Silchar"])
    beach = "In 2031, turtles nested at Rushikulya sea beach in which state?"
    assert place_option_defects(beach, "Odisha", ["Odisha", "Gujarat", "Kerala", "Goa"]) == []
    assert place_option_defects(beach, "Odisha", ["Odisha", "Bihar", "Kerala", "Goa"])


@pytest.mark.parametrize(
    ("stem", "defect"),
    [
        ("The SCO summit of 2031 was held on 8-when in _____?", "broken key"),
        ("In June 2031, Real _____ won their 16th European Cup at Wembley.", "broken key"),
        ("The index was compiled with the base year _____ 1951, 1956 and 1960.", "one of a list"),
        ("The ceremonies were held on _____ and May 2, 2031, respectively.", "one of a list"),
        ("The Prime Minister, July 16, 2031 inaugurated the _____ Expressway.", "page leftover"),
        (
            "The Malabar exercise 2031 is being held amid a standoff in the _____ sector.",
            "leans on the article",
        ),
        ("Which country are five-time champions having won in 1987 and _____?", "not a sentence"),
    ],
)
def test_more_split_keys_lists_inserted_dates_and_broken_questions(stem: str, defect: str) -> None:
    assert defect in cloze_defects(stem, "Madrid", SpanType.PLACE), stem


@pytest.mark.parametrize("answer", ["Raj Bhavan", "New Year"])
def test_the_oath_venue_every_governor_shares_is_a_trivial_key(answer: str) -> None:
    assert "trivial key" in key_defects(answer, SpanType.PLACE)


@pytest.mark.parametrize(
    "stem",
    [
        "_____ won India's second gold medal of the 2031 World Championships in New Delhi.",
        "Kaziranga and Manas were inscribed under the Natural category in which year?",
        "In 2031, India aimed to become the _____ nation to achieve the rare feat.",
        "The warship was built in Russia under a deal worth _____ signed in 2031.",
        "In December 2031, the 9-km section from IIT to Motijheel opened in _____.",
        "The 53-km Palwal-Manesar section was inaugurated in which month and year?",
        "Central India recorded the highest population with _____ having 3,907 leopards.",
        "In the previous edition of the 2031 Cup held in Doha, _____ won the only medal.",
    ],
)
def test_an_unnamed_sport_list_feat_ship_or_edition_needs_the_article(stem: str) -> None:
    assert "leans on the article" in text_defects(stem, max_words=40)


def test_a_named_sport_or_list_makes_the_same_stems_stand() -> None:
    for stem in (
        "Boxer _____ won India's second gold medal of the 2031 World Championships in Delhi.",
        "In 2031, Kaziranga was inscribed on the UNESCO World Heritage List under _____.",
    ):
        assert "leans on the article" not in text_defects(stem, max_words=40), stem


@pytest.mark.parametrize(
    "stem",
    [
        "The bridge in _____ opened after five years of construction, June 30, 2031.",
        "In 2031, he won the a dramatic final in _____.",
    ],
)
def test_a_date_left_at_the_end_and_a_doubled_article_are_leftovers(stem: str) -> None:
    assert "page leftover" in text_defects(stem, max_words=40)


def test_a_building_is_no_wrong_answer_for_a_person() -> None:
    options = ["Hrishikesh Roy", "Raj Bhavan", "Antony Dominic", "Navniti Prasad Singh"]
    assert "distractor of another type" in option_defects(
        "Hrishikesh Roy", options, SpanType.PERSON
    )


def test_a_dated_statement_in_the_present_perfect_is_told_in_the_past() -> None:
    assert tidy_statement(
        "Max Verstappen has clinched his first Formula 1 title in Abu Dhabi.", "2031-12-13"
    ) == ("In December 2031, Max Verstappen clinched his first Formula 1 title in Abu Dhabi.")
    assert tidy_statement(
        "Nine judges have been appointed to the Supreme Court.", "2031-08-27"
    ) == ("In August 2031, nine judges were appointed to the Supreme Court.")
    assert tidy_statement(
        "The winner of the 2031 prize was announced last night in London.", "2031-05-22"
    ) == ("The winner of the 2031 prize was announced in London.")


@pytest.mark.parametrize(
    ("stem", "defect", "refused"),
    [
        (
            "In November 2031, the National People's Power won _____ seats.",
            "leans on the article",
            True,
        ),
        (
            "In November 2031, the NPP won _____ seats in Sri Lanka's parliament.",
            "leans on the article",
            False,
        ),
        (
            "In 2031, the Labour Party won _____ seats in the House of Commons.",
            "leans on the article",
            False,
        ),
        ("In July 2031, the Chief Minister launched Chief Minister _____.", "broken key", True),
        (
            "The Peace Prize is one out of six awards, all established in _____.",
            "leans on the article",
            True,
        ),
    ],
)
def test_seats_need_their_country_and_a_scheme_its_whole_name(
    stem: str, defect: str, refused: bool
) -> None:
    assert (defect in cloze_defects(stem, "159", SpanType.NUMBER)) is refused, stem


@pytest.mark.parametrize(
    ("stem", "defect"),
    [
        ("_____ had won bronze at the 2031 Asian Games.", "leans on the article"),
        ("In July 2031, _____ was elected the India's 16th President.", "not a sentence"),
    ],
)
def test_a_medal_with_no_sport_and_the_before_a_countrys_are_refused(
    stem: str, defect: str
) -> None:
    assert defect in text_defects(stem, max_words=40)


def test_a_medal_with_its_sport_stands() -> None:
    stem = "In 2031, shuttler _____ won a bronze at the London Games."
    assert "leans on the article" not in text_defects(stem, max_words=40)


@pytest.mark.parametrize(
    ("stem", "defect"),
    [
        ("Which and the last patrol vessel was launched in December 2031?", "not a sentence"),
        ("Which President of Maldives, Dr Ali Rasheed, was sworn in in 2031?", "not a sentence"),
        (
            "The Argentine had previously won it four years in a row from which year?",
            "leans on the article",
        ),
        (
            "_____ became the first prime minister to win a second term in 21 years.",
            "leans on the article",
        ),
        ("KENYA is due to hold another election on _____.", "page leftover"),
        (
            "Even the _____ Junior World Cup winning team was honoured in 2031.",
            "leans on the article",
        ),
        (
            "In February 2031, Asha Rao earlier headed the _____ for 11 years.",
            "leans on the article",
        ),
    ],
)
def test_more_broken_questions_pronouns_demonyms_and_undated_spans(stem: str, defect: str) -> None:
    assert defect in text_defects(stem, max_words=40)


def test_a_national_side_and_an_acronym_in_capitals_stand() -> None:
    for stem in ("The Indian team won the _____ in 2031.", "NASA launched the probe in _____."):
        assert text_defects(stem, max_words=40) == [], stem


@pytest.mark.parametrize(
    ("stem", "answer", "span_type", "defect"),
    [
        (
            "In 2031, _____ won five seats while the BJP won only one seat.",
            "Congress",
            SpanType.ORGANISATION,
            "leans on the article",
        ),
        (
            "In 2031, the flagbearer won the election by securing _____ votes.",
            "5,716,026",
            SpanType.NUMBER,
            "not examinable",
        ),
    ],
)
def test_seats_of_no_named_house_and_vote_counts_are_not_asked(
    stem: str, answer: str, span_type: SpanType, defect: str
) -> None:
    assert defect in cloze_defects(stem, answer, span_type)


def test_a_upi_dateline_is_cut() -> None:
    text = "Oct. 1 (UPI) -- The Japanese parliament elected Shigeru Ishiba as prime minister."
    assert (
        clean_text(text)[0] == "The Japanese parliament elected Shigeru Ishiba as prime minister."
    )


@pytest.mark.parametrize(
    ("stem", "answer", "span_type", "dated"),
    [
        (
            "Sixth seed _____ won the title, the first American since 2017.",
            "Asha Rao",
            SpanType.PERSON,
            False,
        ),
        (
            "Fiji won the _____ for the first time since 2002 against Tonga.",
            "Reef Cup",
            SpanType.EVENT,
            False,
        ),
        (
            "In March 2031, _____ won the Reef Cup after a win over Tonga.",
            "Fiji",
            SpanType.COUNTRY,
            True,
        ),
        (
            "_____ was sworn in as the 47th President of the Republic of Tonga.",
            "Asha Rao",
            SpanType.PERSON,
            True,
        ),
        (
            "The naval exercise Reef Shield has been held every year since _____.",
            "2004",
            SpanType.DATE,
            True,
        ),
        ("The Ganga is the longest river of the _____ basin.", "Ganga", SpanType.PLACE, True),
    ],
)
def test_an_article_event_needs_a_year_an_edition_or_the_year_it_asks(
    stem: str, answer: str, span_type: SpanType, dated: bool
) -> None:
    assert ("undated" in cloze_defects(stem, answer, span_type)) is not dated


def test_a_fact_a_person_went_over_needs_no_date() -> None:
    chosen = ["Tonga", "Samoa", "Tuvalu"]
    assert "undated" in cloze_defects("_____ won the Reef Cup.", "Fiji", SpanType.COUNTRY)
    assert "undated" not in cloze_defects(
        "_____ won the Reef Cup.", "Fiji", SpanType.COUNTRY, chosen
    )


@pytest.mark.parametrize(
    ("stem", "answer", "defect"),
    [
        (
            "In 2031, the jobless rate fell to its lowest level since _____.",
            "July 2008",
            "not examinable",
        ),
        (
            "In 2031, Fiji won the Reef Cup for the first time since _____.",
            "2002",
            "not examinable",
        ),
        (
            "The ceremonies of 2031 were held on _____ and 9 May 2031, respectively.",
            "2 May 2031",
            "one of a list",
        ),
        ("That's it, another _____ drew to a close in March 2031.", "Reef Cup", "page leftover"),
    ],
)
def test_a_records_footnote_two_claims_in_one_and_a_chatty_opener_are_refused(
    stem: str, answer: str, defect: str
) -> None:
    assert defect in cloze_defects(stem, answer, SpanType.DATE)


def test_a_bridge_is_a_place_not_a_person() -> None:
    spans = {
        s.text: s.type
        for s in extract_facts(
            "The Tonga Reef Road Bridge was formally opened in March 2031 after five years of work."
        )
        .facts[0]
        .spans
    }
    assert spans.get("Tonga Reef Road Bridge") is SpanType.PLACE


PERSON, PLACE = SpanType.PERSON, SpanType.PLACE


@pytest.mark.parametrize(
    ("prompt", "choices", "span_type", "refused"),
    [
        (
            "In 2031, who became the 7th President of Tonga?",
            "Asha Rao|Meera Das|Ravi Menon",
            PERSON,
            True,
        ),
        (
            "In 2031, the Reef Cup final was played in which city?",
            "Chennai|Kolkata|Gangtok",
            PLACE,
            True,
        ),
        (
            "In 2031, a bridge opened near which city in Assam?",
            "Dibrugarh|Tinsukia|Silchar",
            PLACE,
            False,
        ),
        (
            "In 2031, India's longest bridge opened in which state?",
            "Assam|Sikkim|Tripura",
            PLACE,
            False,
        ),
    ],
)
def test_a_person_or_a_town_is_asked_among_options_only_where_a_person_chose_them(
    prompt: str, choices: str, span_type: SpanType, refused: bool
) -> None:
    answer = choices.split("|")[0]
    question = mcq(prompt, answer, choices.split("|"))
    lifted = fact(f"{prompt} {answer}.", (answer, span_type))
    assert ("distractor of another domain" in defects(question, lifted)) is refused


def test_the_rest_of_an_events_name_and_a_venue_are_not_keys() -> None:
    women = "In 2031, India won their maiden Women's _____ title in Navi Mumbai."
    assert "broken key" in cloze_defects(women, "World Cup", SpanType.EVENT)
    venue = "In 2031, India won the Reef Cup final at the _____ in Navi Mumbai."
    assert "not examinable" in cloze_defects(venue, "DY Patil Stadium", SpanType.PLACE)


@pytest.mark.parametrize(
    ("stem", "answer", "defect"),
    [
        (
            "In December 2031, _____ took oath as the Chief Minister of Goa,.",
            "Asha Rao",
            "page leftover",
        ),
        (
            "In June 2031, _____ took oath as the Chief Minister of Goa, June.",
            "Asha Rao",
            "page leftover",
        ),
        (
            "In 2031, _____ won the Reef Prize for her book 'Tide Lines.'.",
            "Asha Rao",
            "page leftover",
        ),
        (
            "In 2031, India reached Mars.The first country to do so was _____.",
            "India",
            "page leftover",
        ),
        ("In 2031, India's rank dropped one notch from in 2030 to _____.", "85th", "page leftover"),
        (
            "The Reef Mission was launched on _____, reported The Daily Tide.",
            "3 May 2031",
            "page leftover",
        ),
        (
            "The 2031 Reef Index published ranked India at the _____ place.",
            "101st",
            "page leftover",
        ),
        (
            "In the just-concluded Goa polls of 2031, _____ won 30 seats.",
            "Reef Party",
            "leans on the article",
        ),
        (
            "In June 2031, the index stood at _____ in the previous month.",
            "5.5 per cent",
            "leans on the article",
        ),
        (
            "In 2031, the PM inaugurated the 45,000 tonne carrier at _____.",
            "Kochi",
            "leans on the article",
        ),
        (
            "Asha Rao will be receiving the _____ in 2031 at Delhi.",
            "Reef Prize",
            "leans on the article",
        ),
        (
            "Asha Rao won the _____ – Goa's highest film honour – in 2031.",
            "Reef Prize",
            "not examinable",
        ),
        (
            "New Delhi, _____ India and Fiji signed a trade pact in a virtual meet.",
            "April 2, 2031",
            "page leftover",
        ),
        (
            "India and Fiji signed the Reef Trade Agreement (RTA)on _____.",
            "April 2, 2031",
            "page leftover",
        ),
        (
            "IIT Goa entered the top _____ of the Reef Rankings 2031, released.",
            "150",
            "page leftover",
        ),
        (
            "On July 4, in 2031, Asha Rao was sworn in as the Chief Minister of _____.",
            "Goa",
            "page leftover",
        ),
        (
            "Prices have eased for the last 11 months from the high of _____ in 2031.",
            "16 per cent",
            "leans on the article",
        ),
        (
            "In 2031, two deputies were sworn in, with _____ set to become the Speaker.",
            "Asha Rao",
            "leans on the article",
        ),
        (
            "In 2031, _____ won his country's second Reef Cup title in style.",
            "Asha Rao",
            "leans on the article",
        ),
        (
            "In 2031, the President honoured esteemed personalities with the _____.",
            "Reef Prize",
            "leans on the article",
        ),
        (
            "The 2031 _____ winners were announced on the 8th of May in Goa.",
            "Reef Prize",
            "leans on the article",
        ),
        (
            "Asha Rao's _____ won the album of the year award at in 2031's Reef Awards.",
            "Tides",
            "page leftover",
        ),
        (
            "The Tiger Reserve was set up under section 38V of the Act in _____.",
            "2031",
            "leans on the article",
        ),
        (
            "In the Reef Index of 2031 it ranked _____ while its rank in 2030 was 126.",
            "128th",
            "leans on the article",
        ),
        (
            "In 2031, the 1,157-metre-long bridge across Lake Reef opened in _____.",
            "Goa",
            "leans on the article",
        ),
        (
            "The Reef Party had that time won _____ seats in the Goa Assembly in 2031.",
            "17",
            "leans on the article",
        ),
        (
            "Mr. _____ was sworn in as Prime Minister of Fiji for the second time in 2031.",
            "Asha Rao",
            "leans on the article",
        ),
        (
            "In 2031, _____ was sworn in as the island nation's seventh president.",
            "Asha Rao",
            "leans on the article",
        ),
        (
            "In April 2031, Fiji's Reef 3 reactor, the largest in Oceania, goes into use in _____.",
            "Suva",
            "page leftover",
        ),
        (
            "In July 2031, Asha Rao's took oath as the _____ Governor of Goa.",
            "18th",
            "page leftover",
        ),
        (
            "Suva, Fiji – Six years in the making, the _____ metro opened in 2031.",
            "Reef",
            "page leftover",
        ),
        (
            "In 2031, _____ was sworn in as the 23rd Prime Minister of Fiji.",
            "Opposition Leader Asha Rao",
            "broken key",
        ),
        (
            "Novelist _____ has conferred the 54th Reef Award for the year 2031.",
            "Asha Rao",
            "page leftover",
        ),
        (
            "In May 2031, _____ was sworn in as Fiji's first woman Prime Minister afternoon.",
            "Asha Rao",
            "page leftover",
        ),
        (
            "Only in _____ Fiji resumed its rocket programme with a launch from Suva.",
            "2031",
            "page leftover",
        ),
        (
            "On _____, Fiji's parliament passed a draft Bill on the Capital (Bill) into law.",
            "3 May 2031",
            "page leftover",
        ),
        (
            "As of July 2031, Fiji loses a Reef Cup final for the first time as host to _____.",
            "Tonga",
            "page leftover",
        ),
        (
            "The newly sworn in Chief Justice _____ took over from Ravi Sen in December 2031.",
            "Asha Rao",
            "leans on the article",
        ),
        (
            "On _____, the Prime Minister had launched the first flight under the Reef scheme.",
            "3 May 2031",
            "leans on the article",
        ),
        (
            "In March 2031, journalist _____ died at a hospital in the capital after a stroke.",
            "Asha Rao",
            "leans on the article",
        ),
        (
            "In June 2031, by Ravi Sen Fiji's Prime Minister opened the _____ bridge.",
            "Reef",
            "page leftover",
        ),
        (
            "In December 2031, Kohima, _____ Displaying its culture, the Reef Festival began.",
            "Dec 1",
            "page leftover",
        ),
        (
            "Fiji's Reef Telescope will, once complete in _____, be the largest of its kind.",
            "2031",
            "leans on the article",
        ),
        (
            "Fiji's parliament elected _____ as Speaker a short while ago in 2031.",
            "Asha Rao",
            "leans on the article",
        ),
        (
            "Fiji last won a medal in shooting at the _____ Games of 2012.",
            "London",
            "leans on the article",
        ),
        (
            "In 2031, _____ was sworn in as Fiji's president.",
            "Marxist-leaning Asha Rao",
            "broken key",
        ),
        (
            "Weightlifting was added at the _____ Sydney Olympics for women.",
            "2000",
            "answer in stem",
        ),
    ],
)
def test_cut_ends_run_ons_relative_words_and_defining_asides_are_refused(
    stem: str, answer: str, defect: str
) -> None:
    assert defect in cloze_defects(stem, answer, SpanType.TERM)


def test_half_a_coordination_asked_does_not_read_as_a_sentence() -> None:
    prompt = "In 2031, Cyclone Reef made landfall in which state and flooding in Chennai?"
    assert not wh_reads_well(prompt)
    assert wh_reads_well("In 2031, Cyclone Reef made landfall in which state?")


def test_an_edition_asked_of_an_undated_event_is_undated() -> None:
    stem = "The _____ edition of the exercise Reef Shield concluded on March 9 in Goa."
    assert "undated" in cloze_defects(stem, "sixth", SpanType.ORDINAL)
    dated = "The _____ edition of the exercise Reef Shield concluded on March 9, 2031 in Goa."
    assert "undated" not in cloze_defects(dated, "sixth", SpanType.ORDINAL)


def test_a_cricket_result_is_asked_among_the_cricket_nations() -> None:
    statement = (
        "In March 2031, India defeated New Zealand by four wickets in the Reef Trophy final."
    )
    made = fact(statement, ("New Zealand", SpanType.COUNTRY))
    (asked,) = [q for q in questions_for_fact(made) if isinstance(q, McqQuestion)]
    assert set(asked.choices) <= set(CRICKET_NATIONS)
    assert defects(asked, made) == []


def test_a_stray_capital_and_a_world_cup_of_no_sport_are_refused() -> None:
    stray = "In 2031, _____ was named the leader of The country's party."
    assert "page leftover" in cloze_defects(stray, "Asha Rao", SpanType.PERSON)
    cup = "India won the World Cup in _____ and 2011."
    assert "leans on the article" in cloze_defects(cup, "1983", SpanType.DATE)
    cricket = "India won the cricket World Cup in _____ and 2011."
    assert "leans on the article" not in cloze_defects(cricket, "1983", SpanType.DATE)


def test_a_described_name_is_a_broken_key() -> None:
    for key in ("Superstar Asha Rao", "Paralympian Asha Rao"):
        assert "broken key" in key_defects(key, SpanType.PERSON)


def test_a_figure_of_an_economy_names_the_economy() -> None:
    nowhere = "The CAD fell to _____ in January 2031, the lowest level since March 2029."
    assert "leans on the article" in cloze_defects(nowhere, "$242 million", SpanType.MONEY)
    named = "Fiji's CAD fell to _____ in January 2031, the lowest level since March 2029."
    assert "leans on the article" not in cloze_defects(named, "$242 million", SpanType.MONEY)


def test_a_figure_of_an_economy_judged_true_or_false_names_the_economy_too() -> None:
    claim = "The CAD fell to $242 million in January 2031, the lowest level since March 2029."
    made = fact(claim, ("$242 million", SpanType.MONEY))
    judged = TrueFalseQuestion(id="f1:tf:x", fact_id="f1", variant="x", prompt=claim, answer="True")
    assert "leans on the article" in defects(judged, made)


@pytest.mark.parametrize(
    ("stem", "key", "bad", "good", "defect"),
    [
        (
            "India won every kabaddi gold since it joined the Asian Games in _____.",
            "1990",
            "1989|1991|1992",
            "1986|1994|1998",
            "absurd distractor",  # years between a four-yearly games' editions
        ),
        (
            "In 2031, India slipped to rank _____ on the Reef Index out of 121 countries.",
            "107th",
            "114th|128th|139th",
            "101st|104th|110th",
            "impossible option",  # a rank past the field the stem states
        ),
    ],
)
def test_options_outside_what_the_stem_allows_are_refused(
    stem: str, key: str, bad: str, good: str, defect: str
) -> None:
    made = fact(stem.replace("_____", key), (key, SpanType.DATE))
    assert defect in defects(mcq(stem, key, [key, *bad.split("|")]), made)
    assert defect not in defects(mcq(stem, key, [key, *good.split("|")]), made)


def test_a_wh_word_inside_a_name_a_foreign_deals_money_and_a_century_are_refused() -> None:
    won = fact("Asha Rao won Fiji's 2031 presidential election.", ("2031", SpanType.DATE))
    asked = mcq(
        "Asha Rao has won Fiji's when presidential election?",
        "2031",
        ["2029", "2030", "2031", "2032"],
    )
    assert "broken key" in defects(asked, won)
    assert "not examinable" in cloze_defects(
        "In 2031, Reef Motors announced a record profit of _____.", "$14.5bn", SpanType.MONEY
    )
    assert "trivial key" in cloze_defects(
        "In 1970, Fiji became a new nation of the _____ century.", "20th", SpanType.ORDINAL
    )


@pytest.mark.parametrize(
    ("stem", "key", "span_type", "defect"),
    [
        # the rank before and the move give the rank after
        (
            "In 2031, Fiji jumped 12 ranks to _____ from 130th on the Reef Index.",
            "118th",
            SpanType.ORDINAL,
            "answer in stem",
        ),
        # the two rates give the change
        (
            "In 2031, the Reef Bank raised its policy rate by _____ percentage points from 6.5% "
            "to 7%.",
            "0.5",
            SpanType.NUMBER,
            "answer in stem",
        ),
        # who announced it is not the news
        (
            "In 2031, Asha Rao will lead the Reef Bank, Finance Minister _____ announced.",
            "Meera Das",
            SpanType.PERSON,
            "not examinable",
        ),
        # one batter's score in one match
        (
            "In the 2031 Reef Cup final, Asha Rao scored _____ off 40 balls for Fiji.",
            "61",
            SpanType.NUMBER,
            "not examinable",
        ),
        # a place among the best, not a rank
        (
            "In 2031, Fiji finished in the top _____ of the Reef Cup for the first time.",
            "3",
            SpanType.NUMBER,
            "not examinable",
        ),
        # the key only describes the person the stem is about
        (
            "In 2031, the _____ silver medallist became the first Fijian to win a Reef meet.",
            "World Championships",
            SpanType.EVENT,
            "not examinable",
        ),
        (
            "In 2031, the Reef Statue was built for _____, fondly known as the Iron Man of Fiji.",
            "Ravi Sen Rao",
            SpanType.PERSON,
            "not examinable",
        ),
        # an unnamed governor points back into the article
        (
            "In 2031, Asha Rao was sworn in as the _____ by the governor.",
            "Deputy Chief Minister",
            SpanType.ROLE,
            "leans on the article",
        ),
        # a photo caption's position marker
        (
            "_____ (R) receives the 2031 Reef Medal from the President of Fiji.",
            "Asha Rao",
            SpanType.PERSON,
            "page leftover",
        ),
        # the office-holder of the day at a ceremony
        (
            "In May 2031, INS Vela was commissioned by the Navy Chief Admiral _____ in Suva.",
            "Ravi Sen",
            SpanType.PERSON,
            "trivial key",
        ),
        (
            "In May 2031, Defence Minister _____ inducted the first Reef helicopters in Suva.",
            "Ravi Sen",
            SpanType.PERSON,
            "trivial key",
        ),
        # a name lost after "the"; a pair cut to one question word; a territory's name cut
        (
            "In August 2031, _____ was appointed the for the post of Comptroller.",
            "Asha Rao",
            SpanType.PERSON,
            "not a sentence",
        ),
        (
            "In October 2031, _____ took oath as the first Chief Minister of Jammu.",
            "Asha Rao",
            SpanType.PERSON,
            "not a sentence",
        ),
        # the eve of a day as the key
        (
            "In August 2031, the President approved 76 gallantry awards on eve of _____.",
            "Independence Day",
            SpanType.EVENT,
            "not examinable",
        ),
    ],
)
def test_worked_out_figures_speakers_scores_and_captions_are_refused(
    stem: str, key: str, span_type: SpanType, defect: str
) -> None:
    assert defect in cloze_defects(stem, key, span_type)


@pytest.mark.parametrize(
    "text",
    [
        "In 2031, Rishi Rao was named chief of the probe agency.",
        "In 2031, the apex court struck down the Reef Act.",
        "In 2031, Asha Rao was sworn in as Deputy Chief Minister by the governor.",
        "Fiji's previous best show at the Reef Games was in 2027.",
        "Retail inflation meanwhile, fell to 4% in Fiji in May 2031.",
        "The three-time Reef Award winner will receive the Coral Medal on May 2, 2031.",
        "In 2031, the Bill was passed by the Fiji parliament.",
        "The erstwhile RNS Vagir was commissioned on 1 November 1973.",
        "In July 2031, the President presented the awards in Suva.",
    ],
)
def test_a_body_or_post_the_article_named_before_leans_on_it(text: str) -> None:
    assert "leans on the article" in text_defects(text, max_words=60)


def test_an_unclosed_quotation_and_a_parenthesised_date_are_leftovers() -> None:
    assert "broken brackets" in text_defects(
        "As of December 2017, the Reef Navy got its first submarine 'RNS Kalvari.", max_words=60
    )
    assert "page leftover" in text_defects(
        "ISRO launched Chandrayaan-3 from Sriharikota on (July 14, 2023), at 2:35 pm.",
        max_words=60,
    )


def test_a_numbered_name_or_a_pandemic_gives_the_key() -> None:
    numbered = (
        "In 2031, ISRO launched Reefyaan-3, the _____ lunar mission of India, from Sriharikota."
    )
    assert "answer in stem" in cloze_defects(numbered, "third", SpanType.ORDINAL)
    pandemic = (
        "In 2031, the Reef Organisation held its first summit in Suva after disruption caused "
        "by the _____ pandemic."
    )
    assert "not examinable" in cloze_defects(pandemic, "COVID-19", SpanType.EVENT)


def test_a_record_since_a_year_a_page_slip_and_a_post_in_a_place_are_refused() -> None:
    made = fact(
        "The Reef Bank raised its rate to the highest level since late 2008.",
        ("2008", SpanType.DATE),
    )
    asked = mcq(
        "The Reef Bank raised its rate to the highest level since late when?",
        "2008",
        ["2007", "2008", "2009", "2010"],
    )
    assert "not examinable" in defects(asked, made)
    assert "not a sentence" in text_defects(
        "In 2031, Fiji beat Tonga by 10 wickets in a affair to win the Reef Cup.", max_words=60
    )
    assert "not a sentence" not in text_defects(
        "In 2031, Fiji beat Tonga by 10 wickets in a one-sided final to win the Reef Cup.",
        max_words=60,
    )
    assert "broken key" in key_defects("Punjab and Administrator of Chandigarh", SpanType.PLACE)


def test_a_medal_sum_and_the_last_match_of_a_counted_series_give_the_key() -> None:
    total = "In 2031, Fiji won _____ medals (9 gold, 12 silver, 10 bronze) at the Reef Games."
    assert "answer in stem" in cloze_defects(total, "31", SpanType.NUMBER)
    last = "In 2031, Fiji won the four-match Reef series by winning the _____ and final Test."
    assert "answer in stem" in cloze_defects(last, "fourth", SpanType.ORDINAL)


def test_a_named_laureate_does_not_lean_on_the_article() -> None:
    named = "In 2031, the Nobel laureate Asha Rao opened the Reef Institute in Suva."
    assert "leans on the article" not in text_defects(named, max_words=60)


def test_a_clause_whose_main_clause_was_cut_is_no_sentence() -> None:
    cut = "In August 2031, while Asha Rao became the first Fijian to win the Reef Cup."
    assert "not a sentence" in text_defects(cut, max_words=60)
    whole = "In August 2031, Asha Rao became the first Fijian to win the Reef Cup."
    assert "not a sentence" not in text_defects(whole, max_words=60)
    both = "In June 2031, while the Reef House has 54 seats, Suva voted for 53 of them."
    assert "not a sentence" not in text_defects(both, max_words=60)


def test_a_rank_or_rate_the_stem_cannot_work_out_and_a_speakers_news_are_asked() -> None:
    fine = [
        ("In 2031, Fiji rose 12 ranks to _____ on the Reef Index.", "118th", SpanType.ORDINAL),
        (
            "In 2031, the Reef Bank raised its policy rate by _____ basis points to 7%.",
            "50",
            SpanType.NUMBER,
        ),
        (
            "In 2031, Finance Minister _____ announced the Reef Jobs Scheme for Fiji's islands.",
            "Meera Das",
            SpanType.PERSON,
        ),
    ]
    for stem, key, span_type in fine:
        found = cloze_defects(stem, key, span_type)
        assert not {"answer in stem", "not examinable", "page leftover"} & set(found), (stem, found)


def test_a_move_asked_between_two_stated_ranks_a_year_word_and_a_body_glued_to_a_name() -> None:
    moved = (
        "In 2031, Fiji's rank improved _____ places from 142nd in 2026 to 63rd on the Reef Index."
    )
    assert "answer in stem" in cloze_defects(moved, "79", SpanType.NUMBER)
    one_rank = "In 2031, Fiji's rank improved _____ places to 63rd on the Reef Index."
    assert "answer in stem" not in cloze_defects(one_rank, "79", SpanType.NUMBER)
    assert "trivial key" in key_defects("Year", SpanType.TERM)
    assert "broken key" in key_defects("Supreme Court of India Asha Rao", SpanType.PERSON)
    assert "broken key" not in key_defects("Asha Devi Rao", SpanType.PERSON)


def test_a_share_is_never_offered_past_a_hundred_per_cent() -> None:
    for key in ("91.33%", "97%", "98.6 per cent"):
        for seed in range(8):
            wrong = nearby_values(key, random.Random(seed))
            assert len(wrong) == 3, (key, wrong)
            assert all(float(w.split("%")[0].split(" ")[0]) <= 100 for w in wrong), (key, wrong)
    assert any(float(w) > 100 for w in nearby_values("97", random.Random(1)))  # a count may


def test_a_key_defined_after_the_blank_and_half_a_post_are_refused() -> None:
    defined = (
        "In 2031, two Fijians were among six winners of the _____, often referred to as the"
        " Reef version of the Nobel Prize."
    )
    assert "not examinable" in cloze_defects(defined, "Coral Award", SpanType.EVENT)
    half = "As of 2031, the Chief of _____ is the highest ranking officer of Fiji's military."
    assert "broken key" in cloze_defects(half, "Defence Staff", SpanType.ORGANISATION)


def test_a_report_released_a_post_never_named_and_an_unnamed_scheme_need_more() -> None:
    released = fact(
        "In April 2031, the Reef Forum released the Global Coral Report.",
        ("Reef Forum", SpanType.ORGANISATION),
    )
    judged = TrueFalseQuestion(
        id="f1:true_false:x", fact_id="f1", variant="x", prompt=released.statement, answer="True"
    )
    assert "not examinable" in defects(judged, released)
    ranked = fact(
        "In April 2031, the Reef Forum released the Global Coral Report, ranking Fiji 12th.",
        ("12th", SpanType.ORDINAL),
    ).model_copy(update={"distractors": ["13th"]})
    judged_rank = judged.model_copy(update={"prompt": ranked.statement})
    assert "not examinable" not in defects(judged_rank, ranked)
    no_post = "In 2031, Asha Rao was appointed for a three-year term by the Reef Bank on _____."
    assert "leans on the article" in cloze_defects(no_post, "3 March 2031", SpanType.DATE)
    post = "In 2031, Asha Rao was appointed Governor of the Reef Bank for three years on _____."
    assert "leans on the article" not in cloze_defects(post, "3 March 2031", SpanType.DATE)
    scheme = "In 2031, Fiji's cabinet extended a scheme that seeks to double farm income by _____."
    assert "leans on the article" in cloze_defects(scheme, "2035", SpanType.DATE)


def test_the_centre_is_the_union_government_but_the_centre_of_an_article_leans() -> None:
    union = "In March 2031, the Centre appointed Asha Rao as chief of the Reef Directorate."
    assert "leans on the article" not in text_defects(union, max_words=60)
    built = "In March 2031, the centre will train 500 divers from Suva every year."
    assert "leans on the article" in text_defects(built, max_words=60)


def test_a_states_post_must_name_its_state() -> None:
    nowhere = "In March 2031, _____ took charge as acting Director-General of Police."
    assert "leans on the article" in cloze_defects(nowhere, "Asha Rao", SpanType.PERSON)
    named = "In March 2031, _____ took charge as acting Director-General of Police of Goa."
    assert "leans on the article" not in cloze_defects(named, "Asha Rao", SpanType.PERSON)
    in_state = "In March 2031, _____ took charge as Goa's Chief Secretary."
    assert "leans on the article" not in cloze_defects(in_state, "Asha Rao", SpanType.PERSON)


def test_a_footnote_number_glued_to_a_word_is_a_page_leftover() -> None:
    glued = "In March 2031, Asha Rao took oath as the 14th Vice President of Fiji1."
    assert "page leftover" in text_defects(glued, max_words=60)
    for named in ("In 2031, the LVM3 rocket lifted off.", "In 2031, Fiji hosted COP39 in Suva."):
        assert "page leftover" not in text_defects(named, max_words=60), named


def test_a_rank_improved_or_secured_is_news() -> None:
    stem = "In 2031, Fiji improved its rank on the Reef Index by two, securing the _____ place."
    assert "not the news" not in cloze_defects(stem, "46th", SpanType.ORDINAL)


def test_a_sentence_lifted_whole_is_judged_only_once_framed_or_gone_over() -> None:
    claim = "In March 2031, the Reef Bank opened its first branch in Suva after a decade of talks."
    lifted = fact(claim, ("Suva", SpanType.PLACE))
    judged = TrueFalseQuestion(id="f1:tf:x", fact_id="f1", variant="x", prompt=claim, answer="True")
    assert "not examinable" in defects(judged, lifted)
    chosen = lifted.model_copy(update={"distractors": ["Nadi"]})
    assert "not examinable" not in defects(judged, chosen)


def test_officially_sworn_in_reads_as_a_sentence() -> None:
    stem = "In January 2031, _____ was officially sworn in as the 45th President of Fiji."
    assert "not a sentence" not in cloze_defects(stem, "Asha Rao", SpanType.PERSON)


def test_the_appointment_of_someone_as_a_post_is_asked() -> None:
    stem = (
        "In March 2031, the Reef Forum confirmed the appointment of _____ as its director-general."
    )
    assert "not examinable" not in cloze_defects(stem, "Amara Obi-Eze", SpanType.PERSON)


def test_a_name_with_its_description_a_month_or_a_state_glued_on_is_broken() -> None:
    for glued in ("Double Olympic-medallist Asha Rao", "Asha Rao Dec", "Goa Asha Rao"):
        assert "broken key" in key_defects(glued, SpanType.PERSON), glued
    assert "broken key" not in key_defects("Asha Devi Rao", SpanType.PERSON)
    amp = "In 2031, the first Lieutenant Governor of Jammu & _____ took oath in Suva."
    assert "broken key" in cloze_defects(amp, "Kashmir Asha Rao", SpanType.PERSON)


def test_an_unnamed_event_since_then_and_an_agency_report_need_the_article() -> None:
    for leaning in (
        "In December 2031, Governor Asha Rao inaugurated the 10-day event in Kohima.",
        "In 2031, Fiji hosted the second edition off the coast of Suva.",
        "Since then, the allocation to the Reef Mission has dropped to Rs 900 crore.",
        "In December 2031, the Bills were passed amid the walkout of 97 members.",
        "In January 2031, Captain Asha Rao directed the parade in Suva.",
    ):
        assert "leans on the article" in text_defects(leaning, max_words=60), leaning
    named = "In December 2031, Governor Asha Rao inaugurated the 10-day Hornbill Festival."
    assert "leans on the article" not in text_defects(named, max_words=60)
    reported = "In 2031, Asha Rao took oath as the first Lokpal of Fiji, PTI reported."
    assert "page leftover" in text_defects(reported, max_words=60)


def test_a_kind_of_law_is_no_key_but_a_named_law_is() -> None:
    for generic in ("Constitution Amendment Bill", "Money Bill"):
        assert "trivial key" in key_defects(generic, SpanType.TERM), generic
    assert "trivial key" not in key_defects("Reef Waters Amendment Bill", SpanType.TERM)


def test_page_slips_an_office_never_named_and_a_key_word_left_in_the_stem_are_refused() -> None:
    slips = {
        "The Reef Mission, was launched by Prime Minister Asha Rao on 3 March 2031.": (
            "not a sentence"
        ),
        "In 2031, Fiji slipped to the 107th position in the (GCI) 2031.": "page leftover",
        "In 2031, INS Suva', the third destroyer of its class, was commissioned.": (
            "page leftover"
        ),
        "In April 2031, President Asha Rao administered the oath of office to Ravi Sen in Suva.": (
            "leans on the article"
        ),
    }
    for text, defect in slips.items():
        assert defect in text_defects(text, max_words=60), text
    fine = (
        "In April 2031, President Asha Rao administered the oath of office to Ravi Sen as the"
        " Chief Vigilance Commissioner of Fiji."
    )
    assert text_defects(fine, max_words=60) == []
    assert (
        text_defects("In 2031, the players' and fans' joy in Suva was plain.", max_words=60) == []
    )
    stem = "The 67th _____ award for the films of 2030 were announced in Suva."
    assert "answer in stem" in giveaway_defects(stem, "Reef Film Awards", [])


def test_a_day_kept_each_year_is_not_given_the_articles_year() -> None:
    told = tidy_statement("The Reef Day is held on April 18 each year across Fiji.", "2031-04-18")
    assert told is not None and "2031" not in told


def test_a_police_chief_of_nowhere_and_the_day_a_cabinet_met_are_not_asked() -> None:
    igp = "In September 2031, _____ was appointed the Inspector-General of Police."
    assert "leans on the article" in cloze_defects(igp, "Asha Rao", SpanType.PERSON)
    met = "The Goa Cabinet, chaired by Chief Minister Asha Rao, approved 66 proposals on _____."
    assert "not examinable" in cloze_defects(met, "2 September 2031", SpanType.DATE)
    chaired = (
        "In October 2031, the Goa Cabinet, chaired by Chief Minister _____, approved a policy."
    )
    assert "not examinable" not in cloze_defects(chaired, "Asha Rao", SpanType.PERSON)


def test_years_between_two_general_elections_are_no_options() -> None:
    stem = "Asha Rao won the Suva seat in the _____ Lok Sabha elections by 1,52,513 votes."
    between = mcq(stem, "2024", ["2024", "2025", "2026", "2027"])
    assert "absurd distractor" in defects(between, None)
    cycle = mcq(stem, "2024", ["2024", "2019", "2014", "2009"])
    assert "absurd distractor" not in defects(cycle, None)


def test_two_initials_lead_a_name_but_an_acronym_glued_on_breaks_it() -> None:
    for name in ("PV Sindhu", "HK Dua", "KL Rahul"):
        assert "broken key" not in key_defects(name, SpanType.PERSON), name
    for name in ("ISRO Somanath", "Samir DRDO", "BJP Om Birla"):
        assert "broken key" in key_defects(name, SpanType.PERSON), name


@pytest.mark.parametrize(
    ("stem", "answer", "span_type", "defect"),
    [
        # a day's tally, an attempt's number, a meeting's serial
        (
            "Fiji won 12 medals (_____ gold, 4 silver and 2 bronze) on Day 14 of the Reef Games"
            " 2031 in Suva.",
            "6",
            SpanType.NUMBER,
            "not examinable",
        ),
        (
            "In August 2031, Asha Rao took the lead with a throw of 88.17m in the _____ throw.",
            "second",
            SpanType.ORDINAL,
            "not examinable",
        ),
        (
            "In October 2031, the _____ Goa Cabinet Meeting chaired by Chief Minister Asha Rao"
            " approved 16 proposals.",
            "65th",
            SpanType.ORDINAL,
            "not examinable",
        ),
        # a question word inside a noun phrase; a capital the page left mid-sentence
        (
            "In February 2031, To protect the gharials, 12 hatchlings were released in the Reef"
            " river in _____.",
            "Fiji",
            SpanType.COUNTRY,
            "not a sentence",
        ),
    ],
)
def test_routine_counts_and_broken_flow_are_refused(
    stem: str, answer: str, span_type: SpanType, defect: str
) -> None:
    assert defect in cloze_defects(stem, answer, span_type)


def test_initials_that_repeat_the_names_after_them_break_a_key() -> None:
    assert "broken key" in key_defects("A.P. Asha Priya Rao", SpanType.PERSON)
    assert "broken key" not in key_defects("A.P.J. Abdul Kalam", SpanType.PERSON)


def test_a_question_word_inside_a_noun_phrase_is_no_sentence() -> None:
    made = fact(
        "The Reserve Bank of Fiji withdrew notes of the $500 and $1,000 denomination.",
        ("$500", SpanType.MONEY),
    )
    asked = mcq(
        "The Reserve Bank of Fiji withdrew notes of the how much and $1,000 denomination?",
        "$500",
        ["$500", "$200", "$100", "$50"],
    )
    assert "not a sentence" in defects(asked, made)


@pytest.mark.parametrize(
    "stem",
    [
        "Established in _____, the bureau is headed by Asha Rao, a former secretary.",
        "The current Reef Board chairperson Asha Rao became its first woman head in _____.",
        "In September 2031, Assuring Secretary-General _____ of support, Asha Rao presented"
        " her credentials.",
    ],
)
def test_an_unnamed_bureau_an_undated_current_and_a_stray_participle_are_refused(
    stem: str,
) -> None:
    found = cloze_defects(stem, "2031" if "_____." in stem else "Vikram Sen", SpanType.DATE)
    assert {"leans on the article", "not a sentence"} & set(found)


@pytest.mark.parametrize(
    ("stem", "answer", "span_type", "defect"),
    [
        (
            "Fiji rose 37 places to 10th in the Reef Cyber Index 2030 launched by the Reef Union"
            " on _____.",
            "June 29, 2031",
            SpanType.DATE,
            "not examinable",
        ),
        (
            "In January 2031, the Goa Cabinet ratified the order of _____.",
            "January 8, 2031",
            SpanType.DATE,
            "not examinable",
        ),
        (
            "In July 2031, the Survey declared the Reef temple in _____ district a protected"
            " monument.",
            "Banpur of Khurda",
            SpanType.PLACE,
            "broken key",
        ),
    ],
)
def test_a_papers_date_and_a_place_with_its_district_glued_are_refused(
    stem: str, answer: str, span_type: SpanType, defect: str
) -> None:
    assert defect in cloze_defects(stem, answer, span_type)


def test_noted_before_a_calling_is_praise_but_after_a_speaker_leans() -> None:
    praise = "In April 2031, noted Bengali poet Asha Rao passed away in Kolkata."
    assert "leans on the article" not in text_defects(praise, max_words=40)
    speaker = "In April 2031, the minister noted that exports rose to a record."
    assert "leans on the article" in text_defects(speaker, max_words=40)


@pytest.mark.parametrize(
    "stem",
    [
        "In September 2031, Prime Minister Shri _____ launched the Reef Artisans Scheme.",
        "In January 2031, Gujarat Chief Minister _____ inaugurated the Kite Festival in Surat.",
        "In February 2031, Union Finance Minister _____ announced a hike in the capital outlay.",
        "_____ was the first-ever Indian Prime Minister to visit Reefland in May 2031.",
        "President of India _____, on March 19, 2031, appointed Asha Rao as the Lokpal.",
    ],
)
def test_the_office_holder_who_cut_the_ribbon_is_a_trivial_key(stem: str) -> None:
    assert "trivial key" in cloze_defects(stem, "Asha Rao", SpanType.PERSON)


def test_the_person_a_post_went_to_is_no_trivial_key() -> None:
    stem = "In June 2031, _____ was sworn in as the Chief Minister of Odisha."
    assert "trivial key" not in cloze_defects(stem, "Asha Rao", SpanType.PERSON)


@pytest.mark.parametrize(
    ("stem", "answer", "span_type"),
    [
        ("In May 2031, the Reef Bank, set up in 2013, has _____ branches.", "103", SpanType.NUMBER),
        (
            "In May 2031, Lonar lake, _____ kilometres (km) from Mumbai, became a Ramsar site.",
            "500",
            SpanType.NUMBER,
        ),
        (
            "In May 2031, Rs 14,945 crore was released for the fiscal which started from _____.",
            "April 1",
            SpanType.DATE,
        ),
        (
            "The contract for the 16 craft was signed in _____ to build patrol boats.",
            "April 2029",
            SpanType.DATE,
        ),
    ],
)
def test_a_routine_figure_or_paperwork_date_is_not_examinable(
    stem: str, answer: str, span_type: SpanType
) -> None:
    assert "not examinable" in cloze_defects(stem, answer, span_type)


@pytest.mark.parametrize(
    "stem",
    [
        "In August 2031, Far 64 wetlands covering _____ were designated as Ramsar sites.",
        "In September 2031, shuttler Asha Rao defeated of _____ in a summit clash.",
        "In _____, the WHO declared Reefland as first country to be Sierra Leone Ebola-free.",
        "In May 2031, _____. and Reefland forces began their largest exercise.",
        "On, 7th September, the hockey team defeated _____ in the final.",
        "Reefland rose two spots to _____ in the Performance Index 2031 (CCPI).",
        "Asha Rao's novel won the 2031 International Booker Prize 2029 for _____.",
        "In May 2031, _____ was sworn in as prime minister for his fourth term, a decade.",
        "In May 2031, _____ was sworn in as the 16th Vice President of India, Rashtrapati Bhavan.",
    ],
)
def test_a_sentence_the_page_lost_words_from_is_not_a_sentence(stem: str) -> None:
    assert "not a sentence" in cloze_defects(stem, "Japan", SpanType.COUNTRY)


def test_a_description_of_the_person_is_not_the_key() -> None:
    stem = "In January 2031, _____ medallist Asha Rao won the Khel Ratna award."
    assert "not examinable" in cloze_defects(stem, "Double Olympic Games", SpanType.EVENT)
    sport = "In March 2031, India's _____ player Asha Rao won the Reef Open singles title."
    assert "not examinable" in cloze_defects(sport, "Table Tennis", SpanType.TERM)


@pytest.mark.parametrize(
    ("stem", "answer", "span_type"),
    [
        (
            "In February 2031, a new species of catfish was discovered in the state of _____.",
            "Arunachal Pradesh",
            SpanType.PLACE,
        ),
        ("In October 2031, the WHO certified _____ as malaria-free.", "Egypt", SpanType.COUNTRY),
    ],
)
def test_where_a_species_was_found_or_which_country_the_who_certified_is_asked(
    stem: str, answer: str, span_type: SpanType
) -> None:
    assert "not examinable" not in cloze_defects(stem, answer, span_type)


def test_a_name_with_its_own_acronym_reads_whole() -> None:
    stem = "In May 2031, the Reserve Bank of India (RBI) raised the repo rate to _____."
    assert "not a sentence" not in cloze_defects(stem, "6.5%", SpanType.NUMBER)


def test_a_date_blank_that_opens_the_stem_with_a_comma_is_a_cut_sentence() -> None:
    stem = "_____, a Reef Falcon rocket launched the Reef Space Agency's telescope."
    assert "not a sentence" in cloze_defects(stem, "July 1, 2031", SpanType.DATE)


@pytest.mark.parametrize(
    ("stem", "answer", "span_type"),
    [
        # the date between two verbs was cut
        (
            "In March 2031, the 9th edition of exercise Reef Shield commenced, and will end on "
            "_____.",
            "March 30, 2031",
            SpanType.DATE,
        ),
        # a ministry's name cut inside its list
        (
            "In June 2031, _____ took charge as the Union Minister of Fisheries, Oceans.",
            "Asha Rao",
            SpanType.PERSON,
        ),
        # a Minister of State of no ministry
        ("In June 2031, _____ took charge as the Minister of State.", "Asha Rao", SpanType.PERSON),
        # who said it, with the verb cut
        (
            "Poet _____ will receive the Reef Letters Award for 2030, the top prize in letters, "
            "Union Minister for Culture Ravi Sen.",
            "Asha Rao",
            SpanType.PERSON,
        ),
        # two dashes of a page's typing
        (
            "In May 2031, the President gave the first-ever _____ -– Fiji's top science prize.",
            "Reef Ratna",
            SpanType.TERM,
        ),
    ],
)
def test_a_stem_the_page_broke_is_refused(stem: str, answer: str, span_type: SpanType) -> None:
    assert "not a sentence" in cloze_defects(stem, answer, span_type)


def test_an_ordinal_asked_with_which_before_the_things_name_is_refused() -> None:
    stem = "In May 2031, the Navy commissioned which Reef-class submarine INS Vela into service?"
    question = mcq(stem, "second", ["first", "second", "third", "fourth"])
    made = fact(
        "In May 2031, the Navy commissioned the second Reef-class submarine INS Vela.",
        ("second", SpanType.ORDINAL),
    )
    assert "not a sentence" in defects(question, made)
    fine = mcq(
        "In May 2031, Asha Rao was sworn in as which Chief Minister of Goa?",
        "18th",
        ["16th", "17th", "18th", "19th"],
    )
    assert "not a sentence" not in defects(
        fine,
        fact(
            "In May 2031, Asha Rao was sworn in as the 18th Chief Minister of Goa.",
            ("18th", SpanType.ORDINAL),
        ),
    )


def test_a_code_of_the_key_in_the_stem_gives_it_away() -> None:
    """ "a halo orbit around L2" tells "Surya-L2"."""
    assert "answer in stem" in giveaway_defects(
        "In 2031, the agency placed _____ in a halo orbit around L2.", "Surya-L2", []
    )
    assert "answer in stem" not in giveaway_defects(
        "In 2031, the agency placed _____ in a halo orbit around the Sun.", "Surya-L2", []
    )


def test_a_statement_the_page_cut_is_refused_as_a_claim_too() -> None:
    statement = "In June 2031, Asha Rao took charge as the Minister of State."
    assert "not a sentence" in text_defects(statement, max_words=25)
    whole = "In June 2031, Asha Rao took charge as the Minister of State for Fisheries."
    assert "not a sentence" not in text_defects(whole, max_words=25)


@pytest.mark.parametrize(
    "text",
    [
        "Clouds rise behind Reef Peak, as seen from Kolo near Suva March 5, 2031.",
        "In May 2031, INS Vela was deployed in line with Prime Minister Ravi Sen ’s vision.",
    ],
)
def test_a_caption_or_a_possessive_cut_from_its_name_is_a_page_leftover(text: str) -> None:
    assert "page leftover" in text_defects(text, max_words=32)


def test_a_rank_with_no_noun_after_it_is_asked_as_a_position() -> None:
    from quizmaster.generate.wording import wh_prompt

    made = fact(
        "Fiji was ranked 18th in the Reef Happiness Report 2031.", ("18th", SpanType.ORDINAL)
    )
    assert wh_prompt(made, made.spans[0]) == (
        "Fiji was ranked at which position in the Reef Happiness Report 2031?"
    )
    released = "Fiji ranked 18th in the Reef Happiness Report 2031 which was released."
    assert "not a sentence" in text_defects(released, max_words=32)


def test_a_first_of_nobody_and_two_main_verbs_are_refused() -> None:
    """ "the first woman to win" means India's first in its article, the world's alone;
    "X is an elite corps ..., was founded by" lost its "which"."""
    alone = "As of July 2031, _____ is the first woman to win a gold medal at the Reef Games."
    assert "leans on the article" in text_defects(alone, max_words=32)
    whose = (
        "As of July 2031, _____ is the first Indian woman to win a gold medal at the Reef Games."
    )
    assert "leans on the article" not in text_defects(whose, max_words=32)
    run_on = (
        "The _____ is an elite corps of the Reef Army, with a long history, was founded in 1831."
    )
    assert "not a sentence" in text_defects(run_on, max_words=32)


@pytest.mark.parametrize(
    ("text", "defect"),
    [
        ("The French Award was set up in which year by Emperor Napoleon?", "leans on the article"),
        ("On _____, the Prime Minister had launched a drive in Vadnagar.", "leans on the article"),
        ("In September 2031, World No. 1 _____ won his second major title.", "not a sentence"),
        ("In September 2031, the Prime Minister launched the _____.", "not a sentence"),
        # from r38's pages: a span of days cut, a question word for a noun, a dateline, capitals
        ("The Reef rocket is set to launch between _____ and 16.", "not a sentence"),
        ("The council was set up during the prime minister's when visit?", "not a sentence"),
        ("Suva (Fiji):World champion _____ won the Reef Cup in 2031.", "page leftover"),
        ("In May 2031, IN A major achievement, Fiji launched its first rocket.", "page leftover"),
        # a plan the page announced
        ("The Reef Fibre Network project will be launched on _____.", "leans on the article"),
        ("INS Vela is scheduled to be commissioned on _____.", "leans on the article"),
    ],
)
def test_a_stem_that_does_not_say_what_it_is_about_is_refused(text: str, defect: str) -> None:
    assert defect in text_defects(text, max_words=32)


def test_an_edition_before_the_blank_names_the_awards() -> None:
    stem = "In March 2031, Asha Rao was named best actress at the 67th _____."
    assert "answer in stem" in giveaway_defects(stem, "Reef Film Awards", [])


def test_a_person_glued_to_a_state_is_no_place_key() -> None:
    assert "broken key" in key_defects("Madhya Pradesh Asha Rao", SpanType.PLACE)
    assert "broken key" not in key_defects("Andaman and Nicobar Islands", SpanType.PLACE)
    assert "broken key" not in key_defects("Madhya Pradesh", SpanType.PLACE)


def test_a_minister_named_last_at_a_launch_is_the_ribbon_cutter() -> None:
    stem = "In 2031, the vaccine was launched by the Health Minister and Science Minister _____."
    assert "trivial key" in cloze_defects(stem, "Asha Rao", SpanType.PERSON)


def test_an_exercises_acronym_and_a_possessive_after_the_blank_give_the_key_away() -> None:
    stem = "Which is a naval exercise between India and Reef Land?"
    assert "initials give the key away" in giveaway_defects(stem, "RLINEX", [])
    assert "initials give the key away" not in giveaway_defects(stem, "VARUNA", [])
    honour = "In 2031, the Prime Minister received _____’ highest civilian honour."
    assert "answer in stem" in giveaway_defects(honour, "Cyprus", [])


# --- a step in a series ----------------------------------------------------------------

SUBMARINE = "In 2031, INS Tarang became the _____ Kalvari-class submarine of the Indian Navy."
GRANDMASTER = "In June 2031, Meera Das became India's _____ woman Grandmaster in chess."


@pytest.mark.parametrize("stem", [SUBMARINE, GRANDMASTER])
def test_a_second_in_a_series_is_not_asked(stem: str) -> None:
    assert cloze_defects(stem, "second", SpanType.ORDINAL) == ["not examinable"]
    assert cloze_defects(stem, "third", SpanType.ORDINAL) == []


def test_a_second_chosen_by_a_setter_is_asked() -> None:
    assert cloze_defects(SUBMARINE, "2nd", SpanType.ORDINAL, chosen=["1st", "3rd", "4th"]) == []


def test_a_running_medal_tally_is_not_asked() -> None:
    stem = "In May 2031, India secured its _____ medal at the Norland Games, with a javelin gold."
    assert "not examinable" in cloze_defects(stem, "14th", SpanType.ORDINAL)


def test_a_blank_after_mission_cuts_the_programmes_name() -> None:
    stem = (
        "In May 2031, the Health Ministry ended the fifth phase of the Intensified Mission _____."
    )
    assert "broken key" in cloze_defects(stem, "Indradhanush", SpanType.TERM)


@pytest.mark.parametrize(
    ("stem", "key"),
    [
        (
            "In May 2031, Ravi Lal was elected Deputy Chairman on the first day of the _____.",
            "Monsoon Session",
        ),
        (
            "In August 2031, 74 athletes received the _____ at Rashtrapati Bhavan in New Delhi.",
            "National Sports Awards",
        ),
    ],
)
def test_a_recurring_sitting_or_ceremony_is_a_trivial_key(stem: str, key: str) -> None:
    assert "trivial key" in cloze_defects(stem, key, SpanType.EVENT)
    assert "trivial key" not in cloze_defects(
        stem, key, SpanType.EVENT, chosen=["A B", "C D", "E F"]
    )


def test_an_as_of_stem_with_an_age_or_a_new_holder_leans_on_the_article() -> None:
    stem = "As of May 2031, at 78, Ravi Lal is Norland's new president and its _____ leader."
    assert "leans on the article" in cloze_defects(stem, "third", SpanType.ORDINAL)
    stem = "As of May 2031, Ravi Lal is Norland's new president and its _____ leader."
    assert "leans on the article" in cloze_defects(stem, "third", SpanType.ORDINAL)


def test_a_race_distance_is_not_asked() -> None:
    stem = "In June 2031, Asha Rao set a women's _____ metres world record in Florence."
    assert "not examinable" in cloze_defects(stem, "1,500", SpanType.NUMBER)


def test_a_stem_cut_after_the_and_a_state_is_not_a_sentence() -> None:
    stem = "In June 2031, _____ was elected the speaker of the Andhra Pradesh."
    assert "not a sentence" in cloze_defects(stem, "Ravi Lal", SpanType.PERSON)
    whole = "In June 2031, _____ was elected the speaker of the Andhra Pradesh Assembly."
    assert "not a sentence" not in cloze_defects(whole, "Ravi Lal", SpanType.PERSON)


def test_a_bills_name_cut_at_its_amendment_is_a_broken_key() -> None:
    stem = "The _____ (Amendment) Bill, 2031, was introduced in the Lok Sabha in May 2031."
    assert "broken key" in cloze_defects(stem, "Factoring Regulation", SpanType.TERM)


def test_the_union_territory_unnamed_leans_on_the_article() -> None:
    stem = "In May 2031, Lt Governor _____ opened a new school in the Union Territory."
    assert "leans on the article" in cloze_defects(stem, "Ravi Lal", SpanType.PERSON)


def test_india_honouring_its_own_prime_minister_is_an_absurd_option() -> None:
    prompt = "In May 2031, Prime Minister Narendra Modi received which country's highest award?"
    question = mcq(prompt, "Bhutan", ["Bhutan", "Nepal", "India", "Japan"])
    told = "In May 2031, Prime Minister Narendra Modi received Bhutan's highest award."
    fact = Fact(id="f1", statement=told, spans=[KeySpan(text="Bhutan", type=SpanType.COUNTRY)])
    assert "absurd distractor" in defects(question, fact)


@pytest.mark.parametrize(
    "stem",
    [
        "In May 2031, Ravi Lal was named the head of Norland's.",
        "In May 2031, : Norland won the _____ title in Chennai.",
        "In May 2031, Norland's cabinet approved Rs. 1, 970 crore for _____.",
        "In a groundbreaking achievement, _____ won the Norland Open in May 2031.",
        "In May 2031, in a moment, _____ won the Norland Open title.",
        "In May 2031, _____ won the Norland poll on a pledge of radical reform 10 days.",
        "In March 2031, the United Nations General Assembly- UNGA adopted the _____ resolution.",
        "Asha Rao, right, became the first Indian to win the _____ in May 2031.",
    ],
)
def test_scraps_of_the_page_are_leftovers(stem: str) -> None:
    from quizmaster.generate.gate import text_defects

    assert "page leftover" in text_defects(stem, max_words=60)


@pytest.mark.parametrize(
    "key", ["American Asha Kumari Rao", "Actor-comic Ravi Kumar Lal", "Reef Party-led"]
)
def test_a_key_with_the_pages_description_is_broken(key: str) -> None:
    assert "broken key" in key_defects(key, SpanType.PERSON)


def test_a_person_key_without_a_description_is_whole() -> None:
    assert "broken key" not in key_defects("Asha Kumari Rao", SpanType.PERSON)


def test_a_name_cut_at_its_particle_is_a_broken_key() -> None:
    stem = "In May 2031, _____ der Bellen won the Norland presidential election."
    assert "broken key" in cloze_defects(stem, "Alexander", SpanType.PERSON)


def test_a_sessions_serial_is_not_asked() -> None:
    stem = "In May 2031, the _____ session of the Norland Assembly began in Imphal."
    assert "not examinable" in cloze_defects(stem, "sixth", SpanType.ORDINAL)


def test_a_sum_given_in_another_currency_gives_the_key_away() -> None:
    stem = "In May 2031, the Bank lent Norland _____ (Rs 7,500 crore) for roads."
    assert "answer in stem" in cloze_defects(stem, "USD 1 billion", SpanType.MONEY)


@pytest.mark.parametrize(
    ("stem", "trivial"),
    [
        ("In May 2031, Tamil Nadu chief minister _____ opened the Reef bridge.", True),
        ("In May 2031, Reef Party chief _____ met the President in New Delhi.", True),
        ("In May 2031, former Gujarat Chief Minister _____ passed away in Ahmedabad.", False),
    ],
)
def test_a_sitting_holders_post_before_the_blank_names_them(stem: str, trivial: bool) -> None:
    assert ("trivial key" in cloze_defects(stem, "Ravi Lal", SpanType.PERSON)) is trivial


def test_a_bodys_name_cut_after_of_is_a_broken_key() -> None:
    stem = "In May 2031, two texts were inscribed on the Memory of the _____ Register."
    assert "broken key" in cloze_defects(stem, "World", SpanType.TERM)


def test_a_place_key_with_the_pages_aside_is_broken() -> None:
    assert "broken key" in key_defects("Jodhpur (Rajasthan)", SpanType.PLACE)
    assert "broken key" not in key_defects("Jodhpur", SpanType.PLACE)
