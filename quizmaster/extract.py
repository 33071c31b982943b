"""Rule-based, offline extraction of candidate facts from an article's text.

Pure: text in, :class:`Extraction` out; no I/O, no clock, no model downloads. The pipeline:

1. lines -> units (headings, bullets, paragraphs), with boilerplate dropped and lines that a
   copy-paste broke mid-sentence joined back;
2. units -> sentences, and key-value lines ("Capital – Rabat") -> sentences of their own;
3. sentences -> key spans (people with their titles, organisations, places, countries, dates,
   ordinals, numbers, money, events, named terms), typed with small built-in word lists;
4. sentences with enough spans -> facts with stable ids: ``<article slug>-<statement slug>``,
   where the article slug joins the title's words to a hash of the text, so two articles
   never collide and the same article always gives the same ids.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from quizmaster import extract_words as gz
from quizmaster.models import Fact, KeySpan, Source, SpanType

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
    "approx est fig res retd hon".split()
)
STOPWORDS = frozenset(
    "a an the of and or in on at to for by with from as is are was were be been has have had "
    "its it this that these those into over under after before during their his her which "
    "who whom will would also than such".split()
)
# A line with one of these is a sentence, however capitalised its other words are.
FINITE_VERBS = frozenset("is are was were has have had been will would".split())
CONNECTORS = frozenset({"of", "for", "the", "on", "de", "&", "and"})
LEADING_NOISE = frozenset({"The", "A", "An", "This", "These", "Its", "Their", "His", "Her"})

_MONTH = rf"(?:{gz.MONTHS})\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    rf"\b(?:{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_DAY},?\s+\d{{4}}|"
    rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z])|{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b)"
)
YEAR_RE = re.compile(r"(?<![\w$₹.,-])(?:1[89]|20)\d{2}(?![\w%-])")
MONEY_RE = re.compile(
    r"(?:₹|Rs\.?|INR|US\$|\$|USD|€|EUR|£|GBP)\s?\d[\d,]*(?:\.\d+)?"
    r"(?:\s?(?:lakh crore|crore|lakh|million|billion|trillion|mn|bn|cr)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:lakh crore|crore|lakh|million|billion|trillion)\s"
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
NUMBER_RE = re.compile(
    r"(?<![\w$₹.,/-])\d{1,3}(?:,\d{2,3})+(?:\.\d+)?(?:\s?(?:%|per ?cent|lakh|crore|million|"
    r"billion|km|sq km|hectares?|ha))?(?![\w])"
    r"|(?<![\w$₹.,/-])\d+(?:\.\d+)?(?:\s?(?:%|per ?cent|lakh|crore|million|billion|km|sq km|"
    r"hectares?|ha))?(?![\w])"
)
_LETTERS = r"[^\W\d_]"  # any letter, so Jørgen and Çelik are names too
NAME_WORD = rf"(?:[A-Z]\.\s?){{0,3}}[A-Z]{_LETTERS}+(?:['’-]{_LETTERS}+)*"
NAME = rf"{NAME_WORD}(?:\s+(?:[A-Z]\.\s?)*[A-Z]{_LETTERS}+(?:['’-]{_LETTERS}+)*){{0,3}}"
KNOWN_AS_RE = re.compile(
    r"\b(?:known as|called|dubbed|termed|nicknamed)\s+['‘“\"]?"
    r"(?P<name>[\w-]+(?:\s+[A-Z][\w-]*){0,3})"
)
_TITLE_ALT = "|".join(re.escape(t) for t in gz.TITLES)
TITLED_PERSON_RE = re.compile(
    rf"(?<![A-Za-z])(?P<title>(?:[A-Z][a-z]+\s+){{0,2}}(?:{_TITLE_ALT}))\.?\s+(?:\((?:Res|Retd|retd|Retired)\.?\)\s+)?"
    rf"(?P<name>{NAME})"
)
PERSON_CUE_RE = re.compile(
    rf"\b(?:succeeds|succeeded|replaces|replaced|led by|headed by|chaired by|signed by|"
    rf"inaugurated by|launched by|presided over by|awarded to|conferred on|won by)\s+"
    rf"(?P<name>{NAME})"
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
ABOUT_RE = re.compile(r"^about\s+(?:the\s+)?(?P<subject>.+?)\s*:?$", re.IGNORECASE)

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


@dataclass
class Extraction:
    """What :func:`extract_facts` found in one article."""

    title: str | None
    date: str | None
    article_slug: str
    facts: list[Fact] = field(default_factory=list)


# --- text to units -----------------------------------------------------------------------


def normalise(text: str) -> str:
    """Unify line endings and odd spaces; keep the words exactly as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    text = "".join(ch for ch in text if ch == "\n" or ch.isprintable())
    text = re.sub(r"\*\*|__", "", text)  # Markdown bold is not part of the words
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


