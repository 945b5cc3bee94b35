"""No script payload from an article or an editor runs in a browser, public or admin."""

from __future__ import annotations

from tests.factories import UserFactory
from tests.security.xss_world import build


def _watch(page) -> list[str]:
    fired: list[str] = []

    def on_dialog(dialog):
        fired.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return fired


def test_no_payload_runs_on_public_or_admin_pages(page, login, live_server):
    world = build()
    fired = _watch(page)
    article = world["article"]

    page.goto(f"{live_server.url}/articles/{article.pk}/")
    page.locator("#article-body a.hl").first.click()
    page.locator("#claim-dialog[open]").wait_for()
    assert "alert(1)" in page.locator("#claim-dialog").inner_text()
    page.keyboard.press("Escape")
    for path in (
        f"/claims/{world['claims'][0].pk}/",
        f"/actors/{world['actor'].pk}/",
        f"/events/{world['event'].pk}/",
        f"/topics/{world['topic'].pk}/",
        "/matrix/",
        "/search/?q=drones",
    ):
        page.goto(f"{live_server.url}{path}")

    login(page, UserFactory(editor=True, username="xss-editor"))
    page.goto(f"{live_server.url}/admin/ledger/article/{article.pk}/change/")
    page.locator("mark.claim-mark").first.click()
    page.locator("#claim-panel").wait_for()
    page.goto(f"{live_server.url}/admin/ledger/claim/{world['claims'][0].pk}/change/")
    page.wait_for_timeout(300)
    assert fired == []
