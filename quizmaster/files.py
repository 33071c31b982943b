"""Reading the files users hand us: every way it can fail becomes one actionable line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from quizmaster.errors import InputFileError


def read_bytes(
    path: Path,
    *,
    max_bytes: int,
    what: str = "file",
    too_large_hint: str = "",
    check_head: Callable[[bytes], None] | None = None,
) -> bytes:
    """The bytes of ``path``, refusing directories, missing or unreadable files and files over
    ``max_bytes``. A regular file's size is checked before reading (a huge file costs
    nothing); the limit then holds on the bytes actually read, so a device (/dev/zero), a
    pipe or a process substitution, whose size says nothing, stops at the limit too."""
    name = str(path)
    try:
        if path.is_dir():
            article = "an" if what[:1] in "aeiou" else "a"
            raise InputFileError(name, f"is a directory; give {article} {what} path")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputFileError(
                name, f"file is too large ({size:,} bytes; limit {max_bytes:,}){too_large_hint}"
            )
        with path.open("rb") as fh:
            data = read_capped(fh, max_bytes, check_head=check_head)
        if data is None:
            raise InputFileError(
                name, f"file is too large (over {max_bytes:,} bytes){too_large_hint}"
            )
        return data
    except FileNotFoundError:
        raise InputFileError(name, "no such file; check the path") from None
    except PermissionError:
        raise InputFileError(name, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputFileError(name, f"cannot read the file ({exc.strerror})") from None


def read_capped(
    stream: BinaryIO,
    max_bytes: int,
    chunk: int = 1024 * 1024,
    check_head: Callable[[bytes], None] | None = None,
) -> bytes | None:
    """At most ``max_bytes`` from ``stream``, read in chunks; None when there is more.
    ``check_head`` sees the first chunk and may refuse it (a binary file) before the rest
    is read."""
    data = bytearray()
    while True:
        block = stream.read(min(chunk, max_bytes + 1 - len(data)))
        if not block:
            return bytes(data)
        if check_head is not None and not data:
            check_head(block)
        data += block
        if len(data) > max_bytes:
            return None


# --- temporary files beside a target, and the ones a killed run left behind ------------------

# Our temporary files carry this mark, so cleaning never touches another program's files.
TEMP_MARK = ".quizmaster-"


def _lock(fd: int, *, wait: bool) -> bool:
    """An advisory lock on an open file: held while a run writes it, so another run can tell
    a live temporary file from one a killed run left. False when someone else holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no cleanup of stale files
        return not wait
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def remove_stale(folder: Path, pattern: str) -> list[Path]:
    """Delete files in ``folder`` matching ``pattern`` (always one with TEMP_MARK) that no
    running quizmaster holds: what a killed export or backup left. Returns them."""
    import os

    assert TEMP_MARK in pattern
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(pattern))
    except OSError:
        return removed
    for path in candidates:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            if _lock(fd, wait=False):
                path.unlink(missing_ok=True)
                removed.append(path)
        except OSError:
            pass
        finally:
            os.close(fd)  # closing releases the lock
    return removed


def locked_temp(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """A new temporary file in ``folder`` (name: prefix + TEMP_MARK + random + suffix),
    locked for as long as the returned descriptor stays open."""
    import tempfile

    fd, name = tempfile.mkstemp(prefix=prefix + TEMP_MARK, suffix=suffix, dir=folder)
    _lock(fd, wait=True)
    return fd, Path(name)
