"""Tidy one sentence into a standalone statement, as an exam statement must read.

:func:`tidy_statement` drops reported-speech tails (", the ministry said"), weekdays and "this
week", leading connectives ("Meanwhile,"), and dates the sentence from the article ("In May
2024, ...") when it only said "on Monday". A sentence that is a quotation or speaks in the
first person is refused (``None``): no question cut from it could stand alone.
"""

from __future__ import annotations

import datetime as dt
import re

from quizmaster import word_lists as gz

ATTRIBUTION_RE = re.compile(
    r",\s*(?:the\s+)?(?:[\w'’-]+\s+){0,6}?(?:said|says|stated|added|informed|noted|announced|"
    r"told (?:reporters|the media|PTI|ANI)|reports?(?: citing [\w ]{1,30})?)"
    r"(?:\s+(?:in|on)\s+(?:a|its|his|her)\s+(?:statement|release|post|press release))?"
    r"(?:\s+on\s+\w+)?\s*(?=[.!]?$)"
    r"|,\s*(?:said|says|stated|added|informed)\s+(?:[\w.'’-]+\s*){1,7}(?=[.!]?$)"
    r"|,\s*(?:reports?|reported|according to)\s+(?:the\s+)?[A-Z][\w.]*"
    r"(?:\s+(?:of\s+)?[A-Z][\w.]*){0,4}(?=[.!]?$)"
)
SAID_THAT_RE = re.compile(
    r"^(?:[\w'’.-]+\s+){1,8}?(?:said|stated|informed|noted|announced|added|observed|stressed)"
    r"(?: on \w+)?"
    r"(?: in (?:a|its|his|her) (?:statement|release|press release))?,?"
    r"\s+(?:that\s+|(?=(?:the|The|India|[A-Z][a-z]+ [A-Z])\b))"
    r"|^(?:According to|As per) [^,]{3,80},\s+"
)
RELATIVE_TIME_RE = re.compile(
    rf",?\s*\b(?:on|last|this|next|late on|early on)\s+{gz.WEEKDAY}"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    rf"|,?\s*\b(?:earlier|early|later)\s+this\s+(?:week|month)\b"
    rf"|,?\s*\b(?:(?:early|late|earlier) )?(?:today|yesterday|tonight|last night|this morning"
    rf"|on\s+Monday-Tuesday)\b(?!['’])"
    # "commenced in Gwalior Friday, focusing on ...": a bare weekday after a place
    rf"|(?<=[a-z]) {gz.WEEKDAY}(?=[,.;])"
    # "the Nobel Prize in physics Tuesday for ...", "released Friday by", "was Tuesday named"
    # "Recently, the Vice President ...", "the recently released index": the page's now
    r"|^(?:Recently|Very recently),\s+|(?<=\bthe) recent(?= [A-Z])"
    r"|(?<=[a-z]) recently(?: (?:released|launched|published|unveiled|concluded|held)\b)?"
    r"(?= [a-z]+ed\b| [A-Z])"
    rf"|(?<=[a-z]) {gz.WEEKDAY}(?: (?:morning|afternoon|evening|night))?"
    r"(?= (?:for|to|in|at|by|after|as|with|and|from)\b)"
    rf"|(?:(?<=\bwas)|(?<=\bwere)|(?<=\bhas)|(?<=\bhave)|(?<=\bhad)) {gz.WEEKDAY}(?= [a-z])"
)
# "at a function held at Raj Bhavan here", "in the presence of the Chief Minister": where and
# before whom, told by a reporter on the spot; the claim stands without it.
OCCASION_RE = re.compile(
    r"\s+(?:at|during) (?:a|an|the) (?:[\w-]+ ){0,2}(?:function|ceremony|event|programme|program"
    r"|gathering|press conference|briefing)\b(?: (?:held|organi[sz]ed|hosted) (?:at|in)"
    r" (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3})?(?: here| there)?(?=[,.;]|$)"
    r"|\s+(?:here|there)(?=[.;]|$)|,?\s+in the presence of [^.;]+(?=[.;]|$)"
)
# "on Thursday, 1 February": the date says when; the weekday goes, "on" stays.
WEEKDAY_BEFORE_DATE_RE = re.compile(
    rf"\b([Oo]n) {gz.WEEKDAY},? "
    rf"(?=\d{{1,2}}(?:st|nd|rd|th)? (?:{gz.MONTH_PATTERN})\b|(?:{gz.MONTH_PATTERN}) \d)"
)
LEADING_CONNECTIVE_RE = re.compile(
    r"^(?:Meanwhile|However|Also|Further|Furthermore|Moreover|Besides|Additionally|Notably|"
    r"Previously|Later|Subsequently|Separately|Globally|Overall|As a result|Consequently|"
    r"Accordingly|In turn|Following this|With this|In particular|"
    r"Significantly|Interestingly|In addition|At the same time|On the occasion|Before that|"
    r"After that|Apart from this|Besides this|In this regard|For this|"
    r"Earlier(?: in the day| this (?:week|month|year))?|On \w+day|Last \w+day"
    r"|Later in the (?:day|evening|night)),\s+"
    r"|^(?:But|And|So|Yet|Still|Thus|Hence|Therefore|Also)\s+(?=[a-z])"
)
# A report's hype before the news: "In a groundbreaking achievement, India launched ...",
# "In a historic moment, producer X won ...", "In a breakthrough for Japanese politics, ...".
HYPE_OPENER_RE = re.compile(
    r"^(?:In|With) an? (?:historic|unprecedented|groundbreaking|landmark|path-?breaking"
    r"|momentous|major|remarkable|significant|proud|breakthrough)(?: [\w-]+){0,3}"
    r"(?: for [^,]{1,40})?,\s+(?=\S)"
)
FIRST_PERSON_RE = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b")
# The reporter's colour, not the fact: "the prestigious award", "a staggering cost".
COLOUR_RE = re.compile(
    r"\b(?:most )?(?:prestigious|coveted|iconic|legendary|staggering|whopping|glittering"
    r"|spectacular|remarkable|historic|much-awaited|raucous|dramatic|contentious|one-sided"
    r"|stunning|thrilling|nail-biting|fantastic|superb|brilliant|sensational|incredible"
    r"|esteemed|magnificent|splendid|emphatic|scintillating|dominant|clinical|resurgent"
    r"|much[- ]awaited|hotly contested|controversial)\s+(?=[\w₹$])"
    r"|\b(?:a )?cool\s+(?=[\d₹$£€])",
    re.IGNORECASE,
)
QUOTE_CHARS = '"“”'


