"""Small built-in word lists the extractor uses to type spans: titles of office, and words
that mark organisations, places, events and named terms. Countries, Indian states and cities
come from data packages (see :mod:`quizmaster.places`)."""

from __future__ import annotations

import re

# Titles of office written before a name ("Defence Secretary Rajesh Kumar Singh"). Longest
# first, so "Lt Gen" wins over "Gen". The honorifics name no post and give no role span.
TITLES: tuple[str, ...] = tuple(
    sorted(
        """Prime Minister|PM|President|Vice President|Vice-President|Chief Minister|CM|
Governor|Lieutenant Governor|Lt Governor|Union Minister|Minister|Defence Minister|
Foreign Minister|External Affairs Minister|Finance Minister|Home Minister|Defence Secretary|
Foreign Secretary|Home Secretary|Finance Secretary|Cabinet Secretary|Chief Justice|Justice|
Chief of Army Staff|Chief of Defence Staff|Army Chief|Navy Chief|Air Chief|General|Gen|
Lt Gen|Lt. Gen.|Lieutenant General|Maj Gen|Maj. Gen.|Major General|Brigadier|Brig|Colonel|
Col|Lt Col|Admiral|Vice Admiral|Rear Admiral|Air Marshal|Air Chief Marshal|Air Vice Marshal|
Captain|Capt|Commander|Cdr|Director General|Director-General|Director General of Police|
Director-General of Police|DGP|Inspector General of Police|Commissioner of Police|
Police Commissioner|Chief Secretary|Director|Chairman|Chairperson|Chief Executive|
CEO|Managing Director|Ambassador|High Commissioner|Secretary-General|Secretary General|
Chief Election Commissioner|Chief Economic Adviser|National Security Adviser|NSA|Speaker|
Chancellor|Crown Prince|King|Queen|Emir|Sheikh|Dr|Dr.|Shri|Sri|Smt|Smt.|Thiru|Tmt|Pu|
Pandit|Ustad|Mahakavi|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Prof|Prof.|Professor|MP|MLA|MLC
""".replace("\n", "").split("|"),
        key=len,
        reverse=True,
    )
)
# "IRS officer X", "senior diplomat X": a service or standing named before an appointee.
# The civil services whose initials stand before an officer's name ("IPS Asha Rao").
SERVICES: tuple[str, ...] = ("IAS", "IPS", "IRS", "IFS")
SERVICE_TITLE = (
    rf"(?:(?:(?:senior|veteran|retired|former) )?(?:{'|'.join(SERVICES)})|senior|veteran)"
    r" (?:officer|diplomat|bureaucrat)"
)
# A ship's name: its prefix and the name after it, a city's or a river's though that may be.
SHIP_RE = re.compile(
    r"\b(?:INS|INSV|ICGS|HMS|USS|HMAS)\s+[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+)?\b"
)  # "HMS Prince of Wales"
# What a person is known as: "author X", "veteran actor X", "tabla maestro X".
CALLINGS = (
    r"author|writer|poet|novelist|economist|scientist|physicist|chemist|journalist|activist"
    r"|actor|actress|singer|filmmaker|painter|musician|lawyer|mathematician"
)
# Callings a sentence names people by, though they are no proper trade of letters or arts.
PEOPLE_WORDS = (
    r"industrialist|dancer|player|cricketer|athlete|boxer|wrestler|shooter|grandmaster"
    r"|politician|composer|lyricist|entrepreneur|businessman|philanthropist|cinematographer"
)
HONORIFICS: frozenset[str] = frozenset(
    "Dr|Dr.|Shri|Sri|Smt|Smt.|Thiru|Tmt|Pu|Pandit|Ustad|Mahakavi|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Prof|"
    "Prof.|Professor".split("|")
)
# Words that head a post when a capitalised run starts with them ("Governor of the ...").
ROLE_HEADS: frozenset[str] = frozenset(
    """Governor|Chairman|Chairperson|Chair|President|Secretary|Minister|Director|Chief|Head|
Commander|Ambassador|Judge|Justice|Speaker|Deputy|Vice|Prime|Managing|Executive|Administrator|
Secretary-General""".replace("\n", "").split("|")
)

