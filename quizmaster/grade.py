"""Checking answers and turning them into FSRS ratings. Pure functions: the response time
comes in as an argument.

Typed answers are compared tolerantly: case, punctuation, dashes, leading articles and
ordinal suffixes ("17" for "17th") are ignored, and a small typo is forgiven when the answer
is long enough for it to be a typo rather than another word. Numbers must match exactly:
"17th" is not "18th". Option questions take the number (1-4) or letter (a-d) of an option,
or its text; ``true_false`` takes t/f.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizmaster.models import Question


class Rating(IntEnum):
    """The four FSRS ratings (same values as ``fsrs.Rating``)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


# Seconds (fast, slow) per question kind: a right answer faster than `fast` is Easy, slower
# than `slow` is Hard, in between Good. Reading a UPSC statements question takes longer
# than pressing a key for a true/false one.
TIME_THRESHOLDS: dict[str, tuple[float, float]] = {
    "true_false": (4.0, 15.0),
    "mcq": (6.0, 20.0),
    "short_answer": (8.0, 30.0),
    "cloze": (8.0, 30.0),
    "statements": (20.0, 60.0),
    "match": (25.0, 75.0),
}
_DEFAULT_THRESHOLDS = (8.0, 30.0)

# Labels of options and list items, in order: (a), (b), ... as exam papers print them.
LETTERS = "abcdefghijklmnopqrstuvwxyz"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
_ORDINAL = re.compile(r"\b(\d+) ?(?:st|nd|rd|th)\b")
_ARTICLES = re.compile(r"^(?:the|a|an)\s+")
_TRUE = {"t", "true", "yes", "y"}
_FALSE = {"f", "false", "no", "n"}


class InvalidChoice(ValueError):
    """A number or letter that names no option ("7" for a four-option question)."""


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one response."""

    correct: bool
    # Right but only after forgiving a typo: rated Good at best.
    typo: bool = False
    # The option picked, for option questions (0-based); None for typed answers.
    choice: int | None = None


def normalise(text: str) -> str:
    """The comparable form of an answer: case, accents of width, punctuation, dashes,
    leading articles and ordinal suffixes removed, spaces collapsed."""
    value = unicodedata.normalize("NFKC", text).casefold()
    for dash in _DASHES:
        value = value.replace(dash, " ")
    value = _ORDINAL.sub(r"\1", value)
    value = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in value)
    value = " ".join(value.split())
    return _ARTICLES.sub("", value)


# --- what a setter accepts ----------------------------------------------------------------

# Old official names still written in answers: the old form counts as the new one.
OLD_NAMES: dict[str, str] = {
    "orissa": "odisha",
    "bombay": "mumbai",
    "madras": "chennai",
    "calcutta": "kolkata",
    "bangalore": "bengaluru",
    "gurgaon": "gurugram",
    "pondicherry": "puducherry",
    "poona": "pune",
    "trivandrum": "thiruvananthapuram",
    "cochin": "kochi",
    "baroda": "vadodara",
    "benares": "varanasi",
    "banaras": "varanasi",
    "allahabad": "prayagraj",
    "mysore": "mysuru",
    "mangalore": "mangaluru",
    "belgaum": "belagavi",
    "simla": "shimla",
    "uttaranchal": "uttarakhand",
    "burma": "myanmar",
    "ceylon": "sri lanka",
    "swaziland": "eswatini",
    "turkey": "turkiye",
    "türkiye": "turkiye",
    "czech republic": "czechia",
    "gauhati": "guwahati",
    "cawnpore": "kanpur",
}
# Abbreviated titles and words, as setters write them.
ABBREVIATIONS: dict[str, str] = {
    "maj gen": "major general",
    "lt gen": "lieutenant general",
    "vice adm": "vice admiral",
    "rear adm": "rear admiral",
    "air mshl": "air marshal",
    "brig": "brigadier",
    "col": "colonel",
    "lt col": "lieutenant colonel",
    "capt": "captain",
    "adm": "admiral",
    "gen": "general",
    "dr": "doctor",
    "prof": "professor",
    "govt": "government",
    "dept": "department",
    "intl": "international",
    "natl": "national",
    "mt": "mount",
    "pm": "prime minister",
    "cm": "chief minister",
}
# The kind in a place's name, which a short answer may leave out ("Keoladeo").
PLACE_KINDS = (
    "national park",
    "wildlife sanctuary",
    "bird sanctuary",
    "tiger reserve",
    "biosphere reserve",
    "sanctuary",
    "reserve",
    "lake",
    "river",
    "wetland",
    "lagoon",
    "dam",
    "fort",
    "island",
    "islands",
    "port",
    "airport",
    "district",
    "hills",
    "valley",
    "glacier",
    "pass",
    "plateau",
    "canal",
    "strait",
    "bay",
    "desert",
)
# Surnames too common to name one person on their own.
COMMON_SURNAMES = frozenset(
    "singh kumar sharma gupta patel das shah reddy rao khan verma yadav jain mishra "
    "pandey joshi mehta iyer nair menon pillai chaudhary chowdhury ali ahmed thakur "
    "bose ghosh roy sen mukherjee banerjee chatterjee naidu gandhi modi".split()
)
_TITLES = frozenset(
    "shri smt sri mr mrs ms dr doctor prof professor justice major general lieutenant "
    "colonel brigadier captain admiral marshal air vice rear chief minister president "
    "governor secretary ambassador maj gen lt col brig capt adm".split()
)
_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
_SCALES = {"hundred": 100, "thousand": 1000, "lakh": 100_000, "million": 1_000_000, "crore": 10**7}


def _numbers_to_digits(text: str) -> str:
    """Number words in a normalised text as digits: "eighty five" -> "85", "seventeenth"
    -> "17", "two lakh" -> "200000". Words that are not numbers are kept."""
    out: list[str] = []
    total = current = 0
    in_number = False

    def flush() -> None:
        nonlocal total, current, in_number
        if in_number:
            out.append(str(total + current))
        total = current = 0
        in_number = False

    for word in text.split():
        if word in _UNITS:
            current += _UNITS[word]
            in_number = True
        elif word in _TENS:
            current += _TENS[word]
            in_number = True
        elif word in _SCALES and in_number:
            if _SCALES[word] == 100:
                current *= 100
            else:
                total += current * _SCALES[word]
                current = 0
        elif word == "and" and in_number:
            continue
        elif word in _ORDINAL_WORDS or (word.endswith("th") and word[:-2] in _TENS):
            if word in _ORDINAL_WORDS:
                current += _ORDINAL_WORDS[word]
            else:
                current += _TENS[word[:-2]]  # "twentieth" is listed; "fiftieth" ...
            in_number = True
            flush()
        else:
            flush()
            out.append(word)
    flush()
    return " ".join(out)


def _replace_phrases(text: str, table: dict[str, str]) -> str:
    padded = f" {text} "
    for old in sorted(table, key=len, reverse=True):
        padded = padded.replace(f" {old} ", f" {table[old]} ")
    return padded.strip()


def canonical(text: str) -> str:
    """``normalise`` plus what a setter treats as the same answer: number words as digits,
    abbreviated titles spelled out, old official names as today's."""
    value = _numbers_to_digits(normalise(text))
    value = _replace_phrases(value, OLD_NAMES)
    return _replace_phrases(value, ABBREVIATIONS)