# Past this many words a sentence sheds its asides before it becomes a statement.
SHORTEN_OVER_WORDS = 24
# ", which is the country's largest ...," / ", who was earlier ...,": an aside between commas.
# A comma between digits ("24,162 people") is part of a number, not the aside's end.
ASIDE_RE = re.compile(r",\s+(?:which|who|whose|where)\s+(?:[^,]|(?<=\d),(?=\d)){3,120},(?!\d)\s*")
# A tail that only comments on what the sentence said.
TAIL_RE = re.compile(
    r",\s+(?:marking|making|taking|bringing|becoming|underscoring|highlighting|enabling|"
    r"reflecting|signalling|signaling|aimed at|with an? (?:aim|view|objective|focus)|"
    r"in a bid to|in order to|so as to|thereby|further|which|as part of|amid|following|"
    r"according to|up from|down from)\b.*$"
    r"|\s+(?:when|while|whereas|as|after|before)\s+(?:he|she|it|they|its|his|her|their)\b.*$"
    r"|\s+with an? (?:aim|view|objective) (?:to|of)\b.*$"
    r"|\s+up from\b.*$"
)
# "(Launch Vehicle Mark-3, fifth operational mission)": an aside in brackets, not an acronym.
BRACKET_ASIDE_RE = re.compile(r"\s*\((?=[^)]*\s)[^()]{12,}\)")
LEAD_RE = re.compile(
    r"^(?:During|Prior to|Speaking|Addressing|On the occasion of|On the sidelines of|While|"
    r"As part of|Amid|Following|After|Under|With|In line with|In keeping with|In a bid|"
    r"In an effort|"
    r"(?-i:[A-Z][a-z]+ing)|In an? (?:big |major |significant |landmark |historic |defining )?"
    r"(?:boost|move|step|moment|development|milestone|first|push|shot in the arm|occasion"
    r"|day|win|victory|feat))\b"
    r"[^,\d]{3,90},\s+(?=[A-Za-z])"
)


