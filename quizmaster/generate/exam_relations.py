"""What an examiner asks: the relations a key may stand in.

A lifted sentence makes an exam question only when its blank is the name, number, date or
place of something a setter asks about: who holds a post or won an award, where an event was
held, when a body was founded, what rank a country took in an index, which country an
agreement or exercise was with. :func:`relation` names the relation a question's key stands
in, or returns None: "preparations were hit in 2020", "aspired to be an archer", a prize fund
or a patient's case number are true, but no paper asks them.

News changes: a question on an event (an appointment, an award, a rank) must say when, so
those relations also need a year in the question.
"""

from __future__ import annotations

import re

from quizmaster.generate.contest_results import ELECTION_CLAIM_RE
from quizmaster.generate.military_exercises import CLAIM_RE as EXERCISE_CLAIM_RE
from quizmaster.models import SpanType
from quizmaster.word_lists import MONTH_WORD, ROLE_WORDS

YEAR_RE = re.compile(r"\b(?:1[5-9]|20)\d{2}\b|\bFY\s?\d{2}\b")

# Sentences about a life, a mood or a procedure: true, but no exam asks them.
NOT_ASKED_RE = re.compile(
    r"\b(?:aspired|trained (?:by|under|at)|as a (?:child|teenager|\d+-year-old)|hospitali[sz]ed"
    r"|regarded as|considered (?:as|to be)|appears? to|seems?|preparations?|tested positive"
    r"|poses?|posed|praised|pa(?:id|ys|y) (?:floral )?tributes?|met (?:with )?(?:\w+ )?officials"
    r"|called on|hailed|congratulat\w+|condol\w+|tweet\w*"
    r"|wrote on|writing on|expressed|welcomed|lauded|said|says|told|according to|recalls?"
    r"|continued to|shone|celebrat\w+|erupted|scrutiny|withdrawal of candidature|polling time"
    r"|born|grew up|studied|educated at|alumn(?:us|a|i)|schooling|official residence"
    r"|degree in|graduated|married|daughter|son of|wife|husband|debut|prize (?:money|fund|purse)"
    r"|share (?:of|from) the|at \d{1,2}[.:]\d{2}|(?:\d+|_{5})\s*(?:am|pm|a\.m|p\.m)(?!\w)"
    r"|hours IST|a\.m\.|p\.m\."
    r"|likely|expected to|(?-i:may|might|could) |plans? to|aims? to|proposed|sources"
    r"|acronym|abbreviat\w+|stands for|short for|expanded as|full form|greeted|thronged"
    r"|confirmed that"
    r"|(?:will be|to be|would be) (?:declared|announced|released|decided|notified) later)\b"
    r"|\b(?:sworn in|took (?:the )?oath|oath of office)\b[^.?]*\b(?:at|in) (?:the )?(?:_{5}|which)"
    r"|\bpress conference\b|\bawarded \d+ times\b|_{5} (?:stadium|arena|ground|hall)\b"
    r"|\b(?:km|kms|kilometres?|kilometers?|miles) (?:south|north|east|west)|how many kilometres"
    r"|\bcadre\b|_{5} (?:official|officer|spokesperson)\b"
    r"|_{5} (?:19|20)\d{2} (?:Olympics|Olympic Games|Paralympics)\b"
    r"|, \d{2}, |\(\d{2}\)",  # "Damodar Mauzo, 77, ...": an age, true for one year
    re.IGNORECASE,
)

