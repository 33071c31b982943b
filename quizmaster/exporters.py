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
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from quizmaster.errors import UsageError
from quizmaster.models import MatchQuestion, Question, StatementsQuestion
from quizmaster.store import History, ReviewRecord, SessionRecord, Store, StoredFact, StoredQuestion

_QUESTION_ADAPTER: TypeAdapter[Question] = TypeAdapter(Question)

FORMATS: tuple[str, ...] = ("apkg", "csv", "tsv", "json", "yaml", "md", "html")
TEXT_FORMATS: tuple[str, ...] = ("csv", "tsv", "json", "yaml", "md", "html")
JSON_FORMAT = "quizmaster"
JSON_VERSION = 1
ANKI_DECK_ROOT = "quizmaster"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
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

    def dump_questions(items: list[StoredQuestion]) -> Iterator[RawJson]:
        for item in items:
            yield RawJson(_QUESTION_ADAPTER.dump_json(item.question).decode("utf-8"))
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
    basic = genanki.Model(
        MODEL_IDS["basic"],
        "quizmaster basic",
        fields=[{"name": n} for n in ("Question", "Answer", "Explanation", "QuizmasterId")],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Question}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}' + explanation,
            }
        ],
        css=ANKI_CSS,
    )
    mcq = genanki.Model(
        MODEL_IDS["mcq"],
        "quizmaster mcq",
        fields=[
            {"name": n} for n in ("Question", "Options", "Answer", "Explanation", "QuizmasterId")
        ],
        templates=[
            {
                "name": "Card 1",
                "qfmt": '{{Question}}<div class="options">{{Options}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}' + explanation,
            }
        ],
        css=ANKI_CSS,
    )
    cloze = genanki.Model(
        MODEL_IDS["cloze"],
        "quizmaster cloze",
        fields=[{"name": n} for n in ("Text", "Explanation", "QuizmasterId")],
        templates=[
            {"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}" + explanation}
        ],
        css=ANKI_CSS,
        model_type=genanki.Model.CLOZE,
    )
    return {"basic": basic, "mcq": mcq, "cloze": cloze}


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
    from quizmaster.models import QUESTION_KINDS

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if kind is not None and kind not in QUESTION_KINDS:
        raise UsageError(f"unknown kind {kind!r}; choose from {', '.join(QUESTION_KINDS)}")
    if fmt == "apkg" and output is None:
        raise UsageError("an Anki package is a binary file: give one with -o FILE.apkg")
    if with_history and fmt != "json":
        raise UsageError("--with-history needs --format json (the only format with history)")
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
