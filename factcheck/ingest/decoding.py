"""Bytes to normalised text: size and binary checks, UTF-8 with a Windows-1252 fallback."""

from __future__ import annotations

import re
import unicodedata

from factcheck.ingest.article import ParseError

MAX_BYTES: int = 2_000_000

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


def decode_text(data: bytes) -> tuple[str, str, list[str]]:
    """Decode the file to normalised text; return (text, encoding, warnings)."""
    if len(data) > MAX_BYTES:
        raise ParseError(f"file too large: {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes")
    if not data:
        raise ParseError("empty file: it is 0 bytes long")
    if data.startswith(_UTF16_BOMS):
        raise ParseError("UTF-16 text is not supported: save the file as UTF-8")
    what = binary_kind(data)
    if what:
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

    text, removed = normalise_text(text)
    if removed:
        warnings.append(f"removed {removed} control character{'s' * (removed != 1)}")
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


def binary_kind(data: bytes) -> str:
    """Name the binary format the bytes start with ("a PDF document"), or "" if none we know."""
    return next((what for signature, what in _MAGIC if data.startswith(signature)), "")


def normalise_text(text: str) -> tuple[str, int]:
    """Normalise line ends, drop stray control characters and compose to NFC.

    Return (text, how many control characters were removed).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_BREAKING_CONTROLS.sub("\n", text)
    text, removed = _STRAY_CONTROLS.subn("", text)
    # NFC so that the same visible text (e.g. "é" typed or composed) is the same
    # string for searching, quoting and hashing.
    return unicodedata.normalize("NFC", text), removed
