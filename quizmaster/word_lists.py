"""The built-in word lists. First, a small curated gazetteer: same-typed wrong answers for
multiple-choice questions.

Plain Python data, so it ships in the wheel and costs nothing to load. Each group holds names
of one form (Indian state capitals, ministries, army ranks ...): a distractor drawn from the
group that holds the answer looks like the answer. Only well-known, stable names belong here.
"""

from __future__ import annotations

import re

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Country -> capital. Also the source of the "countries" and "world capitals" groups.
WORLD_CAPITALS: dict[str, str] = {
    "Afghanistan": "Kabul",
    "Argentina": "Buenos Aires",
    "Australia": "Canberra",
    "Bangladesh": "Dhaka",
    "Bhutan": "Thimphu",
    "Brazil": "Brasília",
    "Canada": "Ottawa",
    "China": "Beijing",
    "Egypt": "Cairo",
    "Ethiopia": "Addis Ababa",
    "France": "Paris",
    "Germany": "Berlin",
    "Indonesia": "Jakarta",
    "India": "New Delhi",
    "Iran": "Tehran",
    "Israel": "Jerusalem",
    "Italy": "Rome",
    "Japan": "Tokyo",
    "Kazakhstan": "Astana",
    "Kenya": "Nairobi",
    "Malaysia": "Kuala Lumpur",
    "Maldives": "Malé",
    "Mauritius": "Port Louis",
    "Mexico": "Mexico City",
    "Morocco": "Rabat",
    "Myanmar": "Naypyidaw",
    "Nepal": "Kathmandu",
    "Netherlands": "Amsterdam",
    "Nigeria": "Abuja",
    "Norway": "Oslo",
    "Oman": "Muscat",
    "Pakistan": "Islamabad",
    "Philippines": "Manila",
    "Qatar": "Doha",
    "Russia": "Moscow",
    "Saudi Arabia": "Riyadh",
    "Singapore": "Singapore",
    "South Africa": "Pretoria",
    "South Korea": "Seoul",
    "Spain": "Madrid",
    "Sri Lanka": "Sri Jayawardenepura Kotte",
    "Sweden": "Stockholm",
    "Switzerland": "Bern",
    "Thailand": "Bangkok",
    "Turkey": "Ankara",
    "Ukraine": "Kyiv",
    "United Arab Emirates": "Abu Dhabi",
    "United Kingdom": "London",
    "United States": "Washington, D.C.",
    "Vietnam": "Hanoi",
}

# Indian state -> capital.
INDIAN_STATE_CAPITALS: dict[str, str] = {
    "Andhra Pradesh": "Amaravati",
    "Arunachal Pradesh": "Itanagar",
    "Assam": "Dispur",
    "Bihar": "Patna",
    "Chhattisgarh": "Raipur",
    "Goa": "Panaji",
    "Gujarat": "Gandhinagar",
    "Haryana": "Chandigarh",
    "Himachal Pradesh": "Shimla",
    "Jharkhand": "Ranchi",
    "Karnataka": "Bengaluru",
    "Kerala": "Thiruvananthapuram",
    "Madhya Pradesh": "Bhopal",
    "Maharashtra": "Mumbai",
    "Manipur": "Imphal",
    "Meghalaya": "Shillong",
    "Mizoram": "Aizawl",
    "Nagaland": "Kohima",
    "Odisha": "Bhubaneswar",
    "Punjab": "Chandigarh",
    "Rajasthan": "Jaipur",
    "Sikkim": "Gangtok",
    "Tamil Nadu": "Chennai",
    "Telangana": "Hyderabad",
    "Tripura": "Agartala",
    "Uttar Pradesh": "Lucknow",
    "Uttarakhand": "Dehradun",
    "West Bengal": "Kolkata",
}

# Indian union territory -> capital (or administrative seat).
INDIAN_UT_CAPITALS: dict[str, str] = {
    "Delhi": "New Delhi",
    "Jammu and Kashmir": "Srinagar",
    "Ladakh": "Leh",
    "Puducherry": "Puducherry",
    "Chandigarh": "Chandigarh",
    "Andaman and Nicobar Islands": "Port Blair",
    "Lakshadweep": "Kavaratti",
    "Dadra and Nagar Haveli and Daman and Diu": "Daman",
}

