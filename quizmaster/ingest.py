"""Article -> reviewed facts -> facts YAML file -> deck with questions.

The steps are separate functions so the CLI can stop after any of them (``--dry-run``) and
put a human in between (``--review``). Nothing here touches the terminal: review talks to
the user through the ``ask`` and ``show`` callables it is given.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from quizmaster import word_lists
from quizmaster.errors import InputFileError, UsageError
from quizmaster.extract import Extraction, classify, extract_facts
from quizmaster.models import Fact, KeySpan, Question
from quizmaster.records import LoadReport
from quizmaster.sources import Article

if TYPE_CHECKING:
    from quizmaster.store import Store

MAX_DECK_NAME = 200


@dataclass(frozen=True)
class IngestPlan:
    """What ingesting one article would do: the facts found and where they would go."""

    article: Article
    extraction: Extraction
    deck: str
    out_path: Path

    @property
    def facts(self) -> list[Fact]:
        return self.extraction.facts


def decks_folder(db_path: Path) -> Path:
    """Where ingested articles' facts files go: ``decks/`` beside the default database,
    ``<name>-decks/`` beside any other, so two databases in one folder never share one."""
    stem = db_path.stem
    return db_path.parent / ("decks" if stem == "quizmaster" else f"{stem}-decks")


_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'’-]*){0,4}")
# Capitalised words that open or close no subject: "The", "On Monday", "Union Minister".
_NOT_SUBJECT = (
    word_lists.STOPWORDS
    | {name.casefold() for name in (*word_lists.MONTHS, *word_lists.WEEKDAYS)}
    | {"union", "minister", "published", "india's"}
)


def _name_runs(statement: str) -> set[str]:
    """The capitalised names in a statement and their shorter runs ("Ramsar Convention",
    "Ramsar", "Convention")."""
    runs: set[str] = set()
    for match in _NAME_RUN.finditer(statement):
        words = match.group(0).split()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 4) + 1):
                if words[i].casefold() in _NOT_SUBJECT or words[j - 1].casefold() in _NOT_SUBJECT:
                    continue
                runs.add(" ".join(words[i:j]))
    return runs


def subject_name(facts: Sequence[Fact], date: str | None = None) -> str | None:
    """A deck name for an article without a headline: the names most of its facts speak
    of (a longer name counting for more), the two best that do not overlap, and its month."""
    counts: dict[str, int] = {}
    for fact in facts:
        for run in _name_runs(fact.statement):
            counts[run] = counts.get(run, 0) + 1
    ranked = sorted(
        (run for run, n in counts.items() if n >= 2 or len(facts) < 3),
        key=lambda run: (-counts[run] * (1 + 0.5 * (len(run.split()) - 1)), -len(run)),
    )
    picked: list[str] = []
    for run in ranked:
        if any(set(run.split()) & set(p.split()) for p in picked):
            continue
        picked.append(run)
        if len(picked) == 2:
            break
    if not picked:
        return None
    name = ", ".join(picked)
    if date and len(date) >= 7 and date[5:7].isdigit() and 1 <= int(date[5:7]) <= 12:
        name += f" ({word_lists.MONTHS[int(date[5:7]) - 1][:3]} {date[:4]})"
    return name


def rename_in_facts_files(
    folder: Path, old: str, new: str, *, only: Path | None = None
) -> list[Path]:
    """Point the saved facts files of deck ``old`` (in ``folder``) at its new name, so a
    later ``import`` of one of them loads into the renamed deck. Only the top-level
    ``deck:`` line changes; each file is replaced whole. Returns the files changed."""
    import json

    import yaml

    changed: list[Path] = []
    paths = [only] if only is not None else sorted(folder.glob("*.yaml"))
    for path in paths if folder.is_dir() else []:
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
            data = yaml.safe_load(text)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # not ours to repair
        if not isinstance(data, dict) or data.get("deck") != old:
            continue
        lines = text.splitlines(keepends=True)
        for n, line in enumerate(lines):
            if line.startswith("deck:"):
                lines[n] = f"deck: {json.dumps(new, ensure_ascii=False)}\n"
                break
        handle, tmp_name = tempfile.mkstemp(prefix=".rename-", suffix=".yaml", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write("".join(lines))
        os.replace(tmp_name, path)
        changed.append(path)
    return changed


def question_preview(fact: Fact) -> list[tuple[str, str, str]]:
    """The question the fact will produce, as (kind, prompt, answer), for the review: the
    generator's choice for the fact on its own, gate and ranking included (none when no
    candidate passes the quality gate). Across the deck a question that shows another's key
    may still give way; statements sets, which combine facts, are made at save time."""
    from quizmaster.generate import generate_questions

    return [(q.kind, q.prompt, q.answer) for q in generate_questions([fact])]


# The quality gate's reasons, in a reader's words, for ``ingest --review``.
GATE_REASONS = {
    "not the news": "it tells no event or record (the article's background)",
    "undated": "it says neither when it happened nor which edition or term it was",
    "leans on the article": "it needs the rest of the article to be understood",
    "not examinable": "no exam asks what its blanks would hide",
    "page leftover": "it carries text of the web page, not of the news",
    "not a sentence": "no question made from it reads as a sentence",
    "broken key": "its answers are parts of longer names or values",
    "answer in stem": "its wording gives the answer away",
    "trivial key": "its answers are too obvious to ask",
    "one of a list": "its answers are one item of a list",
    "too long": "it is too long for a question",
    "more than one answer": "more than one answer would fit",
}


def why_no_question(fact: Fact) -> str:
    """Why the fact yields no question on its own: the gate's reasons for the candidate
    question that came closest, in a reader's words."""
    from quizmaster.generate import questions_for_fact
    from quizmaster.generate.gate import defects
    from quizmaster.generate.pipeline import as_asked

    shown = as_asked(fact)
    found = [defects(q, shown) for q in questions_for_fact(shown)]
    if not found:
        return "none of its key answers can be asked"
    closest = min(found, key=len)
    if not closest:
        return "its questions would give each other's answers away"
    return "; ".join(dict.fromkeys(GATE_REASONS.get(d, d) for d in closest))


