"""A final won, told as a setter asks it: who won which title, and whom they beat.

A match report buries its result in colour: "India beat New Zealand by four wickets in a
tense final in Dubai on Sunday to clinch their third Champions Trophy title, becoming the
most successful side in its history." The setter's sentence is "In March 2031, India won
their third Champions Trophy title, beating New Zealand." :func:`result_claim` writes it
where the sentence opens with the winner, beats someone, and wins a named title.
"""

from __future__ import annotations

import re

from quizmaster import places
from quizmaster.models import KeySpan, SpanType

# The winner's verb, after the winner: "India beat", "Bangladesh have defeated"
BEAT = (
    r"\s(?:(?:have|has) )?(?:on [A-Z][a-z]+ )?"
    r"(?:beat|defeated|outlasted|thrashed|edged past|stunned|overcame|downed|routed)"
)
BEAT_VERB_RE = re.compile(rf"{BEAT}\s")
BEAT_RE = re.compile(
    rf"{BEAT} (?P<loser>.+?)"
    # how and where it was won: "by four wickets", "21-17, 21-18", "in straight games"
    r"(?:(?: by [^,]{1,40}?| \d+[-–]\d+(?:,? (?:and )?\d+[-–]\d+)*| in (?:a |an |the )?[^,]{1,50}?"
    r"| on [A-Z][a-z]+(?: \([^)]*\))?| via [^,]{1,30}?))*"
    r",? (?:to|and) (?:win|clinch|claim|lift|capture|bag|retain)"
    r" (?P<title>(?:the |their |his |her |its |a )?[^,;]{3,90}?)"
    r"(?P<venue> (?:at|in) (?:the )?[A-Z][^,;]{2,60}?)?"
    r"(?=,| on | here\b| after | with | for the | and |\.$|$)"
)
# What makes a title a title: "the men's doubles title", "their third Asia Cup", "gold"
TITLE_WORD_RE = re.compile(
    r"\b(?:title|crown|trophy|Trophy|Cup|Championships?|Open|gold|silver|bronze|medal"
    r"|Olympiad|Games|Masters|Grand Prix|League)\b"
)
# A title that is no single event's ("the series 3-1", "the match"), or leans on the page
NOT_A_TITLE_RE = re.compile(
    r"\b(?:series|match|game|tie|round|toss|berth|spot|place|this|that|edition)\b", re.I
)
TRAILING_RE = re.compile(r"\s+(?:on|in|at|here|final|finals|early|late)$")
ORDINAL_RE = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth)\b"
)
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
MAX_DESCRIPTION_WORDS = 5


def _as_name(span: KeySpan) -> KeySpan:
    """A player's name the extractor left untyped ("Carlos Alcaraz") as a person's."""
    words = span.text.split()
    if span.type is SpanType.TERM and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        if places.kind_of(span.text) is None and not re.search(r"-[a-z]", span.text):
            return KeySpan(text=span.text, type=SpanType.PERSON)
    return span


def _winner(subject: str, spans: list[KeySpan]) -> KeySpan | None:
    """The span the subject ends with ("India's Koneru Humpy"), or the country it names."""
    named = [s for s in spans if subject.endswith(s.text) and s.type not in _VALUE_TYPES]
    if named:
        winner = _as_name(max(named, key=lambda s: len(s.text)))
        before = subject[: len(subject) - len(winner.text)].split()
        if before and before[-1].lower() in ("in", "from", "of", "for", "and", "with"):
            return None  # "the Men in Blue", "the ace from Hyderabad": not the name of one
        if winner.type in (SpanType.PERSON, SpanType.TERM) and len(winner.text.split()) < 2:
            return None  # "Top-seeded Divya": a first name alone names no one
        return winner
    for size in (3, 2, 1):
        words = subject.split()[-size:]
        if len(words) == size and (found := places.country(" ".join(words))):
            if found == " ".join(words) or " ".join(words) in ("India", "US", "UK"):
                return KeySpan(text=" ".join(words), type=SpanType.COUNTRY)
    return None


def _proper(word: str) -> bool:
    """Whether a description's first word keeps its capital: "India's", "Spanish"."""
    bare = re.sub(r"['’]s$", "", word)
    return bare != word or bool(places.kind_of(bare) or places.nationality(bare))


_VALUE_TYPES = (SpanType.DATE, SpanType.NUMBER, SpanType.MONEY, SpanType.ORDINAL)


