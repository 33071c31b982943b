from __future__ import annotations

import http.server
import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizmaster.errors import InputFileError
from quizmaster.sources import decode_text, read_file, read_source

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
ARTICLE_TEXT = (ARTICLES / "chandrayaan-lander-report.txt").read_text(encoding="utf-8")
PAGE = (ARTICLES / "exercise-nomadic-elephant.html").read_bytes()
EMPTY_PAGE = (
    b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> | "
    b"<a href='/quiz'>Quiz</a></nav><footer>Copyright</footer></body></html>"
)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", PAGE),
            "/article.txt": (200, "text/plain; charset=utf-8", ARTICLE_TEXT.encode()),
            "/empty.html": (200, "text/html", EMPTY_PAGE),
            "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
            "/huge.html": (200, "text/html", b"<html><body>" + b"<p>word</p>" * 200_000),
        }
        if self.path == "/slow.html":
            time.sleep(1.5)
            routes[self.path] = (200, "text/html", PAGE)
        status, kind, body = routes.get(self.path, (404, "text/html", b"<h1>Not found</h1>"))
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """Pages served from 127.0.0.1 in a thread; never any other address."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/article.html"


def test_reads_text_markdown_and_html_files() -> None:
    text = read_file(ARTICLES / "chandrayaan-lander-report.txt")
    assert text.text.startswith("ISRO Tests Lander Engine") and text.encoding == "utf-8"
    page = read_file(ARTICLES / "exercise-nomadic-elephant.html")
    assert page.title == "Exercise Nomadic Elephant 2025 Begins at Ulaanbaatar"
    assert page.date == "2025-05-31"
    assert "Nomadic Elephant began at" in page.text
    for junk in ("Join our Telegram", "Privacy Policy", "Dharma Guardian", "Copyright"):
        assert junk not in page.text
    # The same page read twice in one process gives the same text (no cross-call dedup).
    assert read_file(ARTICLES / "exercise-nomadic-elephant.html") == page


def test_stdin_is_read_and_sniffed() -> None:
    article = read_source("-", stdin=io.BytesIO(ARTICLE_TEXT.encode()))
    assert article.source == "<stdin>" and "Mahendragiri" in article.text
    page = read_source("-", stdin=io.BytesIO(PAGE))
    assert page.title and "Arunachal Scouts" in page.text


def test_non_utf8_falls_back_to_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(ARTICLE_TEXT.replace("ISRO", "“ISRO”").encode("cp1252"))
    article = read_file(path)
    assert article.encoding == "cp1252"
    assert "“ISRO” Tests" in article.text
    assert decode_text(b"caf\xe9 \x81 plain words", "x")[1] == "latin-1"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n ", "is empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "binary file"),
        (EMPTY_PAGE, "no article text found"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / ("page.html" if content.startswith(b"<html") else "article.txt")
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message):
        read_file(path)


def test_huge_unsupported_and_missing_files(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * 1000)
    with pytest.raises(InputFileError, match="too large"):
        read_file(huge, max_bytes=1000)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputFileError, match="unsupported file type '.pdf'"):
        read_file(pdf)
    with pytest.raises(InputFileError, match="no such file"):
        read_file(tmp_path / "missing.txt")
    with pytest.raises(InputFileError, match="only http:// and https://"):
        read_source("ftp://example.org/a.txt")


def test_fetches_html_and_text_urls(server: str) -> None:
    page = read_source(f"{server}/article.html")
    assert page.url == f"{server}/article.html" and "Umroi" in page.text
    text = read_source(f"{server}/article.txt")
    assert "Mahendragiri" in text.text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", "the server answered HTTP 404"),
        ("/empty.html", "no article text found"),
        ("/image.png", "is image/png, not a web page"),
        ("/slow.html", "timed out after 0.5 s"),
        ("/huge.html", "larger than 100,000 bytes"),
    ],
)
def test_url_failures(server: str, path: str, message: str) -> None:
    with pytest.raises(InputFileError, match=message) as info:
        read_source(f"{server}{path}", timeout=0.5, max_bytes=100_000)
    assert "\n" not in str(info.value)


def test_unreachable_url() -> None:
    with pytest.raises(InputFileError, match="cannot reach the server"):
        read_source(closed_port_url(), timeout=2)
