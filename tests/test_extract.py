from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizmaster.extract import extract_facts, find_spans, split_sentences, split_units
from quizmaster.extract.clean import AGENCY_DATELINE_RE, clean_text
from quizmaster.extract.key_values import heading_subject, key_value_fact
from quizmaster.extract.statements import shorten, tidy_statement
from quizmaster.facts_file import dump_facts, load_facts_file
from quizmaster.generate import generate_questions
from quizmaster.generate.pipeline import as_asked
from quizmaster.models import Fact, SpanType
from quizmaster.sources import read_file

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
EXPECTED = sorted(ARTICLES.glob("*.expected.yaml"))


def article_for(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.yaml")
    (path,) = [p for p in ARTICLES.glob(f"{stem}.*") if p != expected]
    return path


def facts_of(path: Path) -> list[Fact]:
    article = read_file(path)
    return extract_facts(article.text, title=article.title, date=article.date).facts


def spans(facts: list[Fact]) -> dict[str, str]:
    return {s.text: s.type.value for f in facts for s in f.spans}


def test_fixtures_have_the_promised_shapes() -> None:
    assert len(EXPECTED) >= 6
    suffixes = {article_for(e).suffix for e in EXPECTED}
    assert {".txt", ".md", ".html"} <= suffixes


@pytest.mark.slow
def test_extracted_keys_cover_the_examiners_answers() -> None:
    """An expected answer is covered when it is a key of some extracted fact (a span or the
    fact's own answer): the generator may then ask it. It keeps one question per fact, so
    it asks some of them; each article has at least one asked."""
    wanted = found = 0
    missing: dict[str, list[str]] = {}
    for expected in EXPECTED:
        facts = facts_of(article_for(expected))
        keys = {s.text.lower() for f in facts for s in f.spans}
        keys |= {f.answer.lower() for f in facts if f.answer}
        wants = [str(w) for w in yaml.safe_load(expected.read_text(encoding="utf-8"))]
        assert len(wants) >= 8, expected.name
        lost = [w for w in wants if w.lower() not in keys]
        wanted += len(wants)
        found += len(wants) - len(lost)
        if lost:
            missing[expected.name] = lost
        # Precision first: undated background sentences give no facts, and an aside past the
        # lead gives no place or event keys, so up to two in five of an article's answers
        # may be lost.
        assert len(lost) <= len(wants) * 2 // 5, (expected.name, lost)
        questions = generate_questions(facts)
        by_fact = {f.id: f for f in facts}
        single = [q for q in questions if q.kind not in ("statements", "match")]
        assert len({q.fact_id for q in single}) == len(single), expected.name
        for q in single:
            fact = as_asked(by_fact[q.fact_id])  # a frame may name a key in its own words
            own = {s.text.lower() for s in fact.spans} | {(fact.answer or "").lower()}
            assert q.kind == "true_false" or q.answer.lower() in own, q.id
        asked = {q.answer.lower() for q in questions}
        assert any(w.lower() in asked for w in wants), expected.name
    # 0.79 now: precision first drops undated background sentences (see docs/questions.md).
    assert found / wanted >= 0.75, missing


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name)
def test_facts_round_trip_through_the_yaml_format(expected: Path, tmp_path: Path) -> None:
    facts = facts_of(article_for(expected))
    assert facts
    path = tmp_path / "deck.yaml"
    path.write_text(dump_facts("Deck", facts), encoding="utf-8")
    assert load_facts_file(path).facts == facts


def test_ids_are_stable_and_never_collide_across_articles() -> None:
    first = [f.id for f in facts_of(ARTICLES / "new-ramsar-sites.txt")]
    again = [f.id for f in facts_of(ARTICLES / "new-ramsar-sites.txt")]
    other = [f.id for f in facts_of(ARTICLES / "global-innovation-index-2025.txt")]
    assert first == again and len(set(first)) == len(first)
    assert not set(first) & set(other)
    assert all(i.startswith("four-new-ramsar-sites-") for i in first)
    # Same headline, different text: still different ids.
    a = extract_facts("Big News\nThe 5th summit was held in Jaipur on 3 March 2025.")
    b = extract_facts("Big News\nThe 6th summit was held in Jaipur on 3 March 2025.")
    assert {f.id for f in a.facts}.isdisjoint(f.id for f in b.facts)


