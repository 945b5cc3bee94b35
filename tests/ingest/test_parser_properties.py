"""Properties that hold for any input: only ParseError escapes, and offsets slice the body."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.ingest import ParsedArticle, ParseError, parse_article


def _check(article: ParsedArticle) -> None:
    paragraphs = [article.body[start:end] for start, end in article.paragraphs]
    assert "\n\n".join(paragraphs) == article.body
    assert all(p and p == p.strip() for p in paragraphs)
    assert len(article.title) <= 120
    assert len(article.content_hash) == 64


def _parse_or_reject(data: bytes) -> None:
    try:
        article = parse_article(data)
    except ParseError as err:
        assert str(err)
        return
    _check(article)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_parse_error(data: bytes) -> None:
    _parse_or_reject(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=500))
def test_arbitrary_bytes_after_a_valid_header_raise_only_parse_error(data: bytes) -> None:
    _parse_or_reject(b" date 2026-02-17 " + data)


# Text built from the pieces the rules look at, so the shape rules actually fire.
_PIECES = st.sampled_from(
    [
        "AFP",
        "AP",
        "Reuters",
        "dpa",
        "(",
        ")",
        "/",
        " via ",
        "Photo:",
        "READ MORE:",
        "Sign up",
        "newsletter",
        "(left)",
        "leaving",
        "GENEVA - ",
        "(Reuters) - ",
        ".",
        "“",
        "”",
        "’s",
        "ST",
        "The",
        "Mr",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\ufeff",
        "\xa0",
        "\u2028",
        "\x0c",
        "\x85",
        "é",
        "e\u0301",
        "<script>",
        "—",
        "…",
        "word",
        "Name",
    ]
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES | st.text(max_size=8), max_size=60))
def test_articles_built_from_shape_pieces_parse_consistently(pieces: list[str]) -> None:
    text = " date 2026-02-17 " + "".join(pieces)
    _parse_or_reject(text.encode("utf-8"))
    _parse_or_reject(text.encode("utf-8", errors="ignore").replace(b"\n", b"\r\n"))
