"""The vocabulary files in factcheck/extract/data: they load, are well formed and ship."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from factcheck.extract import bodies, build_name_data, statements, vocabulary

ROOT = Path(__file__).resolve().parents[2]
DATA = files("factcheck.extract").joinpath("data")
KINDS = {"person", "organisation", "government", "armed_group"}


@pytest.mark.parametrize(
    "name",
    [
        "reporting_verbs.txt",
        "titles.txt",
        "organisation_words.txt",
        "well_known_bodies.txt",
        "countries.txt",
        "not_actor_words.txt",
        "place_words.txt",
        "speaker_nouns.txt",
        "post_nouns.txt",
        "given_names.txt",
        "party_labels.txt",
        "legislatures.txt",
        "not_name_words.txt",
        "legal_forms.txt",
        "person_nouns.txt",
        "world_given_names.txt",
        "demonyms.txt",
        "places.txt",
        "place_nouns_after.txt",
        "named_before.txt",
        "thing_after.txt",
        "body_descriptions.txt",
    ],
)
def test_each_file_has_unique_non_blank_entries(name):
    entries = vocabulary.data_lines(name)
    assert entries, name
    assert len(entries) == len(set(entries)), [e for e in entries if entries.count(e) > 1]
    assert all(e == e.strip() and "\t" not in e for e in entries)


def test_the_files_ship_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["factcheck.extract"]
    assert "data/*.txt" in patterns
    shipped = {p.name for p in DATA.iterdir() if p.name.endswith(".txt")}
    assert {"reporting_verbs.txt", "titles.txt", "countries.txt"} <= shipped


def test_tables_have_their_columns_and_known_kinds():
    assert set(bodies.ORGANISATION_WORDS.values()) <= KINDS
    assert all(kind in KINDS for _name, kind in bodies.WELL_KNOWN.values())
    assert all(country for country in bodies.COUNTRIES.values())
    assert set(statements.SPEAKER_NOUNS.values()) == {"person", "body", "organisation", "named"}
    for row in vocabulary.data_table("well_known_bodies.txt"):
        assert len(row) == 3, row
    for row in vocabulary.data_table("countries.txt"):
        assert len(row) == 2, row


def test_the_reporting_verbs_are_verbs_not_nouns():
    verbs = vocabulary.SPEECH_VERBS
    assert {"said", "reaffirmed", "recalled", "indicated", "called for", "warned"} <= verbs
    # "States" is more often the noun ("member states") than the verb.
    assert "states" not in verbs
    assert "forecast" not in verbs


def test_titles_and_capitals_are_read_from_the_files():
    assert "Mr" in vocabulary.TITLES and "Prime Minister" in vocabulary.TITLES
    assert bodies.COUNTRIES["Washington"] == "United States"
    assert bodies.COUNTRIES["Kremlin"] == "Russia"
    assert bodies.WELL_KNOWN["UN"] == ("United Nations", "organisation")


def test_post_nouns_are_read_from_their_file_and_name_a_body():
    assert "executive" in vocabulary.data_lines("post_nouns.txt")
    assert bodies._POST_OF_BEFORE.search("the chief executive of ")
    assert bodies._POST_OF_BEFORE.search("a manager at ")
    assert not bodies._POST_OF_BEFORE.search("the son of ")


def test_given_names_party_labels_and_legislatures_are_read_from_their_files():
    assert {"Margaret", "James", "Luis"} <= bodies.GIVEN_NAMES
    # Months and places that are also given names are left out.
    assert not {"May", "June", "Jordan", "Georgia"} & bodies.GIVEN_NAMES
    assert {"Republican", "Democrat", "Labour"} <= bodies.PARTY_LABELS
    assert bodies.LEGISLATURES["House"] is True  # only "the House"
    assert bodies.LEGISLATURES["Congress"] is False
    for row in vocabulary.data_table("legislatures.txt", ""):
        assert len(row) == 2 and row[1] in ("the", "-"), row


def test_the_new_head_nouns_make_organisations():
    for word in ("Administration", "Museum", "Press", "Therapeutics", "Police"):
        assert bodies.ORGANISATION_WORDS[word] == "organisation"


def test_the_name_lists_are_cleaned_and_marked_as_written_by_their_script():
    assert build_name_data._clean({" Paris ", "USA", "A1", "Côte d'Ivoire"}) == [
        "Côte d'Ivoire",
        "Paris",
    ]
    for name in ("places.txt", "demonyms.txt", "world_given_names.txt", "legal_forms.txt"):
        first = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Written by factcheck/extract/build_name_data.py"), name


def _top_level_bars(entry: str) -> int:
    depth = bars = 0
    for char in entry:
        depth += {"(": 1, ")": -1}.get(char, 0)
        bars += char == "|" and depth == 0
    return bars


@pytest.mark.parametrize(
    "name",
    ["place_nouns_after.txt", "named_before.txt", "thing_after.txt", "body_descriptions.txt"],
)
def test_the_proper_name_word_lists_hold_one_alternative_a_line(name):
    """The rules join these entries into one alternation: each must compile alone and be one
    alternative (a bar outside brackets would let it swallow its neighbours)."""
    assert _top_level_bars("a|b") == 1 and _top_level_bars("(?:a|b)?maker") == 0
    for entry in vocabulary.data_lines(name):
        re.compile(entry)
        assert _top_level_bars(entry) == 0, entry


def test_the_proper_name_rules_read_their_word_lists():
    from factcheck.extract import propernames

    assert propernames._PLACE_NOUN_AFTER.search(" and Poltava regions")
    assert propernames._NAMED_BEFORE.search("sold under the brand ")
    assert propernames._THING_AFTER.match(" variant")
    assert propernames._BODY_APPOSITIVE.match(", a French engine maker,")
