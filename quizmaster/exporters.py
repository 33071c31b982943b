"""Decks out: stored facts and questions (and, optionally, their history) as files.

Text formats are produced as an iterator of string chunks, so a large collection streams to
its file instead of being built in memory twice; ``apkg`` (Anki) is written with genanki.
Everything here is pure apart from :func:`collect` (reads the store) and the file writers.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import itertools
import json
import operator
import os
import re
import struct
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizmaster.errors import UsageError
from quizmaster.grade import LETTERS
from quizmaster.records import (
    QUESTION_ADAPTER,
    History,
    ReviewRecord,
    SessionRecord,
    StoredFact,
    StoredQuestion,
)

if TYPE_CHECKING:
    from quizmaster.models import MatchQuestion, Question
    from quizmaster.store import Store

# The models (and pydantic) are imported where a question model is used: the bulk formats
# stream stored rows in the current form without one.

FORMATS: tuple[str, ...] = ("apkg", "csv", "tsv", "json", "yaml", "md", "html")
TEXT_FORMATS: tuple[str, ...] = ("csv", "tsv", "json", "yaml", "md", "html")
JSON_FORMAT = "quizmaster"
JSON_VERSION = 1
ANKI_DECK_ROOT = "quizmaster"
PROGRESS_EVERY = 1000

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportSet:
    """What one export contains: facts and questions in deck order, and maybe history."""

    facts: list[StoredFact]
    questions: list[StoredQuestion]
    history: History | None = None

    def deck_names(self) -> list[str]:
        names = dict.fromkeys(q.deck for q in self.questions)
        names.update(dict.fromkeys(f.deck for f in self.facts))
        return sorted(names)


def _referenced_facts(question: Question) -> list[str]:
    # The field's value, read without getattr: on a model without the field, pydantic's
    # __getattr__ raises slowly (1.4 s per 100k questions).
    extra = question.__dict__.get("fact_ids") or []
    return [question.fact_id, *extra]


def select(
    facts: Iterable[StoredFact],
    questions: Iterable[StoredQuestion],
    *,
    kind: str | None = None,
    tag: str | None = None,
) -> tuple[list[StoredFact], list[StoredQuestion]]:
    """Filter by kind and tag. The facts kept are those the chosen questions come from and,
    when no kind is asked for, every fact carrying the tag."""
    chosen = [
        q
        for q in questions
        if (kind is None or q.question.kind == kind) and (tag is None or tag in q.question.tags)
    ]
    wanted = {fid for q in chosen for fid in _referenced_facts(q.question)}
    kept = [
        f
        for f in facts
        if f.fact.id in wanted or (kind is None and (tag is None or tag in f.fact.tags))
    ]
    return kept, chosen


def collect(
    store: Store,
    *,
    deck: str | None = None,
    kind: str | None = None,
    tag: str | None = None,
    with_history: bool = False,
) -> ExportSet:
    """Read what an export should contain from the store (bulk reads)."""
    facts, questions = select(store.facts(deck), store.questions(deck, kind), kind=kind, tag=tag)
    history = store.history_for([q.question.id for q in questions]) if with_history else None
    return ExportSet(facts=facts, questions=questions, history=history)


def export_text(
    fmt: str, data: ExportSet, *, now: dt.datetime, progress: Progress | None = None
) -> Iterator[str]:
    """The export as string chunks, for every format but ``apkg``."""
    if fmt in ("csv", "tsv"):
        return iter_delimited(data, delimiter="," if fmt == "csv" else "\t", progress=progress)
    if fmt == "json":
        return iter_json(data, now=now, progress=progress)
    if fmt == "yaml":
        return iter([to_yaml(data)])
    if fmt == "md":
        return iter_markdown(data, progress=progress)
    if fmt == "html":
        return iter_html(data, progress=progress)
    raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(TEXT_FORMATS)}")


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
        progress(done, total)


# --- plain-text views of a question (CSV, worksheets) -----------------------------------------


def option_letter(index: int) -> str:
    return f"({LETTERS[index % len(LETTERS)]})"


def body_lines(question: Question) -> list[str]:
    """The question as lines of plain text: prompt, statements or lists, lettered options."""
    from quizmaster.models import MatchQuestion, StatementsQuestion

    lines = [question.prompt]
    if isinstance(question, StatementsQuestion):
        lines += [f"{n}. {s}" for n, s in enumerate(question.statements, 1)]
    elif isinstance(question, MatchQuestion):
        lines += [f"List I {LETTERS[i].upper()}. {x}" for i, x in enumerate(question.left)]
        lines += [f"List II {n}. {x}" for n, x in enumerate(question.right, 1)]
    options = question.options
    if options is not None:
        lines += [f"{option_letter(i)} {o}" for i, o in enumerate(options)]
    return lines


def match_rows(question: MatchQuestion) -> list[tuple[str, str]]:
    """List I (lettered) beside List II (numbered), row by row, for worksheets."""
    left = [f"{LETTERS[i].upper()}. {x}" for i, x in enumerate(question.left)]
    right = [f"{n}. {x}" for n, x in enumerate(question.right, 1)]
    size = max(len(left), len(right))
    return [
        (left[i] if i < len(left) else "", right[i] if i < len(right) else "") for i in range(size)
    ]


def answer_text(question: Question) -> str:
    """The answer, prefixed with its option letter when the question has options."""
    options = question.options
    if options is not None and question.answer in options:
        return f"{option_letter(options.index(question.answer))} {question.answer}"
    return question.answer


# --- CSV / TSV --------------------------------------------------------------------------------

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")


def defuse(cell: str) -> str:
    """Neutralise a would-be spreadsheet formula with a leading apostrophe. Cells already
    starting with apostrophes before such a character get one more, so import (which strips
    exactly one) gives the original text back."""
    return "'" + cell if FORMULA_START.match(cell) else cell


def anki_tag(tag: str) -> str:
    """Anki tags are space-separated, so spaces inside one become underscores."""
    return re.sub(r"\s+", "_", tag.strip())


def iter_delimited(
    data: ExportSet, *, delimiter: str, progress: Progress | None = None
) -> Iterator[str]:
    """Rows of front, back, tags: the shape Anki's and Quizlet's text import expect.

    No header row (both tools would take it for a card). RFC 4180: CRLF line ends, and a cell
    with the delimiter, a quote, CR or LF is quoted with its quotes doubled (with LF line ends
    Python's writer would leave a lone CR unquoted).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    total = len(data.questions)
    for done, item in enumerate(data.questions, 1):
        q = item.question
        writer.writerow(
            [
                defuse("\n".join(body_lines(q))),
                defuse(answer_text(q)),
                defuse(" ".join(anki_tag(t) for t in q.tags)),
            ]
        )
        if done % 500 == 0 or done == total:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        _tick(progress, done, total)


# --- JSON ---------------------------------------------------------------------------------------


def session_json(session: SessionRecord) -> dict[str, Any]:
    return {
        "kind": session.kind,
        "started_at": session.started_at.isoformat(),
        "ended_at": None if session.ended_at is None else session.ended_at.isoformat(),
        "deck": session.deck,
        "data": session.data,
    }


def review_json(review: ReviewRecord) -> dict[str, Any]:
    session = None
    if review.session is not None:
        session = {"kind": review.session[0], "started_at": review.session[1].isoformat()}
    return {
        "question_id": review.question_id,
        "reviewed_at": review.reviewed_at.isoformat(),
        "rating": review.rating,
        "correct": review.correct,
        "response": review.response,
        "duration_ms": review.duration_ms,
        "card_before": review.card_before,
        "card_after": review.card_after,
        "session": session,
    }


class RawJson(str):
    """Text that is already JSON (pydantic's serializer is much faster than json.dumps)."""


def _dumps(item: Any) -> str:
    if isinstance(item, RawJson):
        return str(item)
    return json.dumps(item, ensure_ascii=False, sort_keys=False)


def _json_list(items: Iterable[Any], indent: str) -> Iterator[str]:
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + indent + _dumps(item)
        first = False
    if not first:
        yield "\n" + indent[:-2]


def iter_json(
    data: ExportSet, *, now: dt.datetime, progress: Progress | None = None
) -> Iterator[str]:
    """Full fidelity: every field of every fact and question, grouped by deck, one item a
    line; with history, the cards' schedule, the reviews and their sessions."""
    total = len(data.questions)
    counter = iter(range(1, total + 1))
    facts: dict[str, list[StoredFact]] = {name: [] for name in data.deck_names()}
    questions: dict[str, list[StoredQuestion]] = {name: [] for name in facts}
    for f in data.facts:
        facts[f.deck].append(f)
    for q in data.questions:
        questions[q.deck].append(q)

    adapter = QUESTION_ADAPTER

    def dump_questions(items: list[StoredQuestion]) -> Iterator[RawJson]:
        for item in items:
            yield RawJson(adapter.dump_json(item.question).decode("utf-8"))
            _tick(progress, next(counter), total)

    header = {"format": JSON_FORMAT, "version": JSON_VERSION, "exported_at": now.isoformat()}
    yield _dumps(header)[:-1] + ',\n "decks": ['
    for index, deck in enumerate(facts):
        yield ("\n" if index == 0 else ",\n") + f'  {{"name": {_dumps(deck)}, "facts": ['
        yield from _json_list((RawJson(f.fact.model_dump_json()) for f in facts[deck]), "    ")
        yield '], "questions": ['
        yield from _json_list(dump_questions(questions[deck]), "    ")
        yield "]}"
    yield "\n ],\n"
    if data.history is None:
        yield ' "history": null\n}\n'
        return
    yield ' "history": {"cards": ['
    yield from _json_list((c.to_json() for c in data.history.cards), "    ")
    yield '], "sessions": ['
    yield from _json_list((session_json(s) for s in data.history.sessions), "    ")
    yield '], "reviews": ['
    yield from _json_list((review_json(r) for r in data.history.reviews), "    ")
    yield "]}\n}\n"


# --- YAML ---------------------------------------------------------------------------------------


def to_yaml(data: ExportSet) -> str:
    """The facts of one deck in the facts-file format (questions are generated from them)."""
    from quizmaster.facts_file import dump_facts

    decks = sorted({f.deck for f in data.facts})
    if len(decks) != 1:
        raise UsageError(
            "the yaml format holds one deck; choose it with --deck"
            if decks
            else "nothing to export: no facts match"
        )
    return dump_facts(decks[0], [f.fact for f in data.facts])


# --- printable worksheets -----------------------------------------------------------------------


def worksheet_title(data: ExportSet) -> str:
    decks = data.deck_names()
    return f"Worksheet: {decks[0]}" if len(decks) == 1 else "Worksheet"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~!#&])")


def md_escape(text: str) -> str:
    """Markdown-inert text on one line: special characters backslash-escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    # Content that opens a list item must not itself read as a list marker ("1." "-" "+").
    return re.sub(r"^(\d+)([.)])|^([-+])", r"\1\\\2\3", escaped)


WRITE_IN = "\\_" * 24


def iter_markdown(data: ExportSet, *, progress: Progress | None = None) -> Iterator[str]:
    """A printable worksheet: numbered questions with lettered options, answer key last."""
    from quizmaster.models import MatchQuestion

    total = len(data.questions)
    yield f"# {md_escape(worksheet_title(data))}\n\n"
    yield f"{total} question{'s' if total != 1 else ''}. Write your answers, then check the key.\n"
    for number, item in enumerate(data.questions, 1):
        q = item.question
        lines = body_lines(q)
        out = [f"\n{number}. {md_escape(lines[0])}\n"]
        if isinstance(q, MatchQuestion):
            out.append("\n   | List I | List II |\n   |---|---|\n")
            out.extend(f"   | {md_escape(a)} | {md_escape(b)} |\n" for a, b in match_rows(q))
            lines = [lines[0], *lines[len(lines) - len(q.choices) :]]
        if len(lines) > 1:
            out.append("\n" + "".join(f"   - {md_escape(line)}\n" for line in lines[1:]))
        if q.options is None:
            out.append(f"\n   Answer: {WRITE_IN}\n")
        yield "".join(out)
        _tick(progress, number, total)
    yield "\n---\n\n## Answer key\n\n"
    for number, item in enumerate(data.questions, 1):
        q = item.question
        why = f" — {md_escape(q.explanation)}" if q.explanation else ""
        yield f"{number}. **{md_escape(answer_text(q))}**{why}\n"


HTML_STYLE = """\
body { font-family: Georgia, "Times New Roman", serif; max-width: 46rem; margin: 2rem auto;
  padding: 0 1rem; line-height: 1.45; color: #111; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
.meta { color: #555; margin-top: 0; }
ol.questions > li { margin-bottom: 1.1rem; break-inside: avoid; page-break-inside: avoid; }
ul.options, ul.lines { list-style: none; padding-left: 1rem; margin: 0.3rem 0; }
.write-in { margin: 0.4rem 0 0 1rem; }
.write-in span { display: inline-block; width: 18rem; border-bottom: 1px solid #111; }
table.match { border-collapse: collapse; margin: 0.4rem 0 0.4rem 1rem; }
table.match th, table.match td { border: 1px solid #999; padding: 0.15rem 0.6rem;
  text-align: left; }
.answer-key { break-before: page; page-break-before: always; }
.answer-key .why { color: #444; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  .meta { color: #000; }
}
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def iter_html(data: ExportSet, *, progress: Progress | None = None) -> Iterator[str]:
    """The worksheet as one self-contained HTML page with print CSS. Every piece of content
    goes through :func:`html.escape`."""
    from quizmaster.models import MatchQuestion

    total = len(data.questions)
    title = _h(worksheet_title(data))
    yield (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>\n{HTML_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n"
        f'<p class="meta">{total} question{"s" if total != 1 else ""}. '
        "Write your answers, then check the key.</p>\n"
        '<ol class="questions">\n'
    )
    for number, item in enumerate(data.questions, 1):
        q = item.question
        lines = body_lines(q)
        options = q.options or []
        extra = lines[1 : len(lines) - len(options)]
        out = [f'<li id="q{number}">\n<p class="prompt">{_h(lines[0])}</p>\n']
        if isinstance(q, MatchQuestion):
            rows = "".join(f"<tr><td>{_h(a)}</td><td>{_h(b)}</td></tr>" for a, b in match_rows(q))
            out.append(f'<table class="match"><tr><th>List I</th><th>List II</th></tr>{rows}')
            out.append("</table>\n")
            extra = []
        if extra:
            out.append('<ul class="lines">' + "".join(f"<li>{_h(x)}</li>" for x in extra))
            out.append("</ul>\n")
        if options:
            opts = lines[len(lines) - len(options) :]
            out.append('<ul class="options">' + "".join(f"<li>{_h(x)}</li>" for x in opts))
            out.append("</ul>\n")
        else:
            out.append('<p class="write-in">Answer: <span></span></p>\n')
        out.append("</li>\n")
        yield "".join(out)
        _tick(progress, number, total)
    yield '</ol>\n<section class="answer-key">\n<h2>Answer key</h2>\n<ol>\n'
    for item in data.questions:
        q = item.question
        why = f' <span class="why">— {_h(q.explanation)}</span>' if q.explanation else ""
        yield f"<li><strong>{_h(answer_text(q))}</strong>{why}</li>\n"
    yield "</ol>\n</section>\n</body>\n</html>\n"


# --- Anki package -------------------------------------------------------------------------------

# Fixed forever: Anki recognises a note type by its id, so changing one would make every
# re-import create a second note type.
MODEL_IDS = {"basic": 1_596_442_311, "mcq": 1_596_442_312, "cloze": 1_596_442_313}
ANKI_CSS = """\
.card { font-family: Georgia, serif; font-size: 20px; text-align: left; color: black;
  background-color: white; }
.options { margin-top: 0.6em; }
.explanation { margin-top: 0.8em; color: #555; font-size: 0.85em; }
"""


def anki_deck_name(deck: str) -> str:
    return f"{ANKI_DECK_ROOT}::{deck}"


def anki_deck_id(deck: str) -> int:
    """A stable deck id from the deck name, so re-imports land in the same Anki deck."""
    digest = hashlib.sha256(anki_deck_name(deck).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def anki_guid(question_id: str) -> str:
    """The note GUID: derived from our stable question id, so Anki updates the note on
    re-import instead of adding a duplicate."""
    import genanki

    return str(genanki.guid_for("quizmaster", question_id))


def _field(text: str) -> str:
    return _h(text).replace("\n", "<br>")


def _cloze_safe(text: str) -> str:
    # Braces and "::" would open, end or split a cloze deletion; entities render the same.
    return _field(text).replace("{", "&#123;").replace("}", "&#125;").replace("::", ":&#58;")


def _models() -> dict[str, Any]:
    import genanki

    explanation = '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}'

    def model(kind: str, fields: str, card: str, front: str, back: str, **kw: Any) -> Any:
        return genanki.Model(
            MODEL_IDS[kind],
            f"quizmaster {kind}",
            fields=[{"name": name} for name in fields.split()],
            templates=[{"name": card, "qfmt": front, "afmt": back + explanation}],
            css=ANKI_CSS,
            **kw,
        )

    answer = '{{FrontSide}}<hr id="answer">{{Answer}}'
    return {
        "basic": model(
            "basic", "Question Answer Explanation QuizmasterId", "Card 1", "{{Question}}", answer
        ),
        "mcq": model(
            "mcq",
            "Question Options Answer Explanation QuizmasterId",
            "Card 1",
            '{{Question}}<div class="options">{{Options}}</div>',
            answer,
        ),
        "cloze": model(
            "cloze",
            "Text Explanation QuizmasterId",
            "Cloze",
            "{{cloze:Text}}",
            "{{cloze:Text}}",
            model_type=genanki.Model.CLOZE,
        ),
    }


def anki_note(question: Question, models: dict[str, Any]) -> Any:
    """One Anki note: cloze questions as cloze notes, questions with options as mcq notes,
    the rest as basic notes."""
    import genanki

    from quizmaster.generate import BLANK

    q = question
    tags = [t for t in (anki_tag(t) for t in q.tags) if t]
    guid = anki_guid(q.id)
    if q.kind == "cloze" and BLANK in q.prompt:
        before, after = q.prompt.split(BLANK, 1)
        text = f"{_cloze_safe(before)}{{{{c1::{_cloze_safe(q.answer)}}}}}{_cloze_safe(after)}"
        fields = [text, _field(q.explanation), _h(q.id)]
        return genanki.Note(model=models["cloze"], fields=fields, tags=tags, guid=guid)
    options = q.options
    if options is not None:
        lines = body_lines(q)
        stem = "<br>".join(_field(x) for x in lines[: len(lines) - len(options)])
        opts = "<br>".join(_field(x) for x in lines[len(lines) - len(options) :])
        fields = [stem, opts, _field(answer_text(q)), _field(q.explanation), _h(q.id)]
        return genanki.Note(model=models["mcq"], fields=fields, tags=tags, guid=guid)
    fields = [_field(q.prompt), _field(q.answer), _field(q.explanation), _h(q.id)]
    return genanki.Note(model=models["basic"], fields=fields, tags=tags, guid=guid)


def write_apkg(
    data: ExportSet, path: Path, *, now: dt.datetime, progress: Progress | None = None
) -> None:
    """An Anki package: one subdeck ``quizmaster::<deck>`` per deck, stable note GUIDs,
    stable note type and deck ids. Written to a temporary file, then moved into place."""
    import genanki

    models = _models()
    decks: dict[str, Any] = {}
    total = len(data.questions)
    for done, item in enumerate(data.questions, 1):
        deck = decks.get(item.deck)
        if deck is None:
            deck = decks[item.deck] = genanki.Deck(
                anki_deck_id(item.deck), anki_deck_name(item.deck)
            )
        deck.add_note(anki_note(item.question, models))
        _tick(progress, done, total)
    if not decks:
        raise UsageError("nothing to export: no questions match")
    package = genanki.Package(list(decks.values()))
    with _atomic_path(path) as tmp:
        package.write_to_file(str(tmp), timestamp=now.timestamp())


# --- streamed bulk exports (json, apkg) -------------------------------------------------------
#
# The same output as iter_json / write_apkg over collect(), written as the rows are read: no
# model per row (stored rows in the current form pass through as text, see
# Store.iter_export_questions), no ExportSet in memory, Anki notes inserted in batches.

Row = tuple[str, str, str, dict[str, Any] | None]
JSON_CHUNK = 1000  # questions written at a time


@dataclass
class _Selection:
    """What a filtered export keeps (``select``'s rules), found in a first pass; None: all."""

    questions: set[str] | None = None
    facts: set[str] | None = None
    fact_tag: str | None = None
    question_count: int = 0
    fact_count: int = 0


def _select_streamed(
    store: Store, deck: str | None, kind: str | None, tag: str | None
) -> _Selection:
    if kind is None and tag is None:
        return _Selection(
            question_count=store.count_questions(deck), fact_count=store.count_facts(deck)
        )
    chosen: set[str] = set()
    wanted: set[str] = set()
    rows = itertools.chain.from_iterable(store.iter_export_questions(deck, kind, parse=True))
    for _, question_id, _, q in rows:
        assert q is not None
        if tag is None or tag in q["tags"]:
            chosen.add(question_id)
            wanted.add(q["fact_id"])
            wanted.update(q.get("fact_ids") or ())
    selection = _Selection(questions=chosen, facts=wanted, question_count=len(chosen))
    if kind is None:
        selection.fact_tag = tag
    selection.fact_count = sum(1 for _ in _kept_facts(store, deck, selection))
    return selection


def _kept_facts(store: Store, deck: str | None, selection: _Selection) -> Iterator[Row]:
    tag = selection.fact_tag
    rows = itertools.chain.from_iterable(store.iter_export_facts(deck, parse=tag is not None))
    if selection.facts is None:
        return rows
    return _filter_facts(rows, selection.facts, tag)


def _filter_facts(rows: Iterator[Row], wanted: set[str], tag: str | None) -> Iterator[Row]:
    for row in rows:
        if row[1] in wanted:
            yield row
        elif tag is not None and row[3] is not None and tag in row[3]["tags"]:
            yield row


def _chosen_questions(
    store: Store, deck: str | None, kind: str | None, selection: _Selection, *, parse: bool
) -> Iterator[Row]:
    rows = itertools.chain.from_iterable(store.iter_export_questions(deck, kind, parse=parse))
    chosen = selection.questions
    if chosen is None:
        return rows
    return (row for row in rows if row[1] in chosen)


def _ticks(progress: Progress | None, before: int, after: int, total: int) -> None:
    """:func:`_tick` for every count from ``before + 1`` to ``after`` (a chunk at a time)."""
    if progress is None:
        return
    for done in range(before + PROGRESS_EVERY - before % PROGRESS_EVERY, after + 1, PROGRESS_EVERY):
        progress(done, total)
    if after == total and total % PROGRESS_EVERY and before < after:
        progress(total, total)


def _by_deck(
    facts: Iterator[Row], questions: Iterator[Row]
) -> Iterator[tuple[str, list[str], Iterator[Row]]]:
    """Deck by deck in name order (both streams come sorted by deck name): the deck's fact
    texts and an iterator over its questions."""
    fact_groups = itertools.groupby(facts, key=lambda r: r[0])
    question_groups = itertools.groupby(questions, key=lambda r: r[0])
    fact_next = next(fact_groups, None)
    question_next = next(question_groups, None)
    while fact_next is not None or question_next is not None:
        names = [g[0] for g in (fact_next, question_next) if g is not None]
        name = min(names)
        deck_facts: list[str] = []
        deck_questions: Iterator[Row] = iter(())
        if fact_next is not None and fact_next[0] == name:
            deck_facts = [r[2] for r in fact_next[1]]
            fact_next = next(fact_groups, None)
        if question_next is not None and question_next[0] == name:
            deck_questions = question_next[1]
        yield name, deck_facts, deck_questions
        if question_next is not None and question_next[0] == name:
            for _ in question_next[1]:  # what the caller left unread
                pass
            question_next = next(question_groups, None)


def _deck_json(
    index: int,
    name: str,
    fact_texts: Iterable[list[str]],
    question_texts: Iterable[list[str]],
    progress: Progress | None,
    done: int,
    total: int,
) -> Generator[str, None, int]:
    """One deck of a streamed JSON export, from its facts' and questions' JSON texts a batch
    at a time; returns ``done`` counted on by its questions (each batch ticks ``progress``)."""
    yield ("\n" if index == 0 else ",\n") + f'  {{"name": {_dumps(name)}, "facts": ['
    yield from _json_items(fact_texts)
    yield '], "questions": ['
    done = yield from _json_items(question_texts, progress, done, total)
    yield "]}"
    return done


def _json_items(
    batches: Iterable[list[str]], progress: Progress | None = None, done: int = 0, total: int = 0
) -> Generator[str, None, int]:
    """A JSON array's items (texts already encoded), one a line, without its brackets;
    returns ``done`` counted on by them (each batch ticks ``progress``)."""
    lead = "\n    "
    for texts in batches:
        yield lead + ",\n    ".join(texts)
        lead = ",\n    "
        _ticks(progress, done, done + len(texts), total)
        done += len(texts)
    if lead != "\n    ":
        yield "\n  "
    return done


def iter_json_streamed(
    store: Store,
    selection: _Selection,
    *,
    now: dt.datetime,
    deck: str | None = None,
    kind: str | None = None,
    with_history: bool = False,
    progress: Progress | None = None,
) -> Iterator[str]:
    """:func:`iter_json` of :func:`collect`'s selection, read and written row by row."""
    total = selection.question_count
    done = 0
    ids: list[str] = []
    header = {"format": JSON_FORMAT, "version": JSON_VERSION, "exported_at": now.isoformat()}
    yield _dumps(header)[:-1] + ',\n "decks": ['
    if selection.questions is None and selection.facts is None and not with_history:
        # Everything (or one deck): deck by deck, texts only.
        for index, (deck_id, name) in enumerate(store.export_decks(deck)):
            done = yield from _deck_json(
                index,
                name,
                store.iter_export_texts("facts", deck_id),
                store.iter_export_texts("questions", deck_id),
                progress,
                done,
                total,
            )
        yield "\n ],\n"
        yield ' "history": null\n}\n'
        return
    facts = _kept_facts(store, deck, selection)
    questions = _chosen_questions(store, deck, kind, selection, parse=False)

    def texts_of(deck_questions: Iterator[Row]) -> Iterator[list[str]]:
        while chunk := list(itertools.islice(deck_questions, JSON_CHUNK)):
            if with_history:
                ids.extend(row[1] for row in chunk)
            yield [row[2] for row in chunk]

    for index, (name, fact_texts, deck_questions) in enumerate(_by_deck(facts, questions)):
        fact_batches = [fact_texts] if fact_texts else []
        question_texts = texts_of(deck_questions)
        done = yield from _deck_json(
            index, name, fact_batches, question_texts, progress, done, total
        )
    yield "\n ],\n"
    if not with_history:
        yield ' "history": null\n}\n'
        return
    history = store.history_for(ids)
    yield ' "history": {"cards": ['
    yield from _json_list((c.to_json() for c in history.cards), "    ")
    yield '], "sessions": ['
    yield from _json_list((session_json(s) for s in history.sessions), "    ")
    yield '], "reviews": ['
    yield from _json_list((review_json(r) for r in history.reviews), "    ")
    yield "]}\n}\n"


def _options_of(q: dict[str, Any]) -> list[str] | None:
    """``Question.options`` of a question's JSON."""
    kind = q["kind"]
    if kind == "true_false":
        return list(_TRUE_FALSE)
    if kind in ("mcq", "statements", "match"):
        return list(q["choices"])
    return None


def _body_lines_of(q: dict[str, Any], options: list[str] | None) -> list[str]:
    """:func:`body_lines` of a question's JSON."""
    lines = [q["prompt"]]
    kind = q["kind"]
    if kind == "statements":
        lines += [f"{n}. {s}" for n, s in enumerate(q["statements"], 1)]
    elif kind == "match":
        lines += [f"List I {LETTERS[i].upper()}. {x}" for i, x in enumerate(q["left"])]
        lines += [f"List II {n}. {x}" for n, x in enumerate(q["right"], 1)]
    if options is not None:
        letters = _OPTION_LETTERS
        if len(options) > len(letters):
            letters = [option_letter(i) for i in range(len(options))]
        lines += [f"{letter} {o}" for letter, o in zip(letters, options, strict=False)]
    return lines


_OPTION_LETTERS = [f"({letter})" for letter in LETTERS]
_TRUE_FALSE = ["True", "False"]  # Question.options of a true/false question
_TRUE_FALSE_LINES = "<br>".join(
    f"{x} {o}" for x, o in zip(_OPTION_LETTERS, _TRUE_FALSE, strict=False)
)


# Plain text, the usual case, needs no escaping: one C-level search instead of five
# replacements (100k notes hold 500k fields).
_HTML_SPECIAL = re.compile("[&<>\"'\n]")
_CLOZE_SPECIAL = re.compile("[&<>\"'\n{}:]")


def _field_fast(text: str) -> str:
    """:func:`_field`, skipping the work when nothing needs escaping."""
    return _field(text) if _HTML_SPECIAL.search(text) else text


def _h_fast(text: str) -> str:
    """:func:`_h`, skipping the work when nothing needs escaping."""
    return _h(text) if _HTML_SPECIAL.search(text) else text


def _cloze_safe_fast(text: str) -> str:
    return _cloze_safe(text) if _CLOZE_SPECIAL.search(text) else text


_TAGS: dict[tuple[str, ...], list[str]] = {}


def _note_tags(tags: list[str]) -> list[str]:
    """A note's Anki tags (``anki_note``'s), computed once per distinct list of tags (do not
    change the list returned)."""
    key = tuple(tags)
    found = _TAGS.get(key)
    if found is None:
        found = [t for t in (anki_tag(t) for t in tags) if t]
        if len(_TAGS) < 10_000:
            _TAGS[key] = found
    return found


GUID_TABLE = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)


_GUID_PAIRS = [a + b for a in GUID_TABLE for b in GUID_TABLE]
_GUID_SALTED = hashlib.sha256(b"quizmaster__")  # genanki's guid_for("quizmaster", ...) salt
_FIRST_8_BYTES = struct.Struct(">Q").unpack_from


def anki_guid_fast(question_id: str) -> str:
    """:func:`anki_guid` (genanki's ``guid_for("quizmaster", id)``: the first 8 bytes of a
    SHA-256 in Anki's base 91, without leading zero digits) without genanki's per-digit
    list: five pairs of digits (91**10 > 2**64), then the leading zeros ("a") dropped."""
    digest = _GUID_SALTED.copy()
    digest.update(question_id.encode("utf-8"))
    first: int = _FIRST_8_BYTES(digest.digest())[0]
    number, e = divmod(first, 8281)
    number, d = divmod(number, 8281)
    number, c = divmod(number, 8281)
    a, b = divmod(number, 8281)
    pairs = _GUID_PAIRS
    return (pairs[a] + pairs[b] + pairs[c] + pairs[d] + pairs[e]).lstrip("a")


def anki_note_fields(q: dict[str, Any], blank: str) -> tuple[str, list[str], list[str]]:
    """:func:`anki_note` of a question's JSON, as (note type, fields, tags)."""
    tags = _note_tags(q["tags"])
    prompt, answer, explanation, qid = q["prompt"], q["answer"], q["explanation"], q["id"]
    # Plain text (the usual note) needs no escaping: one search over all its texts at once.
    kind = q["kind"]
    if kind == "cloze" and blank in prompt:
        before, after = prompt.split(blank, 1)
        if _CLOZE_SPECIAL.search(f"{prompt}\x1f{answer}") or _HTML_SPECIAL.search(
            f"{explanation}\x1f{qid}"
        ):
            before, after, answer = (_cloze_safe_fast(t) for t in (before, after, answer))
            explanation, qid = _field_fast(explanation), _h_fast(qid)
        return "cloze", [f"{before}{{{{c1::{answer}}}}}{after}", explanation, qid], tags
    if kind == "true_false" or kind == "mcq":
        # The usual note with options: a line per option, at most one letter each, nothing
        # to escape (checked in one search over its texts), laid out without the general
        # path's lists.
        options = _TRUE_FALSE if kind == "true_false" else q["choices"]
        if len(options) <= len(LETTERS) and not _HTML_SPECIAL.search(
            "\x1f".join([prompt, *options, answer, explanation, qid])
        ):
            shown = answer
            if answer in options:
                shown = f"{_OPTION_LETTERS[options.index(answer)]} {answer}"
            if options is _TRUE_FALSE:
                shown_options = _TRUE_FALSE_LINES
            else:
                pairs = zip(_OPTION_LETTERS, options, strict=False)
                shown_options = "<br>".join([f"{x} {o}" for x, o in pairs])
            return "mcq", [prompt, shown_options, shown, explanation, qid], tags
    options = _options_of(q)
    if options is not None:
        lines = _body_lines_of(q, options)
        shown = answer
        if answer in options:
            shown = f"{_OPTION_LETTERS[options.index(answer) % len(LETTERS)]} {answer}"
        cut = len(lines) - len(options)
        texts = [*lines, shown, explanation, qid]
        if _HTML_SPECIAL.search("\x1f".join(texts)):
            texts = [_field_fast(t) for t in texts]
            texts[-1] = _h_fast(qid)
        return (
            "mcq",
            ["<br>".join(texts[:cut]), "<br>".join(texts[cut:-3]), *texts[-3:]],
            tags,
        )
    texts = [prompt, answer, explanation, qid]
    if _HTML_SPECIAL.search("\x1f".join(texts)):
        texts = [_field_fast(prompt), _field_fast(answer), _field_fast(explanation), _h_fast(qid)]
    return "basic", texts, tags


_CLOZE_REF = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)
# quizmaster.generate.BLANK (a test holds them equal), written out: importing the question
# generator for it would take a quarter of a second of a 100k-question Anki export.
CLOZE_BLANK = "_____"
NOTE_BATCH = 2000
TAG_TEXTS = 10_000  # distinct tag lists whose text an Anki export keeps
_CARD_TAIL = (0,) * 11 + ("",)  # a new card's type, queue, due ... flags, data


def write_apkg_streamed(
    store: Store,
    selection: _Selection,
    path: Path,
    *,
    now: dt.datetime,
    deck: str | None = None,
    kind: str | None = None,
    progress: Progress | None = None,
) -> None:
    """:func:`write_apkg` of :func:`collect`'s selection: the rows genanki's ``Package``
    writes (same ids, GUIDs, fields, cards, decks and note types), inserted in batches."""
    import tempfile
    import zipfile

    if selection.question_count == 0:
        raise UsageError("nothing to export: no questions match")
    fd, db_name = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        conn, create_indexes = _scratch_collection(db_name)
        try:
            writer = _ApkgRows(
                conn.cursor(), now=now, total=selection.question_count, progress=progress
            )
            rows = _chosen_questions(store, deck, kind, selection, parse=True)
            for name, group in itertools.groupby(rows, key=operator.itemgetter(0)):
                writer.add_deck(name, group)
            conn.executescript(create_indexes)
            conn.commit()
        finally:
            conn.close()
        with _atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w") as outzip:
            outzip.write(db_name, "collection.anki2")
            outzip.writestr("media", json.dumps({}))
    finally:
        os.unlink(db_name)


def _scratch_collection(db_name: str) -> tuple[Any, str]:
    """An empty Anki collection in the scratch file ``db_name`` (genanki's tables and
    collection row), and the SQL that builds its indexes once the rows are in (a third of
    the inserts' cost when they are kept up to date row by row)."""
    import sqlite3

    from genanki.apkg_col import APKG_COL
    from genanki.apkg_schema import APKG_SCHEMA

    conn = sqlite3.connect(db_name)
    # A scratch file until it is zipped: no rollback journal, no waiting for the disk.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    tables, create_index, indexes = APKG_SCHEMA.partition("CREATE INDEX")
    conn.executescript(tables)
    conn.executescript(APKG_COL)
    return conn, create_index + indexes


class _ApkgRows:
    """The notes and cards of an Anki export, deck by deck, in batches of ``NOTE_BATCH``
    notes, with the ids genanki gives them (one counter from the export's moment)."""

    def __init__(
        self, cursor: Any, *, now: dt.datetime, total: int, progress: Progress | None
    ) -> None:
        self.cursor = cursor
        self.models = _models()
        self.card_ords = _card_ords_for(self.models)
        self.timestamp = now.timestamp()
        self.mod = int(self.timestamp)
        self.id_gen = itertools.count(int(self.timestamp * 1000))
        # A note's tags as text, once per distinct list of stored tags (a bounded cache
        # keyed by the tags themselves: a list's address is reused once it is freed).
        self.tag_texts: dict[tuple[str, ...], str] = {}
        self.total, self.progress, self.done = total, progress, 0

    def add_deck(self, name: str, group: Iterator[tuple[Any, ...]]) -> None:
        """One deck's notes and cards, then its row in the collection (what genanki's
        ``Deck.write_to_db`` does; notes and cards do not depend on it)."""
        import genanki

        deck_id = anki_deck_id(name)
        used = self._add_notes(deck_id, group)
        anki_deck = genanki.Deck(deck_id, anki_deck_name(name))
        for model in used.values():
            anki_deck.add_model(model)
        anki_deck.write_to_db(self.cursor, self.timestamp, self.id_gen)

    def _add_notes(self, deck_id: int, group: Iterator[tuple[Any, ...]]) -> dict[str, Any]:
        """The deck's notes and cards; returns the note types they use, by name."""
        models, card_ords, id_gen, tag_texts = (
            self.models,
            self.card_ords,
            self.id_gen,
            self.tag_texts,
        )
        mod = self.mod
        used: dict[str, Any] = {}
        notes: list[tuple[Any, ...]] = []
        # The usual note has one card, ord 0, whose id follows the note's: the batch's cards
        # are then made from its notes in SQL. Only a batch with another note lists its
        # cards row by row.
        cards: list[tuple[Any, ...]] | None = None
        for _, question_id, _, q in group:
            assert q is not None
            model_name, fields, tags = anki_note_fields(q, CLOZE_BLANK)
            model = used.get(model_name)
            if model is None:
                model = used[model_name] = models[model_name]
            note_id = next(id_gen)
            tag_key = tuple(q["tags"])
            tag_text = tag_texts.get(tag_key)
            if tag_text is None:
                tag_text = " " + " ".join(tags) + " "
                if len(tag_texts) < TAG_TEXTS:
                    tag_texts[tag_key] = tag_text
            # The row's other columns are the same for every note (_insert_notes).
            notes.append(
                (
                    note_id,
                    anki_guid_fast(question_id),
                    model.model_id,
                    tag_text,
                    "\x1f".join(fields),
                    fields[model.sort_field_index],
                )
            )
            ords = card_ords(model, fields)
            if cards is None and ords == [0]:
                next(id_gen)  # the card's id: note_id + 1
            else:
                if cards is None:  # the batch's notes so far: one card each
                    cards = [(n[0] + 1, n[0], deck_id, 0, mod, -1, *_CARD_TAIL) for n in notes[:-1]]
                for card_ord in ords:
                    cards.append((next(id_gen), note_id, deck_id, card_ord, mod, -1, *_CARD_TAIL))
            if len(notes) >= NOTE_BATCH:
                self._insert(notes, cards, deck_id)
                cards = None
        self._insert(notes, cards, deck_id)
        return used

    def _insert(
        self, notes: list[tuple[Any, ...]], cards: list[tuple[Any, ...]] | None, deck_id: int
    ) -> None:
        _ticks(self.progress, self.done, self.done + len(notes), self.total)
        self.done += len(notes)
        _insert_notes(self.cursor, notes, cards, deck_id, self.mod)


def _card_ords_for(models: dict[str, Any]) -> Callable[[Any, list[str]], list[int]]:
    """The cards genanki's ``Note`` makes for a note's fields (``Note.cards``), with each note
    type's requirements read once."""
    rules = {
        model.model_id: _cloze_ords if model.model_type == model.CLOZE else _required(model._req)
        for model in models.values()
    }

    def card_ords(model: Any, fields: list[str]) -> list[int]:
        return rules[model.model_id](fields)

    return card_ords


def _cloze_ords(fields: list[str]) -> list[int]:
    return list({int(m) - 1 for m in _CLOZE_REF.findall(fields[0]) if int(m) > 0})


def _required(req: list[Any]) -> Callable[[list[str]], list[int]]:
    """A front/back note type's cards for a note's fields, from the note type's
    requirements: a card (ord) when all (or any) of its required fields are not empty."""
    ops = {"any": any, "all": all}
    rule = [(o, ops[kind], need) for o, kind, need in req]
    if len(rule) == 1:  # one template: ours
        card_ord, op, need = rule[0]
        if len(need) == 1:  # all and any agree
            index = need[0]
            return lambda fields: [card_ord] if fields[index] else []
        needed = operator.itemgetter(*need)
        return lambda fields: [card_ord] if op(needed(fields)) else []
    return lambda fields: [o for o, op, need in rule if op(map(fields.__getitem__, need))]


def _insert_notes(
    cursor: Any,
    notes: list[tuple[Any, ...]],
    cards: list[tuple[Any, ...]] | None,
    deck_id: int,
    mod: int,
) -> None:
    """A batch of notes (id, guid, note type, tags, fields, sort field: the columns that
    differ between notes) and their cards; ``cards`` None: one card for each note, ord 0,
    id the note's + 1 (the row genanki writes for it), made from the notes in SQL."""
    if not notes:
        return
    # Modified at mod, usn -1, no checksum, flags or data: genanki's values for every note.
    cursor.executemany(
        f"INSERT INTO notes VALUES(?, ?, ?, {int(mod)}, -1, ?, ?, ?, 0, 0, '');", notes
    )
    if cards is None:
        cursor.execute(
            "INSERT INTO cards SELECT id + 1, id, ?, 0, ?, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "
            "0, '' FROM notes WHERE id BETWEEN ? AND ? ORDER BY id",
            (deck_id, mod, notes[0][0], notes[-1][0]),
        )
    else:
        cursor.executemany("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);", cards)
    notes.clear()


# --- writing files ------------------------------------------------------------------------------


class _atomic_path:
    """A temporary path beside ``target`` that replaces it on success (never half-written)."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.tmp: Path | None = None
        self.fd: int | None = None

    def __enter__(self) -> Path:
        from quizmaster.files import TEMP_MARK, locked_temp, remove_stale

        # What killed exports to this folder left behind (files no running export holds).
        remove_stale(self.target.parent, f".*{TEMP_MARK}*.tmp")
        try:
            self.fd, self.tmp = locked_temp(self.target.parent, f".{self.target.name}", ".tmp")
        except OSError as exc:
            raise UsageError(f"{self.target}: cannot write here ({exc.strerror})") from None
        return self.tmp

    def __exit__(self, exc_type: object, *rest: object) -> None:
        assert self.tmp is not None and self.fd is not None
        try:
            if exc_type is None:
                self.tmp.chmod(0o644)  # mkstemp makes 0600; an export is an ordinary file
                os.replace(self.tmp, self.target)
            else:
                self.tmp.unlink(missing_ok=True)
        finally:
            os.close(self.fd)


def write_text_file(chunks: Iterable[str], path: Path) -> None:
    """Stream chunks to ``path`` (UTF-8, ``\\n`` newlines), atomically."""
    with _atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        for chunk in chunks:
            handle.write(chunk)


# --- the export command's core ------------------------------------------------------------------


@dataclass(frozen=True)
class ExportOutcome:
    """How many questions went out, where to (None: stdout), and the text left to write."""

    questions: int
    facts: int
    output: Path | None
    chunks: Iterator[str] | None = None


def _question_kinds() -> tuple[str, ...]:
    from quizmaster.models import QUESTION_KINDS

    return QUESTION_KINDS


def export(
    store: Store,
    fmt: str,
    *,
    now: dt.datetime,
    output: Path | None = None,
    deck: str | None = None,
    kind: str | None = None,
    tag: str | None = None,
    with_history: bool = False,
    progress: Progress | None = None,
) -> ExportOutcome:
    """Check the options, read the selection and write it to ``output``; without an output
    the text chunks are returned for the caller to stream to stdout."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if kind is not None and kind not in _question_kinds():
        raise UsageError(f"unknown kind {kind!r}; choose from {', '.join(_question_kinds())}")
    if fmt == "apkg" and output is None:
        raise UsageError("an Anki package is a binary file: give one with -o FILE.apkg")
    if with_history and fmt != "json":
        raise UsageError("--with-history needs --format json (the only format with history)")
    if fmt in ("json", "apkg"):
        # The bulk formats stream (same output as below, without the ExportSet).
        selection = _select_streamed(store, deck, kind, tag)
        counts = (selection.question_count, selection.fact_count)
        if not any(counts):
            raise UsageError("nothing to export: no questions match the options")
        if fmt == "apkg":
            assert output is not None
            write_apkg_streamed(
                store, selection, output, now=now, deck=deck, kind=kind, progress=progress
            )
            return ExportOutcome(*counts, output=output)
        chunks = iter_json_streamed(
            store,
            selection,
            now=now,
            deck=deck,
            kind=kind,
            with_history=with_history,
            progress=progress,
        )
        if output is None:
            return ExportOutcome(*counts, output=None, chunks=chunks)
        write_text_file(chunks, output)
        return ExportOutcome(*counts, output=output)
    data = collect(store, deck=deck, kind=kind, tag=tag, with_history=with_history)
    if not data.questions and not data.facts:
        raise UsageError("nothing to export: no questions match the options")
    counts = (len(data.questions), len(data.facts))
    if fmt == "apkg":
        assert output is not None
        write_apkg(data, output, now=now, progress=progress)
        return ExportOutcome(*counts, output=output)
    chunks = export_text(fmt, data, now=now, progress=progress)
    if output is None:
        return ExportOutcome(*counts, output=None, chunks=chunks)
    write_text_file(chunks, output)
    return ExportOutcome(*counts, output=output)
