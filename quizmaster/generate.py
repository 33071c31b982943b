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

import bisect
import difflib
import functools
import hashlib
import itertools
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from quizmaster import gazetteer
from quizmaster.models import (
    ClozeQuestion,
    Fact,
    KeySpan,
    MatchQuestion,
    McqQuestion,
    Question,
    ShortAnswerQuestion,
    SpanType,
    StatementsQuestion,
    TrueFalseQuestion,
    question_id,
)

BLANK = "_____"

STOPWORDS = frozenset(
    "a an the and or but of in on at to for by with from as is are was were be been it its "
    "this that these those he she they them his her their we our you your i me my not no so "
    "if then than there here also both either neither which who whom what when where why how "
    "do does did has have had will would shall should can could may might must".split()
)
PREPOSITIONS = frozenset(
    "in on at to for by with from of into onto over under about after before during since "
    "until between among against towards toward through via behind beside besides across "
    "within without beyond around along amid per upon".split()
)
ADVERBS = frozenset("worldwide together abroad overseas nationwide globally also".split())
# Irregular verbs that follow a name ("The Ministry of Defence set out ..."); a word after a
# name that is none of these, nor ends like a verb, is a noun the name qualifies.
COMMON_VERBS = frozenset(
    "set put won met took held led made gave said began became went came saw kept left ran "
    "sent spent stood told brought bought built chose drew fell felt found got grew hit knew "
    "laid lost meant paid rose sold shut sat spoke struck taught threw understood wrote "
    "become begin bring build give hold keep lead make meet run sign take win will".split()
)
LOWER_BOUND = re.compile(r"(more than|over|at least|above|exceeding|upwards of)\s*$", re.I)
UPPER_BOUND = re.compile(r"(less than|under|at most|below|up to|fewer than)\s*$", re.I)
APPROXIMATE = re.compile(r"(about|around|nearly|almost|approximately|roughly|some)\s*$", re.I)

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
ORDINAL_WORDS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
ORDINAL_RE = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
ORDINAL_WORD_RE = re.compile(r"\b(?:" + "|".join(ORDINAL_WORDS[1:]) + r")\b", re.I)
MONTH_INDEX = {m.lower(): i for i, m in enumerate(gazetteer.MONTHS)}
MONTH_YEAR_RE = re.compile(r"^(" + "|".join(gazetteer.MONTHS) + r")\s+(\d{4})$", re.I)
DAY_MONTH_YEAR_RE = re.compile(
    r"^(\d{1,2})\s+(" + "|".join(gazetteer.MONTHS) + r")\s+(\d{4})$", re.I
)
YEAR_RE = re.compile(r"^(1[5-9]\d\d|2\d\d\d)$")
NUMBER_IN_TEXT = re.compile(
    r"\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b(?![-‐])", re.I
)
FRACTIONS = ("one-half", "one-third", "two-thirds", "one-fourth", "three-fourths", "one-fifth")
FRACTION_RE = re.compile(
    r"^(one|two|three|four)[- ](half|thirds?|fourths?|quarters?|fifths?)$", re.I
)


# --- small text helpers -------------------------------------------------------------------


def slug(text: str) -> str:
    """A lowercase ascii slug used as a question variant: stable while the span text is."""
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return value or "x"


def norm(text: str) -> str:
    """Casefolded words only: how two answers are compared."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def rng_for(key: str) -> random.Random:
    """A random generator seeded from a question id, identical on every machine."""
    return random.Random(int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big"))


def contains_words(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words (case-insensitive)."""
    n = norm(needle)
    return bool(n) and f" {n} " in f" {norm(haystack)} "


def gives_away(prompt: str, answer: str) -> bool:
    """A prompt that holds its own answer, as text or as words, is useless."""
    return answer.casefold().strip() in prompt.casefold() or contains_words(prompt, answer)


def is_trivial(text: str) -> bool:
    """A blank on 'the' or '.' tests nothing."""
    words = norm(text).split()
    if not words:
        return True
    if all(w in STOPWORDS for w in words):
        return True
    return len("".join(words)) < 2 and not words[0].isdigit()


