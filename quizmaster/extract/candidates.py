"""Candidate sentences to facts with stable ids: the extraction entry point."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from quizmaster import places
from quizmaster import word_lists as gz
from quizmaster.extract.clean import clean_text
from quizmaster.extract.key_spans import find_spans
from quizmaster.extract.key_values import (
    _retype_known,
    heading_subject,
    key_value_fact,
    list_item_fact,
)
from quizmaster.extract.patterns import (
    FACT_SECTION_RE,
    LEADING_NOISE,
    MAX_ASKS_PER_ANSWER,
    MAX_SPANS_PER_FACT,
    MAX_STATEMENT_CHARS,
    MIN_STATEMENT_CHARS,
    SENTENCE_END,
    SPAN_VALUE,
    TRIVIAL_ANSWERS,
    WORD_RE,
    Candidate,
    Extraction,
    Unit,
)
from quizmaster.extract.runs import _acronyms, _classify_run, _gazetteer_type
from quizmaster.extract.segments import (
    is_heading_like,
    split_sentences,
    split_units,
    strip_dateline,
)
from quizmaster.extract.statements import month_year, tidy_statement
from quizmaster.models import Fact, KeySpan, Source, SpanType
from quizmaster.word_lists import STOPWORDS


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


def _candidates(units: list[Unit], title: str | None, date: str | None) -> list[Candidate]:
    walk = _Walk(units, title, date)
    for unit in units:
        walk.unit(unit)
    return walk.out


class _Walk:
    """One pass over an article's units, with what it carries from one unit to the next:
    the topic and box it is in, who and what was last named (for "He ...", "The index ..."),
    how many sentences it has read and told."""

    def __init__(self, units: list[Unit], title: str | None, date: str | None) -> None:
        self.date = date
        self.out: list[Candidate] = []
        self.topic = "General"
        self.in_facts = False
        self.subject: str | None = None
        self.lead_in: str | None = None
        self.person: str | None = None  # the last person a sentence was about, for "He ..."
        self.things: dict[str, str] = {}  # "index" -> "Global Innovation Index", "The index"
        self.pairs: dict[str, str] = {}  # "people"/"countries" -> "A and B", "Both sides"
        self.acronyms = article_acronyms(units)
        self.full_names = _full_names(units)
        self.home = _home_country(units)
        self.fresh = False
        self.expansions = article_expansions(units)
        self.order = 0
        self.told = 0  # prose sentences that tell something, past bylines and first reactions
        self.seen = {" ".join((title or "").lower().split())}
        self.headline_words = content_words(title or "")

    def unit(self, unit: Unit) -> None:
        key = " ".join(unit.text.lower().split())
        if key in self.seen:
            return  # the headline again, or a paragraph the page printed twice
        self.seen.add(key)
        if unit.kind == "heading":
            self._heading(unit)
            return
        if unit.kind != "bullet":
            self.lead_in = unit.text if unit.text.endswith(":") and len(unit.text) < 100 else None
        if self._list_item(unit) or self._key_value(unit):
            return
        for sentence in split_sentences(strip_dateline(unit.text)):
            self.order += 1
            told = self._statement(unit, sentence)
            if told is not None:
                self._keep(*told)

    def _heading(self, unit: Unit) -> None:
        heading = unit.text.rstrip(":").strip()
        self.in_facts = bool(FACT_SECTION_RE.match(heading))
        self.subject = heading_subject(heading)
        self.fresh = True
        long_lead_in = unit.text.endswith(":") and len(unit.text.split()) > 2
        self.lead_in = unit.text if long_lead_in else None
        if len(heading) <= 60 and not _page_heading(heading):
            self.topic = heading  # "Representative Image", "Staff Reporter": the page's, no topic

    def _list_item(self, unit: Unit) -> bool:
        """A list item under a lead-in line ("The MoU covers:") as a fact of its own."""
        if unit.kind != "bullet" or not self.lead_in or self.subject:
            return False
        item = list_item_fact(unit.text, self.lead_in)
        if item is None:
            return False
        self.order += 1
        spans = tuple(find_spans(item, self.acronyms))
        self.out.append(Candidate(item, spans, self.topic, self.order, True, score=_score(spans)))
        return True

    def _key_value(self, unit: Unit) -> bool:
        """A facts box's "Capital – Rabat" line as a fact; a post's holder as of the date."""
        kv = key_value_fact(unit.text, self.subject)
        if kv is None or len(unit.text) > 120:
            return False
        statement, span, question = kv
        self.order += 1
        if span.type is SpanType.PERSON:  # "Prime Minister – X": true as of the article
            when = month_year(self.date)
            if when is None:
                return True
            statement = f"As of {when}, {statement[0].lower()}{statement[1:]}"
            question = f"As of {when}, {question[0].lower()}{question[1:]}"
        self.out.append(
            Candidate(
                statement, (span,), self.topic, self.order, True, question, span.text, score=3
            )
        )
        return True

    def _statement(self, unit: Unit, sentence: str) -> tuple[str, str | None, bool] | None:
        """The sentence as a standalone statement, what it took from earlier sentences
        (context, never a key) and whether it is a box's or list's; None: not a statement."""
        if not (MIN_STATEMENT_CHARS <= len(sentence) <= MAX_STATEMENT_CHARS):
            return None
        facts_here = self.in_facts or unit.kind == "bullet"
        if self.order > NEWS_SENTENCES and not (facts_here or LASTING_FACT_RE.search(sentence)):
            return None  # background and asides: a fact box, a list, a lasting fact still count
        if sentence.endswith("?") or (unit.kind != "bullet" and is_heading_like(sentence)):
            return None
        if self.told or not REACTION_RE.search(sentence):
            self.told += 1  # "PM Modi expressed grief over her demise": the news comes next
        if re.match(r"(It|This|These|They|That)\s", sentence) and not facts_here:
            return None  # "It is the first ...": a question would not say what "it" is
        sentence, context = _resolve_reference(sentence, self.person, self.things, self.pairs)
        # "It" under "About X" is X only right after the heading: later items may
        # speak of something the box named since.
        named = self.subject if self.fresh else None
        sentence = _name_things(sentence, self.things, named, self.home)
        self.fresh = False
        sentence = _spell_out(sentence, self.expansions)
        sentence = _full_name_first(sentence, self.full_names)
        lead = self.order <= LEAD_SENTENCES
        tidied = tidy_statement(sentence, self.date, bullet=facts_here, lead=lead)
        if tidied is None:
            return None
        # The month ingest dated the sentence with is context, never a key: the page's
        # date is not the event's.
        added = DATED_PREFIX_RE.match(tidied)
        if added and added.group(1) not in sentence:
            context = f"{context or ''} {added.group(1)}".strip()
        if not facts_here and (UNRESOLVED_RE.match(tidied) or OPINION_RE.search(tidied)):
            return None
        return tidied, context, facts_here

    def _keep(self, sentence: str, context: str | None, facts_here: bool) -> None:
        """The statement's keys, remembered for later references, kept as a candidate when
        they are worth asking."""
        spans = tuple(find_spans(sentence, self.acronyms))
        people = [sp.text for sp in spans if sp.type is SpanType.PERSON]
        if people and sentence.startswith(people[0]):
            self.person = people[0]
        _remember_pairs(spans, self.pairs)
        _remember_things(sentence, spans, self.things)
        spans = _without_spelled_acronyms(sentence, spans)
        if context:
            spans = tuple(sp for sp in spans if sp.text not in context)
        headline = content_words(sentence) & self.headline_words
        if self.order > 1 and not facts_here and not headline:
            spans = tuple(sp for sp in spans if sp.type not in ASIDE_TYPES)
        score = _score(spans)
        if score < (1 if facts_here else 2):
            return
        lasting = LASTING_FACT_RE.search(sentence) is not None
        background = self.told > 1 and not facts_here and not lasting
        dates = tuple(sp for sp in spans if sp.type is SpanType.DATE)
        if background and dates and gz.BEGAN_RE.search(sentence):
            # "Chandrayaan-3 was launched on July 14, 2023": when it began is asked
            spans, background = dates, False
        candidate = Candidate(
            sentence, spans, self.topic, self.order, facts_here, score=score, background=background
        )
        self.out.append(candidate)


def _headline(unit: Unit) -> bool:
    """A page's first line is its headline when it reads as one: a heading, or a short line
    that ends without a full stop ("X sworn in as Chief Minister"); never the page's frame
    ("Left Menu", "Staff Reporter", "New Delhi:", a date) or a word or two ("patna")."""
    if len(unit.text.split()) < 3 or _page_heading(unit.text.strip(" :")):
        return False
    if unit.kind == "heading":
        return True
    return not unit.text.endswith(SENTENCE_END) and len(unit.text.split()) <= 25


def _other_countries(sentence: str, home: str | None) -> set[str]:
    """The countries other than ``home`` that the sentence names."""
    words = re.findall(r"\b[A-Z][a-z]+\b", sentence)
    return {w for w in words if w != home and _gazetteer_type(w) is SpanType.COUNTRY}


def _home_country(units: list[Unit]) -> str | None:
    """The country "the country" means: the one the article names most (India, usually)."""
    counts: dict[str, int] = {}
    for unit in units:
        for word in re.findall(r"\b[A-Z][a-z]+\b", unit.text):
            if word in ("India", "Indian") or _gazetteer_type(word) is SpanType.COUNTRY:
                name = "India" if word == "Indian" else word
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] >= 2 else None


def _name_things(
    sentence: str, things: dict[str, str], subject: str | None, home: str | None
) -> str:
    """Put names back where the sentence only points at them: "the award" -> "the Dadasaheb
    Phalke Award", "It was set up ..." under "About X" -> "X was set up ...", "the
    country's" -> "India's"."""
    box = re.match(r"(?P<subject>[A-Z][^:]{2,60}?)(?:\s*\([^)]*\))?:\s+(?:It|They)\s", sentence)
    if box:
        sentence = f"{box.group('subject')} {sentence[box.end() :]}"
    elif subject and re.match(r"(?:It|They) ", sentence):
        sentence = subject + sentence[sentence.index(" ") :]
    for noun, name in things.items():
        if noun == "edition" or noun in name.lower().split()[:1]:
            continue
        noun_re = f"[{noun[0]}{noun[0].upper()}]{noun[1:]}"  # "the mission", "The Mission"
        sentence = re.sub(rf"(?<=\b[Tt]he )(?:new |said |same )?{noun_re}\b(?! of)", name, sentence)
    # "Maldives's candidate won the country's election": the country is the one named here
    others = _other_countries(sentence, home) if home else set()
    country = home if not others else others.pop() if len(others) == 1 else None
    if country:
        sentence = re.sub(r"\bthe country['’]s\b", f"{country}'s", sentence)
        sentence = re.sub(r"\b(?:in|across) the country\b", f"in {country}", sentence)
    return sentence