def shorten(text: str) -> str:
    """The sentence without its asides, comment tails and scene-setting lead: what remains
    is the claim ("X, which is ..., won Y, marking ..." -> "X won Y")."""
    end = text[-1] if text[-1] in ".!?" else ""
    body = text[:-1] if end else text
    body = ASIDE_RE.sub(" ", body)
    body = BRACKET_ASIDE_RE.sub("", body)
    body = TAIL_RE.sub("", body)
    body = LEAD_RE.sub("", body)
    body = re.sub(r"\s{2,}", " ", body).strip(" ,")
    return (body[0].upper() + body[1:] + (end or ".")) if body else text


def month_year(date: str | None) -> str | None:
    if not date or not re.match(r"^\d{4}-\d{2}", date):
        return None
    day = dt.date(int(date[:4]), int(date[5:7]), 1)
    return f"{day:%B} {day.year}"


TOLD_DAY_RE = re.compile(rf"\b(?:(?P<weekday>{gz.WEEKDAY})|(?P<yesterday>yesterday|last night))\b")


def _told_day(text: str, date: str | None) -> str | None:
    """The day a sentence's "on Tuesday" or "yesterday" names, counted back from the page's
    date: a paper of Wednesday 1 May tells of Tuesday 30 April, so the month is April."""
    found = TOLD_DAY_RE.search(text)
    if not date or found is None or not re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        return date
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return date
    if found.group("yesterday"):
        return (day - dt.timedelta(days=1)).isoformat()
    named = gz.WEEKDAYS.index(found.group("weekday"))
    if re.search(r"\bnext\s+$", text[: found.start()]) or re.search(r"\bwill\b", text):
        return (day + dt.timedelta(days=(named - day.weekday()) % 7)).isoformat()  # ahead
    return (day - dt.timedelta(days=(day.weekday() - named) % 7)).isoformat()


QUOTED_NAME_RE = re.compile(r"[\"“‘']((?:[A-Z][\w.-]*)(?:\s+[A-Z0-9][\w.-]*){0,3})[\"”’']")


