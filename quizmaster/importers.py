"""Bring decks into the store: facts YAML files and the built-in deck."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import marshal
import re
import sqlite3
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar, overload

from pydantic import ValidationError

from quizmaster.errors import InputFileError
from quizmaster.models import (
    ClozeQuestion,
    Fact,
    KeySpan,
    Question,
    SpanType,
    question_id,
)
from quizmaster.records import (
    CardState,
    History,
    HistoryReport,
    LoadReport,
    ReviewRecord,
    SessionRecord,
    WrittenFact,
    WrittenQuestion,
    iso,
)

if TYPE_CHECKING:
    import zipfile

    from quizmaster.store import Store

R = TypeVar("R", WrittenFact, WrittenQuestion)


def import_facts_yaml(
    store: Store,
    path: Path,
    *,
    now: dt.datetime,
    deck: str | None = None,
    dry_run: bool = False,
) -> LoadReport:
    """Validate a facts YAML file, generate its questions and load both as one deck.

    Nothing is written unless the whole file is valid.
    """
    from quizmaster.facts_file import load_facts_file
    from quizmaster.generate import generate_questions

    facts_file = load_facts_file(path)
    facts = facts_file.resolved_facts()
    questions = generate_questions(facts)
    return store.load_deck(
        deck or facts_file.deck,
        facts,
        questions,
        now=now,
        source_name=str(path),
        dry_run=dry_run,
        adopt=True,  # a file whose `deck:` was edited moves its facts, history and all
    )


def ensure_builtin_deck(store: Store, *, now: dt.datetime) -> LoadReport | None:
    """Load the built-in deck into a database that has never held a deck. Returns the
    report, or None when nothing was done (a deck was held once, even if since removed: the
    store marks the database as the first deck goes in)."""
    from quizmaster.paths import builtin_deck_path

    if not store.builtin_deck_pending():
        return None
    return import_facts_yaml(store, builtin_deck_path(), now=now)


# --- decks in and out --------------------------------------------------------------
# JSON (our own export), CSV/TSV (Anki and Quizlet text exports) and Anki packages. Every
# reader turns a file into a Bundle without touching the store; the store then loads the
# bundle in one transaction, so a bad file imports nothing.

MAX_JSON_BYTES = 512 * 1024 * 1024
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_COLLECTION_BYTES = 512 * 1024 * 1024
MAX_PACKAGE_MEMBERS = 100_000
# Real packages compress (text, SQLite pages) well below this; a zip bomb compresses far above.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_BYTES = 1024 * 1024
MAX_STATEMENT_CHARS = 2000

SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".tsv", ".txt", ".apkg")


@dataclass
class Bundle:
    """Decks (name, facts, questions) read from a file, with optional history."""

    decks: list[tuple[str, Sequence[Fact | WrittenFact], Sequence[Question | WrittenQuestion]]]
    history: History | None = None
    skipped: list[str] = field(default_factory=list)
    # Notes exported by quizmaster itself: fact id -> the quizmaster question id they carry.
    native: dict[str, str] = field(default_factory=dict)
    # Where the decks' records went past the first few thousand (closed after the import).
    spill: _Spill | None = None


SPILL_RECORDS = 20_000  # records a reader holds in memory before it writes them out


class _Spill:
    """The temporary file the record lists of one file being read share. Whenever they
    hold more than ``limit`` records in memory, each list writes what it holds there (one
    ``marshal`` batch), so a big import holds a few thousand records at a time, whatever
    the size of the file; they are read back, in order, as the store loads them."""

    def __init__(self, limit: int = SPILL_RECORDS) -> None:
        self.limit = limit
        self.held = 0
        # Weak: a list dropped (a file that fails to read) takes the spill with it.
        self.lists: list[weakref.ref[_Records[Any]]] = []
        self.file: IO[bytes] | None = None

    def hold(self, count: int = 1) -> None:
        self.held += count
        if self.held > self.limit:
            for ref in self.lists:
                records = ref()
                if records is not None:
                    records.write_out()
            self.held = 0

    def write(self, data: bytes) -> tuple[int, int]:
        if self.file is None:
            import tempfile

            self.file = tempfile.TemporaryFile(prefix="quizmaster-import-")
        offset = self.file.seek(0, 2)
        self.file.write(data)
        return offset, len(data)

    def read(self, offset: int, length: int) -> bytes:
        assert self.file is not None
        self.file.seek(offset)
        return self.file.read(length)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


def _fact_key(fact: WrittenFact) -> str:
    return fact.id


def _question_key(question: WrittenQuestion) -> tuple[str, str]:
    return (question.id, question.fact_id)


class _Records(Sequence[R]):
    """A list of records (WrittenFact or WrittenQuestion) that appends like a list and is
    read in order, as many times as needed; its older records may live in the spill file."""

    def __init__(
        self, spill: _Spill, make: Callable[[Sequence[Any]], R], key: Callable[[R], Any]
    ) -> None:
        self.spill = spill
        self.make: Callable[[Sequence[Any]], R] = make
        self.key: Callable[[R], Any] = key
        self.ids: list[Any] = []  # key(record) of every record, kept in memory
        self.batches: list[tuple[int, int]] = []
        self.held: list[R] = []
        self.size = 0
        self.spillable = True
        spill.lists.append(weakref.ref(self))

    def append(self, record: R) -> None:
        self.held.append(record)
        self.ids.append(self.key(record))
        self.size += 1
        self.spill.hold()

    def extend(self, records: Iterable[R]) -> None:
        if not isinstance(records, list):
            for record in records:
                self.append(record)
            return
        # A batch at once (the JSON reader's): the same records, ids and spills as one by one,
        # but a spill comes after the batch rather than inside it.
        self.held.extend(records)
        self.ids.extend(map(self.key, records))
        self.size += len(records)
        self.spill.hold(len(records))

    def write_out(self) -> None:
        if not self.held or not self.spillable:
            return
        try:
            # Format 2: no references between objects (records share none worth keeping),
            # which makes writing a batch twice as fast as the default format's bookkeeping.
            data = marshal.dumps([r.fields() for r in self.held], 2)
        except ValueError:  # a value marshal cannot write (none in practice): kept here
            self.spillable = False
            return
        self.batches.append(self.spill.write(data))
        self.held = []

    def keep(self, wanted: Callable[[R], bool]) -> _Records[R]:
        out: _Records[R] = _Records(self.spill, self.make, self.key)
        out.extend(r for r in self if wanted(r))
        return out

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[R]:
        make = self.make
        for offset, length in self.batches:
            for values in marshal.loads(self.spill.read(offset, length)):
                yield make(values)
        yield from self.held

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[R]: ...

    def __getitem__(self, index: int | slice) -> R | Sequence[R]:
        return list(self)[index]


@dataclass
class ImportResult:
    """What an import changed (or, for a dry run, would change)."""

    path: str
    decks: list[LoadReport]
    history: HistoryReport | None = None
    skipped: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "decks": [asdict(d) for d in self.decks],
            "history": None if self.history is None else asdict(self.history),
            "skipped": list(self.skipped),
        }


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector, paused while a file becomes models and rows. It would walk
    the growing heap of models again and again (a third of reading a 100k-question file)
    though they all live until the import ends; peak memory is the same."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def import_path(
    store: Store,
    path: Path,
    *,
    now: dt.datetime,
    deck: str | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import any supported deck file, chosen by extension, as one transaction.

    Facts and questions merge by stable id. A facts YAML file is the whole deck (facts missing
    from it are retired); the other formats only add and update.
    """
    with _collector_paused():
        return _import_path(store, path, now=now, deck=deck, dry_run=dry_run, progress=progress)


