"""Promos, captions, sign-offs, datelines and subheads are recognised by shape on new copy."""

from __future__ import annotations

import pytest

from factcheck.ingest import ParsedArticle, parse_article

PROSE = (
    "The regional council approved a new flood defence plan on Tuesday after months of "
    "argument over who should pay for the work."
)
MORE_PROSE = "Residents of the lower town have been flooded three times since 2019, officials said."


def _parse(*paragraphs: str) -> ParsedArticle:
    text = " date 2026-04-01 " + "\n\n".join(paragraphs)
    return parse_article(text.encode())


def _kinds(article: ParsedArticle) -> list[tuple[str, int]]:
    return [(s.kind, s.index) for s in article.set_aside]


# --- promos -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "promo",
    [
        "Subscribe to our daily briefing",
        "Download our app",
        "Follow us on Telegram",
        "READ MORE: Flood barriers to be tested next month",
        "Read more: Why the river keeps rising",
        "Sign up to our free morning newsletter",
        "Sign up to The Chronicle's free Politics newsletter",
        "Never miss a story: get breaking news alerts on your phone",
        "Get the Herald's top stories delivered to your inbox every morning",
        "Join our WhatsApp channel for the latest updates",
        "Listen to our podcast on Spotify and Apple Podcasts",
        "ALSO READ | Council leader faces confidence vote",
        "For the latest news, follow us on Telegram",
        "Follow the latest developments in our live blog",
        "Enjoyed this story? Sign up for our weekly email",
    ],
)
def test_it_sets_aside_promos_anywhere(promo: str) -> None:
    article = _parse(PROSE, promo, MORE_PROSE)
    assert _kinds(article) == [("promo", 1)]
    assert article.body == f"{PROSE}\n\n{MORE_PROSE}"


@pytest.mark.parametrize(
    "prose",
    [
        "Residents were urged to follow official Telegram channels for flood alerts.",
        "“Download the app and check your flood risk,” the mayor told residents.",
        "Subscribers to the council's alert service received a text message at 3am.",
        "Follow-up inspections are planned for May.",
        "Get ready for more rain, forecasters warned on Monday.",
        "The council's advice was simple: download the app and register for alerts.",
        "Follow-up alerts went to 4,000 phones overnight.",
    ],
)
def test_it_keeps_prose_that_sounds_like_a_promo(prose: str) -> None:
    article = _parse(PROSE, prose, MORE_PROSE)
    assert article.set_aside == ()
    assert prose in article.body


@pytest.mark.parametrize(
    ("promo", "outlet"),
    [
        ("Get SCMP's newsletters delivered to your inbox", "South China Morning Post"),
        ("Sign up to The Independent's free Inside Washington email", "The Independent"),
        ("Subscribe to the FT's morning briefing", "Financial Times"),
        ("Follow The Daily Courier on Telegram", "The Daily Courier"),
        ("Download the NYT app", "The New York Times"),
        ("Follow us on Facebook and Twitter", ""),
        ("Subscribe to our daily briefing", ""),
        ("Get today's top stories in your inbox", ""),
    ],
)
def test_it_names_the_outlet_only_from_its_own_promos(promo: str, outlet: str) -> None:
    assert _parse(PROSE, promo).source_name == outlet


def test_outlets_merely_mentioned_in_prose_are_not_the_source() -> None:
    article = _parse("The Guardian's reporting prompted the inquiry, the minister said.", PROSE)
    assert article.source_name == ""


# --- captions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("caption", "agency"),
    [
        ("Flood water covers the main square in Dorval (Anna Kowalski/AP)", "AP"),
        ("Sandbags line the river bank (Regional Fire Service via AP)", "AP"),
        ("Volunteers fill sandbags on Monday. (AFP)", "AFP"),
        ("Rescue workers search a flooded street (Reuters/John Smith)", "Reuters"),
        ("The mayor visits the dam on Sunday (Photo: Peter Lang/Getty Images)", ""),
        ("The river at its highest point in a decade (Sarah Jones/PA Wire)", "PA"),
        ("A flooded car park in the lower town (AP Photo/Luis Ortega)", "AP"),
        ("Police close the bridge (EPA-EFE/Maria Ruiz)", "EFE"),
        ("Residents wade through water in the old town. PHOTO: AFP", "AFP"),
        ("Soldiers build a barrier near the station. REUTERS/Jan Novak", "Reuters"),
        ("Engineers inspect the dam wall (Picture: Handout)", ""),
        ("Council leader Maria Lopez (left) speaking to residents at the town hall.", ""),
        ("Fire chief Tom Reyes (second from left) inspecting the dam on March 30.", ""),
    ],
)
def test_it_sets_aside_captions_and_reads_their_credit(caption: str, agency: str) -> None:
    article = _parse(PROSE, caption, MORE_PROSE)
    assert _kinds(article) == [("caption", 1)]
    assert article.wire_agency == agency
    assert caption not in article.body


@pytest.mark.parametrize(
    "prose",
    [
        "The talks will resume next week (in Geneva).",
        "The Christian Democrats (centre right) won the most seats in the council.",
        "Ms Lopez (pictured) said the plan was the best the town could afford.",
        "The levy will rise to 3 per cent (from 2 per cent).",
        "The flood of 2019 (the worst on record) destroyed 400 homes.",
        "The council split along party lines (Greens/Liberals).",
        "Residents complained that the meeting was held online (via Zoom).",
        "The agency's figures were later revised (AFP reported a higher toll).",
    ],
)
def test_it_keeps_prose_that_contains_parentheses(prose: str) -> None:
    article = _parse(PROSE, prose, MORE_PROSE)
    assert article.set_aside == ()
    assert prose in article.body


