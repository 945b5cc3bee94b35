"""Turning an article file into clean text and metadata (plain Python, no Django)."""

from __future__ import annotations

from factcheck.ingest.article import (
    FORMATS,
    SET_ASIDE_KINDS,
    ParsedArticle,
    ParseError,
    SetAside,
)
from factcheck.ingest.decoding import MAX_BYTES
from factcheck.ingest.parser import parse_article

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "SET_ASIDE_KINDS",
    "ParseError",
    "ParsedArticle",
    "SetAside",
    "parse_article",
]