def find_span(statement: str, text: str) -> int:
    """Where the span is: its first whole-word occurrence, else its first occurrence."""
    match = re.search(r"(?<!\w)" + re.escape(text) + r"(?!\w)", statement)
    return match.start() if match else statement.find(text)


def _article_for(word: str) -> str:
    w = word.strip()
    if not w:
        return "a"
    if w[:2].isupper() and w[0] in "AEFHILMNORSX":  # acronyms read letter by letter
        return "an"
    lower = w.lower()
    if lower.startswith(("uni", "use", "usu", "one", "eu", "ur")):
        return "a"
    if lower.startswith(("hour", "honest", "heir")):
        return "an"
    return "an" if lower[0] in "aeiou" else "a"


def _fix_article(before: str, replacement: str) -> str:
    match = re.search(r"\b(a|an|A|An)\s+$", before)
    if not match:
        return before
    article = _article_for(replacement)
    if match.group(1)[0].isupper():
        article = article.capitalize()
    return before[: match.start(1)] + article + before[match.end(1) :]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def replace_span(statement: str, span_text: str, replacement: str) -> str:
    """The statement with the span swapped, keeping articles and capitals right."""
    at = find_span(statement, span_text)
    before, after = statement[:at], statement[at + len(span_text) :]
    if at == 0:
        replacement = _capitalise(replacement)
    elif replacement and replacement[0].isalpha():
        before = _fix_article(before, replacement)
    return before + replacement + after


def _sentence_case_keep(text: str, like: str) -> str:
    """A distractor written for a sentence start (or not) adapted to where ``like`` stands."""
    if like[:1].isupper() and text[:1].islower():
        return _capitalise(text)
    return text


# --- values: ordinals, numbers, dates -------------------------------------------------------


def ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def parse_ordinal(text: str) -> int | None:
    t = text.strip()
    match = ORDINAL_RE.match(t)
    if match:
        return int(match.group(1))
    lower = t.lower()
    return ORDINAL_WORDS.index(lower) if lower in ORDINAL_WORDS[1:] else None


def _number_value(token: str) -> float | None:
    lower = token.lower()
    if lower in NUMBER_WORDS:
        return float(NUMBER_WORDS.index(lower))
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def numeric_key(text: str) -> tuple[float, ...] | None:
    """A sort key for answers that are values (17th, 1,200, November 2025), else None."""
    t = text.strip()
    n = parse_ordinal(t)
    if n is not None:
        return (float(n),)
    match = DAY_MONTH_YEAR_RE.match(t)
    if match:
        return (
            float(match.group(3)),
            float(MONTH_INDEX[match.group(2).lower()]),
            float(match.group(1)),
        )
    match = MONTH_YEAR_RE.match(t)
    if match:
        return (float(match.group(2)), float(MONTH_INDEX[match.group(1).lower()]))
    if t.lower() in MONTH_INDEX:
        return (float(MONTH_INDEX[t.lower()]),)
    numbers = NUMBER_IN_TEXT.findall(t)
    if len(numbers) == 1:
        value = _number_value(numbers[0])
        if value is not None:
            return (value,)
    return None


def _format_like(value: int, token: str) -> str:
    if token.lower() in NUMBER_WORDS:
        word = NUMBER_WORDS[value] if 0 <= value < len(NUMBER_WORDS) else str(value)
        return word.capitalize() if token[:1].isupper() else word
    if "," in token:
        return f"{value:,}"
    return str(value)


def _window(n: int, rng: random.Random, low: int = 1) -> list[int]:
    """Three neighbours of n forming, with n, four consecutive values (n not always 2nd)."""
    starts = [s for s in range(n - 3, n + 1) if s >= low]
    start = rng.choice(starts) if starts else n
    return [v for v in range(start, start + 4) if v != n]


