"""Article text to units (headings, bullets, paragraphs) and sentences."""

from __future__ import annotations

import re

from quizmaster import word_lists as gz
from quizmaster.extract.key_values import heading_subject
from quizmaster.extract.patterns import (
    _DAY,
    _MONTH,
    ABBREVIATIONS,
    BOILERPLATE_RE,
    BULLET_RE,
    BYLINE_RE,
    DATELINE_RE,
    FINITE_VERBS,
    KV_RE,
    SENTENCE_END,
    STOP_HEADING_RE,
    WORD_RE,
    Unit,
)
from quizmaster.word_lists import STOPWORDS


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
    day_first = re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({gz.MONTH_PATTERN})\.?,?\s+(\d{{4}})", text
    )
    if day_first:
        month = gz.MONTH_NUMBERS[day_first.group(2).lower()]
        return f"{day_first.group(3)}-{month:02d}-{int(day_first.group(1)):02d}"
    month_first = re.search(
        rf"\b({gz.MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", text
    )
    if month_first:
        month = gz.MONTH_NUMBERS[month_first.group(1).lower()]
        return f"{month_first.group(3)}-{month:02d}-{int(month_first.group(2)):02d}"
    month_year = re.search(rf"\b({gz.MONTH_PATTERN})\.?,?\s+(\d{{4}})", text)
    if month_year:
        return f"{month_year.group(2)}-{gz.MONTH_NUMBERS[month_year.group(1).lower()]:02d}"
    return None


def _continues(previous: Unit, line: str, blank_between: bool, *, wrapped: bool) -> bool:
    """Whether ``line`` carries on a sentence that a line break cut in ``previous``."""
    if previous.kind == "heading" or previous.text.endswith(SENTENCE_END + (":",)):
        return False
    first = line[0]
    if first.islower() or first in ",;()–—" or (first.isdigit() and not blank_between):
        return True
    if blank_between or not wrapped:
        return False  # a page's lines are its paragraphs: "Headline\nThe Cabinet ..."
    if KV_RE.match(previous.text) and len(previous.text) < 60:
        return False
    return not is_heading_like(previous.text)


# Text wrapped at a fixed width (e-mail, a terminal, some PDFs) breaks sentences across lines;
# a page copied from a browser keeps each paragraph on one line, most of them long.
WRAP_WIDTH = 100
MIN_WRAPPED_LINES = 2
MIN_WRAPPED_LINE = 40


def hard_wrapped(text: str) -> bool:
    """Whether the text's lines were cut at a fixed width: several lines of prose and none
    longer than WRAP_WIDTH."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if any(len(line) > WRAP_WIDTH for line in lines):
        return False
    return sum(1 for line in lines if len(line) >= MIN_WRAPPED_LINE) >= MIN_WRAPPED_LINES


def split_units(text: str) -> tuple[list[Unit], str | None]:
    """The article's units in order, and the publication date when a dateline gives one."""
    units: list[Unit] = []
    date: str | None = None
    blank = False
    wrapped = hard_wrapped(text)
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
        elif units and _continues(units[-1], line, blank, wrapped=wrapped):
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