HOLDER_RE = re.compile(
    r"\b(?:appointed|named|elected|re-elected|sworn[- ]in|took (?:the )?oath|takes? oath"
    r"|took (?:over )?(?:charge|the reins|office)|assumed (?:charge|office)|takes? (?:over|charge)"
    r"|took over|became|becomes|become|elevated|nominated|selected|chosen|succeeds|succeeded|heads?"
    r"|headed|led by|chaired|will be the|is the|was the|as the|appointment of)\b",
    re.IGNORECASE,
)
ROLE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(ROLE_WORDS - {"mr", "mrs", "ms", "dr", "shri", "smt"})) + r")\b"
    r"|\b(?:CJI|CEO|CM|PM|Governor|Chief|Chairman|President|captain|skipper|coach|founder"
    r"|Speaker|Attorney|Auditor|Comptroller|Commissioner|Chancellor|Mayor|Secretary-General)\b",
    re.IGNORECASE,
)
# "the WHO certified _____ malaria-free", "awarded _____ the certificate for eliminating"
CERTIFIED_FREE_RE = re.compile(
    r"\b(?:certified|declared|validated|awarded)\b[^.?]*(?:-free\b|\bfree of\b|\beliminat)"
)
# How a death is told: "passed away", "died", "breathed his last".
DEATH_WORDS = r"passed away|died|breathed (?:his|her) last"
DEATH_RE = re.compile(rf"\b(?:{DEATH_WORDS})\b")
AWARD_RE = re.compile(
    r"\b(?:conferred|awarded|won|wins|win|bagged|clinched|captured|received?|receives|recipient"
    r"|honou?red|bestowed"
    r"|presented|claimed|secured|grabbed|given|selected for|chosen for)\b[^.;]*?"
    r"\b(?:award|prize|medal|trophy|title|Ratna|Bhushan|Vibhushan|Padma|Shri|cup|championship"
    r"|Samman|Puraskar|Chakra"
    r"|gold|silver|bronze|honou?r|fellowship|laureate|Nobel|Jnanpith|Phalke|crown|majority)\b"
    r"|\b(?:award|prize|medal|trophy|Ratna|Nobel|Jnanpith|Phalke)\b[^.;]*?\b(?:to|on|for)\b",
    re.IGNORECASE,
)
LAUNCH_RE = re.compile(
    r"\b(?:launched|launches|inaugurated|inaugurates|unveiled|dedicated|released|flagged off"
    r"|laid the foundation|opened|commissioned|introduced|rolled out|administered|signed|ratified"
    r"|presented|tabled|commenced|began|begun|kicked off|concluded|added to|included in"
    r"|tested|test-fired|conducted|developed|built|delivered|inducted|notified|declared"
    r"|designated|inscribed|approved|passed|enacted|announced|set up|established|founded"
    r"|instituted|formed|constituted|upheld|struck down|ruled|discovered)\b",
    re.IGNORECASE,
)
PLACE_RE = re.compile(
    r"\b(?:held|hosted|hosts?|venue|located|situated|lies|took place|takes place|organi[sz]ed"
    r"|will be held|launched from|from the|state of|district of|headquartered|based in"
    r"|commenced|began|kicked off|concluded|World Heritage"
    r"|capital|reserve|sanctuary|national park|Ramsar|wetland|site|inscribed|landfall|off the coast"
    r"|border|between|visit(?:ed|s)?|arrived|summit|port|island|river|lake|dam|temple|fort|city)\b",
    re.IGNORECASE,
)
PARTNER_RE = re.compile(
    r"\b(?:signed|agreement|MoU|memorandum|pact|treaty|accord|exercise|bilateral|joint|summit"
    r"|visit(?:ed|s)?|between|partnership|partner|with|against|defeat(?:ed|ing)?|beat)\b",
    re.IGNORECASE,
)
RANK_RE = re.compile(
    r"\b(?:rank(?:ed|s|ing)?|position|placed?|topped|top|index|Index|out of|among)\b",
    re.IGNORECASE,
)
STAT_RE = re.compile(
    r"\b(?:repo|rate|GDP|growth|inflation|per ?cent|%|crore|lakh|billion|million|outlay"
    r"|allocation|budget|cash prize|denomination|record|tally|medals?|countries|nations|members?"
    r"|seats|votes|satellites|sites|states|districts|reserves|languages|species|length|height"
    r"|capacity|km|kilometres|cost|costs|spent|worth|valued|investment|target|deficit|contracted|expanded|rose|fell"
    r"|increased|decreased|declined|grew)\b",
    re.IGNORECASE,
)
DATE_EVENT_RE = re.compile(
    r"\b(?:founded|established|instituted|set up|formed|constituted|launch\w*|came into"
    r"|approved|ratified|notified|scheduled|due|planned|landed|reached|entered"
    r"|commissioned|signed|enacted|declared|inscribed|elevated|appointed|passed|introduced"
    r"|began|begun|started|commenced|inaugurated|opened|held|hosted|will be held|demoli\w+"
    r"|took oath|sworn|became|won|created|built|discovered|adopted|abolished|celebrated on"
    r"|observed on|observed every|came into force|effective|since)\b",
    re.IGNORECASE,
)
# "the 29th Chief of the Army Staff" stays true; "the Chief of the Army Staff" does not.
NUMBERED_ORDINAL = r"\b\d+(?:st|nd|rd|th)\b"  # "29th", "142nd"
ORDINAL_IN_STEM_RE = re.compile(
    rf"{NUMBERED_ORDINAL}|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth)\b",
    re.IGNORECASE,
)
VOTES_RE = re.compile(r"\bvotes?\b", re.IGNORECASE)
AGE_RE = re.compile(r"\byears? old\b|\byear-old\b|\baged?\b", re.IGNORECASE)
# A plan in the main clause ("X will open"), not in a relative one ("the engine that will").
FUTURE_RE = re.compile(
    r"(?<!that )(?<!which )(?<!who )\b(?:will|shall|is to|are to|set to|going to)\b",
    re.IGNORECASE,
)
# "took charge from Adm. _____": the one who left, not the news.
PREDECESSOR_RE = re.compile(
    r"\b(?:from|after|succeed(?:s|ed|ing)?|replac(?:es|ed|ing)|than)\s+(?:[A-Z][a-z]*\.?\s+){0,2}_{5}"
)
# How much an examiner wants each relation asked, for ranking a fact's questions.
RELATION_VALUE = {
    "holder": 3,
    "award": 3,
    "rank": 3,
    "partner": 2,
    "launch": 2,
    "venue": 2,
    "when": 1,
    "stat": 1,
    "predecessor": 0,
}
POST_OF_RE = re.compile(
    r"\b(?:post of|office of|served as|serves as|appointed as|designated as|took over as"
    r"|sworn in as|elected as|named as)\s+(?:the\s+)?_{5}",
    re.IGNORECASE,
)
PROGRESSIVE_RE = re.compile(r"\b(?:is|are|am)\s+(?:being\s+[a-z]+|[a-z]{2,}ing)\b", re.IGNORECASE)
# "from 8th to 21st November": a day of a month, not the ordinal of a title.
DAY_ORDINAL_RE = re.compile(
    rf"_{{5}}\s*(?:to|till|until|and|-|–)\s*\d|_{{5}}\s+(?:of\s+)?{MONTH_WORD}\b"
    r"|\b(?:from|on)\s+_{5}",
    re.IGNORECASE,
)
# A measure ("196kg", "66.37m", "600 seconds") is asked only as a record of its kind.
MEASURE_RE = re.compile(
    r"\d\s*(?:kg|kgs|m|km|kms|tonnes?|metres?|meters?|seconds?|minutes?|hours?|hrs|am|pm"
    r"|a\.m|p\.m|mm|cm|kmph|km/h|feet|ft)\b\.?$",
    re.IGNORECASE,
)
MEASURED_RECORD_RE = re.compile(
    r"\b(?:longest|highest|heaviest|largest|tallest|deepest|fastest|range|length|height"
    r"|altitude|distance|depth|area|span|capacity)\b",
    re.IGNORECASE,
)
# "his _____ film", "the _____ batch of demands": an ordinal no paper asks, unlike "the 23rd
# Governor", "the fourth title" or "the 37th edition".
MINOR_ORDINAL_RE = re.compile(
    r"_{5}\s+(?:[\w-]+\s+){0,2}?(?:film|movie|book|novel|album|song|child|attempt|batch|day|week"
    r"|minute|occasion"
    r"|round|match|game|goal|innings|lap|stage|phase|over|instalment|installment|tranche"
    r"|wicket|quarter|list|part|case|patient|death|victim|estimate|revised)s?\b",
    re.IGNORECASE,
)
# The state or territory of a post: "sworn in as the Governor of _____".
JURISDICTION_RE = re.compile(
    r"\b(?:Governor|LG|Lieutenant Governor|Chief Minister|Chief Justice|Chief Secretary"
    r"|Administrator|Advocate General|DGP)\s+of\s+(?:the\s+)?_{5}"
)
# A rank says in what: "the Global Gender Gap Index 2024", "the medal tally of the Asian
# Games", "the QS rankings"; "Southern Asia ranks seventh among eight regions" does not.
NAMED_SCOPE_RE = re.compile(
    r"(?-i:[A-Z][\w&'’-]*)(?:\s+(?:of\s+)?(?-i:[A-Z0-9][\w&'’-]*))*\s+(?:index|report|rankings?"
    r"|survey|table|list|tally|championships?|games|cup|olympics?|olympiad|trophy|league|open"
    r"|awards?|review|outlook|census|atlas|barometer|tracker|estimates?)\b"
    r"|\b(?-i:QS|NIRF|GII|GHI|HDI|HCI|WEF|IMD|ICC|FIFA|ATP|WTA|BWF|ISSF|FIDE|IPL|IMF|UNDP|SIPRI)\b"
    r"|\b(?:index|report|rankings?|survey|tally)\b[^.?]*(?-i:[A-Z][\w-]+)",
    re.IGNORECASE,
)
TITLE_AFTER_RE = re.compile(
    r"_{5}\s+(?:[A-Za-z-]+\s+){0,2}?(?:" + ROLE_RE.pattern + r"|edition|title|term|season"
    r"|Test|ODI|century|session|summit|conference|meeting|anniversary)\b",
    re.IGNORECASE,
)
WH_ORDINAL_RE = re.compile(r"\b(?:which|what)\b(?= [\w-])", re.IGNORECASE)
CLOCK_RE = re.compile(r"_{5}\s*(?:am|pm|a\.m|p\.m|hrs|hours|IST)\b", re.IGNORECASE)
# Words that define a thing once and for all: "the first", "the largest", "called", "theme".
# (Not gate.SUPERLATIVE_RE, which says whether a stem names what it is about.)
DEFINING_RE = re.compile(
    r"\b(?:first|largest|biggest|highest|longest|tallest|oldest|youngest|smallest|only"
    r"|named|called|known as|titled|theme|dubbed|christened)\b",
    re.IGNORECASE,
)
AS_OF_EVENT_RE = re.compile(
    r"^As of [^,]+,[^.]*\b(?:will|would|was|were|did|had|moves|arrives|addresses|speaks|meets"
    r"|inaugurates|launches|chairs|visits|interacts|greets|attends|reviews|designates|signs"
    r"|approves|announces|unveils|releases|notifies|declares|wins|adds|names|appoints|receives"
    r"|presents|hands|takes)\b"
)


