"""Fetching URLs from a real local server: pages, feeds, redirects and every failure."""

from __future__ import annotations

import time

import pytest

from factcheck.ingest import ParseError
from factcheck.ingest.fetch import (
    FetchError,
    check_address,
    fetch_document,
    fetch_feed,
    fetch_url,
    user_agent,
)
from tests.ingest.conftest import OVERSIZE_BYTES, Site

LOCAL = {"allow_private": True, "timeout": 2.0}


def _failure(url: str, **options: object) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch_url(url, **{**LOCAL, **options})  # type: ignore[arg-type]
    return caught.value


def test_it_fetches_an_article_page_and_reads_it(site: Site) -> None:
    fetched, document = fetch_document(site.url("/world/2026/03/04/port-strike-baltic"), **LOCAL)
    assert fetched.status == 200
    assert fetched.content_type.startswith("text/html")
    assert document.format == "html"
    (item,) = document.items
    assert item.article is not None
    assert item.article.headline == "Port strike halts Baltic shipping as wage talks collapse"
    assert item.article.wire_agency == "AP"
    # The page's canonical link is relative: it resolves against the address fetched.
    assert item.origin == site.url("/world/2026/03/04/port-strike-baltic")


def test_it_sends_a_clear_user_agent(site: Site) -> None:
    agent = user_agent("https://newsroom.example/")
    fetch_url(site.url("/world/2026/03/04/port-strike-baltic?ua"), agent=agent, **LOCAL)
    sent = [ua for path, ua in site.requests if path.endswith("?ua")]
    assert sent == ["factcheck/0.1 (+https://newsroom.example/)"]


def test_it_follows_a_redirect_chain_and_reports_each_hop(site: Site) -> None:
    fetched = fetch_url(site.url("/old-link"), **LOCAL)
    assert fetched.requested_url == site.url("/old-link")
    assert fetched.redirects == (
        site.url("/moved"),
        site.url("/world/2026/03/04/port-strike-baltic"),
    )
    assert fetched.url == site.url("/world/2026/03/04/port-strike-baltic")
    assert b"Port strike halts Baltic shipping" in fetched.data


def test_it_stops_after_the_redirect_limit(site: Site) -> None:
    error = _failure(site.url("/loop/0"), max_redirects=3)
    assert error.kind == "redirects"
    assert str(error) == f"too many redirects: more than 3 from {site.url('/loop/0')}"


def test_it_refuses_a_redirect_to_a_non_http_scheme(site: Site) -> None:
    error = _failure(site.url("/to-file"))
    assert error.kind == "scheme"
    assert str(error).startswith("not a web address: file:")


def test_it_checks_the_address_of_every_redirect_hop(site: Site) -> None:
    # The test server itself is let through by network; the private hop is not.
    with pytest.raises(FetchError) as caught:
        fetch_url(site.url("/to-private"), allowed_networks=("127.0.0.0/8",), timeout=2.0)
    assert caught.value.kind == "private_address"
    assert str(caught.value) == (
        "private address: 10.0.0.1 resolves to 10.0.0.1, a private address; "
        "only public addresses are fetched"
    )


def test_it_refuses_loopback_without_allow_private(site: Site) -> None:
    before = len(site.requests)
    with pytest.raises(FetchError) as caught:
        fetch_url(site.url("/"), timeout=2.0)
    assert caught.value.kind == "private_address"
    assert "127.0.0.1, a loopback address" in str(caught.value)
    assert len(site.requests) == before, "a refused address must not be contacted"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://10.1.2.3/", "a private address"),
        ("http://192.168.0.10/", "a private address"),
        ("http://172.16.5.4/", "a private address"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://224.0.0.1/", "a multicast address"),
        ("http://0.0.0.0/", "an unspecified address"),
        ("http://[::1]/", "a loopback address"),
        ("http://[fe80::1]/", "a link-local address"),
        ("http://[::ffff:127.0.0.1]/", "a loopback address"),
        ("http://240.0.0.1/", "a reserved address"),
        ("http://100.64.0.1/", "not a public address"),
    ],
)
def test_it_refuses_non_public_addresses(url: str, why: str) -> None:
    with pytest.raises(FetchError) as caught:
        check_address(url)
    assert caught.value.kind == "private_address"
    assert why in str(caught.value)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        (
            "ftp://example.org/story",
            "not a web address: ftp: (only http and https URLs can be fetched)",
        ),
        (
            "file:///etc/passwd",
            "not a web address: file: (only http and https URLs can be fetched)",
        ),
        (
            "javascript:alert(1)",
            "not a web address: javascript: (only http and https URLs can be fetched)",
        ),
        (
            "example.org/story",
            "not a web address: no scheme (only http and https URLs can be fetched)",
        ),
        ("http:///story", "not a web address: 'http:///story' names no host"),
    ],
)
def test_it_refuses_what_is_not_an_http_url(url: str, reason: str) -> None:
    with pytest.raises(FetchError) as caught:
        check_address(url)
    assert str(caught.value) == reason


