"""The editor's journey and the reader's, at a desktop's width (1280 px) and a phone's (390 px),
with a screenshot of every screen under test-output/browser/.

Editor: import a seed file → the marking workspace (its three sections at hand, the title once)
→ a refused mark shows its error beside the field, in words, scrolled into view → mark a
sentence → suggestions → the claim list, one line per claim → link tool with no default
relation → the claim previewed in the public design → submit; a reviewer publishes.
Reader: home → all articles → the article → the claim → back by the breadcrumb → events →
an event → its series. No public page scrolls sideways.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from factcheck.ledger.models import Article, Claim, Event
from tests.browser.test_marking import select_text
from tests.factories import UserFactory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SENTENCE = "Ukraine has rejected the demand"
WIDTHS = {"desktop": 1280, "phone": 390}


def no_sideways_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(sel) => { const b = document.querySelector(sel).getBoundingClientRect();
                      return b.top >= 0 && b.bottom <= window.innerHeight && b.height > 0; }""",
        selector,
    )


@pytest.mark.parametrize("device", WIDTHS)
def test_the_editor_journey(live_server, new_context, login, screenshot, device):
    width = WIDTHS[device]
    shot = f"editor-{width}"
    editor = UserFactory(editor=True, username=f"journey-editor-{width}")
    reviewer = UserFactory(reviewer=True, username=f"journey-reviewer-{width}")
    page = login(new_context(viewport={"width": width, "height": 900}).new_page(), editor)

    # Import the AFP seed through the upload page.
    page.goto(f"{live_server.url}/admin/ledger/article/import/")
    page.set_input_files("#id_files", str(next(SEEDS.glob("003_*.txt"))))
    page.fill("#id_source", "The Straits Times")
    page.click("input[type=submit][value=Import]")
    page.wait_for_selector(".import-imported")
    screenshot(page, f"{shot}-01-import")
    article = Article.objects.get()

    # The workspace: title once, the three sections' tabs at hand, no empty error box.
    page.goto(f"{live_server.url}/admin/ledger/article/{article.pk}/change/")
    assert page.locator("#content h2", has_text=article.title[:40]).count() == 1
    tabs = page.locator(".workspace-tab")
    assert tabs.count() == 3 and "Suggestions" in tabs.nth(1).inner_text()
    assert tabs.nth(1).locator(".count").inner_text().isdigit()
    assert not page.locator("#mark-errors").is_visible()
    if device == "desktop":
        # Text on one side, the panel beside it, its tabs visible without scrolling.
        text_box = page.locator("#article-body").bounding_box()
        side_box = page.locator("#workspace-side").bounding_box()
        assert side_box["x"] >= text_box["x"] + text_box["width"]
        assert in_viewport(page, ".workspace-tabs") and in_viewport(page, "#mark-title")
    screenshot(page, f"{shot}-02-workspace")

    # A mark without words: the message sits beside the quote, in words, scrolled into view.
    page.click("#mark-submit")
    error = page.locator('[data-field="quote"] .mark-field-errors')
    error.wait_for()
    assert error.inner_text() == "Select the claim's words in the article (or type its quote)."
    assert "__all__" not in page.inner_text("#mark-form")
    assert not page.locator("#mark-errors").is_visible()
    assert in_viewport(page, '[data-field="quote"] .mark-field-errors')
    assert page.evaluate("document.activeElement.name") == "quote"
    screenshot(page, f"{shot}-03-error-beside-field")

    # Mark a sentence by selecting it.
    page.locator("#article-body").scroll_into_view_if_needed()
    select_text(page, SENTENCE)
    page.fill("#mark-form input[name=summary]", "Ukraine rejects Russia's demand")
    page.click("#mark-submit")
    page.wait_for_selector("mark.claim-mark")
    claim = Claim.objects.get(exact=SENTENCE)
    assert page.locator("#claim-list").is_visible()  # back on the claims of this article
    screenshot(page, f"{shot}-04-marked")

    page.click('.workspace-tab[data-panel="suggestions-panel"]')
    assert page.locator("#suggestions-panel").is_visible()
    assert not page.locator("#mark-form").is_visible()
    screenshot(page, f"{shot}-05-suggestions")

    # The claim list: one line per claim.
    page.goto(f"{live_server.url}/admin/ledger/claim/")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == Claim.objects.count()
    heights = page.eval_on_selector_all(
        "#result_list tbody tr", "rows => rows.map(r => r.getBoundingClientRect().height)"
    )
    if device == "desktop":
        assert max(heights) < 40, heights  # one line, no word-by-word wrapping
        assert no_sideways_scroll(page)
    assert page.locator("#changelist-filter").count() == 1  # filters kept
    screenshot(page, f"{shot}-06-claim-list")

    # The link tool: no relation chosen for the editor.
    page.goto(f"{live_server.url}/admin/ledger/claimlink/from-claim/{claim.pk}/")
    assert page.input_value("#id_relation") == ""
    page.click("input[type=submit][value=Link]")
    # The browser itself refuses to send it (the server's refusal is tested without one).
    assert page.evaluate("document.getElementById('id_relation').validity.valueMissing")
    assert page.url.endswith(f"/from-claim/{claim.pk}/")
    screenshot(page, f"{shot}-07-link")

    # A preview in the public design, marked as not published.
    page.goto(f"{live_server.url}/claims/{claim.pk}/")
    assert "Not published." in page.inner_text(".preview-banner")
    assert no_sideways_scroll(page)
    screenshot(page, f"{shot}-08-preview")

    page.goto(f"{live_server.url}/admin/ledger/claim/{claim.pk}/change/")
    page.click("#workflow-submit")
    page.wait_for_selector("text=Submitted for review.")
    screenshot(page, f"{shot}-09-submitted")

    review = login(new_context(viewport={"width": width, "height": 900}).new_page(), reviewer)
    review.goto(f"{live_server.url}/admin/ledger/claim/?queue=review")
    screenshot(review, f"{shot}-10-review-queue")
    review.locator("#result_list tr", has_text=SENTENCE[:30]).locator("th a").click()
    review.click("#workflow-publish")
    review.wait_for_selector("text=Published.")
    assert Claim.objects.published().filter(pk=claim.pk).exists()


