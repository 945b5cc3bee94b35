"""Getting articles in: one importer behind the command, the admin, the API and the job queue.

Whatever the source (a file in any format ``factcheck.ingest.documents`` reads, a URL, a
feed's entry), each article arrives here as a parsed article and its origin (the canonical
URL, a ninjs uri or a file name) and is stored by ``article_store``: all-or-nothing, the same
text again is ``unchanged``, changed text from the same origin is a new revision with its
claims carried over, and copies of the same story are recognised.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from factcheck.ingest import ParsedArticle, ParseError
from factcheck.ingest.documents import Document, read_document
from factcheck.ingest.feeds import Feed
from factcheck.ingest.fetch import FetchError, fetch_document, fetch_feed, user_agent

from ..choices import NO_OUTLET
from ..models import Article, Source
from .anchoring import claims_carry_over
from .copies import article_copies_record
from .suggestions import suggestions_refresh

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    """What happened to one article (one file, one page, one wire item)."""

    origin: str
    status: Literal["imported", "unchanged", "rejected"]
    article: Article | None = None
    reason: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = field(default_factory=tuple)
    # A network failure that may pass if tried again later (a job queue retries it).
    retriable: bool = False

    @property
    def needs_outlet(self) -> bool:
        return self.article is not None and self.article.source.name == NO_OUTLET

    @property
    def line(self) -> str:
        """One line for the command's output, the admin's report and a job's item."""
        if self.status == "rejected":
            return f"rejected {self.origin}: {self.reason}"
        detail = ""
        if self.article is not None:
            detail = f" (article {self.article.pk}, revision {self.article.revision}"
            detail += f", {self.article.wire_agency or 'no agency'}, {self.article.source.name})"
        notes = "".join(f"; {n}" for n in self.notes)
        warn = "".join(f"; warning: {w}" for w in self.warnings)
        if self.needs_outlet:
            warn += "; needs an outlet: the copy names none (choose it on the article's page)"
        return f"{self.status} {self.origin}{detail}{notes}{warn}"


def rejected(origin: str, reason: str, *, retriable: bool = False) -> ImportResult:
    return ImportResult(
        origin=origin or "(unnamed)", status="rejected", reason=reason, retriable=retriable
    )


def source_get_or_create(*, name: str) -> Source:
    """The outlet of that name, matched whatever the letter case, created if new."""
    name = " ".join(name.split())[:200] or NO_OUTLET
    existing = Source.objects.filter(name__iexact=name).first()
    return existing or Source.objects.create(name=name)


def _too_big(origin: str, size: int | str) -> ImportResult:
    limit = settings.ARTICLE_MAX_BYTES
    shown = f"{size:,} bytes" if isinstance(size, int) else size
    return rejected(origin, f"the file is {shown}; the limit is {limit:,}")


def article_store(*, parsed: ParsedArticle, origin: str, source_name: str = "") -> ImportResult:
    """Store one parsed article all-or-nothing: imported, or unchanged when its text is known.

    Changed text from a known origin becomes a new revision and its claims are carried over.
    The same text whose suggestions were never found (the process stopped between the two)
    is unchanged, and its suggestions are found now.
    """
    origin = origin.strip()[:500]
    if not origin:
        return rejected("(unnamed)", "the file has no name")
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
            notes: tuple[str, ...] = ()
            if same_text.analysed_at is None:
                pk = same_text.pk
                transaction.on_commit(lambda: article_analyse(article_id=pk))
                notes = ("suggestions were missing: found again",)
            return ImportResult(origin=origin, status="unchanged", article=same_text, notes=notes)

        if source_name.strip():
            source = source_get_or_create(name=source_name)
        elif current is not None:
            source = current.source
        else:
            source = source_get_or_create(name=parsed.source_name or NO_OUTLET)

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
        copies = article_copies_record(article=article)
        transaction.on_commit(lambda: article_analyse(article_id=article.pk))
    notes = ()
    if copies:
        shown = ", ".join(str(a.pk) for a in sorted(copies, key=lambda a: a.pk)[:5])
        notes = (f"a copy of article {shown}",)
    return ImportResult(
        origin=origin,
        status="imported",
        article=article,
        warnings=tuple(parsed.warnings),
        notes=notes,
    )


def article_analyse(*, article_id: int) -> None:
    """Find an article's suggestions and record that they were found (never fails the import).

    The import is committed first; if this never completes, ``analysed_at`` stays empty and
    the next import of the same text runs it.
    """
    try:
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=article_id)
            suggestions_refresh(article=article)
            article.analysed_at = timezone.now()
            article.save(update_fields=["analysed_at"])
    except Exception:  # the import is committed; a failing analysis must not undo it
        log.exception("suggestion analysis failed for article %s", article_id)