_DECLARED = re.compile(
    r"((?:[A-Z][\w'’-]*\s+)(?:(?:of|for|and|on|in|the|&)\s+|[A-Z][\w'’-]*\s+)*?"
    r"[A-Z][\w'’-]*)\s*\(([A-Z][A-Za-z&.]{1,11})\)"
)


def declared_abbreviations(text: str) -> dict[str, str]:
    """ "Long Form (LF)" pairs a text declares, both ways, canonical: the abbreviation is
    kept when its letters start the long form's capitalised words in order."""
    pairs: dict[str, str] = {}
    for match in _DECLARED.finditer(text):
        long_form, short = match.group(1), match.group(2)
        letters = [c.lower() for c in short if c.isalpha()]
        # The shortest tail of the long form whose initials spell the abbreviation.
        words = long_form.split()
        for start in range(len(words)):
            tail = words[start:]
            tail_initials = [w[0].lower() for w in tail if w[:1].isupper()]
            if tail_initials == letters or (
                len(letters) >= 2 and "".join(tail_initials).startswith("".join(letters))
            ):
                pairs[canonical(" ".join(tail))] = canonical(short)
                break
    return pairs


def _looks_like_person(answer: str, prompt: str) -> bool:
    words = answer.split()
    if not 2 <= len(words) <= 6 or not all(w[:1].isupper() for w in words if w.isalpha()):
        return False
    lowered = {normalise(w) for w in words}
    return bool(lowered & _TITLES) or bool(re.search(r"\bwho\b", prompt, re.I))


def answer_forms(answer: str, context: str = "", prompt: str = "") -> list[str]:
    """Every canonical form of ``answer`` a setter would accept: itself, with a declared
    abbreviation swapped for its long form or back, a place without its kind, a person by
    a distinctive surname."""
    base = canonical(answer)
    forms = [base]
    for long_form, short in declared_abbreviations(f"{context}\n{answer}").items():
        padded = f" {base} "
        if f" {long_form} " in padded:
            forms.append(padded.replace(f" {long_form} ", f" {short} ").strip())
        if f" {short} " in padded:
            forms.append(padded.replace(f" {short} ", f" {long_form} ").strip())
    for kind in PLACE_KINDS:
        if base.endswith(" " + kind) and len(base) - len(kind) > 4:
            forms.append(base[: -len(kind) - 1].strip())
            break
    if _looks_like_person(answer, prompt):
        surname = base.split()[-1]
        if len(surname) >= 4 and surname not in COMMON_SURNAMES and surname not in _TITLES:
            forms.append(surname)
    return [f for f in dict.fromkeys(forms) if f]


