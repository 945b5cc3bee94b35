"""Claim spans in an article's text: which spans still stand at their offsets, and the text cut
into segments at every span edge, each with the spans covering it.

Overlapping and nested spans become a flat run of segments, so a renderer wraps each segment
once per covering span (or once for all of them) and never needs crossing markup. Plain Python:
a span is anything with `start` and `end` offsets (code points, end excluded).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar


class Spanned(Protocol):
    start: int
    end: int


class Quoted(Spanned, Protocol):
    exact: str


S = TypeVar("S", bound=Spanned)
Q = TypeVar("Q", bound=Quoted)


@dataclass(frozen=True)
class Segment(Generic[S]):
    """[start, end) of the text and the spans covering all of it, in the order they were given."""

    start: int
    end: int
    spans: tuple[S, ...]


def span_fits(text: str, span: Quoted) -> bool:
    """Whether the span lies inside the text and its offsets still point at its quote."""
    return 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.exact


def place_spans(text: str, spans: Iterable[Q]) -> tuple[list[Q], list[Q]]:
    """The spans that fit the text and the ones that do not, each in the order given."""
    placed, unplaced = [], []
    for span in spans:
        (placed if span_fits(text, span) else unplaced).append(span)
    return placed, unplaced


def cut_segments(start: int, end: int, spans: Sequence[S]) -> list[Segment[S]]:
    """Cut [start, end) at every span edge inside it; each segment lists the spans covering it."""
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = {start, end}
    for span in inside:
        cuts.update(edge for edge in (span.start, span.end) if start < edge < end)
    edges = sorted(cuts)
    return [
        Segment(a, b, tuple(s for s in inside if s.start <= a and s.end >= b))
        for a, b in zip(edges, edges[1:], strict=False)
    ]


def sentence_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or at least the paragraph part) around a span."""
    stop = body.rfind(". ", 0, start)
    left = max(stop + 2 if stop != -1 else 0, body.rfind("\n", 0, start) + 1)
    stops = [i for i in (body.find(". ", end), body.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(body)
    if body[right - 1 : right] == "\n":
        right -= 1
    return left, max(right, end)