def parse_article_date(text: str) -> str:
    """``--date``: an ISO day or month, checked; a clear error otherwise."""
    import datetime as dt

    value = text.strip()
    try:
        if len(value) == 7:
            dt.date.fromisoformat(value + "-01")
        else:
            dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"--date must be a date like 2025-11-14 or a month like 2025-11, not {text[:40]!r}"
        ) from None
    return value


def plan_ingest(
    article: Article,
    *,
    data_dir: Path,
    deck: str | None = None,
    out: Path | None = None,
    folder: Path | None = None,
) -> IngestPlan:
    """Extract the article's facts and decide the deck name and the output file (in
    ``folder``, default ``data_dir/decks``)."""
    from quizmaster.generate import news_facts

    extraction = extract_facts(
        article.text, title=article.title, date=article.date, url=article.url
    )
    found = extraction.facts
    extraction = replace(extraction, facts=news_facts(found, extraction.background))
    if found and not extraction.facts:
        raise InputFileError(
            article.source,
            "found facts only past the article's lead sentence, where no question stands "
            "without the article; ingest the report of the news itself, or write a facts "
            "file by hand (see README)",
        )
    if not extraction.facts:
        raise InputFileError(
            article.source,
            "found no examinable facts (names, dates, numbers, places) in the text; "
            "check it is the article itself, or write a facts file by hand (see README)",
        )
    name = (
        deck
        or extraction.title
        or subject_name(extraction.facts, extraction.date)
        or f"Article {extraction.article_slug}"
    )
    name = " ".join(name.split())[:MAX_DECK_NAME]
    where = folder if folder is not None else data_dir / "decks"
    path = out if out is not None else where / f"{extraction.article_slug}.yaml"
    return IngestPlan(article=article, extraction=extraction, deck=name, out_path=path)


def choose_mode(
    *, review: bool, yes: bool, dry_run: bool, as_json: bool, source: str, stdin_tty: bool
) -> str:
    """How the facts get accepted: "review", "all" or "none" (a dry run)."""
    if review and yes:
        raise UsageError("--review and --yes contradict each other; pass one of them")
    if dry_run:
        return "none"
    if review and (source == "-" or as_json):
        why = "stdin carries the article" if source == "-" else "--json keeps stdout for data"
        raise UsageError(
            f"--review cannot be used here ({why}); save the article to a file "
            "and review it, or pass --yes"
        )
    if review:
        return "review"
    if yes:
        return "all"
    if stdin_tty and source != "-" and not as_json:
        return "review"
    raise UsageError(
        "there is no terminal to review the facts in; pass --yes to accept them all, "
        "--review to answer from stdin, or --dry-run to see them first"
    )


# --- review ------------------------------------------------------------------------------

REVIEW_HELP = "[a]ccept, [e]dit, [d]rop, accept [A]ll the rest, [q]uit keeping accepted"


def _parse_spans(answer: str, statement: str, old: Sequence[KeySpan]) -> list[KeySpan] | str:
    texts = [t.strip() for t in answer.split(";") if t.strip()]
    missing = [t for t in texts if t not in statement]
    if not texts:
        return "give at least one key answer"
    if missing:
        return f"not in the statement: {', '.join(repr(t) for t in missing)}"
    known = {s.text: s.type for s in old}
    return [KeySpan(text=t, type=known.get(t) or classify(t)) for t in texts]