def _dated(stem: str, answer: str) -> bool:
    """Whether the question says when: a year in its stem or in the key itself."""
    return bool(YEAR_RE.search(stem) or YEAR_RE.search(answer))


def relation(stem: str, answer: str, span_type: SpanType) -> str | None:
    """The exam relation the key stands in, or None when no setter would ask it.

    ``stem`` is what the learner reads (a cloze with its blank, or a wh-question); ``answer``
    is the key."""
    if NOT_ASKED_RE.search(stem):
        return None
    if AS_OF_EVENT_RE.search(stem):
        return None  # "As of May 2024, X will open ...": an event is dated by "In", not "As of"
    if (FUTURE_RE.search(stem) or PROGRESSIVE_RE.search(stem)) and not _dated(stem, answer):
        return None  # "12 more cheetahs will arrive", "leaders are meeting": say when
    if span_type in (SpanType.EVENT, SpanType.COUNTRY) and EXERCISE_CLAIM_RE.search(stem):
        return "exercise"  # "_____ is a joint military exercise between India and France"
    if span_type in (SpanType.PERSON, SpanType.COUNTRY) and ELECTION_CLAIM_RE.search(stem):
        # "In May 2031, _____ won the presidential election in Portugal."
        return "holder" if _dated(stem, answer) else None
    found = _relation(stem, answer, span_type)
    if found is None:
        return None
    if not _dated(stem, answer) and not _lasting(found, stem, span_type):
        return None  # news without a year is a riddle a month later
    return found


