"""The lead is the news: an article's background sentences are asked only where a frame
writes their stem, and a date is asked only of what began. Articles written for these tests."""

from __future__ import annotations

from quizmaster.extract import extract_facts
from quizmaster.generate import generate_questions, news_facts
from quizmaster.models import Fact, SpanType

from .test_gate import cloze_defects

ARTICLE = """Coastal state gets a new chief secretary

Senior IAS officer Meera Kulkarni took charge as the Chief Secretary of Goa on Tuesday.
Kulkarni had earlier served as the Principal Secretary for Finance for six years in Panaji.
Arun Deshpande was appointed as the Chief Secretary of Goa in March 2023.
The Goa Administrative Staff College, where she taught, was founded in 1987.
"""


def _facts_of(text: str) -> tuple[list[Fact], frozenset[str]]:
    found = extract_facts(text, date="2026-06-16")
    return found.facts, found.background


def test_background_prose_is_marked_and_the_lead_and_lasting_facts_are_not() -> None:
    facts, background = _facts_of(ARTICLE)
    told = {f.statement: f.id in background for f in facts}
    lead = [s for s in told if "Meera Kulkarni" in s and "took charge" in s]
    assert lead and not any(told[s] for s in lead)
    career = [s for s in told if "Principal Secretary for Finance" in s]
    assert career and all(told[s] for s in career)
    founded = [s for s in told if "founded in 1987" in s]
    assert founded and not any(told[s] for s in founded)


def test_news_facts_keeps_background_a_frame_retells_and_drops_the_rest() -> None:
    facts, background = _facts_of(ARTICLE)
    kept = {f.statement for f in news_facts(facts, background)}
    assert not any("Principal Secretary for Finance" in s for s in kept)  # lifted career
    # "X was appointed as ... in March 2023": a frame writes the stem.
    assert any("Arun Deshpande" in s for s in kept)
    assert any("founded in 1987" in s for s in kept)
    dropped = [f for f in facts if f.statement not in kept]
    assert dropped and all(f.id in background for f in dropped)


def test_a_background_sentence_of_what_began_keeps_only_its_date() -> None:
    text = (
        "Space agency plans a second solar mission\n\n"
        "The Indian Space Research Organisation will send a second solar observatory to the "
        "L1 point in 2027, its chairman told reporters at Bengaluru.\n"
        "India's first solar observatory Aditya-L1 was launched from Sriharikota on "
        "September 2, 2023.\n"
    )
    facts, background = _facts_of(text)
    launched = [f for f in facts if "Aditya-L1" in f.statement]
    assert launched and launched[0].id not in background
    assert [s.type for s in launched[0].spans] == [SpanType.DATE]
    # The fact is kept for the deck, but its date is not asked: a date is a key only of a
    # fact a person went over.
    questions = generate_questions(news_facts(facts, background))
    assert "September 2, 2023" not in {q.answer for q in questions}


def test_a_date_is_asked_only_of_a_fact_a_person_went_over() -> None:
    met = cloze_defects(
        "India and Japan held their annual summit in Tokyo on _____.",
        "August 29, 2025",
        SpanType.DATE,
    )
    assert "not examinable" in met
    founded = cloze_defects(
        "The National Institute of Oceanography was established in _____.",
        "1966",
        SpanType.DATE,
    )
    assert "not examinable" in founded  # a founding year the references may dispute
    # A person who chose wrong answers for the date vouches for it: curated facts keep it.
    chosen = cloze_defects(
        "India and Japan held their annual summit in Tokyo on _____.",
        "August 29, 2025",
        SpanType.DATE,
        chosen=["August 28, 2025", "August 30, 2025", "September 1, 2025"],
    )
    assert "not examinable" not in chosen


def test_a_page_that_opens_with_a_reaction_has_the_news_as_its_lead() -> None:
    text = (
        "Social worker dies\n\n"
        "Chief Minister Ravi Sen expressed grief over her demise, calling her a voice of the"
        " poor.\n"
        "Padma Shri awardee and social activist Sunita Devi passed away Sunday night at her home"
        " in Berhampur, Odisha.\n"
    )
    facts, background = _facts_of(text)
    death = [f for f in facts if "Sunita Devi" in f.statement and "passed away" in f.statement]
    assert death and death[0].id not in background
    assert "Sunday" not in death[0].statement
    assert "Sunita Devi" in {q.answer for q in generate_questions(news_facts(facts, background))}
