"""A page's misspellings: a word one letter away from a dictionary word it is not.

A question copied from a page keeps the page's slips ("AII India Insitute", "was recieved"),
and a rater rejects it however right its key. The dictionary is pyspellchecker's English word
list; a British spelling of a listed word ("organisation", "programme") is no slip. A
capitalised word is usually a name the dictionary does not hold ("Rajnath", "Starmer"), so it
counts as a slip only when the word it misses is a common one or one that heads names
("Insitute" for "Institute"), and it is long enough not to be a short name ("Modi", "mode").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from quizmaster import places, word_lists
from quizmaster.generate.text import COMMON_VERBS

if TYPE_CHECKING:
    from spellchecker import SpellChecker

WORD_RE = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]{3,}(?![\w'’-])")
# British endings and their American forms in the dictionary ("honour" for "honor").
BRITISH = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ise", "ize"),
    ("ence", "ense"),
    ("our", "or"),
    ("mme", "m"),
    ("re", "er"),
    ("ll", "l"),
    ("yse", "yze"),
    ("ogue", "og"),
    ("yre", "ire"),
    ("ellery", "elry"),
    ("inium", "inum"),
    ("exe", "ex"),
    ("ae", "e"),
    ("oe", "e"),
)
# Words of Indian and British news that the dictionary lacks.
NEWS_WORDS = frozenset(
    "kmph annum awardee awardees telecom shuttler shuttlers onboard sportsperson sportspersons "
    "helmed undocking learnings litterateur cyber forex agro backfoot mins masse facto upto "
    "crore crores lakh lakhs".split()
)
# A capitalised word shorter than this is taken for a name ("Modi", "Birla", "Goyal").
MIN_CAPITALISED = 7
# How often (in the dictionary's counts) a word must be met for a capitalised near-miss of it
# to count as a slip: about the 1,500 commonest words ("Governement"), not "raising" for
# "Raisina".
COMMON = 30_000


@functools.cache
def _checker() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(distance=1)


def _known(word: str) -> bool:
    checker = _checker()
    if word in checker or word in NEWS_WORDS:
        return True
    return any(old in word and word.replace(old, new) in checker for old, new in BRITISH)


def _near_miss(word: str, capitalised: bool) -> bool:
    checker = _checker()
    near = checker.known(checker.edit_distance_1(word))
    if not capitalised:
        return bool(near)
    return any(
        w in word_lists.NAME_HEADS or w in MONTH_NAMES or checker.word_frequency[w] >= COMMON
        for w in near
    )


# "Februray", "Setpember": a month's name is no name a page would spell that way.
MONTH_NAMES = frozenset(month.lower() for month in word_lists.MONTHS)


@functools.lru_cache(maxsize=65_536)
def _slip(word: str) -> bool:
    """Whether one word reads as a slip (a word meets the gate many times over an article)."""
    capitalised = word[0].isupper()
    if capitalised and (len(word) < MIN_CAPITALISED or places.kind_of(word)):
        return False
    low = word.lower()
    if _known(low):
        return False
    return _near_miss(low, capitalised) or (capitalised and _place_misspelt(low))


def _place_misspelt(low: str) -> bool:
    """Whether a capitalised word is an Indian state's or a large Indian city's name with a
    letter dropped or two swapped ("Benglauru")."""
    return any(
        near.isalpha() and near.isascii() and _dropped_or_swapped(low, near) and _indian_place(near)
        for near in _checker().edit_distance_1(low)
    )


def _dropped_or_swapped(low: str, near: str) -> bool:
    """A letter of ``near`` dropped ("Maharastra") or two swapped ("Jharkahnd"); not a letter
    changed, which makes other names ("Bhatnagar", not Bhavnagar) or spellings ("Bhubaneshwar")."""
    if len(near) == len(low) + 1:
        return True
    return len(near) == len(low) and sorted(near) == sorted(low)


# An Indian state, or an Indian city this large, is a name whose slip is worth catching
# ("Vijaywada"); the world's cities share their spelling with too many names ("Jinping" for
# Jining, "Giorgia" for Georgia).
MISSPELT_CITY_POPULATION = 500_000


def _indian_place(low: str) -> bool:
    name = low.title()
    if places.indian_subdivision(name):
        return True
    found = places.city(name, min_population=MISSPELT_CITY_POPULATION)
    return found is not None and found.country == "IN"


# A slip that makes another word: "FIFA Word Cup", "the Word Bank".
REAL_WORD_SLIP_RE = re.compile(
    r"\bWord (?:Cup|Championships?|Bank|Health Organi[sz]ation|Economic Forum|Record)\b"
)


def misspelt(text: str) -> str | None:
    """The first word of ``text`` that reads as the page's slip, or None."""
    real_word = REAL_WORD_SLIP_RE.search(text)
    if real_word:
        return real_word.group(0)
    for match in WORD_RE.finditer(text):
        if _slip(match.group(0)):
            return match.group(0)
    return None


# How often (in the dictionary's counts) a word must be met to be taken for a common word
# when it stands capitalised: "Hours", "Playback", not "Kumar" or "Sabha".
EVERYDAY = 500
# The date the generator puts before a sentence, and the sentence's first two words.
AFTER_DATE_RE = re.compile(r"^(?:In|As of) (?:[A-Z][a-z]+ )?\d{4}, ([A-Z][a-z]+) ([a-z]\w*)")


def capital_after_date(text: str) -> str | None:
    """A common word left capitalised after the date put before its sentence ("In August
    2025, Hours ahead of ..."), or None: the page's sentence began there, and a name (a place,
    a people, a person) is what may stand capitalised after a date."""
    match = AFTER_DATE_RE.match(text)
    if match is None:
        return None
    word, after = match.groups()
    if word in word_lists.NAME_HEADS or places.kind_of(word) or places.nationality(word):
        return None
    if after in COMMON_VERBS or after.endswith(("ed", "s")):
        return None  # "Amazon announced", "Apple unveils": a name, then its verb
    return word if _checker().word_frequency[word.lower()] >= EVERYDAY else None