BOILERPLATE_PAGE = (
    "India Hosts the Summit\n"
    "By Staff Reporter\n"
    "Published on 3 March 2025\n"
    "Home | News | Current Affairs | Quiz\n"
    "Share this article\n"
    "The 5th summit was held in Jaipur on 3 March 2025.\n"
    "Advertisement\n"
)


def test_skips_headline_byline_dateline_navigation_and_boilerplate() -> None:
    result = extract_facts(BOILERPLATE_PAGE)
    assert result.title == "India Hosts the Summit"
    assert result.date == "2025-03-03"
    assert [f.statement for f in result.facts] == [
        "The 5th summit was held in Jaipur on 3 March 2025."
    ]
    assert result.facts[0].source is not None
    assert result.facts[0].source.title == "India Hosts the Summit"


def test_stops_at_related_articles() -> None:
    text = BOILERPLATE_PAGE + "Related Articles\nThe 9th summit was held in Pune on 1 May 2024.\n"
    assert [f.statement for f in extract_facts(text).facts] == [
        "The 5th summit was held in Jaipur on 3 March 2025."
    ]


def test_joins_spans_broken_by_line_breaks() -> None:
    text = (
        "Appointment News\n\n"
        "Sanjay Malhotra has been appointed as the 26th Governor of the Reserve Bank of\n"
        "India (RBI). The MoU was signed by Defence Secretary Rajesh\n"
        "Kumar Singh in New\n"
        "Delhi. The plant will build co-\n"
        "production lines.\n"
    )
    units, _ = split_units(text)
    assert [u.kind for u in units] == ["heading", "paragraph"]
    assert "Reserve Bank of India (RBI)" in units[1].text
    assert "Rajesh Kumar Singh in New Delhi." in units[1].text
    assert "co-production" in units[1].text
    found = spans(extract_facts(text).facts)
    assert found["Rajesh Kumar Singh"] == "person"
    assert found["Sanjay Malhotra"] == "person"
    # past the lead sentence a place is an aside (no key), but it is found whole
    assert ("New Delhi", SpanType.PLACE) in [(s.text, s.type) for s in find_spans(units[1].text)]


def test_sentences_survive_abbreviations_initials_and_decimals() -> None:
    text = (
        "Dr. A. P. J. Abdul Kalam spoke at 10.30 am. Lt. Gen. Rao met Smt. Devi in the U.S. "
        "capital. It grew 6.5% in 2024."
    )
    assert split_sentences(text) == [
        "Dr. A. P. J. Abdul Kalam spoke at 10.30 am.",
        "Lt. Gen. Rao met Smt. Devi in the U.S. capital.",
        "It grew 6.5% in 2024.",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The MoU was signed by Defence Secretary Rajesh Kumar Singh and Maj Gen (Res) "
            "Amir Baram in Tel Aviv on 4 November 2025.",
            {
                "Defence Secretary": "role",
                "Rajesh Kumar Singh": "person",
                "Amir Baram": "person",
                "Tel Aviv": "place",
                "4 November 2025": "date",
            },
        ),
        (
            "The Union Cabinet approved Rs 2,104 crore for the 17th edition of Exercise "
            "Shakti with France.",
            {
                "Union Cabinet": "organisation",
                "Rs 2,104 crore": "money",
                "17th": "ordinal",
                "Shakti": "event",
                "France": "country",
            },
        ),
        (
            "PM Narendra Modi and Dr. S. Jaishankar met WHO chief Tedros, who was appointed "
            "in May 2017.",
            {"Narendra Modi": "person", "S. Jaishankar": "person", "May 2017": "date"},
        ),
    ],
)
def test_span_types(sentence: str, expected: dict[str, str]) -> None:
    found = {s.text: s.type.value for s in find_spans(sentence)}
    for text, kind in expected.items():
        assert found.get(text) == kind, (text, found)


