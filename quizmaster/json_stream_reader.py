"""Our own JSON export read as a stream: a deck's facts and questions a batch of lines at a
time, validated by the same models as the whole document, kept as the records the store
writes (and spilled past a few thousand, as ``.apkg`` and CSV records are), so reading a
100k-question file holds a few thousand models at a time instead of all of them.

Only the layout ``quizmaster export --format json`` writes is streamed: one fact or question
a line, each list's items on the lines between its opening ``[`` (ending a line) and a line
that starts with its closing ``]``. Batches are cut after a line ending with a comma, and each
batch is validated as the exact text of the file between two such commas, wrapped in ``[``
and ``]``: a cut that falls inside an item leaves brackets unbalanced and fails, it never
changes what the items mean. Anything else (another layout, a syntax error, an invalid item,
a repeated key, a bad encoding) returns None and the caller validates the whole document as
before, which gives the very error messages, and the same result for any other layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizmaster.importers import Bundle, _Records, _Spill
    from quizmaster.models import Fact, Question
    from quizmaster.records import WrittenFact, WrittenQuestion

BATCH_BYTES = 1 << 20  # about this much of a list's text is validated in one call
MAX_STRUCTURE_LINE = 1 << 16  # a header or deck line is short (a deck's name: 200 characters)

_LIST_END = re.compile(rb"\n[ \t\r]*\]")  # a line starting with "]" (not the first)
# One JSON token of a structural line (the header, a deck's opening, the lists' ends).
_TOKEN = re.compile(
    r'[ \t\r\n]*(?:(?P<string>"(?:[^"\\\x00-\x1f]|\\.)*")'
    r"|(?P<punct>[{}\[\]:,])"
    r"|(?P<scalar>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null))"
)
_SPACE = " \t\r\n"  # JSON's white space (str.strip() would take more: NBSP, form feed ...)
_BSPACE = b" \t\r\n"


class _NotStreamed(Exception):
    """The file is not in the streamed layout, or not valid: validate it whole instead."""


class _Lines:
    """The file's lines, and the tokens of the structural ones."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.tokens: list[tuple[str, str]] = []  # (kind, text) still to read on this line
        self.ahead = b""  # lines read ahead, from ``at`` on
        self.at = 0

    def next_line(self) -> bytes | None:
        if self.at < len(self.ahead):
            end = self.ahead.find(b"\n", self.at) + 1 or len(self.ahead)
            line = self.ahead[self.at : end]
            self.at = end
            return line
        read: bytes = self.handle.readline()
        return read or None

    def block(self) -> bytes:
        """The next whole lines, about :data:`BATCH_BYTES` of them (empty at the end)."""
        if self.at < len(self.ahead):
            text = self.ahead[self.at :]
            self.ahead, self.at = b"", 0
            return text
        return b"".join(self.handle.readlines(BATCH_BYTES))

    def give_back(self, text: bytes, at: int) -> None:
        self.ahead, self.at = text, at

    def tokenize(self, line: bytes) -> None:
        if len(line) > MAX_STRUCTURE_LINE:
            raise _NotStreamed  # not a header or a deck's opening: another layout
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            raise _NotStreamed from None
        pos, end = 0, len(text.rstrip(_SPACE))
        tokens: list[tuple[str, str]] = []
        while pos < end:
            match = _TOKEN.match(text, pos)
            if match is None:
                raise _NotStreamed
            kind = match.lastgroup
            assert kind is not None
            tokens.append((kind, match.group(kind)))
            pos = match.end()
        self.tokens = tokens

    def token(self) -> tuple[str, str]:
        """The next structural token, reading lines as needed."""
        while not self.tokens:
            line = self.next_line()
            if line is None:
                raise _NotStreamed
            self.tokenize(line)
        return self.tokens.pop(0)

    def expect(self, punct: str) -> None:
        if self.token() != ("punct", punct):
            raise _NotStreamed

    def value(self) -> str:
        """A scalar value's JSON text (strings, numbers, literals)."""
        kind, text = self.token()
        if kind == "punct":
            raise _NotStreamed
        return text

    def key(self) -> str:
        kind, text = self.token()
        if kind != "string" or "\\" in text:
            raise _NotStreamed
        return text[1:-1]

    def object_ends(self) -> bool:
        """After an object's member: True at its closing brace, False at a comma."""
        token = self.token()
        if token == ("punct", "}"):
            return True
        if token != ("punct", ","):
            raise _NotStreamed
        return False

    def at_line_end(self) -> bool:
        return not self.tokens


def _list_end(text: bytes) -> int:
    """Where the first line starting with ``]`` starts in ``text``, or -1."""
    if text.lstrip(b" \t\r").startswith(b"]"):
        return 0
    found = _LIST_END.search(text)
    return -1 if found is None else found.start() + 1


def _batches(lines: _Lines) -> Iterator[bytes]:
    """After a list's ``[`` that ended its line: its items' text in batches of lines, each a
    JSON array; the line starting with ``]`` has its tokens left to read."""
    carry: list[bytes] = []  # lines of the batch being gathered
    cut = False  # a batch ended at a comma: another item must follow
    while True:
        text = lines.block()
        if not text:
            raise _NotStreamed
        end = _list_end(text)
        if end >= 0:
            # The list's last lines; what follows its "]" line is read again.
            close = text.find(b"\n", end) + 1 or len(text)
            lines.give_back(text, close)
            items = b"".join(carry) + text[:end]
            if items.strip(_BSPACE):
                yield b"[" + items + b"]"
            elif cut:
                raise _NotStreamed  # "[a, b, ]": a comma ends the list's last item
            lines.tokenize(text[end:close])
            lines.expect("]")
            return
        body = text.rstrip(_BSPACE)
        if body.endswith(b","):
            yield b"[" + b"".join(carry) + body[:-1] + b"]"
            carry, cut = [], True
        else:  # cut at the next line that ends with a comma
            carry.append(text)


