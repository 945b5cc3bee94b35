"""Proper names no other rule claims: companies, galleries and people named with no cue word."""

from __future__ import annotations

from factcheck.extract import propernames
from tests.extract.helpers import run

RULE = "new organisation: a proper name no other rule claimed"


def actors(text: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.actor_kind, s.rule) for s in run(text, kind="actor")]


def test_a_company_with_a_legal_form_and_its_short_name_later():
    found = actors(
        "Orders at Brenmark SE fell in May. Suppliers said Brenmark would cut output, while "
        "Holvik Co. kept its forecast."
    )
    assert ("Brenmark SE", "organisation", RULE) in found
    assert ("Brenmark", "organisation", "same body as 'Brenmark SE'") in found
    assert ("Holvik Co.", "organisation", RULE) in found


def test_names_joined_by_an_ampersand_or_written_in_camel_case_are_bodies():
    found = actors("Demand slowed for Lindqvist & Hale and for FlyNova, the analysts said.")
    assert ("Lindqvist & Hale", "organisation", RULE) in found
    assert ("FlyNova", "organisation", RULE) in found


def test_a_single_name_inside_a_sentence_is_a_body():
    found = actors("Suppliers including Trevanti and Osmund Air have raised prices.")
    assert ("Trevanti", "organisation", RULE) in found
    assert ("Osmund Air", "organisation", RULE) in found


def test_at_the_start_of_a_sentence_a_name_needs_a_sign_and_a_verb():
    # A capital at the start of a sentence says nothing about a single word.
    assert actors("Turnout fell sharply. Inflation rose again.") == []
    found = actors("Marlowe's, by contrast, cut 40 jobs. The Kestrel said it would close.")
    assert ("Marlowe's", "organisation", RULE) in found
    assert ("Kestrel", "organisation", RULE) in found
    found = actors("Halden Modern, its largest site, drew 2 million visitors.")
    assert ("Halden Modern", "organisation", RULE) in found


def test_places_are_never_bodies():
    # In the gazetteer, in a list beside a place, before a place noun, after "in".
    assert actors("Fans travelled from Malatya and Tarsus to watch.") == []
    assert actors("Cases rose most in Berlin, Lowmark and Greyvale.") == []
    assert actors("Trucks passed through the Ras Omar and Tell Hani crossings.") == []
    assert actors("Prices rose in Westerby as buyers arrived.") == []


def test_nationalities_codes_products_and_headlines_are_not_bodies():
    assert actors("Two Iskander-type jets, the A380 and US-led talks worried Nigerians.") == []
    assert actors("The drug, sold under the name Zelvanta, was approved.") == []
    assert actors("Brenmark Cuts Jobs As Orders Fall\n\nOrders fell.") == []
    # The last word of a person's name is not a body.
    assert "Salman" not in {t for t, _k, _r in actors("Minister Abdulaziz bin Salman spoke.")}


def test_a_person_is_named_by_a_given_name_or_a_repeated_surname():
    found = actors(
        "The penalty came from Tobiah Ndukwe after a foul on Michael Ostrander. "
        "The referee booked Ndukwe."
    )
    kinds = {text: kind for text, kind, _rule in found}
    assert kinds["Tobiah Ndukwe"] == "person"
    assert kinds["Michael Ostrander"] == "person"
    assert kinds["Ndukwe"] == "person"


def test_a_role_after_a_company_name_is_cut_off():
    found = actors("Shares rose, said Brenmark SE Chief Executive Officer Ana Ruiz.")
    assert ("Brenmark SE", "organisation", RULE) in found
    assert ("Ana Ruiz", "person", "new person: role 'Brenmark SE Chief Executive Officer'") in found


def test_the_name_lists_are_read_from_their_files():
    assert {"Toulouse", "Malatya", "Cologne"} <= propernames.PLACES
    assert {"Nigerian", "Italian", "Brazilian"} <= propernames.DEMONYMS
    assert {"SE", "plc", "Inc", "Co.", "AG", "N.V."} <= propernames.LEGAL_FORMS
    assert {"Christmas", "English", "Islam"} <= propernames.NOT_NAME_WORDS


