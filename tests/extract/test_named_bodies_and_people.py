"""Bodies named by a head noun or alone, people named by a given name or a sport's cues."""

from __future__ import annotations

from tests.extract.helpers import run


def actors(text: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.actor_kind, s.name) for s in run(text, kind="actor")]


def rules(text: str) -> dict[str, str]:
    return {s.text: s.rule for s in run(text, kind="actor")}


def test_institutions_are_named_by_their_head_noun():
    found = actors(
        "The Federal Aviation Administration grounded the jets. The Natural History Museum "
        "closed early, and the Associated Press reported the delays."
    )
    assert (
        "Federal Aviation Administration",
        "organisation",
        "Federal Aviation Administration",
    ) in found
    assert ("Natural History Museum", "organisation", "Natural History Museum") in found
    assert ("Associated Press", "organisation", "Associated Press") in found


def test_a_role_word_in_front_of_a_head_noun_belongs_to_the_body():
    found = actors("The French Foreign Office said the talks would resume.")
    assert found == [("French Foreign Office", "organisation", "French Foreign Office")]


def test_a_company_is_also_written_without_its_suffix():
    found = actors("Orion Pharmaceuticals won approval. Orion said sales would start in May.")
    assert [t for t, _k, _n in found] == ["Orion Pharmaceuticals", "Orion"]
    assert found[1][2] == "Orion Pharmaceuticals"


def test_an_acronym_spelled_by_an_earlier_name_is_that_body():
    found = run(
        "The Federal Aviation Administration grounded the jets. The FAA said checks would "
        "take a week.",
        kind="actor",
    )
    assert [(s.text, s.name) for s in found] == [
        ("Federal Aviation Administration", "Federal Aviation Administration"),
        ("FAA", "Federal Aviation Administration"),
    ]
    said = run("The Federal Aviation Administration grounded the jets. The FAA said so.",
               kind="statement")  # fmt: skip
    assert said[-1].claimant == "Federal Aviation Administration"


def test_a_legislature_alone_is_a_body_when_it_acts_or_is_won():
    found = rules(
        "Democrats won control of the House on Tuesday. Republicans kept the Senate, and "
        "Congress will meet in January."
    )
    assert found == {
        "House": "legislature: 'House' names the body",
        "Senate": "legislature: 'Senate' names the body",
        "Congress": "legislature: 'Congress' names the body",
        "Democrats": "well-known body 'Democrats'",
        "Republicans": "well-known body 'Republicans'",
    }


def test_a_legislature_in_front_of_a_noun_or_a_role_is_not_a_mention():
    texts = ["Spending on House and Senate races rose.", "The Senate race was close.",
             "House Speaker Anna Lowe spoke."]  # fmt: skip
    for text in texts:
        assert not [t for t, k, _n in actors(text) if k == "organisation"], text


def test_a_name_starting_with_a_given_name_is_a_person():
    found = rules("Judges thanked Margaret Oduya for her work.")
    assert found == {"Margaret Oduya": "new person: name starting with a given name"}


def test_a_party_label_is_a_role_not_a_name():
    assert actors("The Ohio Republican had predicted a win.") == []
    found = actors("Democrat Lena Marsh, 41, won the seat.")
    assert found == [("Lena Marsh", "person", "Lena Marsh")]


def test_sport_names_players_by_their_country_or_their_result():
    found = actors("Tomas Berdan of Austria beat Niko Varga in straight sets, without world "
                   "number three Ilya Petrak.")  # fmt: skip
    assert [t for t, k, _n in found if k == "person"] == ["Tomas Berdan", "Niko Varga",
                                                          "Ilya Petrak"]  # fmt: skip


def test_credits_name_nobody():
    text = (
        "Prices rose, the ministry said.\n\n(Reporting by Tom Hale; Editing by Mary Stone)\n\n"
        "Associated Press writer John Mills in Rome contributed to this report."
    )
    assert [t for t, k, _n in actors(text) if k == "person"] == []


def test_an_acronym_opening_a_later_paragraph_is_not_a_dateline():
    text = "GENEVA (AP) — Aid was cut.\n\nUNHCR, the refugee agency, said it had no funds."
    assert ("UNHCR", "organisation", "UNHCR") in actors(text)


def test_a_national_branch_of_a_known_body_is_a_body():
    assert actors("Greenpeace Italy called for a ban.") == [
        ("Greenpeace Italy", "organisation", "Greenpeace Italy")
    ]