def read_streamed(path: Path, *, deck: str | None, max_bytes: int) -> Bundle | None:
    """The file as :func:`~quizmaster.importers.read_json_bundle` reads it, or None when it
    must be validated whole (see the module's text)."""
    try:
        if path.stat().st_size > max_bytes:
            return None
        with path.open("rb") as handle:
            head = handle.read(8192)
            if not head.startswith(b"{") or b"\x00" in head:
                return None  # BOMs, binary files, other documents: the whole path says why
            handle.seek(0)
            from quizmaster.importers import _Spill

            spill = _Spill()
            try:
                return _read(_Lines(handle), deck, spill)
            except BaseException:
                spill.close()  # what was written out so far goes with it
                raise
    except (_NotStreamed, OSError, ValueError):  # pydantic's ValidationError is a ValueError
        return None


_Pair = tuple["_Records[WrittenFact]", "_Records[WrittenQuestion]"]


def _read(lines: _Lines, deck: str | None, spill: _Spill) -> Bundle:
    from quizmaster.exchange_schema import BundleDoc
    from quizmaster.importers import Bundle

    reader = _DeckReader(lines, spill)
    merged = reader.records() if deck is not None else None
    decks: list[_DeckRecords] = []
    header: dict[str, str] = {}
    lines.expect("{")
    while True:
        key = lines.key()
        if key in header:
            raise _NotStreamed
        lines.expect(":")
        if key in ("format", "version", "exported_at", "history"):
            header[key] = lines.value()
            if key == "history" and header[key] != "null":
                raise _NotStreamed  # a history export is validated whole
        elif key == "decks":
            header[key] = "[]"
            decks = reader.decks(deck, merged)
        else:
            raise _NotStreamed
        if lines.object_ends():
            break
    _expect_the_end(lines)
    if "decks" not in header:
        raise _NotStreamed
    BundleDoc.model_validate_json("{" + ", ".join(f'"{k}": {v}' for k, v in header.items()) + "}")
    if merged is not None:
        decks = decks[:1]  # every deck's records went into the one pair
    return Bundle(decks=decks, spill=spill)


_DeckRecords = tuple[str, Sequence["Fact | WrittenFact"], Sequence["Question | WrittenQuestion"]]


class _DeckReader:
    """The ``decks`` list of an export, a deck at a time, its facts and questions validated
    a batch of lines at a time into records (spilled to disk past a few thousand)."""

    def __init__(self, lines: _Lines, spill: _Spill) -> None:
        from pydantic import TypeAdapter

        from quizmaster.models import Fact, Question

        self.lines = lines
        self.spill = spill
        self.facts_of: TypeAdapter[list[Fact]] = TypeAdapter(list[Fact])
        self.questions_of: TypeAdapter[list[Question]] = TypeAdapter(list[Question])

    def records(self) -> _Pair:
        from quizmaster.importers import _fact_key, _question_key, _Records
        from quizmaster.records import WrittenFact, WrittenQuestion

        return (
            _Records(self.spill, WrittenFact.from_fields, _fact_key),
            _Records(self.spill, WrittenQuestion.from_fields, _question_key),
        )

    def decks(self, deck: str | None, merged: _Pair | None) -> list[_DeckRecords]:
        """The decks, after the list's ``[``; with ``deck``, all of them into ``merged``
        under that name."""
        lines = self.lines
        decks: list[_DeckRecords] = []
        lines.expect("[")
        token = lines.token()
        while token != ("punct", "]"):
            if token != ("punct", "{"):
                raise _NotStreamed
            into = merged or self.records()
            name = self.deck(into)
            decks.append((deck or name, *into))
            token = lines.token()
            if token == ("punct", ","):
                token = lines.token()
                if token != ("punct", "{"):
                    raise _NotStreamed
        return decks

    def deck(self, into: _Pair) -> str:
        """A deck's members, after its ``{``; returns its name."""
        from quizmaster.exchange_schema import _DeckDoc

        lines = self.lines
        name: str | None = None
        seen: set[str] = set()
        while True:
            key = lines.key()
            if key in seen:
                raise _NotStreamed
            seen.add(key)
            lines.expect(":")
            if key == "name":
                name = _DeckDoc.model_validate_json(f'{{"name": {lines.value()}}}').name
            elif key in ("facts", "questions"):
                self._members(key, into)
            else:
                raise _NotStreamed
            if lines.object_ends():
                break
        if name is None:
            raise _NotStreamed
        return name

    def _members(self, key: str, into: _Pair) -> None:
        """A deck's ``facts`` or ``questions`` list, after its ``:``."""
        from quizmaster.records import WrittenFact, WrittenQuestion

        lines = self.lines
        lines.expect("[")
        if not lines.at_line_end():
            lines.expect("]")  # only an empty list shares its line
        elif key == "facts":
            for batch in _batches(lines):
                into[0].extend([WrittenFact(f) for f in self.facts_of.validate_json(batch)])
        else:
            for batch in _batches(lines):
                into[1].extend([WrittenQuestion(q) for q in self.questions_of.validate_json(batch)])


def _expect_the_end(lines: _Lines) -> None:
    """Nothing but white space after the document."""
    if not lines.at_line_end():
        raise _NotStreamed
    while (line := lines.next_line()) is not None:
        if line.strip(_BSPACE):
            raise _NotStreamed
