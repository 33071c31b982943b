"""The quality gate: the machine-checkable rules of the question rubric.

:func:`defects` names what is wrong with one generated question, in the rubric's terms; a
question with any defect is never shown. The rules, one constant or function each:

- no page leftovers (datelines, agency tags, "Main Point :-", list markers, links);
- nothing that needs the article to make sense ("this", "the agreement", "on Monday", "said");
- an examinable, whole key (no possessive, no cut name, no weekday, no lone month);
- no answer words, and no initials only the key matches, in the stem;
- options pairwise distinct once "&"/"and", case and punctuation are set aside, and of the
  key's type and form (a state for a state, a full name for a person, "17th" for "17th");
- short, exam-style stems and statements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizmaster import places
from quizmaster import word_lists as gz
from quizmaster.generate.contest_results import ELECTION_CLAIM_RE
from quizmaster.generate.distractors import _infer_type, _value_form, place_kind
from quizmaster.generate.exam_relations import (
    CERTIFIED_FREE_RE,
    NUMBERED_ORDINAL,
    ORDINAL_IN_STEM_RE,
    PAST_EVENT_RE,
    RANK_RE,
    ROLE_RE,
    YEAR_RE,
    relation,
    tells_news,
    told_without_year,
)
from quizmaster.generate.military_exercises import CLAIM_RE as EXERCISE_CLAIM_RE
from quizmaster.generate.military_exercises import PARTNER_RE as EXERCISE_PARTNER_RE
from quizmaster.generate.news_frames import is_framed, is_trimmed
from quizmaster.generate.text import (
    BLANK,
    COMBINATION_RE,
    ORDINAL_WORD_RE,
    gives_away,
    norm,
)
from quizmaster.generate.typo_check import capital_after_date, misspelt
from quizmaster.generate.values import parse_ordinal
from quizmaster.models import Fact, KeySpan, Question, SpanType
from quizmaster.word_lists import CRICKET_NATIONS, ROLE_WORDS, STOPWORDS

MONTH_NAME_RE = re.compile(rf"\b{gz.MONTH_WORD}\b\.?", re.IGNORECASE)
VALUE_TYPES = (SpanType.NUMBER, SpanType.MONEY, SpanType.DATE, SpanType.ORDINAL)
MAX_STEM_WORDS = 32
MIN_STEM_WORDS = 8
MAX_STATEMENT_WORDS = 25
MIN_CLAIM_WORDS = 7
MAX_KEY_WORDS = 8

LEFTOVER_RE = re.compile(
    r"\((?:PTI|ANI|IANS|UNI|KUNA|AFP|AP|Reuters|WAM|Xinhua|ENS|TNN|HT|UPI)\)|\bMENAFN\b"
    r"|\b(?-i:PTI|ANI|IANS|UNI|Reuters) (?:reported|said|reports)\b"
    # "TIL Desk/National/", "''Agra is ...", "was (September 24, 2019) conferred"
    r"|\bDesk\s*/|''|\((?:on )?(?-i:[A-Z][a-z]+) \d{1,2},? \d{4}\)(?:\s+(?-i:[a-z])|,)"
    # "Modi, July 16, 2022 inaugurated": a date set in the sentence, or left dangling at its end
    r"|, (?-i:[A-Z][a-z]+) \d{1,2}, \d{4}\.$|(?-i:\bthe an?\b)"
    r"|(?-i:[a-z]), (?-i:[A-Z][a-z]+) \d{1,2}, \d{4} (?-i:[a-z])"
    r"|\bMain Points?\b|\bKey (?:Points?|Facts|Highlights)\s*[:-]|:-|\s--\s|\(\s*[ivx]{1,4}\s*\)"
    r"|\bAdvertis|\bRead (?:more|also)\b|\bAlso read\b|https?://|www\.|\bClick here\b"
    r"|\[[A-Z][\w ]*\]|\bdate \d{4}-\d{2}|\bStory continues\b|\bNext Article\b|<[a-z/][^>]*>"
    # "the 14th Vice President of India1.": a footnote's number glued to a word
    r"|(?-i:[a-z]{3}\d)(?=[.,;]?(?:\s|$))"
    r"|\bPhoto\s*:|\bImage\s*:|\bFile photo\b|\bUpdated\s*:|\bPublished\s*:"
    r"|(?<![\w.])[@#][A-Za-z]\w+|pic\.twitter|\breports? citing\b|\bNews\.\w+"
    r"|[\u2190-\u2bff\U0001f000-\U0001faff]|^\s*(?:[IVX][ivx]{0,3}|[ivx]{1,4})\.\s"
    r"|\bNote\s*:|\bWhat['’]s the story\b|/[A-Z]{2,6}/|\bIn response\b|[\w)]:\s+(?-i:[A-Z])"
    r"|\b\d+ (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"|(?-i:[a-z]),(?-i:[A-Z][a-z])|\.,|\b(?:19|20)\d{2} (?:released|announced|unveiled)\.?$"
    rf"|, (?:{gz.MONTH_WORD} \d{{1,2}}|\d{{1,2}} {gz.MONTH_WORD})\.?$|(?-i:[a-z])(?:19|20)\d{{2}}\b"
    rf"|(?-i:[A-Z][a-z]+), {gz.MONTH_WORD}\.? \d{{1,2}} (?-i:[A-Z])"
    r"|^(?:In|As of) \w+ \d{4}, (?-i:[A-Z]{4,})\b"
    r"|\b(?:from|to|of|at|by|with|for|the|and|a day)[.?]$|\) (?:morning|afternoon|evening|night)\b"
    r"|(?-i:[a-z]),(?-i:[a-z])|\b(?:on|in|at)(?-i:[A-Z][a-z]{2,})|(?-i:[a-z]{3,}[A-Z][a-z]{3,})"
    r"|^(?-i:But|And|So|Yet|Also) |^That['’]s it\b"
    r"|\b(?-i:of|in|to|by|for|with|at) (?-i:The) (?-i:[a-z])"  # "Which of The country PM"
    # "On July 4, in 2021,", "(ECTA)on the", "Rankings 2023, released."
    r"|\d{1,2}, in (?:19|20)\d{2}\b|\)(?-i:[a-z])|, (?:released|announced|published)\.$"
    r"|\b(?:at in|in at|on in|at on)\b"  # "the award at in 2016's Grammys"
    # "In April 2023, the reactor goes into operation": a headline's present under a date
    r"|^(?:In|As of) \w+ \d{4}, [^.]*\b(?-i:goes|comes|opens|becomes|gets|takes|hits|reaches"
    r"|enters|loses|beats)\b"
    # "_____ has conferred the 54th Jnanpith", "Prime Minister afternoon.", "Only in _____",
    # "(Bill)", "Distt"
    r"|_{5} (?:has|have) conferred\b|(?-i:[A-Z][a-z]+) (?:morning|afternoon|evening)\.$"
    r"|^Only in\b|\((?-i:Bill|Act|Law|Rules)\)|\bDistt\b"
    r"|^(?:In|As of) \w+ \d{4}, by (?-i:[A-Z])"  # "In June 2022, by Ashoke Raj ...": a byline
    # "Vajpayee's took oath", "Doha, Qatar – Six years ...": a name's possessive as subject, a
    # dateline with a dash
    r"|['’]s (?-i:took|was|were|has|had|is)\b|^[A-Z][a-z]+, [A-Z][a-z]+ [–—-] "
    # ",." "'Tomb of Sand.'." ", June.": punctuation or a date cut short at the end
    rf"|,\.$|[.!?]['’\"”]\.$|, {gz.MONTH_WORD}\.$"
    # "Mars.The first", "from in 2023", ", reported The Hindu", "published ranked"
    r"|(?-i:[a-z]{2})\.(?-i:[A-Z][a-z])|\b(?:from|of|to) (?:in|on)\b(?![\w-])"
    r"|,? reported (?:by )?(?-i:[A-Z])|\b(?:published|released|issued) (?-i:[a-z]+ed)\b"
    r"|\d+\s*min read\b|, (?-i:The|A|An) |\((?:Sputnik|TASS|Xinhua|IANS|ANI|PTI)\)"
    r"|\b\d{1,2}:\d{2}\s*(?:AM|PM|IST|hrs)\b|\bUpdate\s*\(|^[A-Z][a-z]+, [A-Z][a-z]+:\s"
    r"|\b(?-i:Ii|Iii|Iv|Vi|Vii|Viii|Ix)\.\s|[•▪●►■◆]|\b(\w{3,}) \1\b"
    rf"|\({gz.MONTH_WORD} \d{{1,2}}\)"
    # a photo's caption: "Maryna Viazovska (R) receives ...", "(second from left)"
    r"|\((?-i:[LRC]|L-R|R-L)\)|\((?:(?:\w+ )?from )?(?:left|right|centre|center)\)",
    re.IGNORECASE,
)
# "New Delhi, May 13 ..." / "NEW DELHI, Feb 25 ..." at the start: a dateline, not a sentence.
DATELINE_START_RE = re.compile(
    r"^[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}(?: \[[^\]]+\])?,\s+"
    rf"(?:{gz.MONTH_WORD}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{gz.MONTH_WORD})\b"
)
# Words that point back into the article, or report speech rather than state a fact. "The
# Centre" is India's Union government; "the centre" is one the article described.
LEANING_RE = re.compile(
    r"\b(?:(?-i:[Tt]his|[Tt]hese|[Tt]hose|[Tt]hey|[Tt]hem|[Ww]e|[Oo]ur|us)"
    r"|(?:^|(?<=:\s)|(?<=,\s))(?-i:It|Its|He|She|His|Her|Their)\b|(?-i:he|she|they)"
    r"|the (?:eminent|veteran|late|renowned|noted|legendary|celebrated|iconic|erstwhile)\b"
    r"|\b(?:in|to) (?:his|her|their) place\b|\bamong the \d+ (?:are|is|were)\b"
    r"|\b(?:today|yesterday|this year|last year)['’]s\b|\bprevious best\b|\bmeanwhile\b"
    # "The three-time National Award winner will receive ...": who, the article said before
    r"|^(?:(?:In|As of) \w+ \d{4}, )?[Tt]he (?:[\w-]+ ){0,3}"
    r"(?:winner|champion|awardee|laureate)s?\b(?!\s+(?-i:[A-Z]))"
    r"|the (?:agreement|pact|deal|exercise|mission|scheme|meeting|summit|event|programme|program"
    r"|initiative|project|report|index|list|award|ceremony|move|decision|policy|plan|proposal"
    r"|ministry|government|company|firm|state|country|city|court|bench|bank|committee|body"
    r"|organisation|organization|panel|team|official|officials|minister|department|board"
    r"|council|(?-i:centre|center)|union|party|agency|authority|institute|site|sites|facility|plant"
    r"|station|vessel|ship|satellite|rocket|spacecraft|mission's|duo|pair|two|three|latter"
    r"|former|same|above|following|said|new|newly|latest|previous|current|last|next"
    r"|tunnel|office|building|bridge|expressway|highway|temple|road|tournament|match|series"
    r"|championship|cheetah|cheetahs|animal|animals|species|bird|birds|festival|film|book"
    r"|novel|honour|honor|ranking|survey|census|helicopter|aircraft|missile|tank|reserve|park"
    r"|sanctuary|island|city|town|district|village|region|party|contest|competition|edition"
    r"|launch|test|trial|flight|operation|visit|trip|talks|dialogue|meet|conference|session"
    r"|scheme's|project's|country's|state's|government's|company's|ministry's|hosts|visitors"
    r"|dispute|verdict|case|bill|bills|parade|order|attack|strikes|merger|deal|accident|incident"
    r"|blast"
    r"|governor|chief minister|probe agency|investigating agency|apex court|top court|awards)"
    r"(?!\s+of\b|\s+(?-i:[A-Z])|[\w-])"
    r"|(?:both|two|three) (?:sides|countries|nations|leaders|teams|navies|armies|forces|states)"
    r"|the (?:countries|nations|members|participants|parties|signatories)\b(?!\s+of\b)"
    r"|newly|recently|currently|presently|so far|till date|to date|as of now|right now|now"
    # "the 10-day event", "the second edition", "the international exercise": which one?
    r"|\bsince then\b|the (?:(?-i:[a-z0-9][\w-]*) ){1,2}(?:event|exercise|edition|parade"
    r"|festival|bills|summit|mission|tournament|championship|operation|ceremony)\b"
    r"(?!\s+of\b|\s+(?-i:[A-Z])|[\w-])"
    r"|earlier|today|tonight|yesterday|tomorrow|this (?:week|month|year)|last (?:week|month|year)"
    rf"|next (?:week|month|year)|on {gz.WEEKDAY}|{gz.WEEKDAY}"
    r"|said|says|saying|added(?=\s*(?:that\b|[,.]|$))|stated|told|informed"
    r"|noted(?=\s*(?:that\b|[,.]|$))"  # "as he noted", not "noted poet"
    r"|announced that|according to|as per"
    r"|also(?! known| called| referred)"
    r"|here|there)\b",
    re.IGNORECASE,
)
# What only the article can say which one it is: "the House", "the 1982 edition", "in its
# report", "the Filipino leader", "Government has approved", "declared it", "back in 2018".
# A sport, an event or a sportsperson's kind: what makes a medal or a championship one.
SPORT = (
    r"(?:boxing|wrestling|athletics|badminton|shooting|chess|swimming|aquatics|weightlifting"
    r"|archery|judo|table tennis|gymnastics|cycling|rowing|taekwondo|fencing|skating|javelin"
    r"|hockey|football|cricket|tennis|kabaddi|marathon|\d+ ?(?:m|kg|km)\b|metres?|boxer"
    r"|wrestler|shuttler|shooter|swimmer|lifter|archer|sprinter|thrower|paddler|hurdles"
    r"|fifa|icc|odi|t20|rugby|wickets?|innings|goals?|penalt\w*|golf|squash|polo|volleyball"
    r"|basketball|baseball|netball|handball|snooker|billiards)"
)
CONTEXT_RE = re.compile(
    r"\bthe (?:house|assembly|pm|leader|leaders|organi[sz]ers|bureau|regulator|watchdog|panel"
    r"|bloc|grouping|global organi[sz]ation)\b(?!\s+of\b|\s+(?-i:[A-Z])|[\w-])"
    # "The current Railway Board chairperson ...": current when? (a dated stem says)
    r"|^(?!As of |In \w+ \d{4}, ).*\b[Tt]he current (?!year|account|financial|fiscal)"
    # "the just-concluded elections", "in the previous month", "the 45,000 tonne carrier"
    r"|\b(?:just|recently)[- ]concluded\b|\bthe (?:previous|last|next|following) month\b"
    r"|\bof late\b"
    # "As of November 2023, at 78, X is Liberia's new president": new as of when it was
    # news, and an age that the page's date fixed
    r"|^As of [^,]+, at \d{2,3},|^As of .*\b(?:is|are) (?:\w+['’]s )?new\b"
    r"|\b(?:for|in|over) the (?:last|past) (?:\d+|_{5}) (?:days|weeks|months|years)\b"
    # "his country's second title", "honoured esteemed personalities", "The 2023 _____
    # winners were announced": whose country, which people, who won?
    r"|\b(?:his|her|their) country['’]s\b|\bhonou?red (?:the )?(?:\w+ )?personalities\b"
    # "The Tiger Reserve was set up ...", "it ranked 128th", "the 1,157-metre-long bridge",
    # "had that time won": which reserve, what ranked, which bridge, what time?
    r"|\b(?-i:[Tt]he) (?-i:Tiger Reserve|Joint Exercise|National Park|Wildlife Sanctuary"
    r"|Sanctuary|Exercise|Mission|Scheme|Yojana|Bridge|Project|Summit|Agreement|Treaty|Index"
    r"|Report|Committee|Commission|Tribunal|Award|Prize|Festival|Union Territory|UT)\b"
    r"(?!\s+(?:of|for|on)\b)"
    r"|\b(?-i:it) (?:ranked|was|is|has|had|won|became|stood|fell|rose|slipped|climbed)\b"
    r"|\bthe [\d,.]+-(?:metre|meter|km|kilometre|foot|feet|tonne|ton|storey|MW)(?:-long|-tall)?"
    r" (?-i:[a-z]+)\b|\bthat time\b"
    # "Mr. _____ returned to parliament", "the Indian Ocean island nation's seventh president"
    r"|\b(?-i:Mr|Mrs|Ms)\.? (?:_{5}|(?-i:[A-Z]))|\bthe (?:[\w-]+ ){0,3}nation['’]s\b"
    # "The newly sworn in Chief Justice", "the Prime Minister had launched", "The next MPC
    # meeting", "in the capital": of which country, which one?
    r"|^(?-i:The) (?:newly|next)\b|\bin the capital\b(?! of)"
    r"|\bthe (?-i:Prime Minister|President|Chief Minister|Governor|Chief Justice)\b"
    r"(?!\s+(?:of\b|(?-i:[A-Z])))"
    r"|_{5} (?:winners|awardees|recipients|laureates) (?:were|was|have been|are) announced\b"
    r"|\bset to become\b|\bonce (?:complete|completed|operational|ready)\b"
    # "a short while ago", "India last won ... at 2012": counted from the day it was written
    r"|\b(?:a (?:short )?while|a few (?:hours|minutes|days)|\d+ (?:hours|minutes)) ago\b"
    r"|\blast (?:won|held|hosted|reached|qualified)\b"
    r"|\bthe [\d,.]+[- ](?:tonnes?|tons?|km|kilometres?|metres?|m|feet|foot|MW|GW|crore|lakh)"
    r" (?-i:[a-z]+)\b"
    # "the Senate elected ...": of which country? "Which edition was ...": of what?
    r"|\bthe (?-i:Senate|Parliament|National Assembly)\b(?!\s+of\b)"
    r"|^(?:(?:In|As of) \w+ \d{4}, )?(?:Which|The _{5}) (?:edition|phase|round|session|stage|leg)\b"
    r"(?!\s+of\b)"
    # The blank in an aside ("X, which was commissioned in _____, spans ..."): a side fact
    r"|,\s*(?:which|who|whose|where)\b[^,]*(?:_{5}|\bhow (?:many|much)\b|\bwhich year\b)[^,]*,"
    # The blank in a scene-setting clause: "As Minister _____ presented the Budget, the ..."
    r"|^(?:(?:In|As of) \w+ \d{4}, )?(?:As|While|When|With) [^,]*_{5}[^,]*,"
    r"|\bone of the great(?:est)?\b"
    # "the 2023 World Championships" of which sport? "inscribed" on what list? "the rare feat",
    # "the warship", "the 9-km section": what the article named before.
    rf"|^(?![^?]*\b{SPORT})[^?]*\bthe (?:\d{{4}} )?World (?:Championships?|Cup)\b(?! of\b)"
    # "_____ had won bronze at the 2014 Asian Games": in which of a hundred events?
    rf"|^(?![^?]*\b{SPORT})[^?]*\bwon (?:an? |the )?(?:gold|silver|bronze)\b"
    r"[^?]*\b(?:Games|Olympics|Championships?)\b"
    r"|^(?![^?]*\b(?:World Heritage|UNESCO|Ramsar)\b)[^?]*\binscribed\b"
    r"|\bthe (?:rare |historic |unique )?feat\b"
    r"|\bthe (?:\d+[- ]km(?:-long)? )?(?:(?-i:[A-Z])[\w-]+ )?(?:warship|vessel|frigate|section"
    r"|stretch)\b"
    r"(?!\s+(?:of\b|(?-i:[A-Z])))"
    r"|^In the previous edition\b|\bone out of\b|^Even\b|\bwon it\b"
    r"|\bearlier (?-i:[a-z]+ed)\b"  # "In 2026, X earlier headed ...": a past before the news
    # "The Argentine had won ...": a demonym for a person the article named before
    r"|^(?:(?:In|As of) \w+ \d{4}, )?[Tt]he (?-i:[A-Z][a-z]+(?:an|ine|ese|ish|ian|i))"
    r" (?!(?:team|side|squad|government|army|navy|air|prime|president|people|national)\b)"
    r"(?-i:[a-z]+)\b"
    # "in 21 years", "within 60 days", "in the past 30 years": counted from a day not given
    r"|^(?![^?]*\b(?:1[89]|20)\d{2}\b)[^?]*\b(?:in (?:the (?:past|last) )?\d+ years"
    r"|within \d+ days)\b"
    # A population or a census count with no year: true of one count only
    r"|^(?![^?]*\b(?:1[89]|20)\d{2}\b)[^?]*\b(?:population|census)\b"
    # Live news: "is being conducted", "are currently taking place", "at a time India is ..."
    r"|\b(?:is|are) being (?-i:[a-z]{3,})\b"
    r"|\b(?:is|are) (?:currently )?(?-i:[a-z]{3,}ing)\b(?! to\b)"
    r"|\bat a time\b"
    # A plan told as news: "will continue till ...", "is set to be inaugurated ..."
    r"|\bwill continue\b|\b(?:is|are) set to\b|\bwill be (?-i:[a-z]+ing)\b"
    r"|\bthe (?:\d{4}|last|previous|latest|next|current|upcoming|inaugural)"
    r" (?:edition|season|version|meet|games|tournament|event)\b(?!\s+of\b)"
    r"|\b\d{4}['’]s edition\b"
    r"|\b(?:its|his|her|their) (?:report|statement|order|review|forecast|outlook|survey"
    r"|notification|release|address|speech|latest|previous|last)\b"
    r"|\bthe (?-i:[A-Z][a-z]+(?:an|ese|ish|ino|ch|i)) (?:leader|president|premier|prime minister"
    r"|monarch|king|queen)\b"
    r"(?!\s+of\b|\s+(?-i:[A-Z]))"
    r"|^(?:(?:In|As of) \w+ \d{4}, )?(?-i:Government) (?!of\b)"
    r"|\b(?-i:[a-z]+ed) it\b|\b(?:famously|reportedly|apparently|back in)\b"
    r"|\bon the other hand\b|\bin contrast\b|\bAs of,|\bcurrently\b|\bat present\b|\bstill\b"
    r"|\bagain\b|\b(?:remained |remains )?unchanged\b|\bthe \d+-year-old\b"
    r"|\bhowever\b|\btoo\b(?! (?:many|much|few|little|long|far|late|early|high|low)\b)"
    r"|\b(?-i:him)\b|\bas expected\b|\bsimilar\b|(?<![A-Za-z] )\b(?-i:government)\b"
    r"|\bthe (?:storm|cyclone|quake|earthquake|flood|floods|outbreak|disease|virus|fire|blast)\b"
    r"(?!\s+(?:of|in)\b|\s+(?-i:[A-Z]))"
    r"|\bthe (?:\d{4} )?(?:polls|elections?|medal)\b(?!\s+(?:of|for|in|to)\b|\s+(?-i:[A-Z]))"
    r"|\b(?:is|are|was|has been|have been) (?:projected|forecast|estimated)\b(?![^.?]*\bby\b)"
    r"|\bongoing\b|\bthe (?:[A-Z]{2,}|[a-z]+) (?:group|contingent|squad|delegation|panel|side"
    r"|unit|fleet|state|country|nation|island|duo|pair|trio)\b"
    r"(?!\s+(?:of\b|(?-i:[A-Z])))"
    r"|\bas (?:the )?(?-i:Chief Minister|Governor|Chief Secretary|Speaker|Chief Justice|Mayor)\b"
    r"(?! of\b)"
    # "Justice Ghose", "Gen Dwivedi": a title and a surname, the full name given elsewhere
    r"|\b(?-i:Justice|Gen|General|Admiral|Adm|Lt Gen|Air Marshal|Mr|Mrs|Ms|Dr|Shri|Smt|Prof)"
    r"\.? (?-i:[A-Z][a-z]+)\b(?!\s+(?-i:[A-Z])|[.-])"
    # "Growth is forecast to reach ...": whose growth?
    r"|^(?:(?:In|As of) \w+ \d{4}, )?(?:the )?(?:growth|inflation|exports|imports|output|revenue"
    r"|unemployment|production|sales|nominal|gross domestic product|gdp)\b"
    r"(?!.*\b(?-i:India|Indian|[A-Z][a-z]+'s)\b)",
    re.IGNORECASE,
)
# "ISRO launches its smallest rocket": a headline in the present, not a dated claim.
HEADLINE_VERB_RE = re.compile(
    r"^(?:_{5}|(?-i:[A-Z][\w.&-]*)(?: (?-i:[A-Z][\w.&-]*)){0,4}) (?:launches|wins|bags|signs|inks"
    r"|unveils|tops|clinches|appoints|names|gets|begins|opens|conducts|test-fires|hosts|becomes"
    r"|announces|releases|receives|establishes|inaugurates|approves|declares|notifies"
    r"|commissions|elects|grants|reaches|ranks|slips|climbs|retains|secures)\b"
)
WEEKDAY_OR_MONTH_RE = re.compile(
    rf"^(?:{gz.WEEKDAY}|January|February|March|April"
    r"|May|June|July|August|September|October|November|December)$",
    re.IGNORECASE,
)
# Answers too obvious to ask in an Indian exam, or not a thing at all.
# A kind of law, not one law: "Constitution Amendment Bill", "Money Bill".
GENERIC_BILL_RE = re.compile(
    r"^(?:(?:Constitution(?:al)?|Amendment|Money|Finance|Appropriation|Private Member'?s?"
    r"|Government) )+(?:Bill|Act)$"
)
TRIVIAL_KEYS = frozenset(
    "india indian indians centre center government government of india union government "
    "union the centre country nation state".split(" ")
) | {
    "government of india",
    "union government",
    "the centre",
    "union cabinet",
    "cabinet",
    "supreme court",
    "parliament",
    "pm",
    "prime minister",
    "president",
    "raj bhavan",  # where every governor's oath is taken
    "rashtrapati bhavan",
    "raj niwas",
    "new year",
    "year",  # "in the _____ 2011"
}
# Holders no aspirant needs asking: "Prime Minister _____" is Narendra Modi.
OBVIOUS_HOLDER_RE = re.compile(
    r"\b(?:Prime Minister|PM|President)(?: of India)?,?\s+(?:Shri\s+|Smt\.?\s+)?(?:_{5}|who\b)"
    # "_____ was the first Indian Prime Minister to visit Mongolia in May 2015": the year names him
    r"|^(?:_{5}|Who) (?:was|became) the first(?:-ever)? (?:Indian )?(?:Prime Minister|PM)\b"
)
# Who opened or launched a thing: the office-holder of the day cuts the ribbon, and the news
# is what was opened ("Prime Minister _____ inaugurated the bridge", "Who launched ...?").
CEREMONY_RE = re.compile(
    r"\b(?:inaugurated|inaugurates|launched|launches|unveiled|flagged off|dedicated|laid the"
    r" foundation|gave (?:his |her )?assent|assented|released|announced|chaired|presided"
    r"|addressed|commenced|inducted|commissioned|confers?|conferred|presented)\b"
)
# A post whose holder of the day is the answer: "Gujarat Chief Minister _____ inaugurated"
SITTING_HOLDER_RE = re.compile(
    r"\b(?:Chief Minister|CM|Minister|Governor|Lieutenant Governor|Secretary|Chairman"
    r"|Chairperson|Admiral|General|Air Chief Marshal)\s+(?:Shri\s+|Dr\.?\s+)?_{5}"
    r"(?:\.$|\s+(?!(?:was|is|has been|had been|took|takes"
    r"|assumed|assumes|became|becomes|will)\b))"
)
# "the state of which state", two question words, "by the which", "(how many)", "how many/5":
# a wh-question cut from the wrong place.
DOUBLE_ASK_RE = re.compile(
    r"^(?:Which|What) (?:country|state|city|team|party) are\b|\b[Ww]hich and\b"
    r"|^Which [^,?]+, [^,?]+, (?:was|is|were)\b|"
    r"\b(\w+) of which \1\b|\b(?:which|what|who|when)\b.*\b(?:which|what|who|when)\b"
    r"|\((?:which|what|when|who|how)\b[^)]*\)|\bhow many (?:am|pm|hrs|hours)\b"
    r"|\b(?:the|a|an|its|his|her|their) (?:which|what|who|how many)\b"
    r"|\b(?:which|what|who|when|how many|how much)\s*[/*]|\b(?:which|who|what)\s+\("
    r"|\b(?:year|month|day|week) when\b|\bhow many:\d|_{5}-|\(\s*_{5}\s*\)"
    r"|\b(?i:who|which|what)\s*,|_{5} and (?-i:[A-Z])|(?-i:[A-Z][a-z]+) and _{5}|_{5}[’']s\b"
    r"|_{5}, (?:[a-z]+ed|has|had|was|is|will)\b|\b(?:which|what) \w+ (?:1[89]|20)\d{2}\b"
    r"|_{5} (?:aan|de|del|da|di|van|von|la|le|al|el|bin|bint|ul|ud) (?-i:[A-Z])"
    # "2022–how many?", "Men's how many+ kg", "at how much, or 6.8 percent of GDP"
    r"|[–-]\s*(?:how many|how much|which|what)\b|(?:_{5}|how many|how much)\s*\+|_{5}–"
    r"|(?:_{5}|how many|how much),\s+or\b|\b(?i:who|which|what)['’]s\b"
    r"|\b(?i:how many|how much),|\bwhich of (?!the following|\d)"
    r"|\b(?:was|were|is|are) (?:morning|afternoon|evening)\b|\bwhich (?:city|place|state),\s"
    r"|\bfor in\b|[A-Za-z], _{5} (?-i:[a-z]+ed)\b|\bof how many\?$|\b(?:how many|how much) or\b"
    r"|\bof whom\b|\bin \w+ in which year\b"
    r"|(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )"
    r"(?<!\bbeing )(?<!\bnewly )(?<!\bget )(?<!\bgot )(?<!\bofficially )(?<!\bformally )"
    r"(?<!\bduly )\bsworn in\b"
)
# "In May 2019, his appointment ...": a pronoun right after the date ingest put in front.
DATED_PRONOUN_RE = re.compile(r"^(?:In|As of) \w+ \d{4}, (?:his|her|its|their|it|he|she|they)\b")
WH_WORD_RE = re.compile(r"\b(?:which|what|who|whom|when|where|how many|how much)\b", re.I)
# Words that may follow a question phrase set in mid-sentence before it reads as garbled:
# "... headquartered in which city?" reads well; "... till when and had raised ..." does not.
MAX_WORDS_AFTER_WH = 6
# The key is one item of a list in the stem: any other item would fill the blank as well.
LIST_ITEM_RE = re.compile(
    r",\s*(?:the\s+)?_{5}\s*(?:,|and\b|&)|_{5}\s*,\s*(?:the\s+)?[A-Z][^,]{0,40},"
    r"|,\s*(?:the\s+)?_{5}\s+and\b|,\s+and\s+(?:the\s+)?_{5}"
    # "the _____, 8th, and 9th", not "In March 2024, the _____"
    r"|_{5}\s*,\s*(?:and\s+)?\d{1,3}\b|\b\d{1,3}(?:st|nd|rd|th)?\s*,\s*(?:and\s+)?(?:the\s+)?_{5}"
    # "in _____, 1962 and 1970", "in 1958, 1962 and _____"; not "In March 2019, _____ was"
    r"|_{5}\s*,?\s*\d{4}\s*(?:,|and\b)"
    r"|\b\d{4}\s*,\s*\d{4},?\s+(?:and\s+)?(?:_{5}|when\b|which year\b)"
)
ROMAN_EDITION_RE = re.compile(r"[\w)][- ](?:[IVX]{2,}|[IVX]*[VX][IVX]*)\b")
# The holders before the key are named: counting them gives "second" or "third".
EARLIER_HOLDERS_RE = re.compile(
    r"_{5}\b.*\bafter (?:(?:former|late|the late) )?(?-i:[A-Z])"
    r"|\bafter (?:(?:former|late|the late) )?(?-i:[A-Z]).*_{5}"
)
NAME_PART_RE = re.compile(
    r"\b(?-i:South|North|East|West|New|Upper|Lower|Greater|Saint|St\.?|Central|Navi|Port)"
    r" _{5}|_{5} (?-i:Pradesh|Islands|Nadu|Bengal|Kashmir|Sea|Ocean|Coast)\b|[–-]\s*_{5}"
    r"|\b(?-i:[A-Z])\.? _{5}|_{5}[- ]class\b"  # "K _____" (K Sanjay Murthy), "_____ class"
    # "7:_____" of 7:37.76, "$_____m" of $600m, "held on 8-when" of 8-9 June
    r"|\d:\s*(?:_{5}|how (?:many|much))|_{5}(?-i:[a-z])|\d[–-](?:when|which|how|what)\b"
    r"|&\s*_{5}|_{5}\s*&"  # "Jammu & _____": one name, cut at its ampersand
    r"|\bBill,? _{5}"  # "The Election Laws (Amendment) Bill, _____": the year of its own title
    # "launched Chief Minister _____": the rest of a scheme's name ("... Kisan Samman Yojana")
    r"|\b(?:launched|unveiled|introduced|announced) (?:the )?(?-i:Chief Minister|Prime Minister"
    r"|Pradhan Mantri|Mukhyamantri|CM|PM) _{5}"
    r"|\b(?-i:Women|Men|Girls|Boys)['’]s _{5}"  # "Women's _____": the rest of an event's name
    r"|\b(?:when|date)[–-]\d"  # "from which date-26, 2033?": a range cut at its start
    r"|\b(?-i:Chief|Chiefs) of (?:the )?_{5}"  # "the Chief of _____" (Defence Staff): half a post
    r"|\bwhen (?:[a-z]+ )?(?:election|elections|edition|season|summit|games|meeting)\b"
    # "Memory of the _____", "Ministry of _____": the rest of a body's name
    r"|\b(?-i:Memory|Order|Statue|Ministry|Department|Bank|Museum|Institute|University"
    r"|Hall) of (?:the )?_{5}"
    # "_____ der Bellen", "which city der Bellen": the rest of a name after its particle
    r"|(?:_{5}|\b(?:who|which \w+)) (?-i:der|van|von|de|da|di|du|bin|al|el|le|la) (?-i:[A-Z])"
    # "Who (Amendment) Bill, 2020": the rest of a bill's name
    r"|(?:_{5}|\b(?:who|which|what)) \((?-i:Amendment)\)"
    # "the Intensified Mission _____": the rest of a programme's name ("Indradhanush")
    r"|\b(?-i:Mission|Abhiyan|Yojana|Yojna|Scheme|Programme) _{5}"
)
# "Royal Challengers _____", "the First _____": a capitalised word before the blank that is no
# title ("Justice _____", "Minister _____") makes the key the end of a longer name.
NAME_BEFORE_RE = re.compile(r"(?<=[\w,] )([A-Z][a-z]+) _{5}")
TITLE_WORDS = frozenset(w.lower() for w in ROLE_WORDS) | frozenset(
    "justice gen general admiral adm minister president governor secretary chief exercise"
    " operation mission cardinal pope king queen prince sultan shri smt dr mr mrs ms prof"
    " commissioner chairman chairperson director ambassador speaker marshal colonel captain lt"
    " major brigadier judge chancellor premier mayor officer award prize cup trophy".split()
)


def _name_before(stem: str) -> bool:
    return any(
        m.group(1).lower() not in TITLE_WORDS and not _post_of_place(stem[: m.start(1)], m.group(1))
        for m in NAME_BEFORE_RE.finditer(stem)
    )


def _post_of_place(before: str, word: str) -> bool:
    """ "President of India _____": the word before the blank ends a post, not a name."""
    post = re.search(r"\b(\w+) of (?:the )?$", before)
    return bool(post and post.group(1).lower() in TITLE_WORDS and places.kind_of(word))


# "boxer _____ Kom": a name's key is the first part of a name the stem goes on with.
NAME_GOES_ON_RE = re.compile(
    rf"_{{5}} (?!(?:{gz.MONTH_WORD}|In|On|At|The|And|As|For|By|To|With|From|Of)\b)[A-Z][a-z]+"
)
# "generally referred to as the _____": a byname has as many right forms as writers.
EPITHET_RE = re.compile(
    r"\b(?:referred to|known|dubbed|described|hailed|called|termed|nicknamed)"
    r" as (?:the |an? )?_{5}"
    # "India's financial hub _____": the epithet names the city
    r"|\b(?:financial|commercial|business|cultural|silicon|IT) (?:hub|capital|valley) _{5}"
    # "the _____ – India's highest film honour –": the aside defines the key
    r"|_{5} [–—] [^–—]{3,80} [–—]"
    # "_____ medallist Manu Bhaker": a description of the person, not a fact about them
    r"|_{5} (?:medallists?|medalists?|champions?|winners?|awardees?|laureates?) [A-Z]"
    # "India's _____ player X won ...": the player's sport describes them, the title is news
    r"|_{5} (?:player|star|ace|athlete|paddler|shuttler) (?:[A-Z][\w.]* ){1,3}"
    # "disruption caused by the _____ pandemic": filler the stem all but names
    r"|_{5} (?:pandemic|outbreak)\b"
    # "the _____ silver medallist created history": the key only describes the person
    r"|\bthe _{5} (?:gold|silver|bronze)[- ]medall?ist\b"
    # "2018's _____, often referred to as the Asian version of the Nobel Prize"
    r"|_{5},? (?:(?:often|also|popularly|commonly|widely|fondly|affectionately) )?"
    r"(?:referred to|known|dubbed|described"
    r"|hailed|called|termed|nicknamed) as\b",
    re.IGNORECASE,
)
# "inaugurated the bridge in _____" keyed Tamil Nadu: "Rameswaram" is as right.
WIDE_PLACE_BLANK_RE = re.compile(r"\b(?:in|at|near) _{5}\s*(?:[.,;?]|$)")
# "among the longest tunnels in _____": Asia, and India too.
ONE_OF_RE = re.compile(
    r"\b(?:among|one of) the (?:[\w-]+ ){0,3}?(?:[a-z]{3,}est|most [a-z]+)\b[^.?]*\bin _{5}",
    re.IGNORECASE,
)
# "announced its awards in various languages": true of anything, so it tests nothing.
VAGUE_CLAIM_RE = re.compile(
    r"\b(?:various|several|many|a number of|numerous|among the|one of the|trying to|seeking to"
    r"|continues to)\b",
    re.IGNORECASE,
)
# "The ministry of Communications is _____" with a sum for its key: a table row read as prose.
TABLE_ROW_RE = re.compile(r"^(?:The|What is the) (?-i:[a-z]+) of (?-i:[A-Z])[^,?]* (?:is\b|\?)")
# A sentence whose subject is "The storm", "The group", "The youngster": named elsewhere.
ANAPHORIC_SUBJECT_RE = re.compile(
    r"^(?:In \w+ \d{4}, |As of \w+ \d{4}, )?[Tt]he (?:[a-z-]+ ){0,2}[a-z-]+s?\b"
    r"(?! of (?:the )?[A-Z])(?!\s+[A-Z])"
)
# The question word must fit the key: "which place" for a place, "who" for a person.
WH_FOR_TYPE: dict[str, tuple[SpanType, ...]] = {
    r"\bwhich (?:place|city|state|country)\b|\bwhere\b": (SpanType.PLACE, SpanType.COUNTRY),
    r"\bwho\b|\bwhom\b": (SpanType.PERSON,),
    r"\bwhen\b|\bwhich (?:year|date|month)\b": (SpanType.DATE,),
    r"\bhow many\b|\bhow much\b": (SpanType.NUMBER, SpanType.MONEY),
    r"^What is the (?:ministry|department|scheme|body|organisation) of\b": (SpanType.ORGANISATION,),
    # "What is the scrutiny of nomination?" for a date: a date is asked with "when".
    r"^What (?:is|was|are|were) the\b": tuple(t for t in SpanType if t is not SpanType.DATE),
}
# A claim states something: it has a verb.
VERB_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|shall|became|won|took|began|held|"
    r"met|led|made|gave|rose|fell|leads|ranks|ranked|remains?|stood|stands?|aims?|represents?|"
    r"works?|undertook|covers?|includes?|comprises?|consists?|lies|lay|flows?|serves?|holds?|"
    r"houses?|hosts?|marks?|falls?|runs?|shares?|borders?|becomes?|sits?|spans?|"
    r"[a-z]{2,}(?:ed|es))\b"
)


def headline_like(text: str) -> bool:
    """ "Students to get Rs 50,000", "Policy Rates Unchanged:": no finite verb, or a title's
    capitals on most words."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in STOPWORDS]
    capitals = sum(w[0].isupper() for w in words)
    return text.lstrip().startswith(("✓", "•")) or (
        not VERB_RE.search(text) and (not words or 2 * capitals >= len(words) or " to " in text)
    )


