"""Read an article from a file, an http(s) URL or stdin, and take out its main text.

HTML goes through trafilatura (boilerplate removal by a maintained library, not regexes
over tags). Every way reading can fail becomes an :class:`InputFileError` whose message says
what to do next. Streams and limits are passed in; nothing here reads the environment.
"""

from __future__ import annotations

import http.client
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from quizmaster.errors import InputFileError
from quizmaster.files import read_bytes

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT_S = 15.0
# Less main text than this is a cookie wall, an index page or an error page, not an article.
MIN_ARTICLE_CHARS = 80
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_SAVE_HINT = "save the article text as a .txt file and ingest that"


@dataclass(frozen=True)
class Article:
    """An article's main text and what is known about it."""

    text: str
    source: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    encoding: str = "utf-8"


def is_url(source: str) -> bool:
    return bool(re.match(r"^https?://", source, re.IGNORECASE))


def _looks_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 50)


def decode_text(raw: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8, else Windows-1252, else Latin-1 (which never fails).

    Returns the text and the encoding used, so the caller can say it fell back.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputFileError(name, f"broken UTF-16 text; {_SAVE_HINT} in UTF-8") from None
    if _looks_binary(raw):
        raise InputFileError(name, f"looks like a binary file, not an article; {_SAVE_HINT}")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return raw.decode(encoding), encoding.removesuffix("-sig")
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _check_size(raw: bytes, name: str, max_bytes: int) -> None:
    if len(raw) > max_bytes:
        raise InputFileError(
            name,
            f"too large ({len(raw):,} bytes; limit {max_bytes:,}); "
            "save only the article's text and ingest that",
        )
    if not raw.strip():
        raise InputFileError(name, "is empty; put the article's text in it first")


def html_article(raw: bytes | str, name: str, url: str | None = None) -> Article:
    """The main text of an HTML page, with its title and date when the page has them."""
    import trafilatura

    document = trafilatura.bare_extraction(
        raw,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
    )
    text = (getattr(document, "text", None) or "").strip()
    if len(text) < MIN_ARTICLE_CHARS:
        raise InputFileError(name, f"no article text found in the page; {_SAVE_HINT}")
    title = getattr(document, "title", None) or None
    date = getattr(document, "date", None) or None
    if date is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
        date = None
    return Article(text=text, source=name, title=title, date=date, url=url)


def text_article(raw: bytes, name: str, *, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """An article from bytes: HTML when it looks like HTML, else plain text or Markdown."""
    _check_size(raw, name, max_bytes)
    if _looks_html(raw):
        return html_article(raw, name)
    text, encoding = decode_text(raw, name)
    if len(text.strip()) < MIN_ARTICLE_CHARS // 4:
        raise InputFileError(name, f"has too little text to be an article; {_SAVE_HINT}")
    return Article(text=text, source=name, encoding=encoding)


def read_file(path: Path, *, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read a .txt, .md or .html article file."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix and suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise InputFileError(
            name, f"unsupported file type {suffix!r}; ingest a .txt, .md or .html file"
        )
    raw = read_bytes(
        path,
        max_bytes=max_bytes,
        what="article file",
        too_large_hint="; save only the article's text and ingest that",
    )
    if suffix in HTML_SUFFIXES:
        return html_article(raw, name)
    return text_article(raw, name, max_bytes=max_bytes)


class _Deadline(Exception):
    """The whole download took longer than its timeout."""


class _RefusedRedirect(Exception):
    """A redirect to an address that is not http(s)."""


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`_Deadline` in this thread after ``seconds`` in all, even while a read
    is blocked (a server that sends one byte every half second never trips a per-read
    timeout). SIGALRM where it exists and this is the main thread; else the read loop's own
    checks are the deadline."""
    import signal
    import threading

    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _Deadline

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _opener() -> Any:
    """urllib's opener whose redirects may only lead to http(s) addresses."""
    import urllib.request

    class SafeRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
        ) -> Any:
            if not is_url(newurl):
                raise _RefusedRedirect(newurl)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(SafeRedirect)


def fetch_url(
    url: str, *, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_ARTICLE_BYTES
) -> Article:
    """Download a page (with a timeout for the whole download and a size cap counted on the
    bytes received) and take out its article."""
    import time
    import urllib.error
    import urllib.request

    hint = "check the address, or save the page as a file and ingest that"
    request = urllib.request.Request(
        url, headers={"User-Agent": "quizmaster (article ingest)", "Accept": "text/html,*/*"}
    )
    deadline = time.monotonic() + timeout
    try:
        with _deadline(timeout), _opener().open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            data = bytearray()
            while len(data) <= max_bytes:
                if time.monotonic() > deadline:
                    raise _Deadline
                chunk = response.read1(min(65536, max_bytes + 1 - len(data)))
                if not chunk:
                    break
                data += chunk
            raw = bytes(data)
    except _Deadline:
        raise InputFileError(url, f"timed out after {timeout:g} s; {hint}") from None
    except _RefusedRedirect as exc:
        target = str(exc) if len(str(exc)) <= 60 else str(exc)[:57] + "..."
        raise InputFileError(
            url, f"redirects to {target!r}; only http:// and https:// addresses are followed"
        ) from None
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the response body open
        raise InputFileError(
            url, f"the server answered HTTP {exc.code} {exc.reason}; {hint}"
        ) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise InputFileError(url, f"timed out after {timeout:g} s; {hint}") from None
        detail = getattr(reason, "strerror", None) or str(reason)
        raise InputFileError(url, f"cannot reach the server ({detail}); {hint}") from None
    except TimeoutError:
        raise InputFileError(url, f"timed out after {timeout:g} s; {hint}") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        detail = " ".join(str(exc).split())[:120]
        raise InputFileError(url, f"cannot download ({detail}); {hint}") from None
    if len(raw) > max_bytes:
        raise InputFileError(
            url, f"page is larger than {max_bytes:,} bytes; save the article text as a file"
        )
    if content_type not in ("text/html", "text/plain", "application/xhtml+xml"):
        raise InputFileError(url, f"is {content_type}, not a web page; {hint}")
    if content_type == "text/plain":
        return text_article(raw, url, max_bytes=max_bytes)
    _check_size(raw, url, max_bytes)
    page: bytes | str = raw
    if charset:
        try:
            page = raw.decode(charset, errors="replace")
        except LookupError:  # an unknown charset name: let trafilatura guess
            page = raw
    return html_article(page, url, url=url)


def read_source(
    source: str,
    *,
    stdin: BinaryIO | None = None,
    timeout: float = FETCH_TIMEOUT_S,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Article:
    """Read SOURCE: ``-`` (the given stdin stream), an http(s) URL, or a file path."""
    if source == "-":
        if stdin is None:
            raise InputFileError("-", "no input stream to read the article from")
        raw = stdin.read(max_bytes + 1)
        return text_article(raw, "<stdin>", max_bytes=max_bytes)
    if is_url(source):
        return fetch_url(source, timeout=timeout, max_bytes=max_bytes)
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
        raise InputFileError(source, "only http:// and https:// addresses can be fetched")
    return read_file(Path(source).expanduser(), max_bytes=max_bytes)
