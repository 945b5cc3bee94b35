"""Actors nobody entered: bodies named with an acronym, acronyms, governments, people."""

from __future__ import annotations

from tests.extract.helpers import run


def actors(text: str) -> list[tuple[str, str | None, str, str]]:
    return [(s.text, s.actor, s.actor_kind, s.name) for s in run(text, kind="actor")]


def test_a_name_with_its_acronym_is_one_body_and_the_acronym_its_alias():
    found = run(
        "The World Food Programme (WFP) warned of famine. WFP said it needed money.",
        kind="actor",
    )
    assert [(s.text, s.actor_kind, s.name) for s in found] == [
        ("World Food Programme", "organisation", "World Food Programme"),
        ("WFP", "organisation", "World Food Programme"),
        ("WFP", "organisation", "World Food Programme"),
    ]
    assert found[0].aliases == ("WFP",)
    assert found[0].as_dict()["aliases"] == ["WFP"]


def test_forces_make_an_armed_group():
    found = actors("Fighters of the Rapid Support Forces (RSF) took the town.")
    assert [(t, k) for t, _a, k, _n in found] == [
        ("Rapid Support Forces", "armed_group"),
        ("RSF", "armed_group"),
    ]


def test_organisation_words_make_organisations():
    found = actors("Prices rose, the Office for National Statistics reported on Wednesday.")
    assert found == [("Office for National Statistics", None, "organisation",
                      "Office for National Statistics")]  # fmt: skip


def test_words_before_a_role_belong_to_the_role():
    found = actors("Senate Majority Leader John Thune said he would work with them.")
    assert [(t, k) for t, _a, k, _n in found] == [("John Thune", "person")]


def test_datelines_and_agency_credits_are_not_actors():
    assert actors("PORT SUDAN, Oct 14 (Reuters) - Prices rose.") == []
    assert actors("MALATYA, Turkey (AP) — A quake struck.") == []


def test_a_country_that_acts_is_a_government_and_a_place_is_not():
    assert actors("Greece requested help, and Italy and France sent planes.") == [
        ("Greece", None, "government", "Greece"),
        ("Italy", None, "government", "Italy"),
        ("France", None, "government", "France"),
    ]
    assert actors("Fires burned across Greece as Greece's economy slowed.") == []


def test_a_single_name_needs_a_cue():
    assert actors("Spending rose, according to the accountancy firm Deloitte.") == [
        ("Deloitte", None, "organisation", "Deloitte")
    ]
    assert actors("Then Malatya was hit again.") == []


def test_a_person_without_a_role_is_found_by_an_age_or_a_verb():
    found = actors("Gregory Halloran, 61, had pleaded guilty. Halloran appealed.")
    assert [(t, k) for t, _a, k, _n in found] == [
        ("Gregory Halloran", "person"),
        ("Halloran", "person"),
    ]
    assert actors("Credit checks were done by Crestline Road staff.") == []