def test_teams_are_named_by_a_match_score():
    found = rules("Leeds beat Fulham Athletic 2-0 on Saturday, and Burnley drew 1-1 with Luton.")
    assert found == {
        "Leeds": "new organisation: a team named with a score",
        "Fulham Athletic": "new organisation: a team named with a score",
        "Burnley": "new organisation: a team named with a score",
        "Luton": "new organisation: a team named with a score",
    }


def test_set_scores_name_players_not_teams():
    found = actors("Varga beat Niko Petrak 6-3 6-4 in the final.")
    assert [(t, k) for t, k, _n in found] == [("Niko Petrak", "person")]


def test_two_bodies_joined_by_and_are_two_mentions():
    found = actors("Shares in Deutsche Bank and the Lloyds Banking Group rose.")
    assert [t for t, _k, _n in found] == ["Deutsche Bank", "Lloyds Banking Group"]


def test_words_before_a_name_can_make_it_a_body():
    found = actors("Analysts at Morgan Stanley expect a cut.")
    assert found == [("Morgan Stanley", "organisation", "Morgan Stanley")]


def test_a_role_before_a_body_does_not_make_the_body_a_person():
    found = actors("Tedros, head of the World Health Organization, urged calm.")
    assert ("World Health Organization", "organisation", "World Health Organization") in found


def test_one_name_that_speaks_is_a_body_unless_it_is_a_person_or_a_plural():
    found = rules("Shell reported a fall in profit. Traders said the market was calm.")
    assert found == {"Shell": "new organisation: a body that speaks"}
    found = rules("Energy Minister Abdulaziz bin Salman said output would rise.")
    assert "Salman" not in found


def test_a_surname_of_a_person_named_before_stays_theirs():
    found = run("Maria Lopez, 52, was charged. Lopez's lawyer said she would appeal.",
                kind="actor")  # fmt: skip
    assert [(s.text, s.actor_kind) for s in found] == [("Maria Lopez", "person"),
                                                       ("Lopez's", "person")]  # fmt: skip


def test_a_given_name_in_front_of_a_place_word_makes_no_person():
    assert [k for _t, k, _n in actors("Crowds filled Victoria Gardens on Sunday.")] == []


def test_a_trade_in_front_of_a_name_makes_it_a_body():
    assert actors("The state miner Andina said output fell.")[0][:2] == ("Andina", "organisation")
    assert actors("The pollster Civica Research found support fell.")[0][:2] == (
        "Civica Research",
        "organisation",
    )


def test_a_title_and_a_surname_name_a_person():
    assert rules("Lord Hartley, who chairs the trustees, thanked donors.") == {
        "Hartley": "new person: title and surname"
    }


def test_the_outlet_someone_told_is_a_body():
    found = actors("The curator told the Observer that the work was rare.")
    assert found == [("Observer", "organisation", "Observer")]


def test_codes_and_long_acronyms_name_bodies_but_a_summit_code_does_not():
    found = rules(
        "The M23 armed group took the town. MONUSCO said 900 people fled. COP31 opens soon."
    )
    assert found["M23"] == "new organisation: a body named by the word after it"
    assert found["MONUSCO"] == "new organisation: acronym"
    assert "COP31" not in found


def test_a_middle_initial_stays_inside_the_name():
    found = actors("Health Secretary Robert F. Kennedy Jr. defended the plan.")
    assert found[0][:2] == ("Robert F. Kennedy Jr", "person")


def test_shares_after_a_name_make_it_a_body_even_opening_a_sentence():
    found = run("Moderna shares fell 6% after the company said its vaccine was delayed.")
    assert [(s.text, s.actor_kind) for s in found if s.kind == "actor"] == [
        ("Moderna", "organisation")
    ]
    assert [s.claimant for s in found if s.kind == "statement"] == ["Moderna"]


def test_company_forms_and_suffixes_name_bodies_and_a_suffix_alone_names_none():
    found = actors(
        "Toyota Motor Corp. raised its forecast. Volkswagen AG and Hyundai Motor warned."
    )
    assert [(t, k) for t, k, _n in found] == [
        ("Toyota Motor Corp", "organisation"),
        ("Volkswagen AG", "organisation"),
        ("Hyundai Motor", "organisation"),
    ]


def test_a_chief_officer_is_a_role_not_part_of_the_name():
    found = actors('"Costs fell," Chief Financial Officer Kenta Ono told reporters.')
    assert found == [("Kenta Ono", "person", "Kenta Ono")]
