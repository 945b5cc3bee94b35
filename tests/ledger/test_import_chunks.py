"""import_articles without a broker commits its items a chunk at a time (``--chunk``).

These tests commit (``transaction=True``), as the command does: what a failure keeps is what
was committed before it.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from factcheck.ledger.choices import ImportItemStatus
from factcheck.ledger.models import Article, ImportJobItem
from factcheck.ledger.services import jobs

pytestmark = pytest.mark.django_db(transaction=True)


def article(n: int) -> bytes:
    return (
        f" date 2026-03-{n:02d} KYIV (Reuters) - Officials said talks number {n} would resume."
        "\n\nA second paragraph.\n"
    ).encode()


@pytest.fixture
def folder(tmp_path):
    for n in range(1, 8):
        (tmp_path / f"{n:02d}.txt").write_bytes(article(n))
    return tmp_path


def run(*args) -> str:
    out = StringIO()
    call_command("import_articles", *args, stdout=out)
    return out.getvalue()


def origins() -> list[str]:
    return sorted(Article.objects.values_list("origin", flat=True))


def test_every_item_of_every_chunk_is_imported_and_printed(folder):
    output = run(str(folder), "--chunk", "3")
    assert origins() == [f"{n:02d}.txt" for n in range(1, 8)]
    assert [line.split()[1] for line in output.splitlines()] == [
        f"{n:02d}.txt" for n in range(1, 8)
    ]


def test_a_bad_file_in_a_chunk_is_rejected_alone_with_its_reason(folder):
    (folder / "04.txt").write_text(" date 2026-02-30 Text.")
    with pytest.raises(CommandError) as raised:
        run(str(folder), "--chunk", "3")
    assert raised.value.returncode == 1
    assert origins() == [f"{n:02d}.txt" for n in (1, 2, 3, 5, 6, 7)]
    item = ImportJobItem.objects.get(target="04.txt")
    assert item.status == ImportItemStatus.REJECTED
    assert "2026-02-30" in item.reason


def test_an_error_late_in_a_batch_keeps_the_chunks_before_it(folder, monkeypatch):
    real = jobs.file_import

    def failing_on_the_sixth(*, data, name, **kwargs):
        if name == "06.txt":
            raise RuntimeError("the database went away")
        return real(data=data, name=name, **kwargs)

    monkeypatch.setattr(jobs, "file_import", failing_on_the_sixth)
    with pytest.raises(RuntimeError, match="went away"):
        run(str(folder), "--chunk", "2")
    # Chunks [01 02] [03 04] are committed; in [05 06] the fifth is kept, the sixth rolled back.
    assert origins() == ["01.txt", "02.txt", "03.txt", "04.txt", "05.txt"]
    pending = ImportJobItem.objects.filter(status=ImportItemStatus.PENDING)
    assert sorted(pending.values_list("target", flat=True)) == ["06.txt", "07.txt"]

    monkeypatch.setattr(jobs, "file_import", real)
    output = run(str(folder), "--chunk", "2")
    assert origins() == [f"{n:02d}.txt" for n in range(1, 8)]
    assert output.count("unchanged") == 5 and output.count("imported") == 2


def test_a_chunk_below_one_is_refused(folder):
    with pytest.raises(CommandError, match="--chunk must be at least 1"):
        run(str(folder), "--chunk", "0")
    assert not Article.objects.exists()