def test_it_reports_an_unresolvable_host() -> None:
    error = _failure("http://no-such-host.invalid/story")
    assert error.kind == "unreachable"
    assert error.retriable
    assert str(error).startswith("unreachable: the host no-such-host.invalid could not be resolved")


def test_it_reports_a_closed_port_as_unreachable() -> None:
    error = _failure("http://127.0.0.1:9/story")
    assert error.kind == "unreachable"
    assert str(error).startswith("unreachable: could not connect to 127.0.0.1:9")


def test_it_reports_a_404(site: Site) -> None:
    error = _failure(site.url("/no-such-story"))
    assert (error.kind, error.status, error.retriable) == ("status", 404, False)
    assert str(error) == f"not found: {site.url('/no-such-story')} answered HTTP 404"


def test_it_marks_a_server_error_as_worth_retrying(site: Site) -> None:
    error = _failure(site.url("/server-error"))
    assert (error.status, error.retriable) == (503, True)
    assert str(error) == f"HTTP 503: {site.url('/server-error')} answered with an error"


def test_it_times_out_on_a_server_that_does_not_answer(site: Site) -> None:
    started = time.monotonic()
    error = _failure(site.url("/slow"), timeout=0.5)
    assert time.monotonic() - started < 2
    assert (error.kind, error.retriable) == ("timeout", True)
    assert str(error) == f"timeout: {site.url('/slow')} did not answer in full within 0.5 seconds"


def test_the_timeout_bounds_the_whole_fetch_not_each_read(site: Site) -> None:
    # The server sends a little every 0.1 s: no single read times out, the total does.
    started = time.monotonic()
    error = _failure(site.url("/trickle"), timeout=1.0)
    assert error.kind == "timeout"
    assert time.monotonic() - started < 2.5


def test_it_refuses_a_page_over_the_size_cap_it_announces(site: Site) -> None:
    error = _failure(site.url("/huge"), max_bytes=200_000)
    assert error.kind == "oversize"
    assert str(error).startswith(f"too large: {site.url('/huge')} is over the 200,000-byte limit")
    assert "the server announces" in str(error)


def test_it_stops_reading_past_the_size_cap_when_the_size_is_not_announced(site: Site) -> None:
    error = _failure(site.url("/huge-unannounced"), max_bytes=200_000)
    assert error.kind == "oversize"
    assert "more than 200,000 bytes were sent" in str(error)
    assert OVERSIZE_BYTES > 200_000


def test_it_decompresses_a_gzipped_page(site: Site) -> None:
    fetched = fetch_url(site.url("/gzipped"), **LOCAL)
    assert fetched.data.startswith(b"<!DOCTYPE html>")


def test_the_size_cap_counts_decompressed_bytes(site: Site) -> None:
    error = _failure(site.url("/gzip-bomb"), max_bytes=200_000)
    assert error.kind == "oversize"
    assert "more than 200,000 bytes were sent" in str(error)


def test_it_reads_a_feed_url(site: Site) -> None:
    fetched, feed = fetch_feed(site.url("/feed.rss"), **LOCAL)
    assert feed.version == "rss20"
    assert [item.link for item in feed.items] == [
        site.url("/world/2026/03/04/port-strike-baltic"),
        site.url("/wire/polish-dockers-strike"),
        site.url("/premium/operators-offer"),
    ]


def test_a_feed_url_that_serves_a_web_page_is_not_a_feed(site: Site) -> None:
    with pytest.raises(ParseError) as caught:
        fetch_feed(site.url("/not-a-feed"), **LOCAL)
    assert str(caught.value) == "not a feed: the file is an HTML page, not RSS or Atom XML"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        (
            "/",
            "words of article text; the page describes itself as 'WebSite', not an article",
        ),
        ("/premium/operators-offer", "behind a paywall"),
    ],
)
def test_a_page_that_is_not_an_article_is_rejected(site: Site, path: str, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        fetch_document(site.url(path), **LOCAL)
    assert reason in str(caught.value)


def test_each_feed_item_can_be_fetched_and_imported_in_turn(site: Site) -> None:
    """What a feed run does: fetch each item's link; a failed item does not stop the others."""
    _, feed = fetch_feed(site.url("/feed.atom"), **LOCAL)
    results = {}
    for item in feed.items:
        try:
            _, document = fetch_document(item.link, **LOCAL)
        except FetchError as err:
            results[item.key] = str(err)
        else:
            results[item.key] = document.items[0].article.headline  # type: ignore[union-attr]
    assert results == {
        "tag:northernledger.example,2026:news/polish-dockers-strike": (
            "Polish dockers strike over pay, ships queue off Gdansk"
        ),
        "tag:northernledger.example,2026:news/gone": (
            f"not found: {site.url('/gone')} answered HTTP 404"
        ),
    }