# The news of an article is in its first sentences: only they are dated from the page.
LEAD_SENTENCES = 3
# A page that opens with who mourned or hailed the news, before the news itself.
REACTION_RE = re.compile(
    r"\b(?:expressed (?:grief|condolences?|sorrow|shock)|condoled|mourned|paid (?:rich )?tributes?"
    r"|congratulated|hailed|lauded|praised|welcomed|greeted)\b"
    r"|^[\"“‘']"
)
# Past the lead sentence a place or a named event is an aside (a stadium, a river bank, an
# earlier games) unless the sentence speaks of the headline's subject: blind raters accepted
# such keys about one time in three (9 of 25).
ASIDE_TYPES = frozenset({SpanType.EVENT, SpanType.PLACE})
# Prose past an article's first paragraphs is background: on the articles of nine rated rounds,
# keeping the first ten sentences gave 675 questions of which raters had accepted 74% (of those
# they saw), the first six 632 and 78%, the first three 568 and 80%, at the cost of answers an
# examiner would ask (an exercise's venue, a mission's cost). Six keeps those.
NEWS_SENTENCES = 6
# Past the lead, a lasting fact still counts: when a body, award or treaty began, or what is
# the highest of its kind ("The award, instituted in 1957, is Asia's highest honour").
LASTING_FACT_RE = re.compile(
    r"\b(?:founded|established|instituted|set up in|constituted|ratified|signed in"
    r"|launched in \d{4}"
    r"|(?:awarded|given|conferred|held) (?:annually |every year )?since"
    r"|(?:is|was) (?:the|India['’]s|Asia['’]s|the country['’]s) (?:highest|largest|oldest|first))\b"
)
DATED_PREFIX_RE = re.compile(r"^(?:In|As of) (\w+ \d{4}), ")
# Looked for at every capitalised word (a lookahead), so "Governor Balramji Das Tandon" still
# yields "Balramji Das Tandon" once "Governor Balramji Das" is turned down.
FULL_NAME_RE = re.compile(r"\b(?=([A-Z][a-z]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][a-z]+){1,2})\b)")
INITIALS_BEFORE_RE = re.compile(r"(?<![\w.])((?:[A-Z]\.?\s?){1,3})\s$")


