"""An editor reviews the engine's suggestions on an imported seed and accepts a figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ledger.models import Claim, Suggestion
from factcheck.ledger.services.articles import article_import
from factcheck.ledger.services.suggestions import suggestions_refresh
from tests.factories import UserFactory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FIGURE = "almost 400 long-range drones"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def seed_article():
    path = next(SEEDS.glob("000_*.txt"))
    article = article_import(data=path.read_bytes(), origin=path.name).article
    suggestions_refresh(article=article)  # what the import's on-commit analysis does
    return article


def test_an_editor_accepts_a_figure_and_lands_on_its_draft_claim(
    live_server, page, login, screenshot, seed_article
):
    editor = UserFactory(editor=True, username="suggestions-editor")
    login(page, editor)
    page.goto(f"{live_server.url}/admin/ledger/article/{seed_article.pk}/change/")

    # The workspace opens on "Mark a claim"; the suggestions are one tab away, with their count.
    tab = page.locator('.workspace-tab[data-panel="suggestions-panel"]')
    assert (
        int(tab.locator(".count").inner_text())
        == Suggestion.objects.filter(article=seed_article, status="open").count()
    )
    tab.click()
    panel = page.locator("#suggestions-panel")
    for title in ("Statements", "Figures", "Actors", "Dates"):
        assert panel.locator("summary", has_text=title).count() == 1
    figure = Suggestion.objects.get(article=seed_article, kind="figure", text=FIGURE)
    item = page.locator(f"#suggestion-{figure.pk}")
    assert "drones: at most 400" in item.inner_text()
    assert f"found by: {figure.rule}" in item.inner_text()

    # Focusing the suggestion outlines its words in the text.
    item.focus()
    highlighted = page.evaluate(
        "() => { const h = CSS.highlights.get('suggestion');"
        " return h ? [...h][0].toString() : null; }"
    )
    assert highlighted == FIGURE
    screenshot(page, "suggestions-panel")

    item.get_by_role("button", name="Accept").click()
    # The claim exists once the server has answered: wait for the page it sends the editor to.
    page.wait_for_url("**/admin/ledger/claim/*/change/")
    claim = Claim.objects.get()
    assert page.url.endswith(f"/admin/ledger/claim/{claim.pk}/change/")
    assert page.locator(".messagelist").inner_text().startswith(f"Draft claim #{claim.pk} made")
    assert page.input_value("input[name=measurements-0-quantity]") == "drones"
    assert float(page.input_value("input[name=measurements-0-value]")) == 400
    assert page.input_value("select[name=measurements-0-bound]") == "at_most"
    assert page.input_value("input[name=measurements-0-text]") == FIGURE
    assert claim.status == "draft" and claim.kind == "quantity"
    screenshot(page, "suggestion-accepted-claim")

    # Back on the article, the figure has left the panel and the claim is highlighted.
    page.goto(f"{live_server.url}/admin/ledger/article/{seed_article.pk}/change/")
    assert page.locator(f"#suggestion-{figure.pk}").count() == 0
    assert page.locator(f'mark[data-claim="{claim.pk}"]').count() >= 1
