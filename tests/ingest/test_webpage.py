"""Web pages become articles: text from the extractor, metadata from the page itself."""

from __future__ import annotations

import datetime
import re

import pytest

from factcheck.ingest import ParsedArticle, ParseError
from factcheck.ingest.webpage import HTML_MAX_BYTES, MIN_ARTICLE_WORDS, parse_html
from tests.ingest.conftest import PAGES

URL = "https://harbourgazette.example/world/2026/03/04/port-strike-baltic?utm_source=rss"


def _page(name: str, **options: object) -> ParsedArticle:
    return parse_html((PAGES / name).read_bytes(), **options)  # type: ignore[arg-type]


def _reason(data: bytes, **options: object) -> str:
    with pytest.raises(ParseError) as caught:
        parse_html(data, **options)  # type: ignore[arg-type]
    return str(caught.value)


def _paragraphs(article: ParsedArticle) -> list[str]:
    return [article.body[start:end] for start, end in article.paragraphs]


@pytest.fixture(scope="module")
def article() -> ParsedArticle:
    return _page("article.html", url=URL)


def test_it_reads_the_metadata_the_page_declares(article: ParsedArticle) -> None:
    assert article.format == "html"
    assert article.headline == "Port strike halts Baltic shipping as wage talks collapse"
    assert article.title == article.headline
    assert article.byline == "Marta Lindqvist"
    assert article.source_name == "The Harbour Gazette"
    assert article.published == datetime.date(2026, 3, 4)
    assert article.published_at == datetime.datetime(
        2026, 3, 4, 7, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )
    # The relative <link rel=canonical> resolves against the address, query dropped.
    assert article.canonical_url == (
        "https://harbourgazette.example/world/2026/03/04/port-strike-baltic"
    )


def test_the_body_is_the_story_without_the_page_around_it(article: ParsedArticle) -> None:
    paragraphs = _paragraphs(article)
    assert len(paragraphs) == 8
    assert paragraphs[0].startswith("GDANSK, Poland (AP) — Thousands of dockworkers")
    assert paragraphs[-1].startswith("Analysts at a Warsaw brokerage")
    for furniture in ("Subscribe", "Related", "Container rates", "All rights", "By Marta"):
        assert furniture not in article.body
    # The headline is metadata, not the first paragraph.
    assert not article.body.startswith(article.headline)


def test_it_cleans_the_text_like_any_other_format(article: ParsedArticle) -> None:
    assert [(s.kind, s.text) for s in article.set_aside] == [
        (
            "caption",
            "Dockworkers gather outside the container terminal gates in Gdansk on Tuesday. "
            "(Piotr Nowak/AP)",
        ),
        ("promo", "Sign up to our free morning newsletter"),
    ]
    assert article.wire_agency == "AP"


def test_without_json_ld_it_uses_open_graph_time_and_the_byline() -> None:
    copy = _page("wire_copy.html")
    assert copy.headline == "Polish dockers strike over pay, ships queue off Gdansk"
    assert copy.source_name == "Northern Ledger"
    assert copy.canonical_url == "https://northernledger.example/news/polish-dockers-strike"
    assert copy.published_at == datetime.datetime(2026, 3, 4, 9, 5, tzinfo=datetime.UTC)
    # No "(AP)" in the dateline: the agency comes from the byline "The Associated Press".
    assert copy.byline == "The Associated Press"
    assert copy.wire_agency == "AP"
    assert "cookies" not in copy.body and "Most read" not in copy.body


def test_the_same_page_parses_to_the_same_hash_wherever_it_was_fetched_from() -> None:
    data = (PAGES / "article.html").read_bytes()
    first = parse_html(data, url="https://harbourgazette.example/a?x=1")
    again = parse_html(
        data.replace(b"dataLayer.push", b"dataLayer.unshift"), url="http://x.example/"
    )
    assert first.content_hash == again.content_hash


def test_a_changed_paragraph_changes_the_hash(article: ParsedArticle) -> None:
    data = (PAGES / "article.html").read_bytes().replace(b"41 vessels", b"43 vessels")
    assert parse_html(data, url=URL).content_hash != article.content_hash


def test_a_home_page_is_not_an_article() -> None:
    assert re.fullmatch(
        r"not an article: \d+ words of article text; "
        r"the page describes itself as 'WebSite', not an article",
        _reason((PAGES / "home.html").read_bytes()),
    )


