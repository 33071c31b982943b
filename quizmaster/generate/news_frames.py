"""Short sentences for the news an examiner asks, cut from the long sentence an article told
it in.

A news sentence carries its headline fact inside asides: "Keshav Chandra, a 1995-batch
officer of the AGMUT cadre who was serving in the islands, has been appointed the new Chief
Secretary of Delhi at a ceremony held on Monday." A setter asks "In May 2031, who was
appointed the Chief Secretary of Delhi?", not a blank in the whole sentence. Where a
sentence tells such a frame (a post filled), :func:`framed` gives the fact the short
sentence as its statement and keeps the article's sentence as the explanation; every other
fact is left as it was, but for a closing aside that holds none of its keys (:func:`trimmed`).
"""

from __future__ import annotations

import re

from quizmaster import places
from quizmaster.generate.contest_results import election_claim, result_claim
from quizmaster.generate.exam_relations import DEATH_WORDS, ROLE_RE
from quizmaster.generate.military_exercises import exercise_claim
from quizmaster.generate.text import whole_word
from quizmaster.models import Fact, KeySpan, SpanType
from quizmaster.word_lists import (
    CALLINGS,
    MONTH_WORD,
    ORG_WORDS,
    PEOPLE_WORDS,
    SERVICE_TITLE,
)

# The verbs that fill a post, with the subject before them: "X was appointed as ...",
# "X took oath as ...". Each maps to the form the short sentence uses.
# "was officially sworn in as": an adverb between the auxiliary and its verb
_ADVERB = r"(?:(?:officially|formally|duly|unanimously) )?"
INTRANSITIVE = (
    (rf"(?:has been|was|had been|is|have been) {_ADVERB}appointed(?: as)?", "was appointed"),
    (rf"(?:has been|was|had been|is) {_ADVERB}named(?: as)?", "was named"),
    (rf"(?:has been|was|had been|is) {_ADVERB}(?:re-)?elected(?: as)?", "was elected"),
    (rf"(?:has been|was|had been|is|were) {_ADVERB}sworn[- ]in as", "was sworn in as"),
    (r"(?:took|takes|has taken) (?:the )?oath(?: of office)? as", "took oath as"),
    (
        r"(?:took|takes|has taken|assumed|assumes|has assumed) (?:over )?(?:the )?"
        r"(?:additional )?charge (?:as|of)",
        "took charge as",
    ),
    (r"(?:assumed|assumes|has assumed) (?:the )?office(?: of| as)?", "assumed office as"),
    (r"(?:took|takes|has taken) over as", "took over as"),
)
# "The President appointed X as ...": the person filled is the object.
SERVICE_RE = re.compile(rf"^{SERVICE_TITLE} ")
TRANSITIVE_RE = re.compile(
    r"\b(?P<verb>appointed|named|elected|re-elected|nominated|appointment of)"
    rf" (?=[A-Z]|{SERVICE_TITLE} )"
)
PROPER_RUN = (
    r"[A-Z][\w.&'’()-]*(?:,? (?:of|for|and|the|in|on|&|\d+(?:st|nd|rd|th)|[A-Z][\w.&'’()-]*))*"
)
ORDINAL = r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
# "the 26th Governor of Odisha", "the new director general of police of Tamil Nadu", "the
# first Director General of the newly formed National Seed Bank Authority"
POST = (
    rf"(?:the )?(?:new |next )?(?P<post>(?:{ORDINAL} )?"
    rf"(?:(?:[a-z][a-z-]+ ){{1,4}}of (?:the )?{PROPER_RUN}"
    rf"|{PROPER_RUN} of the (?:newly[- ](?:formed|created|constituted) |new ){PROPER_RUN}"
    rf"|{PROPER_RUN}))"
)
HOLDER_FRAMES = tuple(
    (re.compile(rf"(?<=\s)(?P<verb>{pattern}) {POST}"), said) for pattern, said in INTRANSITIVE
)
WHEN_RE = re.compile(
    rf"\b(?:\d{{1,2}} (?P<m1>{MONTH_WORD}),? (?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTH_WORD})\.? (?:\d{{1,2}}, )?(?P<y2>\d{{4}}))\b"
)
TRAILING_RE = re.compile(r"(?:,? (?:of|for|and|the|in|on|&))+$")
MAX_POST_WORDS = 12


