"""Properties of the engine on any text: no crash, valid spans, determinism, the output contract."""

from __future__ import annotations

import dataclasses
import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import KnownActor, suggest

TABLE = (
    KnownActor(1, "Ukraine", ("Kyiv",), "country"),
    KnownActor(5, "Volodymyr Zelensky", ("Zelensky", "the Ukrainian leader"), "person"),
    KnownActor(9, "O'Brien (x)", ("[*]", "a+b"), "person"),  # regex characters in aliases
)
WORDS = st.sampled_from(
    [
        "Mr",
        "Zelensky",
        "said",
        "“",
        "”",
        '"',
        "’s",
        ",",
        ".",
        "Overnight",
        "late",
        "Monday",
        "on",
        "Feb",
        "26",
        "almost",
        "400",
        "drones",
        "some",
        "420",
        "tens",
        "of",
        "thousands",
        "of",
        "people",
        "injuring",
        "nine",
        "Kyiv",
        "according",
        "to",
        "he",
        "told",
        "reporters",
        "20%",
        "a",
        "dozen",
        "750-mile",
        "the",
        "Ukrainian",
        "leader",
        "Kremlin",
        "spokesperson",
        "Dmitry",
        "Peskov",
        "\n\n",
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join))
DAY = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2090, 12, 31))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=DAY)
def test_it_never_crashes_and_spans_match_the_text(text, published):
    for s in suggest(text, published=published, actors=TABLE):
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.kind in ("actor", "statement", "figure", "date")


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, published=DAY)
def test_it_is_deterministic(text, published):
    first = [s.as_dict() for s in suggest(text, published=published, actors=TABLE)]
    second = [s.as_dict() for s in suggest(text, published=published, actors=TABLE)]
    assert first == second


@settings(max_examples=100, deadline=None)
@given(text=TEXTS)
def test_output_is_sorted(text):
    found = suggest(text, published=datetime.date(2026, 2, 17), actors=TABLE)
    keys = [(s.start, s.end, s.kind) for s in found]
    assert keys == sorted(keys)


REQUIRED = {
    "actor": {"actor", "role"},
    "statement": {"claimant"},
    "figure": {"quantity", "value", "bound"},
    "date": {"start_date", "end_date", "precision"},
}
SAMPLE = (
    "Overnight, Russia used almost 400 drones, according to Mr Zelensky.\n\n"
    "Kremlin spokesperson Dmitry Peskov said talks would continue on Wednesday."
)


def test_as_dict_follows_the_suggest_contract():
    found = suggest(SAMPLE, published=datetime.date(2026, 2, 17), actors=TABLE)
    assert {s.kind for s in found} == set(REQUIRED)
    for s in found:
        data = s.as_dict()
        assert {"kind", "start", "end", "text"} <= data.keys()
        assert REQUIRED[s.kind] <= data.keys()
        if s.kind == "date":
            datetime.date.fromisoformat(data["start_date"])


def test_keys_survive_a_shift_of_the_text_and_differ_between_suggestions():
    published = datetime.date(2026, 2, 17)
    before = suggest(SAMPLE, published=published, actors=TABLE)
    after = suggest("Updated.\n\n" + SAMPLE, published=published, actors=TABLE)
    assert [s.key for s in before] == [s.key for s in after if s.start >= len("Updated.\n\n")]
    assert len({s.key for s in before}) == len(before)
    moved = dataclasses.replace(before[0], start=before[0].start + 5)
    assert moved.key == before[0].key
