"""Fetch a URL safely: http(s) only, public addresses only, bounded in time, size and hops.

urllib3 does the HTTP (trafilatura already depends on it, so it adds nothing). Each
hop is resolved here, every address checked, and the connection made to the checked
address itself (TLS still verifies the host name), so DNS cannot answer one address
to the check and another to the connection. Redirects are followed by hand so that
every hop is checked the same way.
"""

from __future__ import annotations

import datetime
import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from factcheck.ingest.article import ParseError
from factcheck.ingest.documents import Document, read_document
from factcheck.ingest.feeds import Feed, parse_feed

VERSION = "0.1"
DEFAULT_TIMEOUT = 15.0  # seconds for the whole fetch, every hop included
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)


def user_agent(newsroom_url: str = "http://127.0.0.1:8000/") -> str:
    """The User-Agent we send: who we are and where to find the newsroom running us."""
    return f"factcheck/{VERSION} (+{newsroom_url})"


class FetchError(ParseError):
    """A URL could not be fetched; str(err) is the reason, worded for an editor.

    kind names the failure ("scheme", "private_address", "unreachable", "timeout",
    "status", "redirects", "oversize"); retriable says whether trying again later may
    succeed (network trouble, a 5xx or 429 answer), so a job queue knows to retry.
    """

    def __init__(self, message: str, *, kind: str, retriable: bool = False, status: int = 0):
        super().__init__(message)
        self.kind = kind
        self.retriable = retriable
        self.status = status


@dataclass(frozen=True)
class Fetched:
    """What a fetch brought back."""

    url: str  # the final address, after redirects
    requested_url: str
    status: int
    content_type: str
    data: bytes
    redirects: tuple[str, ...]  # the addresses redirected to, in order


def fetch_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    agent: str = "",
    allow_private: bool = False,
    allowed_networks: tuple[str, ...] = (),
) -> Fetched:
    """GET url and return its body; raise FetchError with a precise reason.

    allow_private lets the fetch reach any loopback or private address; it is off
    by default. allowed_networks opens only the networks named ("10.1.2.3/32" for a
    newsroom's own CMS, "127.0.0.0/8" for a test server) and keeps the rest closed.
    agent is the User-Agent (see `user_agent`).
    """
    deadline = time.monotonic() + timeout
    requested = url.strip()
    current = requested
    redirects: list[str] = []
    while True:
        response = _get_once(
            current,
            deadline=deadline,
            timeout=timeout,
            max_bytes=max_bytes,
            agent=agent or user_agent(),
            allow_private=allow_private,
            allowed_networks=allowed_networks,
        )
        status, headers, data = response
        if status in _REDIRECTS and headers.get("location"):
            if len(redirects) >= max_redirects:
                raise FetchError(
                    f"too many redirects: more than {max_redirects} from {requested}",
                    kind="redirects",
                )
            current = urljoin(current, headers["location"].strip())
            redirects.append(current)
            continue
        if status >= 400:
            raise _status_error(status, current)
        return Fetched(
            url=current,
            requested_url=requested,
            status=status,
            content_type=headers.get("content-type", ""),
            data=data,
            redirects=tuple(redirects),
        )


def fetch_document(
    url: str, *, fallback_published: datetime.date | None = None, **options: Any
) -> tuple[Fetched, Document]:
    """Fetch url and read what it serves (a page, a feed, ninjs, text); see fetch_url.

    fallback_published dates a page that gives no date (pass a feed item's date).
    """
    fetched = fetch_url(url, **options)
    document = read_document(
        fetched.data,
        filename=urlsplit(fetched.url).path,
        content_type=fetched.content_type,
        url=fetched.url,
        fallback_published=fallback_published,
    )
    return fetched, document


def fetch_feed(url: str, **options: Any) -> tuple[Fetched, Feed]:
    """Fetch url and read it as an RSS or Atom feed, whatever it claims to be; see fetch_url."""
    fetched = fetch_url(url, **options)
    return fetched, parse_feed(fetched.data, url=fetched.url)


def check_address(
    url: str, *, allow_private: bool = False, allowed_networks: tuple[str, ...] = ()
) -> list[str]:
    """Check a URL's scheme and resolve its host; return the addresses it may be fetched from.

    Raise FetchError when the scheme is not http(s), the host does not resolve, or
    (unless allow_private) any address it resolves to is not a public one and not in
    allowed_networks.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise FetchError(
            f"not a web address: {shown} (only http and https URLs can be fetched)",
            kind="scheme",
        )
    host = parts.hostname
    if not host:
        raise FetchError(f"not a web address: {url!r} names no host", kind="scheme")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"not a web address: {url!r} has a bad port", kind="scheme") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(
            f"unreachable: the host {host} could not be resolved ({err})",
            kind="unreachable",
            retriable=True,
        ) from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        networks = [ipaddress.ip_network(n, strict=False) for n in allowed_networks]
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if any(ip in network for network in networks):
                continue
            why = _non_public(address)
            if why:
                raise FetchError(
                    f"private address: {host} resolves to {address}, {why}; "
                    "only public addresses are fetched",
                    kind="private_address",
                )
    return addresses


def _non_public(address: str) -> str:
    """Say why an IP address is not a public one, or "" if it is."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_unspecified", "an unspecified address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private address"),
    )
    for attribute, why in checks:
        if getattr(ip, attribute):
            return why
    return "" if ip.is_global else "not a public address"


