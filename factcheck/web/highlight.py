"""Article text with claims highlighted: escape every piece of the text, then wrap it.

The body is cut at every paragraph edge and every claim edge. Each segment between two cuts is
escaped on its own and, when claims cover it, wrapped in a link carrying the ids of all of them,
so overlapping and nested claims need no nested markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from factcheck.ledger.spans import cut_segments, place_spans

# Search engines mark matches with these; they never occur in newsroom copy.
MARK_START = "\ue000"
MARK_STOP = "\ue001"
_MARKED = re.compile(f"{MARK_START}(.*?){MARK_STOP}", re.DOTALL)


@dataclass(frozen=True)
class Span:
    """Where one claim sits in the body, and where its page is."""

    claim_id: int
    start: int
    end: int
    url: str


def paragraph_offsets(
    body: str, paragraphs: Sequence[Sequence[int]] | None
) -> list[tuple[int, int]]:
    """The [start, end) of each paragraph: the stored offsets, else blank-line splitting."""
    stored = [
        (int(p[0]), int(p[1]))
        for p in paragraphs or ()
        if len(p) == 2 and 0 <= int(p[0]) < int(p[1]) <= len(body)
    ]
    if stored:
        return sorted(stored)
    offsets, pos = [], 0
    for match in re.finditer(r"\n\s*\n", body):
        if body[pos : match.start()].strip():
            offsets.append((pos, match.start()))
        pos = match.end()
    if body[pos:].strip():
        offsets.append((pos, len(body)))
    return offsets


def placed_spans(body: str, claims: Iterable) -> tuple[list[Span], list]:
    """Claims whose offsets still point at their quote, and the ones that do not."""
    placed, unplaced = place_spans(body, claims)
    return [Span(c.pk, c.start, c.end, c.get_absolute_url()) for c in placed], unplaced


def _piece_html(text: str, covering: Sequence[Span]) -> SafeString:
    if not covering:
        return format_html("{}", text)
    # Without JavaScript the piece links to the most specific (shortest) claim covering it.
    target = min(covering, key=lambda s: (s.end - s.start, s.claim_id))
    ids = " ".join(str(s.claim_id) for s in sorted(covering, key=lambda s: s.claim_id))
    css = "hl hl-overlap" if len(covering) > 1 else "hl"
    return format_html(
        '<a class="{}" href="{}" data-claims="{}">{}</a>', css, target.url, ids, text
    )


def highlighted_paragraphs(
    body: str, paragraphs: Sequence[Sequence[int]] | None, spans: Sequence[Span]
) -> SafeString:
    """The body as <p> elements, every piece escaped, claim pieces wrapped in links."""
    html = []
    for p_start, p_end in paragraph_offsets(body, paragraphs):
        pieces = format_html_join(
            "",
            "{}",
            (
                (_piece_html(body[s.start : s.end], s.spans),)
                for s in cut_segments(p_start, p_end, spans)
            ),
        )
        html.append(format_html("<p>{}</p>", pieces))
    return format_html_join("\n", "{}", ((p,) for p in html))


def quote_in_context(
    body: str, paragraphs: Sequence[Sequence[int]] | None, start: int, end: int
) -> SafeString:
    """The paragraph(s) around [start, end) with that span in <mark>, escaped."""
    around = [(a, b) for a, b in paragraph_offsets(body, paragraphs) if a < end and b > start]
    if not around or not (0 <= start < end <= len(body)):
        return format_html("")
    a, b = around[0][0], around[-1][1]
    return format_html(
        "{}<mark>{}</mark>{}", body[a:start] if a <= start else "", body[start:end], body[end:b]
    )


def render_marked(text: str) -> SafeString:
    """Escape text whose matches are wrapped in MARK_START/MARK_STOP, turning them into <mark>."""
    parts, pos = [], 0
    for match in _MARKED.finditer(text):
        parts.append(format_html("{}", _strip_marks(text[pos : match.start()])))
        parts.append(format_html("<mark>{}</mark>", _strip_marks(match.group(1))))
        pos = match.end()
    parts.append(format_html("{}", _strip_marks(text[pos:])))
    return format_html_join("", "{}", ((p,) for p in parts))


def _strip_marks(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_STOP, "")


def mark_terms(text: str, terms: Sequence[str], *, width: int | None = None) -> str:
    """Wrap each case-insensitive occurrence of the terms; `width` cuts a window at the first."""
    words = [t for t in terms if t]
    if not words:
        if width is None or len(text) <= width:
            return text
        return text[:width] + "…"
    pattern = re.compile("|".join(re.escape(t) for t in sorted(words, key=len, reverse=True)), re.I)
    if width is not None:
        first = pattern.search(text)
        centre = first.start() if first else 0
        a = max(0, centre - width // 2)
        b = min(len(text), a + width)
        text = ("…" if a else "") + text[a:b] + ("…" if b < len(text) else "")
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_STOP}", text)