def is_heading_like(line: str) -> bool:
    """Short, unpunctuated, mostly capitalised: a headline or a section title."""
    text = line.strip().lstrip("#").strip()
    if not text or text.endswith(SENTENCE_END + (",", ";")) or len(text) > 120:
        return False
    words = WORD_RE.findall(text)
    if not words or len(words) > 16:
        return False
    if words[-1].lower() in STOPWORDS or any(w in FINITE_VERBS for w in words):
        return False
    content = [w for w in words if w.lower() not in STOPWORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= 0.7 or (text.endswith(":") and len(words) <= 6)


def _is_boilerplate(line: str) -> bool:
    if len(line) > 160:
        return False
    if BOILERPLATE_RE.match(line) and not line.endswith(".") or re.fullmatch(r"\W+", line):
        return True
    if re.fullmatch(r"(https?://|www\.)\S+|\S+@\S+\.\w+", line):
        return True
    if BYLINE_RE.match(line) and len(line.split()) <= 8 and not line.endswith("."):
        return True
    # Breadcrumbs and menus: several short items between separators.
    parts = re.split(r"\s*(?:\||»|›|>|/|·|•)\s*", line)
    return len(parts) >= 3 and all(0 < len(p.split()) <= 4 for p in parts)


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD or YYYY-MM) from text like '12 November 2025'."""
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        return iso.group(0)
    day_first = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({gz.MONTHS})\.?,?\s+(\d{{4}})", text)
    if day_first:
        month = gz.MONTH_NUMBERS[day_first.group(2).lower()]
        return f"{day_first.group(3)}-{month:02d}-{int(day_first.group(1)):02d}"
    month_first = re.search(
        rf"\b({gz.MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", text
    )
    if month_first:
        month = gz.MONTH_NUMBERS[month_first.group(1).lower()]
        return f"{month_first.group(3)}-{month:02d}-{int(month_first.group(2)):02d}"
    month_year = re.search(rf"\b({gz.MONTHS})\.?,?\s+(\d{{4}})", text)
    if month_year:
        return f"{month_year.group(2)}-{gz.MONTH_NUMBERS[month_year.group(1).lower()]:02d}"
    return None


def _continues(previous: Unit, line: str, blank_between: bool) -> bool:
    """Whether ``line`` carries on a sentence that a line break cut in ``previous``."""
    if previous.kind == "heading" or previous.text.endswith(SENTENCE_END + (":",)):
        return False
    first = line[0]
    if first.islower() or first in ",;()–—" or (first.isdigit() and not blank_between):
        return True
    if blank_between:
        return False
    if KV_RE.match(previous.text) and len(previous.text) < 60:
        return False
    return not is_heading_like(previous.text)


def split_units(text: str) -> tuple[list[Unit], str | None]:
    """The article's units in order, and the publication date when a dateline gives one."""
    units: list[Unit] = []
    date: str | None = None
    blank = False
    for raw in normalise(text).split("\n"):
        # Markdown emphasis around a whole line (*Published on ...*) hides what it is.
        line = re.sub(r"^([*_]{1,3})(\S.*?\S)\1$", r"\2", raw.strip())
        if not line:
            blank = True
            continue
        dateline = DATELINE_RE.match(line)
        if dateline and len(line) < 80:
            date = date or parse_date(dateline.group("rest"))
            continue
        started = any(u.kind != "heading" for u in units)
        if started and STOP_HEADING_RE.match(line.lstrip("#").strip()):
            break
        if _is_boilerplate(line):
            continue
        bullet = BULLET_RE.match(line)
        if line.startswith("#"):
            units.append(Unit("heading", line.lstrip("#").strip()))
        elif bullet and len(line) > bullet.end():
            units.append(Unit("bullet", line[bullet.end() :].strip()))
        elif units and _continues(units[-1], line, blank):
            prev = units[-1]
            glue = "" if re.search(r"[A-Za-z]-$", prev.text) and line[0].islower() else " "
            units[-1] = Unit(prev.kind, prev.text + glue + line)
        else:
            units.append(Unit("paragraph", line))
        blank = False
    # A paragraph that stayed short and capitalised is a heading after all.
    return [
        Unit("heading", u.text)
        if u.kind == "paragraph"
        and is_heading_like(u.text)
        and (not KV_RE.match(u.text) or heading_subject(u.text) is not None)
        else u
        for u in units
    ], date


DATELINE_PREFIX_RE = re.compile(
    rf"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\s*(?P<date>{_DAY}\s+{_MONTH},?\s+\d{{4}}|"
    rf"{_MONTH}\s+{_DAY},?\s+\d{{4}}))?\s*(?::|—|–|\s-)\s+(?=[A-Z])"
)