def _allowed_typos(length: int) -> int:
    if length <= 4:
        return 0
    if length <= 8:
        return 1
    if length <= 16:
        return 2
    return 3


def typed_matches(
    response: str,
    answers: list[str],
    *,
    wrong: Sequence[str] = (),
    context: str = "",
    prompt: str = "",
) -> Verdict:
    """Compare a typed response with the accepted answers. ``wrong`` are answers known to
    be wrong (the fact's distractors): one of them, or a "typo" nearer to one of them than
    to a right answer, is wrong. ``context`` (the question's text) declares abbreviations;
    ``prompt`` tells whether a person is asked for."""
    from rapidfuzz.distance import Levenshtein

    given = canonical(response)
    if not given:
        return Verdict(correct=False)
    known_wrong = [w for w in (canonical(x) for x in wrong) if w]
    forms = [f for answer in answers for f in answer_forms(answer, context, prompt)]
    if given in known_wrong and given not in forms:
        return Verdict(correct=False)
    best: Verdict = Verdict(correct=False)
    for expected in forms:
        if given == expected or given.replace(" ", "") == expected.replace(" ", ""):
            return Verdict(correct=True)
        # Digits carry the meaning of dates, numbers and ordinals: never fuzzy.
        if re.findall(r"\d+", given) != re.findall(r"\d+", expected):
            continue
        limit = _allowed_typos(len(expected))
        if not limit:
            continue
        distance = Levenshtein.distance(given, expected, score_cutoff=limit)
        if distance > limit:
            continue
        # A real word of a known wrong answer is no typo ("Undertaking" for "Understanding").
        if any(Levenshtein.distance(given, w) <= distance for w in known_wrong):
            continue
        best = Verdict(correct=True, typo=True)
    return best


def parse_choice(question: Question, response: str) -> int | None:
    """The 0-based option a response names: its number, letter, or (for ``true_false``)
    t/f. Returns None when the response is text to compare with the options instead.
    Raises :class:`InvalidChoice` for a number or letter out of range."""
    options = question.options or []
    text = response.strip().casefold().rstrip(").")
    if question.kind == "true_false":
        if text in _TRUE or text == "1":
            return 0
        if text in _FALSE or text == "2":
            return 1
        if len(text) == 1:
            raise InvalidChoice(f"{response.strip()!r}: answer t (true) or f (false)")
        return None
    return option_index(response, len(options))


def option_index(response: str, n_options: int) -> int | None:
    """The 0-based option that a number ("2") or letter ("b", "b)") names. Returns None
    when the response is neither; raises :class:`InvalidChoice` when it is out of range."""
    text = response.strip().casefold().rstrip(").")
    if text.isdecimal():
        index = int(text) - 1
        if 0 <= index < n_options:
            return index
        raise InvalidChoice(f"{response.strip()!r}: pick 1-{n_options}")
    if len(text) == 1 and text.isalpha():
        index = LETTERS.find(text)
        if 0 <= index < n_options:
            return index
        last = LETTERS[n_options - 1]
        raise InvalidChoice(f"{response.strip()!r}: pick 1-{n_options} or a-{last}")
    return None


def check(question: Question, response: str, *, wrong: Sequence[str] = ()) -> Verdict:
    """Is ``response`` a right answer to ``question``? ``wrong`` are answers known to be
    wrong (its fact's distractors). Raises :class:`InvalidChoice` for an option number or
    letter out of range (ask again rather than count it wrong)."""
    options = question.options
    if response.strip() == "?":  # "I don't know", for every kind of question
        return Verdict(correct=False)
    if options is None:
        return typed_matches(
            response,
            [question.answer, *question.accepted],
            wrong=wrong,
            context=f"{question.prompt}\n{question.explanation}",
            prompt=question.prompt,
        )
    choice = parse_choice(question, response)
    if choice is None:
        # Typed text for an option question: find the option it names, if any.
        normal = [normalise(o) for o in options]
        given = normalise(response)
        if given in normal:
            choice = normal.index(given)
        else:
            for index, option in enumerate(options):
                if typed_matches(response, [option]).correct:
                    choice = index
                    break
        if choice is None:
            return Verdict(correct=False)
    right = normalise(options[choice]) == normalise(question.answer)
    return Verdict(correct=right, choice=choice)


def rate(verdict: Verdict, kind: str, duration_ms: int | None) -> Rating:
    """The FSRS rating of an answer: wrong -> Again; right -> Good, or Easy when fast and
    Hard when slow (thresholds by kind). Without a timing (scripted input) a right answer is
    Good; a forgiven typo is never Easy."""
    if not verdict.correct:
        return Rating.AGAIN
    if duration_ms is None:
        return Rating.GOOD
    fast, slow = TIME_THRESHOLDS.get(kind, _DEFAULT_THRESHOLDS)
    seconds = duration_ms / 1000
    if seconds > slow:
        return Rating.HARD
    if seconds < fast and not verdict.typo:
        return Rating.EASY
    return Rating.GOOD
