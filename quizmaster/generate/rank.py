"""Rank the questions that pass the gate and keep the best: one per fact, none that give
another away.

An aspirant is better served by six excellent questions from an article than by thirty that
ask the same name six ways. Two questions cut from one fact answer each other when shown
together (the cloze of one span prints the other), so each fact keeps its best question
only (:data:`MAX_PER_FACT`); across the deck a key is asked at most :data:`MAX_PER_KEY`
times, and no kept question shows the key of another. "Consider the following statements"
sets span several facts and cover only facts that kept no question of their own.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from quizmaster import places
from quizmaster.generate.exam_relations import RELATION_VALUE, relation
from quizmaster.generate.gate import content_words, key_type, option_key
from quizmaster.generate.text import BLANK
from quizmaster.generate.values import parse_ordinal
from quizmaster.models import Fact, Question, SpanType
from quizmaster.word_lists import NAME_HEADS

MAX_PER_FACT = 1
MAX_PER_KEY = 2

KEY_VALUE: dict[SpanType, int] = {
    SpanType.PERSON: 10,
    SpanType.EVENT: 9,
    SpanType.ORDINAL: 8,
    SpanType.PLACE: 8,
    SpanType.ORGANISATION: 8,
    SpanType.MONEY: 8,
    SpanType.NUMBER: 7,
    SpanType.DATE: 7,
    SpanType.COUNTRY: 6,
    SpanType.ROLE: 6,
    SpanType.TERM: 2,
}
# The exam's own form first: four options, then a typed answer, then a judgement.
# On a typed fact's turn a typed answer outranks the MCQ of the same key.
TYPED_BONUS = 4
KIND_VALUE = {
    "mcq": 4,
    "statements": 3,
    "match": 3,
    "cloze": 2,
    "short_answer": 1,
    "true_false": 0,
}


TYPED_EVERY = 3


def _typed_turn(fact_id: str) -> bool:
    """Every third fact or so is asked for a typed answer: recall, not only recognition.
    Chosen by a stable hash of the fact id, so the same deck always gets the same mix."""
    digest = hashlib.sha256(fact_id.encode()).digest()
    return digest[0] % TYPED_EVERY == 0


def score(question: Question, fact: Fact | None) -> float:
    """Higher is better: what the key is and what relation it stands in (the new chief over
    the one who left), the exam's form (typed on a typed fact's turn), a hand-written stem,
    brevity."""
    value = float(KIND_VALUE[question.kind])
    if question.kind in ("cloze", "short_answer") and _typed_turn(question.fact_id):
        value += TYPED_BONUS
    if question.kind in ("mcq", "short_answer", "cloze"):
        span_type = key_type(question, fact)
        value += KEY_VALUE[span_type]
        found = relation(question.prompt, question.answer, span_type)
        value += RELATION_VALUE.get(found, 0) if found else 0
    else:
        value += 7
    if question.variant == "hand":
        value += 5
    return value - len(question.prompt.split()) / 15


MAX_NGRAM = 8


def _ngrams(text: str) -> set[str]:
    """Every run of up to :data:`MAX_NGRAM` words of the text, compared as options are."""
    return places.word_runs(option_key(text).split(), MAX_NGRAM)


def shown_text(question: Question) -> str:
    """What a learner reads of a question before and after answering, options aside."""
    statements = getattr(question, "statements", None)
    body = " ".join(statements) if statements else question.prompt
    return f"{body} {question.explanation}"


def asked_key(question: Question) -> str | None:
    """The key another question could give away; None for judged statements."""
    if question.kind in ("true_false", "statements", "match"):
        return None
    return option_key(question.answer)


def _key_forms(question: Question, key: str | None) -> set[str]:
    """The key, and a person's surname on its own: "Justice Gavai" in one stem gives away
    "B. R. Gavai" in another."""
    if key is None:
        return set()
    forms = {key}
    words = question.answer.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words) and len(words[-1]) > 3:
        if question.answer.replace(".", "").replace(" ", "").isalpha():
            forms.add(option_key(words[-1]))
    return forms


# A judged claim is answered by another question that shows this share of its words.
CLAIM_SHOWN_SHARE = 0.5


def _told(question: Question) -> str:
    """What a question tells once answered: its stem with the key in, and its explanation."""
    filled = question.prompt
    if asked_key(question) is not None:
        filled = filled.replace(BLANK, question.answer)
    return f"{filled} {question.explanation}"


def _covered(claim: set[str], others: Sequence[set[str]]) -> bool:
    """Whether one of ``others`` shows most of the claim's words."""
    return bool(claim) and any(
        len(claim & other) >= CLAIM_SHOWN_SHARE * len(claim) for other in others
    )