# Indian states on the sea in their order along the coast, west to east (the packages know
# borders, not coasts), then the territories on the sea: the wrong answers for a beach, a
# port or a coast are the nearest of these.
INDIAN_COASTAL_STATES: tuple[str, ...] = (
    "Gujarat",
    "Maharashtra",
    "Goa",
    "Karnataka",
    "Kerala",
    "Tamil Nadu",
    "Andhra Pradesh",
    "Odisha",
    "West Bengal",
)
INDIAN_COASTAL: frozenset[str] = frozenset(
    {
        *INDIAN_COASTAL_STATES,
        "Puducherry",
        "Lakshadweep",
        "Andaman and Nicobar Islands",
        "Dadra and Nagar Haveli and Daman and Diu",
    }
)
INDIAN_UNION_TERRITORIES: tuple[str, ...] = tuple(INDIAN_UT_CAPITALS)
# A city of each state whose capital GeoNames lacks (Dispur) or shares (Chandigarh): the
# city that tells places.hint_in the state's GeoNames number.
STATE_ANCHOR_CITIES: dict[str, str] = {
    "Assam": "Guwahati",
    "Goa": "Margao",
    "Punjab": "Ludhiana",
    "Jammu and Kashmir": "Srinagar",
    "Ladakh": "Leh",
}

# The zonal councils the States Reorganisation Act, 1956 set up (the North Eastern Council
# for the north-east): an examiner's wrong states come from the key's own part of India.
# Neither pycountry nor GeoNames groups India's states.
INDIAN_ZONES: dict[str, tuple[str, ...]] = {
    "north": ("Haryana", "Himachal Pradesh", "Punjab", "Rajasthan"),
    "central": ("Uttar Pradesh", "Uttarakhand", "Madhya Pradesh", "Chhattisgarh"),
    "east": ("Bihar", "Jharkhand", "Odisha", "West Bengal"),
    "west": ("Gujarat", "Maharashtra", "Goa"),
    "south": ("Andhra Pradesh", "Karnataka", "Kerala", "Tamil Nadu", "Telangana"),
    "north-east": (
        "Assam",
        "Arunachal Pradesh",
        "Manipur",
        "Meghalaya",
        "Mizoram",
        "Nagaland",
        "Tripura",
        "Sikkim",
    ),
}
# States bordering each zone, nearest first: where a small zone's wrong answers continue.
NEAR_ZONE_STATES: dict[str, tuple[str, ...]] = {
    "north": ("Uttar Pradesh", "Uttarakhand", "Gujarat"),
    "central": ("Bihar", "Rajasthan", "Jharkhand", "Odisha"),
    "east": ("Chhattisgarh", "Uttar Pradesh", "Assam"),
    "west": ("Rajasthan", "Madhya Pradesh", "Karnataka"),
    "south": ("Maharashtra", "Odisha", "Goa"),
    "north-east": ("West Bengal", "Bihar"),
}

INDIAN_CITIES: tuple[str, ...] = (
    "New Delhi",
    "Mumbai",
    "Kolkata",
    "Chennai",
    "Bengaluru",
    "Hyderabad",
    "Ahmedabad",
    "Pune",
    "Jaipur",
    "Lucknow",
    "Bhopal",
    "Patna",
    "Visakhapatnam",
    "Kochi",
    "Guwahati",
    "Varanasi",
)

# Cities of countries that often appear in Indian current affairs.
CITIES_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "Israel": ("Tel Aviv", "Jerusalem", "Haifa", "Eilat", "Beersheba"),
    "United States": ("Washington, D.C.", "New York", "San Francisco", "Chicago"),
    "United Kingdom": ("London", "Manchester", "Birmingham", "Edinburgh"),
    "France": ("Paris", "Marseille", "Lyon", "Toulouse"),
    "Japan": ("Tokyo", "Osaka", "Kyoto", "Hiroshima"),
    "Russia": ("Moscow", "Saint Petersburg", "Kazan", "Vladivostok"),
    "China": ("Beijing", "Shanghai", "Guangzhou", "Shenzhen"),
    "United Arab Emirates": ("Abu Dhabi", "Dubai", "Sharjah"),
}

INDIAN_MINISTRIES: tuple[str, ...] = (
    "Ministry of Defence",
    "Ministry of External Affairs",
    "Ministry of Home Affairs",
    "Ministry of Finance",
    "Ministry of Commerce and Industry",
    "Ministry of Electronics and Information Technology",
    "Ministry of Science and Technology",
    "Ministry of Law and Justice",
    "Ministry of Education",
    "Ministry of Health and Family Welfare",
    "Ministry of Agriculture and Farmers Welfare",
    "Ministry of Environment, Forest and Climate Change",
    "Ministry of Jal Shakti",
    "Ministry of Power",
    "Ministry of Railways",
    "Ministry of Road Transport and Highways",
    "Ministry of Civil Aviation",
    "Ministry of Petroleum and Natural Gas",
    "Ministry of Rural Development",
    "Ministry of Housing and Urban Affairs",
)

