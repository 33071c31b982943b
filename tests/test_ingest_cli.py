from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.facts_file import load_facts_file
from quizmaster.generate.rank import repeats, same_key
from quizmaster.models import ClozeQuestion, McqQuestion
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.test_sources import ARTICLES, closed_port_url, server

__all__ = ["server"]  # the local HTTP server fixture, shared with test_sources

RAMSAR = ARTICLES / "new-ramsar-sites.txt"
RAMSAR_DECK = "Four New Ramsar Sites Take India's Total to 89"


def run(runner: CliRunner, *args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def decks_dir(db_path: Path) -> Path:
    return db_path.parent / "decks"


def deck_json(runner: CliRunner) -> dict[str, dict[str, int]]:
    _, out, _ = run(runner, "decks", "--json")
    return {d["name"]: d for d in json.loads(out)}


@pytest.mark.slow
def test_ingest_yes_saves_yaml_and_loads_a_deck(runner: CliRunner, db_path: Path) -> None:
    code, out, err = run(runner, "ingest", str(RAMSAR), "--yes")
    assert code == 0, err
    (saved,) = decks_dir(db_path).glob("*.yaml")
    assert saved.name.startswith("four-new-ramsar-sites-")
    assert f"Facts saved to {saved}" in out
    facts_file = load_facts_file(saved)
    assert facts_file.deck == RAMSAR_DECK
    deck = deck_json(runner)[RAMSAR_DECK]
    assert deck["facts"] == len(facts_file.facts) >= 8
    statements = " ".join(f.statement for f in facts_file.facts)
    for name in ("Udhwa Lake", "Chilika Lake", "89"):
        assert name in statements, name
    # Past the lead, who announced the news is background: no fact asks it.
    assert "Bhupender Yadav" not in statements
    _, out, _ = run(runner, "questions", "list", "--deck", RAMSAR_DECK, "--json")
    questions = json.loads(out)
    # The headline number is asked; one question per fact at most.
    assert "89" in {q["answer"] for q in questions}
    single = [q["fact_id"] for q in questions if q["kind"] not in ("statements", "match")]
    assert single and len(single) == len(set(single))


@pytest.mark.slow
def test_ingesting_twice_creates_no_duplicates(runner: CliRunner, db_path: Path) -> None:
    assert run(runner, "ingest", str(RAMSAR), "--yes")[0] == 0
    before = deck_json(runner)[RAMSAR_DECK]
    code, out, err = run(runner, "ingest", str(RAMSAR), "--yes")
    assert code == 0
    assert "already in deck" in err and "nothing changed" in err and "--regenerate" in err
    assert deck_json(runner)[RAMSAR_DECK] == before
    code, out, _ = run(runner, "ingest", str(RAMSAR), "--yes", "--regenerate")
    assert code == 0
    assert "facts 0 added, 0 updated" in out and "questions 0 added, 0 updated" in out
    assert deck_json(runner)[RAMSAR_DECK] == before
    assert len(list(decks_dir(db_path).glob("*.yaml"))) == 1


@pytest.mark.slow
def test_deck_and_out_options(runner: CliRunner, tmp_path: Path) -> None:
    out_file = tmp_path / "mine" / "ramsar.yaml"
    code, _, err = run(
        runner, "ingest", str(RAMSAR), "-y", "--deck", "Wetlands", "--out", str(out_file)
    )
    assert code == 0, err
    assert load_facts_file(out_file).deck == "Wetlands"
    assert "Wetlands" in deck_json(runner)
    # Two articles into one deck: the first article's facts stay.
    other = ARTICLES / "global-innovation-index-2025.txt"
    code, _, err = run(
        runner, "ingest", str(other), "-y", "--deck", "Wetlands", "-o", str(tmp_path / "gii.yaml")
    )
    assert code == 0, err
    assert deck_json(runner)["Wetlands"]["facts"] > len(load_facts_file(out_file).facts)


@pytest.mark.slow
def test_dry_run_prints_the_facts_and_writes_nothing(runner: CliRunner, db_path: Path) -> None:
    code, out, err = run(runner, "ingest", str(RAMSAR), "--dry-run")
    assert code == 0
    assert out.startswith(f'deck: "{RAMSAR_DECK}"') or out.startswith(f"deck: {RAMSAR_DECK}")
    assert "Udhwa Lake" in out and "Nothing was written" in err
    assert not db_path.exists() and not decks_dir(db_path).exists()
    # stdout is the whole YAML document; the summary is on stderr after a blank line.
    assert out.endswith("\n") and "Would save" not in out
    assert yaml.safe_load(out)["deck"] == RAMSAR_DECK
    assert err.startswith("\nWould save")
    code, out, _ = run(runner, "ingest", str(RAMSAR), "--dry-run", "--json")
    data = json.loads(out)
    assert data["dry_run"] is True and data["deck"] == RAMSAR_DECK
    assert 0 < data["questions"] <= len(data["facts"])
    assert not db_path.exists()


@pytest.mark.slow
def test_json_report(runner: CliRunner) -> None:
    code, out, _ = run(runner, "ingest", str(RAMSAR), "--yes", "--json")
    data = json.loads(out)
    assert code == 0 and data["dry_run"] is False
    assert len(data["report"]["facts_added"]) == len(data["facts"])


@pytest.mark.slow
def test_stdin_source(runner: CliRunner) -> None:
    code, out, err = run(runner, "ingest", "-", "--yes", stdin=RAMSAR.read_bytes())
    assert code == 0, err
    assert RAMSAR_DECK in deck_json(runner)
    code, _, err = run(runner, "ingest", "-", "--review", stdin=RAMSAR.read_bytes())
    assert code == 2 and "stdin carries the article" in err


def test_no_terminal_and_no_flag_is_a_clear_error(runner: CliRunner, db_path: Path) -> None:
    code, out, err = run(runner, "ingest", str(RAMSAR))
    assert code == 2 and out == ""
    assert err.startswith("Error: there is no terminal to review the facts in; pass --yes")
    assert not db_path.exists()
    code, _, err = run(runner, "ingest", str(RAMSAR), "--yes", "--review")
    assert code == 2 and "contradict" in err


@pytest.mark.slow
def test_review_from_stdin_accepts_edits_and_drops(runner: CliRunner, db_path: Path) -> None:
    _, out, _ = run(runner, "ingest", str(RAMSAR), "--dry-run", "--json")
    facts = json.loads(out)["facts"]
    second = facts[1]["statement"]
    answers = "\n".join(
        [
            "a",  # accept the first
            "e",  # edit the second: retype the statement, then give its key answer
            "Sakkarakottai Bird Sanctuary became a Ramsar site on 14 January 2025.",
            "Nowhere",  # not in the statement: asked again
            "Sakkarakottai Bird Sanctuary; 14 January 2025",
            "d",  # drop the third
            "x",  # unknown choice: asked again
            "A",  # accept the rest
        ]
    )
    code, out, err = run(runner, "ingest", str(RAMSAR), "--review", stdin=answers + "\n")
    assert code == 0, err
    assert "Fact 1/" in out and "not in the statement: 'Nowhere'" in err
    (saved,) = decks_dir(db_path).glob("*.yaml")
    kept = load_facts_file(saved).facts
    assert len(kept) == len(facts) - 1
    edited = kept[1]
    assert edited.id == facts[1]["id"] and edited.statement != second
    assert [(s.text, s.type.value) for s in edited.spans] == [
        ("Sakkarakottai Bird Sanctuary", "place"),  # the type the fact gave it
        ("14 January 2025", "date"),
    ]
    assert facts[2]["id"] not in {f.id for f in kept}


def test_review_that_ends_early_saves_nothing(runner: CliRunner, db_path: Path) -> None:
    code, _, err = run(runner, "ingest", str(RAMSAR), "--review", stdin="a\n")
    assert code == 2 and "nothing was saved" in err
    assert not decks_dir(db_path).exists()
    code, _, err = run(runner, "ingest", str(RAMSAR), "--review", stdin="q\n")
    assert code == 2 and "no facts were accepted" in err


@pytest.fixture
def bad_inputs(tmp_path: Path, server: str) -> Iterator[dict[str, str]]:
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 40,
        "huge.txt": b"The 5th summit was held in Jaipur on 3 March 2025.\n" * 110_000,
        "no-article.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "no-facts.txt": b"it was a pleasant day and everyone was happy about it, really.\n" * 3,
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    yield {
        "empty file": str(tmp_path / "empty.txt"),
        "binary": str(tmp_path / "binary.txt"),
        "huge file": str(tmp_path / "huge.txt"),
        "no article text": str(tmp_path / "no-article.html"),
        "no facts": str(tmp_path / "no-facts.txt"),
        "missing file": str(tmp_path / "missing.txt"),
        "unreachable URL": closed_port_url(),
        "404": f"{server}/missing.html",
        "timeout": f"{server}/slow.html",
    }


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("empty file", "is empty; put the article's text in it first"),
        ("binary", "looks like a binary file"),
        ("huge file", "too large"),
        ("no article text", "no article text found in the page"),
        ("no facts", "found no examinable facts"),
        ("missing file", "no such file"),
        ("unreachable URL", "cannot reach the server"),
        ("404", "the server answered HTTP 404 Not Found"),
        ("timeout", "timed out after 0.5 s"),
    ],
)
@pytest.mark.slow
def test_bad_input_is_one_line_exit_2_nothing_written(
    runner: CliRunner, db_path: Path, bad_inputs: dict[str, str], case: str, message: str
) -> None:
    code, out, err = run(runner, "ingest", bad_inputs[case], "--yes", "--timeout", "0.5")
    assert code == 2
    assert out == ""
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    assert message in err
    assert "Traceback" not in err
    assert not db_path.exists() and not decks_dir(db_path).exists()