# "Australia's 31st Prime Minister", "Kerala Governor": a post told with its place first.
PLACE_FIRST_RE = re.compile(
    r"^(?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?)(?:['’]s)? (?P<role>(?:\d+(?:st|nd|rd|th) )?"
    r"(?:Prime Minister|President|Vice[- ]President|Chief Minister|Deputy Chief Minister|Governor"
    r"|Lieutenant Governor|Chief Secretary|Chief Justice|Speaker|Foreign Secretary))$"
)


def _of_place(post: str) -> str:
    """The post as "<role> of <place>" where the article put the place first."""
    if (found := PLACE_FIRST_RE.match(post)) and places.kind_of(found.group("place")):
        return f"{found.group('role')} of {found.group('place')}"
    return post


def _one_body(one: str, other: str) -> bool:
    """ "Oil and Natural Gas Corporation": one body's name, not a place and a second clause."""
    return other.split()[-1] in ORG_WORDS and places.kind_of(one) is None


def when(statement: str) -> str | None:
    """The month and year a sentence is dated with: "In May 2031, ..." or "on 3 May 2031"."""
    match = WHEN_RE.search(statement)
    if match is None:
        return None
    month = match.group("m1") or match.group("m2")
    year = match.group("y1") or match.group("y2")
    return f"{month} {year}"


def _post(raw: str) -> str | None:
    """The post as a setter names it: whole, with its body or place ("Governor of Mizoram")."""
    post = TRAILING_RE.sub("", raw.strip().rstrip(".,")).rstrip(",")
    post = re.sub(r"\s+(?:on|in)\s+[A-Z][a-z]+$", "", post)  # "... on Monday"
    joined = re.search(r"(?P<one>[A-Z][\w-]*(?: [A-Z][\w-]*)*) and (?P<other>[A-Z].*)$", post)
    if joined and not (
        _one_body(joined.group("one"), joined.group("other"))
        or places.kind_of(joined.group("other"))
        or places.kind_of(f"{joined.group('one')} and {joined.group('other')}")
    ):
        # "chief minister of Andhra Pradesh and Jana Sena Party chief ...": the next clause
        post = post[: joined.start("other") - len(" and ")]
    post = _of_place(post)
    if re.match(r"[A-Z][\w ]*['’]s ", post):
        return None  # "India's Vice-Chairman": a possessive the frame cannot turn round
    words = post.split()
    if not words or len(words) > MAX_POST_WORDS or not ROLE_RE.search(post):
        return None
    of_named = r" of (?:the )?(?:\d+(?:st|nd|rd|th) |newly[- ]\w+ |new )?[A-Z]"
    if not re.search(of_named, post) and "India" not in post:
        return None  # "the new Governor": of where?
    if re.search(r"\b(?:Ambassador|High Commissioner|Envoy)\b", post, re.I) and " to " not in post:
        return None  # "the Ambassador of India": to which country?
    court = re.search(r"\bchief justice of (?:the )?(?P<place>.+)$", post, re.IGNORECASE)
    if court and places.kind_of(court.group("place").split(" and ")[0]) in (
        "state",
        "union territory",
    ):
        return None  # "chief justice of Punjab and Haryana": its High Court was cut off
    return post


# A body's part named after it: "Coal India arm Northern Coalfields", "the Navy's unit".
PART_OF_BODY_RE = re.compile(r" (?:arm|unit|subsidiary|wing|division|affiliate)\b")


def _holder(fact: Fact) -> tuple[str, str, str] | None:
    """(person, verb, post) where the fact tells a post filled, else None."""
    people = [s.text for s in fact.spans if s.type is SpanType.PERSON]
    # "chairman and managing director (CMD) of ... Ltd (NCL)": the post reads without them;
    # "chief minister of the Indian state of Maharashtra": of Maharashtra
    statement = re.sub(r" \([A-Z]{2,6}\)", "", fact.statement)
    statement = re.sub(r"\b(?<=of )the (?:Indian )?(?:state|union territory) of ", "", statement)
    for frame, said in HOLDER_FRAMES:
        match = frame.search(statement)
        if match is None:
            continue
        before = statement[: match.start()]
        named = [p for p in people if p in before and len(p.split()) >= 2]
        post = _post(match.group("post"))
        if not named or post is None or PART_OF_BODY_RE.match(statement, match.end()):
            return None  # "director of Coal India arm Northern Coalfields": not Coal India's
        # The nearest person before the verb is its subject ("Governor A swore in B" aside),
        # unless an aside names them ("X, the candidate of an alliance led by Y, was ...").
        subjects = [
            p for p in named if not re.search(r"\b(?:by|of|with|and) $", before[: before.rfind(p)])
        ]
        if not subjects:
            return None
        person = max(subjects, key=before.rfind)
        if re.match(r"['’]s\b", statement[before.rfind(person) + len(person) :]):
            return None  # "Atal Bihari Vajpayee's ... took oath": a possessive, no subject
        return person, said, post
    transitive = TRANSITIVE_RE.search(statement)
    if transitive is None:
        return None
    rest = SERVICE_RE.sub("", statement[transitive.end() :])  # "appointed IRS officer X as"
    for person in people:
        if rest.startswith(person) and len(person.split()) >= 2:
            # "appointed X, a plant geneticist from Coimbatore, as the first ..."
            after = re.match(rf"{re.escape(person)}(?:, [^,]{{1,120}},)?,? as {POST}", rest)
            post = _post(after.group("post")) if after else None
            if post is not None:
                verb = transitive.group("verb").replace("appointment of", "appointed")
                return person, f"was {verb} as", post
    return None