def test_facts_sections_and_key_value_lines() -> None:
    text = (
        "Morocco Signs Pact\n"
        "India and Morocco signed a pact in Rabat on 22 September 2025.\n"
        "Static GK: Morocco\n"
        "Capital – Rabat\n"
        "Currency : Moroccan dirham\n"
        "PM - Aziz Akhannouch\n"
        "About the Ramsar Convention\n"
        "- Signed in: 1971\n"
        "- Headquarters: Gland, Switzerland\n"
    )
    facts = {f.statement: f for f in extract_facts(text, date="2025-09-23").facts}
    capital = facts["The capital of Morocco is Rabat."]
    assert capital.question == "What is the capital of Morocco?" and capital.answer == "Rabat"
    # A post's holder changes: it is told as of the article's date, and not at all without one.
    holder = facts["As of September 2025, the PM of Morocco is Aziz Akhannouch."]
    assert holder.spans[0].type is SpanType.PERSON
    assert holder.question == "As of September 2025, who is the PM of Morocco?"
    undated = [f.statement for f in extract_facts(text).facts]
    assert "The capital of Morocco is Rabat." in undated
    assert not [s for s in undated if "Akhannouch" in s]
    assert "The currency of Morocco is Moroccan dirham." in facts
    assert facts["Ramsar Convention was signed in 1971."].question == (
        "When was Ramsar Convention signed?"
    )
    assert "The headquarters of Ramsar Convention is Gland, Switzerland." in facts


def test_acronym_expansions_are_not_facts() -> None:
    """What an abbreviation stands for is no news (rubric, criterion 2): the sentence is a
    fact, its "(WIPO)" no second fact."""
    text = "Pact\nThe World Intellectual Property Organization (WIPO) released the index in 2025."
    facts = extract_facts(text).facts
    assert [f.statement for f in facts] == [
        "The World Intellectual Property Organization (WIPO) released the index in 2025."
    ]
    assert all("stands for" not in f.statement and f.question is None for f in facts)


def test_text_without_facts_gives_none() -> None:
    assert extract_facts("").facts == []
    assert extract_facts("it was a nice day and everyone was happy about it.").facts == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_never_crashes_and_spans_occur_in_statements(text: str) -> None:
    for fact in extract_facts(text).facts:
        for span in fact.spans:
            assert span.text in fact.statement


WORDS = st.sampled_from(
    [
        "India",
        "the",
        "17th",
        "Defence Secretary",
        "Rajesh Kumar Singh",
        "of",
        "Ministry",
        "signed",
        "in",
        "Tel Aviv",
        "on",
        "4 November 2025",
        "Rs 500 crore",
        "(JWG)",
        "Joint Working Group",
        "-",
        "•",
        "Capital – Rabat",
        ":",
        "\n",
        "\n\n",
        ".",
        ",",
        "Key Points",
        "About",
        "Dr.",
        "Maj Gen (Res)",
        "2,104",
        "'Nomadic Elephant'",
        "Published on",
        "By",
        "exercise",
        "first",
        "#",
        "Headquarters : New Delhi",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=80).map(" ".join))
def test_article_like_text_never_crashes(text: str) -> None:
    result = extract_facts(text)
    ids = [f.id for f in result.facts]
    assert len(ids) == len(set(ids))
    for fact in result.facts:
        assert all(span.text in fact.statement for span in fact.spans)
    generate_questions(result.facts)


def test_a_headline_is_no_persons_full_name() -> None:
    statements = [f.statement for f in facts_of(ARTICLES / "new-ramsar-sites.txt")]
    assert any("Ramsar site" in s for s in statements)
    assert not [s for s in statements if "Four New Ramsar" in s]


def test_a_numbered_list_marker_is_page_furniture() -> None:
    cleaned, _date = clean_text(
        "Reef Board meets\n\n(5) The Reef Board approved its annual report.\n"
    )
    assert "(5)" not in cleaned and "The Reef Board approved its annual report." in cleaned


def test_a_nationality_is_no_persons_first_name() -> None:
    """ "Indian Himalayas" later in the text must not turn "Indian composer" into it."""
    text = (
        "Composer Arvind Rao wins his second award\n\n"
        "Indian music composer Arvind Rao won his career's third Grammy award on Monday.\n\n"
        "His album was filmed in the Indian Himalayas and in the forests of Spain."
    )
    statements = [f.statement for f in extract_facts(text, date="2031-03-10").facts]
    assert any("Indian music composer Arvind Rao" in s for s in statements)
    assert not [s for s in statements if "Indian Himalayas music" in s]


def test_a_members_seat_is_no_part_of_the_name() -> None:
    text = (
        "Arvind Rao sworn in as Chief Minister of Goa\n\n"
        "Three-time North Goa Lok Sabha MP Arvind Rao was sworn in as the 14th Chief Minister "
        "of Goa on Monday."
    )
    people = [
        span.text
        for fact in extract_facts(text, date="2031-03-10").facts
        for span in fact.spans
        if span.type is SpanType.PERSON
    ]
    assert people == ["Arvind Rao"]


