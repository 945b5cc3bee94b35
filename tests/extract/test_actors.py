"""Actor mentions: known actors by name, alias, title, possessive; new people with a role."""

from __future__ import annotations

from factcheck.extract import KnownActor
from tests.extract.helpers import run

UMEROV = KnownActor(8, "Rustem Umerov", (), "person", "Ukraine")
UKRAINE = KnownActor(1, "Ukraine", ("Kyiv",), "country")
RUSSIA = KnownActor(2, "Russia", ("Moscow", "the Kremlin"), "country")
US = KnownActor(3, "United States", ("US", "the United States", "Washington"), "country")
ZELENSKY = KnownActor(
    5, "Volodymyr Zelensky", ("Zelensky", "the Ukrainian leader"), "person", "Ukraine"
)
GRYNKEWICH = KnownActor(12, "Alexus Grynkewich", (), "person", "United States")
TABLE = (UMEROV, UKRAINE, RUSSIA, US, ZELENSKY, GRYNKEWICH)


def mentions(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.actor) for s in run(text, TABLE, kind="actor")]


def test_it_finds_a_derived_surname_with_and_without_title():
    assert mentions("Umerov arrived. Then Mr Umerov spoke.") == [
        ("Umerov", "Rustem Umerov"),
        ("Mr Umerov", "Rustem Umerov"),
    ]


def test_it_finds_military_titles_before_full_names_and_surnames():
    found = mentions("Gen Alexus Grynkewich will attend. Gen Grynkewich agreed.")
    assert found == [
        ("Gen Alexus Grynkewich", "Alexus Grynkewich"),
        ("Gen Grynkewich", "Alexus Grynkewich"),
    ]


def test_it_finds_possessives_with_curly_and_straight_apostrophes():
    found = mentions("Russia’s forces and Kyiv's demands.")
    assert found == [("Russia’s", "Russia"), ("Kyiv's", "Ukraine")]


def test_it_finds_role_aliases_case_insensitively():
    assert mentions("The Ukrainian leader said so.") == [
        ("The Ukrainian leader", "Volodymyr Zelensky")
    ]


def test_longest_match_wins_and_mentions_do_not_overlap():
    found = run("the United States and the US", TABLE, kind="actor")
    assert [(s.text, s.actor) for s in found] == [
        ("the United States", "United States"),
        ("US", "United States"),
    ]
    spans = sorted((s.start, s.end) for s in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_it_skips_places_compounds_and_datelines():
    assert mentions("talks in Kyiv on US-brokered peace") == []
    assert mentions("KYIV, March 9 (Reuters) - Moscow struck.") == [("Moscow", "Russia")]


def test_it_joins_a_role_alias_and_the_name_after_it():
    table = (KnownActor(8, "Rustem Umerov", ("Ukrainian lead negotiator",), "person"),)
    found = run("Ukrainian lead negotiator Rustem Umerov left.", table, kind="actor")
    assert [s.text for s in found] == ["Ukrainian lead negotiator Rustem Umerov"]


def candidates(text: str, table=TABLE) -> list[tuple[str, str, str]]:
    found = run(text, table, kind="actor")
    return [(s.text, s.role, s.affiliation) for s in found if s.actor is None]


def test_it_proposes_people_introduced_with_a_role():
    assert candidates("Kremlin spokesperson Dmitry Peskov cautioned against it.") == [
        ("Dmitry Peskov", "Kremlin spokesperson", "Russia")
    ]
    assert candidates("Russian negotiator Kirill Dmitriev was present.") == [
        ("Kirill Dmitriev", "Russian negotiator", "Russia")
    ]
    assert candidates("said Russian Foreign Minister Sergei Lavrov.") == [
        ("Sergei Lavrov", "Russian Foreign Minister", "Russia")
    ]


def test_it_takes_the_role_from_an_appositive():
    found = candidates("Col Martin O’Donnell, a spokesman for the US commander said.")
    assert found == [("Martin O’Donnell", "spokesman for the US commander", "United States")]
    found = candidates("Ukraine’s energy minister, Denys Shmyhal, said more.")
    assert found == [("Denys Shmyhal", "Ukraine’s energy minister", "Ukraine")]


def test_it_reads_a_role_with_lower_case_words():
    found = candidates("Gen X and secretary of the US army Dan Driscoll will attend.")
    assert found == [("Dan Driscoll", "secretary of the US army", "United States")]


def test_it_finds_later_mentions_of_a_new_person():
    found = candidates("Russian negotiator Kirill Dmitriev came. Mr Dmitriev declined.")
    assert [f[0] for f in found] == ["Kirill Dmitriev", "Mr Dmitriev"]


def test_known_actors_are_not_proposed_again():
    assert candidates("Ukrainian negotiator Rustem Umerov spoke.") == []


def test_names_without_a_role_are_not_proposed():
    assert candidates("(Michael Probst/AP) Abu Dhabi talks.") == []