def _get_once(
    url: str,
    *,
    deadline: float,
    timeout: float,
    max_bytes: int,
    agent: str,
    allow_private: bool,
    allowed_networks: tuple[str, ...],
) -> tuple[int, dict[str, str], bytes]:
    """One GET without following redirects, to the checked address; (status, headers, body)."""
    addresses = check_address(url, allow_private=allow_private, allowed_networks=allowed_networks)
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    default_port = port == (443 if parts.scheme == "https" else 80)
    host_header = (f"[{host}]" if ":" in host else host) + ("" if default_port else f":{port}")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _timeout(url, timeout)
    pool_timeout = urllib3.Timeout(connect=remaining, read=remaining)
    if parts.scheme == "https":
        pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
            addresses[0],
            port,
            timeout=pool_timeout,
            maxsize=1,
            retries=False,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
        )
    else:
        pool = urllib3.HTTPConnectionPool(
            addresses[0], port, timeout=pool_timeout, maxsize=1, retries=False
        )
    headers = {
        "Host": host_header,
        "User-Agent": agent,
        "Accept": _ACCEPT,
        "Accept-Encoding": "gzip, deflate",
    }
    try:
        response = pool.urlopen(
            "GET",
            path,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            status = response.status
            response_headers = {k.lower(): v for k, v in response.headers.items()}
            if status in _REDIRECTS or status >= 400:
                return status, response_headers, b""
            declared = response_headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _oversize(url, max_bytes, f"the server announces {int(declared):,} bytes")
            body = bytearray()
            # read1 returns what has arrived instead of waiting for a full chunk,
            # so a server that trickles bytes meets the deadline check in time.
            while chunk := response.read1(_CHUNK, decode_content=True):
                body += chunk
                if len(body) > max_bytes:
                    raise _oversize(url, max_bytes, f"more than {max_bytes:,} bytes were sent")
                if time.monotonic() > deadline:
                    raise _timeout(url, timeout)
            return status, response_headers, bytes(body)
        finally:
            response.release_conn()
            response.close()
    except NewConnectionError as err:
        # Checked before the timeouts: urllib3 makes it a subclass of ConnectTimeoutError.
        raise FetchError(
            f"unreachable: could not connect to {host}:{port} ({_short(err)})",
            kind="unreachable",
            retriable=True,
        ) from None
    except (ConnectTimeoutError, ReadTimeoutError, TimeoutError):
        raise _timeout(url, timeout) from None
    except SSLError as err:
        raise FetchError(
            f"unreachable: the secure connection to {host} failed ({err})", kind="unreachable"
        ) from None
    except (ProtocolError, OSError) as err:
        raise FetchError(
            f"unreachable: could not connect to {host}:{port} ({_short(err)})",
            kind="unreachable",
            retriable=True,
        ) from None
    except HTTPError as err:
        raise FetchError(
            f"unreachable: {host} broke off the exchange ({_short(err)})",
            kind="unreachable",
            retriable=True,
        ) from None
    finally:
        pool.close()


def _short(err: BaseException) -> str:
    text = str(err)
    # urllib3 prefixes the connection object's repr; the end says what happened.
    return text.rsplit(": ", 1)[-1] if ": " in text else text


def _timeout(url: str, timeout: float) -> FetchError:
    return FetchError(
        f"timeout: {url} did not answer in full within {timeout:g} seconds",
        kind="timeout",
        retriable=True,
    )


def _oversize(url: str, max_bytes: int, detail: str) -> FetchError:
    return FetchError(
        f"too large: {url} is over the {max_bytes:,}-byte limit ({detail})", kind="oversize"
    )


def _status_error(status: int, url: str) -> FetchError:
    if status in (404, 410):
        return FetchError(f"not found: {url} answered HTTP {status}", kind="status", status=status)
    if status in (401, 403):
        return FetchError(
            f"refused: {url} answered HTTP {status} (a login or paywall?)",
            kind="status",
            status=status,
        )
    return FetchError(
        f"HTTP {status}: {url} answered with an error",
        kind="status",
        status=status,
        retriable=status >= 500 or status == 429,
    )