def test_a_person_noun_or_a_person_in_the_same_list_makes_a_person():
    found = actors(
        "His neighbour, Chiamaka Eze, agreed. Goals came from Cyriel Dessers and James Tavernier."
    )
    kinds = {text: kind for text, kind, _rule in found}
    assert kinds["Chiamaka Eze"] == "person"
    assert kinds["Cyriel Dessers"] == "person"


def test_products_storms_and_a_country_s_region_are_not_bodies():
    found = {t for t, _k, _r in actors("Novo Nordisk, which makes Wegovy and Ozempic, rose.")}
    assert "Novo Nordisk" in found and not {"Wegovy", "Ozempic"} & found
    assert actors("Fighting went on in parts of Sudan's Darfur while Storm Babet hit.") == []


def test_first_names_of_many_languages_make_people_and_a_body_s_name_does_not():
    found = actors(
        "The award went to Paolo Ferrante. Tate's director quit, and Tate Modern closed early. "
        "Zelenskiy spoke with Macron and Ferrante."
    )
    kinds = {text: kind for text, kind, _rule in found}
    assert kinds["Paolo Ferrante"] == "person"  # Paolo: a first name in Faker's Italian list
    assert kinds.get("Tate Modern") == "organisation"
    assert "Macron" not in kinds  # a surname beside a person's, not a body
    assert "Paolo" in propernames.WORLD_GIVEN_NAMES and "Duke" not in propernames.WORLD_GIVEN_NAMES


def test_a_weekday_before_a_newspaper_s_head_word_is_part_of_its_name():
    found = actors("Figures published by the Sunday Times showed a rise. On Sunday Labour said no.")
    assert ("Sunday Times", "organisation", "new organisation: organisation word") in found
    assert "Sunday" not in {t for t, _k, _r in found}


def test_names_of_things_indices_and_a_body_s_product_are_not_bodies():
    assert actors("Cases of the Corvane variant rose, and the Tessaly 300 fell 2%.") == []
    # The possessor is the body; what it owns is no name of its own.
    assert actors("Users compared Anthropic's Claude with other tools.") == [
        ("Anthropic", "organisation", RULE)
    ]
    found = actors("It finished ahead of McLaren's Lando Norris.")
    assert [(t, k) for t, k, _r in found] == [
        ("McLaren", "organisation"),
        ("Lando Norris", "person"),
    ]
    # A sum of money after a name does not make it a model number.
    found = actors("The club paid Racing Lusano 38 million euros for him.")
    assert ("Racing Lusano", "organisation", RULE) in found


def test_a_name_of_several_words_that_speaks_is_a_body_even_with_an_event_word():
    found = actors("The Harrowgate International Festival said on Monday that it sold out.")
    assert found == [
        (
            "Harrowgate International Festival",
            "organisation",
            "new organisation: a name of several words that speaks",
        )
    ]
    assert actors("The Harrowgate Cup final was held in May.") == []


def test_a_body_met_inside_a_sentence_is_the_same_body_at_the_start_of_an_earlier_one():
    found = actors("Trevanti, beaten on price, are fourth. Buyers moved from Trevanti to rivals.")
    assert [(t, r) for t, _k, r in found] == [
        ("Trevanti", "same body as 'Trevanti'"),
        ("Trevanti", RULE),
    ]


def test_where_a_person_works_is_a_body():
    found = actors("Chloe Marchand at Holvane said the target was out of reach.")
    assert ("Holvane", "organisation", RULE) in found
    assert actors("The hosts won at Holvane in May.") == []  # a ground, not a body


def test_a_name_described_as_a_body_right_after_it_is_one_even_at_a_sentence_start():
    found = actors("Prices rose. Marvane, the auction house, said sales fell.")
    assert found == [("Marvane", "organisation", RULE)]
    assert actors("Growth, the company said, slowed.") == []


def test_where_people_travel_is_a_place():
    assert actors("The firm relocated to Shoreditch, and flights from Kentwell resumed.") == []
    found = actors("The works were sold to Holvane.")
    assert ("Holvane", "organisation", RULE) in found