# Where a thing is, rather than where something happened.
STATIC_PLACE_RE = re.compile(
    r"\b(?:located|situated|lies|lie|headquartered|based|capital|flows?|spread over|borders?)\b",
    re.IGNORECASE,
)
EVENT_VERB_RE = re.compile(
    r"\b(?:held|hosted|launched|began|begun|commenced|took place|kicked off|concluded|signed"
    r"|opened|inaugurated|visited|arrived|conducted|organi[sz]ed|will|resumed|restarted|reopened"
    r"|started|took off|landed|flew|struck|hit|closed)\b",
    re.IGNORECASE,
)
# Where a one-off act took place needs its year even beside "first" or "known as".
ONE_OFF_RE = re.compile(
    r"\b(?:cyclon\w*|storms?|depression|landfall|inducted|commissioned|unveiled|flagged off"
    r"|dedicated|test-fired|awarded|conferred"
    r"|elected|appointed|sworn|released|announced|approved|notified|declared|included|added"
    r"|designated)\b",
    re.IGNORECASE,
)


def _lasting(found: str, stem: str, span_type: SpanType) -> bool:
    """Whether the relation stays true without a year: "the 48th Chief Justice", "the lake
    lies in Kashmir", "Jnanpith was instituted in 1961". An appointment, a launch, a visit, a
    rank or a figure is news and needs its year."""
    if found in ("holder", "award"):
        return span_type is SpanType.ORDINAL or bool(ORDINAL_IN_STEM_RE.search(stem))
    if found == "venue":  # where a thing lies, or the longest, largest ... of its kind
        static = STATIC_PLACE_RE.search(stem) or DEFINING_RE.search(stem)
        return bool(static) and not (EVENT_VERB_RE.search(stem) or ONE_OFF_RE.search(stem))
    if found == "launch":  # "_____ is India's first lunar sample-return mission"
        return bool(DEFINING_RE.search(stem)) and not EVENT_VERB_RE.search(stem)
    return False


