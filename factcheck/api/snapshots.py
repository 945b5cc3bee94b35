"""Whole-ledger exports kept on disk, one file per ledger clock version.

A reader's unfiltered export (`claims/export.csv`, `claims/claimreview/`,
`claims/annotations/`) shows the published ledger, which changes only with a public change,
and every public change moves the ledger clock (``factcheck.ledger.services.clock``). So the
first reader after a change gets the export built while it is sent, as before, and the same
bytes are written to a file beside it (``API_EXPORT_DIR``); every later reader, in any app
process on the host, gets that file (sent by the server from disk, no query but the clock's)
until the clock moves again. The ETag names the export, the site's address (the documents
carry absolute URLs) and the clock's version, so a client holding the current one gets a 304.

A file is kept only when it was sent whole and the clock did not move while it was built (a
change in between could be half in it); older files of the same export are then removed.
Filtered exports and the newsroom's (which show drafts, whose edits do not move the public
clock) are built for each request.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import quote_etag

from factcheck.ledger.services.clock import public_clock

from .concurrency import none_match

# Raise when an export's content changes shape, so kept files and clients' ETags stop matching.
EXPORT_VERSION = "1"
# Response headers a kept file is sent with again.
KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def _directory() -> Path:
    return Path(settings.API_EXPORT_DIR)


def kept_export(request, name: str, build: Callable[[], StreamingHttpResponse]) -> HttpResponse:
    """The export ``name`` for this clock version: 304, the kept file, or ``build()``'s
    streamed answer, kept on the way out (one query, the clock's, besides the build's)."""
    version, _ = public_clock()
    # The documents carry absolute URLs; the directory may serve more than one database.
    db = connection.settings_dict
    where = f"{request.build_absolute_uri('/')}|{db['HOST']}|{db['PORT']}|{db['NAME']}"
    digest = hashlib.sha256(f"{EXPORT_VERSION}|{name}|{where}|{version}".encode()).hexdigest()
    etag = quote_etag(digest[:32])
    if none_match(request, etag):
        return HttpResponse(status=304, headers={"ETag": etag})
    stem = f"{name}-{hashlib.sha256(where.encode()).hexdigest()[:16]}"
    body = _directory() / f"{stem}-v{version}.body"
    try:
        headers = json.loads(body.with_suffix(".headers").read_text())
        kept = open(body, "rb")  # noqa: SIM115 -- the response closes it when sent
    except (FileNotFoundError, ValueError):
        response = build()
        response.streaming_content = _kept_while_sent(
            response.streaming_content,
            body=body,
            headers={h: response[h] for h in KEPT_HEADERS if h in response},
            version=version,
            stem=stem,
        )
    else:
        response = FileResponse(kept, content_type=headers["Content-Type"])
        for header in KEPT_HEADERS:  # FileResponse would name the kept file's own name
            if header in headers:
                response[header] = headers[header]
            elif header in response:
                del response[header]
    response["ETag"] = etag
    return response


def _kept_while_sent(
    chunks: Iterable[bytes], *, body: Path, headers: dict, version: int, stem: str
) -> Iterator[bytes]:
    """The chunks, passed on as they come and written to a temporary file; when the last is
    sent and the clock still reads ``version``, the file becomes the kept export."""
    directory = body.parent
    directory.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=directory, prefix=".building-", delete=False)  # noqa: SIM115
    whole = False
    try:
        with handle:
            for chunk in chunks:
                handle.write(chunk)
                yield chunk
        whole = True
    finally:
        if whole and public_clock()[0] == version:
            meta = body.with_suffix(".headers")
            meta_tmp = directory / f".building-{meta.name}"
            meta_tmp.write_text(json.dumps(headers))
            os.replace(meta_tmp, meta)
            os.replace(handle.name, body)  # atomic: readers see no file or a whole one
            _remove_older(stem, keep=body)
        else:
            Path(handle.name).unlink(missing_ok=True)


def _remove_older(stem: str, *, keep: Path) -> None:
    for path in keep.parent.glob(f"{stem}-v*.*"):
        if path.name not in (keep.name, keep.with_suffix(".headers").name):
            path.unlink(missing_ok=True)
