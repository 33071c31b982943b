"""The questions of one fact: short answer, cloze, MCQ and true/false."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from quizmaster import places
from quizmaster.generate.answers import accepted_answers
from quizmaster.generate.distractors import (
    Candidates,
    DeckIndex,
    _falsifies,
    _ratio_at_least,
    _template,
    candidates_for,
    pick_distractors,
)
from quizmaster.generate.gate import span_defects, wh_reads_well
from quizmaster.generate.text import (
    APPROXIMATE,
    BLANK,
    LOWER_BOUND,
    UPPER_BOUND,
    contains_words,
    find_span,
    is_trivial,
    norm,
    replace_span,
    rng_for,
    slug,
)
from quizmaster.generate.values import numeric_key
from quizmaster.generate.wording import _hand_short_prompt, wh_prompt
from quizmaster.models import (
    ClozeQuestion,
    Fact,
    KeySpan,
    McqQuestion,
    Question,
    ShortAnswerQuestion,
    SpanType,
    TrueFalseQuestion,
    question_id,
)


def _explanation(fact: Fact) -> str:
    return fact.explanation or fact.statement


def _base(fact: Fact) -> dict[str, object]:
    return {"fact_id": fact.id, "explanation": _explanation(fact), "topic": fact.topic}


def _span_keyed(kind: str, fact: Fact, span: KeySpan, prompt: str) -> dict[str, object]:
    """The fields of a question whose typed answer is ``span``: named after the span, keyed
    by its text, with the answers accepted for it in this prompt."""
    return {
        "id": question_id(fact.id, kind, slug(span.text)),
        "variant": slug(span.text),
        "prompt": prompt,
        "answer": span.text,
        "tags": list(fact.tags),
        "accepted": accepted_answers(fact, span.text, prompt),
        **_base(fact),
    }


def echoed(statement: str, span_text: str) -> bool:
    """Whether the rest of the statement spells the span out again: "Major General ...,
    abbreviated Maj Gen" would give away both a blank and a swapped rank."""
    rest = replace_span(statement, span_text, " ")
    if contains_words(rest, span_text):
        return True
    words = re.findall(r"[A-Za-z]+", span_text)
    if len(words) < 2:
        return False
    for k in (3, 4):
        short = " ".join(w[:k] for w in words)
        if short != " ".join(words) and contains_words(rest, short):
            return True
    return False


def _askable(fact: Fact) -> list[KeySpan]:
    """Key spans worth a question: not trivial, and named once, so blanking it hides it."""
    out: list[KeySpan] = []
    seen: set[str] = set()
    for span in fact.spans:
        if is_trivial(span.text) or norm(span.text) in seen:
            continue
        if echoed(fact.statement, span.text):
            continue
        seen.add(norm(span.text))
        out.append(span)
    return out


# Words saying the span is one item of a list ("one of the emerging technologies"): a blank
# on it could be filled with any other item of the list, which the deck often holds.
LIST_CUES = re.compile(
    r"\b(one of|among|such as|including|also|already|areas?|fields?|focus areas?)\b", re.I
)
PARTNER_CUES = re.compile(r"\b(besides|apart from|alongside|as well as)\b", re.I)
LIST_TYPES = frozenset({SpanType.TERM, SpanType.EVENT})


def ambiguous_blank(index: DeckIndex, fact: Fact, span: KeySpan) -> bool:
    """Whether a typed answer for ``span`` (cloze, wh-question) could rightly be another span
    of the deck: the fact names one item of a list whose other items are sibling facts.
    Such spans are asked as MCQs only, where the wrong options are known to be wrong."""
    padded = index.padded.get(fact.statement) or f" {norm(fact.statement)} "
    nearby = [
        entry
        for entry in index.topic_neighbours(fact, span.type)
        if entry[0].id != fact.id and (entry[3] is None or entry[3] not in padded)
    ]
    siblings = [(entry[0], entry[1]) for entry in nearby]
    if span.type in LIST_TYPES and listed_with_others(fact, span):
        return True
    if not siblings:
        return False
    template = index.templates.get((fact.id, span.text)) or _template(fact.statement, span.text)
    words = frozenset(template)
    length, repeats = len(template), len(template) - len(words)
    for _, _, other_key, _, other_words, other_length, other_repeats in nearby:
        # The distinct-word bound of _ratio_at_least, inline: this loop runs per pair.
        shared = len(words & other_words) + min(repeats, other_repeats)
        if 2.0 * shared / (length + other_length) < 0.9:
            continue
        if _ratio_at_least(index.matcher(other_key), template, 0.9):
            return True  # the same sentence with another item
    if span.type not in LIST_TYPES:
        return False
    rest = replace_span(fact.statement, span.text, " ")
    if LIST_CUES.search(rest):
        return True
    # A sibling naming this item as a fellow of its own ("Besides mutual trust, ... rests on
    # shared security priorities" makes "rests on _____" ambiguous).
    return any(
        contains_words(other_fact.statement, span.text)
        and PARTNER_CUES.search(other_fact.statement)
        for other_fact, _ in siblings
    )


