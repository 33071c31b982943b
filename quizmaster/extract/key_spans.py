"""Key spans of a sentence, typed, lists ("such as A, B and C") included."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from quizmaster import places
from quizmaster import word_lists as gz
from quizmaster.extract.patterns import (
    APPOINTED_RE,
    APPOINTEE_RE,
    APPOSITIVE_RE,
    AS_ROLE_RE,
    CALLED_PERSON_RE,
    DATE_RE,
    KNOWN_AS_RE,
    LEADING_NOISE,
    MONEY_RE,
    NAMED_EVENT_RE,
    NUMBER_RE,
    ORDINAL_RE,
    PERSON_CUE_RE,
    QUOTED_RE,
    TITLE_OF_PLACE_RE,
    TITLED_PERSON_RE,
    WORD_NUMBER_RE,
    YEAR_RE,
)
from quizmaster.extract.runs import (
    _acronyms,
    _capitalised_runs,
    _classify_run,
    _Found,
    _gazetteer_type,
    _title_is_role,
)
from quizmaster.models import KeySpan, SpanType
from quizmaster.word_lists import STOPWORDS

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
    """Every span a finder sees in ``sentence`` (each finder in turn: the order breaks ties),
    then the best of those that overlap, and lists' items of one kind."""
    found: list[_Found] = []

    def add(start: int, end: int, kind: SpanType, rank: int) -> None:
        while end > start and sentence[end - 1] in " ,;:.’'\"”)(-–":
            end -= 1
        while start < end and sentence[start] in " ,;:’'\"“(-–":
            start += 1
        if end > start:
            found.append(_Found(start, end, kind, rank))

    for finder in (_money_and_dates, _titled_people, _people, _named_things, _numbers):
        finder(sentence, add)
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


_Add = Callable[[int, int, SpanType, int], None]


def _money_and_dates(sentence: str, add: _Add) -> None:
    for m in MONEY_RE.finditer(sentence):
        add(m.start(), m.end(), SpanType.MONEY, 0)
    for m in DATE_RE.finditer(sentence):
        add(m.start(), m.end(), SpanType.DATE, 0)


def _titled_people(sentence: str, add: _Add) -> None:
    """People after a title ("Defence Minister X"), and the title as their role."""
    for m in TITLED_PERSON_RE.finditer(sentence):
        name_words = m.group("name").split()
        if (
            any(
                w in gz.ORG_WORDS or w in gz.PLACE_WORDS or w in gz.TITLES or w in gz.ROLE_HEADS
                for w in name_words
            )
            or name_words[-1] in gz.EVENT_WORDS
            or name_words[-1] in gz.TERM_WORDS
        ):
            continue  # "Vice President of the National Conference": a party, no person
        if _gazetteer_type(" ".join(name_words)) is not None:
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


def _people(sentence: str, add: _Add) -> None:
    """People named by a place's post, an apposition, an appointment or a cue word."""
    for m in TITLE_OF_PLACE_RE.finditer(sentence):
        name_words = m.group("name").split()
        if places.kind_of(m.group("place")) is None or _classify_run(name_words, "") not in (
            None,
            SpanType.TERM,
        ):
            continue
        add(m.start("name"), m.end("name"), SpanType.PERSON, 0)
        add(m.start("title"), m.end("title"), SpanType.ROLE, 1)
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
        if _classify_run(words, "") not in (None, SpanType.TERM):
            continue  # "the National Conference, was sworn in": the party is the aside
        start = m.start(group)
        while len(words) > 2 and words[0] in LEADING_NOISE:  # "IPS Asha Rao was appointed"
            start += len(words.pop(0)) + 1
        add(start, m.end(group), SpanType.PERSON, 1)
    cued = (PERSON_CUE_RE, APPOINTEE_RE, CALLED_PERSON_RE)
    for m in (found for pattern in cued for found in pattern.finditer(sentence)):
        words = m.group("name").split()
        if _classify_run(words, "") in (None, SpanType.TERM) and len(words) >= 2:
            add(m.start("name"), m.end("name"), SpanType.PERSON, 2)


def _named_things(sentence: str, add: _Add) -> None:
    """Roles, named events, ships, acronyms, terms, ordinals and capitalised runs."""
    for m in AS_ROLE_RE.finditer(sentence):
        role = m.group("role")
        if role.split()[0] in gz.ROLE_HEADS or role in gz.TITLES:
            add(m.start("role"), m.end("role"), SpanType.ROLE, 1)
    for m in NAMED_EVENT_RE.finditer(sentence):
        add(m.start("name"), m.end("name"), SpanType.EVENT, 1)
    for m in gz.SHIP_RE.finditer(sentence):  # "INS Imphal": a ship, though Imphal is a city
        add(m.start(), m.end(), SpanType.TERM, 0)
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
        if before == "in" and PRIZE_FIELD_RE.search(sentence, 0, start):
            before = ""  # "the Nobel Prize in Literature": a field, not a place
        _runs(sentence, start, end, words, before, add)


def _numbers(sentence: str, add: _Add) -> None:
    """Years (as dates), numbers and numbers in words."""
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


PRIZE_FIELD_RE = re.compile(r"\b(?:Prize|Award|Medal)s? in $")
EXERCISES_CUE_RE = re.compile(r"\bexercises (?:include|including|such as|like|are)\s*:?\s*$")


def _same_kind_in_lists(
    sentence: str, chosen: list[_Found], groups: list[list[tuple[int, int]]]
) -> list[_Found]:
    """Items of one list are things of one kind: "exercises include Dharma Guardian, JIMEX
    and Veer Guardian" makes all three events once one is known to be."""
    out = list(chosen)
    for group in groups:
        items = [f for f in out if (f.start, f.end) in group]
        kinds = {f.type for f in items} - {SpanType.TERM}
        if not kinds and items and EXERCISES_CUE_RE.search(sentence[: min(group)[0]]):
            kinds = {SpanType.EVENT}  # "Joint exercises include A, B and C"
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
    size = _place_then_name(words)
    if size:  # "Chief Minister of Madhya Pradesh Babulal Gaur": the state, then the person
        place = " ".join(words[:size])
        add(start, start + len(place), _gazetteer_type(place) or SpanType.PLACE, 3)
        holder = " ".join(words[size:])
        offset = sentence.find(holder, start + len(place))
        _runs(sentence, offset, offset + len(holder), words[size:], "", add)
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


def _place_then_name(words: list[str]) -> int:
    """How many words of the run name a state or a country that a person's name follows
    ("Madhya Pradesh Babulal Gaur"), or 0: the page ran a post's place into its holder."""
    for size in (3, 2, 1):
        rest = words[size:]
        if len(rest) < 2 or places.kind_of(" ".join(words[:size])) not in NAMED_STATES:
            continue
        if places.kind_of(" ".join(words)):
            return 0
        if all(w[:1].isupper() and w.isalpha() for w in rest) and (
            _classify_run(rest, "") in (SpanType.PERSON, SpanType.TERM)
            and not set(rest) & (gz.PLACE_WORDS | gz.ORG_WORDS | gz.EVENT_WORDS | gz.TERM_WORDS)
        ):
            return size
    return 0


NAMED_STATES = ("state", "union territory", "country")


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