def nearby_values(text: str, rng: random.Random) -> list[str]:
    """Same-format wrong values near the answer: 16th/18th for 17th, October 2025 for
    November 2025, two/four decades for three decades, 900/1,500 for 1,200."""
    t = text.strip()
    if FRACTION_RE.match(t):
        sep = " " if " " in t else "-"
        return [f.replace("-", sep) for f in FRACTIONS if norm(f) != norm(t)][:4]
    match = ORDINAL_RE.match(t)
    if match:
        n = int(match.group(1))
        return [f"{v}{ordinal_suffix(v)}" for v in _window(n, rng)]
    if t.lower() in ORDINAL_WORDS[1:]:
        n = ORDINAL_WORDS.index(t.lower())
        words = [ORDINAL_WORDS[v] for v in _window(n, rng) if v < len(ORDINAL_WORDS)]
        return [w.capitalize() if t[:1].isupper() else w for w in words]
    match = DAY_MONTH_YEAR_RE.match(t)
    if match:
        day, month, year = int(match.group(1)), match.group(2), match.group(3)
        return [f"{d} {month} {year}" for d in _window(day, rng) if d <= 28] + [
            f"{day} {month} {int(year) - 1}"
        ]
    match = MONTH_YEAR_RE.match(t)
    if match:
        # Four consecutive months, or the same month in four consecutive years, with the
        # answer anywhere among them (sorted options must not always put it third).
        m, year = MONTH_INDEX[match.group(1).lower()], int(match.group(2))
        if rng.random() < 0.5:
            return [f"{gazetteer.MONTHS[m]} {y}" for y in _window(year, rng)]
        months = [year * 12 + m + d for d in _window(0, rng, low=-3)]
        return [f"{gazetteer.MONTHS[v % 12]} {v // 12}" for v in months]
    if t.lower() in MONTH_INDEX:
        m = MONTH_INDEX[t.lower()]
        return [gazetteer.MONTHS[(m + d) % 12] for d in (-1, 1, 2, -2)]
    if YEAR_RE.match(t):
        return [str(v) for v in _window(int(t), rng)]
    numbers = list(NUMBER_IN_TEXT.finditer(t))
    if len(numbers) != 1:
        return []
    token = numbers[0].group(0)
    value = _number_value(token)
    if value is None:
        return []
    head, tail = t[: numbers[0].start()], t[numbers[0].end() :]
    if value != int(value):
        # 8.2% -> 7.2%, 7.7%, 8.7%, 9.2%: steps of about 5%, at least 5 in the last place.
        places = len(token.split(".")[1])
        step = max(5 / 10**places, round(abs(value) * 0.05, places))
        offsets = [k for k in _window(0, rng, low=-3) if k != 0]
        decimals = [round(value + k * step, places) for k in offsets]
        comma = "," if "," in token else ""
        return [head + f"{d:{comma}.{places}f}" + tail for d in decimals if d > 0]
    n = int(value)
    if token.lower() in NUMBER_WORDS or n <= 20:
        values = _window(n, rng, low=1 if n > 0 else 0)
    else:
        # A window of four rungs of this ladder, the answer (1) anywhere in it.
        ladder = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
        start = rng.randrange(4)
        values = [_round_like(n * f, n) for f in ladder[start : start + 4] if f != 1.0]
    return [head + _format_like(v, token) + tail for v in values if v != n and v >= 0]


def _round_like(value: float, like: int) -> int:
    """Round to as many significant figures as ``like`` shows (1,200 -> hundreds)."""
    digits = len(str(like).rstrip("0")) or 1
    scale = 10 ** max(0, len(str(like)) - digits)
    return int(round(value / scale) * scale)


# --- the deck index -------------------------------------------------------------------------


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
    return frozenset(norm(x) for x in gazetteer.GROUPS[group])


def _gazetteer_candidates(answer: str, span_type: SpanType) -> tuple[list[str], list[str]]:
    """(names from the groups holding the answer, names from the group most like it)."""
    same, like = _gazetteer_candidates_cached(answer, span_type)
    return list(same), list(like)


@functools.lru_cache(maxsize=4096)
def _group_word_sets(group: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(norm(x).split()) for x in gazetteer.GROUPS[group])