@pytest.mark.parametrize("device", WIDTHS)
def test_the_reader_journey(live_server, new_context, screenshot, transactional_db, device):
    call_command("load_seeds", stdout=StringIO())
    width = WIDTHS[device]
    shot = f"reader-{width}"
    page = new_context(viewport={"width": width, "height": 900}, is_mobile=device == "phone")
    page = page.new_page()

    def visit(name: str) -> None:
        page.wait_for_load_state()
        assert no_sideways_scroll(page), name
        screenshot(page, f"{shot}-{name}")

    page.goto(live_server.url + "/")
    visit("01-home")
    page.get_by_role("link", name="All articles →").click()
    visit("02-articles")
    article = Article.objects.get(origin__startswith="003_")
    page.locator(f'main a[href="/articles/{article.pk}/"]').click()
    visit("03-article")
    claim = Claim.objects.published().filter(article=article).order_by("start").first()
    page.goto(f"{live_server.url}/claims/{claim.pk}/")
    visit("04-claim")
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    crumbs.get_by_role("link", name="Articles").click()
    page.wait_for_url("**/articles/")
    page.goto(live_server.url + "/events/")
    visit("05-events")
    night = Event.objects.get(name="Overnight strikes on Ukraine, 25–26 Feb 2026")
    page.locator(f'main a[href="/events/{night.pk}/"]').click()
    visit("06-event")
    page.locator("main a", has_text="Overnight Russian strikes on Ukraine").first.click()
    visit("07-series")
    assert page.locator("svg.chart .legend").count() >= 2
