"""UPSC "consider the following statements" questions over a topic's facts."""

from __future__ import annotations

import hashlib
import itertools
import random
from collections.abc import Iterable, Sequence

from quizmaster.generate.distractors import DeckIndex
from quizmaster.generate.gate import examinable_claim, statement_defects
from quizmaster.generate.per_fact import falsify
from quizmaster.generate.text import rng_for
from quizmaster.models import (
    Fact,
    StatementsQuestion,
    question_id,
)

# "How many" options; a pair of statements is always asked the "which" way.
HOW_MANY = {3: ["Only one", "Only two", "All three", "None"]}
HOW_MANY[4] = ["Only one", "Only two", "Only three", "All four"]
COUNT_WORD = {1: "one", 2: "two", 3: "three", 4: "four"}


def _group_variant(prefix: str, fact_ids: Iterable[str]) -> str:
    digest = hashlib.sha256(",".join(sorted(fact_ids)).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:8]}"


def topic_groups(facts: Sequence[Fact], size: int = 3) -> list[list[Fact]]:
    """Facts of each topic in runs of ``size`` (a lone leftover joins the run before it)."""
    topics: dict[str, list[Fact]] = {}
    for fact in facts:
        topics.setdefault(fact.topic, []).append(fact)
    groups: list[list[Fact]] = []
    for members in topics.values():
        runs = [members[i : i + size] for i in range(0, len(members), size)]
        if len(runs) > 1 and len(runs[-1]) == 1:
            runs[-2].extend(runs.pop())
        groups.extend(run for run in runs if 2 <= len(run) <= 4)
    return groups


def _subset_label(subset: Sequence[int], total: int) -> str:
    items = [str(i) for i in subset]
    if len(subset) == total and total > 2:
        return ", ".join(items[:-1]) + " and " + items[-1]
    if total == 2 and len(subset) == 2:
        return "Both 1 and 2"
    if not subset:
        return "Neither 1 nor 2" if total == 2 else "None of them"
    if len(items) == 1:
        return f"{items[0]} only"
    return ", ".join(items[:-1]) + " and " + items[-1] + " only"


def statements_question(index: DeckIndex, group: Sequence[Fact]) -> StatementsQuestion | None:
    """UPSC "Consider the following statements": short clean claims, some true, at least one
    made false by swapping an examinable span for one of its type. None when the group has
    fewer than two such claims or none that can be made false."""
    group = [f for f in group if not statement_defects(f.statement) and examinable_claim(f)]
    if len(group) < 2:
        return None
    fact_ids = [f.id for f in group]
    variant = _group_variant("set", fact_ids)
    qid = question_id(group[0].id, "statements", variant)
    rng = rng_for(qid)
    claims = _true_and_false(index, group, rng)
    if claims is None:
        return None
    lines, correct, notes = claims
    total = len(group)
    ask, choices, answer = _ask(correct, total, rng)
    right = (
        "All the statements are correct."
        if len(correct) == total
        else f"Correct: {_subset_label(correct, total).replace(' only', '')}."
    )
    prompt = "\n".join(
        ["Consider the following statements:"]
        + [f"{n}. {line}" for n, line in enumerate(lines, 1)]
        + [ask]
    )
    return StatementsQuestion(
        id=qid,
        fact_id=group[0].id,
        fact_ids=fact_ids,
        variant=variant,
        prompt=prompt,
        statements=lines,
        choices=choices,
        answer=answer,
        explanation=" ".join([*notes, right]),
        topic=group[0].topic,
        tags=sorted({t for f in group for t in f.tags}),
    )


def _true_and_false(
    index: DeckIndex, group: Sequence[Fact], rng: random.Random
) -> tuple[list[str], list[int], list[str]] | None:
    """The claims as the set shows them, about half made false, with at least one of each:
    (the lines, the numbers of the true ones, a note on each false one). None when no claim
    can be made false."""
    lines: list[str] = []
    correct: list[int] = []
    notes: list[str] = []
    for number, fact in enumerate(group, 1):
        changed = falsify(index, fact, rng) if rng.random() < 0.5 else None
        if changed is None:
            lines.append(fact.statement)
            correct.append(number)
        else:
            lines.append(changed.statement)
            notes.append(
                f"Statement {number} is incorrect: it is {changed.span_text}, not {changed.wrong}."
            )
    if not correct:
        # At least one statement stays true: "none" would otherwise always be the answer.
        last = len(group)
        lines[-1] = group[-1].statement
        correct.append(last)
        notes.pop()
    if len(correct) == len(group):
        # At least one is false: a set of true claims tests nothing.
        for number, fact in enumerate(group[:-1], 1):
            changed = falsify(index, fact, rng)
            if changed is not None:
                lines[number - 1] = changed.statement
                correct.remove(number)
                notes.append(
                    f"Statement {number} is incorrect: it is {changed.span_text}, "
                    f"not {changed.wrong}."
                )
                break
        else:
            return None
    return lines, correct, notes


def _ask(correct: list[int], total: int, rng: random.Random) -> tuple[str, list[str], str]:
    """The question under the statements, its options and its answer: which are correct
    (two statements, or three half the time), else how many."""
    if total == 2 or (total == 3 and rng.random() < 0.5):
        ask = "Which of the statements given above is/are correct?"
        if total == 2:
            choices = ["1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2"]
        else:
            subsets = [list(c) for r in (1, 2, 3) for c in itertools.combinations(range(1, 4), r)]
            others = [s for s in subsets if s != correct]
            rng.shuffle(others)
            picked = sorted([correct, *others[:3]], key=lambda s: (len(s), s))
            choices = [_subset_label(s, total) for s in picked]
        return ask, choices, _subset_label(correct, total)
    count = len(correct)
    answer = f"All {COUNT_WORD[total]}" if count == total else f"Only {COUNT_WORD[count]}"
    return "How many of the above statements are correct?", HOW_MANY[total], answer
