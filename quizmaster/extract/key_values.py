"""Key-value lines ("Capital – Rabat") and list items as facts of their own."""

from __future__ import annotations

import dataclasses
import re

from quizmaster import places
from quizmaster import word_lists as gz
from quizmaster.extract.key_spans import _find, enumeration_groups
from quizmaster.extract.patterns import ABOUT_RE, KV_RE, KV_SKIP_KEYS, SENTENCE_END, Candidate
from quizmaster.extract.runs import _gazetteer_type
from quizmaster.models import KeySpan, SpanType


def _key_phrase(key: str) -> str:
    if key.isupper() or key in gz.TITLES or key.split()[0] in gz.ROLE_HEADS:
        return key
    return key[0].lower() + key[1:]


def key_value_fact(unit_text: str, subject: str | None) -> tuple[str, KeySpan, str] | None:
    """A 'Capital – Rabat' line as (statement, value span, question), or None."""
    match = KV_RE.match(unit_text)
    if not match:
        return None
    key, value = match.group("key").strip(), match.group("value").strip().rstrip(".;")
    if not value or len(key.split()) > 8 or len(value.split()) > 14:
        return None
    if key.lower().split()[0] in KV_SKIP_KEYS or value.endswith(SENTENCE_END):
        return None
    if re.search(r"\b(is|are|was|were|has|have|had|will)\b", key):
        return None
    dated = re.match(r"((?:\d{1,2} [A-Z][a-z]+ )?\d{4})(?= by |, | in )", value)
    if dated and key.split()[-1].endswith("ed"):
        value = dated.group(1)  # "Founded: 2007 by X, an LSE graduate": the year is the value
    kind = _value_kind(value, key)
    phrase = _key_phrase(key)
    wh = {SpanType.PERSON: "Who", SpanType.DATE: "When", SpanType.PLACE: "Where"}.get(kind, "What")
    words = key.split()
    if subject and words[-1].lower() in ("in", "on", "by", "at"):
        prep = words[-1].lower()
        statement = f"{subject} was {phrase} {value}."
        asked = {"by": "By whom", "at": "Where"}.get(prep, wh if wh != "Who" else "When")
        question = f"{asked} was {subject} {' '.join(phrase.split()[:-1])}?"
    elif subject and words[-1].endswith("ed"):
        prep = "in" if kind in (SpanType.DATE, SpanType.PLACE) else "by"
        statement = f"{subject} was {phrase} {prep} {value}."
        question = f"{wh if prep == 'in' else 'By whom'} was {subject} {phrase}?"
    elif subject:
        statement = f"The {phrase} of {subject} is {value}."
        question = f"{'Who' if kind is SpanType.PERSON else 'What'} is the {phrase} of {subject}?"
    elif words[0] in gz.ORG_WORDS and kind in (SpanType.MONEY, SpanType.NUMBER):
        return None  # "Ministry of Defence: Rs 5.34 lakh crore": a table row, not a property
    elif " of " in key or "of" == words[-1]:
        statement = f"The {phrase} is {value}."
        question = f"{'Who' if kind is SpanType.PERSON else 'What'} is the {phrase}?"
    else:
        return None
    return statement, KeySpan(text=value, type=kind), question


def _value_kind(value: str, key: str) -> SpanType:
    spans = _find(value)
    covered = sum(f.end - f.start for f in spans)
    types = {f.type for f in spans}
    if spans and covered >= len(value.replace(",", "").replace(" ", "")) - 2:
        if types <= {SpanType.PLACE, SpanType.COUNTRY}:
            return SpanType.PLACE if len(spans) > 1 else spans[0].type
        if len(spans) == 1 and spans[0].type is not SpanType.TERM:
            return spans[0].type
    return _kind_for_key(key)


# "Patel, 92, ...", "Hooda's gold", "Gurjar, the reigning ...": a word standing alone like
# this, after the article used it to end a longer name, is that person's surname.
SURNAME_USE_RE = re.compile(
    r"(?<![\w-])(?P<word>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?:,\s+\d{1,3},|[’']s\b"
    r"|,\s+(?:the|a|who)\b|\s+"
    r"(?:was|is|has|had|said|says|won|wins|joined|served|died|became|finished|placed|took|led|"
    r"added|also|who)\b)"
    # "Ms Okonjo-Iweala": an honorific names a person by their surname
    r"|\b(?:Mr|Ms|Mrs|Dr|Smt|Shri)\.?\s+(?P<honoured>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\b(?!\s+[A-Z])"
)


def people_by_surname(candidates: list[Candidate]) -> set[str]:
    """Words the article uses alone as someone's surname (or first name)."""
    found: set[str] = set()
    for cand in candidates:
        for match in SURNAME_USE_RE.finditer(cand.statement):
            if match.start() == 0 or cand.statement[match.start() - 1] != "(":
                found.add(match.group("word") or match.group("honoured"))
    return found