def strip_dateline(paragraph: str) -> str:
    """'New Delhi: The Cabinet ...' or 'Oslo, 11 October 2024 — The ...' -> 'The ...'."""
    match = DATELINE_PREFIX_RE.match(paragraph)
    if match and match.group("place") not in gz.COMMON_CAPITALISED:
        return paragraph[match.end() :]
    return paragraph


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; abbreviations, initials and decimals do not end one."""
    out: list[str] = []
    start = 0
    for match in re.finditer(r"[.!?…]+[\"'’”)]?(?=\s+[\"'‘“(]?[A-Z0-9₹$])", text):
        before = text[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if match.group().startswith(".") and (
            last in ABBREVIATIONS
            or re.fullmatch(r"[a-z]", last)
            or re.fullmatch(r"(\w\.)+\w", last)
        ):
            continue
        out.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


# --- spans ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    type: SpanType
    rank: int  # lower wins overlaps

    def overlaps(self, other: _Found) -> bool:
        return self.start < other.end and other.start < self.end


def _title_is_role(title: str) -> bool:
    return title not in gz.HONORIFICS


def _gazetteer_type(phrase: str) -> SpanType | None:
    if phrase in gz.COUNTRIES:
        return SpanType.COUNTRY
    if phrase in gz.INDIAN_STATES or phrase in gz.CITIES:
        return SpanType.PLACE
    return None


def _classify_run(words: list[str], preceded_by: str) -> SpanType | None:
    phrase = " ".join(words)
    last = words[-1]
    if phrase in gz.COUNTRIES:
        return SpanType.COUNTRY
    if phrase in gz.INDIAN_STATES or phrase in gz.CITIES:
        return SpanType.PLACE
    if len(words) == 1 and (phrase in gz.COMMON_CAPITALISED or phrase in LEADING_NOISE):
        return None
    if last in gz.TERM_WORDS:
        return SpanType.TERM
    if last in gz.EVENT_WORDS:
        return SpanType.EVENT
    if any(w in gz.ORG_WORDS for w in words):
        return SpanType.ORGANISATION
    if last in gz.PLACE_WORDS:
        return SpanType.PLACE
    if phrase in gz.TITLES or last in gz.ROLE_HEADS or last in gz.TITLES:
        return SpanType.ROLE
    if len(words) == 1 and re.search(r"\d", phrase) and phrase[0].isupper():
        return SpanType.TERM  # LVM3, Chandrayaan-4, COP29
    if preceded_by in ("in", "at", "near", "from") and len(words) <= 3:
        return SpanType.PLACE
    if len(words) >= 2:
        return SpanType.TERM
    return None


def _capitalised_runs(sentence: str) -> Iterable[tuple[int, int, list[str], str]]:
    """Maximal runs of capitalised words (joined by of/for/the/...), with the word before."""
    tokens = []
    for m in WORD_RE.finditer(sentence):
        word = re.sub(r"[’']s$", "", m.group()).rstrip(".’'")
        tokens.append((m.start(), m.start() + len(word), word))
    i = 0
    while i < len(tokens):
        if not tokens[i][2][:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(tokens):
            gap = sentence[tokens[j][1] : tokens[j + 1][0]]
            if gap.strip():  # punctuation or a possessive ends a run
                break
            nxt = tokens[j + 1][2]
            if nxt[:1].isupper() or nxt[:1].isdigit() and j > i:
                j += 1
            elif nxt in CONNECTORS and j + 2 < len(tokens) and tokens[j + 2][2][:1].isupper():
                if nxt == "and" and not any(t[2] == "of" for t in tokens[i : j + 1]):
                    break
                j += 2
            else:
                break
        words = [t[2] for t in tokens[i : j + 1]]
        start = i
        while len(words) > 1 and (words[0] in LEADING_NOISE or words[0] in gz.COMMON_CAPITALISED):
            words = words[1:]
            start += 1
        if words and start <= j:
            before = tokens[start - 1][2].lower() if start > 0 else ""
            yield tokens[start][0], tokens[j][1], words, before
        i = j + 1


def _acronyms(sentence: str) -> Iterable[tuple[str, int, int, str]]:
    """``Expansion (ACR)`` pairs: the acronym, the expansion's offsets and its text."""
    for match in ACRONYM_RE.finditer(sentence):
        acr = match.group("acr")
        letters = [c.lower() for c in acr if c.isalpha()]
        head = sentence[: match.start()].rstrip()
        words = list(re.finditer(r"[A-Za-z][\w’'-]*", head))
        for size in range(1, min(len(words), 10) + 1):
            chosen = words[-size:]
            if not chosen[0].group()[0].isupper():
                continue
            gaps = [head[a.end() : b.start()] for a, b in zip(chosen, chosen[1:], strict=False)]
            if any(g.strip() not in ("", "&", "-") for g in gaps):
                break
            every = [w.group()[0].lower() for w in chosen]
            capital = [w.group()[0].lower() for w in chosen if w.group()[0].isupper()]
            if letters in (every, capital):
                yield acr, chosen[0].start(), chosen[-1].end(), head[chosen[0].start() :]
                break


# --- enumerations ("such as A, B and C") ------------------------------------------------------

# Words that end a list item: an item is a short noun phrase, these start the next clause.
ITEM_STOPS = STOPWORDS | frozenset(
    "between across through via within without among towards toward upon about against "
    "including include includes included like namely such both all other others etc "
    "which where while whose so but not more most several various many some each every "
    "enabling aimed aiming focusing covering spanning said says stated".split()
)
ENUM_CUE_RE = re.compile(
    r"(?:\bsuch as|\bincluding|\binclude[sd]?|\blike|\bnamely|\bfocus(?:es|ed)? on|"
    r"\bemphasis on|\bfocus on|\bcovering|\bspanning|\bacross|\bareas? of|\bfields? of|"
    r"\bdomains? of|\bsectors? of|\bcooperation in|\bcollaboration in)\s+$",
    re.IGNORECASE,
)
NAMED_PARTNERSHIP_RE = re.compile(
    r"\b(?:[A-Z][a-z]+\s+){1,3}and\s+(?:[A-Z][a-z]+\s+){0,2}"
    r"(?:Partnership|Dialogue|Framework|Strategy|Vision|Agreement|Cooperation)\b"
)
ENUM_CUE_ANYWHERE_RE = re.compile(ENUM_CUE_RE.pattern.replace(r"\s+$", r"\s+"), re.IGNORECASE)
# Before the first item, these make the list one of qualities: "was big, bold and new",
# "a free, open and inclusive Indo-Pacific".
DESCRIBED_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|seems?|looks?|a|an)\s+$", re.IGNORECASE
)
VAGUE_ITEMS = frozenset("others more so on etc the like things issues matters".split())
_ITEM_WORD_RE = re.compile(r"[A-Za-z0-9][\w’'&/-]*")