@pytest.mark.parametrize(
    "heading",
    [
        "IANS | New Delhi",
        "Chandigarh",
        "New Delhi, August 21, 2031",
        "PTI",
        "Live",
        "Left Menu",
        "Orion Lifts OffOrion Lifts Off",
        "Tribune News Service",
        "AMN",
        "GIFT a Subscription",
        "Context",  # a digest's section labels
        "Chronology of Events",
        "News Reports Sports Business",  # a site's navigation bar
        "[Notes]",  # a site's tag
        "Significance of the Bill",
        "India oi-Asha Rao",  # a site's byline
    ],
)
def test_bylines_datelines_lone_places_and_page_chrome_are_no_topics(heading: str) -> None:
    """A page's frame is no topic: a byline, a dateline, a place alone, a menu, a title
    printed twice."""
    from quizmaster.extract import extract_facts

    text = (
        f"Ravi Sen sworn in as Governor\n{heading}\n"
        "In May 2031, Ravi Sen was sworn in as the 30th Governor of Punjab.\n"
    )
    facts = extract_facts(text, date="2031-05-02").facts
    assert facts and all(f.topic != heading for f in facts)


def test_prose_past_the_news_is_background_but_a_fact_box_or_lasting_fact_still_counts() -> None:
    from quizmaster.extract import extract_facts
    from quizmaster.extract.candidates import NEWS_SENTENCES

    filler = [f"Officials met for round {i} of the routine talks." for i in range(12)]
    assert len(filler) > NEWS_SENTENCES
    text = "\n".join(
        [
            "Ravi Sen sworn in as Governor",
            "In May 2031, Ravi Sen was sworn in as the 30th Governor of Punjab.",
            *filler,
            "Meera Das was sworn in as the 31st Governor of Haryana in June 2031.",
            "The Reef Medal was instituted in 1990 by the Government of Fiji.",
            "Key Facts",
            "- The Jnanpith Award was instituted in 1961.",
        ]
    )
    statements = [f.statement for f in extract_facts(text, date="2031-05-02").facts]
    assert any("30th Governor" in s for s in statements)
    assert not any("31st Governor" in s for s in statements)
    assert any("instituted in 1990" in s for s in statements)  # a lasting fact still counts
    assert any("instituted in 1961" in s for s in statements)


def test_a_description_before_a_name_is_lower_case_after_the_date() -> None:
    text = (
        "Veteran actor Meera Das passed away at the age of 85 in Kochi on Sunday. "
        "Indian shooter Asha Rao won gold in the 10m air pistol event on Sunday. "
        "Fourteen-year-old Ravi Sen became India's 90th Grandmaster in Goa on Sunday."
    )
    statements = [f.statement for f in extract_facts(text, date="2031-05-20").facts]
    assert "In May 2031, veteran actor Meera Das passed away at the age of 85 in Kochi." in (
        statements
    )
    assert any(s.startswith("In May 2031, Indian shooter Asha Rao") for s in statements)
    assert "In May 2031, fourteen-year-old Ravi Sen became India's 90th Grandmaster in Goa." in (
        statements
    )


def test_a_place_named_with_and_is_one_span() -> None:
    spans = find_spans("In 2031, the Prime Minister opened the Reef bridge in Jammu and Kashmir.")
    assert ("Jammu and Kashmir", SpanType.PLACE) in [(s.text, s.type) for s in spans]
    spans = find_spans("In 2031, Trinidad and Tobago beat Fiji and Samoa beat Tonga.")
    assert [s.text for s in spans if s.type is SpanType.COUNTRY][:2] == [
        "Trinidad and Tobago",
        "Fiji",
    ]


def test_a_headline_printed_again_takes_no_place_of_the_news() -> None:
    headline = "Goa CM oath: opposition leaders attend ceremony as Asha Rao sworn in"
    text = "\n\n".join(
        [
            headline,
            headline,
            headline,
            "Leaders of six parties attended the ceremony at the Reef Stadium in Panaji.",
            "Asha Rao was sworn in as the Chief Minister of Goa by Governor Ravi Sen on Saturday.",
        ]
    )
    found = extract_facts(text, date="2031-05-03")
    assert found.facts[0].source is not None and found.facts[0].source.title == headline
    statements = [f.statement for f in found.facts]
    assert (
        "In May 2031, Asha Rao was sworn in as the Chief Minister of Goa by Governor Ravi Sen."
        in (statements)
    )


