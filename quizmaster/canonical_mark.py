"""The name of the current stored form of facts and questions.

The store writes a fact's or question's ``data`` as ``model_dump_json()`` of a validated
model and marks the row (column ``canon``) with :func:`mark`: the stamp and a checksum of that
text. Validating the text again and dumping it gives the same text, so bulk readers (exports)
pass marked rows through without building a model (:func:`is_marked`). The checksum binds the
mark to the text: a row edited by hand, damaged or written by another tool reads as unmarked.

The stamp digests everything that decides that text: the source of ``models.py`` and of the
text cleaning it uses (``boundary_checks.py``), pydantic's version and Python's (its Unicode tables
decide what is printable). Any change to one of them gives a new stamp, and rows marked with
an older one are validated and dumped again, as unmarked rows (older databases, rows written
by other tools) always are.

Computed without importing pydantic: an export of rows already in the stored form needs no
model at all.
"""

from __future__ import annotations

import hashlib
import sys
import zlib
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

# Raise to retire every stamp written so far (e.g. a fix to how stored rows are written).
STORED_FORM_REVISION = 1

_STAMP: list[str | None] = []


def _sources() -> list[Path]:
    here = Path(__file__).resolve().parent
    spec = find_spec("pydantic")
    if spec is None or spec.origin is None:
        raise OSError("pydantic not found")
    return [
        here / "models.py",
        here / "boundary_checks.py",
        Path(spec.origin).parent / "version.py",
    ]


def canonical_stamp() -> str | None:
    """The current stamp, or None when the sources cannot be read (then no row counts as
    stored in the current form, and every export validates)."""
    if not _STAMP:
        digest = hashlib.sha256(f"{STORED_FORM_REVISION} {sys.version_info[:2]}".encode())
        try:
            for path in _sources():
                digest.update(path.read_bytes())
        except OSError:
            _STAMP.append(None)
        else:
            _STAMP.append(f"{STORED_FORM_REVISION}-{digest.hexdigest()[:16]}")
    return _STAMP[0]


def mark(data: str) -> str | None:
    """The ``canon`` value of a row whose ``data`` is ``model_dump_json()`` of a validated
    model (None: no stamp, so the row stays unmarked)."""
    return marker()(data)


def marker() -> Callable[[str], str | None]:
    """:func:`mark` for many rows: the stamp looked up once (a bulk load's loop)."""
    stamp = canonical_stamp()
    if stamp is None:
        return lambda data: None
    crc32 = zlib.crc32

    def marked(data: str) -> str:
        return f"{stamp}:{crc32(data.encode('utf-8')):08x}"

    return marked


def is_marked(data: str, canon: str | None) -> bool:
    """Whether a stored row can be passed through as it is: marked by :func:`mark` for this
    very text under the current stamp, and printable (no control character reaches a
    terminal, whatever the mark says)."""
    return canon is not None and canon == mark(data) and data.isprintable()