def _item_words(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group()) for m in _ITEM_WORD_RE.finditer(text)]


def _is_item_word(word: str) -> bool:
    return word.lower() not in ITEM_STOPS and not word.lower().endswith("ly")


def _tail_item(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase closing ``sentence[start:end]``: the first item of a list."""
    words = _item_words(sentence[start:end], start)
    if not words or sentence[words[-1][1] : end].strip():
        return None
    chosen = [words[-1]]
    for at in range(len(words) - 2, -1, -1):
        word = words[at]
        if len(chosen) == 4 or not _is_item_word(word[2]) or word[2].endswith("ing"):
            break
        if word[2].endswith("ed") and at > 0 and _is_item_word(words[at - 1][2]):
            break  # "sides reviewed joint projects": a verb after its subject
        if word[2][:1].isupper() and not chosen[0][2][:1].isupper():
            break
        chosen.insert(0, word)
    return chosen[0][0], chosen[-1][1]


def _head_item(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase opening ``sentence[start:end]``: the last item of a list."""
    words = _item_words(sentence[start:end], start)
    chosen: list[tuple[int, int, str]] = []
    for word in words:
        gap = sentence[chosen[-1][1] : word[0]] if chosen else sentence[start : word[0]]
        if len(chosen) == 4 or gap.strip() or not _is_item_word(word[2]):
            break
        chosen.append(word)
    if not chosen:
        return None
    return chosen[0][0], chosen[-1][1]


def _whole_item(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """A piece between two commas that is one short noun phrase, or None."""
    words = _item_words(sentence[start:end], start)
    if not 1 <= len(words) <= 4 or not all(_is_item_word(w[2]) for w in words):
        return None
    if sentence[start : words[0][0]].strip() or sentence[words[-1][1] : end].strip(" .;"):
        return None
    return words[0][0], words[-1][1]


def enumerations(sentence: str) -> list[tuple[int, int]]:
    """Offsets of the items of lists in ``sentence``: "A, B, and C" anywhere, and
    "such as A and B" / "including A, B" after a cue."""
    return sorted(item for group in enumeration_groups(sentence) for item in group)


def enumeration_groups(sentence: str) -> list[list[tuple[int, int]]]:
    """The lists of ``sentence``, each as the offsets of its items."""
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^,;:()]+", sentence)]
    groups: list[list[tuple[int, int]]] = []
    i = 0
    while i < len(pieces):
        first = _tail_item(sentence, *pieces[i])
        if first is None:
            i += 1
            continue
        items = [first]
        j = i + 1
        closed = False
        while j < len(pieces):
            start, end = pieces[j]
            if sentence[pieces[j - 1][1] : start] != ",":
                break
            text = sentence[start:end]
            joiner = re.match(r"\s*(?:and|or)\s+", text)
            if joiner:
                last = _head_item(sentence, start + joiner.end(), end)
                if last is not None:
                    items.append(last)
                    closed = True
                break
            middle = _whole_item(sentence, start, end)
            pair = re.search(r"\s(?:and|or)\s", text)
            if middle is None and pair:
                head = _whole_item(sentence, start, start + pair.start())
                last = _head_item(sentence, start + pair.end(), end)
                if head is not None and last is not None:
                    items += [head, last]
                    closed = True
                break
            if middle is None:
                break
            items.append(middle)
            j += 1
        else:
            closed = len(items) >= 2  # "including A, B" at the end of the sentence
        cued = bool(ENUM_CUE_RE.search(sentence[: first[0]]))
        if DESCRIBED_RE.search(sentence[: first[0]]) or all(
            sentence[b - 2 : b] == "ed" for _a, b in items
        ):
            closed = False  # "was big, bold and new", "built, tested and launched"
        if closed and (len(items) >= 3 or cued):
            groups.append(
                [
                    (a, b)
                    for a, b in items
                    if sentence[a:b].lower() not in VAGUE_ITEMS and len(sentence[a:b]) > 1
                ]
            )
        i = max(j, i + 1)
    for cue in ENUM_CUE_ANYWHERE_RE.finditer(sentence):
        out = [item for group in groups for item in group]
        if any(a <= cue.end() < b for a, b in out):
            continue
        stop = sentence.find(",", cue.end())
        stop = len(sentence) if stop < 0 else stop
        pair = re.search(r"\s(?:and|or)\s", sentence[cue.end() : stop])
        if pair is None or any(cue.end() <= a < stop for a, _b in out):
            continue
        head = _whole_item(sentence, cue.end(), cue.end() + pair.start())
        last = _head_item(sentence, cue.end() + pair.end(), stop)
        if head is not None and last is not None:
            groups.append([head, last])
    return groups


def find_spans(sentence: str, acronyms: dict[str, SpanType] | None = None) -> list[KeySpan]:
    """The key spans of one sentence, in order, without overlaps. ``acronyms`` are the
    article's defined names ("JWG" for an organisation) found bare in the sentence."""
    return [KeySpan(text=sentence[f.start : f.end], type=f.type) for f in _find(sentence, acronyms)]


def _find(sentence: str, acronyms: dict[str, SpanType] | None = None) -> list[_Found]:
    found: list[_Found] = []

    def add(start: int, end: int, kind: SpanType, rank: int) -> None:
        while end > start and sentence[end - 1] in " ,;:.’'\"”)(-–":
            end -= 1
        while start < end and sentence[start] in " ,;:’'\"“(-–":
            start += 1
        if end > start:
            found.append(_Found(start, end, kind, rank))

    for m in MONEY_RE.finditer(sentence):
        add(m.start(), m.end(), SpanType.MONEY, 0)
    for m in DATE_RE.finditer(sentence):
        add(m.start(), m.end(), SpanType.DATE, 0)
    for m in TITLED_PERSON_RE.finditer(sentence):
        name_words = m.group("name").split()
        if any(
            w in gz.ORG_WORDS or w in gz.PLACE_WORDS or w in gz.TITLES or w in gz.ROLE_HEADS
            for w in name_words
        ):
            continue
        if " ".join(name_words) in gz.COUNTRIES | gz.INDIAN_STATES | gz.CITIES:
            continue
        if len(name_words) == 1 and re.match(r"\s+(?:for|of)\b", sentence[m.end() :]):
            continue  # "Minister Delegate for ...": the title goes on, no name follows
        title_start = m.start("title")
        for word in m.group("title").split()[:-1]:
            if word in gz.COMMON_CAPITALISED or word in LEADING_NOISE:
                title_start += len(word) + 1
            else:
                break
        add(m.start("name"), m.end("name"), SpanType.PERSON, 0)
        if _title_is_role(m.group("title").split()[-1]):
            add(title_start, m.end("title"), SpanType.ROLE, 1)
    for m in APPOSITIVE_RE.finditer(sentence):
        words = m.group("name").split()
        if (
            _classify_run(words, "") in (None, SpanType.TERM)
            and words[0] not in gz.COMMON_CAPITALISED
        ):
            add(m.start("name"), m.end("name"), SpanType.PERSON, 1)
    for m in APPOINTED_RE.finditer(sentence):
        group = "name" if m.group("name") else "name2"
        words = m.group(group).split()
        if words[0] in gz.COMMON_CAPITALISED or any(w in gz.ORG_WORDS for w in words):
            continue
        add(m.start(group), m.end(group), SpanType.PERSON, 1)
    for m in PERSON_CUE_RE.finditer(sentence):
        words = m.group("name").split()
        if _classify_run(words, "") in (None, SpanType.TERM) and len(words) >= 2:
            add(m.start("name"), m.end("name"), SpanType.PERSON, 2)
    for m in AS_ROLE_RE.finditer(sentence):
        role = m.group("role")
        if role.split()[0] in gz.ROLE_HEADS or role in gz.TITLES:
            add(m.start("role"), m.end("role"), SpanType.ROLE, 1)
    for m in NAMED_EVENT_RE.finditer(sentence):
        add(m.start("name"), m.end("name"), SpanType.EVENT, 1)
    for acr, start, end, expansion in _acronyms(sentence):
        words = expansion.split()
        kind = _classify_run(words, "") or SpanType.TERM
        if kind in (SpanType.COUNTRY, SpanType.PLACE, SpanType.ROLE):
            kind = SpanType.ORGANISATION if len(acr) > 2 else kind
        add(start, end, kind, 1)
    for m in KNOWN_AS_RE.finditer(sentence):
        add(m.start("name"), m.end("name"), SpanType.TERM, 3)
    for m in QUOTED_RE.finditer(sentence):
        add(m.start("name"), m.end("name"), SpanType.TERM, 3)
    for m in ORDINAL_RE.finditer(sentence):
        add(m.start(), m.end(), SpanType.ORDINAL, 2)
    for start, end, words, before in _capitalised_runs(sentence):
        _runs(sentence, start, end, words, before, add)
    for m in YEAR_RE.finditer(sentence):
        if re.search(r"(?:[A-Z][\w-]*|\))\s$", sentence[: m.start()]):
            continue  # part of a name: "Global Innovation Index (GII) 2025"
        add(m.start(), m.end(), SpanType.DATE, 4)
    for m in NUMBER_RE.finditer(sentence):
        if YEAR_RE.fullmatch(m.group()) or sentence[m.end() : m.end() + 1] == "-":
            continue  # years are dates (or parts of names); "1990-batch" is an adjective
        add(m.start(), m.end(), SpanType.NUMBER, 5)
    for m in WORD_NUMBER_RE.finditer(sentence):
        add(m.start(), m.end(), SpanType.NUMBER, 5)
    groups = enumeration_groups(sentence)
    for items in groups:
        for item_start, item_end in items:
            add(item_start, item_end, SpanType.TERM, 6)
    for m in NAMED_PARTNERSHIP_RE.finditer(sentence):
        add(m.start(), m.end(), SpanType.TERM, 2)
    for acr, kind in (acronyms or {}).items():
        for m in re.finditer(rf"(?<![\w(]){re.escape(acr)}(?![\w)])", sentence):
            add(m.start(), m.end(), kind, 2)

    chosen: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.rank, -(f.end - f.start), f.start)):
        if not any(item.overlaps(c) for c in chosen):
            chosen.append(item)
    return sorted(_same_kind_in_lists(sentence, chosen, groups), key=lambda f: f.start)