def test_a_party_in_an_aside_and_a_region_are_no_people() -> None:
    text = (
        "Asha Rao, Vice President of the National Conference, was sworn in as the Chief"
        " Minister of Jammu and Kashmir in 2031. Asha Rao toured South Kashmir in 2031."
        " Floods hit Jammu and Kashmir in June 2031."
    )
    facts = extract_facts(text).facts
    people = {s.text for f in facts for s in f.spans if s.type is SpanType.PERSON}
    assert people == {"Asha Rao"}
    assert all("South Kashmir" not in f.statement for f in facts if "Floods" in f.statement)


def test_a_name_ending_in_ed_keeps_its_capital_and_a_seat_is_no_person() -> None:
    facts = extract_facts(
        "Mohamed Ali took oath as the President of Fiji on Friday.", date="2031-11-17"
    )
    assert (
        facts.facts[0].statement
        == "In November 2031, Mohamed Ali took oath as the President of Fiji."
    )
    spans = find_spans("In 2031, Asha Rao, MLA from Ujjain South, was sworn in as Chief Minister.")
    assert ("Ujjain South", SpanType.PLACE) in [(s.text, s.type) for s in spans]


def test_a_disclaimer_or_a_desk_byline_is_no_topic() -> None:
    for label in ("Reef News First – Disclaimer", "Team Reefstar"):
        news = "The 5th Reef summit was held in Panaji on 3 March 2031."
        text = f"Goa Hosts the Summit\n{label}\n{news}\n"
        facts = extract_facts(text).facts
        assert facts and facts[0].topic != label, label


def test_initials_without_stops_and_a_name_after_a_post_are_whole() -> None:
    spans = find_spans("In 2031, K P Rana Oru was sworn in as the Prime Minister of Fiji.")
    assert ("K P Rana Oru", SpanType.PERSON) in [(s.text, s.type) for s in spans]
    text = (
        "Fiji Names a Governor\n"
        "Reef Governor Balvantji Mohan Tandel passed away at 90 in Suva on 3 March 2031.\n"
        "Tandel, a five-time MLA from Lautoka, was appointed Governor of Reef in July 2024.\n"
    )
    statements = [f.statement for f in extract_facts(text).facts]
    assert any(s.startswith("Balvantji Mohan Tandel, a five-time MLA") for s in statements)


def test_a_place_or_event_past_the_lead_sentence_is_an_aside_not_a_key() -> None:
    text = (
        "Fiji Wins the Reef Cup\n"
        "Fiji won the 2031 Reef Cup by beating Samoa by four wickets in Suva on 3 March 2031.\n"
        "Asha Rao, who scored a century, had also played in the 2027 Coral Games in Apia.\n"
    )
    facts = extract_facts(text).facts
    keys = {(s.text, s.type) for f in facts[1:] for s in f.spans}
    assert not {t for t, k in keys if k in (SpanType.PLACE, SpanType.EVENT)}, keys
    lead = {(s.text, s.type) for s in facts[0].spans}
    assert any(k in (SpanType.PLACE, SpanType.EVENT, SpanType.COUNTRY) for _, k in lead), lead
    # A later sentence about the headline's own subject still asks its place.
    venue = "The Reef Cup final drew 30,000 people to the ANZ Stadium in Suva on 3 March 2031.\n"
    later = extract_facts(text + venue).facts
    assert any(s.type is SpanType.PLACE for f in later[1:] for s in f.spans), later


def test_the_lead_claims_its_name_before_background_that_repeats_it() -> None:
    text = (
        "Reef Directorate Gets a Chief\n"
        "The Centre has appointed IAS officer Asha Devi Rao as the new chief of the Reef"
        " Directorate (RD) on Saturday.\n"
        "Asha Devi Rao will take charge from Meera Das at the Reef Tax Board office on 9 March"
        " 2031.\n"
        "Asha Devi Rao, a 1991-batch officer, headed the Reef Tax Board from 2019 to 2024 and"
        " the Reef Police Academy in 2025.\n"
    )
    facts = extract_facts(text, date="2031-03-08").facts
    assert facts[0].statement.startswith("In March 2031, the Centre appointed"), facts[0]
    assert ("Asha Devi Rao", SpanType.PERSON) in [(s.text, s.type) for s in facts[0].spans]


def test_a_police_chiefs_title_heads_a_name_and_a_directorate_is_a_body() -> None:
    spans = find_spans(
        "Director-General of Police Asha Rao took over as the head of the Reef Directorate."
    )
    found = [(s.text, s.type) for s in spans]
    assert ("Asha Rao", SpanType.PERSON) in found, found
    assert ("Reef Directorate", SpanType.ORGANISATION) in found, found


