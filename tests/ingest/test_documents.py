"""One entry point reads any format from its bytes; a file of the wrong type gets a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.ingest import ParseError, parse_article
from factcheck.ingest.documents import detect_format, read_document
from tests.ingest.conftest import NINJS, PAGES

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((REPO_ROOT / "seeds").glob("000_*.txt"))[0]


def _reason(data: bytes, **hints: str) -> str:
    with pytest.raises(ParseError) as caught:
        read_document(data, **hints)
    return str(caught.value)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (SEED, "text"),
        (PAGES / "article.html", "html"),
        (PAGES / "home.html", "html"),
        (PAGES / "feed.rss", "feed"),
        (PAGES / "feed.atom", "feed"),
        (NINJS / "item_1x.json", "ninjs"),
        (NINJS / "items_2x.json", "ninjs"),
    ],
)
def test_the_bytes_decide_the_format_whatever_the_label(path: Path, expected: str) -> None:
    data = path.read_bytes()
    assert detect_format(data) == expected
    assert detect_format(data, filename="misnamed.txt", content_type="text/plain") == expected


def test_the_seed_format_reads_exactly_as_before() -> None:
    document = read_document(SEED.read_bytes(), filename=SEED.name)
    (item,) = document.items
    assert document.format == "text"
    assert item.origin == SEED.name
    assert item.article == parse_article(SEED.read_bytes())


def test_a_web_page_is_known_by_its_canonical_url() -> None:
    document = read_document(
        (PAGES / "article.html").read_bytes(),
        filename="saved.html",
        url="https://harbourgazette.example/x?utm=1",
    )
    assert document.items[0].origin == (
        "https://harbourgazette.example/world/2026/03/04/port-strike-baltic"
    )


def test_a_saved_page_without_an_address_is_known_by_its_metadata_url() -> None:
    data = (PAGES / "article.html").read_bytes().replace(b'<link rel="canonical"', b"<link rel=x")
    document = read_document(data, filename="saved.html")
    assert document.items[0].origin == (
        "https://harbourgazette.example/world/2026/03/04/port-strike-baltic"
    )


def test_a_ninjs_list_reports_each_item_and_names_items_without_a_uri() -> None:
    data = (
        (NINJS / "items_2x.json")
        .read_bytes()
        .replace(b'"uri": "urn:newsml:wire.example:20260306:ferry-photo",', b"")
    )
    document = read_document(data, filename="wire.json")
    assert [(i.origin, i.article is not None) for i in document.items] == [
        ("urn:newsml:wire.example:20260306:ferry-fire-update", True),
        ("wire.json#2", False),
        ("urn:newsml:wire.example:20260306:advisory", False),
    ]


def test_a_single_ninjs_item_without_a_body_is_rejected_whole() -> None:
    data = b'{"uri": "urn:x", "type": "text", "versioncreated": "2026-03-06T09:15:00Z"}'
    assert _reason(data) == (
        "no body: the ninjs item has no body_text, body_html or bodies with text"
    )


def test_a_feed_returns_its_items_for_the_caller_to_fetch() -> None:
    document = read_document((PAGES / "feed.atom").read_bytes(), url="https://n.example/f")
    assert document.format == "feed"
    assert document.items == ()
    assert document.feed is not None and len(document.feed.items) == 2


@pytest.mark.parametrize(
    ("data", "hints", "reason"),
    [
        (b"", {}, "empty file: it is 0 bytes long"),
        (
            b"%PDF-1.7\n...",
            {"filename": "story.pdf"},
            "wrong type of file: it looks like a PDF document; we read the seeds' text format, "
            "an HTML page, an RSS or Atom feed, or IPTC ninjs JSON",
        ),
        (
            b"PK\x03\x04...",
            {"filename": "story.docx"},
            "wrong type of file: it looks like a ZIP archive (for example a .docx file); we read "
            "the seeds' text format, an HTML page, an RSS or Atom feed, or IPTC ninjs JSON",
        ),
        (
            b'<?xml version="1.0"?><nitf><body/></nitf>',
            {"filename": "story.xml"},
            "wrong type of file: XML whose root element <nitf> is neither RSS nor Atom; we read "
            "the seeds' text format, an HTML page, an RSS or Atom feed, or IPTC ninjs JSON",
        ),
        (
            b"Just some notes without a header.",
            {"filename": "notes.txt"},
            "no date header: the first line must start with ' date YYYY-MM-DD '",
        ),
        (
            b"Just some notes without a header.",
            {"filename": "story.json"},
            "not JSON: Expecting value: line 1 column 1 (char 0)",
        ),
        (
            b"Just some notes without a header.",
            {"content_type": "application/rss+xml"},
            "not a feed: the file is not XML (RSS or Atom starts with '<')",
        ),
        (
            b"Just some notes without a header.",
            {"content_type": "text/html; charset=utf-8"},
            "not a web page: the file has no HTML markup",
        ),
    ],
)
def test_a_file_of_the_wrong_type_gets_a_precise_reason(
    data: bytes, hints: dict[str, str], reason: str
) -> None:
    assert _reason(data, **hints) == reason


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=600),
        st.sampled_from(
            [b"<", b"{", b"[", b"<?xml ", b"<rss>", b"<html>", b" date 2026-01-01 "]
        ).flatmap(lambda start: st.binary(max_size=400).map(lambda rest: start + rest)),
    ),
    st.sampled_from(["", "a.txt", "a.html", "a.json", "a.rss"]),
)
def test_any_bytes_raise_only_parse_error(data: bytes, filename: str) -> None:
    try:
        document = read_document(data, filename=filename)
    except ParseError as err:
        assert str(err)
    else:
        assert document.format in ("text", "html", "ninjs", "feed")