FRAMED_RE = re.compile(
    r"^In (?-i:[A-Z][a-z]+) \d{4}, [^,]+ (?:"
    + "|".join(re.escape(said) for _, said in INTRANSITIVE)
    + r"|was (?:appointed|named|elected|re-elected|nominated) as) the [^,]+\.$"
)


def _news_part(statement: str) -> str:
    """The sentence up to its first closing aside (all of it when there is none)."""
    aside = ASIDE_START_RE.search(statement)
    return statement[: aside.start()] if aside else statement


def is_trimmed(fact: Fact) -> bool:
    """Whether the fact is its article sentence without the closing aside (see
    :func:`trimmed`): fine to ask a key of, too vague to judge as a whole claim."""
    told = fact.explanation
    return told is not None and told != fact.statement and told.startswith(fact.statement[:-1])


def is_framed(fact: Fact) -> bool:
    """Whether the fact is told in a frame's short sentence (see :func:`framed`): a swap of
    its place, ordinal or person makes a plausible false statement."""
    return fact.explanation is not None and FRAMED_RE.match(fact.statement) is not None


# An honour's or a title's name: "2024 Jnanpith Award", "Dadasaheb Phalke Award for 2021",
# "Webb Ellis Cup", "Australian Open women's title" is not one (a lower-case end).
HONOUR = (
    r"(?:\d{4} |\d{1,3}(?:st|nd|rd|th) )?[A-Z][\w'’-]*(?: (?:of|for|the|and|\d{4}|[A-Z][\w'’-]*))*?"
    r" (?:Award|Prize|Ratna|Bhushan|Vibhushan|Shri|Medal|Puraskar|Samman|Fellowship|Cup"
    r"|Trophy|Championships?|Grand Prix)(?: (?:for|of) (?:the year )?\d{4})?(?: title| crown)?"
)
# "X has been conferred the Y", "X was awarded the Y"; "X won the Y", "X lifted the Y".
HONOURED_RE = re.compile(
    r"^(?:(?P<conferred>(?:has been|was|were|is|have been) (?:awarded|conferred(?: with| upon)?"
    r"|honoured with|presented(?: with)?) (?:the )?)"
    # "X has been selected for the 2031 Jnanpith Award": chosen, perhaps not yet given
    r"|(?P<chosen>(?:has been|was|were|have been|will be) (?:selected|chosen|named) for (?:the )?)"
    r"|(?:will be (?:conferred(?: with)?|awarded|honoured with|presented with) (?:the )?)"
    r"|(?:has )?(?:won|clinched|bagged|lifted"
    rf"|claimed) the )(?P<honour>{HONOUR})\b"
)
# "won the gold medal in the men's javelin throw at the 2031 Reef Athletics Championships"
MEET = (
    r"(?:\d{4} )?[A-Z][\w'’-]*(?: (?:of|the|and|\d{4}|[A-Z][\w'’-]*))*?"
    r" (?:Championships?|Games|Olympics|Paralympics|World Cup|Cup|Open)(?: \d{4})?"
)
MEDAL_RE = re.compile(
    r"^(?:has )?(?:won|clinched|bagged|claimed|secured|captured) (?:a |the |her |his )?"
    r"(?P<medal>gold|silver|bronze)(?: medal)?(?P<event> in (?:the )?[a-z0-9][^,]{2,50}?)?"
    rf" (?:at|in) the (?P<meet>{MEET})\b"
)
DATED_START_RE = re.compile(rf"^In (?P<when>{MONTH_WORD} \d{{4}}), ")