def test_a_topic_label_before_a_whole_sentence_is_page_furniture() -> None:
    text = (
        "Reef Honours Announced\n"
        "Reef Award: President Asha Rao conferred the Reef Award on Meera Das at a function in"
        " Suva on 3 March 2031.\n"
        "Capital: Suva\n"
    )
    cleaned, _ = clean_text(text)
    assert "\nPresident Asha Rao conferred" in cleaned
    assert "Capital: Suva" in cleaned  # a fact box's short line keeps its key


def test_the_one_a_post_went_to_and_a_places_post_holder_are_people() -> None:
    cases = [
        (
            "The Centre appointed IRS officer Asha Devi Rao as the new chief of the Reef Board.",
            "Asha Devi Rao",
        ),
        ("The bank appointed Meera Das, a former banker, as its chairman in 2031.", "Meera Das"),
        ("Former President of Fiji Ravi Kant Menon passed away at 84 in Suva.", "Ravi Kant Menon"),
    ]
    for sentence, person in cases:
        found = [(s.text, s.type) for s in find_spans(sentence)]
        assert (person, SpanType.PERSON) in found, (sentence, found)


def test_a_hyphenated_surname_after_an_honorific_names_the_person_everywhere() -> None:
    text = (
        "Reef Forum Picks Its Head\n"
        "The Reef Forum has confirmed the appointment of Amara Obi-Eze as its director-general"
        " on 3 March 2031.\n"
        "Ms Obi-Eze, a former finance minister of Fiji, is the first woman to lead the forum.\n"
    )
    spans = {(s.text, s.type) for f in extract_facts(text).facts for s in f.spans}
    assert ("Amara Obi-Eze", SpanType.PERSON) in spans, spans


def test_a_calling_or_post_in_lower_case_before_a_name_makes_a_person() -> None:
    sentence = (
        "Former Goa governor Ravi Kant Menon and industrialist Asha Devi Rao were conferred"
        " the Reef Medal in 2031."
    )
    found = [(s.text, s.type) for s in find_spans(sentence)]
    assert ("Ravi Kant Menon", SpanType.PERSON) in found, found
    assert ("Asha Devi Rao", SpanType.PERSON) in found, found
    assert not any(text.startswith("Former") for text, _ in found), found


def test_a_line_that_only_dates_the_page_dates_the_article_and_is_dropped() -> None:
    text, date = clean_text(
        "Reef chief takes charge\n\nReef Times: Suva: Tuesday, 16 December 2031.\n"
        "Asha Rao took charge as the Chief Justice of Fiji on Monday.\n"
    )
    assert date == "2031-12-16"
    assert "Tuesday" not in text and "Asha Rao took charge" in text


def test_a_service_before_a_name_is_its_title_not_a_name_or_a_body() -> None:
    text = (
        "Reef bureau gets a new director\n\n"
        "IPS Asha Devi Rao was appointed as Director of the Reef Bureau of Investigation (RBI)"
        " on Monday.\nThe Indian Police Service (IPS) trains officers in Suva.\n"
    )
    facts = extract_facts(text, date="2031-05-25").facts
    lead = facts[0]
    assert "Indian Police Service Asha" not in lead.statement
    assert "Asha Devi Rao" in {s.text for s in lead.spans if s.type is SpanType.PERSON}


def test_a_death_in_the_lead_is_dated_from_the_page() -> None:
    text = "Singer dies at 80\n\nSinger Asha Devi Rao died at a Suva hospital on Friday.\n"
    facts = extract_facts(text, date="2031-09-26").facts
    assert facts[0].statement.startswith("In September 2031, ")
    assert "Asha Devi Rao" in {s.text for s in facts[0].spans}  # "Singer" is no part of it


def test_the_country_is_the_one_the_sentence_names() -> None:
    text = (
        "Reef island votes\n\nFiji's opposition candidate Asha Devi Rao won the country's"
        " presidential election on Sunday, official results showed.\nIndia congratulated"
        " her. India and Fiji have close ties. India sent observers.\n"
    )
    statement = extract_facts(text, date="2031-10-01").facts[0].statement
    assert "Fiji's presidential election" in statement
    assert "India's presidential election" not in statement


