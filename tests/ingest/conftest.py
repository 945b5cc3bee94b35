"""A real HTTP server on 127.0.0.1 serving real-world-shaped pages, feeds and failures."""

from __future__ import annotations

import contextlib
import gzip
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "pages"
NINJS = Path(__file__).parent / "ninjs"

# A page just over the fetch tests' 200 kB cap.
OVERSIZE_BYTES = 300_000


@dataclass
class Site:
    """The running server's base URL and the requests it received (path, User-Agent)."""

    base: str
    requests: list[tuple[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


def _page(name: str, base: str) -> bytes:
    return (PAGES / name).read_text(encoding="utf-8").replace("{base}", base).encode("utf-8")


BIG_FEED_ITEMS = 200
_WORDS = [
    "harbour",
    "council",
    "budget",
    "ministers",
    "river",
    "bridge",
    "farmers",
    "election",
    "court",
    "ruling",
    "union",
    "wages",
    "school",
    "teachers",
    "hospital",
    "nurses",
    "railway",
    "freight",
    "airport",
    "runway",
    "police",
    "report",
    "drought",
    "reservoir",
    "energy",
    "prices",
    "wind",
    "turbines",
    "coast",
    "guard",
    "ferry",
    "storm",
    "flood",
    "barrier",
    "museum",
    "library",
    "festival",
    "market",
    "traders",
    "fishing",
    "quota",
    "border",
    "customs",
    "exports",
    "grain",
    "steel",
    "mayor",
    "district",
    "housing",
    "rents",
    "tenants",
    "landlords",
    "transit",
    "buses",
    "tram",
    "depot",
    "strike",
    "vote",
]


def story_page(number: int, base: str) -> bytes:
    """A news page of its own: a headline, a date and four paragraphs no other story shares."""
    rng = random.Random(number)
    paragraphs = [
        " ".join(rng.choice(_WORDS) for _ in range(30)).capitalize()
        + f", officials said ({number})."
        for _ in range(4)
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Story {number}</title>"
        f"<link rel='canonical' href='{base}/story/{number}'>"
        "<meta property='og:type' content='article'>"
        "<meta property='og:site_name' content='The Harbour Gazette'>"
        "<meta property='article:published_time' content='2026-03-04T08:00:00+00:00'>"
        f"</head><body><article><h1>Story {number}</h1>{body}</article></body></html>"
    ).encode()


def big_feed(base: str, count: int) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}/story/{n}</link>"
        f"<guid>story-{n}</guid><pubDate>Wed, 04 Mar 2026 08:00:00 GMT</pubDate></item>"
        for n in range(1, count + 1)
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
        f"<title>The Harbour Gazette</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    site: Site  # set on the subclass made per server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep test output clean

    def do_GET(self) -> None:
        self.site.requests.append((self.path, self.headers.get("User-Agent", "")))
        base = self.site.base
        routes = {
            "/world/2026/03/04/port-strike-baltic": ("article.html", "text/html; charset=utf-8"),
            "/wire/polish-dockers-strike": ("wire_copy.html", "text/html"),
            "/": ("home.html", "text/html; charset=utf-8"),
            "/premium/operators-offer": ("login.html", "text/html; charset=utf-8"),
            "/feed.rss": ("feed.rss", "application/rss+xml"),
            "/feed.atom": ("feed.atom", "application/atom+xml; charset=utf-8"),
            "/not-a-feed": ("home.html", "application/rss+xml"),
        }
        path = self.path.split("?")[0]
        if path in routes:
            name, content_type = routes[path]
            self._send(200, _page(name, base), content_type)
        elif path == "/big-feed.rss":
            self._send(200, big_feed(base, BIG_FEED_ITEMS), "application/rss+xml")
        elif path.startswith("/story/"):
            self._send(200, story_page(int(path.rsplit("/", 1)[1]), base), "text/html")
        elif path == "/wire/ninjs":
            self._send(200, (NINJS / "items_2x.json").read_bytes(), "application/json")
        elif path == "/old-link":
            self._redirect(301, "/moved")
        elif path == "/moved":
            self._redirect(302, base + "/world/2026/03/04/port-strike-baltic")
        elif path.startswith("/loop/"):
            self._redirect(302, f"/loop/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/to-private":
            # A public-looking redirect to an address only the server's own network reaches.
            self._redirect(302, "http://10.0.0.1/admin")
        elif path == "/to-file":
            self._redirect(302, "file:///etc/passwd")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, b"<html><body><p>late</p></body></html>", "text/html")
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>" + b"x" * 50 + b"</p>\n")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass  # the client gave up, as it should
        elif path == "/huge":
            body = (
                b"<html><body>" + b"<p>" + b"word " * (OVERSIZE_BYTES // 5) + b"</p></body></html>"
            )
            self._send(200, body, "text/html")
        elif path == "/huge-unannounced":
            # No Content-Length: the size shows only while reading.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(OVERSIZE_BYTES // 10_000 + 2):
                    self.wfile.write(b"a" * 10_000)
            except OSError:
                pass
        elif path == "/gzipped":
            body = gzip.compress(_page("article.html", base))
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/gzip-bomb":
            # 20 kB on the wire, 20 MB once decompressed.
            body = gzip.compress(b" " * 20_000_000)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)
        elif path == "/server-error":
            self._send(503, b"busy", "text/plain")
        else:
            self._send(404, b"<html><body><h1>Not found</h1></body></html>", "text/html")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may stop reading (the size cap at work).
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def _redirect(self, status: int, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    """Serve the fixture pages on 127.0.0.1 on a free port for the whole session."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    site = Site(base=f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = type("Handler", (_Handler,), {"site": site})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