@functools.lru_cache(maxsize=65536)
def _gazetteer_candidates_cached(
    answer: str, span_type: SpanType
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    same, like = _gazetteer_search(answer, span_type)
    return tuple(same), tuple(like)


def _gazetteer_search(answer: str, span_type: SpanType) -> tuple[list[str], list[str]]:
    if span_type is SpanType.DATE and norm(answer) not in MONTH_INDEX:
        return [], []  # a month is no distractor for a full date; nearby_values handles dates
    groups = gazetteer.GROUPS_FOR_TYPE.get(span_type.value, ())
    key = norm(answer)
    holding = [g for g in groups if key in _group_keys(g)]
    if span_type is SpanType.COUNTRY:
        return list(gazetteer.GROUPS["countries"]), []
    if holding:
        # The most specific group first (GROUPS_FOR_TYPE lists them so): Kazan gets Russian
        # cities, New Delhi Indian ones.
        return list(gazetteer.GROUPS[holding[0]]), []
    if span_type is SpanType.TERM:
        return [], []  # terms only from a group holding them: "technology" is no kinship
    # Else the group whose names share words with the answer ("Ministry of ...").
    words = set(key.split()) - STOPWORDS

    def overlap(group: str) -> int:
        return sum(len(words & names) for names in _group_word_sets(group))

    best = max(groups, key=overlap, default=None)
    if best is None or overlap(best) == 0:
        return [], []
    return [], list(gazetteer.GROUPS[best])


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
    """The kind of place (city, state, union territory, country) if the gazetteer knows it."""
    key = norm(text)
    for kind, names in _PLACE_KINDS.items():
        if key in names:
            return kind
    return None


_PLACE_KINDS: dict[str, frozenset[str]] = {
    "union territory": frozenset(norm(x) for x in gazetteer.INDIAN_UNION_TERRITORIES),
    "state": frozenset(norm(x) for x in gazetteer.INDIAN_STATE_CAPITALS),
    "country": frozenset(norm(x) for x in gazetteer.WORLD_CAPITALS),
    "city": frozenset(
        norm(x)
        for x in (
            *gazetteer.INDIAN_CITIES,
            *gazetteer.WORLD_CAPITALS.values(),
            *gazetteer.INDIAN_STATE_CAPITALS.values(),
            *itertools.chain.from_iterable(gazetteer.CITIES_BY_COUNTRY.values()),
        )
    ),
}


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
    if parse_ordinal(answer) is not None:
        return SpanType.ORDINAL
    if MONTH_YEAR_RE.match(answer) or DAY_MONTH_YEAR_RE.match(answer) or YEAR_RE.match(answer):
        return SpanType.DATE
    if numeric_key(answer) is not None:
        return SpanType.NUMBER
    key = norm(answer)
    for type_name, groups in gazetteer.GROUPS_FOR_TYPE.items():
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


# --- wh-questions ---------------------------------------------------------------------------


def _place_noun(text: str) -> str:
    return place_kind(text) or "place"


def _organisation_noun(text: str) -> str:
    first = norm(text).split()[:1]
    if first == ["ministry"]:
        return "ministry"
    if re.search(r"\b(group|committee|commission|council|dialogue|forum|board)\b", text, re.I):
        return "body"
    return "organisation"


def _date_phrase(text: str) -> str:
    t = text.strip()
    if YEAR_RE.match(t):
        return "which year"
    if MONTH_YEAR_RE.match(t):
        return "which month and year"
    if t.lower() in MONTH_INDEX:
        return "which month"
    return "which date"


def _number_phrase(span_text: str, after: str) -> tuple[str, str]:
    """("how many decades", rest) for "three decades"; keeps the counted noun."""
    match = NUMBER_IN_TEXT.search(span_text)
    if match is None:
        return "what", after
    noun = span_text[match.end() :].strip()
    if noun:
        return f"how many {noun}", after
    return "how many", after


POSSESSOR_WORDS = frozenset("the two both three its their his her these those our".split())


def _possessor_after(before: str, after: str) -> tuple[str, str]:
    """ "heads Israel's which ministry" reads "heads which ministry of Israel"."""
    tokens = before.split()
    if not tokens or not re.search(r"(?:'s|’s|s'|s’)$", tokens[-1]):
        return before, after
    last = re.sub(r"(?:'s|’s|'|’)$", "", tokens[-1])
    owner = [last]
    rest = tokens[:-1]
    while rest and rest[-1].lower() in POSSESSOR_WORDS:
        owner.insert(0, rest.pop())
    new_before = " ".join(rest) + (" " if rest else "")
    return new_before, f" of {' '.join(owner)}{after}"


def wh_prompt(fact: Fact, span: KeySpan) -> str | None:
    """A wh-question asking for ``span``: the question phrase stands where the span stood,
    fitted to the words around it ("Who signed ...", "... in which city?", "after which
    meeting ...", "in what capacity"). None where no natural question can be made (the span
    is part of a longer name: "the 16th BRICS Summit")."""
    statement = fact.statement.strip()
    at = find_span(statement, span.text)
    before, after = statement[:at], statement[at + len(span.text) :]
    kind = span.type
    if kind is not SpanType.ORDINAL and re.match(r"\s*[A-Z]", after):
        return None
    if not before.strip() and after.startswith(","):
        return None  # "Who, the 15th President of India, is ..." reads badly
    if re.search(r",\s*(?:the\s+|a\s+|an\s+)?$", before) and before.strip():
        return None  # the span opens an appositive: "Droupadi Murmu, the 15th President"
    if kind not in (SpanType.TERM, *VALUE_TYPES, SpanType.PERSON) and before.strip():
        # A name used as a modifier ("the Chandrayaan-3 lander") has no question phrase.
        follower = re.match(r"\s+([a-z][\w-]*)", after)
        if (
            follower is not None
            and follower.group(1) not in STOPWORDS | PREPOSITIONS | ADVERBS | COMMON_VERBS
            and not follower.group(1).endswith(("ed", "ly", "s"))
        ):
            return None
    if kind is SpanType.PERSON and re.fullmatch(r"(?:[A-Z][\w.]*\s+)+", before):
        before = ""  # a title before the name: "General Anil Chauhan serves as ..."
    words_before = before.split()
    prev = words_before[-1].lower() if words_before else ""
    at_start = not before.strip()

    def drop_article(text: str) -> str:
        return re.sub(r"\b(the|a|an|The|A|An)\s+$", "", text)

    if kind is SpanType.ROLE and not after.strip(" .!"):
        # "Ajit Doval is India's National Security Adviser." -> "Which post does ... hold?"
        copula = re.fullmatch(
            r"(?P<subject>.+?)\s+(?P<verb>is|was)\s+(?:(?P<owner>[\w-]+)(?:'s|’s)\s+|the\s+)?",
            before,
        )
        if copula:
            aux = "does" if copula.group("verb") == "is" else "did"
            owner = copula.group("owner")
            where = f" in {owner}" if owner and owner.lower() not in POSSESSOR_WORDS else ""
            return f"Which post {aux} {copula.group('subject')} hold{where}?"

    if kind is SpanType.PERSON:
        phrase = "whom" if prev in PREPOSITIONS else "who"
    elif kind is SpanType.COUNTRY:
        phrase = "which country"
        if after.startswith("'s") or after.startswith("’s"):
            phrase, after = "which country's", after[2:]
    elif kind is SpanType.PLACE:
        phrase = f"which {_place_noun(span.text)}"
    elif kind is SpanType.ORGANISATION:
        phrase, before = f"which {_organisation_noun(span.text)}", drop_article(before)
    elif kind is SpanType.ROLE:
        as_possessive = re.search(r"\bas\s+(\S+(?:'s|’s)|its|his|her|their)?\s*$", before)
        if as_possessive:
            phrase, before = "in what capacity", before[: as_possessive.start()]
            if after.startswith(" of "):
                after = " at " + after[4:]  # "as Governor of the RBI" -> "... at the RBI"
        else:
            phrase, before = "which post", drop_article(before)
    elif kind is SpanType.DATE:
        phrase = _date_phrase(span.text) if prev in PREPOSITIONS or at_start else "when"
    elif kind is SpanType.NUMBER and re.search(r"%|\bper ?cent\b", span.text, re.I):
        phrase = "what percentage"
    elif kind is SpanType.NUMBER and FRACTION_RE.match(span.text.strip()):
        phrase = "what fraction"
    elif kind is SpanType.NUMBER:
        phrase, after = _number_phrase(span.text, after)
    elif kind is SpanType.MONEY:
        phrase = "how much"
    elif kind is SpanType.ORDINAL:
        phrase, before = "which", drop_article(before)
    elif kind is SpanType.EVENT:
        phrase, before = "which event", drop_article(before)
    else:
        # "a landmark agreement", "hold policy-level talks": the span qualifies a noun.
        next_word = re.match(r"\s+([a-z][\w-]*)", after)
        qualifies = (
            next_word is not None
            and next_word.group(1) not in STOPWORDS | PREPOSITIONS | ADVERBS
            and not next_word.group(1).endswith("ly")
            and (len(span.text.split()) == 1 or re.search(r"\b(a|an)\s+$", before) is not None)
        )
        if not qualifies and re.match(r"\s+(and|or)\s", after):
            return None  # "work on what and on start-ups" reads badly; the blank is better
        phrase = "what kind of" if qualifies else "what"
        before = drop_article(before)
    if phrase.startswith("which") and not at_start:
        before, after = _possessor_after(before, after)
    if re.search(r"(?:\b\d+(?:st|nd|rd|th)|[a-z]\s+[A-Z][\w-]*)\s+$", before):
        return None  # "the 15th which post", "the Indian which ministry"
    asked = (before + phrase + after).strip().rstrip(" .!;:")
    return _capitalise(asked) + "?"


def _hand_short_prompt(question: str) -> str:
    """A hand-written MCQ stem ("Which of these is ...") reworded for a typed answer."""
    match = re.match(r"^which of (?:these|the following)\s+(?:is|are)\s+(.*)$", question, re.I)
    if not match:
        return question
    return "Name " + match.group(1).rstrip(" ?") + "."


# --- typed answers --------------------------------------------------------------------------


def acronym_of(text: str, texts: Sequence[str]) -> str | None:
    """The abbreviation of ``text`` when ``texts`` use one (AI, JWG, MoU), else None."""
    words = re.findall(r"[A-Za-z]+", text)
    if len(words) < 2:
        return None
    variants = {
        "".join(w[0].upper() if w.lower() not in STOPWORDS else w[0].lower() for w in words),
        "".join(w[0].upper() for w in words),
        "".join(w[0].upper() for w in words if w.lower() not in STOPWORDS),
    }
    for variant in sorted(variants):
        if len(variant) < 2:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(variant) + r"(?!\w)")
        if any(pattern.search(t) for t in texts):
            return variant
    return None