def test_a_ship_is_named_whole_and_a_bare_weekday_goes() -> None:
    text = (
        "Navy gets a destroyer\n\n"
        "The Reef Navy commissioned the stealth destroyer INS Suva in Kochi Friday, in the"
        " presence of the Navy chief.\nThe INS Suva is named after the capital of Fiji.\n"
    )
    facts = extract_facts(text, date="2031-12-26").facts
    lead = facts[0]
    assert "Friday" not in lead.statement
    assert ("INS Suva", SpanType.TERM) in {(s.text, s.type) for s in lead.spans}
    questions = generate_questions(facts)
    assert "INS Suva" in {q.answer for q in questions}


@pytest.mark.parametrize(
    ("sentence", "gone"),
    [
        (
            "Asha Rao and Ravi Sen were awarded the Nobel Prize in physics Tuesday for work.",
            "Tuesday",
        ),
        ("The index, released Friday by the UNDP, put Reefland at 130th.", "Friday"),
        ("Party candidate Asha Rao was Tuesday elected as the Mayor of Pune.", "Tuesday"),
        ("Recently, the Vice President opened the Hill Festival in Kohima.", "Recently"),
        ("Reefland ranked 39th in the recently released Travel Index 2031.", "recently"),
        ("In 2031, the recent Reef Summit held in Suva drew 40 leaders.", "recent "),
    ],
)
def test_a_bare_weekday_or_recently_inside_a_sentence_goes(sentence: str, gone: str) -> None:
    facts = extract_facts(f"News\n\n{sentence}\n", date="2031-10-08").facts
    assert facts and gone not in facts[0].statement


def test_a_month_without_its_day_still_needs_the_year() -> None:
    text = (
        "Reef growth rises\n\nFiji's GDP growth rose to 6.3% in the July-September quarter from"
        " a three-year low of 5.7% in the previous one.\n"
    )
    assert (
        extract_facts(text, date="2031-11-30").facts[0].statement.startswith("In November 2031, ")
    )


@pytest.mark.parametrize(
    ("sentence", "kept", "gone"),
    [
        (
            "Veteran actor Asha Devi Rao has been conferred with the most prestigious Reef Film"
            " Award on Tuesday.",
            "conferred with the Reef Film Award",
            "most",
        ),
        (
            "Fiji's latest communication satellite Reef-18 was successfully launched early this"
            " morning by a heavy rocket from Suva.",
            "launched by a heavy rocket",
            "early",
        ),
    ],
)
def test_colour_and_the_time_of_day_go_whole(sentence: str, kept: str, gone: str) -> None:
    statement = extract_facts(f"Reef news\n\n{sentence}\n", date="2031-10-06").facts[0].statement
    assert kept in statement and gone not in statement


def test_a_vague_section_heading_is_no_subject_and_a_recap_names_one() -> None:
    assert heading_subject("Other Important Facts") is None
    assert heading_subject("Quick Recap: About the Reef Health Body (RHB)") == (
        "Reef Health Body (RHB)"
    )


def test_a_founding_line_keeps_its_year_as_the_value() -> None:
    found = key_value_fact("Founded: 2011 by Asha Rao, a teacher from Pune", "Reef Schools")
    assert found is not None
    statement, span, _ = found
    assert statement == "Reef Schools was founded in 2011."
    assert (span.text, span.type) == ("2011", SpanType.DATE)


def test_a_wire_dateline_with_any_initials_goes_but_a_name_with_its_acronym_stays() -> None:
    assert AGENCY_DATELINE_RE.sub("", "Colombo, Sep 23 (V7N)— Asha Rao was sworn in.") == (
        "Asha Rao was sworn in."
    )
    named = "Suva, Nov. 10 (Reef Press)--The Reef parliament elected Asha Rao."
    assert AGENCY_DATELINE_RE.sub("", named) == "The Reef parliament elected Asha Rao."
    body = "Indian Space Research Organisation (ISRO) launched a satellite."
    assert AGENCY_DATELINE_RE.sub("", body) == body


@pytest.mark.parametrize(
    ("sentence", "date", "month"),
    [
        ("Asha Rao took charge as the Chief of the Reef Navy on Tuesday.", "2031-05-01", "April"),
        ("Asha Rao took charge as the Chief of the Reef Navy on Tuesday.", "2031-05-08", "May"),
        ("Poet Asha Rao passed away yesterday in Pune.", "2031-06-01", "May"),
        # a civil servant's batch is no date of the news
        (
            "The Reef government on Thursday appointed 2009 batch IAS officer Asha Rao as chief"
            " secretary.",
            "2031-05-03",
            "May",
        ),
    ],
)
def test_a_weekday_dates_the_event_by_the_day_it_names(
    sentence: str, date: str, month: str
) -> None:
    told = tidy_statement(sentence, date)
    assert told is not None and told.startswith(f"In {month} 2031, ")


