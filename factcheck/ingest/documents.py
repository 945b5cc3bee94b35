"""One entry point for any file an editor has: detect its format, parse it, name its origins.

`read_document` reads the seeds' text format, a web page, an IPTC ninjs file (one
item or a list) or an RSS/Atom feed. The bytes decide the format; a file name or
content type only breaks a tie, so a mislabelled file is still read for what it is,
and a file of no format we read gets a reason that says what it looks like.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from factcheck.ingest.article import ParsedArticle, ParseError
from factcheck.ingest.decoding import binary_kind
from factcheck.ingest.feeds import Feed, looks_like_feed, parse_feed
from factcheck.ingest.ninjs import ninjs_items
from factcheck.ingest.parser import looks_like_seed_format, parse_article
from factcheck.ingest.webpage import parse_html

# What read_document can return as Document.format.
DOCUMENT_FORMATS: tuple[str, ...] = ("text", "html", "ninjs", "feed")

WHAT_WE_READ = "the seeds' text format, an HTML page, an RSS or Atom feed, or IPTC ninjs JSON"

_HTML_DOCTYPE = re.compile(rb"<!doctype\s+html", re.I)
# Elements a web page (or a fragment saved from one) starts with.
_HTML_ROOTS = frozenset(
    {"html", "head", "body", "meta", "title", "link", "script", "style", "article", "main"}
    | {"div", "p", "section", "header", "nav", "h1", "h2", "span", "a", "table"}
)
# Declarations, processing instructions and comments before the first element.
_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<![^>]*>)", re.S)
_ELEMENT = re.compile(rb"\s*<(?P<tag>[A-Za-z_][\w:.-]*)")
_HINTS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "ninjs",
    ".ninjs": "ninjs",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    "text/plain": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "ninjs",
    "application/ninjs+json": "ninjs",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
}


@dataclass(frozen=True)
class DocumentItem:
    """One article of a document: where it comes from, and the article or why not."""

    # The canonical URL, the ninjs uri, or the file name / URL it was read from
    # ("file.json#2" for the second item of a ninjs list without a uri).
    origin: str
    article: ParsedArticle | None
    error: str = ""


@dataclass(frozen=True)
class Document:
    """What a file holds: articles (text, html, ninjs) or a feed's items to fetch."""

    format: str  # one of DOCUMENT_FORMATS
    items: tuple[DocumentItem, ...] = ()
    feed: Feed | None = None


def detect_format(data: bytes, *, filename: str = "", content_type: str = "") -> str:
    """Return the format of the bytes (one of DOCUMENT_FORMATS); raise ParseError for none."""
    what = binary_kind(data)
    if what:
        raise ParseError(f"wrong type of file: it looks like {what}; we read {WHAT_WE_READ}")
    head = data[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    hint = _hint(filename, content_type)
    if head[:1] in (b"{", b"["):
        return "ninjs"
    if head[:1] == b"<":
        if looks_like_feed(head):
            return "feed"
        root = _first_element(head)
        if _HTML_DOCTYPE.search(head[:1024]) or root.lower() in _HTML_ROOTS:
            return "html"
        raise ParseError(
            f"wrong type of file: XML whose root element <{root or '?'}> is neither RSS nor "
            f"Atom; we read {WHAT_WE_READ}"
        )
    if looks_like_seed_format(head.decode("utf-8", "replace")):
        return "text"
    # Nothing in the bytes decides: the label picks the reader, whose error is precise.
    return hint or "text"


def read_document(
    data: bytes,
    *,
    filename: str = "",
    content_type: str = "",
    url: str = "",
    fallback_published: datetime.date | None = None,
) -> Document:
    """Parse a file of any format we read; raise ParseError when the file as a whole fails.

    A file of one article (text, HTML, one ninjs item) is all-or-nothing; a ninjs list
    reports each item, so one bad item does not stop the others. A feed's items are
    returned for the caller to fetch (see `feeds.FeedItem`). url is where the bytes were
    fetched from; fallback_published is the date to use for a page that gives none.
    """
    if not data:
        raise ParseError("empty file: it is 0 bytes long")
    kind = detect_format(data, filename=filename, content_type=content_type)
    origin = url or filename
    if kind == "feed":
        return Document(format="feed", feed=parse_feed(data, url=url))
    if kind == "html":
        article = parse_html(data, url=url, fallback_published=fallback_published)
        item = DocumentItem(origin=article.canonical_url or origin, article=article)
        return Document(format="html", items=(item,))
    if kind == "ninjs":
        found = ninjs_items(data)
        if len(found) == 1 and found[0].article is None:
            raise ParseError(found[0].error)
        return Document(
            format="ninjs",
            items=tuple(
                DocumentItem(
                    origin=item.identifier or f"{origin}#{item.position}",
                    article=item.article,
                    error=item.error,
                )
                for item in found
            ),
        )
    article = parse_article(data, filename=filename)
    return Document(format="text", items=(DocumentItem(origin=origin, article=article),))


def _first_element(head: bytes) -> str:
    """The name of the first element after the prologue, or ""."""
    position = 0
    while prologue := _PROLOGUE.match(head, position):
        position = prologue.end()
    element = _ELEMENT.match(head, position)
    return element.group("tag").decode("ascii") if element else ""


def _hint(filename: str, content_type: str) -> str:
    media_type = content_type.split(";")[0].strip().lower()
    suffix = PurePosixPath(filename).suffix.lower()
    return _HINTS.get(media_type, "") or _HINTS.get(suffix, "")
