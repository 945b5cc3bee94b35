"""Turn one seed-format article file into clean text and metadata.

The seed format: the first line starts with ` date YYYY-MM-DD ` and the first
paragraph continues on that line; paragraphs are separated by blank lines.
"""

from __future__ import annotations

import datetime
import re

from factcheck.ingest.article import ParsedArticle, ParseError, article_assemble
from factcheck.ingest.decoding import decode_text

_HEADER = re.compile(r"(?i:date)[^\S\n]+(?P<token>\S+)(?:[^\S\n]+|(?=\n)|$)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*\n)+")

NO_DATE_HEADER = "no date header: the first line must start with ' date YYYY-MM-DD '"


def parse_article(data: bytes, *, filename: str = "") -> ParsedArticle:
    """Parse one seed-format article file; raise ParseError with a precise reason.

    filename is accepted for the caller's convenience and does not change the
    result: the bytes alone decide, so the same text always parses the same way.
    """
    text, encoding, warnings = decode_text(data)
    published, rest = _read_header(text)
    originals = [p.strip() for p in _PARAGRAPH_BREAK.split(rest)]
    originals = [p for p in originals if p]
    if not originals:
        raise ParseError("no article text: the date header is followed by nothing")
    return article_assemble(
        originals, published=published, encoding=encoding, warnings=tuple(warnings)
    )


def looks_like_seed_format(text: str) -> bool:
    """Say whether text starts with the seed format's date header."""
    return _HEADER.match(text.lstrip()) is not None


def _read_header(text: str) -> tuple[datetime.date, str]:
    """Read the date header; return (date, the text after it)."""
    text = text.lstrip()
    match = _HEADER.match(text)
    if not match:
        raise ParseError(NO_DATE_HEADER)
    token = match.group("token")
    if not _ISO_DATE.fullmatch(token):
        raise ParseError(f"bad date header: {token!r} is not a date in the form YYYY-MM-DD")
    try:
        published = datetime.date.fromisoformat(token)
    except ValueError:
        raise ParseError(f"{token} is not a valid date") from None
    return published, text[match.end() :]