def edit_fact(fact: Fact, ask: Callable[[str], str], tell: Callable[[str], None]) -> Fact:
    """Retype the statement (Enter keeps it), then the key answers (Enter keeps them)."""
    statement = ask("New statement (Enter keeps it): ").strip() or fact.statement
    kept = [s for s in fact.spans if s.text in statement]
    current = "; ".join(s.text for s in kept)
    while True:
        prompt = "Key answers, separated by ';'" + (f" (Enter keeps: {current})" if kept else "")
        answer = ask(prompt + ": ").strip()
        if not answer and kept:
            spans: list[KeySpan] = kept
            break
        parsed = _parse_spans(answer, statement, fact.spans)
        if isinstance(parsed, str):
            tell(parsed)
            continue
        spans = parsed
        break
    own = fact.answer is not None and fact.answer in statement and statement == fact.statement
    return fact.model_copy(
        update={
            "statement": statement,
            "spans": spans,
            "question": fact.question if own else None,
            "answer": fact.answer if own else None,
        }
    )


def review_facts(
    facts: Sequence[Fact],
    *,
    ask: Callable[[str], str],
    show: Callable[[int, int, Fact], None],
    tell: Callable[[str], None],
    preview: Callable[[Fact], None] | None = None,
) -> list[Fact]:
    """Walk the user through the facts: accept, edit or drop each one.

    ``ask`` raises EOFError when input ends; then nothing is kept (the caller saves nothing).
    """
    kept: list[Fact] = []
    total = len(facts)
    index = 0
    try:
        while index < total:
            fact = facts[index]
            show(index + 1, total, fact)
            if preview is not None:
                preview(fact)
            choice = ask(f"{REVIEW_HELP}? ").strip()
            if choice in ("", "a", "y"):
                kept.append(fact)
            elif choice == "A":
                kept.extend(facts[index:])
                break
            elif choice in ("d", "n"):
                pass
            elif choice == "e":
                edited = edit_fact(fact, ask, tell)
                if preview is not None and edited != fact:
                    preview(edited)
                kept.append(edited)
            elif choice == "q":
                break
            else:
                tell(f"unknown choice {choice!r}; {REVIEW_HELP}")
                continue
            index += 1
    except EOFError:
        raise UsageError(
            "input ended during the review; nothing was saved (use --yes to accept all facts)"
        ) from None
    return kept


# --- save and load ---------------------------------------------------------------------------


def ask_deck_name(name: str, ask: Callable[[str], str]) -> str:
    """The deck name, asked at the end of a review (Enter, or input ending there, keeps
    the proposed one: the facts are all decided by then)."""
    try:
        typed = " ".join(ask(f"Deck name (Enter keeps {name!r}): ").split())
    except EOFError:
        typed = ""
    return typed[:MAX_DECK_NAME] or name


def _new_questions(
    store: Store, deck: str, questions: list[Question], facts: Sequence[Fact]
) -> list[Question]:
    """The questions that no other article of the collection already asks (in another deck,
    or in this one under another fact): the same news read in a second paper adds its new
    facts, not the same question twice."""
    from quizmaster.generate.rank import asked_key, repeats

    keys = [q.answer for q in questions if asked_key(q) is not None]
    prompts = [q.prompt for q in questions] + keys  # "800 million" inside "USD 800 million"
    # "Conrad K Sangma" beside "Conrad Kongkal Sangma"; "USD 800 million" beside "800 million";
    # "U.T. Khader" beside "U T Khader"
    names = [key.split() for key in keys]
    parts = keys + [word for name in names if len(name) > 1 for word in (name[0], name[-1])]
    own = [f.id for f in facts]
    asked = store.asked_elsewhere(
        [q.answer for q in questions], deck, keys=keys, prompts=prompts, parts=parts, own_facts=own
    )
    return [q for q in questions if not repeats(q, asked)]


def save_and_load(
    store: Store, plan: IngestPlan, facts: Sequence[Fact], *, now: dt.datetime
) -> LoadReport:
    """Write the facts file, then load it as a deck. Re-ingesting updates in place.

    The deck load is tried (and rolled back) first, the YAML is written to a temporary file
    and read back with the ordinary facts-file loader, and only then is the deck committed
    and the file moved into place: a failure leaves neither a file nor a half-loaded deck.
    Facts from other articles in the same deck are left alone.
    """
    from quizmaster.facts_file import dump_facts, load_facts_file
    from quizmaster.generate import generate_questions

    if not facts:
        raise UsageError("no facts were accepted; nothing was saved")

    def load(facts: Sequence[Fact], *, dry_run: bool) -> LoadReport:
        questions = _new_questions(store, plan.deck, generate_questions(facts), facts)
        return store.load_deck(
            plan.deck,
            facts,
            questions,
            now=now,
            source_name=plan.article.source,
            dry_run=dry_run,
            retire_missing=False,
            adopt=True,
        )

    load(facts, dry_run=True)
    target = plan.out_path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp_name = tempfile.mkstemp(prefix=".ingest-", suffix=".yaml", dir=target.parent)
    except OSError as exc:
        raise InputFileError(str(target), f"cannot write here ({exc.strerror})") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(dump_facts(plan.deck, facts))
        report = load(load_facts_file(tmp).resolved_facts(), dry_run=False)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return report
