"""Turning an article file into clean text and metadata (plain Python, no Django)."""

from __future__ import annotations

from factcheck.ingest.parser import (
    MAX_BYTES,
    SET_ASIDE_KINDS,
    ParsedArticle,
    ParseError,
    SetAside,
    parse_article,
)

__all__ = [
    "MAX_BYTES",
    "SET_ASIDE_KINDS",
    "ParseError",
    "ParsedArticle",
    "SetAside",
    "parse_article",
]