def tidy_statement(
    sentence: str, date: str | None, *, bullet: bool = False, lead: bool = True
) -> str | None:
    """The sentence as a standalone exam statement, or None when it cannot be one: a
    quotation, the first person, (outside a list) a headline with no full stop, or a past
    event with no year outside the article's lead (the page's date would misdate it; the
    lead is the news, dated from the page where it has a date)."""
    sentence = QUOTED_NAME_RE.sub(r"\1", sentence)
    if any(c in sentence for c in QUOTE_CHARS) or FIRST_PERSON_RE.search(sentence):
        return None
    if not bullet and not sentence.rstrip("'’\"”)").endswith((".", "!")):
        return None
    text = SAID_THAT_RE.sub("", SAID_THAT_RE.sub("", sentence))  # "A added that B said that"
    text = text[:1].upper() + text[1:]
    text = LEADING_CONNECTIVE_RE.sub("", text)
    text = HYPE_OPENER_RE.sub("", text)
    text = text[:1].upper() + text[1:]
    text = ATTRIBUTION_RE.sub("", text)
    text = COLOUR_RE.sub("", text)
    text = WEEKDAY_BEFORE_DATE_RE.sub(r"\1 ", text)
    if date and re.match(r"\d{4}", date):
        year = int(date[:4])
        # "in April this year" -> "in April 2024", never "in April in 2024"
        text = re.sub(rf"\b({gz.MONTH_PATTERN}) (?:this|the current) year\b", rf"\1 {year}", text)
        text = re.sub(rf"\b({gz.MONTH_PATTERN}) last year\b", rf"\1 {year - 1}", text)
        # "this year's" awards are often the last year's: the possessive is left to the gate
        text = re.sub(r"\b(?:in |of )?(?:this|the current) year\b(?!['’]s)", f"in {year}", text)
        text = re.sub(r"\b(?:in )?last year\b(?!['’]s)", f"in {year - 1}", text)
    if len(text.split()) > SHORTEN_OVER_WORDS:
        text = shorten(text)
    else:  # "Considering the economic factors, ...": scene-setting, whatever the length
        text = LEAD_RE.sub("", text)
        text = text[:1].upper() + text[1:]
    if (
        date
        and re.match(r"\d{4}", date)
        and not YEAR_IN_TEXT_RE.search(text)
        and not EVERY_YEAR_RE.search(text)
    ):
        # "on October 29": the article's year, said, so the statement is dated.
        text = DAY_OF_MONTH_RE.sub(lambda m: f"{m.group(0)}, {date[:4]}", text, count=1)
    dated = RELATIVE_TIME_RE.search(text) is not None
    day = _told_day(text, date) if dated else date
    text = OCCASION_RE.sub("", RELATIVE_TIME_RE.sub("", text))
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip(" ,;")
    if not text:
        return None
    if text[-1] not in ".!?":
        text += "."
    text = text[0].upper() + text[1:]
    undated = PAST_RE.search(text) and not YEAR_IN_TEXT_RE.search(text)
    if undated and not bullet and not lead:
        return None
    return _dated(text, month_year(day), relative=dated)


# What a present-tense statement says that can change: a number, a rank, a post's holder.
CHANGES_RE = re.compile(
    r"\d|\b(?:first|second|third|fourth|fifth|top|rank\w*|position|place|chief|head|chair\w*|"
    r"minister|secretary|governor|president|director|captain|number|total|tally|count)\b",
    re.IGNORECASE,
)
# "held on April 18 each year": a day of every year, not of the article's
EVERY_YEAR_RE = re.compile(r"\b(?:each|every) year\b|\bannually\b|\byearly\b")
DAY_OF_MONTH_RE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) \d{1,2}\b(?!,? \d{4}|\d|\s*[-–]\s*\d)"
)
# The main clause's present ("X is an exercise ..."), not a relative clause's ("which is held").
PRESENT_RE = re.compile(r"(?<!which )(?<!who )(?<!that )\b(?:is|are)\b")
YEAR_IN_TEXT_RE = re.compile(r"\b(?:1[89]|20)\d{2}\b")
PAST_RE = re.compile(
    r"\b(?:was|were|had|did|won|took|began|became|held|met|led|made|gave|set|rose|fell|died|"
    r"beat|lost|broke|drew|fought|struck|threw|wrote|chose|spent|sold|built|"
    r"[a-z]{3,}ed)\b"
)


# "a 1989 batch IAS officer", "1995-batch": a civil servant's cohort, not a date of the news.
BATCH_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}[- ]batch\b", re.IGNORECASE)