def _same_kind_in_lists(
    sentence: str, chosen: list[_Found], groups: list[list[tuple[int, int]]]
) -> list[_Found]:
    """Items of one list are things of one kind: "exercises include Dharma Guardian, JIMEX
    and Veer Guardian" makes all three events once one is known to be."""
    out = list(chosen)
    for group in groups:
        items = [f for f in out if (f.start, f.end) in group]
        kinds = {f.type for f in items} - {SpanType.TERM}
        if len(kinds) != 1 or not kinds <= {SpanType.EVENT, SpanType.ORGANISATION}:
            continue
        (kind,) = kinds
        for item in items:
            if item.type is SpanType.TERM and sentence[item.start].isupper():
                out[out.index(item)] = dataclasses.replace(item, type=kind)
    return out


def _runs(sentence: str, start: int, end: int, words: list[str], before: str, add: Any) -> None:
    """Type one capitalised run; split 'Governor of the Reserve Bank of India' into post
    and body; find known countries and places inside longer runs."""
    if len(words) >= 3 and words[0] in gz.ROLE_HEADS and "of" in words:
        cut = words.index("of")
        role = " ".join(words[:cut])
        add(start, start + len(role), SpanType.ROLE, 2)
        rest = words[cut + 1 :]
        while rest and rest[0] in ("the", "The"):
            rest = rest[1:]
        if rest:
            phrase = " ".join(rest)
            offset = sentence.find(phrase, start)
            if offset >= 0:
                _runs(sentence, offset, offset + len(phrase), rest, "of", add)
        return
    kind = _classify_run(words, before)
    if kind is None:
        return
    rank = {SpanType.TERM: 6, SpanType.COUNTRY: 3, SpanType.PLACE: 3}.get(kind, 2)
    if kind is SpanType.TERM and words[-1] not in gz.TERM_WORDS:
        # Inside an unknown run, a known country or place is still worth finding.
        for name in words:
            known = _gazetteer_type(name)
            if known is not None:
                offset = sentence.find(name, start, end)
                if offset >= 0:
                    add(offset, offset + len(name), known, 3)
        if words[0] in gz.COMMON_CAPITALISED:
            return
        if len(words) == 1:
            rank = 4
    add(start, end, kind, rank)


