"""Reading the files users hand us: every way it can fail becomes one actionable line."""

from __future__ import annotations

from pathlib import Path

from quizmaster.errors import InputFileError


def read_bytes(
    path: Path, *, max_bytes: int, what: str = "file", too_large_hint: str = ""
) -> bytes:
    """The bytes of ``path``, refusing directories, missing or unreadable files and files over
    ``max_bytes`` (checked before reading, so a huge file costs nothing)."""
    name = str(path)
    try:
        if path.is_dir():
            raise InputFileError(name, f"is a directory; give a {what} path")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputFileError(
                name, f"file is too large ({size:,} bytes; limit {max_bytes:,}){too_large_hint}"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(name, "no such file; check the path") from None
    except PermissionError:
        raise InputFileError(name, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputFileError(name, f"cannot read the file ({exc.strerror})") from None