def _relation(stem: str, answer: str, span_type: SpanType) -> str | None:
    if span_type is SpanType.PERSON:
        if PREDECESSOR_RE.search(stem):
            return "predecessor"
        if DEATH_RE.search(stem):
            return "death"  # "In June 2031, Jnanpith awardee _____ passed away in Pune."
        if AWARD_RE.search(stem):
            return "award"
        if HOLDER_RE.search(stem) and ROLE_RE.search(stem):
            return "holder"
        if LAUNCH_RE.search(stem):
            return "launch"
        return None
    if span_type is SpanType.ORDINAL:
        stem = WH_ORDINAL_RE.sub("_____", stem)  # "Which revised estimate ..." as a blank
        if DAY_ORDINAL_RE.search(stem) or MINOR_ORDINAL_RE.search(stem):
            return None
        if RANK_RE.search(stem):
            return "rank" if NAMED_SCOPE_RE.search(stem) else None
        if TITLE_AFTER_RE.search(stem):
            return "holder"  # "the 48th Chief Justice", "his fourth title", "the 11th edition"
        return "stat"  # "the 6th addition to the park was notified": news, so it needs a year
    if span_type in (SpanType.NUMBER, SpanType.MONEY):
        if AGE_RE.search(stem) or CLOCK_RE.search(stem) or VOTES_RE.search(stem):
            return None  # an age changes every year; a time of day, a vote count: no one asks
        if MEASURE_RE.search(answer) and not MEASURED_RECORD_RE.search(stem):
            return None
        if RANK_RE.search(stem):
            return "rank" if NAMED_SCOPE_RE.search(stem) else None
        if STAT_RE.search(stem):
            return "stat"
        return None
    if span_type is SpanType.DATE:
        if DATE_EVENT_RE.search(stem):
            return "when"
        return None
    if span_type is SpanType.COUNTRY:
        if PARTNER_RE.search(stem) or AWARD_RE.search(stem) or CERTIFIED_FREE_RE.search(stem):
            return "partner"
        if PLACE_RE.search(stem):
            return "venue"
        return None
    if span_type is SpanType.PLACE:
        if JURISDICTION_RE.search(stem):
            return "holder"  # "the Lieutenant Governor of _____"
        if PLACE_RE.search(stem) or LAUNCH_RE.search(stem) or AWARD_RE.search(stem):
            return "venue"
        if DEFINING_RE.search(stem):  # "_____ is the largest brackish-water lagoon"
            return "venue"
        return None
    if span_type is SpanType.ORGANISATION:
        if AWARD_RE.search(stem):
            return "award"
        if LAUNCH_RE.search(stem) or HOLDER_RE.search(stem):
            return "launch"
        return None
    if span_type in (SpanType.EVENT, SpanType.TERM):
        if AWARD_RE.search(stem) or LAUNCH_RE.search(stem) or DEFINING_RE.search(stem):
            return "launch"  # "_____ is India's first lunar sample-return mission"
        return None
    if span_type is SpanType.ROLE and POST_OF_RE.search(stem):
        return "holder"  # "X's signatory held the post of _____"
    return None  # a post on its own is a word, not a fact