def classify(text: str) -> SpanType:
    """The type of a span a user typed in review (a single span filling ``text``)."""
    spans = _find(text)
    if len(spans) == 1 and spans[0].end - spans[0].start >= len(text.strip()) - 1:
        return spans[0].type
    words = text.split()
    kind = _classify_run(words, "")
    if kind is SpanType.TERM and 2 <= len(words) <= 4 and all(w.isalpha() for w in words):
        return SpanType.PERSON  # an unknown capitalised name is most often someone's
    return kind or SpanType.TERM


# --- key-value lines ------------------------------------------------------------------------


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


def _retype_known(candidates: list[Candidate]) -> list[Candidate]:
    """A name typed once (a titled person, an organisation) keeps its type everywhere."""
    known: dict[str, SpanType] = {}
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
    if rest != heading.strip() and rest[:1].isupper():
        return rest
    return None


# --- candidates to facts ---------------------------------------------------------------------


def _score(spans: Iterable[KeySpan]) -> int:
    return sum(2 if s.type not in (SpanType.TERM, SpanType.ROLE) else 1 for s in spans)


def _select_spans(spans: list[KeySpan], asked: dict[str, int]) -> list[KeySpan]:
    useful = [
        s
        for s in spans
        if s.text.lower() not in TRIVIAL_ANSWERS
        and asked.get(s.text.lower(), 0) < MAX_ASKS_PER_ANSWER
    ]
    unique: dict[str, KeySpan] = {}
    for span in useful:
        unique.setdefault(span.text.lower(), span)
    ranked = sorted(unique.values(), key=lambda s: -SPAN_VALUE[s.type])[:MAX_SPANS_PER_FACT]
    return [s for s in spans if s in ranked and unique.get(s.text.lower()) is s]


def slugify(text: str, max_words: int, max_len: int) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS]
    out = ""
    for word in words[:max_words]:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_len:
            break
        out = candidate
    return out or "fact"


def article_slug(title: str | None, text: str) -> str:
    """Title words plus a hash of the text: stable for one article, distinct across two."""
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:6]
    head = slugify(title, 4, 32) if title else "article"
    return f"{head}-{digest}"