DATED_OK = frozenset(
    {"the new", "the current", "the latest", "the last", "the previous", "newly", "the newly"}
)
LEGAL_REF_RE = re.compile(r"\b(?:Article|Section|Rule|Schedule|Clause)\s+(?:_{5}|how many|which)")
# Last words of names examiners ask for: the schemes, awards, indices and treaties of the news.
NAMED_HEADS = frozenset(
    "Index Report Scheme Yojana Mission Policy Act Bill Treaty Convention Agreement Initiative "
    "Programme Program Award Awards Prize Corridor Protocol Accord Declaration Charter Abhiyan "
    "Missile Satellite Campaign Survey Puraskar Ratna Samman".split()
)
HEADER_RE = re.compile(r"^Consider the following statements", re.IGNORECASE)


def content_words(text: str) -> set[str]:
    return {w for w in norm(text).split() if len(w) > 2 and w not in STOPWORDS}


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’]*", text) if w[0].isupper()).upper()


def option_key(text: str) -> str:
    """An option as a reader compares it: case, punctuation, "the" and "&" set aside."""
    text = text.replace("&", " and ")
    words = [w for w in norm(text).split() if w != "the"]
    return " ".join(words)


def authored(question: Question, fact: Fact | None) -> bool:
    """Whether a person wrote the key's wrong answers (a facts file, not the extractor)."""
    if fact is None:
        return False
    if fact.answer == question.answer and fact.distractors:
        return True
    return any(s.text == question.answer and s.distractors for s in fact.spans)


