"""Highlighting helpers: escape each piece, then wrap; overlaps become segments (no database)."""

from __future__ import annotations

from types import SimpleNamespace

from factcheck.web.highlight import (
    MARK_START,
    MARK_STOP,
    Span,
    highlighted_paragraphs,
    mark_terms,
    paragraph_offsets,
    placed_spans,
    quote_in_context,
    render_marked,
)


def _claim(pk, start, end, exact):
    return SimpleNamespace(
        pk=pk, start=start, end=end, exact=exact, get_absolute_url=lambda: f"/claims/{pk}/"
    )


def test_paragraphs_fall_back_to_blank_lines_when_offsets_are_missing():
    assert paragraph_offsets("One.\n\nTwo.\n \nThree.", []) == [(0, 4), (6, 10), (13, 19)]


def test_a_claim_whose_offsets_no_longer_match_its_quote_is_not_placed():
    body = "Alpha beta gamma."
    good, moved = _claim(1, 0, 5, "Alpha"), _claim(2, 6, 10, "delta")
    spans, unplaced = placed_spans(body, [good, moved])
    assert [s.claim_id for s in spans] == [1]
    assert unplaced == [moved]


def test_a_claim_across_two_paragraphs_is_highlighted_in_both():
    body = "One two.\n\nThree four."
    html = highlighted_paragraphs(body, [[0, 8], [10, 21]], [Span(7, 4, 15, "/claims/7/")])
    assert html == (
        '<p>One <a class="hl" href="/claims/7/" data-claims="7">two.</a></p>\n'
        '<p><a class="hl" href="/claims/7/" data-claims="7">Three</a> four.</p>'
    )


def test_nested_claims_link_to_the_innermost_and_carry_every_id():
    body = "a <b> c"
    spans = [Span(1, 0, 7, "/claims/1/"), Span(2, 2, 5, "/claims/2/")]
    html = highlighted_paragraphs(body, [], spans)
    assert html == (
        '<p><a class="hl" href="/claims/1/" data-claims="1">a </a>'
        '<a class="hl hl-overlap" href="/claims/2/" data-claims="1 2">&lt;b&gt;</a>'
        '<a class="hl" href="/claims/1/" data-claims="1"> c</a></p>'
    )


def test_quote_in_context_escapes_and_marks_the_span():
    body = "Before.\n\nHe said <i>this</i> today.\n\nAfter."
    start = body.index("<i>")
    html = quote_in_context(body, [], start, start + len("<i>this</i>"))
    assert html == "He said <mark>&lt;i&gt;this&lt;/i&gt;</mark> today."


def test_search_marks_become_mark_elements_and_everything_else_is_escaped():
    text = f"<b>{MARK_START}Donetsk{MARK_STOP}</b> & {MARK_STOP}stray"
    assert render_marked(text) == "&lt;b&gt;<mark>Donetsk</mark>&lt;/b&gt; &amp; stray"


def test_mark_terms_cuts_a_window_around_the_first_match():
    text = "x" * 300 + " Donetsk " + "y" * 300
    marked = mark_terms(text, ["donetsk"], width=40)
    assert f"{MARK_START}Donetsk{MARK_STOP}" in marked
    assert marked.startswith("…") and marked.endswith("…")
    assert len(marked) < 50
