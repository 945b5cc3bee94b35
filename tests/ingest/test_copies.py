"""Copies of one wire story are recognised however outlets edit them; other stories are not."""

from __future__ import annotations

import pytest

from factcheck.ingest.copies import (
    MIN_SHARED_KEYS,
    SLOTS,
    CopyFingerprint,
    copies_among,
    copy_fingerprint,
    copy_score,
)
from factcheck.ingest.parser import parse_article
from factcheck.ingest.webpage import parse_html
from tests.ingest.copy_pairs import HERE, Pair, base_texts, labelled_pairs


@pytest.fixture(scope="module")
def pairs() -> list[Pair]:
    return labelled_pairs()


def _shared_keys(a: CopyFingerprint, b: CopyFingerprint) -> int:
    return len(set(a.keys) & set(b.keys))


def test_the_pair_set_has_copies_and_same_event_stories(pairs: list[Pair]) -> None:
    hows = {p.how for p in pairs}
    assert {"hand-edited copy", "same event, different story", "copy vs same-event story"} <= hows
    assert sum(p.is_copy for p in pairs) >= 90
    assert sum(not p.is_copy for p in pairs) >= 300


def test_precision_and_recall_are_at_least_095_on_the_pair_set(pairs: list[Pair]) -> None:
    found = [copy_score(copy_fingerprint(p.text_a), copy_fingerprint(p.text_b)) for p in pairs]
    true_positives = sum(s.is_copy and p.is_copy for s, p in zip(found, pairs, strict=True))
    predicted = sum(s.is_copy for s in found)
    actual = sum(p.is_copy for p in pairs)
    assert true_positives / predicted >= 0.95
    assert true_positives / actual >= 0.95


def test_every_copy_is_a_lookup_candidate(pairs: list[Pair]) -> None:
    # The key lookup must not lose a copy before it is scored.
    for pair in pairs:
        if pair.is_copy:
            a, b = copy_fingerprint(pair.text_a), copy_fingerprint(pair.text_b)
            assert _shared_keys(a, b) >= MIN_SHARED_KEYS, (pair.a, pair.b, pair.how)


def test_an_uncredited_copy_of_an_ap_story_is_a_copy() -> None:
    regional = (HERE / "copies" / "edited_port_strike_regional.txt").read_bytes()
    uncredited = parse_article(regional)
    credited = parse_html((HERE / "pages" / "article.html").read_bytes())
    assert (credited.wire_agency, uncredited.wire_agency) == ("AP", "")
    score = copy_score(copy_fingerprint(credited.body), copy_fingerprint(uncredited.body))
    assert score.is_copy
    assert score.containment > 0.6


def test_another_outlets_page_running_the_same_wire_copy_is_a_copy() -> None:
    texts = base_texts()
    score = copy_score(
        copy_fingerprint(texts["page:article"]), copy_fingerprint(texts["page:wire_copy"])
    )
    assert score.is_copy
    assert score.containment > 0.9


def test_a_different_story_on_the_same_event_is_not_a_copy() -> None:
    texts = base_texts()
    score = copy_score(
        copy_fingerprint(texts["page:article"]),
        copy_fingerprint(texts["same_event_port_strike"]),
    )
    assert not score.is_copy
    assert score.containment < 0.2


def test_a_shared_quote_alone_is_not_a_copy() -> None:
    quote = (
        '"We have been patient for two years while prices went up and our pay did not," '
        "the union leader said."
    )
    story = base_texts()["page:article"]
    assert not copy_score(copy_fingerprint(quote), copy_fingerprint(story)).is_copy


def test_typography_does_not_count() -> None:
    text = "The minister’s “final” offer — 7% — was rejected, officials said on Tuesday night."
    plain = 'the minister\'s "final" offer - 7% - was REJECTED officials said on tuesday night'
    assert copy_fingerprint(text) == copy_fingerprint(plain)


def test_the_fingerprint_round_trips_through_text() -> None:
    fingerprint = copy_fingerprint(base_texts()["seed:000"])
    stored = fingerprint.as_text()
    assert len(stored) < 800
    assert CopyFingerprint.from_text(stored) == fingerprint


@pytest.mark.parametrize("damaged", ["m0:1:AAAA", "m1:12:AAAA", "m1:12:not base64!", "m1"])
def test_a_damaged_stored_fingerprint_raises_value_error(damaged: str) -> None:
    with pytest.raises(ValueError):
        CopyFingerprint.from_text(damaged)


def test_keys_fit_a_signed_64_bit_column_and_name_their_bin() -> None:
    fingerprint = copy_fingerprint(base_texts()["seed:003"])
    assert len(fingerprint.keys) == sum(v is not None for v in fingerprint.minimums) <= SLOTS
    assert all(0 <= key < 2**63 for key in fingerprint.keys)
    assert len({key >> 56 for key in fingerprint.keys}) == len(fingerprint.keys)


def test_an_empty_text_is_no_ones_copy() -> None:
    empty = copy_fingerprint("")
    assert empty.shingles == 0 and empty.keys == ()
    assert not copy_score(empty, copy_fingerprint(base_texts()["seed:000"])).is_copy


def test_copies_among_ranks_the_copies_of_a_text() -> None:
    texts = base_texts()
    new = copy_fingerprint(texts["page:wire_copy"])
    candidates = [(name, copy_fingerprint(text)) for name, text in texts.items()]
    assert [name for name, _ in copies_among(new, candidates)][:1] == ["page:wire_copy"]
    assert {name for name, _ in copies_among(new, candidates)} == {
        "page:wire_copy",
        "page:article",
        "edited_port_strike_regional",
    }
