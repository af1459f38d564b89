"""Fetching URLs against a local HTTP server: limits, redirects and address checks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from conftest import local_server

from parley import fetch
from parley.fetch import fetch_url, is_public_address
from parley.ingest import IngestOptions, read_inputs
from parley.models import Article, IngestError, ParleyError

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = (FIXTURES / "html" / "sidebar-comments.html").read_bytes()
FEED = (FIXTURES / "feeds" / "wire.rss").read_bytes()


class Handler(BaseHTTPRequestHandler):
    """Routes for the behaviours under test; nothing here reaches the network."""

    def do_GET(self) -> None:
        route = {
            "/page": lambda: self.reply(200, "text/html; charset=utf-8", PAGE),
            "/feed": lambda: self.reply(200, "application/rss+xml", FEED),
            "/error": lambda: self.reply(500, "text/plain", b"boom"),
            "/binary": lambda: self.reply(200, "application/octet-stream", b"\x00\x01"),
            "/slow": self.slow,
            "/huge": self.huge,
            "/declared-huge": self.declared_huge,
            "/to-page": lambda: self.redirect("/page"),
            "/to-file": lambda: self.redirect("file:///etc/passwd"),
            "/to-private": lambda: self.redirect("http://10.0.0.1/secret"),
            "/loop": lambda: self.redirect("/loop"),
            "/conditional": self.conditional,
        }.get(self.path)
        if route is None:
            self.reply(404, "text/plain", b"not found")
        else:
            route()

    def reply(self, status: int, content_type: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def slow(self) -> None:
        time.sleep(1.5)
        try:
            self.reply(200, "text/plain", b"too late")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as the test expects

    def huge(self) -> None:
        """3 MB with no Content-Length: only streaming can notice the size."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(300):
                self.wfile.write(b"x" * 10_000)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def declared_huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "50000000")
        self.end_headers()

    def conditional(self) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.send_header("ETag", '"v1"')
            self.end_headers()
            return
        self.reply(200, "text/plain", b"Version one of the notice.", ETag='"v1"')

    def log_message(self, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(Handler) as url:
        yield url


def test_fetch_page(server):
    result = fetch_url(f"{server}/page", allow_private=True)
    assert result.status == 200
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    assert result.body == PAGE


def test_loopback_is_refused_by_default(server):
    with pytest.raises(ParleyError, match="refusing non-public address 127.0.0.1"):
        fetch_url(f"{server}/page")


def test_redirect_is_followed(server):
    result = fetch_url(f"{server}/to-page", allow_private=True)
    assert result.url == f"{server}/page"
    assert result.body == PAGE


def test_redirect_to_file_scheme_is_refused(server):
    with pytest.raises(ParleyError, match=r"file:///etc/passwd: only http and https"):
        fetch_url(f"{server}/to-file", allow_private=True)


def test_every_redirect_hop_is_checked(server, monkeypatch):
    """Treat the test server as public; the private hop it redirects to must still be refused."""
    real = fetch.is_public_address
    monkeypatch.setattr(fetch, "is_public_address", lambda a: a == "127.0.0.1" or real(a))
    assert fetch_url(f"{server}/page").status == 200
    with pytest.raises(ParleyError, match=r"10\.0\.0\.1/secret: refusing non-public address"):
        fetch_url(f"{server}/to-private")


def test_too_many_redirects(server):
    with pytest.raises(ParleyError, match=r"too many redirects \(more than 3\)"):
        fetch_url(f"{server}/loop", allow_private=True, max_redirects=3)


def test_http_error_is_one_line(server):
    with pytest.raises(ParleyError) as caught:
        fetch_url(f"{server}/error", allow_private=True)
    assert str(caught.value) == f"{server}/error: HTTP 500 Internal Server Error"


def test_timeout(server):
    with pytest.raises(ParleyError, match="timed out"):
        fetch_url(f"{server}/slow", allow_private=True, timeout=0.3)


def test_streamed_body_is_cut_off(server):
    with pytest.raises(ParleyError, match=r"response too large \(over 1.0 MB limit\)"):
        fetch_url(f"{server}/huge", allow_private=True, max_bytes=1_000_000)


def test_declared_size_is_refused_before_reading(server):
    with pytest.raises(ParleyError, match=r"response too large \(50.0 MB > 20.0 MB limit\)"):
        fetch_url(f"{server}/declared-huge", allow_private=True)


def test_unsupported_content_type(server):
    with pytest.raises(ParleyError, match="unsupported content type application/octet-stream"):
        fetch_url(f"{server}/binary", allow_private=True)


def test_conditional_request(server):
    first = fetch_url(f"{server}/conditional", allow_private=True)
    assert (first.status, first.etag) == (200, '"v1"')
    again = fetch_url(f"{server}/conditional", allow_private=True, etag=first.etag)
    assert (again.status, again.body) == (304, b"")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("192.168.1.20", False),
        ("169.254.1.1", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("224.0.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("::ffff:127.0.0.1", False),
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
    ],
)
def test_address_check(address, public):
    assert is_public_address(address) is public


def test_non_http_scheme_is_refused_before_any_request():
    with pytest.raises(ParleyError, match="only http and https"):
        fetch_url("ftp://example.invalid/file.txt")


def test_read_inputs_on_urls(server):
    options = IngestOptions(allow_private=True)
    items = list(
        read_inputs([f"{server}/page", f"{server}/feed", f"{server}/error"], options=options)
    )
    articles = [item for item in items if isinstance(item, Article)]
    errors = [item for item in items if isinstance(item, IngestError)]
    page = articles[0]
    assert page.id == "page"
    assert page.title == "Grain corridor talks resume in Valmora"
    assert page.published == "2024-05-14"
    assert page.source == f"{server}/page"
    assert "doubt this deal" not in page.text
    assert [a.title for a in articles[1:]] == [
        "Ceasefire monitors arrive in Darrow valley",
        "Trade envoys postpone tariff meeting",
    ]
    messages = [(e.input, e.stage, e.message) for e in errors]
    assert (f"{server}/error", "fetch", "HTTP 500 Internal Server Error") in messages


def test_read_inputs_refuses_loopback_without_permission(server):
    (error,) = list(read_inputs([f"{server}/page"]))
    assert isinstance(error, IngestError)
    assert error.stage == "fetch"
    assert "refusing non-public address 127.0.0.1" in error.message