ORG_WORDS: frozenset[str] = frozenset(
    """Ministry|Department|Bank|Organisation|Organization|Council|Commission|Authority|Agency|
Institute|Institution|Corporation|Limited|Ltd|Board|Forum|Fund|Union|Association|Committee|
Court|Parliament|University|Army|Navy|Force|Forces|Group|Secretariat|Bureau|Society|
Federation|Alliance|Company|Party|Assembly|Aayog|Office|Laboratory|Command|Regiment|
Battalion|Rifles|Guards|Police|Tribunal|Cabinet|Foundation|Trust|Academy|Network|Coalition|
Consortium|Exchange|Survey|Service|Services|Observatory|Centre|Center|Directorate""".replace(
        "\n", ""
    ).split("|")
)
PLACE_WORDS: frozenset[str] = frozenset(
    """Lake|Lakes|Wetland|Wetlands|Sanctuary|Park|Reserve|Bay|River|Island|Islands|Lagoon|
Jheel|Tal|Beel|Dam|Fort|Valley|Hills|Hill|Port|Airport|District|Mangroves|Marsh|Delta|
Creek|Estuary|Gulf|Sea|Ocean|Strait|Peninsula|Desert|Plateau|Glacier|Pass|Range|Forest|
Falls|Basin|Coast|Canal|Harbour|City|Village|State|Region|Province|Complex|Asia|Africa|
Ranges|Node|Station|Base|Cantonment|Reservoir|Bridge|Tunnel|Expressway|Highway|Stadium|
Europe|America|Pacific|Antarctica|Arctic""".replace("\n", "").split("|")
)
# "South Kashmir", "Ujjain South", "North Goa": a region's or a seat's name, never a person's.
COMPASS_WORDS: frozenset[str] = frozenset(
    "North South East West Central Upper Lower Northern Southern".split()
)
EVENT_WORDS: frozenset[str] = frozenset(
    """Summit|Conference|Games|Olympics|Expo|Festival|Mela|Yatra|Dialogue|Conclave|Meeting|
Cup|Championship|Championships|Tournament|Congress|Session|Week|Day|Year|Decade""".replace(
        "\n", ""
    ).split("|")
)
TERM_WORDS: frozenset[str] = frozenset(
    """Index|Report|Ranking|Rankings|Scheme|Yojana|Mission|Policy|Act|Bill|Treaty|
Convention|Agreement|Initiative|Programme|Program|Award|Awards|Prize|Corridor|Protocol|
Accord|Declaration|Charter|Framework|Plan|Strategy|Abhiyan|Missile|System|Satellite|
Vaccine|Portal|Campaign|Code|Survey|List|Status|Tag""".replace("\n", "").split("|")
)

# Words that head names of bodies, places, events, things and posts, lower-cased
# ("institute", "sanctuary", "summit", "scheme", "governor").
NAME_HEADS: frozenset[str] = frozenset(
    w.lower() for w in ORG_WORDS | PLACE_WORDS | EVENT_WORDS | TERM_WORDS | ROLE_HEADS
)

# A month as news text writes it ("Nov", "Nov.", "November", "Sept"), and a weekday: the
# pieces of the date patterns of cleaning and of the gate.
MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
# Monday first, as ``datetime.date.weekday`` counts them.
WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})"

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MONTH_NUMBERS: dict[str, int] = {
    name: index % 12 + 1
    for index, name in enumerate(
        "january february march april may june july august september october november december "
        "jan feb mar apr may jun jul aug sep oct nov dec".split()
    )
}
MONTH_NUMBERS["sept"] = 9

ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
)

# Capitalised words that start sentences or headings but name nothing.
COMMON_CAPITALISED: frozenset[str] = frozenset(
    """The|A|An|This|That|These|Those|It|Its|He|She|They|We|Our|His|Her|Their|In|On|At|For|
With|By|From|As|After|Before|During|Under|Over|Both|Each|All|Some|Several|Many|Most|Other|
Also|However|Meanwhile|According|Officials|Official|Further|Besides|Moreover|While|When|
Since|Until|Once|Earlier|Later|Today|Yesterday|Tomorrow|Key|Important|Special|Its|
There|Here|Such|Among|Through|Across|About|Apart|Addressing|Speaking|Note|Within|
While|Where|What|Which|Who|Under|Up|Following|Last|Next|First|Second|Earth|Moon|Sun""".replace(
        "\n", ""
    ).split("|")
)

# Words of posts and honorifics, lower-cased: a name holding one is no person's whole name.
ROLE_WORDS: frozenset[str] = frozenset(
    "minister secretary president governor chairman chairperson chief director general "
    "ambassador officer commander judge justice ceo head ministry department prime deputy "
    "admiral marshal major colonel captain lieutenant brigadier dr shri smt mr mrs ms".split()
)

# What began or was first done: a body founded, a treaty signed, a scheme or a satellite
# launched. The date of such a thing is what a setter asks; the date of a meeting is not.
BEGAN_RE = re.compile(
    r"\b(?:founded|established|instituted|set up|constituted|ratified|signed|launched|formed"
    r"|created|incorporated|adopted|first"
    r"|(?:awarded|given|conferred|held|observed|celebrated) (?:annually |every year )?since)\b",
    re.IGNORECASE,
)
