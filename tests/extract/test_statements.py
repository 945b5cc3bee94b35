"""Attributed statements: quotes, reported speech, 'according to', anonymous sources, pronouns."""

from __future__ import annotations

from factcheck.extract import KnownActor
from tests.extract.helpers import run

TABLE = (
    KnownActor(8, "Rustem Umerov", ("Mr Umerov",), "person", "Ukraine"),
    KnownActor(5, "Volodymyr Zelensky", ("Zelensky", "the Ukrainian leader"), "person"),
    KnownActor(7, "Donald Trump", ("Trump",), "person"),
    KnownActor(1, "Ukraine", ("Kyiv",), "country"),
    KnownActor(2, "Russia", ("Moscow",), "country"),
)


def statements(text: str):
    return [(s.claimant, s.claim_kind, s.quote) for s in run(text, TABLE, kind="statement")]


def test_quote_then_said():
    text = "“The agenda includes security,” Mr Umerov said, adding that work goes on."
    assert statements(text) == [("Rustem Umerov", "quote", "The agenda includes security,")]


def test_said_after_the_quote_with_the_speaker_after_the_verb():
    text = "“We must be strong,” said Mr Umerov."
    assert statements(text) == [("Rustem Umerov", "quote", "We must be strong,")]


def test_role_alias_said_on_social_media():
    text = "“Partners must understand this,” the Ukrainian leader said on social media late Monday."
    assert statements(text)[0][:2] == ("Volodymyr Zelensky", "quote")


def test_reported_speech():
    text = "Zelensky said Moscow should be held accountable for the attacks."
    assert statements(text) == [("Volodymyr Zelensky", "statement", "")]


def test_according_to_and_told_reporters():
    assert statements("Talks will be tough, according to a person familiar with the talks.") == [
        ("a person familiar with the talks", "statement", "")
    ]
    text = "“We have no deadlines,” Russian Foreign Minister Sergei Lavrov told state media."
    assert statements(text)[0][:2] == ("Sergei Lavrov", "quote")


def test_anonymous_sources_keep_their_words():
    text = "Chiefs will meet, the person said. Strikes hit a school, according to officials."
    assert [s[0] for s in statements(text)] == ["the person", "officials"]


def test_he_is_the_most_recent_person_mentioned_before():
    text = "Mr Trump described the meeting as big.\n\n“Come to the table fast,” he told reporters."
    assert statements(text)[-1][:2] == ("Donald Trump", "quote")


def test_a_quote_left_open_continues_in_the_next_paragraph():
    text = (
        "“We discussed monitoring,” Umerov said. “These are questions of life.\n\n"
        "“Ukraine is ready to move forward.”"
    )
    found = run(text, (KnownActor(8, "Rustem Umerov", (), "person"),), kind="statement")
    assert len(found) == 1
    assert found[0].claimant == "Rustem Umerov"
    assert found[0].text.endswith("move forward.”")


def test_a_quote_only_paragraph_after_a_quote_is_the_same_speaker():
    text = "“We are ready,” Mr Zelensky said.\n\n“Now the answer depends on Moscow.”"
    found = statements(text)
    assert [f[0] for f in found] == ["Volodymyr Zelensky", "Volodymyr Zelensky"]


def test_an_aside_between_subject_and_verb_is_skipped():
    text = "Rustem Umerov, who leads Ukraine's delegation, said the sides had met."
    assert statements(text) == [("Rustem Umerov", "statement", "")]


def test_a_name_between_commas_is_the_speaker():
    text = "Ukraine's energy minister, Denys Shmyhal, said 1,200 substations were hit."
    assert statements(text)[0][0] == "Denys Shmyhal"


def test_nouns_and_infinitives_are_not_speech():
    assert statements("Kyiv's demands for guarantees remain. He declined to say more.") == []


def test_statements_carry_the_date_they_are_about():
    found = run("Overnight, drones hit 12 regions, according to Zelensky.", TABLE,
                kind="statement")  # fmt: skip
    assert str(found[0].about_start) == "2026-02-16"
