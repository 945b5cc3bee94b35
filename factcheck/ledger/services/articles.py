"""Getting articles in: one importer behind the command, the admin upload and the API."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.db import transaction

from factcheck.ingest import ParseError, parse_article

from ..choices import NO_OUTLET
from ..models import Article, Source
from .anchoring import claims_carry_over
from .suggestions import suggestions_refresh

log = logging.getLogger(__name__)

UNKNOWN_SOURCE = NO_OUTLET  # the article then needs an outlet, chosen by an editor


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file."""

    origin: str
    status: Literal["imported", "unchanged", "rejected"]
    article: Article | None = None
    reason: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def needs_outlet(self) -> bool:
        return self.article is not None and self.article.source.name == NO_OUTLET

    @property
    def line(self) -> str:
        """One line for the command's output and the admin's report."""
        if self.status == "rejected":
            return f"rejected {self.origin}: {self.reason}"
        detail = ""
        if self.article is not None:
            detail = f" (article {self.article.pk}, revision {self.article.revision}"
            detail += f", {self.article.wire_agency or 'no agency'}, {self.article.source.name})"
        warn = "".join(f"; warning: {w}" for w in self.warnings)
        if self.needs_outlet:
            warn += "; needs an outlet: the copy names none (choose it on the article's page)"
        return f"{self.status} {self.origin}{detail}{warn}"


def source_get_or_create(*, name: str) -> Source:
    """The outlet of that name, matched whatever the letter case, created if new."""
    name = " ".join(name.split())[:200] or UNKNOWN_SOURCE
    existing = Source.objects.filter(name__iexact=name).first()
    return existing or Source.objects.create(name=name)


def _too_big(origin: str, size: int) -> ImportResult:
    limit = settings.ARTICLE_MAX_BYTES
    reason = f"the file is {size:,} bytes; the limit is {limit:,}"
    return ImportResult(origin=origin, status="rejected", reason=reason)


def article_import(*, data: bytes, origin: str, source_name: str = "") -> ImportResult:
    """Import one file's bytes all-or-nothing: imported, unchanged or rejected with the reason."""
    origin = origin.strip()[:500]
    if not origin:
        return ImportResult(origin="(unnamed)", status="rejected", reason="the file has no name")
    if len(data) > settings.ARTICLE_MAX_BYTES:
        return _too_big(origin, len(data))
    try:
        parsed = parse_article(data, filename=origin)
    except ParseError as err:
        return ImportResult(origin=origin, status="rejected", reason=str(err))

    with transaction.atomic():
        # Lock the current revision so two imports of one origin cannot both add revision n+1.
        current = (
            Article.objects.select_for_update()
            .select_related("source")
            .filter(origin=origin, is_current=True)
            .first()
        )
        same_text = (
            current
            if current is not None and current.content_hash == parsed.content_hash
            else Article.objects.select_related("source")
            .filter(content_hash=parsed.content_hash)
            .order_by("id")
            .first()
        )
        if same_text is not None:
            return ImportResult(origin=origin, status="unchanged", article=same_text)

        if source_name.strip():
            source = source_get_or_create(name=source_name)
        elif current is not None:
            source = current.source
        else:
            source = source_get_or_create(name=parsed.source_name or UNKNOWN_SOURCE)

        if current is not None:
            current.is_current = False
            current.save(update_fields=["is_current"])

        article = Article.objects.create(
            source=source,
            title=parsed.title[:300] or origin,
            published=parsed.published,
            body=parsed.body,
            paragraphs=[list(p) for p in parsed.paragraphs],
            set_aside=[
                {"kind": item.kind, "text": item.text, "index": item.index}
                for item in parsed.set_aside
            ],
            content_hash=parsed.content_hash,
            origin=origin,
            wire_agency=parsed.wire_agency,
            revision=(current.revision + 1) if current else 1,
            encoding=parsed.encoding,
            import_warnings=list(parsed.warnings),
        )
        if current is not None:
            claims_carry_over(old=current, new=article)
        transaction.on_commit(lambda: _analyse_after_import(article.pk))
    return ImportResult(
        origin=origin, status="imported", article=article, warnings=tuple(parsed.warnings)
    )


def _analyse_after_import(article_id: int) -> None:
    """Propose suggestions for a freshly imported article (never fails the import)."""
    try:
        suggestions_refresh(article=Article.objects.get(pk=article_id))
    except Exception:  # the import is committed; a failing analysis must not undo it
        log.exception("suggestion analysis failed for article %s", article_id)


def iter_article_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file named, and the files directly in each folder named (not sub-folders, not
    hidden files), in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        else:
            yield path


def articles_import_paths(
    paths: Iterable[str | Path], *, source_name: str = ""
) -> Iterator[ImportResult]:
    """Import files and folders one file at a time; a bad file never stops the others."""
    for path in iter_article_files(paths):
        origin = path.name
        try:
            size = path.stat().st_size
            if size > settings.ARTICLE_MAX_BYTES:
                # Refuse before reading: a huge file is never loaded into memory.
                yield _too_big(origin, size)
                continue
            data = path.read_bytes()
        except FileNotFoundError:
            yield ImportResult(origin=str(path), status="rejected", reason="no such file or folder")
            continue
        except OSError as err:
            yield ImportResult(
                origin=origin, status="rejected", reason=f"cannot read: {err.strerror}"
            )
            continue
        yield article_import(data=data, origin=origin, source_name=source_name)
