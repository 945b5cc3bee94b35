"""The job page follows an import as it runs: counts and item lines appear without a reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from factcheck.ledger.services.jobs import (
    ImportTarget,
    import_job_create,
    import_job_item_run,
    import_job_pending,
)
from tests.factories import UserFactory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_job_page_shows_items_as_they_finish(live_server, page, login, screenshot):
    targets = [ImportTarget(target=p.name, payload=p.read_bytes()) for p in SEEDS.glob("*.txt")]
    targets.append(ImportTarget(target="<b>bad</b>.txt", payload=b"no date"))
    job = import_job_create(targets=targets, label="seeds and a bad file")
    editor = UserFactory(editor=True, username="jobs-editor")
    login(page, editor)
    page.goto(f"{live_server.url}/admin/ledger/importjob/{job.pk}/change/")
    expect(page.locator(".job-done")).to_have_text("0")
    expect(page.locator(".job-total")).to_have_text("3")

    for pk in import_job_pending(job):
        import_job_item_run(item_id=pk)

    expect(page.locator(".job-done")).to_have_text("3", timeout=10_000)
    expect(page.locator(".job-status")).to_have_text("done")
    expect(page.locator(".job-rejected")).to_have_text("1")
    lines = page.locator(".job-items li")
    expect(lines).to_have_count(3)
    # The line is text, never markup.
    expect(lines.nth(2)).to_contain_text("rejected <b>bad</b>.txt")
    assert page.locator(".job-items b").count() == 0
    expect(lines.nth(0).locator("a", has_text="open")).to_have_count(1)
    screenshot(page, "import-job")
