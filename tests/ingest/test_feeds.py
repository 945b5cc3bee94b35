"""RSS and Atom feeds give the items to fetch, with what the importer needs to skip them."""

from __future__ import annotations

import datetime

import pytest

from factcheck.ingest import ParseError
from factcheck.ingest.feeds import parse_feed
from tests.ingest.conftest import PAGES

BASE = "https://harbourgazette.example"


def _feed(name: str) -> bytes:
    return (PAGES / name).read_text().replace("{base}", BASE).encode()


def _reason(data: bytes) -> str:
    with pytest.raises(ParseError) as caught:
        parse_feed(data)
    return str(caught.value)


def test_it_reads_an_rss_feed() -> None:
    feed = parse_feed(_feed("feed.rss"), url=f"{BASE}/feed.rss")
    assert (feed.title, feed.link, feed.version) == (
        "The Harbour Gazette – World",
        f"{BASE}/world/",
        "rss20",
    )
    first, second, third = feed.items
    assert first.key == first.guid == "harbourgazette-20260304-port-strike"
    assert first.link == f"{BASE}/world/2026/03/04/port-strike-baltic"
    assert first.title == "Port strike halts Baltic shipping as wage talks collapse"
    assert first.published == datetime.datetime(2026, 3, 4, 6, 30, tzinfo=datetime.UTC)
    assert first.summary == "Dozens of ships wait at anchor as dockworkers walk out."
    # A relative link resolves against the feed's address.
    assert second.link == f"{BASE}/wire/polish-dockers-strike"
    assert third.key == "harbourgazette-20260305-operators-offer"


def test_it_reads_an_atom_feed() -> None:
    feed = parse_feed(_feed("feed.atom"))
    assert feed.version == "atom10"
    assert [(i.key, i.link) for i in feed.items] == [
        (
            "tag:northernledger.example,2026:news/polish-dockers-strike",
            f"{BASE}/wire/polish-dockers-strike",
        ),
        ("tag:northernledger.example,2026:news/gone", f"{BASE}/gone"),
    ]
    # An entry with only <updated> is dated by it.
    assert feed.items[1].published == datetime.datetime(2026, 3, 3, 17, 0, tzinfo=datetime.UTC)


def test_an_item_without_a_guid_is_known_by_its_link() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>A</title><link>https://example.org/a</link></item>"
        b"<item><title>No link</title></item></channel></rss>"
    )
    with_link, without = parse_feed(data).items
    assert (with_link.key, with_link.guid) == ("https://example.org/a", "")
    assert (without.key, without.link, without.published) == ("", "", None)


def test_links_that_are_not_http_are_dropped() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><guid>g1</guid><link>javascript:alert(1)</link></item></channel></rss>"
    )
    (item,) = parse_feed(data).items
    assert (item.key, item.link) == ("g1", "")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty feed: the file has no content"),
        (
            (PAGES / "home.html").read_bytes(),
            "not a feed: the file is an HTML page, not RSS or Atom XML",
        ),
        (b'{"items": []}', "not a feed: the file is not XML (RSS or Atom starts with '<')"),
        (b"%PDF-1.4", "not a feed: the file looks like a PDF document, not RSS or Atom XML"),
        (
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
            "not a feed: the XML's root element <svg> is not RSS or Atom",
        ),
    ],
)
def test_what_is_not_a_feed_is_rejected(data: bytes, reason: str) -> None:
    assert _reason(data) == reason


def test_a_broken_feed_with_no_items_is_rejected() -> None:
    reason = _reason(b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</ti')
    assert reason.startswith("broken feed: ")


def test_a_string_that_looks_like_a_url_or_a_path_is_never_fetched_or_opened() -> None:
    # The bytes are parsed as a document, not handed to feedparser as a location.
    assert _reason(b"/etc/passwd") == (
        "not a feed: the file is not XML (RSS or Atom starts with '<')"
    )