def listed_with_others(fact: Fact, span: KeySpan) -> bool:
    """Whether ``span`` is one item of a list of same-typed spans in its own statement
    ("such as AI, cybersecurity and robotics"): a typed blank could take any other item."""
    same = [s.text for s in fact.spans if s.type is span.type]

    def neighbours(text: str) -> set[str]:
        out = set()
        for other in same:
            for first, second in ((text, other), (other, text)):
                joint = rf"{re.escape(first)},?\s+(?:and\s+|or\s+)?{re.escape(second)}"
                if other != text and re.search(joint, fact.statement):
                    out.add(other)
        return out

    # Three items or more: "A and B" alone is a pair whose blank the other item pins down.
    near = neighbours(span.text)
    return len(near | {n2 for n in near for n2 in neighbours(n)} | {span.text}) >= 3


def cloze(fact: Fact, span: KeySpan) -> ClozeQuestion:
    """The statement with ``span`` blanked."""
    prompt = replace_span(fact.statement, span.text, BLANK)
    return ClozeQuestion(**_span_keyed("cloze", fact, span, prompt))  # type: ignore[arg-type]


def wh_question(fact: Fact, span: KeySpan) -> ShortAnswerQuestion | None:
    """A wh-question whose answer is ``span``, when one reads naturally."""
    prompt = wh_prompt(fact, span)
    if prompt is None:
        return None
    return ShortAnswerQuestion(**_span_keyed("short_answer", fact, span, prompt))  # type: ignore[arg-type]


def hand_written(fact: Fact) -> ShortAnswerQuestion | None:
    """The fact's own question, when it has one."""
    if not (fact.question and fact.answer):
        return None
    prompt = _hand_short_prompt(fact.question)
    return ShortAnswerQuestion(
        id=question_id(fact.id, "short_answer", "hand"),
        variant="hand",
        prompt=prompt,
        answer=fact.answer,
        tags=list(fact.tags),
        accepted=accepted_answers(fact, fact.answer, prompt),
        **_base(fact),  # type: ignore[arg-type]
    )


def _order_options(options: list[str], rng: random.Random) -> list[str]:
    keys = [numeric_key(o) for o in options]
    if all(k is not None for k in keys):
        return [
            o for _, o in sorted(zip(keys, options, strict=True), key=lambda pair: pair[0] or ())
        ]
    shuffled = list(options)
    rng.shuffle(shuffled)
    return shuffled


