"""A week of real use, scripted: a fixed clock moved a day at a time, seven study days, a
real pseudo-terminal for the interactive parts. One story, in the order a user meets it:
an article ingested and reviewed, a deck imported, daily quizzes, decks renamed, paused and
removed, suspended questions brought back, a mock, progress, a CSV round trip."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .test_sources import ARTICLES

pexpect = pytest.importorskip("pexpect")

ZONE = dt.timezone(dt.timedelta(hours=5, minutes=30))  # the user studies in IST
MONDAY = dt.datetime(2026, 11, 23, 7, 30, tzinfo=ZONE)
BUILTIN = Path(__file__).resolve().parent.parent / "data" / "facts.yaml"
BUILTIN_DECK = "India–Israel Defence MoU 2025"
KINDS = "Short answer|Fill in the blank|Multiple choice|True or false|Statements|Match the pairs"


def day(n: int, hour: int = 0) -> str:
    """Day ``n`` of the week (1 = Monday), 7:30 local time plus ``hour``."""
    return (MONDAY + dt.timedelta(days=n - 1, hours=hour)).isoformat()


class Week:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "week.db"
        self.today = day(1)

    def env(self, **extra: str) -> dict[str, str]:
        base = {k: v for k, v in os.environ.items() if k not in ("CI", "FORCE_COLOR", "NO_COLOR")}
        return {
            **base,
            "QUIZMASTER_DB": str(self.db),
            "QUIZMASTER_NOW": self.today,
            "COLUMNS": "100",
            **extra,
        }

    def run(self, *args: str, stdin: str = "", ok: bool = True, **extra: str) -> Any:
        result = subprocess.run(
            [sys.executable, "-m", "quizmaster", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env(**extra),
            timeout=60,
            cwd=self.folder,
        )
        if ok:
            assert result.returncode == 0, (args, result.stdout, result.stderr)
        return result

    def spawn(self, *args: str, columns: int = 100, **extra: str) -> Any:
        return pexpect.spawn(
            sys.executable,
            ["-m", "quizmaster", *args],
            env=self.env(COLUMNS=str(columns), LINES="40", TERM="xterm", **extra),
            encoding="utf-8",
            timeout=20,
            dimensions=(40, columns),
            cwd=str(self.folder),
        )

    def sql(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        conn = sqlite3.connect(self.db)
        try:
            return list(conn.execute(query, params))
        finally:
            conn.close()

    def decks(self) -> dict[str, dict[str, Any]]:
        """The decks as ``decks --json`` lists them, read from the file (a process less)."""
        rows = self.sql(
            "SELECT d.name, (SELECT count(*) FROM facts f WHERE f.deck_id = d.id AND "
            "f.retired = 0), d.paused FROM decks d"
        )
        return {name: {"facts": facts, "paused": bool(paused)} for name, facts, paused in rows}


def _headers(out: str) -> list[tuple[str, str, str]]:
    """(kind, topic, prompt) of every question a plain session printed (a card names no
    deck; its topic is left out when it holds a word of the key)."""
    lines = out.splitlines()
    found = []
    for n, line in enumerate(lines):
        match = re.match(r"^\[\d+/\d+  ·  (.+?)(?:  ·  (.+?))?\]$", line)
        if match:
            found.append((match.group(1), match.group(2) or "", lines[n + 1].strip()))
    return found


def _decks_asked(week: Week, out: str) -> set[str]:
    """The decks whose questions a plain session printed, found by their prompts (a card
    names no deck)."""
    rows = week.sql("SELECT q.prompt, d.name FROM questions q JOIN decks d ON d.id = q.deck_id")
    found = set()
    for _, _, first_line in _headers(out):
        decks = {deck for prompt, deck in rows if prompt.startswith(first_line)}
        assert len(decks) == 1, (first_line, decks)
        found |= decks
    return found


def _untitled_article(folder: Path) -> Path:
    """The Ramsar article without its headline, as a copied page often comes."""
    text = (ARTICLES / "new-ramsar-sites.txt").read_text(encoding="utf-8")
    path = folder / "wetlands.txt"
    path.write_text(text.split("\n", 1)[1].lstrip("\n"), encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_week_of_real_use(tmp_path: Path) -> None:
    week = Week(tmp_path)
    article = _untitled_article(tmp_path)

    # --- Monday: a deck of one's own first, then today's article, reviewed. -------------
    week.run("import", str(BUILTIN))
    listed = json.loads(week.run("decks", "--json").stdout)
    assert [d["name"] for d in listed] == [BUILTIN_DECK]  # the demo deck is not loaded on top

    week.today = day(1, 1)
    child = week.spawn("ingest", str(article), "--review")
    child.expect("Fact 1/")
    child.expect("Questions it makes")  # each fact's questions, before deciding
    child.expect(r"\[a\]ccept")
    child.sendline("a")
    child.expect("Fact 2/")
    child.expect(r"\[a\]ccept")
    child.sendline("d")  # dropped: must stay dropped
    child.expect("Fact 3/")
    child.expect(r"\[a\]ccept")
    child.sendline("A")
    child.expect(r"Deck name \(Enter keeps '([^']+)'\)")
    proposed = child.match.group(1)
    assert "Ramsar" in proposed and not proposed.startswith("Article")  # named from its subject
    child.sendline("")
    child.expect("Facts saved to")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    decks = week.decks()
    assert set(decks) == {BUILTIN_DECK, proposed}
    reviewed_facts = decks[proposed]["facts"]
    (saved,) = (tmp_path / "week-decks").glob("*.yaml")  # a decks folder of this database's own
    saved_text = saved.read_text(encoding="utf-8")

    # Re-ingesting keeps the review: nothing comes back, the saved file is untouched.
    again = week.run("ingest", str(article), "--yes")
    assert "nothing changed" in again.stderr and "--regenerate" in again.stderr
    assert week.decks()[proposed]["facts"] == reviewed_facts
    assert saved.read_text(encoding="utf-8") == saved_text

    # A better name: rename asks, --yes is for scripts; --deck on re-ingest moves the deck.
    refused = week.run("decks", "rename", proposed, "Ramsar sites", ok=False)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    week.run("decks", "rename", proposed, "Ramsar sites", "--yes")
    assert 'deck: "Ramsar sites"' in saved.read_text(encoding="utf-8")  # the file follows
    moved = week.run("ingest", str(article), "--yes", "--deck", "Wetlands 2025")
    assert "moved" in moved.stderr
    assert 'deck: "Wetlands 2025"' in saved.read_text(encoding="utf-8")
    assert set(week.decks()) == {BUILTIN_DECK, "Wetlands 2025"}
    week.run("decks", "rename", "Wetlands 2025", "Ramsar sites", "--yes")

    # Monday's quiz, in a terminal: today's article comes first.
    week.today = day(1, 2)
    child = week.spawn("quiz")
    child.expect(rf"1/\d+  ·  ({KINDS})")  # cards name no deck: a deck's name may be a key
    typed = child.match.group(1) in ("Short answer", "Fill in the blank")
    child.expect(":help")
    assert "Israel" not in child.before  # the card is the article's, not the built-in deck's
    child.send("q\r" if typed else "q")  # a bare q asks, it is not an answer
    child.expect(r"Quit the session\?")
    child.send("n")
    child.expect("Go on")
    if typed:
        child.send("?\r")
        child.expect("Don't know")
        child.expect("Enter next")
    else:
        child.send("1")
        child.expect("Right|Wrong")
        right = child.after == "Right"
        child.expect("Enter next")
        if right:
            child.send("1")  # the double tap
            child.expect("Press 1 again to confirm")
            child.send("\r")
            child.expect("Kept as it was")
    child.send("s")
    child.expect(r"Suspended ([^\s;]+);")
    suspended = child.match.group(1)
    child.expect("questions unsuspend")  # the message says how to bring it back
    child.expect(rf"2/\d+  ·  ({KINDS})")
    child.expect(":help")
    child.send(":")
    child.sendline("skip")
    child.expect("Skipped until tomorrow")
    child.expect(r"3/\d+")
    child.expect(":help")
    child.send("q")
    child.expect(r"Quit the session\?")
    child.send("y")
    child.expect("Session saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    skipped_prompt = week.sql(
        "SELECT q.prompt FROM cards c JOIN questions q ON q.id = c.question_id "
        "WHERE c.buried_until IS NOT NULL"
    )
    assert len(skipped_prompt) == 1
    assert week.sql("SELECT suspended FROM cards WHERE question_id = ?", suspended) == [(1,)]

    # The rest of Monday, piped: the skipped question does not come back today; kinds mix.
    week.today = day(1, 3)
    out = week.run("quiz", "--limit", "12", stdin="?\n" * 40).stdout
    asked = _headers(out)
    assert asked and all(prompt != skipped_prompt[0][0] for _, _, prompt in asked)
    kinds = {kind for kind, _, _ in asked}
    assert "Multiple choice" in kinds and len(kinds) >= 2, asked  # not all typed answers
    assert "Don't know." in out and "Wrong." not in out

    # --- Tuesday: the skipped question is back; the suspended one is listed and returns. --
    week.today = day(2)
    (buried_until,) = week.sql("SELECT buried_until FROM cards WHERE buried_until IS NOT NULL")[0]
    # Back when the next study day starts (4 a.m., as the scheduler counts days).
    assert dt.datetime.fromisoformat(buried_until) == dt.datetime(2026, 11, 24, 4, tzinfo=ZONE)
    out = week.run("quiz", "--limit", "40", stdin="?\n" * 80).stdout
    assert _headers(out)
    listed = week.run("questions", "list", "--suspended", "--json").stdout
    assert [q["id"] for q in json.loads(listed)] == [suspended]
    assert "unsuspend" in week.run("questions", "list", "--suspended").stdout
    back = week.run("questions", "unsuspend", suspended)
    assert "Unsuspended 1 question" in back.stderr
    assert week.run("questions", "list", "--suspended", "--json").stdout.strip() == "[]"

    # --- Wednesday: decks in turn, and a paused deck stays out of the quiz. ---------------
    week.today = day(3)
    week.run("config", "set", "new_order", "mixed")
    week.run("decks", "pause", "Ramsar sites", "--yes")
    assert week.decks()["Ramsar sites"]["paused"] is True
    out = week.run("quiz", stdin="?\n" * 80).stdout
    assert _decks_asked(week, out) == {BUILTIN_DECK}
    week.run("decks", "resume", "Ramsar sites", "--yes")
    week.today = day(3, 4)
    out = week.run("quiz", "--practice", "--limit", "3", stdin="1\n:again\n2\n3\n").stdout
    assert "practice does not rate answers" in out

    # --- Thursday: both decks in turn; then a mock, its score at the bottom, by topic. ------
    week.today = day(4)
    out = week.run("quiz", stdin="?\n" * 80).stdout
    assert _decks_asked(week, out) == {BUILTIN_DECK, "Ramsar sites"}
    week.today = day(4, 2)
    out = week.run("mock", "--questions", "6", "--seed", "4", stdin="1\n2\n\n3\n4\n1\n").stdout
    tail = out.rstrip().splitlines()[-8:]
    assert any(line.startswith("Score: ") for line in tail)
    assert "By topic" in out and "Stored as mock #1;" in out  # numbered among mocks

    # --- Friday: progress in local days. ----------------------------------------------------
    week.today = day(5)
    week.run("quiz", stdin="?\n" * 80)
    history = week.run("history").stdout
    assert "2026-11-23 09:30" in history  # Monday's session at its local time
    assert "mock #1" in history
    child = week.spawn("stats", "--days", "14", NO_COLOR="1")
    child.expect("Less")
    child.expect(r"\. - \+ \* # More")  # levels, not one glyph
    child.expect(pexpect.EOF)
    child.close()

    # --- Saturday: a CSV round trip keeps the kinds and options. ----------------------------
    week.today = day(6)
    week.run("quiz", stdin="?\n" * 80)
    exported = week.run("export", "--format", "csv", "--deck", BUILTIN_DECK, "-o", "mou.csv")
    assert "statements and match questions come back as multiple choice" in exported.stderr
    copy = tmp_path / "copy.db"
    week.run("import", "mou.csv", "--deck", "Copy", QUIZMASTER_DB=str(copy))
    conn = sqlite3.connect(copy)
    kinds = {k for (k,) in conn.execute("SELECT DISTINCT kind FROM questions")}
    conn.close()
    sent = {
        k
        for (k,) in week.sql(
            "SELECT DISTINCT kind FROM questions WHERE deck_id = 1 AND retired = 0"
        )
    }
    as_csv = {"statements": "mcq", "match": "mcq", "cloze": "short_answer"}
    assert kinds == {as_csv.get(k, k) for k in sent} and "mcq" in kinds

    # --- Sunday: regenerating is explicit; removing says what history goes. -----------------
    week.today = day(7)
    week.run("quiz", stdin="?\n" * 80)
    studied_days = week.sql(
        "SELECT count(DISTINCT date(reviewed_at, '+330 minutes')) FROM reviews"
    )[0][0]
    assert studied_days == 7
    regenerated = week.run("ingest", str(article), "--yes", "--regenerate")
    assert "Imported deck" in regenerated.stdout
    assert week.decks()["Ramsar sites"]["facts"] == reviewed_facts + 1  # the dropped one
    removed = week.run("decks", "remove", "Ramsar sites", "--yes")
    reviews = re.search(r"(\d+) reviews", removed.stderr)
    assert reviews is not None and int(reviews.group(1)) > 0
    assert list(week.decks()) == [BUILTIN_DECK]

    # Help for a newcomer: -h, --version, and no sentence broken at 80 columns.
    assert week.run("--version").stdout.startswith("quizmaster ")
    help_text = week.run("decks", "-h", COLUMNS="80").stdout
    assert "asks first and says how much history goes;" in " ".join(
        line.strip(" │") for line in help_text.splitlines()
    )
    for line in help_text.splitlines():
        assert len(line) <= 80
