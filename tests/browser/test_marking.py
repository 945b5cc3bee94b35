"""An editor marks a claim by selecting text; a reviewer publishes it; readers then see it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from factcheck.ledger.models import Claim
from factcheck.ledger.services.articles import article_import
from tests.factories import UserFactory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SENTENCE = "Russia is still insisting that Ukraine cede control of its Donbas region in the east."

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def seed_article():
    path = next(SEEDS.glob("000_*.txt"))
    # The copy of 000 names no outlet; seeds/editorial/articles.toml knows it.
    return article_import(
        data=path.read_bytes(), origin=path.name, source_name="The Independent"
    ).article


def select_text(page, text: str) -> None:
    """Select `text` in the article body the way a mouse drag does (a DOM Range), then let go."""
    page.evaluate(
        """(text) => {
          const root = document.getElementById("article-body");
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(text);
            if (at >= 0) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + text.length);
              const sel = window.getSelection();
              sel.removeAllRanges();
              sel.addRange(range);
              root.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
              return;
            }
          }
          throw new Error("text not found: " + text);
        }""",
        text,
    )


def test_an_editor_marks_a_sentence_a_reviewer_publishes_it_and_readers_see_it(
    live_server, new_context, login, screenshot, seed_article
):
    editor = UserFactory(editor=True, username="marking-editor")
    reviewer = UserFactory(reviewer=True, username="marking-reviewer")
    page = login(new_context().new_page(), editor)
    page.goto(f"{live_server.url}/admin/ledger/article/{seed_article.pk}/change/")

    # A real triple-click selects the one-sentence paragraph (with its line break: trimmed).
    # The page fills the form just after the mouseup (a zero timeout): wait for it.
    page.locator("#article-body p", has_text="Russia is still insisting").click(click_count=3)
    expect(page.locator("#mark-form textarea[name=quote]")).to_have_value(SENTENCE)
    page.fill("#mark-form input[name=summary]", "Russia demands the Donbas")
    page.select_option("#mark-form select[name=kind]", "position")
    page.fill("#mark-form input[name=m-quantity] >> nth=0", "regions")
    page.fill("#mark-form input[name=m-value] >> nth=0", "1")
    page.click("#mark-submit")
    page.wait_for_selector("mark.claim-mark")
    claim = Claim.objects.get()
    assert claim.exact == SENTENCE and seed_article.body[claim.start : claim.end] == SENTENCE
    assert claim.summary == "Russia demands the Donbas" and claim.created_by == editor
    assert page.locator(f'mark[data-claim="{claim.pk}"]').inner_text() == SENTENCE
    screenshot(page, "marking-highlighted")

    # Clicking the highlight opens the claim.
    page.click(f'mark[data-claim="{claim.pk}"]')
    page.click("#claim-panel-link")
    page.wait_for_url(f"**/admin/ledger/claim/{claim.pk}/change/")
    page.click("#workflow-submit")
    page.wait_for_selector("text=Submitted for review.")
    assert page.locator("#workflow-publish").count() == 0  # editors cannot publish

    review = login(new_context().new_page(), reviewer)
    review.goto(f"{live_server.url}/admin/ledger/claim/?queue=review")
    review.locator("#result_list tr", has_text=SENTENCE[:40]).locator("th a").click()
    review.click("#workflow-publish")
    review.wait_for_selector("text=Published.")
    assert Claim.objects.published().get() == claim

    reader = new_context().new_page()
    response = reader.goto(f"{live_server.url}/articles/{seed_article.pk}/")
    assert response.status == 200
    assert reader.locator(f'[href$="/claims/{claim.pk}/"]').count() >= 1 or (
        claim.summary in reader.content()
    )
    assert reader.goto(f"{live_server.url}/claims/{claim.pk}/").status == 200


def test_offsets_count_code_points_across_emoji_and_curly_quotes(
    live_server, page, login, seed_article
):
    body = (
        " date 2026-02-17 Flags 🇺🇦🇷🇺 and “curly” quotes – dashes, Zürich.\n\n"
        "Then 🛩️ drones: “We have no deadlines,” Lavrov said.\n"
    ).encode()
    article = article_import(data=body, origin="emoji.txt").article
    login(page, UserFactory(editor=True, username="emoji-editor"))
    page.goto(f"{live_server.url}/admin/ledger/article/{article.pk}/change/")
    select_text(page, "“We have no deadlines,” Lavrov")
    page.click("#mark-submit")
    page.wait_for_selector("mark.claim-mark")
    claim = Claim.objects.get()
    assert claim.exact == "“We have no deadlines,” Lavrov"
    assert article.body[claim.start : claim.end] == claim.exact


def test_keyboard_users_mark_by_typing_the_quote(live_server, page, login, seed_article):
    login(page, UserFactory(editor=True, username="keyboard-editor"))
    page.goto(f"{live_server.url}/admin/ledger/article/{seed_article.pk}/change/")
    page.focus("#mark-form textarea[name=quote]")
    page.keyboard.type("Mr Trump described the Geneva meeting as")
    page.focus("#mark-submit")
    page.keyboard.press("Enter")
    page.wait_for_selector("mark.claim-mark")
    page.focus("mark.claim-mark")
    page.keyboard.press("Enter")
    assert page.locator("#claim-panel").is_visible()
    assert Claim.objects.get().exact == "Mr Trump described the Geneva meeting as"