def keep_best(questions: Sequence[Question], facts: dict[str, Fact]) -> list[Question]:
    """The best questions per fact and per key, in their original order, such that no kept
    question shows another's key (a stem naming the signatory gives away "Who signed?").
    Single-fact questions are chosen first; a "consider the following statements" set only
    covers facts that kept no question of their own."""
    ranked = sorted(
        range(len(questions)),
        key=lambda i: (
            questions[i].kind in ("statements", "match"),
            -score(questions[i], facts.get(questions[i].fact_id)),
            i,
        ),
    )
    per_fact: dict[str, int] = {}
    per_key: dict[str, int] = {}
    keys: set[str] = set()  # keys of kept questions
    shown: set[str] = set()  # word runs of what kept questions show
    stems: set[str] = set()  # prompts kept, as compared
    told: list[set[str]] = []  # the words each kept question shows, its key filled in
    claims: list[set[str]] = []  # the words of each kept judged claim
    kept: list[int] = []
    for i in ranked:
        question = questions[i]
        key = asked_key(question)
        words = content_words(_told(question))
        claim = content_words(question.prompt)
        if question.kind == "true_false" and _covered(claim, told):
            continue  # "India ranked 111th ... highest child wasting": judged by another stem
        if question.kind != "true_false" and any(_covered(claim, [words]) for claim in claims):
            continue
        fact_ids = getattr(question, "fact_ids", None) or [question.fact_id]
        if any(per_fact.get(f, 0) >= MAX_PER_FACT for f in fact_ids):
            continue
        if key is not None and per_key.get(key, 0) >= MAX_PER_KEY:
            continue
        runs = _ngrams(shown_text(question))
        forms = _key_forms(question, key)
        if runs & keys or any(form in shown for form in forms):
            continue
        stem = option_key(question.prompt)
        if stem in stems:
            continue  # two facts asked in the same words: one question, two answers
        stems.add(stem)
        for fact_id in fact_ids:
            per_fact[fact_id] = per_fact.get(fact_id, 0) + 1
        if key is not None:
            per_key[key] = per_key.get(key, 0) + 1
            keys.update(forms)
        shown |= runs
        told.append(words)
        if question.kind == "true_false":
            claims.append(claim)
        kept.append(i)
    return [questions[i] for i in sorted(kept)]


# Two questions from two articles ask the same thing when they share a key and this share of
# the shorter stem's words; two judged claims, when they share this much more.
REPEAT_SHARE = 0.5
REPEAT_CLAIM_SHARE = 0.8
# Two questions with one whole date or sum as their key need share fewer words: "The first
# batch of 36 satellites was launched on _____" and "The first set of 36 satellites for
# OneWeb was launched on _____" tell of one launch.
VALUE_REPEAT_SHARE = 0.34
# Two stems this much alike ask one thing, whatever their keys: one of the keys is wrong, or
# both name it two ways.
ALIKE_SHARE = 0.8
# How alike (rapidfuzz's ratio, 0-100) two spellings of one person's name are.
SAME_NAME = 94
# A person's name as a key: two to four capitalised words ("Asha Parekh", "Conrad K Sangma").
PERSON_KEY_RE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}")


