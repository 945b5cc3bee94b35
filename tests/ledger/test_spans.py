"""Spans in a text: placing them, cutting the text into covered segments (no database)."""

from __future__ import annotations

from types import SimpleNamespace

from factcheck.ledger.spans import Segment, cut_segments, place_spans, span_fits


def _span(name, start, end, exact=""):
    return SimpleNamespace(name=name, start=start, end=end, exact=exact)


def test_a_span_fits_only_where_its_offsets_still_point_at_its_quote():
    text = "Alpha beta gamma."
    assert span_fits(text, _span("a", 0, 5, "Alpha"))
    assert not span_fits(text, _span("b", 6, 10, "delta"))
    assert not span_fits(text, _span("c", 12, 40, "gamma."))
    assert not span_fits(text, _span("d", 5, 5, ""))


def test_placing_keeps_the_given_order_on_both_sides():
    text = "Alpha beta gamma."
    gamma, moved, alpha = (
        _span("g", 11, 16, "gamma"),
        _span("m", 0, 4, "Beta"),
        _span("a", 0, 5, "Alpha"),
    )
    assert place_spans(text, [gamma, moved, alpha]) == ([gamma, alpha], [moved])


def test_overlapping_spans_cut_the_text_into_segments_listing_every_cover():
    outer, inner = _span("outer", 2, 9), _span("inner", 5, 12)
    assert [
        (s.start, s.end, [x.name for x in s.spans]) for s in cut_segments(0, 14, [outer, inner])
    ] == [
        (0, 2, []),
        (2, 5, ["outer"]),
        (5, 9, ["outer", "inner"]),
        (9, 12, ["inner"]),
        (12, 14, []),
    ]


def test_a_span_reaching_past_the_range_is_cut_at_its_edges():
    across = _span("across", 4, 15)
    assert cut_segments(10, 20, [across]) == [
        Segment(10, 15, (across,)),
        Segment(15, 20, ()),
    ]
    assert cut_segments(0, 4, [across]) == [Segment(0, 4, ())]


def test_an_empty_range_has_no_segments():
    assert cut_segments(3, 3, [_span("a", 0, 5)]) == []