# A verb telling an event; participles that describe a lasting thing do not count.
PAST_EVENT_RE = re.compile(
    r"\b(?!(?:called|named|located|situated|based|dedicated|related|listed|used|designed"
    r"|considered|regarded|noted|famed|renowned|spread|united|limited|reserved)\b)"
    r"(?:was|were|had|did|[a-z]{3,}ed)\b"
)


def told_without_year(claim: str) -> bool:
    """An event told in the past with no year: "the meeting commenced on October 4". A lasting
    fact ("Wular is the largest freshwater lake in India") needs none."""
    return bool(PAST_EVENT_RE.search(claim)) and not YEAR_RE.search(claim)


# What a current-affairs paper asks of an article: an event (a post filled, a contest won, a
# thing launched or passed, an event held, a figure released, a death) or a record. A sentence
# that tells none of these ("the contingent comprises troops of ...", "the vote count stood
# ...") is background, and its questions are trivia however well formed.
NEWS_EVENT_RE = re.compile(
    r"\b(?:appointed|named|elected|re-elected|sworn[- ]in|took (?:the )?oath|takes? oath"
    r"|took charge|takes? charge|assumed? (?:office|charge)|took over|takes over|became|becomes"
    r"|elevated|nominated|selected|chosen|appointment of"
    r"|won|wins|clinched|bagged|claimed|captured|defeated|beat|awarded|conferred|receive[sd]?"
    r"|presented|honou?red"
    r"|launched|inaugurated|unveiled|commissioned|dedicated|opened|released|introduced"
    r"|rolled out|established|instituted|founded|set up|enacted|passed|approved|notified"
    r"|declared|designated|inscribed|signed|ratified|upheld|announced|tabled"
    r"|held|hosted|hosting|began|begins|commenced|concluded|conducted|kicked off|made landfall"
    r"|ranked|grew|rose|fell|increased|declined|eased|reduced|raised|hiked|cut|pegged|recorded"
    r"|stood at|slipped|dropped|climbed|jumped|topped|retained|secured|scored|finished"
    r"|improved|securing|slid|achieved|placed at"
    r"|lifted off|blasted off|landed|touched down|docked|splashed down|swore|reopened|renamed"
    rf"|{DEATH_WORDS}"
    r"|crowned|pledged|added to|spiked|recommended|test-fired|flight-tested|resigned|gave away"
    r"|bestowed|inducted|carried out|certified|validated|eliminated"
    r"|succeeded|discovered|revised|moved (?:up|down)|jumped|made it to|struck down|refused"
    r"|first|record|highest|largest|oldest|longest|tallest)\b",
    re.IGNORECASE,
)


def tells_news(statement: str) -> bool:
    """Whether a sentence lifted from an article reports what a paper would ask of it."""
    return bool(NEWS_EVENT_RE.search(statement) or EXERCISE_CLAIM_RE.search(statement))