def _candidates(units: list[Unit], title: str | None) -> list[Candidate]:
    out: list[Candidate] = []
    topic = "General"
    in_facts = False
    subject: str | None = None
    lead_in: str | None = None
    person: str | None = None  # the last person a sentence was about, for "He ..."
    things: dict[str, str] = {}  # "index" -> "Global Innovation Index", for "The index ..."
    pairs: dict[str, str] = {}  # "people"/"countries" -> "A and B", for "Both sides ..."
    acronyms = article_acronyms(units)
    order = 0
    title_key = " ".join((title or "").lower().split())
    for unit in units:
        if " ".join(unit.text.lower().split()) == title_key:
            continue
        if unit.kind == "heading":
            heading = unit.text.rstrip(":").strip()
            in_facts = bool(FACT_SECTION_RE.match(heading))
            subject = heading_subject(heading)
            lead_in = unit.text if unit.text.endswith(":") and len(unit.text.split()) > 2 else None
            topic = heading if len(heading) <= 60 else topic
            continue
        if unit.kind != "bullet":
            lead_in = unit.text if unit.text.endswith(":") and len(unit.text) < 100 else None
        if unit.kind == "bullet" and lead_in and not subject:
            item = list_item_fact(unit.text, lead_in)
            if item is not None:
                order += 1
                spans = tuple(find_spans(item, acronyms))
                out.append(Candidate(item, spans, topic, order, True, score=_score(spans)))
                continue
        kv = key_value_fact(unit.text, subject)
        if kv is not None and len(unit.text) <= 120:
            statement, span, question = kv
            order += 1
            out.append(
                Candidate(statement, (span,), topic, order, True, question, span.text, score=3)
            )
            continue
        for sentence in split_sentences(strip_dateline(unit.text)):
            order += 1
            if not (MIN_STATEMENT_CHARS <= len(sentence) <= MAX_STATEMENT_CHARS):
                continue
            if sentence.endswith("?") or (unit.kind != "bullet" and is_heading_like(sentence)):
                continue
            facts_here = in_facts or unit.kind == "bullet"
            if re.match(r"(It|This|These|They|That)\s", sentence) and not facts_here:
                continue  # "It is the first ...": a question would not say what "it" is
            sentence, context = _resolve_reference(sentence, person, things, pairs)
            if not facts_here and (UNRESOLVED_RE.match(sentence) or OPINION_RE.search(sentence)):
                continue
            spans = tuple(find_spans(sentence, acronyms))
            people = [sp.text for sp in spans if sp.type is SpanType.PERSON]
            if people and sentence.startswith(people[0]):
                person = people[0]
            _remember_pairs(spans, pairs)
            _remember_things(sentence, spans, things)
            spans = _without_spelled_acronyms(sentence, spans)
            if context:
                spans = tuple(sp for sp in spans if sp.text not in context)
            score = _score(spans)
            if score >= (1 if facts_here else 2):
                out.append(Candidate(sentence, spans, topic, order, facts_here, score=score))
    return out


# Nouns that news text uses to refer back to a named thing: "The index covers ...".
ANAPHOR_NOUNS = frozenset(
    "index scheme mission exercise convention agreement pact plant award prize report "
    "ceremony project programme policy initiative summit treaty engine satellite rocket "
    "missile wetland site sanctuary operation".split()
)


def _remember_things(sentence: str, spans: Iterable[KeySpan], things: dict[str, str]) -> None:
    for span in spans:
        if span.type is SpanType.EVENT:
            things["edition"] = span.text  # "The 16th edition ..." is of the last event
        if span.type not in (SpanType.TERM, SpanType.EVENT, SpanType.ORGANISATION):
            continue
        last = span.text.split()[-1].lower()
        at = sentence.find(span.text)
        after = re.match(r"\s+([a-z]+)", sentence[at + len(span.text) :])
        before = re.search(r"([a-z]+)\s+$", sentence[:at])
        if last in ANAPHOR_NOUNS:
            things[last] = span.text
        elif after and after.group(1) in ANAPHOR_NOUNS:
            things[after.group(1)] = f"{span.text} {after.group(1)}"
        elif before and before.group(1) in ANAPHOR_NOUNS:
            things[before.group(1)] = f"{before.group(1)} {span.text}"


# Sentences still led by a reference nobody can resolve, and plain opinion: no fact.
UNRESOLVED_RE = re.compile(
    r"(He|She|We|I|Our|Both|The two|Their|Its|Such|Those)\s|(Both|The two) "
    r"(sides|nations|countries|officials|leaders|ministers)\b"
)
OPINION_RE = re.compile(
    r"\b(I think|we believe|in my (view|opinion)|it is (high time|imperative|essential)|"
    r"should have been|would have been|experts (say|feel|believe))\b",
    re.IGNORECASE,
)
PAIR_REF_RE = re.compile(
    r"(?:Both|The two) (?P<noun>sides|nations|countries|officials|leaders|ministers|chiefs)\b"
)


def _remember_pairs(spans: Iterable[KeySpan], pairs: dict[str, str]) -> None:
    for key, kind in (("people", SpanType.PERSON), ("countries", SpanType.COUNTRY)):
        names = list(dict.fromkeys(sp.text for sp in spans if sp.type is kind))
        if len(names) == 2:
            pairs[key] = f"{names[0]} and {names[1]}"


def article_acronyms(units: Iterable[Unit]) -> dict[str, SpanType]:
    """Acronyms the article defines for an organisation or event ("Joint Working Group
    (JWG)"): found bare later on, they are answers too."""
    out: dict[str, SpanType] = {}
    for unit in units:
        for acr, _start, _end, expansion in _acronyms(unit.text):
            kind = _classify_run(expansion.split(), "")
            if kind in (SpanType.ORGANISATION, SpanType.EVENT) and len(acr) >= 2:
                out.setdefault(acr, kind)
    return out