def test_non_utf8_file_is_read_with_a_note(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(RAMSAR.read_text(encoding="utf-8").replace("'", "’").encode("cp1252"))
    code, _, err = run(runner, "ingest", str(path), "--yes")
    assert code == 0
    assert "is not UTF-8; read it as cp1252" in err
    assert "Four New Ramsar Sites Take India’s Total to 89" in deck_json(runner)


def test_url_source(runner: CliRunner, server: str) -> None:
    code, _, err = run(runner, "ingest", f"{server}/article.html", "--yes")
    assert code == 0, err
    assert "Exercise Nomadic Elephant 2025 Begins at Ulaanbaatar" in deck_json(runner)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_review_in_a_real_terminal(tmp_path: Path, db_path: Path) -> None:
    import pexpect

    exe = Path(sys.executable).parent / "quizmaster"
    env = {**os.environ, "QUIZMASTER_DB": str(db_path), "COLUMNS": "100", "TERM": "dumb"}
    child = pexpect.spawn(str(exe), ["ingest", str(RAMSAR)], env=env, encoding="utf-8", timeout=20)
    child.expect("Fact 1/")
    child.expect("Questions it makes")  # what the fact will ask, before deciding
    child.expect(r"\[a\]ccept")
    child.sendline("d")
    child.expect("Fact 2/")
    child.sendline("A")
    child.expect("Deck name")
    child.sendline("Wetlands of India")
    child.expect("Facts saved to")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (saved,) = decks_dir(db_path).glob("*.yaml")
    assert len(load_facts_file(saved).facts) >= 8
    assert load_facts_file(saved).deck == "Wetlands of India"


BACKGROUND = (
    "Team practice notes\n"
    "The squad of the 2031 tour comprises twenty players from six states.\n"
    "The coaching staff includes four physiotherapists and two analysts of the board.\n"
)


@pytest.mark.slow
def test_an_article_with_no_question_says_so_and_the_review_says_why(
    runner: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "background.txt"
    article.write_text(BACKGROUND, encoding="utf-8")
    code, out, err = run(
        runner, "ingest", str(article), "--review", "--date", "2031-05-02", stdin="a\na\n\n"
    )
    assert code == 0, err
    assert "It yields no question on its own: " in out
    assert "it tells no event or record" in out
    other = str(tmp_path / "other.db")
    code, out, err = run(
        runner, "--db", other, "ingest", str(article), "--yes", "--date", "2031-05-02"
    )
    assert code == 0, err
    assert "No question passed the quality gate" in out + err


def test_a_missing_file_is_named_before_the_review_mode_is_asked_for(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, out, err = run(runner, "ingest", str(tmp_path / "missing.txt"))
    assert code == 2 and out == ""
    assert "missing.txt: no such file" in err
    code, _, err = run(runner, "ingest", str(tmp_path))
    assert code == 2 and "give an article file path" in err


@pytest.mark.slow
def test_a_piped_review_shows_each_statement_whole(runner: CliRunner, tmp_path: Path) -> None:
    _, out, _ = run(runner, "ingest", str(RAMSAR), "--dry-run", "--json")
    statement = json.loads(out)["facts"][0]["statement"]
    assert len(statement) > 80  # longer than one line of the box
    code, out, err = run(
        runner, "--db", str(tmp_path / "r.db"), "ingest", str(RAMSAR), "--review", stdin="A\n\n"
    )
    assert code == 0, err
    last_words = " ".join(statement.rstrip(".").split()[-2:])
    assert last_words in " ".join(out.replace("│", " ").split())


SAME_NEWS = (
    "Asha Rao sworn in as Goa Chief Minister\n\n"
    "Asha Rao was sworn in as the Chief Minister of Goa at a ceremony at Raj Bhavan in Panaji.\n"
    "Governor Ravi Sen administered the oath of office to Asha Rao and eleven ministers.\n"
)
OTHER_PAPER = (
    "Goa gets a new Chief Minister\n\n"
    "Asha Rao was sworn in as the Chief Minister of Goa before a crowd of party workers.\n"
    "Asha Rao, 52, had led the Reef Party to 30 of the 40 seats in the Goa Assembly polls.\n"
)


@pytest.mark.slow
def test_the_same_news_from_a_second_paper_is_not_asked_twice(
    runner: CliRunner, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(SAME_NEWS, encoding="utf-8")
    second.write_text(OTHER_PAPER, encoding="utf-8")
    for article in (first, second):
        code, _, err = run(runner, "ingest", str(article), "--yes", "--date", "2031-05-02")
        assert code == 0, err
    _, out, _ = run(runner, "questions", "list", "--json")
    sworn = [q for q in json.loads(out) if "sworn in as the Chief Minister of Goa" in q["prompt"]]
    assert len(sworn) == 1, sworn


def test_the_same_news_under_the_same_headline_is_not_asked_twice_in_one_deck(
    runner: CliRunner, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(SAME_NEWS, encoding="utf-8")
    headline = SAME_NEWS.split("\n", 1)[0]
    second.write_text(OTHER_PAPER.replace("Goa gets a new Chief Minister", headline), "utf-8")
    for article in (first, second):
        code, _, err = run(runner, "ingest", str(article), "--yes", "--date", "2031-05-02")
        assert code == 0, err
    _, out, _ = run(runner, "questions", "list", "--json")
    listed = json.loads(out)
    assert len({q["deck"] for q in listed}) == 1  # one deck: the same headline names it
    sworn = [q for q in listed if "sworn in as the Chief Minister of Goa" in q["prompt"]]
    assert len(sworn) == 1, sworn


def test_a_question_whose_stem_tells_another_decks_key_is_not_added(
    runner: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "first.txt"
    article.write_text(SAME_NEWS.replace("the Chief", "the 18th Chief"), encoding="utf-8")
    code, _, err = run(runner, "ingest", str(article), "--yes", "--date", "2031-05-02")
    assert code == 0, err
    _, out, _ = run(runner, "questions", "list", "--json")
    (asked,) = [q for q in json.loads(out) if "Chief Minister of Goa" in q["prompt"]]
    assert asked["answer"] == "Asha Rao" and "18th" in asked["prompt"]
    with Store.open(Path(os.environ["QUIZMASTER_DB"]), now=NOW) as store:
        # another paper asks the ordinal: the first deck's stem shows it, with the same news
        shown = store.asked_elsewhere(["18th"], "second", keys=["18th"])
        told = store.asked_elsewhere(
            ["18th"], "second", prompts=["In May 2031, Asha Rao was sworn in as the _____ CM."]
        )
        assert ("Asha Rao", asked["prompt"]) in shown and ("Asha Rao", asked["prompt"]) in told
        assert store.asked_elsewhere(["18th"], "second") == []  # no key shown, none asked
    ordinal = McqQuestion(
        id="b:mcq:x",
        fact_id="b",
        variant="x",
        prompt="In May 2031, Asha Rao was sworn in as which Chief Minister of Goa?",
        answer="18th",
        choices=["16th", "17th", "18th", "19th"],
    )
    assert repeats(ordinal, shown)
    other = ordinal.model_copy(update={"prompt": "Which Reef Cup did Fiji win in 2031?"})
    assert not repeats(other, shown)


def test_an_article_with_facts_only_in_its_background_is_a_clear_error(
    runner: CliRunner, db_path: Path, tmp_path: Path
) -> None:
    article = tmp_path / "background.txt"
    article.write_text(
        "Reef bank keeps watch\n\nThe bank kept a close watch on prices through the season.\n"
        "Asha Devi Rao had earlier served as the Principal Secretary for Finance for six years"
        " in Suva.\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, "ingest", str(article), "--yes")
    assert code != 0 and out == ""
    assert "only past the article's lead sentence" in err and "Traceback" not in err
    assert not db_path.exists()


def cloze(prompt: str, answer: str) -> ClozeQuestion:
    """A fill-in-the-blank question of a second paper's deck, as ingest would weigh it."""
    return ClozeQuestion(id="b:cloze:x", fact_id="b", variant="x", prompt=prompt, answer=answer)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("23 October 2032", "October 23, 2032"),  # one date, written two ways
        ("USD 800 million", "800 million"),  # the unit's name dropped
        ("Asha Kumari Rao", "Asha K Rao"),  # a middle name cut to its initial
    ],
)
def test_two_keys_that_name_one_thing_are_the_same_key(one: str, other: str) -> None:
    assert same_key(one, other) and same_key(other, one)


@pytest.mark.parametrize(("one", "other"), [("South Goa", "Goa"), ("Asha Rao", "Ravi Rao")])
def test_two_keys_that_name_two_things_are_not(one: str, other: str) -> None:
    assert not same_key(one, other)


def test_a_person_asked_again_in_other_words_is_a_repeat() -> None:
    """Two papers tell of one honour in their own words: the second question names the
    same person as its key, so a rater shown both sees the one answer the other."""
    asked = [
        (
            "Asha Kumari Rao",
            "In May 2031, veteran actor _____ received the Reef Film Award at Suva's town hall.",
        )
    ]
    again = cloze(
        "Actor _____ will be honoured with the Reef Cinema Award for 2030, its top prize.",
        "Asha K Rao",
    )
    assert repeats(again, asked)
    place = again.model_copy(
        update={
            "prompt": "The Reef Cinema Award for 2030 will be given in _____.",
            "answer": "Suva",
        }
    )
    assert not repeats(place, [("Suva", "The Reef Games of 2031 were held in _____.")])


def test_another_decks_key_is_found_by_its_first_word(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "first.txt"
    article.write_text(SAME_NEWS, encoding="utf-8")
    code, _, err = run(runner, "ingest", str(article), "--yes", "--date", "2031-05-02")
    assert code == 0, err
    with Store.open(Path(os.environ["QUIZMASTER_DB"]), now=NOW) as store:
        assert store.asked_elsewhere(["Asha K Rao"], "second") == []
        found = store.asked_elsewhere(["Asha K Rao"], "second", parts=["Asha"])
        assert [answer for answer, _ in found] == ["Asha Rao"]


def test_one_date_asked_by_two_papers_in_other_words_is_a_repeat() -> None:
    asked = [
        (
            "2 March 2032",
            "The first batch of 12 satellites was launched by the agency on which date?",
        )
    ]
    again = cloze(
        "The first set of 12 satellites for Reefnet was launched on _____.", "March 2, 2032"
    )
    assert repeats(again, asked)
    other_news = again.model_copy(update={"prompt": "The Reef Games of 2032 opened on _____."})
    assert not repeats(other_news, asked)


def test_two_stems_alike_or_a_persons_key_told_elsewhere_are_repeats() -> None:
    """Two papers: "opened the _____ in Suva" keyed "Reef Summit" and "Reef Conference";
    "Asha Rao won silver at the _____" tells "_____ won silver" its key; one name spelt two
    ways is one key."""
    told = "In June 2031, the President opened the _____ in Suva with a call to save the reefs."
    again = cloze(told.replace("call", "plea"), "Reef Conference")
    assert repeats(again, [("Reef Summit", told)])
    silver = again.model_copy(
        update={
            "prompt": "Olympian _____ won silver with a national record in Suva.",
            "answer": "Asha Rao",
        }
    )
    assert repeats(silver, [("Reef Games", "In May 2031, Asha Rao won silver at the _____.")])
    assert same_key("Sukhvinder Singh Rao", "Sukhwinder Singh Rao")
    assert same_key("4th", "fourth")
    assert not same_key("Rajesh Rao", "Rakesh Rao")


@pytest.mark.slow
def test_a_person_with_initials_spelt_another_way_is_not_asked_twice(
    runner: CliRunner, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(
        "Speaker elected\n\nIn May 2031, M.K. Rao was elected the Speaker of the 16th Karnataka"
        " Assembly at Vidhana Soudha in Bengaluru.\n",
        encoding="utf-8",
    )
    second.write_text(
        "New Speaker for Karnataka\n\nIn May 2031, M K Rao was elected the Speaker of the new"
        " Karnataka Legislative Assembly in Bengaluru.\n",
        encoding="utf-8",
    )
    for article in (second, first):  # the name with dots read second
        code, _, err = run(runner, "ingest", str(article), "--yes", "--date", "2031-05-25")
        assert code == 0, err
    _, out, _ = run(runner, "questions", "list", "--json")
    keys = [q["answer"] for q in json.loads(out)]
    assert keys == ["M K Rao"], keys