def mcq(
    index: DeckIndex, fact: Fact, answer: str, span: KeySpan | None, prompt: str, variant: str
) -> McqQuestion | None:
    """Four options, one right; None when the deck cannot supply three good wrong ones."""
    qid = question_id(fact.id, "mcq", variant)
    rng = rng_for(qid)
    cands = candidates_for(index, fact, answer, span, rng)
    keep = None
    if span is not None:
        before = fact.statement[: find_span(fact.statement, span.text)]
        if LOWER_BOUND.search(before) or UPPER_BOUND.search(before):
            # "More than three decades": a nearby value would be true as well; only the
            # author's options (exam convention: the closest bound) are used.
            cands = Candidates(cands.authored, [], [], [], [])
        elif APPROXIMATE.search(before):
            keep = _falsifies(fact.statement, span.text)
        elif span.type is SpanType.COUNTRY and (
            rivals := places.cricket_rivals(answer, fact.statement)
        ):
            rng.shuffle(rivals)  # a cricket result: among the cricket nations, not the continent
            cands = Candidates(cands.authored, [], rivals, [], [])
        elif span.type in (SpanType.PLACE, SpanType.COUNTRY):
            keep = places.fits_setting(answer, fact.statement)  # a sea beach: coastal states
    wrong = pick_distractors(cands, answer, prompt + " " + fact.statement, rng, keep=keep)
    if len(wrong) < 3:
        return None
    return McqQuestion(
        id=qid,
        variant=variant,
        prompt=prompt,
        answer=answer,
        choices=_order_options([answer, *wrong], rng),
        tags=list(fact.tags),
        **_base(fact),  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Falsified:
    """A fact's statement with one span swapped for a wrong alternative."""

    statement: str
    span_text: str
    wrong: str


def falsify(index: DeckIndex, fact: Fact, rng: random.Random) -> Falsified | None:
    """The statement made false by swapping one examinable key span for a same-typed wrong
    value that certainly is wrong (hand-written distractors and nearby values first)."""
    options: list[Falsified] = []
    for span in _askable(fact):
        if span_defects(span):
            continue  # only an examinable key is swapped: "Pune" for "Patna", not "tactics"
        cands = candidates_for(index, fact, span.text, span, rng)
        wrong = pick_distractors(
            cands, span.text, fact.statement, rng, keep=_falsifies(fact.statement, span.text)
        )
        if wrong:
            changed = replace_span(fact.statement, span.text, wrong[0])
            if norm(changed) != norm(fact.statement):
                options.append(Falsified(changed, span.text, wrong[0]))
    return rng.choice(options) if options else None


def true_false(index: DeckIndex, fact: Fact) -> TrueFalseQuestion:
    """The statement, or a falsified version of it (chosen by the seed)."""
    qid = question_id(fact.id, "true_false", "statement")
    rng = rng_for(qid)
    wrong = falsify(index, fact, rng) if rng.random() < 0.5 else None
    if wrong is None:
        prompt, answer = fact.statement, "True"
        explanation = f"True. {fact.explanation or ''}".strip()
    else:
        prompt, answer = wrong.statement, "False"
        explanation = f"False: it is {wrong.span_text}, not {wrong.wrong}. {fact.statement}"
    return TrueFalseQuestion(
        id=qid,
        variant="statement",
        prompt=prompt,
        answer=answer,
        tags=list(fact.tags),
        fact_id=fact.id,
        topic=fact.topic,
        explanation=explanation,
    )


def questions_for_fact(fact: Fact, index: DeckIndex | None = None) -> list[Question]:
    """Every question one fact yields on its own: its hand-written question, a wh-question,
    a cloze and an MCQ per key span, and a true/false."""
    index = index or DeckIndex.build([fact])
    out: list[Question] = []
    own = hand_written(fact)
    if own is not None:
        out.append(own)
        if fact.question and fact.answer:
            span = next((s for s in fact.spans if norm(s.text) == norm(fact.answer)), None)
            hand_mcq = mcq(index, fact, fact.answer, span, fact.question, "hand")
            if hand_mcq is not None:
                out.append(hand_mcq)
    for span in _askable(fact):
        covered = own is not None and fact.answer is not None and span.text == fact.answer
        typed = not ambiguous_blank(index, fact, span)
        asked = None if covered else wh_question(fact, span)
        if asked is not None and typed:
            out.append(asked)
        blanked = cloze(fact, span)
        if typed:
            out.append(blanked)
        if not covered:
            # Where no wh-question reads well, the MCQ asks to fill the blank instead.
            stem = asked.prompt if asked is not None and wh_reads_well(asked.prompt) else None
            stem = stem or blanked.prompt
            if not typed and listed_with_others(fact, span):
                stem = blanked.prompt  # "such as what, B and C?" reads badly
            stem = re.sub(r"^What (is|are) ", r"Which of the following \1 ", stem)
            extra = mcq(index, fact, span.text, span, stem, slug(span.text))
            if extra is not None:
                out.append(extra)
            elif not typed and listed_with_others(fact, span):
                # No safe wrong options: the blank among its fellow items is still asked.
                out.append(blanked)
    out.append(true_false(index, fact))
    return out
