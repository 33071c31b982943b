"""Capitalised runs and acronyms in a sentence, typed with the word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from quizmaster import places
from quizmaster import word_lists as gz
from quizmaster.extract.patterns import ACRONYM_RE, CONNECTORS, LEADING_NOISE, WORD_RE
from quizmaster.models import SpanType


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
    if places.country(phrase):
        return SpanType.COUNTRY
    if places.indian_subdivision(phrase) or places.city(phrase):
        return SpanType.PLACE
    return None


def _classify_run(words: list[str], preceded_by: str) -> SpanType | None:
    phrase = " ".join(words)
    last = words[-1]
    known = _gazetteer_type(phrase) if phrase not in gz.COMMON_CAPITALISED else None
    if known is not None:
        return known
    if len(words) == 1 and (phrase in gz.COMMON_CAPITALISED or phrase in LEADING_NOISE):
        return None
    if last in gz.TERM_WORDS:
        return SpanType.TERM
    if last in gz.EVENT_WORDS:
        return SpanType.EVENT
    if any(w in gz.ORG_WORDS for w in words):
        return SpanType.ORGANISATION
    if last in gz.PLACE_WORDS or (len(words) > 1 and last in gz.COMPASS_WORDS):
        return SpanType.PLACE  # "Ujjain South", "Delhi North": a seat or a district
    if phrase in gz.TITLES or last in gz.ROLE_HEADS or last in gz.TITLES:
        return SpanType.ROLE
    if len(words) == 1 and re.search(r"\d", phrase) and phrase[0].isupper():
        return SpanType.TERM  # LVM3, Chandrayaan-4, COP29
    if preceded_by in ("in", "at", "near", "from") and len(words) <= 3:
        return SpanType.PLACE
    if len(words) >= 2:
        return SpanType.TERM
    return None


def _one_place(before: list[tuple[int, int, str]], after: list[tuple[int, int, str]]) -> bool:
    """Whether "X and Y" is one place's name ("Jammu and Kashmir", "Trinidad and Tobago")."""
    head = " ".join(t[2] for t in before)
    return any(
        places.kind_of(f"{head} and {' '.join(t[2] for t in after[:size])}") is not None
        for size in (1, 2)
    )


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
                if (
                    nxt == "and"
                    and not any(t[2] == "of" for t in tokens[i : j + 1])
                    and not _one_place(tokens[i : j + 1], tokens[j + 2 :])
                ):
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
