"""Wh-question wording: turn a fact's statement around one key span into a question."""

from __future__ import annotations

import re

from quizmaster.generate.distractors import VALUE_TYPES, place_kind
from quizmaster.generate.military_exercises import CLAIM_RE as EXERCISE_CLAIM_RE
from quizmaster.generate.text import (
    ADVERBS,
    COMMON_VERBS,
    FRACTION_RE,
    MONTH_INDEX,
    MONTH_YEAR_RE,
    NUMBER_IN_TEXT,
    PREPOSITIONS,
    YEAR_RE,
    _capitalise,
    find_span,
    norm,
)
from quizmaster.models import (
    Fact,
    KeySpan,
    SpanType,
)
from quizmaster.word_lists import STOPWORDS


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


# Verbs a place in a ranking follows: "ranked 118th in", "finished fourth in".
RANK_VERBS = frozenset("ranked placed finished stood slipped climbed rose fell came".split())


def wh_prompt(fact: Fact, span: KeySpan) -> str | None:
    """A wh-question asking for ``span``: the question phrase stands where the span stood,
    fitted to the words around it ("Who signed ...", "... in which city?", "after which
    meeting ...", "in what capacity"). None where no natural question can be made (the span
    is part of a longer name: "the 16th BRICS Summit")."""
    statement = fact.statement.strip()
    at = find_span(statement, span.text)
    before, after = statement[:at], statement[at + len(span.text) :]
    kind = span.type
    if _no_question_fits(kind, before, after):
        return None
    if kind is SpanType.PERSON and re.fullmatch(r"(?:[A-Z][\w.]*\s+)+", before):
        before = ""  # a title before the name: "General Anil Chauhan serves as ..."
    at_start = not before.strip()
    if kind is SpanType.ROLE and not after.strip(" .!"):
        post = _post_held(before)
        if post is not None:
            return post
    phrased = _question_phrase(span, before, after)
    if phrased is None:
        return None
    phrase, before, after = phrased
    if phrase.startswith("which") and not at_start:
        before, after = _possessor_after(before, after)
    if re.search(r"(?:\b\d+(?:st|nd|rd|th)|[a-z]\s+[A-Z][\w-]*)\s+$", before):
        return None  # "the 15th which post", "the Indian which ministry"
    asked = (before + phrase + after).strip().rstrip(" .!;:")
    return _capitalise(asked) + "?"


def _no_question_fits(kind: SpanType, before: str, after: str) -> bool:
    """Whether the span sits where no question phrase can stand: inside a longer name, before
    an appositive, or as a name used as a modifier."""
    if kind is not SpanType.ORDINAL and re.match(r"\s*[A-Z]", after):
        return True
    if not before.strip() and after.startswith(","):
        return True  # "Who, the 15th President of India, is ..." reads badly
    if re.search(r",\s*(?:the\s+|a\s+|an\s+)?$", before) and before.strip():
        return True  # the span opens an appositive: "Droupadi Murmu, the 15th President"
    if kind not in (SpanType.TERM, *VALUE_TYPES, SpanType.PERSON) and before.strip():
        # A name used as a modifier ("the Chandrayaan-3 lander") has no question phrase.
        follower = re.match(r"\s+([a-z][\w-]*)", after)
        if (
            follower is not None
            and follower.group(1) not in STOPWORDS | PREPOSITIONS | ADVERBS | COMMON_VERBS
            and not follower.group(1).endswith(("ed", "ly", "s"))
        ):
            return True
    return False


def _post_held(before: str) -> str | None:
    """ "Ajit Doval is India's National Security Adviser." -> "Which post does ... hold?" """
    copula = re.fullmatch(
        r"(?P<subject>.+?)\s+(?P<verb>is|was)\s+(?:(?P<owner>[\w-]+)(?:'s|’s)\s+|the\s+)?",
        before,
    )
    if not copula:
        return None
    aux = "does" if copula.group("verb") == "is" else "did"
    owner = copula.group("owner")
    where = f" in {owner}" if owner and owner.lower() not in POSSESSOR_WORDS else ""
    return f"Which post {aux} {copula.group('subject')} hold{where}?"


def _drop_article(text: str) -> str:
    return re.sub(r"\b(the|a|an|The|A|An)\s+$", "", text)


def _question_phrase(span: KeySpan, before: str, after: str) -> tuple[str, str, str] | None:
    """The question phrase for the span's type ("whom", "which city", "in what capacity",
    "how much" ...), with the words before and after it as the phrase needs them."""
    kind = span.type
    words_before = before.split()
    prev = words_before[-1].lower() if words_before else ""
    at_start = not before.strip()
    if kind is SpanType.PERSON:
        phrase = "whom" if prev in PREPOSITIONS else "who"
    elif kind is SpanType.COUNTRY:
        phrase = "which country"
        if after.startswith("'s") or after.startswith("’s"):
            phrase, after = "which country's", after[2:]
    elif kind is SpanType.PLACE:
        phrase = f"which {_place_noun(span.text)}"
    elif kind is SpanType.ORGANISATION:
        phrase, before = f"which {_organisation_noun(span.text)}", _drop_article(before)
    elif kind is SpanType.ROLE:
        as_possessive = re.search(r"\bas\s+(\S+(?:'s|’s)|its|his|her|their)?\s*$", before)
        if as_possessive:
            phrase, before = "in what capacity", before[: as_possessive.start()]
            if after.startswith(" of "):
                after = " at " + after[4:]  # "as Governor of the RBI" -> "... at the RBI"
        else:
            phrase, before = "which post", _drop_article(before)
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
        phrase, before = "which", _drop_article(before)
        follower = re.match(r"\s+([A-Za-z][\w-]*)", after)
        if follower is None or follower.group(1).lower() in STOPWORDS | PREPOSITIONS:
            # "India was ranked 118th in the report": no noun follows to say which what
            phrase = "at which position" if prev in RANK_VERBS else "which position"
    elif kind is SpanType.EVENT and EXERCISE_CLAIM_RE.match(after.lstrip()):
        phrase, before = "which", _drop_article(before)  # "Which is a naval exercise ...?"
    elif kind is SpanType.EVENT:
        phrase, before = "which event", _drop_article(before)
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
        before = _drop_article(before)
    return phrase, before, after


def _hand_short_prompt(question: str) -> str:
    """A hand-written MCQ stem ("Which of these is ...") reworded for a typed answer."""
    match = re.match(r"^which of (?:these|the following)\s+(?:is|are)\s+(.*)$", question, re.I)
    if not match:
        return question
    return "Name " + match.group(1).rstrip(" ?") + "."
