"""Word lists, patterns and small text helpers shared by the question generator."""

from __future__ import annotations

import hashlib
import random
import re

from quizmaster import word_lists
from quizmaster.word_lists import HONORIFICS, STOPWORDS

# The key of a "which of 1, 2 and 3" question: "1 and 2 only", "All three", "None of them".
COMBINATION_RE = re.compile(r"^(?:\d(?:, \d)*(?: and \d)?(?: only)?|All \w+|None(?: of them)?)$")

BLANK = "_____"

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
MONTH_INDEX = {m.lower(): i for i, m in enumerate(word_lists.MONTHS)}
MONTH_YEAR_RE = re.compile(r"^(" + "|".join(word_lists.MONTHS) + r")\s+(\d{4})$", re.I)
DAY_MONTH_YEAR_RE = re.compile(
    r"^(\d{1,2})\s+(" + "|".join(word_lists.MONTHS) + r")\s+(\d{4})$", re.I
)
YEAR_RE = re.compile(r"^(1[5-9]\d\d|2\d\d\d)$")
# What follows a rate: "6.5%", "6.5 per cent".
RATE_RE = re.compile(r"^\s*(?:%|per ?cent)", re.IGNORECASE)
NUMBER_IN_TEXT = re.compile(
    r"\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b(?![-‐])", re.I
)
FRACTIONS = ("one-half", "one-third", "two-thirds", "one-fourth", "three-fourths", "one-fifth")
FRACTION_RE = re.compile(
    r"^(one|two|three|four)[- ](half|thirds?|fourths?|quarters?|fifths?)$", re.I
)


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


def whole_word(statement: str, text: str) -> re.Match[str] | None:
    """The first occurrence of ``text`` in ``statement`` as whole words ("24" is not in
    "2024"), exactly as written."""
    return re.search(r"(?<!\w)" + re.escape(text) + r"(?!\w)", statement)


def find_span(statement: str, text: str) -> int:
    """Where the span is: its first whole-word occurrence, else its first occurrence."""
    match = whole_word(statement, text)
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


# A title standing right before a name: "Pu Lalduhoma", "Shri X", "Dr. Y".
HONORIFIC_BEFORE_RE = re.compile(
    rf"(?<![\w.])(?:{'|'.join(re.escape(t) for t in sorted(HONORIFICS, key=len, reverse=True))}) $"
)


def replace_span(statement: str, span_text: str, replacement: str) -> str:
    """The statement with the span swapped, keeping articles and capitals right."""
    at = find_span(statement, span_text)
    before, after = statement[:at], statement[at + len(span_text) :]
    honoured = HONORIFIC_BEFORE_RE.search(before)
    if honoured and not re.search(r"\b(?i:the) $", before[: honoured.start()]):
        # "Shri _____": the title goes with the name it stood before ("the Shri Ram Centre"
        # is one name)
        before = before[: honoured.start()]
        at = len(before)
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