def _dated(text: str, when: str | None, *, relative: bool) -> str:
    """A statement with no year gets the article's month: news must say when it was true."""
    if when is None or re.search(r"\b(?:1[89]|20)\d{2}\b", BATCH_YEAR_RE.sub("", text)):
        return text  # a year is told; "a 1989 batch IAS officer" tells none of the event's
    if EVERY_YEAR_RE.search(text) and PRESENT_RE.search(text):
        return text  # "The Subroto Cup is held every year in New Delhi": no month's news
    if not relative and re.search(
        rf"\b(?:{gz.MONTH_PATTERN}) \d{{1,2}}\b|\b\d{{1,2}} (?:{gz.MONTH_PATTERN})\b", text
    ):
        return text  # "on October 29": a day of the article's own year, said plainly
    if re.search(r"\bwill\b", text):
        return text  # "As of May 2024, X will open ...": a plan is not dated that way
    past = PAST_RE.search(text)
    present = PRESENT_RE.search(text)
    if past and not (present and present.start() < past.start()):
        lead = "In"  # "X is an exercise conducted ...": "is" tells it, not the participle
    elif CHANGES_RE.search(text):
        lead = "As of"  # a count, a rank or a holder: true as of the article's date
    else:
        return text  # "The Ganga is the longest river in India" needs no date
    first = text[0].lower() if _lower_ok(text) else text[0]
    if lead == "In":  # "In May 2024, X has won ..." reads wrong: the date wants the past
        text = simple_past(text)
    return f"{lead} {when}, {first}{text[1:]}"


# Participles whose simple past differs; a regular "-ed" participle is its own past.
IRREGULAR_PAST = {
    "become": "became",
    "begun": "began",
    "taken": "took",
    "given": "gave",
    "won": "won",
    "made": "made",
    "held": "held",
    "set": "set",
    "hit": "hit",
    "met": "met",
    "led": "led",
    "sworn": "swore",
    "chosen": "chose",
    "grown": "grew",
    "risen": "rose",
    "fallen": "fell",
    "shown": "showed",
    "written": "wrote",
    "seen": "saw",
    "done": "did",
    "got": "got",
    "gotten": "got",
    "paid": "paid",
    "built": "built",
    "sent": "sent",
    "spent": "spent",
}
PRESENT_PERFECT_RE = re.compile(
    r"\b(has|have) ((?:[a-z]+ly |also |already )?)"
    r"(been|[a-z]+ed|" + "|".join(IRREGULAR_PAST) + r")\b"
)


def simple_past(text: str) -> str:
    """ "X has clinched ..." -> "X clinched ...", "have been named" -> "were named",
    "has officially opened" -> "officially opened"."""

    def past(match: re.Match[str]) -> str:
        adverb, verb = match.group(2), match.group(3)
        if verb == "been":
            be = "was" if match.group(1) == "has" else "were"
            return f"{be} {adverb.strip()}" if adverb else be  # "was also named"
        return adverb + IRREGULAR_PAST.get(verb, verb)

    return PRESENT_PERFECT_RE.sub(past, text, count=1)


def _lower_ok(text: str) -> bool:
    """'The index ...' may become 'In May 2024, the index ...'; 'India ...' may not."""
    first = text.split(" ", 1)[0].rstrip(",;:")
    if first in ("The", "A", "An") or first in gz.COMMON_CAPITALISED or first in LOWER_AFTER:
        return True
    if re.fullmatch(r"[A-Z][a-z]+-(?:year|month)-old", first):
        return True  # "In January 2022, fourteen-year-old X became ..."
    if re.fullmatch(r"[A-Z][a-z]+(?:ing|ly|ed)", first) is None:
        return False
    # "Speaking at ...", "Located in ...", never "Mohamed Muizzu" or "Javed Akhtar"
    rest = text.split(" ", 2)[1:2]
    return not (rest and rest[0][:1].isupper())


LOWER_AFTER = frozenset(
    "Besides With Apart While Among During After Before Despite Since Two Three Four Five Six "
    "Seven Eight Nine Ten Eleven Twelve Several Many Some All Both "
    # a description before a name: "In May 2023, long-time kingmaker Bola Tinubu ..."
    "Veteran Long-time Longtime Former Legendary Senior Noted Eminent Renowned Famous Popular "
    "Acclaimed Celebrated Iconic Ace Actor Actress Singer Author Writer Novelist Filmmaker Poet "
    "Scientist Industrialist Businessman Cricketer Footballer Boxer Wrestler Shooter Sprinter "
    "Athlete Economist Journalist Lyricist Musician Composer Dancer Playwright Historian "
    "Incumbent Star Mountaineer Skipper Captain Striker Batter Bowler Pacer Spinner Retired "
    "Outgoing Newly".split()
)
