"""IPTC ninjs items (1.x and 2.x field names) become articles; bad items get a reason."""

from __future__ import annotations

import datetime
import json

import pytest

from factcheck.ingest import ParseError
from factcheck.ingest.ninjs import ninjs_items, parse_ninjs_item
from tests.ingest.conftest import NINJS


def _items(name: str):
    return ninjs_items((NINJS / name).read_bytes())


def _reason(data: bytes) -> str:
    with pytest.raises(ParseError) as caught:
        ninjs_items(data)
    return str(caught.value)


def test_it_reads_a_1x_item() -> None:
    (item,) = _items("item_1x.json")
    article = item.article
    assert article is not None and item.error == ""
    assert item.identifier == "http://wire.example/newsitems/20260305-ferry-fire"
    assert article.format == "ninjs"
    assert article.identifier == item.identifier
    assert article.headline == "Ferry fire forces evacuation of 300 passengers off Norway's coast"
    assert article.byline == "Henrik Solberg"
    # The first publication, not the later version, dates the article.
    assert article.published_at == datetime.datetime(2026, 3, 5, 13, 55, tzinfo=datetime.UTC)
    assert article.published == datetime.date(2026, 3, 5)
    # body_html is preferred to body_text: it keeps the paragraph breaks and the dateline.
    assert len(article.paragraphs) == 5
    assert article.body.startswith("BERGEN, Norway (AFP) - Three hundred passengers")
    assert article.wire_agency == "AFP"


def test_it_reads_a_2x_list_item_by_item() -> None:
    story, picture, advisory = _items("items_2x.json")
    assert story.article is not None
    assert story.article.headline == "Investigators board fire-damaged Norwegian ferry"
    assert story.article.byline == "Ingrid Aas, dpa"
    assert story.article.published_at == datetime.datetime(
        2026, 3, 6, 8, 40, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )
    assert len(story.article.paragraphs) == 4
    # No credit in the text: the agency comes from copyrightholder / infosource.
    assert story.article.wire_agency == "dpa"
    assert (picture.article, picture.error) == (
        None,
        "no article text: the ninjs item is a picture, not text",
    )
    assert (advisory.article, advisory.error) == (
        None,
        "no body: the ninjs item has no body_text, body_html or bodies with text",
    )
    assert [i.identifier for i in (story, picture, advisory)] == [
        "urn:newsml:wire.example:20260306:ferry-fire-update",
        "urn:newsml:wire.example:20260306:ferry-photo",
        "urn:newsml:wire.example:20260306:advisory",
    ]


def test_body_text_alone_splits_into_paragraphs_on_line_breaks() -> None:
    item = json.loads((NINJS / "item_1x.json").read_text())
    del item["body_html"]
    article = parse_ninjs_item(item)
    assert len(article.paragraphs) == 2
    # Without a credit in the text the copyright holder names the agency.
    assert article.wire_agency == "AFP"


def test_the_same_item_twice_has_the_same_hash_and_a_new_version_keeps_its_date() -> None:
    item = json.loads((NINJS / "item_1x.json").read_text())
    first = parse_ninjs_item(item)
    item["versioncreated"] = "2026-03-05T18:00:00Z"
    assert parse_ninjs_item(item).content_hash == first.content_hash
    item["body_html"] = item["body_html"].replace("42 crew", "43 crew")
    assert parse_ninjs_item(item).content_hash != first.content_hash


def test_an_item_without_a_date_is_rejected() -> None:
    item = json.loads((NINJS / "item_1x.json").read_text())
    del item["versioncreated"], item["firstcreated"]
    with pytest.raises(ParseError) as caught:
        parse_ninjs_item(item)
    assert str(caught.value) == (
        "no publication date: the ninjs item has no versioncreated or firstcreated"
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b"{not json",
            "not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        (b"[]", "no items: the ninjs list is empty"),
        (
            b'{"name": "a config file", "version": 3}',
            "not a ninjs item: the JSON object has "
            "none of uri, headline(s), body_text, body_html, bodies, versioncreated",
        ),
        (b"[1, 2, 3]", "not ninjs: none of the list's entries is a news item"),
        (b'"just a string"', "not ninjs: the JSON is neither an item nor a list of items"),
    ],
)
def test_files_that_are_not_ninjs_are_rejected(data: bytes, reason: str) -> None:
    assert _reason(data) == reason


def test_an_item_wrapped_in_an_api_envelope_is_read() -> None:
    item = json.loads((NINJS / "item_1x.json").read_text())
    (found,) = ninjs_items(json.dumps({"items": [item]}).encode())
    assert found.article is not None
