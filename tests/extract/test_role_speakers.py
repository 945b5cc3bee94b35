"""Role nouns and pronouns that point back to a named actor, and bodies in front of a role."""

from __future__ import annotations

import pytest

from factcheck.extract import statements, vocabulary
from factcheck.extract.text import paragraphs, quotes, sentences
from tests.extract.helpers import run


def claimants(text: str) -> list[str]:
    return [s.claimant for s in run(text, kind="statement")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An organisation noun points to the nearest organisation, never to a country.
        ("The Resolution Foundation published a study on Monday. Britain's economy grew. "
         "The thinktank said wages would stall.", "Resolution Foundation"),
        ("Shell reported a fall in profit. Germany imposed new rules. The Anglo-Dutch company "
         "said prices would fall.", "Shell"),
        # A person noun points to the nearest person.
        ('Marta Ruiz, who joined Lyon in July, scored twice. "It was a good night," the '
         "Spanish striker told reporters.", "Marta Ruiz"),
    ],
)  # fmt: skip
def test_a_role_noun_points_back_to_the_nearest_compatible_actor(text, expected):
    assert claimants(text)[-1] == expected


def test_a_capitalised_head_is_a_name_not_a_pointer():
    text = "Oxfam called for aid. The Glasgow Film Festival said it would close early."
    # the festival named (as a body, when the actor rules find it), not Oxfam pointed back to
    assert claimants(text)[-1] in ("Glasgow Film Festival", "The Glasgow Film Festival")


def test_a_body_in_front_of_a_spokesperson_or_its_own_noun_is_the_claimant():
    text = (
        "Pay talks with the National Education Union (NEU) stalled. "
        "An NEU spokesperson said teachers would strike. "
        "The NEU union said it would ballot members."
    )
    found = claimants(text)
    assert found[-2:] == ["National Education Union", "National Education Union"]


def test_a_party_pointer_prefers_the_subject_set_off_by_a_relative_clause():
    text = (
        "The Green Party backed the plan. The Liberal Democrats, who want a wealth tax, "
        "have proposed a smaller rise, which the party says would cost £3bn."
    )
    assert claimants(text)[-1] == "Liberal Democrats"


def test_a_name_with_a_capital_a_before_said_speaks():
    assert claimants("Serie A said in a statement that it would act.") == ["Serie A"]


def test_a_possessive_name_before_said_speaks():
    assert claimants("Bonhams's said its sales rose.") == ["Bonhams's"]


def test_the_subject_of_the_verb_before_and_said():
    text = 'Maria Costa trained on Friday. Asked about the title, she laughed and said: "Maybe."'
    assert claimants(text)[-1] == "Maria Costa"


def test_said_after_a_comma_with_a_short_speaker_phrase_is_inverted():
    text = (
        "Output fell in May, according to people familiar with the talks. The plant was shut "
        "by a strike, said the people, who asked not to be named."
    )
    assert claimants(text) == ["people familiar with the talks"] * 2


def test_said_after_a_relative_aside_keeps_the_subject():
    text = "Ana Pires, who joined the club last year, said the defeat hurt."
    assert claimants(text) == ["Ana Pires"]


def test_role_nouns_have_a_known_kind():
    assert set(statements.SPEAKER_NOUNS.values()) == {"person", "body", "organisation", "named"}
    for noun in ("thinktank", "planemaker", "union", "company"):
        assert statements.SPEAKER_NOUNS[noun] == "organisation"
    for noun in ("defender", "spokesperson", "coach"):
        assert statements.SPEAKER_NOUNS[noun] == "person"


def test_a_ministry_points_only_to_a_body_named_ministry():
    text = "Codelco sold copper to China. Chile raised $2bn from bonds, the finance ministry said."
    assert claimants(text)[-1] == "the finance ministry"
    text = "The Ministry of Finance met on Monday. Bonds rose, the ministry said."
    assert claimants(text)[-1] == "Ministry of Finance"


