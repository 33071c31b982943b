"""Hostile web servers for ``ingest URL``: a tiny HTTP server on 127.0.0.1, started by the
test and stopped with it, answers each path in one bad way. Every case must end with one
line on stderr, exit code 2 and the database unchanged; the deadline is a deadline for the
whole download."""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.importers import import_path
from quizmaster.store import Store
from tests.helpers.pinned import DATA, NOW

ARTICLE = (
    "<html><head><title>Pact</title></head><body><article><p>"
    + "India and Israel signed a defence pact in Tel Aviv in November 2025. " * 8
    + "</p></article></body></html>"
).encode()


class Hostile(BaseHTTPRequestHandler):
    stop: threading.Event
    sent: dict[str, int]

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _drip(self, data: bytes, key: str) -> None:
        """One byte every 50 ms until the client goes away or the test ends."""
        for i in range(100_000):
            if self.stop.wait(0.05):
                return
            try:
                self.wfile.write(data[i % len(data) : i % len(data) + 1])
                self.wfile.flush()
            except OSError:
                return
            self.sent[key] = self.sent.get(key, 0) + 1

    def do_GET(self) -> None:  # noqa: C901 - one branch per hostile answer
        path = self.path
        if path == "/drip-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self._drip(ARTICLE, path)
        elif path == "/drip-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            self._drip(b"X-Slow: " + b"a" * 50 + b"\r\n", path)
        elif path.startswith("/redirect-to-"):
            target = {
                "/redirect-to-ftp": "ftp://127.0.0.1/article.txt",
                "/redirect-to-file": "file:///etc/passwd",
                "/redirect-to-data": "data:text/html,<p>hi</p>",
                "/redirect-to-self": path,
                "/redirect-to-gopher": "gopher://127.0.0.1/",
            }[path]
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(200):  # 13 MB at most: more than the 5 MB cap
                    if self.stop.is_set():
                        return
                    self.wfile.write(chunk)
            except OSError:
                return
        elif path == "/image":
            self._answer(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        elif path == "/missing":
            self._answer(404, "text/html", b"<p>not here</p>")
        elif path == "/server-error":
            self._answer(500, "text/html", b"<p>oops</p>")
        elif path == "/empty":
            self._answer(200, "text/html", b"")
        elif path == "/boilerplate":
            self._answer(200, "text/html", b"<html><body><nav>Home</nav></body></html>")
        elif path == "/binary-text":
            self._answer(200, "text/plain", b"\x00\x01\x02" * 400)
        elif path == "/short-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(ARTICLE[:50])
            self.close_connection = True
        elif path == "/hang-up":
            self.close_connection = True
        elif path == "/garbage-status":
            self.wfile.write(b"HELLO THERE\r\n\r\n")
            self.close_connection = True
        elif path == "/bad-charset":
            self._answer(200, "text/html; charset=x-no-such", b"<p>short</p>")
        else:
            self._answer(404, "text/plain", b"")

    def _answer(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, dict[str, int]]]:
    stop = threading.Event()
    sent: dict[str, int] = {}
    handler = type("Handler", (Hostile,), {"stop": stop, "sent": sent})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", sent
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("http") / "loaded.db"
    with Store.open(path, now=NOW) as store:
        import_path(store, DATA / "small.yaml", now=NOW)
    return path


CASES = {
    # path -> (--timeout, a phrase of the one error line)
    "/drip-body": (1.0, "timed out after 1 s"),
    "/drip-headers": (1.0, "timed out after 1 s"),
    "/redirect-to-ftp": (5.0, "only http:// and https://"),
    "/redirect-to-file": (5.0, "is not allowed"),
    "/redirect-to-data": (5.0, "is not allowed"),
    "/redirect-to-gopher": (5.0, "is not allowed"),
    "/redirect-to-self": (5.0, "HTTP 302"),
    "/endless": (30.0, "larger than"),
    "/image": (5.0, "image/png, not a web page"),
    "/missing": (5.0, "HTTP 404"),
    "/server-error": (5.0, "HTTP 500"),
    "/empty": (5.0, "empty"),
    "/boilerplate": (5.0, "no article text"),
    "/binary-text": (5.0, "binary"),
    "/short-body": (5.0, "no article text"),
    "/hang-up": (5.0, "cannot"),
    "/garbage-status": (5.0, "cannot download"),
    "/bad-charset": (5.0, "no article text"),
}


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(CASES))
def test_hostile_server(
    path: str, server: tuple[str, dict[str, int]], template: Path, tmp_path: Path
) -> None:
    base, sent = server
    timeout, phrase = CASES[path]
    home = tmp_path / "home"
    home.mkdir()
    db = home / "quiz.db"
    shutil.copy(template, db)
    before = digest(home)
    result = CliRunner().invoke(
        app,
        ["ingest", base + path, "--yes", "--timeout", str(timeout), "--db", str(db)],
        env={"QUIZMASTER_DB": str(db)},
    )
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {base}{path}: ") and phrase in lines[0], lines[0]
    assert result.exit_code == 2
    assert digest(home) == before
    if path.startswith("/drip"):
        # The deadline is for the whole download: at one byte per 50 ms, a per-read timeout
        # would let the server go on for its 100,000 bytes.
        assert sent.get(path, 0) < 200
