"""A joint exercise told as a setter asks it: its name and the country India holds it with.

An article reports the exercise's latest edition in a long sentence: "The ninth edition of
Mitra Shakti, a joint military exercise between India and Sri Lanka, which commenced on
November 16, culminated on Tuesday at Pune's Aundh Foreign Training Node." What an aspirant
must recall is the pair, name and partner: "Mitra Shakti is a joint military exercise between
India and Sri Lanka." That holds across editions, so it needs no date. :func:`exercise_claim`
writes that sentence where the article names both; an exercise of many nations, or one whose
partner the sentence does not name, is left as told.
"""

from __future__ import annotations

import re

from quizmaster import places
from quizmaster.word_lists import AIR_EXERCISES, EXERCISE_PARTNERS, NAVAL_EXERCISES

# A headline's verbs and the words after a name: "Exercise Shakti Begins In Meghalaya"
NOT_NAME_WORD = (
    r"(?!(?:Begins?|Commences?|Concludes?|Ends?|Culminates?|Starts?|Kicks?|Set|To|In|At|Underway"
    r"|Held|Successfully|Opens?|Gets|Of|And|With|Between)\b)"
)
EDITION = r"(?:\s?[-–]?\s?\d{2,4}|\s?[-–]\s?[IVXL]+)"  # "-2031", " 31", "-XIV"
NAME = rf"[A-Z][\w]*(?:[ -]{NOT_NAME_WORD}[A-Z][\w]*){{0,3}}{EDITION}?"
# "the India-France joint military exercise Shakti", "exercise, Ekuverin, came to an end",
# "Exercise Dharma Guardian, an annual exercise between ...", "the exercise named Yudh Abhyas"
AFTER_WORD_RE = re.compile(
    rf"\b[Ee]xercise(?: (?:named |called |code-named )?(?P<name>{NAME})(?=[,.;:( –]|$)"
    rf"|, (?P<aside>{NAME}),)"
)
# "Mitra Shakti, a joint military exercise between India and Sri Lanka", "Varuna, the
# bilateral naval exercise by Indian and French Navies"
# "Singapore-India Maritime Bilateral Exercise (SIMBEX)"
SHORT_NAME_RE = re.compile(r"\b[Ee]xercise \((?P<name>[A-Z]{4,})\)")
BEFORE_WORD_RE = re.compile(
    rf"(?P<name>{NAME}), (?:a|an|the) (?:[\w-]+ ){{0,4}}exercise (?:between|by|of|with)\b"
)
# "India-France", "Indo-US", "India - Maldives"
PAIR_RE = re.compile(
    r"\b(?:India|Indo)\s?[-–—]\s?(?P<partner>[A-Z][\w]*(?: [A-Z][\w]*)?)"
    r"|\b(?P<first>[A-Z][\w]*)[-–](?:India|Indian)\b"  # "Singapore-India", "British-Indian"
)
# "between India and Japan", "between Indian Army and Japanese Ground Self Defence Force"
BETWEEN_RE = re.compile(
    r"\bbetween (?:the )?India(?:n(?: [A-Z][\w]*){1,3})? and (?:the )?"
    r"(?P<partner>[A-Z][\w]*(?: [A-Z][\w]*)?)"
)
# "by Indian and French Navies", "the troops of the Indian and Malaysian armies"
BOTH_RE = re.compile(
    r"\bIndian and (?P<partner>[A-Z][\w]*) (?i:navies|armies|air forces|troops|forces)\b"
)
MANY_RE = re.compile(
    r"\b(?:multinational|multilateral|trilateral|quadrilateral|nations|countries)\b"
)
NOT_A_NAME = frozenset(
    {"The", "A", "An", "India", "Indian", "Army", "Navy", "Air", "Force", "Joint", "Military"}
    | {"Meanwhile", "Furthermore", "However", "Moreover", "Additionally", "Earlier", "Notably"}
    | {"Also", "Besides", "Similarly", "Further", "Major", "General", "Lieutenant", "Colonel"}
    | {"Brigadier", "Commander", "Admiral", "Captain", "Chief", "Defence", "Minister"}
    | {"PASSEX"}  # a passage exercise: a kind of drill, not a named exercise
)