def _fact_texts(fact: Fact) -> list[str]:
    return [x for x in (fact.statement, fact.explanation, fact.question) if x]


def accepted_answers(fact: Fact, answer: str, prompt: str) -> list[str]:
    """Other typed forms that are right: "17" for "17th", "AI" for "Artificial intelligence"
    (when the fact itself uses the abbreviation), "3 decades" for "three decades"."""
    out: list[str] = []
    n = parse_ordinal(answer)
    if n is not None:
        out.append(str(n))
        out.append(f"{n}{ordinal_suffix(n)}")
        if n < len(ORDINAL_WORDS):
            out.append(ORDINAL_WORDS[n])
    numbers = list(NUMBER_IN_TEXT.finditer(answer))
    if (
        n is None and len(numbers) == 1 and numbers[0].start() == 0
    ):  # "3 decades", not "Chandrayaan-3"
        token = numbers[0].group(0)
        value = _number_value(token)
        if value is not None and value == int(value) and 0 <= value < len(NUMBER_WORDS):
            other = str(int(value)) if token.lower() in NUMBER_WORDS else NUMBER_WORDS[int(value)]
            out.append(answer[: numbers[0].start()] + other + answer[numbers[0].end() :])
    match = MONTH_YEAR_RE.match(answer.strip())
    if match:
        out.append(f"{match.group(1)[:3]} {match.group(2)}")
    acronym = acronym_of(answer, _fact_texts(fact))
    if acronym:
        out.append(acronym)
    result: list[str] = []
    for alt in out:
        if norm(alt) != norm(answer) and not gives_away(prompt, alt) and alt not in result:
            result.append(alt)
    return result


