"""The regular expressions, word lists and records of article extraction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizmaster import word_lists as gz
from quizmaster.models import Fact, KeySpan, SpanType

MAX_SPANS_PER_FACT = 5
# A span's answer is asked at most this many times across one article's facts.
MAX_ASKS_PER_ANSWER = 2
MIN_STATEMENT_CHARS = 20
MAX_STATEMENT_CHARS = 600

FACT_SECTION_RE = re.compile(
    r"^(exam[- ]oriented facts|key (points|facts|highlights|takeaways|features)|static gk|"
    r"important (facts|points)|facts for (prelims|exams?)|quick facts|at a glance|"
    r"highlights|about\b.*)$",
    re.IGNORECASE,
)
STOP_HEADING_RE = re.compile(
    r"^(related (posts?|articles?|news|stories)|also read|read (more|also)|you may also like|"
    r"comments?|leave a (reply|comment)|trending( now)?|latest (news|posts)|more from\b.*|"
    r"recommended( for you)?|popular posts)\W*$",
    re.IGNORECASE,
)
BOILERPLATE_RE = re.compile(
    r"^(share( this| on)?|tweet|follow us|subscribe|sign (up|in)|log ?in|advertisement|"
    r"also read|read (more|also)|related\b|click here|download|join (us|our)|tags?\s*:|"
    r"categor(y|ies)\s*:|source\s*:|image\s*:|photo\s*:|picture\s*:|credits?\s*:|copyright|©|"
    r"all rights reserved|leave a comment|print|email|whatsapp|telegram|facebook|twitter|"
    r"next (article|post)|previous (article|post)|home\b|menu\b|skip to\b|posted in\b)",
    re.IGNORECASE,
)
DATELINE_RE = re.compile(
    r"^(published|updated|last updated|posted|first published|date)\b( on)?\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
BYLINE_RE = re.compile(r"^(by|written by|reported by|author\s*:)\s+\S", re.IGNORECASE)
BULLET_RE = re.compile(r"^(?:[-*•●▪◦–·]|\d{1,2}[.)]|\(?[a-z]\))\s+")
SENTENCE_END = (".", "!", "?", "…")
ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof shri smt sri st no nos rs gen lt col maj capt brig cdr sr jr vs etc "
    "i.e e.g u.s u.k u.n inc ltd co govt dept jan feb mar apr jun jul aug sep sept oct nov dec "
    "approx est fig res retd hon adm cmde sqn ldr flt wg".split()
)
# A line with one of these is a sentence, however capitalised its other words are.
FINITE_VERBS = frozenset("is are was were has have had been will would".split())
CONNECTORS = frozenset({"of", "for", "the", "on", "de", "&", "and"})
# Words that open a sentence before a name and are no part of it ("Singer X died ...").
LEADING_NOISE = frozenset(
    {"The", "A", "An", "This", "These", "Its", "Their", "His", "Her", "Former", "Late"}
    | {"Veteran", "Legendary", "Renowned", "Noted", "Eminent", "Celebrated", "Iconic"}
    | {"Singer", "Actor", "Actress", "Writer", "Poet", "Author", "Novelist", "Journalist"}
    | {"Filmmaker", "Industrialist", "Lyricist", "Composer"}
    | set(gz.SERVICES)
)

_MONTH = rf"(?:{gz.MONTH_PATTERN})\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    rf"\b(?:{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_DAY},?\s+\d{{4}}|"
    rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z])|{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b)"
)
YEAR_RE = re.compile(r"(?<![\w$₹.,-])(?:1[89]|20)\d{2}(?![\w%-])")
MONEY_RE = re.compile(
    r"(?:₹|Rs\.?|INR|US\$|\$|USD|€|EUR|£|GBP)\s?\d[\d,]*(?:\.\d+)?"
    r"(?:\s?(?:lakh crores?|crores?|lakhs?|million|billion|trillion|mn|bn|cr)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:lakh crores?|crores?|lakhs?|million|billion|trillion)\s"
    r"(?:rupees|dollars|euros|USD|INR)\b"
)
ORDINAL_RE = re.compile(
    rf"\b\d{{1,4}}(?:st|nd|rd|th)\b|(?:(?<=\bthe )|(?<=[’']s )|(?<=\branked )|(?<=\branks )"
    rf"|(?<=\bplaced )|(?<=\bstood ))(?:{gz.ORDINAL_WORDS})\b",
    re.IGNORECASE,
)
WORD_NUMBER_RE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|fifty|"
    r"hundred)\b(?=\s+(?:consecutive\s+)?(?:years|months|weeks|days|decades|terms)\b)",
    re.IGNORECASE,
)
_UNITS = r"%|per ?cent|lakh|crore|million|billion|sq km|km|hectares?|ha|kg|tonnes?|MW|GW|mm|cm|m"
NUMBER_RE = re.compile(
    rf"(?<![\w$₹.,/-])\d{{1,3}}(?:,\d{{2,3}})+(?:\.\d+)?(?:\s?(?:{_UNITS}))?(?![\w])"
    rf"|(?<![\w$₹.,/-])\d+(?:\.\d+)?(?:\s?(?:{_UNITS}))?(?![\w]|[.,]\d)"
)
_LETTERS = r"[^\W\d_]"  # any letter, so Jørgen and Çelik are names too
# Initials with or without stops: "K. P. Sharma Oli", "K P Sharma Oli" (never the article "A").
NAME_WORD = rf"(?:[A-Z]\.\s?|(?!A\s)[A-Z]\s){{0,3}}[A-Z]{_LETTERS}+(?:['’-]{_LETTERS}+)*"
# A middle initial may go without its stop: "Dinesh K Tripathi".
NAME = (
    rf"{NAME_WORD}(?:\s+(?:[A-Z]\.\s?|(?!A\s)[A-Z]\s(?=[A-Z]))*[A-Z]{_LETTERS}+"
    rf"(?:['’-]{_LETTERS}+)*){{0,3}}"
)
KNOWN_AS_RE = re.compile(
    r"\b(?:known as|called|dubbed|termed|nicknamed)\s+['‘“\"]?"
    r"(?P<name>[\w-]+(?:\s+[A-Z][\w-]*){0,3})"
)
_TITLE_ALT = "|".join(re.escape(t) for t in gz.TITLES)
TITLED_PERSON_RE = re.compile(
    rf"(?<![A-Za-z])(?P<title>(?:[A-Z][a-z]+\s+){{0,2}}(?:{_TITLE_ALT}))\.?\s+(?:\((?:Res|Retd|retd|Retired)\.?\)\s+)?"
    rf"(?P<name>{NAME})"
)
# "President of India Pranab Mukherjee": a post of one place, then its holder's name.
TITLE_OF_PLACE_RE = re.compile(
    rf"(?<![A-Za-z])(?P<title>(?:{_TITLE_ALT}) of (?:the )?(?P<place>[A-Z][a-z]+))\s+"
    rf"(?P<name>{NAME})"
)
CALLING = rf"(?:{gz.CALLINGS})"
PERSON_CUE_RE = re.compile(
    rf"\b(?:succeeds|succeeded|replaces|replaced|led by|headed by|chaired by|signed by|"
    rf"inaugurated by|launched by|presided over by|awarded to|conferred on|won by)\s+"
    # "awarded to South Korean author Han Kang": a nationality and a calling before the name
    rf"(?:(?:[A-Z][a-z]+\s+){{1,2}}{CALLING}\s+)?"
    rf"(?P<name>{NAME})"
)
# "The Centre appointed Asha Rao, a 1991-batch officer, as ...": the one a post went to.
APPOINTEE_RE = re.compile(
    rf"\b(?:appointed|nominated|elected|re-elected|reappointed|re-appointed)\s+"
    rf"(?:{gz.SERVICE_TITLE}\s+)?"
    rf"(?P<name>{NAME})(?=,|\s+as\b)"
)
# "industrialist Sitaram Jindal", "governor Ram Naik": a calling or post before a name.
CALLED_PERSON_RE = re.compile(
    rf"\b(?:{gz.CALLINGS}|{gz.PEOPLE_WORDS}|governor|minister|captain|skipper|coach|diplomat"
    rf"|envoy|founder|batter|bowler|director|producer|judge|officer)\s+(?P<name>{NAME})"
)
APPOSITIVE_RE = re.compile(
    rf"(?P<name>{NAME}),\s+(?:the\s+|a\s+)?(?:[A-Z][a-z]+\s+){{0,2}}(?:{_TITLE_ALT}|chair|"
    rf"chairman|chairperson|president|director|secretary|minister|chief|head|founder|"
    rf"governor|ambassador)\b"
)
APPOINTED_RE = re.compile(
    rf"(?P<name>{NAME}),?\s+(?:has been|was|is|have been|will be|had been)\s+"
    rf"(?:appointed|named|elected|re-elected|reappointed|re-appointed|nominated|sworn in|"
    rf"designated|chosen|selected)"
    rf"|(?P<name2>{NAME})\s+(?:took|takes|assumed|assumes|has taken|has assumed)\s+"
    rf"(?:over|charge)"
)
AS_ROLE_RE = re.compile(
    r"\bas\s+(?:the\s+)?(?:new\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?"
    r"(?P<role>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3})"
)
NAMED_EVENT_RE = re.compile(
    r"\b(?:[Ee]xercise|[Oo]peration|[Mm]ission)\s+['‘“\"]?"
    r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
)
QUOTED_RE = re.compile(r"['‘“\"](?P<name>[A-Z][^'’”\"]{1,60}?)['’”\"]")
ACRONYM_RE = re.compile(r"\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")
WORD_RE = re.compile(r"[A-Za-z0-9](?:[\w’'.&]|-(?=\w))*")
KV_RE = re.compile(
    r"^(?P<key>[A-Z][\w .&/'’()-]{0,48}?)\s*(?::|\s[–—-]\s|\s=\s)\s*(?P<value>\S.*?)\s*[.;]?$"
)
KV_SKIP_KEYS = frozenset(
    "source tags tag author published updated image photo picture read category categories "
    "note example also date posted by credit credits".split()
)
# "About the WHO", "Quick Recap: About the World Health Organization (WHO)"
ABOUT_RE = re.compile(
    r"^(?:[A-Z][\w ]{0,30}:\s*)?about\s+(?:the\s+)?(?P<subject>.+?)\s*:?$", re.IGNORECASE
)

# How valuable a span of each type is to an examiner; the top few per fact are kept.
SPAN_VALUE: dict[SpanType, int] = {
    SpanType.PERSON: 10,
    SpanType.EVENT: 9,
    SpanType.ORGANISATION: 8,
    SpanType.PLACE: 8,
    SpanType.ORDINAL: 8,
    SpanType.MONEY: 8,
    SpanType.COUNTRY: 7,
    SpanType.NUMBER: 6,
    SpanType.DATE: 6,
    SpanType.ROLE: 6,
    SpanType.TERM: 5,
}
# Spans too obvious to ask about in an Indian exam.
TRIVIAL_ANSWERS = frozenset({"india", "indian", "government of india", "centre"})


@dataclass(frozen=True)
class Unit:
    """One line of the article once broken lines are joined."""

    kind: str  # "heading", "bullet" or "paragraph"
    text: str


@dataclass(frozen=True)
class Candidate:
    """A sentence with its spans, before ids are assigned."""

    statement: str
    spans: tuple[KeySpan, ...]
    topic: str
    order: int
    in_facts_section: bool
    question: str | None = None
    answer: str | None = None
    score: int = 0
    # Prose past the lead that tells no lasting fact: asked only where a frame retells it.
    background: bool = False


@dataclass
class Extraction:
    """What :func:`extract_facts` found in one article."""

    title: str | None
    date: str | None
    article_slug: str
    facts: list[Fact] = field(default_factory=list)
    # Ids of the facts told in prose past the lead sentence, lasting facts aside: blind
    # raters accepted their lifted sentences about two times in five, against three in five
    # for the lead's. Ingest keeps them only where a frame writes the stem.
    background: frozenset[str] = frozenset()
