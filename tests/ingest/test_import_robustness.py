"""The importer refuses what is not a file, reads with a cap, parses in linear time, and redoes
an analysis a crash left undone."""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from factcheck.ingest import article as article_module
from factcheck.ingest import names, parse_article
from factcheck.ledger.models import Article, Suggestion
from factcheck.ledger.services.articles import article_import, read_article_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(*args) -> tuple[str, int]:
    out = StringIO()
    try:
        call_command("import_articles", *args, stdout=out)
    except CommandError as err:
        return out.getvalue(), err.returncode
    return out.getvalue(), 0


@pytest.mark.django_db
def test_a_device_is_refused_before_anything_is_read():
    output, status = run("/dev/zero")
    assert status == 1
    assert "rejected /dev/zero: not a regular file (a character device)" in output
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "story.txt"
    os.mkfifo(pipe)
    result = read_article_file(pipe)
    assert result.status == "rejected"
    assert "not a regular file (a named pipe)" in result.reason


def test_a_file_is_read_no_further_than_the_cap(tmp_path, settings):
    settings.ARTICLE_MAX_BYTES = 1000
    path = tmp_path / "big.txt"
    path.write_bytes(b" date 2026-03-01 " + b"x" * 5000)
    result = read_article_file(path)
    assert result.status == "rejected"
    assert "the limit is 1,000" in result.reason


def test_sign_off_lines_are_scanned_once_each(monkeypatch):
    """200,000 sign-off-shaped paragraphs: each is looked at a fixed number of times.

    The sign-off scan used to grow a list at its front for each one (quadratic: 26 s).
    """
    count = 200_000
    calls = 0
    real = names.agencies_in

    def counting(text: str) -> list[str]:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(names, "agencies_in", counting)
    data = (" date 2026-03-01 Officials met on Monday in Geneva.\n\n" + "AFP\n\n" * count).encode()
    parsed = parse_article(data)
    assert parsed.wire_agency == "AFP"
    assert parsed.body == "Officials met on Monday in Geneva."
    assert len(parsed.set_aside) == count
    assert calls <= 2 * count + 10


def test_the_sign_off_agency_is_the_earliest_one():
    originals = ["Officials met on Monday.", "Reuters", "AFP"]
    kept, set_aside, agency = article_module.sort_paragraphs(originals)
    assert kept == ["Officials met on Monday."]
    assert agency == "Reuters"


@pytest.mark.django_db
def test_an_article_committed_without_its_suggestions_gets_them_on_the_next_import(
    django_capture_on_commit_callbacks,
):
    data = next(SEEDS.glob("000_*.txt")).read_bytes()
    # A crash between the import and its analysis: the article is stored, nothing found.
    with django_capture_on_commit_callbacks(execute=False):
        first = article_import(data=data, origin="000.txt")
    article = first.article
    article.refresh_from_db()
    assert article.analysed_at is None
    assert not Suggestion.objects.filter(article=article).exists()

    with django_capture_on_commit_callbacks(execute=True):
        again = article_import(data=data, origin="000.txt")
    assert again.status == "unchanged"
    assert "suggestions were missing" in again.line
    article.refresh_from_db()
    assert article.analysed_at is not None
    assert Suggestion.objects.filter(article=article).exists()

    with django_capture_on_commit_callbacks(execute=True):
        third = article_import(data=data, origin="000.txt")
    assert third.status == "unchanged" and "suggestions" not in third.line