# The sentence :func:`exercise_claim` writes, with either key blanked or asked.
CLAIM_RE = re.compile(
    r"\bis an? (?:joint military|naval|air|bilateral) exercise between India and (?:the )?\S"
)
# The partner that sentence names, read back from a stem: "between India and Sri Lanka?"
PARTNER_RE = re.compile(r"\bbetween India and (?:the )?([A-Z][\w ]*?)[?.]")


def _country(words: str) -> str | None:
    """The country a name or an adjective names: "Sri Lanka", "Japanese Ground ..." -> Japan."""
    for size in (2, 1):
        head = " ".join(words.split()[:size])
        if len(head.split()) == size and (
            found := places.country(head) or places.nationality(head)
        ):
            return None if found == "India" else found
    return None


def _partner(sentence: str) -> str | None:
    """The one country the sentence names India's exercise with, else None."""
    found = {
        country
        for pattern in (PAIR_RE, BETWEEN_RE, BOTH_RE)
        for match in pattern.finditer(sentence)
        if (country := _country(match.group("partner") or match.group("first")))
    }
    return found.pop() if len(found) == 1 else None


def _name(sentence: str) -> str | None:
    """The exercise's own name, without "Exercise" and without its year."""
    for pattern in (AFTER_WORD_RE, SHORT_NAME_RE, BEFORE_WORD_RE):
        for match in pattern.finditer(sentence):
            found = match.groupdict().get("name") or match.group("aside")
            name = re.sub(r"^(?:Ex|Exercise)[ -]", "", found, flags=re.IGNORECASE)
            name = re.sub(rf"{EDITION}$", "", name).strip(" -–")
            words = name.split()
            if (
                not words
                or words[0] in NOT_A_NAME
                or not re.match(NOT_NAME_WORD, words[0])
                or _country(name)
                or len(name) < 3
            ):
                continue
            if name.isupper() and len(words) > 1:
                name = name.title()  # "DHARMA GUARDIAN": the article's shouting, not the name
            return name
    return None


def _known(name: str) -> str | None:
    """The name as the list of India's exercises spells it ("SURYAKIRAN" -> "Surya Kiran")."""
    folded = re.sub(r"[\s-]", "", name).lower()
    for known in EXERCISE_PARTNERS:
        if re.sub(r"[\s-]", "", known).lower() == folded:
            return known
    return None


def _kind(name: str, sentence: str) -> str:
    """What the exercise is: naval, air, military, else bilateral."""
    if name in NAVAL_EXERCISES:
        return "naval exercise"
    if name in AIR_EXERCISES:
        return "air exercise"
    if name in EXERCISE_PARTNERS:
        return "joint military exercise"
    lowered = sentence.lower()
    if re.search(r"\b(?:naval|navy|navies|maritime)\b", lowered):
        return "naval exercise"
    if re.search(r"\b(?:air exercise|air force|air forces|air drill)\b", lowered):
        return "air exercise"
    if re.search(r"\b(?:military|army|armies|troops|battalion|infantry)\b", lowered):
        return "joint military exercise"
    return "bilateral exercise"


def exercise_claim(sentence: str) -> tuple[str, str, str] | None:
    """(statement, name, partner) for a sentence that names an exercise of India's and the
    one country it is held with, else None."""
    if "xercise" not in sentence or MANY_RE.search(sentence):
        return None
    name = _name(sentence)
    partner = _partner(sentence)
    if name is None or partner is None or name in partner or partner in name:
        return None
    name = _known(name) or name
    if EXERCISE_PARTNERS.get(name, partner) != partner:
        return None  # the sentence's other country is not the exercise's partner
    kind = _kind(name, sentence)
    article = "an" if kind.startswith("air") else "a"  # "an air exercise"
    pair = f"India and {places.in_prose(partner)}"
    return f"{name} is {article} {kind} between {pair}.", name, partner
