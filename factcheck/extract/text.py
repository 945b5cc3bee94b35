"""Splitting an article body into paragraphs and sentences, and finding quoted stretches."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_QUOTES = '“"'
CLOSE_QUOTES = '”"'
APOSTROPHE = "['’]"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_QUOTE_MARK = re.compile(r"[“”\"]")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "adm",
        "sgt",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "st",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "etc",
        "u.s",
        "u.n",
        "u.k",
        "e.g",
        "i.e",
        "approx",
        "est",
    ]
)
_SENTENCE_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+[“\"‘(\[A-Z0-9])")


@dataclass(frozen=True)
class Span:
    """A stretch of the text: paragraph, sentence or quotation."""

    start: int
    end: int


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans (separated by blank lines), without surrounding whitespace."""
    spans = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append(_strip(text, pos, match.start()))
        pos = match.end()
    spans.append(_strip(text, pos, len(text)))
    return [s for s in spans if s.end > s.start]


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def quotes(text: str, para: Span) -> tuple[list[Span], bool]:
    """Quoted stretches (inside the marks) of one paragraph, and whether one is left open.

    Curly marks pair by direction; straight double quotes toggle. A paragraph that opens a
    quote without closing it continues in the next paragraph (wire style), so whether one
    is left open is returned for the statement finder.
    """
    spans: list[Span] = []
    opened: int | None = None
    for m in _QUOTE_MARK.finditer(text, para.start, para.end):
        ch = m.group(0)
        i = m.start()
        if ch == "“" or (ch == '"' and opened is None):
            if opened is None:
                opened = i + 1
        elif opened is not None:
            spans.append(Span(opened, i))
            opened = None
    if opened is not None:
        spans.append(Span(opened, para.end))
        return spans, True
    return spans, False


def sentences(text: str, para: Span, quoted: list[Span]) -> list[Span]:
    """Sentence spans of a paragraph; never split inside a quotation."""
    result = []
    start = para.start
    for match in _SENTENCE_END.finditer(text, para.start, para.end):
        end = match.end()
        if _inside(match.start(), quoted) and not _closes_quote(text, match):
            continue
        word = re.search(r"([\w.]+)\.$", text[max(start, match.start() - 12) : match.start() + 1])
        if word and text[match.start()] == "." and _is_abbreviation(word.group(1)):
            continue
        result.append(Span(start, end))
        start = end
        while start < para.end and text[start].isspace():
            start += 1
    if start < para.end:
        result.append(Span(start, para.end))
    return result


def _closes_quote(text: str, match: re.Match[str]) -> bool:
    return any(c in '”"' for c in match.group(0))


def _is_abbreviation(word: str) -> bool:
    lowered = word.lower().rstrip(".")
    # Single capital initials ("J. Smith") are abbreviations too.
    return lowered in _ABBREVIATIONS or (len(lowered) == 1 and word[0].isupper())


def _inside(pos: int, spans: list[Span]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def inside_any(pos: int, spans: list[Span]) -> bool:
    """Whether a position lies inside one of the spans."""
    return _inside(pos, spans)


def trie_pattern(words: list[str], piece=re.escape) -> str:
    """One regex alternation for many literals, factored by common prefix (much faster to scan)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie, piece)


def _trie_regex(node: dict, piece) -> str:
    ends = "" in node
    branches = [piece(ch) + _trie_regex(child, piece) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body