def _resolve_reference(
    sentence: str, person: str | None, things: dict[str, str], pairs: dict[str, str] | None = None
) -> tuple[str, str | None]:
    """Put the name back where a sentence starts with "He" or "The index": a question
    cut from it must say who or what it is about. Returns the sentence and the inserted
    name (never asked about, it is context)."""
    if person and re.match(r"(He|She) ", sentence) and len(sentence) > 25:
        return person + sentence[sentence.index(" ") :], person
    pair = PAIR_REF_RE.match(sentence)
    if pair and pairs:
        key = "countries" if pair.group("noun") in ("sides", "nations", "countries") else "people"
        if key in pairs:
            return pairs[key] + sentence[pair.end() :], pairs[key]
    edition = re.match(r"The (\w+) edition\b(?! of)", sentence)
    if edition and "edition" in things:
        name = things["edition"]
        return f"{edition.group()} of {name}{sentence[edition.end() :]}", name
    match = re.match(r"The ([a-z]+)\b", sentence)
    if match and match.group(1) in things:
        name = things[match.group(1)]
        return f"The {name}{sentence[match.end() :]}", name
    return sentence, None


def _without_spelled_acronyms(sentence: str, spans: tuple[KeySpan, ...]) -> tuple[KeySpan, ...]:
    """Drop an expansion followed by its acronym ("Reserve Bank of India (RBI)"): the blank
    would be given away. The acronym fact asks for it instead."""
    spelled = {expansion for _acr, _start, _end, expansion in _acronyms(sentence)}
    return tuple(sp for sp in spans if sp.text not in spelled)


def _acronym_candidates(units: list[Unit], start_order: int) -> list[Candidate]:
    seen: set[str] = set()
    out: list[Candidate] = []
    for unit in units:
        for acr, _start, _end, expansion in _acronyms(unit.text):
            if acr in seen or acr.lower() == expansion.lower() or len(acr) < 2:
                continue
            seen.add(acr)
            kind = _classify_run(expansion.split(), "") or SpanType.TERM
            if kind not in (SpanType.ORGANISATION, SpanType.EVENT):
                kind = SpanType.TERM
            statement = f"{acr} stands for {expansion}."
            span = KeySpan(text=expansion, type=kind)
            out.append(
                Candidate(
                    statement,
                    (span,),
                    "Abbreviations",
                    start_order + len(out),
                    False,
                    f"What does {acr} stand for?",
                    expansion,
                    score=2,
                )
            )
    return out


# Share of the shorter statement's content words that makes one restate the other.
RESTATES = 0.6


def content_words(statement: str) -> set[str]:
    """The words of a statement that carry its content, lower-cased."""
    return {w.lower() for w in WORD_RE.findall(statement) if w.lower() not in STOPWORDS}


def extract_facts(
    text: str,
    *,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
) -> Extraction:
    """Candidate facts of one article, in article order, with stable ids."""
    units, dateline = split_units(text)
    if title is None and units and units[0].kind == "heading":
        title = units[0].text
    date = date or dateline
    # Hash the kept text, not the raw input: a re-fetched page whose menus or "updated"
    # line changed is still the same article.
    slug = article_slug(title, "\n".join(u.text for u in units))
    source = Source(title=title, date=date, url=url) if title else None
    candidates = _retype_known(_candidates(units, title))
    candidates += _acronym_candidates(units, len(candidates) + 10_000)

    # Fact sections state the examinable points most plainly: they claim their answers first.
    # A sentence restating a kept one (most of its words are there) asks only what is new.
    asked: dict[str, int] = {}
    kept: list[tuple[Candidate, list[KeySpan]]] = []
    kept_words: list[set[str]] = []
    for cand in sorted(candidates, key=lambda c: (not c.in_facts_section, -c.score, c.order)):
        words = content_words(cand.statement)
        restates = any(
            len(words & other) >= RESTATES * min(len(words), len(other)) for other in kept_words
        )
        spans = list(cand.spans)
        if restates and not cand.answer:
            spans = [s for s in spans if asked.get(s.text.lower(), 0) == 0]
        if not cand.answer:
            spans = _select_spans(spans, asked)
        if not spans:
            continue
        if not cand.answer and len(words) >= 4:
            kept_words.append(words)  # "JWG stands for ..." restates no sentence
        for span in spans:
            asked[span.text.lower()] = asked.get(span.text.lower(), 0) + 1
        kept.append((cand, spans))

    facts: list[Fact] = []
    used: set[str] = set()
    for cand, spans in sorted(kept, key=lambda pair: pair[0].order):
        base = f"{slug}-{slugify(cand.statement, 6, 48)}"
        fact_id, n = base, 2
        while fact_id in used:
            fact_id, n = f"{base}-{n}", n + 1
        used.add(fact_id)
        facts.append(
            Fact(
                id=fact_id,
                statement=cand.statement,
                spans=spans,
                topic=cand.topic,
                source=source,
                question=cand.question,
                answer=cand.answer,
            )
        )
    return Extraction(title=title, date=date, article_slug=slug, facts=facts)
