"""Turn facts into exam questions. Pure and deterministic: the same facts give the same
questions, with the same ids, on every machine.

Per fact: a wh-question and a cloze per key span (plus the fact's own hand-written question),
a 4-option MCQ per key span, and one true/false. Per topic: UPSC "consider the following
statements" questions over 2-4 facts. Per deck: match-the-pairs where the deck has at least
three unambiguous pairs of one relation (person to post, abbreviation to full form ...).

Every random choice is seeded from the question id (hashlib, never Python's salted hash()).
Wrong answers come from, best first: the span's and the fact's hand-written distractors,
nearby values (ordinals, dates, numbers, fractions), the gazetteer group holding the answer
(Russian cities for Kazan), same-typed spans elsewhere in the deck, and the gazetteer group
most like the answer. A candidate that could be true is never used: deck spans of facts that
read alike, and values on the true side of "more than"/"less than"/"about". A span that
another item of a list in the deck could replace ("_____ is one of the emerging
technologies") is asked as an MCQ only, never as a typed blank.
"""

from __future__ import annotations

from quizmaster.generate.distractors import DeckIndex
from quizmaster.generate.per_fact import hand_written, questions_for_fact
from quizmaster.generate.pipeline import generate_questions, news_facts
from quizmaster.generate.text import BLANK, norm, slug

__all__ = [
    "BLANK",
    "DeckIndex",
    "generate_questions",
    "hand_written",
    "news_facts",
    "norm",
    "questions_for_fact",
    "slug",
]
