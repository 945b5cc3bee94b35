"""Turn IPTC ninjs JSON (news in JSON, as wire agencies' APIs deliver it) into articles.

A file holds one item or a list of items. Field names differ between versions:
1.x has `headline`, `body_text`/`body_html` (and `body_<role>`), `byline`; 2.x and
later have `headlines` and `bodies` as lists of {role, contenttype, value} and `by`.
Both have `uri` (2.x may add `guid`-like ids in `altids`), `versioncreated`,
`firstcreated`, `located`, `copyrightholder`; 2.x names the supplying agency in
`infosource` ({name, role}).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import lxml.etree
import lxml.html

from factcheck.ingest.article import ParsedArticle, ParseError, article_assemble, read_moment
from factcheck.ingest.decoding import decode_text
from factcheck.ingest.webpage import HTML_MAX_BYTES

# Item types that carry no text to mark claims in.
_NOT_TEXT_TYPES = frozenset({"picture", "graphic", "audio", "video", "composite"})
# Block elements whose text is one paragraph of a body_html/bodies HTML value.
_BLOCKS = "//p | //h2 | //h3 | //h4 | //li | //blockquote[not(.//p)] | //figcaption"


@dataclass(frozen=True)
class NinjsItem:
    """One item of a ninjs file: its identifier and its parsed article, or why it has none."""

    position: int  # 1-based place in the file
    identifier: str  # the item's uri (or guid), "" when it has none
    article: ParsedArticle | None
    error: str = ""


def ninjs_items(data: bytes) -> list[NinjsItem]:
    """Parse a ninjs file of one item or a list; each item parses (or fails) on its own.

    Raise ParseError when the file as a whole is not ninjs: not JSON, an empty list,
    or JSON that is not news items.
    """
    if len(data) > HTML_MAX_BYTES:
        raise ParseError(
            f"file too large: {len(data):,} bytes; the limit is {HTML_MAX_BYTES:,} bytes"
        )
    text, _, _ = decode_text(data)
    try:
        document = json.loads(text)
    except ValueError as err:
        raise ParseError(f"not JSON: {err}") from None
    raw_items = _item_list(document)
    items: list[NinjsItem] = []
    for position, raw in enumerate(raw_items, start=1):
        identifier = _identifier(raw) if isinstance(raw, dict) else ""
        try:
            article = parse_ninjs_item(raw)
        except ParseError as err:
            items.append(NinjsItem(position, identifier, article=None, error=str(err)))
        else:
            items.append(NinjsItem(position, identifier, article=article))
    return items


def _item_list(document: Any) -> list[Any]:
    if isinstance(document, dict):
        # Some APIs wrap a list: {"items": [...]} / {"data": [...]}.
        for key in ("items", "data", "results"):
            if isinstance(document.get(key), list) and not looks_like_ninjs(document):
                document = document[key]
                break
    if isinstance(document, dict):
        if not looks_like_ninjs(document):
            raise ParseError(
                "not a ninjs item: the JSON object has none of uri, headline(s), "
                "body_text, body_html, bodies, versioncreated"
            )
        return [document]
    if isinstance(document, list):
        if not document:
            raise ParseError("no items: the ninjs list is empty")
        if not any(isinstance(item, dict) and looks_like_ninjs(item) for item in document):
            raise ParseError("not ninjs: none of the list's entries is a news item")
        return document
    raise ParseError("not ninjs: the JSON is neither an item nor a list of items")


def looks_like_ninjs(value: Any) -> bool:
    """Say whether a JSON object has the fields of a ninjs news item."""
    if not isinstance(value, dict):
        return False
    keys = set(value)
    marks = {"uri", "versioncreated", "firstcreated", "headline", "headlines", "bodies"}
    marks |= {"body_text", "body_html", "byline", "by", "pubstatus", "located"}
    return len(keys & marks) >= 2 or any(k.startswith(("body_", "headline_")) for k in keys)


def parse_ninjs_item(item: Any) -> ParsedArticle:
    """Parse one ninjs item (1.x or 2.x field names); raise ParseError with the reason."""
    if not isinstance(item, dict):
        raise ParseError("not a ninjs item: an entry of the list is not a JSON object")
    kind = _string(item.get("type")).lower()
    if kind in _NOT_TEXT_TYPES:
        raise ParseError(f"no article text: the ninjs item is a {kind}, not text")
    paragraphs = _body_paragraphs(item)
    if not paragraphs:
        raise ParseError("no body: the ninjs item has no body_text, body_html or bodies with text")

    published_at = None
    published = None
    # The first publication, so that a later version of the item keeps its date.
    for key in ("firstcreated", "versioncreated", "contentcreated"):
        published_at, published = read_moment(_string(item.get(key)))
        if published is not None:
            break
    if published is None:
        raise ParseError(
            "no publication date: the ninjs item has no versioncreated or firstcreated"
        )

    agency_hint = " ".join(
        [
            _string(item.get("copyrightholder")),
            *(_string(s.get("name")) for s in _dicts(item.get("infosource"))),
            *(_string(s.get("name")) for s in _dicts(item.get("infosources"))),
        ]
    )
    return article_assemble(
        paragraphs,
        published=published,
        format="ninjs",
        headline=_headline(item),
        byline=_byline(item),
        published_at=published_at,
        canonical_url="",
        identifier=_identifier(item),
        source_name="",
        agency_hint=agency_hint,
    )


def _identifier(item: dict[str, Any]) -> str:
    return _string(item.get("uri")) or _string(item.get("guid"))


def _headline(item: dict[str, Any]) -> str:
    headlines = _dicts(item.get("headlines"))
    main = next((h for h in headlines if _string(h.get("role")) in ("main", "")), None)
    if main is None and headlines:
        main = headlines[0]
    if main is not None:
        return _string(main.get("value"))
    return _string(item.get("headline")) or _string(item.get("headline_main"))


def _byline(item: dict[str, Any]) -> str:
    by = item.get("by", item.get("byline"))
    if isinstance(by, str):
        return by.strip()
    # 2.x also allows `people` with role "author"; a plain `by` string is the common case.
    authors = [
        _string(p.get("name"))
        for p in _dicts(item.get("people"))
        if "author" in _string(p.get("rel")) + _string(p.get("role"))
    ]
    return ", ".join(a for a in authors if a)


def _body_paragraphs(item: dict[str, Any]) -> list[str]:
    """The item's body as paragraphs: HTML bodies preferred over plain text for their breaks."""
    html_values: list[str] = []
    text_values: list[str] = []
    for body in _dicts(item.get("bodies")):
        kind = _string(body.get("contenttype")).lower() + " " + _string(body.get("role"))
        value = _string(body.get("value"))
        (html_values if "html" in kind or value.lstrip().startswith("<") else text_values).append(
            value
        )
    html_values += [_string(item.get("body_html")), _string(item.get("body_richtext"))]
    text_values += [_string(item.get("body_text")), _string(item.get("body_main"))]
    text_values += [_string(v) for k, v in item.items() if k.startswith("body_")]
    for value in html_values:
        if value:
            paragraphs = _html_paragraphs(value)
            if paragraphs:
                return paragraphs
    for value in text_values:
        if value:
            paragraphs = [" ".join(p.split()) for p in value.replace("\r", "").split("\n")]
            paragraphs = [p for p in paragraphs if p]
            if paragraphs:
                return paragraphs
    return []


def _html_paragraphs(value: str) -> list[str]:
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return []
    blocks = root.xpath(_BLOCKS.replace("//", ".//"))
    if not blocks:
        blocks = [root]
    paragraphs = [" ".join(b.text_content().split()) for b in blocks]
    return [p for p in paragraphs if p]


def _dicts(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value]
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _string(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