def _shows(text: str, key: str) -> bool:
    """Whether the text holds the key as whole words, compared as options are."""
    return bool(key) and f" {key} " in f" {option_key(text)} "


def same_key(one: str, other: str) -> bool:
    """Whether two keys name one thing: the same words, in any order ("23 October 2022",
    "October 23, 2022"); the one inside the other, two words at least and half of it ("800
    million", "USD 800 million"); or a person's first and last names alike ("Conrad K
    Sangma", "Conrad Kongkal Sangma")."""
    mine, theirs = option_key(one).split(), option_key(other).split()
    if sorted(mine) == sorted(theirs):
        return bool(mine)
    rank = parse_ordinal(one)
    if rank is not None and rank == parse_ordinal(other):
        return True  # "4th" and "fourth"
    short, long = sorted((mine, theirs), key=len)
    if len(short) >= 2 and 2 * len(short) >= len(long):
        if f" {' '.join(short)} " in f" {' '.join(long)} ":
            return True
    if not (PERSON_KEY_RE.fullmatch(one) and PERSON_KEY_RE.fullmatch(other)):
        return False
    if (mine[0], mine[-1]) == (theirs[0], theirs[-1]):
        return True
    # "Sukhvinder Singh Sukhu", "Sukhwinder Singh Sukhu": one name, spelt two ways
    return mine[-1] == theirs[-1] and fuzz.ratio(" ".join(mine), " ".join(theirs)) >= SAME_NAME


def _person(answer: str) -> bool:
    """Whether a key reads as a person's name: no place, number or body."""
    return (
        PERSON_KEY_RE.fullmatch(answer) is not None
        and places.kind_of(answer) is None
        and not any(w.lower() in NAME_HEADS for w in answer.split())
    )


def repeats(question: Question, asked: Sequence[tuple[str, str]]) -> bool:
    """Whether the question asks again what one of ``asked`` (answer and prompt of questions
    in the collection's other decks) asks: "Rekha Gupta was sworn in as the Chief Minister of
    Delhi" from a second paper's article; or tells the other's key, or shows its own key in
    the other's stem, about the same news (half the words). A person asked for twice is
    asked twice whatever the words: the second paper's stem tells of the same honour or post
    in its own words ("Dadasaheb Phalke" and "Dada Saheb Phalke")."""
    if question.kind in ("statements", "match"):
        return False  # sets are made per deck, of facts that kept no question of their own
    key = asked_key(question)
    share = REPEAT_SHARE if key is not None else REPEAT_CLAIM_SHARE
    mine = content_words(question.prompt)
    for answer, prompt in asked:
        need = share
        theirs = content_words(prompt)
        shorter = min(len(mine), len(theirs))
        if key is not None and shorter and len(mine & theirs) >= ALIKE_SHARE * shorter:
            return True  # "opened the _____ in Nice" twice, keyed "Summit" and "Conference"
        if key is not None and not same_key(answer, question.answer):
            # "_____ was sworn in as the 18th Chief Minister" beside "Kamal Nath was sworn in
            # as the _____ Chief Minister": each stem gives the other's key away
            if not (_shows(prompt, key) or _shows(question.prompt, option_key(answer))):
                continue
            if _shows(prompt, key) and _person(question.answer):
                return True  # "Mirabai Chanu won silver at the _____" tells "_____ won silver"
        elif key is not None and _person(question.answer):
            return True
        elif key is not None and _value(key):
            need = VALUE_REPEAT_SHARE
        if shorter and len(mine & theirs) >= need * shorter:
            return True
    return False


def _value(key: str) -> bool:
    """A key that is a whole date or sum ("october 23 2022", "usd 800 million"), not a bare
    year or count that many events share."""
    return len(key.split()) > 1 and any(c.isdigit() for c in key)