# "... as Rinku Hooda captured gold", "Ayush Verma placing fifth": what people do in news.
PERSON_VERB_RE = re.compile(
    r"\s+(?:captured|claimed|won|bagged|clinched|secured|placing|finishing|taking|finished|"
    r"passed away|died|was born|was appointed|was elected|was named|was sworn|took oath)\b"
)


def _named_person(text: str, statement: str, surnames: set[str]) -> bool:
    """Whether the run names a person: the article calls them by one name elsewhere, or a
    verb only people take follows it, or a country's possessive precedes it."""
    if not _person_like(text, surnames | {text.split()[-1]}):
        return False
    if text.split()[-1] in surnames or text.split()[0] in surnames:
        return True
    at = statement.find(text)
    after = statement[at + len(text) :] if at >= 0 else ""
    before = statement[:at] if at >= 0 else ""
    owner = re.search(r"([A-Z][\w ]+?)[’']s\s+$", before)
    if owner and places.country(owner.group(1)):
        return True
    return bool(PERSON_VERB_RE.match(after))


def _person_like(text: str, surnames: set[str]) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if any(w in gz.ORG_WORDS or w in gz.PLACE_WORDS or w in gz.TERM_WORDS for w in words):
        return False
    if any(w in gz.EVENT_WORDS or re.search(r"\d", w) for w in words):
        return False
    return words[-1] in surnames or words[0] in surnames


def _retype_known(candidates: list[Candidate]) -> list[Candidate]:
    """A name typed once (a titled person, an organisation) keeps its type everywhere; a
    run the article later calls by its last (or first) word alone is a person."""
    known: dict[str, SpanType] = {}
    surnames = people_by_surname(candidates)
    for cand in candidates:
        for span in cand.spans:
            if gz.SHIP_RE.fullmatch(span.text):
                continue  # "INS Imphal", later "the Imphal": a ship, not a person
            if span.type is SpanType.TERM and _named_person(span.text, cand.statement, surnames):
                known.setdefault(span.text, SpanType.PERSON)
    for cand in candidates:
        for span in cand.spans:
            if span.type is SpanType.EVENT:
                known[span.text] = span.type  # "in JIMEX" guessed a place; a list knew better
            elif span.type is not SpanType.TERM:
                known.setdefault(span.text, span.type)
    # Fellow items of a list holding a known event are events too (exercises, summits).
    for cand in candidates:
        for group in enumeration_groups(cand.statement):
            texts = [cand.statement[a:b] for a, b in group]
            if any(known.get(t) is SpanType.EVENT for t in texts):
                for text in texts:
                    if text[:1].isupper() and _gazetteer_type(text) is None:
                        known[text] = SpanType.EVENT
    out = []
    for cand in candidates:
        spans = tuple(
            KeySpan(text=s.text, type=known[s.text])
            if s.text in known
            and (
                s.type is SpanType.TERM
                or (s.type is SpanType.PLACE and _gazetteer_type(s.text) is None)
            )
            else s
            for s in cand.spans
        )
        out.append(dataclasses.replace(cand, spans=spans))
    return out


def _kind_for_key(key: str) -> SpanType:
    lower = key.lower()
    if re.search(
        r"capital|headquarter|hq|venue|location|located|city|site|state|host|"
        r"\b(at|in)$",
        lower,
    ):
        return SpanType.PLACE
    if re.search(
        r"\b(pm|president|minister|chair|ceo|head|chief|governor|director|founder|"
        r"secretary|leader|king|queen|emir)",
        lower,
    ):
        return SpanType.PERSON
    if re.search(r"founded|established|formed|year|date|since|launched|designated", lower):
        return SpanType.DATE
    if re.search(r"country|countries|member", lower):
        return SpanType.COUNTRY
    if re.search(r"number|total|count|area", lower):
        return SpanType.NUMBER
    return SpanType.TERM


def list_item_fact(item: str, lead_in: str) -> str | None:
    """A list item read with the line that introduced it ("The new sites are:")."""
    match = KV_RE.match(item)
    body = item.rstrip(".;")
    if match and len(match.group("value").split()) <= 6:
        body = f"{match.group('key').strip()} ({match.group('value').strip().rstrip('.;')})"
    elif len(item.split()) > 12:
        return None
    return f"{lead_in.rstrip(':').strip()}: {body}."


def heading_subject(heading: str) -> str | None:
    """What a section is about: 'About Ramsar Convention', 'Static GK: Morocco'."""
    about = ABOUT_RE.match(heading)
    if about:
        return about.group("subject").strip()
    rest = re.sub(
        r"(?i)\b(static gk|key (facts|points)|quick facts|exam[- ]oriented facts|"
        r"important (facts|points)|facts)\b"
        r"(\s+(about|on|of))?",
        "",
        heading,
    ).strip(" :–—-")
    if rest != heading.strip() and rest[:1].isupper() and rest.lower() not in VAGUE_SUBJECTS:
        return rest
    return None


# "Other Important Facts", "Some Key Points": a section's word for its facts, not its subject
VAGUE_SUBJECTS = frozenset({"other", "some", "more", "additional", "few", "main", "key", "top"})