# A place, country or body in a lifted sentence is asked only where a setter asks one: the
# venue of a named, dated event, where a storm made landfall, the state or body of a post.
# Blind ratings accepted about one in five of the rest (a stadium, a port, a team's city).
PLACE_ASKED_RE = re.compile(
    r"(?=.*\b(?:19|20)\d{2}\b)(?=.*\b(?:Exercise|[Ss]ummit|World Cup|Games|Championships?"
    r"|Olympiad|Trophy|Cup|Conference|COP\s?\d+|G20|G7|BRICS|SCO|ASEAN|Quad)\b)"
    r"|\blandfall\b"
    r"|\b(?:Governor|LG|Lieutenant Governor|Chief Minister|Chief Justice|Chief Secretary"
    r"|Director General|chairperson|chairman|Chairman|head|chief|Speaker|CEO)"
    r"\s+of\s+(?:the\s+)?_{5}"
    r"|\b(?:in|of) which (?:state|union territory)\b"
    # "a new species of frog was discovered in _____": where the new species lives
    r"|\b(?:species|genus)\b[^.?]*\b(?:discovered|found|recorded|spotted) (?:in|from) "
    r"(?:the (?:Indian )?state of )?(?:_{5}|which)"
    # "the Pamban bridge in _____": the state of a named landmark
    r"|[A-Z][\w-]+ (?:[Bb]ridge|[Tt]unnel|[Dd]am|[Aa]irport|[Tt]emple|[Pp]ark|[Rr]eserve"
    r"|[Ss]anctuary"
    r"|[Ll]ake|[Pp]ort|[Ss]tatue|[Pp]lant|[Ff]ort|[Cc]orridor|[Ee]xpressway|[Ww]etland)"
    r"\s+(?:in|of)\s+_{5}",
)

