"""Read an RSS or Atom feed into the items an importer fetches, with what it needs to skip.

feedparser reads every RSS and Atom dialect; this module only checks that the bytes
are a feed and shapes its entries. Fetching each item's link and importing the page
is the caller's job: an item's `key` (its guid, else its link) and `link` are what it
looks up to skip items it has already imported.
"""

from __future__ import annotations

import calendar
import datetime
import io
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import feedparser

from factcheck.ingest.article import ParseError
from factcheck.ingest.decoding import binary_kind

FEED_MAX_BYTES: int = 5_000_000

_XML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?P<tag>[\w:.-]+)", re.S
)
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<html)", re.I)


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: where its article is and how to recognise it next time."""

    key: str  # the entry's guid/id, else its link: stable across runs of the feed
    link: str  # absolute http(s) address of the article page, "" if the entry has none
    guid: str
    title: str
    published: datetime.datetime | None  # aware (UTC), None when the entry gives no date
    summary: str


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its own title and link, the dialect, and its items in feed order."""

    title: str
    link: str
    version: str  # feedparser's name of the dialect: "rss20", "atom10", …
    items: tuple[FeedItem, ...]


def parse_feed(data: bytes, *, url: str = "") -> Feed:
    """Parse RSS or Atom bytes; raise ParseError when they are not a feed.

    url is where the feed was fetched from: relative item links resolve against it.
    """
    if len(data) > FEED_MAX_BYTES:
        raise ParseError(
            f"feed too large: {len(data):,} bytes; the limit is {FEED_MAX_BYTES:,} bytes"
        )
    if not data.strip():
        raise ParseError("empty feed: the file has no content")
    what = binary_kind(data)
    if what:
        raise ParseError(f"not a feed: the file looks like {what}, not RSS or Atom XML")
    if _HTML_START.match(data):
        raise ParseError("not a feed: the file is an HTML page, not RSS or Atom XML")
    start = _XML_START.match(data)
    if start is None:
        raise ParseError("not a feed: the file is not XML (RSS or Atom starts with '<')")

    # A file object, never a string: feedparser fetches strings that look like URLs
    # and opens strings that look like file names.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    if not parsed.version:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise ParseError(
            f"not a feed: the XML's root element <{start.group('tag').decode(errors='replace')}> "
            f"is not RSS or Atom{detail}"
        )
    if parsed.bozo and not parsed.entries:
        raise ParseError(f"broken feed: {parsed.bozo_exception}")

    channel = parsed.feed
    base = url or _text(channel.get("link"))
    items = []
    for entry in parsed.entries:
        link = _absolute(_text(entry.get("link")), base=base)
        guid = _text(entry.get("id"))
        items.append(
            FeedItem(
                key=guid or link,
                link=link,
                guid=guid,
                title=" ".join(_text(entry.get("title")).split()),
                published=_entry_time(entry),
                summary=_text(entry.get("summary")),
            )
        )
    return Feed(
        title=" ".join(_text(channel.get("title")).split()),
        link=_absolute(_text(channel.get("link")), base=url),
        version=parsed.version,
        items=tuple(items),
    )


def looks_like_feed(data: bytes) -> bool:
    """Say whether bytes start like an RSS, RDF or Atom document."""
    start = _XML_START.match(data[:4096])
    return bool(start) and start.group("tag").split(b":")[-1].lower() in (b"rss", b"feed", b"rdf")


def _entry_time(entry: feedparser.FeedParserDict) -> datetime.datetime | None:
    # feedparser gives UTC struct_time values, whatever offset the feed wrote.
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.datetime.fromtimestamp(calendar.timegm(value), tz=datetime.UTC)
    return None


def _absolute(link: str, *, base: str) -> str:
    resolved = urljoin(base, link) if base and link else link
    parts = urlsplit(resolved)
    return resolved if parts.scheme in ("http", "https") and parts.hostname else ""


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