# --- sign-offs and datelines ------------------------------------------------------


def test_it_strips_a_dpa_signoff_glued_to_the_last_sentence() -> None:
    article = _parse(PROSE, "The plan takes effect in June. dpa")
    assert article.set_aside[0].kind == "signoff"
    assert article.set_aside[0].text == "dpa"
    assert article.set_aside[0].index == 1
    assert article.body.endswith("The plan takes effect in June.")
    assert article.wire_agency == "dpa"


@pytest.mark.parametrize(
    ("last", "signoff", "agency"),
    [
        ("The plan takes effect in June. – Reuters", "Reuters", "Reuters"),
        ("The plan takes effect in June. AFP, REUTERS", "AFP, REUTERS", "AFP"),
        ("“We are ready,” she said. AP", "AP", "AP"),
        ("The plan takes effect in June (Xinhua)", "Xinhua", "Xinhua"),
    ],
)
def test_it_strips_signoff_variants(last: str, signoff: str, agency: str) -> None:
    article = _parse(PROSE, last)
    assert [(s.kind, s.text) for s in article.set_aside] == [("signoff", signoff)]
    assert article.wire_agency == agency
    assert not article.body.endswith(signoff)


def test_a_signoff_on_its_own_line_is_set_aside_whole() -> None:
    article = _parse(PROSE, MORE_PROSE, "AFP")
    assert _kinds(article) == [("signoff", 2)]
    assert article.body == f"{PROSE}\n\n{MORE_PROSE}"


def test_reuters_credit_lines_are_set_aside_as_signoffs() -> None:
    article = _parse(PROSE, "Reporting by Jan Novak in Prague; Editing by Kim Lee")
    assert _kinds(article) == [("signoff", 1)]


@pytest.mark.parametrize(
    "last",
    [
        "The figures were first reported by AP.",
        "The minister told AFP",
        "He spoke to Reuters",
        "The plan was reported by the news agency dpa",
    ],
)
def test_agencies_at_the_end_of_prose_are_not_signoffs(last: str) -> None:
    article = _parse(PROSE, last)
    assert article.set_aside == ()
    assert article.wire_agency == ""


def test_a_reuters_dateline_marks_reuters_copy_and_stays_in_the_body() -> None:
    first = "PRAGUE (Reuters) - Czech lawmakers approved a flood relief package on Tuesday."
    article = _parse(first, MORE_PROSE)
    assert article.wire_agency == "Reuters"
    assert article.body.startswith(first)
    assert article.title == "Czech lawmakers approved a flood relief package on Tuesday"


def test_an_ap_dateline_with_a_country_is_stripped_from_the_title() -> None:
    article = _parse("KYIV, Ukraine (AP) — Ukraine and Russia swapped prisoners on Friday.")
    assert article.wire_agency == "AP"
    assert article.title == "Ukraine and Russia swapped prisoners on Friday"


def test_the_signoff_beats_a_dateline_and_photo_credits() -> None:
    article = _parse(
        "BERLIN (dpa) - The coalition agreed on a budget.",
        "The chancellor arrives at the meeting (Jan Weber/AP)",
        "A vote is expected next week. AFP",
    )
    assert article.wire_agency == "AFP"


def test_a_dateline_beats_photo_credits() -> None:
    article = _parse(
        "PARIS (AFP) - The strike closed schools across the country.",
        "Teachers march in Lyon (Marc Petit/Reuters)",
        MORE_PROSE,
    )
    assert article.wire_agency == "AFP"


def test_the_most_credited_photo_agency_wins_among_credits() -> None:
    article = _parse(
        PROSE,
        "A dam in the hills (Ann Lee/Reuters)",
        "A street in the town (Ben Ode/AP)",
        "The square at dawn (Cy Roe/AP)",
        MORE_PROSE,
    )
    assert article.wire_agency == "AP"


# --- subheads ---------------------------------------------------------------------


def test_a_cross_heading_between_paragraphs_is_set_aside_as_a_subhead() -> None:
    article = _parse(PROSE, "Who pays for the work", MORE_PROSE)
    assert [(s.kind, s.text, s.index) for s in article.set_aside] == [
        ("subhead", "Who pays for the work", 1)
    ]


@pytest.mark.parametrize(
    "short",
    ["Nobody answered.", "“Never again”", "- the lower town", "Why now?"],
)
def test_short_paragraphs_that_are_not_headings_stay(short: str) -> None:
    assert _parse(PROSE, short, MORE_PROSE).set_aside == ()


def test_the_first_and_last_paragraphs_are_never_subheads() -> None:
    article = _parse("Flood plan approved", PROSE, "More to follow")
    assert article.set_aside == ()


# --- titles -----------------------------------------------------------------------


def test_the_title_is_the_first_sentence_of_the_first_body_paragraph() -> None:
    article = _parse("Download our app", "Mr. J. Smith met Dr Jones on Feb. 3. They talked.")
    assert article.title == "Mr. J. Smith met Dr Jones on Feb. 3"


def test_a_long_title_is_cut_at_a_word_boundary() -> None:
    article = _parse("word " * 60)
    assert len(article.title) <= 120
    assert article.title.endswith("word…")