def document_store(
    document: Document, *, source_name: str = "", fallback_origin: str = ""
) -> list[ImportResult]:
    """Store every article of a read document (one per item; a bad item stops no other)."""
    results = []
    for item in document.items:
        origin = item.origin or fallback_origin
        if item.article is None:
            results.append(rejected(origin, item.error))
        else:
            results.append(
                article_store(parsed=item.article, origin=origin, source_name=source_name)
            )
    return results


def article_import(
    *, data: bytes, origin: str, source_name: str = "", content_type: str = ""
) -> ImportResult:
    """Import one file of one article (any format but a feed or a list): its one result."""
    results = file_import(
        data=data, name=origin, source_name=source_name, content_type=content_type
    )
    if isinstance(results, Feed) or len(results) != 1:
        return rejected(
            origin.strip() or "(unnamed)",
            "the file holds several articles (a feed or a list); import it as a batch",
        )
    return results[0]


def file_import(
    *, data: bytes, name: str, source_name: str = "", content_type: str = ""
) -> list[ImportResult] | Feed:
    """Read an uploaded or saved file and store its articles; a feed is returned unread."""
    name = name.strip()[:500]
    if not name:
        return [rejected("(unnamed)", "the file has no name")]
    if len(data) > settings.ARTICLE_MAX_BYTES:
        return [_too_big(name, len(data))]
    try:
        document = read_document(data, filename=name, content_type=content_type)
    except ParseError as err:
        return [rejected(name, str(err))]
    if document.feed is not None:
        return document.feed
    return document_store(document, source_name=source_name, fallback_origin=name)


def fetch_options() -> dict:
    """How this site fetches: time limit, size cap, User-Agent and which networks it may reach."""
    return {
        "timeout": settings.FETCH_TIMEOUT,
        "max_bytes": settings.FETCH_MAX_BYTES,
        "agent": user_agent(settings.NEWSROOM_URL),
        "allow_private": settings.FETCH_ALLOW_PRIVATE,
        "allowed_networks": tuple(settings.FETCH_ALLOWED_NETWORKS),
    }


def url_import(
    *, url: str, source_name: str = "", fallback_published=None
) -> list[ImportResult] | Feed:
    """Fetch a URL and store what it serves; a feed is returned for its entries to be fetched.

    A network failure that may pass later is a rejected result marked ``retriable``.
    """
    url = url.strip()
    try:
        fetched, document = fetch_document(
            url, fallback_published=fallback_published, **fetch_options()
        )
    except FetchError as err:
        return [rejected(url, str(err), retriable=err.retriable)]
    except ParseError as err:
        return [rejected(url, str(err))]
    if document.feed is not None:
        return document.feed
    return document_store(document, source_name=source_name, fallback_origin=fetched.url)


def feed_fetch(url: str) -> Feed:
    """Fetch and read a feed; raise FetchError (network, status) or ParseError (not a feed)."""
    return fetch_feed(url, **fetch_options())[1]


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


def read_article_file(path: Path) -> bytes | ImportResult:
    """A file's bytes, read with the size cap; a rejected result for anything but a regular
    file (a device such as /dev/zero, a pipe, a socket) or a file over the cap."""
    origin = path.name or str(path)
    try:
        # Opened without blocking, then checked: a FIFO would otherwise wait for a writer.
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return rejected(str(path), f"not a regular file ({_file_kind(info.st_mode)})")
        limit = settings.ARTICLE_MAX_BYTES
        if info.st_size > limit:
            return _too_big(origin, info.st_size)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        return rejected(str(path), "no such file or folder")
    except OSError as err:
        return rejected(origin, f"cannot read: {err.strerror}")
    if len(data) > limit:
        # The file grew after it was measured: the cap holds whatever stat said.
        return _too_big(origin, f"over {limit:,} bytes")
    return data


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    )
    return next((name for check, name in kinds if check(mode)), "not a file")


def articles_import_paths(
    paths: Iterable[str | Path], *, source_name: str = ""
) -> Iterator[ImportResult]:
    """Import files and folders one file at a time; a bad file never stops the others.

    A feed file's entries are fetched and imported; a ninjs list gives a result per item.
    """
    for path in iter_article_files(paths):
        data = read_article_file(path)
        if isinstance(data, ImportResult):
            yield data
            continue
        results = file_import(data=data, name=path.name, source_name=source_name)
        if isinstance(results, Feed):
            yield from feed_entries_import(results, source_name=source_name)
        else:
            yield from results


def feed_entries_import(feed: Feed, *, source_name: str = "") -> Iterator[ImportResult]:
    """Fetch and import each entry of a feed in turn (the in-process path; jobs queue them)."""
    for entry in feed.items:
        if not entry.link:
            yield rejected(entry.key or feed.title, "the feed entry has no link to fetch")
            continue
        results = url_import(
            url=entry.link,
            source_name=source_name,
            fallback_published=entry.published.date() if entry.published else None,
        )
        if isinstance(results, Feed):
            yield rejected(entry.link, "the feed entry links to another feed, not an article")
        else:
            yield from results