INDIAN_BODIES: tuple[str, ...] = (
    "Reserve Bank of India",
    "Securities and Exchange Board of India",
    "NITI Aayog",
    "Election Commission of India",
    "Comptroller and Auditor General of India",
    "Union Public Service Commission",
    "Defence Research and Development Organisation",
    "Indian Space Research Organisation",
    "Hindustan Aeronautics Limited",
    "Bharat Electronics Limited",
    "National Security Council",
    "Prime Minister's Office",
)

INTERNATIONAL_ORGANISATIONS: tuple[str, ...] = (
    "United Nations",
    "World Trade Organization",
    "International Monetary Fund",
    "World Bank",
    "World Health Organization",
    "Asian Development Bank",
    "New Development Bank",
    "North Atlantic Treaty Organization",
    "Association of Southeast Asian Nations",
    "Shanghai Cooperation Organisation",
    "South Asian Association for Regional Cooperation",
    "International Atomic Energy Agency",
    "International Solar Alliance",
)

INTERNATIONAL_GROUPINGS: tuple[str, ...] = (
    "G20",
    "G7",
    "BRICS",
    "Quad",
    "BIMSTEC",
    "ASEAN",
    "SCO",
    "SAARC",
    "I2U2",
)

# Bilateral mechanisms: the form "Joint Working Group" is asked about in current affairs.
BILATERAL_MECHANISMS: tuple[str, ...] = (
    "Joint Working Group",
    "Joint Steering Committee",
    "Joint Defence Commission",
    "Strategic Policy Dialogue",
    "Defence Policy Dialogue",
    "Joint Commission Meeting",
    "2+2 Ministerial Dialogue",
)

INDIAN_OFFICIAL_TITLES: tuple[str, ...] = (
    "Defence Secretary",
    "Foreign Secretary",
    "Home Secretary",
    "Cabinet Secretary",
    "Finance Secretary",
    "National Security Adviser",
    "Chief of Defence Staff",
    "Chief Economic Adviser",
    "Attorney General",
    "Solicitor General",
    "Chief Election Commissioner",
    "Comptroller and Auditor General",
)

FOREIGN_OFFICIAL_TITLES: tuple[str, ...] = (
    "Director General",
    "Deputy Director General",
    "Permanent Secretary",
    "Under Secretary",
    "Deputy Minister",
    "Chief of Staff",
    "Military Secretary",
    "Ambassador",
)

POLITICAL_OFFICES: tuple[str, ...] = (
    "Prime Minister",
    "President",
    "Vice President",
    "Defence Minister",
    "External Affairs Minister",
    "Home Minister",
    "Finance Minister",
    "Chief Minister",
    "Governor",
    "Speaker",
)

MILITARY_RANKS: tuple[str, ...] = (
    "Lieutenant",
    "Captain",
    "Major",
    "Lieutenant Colonel",
    "Colonel",
    "Brigadier",
    "Brigadier General",
    "Major General",
    "Lieutenant General",
    "General",
    "Rear Admiral",
    "Vice Admiral",
    "Admiral",
    "Air Vice Marshal",
    "Air Marshal",
    "Air Chief Marshal",
)

# --- list items of cooperation articles (ingest recall) ---
EMERGING_TECHNOLOGIES: tuple[str, ...] = (
    "artificial intelligence",
    "cybersecurity",
    "quantum computing",
    "unmanned systems",
    "electronic warfare",
    "space technology",
    "semiconductors",
    "hypersonic weapons",
    "robotics",
    "directed energy weapons",
    "biotechnology",
    "machine learning",
)
COOPERATION_AREAS: tuple[str, ...] = (
    "technology sharing",
    "co-development",
    "co-production",
    "joint research",
    "joint exercises",
    "maritime security",
    "counter-terrorism",
    "military training",
    "logistics support",
    "capacity building",
    "disaster relief",
    "defence manufacturing",
)