def test_what_is_held_every_year_is_not_dated_by_one_month() -> None:
    told = tidy_statement(
        "A school football tournament called the Reef Cup is conducted every year in Suva.",
        "2031-07-02",
    )
    assert (
        told == "A school football tournament called the Reef Cup is conducted every year in Suva."
    )


def test_a_comma_inside_a_number_does_not_end_an_aside() -> None:
    told = shorten(
        "The Reef government approved 30 projects worth Rs 4,954 crore in various sectors,"
        " which will generate employment for 24,162 people in the coastal districts."
    )
    assert "162 people" not in told or "24,162" in told
    assert shorten(
        "The institute, which was founded in 1956 by an act of the Reef parliament, is now"
        " ranked first among the medical colleges of the islands in 2031."
    ).startswith("The institute is now ranked first")


@pytest.mark.parametrize(
    "first", ["Left Menu", "Staff Reporter", "New Delhi:", "patna", "Saturday 24th Feb 2031"]
)
def test_the_pages_frame_on_the_first_line_is_no_headline(first: str) -> None:
    """A deck is not named "Left Menu": the first line names the article only when it reads
    as a headline."""
    from quizmaster.extract import extract_facts

    text = f"{first}\nIn May 2031, Ravi Sen was sworn in as the 30th Governor of Punjab.\n"
    assert extract_facts(text, date="2031-05-02").title is None
    headline = "Ravi Sen sworn in as Governor of Punjab\n" + text.split("\n", 1)[1]
    assert extract_facts(headline, date="2031-05-02").title == (
        "Ravi Sen sworn in as Governor of Punjab"
    )


def test_a_reporters_name_and_city_before_the_text_go() -> None:
    cleaned, _ = clean_text("Winston Reef, Geneva – The WHO certified Fiji as malaria-free.")
    assert cleaned == "The WHO certified Fiji as malaria-free."


def test_a_posts_place_run_into_its_holder_is_two_spans() -> None:
    text = "Former Chief Minister of Madhya Pradesh Ravi Lal died in Bhopal on August 21, 2031."
    (fact,) = extract_facts(text, title="Obituary", date="2031-08-22").facts
    spans = {s.text: s.type for s in fact.spans}
    assert spans["Madhya Pradesh"] is SpanType.PLACE
    assert spans["Ravi Lal"] is SpanType.PERSON
    assert "Madhya Pradesh Ravi Lal" not in spans


def test_a_place_that_heads_a_body_stays_one_name() -> None:
    spans = {s.text: s.type for s in find_spans("Uttar Pradesh Police arrested two men in Agra.")}
    assert spans.get("Uttar Pradesh Police") is SpanType.ORGANISATION


@pytest.mark.parametrize(
    "line",
    [
        "Doha (Qatar), Oct 8 Ravi Lal has won the 2031 world title with second place in the race.",
        "Florence, Italy, June 2 (APP - Wire Point News - 3rd Jun, 2031 ) :Ravi Lal broke the"
        " world record in the race on Friday.",
        "Birmingham, (APP - Wire Point News - 18th Mar, 2031) Norland's Ravi Lal won his first"
        " title in the final on Sunday.",
    ],
)
def test_a_place_and_day_or_a_wire_note_before_the_text_is_a_dateline(line: str) -> None:
    text, _ = clean_text(line)
    assert text.startswith(("Ravi Lal", "Norland's Ravi Lal")), text


def test_a_list_of_names_is_no_dateline() -> None:
    line = "Modi, Shah and Nadda attended the meeting in New Delhi on Monday evening."
    assert clean_text(line)[0] == line


@pytest.mark.parametrize(
    "sentence",
    [
        "In a groundbreaking achievement, Norland launched its first solar probe, Surya-1.",
        "In a historic moment, Norland launched its first solar probe, Surya-1.",
        "In a breakthrough for Norland's science, Norland launched its first solar probe, Surya-1.",
    ],
)
def test_a_reports_hype_before_the_news_goes(sentence: str) -> None:
    told = tidy_statement(sentence, "2031-04-12")
    assert told == "In April 2031, Norland launched its first solar probe, Surya-1."