# --- per-fact questions ---------------------------------------------------------------------


def _explanation(fact: Fact) -> str:
    return fact.explanation or fact.statement


def _base(fact: Fact) -> dict[str, object]:
    return {"fact_id": fact.id, "explanation": _explanation(fact), "topic": fact.topic}


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
    return ClozeQuestion(
        id=question_id(fact.id, "cloze", slug(span.text)),
        variant=slug(span.text),
        prompt=prompt,
        answer=span.text,
        tags=list(fact.tags),
        accepted=accepted_answers(fact, span.text, prompt),
        **_base(fact),  # type: ignore[arg-type]
    )


def wh_question(fact: Fact, span: KeySpan) -> ShortAnswerQuestion | None:
    """A wh-question whose answer is ``span``, when one reads naturally."""
    prompt = wh_prompt(fact, span)
    if prompt is None:
        return None
    return ShortAnswerQuestion(
        id=question_id(fact.id, "short_answer", slug(span.text)),
        variant=slug(span.text),
        prompt=prompt,
        answer=span.text,
        tags=list(fact.tags),
        accepted=accepted_answers(fact, span.text, prompt),
        **_base(fact),  # type: ignore[arg-type]
    )


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
    """The statement made false by swapping one key span for a same-typed wrong value that
    certainly is wrong (hand-written distractors and nearby values first)."""
    options: list[Falsified] = []
    for span in _askable(fact):
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
        return TrueFalseQuestion(
            id=qid,
            variant="statement",
            prompt=fact.statement,
            answer="True",
            tags=list(fact.tags),
            fact_id=fact.id,
            topic=fact.topic,
            explanation=f"True. {fact.explanation or ''}".strip(),
        )
    return TrueFalseQuestion(
        id=qid,
        variant="statement",
        prompt=wrong.statement,
        answer="False",
        tags=list(fact.tags),
        fact_id=fact.id,
        topic=fact.topic,
        explanation=f"False: it is {wrong.span_text}, not {wrong.wrong}. {fact.statement}",
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
            stem = asked.prompt if asked is not None else blanked.prompt
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


# --- statements (UPSC) ----------------------------------------------------------------------

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
    """UPSC "Consider the following statements": some true, some with one span swapped."""
    fact_ids = [f.id for f in group]
    variant = _group_variant("set", fact_ids)
    qid = question_id(group[0].id, "statements", variant)
    rng = rng_for(qid)
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
    total = len(group)
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
        answer = _subset_label(correct, total)
    else:
        ask = "How many of the above statements are correct?"
        choices = HOW_MANY[total]
        count = len(correct)
        answer = f"All {COUNT_WORD[total]}" if count == total else f"Only {COUNT_WORD[count]}"
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


# --- match the pairs ------------------------------------------------------------------------


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


# --- the deck -------------------------------------------------------------------------------


def generate_questions(facts: Iterable[Fact]) -> list[Question]:
    """Questions for a whole deck: per fact in fact order, then statements, then match
    questions. Ids are unique; no prompt contains its own answer."""
    facts = list(facts)
    index = DeckIndex.build(facts)
    produced: list[Question] = []
    for fact in facts:
        produced.extend(questions_for_fact(fact, index))
    for group in topic_groups(facts):
        consider = statements_question(index, group)
        if consider is not None:
            produced.append(consider)
    produced.extend(match_questions(facts))
    seen: set[str] = set()
    out: list[Question] = []
    for question in produced:
        if question.id in seen:
            continue
        if question.kind != "true_false" and gives_away(question.prompt, question.answer):
            continue
        seen.add(question.id)
        out.append(question)
    return out