def result_claim(opening: str, body: str, spans: list[KeySpan]) -> tuple[str, list[KeySpan]] | None:
    """The setter's sentence for a final won, and its keys; else None.

    ``opening`` is the statement's dating ("In March 2031, ", or empty), ``body`` the rest:
    the winner (with a short description before it), the verb, the loser, the title."""
    verb = BEAT_VERB_RE.search(body)
    if verb is None:
        return None
    subject = body[: verb.start()]
    winner = _winner(subject, spans)
    if winner is None or "," in subject:
        return None
    description = subject[: len(subject) - len(winner.text)].strip()
    if len(description.split()) > MAX_DESCRIPTION_WORDS:
        return None
    found = BEAT_RE.match(body, verb.start())
    if found is None:
        return None
    title = TRAILING_RE.sub("", found.group("title").split(" (")[0].strip())
    loser = found.group("loser").strip()
    if not TITLE_WORD_RE.search(title) or NOT_A_TITLE_RE.search(title):
        return None
    venue = found.group("venue") or ""
    if "(" in venue or re.search(r"\b(?:final|semi-?final)\b", venue, re.IGNORECASE):
        venue = ""
    if not re.search(r"\b[A-Z]", title + venue) or "much" in title.split():
        return None  # "the bronze medal", "the much trophy": which event's?
    if len(loser.split()) > 8 or not re.search(r"[A-Z]", loser):
        return None  # "his opponent in the finals": beaten, but not named
    title = re.sub(r"^a (?=gold|silver|bronze)", "", title)
    if not opening and not YEAR_RE.search(title + venue):
        return None  # a result without its year is a riddle a month later
    description = re.sub(r"\S*\byear-old\b\s*", "", description)  # an age is true for a year
    if opening and description[:1].isupper() and not _proper(description.split()[0]):
        description = description[:1].lower() + description[1:]
    who = f"{description} {winner.text}".strip()
    statement = f"{opening}{who} won {title}{venue}, beating {loser}."
    # The loser is no key: a country beaten in a final draws its neighbours as wrong answers,
    # not its rivals in that sport.
    keys = [winner, *(s for s in spans if s.text in title + venue and s != winner)]
    if (ordinal := ORDINAL_RE.search(title)) and all(k.text != ordinal.group(0) for k in keys):
        keys.append(KeySpan(text=ordinal.group(0), type=SpanType.ORDINAL))
    return statement, keys


# "won Iran's runoff presidential election", "has won the country's presidential polls",
# "won the presidential election in Montenegro"
ELECTION_RE = re.compile(
    r"\s(?:has |have )?(?:won|wins) (?:the )?"
    r"(?:(?P<owner>[A-Z][\w -]+?)['’]s |the country['’]s )?(?:\d{4} )?"
    r"(?:(?:runoff|run-off|second-round|second round of the) )?"
    r"presidential (?:election|elections|polls|runoff|run-off|vote)"
    r"(?: (?:in|of) (?P<in>[A-Z][\w -]+?))?(?=[ ,.;]|$)"
)
# The sentence the election frame writes, with its key blanked or asked.
ELECTION_CLAIM_RE = re.compile(r"\bwon the presidential election in (?:the )?\S")


def _country_in(text: str) -> str | None:
    """The one country a description names: "Mongolia's candidate", "Montenegrin minister"."""
    found = set()
    for word in re.findall(r"[A-Z][\w-]+(?: [A-Z][\w-]+)?", text):
        for part in (word, word.split()[0]):
            bare = re.sub(r"['’]s$", "", part)
            if country := places.country(bare) or places.nationality(bare):
                found.add(country)
                break
    return found.pop() if len(found) == 1 else None


def election_claim(
    opening: str, body: str, spans: list[KeySpan]
) -> tuple[str, list[KeySpan]] | None:
    """ "In October 2031, Asha Rao won the presidential election in Ruritania.": who won a
    country's presidential election, with that country; else None."""
    won = ELECTION_RE.search(body)
    if won is None or not opening:
        return None
    subject = body[: won.start()]
    people = [s for s in spans if s.type is SpanType.PERSON and s.text in subject]
    if not people:
        return None
    person = min(people, key=lambda s: subject.find(s.text))
    after = subject[subject.find(person.text) + len(person.text) :]
    if after.strip() and not re.fullmatch(r",[^,]{2,80},\s*", after):
        return None  # the winner is the subject, or the subject told with one aside
    named = won.group("owner") or won.group("in")
    country = places.country(named) if named else _country_in(subject)
    if country is None and named is None and "country" in won.group(0):
        country = _country_in(body)
    if country is None or country == "India":
        return None
    where = places.in_prose(country)
    statement = f"{opening}{person.text} won the presidential election in {where}."
    return statement, [person, KeySpan(text=country, type=SpanType.COUNTRY)]
