"""Turn a saved or fetched web page into a parsed article.

The article's text comes from trafilatura (boilerplate removal: navigation, related
links, comments and footers stay out). The headline, byline, publication time,
outlet and canonical address come first from what the page declares about itself
(JSON-LD NewsArticle, Open Graph and article: meta tags, <time datetime>,
<link rel=canonical>), then from trafilatura's own metadata. The paragraphs then go
through the same cleaning as every other format.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from trafilatura.settings import use_config

from factcheck.ingest.article import (
    ParsedArticle,
    ParseError,
    article_assemble,
    read_date,
    read_moment,
)
from factcheck.ingest.decoding import binary_kind, normalise_text

# A saved page carries markup, scripts and styles around its text: allow more than
# for a text file.
HTML_MAX_BYTES: int = 5_000_000
# Below this many words of prose after cleaning, a page is a teaser, a home page or
# a wall, not an article an editor can mark claims in.
MIN_ARTICLE_WORDS = 60
# A paragraph this short is a headline or a teaser's line, not reporting.
TEASER_MAX_WORDS = 15

# schema.org types of a news story (NewsArticle and its subtypes, Article, blog posts).
_ARTICLE_TYPE = re.compile(r"(?:^|:|/)(?:\w*NewsArticle|Article|Report|BlogPosting)$")
# Types a page uses to say it is not one story: a site's front, a section, a list.
_NOT_ARTICLE_TYPES = frozenset(
    {"WebSite", "CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage"}
)

_CANONICAL_LINK = "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"

_ANY_TAG = re.compile(rb"<[A-Za-z!/]")
_DECLARED_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)")

_CONFIG = use_config()
# The extractor's own threshold would silently return nothing for a short page; we
# want the text to tell "too short" from "nothing there" ourselves.
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")


@dataclass(frozen=True)
class PageMetadata:
    """What a page declares about itself, each field "" (or None) when it does not."""

    headline: str = ""
    byline: str = ""
    published_at: datetime.datetime | None = None
    published: datetime.date | None = None
    outlet: str = ""
    canonical_url: str = ""
    declared_type: str = ""  # the JSON-LD @type or og:type that describes the page
    is_article: bool = False  # a JSON-LD Article node or og:type=article
    paywalled: bool = False  # isAccessibleForFree: false
    has_password_field: bool = False  # a login form
    captions: tuple[str, ...] = ()  # <figcaption> texts of the story's own pictures


def parse_html(
    data: bytes,
    *,
    url: str = "",
    fallback_published: datetime.date | None = None,
) -> ParsedArticle:
    """Parse a web page's bytes into an article; raise ParseError with a precise reason.

    url is where the page was fetched from (relative canonical links resolve against
    it); fallback_published is the date to use when the page gives none (a feed
    item's date).
    """
    if len(data) > HTML_MAX_BYTES:
        raise ParseError(
            f"page too large: {len(data):,} bytes; the limit is {HTML_MAX_BYTES:,} bytes"
        )
    if not data.strip():
        raise ParseError("empty page: it has no content")
    what = binary_kind(data)
    if what:
        raise ParseError(f"binary file: it looks like {what}, not a web page")
    if not _ANY_TAG.search(data[:65536]):
        raise ParseError("not a web page: the file has no HTML markup")
    tree = trafilatura.load_html(data)
    if tree is None:
        raise ParseError("not a web page: the HTML could not be read")
    metadata = page_metadata(tree, url=url)
    # The extractor prunes the tree it is given; the metadata was read first.
    extracted = trafilatura.bare_extraction(
        deepcopy(tree),
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        # Only dates the markup states: the extensive search guesses from any year in
        # the text ("expanded in 2023"), and a wrong date is worse than none.
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_CONFIG,
    )
    text = (extracted.text if extracted is not None else "") or ""
    text, removed = normalise_text(text)
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise ParseError(_not_an_article(metadata, words=0))

    def metadata_or_extracted(value: str, attribute: str) -> str:
        return value or (getattr(extracted, attribute, "") or "" if extracted else "")

    byline = metadata_or_extracted(metadata.byline, "author")
    headline = metadata_or_extracted(metadata.headline, "title")
    paragraphs = _without_furniture(paragraphs, headline=headline, byline=byline)
    # Too little text is "not an article" even when the date is missing too.
    raw_words = sum(len(p.split()) for p in paragraphs)
    # A page that says it is a site's front or a list is believed when its text reads
    # like one (short teasers); an article mislabelled og:type=website is still read.
    says_not_article = bool(metadata.declared_type) and not metadata.is_article
    if raw_words < MIN_ARTICLE_WORDS or (says_not_article and _reads_like_teasers(paragraphs)):
        raise ParseError(_not_an_article(metadata, words=raw_words))

    published = metadata.published
    if published is None and extracted is not None and extracted.date:
        published = read_date(extracted.date)
    if published is None:
        published = fallback_published
    if published is None:
        raise ParseError(
            "no publication date: the page gives none (no JSON-LD datePublished, "
            "article:published_time or <time datetime>)"
        )

    try:
        article = article_assemble(
            paragraphs,
            published=published,
            encoding=_encoding(data),
            warnings=(f"removed {removed} control characters",) if removed else (),
            format="html",
            headline=headline,
            byline=byline,
            published_at=metadata.published_at,
            canonical_url=metadata.canonical_url
            or _http_url(metadata_or_extracted("", "url"), base=url),
            source_name=metadata_or_extracted(metadata.outlet, "sitename"),
            agency_hint=byline,
            captions=metadata.captions,
        )
    except ParseError:
        raise ParseError(_not_an_article(metadata, words=0)) from None
    words = len(article.body.split())
    if words < MIN_ARTICLE_WORDS:
        raise ParseError(_not_an_article(metadata, words=words))
    return article


def _reads_like_teasers(paragraphs: list[str]) -> bool:
    """Say whether most paragraphs are too short to be prose (headlines and standfirsts)."""
    lengths = sorted(len(p.split()) for p in paragraphs)
    return lengths[len(lengths) // 2] < TEASER_MAX_WORDS


def _without_furniture(paragraphs: list[str], *, headline: str, byline: str) -> list[str]:
    """Drop the headline and the byline line the extractor keeps at the top of the text."""
    furniture = {_folded(headline), _folded(byline), _folded(f"by {byline}")} - {""}
    head = [p for p in paragraphs[:3] if _folded(p) not in furniture]
    return head + paragraphs[3:]


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _encoding(data: bytes) -> str:
    """Name how the page was decoded: UTF-8 when it is valid UTF-8, else its declared charset."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _DECLARED_CHARSET.search(data[:4096])
        return declared.group(1).decode("ascii").lower() if declared else "detected"
    return "utf-8"


def _captions(tree: lxml.html.HtmlElement) -> tuple[str, ...]:
    """The <figcaption> texts inside the story (its <article>, else <main>)."""
    for scope in ("//article", "//main"):
        if tree.xpath(scope):
            texts = tree.xpath(f"{scope}//figcaption")
            return tuple(" ".join(t.text_content().split()) for t in texts)
    return ()


def _not_an_article(metadata: PageMetadata, *, words: int) -> str:
    """Word why a page is not an article, from what it says about itself."""
    found = f"{words} words of article text" if words else "no article text"
    if metadata.paywalled:
        why = "the page is behind a paywall (it declares isAccessibleForFree: false)"
    elif metadata.has_password_field:
        why = "the page is a login wall (it asks for a password)"
    elif metadata.declared_type and not metadata.is_article:
        why = f"the page describes itself as {metadata.declared_type!r}, not an article"
    else:
        why = f"an article needs at least {MIN_ARTICLE_WORDS} words (a home page or a teaser?)"
    return f"not an article: {found}; {why}"


def page_metadata(tree: lxml.html.HtmlElement, *, url: str = "") -> PageMetadata:
    """Read what a page declares about itself: JSON-LD, Open Graph, <time>, canonical link."""
    nodes = list(_json_ld_nodes(tree))
    article = next((n for n in nodes if any(map(_ARTICLE_TYPE.search, _types(n)))), None)
    meta = _meta_tags(tree)
    og_type = meta.get("og:type", "").strip()

    declared_type = ""
    if article is not None:
        declared_type = _types(article)[0]
    elif other := next((t for n in nodes for t in _types(n) if t in _NOT_ARTICLE_TYPES), ""):
        declared_type = other
    elif og_type:
        declared_type = f"og:type {og_type}"
    is_article = article is not None or og_type.lower() == "article"

    article = article or {}
    headline = _text(article.get("headline")) or _text(article.get("name"))
    headline = headline or meta.get("og:title", "") or meta.get("twitter:title", "")

    byline = ", ".join(_names(article.get("author")))
    if not byline:
        author = meta.get("author", "") or meta.get("byl", "") or meta.get("article:author", "")
        byline = "" if urlsplit(author).scheme else author
    byline = re.sub(r"^(?i:by)\s+", "", byline.strip())

    published_at: datetime.datetime | None = None
    published: datetime.date | None = None
    for value in (
        _text(article.get("datePublished")),
        meta.get("article:published_time", ""),
        meta.get("og:article:published_time", ""),
        *_time_datetimes(tree),
        _text(article.get("dateCreated")),
    ):
        published_at, published = read_moment(value)
        if published is not None:
            break

    outlet = ", ".join(_names(article.get("publisher"))) or meta.get("og:site_name", "")

    canonical = ""
    for candidate in (
        *tree.xpath(_CANONICAL_LINK),
        meta.get("og:url", ""),
        _text(article.get("url")),
        _main_entity_id(article.get("mainEntityOfPage")),
    ):
        canonical = _http_url(str(candidate), base=url)
        if canonical:
            break

    return PageMetadata(
        headline=" ".join(headline.split()),
        byline=" ".join(byline.split()),
        published_at=published_at,
        published=published,
        outlet=" ".join(outlet.split()),
        canonical_url=canonical,
        declared_type=declared_type,
        is_article=is_article,
        paywalled=article.get("isAccessibleForFree") in (False, "false", "False"),
        has_password_field=bool(tree.xpath("//input[@type='password']")),
        captions=_captions(tree),
    )


def _json_ld_nodes(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Yield every JSON-LD object on the page, @graph members and list items included."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # a broken block on the page is the page's problem, not a reason to fail
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _types(node: dict[str, Any]) -> list[str]:
    raw = node.get("@type", "")
    return [t for t in (raw if isinstance(raw, list) else [raw]) if isinstance(t, str)]


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""


def _names(value: Any) -> list[str]:
    """Names of schema.org Person/Organization values (a string, an object or a list)."""
    found: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip() and not urlsplit(item).scheme:
            found.append(item.strip())
        elif isinstance(item, dict) and _text(item.get("name")):
            found.append(_text(item.get("name")))
    return found


def _main_entity_id(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("@id")) or _text(value.get("url"))
    return _text(value)


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """The page's <meta property|name=… content=…> tags, the first of each name."""
    tags: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        if key and key not in tags:
            tags[key] = element.get("content", "")
    return tags


def _time_datetimes(tree: lxml.html.HtmlElement) -> list[str]:
    """<time datetime> values, the one marked as the publication time first."""
    marked = tree.xpath(
        "//time[@datetime][@itemprop='datePublished' or @pubdate or contains(@class, 'publish')]"
        "/@datetime"
    )
    in_story = tree.xpath("//article//time[@datetime]/@datetime")[:1]
    return [*marked, *in_story, *tree.xpath("//time[@datetime]/@datetime")[:1]]


def _http_url(value: str, *, base: str) -> str:
    """Resolve a link against the page's address; return it only if it is http(s)."""
    value = value.strip()
    if not value:
        return ""
    resolved = urljoin(base, value) if base else value
    parts = urlsplit(resolved)
    return resolved if parts.scheme in ("http", "https") and parts.hostname else ""