def _import_path(
    store: Store,
    path: Path,
    *,
    now: dt.datetime,
    deck: str | None,
    dry_run: bool,
    progress: Callable[[int, int], None] | None,
) -> ImportResult:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        report = import_facts_yaml(store, path, now=now, deck=deck, dry_run=dry_run)
        return ImportResult(path=str(path), decks=[report])
    if suffix == ".json":
        bundle = read_json_bundle(path, deck=deck)
    elif suffix in (".csv", ".tsv", ".txt"):
        bundle = read_delimited(path, deck=deck)
    elif suffix == ".apkg":
        bundle = read_apkg(path, deck=deck)
    else:
        raise InputFileError(
            str(path),
            f"unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(SUFFIXES)}",
        )
    try:
        _drop_known_natives(store, bundle)
        _check_references(store, bundle, str(path))
        reports, history = store.import_bundle(
            bundle.decks,
            history=bundle.history,
            now=now,
            source_name=str(path),
            merge_history=functools.partial(merge_history, store, source_name=str(path)),
            dry_run=dry_run,
            progress=progress,
        )
    finally:
        if bundle.spill is not None:
            bundle.spill.close()
    return ImportResult(path=str(path), decks=reports, history=history, skipped=bundle.skipped)


def merge_history(store: Store, history: History, *, source_name: str) -> HistoryReport:
    """Merge an imported history into the store's: a card whose stored last review is newer
    than the file's is kept, any other differing card is replaced; sessions and reviews are
    matched by their natural keys (kind and start time; question and review time) and only
    the new ones added. A card, review or session that the file refers to but that neither
    holds is an error in the file. Runs inside :meth:`Store.import_bundle`'s transaction."""
    report = HistoryReport()
    wanted = sorted({c.question_id for c in history.cards})
    local = {c.question_id: c for c in store.cards_for(wanted)}
    updates: list[CardState] = []
    for card in history.cards:
        mine = local.get(card.question_id)
        if mine is None:
            raise InputFileError(source_name, f"card for unknown question {card.question_id!r}")
        if mine == card:
            report.cards_unchanged += 1
        elif (
            mine.last_review is not None
            and card.last_review is not None
            and mine.last_review > card.last_review
        ):
            report.cards_kept_newer += 1
        else:
            updates.append(card)
            report.cards_updated += 1
    store.update_cards(updates)
    session_ids = store.session_ids()
    for session in history.sessions:
        key = (session.kind, iso(session.started_at))
        if key in session_ids:
            report.sessions_unchanged += 1
            continue
        session_ids[key] = store.add_session(session)
        report.sessions_added += 1
    qids = sorted({r.question_id for r in history.reviews})
    unknown = set(qids) - store.existing_question_ids(qids)
    if unknown:
        raise InputFileError(source_name, f"review of unknown question {sorted(unknown)[0]!r}")
    seen = store.review_keys(qids)
    new: list[tuple[ReviewRecord, int | None]] = []
    for review in history.reviews:
        key = (review.question_id, iso(review.reviewed_at))
        if key in seen:
            report.reviews_unchanged += 1
            continue
        seen.add(key)
        session_id = None
        if review.session is not None:
            skey = (review.session[0], iso(review.session[1]))
            if skey not in session_ids:
                raise InputFileError(
                    source_name,
                    f"review of {review.question_id!r} names a session that is not in the file",
                )
            session_id = session_ids[skey]
        new.append((review, session_id))
        report.reviews_added += 1
    store.add_reviews(new)
    return report