def _event(fact: Fact) -> str | None:
    """The short sentence of an honour or a title won that the fact tells, else None. (A
    death is left as told: cut short, "veteran actor _____ died at 85" names nothing else.)"""
    start = DATED_START_RE.match(fact.statement)
    if start is None:
        return None
    winners = [s.text for s in fact.spans if s.type in (SpanType.PERSON, SpanType.COUNTRY)]
    for who in winners:
        at = fact.statement.find(f"{who} ")
        if at < 0 or at - start.end() > 40:
            continue  # the subject comes first, with at most a short description before it
        before = fact.statement[start.end() : at]
        rest = fact.statement[at + len(who) :].lstrip(" ,")
        if (medal := MEDAL_RE.match(rest)) is not None:
            event = medal.group("event") or ""
            return (
                f"{start.group(0)}{before}{who} won {medal.group('medal')}{event}"
                f" at the {medal.group('meet')}."
            )
        if (found := HONOURED_RE.match(rest)) is not None:
            said = (
                "was conferred"
                if found.group("conferred")
                else "was chosen for"
                if found.group("chosen") or found.group(0).startswith("will be")
                else "won"
            )
            return f"{start.group(0)}{before}{who} {said} the {found.group('honour')}."
    return None


# "former President of India", "Gujarat chief minister": who the dead were, a post and its
# place or body ("veteran actor" alone leaves the question without an anchor).
DEATH_VERB = rf"(?:has )?(?:{DEATH_WORDS}|left for (?:the |his |her )?heavenly abode)\b"
DEATH_VERB_RE = re.compile(DEATH_VERB)
# The words of praise or standing before who the dead were: "former", "veteran", "noted".
PRAISE = r"former|veteran|senior|renowned|eminent|noted|legendary|celebrated|iconic"
DESCRIBED_RE = re.compile(
    rf"^(?:the )?(?:(?:{PRAISE}) )*(?:[\w'’-]+ ){{0,5}}?"
    r"(?:[\w-]+ (?:of|in) (?:the )?[A-Z][\w'’ -]+"
    r"|[A-Z][\w'’-]+ (?:[\w'’-]+ )?(?i:chief minister|minister|governor|chief|leader))$"
)