# Where a thing lies or what it is the greatest of: "the longest river in India is _____".
LASTING_PLACE_RE = re.compile(
    r"\b(?:longest|largest|highest|tallest|deepest|biggest|oldest|smallest|capital of|located in"
    r"|situated in|lies in|flows? through|headquartered in|based in)\b"
)


def curated(fact: Fact | None) -> bool:
    """Whether a person went over the fact (a question of their own, or wrong answers they
    chose): only such statements are set side by side in "consider the following"."""
    if fact is None:
        return False
    return bool(fact.question or fact.distractors or any(s.distractors for s in fact.spans))


def key_type(question: Question, fact: Fact | None) -> SpanType:
    """The type of the question's key: its span's type, else inferred from its form."""
    for span in fact.spans if fact else ():
        if span.text == question.answer:
            return span.type
    return _infer_type(question.answer)


def _stem_texts(question: Question) -> list[str]:
    statements = getattr(question, "statements", None)
    if statements:
        return list(statements)
    if question.kind == "match":
        return []
    return [question.prompt]


# What the page's text leaves in a stem: a sentence cut after a possessive ("the head of
# Bangladesh's."), a stray colon ("In May 2016, : India"), a sum split at its comma
# ("Rs. 1, 970 crore"), a report's hype ("In a groundbreaking achievement, ...", "in a
# moment" where the page's "historic" was cut).
SCRAP_RE = re.compile(
    r"['’]s[.?]$|,\s*:\s|(?:Rs\.?|₹|\$|USD|INR)\s?\d{1,3}, \d{3}\b"
    r"|\b[Ii]n an? (?:historic|unprecedented|groundbreaking|landmark|path-?breaking|momentous"
    r"|major|remarkable|significant) (?:\w+ ){0,2}(?:moment|shift|achievement|development|move"
    r"|feat|milestone|step)\b|\b[Ii]n a (?:breakthrough|moment)\b|\bengineering marvel\b"
    # "on a pledge of radical reform 10 days.": the page's "after he was freed" cut away
    r"|(?<!\bafter)(?<!\bin)(?<!\bfor)(?<!within)(?<!\bover)(?<!\blast)(?<!\bnext)"
    r" \d+ (?:days|weeks|months|years)\.$"
    # "General Assembly- UNGA", "Aruna Rao, right, became": a label glued on, a caption
    r"|[a-z]- (?-i:[A-Z]{2,})\b|\b(?-i:[A-Z][a-z]+), (?:right|left|centre|center)\),?|"
    r"\b(?-i:[A-Z][a-z]+), (?:right|left|centre|center), (?-i:[a-z])"
)


def text_defects(text: str, *, max_words: int) -> list[str]:
    """What makes one stem or statement unfit to show, whatever it asks."""
    out: list[str] = []
    if LEFTOVER_RE.search(text) or DATELINE_START_RE.match(text) or SCRAP_RE.search(text):
        out.append("page leftover")
    leaning = [m.group(0).lower() for m in LEANING_RE.finditer(text)]
    if re.search(r"\b(?:1[89]|20)\d{2}\b", text):
        # A dated statement may say "the new chief": the date says when it was new.
        leaning = [w for w in leaning if w not in DATED_OK]
    if leaning or CONTEXT_RE.search(text):
        out.append("leans on the article")
    if len(text.split()) > max_words:
        out.append("too long")
    if text[:1].islower():
        out.append("not a sentence")
    if _anaphoric_subject(text) or DATED_PRONOUN_RE.match(text) or _surname_subject(text):
        out.append("leans on the article")
    if _repeats_itself(text) or HEADLINE_VERB_RE.match(text):
        out.append("page leftover")  # a headline glued to the sentence that restates it
    if text.count("(") != text.count(")") or text.count("“") != text.count("”"):
        out.append("broken brackets")
    if OPEN_QUOTE_RE.search(text):
        out.append("broken brackets")  # "has got 'INS Kalvari.": a quotation never closed
    first = text.split(" ", 1)[0].strip(",:")
    if first.isupper() and len(first) > 3 and places.kind_of(first.title()) is not None:
        out.append("page leftover")  # "KENYA is due to ...": the page's dateline
    if DOUBLE_ASK_RE.search(text) or _the_countrys(text) or CLAUSE_ONLY_RE.match(text):
        out.append("not a sentence")
    if A_BEFORE_VOWEL_RE.search(text):  # "in a affair": the page's slip, copied
        out.append("not a sentence")
    if STRAY_COMMA_RE.match(text) or CUT_CLAUSE_RE.search(text):
        out.append("not a sentence")
    if CAPTION_RE.search(text):
        out.append("page leftover")
    if FIRST_OF_NOBODY_RE.search(text) or PAST_PERFECT_RE.search(text) or PLAN_RE.search(text):
        out.append("leans on the article")
    award = NATIONALITY_AWARD_RE.search(text)
    if award is not None and places.nationality(award.group(1)):
        out.append("leans on the article")
    if OATH_OF_NOTHING_RE.search(text):
        out.append("leans on the article")
    if re.search(r"\bthe \((?-i:[A-Z]{2,})\)|(?-i:[a-rt-z])['’],", text):
        out.append("page leftover")  # "in the (GHI) 2022", "INS Chennai',": a page's slip
    return out


def _numbered_name(prompt: str, answer: str) -> bool:
    """Whether a name in the stem carries the ordinal's number ("Chandrayaan-3" for "third")."""
    number = parse_ordinal(answer)
    return number is not None and re.search(rf"[A-Za-z][- ]?{number}\b", prompt) is not None


A_BEFORE_VOWEL_RE = re.compile(r"\b(?-i:a) (?![Oo]ne|[Oo]nce|[Ee]u|[Uu])(?-i:[aeio])[a-z]+")
OPEN_QUOTE_RE = re.compile(r"(?:^|\s)['‘][A-Z][^'’]*$")
# "The PM-SGMBY scheme, was launched": one comma between a subject and its verb.
STRAY_COMMA_RE = re.compile(
    r"^(?:(?:In|As of) \w+ \d{4}, )?[^,]{3,80}, "
    r"(?:was|were|has been|had been|is|are) (?-i:[a-z]+ed)\b"
)
# "administered the oath of office to _____ at Rashtrapati Bhavan": of which office?
OATH_OF_NOTHING_RE = re.compile(r"\boath of office to\b(?![^.?]*\bas\b)")
# "In August 2022, while X became ...": a subordinate clause whose main clause was cut.
CLAUSE_ONLY_RE = re.compile(
    r"^(?:(?:In|As of|On) [\w ,]+?\d{4}, )?(?:while|whereas|although)\b[^,;]*$"
)


def _the_countrys(text: str) -> bool:
    """ "was elected the India's 15th President": an article before a country's possessive."""
    return any(
        places.kind_of(name) == "country"
        for name in re.findall(r"\bthe ([A-Z][a-z]+)['’]s\b", text)
    )


# "Shukla became ...", "Samariya, a former officer, ...": a person by surname alone, the
# full name given earlier in the article.
SURNAME_SUBJECT_RE = re.compile(
    r"^(?:(?:In|As of) (?:\w+ )?(?:\d{4}|_{5}), )?(?P<word>[A-Z][a-z]{2,})"
    r"(?:,| (?:became|took|joined|served|won|said|retired|died|beat|(?-i:[a-z]{3,}ed)"
    r"|(?:was|is|has been) (?:appointed|elected|sworn|named|born|awarded|conferred))\b)"
)


def _surname_subject(text: str) -> bool:
    match = SURNAME_SUBJECT_RE.match(text)
    if match is None:
        return False
    word = match.group("word")
    return (
        word not in gz.COMMON_CAPITALISED
        and places.kind_of(word) is None
        and _infer_type(word) is SpanType.TERM
    )


SEATS_RE = re.compile(r"\bseats?\b", re.IGNORECASE)
LEGISLATURE_RE = re.compile(
    r"\b(?:Lok Sabha|Rajya Sabha|Assembly|Parliament|House of (?:Commons|Representatives)"
    r"|Congress|Senate|Knesset|Duma|Diet|Bundestag|Majlis|Legislative Council)\b"
)


# A figure of an economy: true of one country only.
INDICATOR_RE = re.compile(
    r"\b(?:CAD|current account deficit|GDP|gross domestic product|CPI"
    r"|repo rate|policy rate|benchmark (?:interest )?rate|fiscal deficit|trade deficit"
    r"|unemployment rate|jobless rate|forex reserves|foreign exchange reserves)\b",
    re.IGNORECASE,
)
ECONOMY_NAMED_RE = re.compile(
    r"\b(?:RBI|Reserve Bank|Federal Reserve|Fed|FOMC|ECB|Bank of|[Cc]entral [Bb]ank of|Eurozone"
    r"|euro area|[A-Z][a-z]+(?:an|ese|ish|i|ian))\b"
)


def _economy_of_nowhere(stem: str) -> bool:
    """ "The CAD fell to _____ in January 2023": whose? A figure of an economy must name it."""
    if not INDICATOR_RE.search(stem) or ECONOMY_NAMED_RE.search(stem):
        return False
    return not _names_a_place(stem)


def _names_a_place(text: str) -> bool:
    """Whether a capitalised name in the text ("India's", "Goa") is a known place."""
    names = re.findall(r"[A-Z][\w-]+(?: [A-Z][\w-]+)*", text)
    return any(places.kind_of(re.sub(r"['’]s$", "", n)) for n in names)


CABINET_DAY_RE = re.compile(r"\bCabinet\b[^.?]*\b(?:approved|meeting|met)\b|\bCabinet meeting\b")
# Posts that one state or city has each: "acting DGP" says nothing until it says of where.
STATE_POST_RE = re.compile(
    r"\b(?:Director[- ]General of Police|DGP|Inspector[- ]General of Police|IGP|Chief Secretary"
    r"|Police Commissioner"
    r"|Commissioner of Police|Advocate General|Lokayukta|State Election Commissioner)\b"
    r"(?! of (?:the )?[A-Z])"
)


def _post_of_nowhere(text: str) -> bool:
    """ "Anjani Kumar took charge as acting DGP": of which state? A state's post must name it."""
    if not STATE_POST_RE.search(text):
        return False
    return not _names_a_place(text)


def _seats_of_nowhere(stem: str) -> bool:
    """ "The National People's Power won _____ seats": seats of which country's house?"""
    if not SEATS_RE.search(stem) or LEGISLATURE_RE.search(stem):
        return False
    names = re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*", stem)
    return not any(places.kind_of(n) in ("country", "state", "union territory") for n in names)


def _anaphoric_subject(text: str) -> bool:
    """ "The storm made landfall ...": the subject is named elsewhere. "The last edition of
    Exercise Shakti ..." or "The Union Cabinet ..." names it."""
    match = ANAPHORIC_SUBJECT_RE.match(text)
    if match is None:
        return False
    rest = text[text.lower().index("the ", match.start()) + 4 :]
    return not re.match(
        r"(?:[a-z-]+ ){0,3}(?:of|for|in) (?:the )?[A-Z0-9]|(?:[a-z-]+ )?[A-Z]", rest
    )


def _repeats_itself(text: str) -> bool:
    words = option_key(text).split()
    runs = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]
    return len(runs) != len(set(runs))


def wh_reads_well(prompt: str) -> bool:
    """Whether a wh-question opens with its question word or ends soon after it."""
    if re.search(r"\b(?:which|what) [a-z]+ and (?-i:[a-z])", prompt, re.IGNORECASE):
        return False  # "landfall in which state and flooding in Chennai?": one half asked
    match = WH_WORD_RE.search(prompt)
    if match is None or match.start() == 0:
        return True
    return len(prompt[match.end() :].split()) <= MAX_WORDS_AFTER_WH


def claim_defects(text: str) -> list[str]:
    """A statement to judge true or false must be a whole claim, not a headline."""
    if len(text.split()) < MIN_CLAIM_WORDS or not text.endswith(".") or ":" in text:
        return ["not a claim"]
    if not VERB_RE.search(text):
        return ["not a claim"]
    return []


