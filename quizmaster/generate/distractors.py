"""Wrong answers: a deck index of same-typed spans, gazetteer groups, the choice of distractors."""

from __future__ import annotations

import bisect
import difflib
import functools
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from quizmaster import places, word_lists
from quizmaster.generate.text import (
    APPROXIMATE,
    COMBINATION_RE,
    DAY_MONTH_YEAR_RE,
    LOWER_BOUND,
    MONTH_INDEX,
    MONTH_YEAR_RE,
    NUMBER_IN_TEXT,
    ORDINAL_WORD_RE,
    UPPER_BOUND,
    YEAR_RE,
    _sentence_case_keep,
    contains_words,
    find_span,
    is_trivial,
    norm,
    replace_span,
)
from quizmaster.generate.values import nearby_values, numeric_key, parse_ordinal
from quizmaster.models import (
    Fact,
    KeySpan,
    SpanType,
)
from quizmaster.word_lists import STOPWORDS

# Distractor search compares an answer's statement with other facts' statements. Up to
# these many are compared per answer (in deck order), so generation stays linear in the deck
# size; a deck with fewer same-typed spans (or fewer spans per topic) than this is searched
# in full, exactly as without the cap.
DECK_COMPARE_CAP = 400
TOPIC_COMPARE_CAP = 200  # facts of the topic around the fact (window in topic order)


TopicSpan = tuple[Fact, KeySpan, tuple[str, str], str | None, frozenset[str], int, int]


