"""A long series, paged: 50 events a page at 390 and 1280 px, no sideways scrolling, no axe
violation, and the pager's links lead from one page to the next and back. Screenshots under
test-output/browser/ (page-series-paged-<width>-<page>.png)."""

from __future__ import annotations

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_every_public_page import WIDTHS, overflow
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    MeasurementFactory,
    SeriesFactory,
    SourceFactory,
)

AXE = Axe()


@pytest.fixture
def long_series(transactional_db):
    strikes = SeriesFactory(name="Overnight strikes on the capital")
    outlets = [SourceFactory(name=name) for name in ("The Herald", "The Courier")]
    for i in range(60):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=i)
        night = EventFactory(
            series=strikes, name=f"Strikes, night of {day:%d %b}", start=day, end=day
        )
        for n, outlet in enumerate(outlets):
            claim = ClaimFactory(
                article=ArticleFactory(source=outlet), event=night, kind="quantity", published=True
            )
            value = 100 + i * 3 + n * 10
            MeasurementFactory(claim=claim, quantity="drones", value=value, text=f"{value}")
    return strikes


@pytest.mark.parametrize("device", WIDTHS)
def test_a_long_series_is_paged_and_fits_the_screen(
    live_server, new_context, screenshot, long_series, device
):
    width = WIDTHS[device]
    context = new_context(viewport={"width": width, "height": 900}, is_mobile=device == "phone")
    page = context.new_page()
    page.goto(f"{live_server.url}/series/{long_series.pk}/")
    problems = []
    for number in (1, 2):
        screenshot(page, f"page-series-paged-{width}-{number}")
        assert (
            page.locator("nav.pager span")
            .inner_text()
            .startswith("1–50 of 60" if number == 1 else "51–60 of 60")
        )
        if overflow(page):
            problems.append(f"page {number} at {width}px scrolls sideways: {overflow(page)}")
        results = AXE.run(page)
        if results.violations_count:
            problems.append(f"page {number} at {width}px: {results.generate_report()}")
        if number == 1:
            page.click("nav.pager a[rel=next]")
            page.wait_for_url("**/?page=2")
    page.click("nav.pager a[rel=prev]")
    page.wait_for_url("**/?page=1")
    assert not problems, "\n\n".join(problems)