def test_an_unresolved_she_takes_the_speaker_of_the_statement_before():
    # No actor mentions at all: the pronoun has no person to point back to.
    text = 'Ann Street, a senior partner, said costs rose. "It is hard," she said.'
    layout = []
    for para in paragraphs(text):
        quoted, left_open = quotes(text, para)
        layout.append((para, sentences(text, para, quoted), quoted, left_open))
    found = statements.find_statements(text, layout, [])
    assert [s.claimant for s in found] == ["Ann Street", "Ann Street"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales fell sharply, said a spokesman for the company.", "a spokesman for the company"),
        ("Prices will rise next year, said officials.", "officials"),
        ("Sales fell, said sales had fallen.", None),  # a clause, not a speaker
    ],
)
def test_said_after_a_comma_takes_a_short_phrase_without_a_verb(text, expected):
    assert claimants(text) == ([expected] if expected else [])


def test_a_role_phrase_and_one_verb_before_and_said():
    text = "Maria Costa led the team. Asked about the deal, the captain shrugged and said no."
    assert claimants(text) == ["Maria Costa"]


def test_a_post_in_a_body_points_to_the_person_who_holds_it():
    text = (
        "Anna Berg, 58, lost the vote. The former chief executive of Credit Suisse, who left "
        "the bank in May, said she would appeal."
    )
    assert claimants(text)[-1] == "Anna Berg"


def test_a_person_pointer_prefers_the_person_the_sentence_before_is_about():
    text = (
        "Mr Ouattara, 84, won a fourth term, which his rivals, Mr Thiam and former president "
        "Laurent Gbagbo, were barred from contesting. The head of state said it was a victory."
    )
    assert claimants(text)[-1] == "Ouattara"


def test_forecast_reports_before_that_or_after_an_actor():
    text = "The Met Office issued a warning. It forecast that rain would last until Sunday."
    assert claimants(text)[-1] == "Met Office"
    assert claimants("The forecast for Sunday is rain.") == []


def test_a_field_word_in_a_pointer_must_be_in_the_body_s_name():
    text = (
        "The Disaster Management Authority counted 40 dead. The national weather agency "
        "said more rain would fall."
    )
    assert claimants(text)[-1] == "The national weather agency"
    text = "The Ministry of Finance sold bonds. The finance ministry said demand was strong."
    assert claimants(text)[-1] == "Ministry of Finance"


def test_generic_modifiers_are_lower_case_unique_words():
    entries = vocabulary.data_lines("generic_modifiers.txt")
    assert entries and len(entries) == len(set(entries))
    assert all(e == e.lower() and " " not in e for e in entries)


def test_a_role_noun_prefers_the_person_introduced_in_that_role():
    text = (
        '"It was a big night," coach Roberto De Zerbi told reporters. Their owner, John '
        "Textor, said the club would invest. Asked about his future, the coach shrugged and "
        'said: "Not my decision."'
    )
    assert claimants(text)[-1] == "Roberto De Zerbi"


def test_the_n_year_old_points_back_to_a_person():
    text = 'Maria Costa, 33, scored twice. "It was great," the 33-year-old said.'
    assert claimants(text) == ["Maria Costa"]


def test_a_thousands_comma_in_an_aside_does_not_end_it():
    text = "The Museums Association, which has 1,800 members, warned that halls would shut."
    assert claimants(text) == ["Museums Association"]


def test_a_company_noun_with_a_field_word_still_points_back():
    text = (
        "Rolls-Royce Holdings Plc raised its forecast. The London-based engine maker said "
        "demand was strong."
    )
    assert claimants(text) == ["Rolls-Royce Holdings Plc"]
    text = "The Resolution Foundation said wages stalled. The think tank said pay would rise."
    assert claimants(text) == ["Resolution Foundation", "Resolution Foundation"]


def test_it_after_a_speaker_the_actor_rules_did_not_find_is_that_speaker():
    text = (
        "Reuters reported strikes. Ukrenergo, the national grid operator, said blackouts would "
        "continue. Nearly 40% of customers were without power, it said."
    )
    assert claimants(text) == ["Reuters", "Ukrenergo", "Ukrenergo"]


def test_the_council_points_only_to_a_body_named_council():
    text = "Britain imposed new rules. The council said bins would be emptied weekly."
    assert claimants(text) == ["The council"]
    text = "Leeds City Council cut services. " + text
    assert claimants(text) == ["Leeds City Council"]


def test_the_bank_is_never_a_country():
    text = "Chile raised rates. The bank said inflation was too high."
    assert claimants(text) == ["The bank"]
