"""Every public page at a phone's width (390 px) and a desktop's (1280 px): the document is
never wider than the viewport (no sideways scrolling), and axe-core reports no violation of
any impact. Data: the seeds and their editorial layer. Screenshots under test-output/."""

from __future__ import annotations

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from tests.standards.public_pages import public_paths

AXE = Axe()
WIDTHS = {"phone": 390, "desktop": 1280}


@pytest.fixture
def seeded(transactional_db):
    call_command("load_seeds", stdout=StringIO())


def overflow(page) -> list[str]:
    """The document's width against the viewport's, and the elements that stick out."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          const out = [`document ${document.documentElement.scrollWidth}px > ${width}px`];
          for (const el of document.querySelectorAll("body *")) {
            const box = el.getBoundingClientRect();
            if (box.right > width + 1 && !el.closest(".table-scroll")) {
              const name = `${el.tagName.toLowerCase()}.${el.className}`;
              out.push(`${name} right=${Math.round(box.right)}`);
              if (out.length > 8) break;
            }
          }
          return out;
        }"""
    )


@pytest.mark.parametrize("device", WIDTHS)
def test_no_public_page_scrolls_sideways_or_fails_axe(
    live_server, new_context, screenshot, seeded, device
):
    width = WIDTHS[device]
    context = new_context(viewport={"width": width, "height": 900}, is_mobile=device == "phone")
    page = context.new_page()
    problems = []
    for name, path in public_paths().items():
        page.goto(live_server.url + path)
        screenshot(page, f"page-{name}-{width}")
        wide = overflow(page)
        if wide:
            problems.append(f"{name} at {width}px scrolls sideways: {'; '.join(wide)}")
        results = AXE.run(page)
        if results.violations_count:
            problems.append(f"{name} at {width}px: {results.generate_report()}")
    assert not problems, "\n\n".join(problems)


def test_the_check_catches_a_page_wider_than_the_phone(live_server, new_context, seeded):
    page = new_context(viewport={"width": 390, "height": 900}).new_page()
    page.goto(live_server.url + "/")
    assert overflow(page) == []
    page.evaluate("document.querySelector('main').style.minWidth = '600px'")
    assert overflow(page)[0].startswith("document ")