# A key carrying a description only it has: the description points to it among the options.
DESCRIBED_KEY_RE = re.compile(
    r"^(?:Wrestler|Shooter|Boxer|Shuttler|Cricketer|Athlete|Actor|Actress|Singer|Author|Writer"
    r"|Poet|Scientist|Grandmaster|Legendary|Veteran|Ace|Star|Former|Late|Mr|Mrs|Ms|Senior"
    r"|Junior|Top|Superstar|Megastar|Paralympian|Olympian|Playback|Filmmaker|Opposition"
    r"|Leader|CMD|CEO|MD|Chairman|Chairperson)\.?\s|\b(?:Ltd|Limited|CMD|CEO|Chair)\b"
    r"|^[\w-]+-(?:leaning|born|based)\s"  # "Marxist-leaning Anura Kumara Dissanayake"
    r"|\w-led\s",
)


MONTH_END_RE = re.compile(
    r" (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April"
    r"|June|July|August|September|October|November|December)\.?$"
)
# A person's description glued to the name a key should hold alone.
DESCRIBED_NAME_RE = re.compile(
    r"(?i:medallist|medalist|champion|winner|captain|skipper|legend|veteran|star)\b"
)
BODY_IN_NAME_RE = re.compile(
    r"\b(?:Court|Ministry|Bank|Commission|Council|Committee|Corporation|University|Party"
    r"|Government|Assembly|Parliament|Army|Navy)\b"
)


# "on Day 14 of the Asian Games", "in the _____ throw", "the _____ Odisha Cabinet Meeting",
# "(_____ gold, 4 silver and 2 bronze)": a standing mid-event, an attempt's number, a
# meeting's serial, one kind of medal out of a day's tally.
ROUTINE_COUNT_RE = re.compile(
    r"\b[Dd]ay \d{1,2}\b|_{5} (?:throw|attempt|jump|lap|set|frame)\b"
    r"|_{5} (?:[A-Z][a-z]+ )?[Cc]abinet [Mm]eeting\b|\(_{5} gold, \d+ silver"
    # a firm's branches, a lake's distance from a city, the day a fiscal year starts
    r"|_{5} (?:branches|outlets|offices|employees|staff)\b"
    # "the women's _____ metres": a race's distance names its event, no fact of the news
    r"|\b(?:men|women)['’]s _{5}\s?(?:metres|meters|m)\b"
    # "the _____ session of the Manipur Assembly", "the _____ phase of the polls": a serial
    r"|_{5} (?:(?-i:[A-Z])\w+ )?(?:session|sitting|phase|round|general election|election)\b"
    # "India secured its _____ medal at the Paralympics": a running tally mid-event
    r"|\b(?:its|their|India['’]s|the country['’]s) _{5} (?:medal|gold|silver|bronze|podium)\b"
    r"|_{5} (?:km|kms|kilometres|kilometers|miles)(?: \(km\))? (?:from|away)\b"
    r"|\bfiscal (?:year )?(?:which |that )?(?:started|starts|began|begins) (?:from |on )?_{5}"
    # the month a contract or an order was signed: a procurement's paperwork
    r"|\b(?:contract|order|deal)\b[^.]{0,60}\bsigned (?:in|on) _{5}"
)
# "notes of the how much and Rs1,000 denomination": a question word inside a noun phrase;
# "In May 2024, To protect ...": a capital left mid-sentence by the page.
BROKEN_FLOW_RE = re.compile(
    r"\bthe (?:how much|how many|which|what|who)\b"
    r"|^In \w+ \d{4}, (?:To|For|With|After|Before|During|Amid|While|Despite|Besides|Assuring"
    r"|Addressing|Speaking|Following|Announcing|Noting|Stating|Reiterating|Highlighting"
    r"|Emphasi[sz]ing|Calling|Terming|Describing|Urging|Welcoming|Far|So|Thus|Also|Hence"
    r"|Further|Meanwhile|However|Moreover|Earlier|Later|Now|Then|Once|Recently)\b"
    # "defeated of _____", "declared X as first country to be Y Ebola-free": words lost
    r"|\b(?:defeated|beat|appointed|named|elected|crowned) (?:of|to|by|from)\b"
    r"|\bfirst country to be [A-Z][a-z]+ [A-Z]"
    # "_____. and Philippine forces" (the key's full stop), "On, 7th September,"
    r"|_{5}\.\s+[a-z]|^(?:On|In|At|By),\s"
    # "commissioned which Kalvari-class Submarine INS Khanderi": the ordinal's noun names
    # the thing, so "which" reads as asking its name
    r"|\bwhich (?:[\w-]+ ){0,3}(?i:submarine|frigate|destroyer|corvette|ship|vessel|satellite"
    r"|aircraft carrier) (?:INS |ICGS )?[A-Z][a-z]+"
)
# Which flight, batch or consignment of a mission it was: a side detail of the news, not
# the news ("the _____ evacuation flight from Bucharest" keyed "second").
SIDE_DETAIL_RE = re.compile(
    rf"(?:{BLANK}|\bwhich) (?:evacuation |relief |aid )?"
    r"(?:flight|batch|tranche|consignment|shipment|instalment|installment|lot|set of)\b"
)
# The day an honour is given every year ("conferred on the _____" keyed "Republic Day").
OCCASION_KEY_RE = re.compile(r"(?:[A-Z][a-z]+ ){1,3}Day")
# A recurring sitting or ceremony as the key ("Monsoon Session", "National Sports Awards"):
# the stem's season or honour names it, and the news (who was elected, who was honoured)
# sits in the stem. Blind raters accepted none of five.
ROUTINE_EVENT_KEY_RE = re.compile(
    r"(?:[A-Z][a-z]+ ){1,3}(?:Session|Sessions|Awards|Day|Week|Fortnight|Month)"
)

# What is left of a clause the page cut, in a stem or a statement.
CUT_CLAUSE_RE = re.compile(
    # "for his fourth term, a decade.", "as the 15th Vice President of India, Rashtrapati
    # Bhavan.": the end of a clause the page cut away
    r",\s+(?:a|an)\s+[a-z]+\.$|,\s+(?:Rashtrapati|Raj|Lok Kalyan) (?:Bhavan|Bhawan|Marg)\.$"
    # "Varuna commenced, and will conclude": the date between them was cut
    r"|\b(?:commenced|began|begun|started|opened|concluded),\s+and\b"
    # "the Union Minister of Environment, Forest.": a ministry's name cut in its list;
    # "took charge as the Minister of State.": of no ministry
    r"|\b(?:Minister|Ministry|Department|Secretary) (?:of|for) [A-Z][a-z]+, [A-Z][a-z]+\.$"
    r"|\bMinister of State\.$"
    # "..., Union Minister for Information and Broadcasting Anurag Thakur.": who said it,
    # with the verb cut
    r"|,\s+(?:(?:Union|Prime|Chief|Deputy|External Affairs)\s+)?(?:Minister|Secretary"
    r"|President|Chairman|Governor)\b(?:\s+(?:[A-Z][\w&'’-]*|for|of|and))*\s+[A-Z][a-z]+\.$"
    # "the first-ever _____ -– India's topmost": two dashes of a page's typing
    r"|-–|–-|—-|-—"
    # "appointed the for the post of", "In June 2017, the of GSLV": a name lost after "the"
    r"|\b[Tt]he (?:for|of|to|on|at|by|with|from|and)\b"
    # "Who and Cochin airport were awarded": a pair cut to one question word
    r"|^Who and\b"
    # "between _____ and 16": a span of days cut at its first
    r"|\bbetween _{5} and \d"
    # "the prime minister's when visit": a question word where a noun stood
    r"|['’]s (?:when|where|what|who|whom)\b"
    # "the first Chief Minister of Jammu.": the Union Territory's name cut
    r"|\bof Jammu\.$"
    # "World No. 1 _____ won his second major title.": of no named event
    r"|\bwon (?:his|her|their|its) (?:\w+ ){0,2}(?:title|crown)\.$"
    # "In September 2022, the Prime Minister launched the _____.": nothing says which
    r"|\b(?:launched|unveiled|inaugurated|released|introduced) the _{5}\.$"
    # "in the Global Hunger Index 2023 which was released.": when, the page cut
    r"|\bwhich (?:was|were|is|are) (?:released|launched|held|announced|unveiled)\.$"
    # "The X is an elite corps of the army, with a long history, was founded by": two main
    # verbs, a relative pronoun lost between them
    r"|^(?:The )?[A-Z_][\w ]*? (?:is|are) an? [^.;]*?, (?:was|were) [a-z]+ed\b"
)
# "Modi had launched an immunisation drive": background told relative to the news, which
# the stem has left behind.
PAST_PERFECT_RE = re.compile(r"\bhad (?!been\b|had\b)[a-z]+(?:ed|en|un|ung|ought|ade|on)\b")
# "will be launched on _____", "is scheduled to be commissioned", "is poised to": a plan the
# page announced, which later pages overtake (r38's raters found launches moved).
PLAN_RE = re.compile(
    r"\b(?:will be (?:launched|inaugurated|held|conferred|commissioned|signed|released"
    r"|unveiled|honoured|presented|opened)|(?:is|are) (?:scheduled|all set|set|poised|slated"
    r"|expected|likely) to)\b"
)
# "The French Award was established by Napoleon": an honour named by its country alone.
NATIONALITY_AWARD_RE = re.compile(r"\b[Tt]he ([A-Z][a-z]+) (?:Award|Prize|Honour|Medal)\b")
# "the first woman to win ...": first of whom the article's context says (India's); alone,
# the claim reads as the world's first, which is another claim.
FIRST_OF_NOBODY_RE = re.compile(r"\bthe first (?:woman|man|person|athlete|player|girl|boy) to\b")
# A photo's caption ("Clouds rise behind the peak, as seen from X near Y March 5, 2009"), and
# a possessive cut from its name ("Narendra Modi ’s vision"): the page's, not a claim's.
CAPTION_RE = re.compile(
    r"\b(?:as seen from|(?:is|are) seen|pictured)\b|\w [’']s\b"
    # "Baku (Azerbaijan):World champion": a dateline; "IN A major achievement": a page's
    # capitals
    r"|^(?:In \w+ \d{4}, )?[A-Z][a-z]+ \([A-Z][a-z]+\):"
    r"|(?<=\s)(?:IN|THE|OF|ON|AT|FOR|AND|TO|WITH|BY|A)\s(?:[A-Z]{1,3}\s)*[a-z]"
)
# "the 2025 International Booker Prize 2022": two years for one prize, a page's slip
TWO_YEARS_RE = re.compile(
    r"\b((?:19|20)\d\d) (?:[A-Z][\w'’-]* ){1,5}(?:Prize|Award|Cup|Trophy|Games|Championships?)"
    r" ((?:19|20)\d\d)\b"
)
# "the Performance Index 2023 (CCPI)": an acronym longer than the name before it
ACRONYM_AFTER_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*,? (?:(?:of|and|for|the|&) )*){1,6})(?:(?:19|20)\d\d )?"
    r"\((?P<acronym>[A-Z]{3,7})\)"
)


def _cut_name(prompt: str) -> bool:
    """Whether the page lost words of a name (its acronym tells more than its words) or
    gave one prize two years."""
    for found in TWO_YEARS_RE.finditer(prompt):
        if found.group(1) != found.group(2):
            return True
    for found in ACRONYM_AFTER_RE.finditer(prompt):
        words = [w for w in found.group("name").split() if w[:1].isupper()]
        initials = "".join(w[0] for w in words)
        acronym = found.group("acronym")
        if len(acronym) > len(initials) and acronym.endswith(initials):
            return True
    return False


def _initials_repeat(words: list[str]) -> bool:
    """Whether a name's leading initials stand for the names that follow them."""
    letters = re.fullmatch(r"((?:[A-Z]\.)+|[A-Z]{2,3})", words[0]) if words else None
    if letters is None:
        return False
    initials = letters.group(0).replace(".", "")
    rest = [w[0] for w in words[1 : 1 + len(initials)]]
    return len(words) > len(initials) + 1 and "".join(rest) == initials


def _name_after_place(words: list[str]) -> bool:
    """Whether a state's or a country's name opens the key and capitalised words that name
    no place follow it."""
    for size in (3, 2, 1):
        head, rest = " ".join(words[:size]), words[size:]
        if len(words) > size and places.kind_of(head) in ("state", "union territory", "country"):
            return all(w[:1].isupper() and w not in gz.PLACE_WORDS for w in rest) and (
                places.kind_of(" ".join(words)) is None
            )
    return False


CALLING_RE = re.compile(rf"(?:{gz.CALLINGS}|{gz.PEOPLE_WORDS}|comic|comedian|maestro)", re.I)


def _described(words: list[str]) -> bool:
    """Whether a person's key opens with what the page called them: a nationality
    ("American Doreen Bogdan-Martin") or a calling ("Actor-comic Vir Das")."""
    if len(words) < 3:
        return False
    first = words[0]
    return bool(places.nationality(first)) or all(
        CALLING_RE.fullmatch(part) for part in first.split("-")
    )