# "veteran actor", "Tabla maestro", "renowned Kannada writer": who the dead were by calling.
CALLED_RE = re.compile(
    rf"^(?:the )?(?:(?:{PRAISE}|famous|acclaimed|popular|well-known|award-winning"
    r"|[A-Z][\w'’-]+) )*(?:[a-z]+ )?"
    rf"(?:{CALLINGS}|{PEOPLE_WORDS}|maestro|virtuoso|exponent|doyen|artiste|freedom fighter"
    r"|social worker)$"
)
# "died at a private hospital in Mumbai": the city the dead died in, as told
DIED_IN_RE = re.compile(
    rf"^{DEATH_VERB}[^,.;]{{0,40}}? in (?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)
AGE_RE = re.compile(r"\b(?:at the age of|aged|at) (?P<age>\d{2,3})\b(?!\s*(?:am|pm|[:.]\d))")


def _death(fact: Fact) -> str | None:
    """ "In July 2031, former Goa chief minister Asha Rao passed away.": a death, told with who
    the dead were (a post with its place or body), and nothing else."""
    # "In May 2031, X died", or "X died on 3 May 2031": the month either way
    start = DATED_START_RE.match(fact.statement)
    month = start.group("when") if start else when(fact.statement)
    if month is None:
        return None
    opening = start.end() if start else 0
    for who in (s.text for s in fact.spans if s.type is SpanType.PERSON):
        at = fact.statement.find(who)
        if at < opening:
            continue
        before = fact.statement[opening:at].strip()
        before = before[:1].lower() + before[1:] if before[:1].isupper() and not start else before
        after = fact.statement[at + len(who) :]
        aside = re.match(r", (?P<desc>[^,]+), (?P<verb>[^,.]+)", after)
        if aside and not before and DEATH_VERB_RE.match(aside.group("verb")):
            if DESCRIBED_RE.match(aside.group("desc")):  # "Ratan Tata, chairman of ..., died"
                # told with the date last: "_____, former chairman of ..." reads as a list
                return f"{who}, {aside.group('desc')}, passed away in {month}."
        # "former Goa Chief Minister and senior party leader X": the post, not the rest
        first = before.split(" and ")[0]
        if first and DEATH_VERB_RE.match(after.lstrip()) and DESCRIBED_RE.match(first):
            return f"In {month}, {first} {who} passed away."
        # "veteran actor, X, passed away at the age of 88": the calling, and the age if told
        called = re.sub(r"^the ", "", first.rstrip(", "))
        verb_on = after.lstrip(", ")
        if called and DEATH_VERB_RE.match(verb_on) and CALLED_RE.match(called):
            age = AGE_RE.search(after)
            city = DIED_IN_RE.match(verb_on)
            told = (
                f" in {city.group('city')}"
                if city and places.kind_of(city.group("city")) == "city"
                else ""
            )
            told += f" at the age of {age.group('age')}" if age else ""
            return f"In {month}, {called} {who} passed away{told}."
    return None


# Where a sentence's news ends and its colour begins: ", crushing Japan's Okuhara 21-7 in 38
# minutes", ", which was attended by ...", ", amid huge festivity".
ASIDE_START_RE = re.compile(
    r", (?:(?-i:[a-z]+ing)|which|who|whose|while|amid|amidst|after|following|thanks to"
    r"|beating|defeating|surpassing|bringing|taking|making)\b"
    r"| [—–] (?=the |a |an |which )",  # "the repo rate — the key rate at which ...": a gloss
    re.IGNORECASE,
)
MIN_NEWS_WORDS = 8


# "... commenced in the archipelago nation.": a closing place the article named before.
LEANING_TAIL_RE = re.compile(
    r",? (?:in|at|across) the (?:[a-z-]+ ){0,2}(?:nation|country|state|capital|city|island)\.$"
)


def trimmed(statement: str, spans: list[str]) -> str | None:
    """The sentence without its closing aside, where the aside holds none of ``spans`` and
    what is left still tells the news in enough words; else None."""
    tail = LEANING_TAIL_RE.search(statement)
    if tail and len(statement[: tail.start()].split()) >= MIN_NEWS_WORDS:
        statement = f"{statement[: tail.start()]}."
        if all(whole_word(statement, span) for span in spans):
            return trimmed(statement, spans) or statement
    for aside in ASIDE_START_RE.finditer(statement):
        head = statement[: aside.start()]
        if not all(whole_word(head, span) for span in spans):
            continue
        if len(head.split()) >= MIN_NEWS_WORDS and head.count("(") == head.count(")"):
            return f"{head}."
    return None


def writes_stem(fact: Fact) -> bool:
    """Whether a frame tells the fact in a short sentence of its own (not merely the
    article's sentence cut before its closing aside)."""
    told = framed(fact)
    return told is not fact and not is_trimmed(told)


def _exercise(fact: Fact) -> Fact | None:
    """The fact as the exercise it names and India's partner in it (see
    :mod:`quizmaster.generate.military_exercises`), else None."""
    claim = exercise_claim(fact.explanation or fact.statement)
    if claim is None:
        return None
    statement, name, partner = claim
    keys = [KeySpan(text=name, type=SpanType.EVENT), KeySpan(text=partner, type=SpanType.COUNTRY)]
    return _retold(fact, statement, keys)


def _result(fact: Fact) -> Fact | None:
    """The fact as the final or the election it tells won (see
    :mod:`quizmaster.generate.contest_results`)."""
    start = DATED_START_RE.match(fact.statement)
    opening = start.group(0) if start else ""
    if not start and (month := when(fact.statement)) is not None:
        opening = f"In {month}, "
    body = fact.statement[start.end() :] if start else fact.statement
    found = result_claim(opening, body, fact.spans) or election_claim(opening, body, fact.spans)
    if found is None:
        return None
    statement, keys = found
    return _retold(fact, statement, keys)


def _retold(fact: Fact, statement: str, keys: list[KeySpan]) -> Fact:
    """The fact told in a frame's sentence, with the keys that sentence holds; the article's
    sentence stays as the explanation."""
    return fact.model_copy(
        update={
            "statement": statement,
            "spans": [k for k in keys if whole_word(statement, k.text)],
            "explanation": fact.explanation or fact.statement,
        }
    )


def framed(fact: Fact) -> Fact:
    """The fact, told in the short sentence of its frame where it has one."""
    if (told := _exercise(fact) or _result(fact)) is not None:
        return told
    found = _holder(fact)
    dated = when(fact.statement)
    if found is None or dated is None:
        statement = _event(fact) or _death(fact)
        if statement is None:
            keys = [s.text for s in fact.spans if whole_word(_news_part(fact.statement), s.text)]
            statement = trimmed(fact.statement, keys) if keys else None
        if statement is None or statement == fact.statement:
            return fact
    else:
        person, said, post = found
        statement = f"In {dated}, {person} {said} the {post}."
    if statement == fact.statement:
        return fact
    return _retold(fact, statement, list(fact.spans))
