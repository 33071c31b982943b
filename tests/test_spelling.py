"""A page's misspellings, which the gate refuses to copy into a question."""

from __future__ import annotations

import pytest

from quizmaster.generate.spelling import misspelt
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