def _full_names(units: list[Unit]) -> dict[str, str]:
    """Surname (and first name) -> the full name the article first gave: for "Chopra won ..."
    after "Neeraj Chopra ...". The first name given wins: news names its subject first."""
    names: dict[str, str] = {}
    for unit in units:
        if unit.kind == "heading":
            continue  # "Four New Ramsar Sites": a headline's capitals name no person
        for match in FULL_NAME_RE.finditer(unit.text):
            full = match.group(1)
            words = full.split()
            if _gazetteer_type(full) or any(_not_a_name_word(w) for w in words):
                continue
            initials = INITIALS_BEFORE_RE.search(unit.text, 0, match.start())
            if initials:
                full = f"{initials.group(1).strip()} {full}"  # "K P Sharma Oli", not "Sharma Oli"
            for word in (words[0], words[-1]):
                names.setdefault(word, full)
    return names


LONE_NAME_RE = re.compile(r"(?<![\w-])([A-Z][a-z]+)(?![\w-])(?!\s+[A-Z])")


def _not_a_name_word(word: str) -> bool:
    """Words no person's name holds: titles, posts, common capitalised words, places."""
    if word in gz.COMMON_CAPITALISED or word in gz.TITLES or word in gz.ROLE_HEADS:
        return True
    if word in gz.ORG_WORDS or word in gz.PLACE_WORDS or word in LEADING_NOISE:
        return True
    if word in gz.TERM_WORDS or word in gz.EVENT_WORDS or word in gz.COMPASS_WORDS:
        return True
    if places.nationality(word):
        return True  # "Indian Himalayas" names no one
    return word.lower() in gz.ROLE_WORDS or _gazetteer_type(word) is not None