@dataclass
class DeckIndex:
    """What distractor search needs to know about the whole deck."""

    facts: list[Fact]
    by_type: dict[SpanType, list[tuple[Fact, KeySpan]]] = field(default_factory=dict)
    templates: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # (fact id, answer, span text, span type) -> _deck_candidates: mcq and true/false ask
    # for the same span's deck candidates; the search is costly, so it runs once.
    deck_drawn: dict[tuple[str, str, str, str], list[str]] = field(default_factory=dict)
    # Facts of each topic, in deck order, and each fact's place there (by object identity).
    by_topic: dict[str, list[Fact]] = field(default_factory=dict)
    topic_pos: dict[int, int] = field(default_factory=dict)
    # (topic, span type) -> (entries, their facts' places in the topic), in topic order; an
    # entry is what ambiguous_blank compares: (fact, span, template key, " norm(span) " or
    # None, distinct words of the template, template length, its repeated words).
    topic_spans: dict[tuple[str, SpanType], tuple[list[TopicSpan], list[int]]] = field(
        default_factory=dict
    )
    # A SequenceMatcher per template, holding it as ``b``: difflib's indexes of ``b``
    # (b2j, the full count quick_ratio uses) are built once, not once per comparison.
    matchers: dict[tuple[str, str], difflib.SequenceMatcher[str]] = field(default_factory=dict)
    # Each template's distinct words: a C-speed bound that rules out most pairs at once.
    word_sets: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # " norm(statement) " per statement and norm() per span text, for contains_words.
    padded: dict[str, str] = field(default_factory=dict)
    normed: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, facts: Sequence[Fact]) -> DeckIndex:
        index = cls(list(facts))
        for fact in facts:
            members = index.by_topic.setdefault(fact.topic, [])
            index.topic_pos[id(fact)] = len(members)
            members.append(fact)
            for span in fact.spans:
                index.by_type.setdefault(span.type, []).append((fact, span))
                template = _template(fact.statement, span.text)
                index.templates[(fact.id, span.text)] = template
                index.word_sets[(fact.id, span.text)] = frozenset(template)
                index.normed[span.text] = norm(span.text)
            index.padded[fact.statement] = f" {norm(fact.statement)} "
        for topic, members in index.by_topic.items():
            for at, fact in enumerate(members):
                for span in fact.spans:
                    key = (fact.id, span.text)
                    template, words = index.templates[key], index.word_sets[key]
                    normed = index.normed[span.text]
                    entry = (
                        fact,
                        span,
                        key,
                        f" {normed} " if normed else None,
                        words,
                        len(template),
                        len(template) - len(words),
                    )
                    entries, places = index.topic_spans.setdefault((topic, span.type), ([], []))
                    entries.append(entry)
                    places.append(at)
        return index

    def says(self, fact: Fact, text: str) -> bool:
        """contains_words(fact.statement, text), from the precomputed forms."""
        n = self.normed.get(text)
        if n is None:
            n = self.normed[text] = norm(text)
        padded = self.padded.get(fact.statement)
        if padded is None:
            return contains_words(fact.statement, text)
        return bool(n) and f" {n} " in padded

    def topic_neighbours(self, fact: Fact, span_type: SpanType) -> list[TopicSpan]:
        """The ``span_type`` spans of ``fact``'s topic, or of the TOPIC_COMPARE_CAP facts
        around it when the topic is larger."""
        members = self.by_topic.get(fact.topic, [])
        entries, places = self.topic_spans.get((fact.topic, span_type), ([], []))
        if len(members) <= TOPIC_COMPARE_CAP:
            return entries
        at = self.topic_pos.get(id(fact), 0)
        start = min(max(0, at - TOPIC_COMPARE_CAP // 2), len(members) - TOPIC_COMPARE_CAP)
        low = bisect.bisect_left(places, start)
        high = bisect.bisect_left(places, start + TOPIC_COMPARE_CAP)
        return entries[low:high]

    def matcher(self, key: tuple[str, str]) -> difflib.SequenceMatcher[str]:
        """The matcher whose ``b`` is the template of ``key`` (empty if there is none)."""
        found = self.matchers.get(key)
        if found is None:
            found = difflib.SequenceMatcher(None, [], self.templates.get(key, []))
            self.matchers[key] = found
        return found


def _ratio_at_least(
    matcher: difflib.SequenceMatcher[str],
    template: list[str],
    threshold: float,
    words: frozenset[str] | None = None,
    other_words: frozenset[str] | None = None,
) -> bool:
    """Whether ``SequenceMatcher(None, template, b).ratio() >= threshold`` for the matcher's
    ``b``; the quick ratios are upper bounds of ratio() and settle most pairs. ``words`` and
    ``other_words``, the distinct words of both, bound it faster still: the matches are at
    most the shared distinct words plus the repeats of the sequence with fewer repeats."""
    b_length = len(matcher.b)  # type: ignore[attr-defined]  # typeshed omits a and b
    a_length = len(template)
    if words is not None and other_words is not None:
        total = a_length + b_length
        repeats = min(a_length - len(words), b_length - len(other_words))
        if total and 2.0 * (len(words & other_words) + repeats) / total < threshold:
            return False
    matcher.set_seq1(template)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return False
    # ratio() is 2 * M / (len(a) + len(b)), M the size of difflib's matching blocks: the
    # longest block, then recursively the longest blocks left and right of it. M is summed
    # the same way, stopping as soon as it settles the comparison either way.
    total = a_length + b_length
    if total == 0:
        return 1.0 >= threshold  # difflib's ratio of two empty sequences
    matched = 0
    queue = [(0, a_length, 0, b_length)]
    pending = min(a_length, b_length)  # at most this many matches remain
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        pending -= min(ahi - alo, bhi - blo)
        i, j, k = matcher.find_longest_match(alo, ahi, blo, bhi)
        if k:
            matched += k
            if 2.0 * matched / total >= threshold:
                return True
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
                pending += min(i - alo, j - blo)
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
                pending += min(ahi - i - k, bhi - j - k)
        if 2.0 * (matched + pending) / total < threshold:
            return False
    return 2.0 * matched / total >= threshold


def _template(statement: str, span_text: str) -> list[str]:
    return norm(replace_span(statement, span_text, " SLOT ")).split()


VALUE_TYPES = (SpanType.NUMBER, SpanType.ORDINAL, SpanType.DATE, SpanType.MONEY)

# Types whose deck spans name distinct things, so another fact's span is a safe wrong answer
# unless the two facts read alike. Terms and events of one article tend to be true together.
DECK_DRAWN_TYPES = frozenset(
    {
        SpanType.PERSON,
        SpanType.PLACE,
        SpanType.COUNTRY,
        SpanType.ORGANISATION,
        SpanType.ROLE,
        SpanType.DATE,
        SpanType.ORDINAL,
        SpanType.NUMBER,
        SpanType.MONEY,
    }
)


def _form_distance(candidate: str, answer: str) -> float:
    """How unlike the answer a candidate looks: word count, length, digits, capitals."""
    cw, aw = len(candidate.split()), len(answer.split())
    distance = abs(cw - aw) + abs(len(candidate) - len(answer)) / max(len(answer), 1)
    if any(c.isdigit() for c in candidate) != any(c.isdigit() for c in answer):
        distance += 5
    if candidate[:1].isupper() != answer[:1].isupper():
        distance += 1
    return distance


@functools.cache
def _group_keys(group: str) -> frozenset[str]:
    return frozenset(norm(x) for x in word_lists.GROUPS[group])


def _gazetteer_candidates(answer: str, span_type: SpanType) -> tuple[list[str], list[str]]:
    """(names from the groups holding the answer, names from the group most like it)."""
    same, like = _gazetteer_candidates_cached(answer, span_type)
    return list(same), list(like)


@functools.lru_cache(maxsize=4096)
def _group_word_sets(group: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(norm(x).split()) for x in word_lists.GROUPS[group])


@functools.lru_cache(maxsize=65536)
def _gazetteer_candidates_cached(
    answer: str, span_type: SpanType
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    same, like = _gazetteer_search(answer, span_type)
    return tuple(same), tuple(like)


def _gazetteer_search(answer: str, span_type: SpanType) -> tuple[list[str], list[str]]:
    if span_type is SpanType.DATE and norm(answer) not in MONTH_INDEX:
        return [], []  # a month is no distractor for a full date; nearby_values handles dates
    groups = word_lists.GROUPS_FOR_TYPE.get(span_type.value, ())
    key = norm(answer)
    holding = [g for g in groups if key in _group_keys(g)]
    if span_type in (SpanType.COUNTRY, SpanType.PLACE):
        alike = places.same_kind(answer)
        if alike:
            return alike, []
    if span_type is SpanType.COUNTRY:
        return list(word_lists.GROUPS["countries"]), []
    if holding:
        # The most specific group first (GROUPS_FOR_TYPE lists them so): Kazan gets Russian
        # cities, New Delhi Indian ones.
        return list(word_lists.GROUPS[holding[0]]), []
    if span_type in (SpanType.TERM, SpanType.EVENT):
        return [], []  # terms only from a group holding them: "technology" is no kinship
    # Else the group whose names share words with the answer ("Ministry of ...").
    words = set(key.split()) - STOPWORDS

    def overlap(group: str) -> int:
        return sum(len(words & names) for names in _group_word_sets(group))

    best = max(groups, key=overlap, default=None)
    if best is None or overlap(best) == 0:
        return [], []
    return [], list(word_lists.GROUPS[best])


@dataclass
class Candidates:
    """Wrong answers for one slot, best tier first."""

    authored: list[str]
    generated: list[str]
    gazetteer_same: list[str]
    # The deck's own spans: a list, or a function giving it, called only when a question
    # gets that far down the tiers (comparing templates is the costly tier).
    deck_source: list[str] | Callable[[], list[str]]
    gazetteer_like: list[str]

    @property
    def deck(self) -> list[str]:
        if callable(self.deck_source):
            self.deck_source = self.deck_source()
        return self.deck_source


@functools.lru_cache(maxsize=65536)
def place_kind(text: str) -> str | None:
    """The kind of place (country, state, union territory, city, lake, sanctuary ...), if
    the data packages or the place's own words say it."""
    return places.kind_of(text)


@functools.lru_cache(maxsize=65536)
def _value_form(text: str) -> str:
    """What a value looks like with its digits taken out: "_ crore", "_ January _"."""
    out = NUMBER_IN_TEXT.sub("_", text)
    out = ORDINAL_WORD_RE.sub("_", out)
    out = re.sub(r"\d+(st|nd|rd|th)\b", "_", out)
    return norm(out) or "_"


def _same_form(span_type: SpanType, candidate: str, answer: str) -> bool:
    """Deck spans must look like the answer: a city for a city, crore for crore."""
    if span_type in (SpanType.NUMBER, SpanType.MONEY, SpanType.DATE, SpanType.ORDINAL):
        return _value_form(candidate) == _value_form(answer)
    if span_type is SpanType.PLACE:
        mine, theirs = place_kind(answer), place_kind(candidate)
        return mine is None or theirs is None or mine == theirs
    return True


def candidates_for(
    index: DeckIndex,
    fact: Fact,
    answer: str,
    span: KeySpan | None,
    rng: random.Random,
) -> Candidates:
    """Every candidate wrong answer for ``answer`` (a span of ``fact``, or its hand answer)."""
    authored: list[str] = []
    if span is not None:
        authored.extend(span.distractors)
    if fact.answer is not None and norm(fact.answer) == norm(answer):
        authored.extend(fact.distractors)
    span_type = span.type if span is not None else _infer_type(answer)
    generated = nearby_values(answer, rng)
    same, like = _gazetteer_candidates(answer, span_type)
    deck: list[str] | Callable[[], list[str]] = []
    if span is not None and span.type in DECK_DRAWN_TYPES:
        deck = functools.partial(_deck_candidates, index, fact, answer, span)
    return Candidates(authored, generated, same, deck, like)


def _deck_candidates(index: DeckIndex, fact: Fact, answer: str, span: KeySpan) -> list[str]:
    """Same-typed spans of other facts whose statements do not read alike."""
    key = (fact.id, answer, span.text, span.type.value)
    if key in index.deck_drawn:
        return index.deck_drawn[key]
    deck: list[str] = index.deck_drawn.setdefault(key, [])
    template = index.templates.get((fact.id, span.text)) or _template(fact.statement, answer)
    words = frozenset(template)
    compared = 0
    for other_fact, other in index.by_type.get(span.type, []):
        if other_fact.id == fact.id or not _same_form(span.type, other.text, answer):
            continue
        if compared == DECK_COMPARE_CAP:
            break
        compared += 1
        # Facts that read alike make the other answer true here as well.
        other_key = (other_fact.id, other.text)
        other_words = index.word_sets.get(other_key, frozenset())
        if not _ratio_at_least(index.matcher(other_key), template, 0.6, words, other_words):
            deck.append(other.text)
    return deck


def _infer_type(answer: str) -> SpanType:
    """The type of a hand-written answer that is no key span: by its form, or by the
    gazetteer group that holds it."""
    if COMBINATION_RE.match(answer):
        return SpanType.TERM  # "1 only": a pick of numbered items, not a count
    if parse_ordinal(answer) is not None:
        return SpanType.ORDINAL
    if MONTH_YEAR_RE.match(answer) or DAY_MONTH_YEAR_RE.match(answer) or YEAR_RE.match(answer):
        return SpanType.DATE
    if numeric_key(answer) is not None:
        return SpanType.NUMBER
    key = norm(answer)
    for type_name, groups in word_lists.GROUPS_FOR_TYPE.items():
        if any(key in _group_keys(g) for g in groups):
            return SpanType(type_name)
    return SpanType.TERM


def _usable(candidate: str, answer: str, taken: Sequence[str]) -> bool:
    c = norm(candidate)
    if not candidate.strip() or not c or is_trivial(candidate):
        return False
    for other in (answer, *taken):
        o = norm(other)
        if c == o or f" {c} " in f" {o} " or f" {o} " in f" {c} ":
            return False
    return True


def pick_distractors(
    cands: Candidates,
    answer: str,
    context: str,
    rng: random.Random,
    *,
    keep: Callable[[str], bool] | None = None,
    count: int = 3,
) -> list[str]:
    """Up to ``count`` distinct wrong answers, authored ones first, then those most like the
    answer in form. ``context`` is the text the question shows: automatic candidates found in
    it would be eliminated at sight, so they are skipped."""
    chosen: list[str] = []
    tiers: list[tuple[Callable[[], list[str]], bool]] = [
        (lambda: cands.authored, False),
        (lambda: cands.generated, False),
        (lambda: cands.gazetteer_same, True),
        (lambda: cands.deck, True),  # computed only when reached
        (lambda: cands.gazetteer_like, True),
    ]
    for tier, automatic in tiers:
        pool = list(dict.fromkeys(tier()))
        if automatic:
            rng.shuffle(pool)  # ties in form are broken by the seed, not by list order
            pool.sort(key=lambda c: _form_distance(c, answer))
        for candidate in pool:
            if len(chosen) == count:
                return chosen
            if automatic and contains_words(context, candidate):
                continue
            if automatic and any(ch.isdigit() for ch in candidate) != any(
                ch.isdigit() for ch in answer
            ):
                continue
            if keep is not None and not keep(candidate):
                continue
            if _usable(candidate, answer, chosen):
                chosen.append(_sentence_case_keep(candidate.strip(), answer))
    return chosen


def _falsifies(statement: str, span_text: str) -> Callable[[str], bool]:
    """A filter keeping only candidates that make the statement false: after "more than
    three decades", "two decades" would still be true."""
    before = statement[: find_span(statement, span_text)]
    answer_key = numeric_key(span_text)
    if answer_key is None:
        return lambda _c: True
    if APPROXIMATE.search(before):
        # "About 30": 31 is about 30 too; only values at least a fifth away are wrong.
        value = answer_key[0]
        gap = abs(value) * 0.2 if value != int(value) else max(1.0, abs(value) * 0.2)
        return lambda c: (key := numeric_key(c)) is not None and abs(key[0] - answer_key[0]) > gap
    if LOWER_BOUND.search(before):
        return lambda c: (key := numeric_key(c)) is not None and key > answer_key
    if UPPER_BOUND.search(before):
        return lambda c: (key := numeric_key(c)) is not None and key < answer_key
    return lambda _c: True
