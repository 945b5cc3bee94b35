"""A reader's path through the public site, in Chromium, with axe checks and screenshots.

home → article → highlight (keyboard, then click) → claim → actor → topic → search, at desktop
(1280px) and phone (390px) widths. Data: the two seed articles imported through the importer,
and the Donetsk-demand claims reported by AP and AFP copy, made with the factories.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from factcheck.ledger.choices import ClaimStatus
from factcheck.ledger.services.articles import article_import
from tests.factories import (
    ActorFactory,
    ClaimFactory,
    ClaimLinkFactory,
    PositionFactory,
    TopicFactory,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
AP_QUOTE = "Russia is still insisting that Ukraine cede control of its Donbas region in the east."
AFP_QUOTE = "Russia is pushing for full control of Ukraine’s eastern Donetsk region"
SECRET = "DRAFT-ONLY summary nobody may read"
AXE = Axe()
OUTLETS = {"000": "The Independent", "003": "The Straits Times"}


def _claim_on(article, quote: str, **kwargs):
    start = article.body.index(quote)
    return ClaimFactory(article=article, start=start, end=start + len(quote), **kwargs)


@pytest.fixture
def ledger(transactional_db):
    ap, afp = (
        # The copy of 000 names no outlet (seeds/editorial/articles.toml knows it).
        article_import(
            data=path.read_bytes(), origin=path.name, source_name=OUTLETS[path.name[:3]]
        ).article
        for path in sorted(SEEDS.glob("00[03]_*.txt"))
    )
    russia = ActorFactory(name="Russia", kind="government", wikidata_id="Q159")
    topic = TopicFactory(title="Ukraine cedes the rest of Donetsk region to Russia")
    common = {
        "published": True,
        "claimant": russia,
        "topic": topic,
        "kind": "position",
        "rating": "corroborated",
        "corroboration": "corroborated",
        "independent_origins": 2,
    }
    ap_claim = _claim_on(ap, AP_QUOTE, summary="Russia demands all of Donbas", **common)
    afp_claim = _claim_on(
        afp, AFP_QUOTE, summary="Russia demands full control of Donetsk", **common
    )
    ClaimLinkFactory(from_claim=afp_claim, to_claim=ap_claim, relation="corroborates")
    PositionFactory(
        actor=russia, topic=topic, as_of=ap.published, stance="supports", evidence=[ap_claim]
    )
    PositionFactory(
        actor=russia,
        topic=topic,
        as_of=afp.published,
        stance="supports",
        strength=3,
        evidence=[afp_claim],
    )
    _claim_on(ap, "Jared Kushner", summary=SECRET, status=ClaimStatus.DRAFT, claimant=russia)
    return {
        "ap": ap,
        "afp": afp,
        "russia": russia,
        "topic": topic,
        "claim": afp_claim,
        "ap_claim": ap_claim,
    }


@pytest.fixture
def check(screenshot):
    """Screenshot a page and axe it; serious or critical violations fail the test at its end.

    Collecting them lets one page's violation be reported without hiding the rest of the path.
    """
    problems: list[str] = []

    def do(page, name: str) -> None:
        assert SECRET not in page.content(), name
        width = page.viewport_size["width"]
        screenshot(page, f"public-{name}-{width}")
        results = AXE.run(page)
        serious = [
            v for v in results.response["violations"] if v["impact"] in ("serious", "critical")
        ]
        if serious:
            problems.append(f"{name} at {width}px: {results.generate_report()}")

    yield do
    assert not problems, "\n\n".join(problems)


def json_ld(page) -> list[dict]:
    blocks = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "els => els.map(e => e.textContent)"
    )
    return [json.loads(b) for b in blocks]


def test_a_reader_follows_the_donetsk_claim_across_sources(live_server, new_context, check, ledger):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()

    # Home: the latest claims link to their articles.
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", name="Latest published claims").is_visible()
    check(page, "home")
    page.locator(f'main a[href="/articles/{ledger["afp"].pk}/"]').first.click()

    # Article: the claim is highlighted; the keyboard opens its card, Escape closes it.
    page.wait_for_url(f"**/articles/{ledger['afp'].pk}/")
    highlight = page.locator(f'a.hl[data-claims~="{ledger["claim"].pk}"]')
    assert highlight.inner_text() == AFP_QUOTE
    check(page, "article")
    highlight.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("#claim-dialog")
    dialog.wait_for(state="visible")
    assert "Russia demands full control of Donetsk" in dialog.inner_text()
    assert "Corroborated · 2 independent origins" in dialog.inner_text()
    check(page, "article-card")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.dataset.claims") == str(ledger["claim"].pk)

    # A click opens it too; its link leads to the claim page.
    highlight.click()
    dialog.wait_for(state="visible")
    dialog.get_by_role("link", name="Sources, figures and rating history").click()

    # Claim: corroborated by AP copy (another origin), with its ClaimReview.
    page.wait_for_url(f"**/claims/{ledger['claim'].pk}/")
    related = page.locator("section", has=page.locator("#related-heading"))
    assert "Corroborates" in related.inner_text()
    assert "origin: AP" in related.inner_text()
    assert "reported by 2 independent origins" in page.inner_text("main")
    (review,) = json_ld(page)
    assert review["@type"] == "ClaimReview"
    assert review["reviewRating"]["alternateName"] == "Corroborated"
    assert review["itemReviewed"]["author"]["name"] == "Russia"
    assert review["itemReviewed"]["author"]["sameAs"] == "https://www.wikidata.org/wiki/Q159"
    assert review["itemReviewed"]["appearance"]["url"].endswith(f"/articles/{ledger['afp'].pk}/")
    check(page, "claim")
    page.locator("dl.facts").get_by_role("link", name="Russia", exact=True).click()

    # Actor: Russia's positions on the Donetsk question, over time.
    page.wait_for_url(f"**/actors/{ledger['russia'].pk}/")
    positions = page.locator("section", has=page.locator("#positions-heading"))
    assert ledger["topic"].title in positions.inner_text()
    check(page, "actor")
    positions.get_by_role("link", name=ledger["topic"].title).first.click()

    # Topic (the analysis pages share the layout).
    page.wait_for_url(f"**/topics/{ledger['topic'].pk}/")
    assert ledger["topic"].title in page.inner_text("h1")
    check(page, "topic")

    # Search finds the claim again.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.wait_for_url("**/search/")
    page.get_by_label("Words").fill("Donetsk")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Donetsk*")
    results = page.locator("section", has=page.locator("#claim-results"))
    assert results.get_by_role("link", name="Russia demands full control of Donetsk").is_visible()
    check(page, "search")


PAGES = [
    ("home", "/"),
    ("article", "/articles/{afp}/"),
    ("claim", "/claims/{claim}/"),
    ("actor", "/actors/{russia}/"),
    ("search", "/search/?q=Donetsk"),
]


def test_every_page_reads_on_a_phone(live_server, new_context, check, ledger):
    page = new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    ids = {key: ledger[key].pk for key in ("afp", "claim", "russia")}
    for name, path in PAGES:
        page.goto(live_server.url + path.format(**ids))
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
        check(page, name)
    page.goto(live_server.url + f"/articles/{ids['afp']}/")
    page.locator(f'a.hl[data-claims~="{ids["claim"]}"]').click()
    page.locator("#claim-dialog").wait_for(state="visible")
    check(page, "article-card")


def test_without_javascript_a_highlight_is_a_link_to_the_claim(live_server, new_context, ledger):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + f"/articles/{ledger['afp'].pk}/")
    page.locator(f'a.hl[data-claims~="{ledger["claim"].pk}"]').click()
    page.wait_for_url(f"**/claims/{ledger['claim'].pk}/")
    assert "Russia demands full control of Donetsk" in page.inner_text("h1")
