"""Turn one seed-format article file into clean text and metadata.

The seed format: the first line starts with ` date YYYY-MM-DD ` and the first
paragraph continues on that line; paragraphs are separated by blank lines.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from factcheck.ingest import names, shapes

MAX_BYTES: int = 2_000_000

SET_ASIDE_KINDS: tuple[str, ...] = ("promo", "caption", "signoff", "subhead")


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
    """The clean text of one article file and what the copy says about itself."""

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


# Signatures of the binary formats an editor is most likely to upload by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (for example a .docx file)"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# C0 controls other than tab, LF and CR, plus DEL: text files do not contain them.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_BINARY_CONTROL_RATIO = 0.05
# A well-formed multi-byte UTF-8 sequence: its presence next to an invalid byte
# means the file is damaged UTF-8, and reading it as Windows-1252 would produce
# mojibake ("â€™") instead of text.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_LINE_BREAKING_CONTROLS = re.compile(r"[\v\f\u2028\u2029]")
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

_HEADER = re.compile(r"(?i:date)[^\S\n]+(?P<token>\S+)(?:[^\S\n]+|(?=\n)|$)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*\n)+")

NO_DATE_HEADER = "no date header: the first line must start with ' date YYYY-MM-DD '"


def parse_article(data: bytes, *, filename: str = "") -> ParsedArticle:
    """Parse one seed-format article file; raise ParseError with a precise reason.

    filename is accepted for the caller's convenience and does not change the
    result: the bytes alone decide, so the same text always parses the same way.
    """
    text, encoding, warnings = _decode(data)
    published, rest = _read_header(text)
    originals = [p.strip() for p in _PARAGRAPH_BREAK.split(rest)]
    originals = [p for p in originals if p]
    if not originals:
        raise ParseError("no article text: the date header is followed by nothing")

    kept, set_aside, agency = _sort_paragraphs(originals)
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

    source_name = next(
        (
            name
            for s in set_aside
            if s.kind == "promo" and (name := shapes.source_from_promo(s.text))
        ),
        "",
    )
    # The hash covers the paragraphs before any were set aside, so a better
    # set-aside rule in a later release does not make old imports look changed.
    canonical = f"date {published.isoformat()}\n" + "\n\n".join(originals)
    return ParsedArticle(
        published=published,
        title=shapes.make_title(kept[0]),
        body=body,
        paragraphs=tuple(offsets),
        set_aside=tuple(set_aside),
        wire_agency=agency,
        source_name=source_name,
        content_hash=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        encoding=encoding,
        warnings=tuple(warnings),
    )


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode the file to normalised text; return (text, encoding, warnings)."""
    if len(data) > MAX_BYTES:
        raise ParseError(f"file too large: {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes")
    if not data:
        raise ParseError("empty file: it is 0 bytes long")
    if data.startswith(_UTF16_BOMS):
        raise ParseError("UTF-16 text is not supported: save the file as UTF-8")
    for signature, what in _MAGIC:
        if data.startswith(signature):
            raise ParseError(f"binary file: it looks like {what}, not a plain-text article")
    had_bom = data.startswith(_UTF8_BOM)
    if had_bom:
        data = data[len(_UTF8_BOM) :]
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise ParseError(
                "binary file: it contains NUL bytes (it looks like UTF-16 text: save it as UTF-8)"
            )
        raise ParseError("binary file: it contains NUL bytes")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls and controls / len(data) > _BINARY_CONTROL_RATIO:
        raise ParseError(
            f"binary file: {controls:,} of its {len(data):,} bytes are control characters"
        )

    warnings: list[str] = []
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as err:
        where = f"byte 0x{data[err.start]:02X} at offset {err.start + 3 * had_bom:,}"
        if had_bom or _UTF8_MULTIBYTE.search(data):
            raise ParseError(
                f"damaged UTF-8: {where} is not valid UTF-8, though the rest of the file is UTF-8"
            ) from None
        try:
            text = data.decode("windows-1252")
        except UnicodeDecodeError:
            raise ParseError(
                f"not text: {where} is neither valid UTF-8 nor valid Windows-1252"
            ) from None
        if not _looks_like_text(text):
            raise ParseError(
                f"not text: {where} is not valid UTF-8, and read as Windows-1252 "
                "the file does not look like text"
            ) from None
        encoding = "windows-1252"
        warnings.append("decoded as Windows-1252: the file is not valid UTF-8")

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_BREAKING_CONTROLS.sub("\n", text)
    text, removed = _STRAY_CONTROLS.subn("", text)
    if removed:
        warnings.append(f"removed {removed} control character{'s' * (removed != 1)}")
    # NFC so that the same visible text (e.g. "é" typed or composed) is the same
    # string for searching, quoting and hashing.
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ParseError("empty file: it contains only whitespace")
    return text, encoding, warnings


def _looks_like_utf16(data: bytes) -> bool:
    """Say whether NUL bytes sit at every other position, as in ASCII-range UTF-16."""
    sample = data[:4000]
    if len(sample) < 4:
        return False
    nuls = max(sample[0::2].count(0), sample[1::2].count(0))
    return nuls >= 0.4 * (len(sample) // 2)


def _looks_like_text(text: str) -> bool:
    """Say whether a Windows-1252 reading is prose rather than binary noise."""
    sample = text[:200_000]
    visible = [c for c in sample if not c.isspace()]
    if not visible:
        return True
    non_ascii = sum(1 for c in visible if ord(c) > 0x7F)
    letters = sum(1 for c in visible if c.isalpha())
    # Western-European prose is mostly ASCII letters with the odd accent or curly quote.
    return non_ascii <= 0.3 * len(visible) and letters >= 0.5 * len(visible)


def _read_header(text: str) -> tuple[datetime.date, str]:
    """Read the date header; return (date, the text after it)."""
    text = text.lstrip()
    match = _HEADER.match(text)
    if not match:
        raise ParseError(NO_DATE_HEADER)
    token = match.group("token")
    if not _ISO_DATE.fullmatch(token):
        raise ParseError(f"bad date header: {token!r} is not a date in the form YYYY-MM-DD")
    try:
        published = datetime.date.fromisoformat(token)
    except ValueError:
        raise ParseError(f"{token} is not a valid date") from None
    return published, text[match.end() :]


def _sort_paragraphs(originals: list[str]) -> tuple[list[str], list[SetAside], str]:
    """Split paragraphs into body and set-aside; return (kept, set_aside, wire agency).

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
        if shapes.is_promo(text):
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
    signoff_agencies: list[str] = []
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
        signoff_agencies[:0] = names.agencies_in(signoff)
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
    agency = (
        (signoff_agencies[0] if signoff_agencies else "")
        or dateline
        or shapes.most_credited(credits)
    )
    return kept, set_aside, agency
