"""The importer service and the import_articles command (the contract in DESIGN.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from factcheck.ledger.models import Article, Source
from factcheck.ledger.services.articles import article_import

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOOD = (
    " date 2026-03-01 KYIV (Reuters) - Officials said talks would resume.\n\nA second paragraph.\n"
)


def seed(name: str) -> bytes:
    return next(SEEDS.glob(f"{name}_*.txt")).read_bytes()


def run(*args) -> tuple[str, int]:
    from io import StringIO

    out = StringIO()
    try:
        call_command("import_articles", *args, stdout=out)
    except CommandError as err:
        return out.getvalue(), err.returncode
    return out.getvalue(), 0


def test_the_seeds_import_with_their_dates_agencies_and_set_asides(tmp_path):
    output, status = run(str(SEEDS))
    assert status == 0, output
    ap = Article.objects.get(origin__startswith="000_")
    afp = Article.objects.get(origin__startswith="003_")
    assert (ap.published, ap.wire_agency) == (dt.date(2026, 2, 17), "AP")
    assert (afp.published, afp.wire_agency) == (dt.date(2026, 2, 27), "AFP")
    assert {s["kind"] for s in ap.set_aside} == {"caption"}
    assert {"promo", "caption", "signoff"} <= {s["kind"] for s in afp.set_aside}
    assert "newsletters" not in afp.body and "(Michael Probst/AP)" not in ap.body
    assert afp.source.name == "The Straits Times"
    assert ap.source.name == "Unknown"
    assert output.count("imported ") == 2


def test_every_paragraph_offset_slices_the_body():
    article = article_import(data=seed("000"), origin="000.txt").article
    for start, end in article.paragraphs:
        para = article.body[start:end]
        assert para and para == para.strip()


def test_the_same_text_again_is_unchanged():
    first = article_import(data=seed("000"), origin="000.txt")
    again = article_import(data=seed("000"), origin="000.txt")
    assert (first.status, again.status) == ("imported", "unchanged")
    assert again.article == first.article
    assert Article.objects.count() == 1


def test_the_same_text_with_bom_and_crlf_is_unchanged():
    article_import(data=seed("000"), origin="000.txt")
    crlf = b"\xef\xbb\xbf" + seed("000").replace(b"\n", b"\r\n")
    assert article_import(data=crlf, origin="000.txt").status == "unchanged"


def test_changed_text_from_the_same_origin_is_a_new_revision_and_the_old_one_is_kept():
    first = article_import(data=GOOD.encode(), origin="x.txt").article
    changed = GOOD.replace("A second paragraph.", "A corrected second paragraph.").encode()
    result = article_import(data=changed, origin="x.txt")
    assert result.status == "imported"
    first.refresh_from_db()
    assert (first.revision, first.is_current) == (1, False)
    assert (result.article.revision, result.article.is_current) == (2, True)
    assert result.article.source == first.source


def test_source_comes_from_the_option_then_the_copy_then_unknown():
    article_import(data=GOOD.encode(), origin="a.txt", source_name="The Kyiv Independent")
    assert Source.objects.filter(name="The Kyiv Independent").exists()
    assert Article.objects.get(origin="a.txt").wire_agency == "Reuters"


def test_markup_is_stored_as_text():
    data = b" date 2026-03-01 <script>alert(1)</script> happened.\n"
    article = article_import(data=data, origin="m.txt").article
    assert "<script>alert(1)</script>" in article.body


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"no header here\n\nbody", "date"),
        (b" date 2026-02-30 Something happened.", "2026-02-30"),
        (b"\x00\x01\x02binary\x00\x00" * 50, "binary"),
    ],
)
def test_bad_files_are_rejected_with_a_reason_and_nothing_is_stored(data, reason):
    result = article_import(data=data, origin="bad.txt")
    assert result.status == "rejected"
    assert reason in result.reason.lower()
    assert not Article.objects.exists()
    assert not Source.objects.exists()


def test_a_file_over_the_size_limit_is_rejected(settings):
    settings.ARTICLE_MAX_BYTES = 100
    result = article_import(data=GOOD.encode() * 10, origin="big.txt")
    assert result.status == "rejected" and "limit is 100" in result.reason


def test_a_folder_of_good_and_bad_files_imports_the_good_names_the_bad_and_exits_1(tmp_path):
    (tmp_path / "good.txt").write_bytes(GOOD.encode())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nodate.txt").write_text("Just text.\n\nMore text.")
    (tmp_path / "baddate.txt").write_text(" date 2026-02-30 Text.")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 4)
    output, status = run(str(tmp_path))
    assert status == 1
    lines = output.strip().splitlines()
    assert len(lines) == 5
    assert any(line.startswith("imported good.txt") for line in lines)
    for name in ("empty.txt", "nodate.txt", "baddate.txt", "binary.bin"):
        assert any(line.startswith(f"rejected {name}: ") for line in lines), output
    assert list(Article.objects.values_list("origin", flat=True)) == ["good.txt"]


def test_a_missing_path_is_rejected(tmp_path):
    output, status = run(str(tmp_path / "nope.txt"))
    assert status == 1 and "no such file" in output


def test_the_source_option_names_the_outlet(tmp_path):
    (tmp_path / "a.txt").write_bytes(GOOD.encode())
    run("--source", "The Independent", str(tmp_path / "a.txt"))
    assert Article.objects.get().source.name == "The Independent"


def test_running_the_command_twice_changes_nothing():
    run(str(SEEDS))
    output, status = run(str(SEEDS))
    assert status == 0
    assert output.count("unchanged ") == 2
    assert Article.objects.count() == 2