def _full_name_first(sentence: str, full_names: dict[str, str]) -> str:
    """A surname alone ("Chopra won ...", "condoled Gaur's death") becomes the full name the
    article gave first: a question must say who it is about."""

    def full(match: re.Match[str]) -> str:
        word = match.group(1)
        name = full_names.get(word)
        if name is None or name == word or word == name.split()[0] and match.start() > 0:
            return word
        before = sentence[: match.start()].split()
        if before and before[-1][:1].isupper() and not before[-1].endswith((",", ".")):
            return word  # "Abhishek Bachchan": another person of the same surname
        if len(before) >= 2 and before[-1] == "and" and places.kind_of(f"{before[-2]} and {word}"):
            return word  # "Jammu and Kashmir"
        start = max(0, match.start() - len(name))
        return word if name in sentence[start : match.end()] else name

    return LONE_NAME_RE.sub(full, sentence)


# Nouns that news text uses to refer back to a named thing: "The index covers ...".
# Headings a page puts around an article that name no topic of it.
PAGE_LABEL_RE = re.compile(
    r"\b(?:image|photo|picture|caption|quick links?|reporter|correspondent|bureau|desk|staff"
    r"|share|follow us|related|also read|read more|advertisement|trending|latest|subscribe"
    r"|newsletter|comments?|tags?|updated|published|live|menu|via|twitter|video|watch|disclaimer"
    r"|news service|news network|news desk|subscription|gift|sign in|log in|e-?paper)\b",
    re.IGNORECASE,
)


# A digest's section labels ("Context", "Chronology of Events"): what part of a page the
# text is, not what it tells of; and the words of a site's navigation bar.
SECTION_LABEL_RE = re.compile(
    r"(?:context|background|chronology(?: of events)?|key (?:points|highlights|takeaways|facts)"
    r"|highlights|details|overview|summary|introduction|significance|conclusion|analysis"
    r"|explained|way forward|why in (?:the )?news|in (?:the )?news|news|more|timeline|notes?)"
    r"(?: of (?:the )?\w+(?: \w+)?)?",  # "Significance of the Bill"
    re.IGNORECASE,
)
NAV_WORD_RE = re.compile(
    r"\b(?:News|Sports?|Business|Entertainment|Lifestyle|Opinion|Politics|Videos?|Photos?"
    r"|Home|Reports?|World|Tech|Education|Health|Cricket|Markets?|Auto|Astrology|Cities)\b"
)