def key_defects(answer: str, span_type: SpanType, *, authored: bool = False) -> list[str]:
    """What makes a key not a whole, examinable answer. A term ("electronic warfare") is
    examinable only where a person chose it and its wrong answers (``authored``): the
    extractor's terms are mostly filler ("tactics", "joint planning")."""
    out: list[str] = []
    words = answer.split()
    if norm(answer) in TRIVIAL_KEYS or WEEKDAY_OR_MONTH_RE.match(answer.strip()):
        out.append("trivial key")
    if GENERIC_BILL_RE.match(answer.strip()):
        out.append("trivial key")  # "a _____ to grant 10 percent reservation": which Bill?
    if re.search(r"['’]s?$", answer) or answer[-1:] in ",;:-–":
        out.append("broken key")
    if span_type in (SpanType.PLACE, SpanType.COUNTRY) and "(" in answer:
        out.append("broken key")  # "Jodhpur (Rajasthan)": the page's aside in the key
    if re.search(r"-led$", answer) or (span_type is SpanType.PERSON and _described(words)):
        out.append("broken key")  # "Pheu Thai-led", "American Doreen Bogdan-Martin"
    if words and (words[0] in STOPWORDS or words[-1] in STOPWORDS):
        out.append("broken key")
    if len(words) > MAX_KEY_WORDS:
        out.append("key too long")
    if (
        span_type is SpanType.PERSON
        and (
            len(words) < 2
            or any(w.lower().strip(".") in ROLE_WORDS for w in words)
            # "DRDO Samir": an acronym glued on; "PV Sindhu", "MS Dhoni": two initials lead
            or any(re.fullmatch(r"[A-Z]{2,}", w) for w in words[1:] if w)
            or re.fullmatch(r"[A-Z]{3,}", words[0]) is not None
            or re.search(r"['’]s ", answer)  # "BJP's Om Birla": a party's possessive glued on
            or BODY_IN_NAME_RE.search(answer)  # "Supreme Court of India Ranjan Gogoi"
            or DESCRIBED_NAME_RE.search(answer)  # "Double Olympic-medallist Manu Bhaker"
            or places.kind_of(words[0]) in ("state", "union territory", "country")
            or (len(words) > 1 and MONTH_END_RE.search(answer))  # "Narendra Modi Dec"
        )
    ):
        out.append("broken key")
    if span_type is SpanType.TERM and not authored and not named_thing(answer):
        out.append("not examinable")
    if span_type is not SpanType.DATE and re.search(rf"\b{gz.WEEKDAY}\b", answer):
        out.append("broken key")  # "Narendra Modi Tuesday", "Indian Navy Tuesday"
    if len(words) > 1 and re.search(r" (?:on|at|in) [A-Z][a-z]+$", answer):
        out.append("broken key")  # "National Human Rights Commission on Wedneday"
    if span_type is SpanType.PERSON and re.search(
        r"\b(?:January|February|March|April|June|July|August|September|October|November|"
        r"December)\b|\b[A-Z]\.$",
        answer,
    ):
        out.append("broken key")  # a month glued on, or a name cut at an initial ("G.")
    if DESCRIBED_KEY_RE.search(answer):
        out.append("broken key")  # "Wrestler Sushil Kumar", "Jaydev Unadkat-led Saurashtra"
    if span_type is SpanType.PERSON and _initials_repeat(words):
        out.append("broken key")  # "A.P. Amar Preet Singh": the initials and the names
    if span_type is SpanType.NUMBER and "/" in answer:
        out.append("not examinable")  # a score such as 120/5
    if span_type is SpanType.ORDINAL and answer.lower() == "first" and not authored:
        out.append("not examinable")  # "the first nation to ...": a claim, not a rank to pick
    if span_type is SpanType.ORGANISATION and not _proper_name(answer):
        out.append("not examinable")
    if span_type is SpanType.ROLE and len(words) < 2:
        out.append("not examinable")
    if span_type in (SpanType.PLACE, SpanType.COUNTRY) and _name_after_place(words):
        out.append("broken key")  # "Madhya Pradesh Babulal Gaur": a person glued on
    if span_type is SpanType.PLACE and any(w in gz.ROLE_HEADS for w in words):
        out.append("broken key")  # "Punjab and Administrator of Chandigarh": a post glued on
    if re.match(r"Ex\.? ", answer):
        out.append("broken key")  # "Ex Ekuverin": the exercise's name with a label glued on
    if len(words) == 1 and answer in gz.EVENT_WORDS and answer != "Congress":  # a party's name
        out.append("broken key")  # "set a _____ record" keyed "Games": the rest of a name
    if not authored and places.nationality(answer):
        out.append("not examinable")  # "_____ author Han Kang": a nationality, not a name
    if not authored and VENUE_RE.search(answer):
        out.append("not examinable")  # "the DY Patil Stadium": where a match was played
    return out


# A venue of a match, a show or a meeting: trivia beside who won or what was decided.
VENUE_RE = re.compile(
    r"\b(?:Stadium|Arena|Ground|Shooting Range|Hall|Auditorium|Convention Centre|Sports Complex"
    r"|Sports Centre|Cricket Club|Indoor Complex)$"
)


def _proper_name(text: str) -> bool:
    """ "Eastern Naval Command" or "NITI Aayog", not "Command" or "Instructional appointments"."""
    words = text.split()
    if len(words) == 1:
        return bool(re.fullmatch(r"[A-Z][A-Z0-9&-]{2,9}", text))
    return all(w[0].isupper() or w in ("of", "and", "for", "the", "&", "on", "in") for w in words)


def named_thing(text: str) -> bool:
    """A scheme, award, index, treaty or mission by its proper name ("Dadasaheb Phalke Award",
    "Pradhan Mantri Awas Yojana"), or a craft named with a number ("Chandrayaan-3")."""
    words = text.split()
    if len(words) == 1:
        return re.fullmatch(r"[A-Z][A-Za-z]*-?\d+[A-Z]?\d*|[A-Z]+-\d+[A-Z]?", text) is not None
    if gz.SHIP_RE.fullmatch(text):
        return True  # a ship by its name: "INS Imphal"
    return _proper_name(text) and words[-1] in NAMED_HEADS


def _head(text: str) -> str:
    """The head noun of a name: "Force" of "Indian Air Force", "Ministry" of "Ministry of X"."""
    words = re.findall(r"[A-Za-z]+", text)
    if "of" in words[1:]:
        return words[words.index("of") - 1].lower() if words.index("of") else ""
    return words[-1].lower() if words else ""


def _date_shape(text: str) -> str:
    """A value's form with its digits and month names taken out: "_ _" for "November 2025"."""
    return _value_form(MONTH_NAME_RE.sub("0", text))


