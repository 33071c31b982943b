"""Match-the-pairs questions over one relation of the deck (person to post ...)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from quizmaster.generate.answers import _fact_texts, acronym_of
from quizmaster.generate.statement_sets import _group_variant
from quizmaster.generate.text import contains_words, norm, rng_for
from quizmaster.models import (
    Fact,
    MatchQuestion,
    SpanType,
    question_id,
)


@dataclass(frozen=True)
class Relation:
    """A kind of pair a match question can ask about."""

    key: str
    left_type: SpanType | None
    right_type: SpanType | None
    left_title: str
    right_title: str


RELATIONS: tuple[Relation, ...] = (
    Relation("abbr", None, None, "Abbreviation", "Full form"),
    Relation("person-role", SpanType.PERSON, SpanType.ROLE, "Person", "Post"),
    Relation("person-org", SpanType.PERSON, SpanType.ORGANISATION, "Person", "Organisation"),
    Relation("person-country", SpanType.PERSON, SpanType.COUNTRY, "Person", "Country"),
    Relation("event-place", SpanType.EVENT, SpanType.PLACE, "Event", "Place"),
    Relation("event-date", SpanType.EVENT, SpanType.DATE, "Event", "Date"),
    Relation("place-country", SpanType.PLACE, SpanType.COUNTRY, "Place", "Country"),
)


def relation_pairs(facts: Sequence[Fact], relation: Relation) -> list[tuple[str, str, str]]:
    """(left, right, fact id) pairs the deck states for ``relation``: two spans of one fact,
    or a named span of one fact mentioned in another fact that has the other span."""
    pairs: list[tuple[str, str, str]] = []
    if relation.key == "abbr":
        for fact in facts:
            for span in fact.spans:
                acronym = acronym_of(span.text, _fact_texts(fact))
                if acronym and not contains_words(span.text, acronym):
                    pairs.append((acronym, span.text, fact.id))
        return pairs
    lefts = {s.text for f in facts for s in f.spans if s.type is relation.left_type}
    for fact in facts:
        rights = [s for s in fact.spans if s.type is relation.right_type]
        for right in rights:
            for left in sorted(lefts):
                if contains_words(fact.statement, left) and left != right.text:
                    pairs.append((left, right.text, fact.id))
    return pairs


def _unambiguous(pairs: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Pairs with distinct lefts and rights, where no chosen left is related to another
    chosen right (that would make two codes right)."""
    related = {(norm(a), norm(b)) for a, b, _ in pairs}
    chosen: list[tuple[str, str, str]] = []
    for left, right, fid in pairs:
        lefts = [norm(c[0]) for c in chosen] + [norm(left)]
        rights = [norm(c[1]) for c in chosen] + [norm(right)]
        if norm(left) in lefts[:-1] or norm(right) in rights[:-1]:
            continue
        cross = sum(1 for a in lefts for b in rights if (a, b) in related)
        if cross == len(lefts):
            chosen.append((left, right, fid))
    return chosen


def _code(order: Sequence[int]) -> str:
    return ", ".join(f"{'ABCDEFGH'[i]}-{n + 1}" for i, n in enumerate(order))


def match_questions(facts: Sequence[Fact]) -> list[MatchQuestion]:
    """Match-the-pairs for every relation with at least three unambiguous pairs."""
    out: list[MatchQuestion] = []
    topic_of = {f.id: f.topic for f in facts}
    for relation in RELATIONS:
        pairs = _unambiguous(relation_pairs(facts, relation))
        for start in range(0, len(pairs), 4):
            part = pairs[start : start + 4]
            if len(part) >= 3:
                out.append(_match_question(relation, part, topic_of))
    return out


def _match_question(
    relation: Relation, pairs: Sequence[tuple[str, str, str]], topic_of: dict[str, str]
) -> MatchQuestion:
    fact_ids = list(dict.fromkeys(fid for _, _, fid in pairs))
    topics = {topic_of[fid] for fid in fact_ids}
    variant = _group_variant(relation.key, [f"{a}={b}" for a, b, _ in pairs])
    qid = question_id(fact_ids[0], "match", variant)
    rng = rng_for(qid)
    left = [a for a, _, _ in pairs]
    right = [b for _, b, _ in pairs]
    while True:
        rng.shuffle(right)
        if len(pairs) < 2 or any(right[i] != pairs[i][1] for i in range(len(pairs))):
            break
    order = [right.index(b) for _, b, _ in pairs]
    perms = [list(p) for p in itertools.permutations(range(len(pairs))) if list(p) != order]
    rng.shuffle(perms)
    codes = sorted([_code(order), *(_code(p) for p in perms[:3])])
    prompt = "\n".join(
        [
            f"Match List I ({relation.left_title}) with List II ({relation.right_title}):",
            "List I: " + "; ".join(f"{'ABCDEFGH'[i]}. {a}" for i, a in enumerate(left)),
            "List II: " + "; ".join(f"{i + 1}. {b}" for i, b in enumerate(right)),
            "Select the correct code.",
        ]
    )
    return MatchQuestion(
        id=qid,
        fact_id=fact_ids[0],
        fact_ids=fact_ids,
        variant=variant,
        prompt=prompt,
        left=left,
        right=right,
        choices=codes,
        answer=_code(order),
        explanation="; ".join(f"{a}: {b}" for a, b, _ in pairs) + ".",
        topic=topics.pop() if len(topics) == 1 else "General",
    )
