"""Machine-readable output without Rich, so ``--json`` commands that need speed can skip
importing ``render``. Same format as ``render.json_out`` (a test holds them equal).

The format is ``json.dumps(data, ensure_ascii=False, indent=2)``. With ``indent`` the
standard library uses its pure-Python encoder (a 100k-question listing: ~10 s of a 12 s
run), so ``dumps`` lays out the indentation itself and leaves every string to the C
escaper; anything it does not know (non-string keys, other types) goes to ``json.dumps``
unchanged. A property test holds the two byte-identical."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from json.encoder import encode_basestring
from typing import Any

_INF = float("inf")


class _Unknown(Exception):
    """A value ``json.dumps`` should lay out itself."""


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


def _encode(value: Any, pad: str) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it at indentation ``pad``."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    inner = pad + "  "
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        if all(type(v) is str for v in value):  # the common case, in C
            body = (",\n" + inner).join(map(encode_basestring, value))
        else:
            body = (",\n" + inner).join([_encode(v, inner) for v in value])
        return "[\n" + inner + body + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = []
        for key, item in value.items():
            head = _KEYS.get(key)
            if head is None:
                if not isinstance(key, str):
                    raise _Unknown
                head = encode_basestring(key) + ": "
                if len(_KEYS) < 4096:
                    _KEYS[key] = head
            if type(item) is str:
                parts.append(head + encode_basestring(item))
            elif item is None:
                parts.append(head + "null")
            else:
                parts.append(head + _encode(item, inner))
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + pad + "}"
    raise _Unknown


_KEYS: dict[Any, str] = {}  # a key as written, with its ": " (keys repeat across items)


def _dumps_at(value: Any, pad: str) -> str:
    try:
        return _encode(value, pad)
    except (_Unknown, RecursionError):
        text = json.dumps(value, ensure_ascii=False, indent=2)
        return text.replace("\n", "\n" + pad) if pad else text


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, faster."""
    return _dumps_at(data, "")


def json_out(data: Any) -> None:
    """Machine-readable output: exactly one JSON document on stdout."""
    sys.stdout.write(dumps(data) + "\n")
    sys.stdout.flush()


def iter_json_list(items: Iterable[Any]) -> Iterator[str]:
    """The text of ``dumps(list(items))``, one item at a time (nothing held in memory)."""
    first = True
    for item in items:
        yield ("[\n  " if first else ",\n  ") + _dumps_at(item, "  ")
        first = False
    yield "[]" if first else "\n]"


def iter_json_records(keys: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The text of ``dumps([dict(zip(keys, row)) for row in rows])``, one row at a time,
    without building the dicts."""
    heads = ["    " + encode_basestring(key) + ": " for key in keys]
    if not heads:
        yield from iter_json_list({} for _ in rows)
        return
    # One %-template a row, every value encoded to text first ("%" in a key doubled).
    template = "{\n" + ",\n".join(h.replace("%", "%%") + "%s" for h in heads) + "\n  }"
    width = len(heads)
    lists: dict[tuple[Any, ...], str] = {}  # tag and option lists repeat across rows

    def other(value: Any) -> str:
        if value is None:
            return "null"
        if type(value) is list:
            key = tuple(value)
            try:
                text = lists.get(key)
            except TypeError:  # unhashable items: not a list of texts
                text = None
            if text is None:
                text = _dumps_at(value, "    ")
                if len(lists) < 10_000 and all(type(v) is str for v in key):
                    lists[key] = text
            return text
        return _dumps_at(value, "    ")

    encode = encode_basestring
    first = True
    for row in rows:
        values = tuple([encode(v) if type(v) is str else other(v) for v in row])
        if len(values) != width:
            raise ValueError(f"a row of {len(values)} values for {width} keys")
        yield ("[\n  " if first else ",\n  ") + template % values
        first = False
    yield "[]" if first else "\n]"


def json_out_records(keys: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """``json_out([dict(zip(keys, row)) for row in rows])``, streamed."""
    _write_chunks(iter_json_records(keys, rows))


def json_out_items(items: Iterable[Any], batch: int = 500) -> None:
    """``json_out(list(items))``, streamed: written in batches as the items are read."""
    _write_chunks(iter_json_list(items), batch)


def _write_chunks(text: Iterable[str], batch: int = 500) -> None:
    chunks: list[str] = []
    for chunk in text:
        chunks.append(chunk)
        if len(chunks) >= batch:
            sys.stdout.write("".join(chunks))
            chunks.clear()
    chunks.append("\n")
    sys.stdout.write("".join(chunks))
    sys.stdout.flush()