def test_an_article_mislabelled_as_a_website_is_still_read() -> None:
    page = (PAGES / "wire_copy.html").read_bytes()
    page = page.replace(b'content="article"', b'content="website"')
    article = parse_html(page)
    assert len(article.paragraphs) == 7


def test_a_home_page_with_many_teasers_is_not_an_article() -> None:
    home = (PAGES / "home.html").read_text()
    cards = "".join(
        f'<div class="card"><h3><a href="/s/{i}">Story {i} headline about the port</a></h3>'
        f"<p>One line of standfirst for story number {i}.</p></div>"
        for i in range(30)
    )
    page = home.replace('<section class="opinion">', cards + '<section class="opinion">')
    assert re.fullmatch(
        r"not an article: \d+ words of article text; "
        r"the page describes itself as 'WebSite', not an article",
        _reason(page.encode()),
    )


def test_a_paywalled_teaser_is_not_an_article() -> None:
    assert re.fullmatch(
        r"not an article: \d+ words of article text; "
        r"the page is behind a paywall \(it declares isAccessibleForFree: false\)",
        _reason((PAGES / "login.html").read_bytes()),
    )


def test_a_login_form_is_not_an_article() -> None:
    page = (PAGES / "login.html").read_bytes().replace(b'"isAccessibleForFree": false,', b"")
    page = page.replace(b'"@type": "NewsArticle"', b'"@type": "WebPage"')
    reason = _reason(page)
    assert re.match(r"not an article: \d+ words of article text;", reason)
    assert reason.endswith("the page is a login wall (it asks for a password)")


def test_a_short_page_that_declares_nothing_is_not_an_article() -> None:
    page = b"<html><body><article><p>Short notice: the office is closed today.</p></article>"
    assert _reason(page) == (
        "not an article: 7 words of article text; "
        f"an article needs at least {MIN_ARTICLE_WORDS} words (a home page or a teaser?)"
    )


def test_a_page_without_a_date_is_rejected_unless_the_caller_knows_it() -> None:
    data = (PAGES / "wire_copy.html").read_bytes()
    data = data.replace(b'<time datetime="2026-03-04T09:05:00Z">Wed 4 Mar 2026</time>', b"")
    assert _reason(data) == (
        "no publication date: the page gives none (no JSON-LD datePublished, "
        "article:published_time or <time datetime>)"
    )
    article = parse_html(data, fallback_published=datetime.date(2026, 3, 4))
    assert article.published == datetime.date(2026, 3, 4)
    assert article.published_at is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty page: it has no content"),
        (b"  \n ", "empty page: it has no content"),
        (b"%PDF-1.7 ...", "binary file: it looks like a PDF document, not a web page"),
        (b"\x89PNG\r\n\x1a\n...", "binary file: it looks like a PNG image, not a web page"),
        (
            b"<html><body></body></html>",
            "not an article: no article text; "
            "an article needs at least 60 words (a home page or a teaser?)",
        ),
        (
            b"x" * (HTML_MAX_BYTES + 1),
            f"page too large: {HTML_MAX_BYTES + 1:,} bytes; the limit is {HTML_MAX_BYTES:,} bytes",
        ),
    ],
)
def test_bad_pages_get_a_precise_reason(data: bytes, reason: str) -> None:
    assert _reason(data) == reason


def test_a_naive_date_time_keeps_only_its_date() -> None:
    data = (PAGES / "article.html").read_bytes().replace(b"07:30:00+01:00", b"07:30:00")
    article = parse_html(data)
    assert article.published == datetime.date(2026, 3, 4)
    # The JSON-LD and meta values are naive now; <time> still has none either.
    assert article.published_at is None


def test_script_text_in_the_page_stays_out_of_the_body(article: ParsedArticle) -> None:
    assert "dataLayer" not in article.body


def test_a_page_in_a_legacy_charset_reads_as_text() -> None:
    html = (PAGES / "article.html").read_text(encoding="utf-8")
    html = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    article = parse_html(html.encode("windows-1252"))
    assert article.encoding == "windows-1252"
    assert "GDANSK, Poland (AP) — Thousands" in article.body
    assert article.content_hash == parse_html(html.encode("utf-8")).content_hash