def _real_date(text: str) -> bool:
    """No "September 34", no "31 June"."""
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d|,?\s*\d{3})", text)
    month = re.search(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", text)
    if not day or not month:
        return True
    days = {"feb": 29, "apr": 30, "jun": 30, "sep": 30, "nov": 30}
    return 1 <= int(day.group(1)) <= days.get(month.group(1).lower(), 31)


def swap_defects(statement: str, prompt: str) -> list[str]:
    """A false statement whose swapped-in words stand elsewhere in it reads as nonsense."""
    before, after = statement.split(), prompt.split()
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    inserted = " ".join(after[start : len(after) - end]).strip(".,;")
    rest = " ".join(after[:start] + after[len(after) - end :])
    if inserted and norm(inserted) and norm(inserted) in norm(rest):
        return ["nonsense swap"]
    return []


# A named thing a question is about: "Global Hunger Index", "Exercise Shakti", "ISRO",
# "Aditya-L1". "India" or a month alone names no event.
ANCHOR_RE = re.compile(
    r"\b(?!(?:In|As|On|The|A|An)\b)[A-Z][\w'’.-]*(?:\s+(?:of|for|and|on|the|&|de)?\s*[A-Z0-9][\w'’.-]*)+"
    r"|\b[A-Z]{2,}[\w-]*\b|\b[A-Z][a-z]+-[A-Z0-9][\w-]*\b"
)
OPENING_WORDS = frozenset(
    "While Among Considering Prior Former Born Despite Top Mr Mr. Dr Dr. Shri Smt Union Both "
    "With Besides Apart Following Speaking Addressing Expressing Visionary Veteran Senior".split()
)
ACRONYM_RE = re.compile(r"^(?:[A-Z]{2,}[\w-]*|[A-Z][a-z]+-[A-Z0-9][\w-]*)$")
OF_NAME_RE = re.compile(r"\b[a-z]+ of (?:the )?(?-i:[A-Z])[a-z]+")
SUPERLATIVE_RE = re.compile(
    r"\b(?:highest|largest|biggest|longest|oldest|tallest|smallest|deepest|first|only|"
    r"most \w+|\w+est)\b"
)
DATE_WORDS_RE = re.compile(rf"^{gz.MONTH_WORD}(?:\s+\d{{1,4}})*$")


PLACE_POST_RE = re.compile(
    r"\b(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?i:chief minister|deputy chief minister"
    r"|governor|chief justice|speaker|chief secretary)\b"
)


# A death told with the month, the city and the age names one person, calling and all.
DEATH_AT_AGE_RE = re.compile(r"^In \w+ \d{4}, .+ passed away in [A-Z][a-z]+ at the age of \d+\.$")


def _frame_claim(stem: str) -> bool:
    """Whether the stem is an exercise's or an election's frame sentence, which names both
    its keys' relation and what it is about."""
    return bool(EXERCISE_CLAIM_RE.search(stem) or ELECTION_CLAIM_RE.search(stem))


def anchored(stem: str, answer: str) -> bool:
    """Whether the stem names what it is about besides its key: a question on an article must
    say which index, exercise or body it means."""
    rest = stem.replace(answer, " ")
    if _frame_claim(stem):
        return True  # "_____ is a naval exercise between India and France": the pair names it
    for match in ANCHOR_RE.finditer(rest):
        words = match.group(0).split()
        while words and (words[0] in gz.COMMON_CAPITALISED or words[0] in OPENING_WORDS):
            words.pop(0)  # "While India": a sentence's first word is no part of a name
        name = " ".join(words).rstrip(".,;:")
        if name and not DATE_WORDS_RE.match(name) and (len(words) > 1 or ACRONYM_RE.match(name)):
            return True
    for match in re.finditer(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b", rest):
        word = match.group(0)
        # "Ramsar sites", "Chandrayaan": a name of its own; "India" or "Kerala" alone says
        # where, not which index or event.
        if word not in gz.COMMON_CAPITALISED and not DATE_WORDS_RE.match(word):
            if not places.kind_of(word):
                return True
    if OF_NAME_RE.search(rest):
        return True  # "the capital of France", "the Governor of Kerala": a named relation
    if DEATH_AT_AGE_RE.search(rest):
        return True  # "veteran actor _____ passed away in Mumbai at the age of 88": one person
    if any(places.kind_of(m.group("place")) for m in PLACE_POST_RE.finditer(rest)):
        return True  # "former Gujarat chief minister": a post of a named place
    # "... is India's highest film honour": a superlative of a named place is specific.
    return bool(SUPERLATIVE_RE.search(rest) and re.search(r"\b[A-Z][a-z]+['’]s\b|\bin [A-Z]", rest))


def wh_defects(prompt: str, span_type: SpanType) -> list[str]:
    """A question word that does not fit the key's type ("which place" for a product)."""
    for pattern, types in WH_FOR_TYPE.items():
        if re.search(pattern, prompt, re.IGNORECASE) and span_type not in types:
            return ["question word does not fit the key"]
    return []


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def giveaway_defects(stem: str, answer: str, options: Sequence[str]) -> list[str]:
    """The stem must not hold the key's words, its acronym, or initials only it matches."""
    out: list[str] = []
    key_words, stem_words = content_words(answer), content_words(stem)
    if key_words & stem_words:
        out.append("answer in stem")
    elif {_singular(w) for w in key_words} & {_singular(w) for w in stem_words}:
        out.append("answer in stem")  # "the 67th _____ award" keyed "National Film Awards"
    if re.search(r"_{5} (?-i:[A-Z][a-z]+) (?:Olympics|Olympic Games|Games)\b", stem):
        out.append("answer in stem")  # "the _____ Sydney Olympics": the host city dates it
    if re.search(r"_{5}\s*\((?-i:[A-Z][A-Za-z]{1,9})\)", stem):
        out.append("initials give the key away")  # "_____ (MoSPI)"
    if re.search(rf"\b\d+(?:st|nd|rd|th) {BLANK}", stem) and parse_ordinal(answer) is None:
        out.append("answer in stem")  # "the 67th _____" with "best actress": the awards named
    if re.search(r"_{5}['’](?!s\b)", stem):
        out.append("answer in stem")  # "_____’ highest civilian honour": a name ending in s
    partner = EXERCISE_PARTNER_RE.search(stem)
    if partner is not None and answer.isupper() and len(answer) >= 4:
        words = partner.group(1).split()
        initials = "".join(w[0] for w in words) if len(words) > 1 else words[0][:2]
        if initials.upper() in answer:
            out.append("initials give the key away")  # "SLINEX" for India and Sri Lanka
    codes = {w for w in norm(answer).split() if re.search(r"\d", w) and re.search(r"[a-z]", w)}
    if codes & set(norm(stem).split()):
        out.append("answer in stem")  # "a halo orbit around L1" keyed "Aditya-L1"
    acronyms = set(re.findall(r"\b[A-Z]{2,8}\b", stem))
    initials = _initials(answer)
    if len(initials) >= 2 and initials in acronyms:
        out.append("initials give the key away")  # "(JMSDF)" beside its expansion's blank
    return out


# The options of a "which of them" question: "1 only", "1 and 2 only", "1, 2 and 3".


# "near which city in Assam?": every option a city of Assam.
CITY_IN_STATE_RE = re.compile(r"\bwhich (?:city|town|district) (?:in|of) (?P<state>[A-Z][\w ]+?)\?")


def place_option_defects(stem: str, answer: str, options: Sequence[str]) -> list[str]:
    """Wrong places the stem itself rules out: a town of another state for "which city in
    Assam", a landlocked state for a sea beach."""
    wrong = [o for o in options if o != answer]
    within = CITY_IN_STATE_RE.search(stem)
    if within is not None:
        state = places.fold(within.group("state"))
        if any(places.state_of_city(o) != state for o in wrong):
            return ["distractor of another type"]
    if places.COAST_RE.search(stem) and places.coastal(answer):
        if any(
            places.kind_of(o) in ("state", "union territory") and not places.coastal(o)
            for o in wrong
        ):
            return ["distractor of another type"]
    return []


# A place's name that a careless span typing takes for a person's: "Raj Bhavan".
BUILDING_RE = re.compile(
    r"\b(?:Bhavan|Bhawan|Niwas|House|Palace|Hall|Stadium|Ground|Court|Centre|Center|Party)$"
)


def option_defects(
    answer: str, options: Sequence[str], span_type: SpanType, *, authored: bool = False
) -> list[str]:
    """Options: distinct, one right, of the key's type and form. Wrong answers a person
    chose (``authored``) are trusted for their domain; their form is still checked."""
    out: list[str] = []
    keys = [option_key(o) for o in options]
    if len(set(keys)) != len(keys) or "" in keys:
        out.append("options not distinct")
    mine = option_key(answer)
    if any(k != mine and (k in mine or mine in k) for k in keys if k):
        out.append("options overlap")
    wrong = [o for o in options if o != answer]
    letters = re.sub(r"\d+", "#", mine)
    combination = COMBINATION_RE.match(answer.strip()) is not None  # "1 and 2 only"
    if (
        span_type not in VALUE_TYPES
        and not combination
        and any(re.sub(r"\d+", "#", option_key(o)) == letters for o in wrong)
    ):
        out.append("absurd distractor")  # "Yudh Abhyas-3036" beside "Yudh Abhyas-2024"
    if span_type is SpanType.ORDINAL:
        if any(parse_ordinal(o) is None for o in options):
            out.append("distractor of another form")
    elif span_type in (SpanType.NUMBER, SpanType.MONEY, SpanType.DATE):
        if span_type is SpanType.DATE and not all(_real_date(o) for o in options):
            out.append("impossible option")
        if any(_date_shape(o) != _date_shape(answer) for o in wrong):
            out.append("distractor of another form")
    elif span_type in (SpanType.PLACE, SpanType.COUNTRY):
        kind = place_kind(answer)
        # A person's choice may name a town the data does not know (Eilat); never one of
        # another known kind.
        unknown_ok = (None,) if authored else ()
        if set(options) <= set(CRICKET_NATIONS):
            pass  # a cricket result among the cricket nations ("West Indies", "England")
        elif (
            kind is None
            and not authored
            or any(place_kind(o) not in (kind, *unknown_ok) for o in wrong)
        ):
            out.append("distractor of another type")
    elif span_type is SpanType.TERM and not authored:
        if any(not _proper_name(o) or _head(o) != _head(answer) for o in wrong):
            out.append("distractor of another domain")
    elif span_type is SpanType.ORGANISATION and not authored:
        if any(not _proper_name(o) or _head(o) != _head(answer) for o in wrong):
            out.append("distractor of another domain")
    elif span_type is SpanType.PERSON:
        if any(
            len(o.split()) < 2
            or any(w.lower().strip(".") in ROLE_WORDS for w in o.split())
            or BUILDING_RE.search(o)
            for o in wrong
        ):
            out.append("distractor of another type")  # "Raj Bhavan" offered for a judge
    return out


def defects(question: Question, fact: Fact | None) -> list[str]:
    """Every rubric rule the question breaks; empty when it may be shown."""
    out: list[str] = []
    max_words = (
        MAX_STATEMENT_WORDS if question.kind in ("statements", "true_false") else MAX_STEM_WORDS
    )
    key = question.answer if question.kind in ("short_answer", "cloze", "mcq") else "\0"
    if question.variant != "hand" and any(
        misspelt(text) for text in (question.prompt, question.answer, *(question.options or []))
    ):
        out.append("page leftover")  # "AII India Insitute": the page's slip, copied
    if question.variant != "hand" and capital_after_date(question.prompt):
        out.append("page leftover")  # "In August 2025, Hours ahead of ...": the page's capital
    for text in _stem_texts(question):
        out += text_defects(text, max_words=max_words)
        if question.variant != "hand" and not anchored(text, key):
            out.append("leans on the article")  # "In 2015, India stood at which position?"
        if question.kind in ("true_false", "statements"):
            out += claim_defects(text)
    if question.kind == "true_false":
        out += _true_false_defects(question, fact)
    if POST_FILLED_RE.search(question.prompt) and not curated(fact):
        if not POST_NAMED_RE.search(f"{question.prompt} {question.answer}"):
            out.append("leans on the article")  # "X was appointed in which year?": as what?
    if UNNAMED_PLAN_RE.search(question.prompt):
        out.append("leans on the article")  # "extended a scheme that seeks ...": which one?
    if _post_of_nowhere(f"{question.prompt} {question.answer}"):
        out.append("leans on the article")  # "took charge as acting DGP": of which state?
    if _economy_of_nowhere(question.prompt):
        out.append("leans on the article")  # "The CAD fell to _____": of which country?
    if RESPECTIVELY_RE.search(question.prompt):
        out.append("one of a list")  # "held on A and B, respectively": two claims in one
    if question.kind in ("statements", "match") and not curated(fact):
        out.append("uncurated claim")  # lifted sentences set side by side too often mislead
    options = question.options or []
    if question.kind != "true_false" and gives_away(question.prompt, question.answer):
        out.append("answer in stem")  # the answer as text in its own prompt
    if question.kind in ("short_answer", "cloze", "mcq"):
        span_type = key_type(question, fact)
        out += _keyed_defects(question, fact, span_type, options)
        out += _key_news_defects(question, fact, span_type)
        if question.kind == "mcq":
            out += _mcq_defects(question, fact, span_type, options)
    elif question.kind == "match":
        # Options are codes ("A-2, B-1, C-3"): only their distinctness is the gate's business.
        if len(set(options)) != len(options) or question.answer not in options:
            out.append("options not distinct")
    if fact is not None and question.variant != "hand" and headline_like(fact.statement):
        out.append("not a sentence")
    if fact is not None and not curated(fact) and not tells_news(fact.statement):
        out.append("not the news")  # background of an article: trivia, however well asked
    filled = question.prompt.replace(BLANK, question.answer)
    if question.kind in ("cloze", "mcq") and (
        DATELINE_START_RE.match(filled) or LEFTOVER_RE.search(filled)
    ):
        out.append("page leftover")  # "New Delhi, _____ India and ..." hides the dateline's date
    if fact is not None and not curated(fact) and undated(question):
        out.append("undated")  # "Indonesia won the Thomas Cup for the first time since 2002"
    return sorted(set(out))


def _true_false_defects(question: Question, fact: Fact | None) -> list[str]:
    """What makes a true-or-false claim unfit: a swap that reads as nonsense, or a claim an
    examiner would not set (lifted whole, cut short, undated, vague, of no edition)."""
    out: list[str] = []
    if question.answer == "False" and fact is not None:
        out += swap_defects(fact.statement, question.prompt)
        if not any(s.distractors for s in fact.spans) and not is_framed(fact):
            out.append("absurd distractor")  # a machine's swap reads as nonsense too often
    if not (curated(fact) or (fact and is_framed(fact))):
        # A sentence lifted whole is judged on its page's wording, asides and slips, and is
        # true every time: a setter's claim is short, and as often false as true.
        out.append("not examinable")
    if fact is not None and is_trimmed(fact):
        out.append("not examinable")  # a claim cut out of its sentence says too little
    if told_without_year(question.prompt):
        out.append("not examinable")  # a judged event must say when it happened
    if not (fact and related_span(question.prompt, fact)):
        out.append("not examinable")  # a claim with no name, place, date or number in it
    if VAGUE_CLAIM_RE.search(question.prompt):
        out.append("not examinable")
    if RANK_RE.search(question.prompt):
        if not YEAR_RE.search(question.prompt):
            out.append("not examinable")  # a rank is true of one edition: say which
    if REPORT_RELEASED_RE.search(question.prompt):
        if not RANKED_RE.search(question.prompt):
            out.append("not examinable")  # "the WEF released the Gender Gap Report": which?
    return out


def _keyed_defects(
    question: Question, fact: Fact | None, span_type: SpanType, options: list[str]
) -> list[str]:
    """A keyed question's (short answer, cloze, MCQ) key and stem as text: a key of the
    wrong kind, a stem that gives it away, is no sentence, one of a list, or cuts a name."""
    out: list[str] = []
    out += key_defects(question.answer, span_type, authored=authored(question, fact))
    out += giveaway_defects(question.prompt, question.answer, options)
    if question.kind != "cloze":
        out += wh_defects(question.prompt, span_type)
        if question.variant != "hand" and not wh_reads_well(question.prompt):
            out.append("not a sentence")
    if question.variant != "hand" and len(question.prompt.split()) < MIN_STEM_WORDS:
        out.append("leans on the article")  # "Who won gold in Beijing 2008?": thousands did
    if question.kind == "short_answer" and question.variant != "hand":
        if not WH_WORD_RE.match(question.prompt):
            out.append("not a sentence")  # a typed answer is asked by a plain question
    if LIST_ITEM_RE.search(question.prompt) or ONE_OF_RE.search(question.prompt):
        out.append("one of a list")
    if RECORD_SINCE_RE.search(question.prompt):
        out.append("not examinable")  # "the highest level since _____": a record's footnote
    if EPITHET_RE.search(question.prompt):
        out.append("not examinable")
    if span_type is SpanType.ORDINAL and EARLIER_HOLDERS_RE.search(question.prompt):
        out.append("answer in stem")  # "the _____ after A and B": the count gives it
    if span_type is SpanType.ORDINAL and ROMAN_EDITION_RE.search(question.prompt):
        out.append("answer in stem")  # "Maitree-XIV" numbers its own edition
    if span_type is SpanType.ORDINAL and _numbered_name(question.prompt, str(question.answer)):
        out.append("answer in stem")  # "Chandrayaan 3 ... its _____ attempt": "third"
    if (
        NAME_PART_RE.search(question.prompt)
        or _name_before(question.prompt)
        or (span_type not in VALUE_TYPES and NAME_GOES_ON_RE.search(question.prompt))
    ):
        out.append("broken key")  # "South _____": the key is part of a longer name
    if _seats_of_nowhere(question.prompt):
        out.append("leans on the article")  # "won _____ seats": in which country's polls?
    if span_type in VALUE_TYPES and TABLE_ROW_RE.match(question.prompt):
        out.append("not a sentence")
    if span_type is SpanType.PERSON and (
        OBVIOUS_HOLDER_RE.search(question.prompt)
        or (
            CEREMONY_RE.search(question.prompt)
            and (question.prompt.startswith("Who ") or SITTING_HOLDER_RE.search(question.prompt))
        )
    ):
        out.append("trivial key")
    if BROKEN_FLOW_RE.search(question.prompt) or _cut_name(question.prompt):
        out.append("not a sentence")
    if span_type is SpanType.DATE and question.prompt.startswith(f"{BLANK},"):
        # "_____, SpaceX's Falcon 9 launched ...": the page's "On Saturday" was cut
        out.append("not a sentence")
    if question.variant != "hand" and not VERB_RE.search(question.prompt):
        out.append("not a sentence")  # "Born on August 18, 1934, in _____."
    if _the_state_cut(question.prompt):
        out.append("not a sentence")  # "the speaker of the Andhra Pradesh.": a word lost
    return out


def _key_news_defects(question: Question, fact: Fact | None, span_type: SpanType) -> list[str]:
    """Whether a keyed question asks the news: not a routine figure, a scorecard's line, a
    post that names its holder, a place the stem already hints at."""
    return _routine_key_defects(question, fact, span_type) + _unasked_key_defects(
        question, fact, span_type
    )


def _routine_key_defects(question: Question, fact: Fact | None, span_type: SpanType) -> list[str]:
    """A key the stem works out or names, or a routine one: a day's tally, a cabinet's
    meeting day, a speaker, a scorecard's line, a deal's price, a provision's number."""
    out: list[str] = []
    if worked_out(question.prompt, span_type):
        out.append("answer in stem")  # the stem's own figures give the key
    if span_type in VALUE_TYPES and ROUTINE_COUNT_RE.search(question.prompt):
        out.append("not examinable")  # a day's tally, a throw's number, a meeting's serial
    if span_type is SpanType.DATE and CABINET_DAY_RE.search(question.prompt):
        out.append("not examinable")  # the day a cabinet met: a routine, not the news
    # A date or a year is asked only of a fact a person went over. Of the dates and
    # years the generator kept (what began or was first done), the blind raters of four
    # later rounds accepted 7 of 29: a plan's date the scheme then missed, the year of a
    # visit that set up a council, a founding year the references dispute. The page says
    # when, not whether the when is the news.
    if span_type is SpanType.DATE and not curated(fact):
        out.append("not examinable")
    if span_type is SpanType.PLACE and " of " in str(question.answer):
        if re.search(r"_{5} district\b", question.prompt):
            out.append("broken key")  # "_____ district" keyed "Banpur of Khurda"
    if SPEAKER_RE.search(question.prompt):
        out.append("not examinable")  # who announced it: the news is what was announced
    if span_type in (SpanType.NUMBER, SpanType.ORDINAL) and SCORE_RE.search(question.prompt):
        out.append("not examinable")  # a scorecard's line
    if span_type in (SpanType.NUMBER, SpanType.ORDINAL) and TOP_N_RE.search(question.prompt):
        out.append("not examinable")
    if span_type is SpanType.ORDINAL and FINAL_OF_RE.search(question.prompt):
        out.append("answer in stem")
    if span_type is SpanType.MONEY and OTHER_CURRENCY_RE.search(question.prompt):
        out.append("answer in stem")  # "_____ (Rs 7,500 crore)": the rupees convert
    if span_type is SpanType.PERSON and _post_names_holder(question.prompt):
        out.append("trivial key")  # "Tamil Nadu chief minister _____": the post says who
    if span_type is SpanType.MONEY and DEAL_VALUE_RE.search(question.prompt):
        out.append("not examinable")  # a foreign firm's profit, an arms deal's price
    if span_type is SpanType.ORDINAL and not curated(fact):
        if parse_ordinal(str(question.answer)) == 2:
            # "the second leg", "the second spot", "the second evacuation flight": a
            # step in a series, not a record; the blind raters accepted none of five
            out.append("not examinable")
    if span_type is SpanType.ORDINAL and re.search(r"_{5} century\b", question.prompt):
        out.append("trivial key")  # "the first nation of the _____ century"
    if span_type is SpanType.NUMBER and LEGAL_REF_RE.search(question.prompt):
        out.append("not examinable")  # "Article _____": a provision is named, not counted
    return out


def _unasked_key_defects(question: Question, fact: Fact | None, span_type: SpanType) -> list[str]:
    """A key no setter asks (no exam relation, a passing place or event, a side detail), one
    more answers fit, or a place the stem hints at."""
    out: list[str] = []
    if question.variant != "hand" and relation(question.prompt, question.answer, span_type) is None:
        out.append("not examinable")  # true, but no setter asks it
    if (
        span_type in (SpanType.PLACE, SpanType.COUNTRY, SpanType.ORGANISATION)
        and not curated(fact)
        and not PLACE_ASKED_RE.search(question.prompt)
        and not LASTING_PLACE_RE.search(question.prompt)
        and not _frame_claim(question.prompt)
        and not CERTIFIED_FREE_RE.search(question.prompt)
    ):
        out.append("not examinable")
    if ROUTINE_EVENT_KEY_RE.fullmatch(str(question.answer)) and not curated(fact):
        out.append("trivial key")
    if SIDE_DETAIL_RE.search(question.prompt.replace(question.answer, BLANK)) or (
        OCCASION_KEY_RE.fullmatch(question.answer)
        and re.search(rf"\bon (?:the )?(?:eve of )?(?:the )?{BLANK}", question.prompt)
    ):
        out.append("not examinable")  # "the _____ evacuation flight", "on the _____"
    if (
        question.kind in ("cloze", "short_answer")
        and EXERCISE_CLAIM_RE.search(question.prompt)
        and question.prompt.startswith((BLANK, "Which "))
    ):
        # "_____ is a joint military exercise between India and France": Shakti, but
        # Varuna and Garuda too, to a reader; the options say which list is meant
        out.append("more than one answer")
    if (
        question.kind == "cloze"
        and span_type in (SpanType.PLACE, SpanType.COUNTRY)
        and places.kind_of(question.answer) in ("state", "union territory", "country")
        and WIDE_PLACE_BLANK_RE.search(question.prompt)
    ):
        out.append("more than one answer")  # "opened in _____": its city fits as well
    if span_type in (SpanType.PLACE, SpanType.COUNTRY) and places.hint_in(
        question.prompt, question.answer
    ):
        out.append("answer in stem")  # "Imphal" names Manipur, "Cochin" names Kochi
    return out


def _mcq_defects(
    question: Question, fact: Fact | None, span_type: SpanType, options: list[str]
) -> list[str]:
    """An MCQ's options: from the same field as the key, possible, and not absurd."""
    out = option_defects(question.answer, options, span_type, authored=authored(question, fact))
    out += place_option_defects(question.prompt, question.answer, options)
    if not curated(fact) and _picked_from_the_crowd(question.prompt, question.answer, span_type):
        out.append("distractor of another domain")
    if "India" in options and HONOURED_INDIAN_RE.search(question.prompt):
        out.append("absurd distractor")  # India as the land that honours its own leader
    if _beyond_the_field(question.prompt, options):
        out.append("impossible option")  # "128th ... out of 121 countries"
    if _off_cycle(question.prompt, question.answer, options):
        out.append("absurd distractor")  # "Asian Games ... in _____": 1989 was no Games year
    return out


RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.IGNORECASE)
REPORT_RELEASED_RE = re.compile(
    r"\b(?:released|published|unveiled|launched|brought out)\b[^.]*\b(?:Report|Index|Survey"
    r"|Rankings?)\b"
)
ORDINAL_NUMBER_RE = re.compile(NUMBERED_ORDINAL)
# What makes a report's release news: a rank in it ("ranking Fiji 12th", "topped").
RANKED_RE = re.compile(rf"{ORDINAL_NUMBER_RE.pattern}|\brank|\btop(?:ped)?\b", re.IGNORECASE)
POST_FILLED_RE = re.compile(
    r"\b(?:appointed|elected|re-elected|sworn in|took charge|took oath|assumed office"
    r"|took over)\b",
    re.IGNORECASE,
)
POST_NAMED_RE = re.compile(rf"{ROLE_RE.pattern}|\b(?:judge|justice|member|MP|MLA)\b", re.I)
UNNAMED_PLAN_RE = re.compile(
    r"\b(?:an?|one) (?:new )?(?:scheme|programme|program|mission|project|policy|initiative"
    r"|yojana)\b(?! (?:called|named|titled|known as)\b)",
    re.IGNORECASE,
)
RANK_STEPS = r"(?:ranks?|places?|spots?|positions?|notches?|rungs?)\b"
# A rank reached by a stated move from a stated rank: "jumped 30 ranks to _____ from 130th".
RANKS_MOVED_RE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|thirty|forty"
    rf"|fifty)\s+{RANK_STEPS}",
    re.IGNORECASE,
)
# The move asked between two stated ranks: "improved _____ places from 142nd to 63rd".
MOVE_ASKED_RE = re.compile(rf"_{{5}} {RANK_STEPS}", re.IGNORECASE)
STATED_RANK_RE = re.compile(rf"{ORDINAL_NUMBER_RE.pattern}|\bfrom (?:No\.? ?)?\d+\b", re.I)
PERCENT_RE = re.compile(r"\d+(?:\.\d+)?\s?(?:%|per ?cent\b)", re.IGNORECASE)
# Who said it: "..., Finance Minister _____ announced." asks the speaker, not the news.
SPEAKER_RE = re.compile(
    r"_{5},? (?:said|says|announced|stated|told|added|noted|informed|tweeted|wrote|remarked"
    r"|confirmed|declared)\s*(?:[.,?]|$)",
    re.IGNORECASE,
)
# One player's score in one match: "scored _____ to take silver", "a 19-ball _____".
SCORE_RE = re.compile(r"\b(?:scored|scoring|\d+-ball|knock of|innings of|tally of) _{5}", re.I)
# "finished in the top _____": a place among the best, not a rank an exam asks.
# "the _____ and final Test" of a four-match series: the count names the last.
FINAL_OF_RE = re.compile(r"_{5} and (?:the )?(?:final|last)\b", re.I)
TOP_N_RE = re.compile(r"\b(?:in|among|into) the top (?:_{5}|how many)", re.I)


