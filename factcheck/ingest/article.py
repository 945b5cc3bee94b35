"""The parsed article every format produces, and the cleaning they all share.

Whatever the source (the seeds' text format, a web page, an IPTC ninjs item), the
paragraphs of prose go through `article_assemble`: promos, captions, credit lines
and sign-offs are set aside by shape, the wire agency is read from the credits,
and the body, its paragraph offsets, the title and the content hash are built the
same way, so the same copy reads the same whatever file it came in.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from factcheck.ingest import names, shapes

SET_ASIDE_KINDS: tuple[str, ...] = ("promo", "caption", "signoff", "subhead")

# The formats an article can come in; `ParsedArticle.format` is one of them.
FORMATS: tuple[str, ...] = ("text", "html", "ninjs")

TITLE_MAX_CHARS = 300


class ParseError(ValueError):
    """The file cannot be imported; str(err) is the reason, worded for an editor."""


@dataclass(frozen=True)
class SetAside:
    """A paragraph (or sign-off) kept out of the body, with where it stood."""

    kind: str  # one of SET_ASIDE_KINDS
    text: str
    index: int  # 0-based position in the file's original sequence of paragraphs


@dataclass(frozen=True)
class ParsedArticle:
    """The clean text of one article and what the copy says about itself.

    The fields after `warnings` are what richer formats carry; the text format
    leaves them empty. `source_name` is the outlet the copy names as itself (the
    publisher in a web page's metadata, or a promo such as "Get ST's newsletters").
    """

    published: datetime.date
    title: str
    body: str
    paragraphs: tuple[tuple[int, int], ...]
    set_aside: tuple[SetAside, ...]
    wire_agency: str
    source_name: str
    content_hash: str
    encoding: str
    warnings: tuple[str, ...]
    format: str = "text"  # one of FORMATS
    headline: str = ""
    byline: str = ""
    # The publication time when the source gives one (always timezone-aware).
    published_at: datetime.datetime | None = None
    # The page's own address (<link rel=canonical>, og:url, JSON-LD url), "" if none.
    canonical_url: str = ""
    # A stable identifier the source gives the item (a ninjs uri), "" if none.
    identifier: str = ""


def article_assemble(
    originals: list[str],
    *,
    published: datetime.date,
    encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
    format: str = "text",
    headline: str = "",
    byline: str = "",
    published_at: datetime.datetime | None = None,
    canonical_url: str = "",
    identifier: str = "",
    source_name: str = "",
    agency_hint: str = "",
    captions: tuple[str, ...] = (),
) -> ParsedArticle:
    """Clean a list of paragraphs into a ParsedArticle; raise ParseError if no prose is left.

    source_name and agency_hint are what the format's metadata says (a publisher,
    a ninjs copyright holder); the copy's own credits win over agency_hint, and a
    promo naming the outlet is used only when source_name is empty. captions are
    texts the markup itself marks as picture captions (<figcaption>): they are set
    aside whatever their shape, ahead of the paragraphs.
    """
    captions = tuple(c for c in (c.strip() for c in captions) if c)
    originals = [*captions, *(p.strip() for p in originals)]
    originals = [p for p in originals if p]
    if len(originals) == len(captions):
        raise ParseError("no article text: there are no paragraphs")

    kept, set_aside, agency = sort_paragraphs(originals, marked_captions=len(captions))
    if not kept:
        kinds = ", ".join(sorted({s.kind for s in set_aside}))
        raise ParseError(
            f"no article text: all {len(originals)} paragraphs were set aside ({kinds})"
        )

    body = "\n\n".join(kept)
    offsets: list[tuple[int, int]] = []
    start = 0
    for paragraph in kept:
        offsets.append((start, start + len(paragraph)))
        start += len(paragraph) + 2

    if not source_name:
        source_name = next(
            (
                name
                for s in set_aside
                if s.kind == "promo" and (name := shapes.source_from_promo(s.text))
            ),
            "",
        )
    headline = " ".join(headline.split())
    title = headline[:TITLE_MAX_CHARS] if headline else shapes.make_title(kept[0])
    # The hash covers the paragraphs before any were set aside, so a better
    # set-aside rule in a later release does not make old imports look changed;
    # it leaves the format and the headline out, so the same copy is the same
    # text whether it came as a file, a web page or a wire item.
    canonical = f"date {published.isoformat()}\n" + "\n\n".join(originals)
    return ParsedArticle(
        published=published,
        title=title,
        body=body,
        paragraphs=tuple(offsets),
        set_aside=tuple(set_aside),
        wire_agency=agency or agency_hint_in(agency_hint),
        source_name=" ".join(source_name.split()),
        content_hash=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        encoding=encoding,
        warnings=tuple(warnings),
        format=format,
        headline=headline,
        byline=" ".join(byline.split()),
        published_at=published_at,
        canonical_url=canonical_url,
        identifier=identifier,
    )


def agency_hint_in(text: str) -> str:
    """Return the first wire agency named in a metadata field ("Copyright 2026 AFP"), or ""."""
    found = names.agencies_in(text)
    return found[0] if found else ""


def sort_paragraphs(
    originals: list[str], *, marked_captions: int = 0
) -> tuple[list[str], list[SetAside], str]:
    """Split paragraphs into body and set-aside; return (kept, set_aside, wire agency).

    The first marked_captions paragraphs are captions by the source's own markup.

    The wire agency comes from, in order of strength: the trailing sign-off
    ("… again. AFP"), then an opening dateline ("GENEVA (Reuters) - "), then the
    agency credited most often in photo captions ("(Name/AP)"). A photo credit is
    the weakest evidence: an AFP story often runs with an AP picture. Agencies
    merely mentioned in prose ("An AFP reporter saw …") are never evidence.
    """
    count = len(originals)
    kinds: list[str | None] = [None] * count
    texts = list(originals)
    credits: list[str] = []

    for i, text in enumerate(texts):
        if i < marked_captions:
            kinds[i] = "caption"
            found = names.agencies_in(shapes.caption_credit(text) or "")
            credits.extend(found[-1:])
        elif shapes.is_promo(text):
            kinds[i] = "promo"
    last_prose = max((i for i in range(count) if kinds[i] is None), default=-1)
    for i, text in enumerate(texts):
        if kinds[i] is not None:
            continue
        credit = shapes.caption_credit(text, allow_bare=i != last_prose)
        if credit is not None:
            kinds[i] = "caption"
            found = names.agencies_in(credit)
            if found:
                # "(Keystone via AP)": the agency after "via" distributed the picture.
                credits.append(found[-1])

    signoffs: list[SetAside] = []
    # Read from the end, so each sign-off found stands before the last: the agency of the
    # earliest one wins. Kept as one value, not a list grown at its front (quadratic when a
    # file is thousands of sign-off-shaped lines).
    signoff_agency = ""
    for i in reversed(range(count)):
        if kinds[i] is not None:
            continue
        if shapes.is_credit_line(texts[i]):
            kinds[i] = "signoff"
            continue
        split = shapes.split_signoff(texts[i])
        if split is None:
            break
        kept_text, signoff = split
        signoff_agency = next(iter(names.agencies_in(signoff)), signoff_agency)
        if kept_text:
            texts[i] = kept_text
            signoffs.append(SetAside(kind="signoff", text=signoff, index=i))
            break
        kinds[i] = "signoff"

    body_indexes = [i for i in range(count) if kinds[i] is None]
    for position in range(1, len(body_indexes) - 1):
        i = body_indexes[position]
        before, after = texts[body_indexes[position - 1]], texts[body_indexes[position + 1]]
        if shapes.is_subhead(texts[i], before=before, after=after):
            kinds[i] = "subhead"

    kept = [texts[i] for i in range(count) if kinds[i] is None]
    set_aside = [
        SetAside(kind=kind, text=texts[i], index=i)
        for i, kind in enumerate(kinds)
        if kind is not None
    ]
    set_aside = sorted(set_aside + signoffs, key=lambda s: s.index)

    dateline = next((a for a in map(shapes.dateline_agency, kept[:3]) if a), "")
    agency = signoff_agency or dateline or shapes.most_credited(credits)
    return kept, set_aside, agency


def read_moment(value: str) -> tuple[datetime.datetime | None, datetime.date | None]:
    """Read an ISO 8601 date or date-time: (aware datetime or None, its date or None).

    A date-time without an offset keeps only its date: guessing a time zone would
    invent a precision the page did not give.
    """
    value = value.strip()
    if not value:
        return None, None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None, read_date(value[:10])
    if moment.tzinfo is None:
        return None, moment.date()
    return moment, moment.date()


def read_date(value: str) -> datetime.date | None:
    """Read the ISO date at the start of value, or None."""
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