# India's recurring bilateral exercises and the one country each is held with. No data
# package lists them; a setter asks "Exercise Shakti is held between India and which
# country?" and offers the others as wrong answers. One exercise per country in each list,
# so no wrong answer is held with the same country as the key.
JOINT_MILITARY_EXERCISES: dict[str, str] = {
    "Yudh Abhyas": "United States",
    "Shakti": "France",
    "Dharma Guardian": "Japan",
    "Mitra Shakti": "Sri Lanka",
    "Nomadic Elephant": "Mongolia",
    "Ekuverin": "Maldives",
    "Surya Kiran": "Nepal",
    "Harimau Shakti": "Malaysia",
    "Maitree": "Thailand",
    "Garuda Shakti": "Indonesia",
    "Khanjar": "Kyrgyzstan",
    "KAZIND": "Kazakhstan",
    "Dustlik": "Uzbekistan",
    "Ajeya Warrior": "United Kingdom",
    "Hand-in-Hand": "China",
    "Sampriti": "Bangladesh",
    "Lamitiye": "Seychelles",
    "Al Najah": "Oman",
    "Desert Cyclone": "United Arab Emirates",
    "AustraHind": "Australia",
    "Indra": "Russia",
}
NAVAL_EXERCISES: dict[str, str] = {
    "Varuna": "France",
    "JIMEX": "Japan",
    "SIMBEX": "Singapore",
    "SLINEX": "Sri Lanka",
    "AUSINDEX": "Australia",
    "Konkan": "United Kingdom",
    "Zayed Talwar": "United Arab Emirates",
    "Samudra Shakti": "Indonesia",
    "Bongosagar": "Bangladesh",
    "Naseem Al Bahr": "Oman",
}
AIR_EXERCISES: dict[str, str] = {
    "Garuda": "France",
    "Cope India": "United States",
    "Indradhanush": "United Kingdom",
    "Eastern Bridge": "Oman",
}
EXERCISE_PARTNERS: dict[str, str] = {
    "Vajra Prahar": "United States",  # special forces: a second army exercise with the US
    **JOINT_MILITARY_EXERCISES,
    **NAVAL_EXERCISES,
    **AIR_EXERCISES,
}

GROUPS: dict[str, tuple[str, ...]] = {
    "countries": tuple(WORLD_CAPITALS),
    "world capitals": tuple(WORLD_CAPITALS.values()),
    "indian states": tuple(INDIAN_STATE_CAPITALS),
    "indian union territories": INDIAN_UNION_TERRITORIES,
    "indian state capitals": tuple(dict.fromkeys(INDIAN_STATE_CAPITALS.values())),
    "indian cities": INDIAN_CITIES,
    **{f"cities of {country}": cities for country, cities in CITIES_BY_COUNTRY.items()},
    "indian ministries": INDIAN_MINISTRIES,
    "indian bodies": INDIAN_BODIES,
    "international organisations": INTERNATIONAL_ORGANISATIONS,
    "international groupings": INTERNATIONAL_GROUPINGS,
    "bilateral mechanisms": BILATERAL_MECHANISMS,
    "indian official titles": INDIAN_OFFICIAL_TITLES,
    "foreign official titles": FOREIGN_OFFICIAL_TITLES,
    "political offices": POLITICAL_OFFICES,
    "military ranks": MILITARY_RANKS,
    "months": MONTHS,
    "emerging technologies": EMERGING_TECHNOLOGIES,
    "cooperation areas": COOPERATION_AREAS,
    "joint military exercises": tuple(JOINT_MILITARY_EXERCISES),
    "naval exercises": tuple(NAVAL_EXERCISES),
    "air exercises": tuple(AIR_EXERCISES),
}

# Which groups may supply distractors for a span of each type (by SpanType value).
GROUPS_FOR_TYPE: dict[str, tuple[str, ...]] = {
    "country": ("countries",),
    "place": (
        *(f"cities of {country}" for country in CITIES_BY_COUNTRY),
        "indian state capitals",
        "indian cities",
        "world capitals",
        "indian states",
        "indian union territories",
    ),
    "organisation": (
        "indian ministries",
        "indian bodies",
        "international organisations",
        "international groupings",
        "bilateral mechanisms",
    ),
    "role": (
        "indian official titles",
        "foreign official titles",
        "political offices",
        "military ranks",
    ),
    "date": ("months",),
    "term": ("emerging technologies", "cooperation areas"),
    "event": ("joint military exercises", "naval exercises", "air exercises"),
}


# The full members of the International Cricket Council: the teams a cricket result is
# between. No data package lists sporting bodies' members; a country key of a cricket match is
# offered among these, never among its continent's other countries.
CRICKET_NATIONS: tuple[str, ...] = (
    "Afghanistan",
    "Australia",
    "Bangladesh",
    "England",
    "India",
    "Ireland",
    "New Zealand",
    "Pakistan",
    "South Africa",
    "Sri Lanka",
    "West Indies",
    "Zimbabwe",
)


# --- words the extractor types spans by ------------------------------------------------
# Titles of office, and words that mark organisations, places, events and named terms.
# Countries, Indian states and cities come from data packages (see quizmaster.places).

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

# Month names as a regex alternation, full names first so "June" wins over "Jun".
MONTH_PATTERN = "|".join((*MONTHS, *"Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()))
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

# Function words: no part of what a sentence says, so they neither make a key nor count when
# two sentences are compared.
STOPWORDS = frozenset(
    "a an the and or but of in on at to for by with from as is are was were be been it its "
    "this that these those he she they them his her their we our you your i me my not no so "
    "if then than there here also both either neither which who whom what when where why how "
    "do does did has have had will would shall should can could may might must into over "
    "under after before during such".split()
)