def _drop_known_natives(store: Store, bundle: Bundle) -> None:
    """Our own Anki export imported back: questions still here are left alone, not copied."""
    if not bundle.native:
        return
    present = store.existing_question_ids(sorted(bundle.native.values()))
    drop = {fid for fid, qid in bundle.native.items() if qid in present}
    if not drop:
        return
    bundle.decks = [
        (
            name,
            fs.keep(lambda f: f.id not in drop)
            if isinstance(fs, _Records)
            else [f for f in fs if f.id not in drop],
            qs.keep(lambda q: q.fact_id not in drop)
            if isinstance(qs, _Records)
            else [q for q in qs if q.fact_id not in drop],
        )
        for name, fs, qs in bundle.decks
    ]
    bundle.decks = [d for d in bundle.decks if d[1]]
    bundle.skipped.append(f"{len(drop)} notes exported by quizmaster are already here")


def _check_references(store: Store, bundle: Bundle, name: str) -> None:
    """Unique ids, and every question's fact in the file or already stored."""
    fact_ids: set[str] = set()
    question_ids: set[str] = set()
    wanted: set[str] = set()
    for _, facts, questions in bundle.decks:
        for fact_id in _fact_ids(facts):
            if fact_id in fact_ids:
                raise InputFileError(name, f"duplicate fact id {fact_id!r}")
            fact_ids.add(fact_id)
        for qid, its_fact in _question_ids(questions):
            if qid in question_ids:
                raise InputFileError(name, f"duplicate question id {qid!r}")
            question_ids.add(qid)
            wanted.add(its_fact)
    wanted -= fact_ids
    missing = wanted - store.existing_fact_ids(sorted(wanted))
    if missing:
        raise InputFileError(
            name, f"a question refers to fact {sorted(missing)[0]!r}, which is not in the file"
        )
    if bundle.history is not None:
        for card in bundle.history.cards:
            if card.question_id not in question_ids:
                raise InputFileError(
                    name, f"history has a card for {card.question_id!r}, not in the file"
                )


def _fact_ids(facts: Sequence[Fact | WrittenFact]) -> Iterable[str]:
    """The facts' ids in order (a spilled list keeps them in memory: no pass over the file)."""
    return facts.ids if isinstance(facts, _Records) else [f.id for f in facts]


def _question_ids(questions: Sequence[Question | WrittenQuestion]) -> Iterable[tuple[str, str]]:
    """Each question's id and its fact's id, in order (see :func:`_fact_ids`)."""
    if isinstance(questions, _Records):
        return questions.ids
    return [(q.id, q.fact_id) for q in questions]


# --- JSON -------------------------------------------------------------------------------------


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_json_bundle(path: Path, *, deck: str | None = None) -> Bundle:
    """Our own JSON export (``quizmaster export --format json``), validated in full."""
    from quizmaster.exchange_schema import BundleDoc
    from quizmaster.facts_file import read_text
    from quizmaster.json_stream_reader import read_streamed

    # Our export's own layout is read a batch of lines at a time (bounded memory); any other
    # layout, and any file with a fault, is validated whole here (the very same messages).
    streamed = read_streamed(path, deck=deck, max_bytes=MAX_JSON_BYTES)
    if streamed is not None:
        return streamed
    name = str(path)
    text = read_text(path, max_bytes=MAX_JSON_BYTES)
    if not text.lstrip().startswith("{"):
        raise InputFileError(name, "not a quizmaster JSON export (it does not start with '{')")
    try:
        doc = BundleDoc.model_validate_json(text)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        if first["type"] == "json_invalid":
            match = re.search(r"line (\d+)", str(first.get("ctx", {}).get("error", "")))
            line = int(match.group(1)) if match else None
            raise InputFileError(name, "not valid JSON", line) from None
        if any(e["loc"][:1] in (("format",), ("version",)) for e in errors):
            raise InputFileError(
                name,
                'not a quizmaster JSON export ("format": "quizmaster", "version": 1 expected)',
            ) from None
        msg = str(first["msg"]).removeprefix("Value error, ")
        raise InputFileError(name, f"{_where(tuple(first['loc']))}: {msg}") from None
    decks: list[tuple[str, Sequence[Fact | WrittenFact], Sequence[Question | WrittenQuestion]]] = [
        (deck or d.name, list(d.facts), list(d.questions)) for d in doc.decks
    ]
    if deck is not None and len(decks) > 1:
        decks = [(deck, [f for _, fs, _ in decks for f in fs], [q for *_, qs in decks for q in qs])]
    history = None
    if doc.history is not None:
        history = History(
            cards=[CardState(**c.model_dump()) for c in doc.history.cards],
            sessions=[SessionRecord(**s.model_dump()) for s in doc.history.sessions],
            reviews=[
                ReviewRecord(
                    **r.model_dump(exclude={"session"}),
                    session=None if r.session is None else (r.session.kind, r.session.started_at),
                )
                for r in doc.history.reviews
            ],
        )
    return Bundle(decks=decks, history=history)


