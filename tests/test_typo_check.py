"""A page's misspellings, which the gate refuses to copy into a question."""

from __future__ import annotations

import pytest

from quizmaster.generate.typo_check import capital_after_date, misspelt
from quizmaster.models import SpanType
from tests.test_gate import cloze_defects


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("The All India Insitute of Medical Sciences opened a new campus.", "Insitute"),
        ("The award was recieved by the team in Geneva.", "recieved"),
        ("The Governement of Tamil Nadu launched the scheme.", "Governement"),
        ("The report was released during the financia", "financia"),  # a page cut short
    ],
)
def test_a_slip_of_the_page_is_found(text: str, slip: str) -> None:
    assert misspelt(text) == slip


@pytest.mark.parametrize(
    "text",
    [
        # British spellings of dictionary words
        "The organisation honoured the programme's centre for its defence fibres.",
        # names the dictionary does not hold, short or long
        "Rajnath Singh met Keir Starmer and Narendra Modi in Shillong.",
        # words of Indian news the dictionary lacks
        "The shuttler and other sportspersons won awards worth 5 crore per annum.",
        # acronyms and words too short to judge
        "ISRO and DRDO set up a new lab in Goa.",
    ],
)
def test_clean_text_has_no_slip(text: str) -> None:
    assert misspelt(text) is None


def test_the_gate_refuses_a_question_that_copies_a_slip() -> None:
    stem = "The All India Insitute of Medical Sciences opened its new campus in _____."
    assert "page leftover" in cloze_defects(stem, "Darbhanga", SpanType.PLACE)
    clean = stem.replace("Insitute", "Institute")
    assert "page leftover" not in cloze_defects(clean, "Darbhanga", SpanType.PLACE)


@pytest.mark.parametrize(
    "text",
    [
        "In August 2031, Hours ahead of the summit, the Prime Minister met the President.",
        "In September 2031, Playback singer _____ passed away in Chennai.",
        "As of May 2031, Hockey legend Ravi Lal is the coach of the team.",
    ],
)
def test_a_common_word_left_capitalised_after_the_date_is_a_leftover(text: str) -> None:
    assert capital_after_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "In May 2031, India won the cup in Chennai.",
        "In May 2031, Indian shuttler Ravi Lal won the title.",
        "In May 2031, Amazon announced a plan for Chennai.",
        "In 2031, Tianjin hosted the summit.",
        "In May 2031, the playback singer died.",
    ],
)
def test_a_name_after_the_date_stays(text: str) -> None:
    assert capital_after_date(text) is None


@pytest.mark.parametrize("word", ["Benglauru", "Maharastra", "Jharkahnd", "Chhatisgarh"])
def test_an_indian_place_with_a_letter_dropped_or_swapped_is_a_slip(word: str) -> None:
    assert misspelt(f"India won the title in {word} in 2031.") == word


@pytest.mark.parametrize(
    "word", ["Bhatnagar", "Bhubaneshwar", "Bengali", "Kashmiri", "Jinping", "Giorgia"]
)
def test_a_name_near_a_place_is_no_slip(word: str) -> None:
    assert misspelt(f"The award went to {word} Ravi Lal in 2031.") is None


def test_a_slip_that_makes_another_word_is_caught() -> None:
    assert misspelt("Argentina won the FIFA Word Cup in 2031.") == "Word Cup"
    assert misspelt("Argentina won the FIFA World Cup in 2031.") is None


def test_a_months_name_misspelt_is_a_slip() -> None:
    assert misspelt("The summit was held on 21 Februray 2031 in Delhi.") == "Februray"