# "Prime Minister Narendra Modi was conferred with which country's highest civilian award?"
HONOURED_INDIAN_RE = re.compile(
    r"^(?=.*\bwhich country['’]s\b)(?=.*\b(?:Modi|Indian|India['’]s)\b)"
)
THE_PLACE_END_RE = re.compile(r"\bthe ((?-i:[A-Z])[a-z]+(?: (?-i:[A-Z])[a-z]+)?)[.?]$")


def _the_state_cut(prompt: str) -> bool:
    """Whether the stem ends at "the" and a state's name: the page's "the Andhra Pradesh
    Assembly" cut before its noun."""
    match = THE_PLACE_END_RE.search(prompt)
    return match is not None and places.kind_of(match.group(1)) in ("state", "union territory")


# The same sum in another currency, beside the blank: "_____ (Rs 7,500 crore)".
OTHER_CURRENCY_RE = re.compile(
    r"_{5}\s*\((?:about |around |nearly |approximately |over |roughly )?(?:Rs\.?|₹|INR|USD|US\$|\$)"
    r"\s?[\d,.]+"
)
# A post of a state or a party written before the blank: "Tamil Nadu chief minister _____",
# "TDP chief _____".
POST_BEFORE_RE = re.compile(
    r"\b(?-i:[A-Z][\w-]+)(?: (?-i:[A-Z][\w-]+))? (?:chief minister|CM|chief|supremo|governor)"
    r" _{5}",
    re.IGNORECASE,
)


def _post_names_holder(prompt: str) -> bool:
    """Whether a state's or a party's post, held by one person at a time, stands before the
    blank; a former holder ("former Gujarat chief minister _____") is still asked."""
    match = POST_BEFORE_RE.search(prompt)
    if match is None:
        return False
    before = prompt[max(0, match.start() - 12) : match.start()].lower()
    return not re.search(r"\b(?:former|ex|late|then)[\s-]*$", before)


def worked_out(prompt: str, span_type: SpanType) -> bool:
    """Whether the stem lets the key be worked out by arithmetic: a rank from a move and the
    rank before it ("jumped 30 ranks to _____ from 130th"), or a change in a rate from the
    two rates it moved between ("hiked by _____ from 29.5% to 30%")."""
    rest = prompt.replace(BLANK, " ")
    if span_type is SpanType.NUMBER and MOVE_ASKED_RE.search(prompt):
        return len(ORDINAL_NUMBER_RE.findall(rest)) >= 2
    if span_type in (SpanType.ORDINAL, SpanType.NUMBER) and RANKS_MOVED_RE.search(rest):
        return bool(STATED_RANK_RE.search(RANKS_MOVED_RE.sub(" ", rest)))
    if span_type in (SpanType.NUMBER, SpanType.MONEY) and len(PERCENT_RE.findall(rest)) >= 2:
        return bool(re.search(r"\bby (?:_{5}|how (?:many|much))", prompt, re.IGNORECASE))
    medals = MEDAL_COUNTS_RE.search(rest)
    if span_type is SpanType.NUMBER and medals:
        return True  # "_____ medals (9 gold, 12 silver, 10 bronze)": the sum of the three
    return False


MEDAL_COUNTS_RE = re.compile(
    r"\b\d+ gold(?: medals)?, \d+ silver(?: medals)?,? (?:and )?\d+ bronze"
)


# The moment a record is counted from: "the highest level since _____", "for the first time
# since which year?".
RECORD_SINCE_RE = re.compile(
    r"\b(?:highest|lowest|biggest|largest|smallest|strongest|weakest|fastest|slowest|best"
    r"|worst|first)\b[^.,;]*\bsince\b[^.,;]*(?:_{5}|\bwhich\b|\bwhen\b)",
    re.IGNORECASE,
)
# What counts from a moment the reader is not told: "since 2002", "for the first time".
SINCE_RE = re.compile(r"\b(?:since|in \d+ years)\b[^,.;]*|\bfor the first time\b", re.IGNORECASE)
# An event told as done (the regular past is PAST_EVENT_RE's): "won", "has become".
EVENT_VERB_RE = re.compile(
    r"\b(?:has|have) (?:been )?[a-z]+\b|\b(?:won|became|took|began|held|fell|rose|beat|led|set"
    r"|struck|hit|swore|met|made|gave|lost|sold|bought|built|broke|came|went|got|ran|shot|threw"
    r"|sworn|overtook|topped)\b"
)
SEED_RE = re.compile(r"\b\w+ seed(?:ed)?\b", re.IGNORECASE)  # "sixth seed": no edition


def undated(question: Question) -> bool:
    """An event lifted from an article that says neither when it happened nor which edition
    or term it was: the article's date is unknown and the sentence names no year, so the
    claim is true only "now" (ordinals such as "47th President" or "second term" date it).
    A lasting fact ("the Ganga is the longest river in India") needs no date."""
    # The key dates the event ("since _____" asks a year), except an edition it asks for.
    key = "" if parse_ordinal(question.answer) is not None else question.answer
    told = SEED_RE.sub("", f"{SINCE_RE.sub('', question.prompt)} {key}")
    if SINCE_RE.search(question.prompt):
        told = re.sub(r"\bfirst\b", "", told, flags=re.IGNORECASE)  # "the first since 2017"
    if YEAR_RE.search(told) or ORDINAL_WORD_RE.search(told) or ORDINAL_IN_STEM_RE.search(told):
        return False
    claim = question.prompt.replace(BLANK, question.answer)
    return bool(PAST_EVENT_RE.search(claim) or EVENT_VERB_RE.search(claim))


GENERAL_ELECTION_RE = re.compile(r"\bLok Sabha (?:elections?|polls)\b|\bgeneral elections?\b")
GAMES_RE = re.compile(
    r"\b(?:Olympics?|Olympic Games|Asian Games|Asiad|Commonwealth Games|World Cup)\b"
)


# A company's or a deal's money, outside India's own accounts: no exam asks it.
DEAL_VALUE_RE = re.compile(
    r"^(?!.*\b(?:India|Indian|Rs\.?|INR|crore|lakh)\b)(?!.*₹)"
    r".*\b(?:profit|revenue|sales|turnover|deal|contract|valued at|worth)\b",
    re.IGNORECASE,
)


def _beyond_the_field(prompt: str, options: Sequence[str]) -> bool:
    """A rank offered past the size of the field the stem states ("out of 121 countries")."""
    field = re.search(r"\b(?:out of|among) (\d+)\b", prompt)
    if field is None:
        return False
    ranks = [re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", o.strip()) for o in options]
    return any(r is not None and int(r.group(1)) > int(field.group(1)) for r in ranks)


def _off_cycle(prompt: str, answer: str, options: Sequence[str]) -> bool:
    """Years offered for a four-yearly event (or a five-yearly general election) that fall
    between its editions: "2025, 2026, 2027" for the Lok Sabha polls of 2024."""
    period = 4 if GAMES_RE.search(prompt) else 5 if GENERAL_ELECTION_RE.search(prompt) else 0
    if not period or not re.fullmatch(r"(?:19|20)\d{2}", answer):
        return False
    years = [int(o) for o in options if re.fullmatch(r"(?:19|20)\d{2}", o)]
    return any((y - int(answer)) % period for y in years)


def _picked_from_the_crowd(prompt: str, answer: str, span_type: SpanType) -> bool:
    """Wrong answers for a person or a city that no person chose: the article's and the deck's
    other names (a Chief Minister among judges, a town of another state) read as absurd far
    more often than not. A state or a country is asked among its kind; a person or a city is
    asked as a blank instead, unless the stem names the state its towns are drawn from."""
    if places.kind_of(answer) in ("state", "union territory", "country"):
        return False
    if CITY_IN_STATE_RE.search(prompt):
        return False
    return span_type in (SpanType.PERSON, SpanType.PLACE)


def claim_relation(claim: str, span: KeySpan) -> str | None:
    """The exam relation a span of a claim stands in, asked as if it were blanked."""
    if span.text not in claim:
        return None
    return relation(claim.replace(span.text, BLANK, 1), span.text, span.type)


def span_defects(span: KeySpan) -> list[str]:
    """A span the gate would refuse as a key, whatever question asks it."""
    return key_defects(span.text, span.type, authored=bool(span.distractors))


def examinable_claim(fact: Fact) -> bool:
    """Whether the fact's statement may be judged true or false by an aspirant: it names
    what it is about, an event in it says when, and some span stands in an exam relation."""
    statement = fact.statement
    if told_without_year(statement) or not anchored(statement, "\0"):
        return False
    return related_span(statement, fact)


def related_span(claim: str, fact: Fact) -> bool:
    """Whether some askable span of the fact stands in an exam relation within ``claim``."""
    return any(not span_defects(s) and claim_relation(claim, s) for s in fact.spans)


def statement_defects(statement: str) -> list[str]:
    """A fact's statement unfit to stand as one item of "Consider the following statements"."""
    return text_defects(statement, max_words=MAX_STATEMENT_WORDS) + claim_defects(statement)