def _page_heading(heading: str) -> bool:
    """A line of the page's frame, not a topic: a label, a byline ("IANS | New Delhi"), a
    dateline ("New Delhi, August 21, 2020"), a place alone ("Chandigarh"), capitals only."""
    from quizmaster import places

    words = heading.strip(" .:")
    return bool(
        PAGE_LABEL_RE.search(heading)
        or "|" in heading
        or _doubled(words)
        or (heading.isupper() and len(heading) > 4)
        or re.search(rf"\b{gz.MONTH_WORD}\b\.? \d", heading)
        or re.search(r"\b(?:PTI|ANI|IANS|UNI|Reuters|AFP|TNN|ENS|AMN|IBNS|HT)\b", heading)
        or places.kind_of(words) in ("city", "state", "union territory", "country")
        or re.fullmatch(r"Team [A-Z][\w-]+", words) is not None  # a desk's byline
        or SECTION_LABEL_RE.fullmatch(words) is not None
        or len(NAV_WORD_RE.findall(words)) >= 2  # "News Reports Sports Business"
        or re.fullmatch(r"[A-Z][a-z]+ Edition", words) is not None  # "Dhivehi Edition"
        or re.fullmatch(r"\[[^\]]*\]", words) is not None  # "[Notes]": a site's own tag
        or re.search(r"\b[a-z]{2,3}-[A-Z][a-z]+\b", words) is not None  # "oi-Briti Roy Barman"
    )


def _doubled(text: str) -> bool:
    """ "NASA Launches OrionNASA Launches Orion": a page's title printed twice."""
    half = len(text) // 2
    return len(text) > 10 and text[:half].strip() == text[half:].strip()


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
        inner = [w for w in span.text.lower().split() if w in ANAPHOR_NOUNS]
        if last in ANAPHOR_NOUNS:
            things[last] = span.text
        elif inner:  # "National Mission on Edible Oils": "the Mission" later
            things[inner[0]] = span.text
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


def article_expansions(units: Iterable[Unit]) -> dict[str, str]:
    """Acronym -> the expansion the article gave it ("TER" -> "Terai Elephant Reserve")."""
    out: dict[str, str] = {}
    for unit in units:
        for acr, _start, _end, expansion in _acronyms(unit.text):
            if len(acr) >= 2 and acr.lower() != expansion.lower():
                out.setdefault(acr, expansion)
    return out


def _spell_out(sentence: str, expansions: dict[str, str]) -> str:
    """A bare acronym the article defined reads as its expansion: a question must not need
    the article to say what "TER" is."""
    for acr, expansion in expansions.items():
        if expansion in sentence:
            continue
        # "IPS Subodh Kumar Jaiswal": a service before a name is its title, not a body
        title = r"(?! [A-Z][a-z])" if acr in gz.SERVICES else ""
        bare = rf"(?<![(\w-]){re.escape(acr)}(?![\w)-]){title}"
        sentence = re.sub(bare, expansion, sentence, count=1)
    return sentence


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
    text, stated_date = clean_text(text)
    units, dateline = split_units(text)
    if title is None and units and _headline(units[0]):
        title = units[0].text
    date = date or stated_date or dateline
    # Hash the kept text, not the raw input: a re-fetched page whose menus or "updated"
    # line changed is still the same article.
    slug = article_slug(title, "\n".join(u.text for u in units))
    source = Source(title=title, date=date, url=url) if title else None
    # Expansions of abbreviations are not asked: the rubric calls them trivia.
    candidates = _retype_known(_candidates(units, title, date))

    # Fact sections state the examinable points most plainly: they claim their answers first.
    # A sentence restating a kept one (most of its words are there) asks only what is new.
    asked: dict[str, int] = {}
    kept: list[tuple[Candidate, list[KeySpan]]] = []
    kept_words: list[set[str]] = []
    # The lead is the news: it claims its answers before the background that repeats them.
    for cand in sorted(
        candidates, key=lambda c: (not c.in_facts_section, c.order > 1, -c.score, c.order)
    ):
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
    background: set[str] = set()
    used: set[str] = set()
    for cand, spans in sorted(kept, key=lambda pair: pair[0].order):
        base = f"{slug}-{slugify(cand.statement, 6, 48)}"
        fact_id, n = base, 2
        while fact_id in used:
            fact_id, n = f"{base}-{n}", n + 1
        used.add(fact_id)
        if cand.background:
            background.add(fact_id)
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
    return Extraction(
        title=title,
        date=date,
        article_slug=slug,
        facts=facts,
        background=frozenset(background),
    )