# --- CSV / TSV --------------------------------------------------------------------------------

_SEPARATORS = {
    "comma": ",",
    "semicolon": ";",
    "tab": "\t",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_FRONT_NAMES = {"front", "term", "question"}
_BACK_NAMES = {"back", "definition", "answer"}
_ANKI_HEADER_KEYS = {
    "separator",
    "html",
    "tags column",
    "columns",
    "notetype",
    "notetype column",
    "deck",
    "deck column",
    "guid column",
}
_DEFUSED = re.compile(r"^'+[=+\-@\t\r]")


def undefuse(cell: str) -> str:
    """Undo the exporter's CSV-injection guard: drop one apostrophe before a formula char."""
    return cell[1:] if _DEFUSED.match(cell) else cell


# What html_to_text acts on: tags, entities, no-break spaces and line boundaries
# (str.splitlines's). A field with none of them (most fields) is only stripped.
_HTML_OR_LINES = re.compile("[<&\xa0\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def html_to_text(value: str) -> str:
    """Anki fields are HTML: line breaks become newlines, tags go, entities are decoded."""
    if not _HTML_OR_LINES.search(value):
        return value.strip()
    return _html_to_text(value)


def _html_to_text(value: str) -> str:
    import html

    value = re.sub(r"(?i)<br\s*/?>|</(div|p|li)>", "\n", value)
    value = re.sub(r"<[^>]*>", "", value)
    value = html.unescape(value).replace("\xa0", " ")
    return "\n".join(line.strip() for line in value.strip().splitlines()).strip()


def fact_id_for(prefix: str, key: str, readable: str = "") -> str:
    """A stable fact id from a stable key (a note's GUID, a card's front)."""
    import hashlib

    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    if not readable:
        return f"{prefix}-{digest}"
    from quizmaster.generate import slug

    head = slug(readable)[:40].strip("-")
    return f"{prefix}-{head}-{digest}" if head and head != "x" else f"{prefix}-{digest}"


def basic_fact(fact_id: str, front: str, back: str, tags: list[str]) -> tuple[Fact, Question]:
    """A front/back card as a fact (statement "front — back", the back as its key span) and
    its one short-answer question."""
    from quizmaster.generate import hand_written

    fact = Fact(
        id=fact_id,
        statement=f"{front} — {back}",
        spans=[KeySpan(text=back, type=SpanType.TERM)],
        tags=tags,
        question=front,
        answer=back,
    )
    question = hand_written(fact)
    assert question is not None  # the fact has a question and an answer
    return fact, question


_OPTION_LINE = re.compile(r"^\(([a-h])\) (.+)$")


def option_card(
    fact_id: str, front: str, back: str, tags: list[str]
) -> tuple[Fact, Question] | None:
    """A card whose front ends in lettered options ("(a) Paris" lines, as our CSV export
    writes them) and whose back is one of them ("(b) Paris"): a multiple-choice question,
    or a true/false one when the options are True and False. None for any other card."""
    from quizmaster.models import McqQuestion, TrueFalseQuestion, question_id

    lines = [line.rstrip() for line in front.splitlines()]
    options: list[str] = []
    while lines:
        match = _OPTION_LINE.match(lines[-1].strip())
        if match is None:
            break
        options.insert(0, match.group(2).strip())
        lines.pop()
    if len(options) < 2 or not lines:
        return None
    expected = [f"({chr(ord('a') + i)})" for i in range(len(options))]
    got = [line.strip()[:3] for line in front.splitlines()[-len(options) :]]
    answer = _OPTION_LINE.match(back.strip())
    if got != expected or answer is None:
        return None
    index = ord(answer.group(1)) - ord("a")
    if index >= len(options) or options[index] != answer.group(2).strip():
        return None
    prompt = "\n".join(lines).strip()
    right = options[index]
    fact = Fact(
        id=fact_id,
        statement=f"{prompt} — {right}",
        spans=[KeySpan(text=right, type=SpanType.TERM)],
        tags=tags,
        distractors=[o for o in options if o != right][:8],
    )
    base = {"fact_id": fact_id, "prompt": prompt, "answer": right, "tags": list(tags)}
    question: Question
    if [o.casefold() for o in options] == ["true", "false"]:
        question = TrueFalseQuestion(
            id=question_id(fact_id, "true_false", "card"),
            variant="card",
            **{**base, "answer": "True" if index == 0 else "False"},  # type: ignore[arg-type]
        )
    else:
        question = McqQuestion(
            id=question_id(fact_id, "mcq", "card"),
            variant="card",
            choices=options,
            **base,  # type: ignore[arg-type]
        )
    return fact, question


def _parse_anki_header(lines: list[str]) -> tuple[int, dict[str, str]]:
    """Anki's ``#key:value`` file headers: how many lines they take, and their values."""
    meta: dict[str, str] = {}
    count = 0
    for line in lines:
        match = re.match(r"^#([a-z ]+):(.*)$", line.rstrip("\r\n"))
        if not match or match.group(1).strip() not in _ANKI_HEADER_KEYS:
            break
        meta[match.group(1).strip()] = match.group(2).strip()
        count += 1
    return count, meta


def _delimiter(path: Path, meta: dict[str, str], lines: list[str]) -> str:
    sep = meta.get("separator", "")
    if sep:
        return _SEPARATORS.get(sep.lower(), sep[:1])
    if path.suffix.lower() in (".csv", ".tsv"):
        return "," if path.suffix.lower() == ".csv" else "\t"
    first = next((line for line in lines if line.strip()), "")
    return "\t" if "\t" in first else ","


_COLUMN_KEYS = ("tags column", "guid column", "deck column", "notetype column")


def _check_columns(name: str, meta: dict[str, str], lines: list[str]) -> None:
    """Column headers must be column numbers 1-999 (or empty): not 0, not ``²``."""
    for number, line in enumerate(lines, 1):
        match = re.match(r"^#([a-z ]+):(.*)$", line.rstrip("\r\n"))
        key = match.group(1).strip() if match else ""
        if key in _COLUMN_KEYS:
            value = meta.get(key, "")
            if value and not (value.isascii() and value.isdigit() and 1 <= int(value[:4]) <= 999):
                raise InputFileError(
                    name, f"#{key}: {value[:20]!r} is not a column number (1 to 999)", number
                )


def _column(meta: dict[str, str], key: str) -> int | None:
    value = meta.get(key, "")
    return int(value) - 1 if value.isdigit() and int(value) > 0 else None


@dataclass
class _Layout:
    """How a delimited file's rows read: its delimiter, whether cells are HTML, and the
    columns (0-based) of tags, note GUIDs and deck names, and those that hold no card text."""

    delimiter: str
    is_html: bool
    tags_col: int | None
    guid_col: int | None
    deck_col: int | None
    meta_cols: set[int]


def _delimited_layout(path: Path, lines: list[str]) -> tuple[int, _Layout]:
    """The Anki header lines' count and the layout they, the file's name and its first row
    give (tags in the third column unless a header says otherwise)."""
    skip, meta = _parse_anki_header(lines)
    _check_columns(str(path), meta, lines[:skip])
    tags_col = _column(meta, "tags column")
    if tags_col is None and "tags column" not in meta:
        tags_col = 2
    guid_col, deck_col = _column(meta, "guid column"), _column(meta, "deck column")
    meta_cols = {c for c in (guid_col, deck_col, _column(meta, "notetype column")) if c is not None}
    return skip, _Layout(
        delimiter=_delimiter(path, meta, lines[skip:]),
        is_html=meta.get("html", "false").lower() == "true",
        tags_col=tags_col,
        guid_col=guid_col,
        deck_col=deck_col,
        meta_cols=meta_cols,
    )


def _delimited_rows(
    name: str, text: str, layout: _Layout, skip: int
) -> Iterator[tuple[int, list[str]]]:
    """Each row that is not blank, with its line number in the file; a header row of
    front/back names is passed over (and names the tags column, if any)."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter, strict=True)
    header_checked = False
    while True:
        line = skip + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputFileError(name, f"malformed row ({exc})", line) from None
        if not any(cell.strip() for cell in row):
            continue
        if not header_checked:
            header_checked = True
            names = [cell.strip().lower() for cell in row]
            if len(names) >= 2 and names[0] in _FRONT_NAMES and names[1] in _BACK_NAMES:
                layout.tags_col = names.index("tags") if "tags" in names else None
                continue
        yield line, row


def _cloze_card(
    name: str, line: int, text: str, extra: str, key: str, guid: str, tags: list[str], is_html: bool
) -> tuple[WrittenFact, list[WrittenQuestion]]:
    """A row whose front holds cloze deletions: one fact and its cloze questions."""
    import html

    # Cloze text is read as HTML; plain text is escaped so it survives unchanged.
    text = text if is_html else html.escape(text, quote=False)
    extra = html_to_text(extra) if is_html else extra.strip()
    made = _cloze_questions(fact_id_for("anki" if guid else "card", key), text, extra, tags)
    if isinstance(made, str):
        raise InputFileError(name, made, line)
    return WrittenFact(made[0]), [WrittenQuestion(q) for q in made[1]]


def _front_and_back(name: str, line: int, fields: list[str], is_html: bool) -> tuple[str, str]:
    """A plain card's two sides as text, each required, together within the fact limit."""
    front, back = fields[0], fields[1]
    if is_html:
        front, back = html_to_text(front), html_to_text(back)
    front, back = front.strip(), back.strip()
    if not front or not back:
        raise InputFileError(name, f"the {'front' if not front else 'back'} is empty", line)
    if len(front) + len(back) + 3 > MAX_STATEMENT_CHARS:
        raise InputFileError(name, f"card is too long (limit {MAX_STATEMENT_CHARS} chars)", line)
    return front, back


def _plain_card(
    name: str, line: int, fact_id: str, front: str, back: str, tags: list[str]
) -> tuple[WrittenFact, WrittenQuestion]:
    """A front and back as a fact and its question (a back listing options, an MCQ)."""
    try:
        optioned = option_card(fact_id, front, back, tags)
        fact, question = (
            optioned if optioned is not None else basic_fact(fact_id, front, back, tags)
        )
    except ValidationError as exc:
        raise InputFileError(name, str(exc.errors()[0]["msg"]), line) from None
    return WrittenFact(fact), WrittenQuestion(question)


def read_delimited(path: Path, *, deck: str | None = None) -> Bundle:
    """Anki/Quizlet text exports: front, back and optional tags, with or without a header
    row. Anki's ``#separator``, ``#html``, ``#tags column``, ``#guid column``, ``#deck column``
    and ``#notetype column`` headers are honoured; cloze text becomes cloze questions.

    Without --deck, cards go to the deck named in a deck column, else to one named after
    the file."""
    from quizmaster.facts_file import read_text

    name = str(path)
    lines = read_text(path).splitlines(keepends=True)
    skip, layout = _delimited_layout(path, lines)
    # Kept as written rows, not models: a fraction of the memory (see WrittenFact).
    decks: dict[str, tuple[_Records[WrittenFact], _Records[WrittenQuestion]]] = {}
    spill = _Spill()
    first_line: dict[tuple[str, str, str], int] = {}
    fronts: set[tuple[str, str]] = set()
    skipped: list[str] = []
    for line, row in _delimited_rows(name, "".join(lines[skip:]), layout, skip):
        tags_col, guid_col, deck_col = layout.tags_col, layout.guid_col, layout.deck_col
        cells = [undefuse(c) for c in row]
        fields = [c for i, c in enumerate(cells) if i not in layout.meta_cols and i != tags_col]
        if len(fields) < 2:
            shown = "tab" if layout.delimiter == "\t" else repr(layout.delimiter)
            raise InputFileError(
                name,
                f"expected 2 columns (front, back) separated by {shown}, found {len(fields)}",
                line,
            )
        tags = cells[tags_col].split() if tags_col is not None and tags_col < len(cells) else []
        row_deck = deck or (cells[deck_col].strip() if deck_col is not None else "") or path.stem
        guid = cells[guid_col].strip() if guid_col is not None and guid_col < len(cells) else ""
        if row_deck not in decks:
            decks[row_deck] = (
                _Records(spill, WrittenFact.from_fields, _fact_key),
                _Records(spill, WrittenQuestion.from_fields, _question_key),
            )
        facts, questions = decks[row_deck]
        if _CLOZE.search(fields[0]):
            key = guid or f"{row_deck}\x1f{fields[0]}"
            fact, made = _cloze_card(
                name, line, fields[0], fields[1], key, guid, tags, layout.is_html
            )
            facts.append(fact)
            questions.extend(made)
            continue
        front, back = _front_and_back(name, line, fields, layout.is_html)
        if (row_deck, front, back) in first_line:
            skipped.append(f"line {line}: same card as line {first_line[row_deck, front, back]}")
            continue
        first_line[row_deck, front, back] = line
        # The id follows the note's GUID when the file has one, else the front, so editing
        # the back updates the card; a front used twice (different backs) keys on both.
        if guid:
            fact_id = fact_id_for("anki", guid)
        else:
            key = f"{row_deck}\x1f{front}"
            if (row_deck, front) in fronts:
                key += f"\x1f{back}"
            fact_id = fact_id_for("card", key, front)
        fronts.add((row_deck, front))
        fact, question = _plain_card(name, line, fact_id, front, back, tags)
        facts.append(fact)
        questions.append(question)
    if not decks:
        raise InputFileError(name, "no cards found (expected rows of front, back[, tags])")
    return Bundle(
        decks=[(d, fs, qs) for d, (fs, qs) in decks.items()], skipped=skipped, spill=spill
    )


# --- Anki packages ----------------------------------------------------------------------------

_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


def _unsafe_member(name: str) -> bool:
    """A member path that would land outside the folder it is unpacked into (zip-slip)."""
    norm = name.replace("\\", "/")
    return (
        norm.startswith("/")
        or re.match(r"^[A-Za-z]:", norm) is not None
        or "\x00" in norm
        or any(part == ".." for part in norm.split("/"))
    )


def _check_package(path: Path, archive: zipfile.ZipFile) -> None:
    name = str(path)
    infos = archive.infolist()
    if len(infos) > MAX_PACKAGE_MEMBERS:
        raise InputFileError(name, f"package has too many files ({len(infos):,})")
    unpacked = 0
    for info in infos:
        if _unsafe_member(info.filename):
            raise InputFileError(
                name, f"unsafe path {info.filename!r} in package (escapes the target folder)"
            )
        unpacked += info.file_size
        if info.file_size > RATIO_CHECK_MIN_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(
            info.compress_size, 1
        ):
            raise InputFileError(
                name,
                f"{info.filename!r} expands {info.file_size // max(info.compress_size, 1):,} "
                "times: refusing a likely zip bomb",
            )
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputFileError(
            name,
            f"package too large when unpacked ({unpacked:,} bytes; limit {MAX_UNPACKED_BYTES:,})",
        )


def _extract_capped(
    path: Path,
    archive: zipfile.ZipFile,
    member: str,
    target: Path,
    limit: int,
    *,
    zstd: bool = False,
) -> None:
    """Copy one member out in chunks, counting real bytes: a zip header can lie, and a zstd
    frame can be a bomb of its own."""
    import contextlib

    written = 0
    with contextlib.ExitStack() as stack:
        src: Any = stack.enter_context(archive.open(member))
        if zstd:
            import zstandard

            src = stack.enter_context(zstandard.ZstdDecompressor().stream_reader(src))
        dst = stack.enter_context(target.open("wb"))
        while chunk := src.read(1024 * 1024):
            written += len(chunk)
            if written > limit:
                raise InputFileError(
                    str(path), f"{member!r} is larger than {limit:,} bytes when unpacked"
                )
            dst.write(chunk)


def read_apkg(path: Path, *, deck: str | None = None) -> Bundle:
    """An Anki package: basic notes (first field front, second back) and cloze notes (one
    question per cloze number) become questions. Media files are not imported."""
    import tempfile
    import zipfile
    import zlib

    import zstandard

    name = str(path)
    try:
        if path.exists() and not path.is_file():  # a device or a pipe: its size means nothing
            raise InputFileError(
                name,
                "not a file (a device, a pipe or a folder); save the "
                "package as a file and import that",
            )
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputFileError(name, "no such file") from None
    except OSError as exc:
        raise InputFileError(name, f"cannot read file ({exc.strerror})") from None
    if size > MAX_PACKAGE_BYTES:
        raise InputFileError(
            name, f"package is too large ({size:,} bytes; limit {MAX_PACKAGE_BYTES:,})"
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise InputFileError(name, "not an Anki package (not a zip archive)") from None
    with archive, tempfile.TemporaryDirectory(prefix="quizmaster-apkg-") as tmp:
        _check_package(path, archive)
        members = set(archive.namelist())
        # Anki's current format keeps the notes in the zstd-compressed collection.anki21b;
        # the collection.anki2 beside it is a placeholder saying "please update Anki".
        order = ("collection.anki21b", "collection.anki21", "collection.anki2")
        member = next((m for m in order if m in members), "")
        if not member:
            raise InputFileError(name, "not an Anki package (no collection inside)")
        target = Path(tmp) / "collection.sqlite"
        try:
            _extract_capped(
                path, archive, member, target, MAX_COLLECTION_BYTES, zstd=member.endswith("b")
            )
        except (
            zipfile.BadZipFile,
            zlib.error,
            zstandard.ZstdError,
            EOFError,
            RuntimeError,  # an encrypted member
            NotImplementedError,  # an unknown compression method
        ) as exc:
            raise InputFileError(name, f"cannot unpack the package ({exc})") from None
        return _read_collection(name, target, deck)


def _read_collection(name: str, target: Path, deck: str | None) -> Bundle:
    conn = sqlite3.connect(f"{target.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return _read_notes(name, conn, deck)
    finally:
        conn.close()


def _read_notes(name: str, conn: sqlite3.Connection, deck: str | None) -> Bundle:
    try:
        models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
        models = _anki_objects(name, models_json, "note types", "col.models")
        if not models:  # schema 18: note types in their own table, kind in a protobuf blob
            models = {
                int(i): {"name": str(n), "type": 1 if bytes(c or b"")[:2] == b"\x08\x01" else 0}
                for i, n, c in conn.execute("SELECT id, name, config FROM notetypes")
            }
        anki_decks = {
            k: v["name"] for k, v in _anki_objects(name, decks_json, "decks", "col.decks").items()
        }
        if not anki_decks:
            anki_decks = {
                int(i): str(n).replace("\x1f", "::")
                for i, n in conn.execute("SELECT id, name FROM decks")
            }
        note_deck: dict[int, int] = {}
        for nid, did in conn.execute("SELECT nid, did FROM cards ORDER BY nid, ord"):
            note_deck.setdefault(nid, did)
        cursor = conn.execute("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")
    except _UNREADABLE:
        raise InputFileError(name, _NOT_ANKI_DB) from None
    return _notes_bundle(name, cursor, models, anki_decks, note_deck, deck)


_UNREADABLE = (sqlite3.DatabaseError, json.JSONDecodeError, TypeError, KeyError, AttributeError)
_NOT_ANKI_DB = "not an Anki package (its collection is not a readable Anki database)"


def _note_rows(name: str, cursor: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    """The notes, a batch at a time (not the whole table in memory at once)."""
    while True:
        try:
            batch = cursor.fetchmany(2000)
        except _UNREADABLE:
            raise InputFileError(name, _NOT_ANKI_DB) from None
        if not batch:
            return
        yield from batch


def _notes_bundle(
    name: str,
    cursor: sqlite3.Cursor,
    models: dict[int, dict[str, Any]],
    anki_decks: dict[int, Any],
    note_deck: dict[int, int],
    deck: str | None,
) -> Bundle:
    # Kept as written rows, not models: a fraction of the memory (see WrittenFact).
    by_deck: dict[str, tuple[_Records[WrittenFact], _Records[WrittenQuestion]]] = {}
    spill = _Spill()
    skipped: list[str] = []
    native: dict[str, str] = {}
    for nid, guid, mid, tags, flds in _note_rows(name, cursor):
        model = models.get(mid, {})
        fields = str(flds).split("\x1f")
        deck_name = deck or _deck_name(anki_decks.get(note_deck.get(nid, -1), "Anki"))
        try:
            made = _note_to_questions(str(guid), model, fields, str(tags).split())
        except ValidationError as exc:
            made = f"{exc.errors()[0]['msg']}"
        if isinstance(made, str):
            skipped.append(f"note {nid}: {made}")
            continue
        if deck_name not in by_deck:
            by_deck[deck_name] = (
                _Records(spill, WrittenFact.from_fields, _fact_key),
                _Records(spill, WrittenQuestion.from_fields, _question_key),
            )
        facts, questions = by_deck[deck_name]
        facts.append(WrittenFact(made[0]))
        questions.extend([WrittenQuestion(q) for q in made[1]])
        if str(model.get("name", "")).startswith("quizmaster ") and fields[-1].strip():
            native[made[0].id] = html_to_text(fields[-1])
    if not by_deck:
        raise InputFileError(name, "no basic or cloze notes with text found in the package")
    return Bundle(
        decks=[(d, fs, qs) for d, (fs, qs) in by_deck.items()],
        skipped=skipped,
        native=native,
        spill=spill,
    )


def _anki_objects(name: str, text: Any, what: str, where: str) -> dict[int, dict[str, Any]]:
    """``col.models`` / ``col.decks``: a JSON object of numeric ids to objects with a text
    name. Anything else is a damaged or forged package, refused with one line."""
    try:
        data = json.loads(text or "{}")
    except (TypeError, ValueError, RecursionError):
        raise InputFileError(name, f"its {what} ({where}) are not valid JSON") from None
    if not isinstance(data, dict):
        raise InputFileError(name, f"its {what} ({where}) are not a JSON object")
    out: dict[int, dict[str, Any]] = {}
    for key, value in data.items():
        if not (re.fullmatch(r"-?\d{1,19}", key) and isinstance(value, dict)):
            raise InputFileError(
                name, f"its {what} ({where}) are malformed (entry {key[:20]!r} is not an id)"
            )
        if not isinstance(value.get("name", ""), str) or not isinstance(value.get("type", 0), int):
            raise InputFileError(name, f"its {what} ({where}) are malformed (entry {key[:20]!r})")
        out[int(key)] = value
    return out


def _deck_name(anki_name: str) -> str:
    prefix = "quizmaster::"
    return anki_name[len(prefix) :] if anki_name.startswith(prefix) else anki_name


def _note_to_questions(
    guid: str, model: dict[str, Any], fields: list[str], tags: list[str]
) -> tuple[Fact, list[Question]] | str:
    """A note as a fact and its questions, or the reason it is skipped."""
    model_name = str(model.get("name", ""))
    fact_id = fact_id_for("anki", guid)
    if model.get("type") == 1 or (not model and _CLOZE.search(fields[0])):
        extra = html_to_text(fields[1]) if len(fields) > 1 else ""
        return _cloze_questions(fact_id, fields[0], extra, tags)
    if model_name == "quizmaster mcq" and len(fields) >= 3:
        front = html_to_text(fields[0]) + "\n" + html_to_text(fields[1])
        back = html_to_text(fields[2])
    else:
        front = html_to_text(fields[0])
        back = html_to_text(fields[1]) if len(fields) > 1 else ""
    if not front or not back:
        return "empty front or back (images and sounds are not imported)"
    if len(front) + len(back) + 3 > MAX_STATEMENT_CHARS:
        return f"longer than {MAX_STATEMENT_CHARS} characters"
    fact, question = basic_fact(fact_id, front, back, tags)
    return fact, [question]


def _cloze_questions(
    fact_id: str, text: str, extra: str, tags: list[str]
) -> tuple[Fact, list[Question]] | str:
    from quizmaster.generate import BLANK

    clozes = _CLOZE.findall(text)
    if not clozes:
        return "cloze note without a cloze deletion"
    if any(len(c[0]) > 4 for c in clozes):
        return "cloze number too large (c1 to c9999)"
    statement = html_to_text(_CLOZE.sub(lambda m: m.group(2), text))
    if not statement or len(statement) > MAX_STATEMENT_CHARS:
        return "cloze text is empty or too long"
    answers = list(dict.fromkeys(html_to_text(c[1]) for c in clozes))
    spans = [KeySpan(text=a, type=SpanType.TERM) for a in answers if a and a in statement]
    if not spans:
        return "cloze deletions are empty"
    fact = Fact(
        id=fact_id,
        statement=statement,
        spans=spans,
        tags=tags,
        explanation=extra or None,
    )
    questions: list[Question] = []
    for number in sorted({int(c[0]) for c in clozes}):

        def blank(m: re.Match[str], n: int = number) -> str:
            if int(m.group(1)) != n:
                return m.group(2)
            return BLANK + (f" ({m.group(3)})" if m.group(3) else "")

        asked = [html_to_text(c[1]) for c in clozes if int(c[0]) == number]
        variant = f"c{number}"
        questions.append(
            ClozeQuestion(
                id=question_id(fact_id, "cloze", variant),
                fact_id=fact_id,
                variant=variant,
                prompt=html_to_text(_CLOZE.sub(blank, text)),
                answer="; ".join(a for a in asked if a),
                explanation=extra or statement,
                tags=tags,
            )
        )
    return fact, questions
