"""Bodies named without an organisation word: teams, competitions, parties, agencies in prose."""

from __future__ import annotations

from tests.extract.helpers import run

MATCH = (
    "Lyon beat Rennes on Sunday to climb to third in the league. Lyon coach Pierre Mauduit said "
    "the penalty was fair and the match turned on it. Rennes host Lorient next week, and Lyon "
    "striker Adam Kone has nine goals this season. The game at the Groupama Stadium drew 50,000."
)


def bodies(text: str) -> dict[str, str]:
    return {s.text: s.actor_kind for s in run(text, kind="actor")}


def test_teams_are_named_by_match_words_and_roles_in_sports_copy():
    found = bodies(MATCH)
    assert found["Lyon"] == "organisation"
    assert found["Rennes"] == "organisation"
    assert found["Lorient"] == "organisation"
    assert found["Pierre Mauduit"] == "person"
    assert found["Adam Kone"] == "person"
    lyon = [s for s in run(MATCH, kind="actor") if s.text == "Lyon"]
    assert len(lyon) == 3  # every mention of the team, the possessive-free ones included


def test_a_ground_is_not_a_team():
    assert "Groupama Stadium" not in bodies(MATCH)


def test_match_words_outside_sports_copy_name_no_team():
    found = bodies("Warsaw hosted Lisbon's delegation on Monday, and Porto visited Madrid.")
    assert "Porto" not in found


def test_a_player_beaten_is_not_a_team():
    found = bodies(
        "Jannik Sinner beat Carlos Alcaraz in straight sets. Alcaraz lost to Sinner for the "
        "third time this season; his coach said the title race was open and the points matter."
    )
    assert set(found.values()) == {"person"}


def test_leagues_and_branded_broadcasters():
    found = bodies("Canal+ paid 500 million euros for Ligue 1 and Serie A highlights.")
    assert found == {"Canal+": "organisation", "Ligue 1": "organisation", "Serie A": "organisation"}


def test_parties_public_bodies_and_possessive_names():
    found = bodies(
        "The Lib Dems and Reform UK clashed. Public Health Wales said cases fell, and the "
        "Children's Society said waiting times rose."
    )
    assert found["Lib Dems"] == "organisation"
    assert found["Reform UK"] == "organisation"
    assert "UK" not in found
    assert found["Public Health Wales"] == "organisation"
    assert found["Children's Society"] == "organisation"


def test_an_agency_in_prose_is_an_actor_but_its_credits_are_not():
    text = (
        "LONDON (Reuters) - Shares fell. The economists told Reuters that rates would fall. In "
        "a Reuters poll, 12 of 15 analysts expected a cut.\n\n(Reporting by Jane Doe; Editing "
        "by Tom Roe)"
    )
    found = [s for s in run(text, kind="actor") if s.text == "Reuters"]
    assert [text[s.start - 5 : s.start] for s in found] == ["told ", "In a "]


def test_two_people_joined_by_and_are_two_people():
    found = bodies("Two contractors, Brian Szymanski and Luis Ortega, are due to be sentenced.")
    assert found == {"Brian Szymanski": "person", "Luis Ortega": "person"}


def test_a_person_of_a_body_is_the_speaker():
    text = "Siân Pryce of the King's Fund, a health think tank, said waiting lists grew."
    assert bodies(text) == {"Siân Pryce": "person", "King's Fund": "organisation"}
    (statement,) = run(text, kind="statement")
    assert statement.claimant == "Siân Pryce"


def test_a_club_that_spends_in_sports_copy_is_a_team():
    found = bodies(
        "Newcastle have spent less than £60m this season, and their coach said the league "
        "title was out of reach after the derby defeat; the striker's goals dried up."
    )
    assert found["Newcastle"] == "organisation"
