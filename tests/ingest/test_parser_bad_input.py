"""Files that cannot be imported are rejected with a precise reason; awkward ones import."""

from __future__ import annotations

import datetime
import re

import pytest

from factcheck.ingest import MAX_BYTES, ParseError, parse_article

GOOD = (
    " date 2026-03-02 The council approved the budget on Monday after a long debate.\n"
    "\n"
    "Members voted 31 to 12 in favour, the clerk said.\n"
)


def _reason(data: bytes) -> str:
    with pytest.raises(ParseError) as caught:
        parse_article(data)
    return str(caught.value)


def test_it_rejects_a_zero_byte_file() -> None:
    assert _reason(b"") == "empty file: it is 0 bytes long"


@pytest.mark.parametrize("data", [b"   ", b"\n\n\r\n\t \n", b"\xef\xbb\xbf \n "])
def test_it_rejects_a_whitespace_only_file(data: bytes) -> None:
    assert _reason(data) == "empty file: it contains only whitespace"


def test_it_rejects_nul_bytes() -> None:
    assert _reason(GOOD.encode() + b"\x00\x01") == "binary file: it contains NUL bytes"


def test_it_recognises_utf16_without_a_bom() -> None:
    reason = _reason(GOOD.encode("utf-16-le"))
    assert reason.startswith("binary file: it contains NUL bytes")
    assert "UTF-16" in reason


def test_it_rejects_utf16_with_a_bom() -> None:
    assert _reason(GOOD.encode("utf-16")) == "UTF-16 text is not supported: save the file as UTF-8"


def test_it_rejects_a_high_ratio_of_control_characters() -> None:
    data = b"date 2026-03-02 " + bytes(range(1, 9)) * 20 + b" text"
    assert re.fullmatch(
        r"binary file: \d+ of its [\d,]+ bytes are control characters", _reason(data)
    )


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (for example a .docx file)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    ],
)
def test_it_names_common_binary_formats(data: bytes, what: str) -> None:
    assert _reason(data) == f"binary file: it looks like {what}, not a plain-text article"


def test_it_rejects_a_file_over_the_size_limit_and_says_both_sizes() -> None:
    data = GOOD.encode() + b"x" * MAX_BYTES
    assert _reason(data) == (
        f"file too large: {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes"
    )


def test_a_file_at_the_size_limit_is_accepted() -> None:
    head = GOOD.encode() + b"\n"
    data = head + b"word " * ((MAX_BYTES - len(head)) // 5)
    assert len(data) <= MAX_BYTES
    assert parse_article(data).published == datetime.date(2026, 3, 2)


def test_it_falls_back_to_windows_1252_and_says_so() -> None:
    text = (
        " date 2026-03-02 The caf\xe9 \u201cLe Monde\u201d reopened \u2013 at last.\n\nIt was busy."
    )
    article = parse_article(text.encode("windows-1252"))
    assert article.encoding == "windows-1252"
    assert article.warnings == ("decoded as Windows-1252: the file is not valid UTF-8",)
    assert article.body.startswith("The caf\xe9 \u201cLe Monde\u201d reopened \u2013 at last.")
    assert article.content_hash == parse_article(text.encode("utf-8")).content_hash


def test_it_rejects_bytes_that_are_neither_utf8_nor_windows_1252() -> None:
    # 0x81 and 0x8D are undefined in Windows-1252.
    data = b" date 2026-03-02 Text \x81\x8d more text."
    assert _reason(data) == (
        "not text: byte 0x81 at offset 22 is neither valid UTF-8 nor valid Windows-1252"
    )


def test_it_rejects_windows_1252_that_does_not_read_as_text() -> None:
    data = b" date 2026-03-02 " + bytes(range(0xC0, 0xFF)) * 3
    reason = _reason(data)
    assert reason.startswith("not text: byte 0xC0 at offset 17 is not valid UTF-8")
    assert reason.endswith("read as Windows-1252 the file does not look like text")


def test_it_rejects_damaged_utf8_instead_of_producing_mojibake() -> None:
    data = " date 2026-03-02 Russia\u2019s army \u2013 said.".encode() + b" \xff end"
    assert _reason(data).startswith("damaged UTF-8: byte 0xFF at offset")


def test_it_rejects_a_missing_date_header() -> None:
    assert _reason(b"The council approved the budget.\n\nMore text.") == (
        "no date header: the first line must start with ' date YYYY-MM-DD '"
    )


@pytest.mark.parametrize("token", ["17/02/2026", "2026-2-17", "2026-02-17T10:00", "yesterday"])
def test_it_rejects_a_date_not_in_iso_form(token: str) -> None:
    data = f" date {token} Text.".encode()
    assert _reason(data) == f"bad date header: {token!r} is not a date in the form YYYY-MM-DD"


@pytest.mark.parametrize("token", ["2026-02-30", "2025-02-29", "2026-13-01", "0000-01-01"])
def test_it_rejects_an_impossible_date(token: str) -> None:
    assert _reason(f" date {token} Text.".encode()) == f"{token} is not a valid date"


@pytest.mark.parametrize("data", [b" date 2026-03-02 ", b" date 2026-03-02\n\n  \n\t\n"])
def test_it_rejects_a_header_with_no_text_after_it(data: bytes) -> None:
    assert _reason(data) == "no article text: the date header is followed by nothing"


def test_it_rejects_a_file_whose_every_paragraph_is_set_aside() -> None:
    data = b" date 2026-03-02 Sign up to our newsletter\n\nDownload our app today"
    assert _reason(data) == "no article text: all 2 paragraphs were set aside (promo)"


@pytest.mark.parametrize(
    "header",
    [" date 2026-03-02 ", "date 2026-03-02 ", "\t date\t2026-03-02\t", "\n\n  Date 2026-03-02  "],
)
def test_it_is_lenient_about_whitespace_around_the_header(header: str) -> None:
    article = parse_article(f"{header}First paragraph here.\n\nSecond one.".encode())
    assert article.published == datetime.date(2026, 3, 2)
    assert article.body == "First paragraph here.\n\nSecond one."


def test_the_first_paragraph_may_start_on_the_next_line() -> None:
    article = parse_article(b" date 2026-03-02\nFirst paragraph.\n\nSecond.")
    assert article.body == "First paragraph.\n\nSecond."


def test_a_bom_and_windows_line_endings_import_with_the_same_hash() -> None:
    unix = parse_article(GOOD.encode())
    windows = parse_article(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    old_mac = parse_article(GOOD.replace("\n", "\r").encode())
    assert windows == unix
    assert old_mac == unix
    assert windows.content_hash == unix.content_hash
    assert windows.encoding == "utf-8"
    assert windows.warnings == ()


def test_extra_blank_lines_and_trailing_spaces_do_not_change_the_hash() -> None:
    loose = GOOD.replace("\n\n", "\n  \n\t\n\n").replace("debate.", "debate.   ")
    assert parse_article(loose.encode()).content_hash == parse_article(GOOD.encode()).content_hash


def test_different_text_gives_a_different_hash() -> None:
    changed = GOOD.replace("31 to 12", "31 to 13")
    assert parse_article(changed.encode()).content_hash != parse_article(GOOD.encode()).content_hash


def test_single_newlines_inside_a_paragraph_are_kept() -> None:
    article = parse_article(b" date 2026-03-02 Line one\r\nline two.\r\n\r\nNext paragraph.")
    assert article.body == "Line one\nline two.\n\nNext paragraph."


def test_markup_is_kept_as_literal_text() -> None:
    data = b" date 2026-03-02 Officials said <script>alert(1)</script> was <b>found</b>.\n\nEnd."
    article = parse_article(data)
    assert "<script>alert(1)</script>" in article.body
    assert "<b>found</b>" in article.body
    assert article.title == "Officials said <script>alert(1)</script> was <b>found</b>"


def test_stray_control_characters_are_removed_with_a_warning() -> None:
    article = parse_article(GOOD.replace("budget", "bud\x07get").encode() + b"\x1a")
    assert "budget" in article.body
    assert article.warnings == ("removed 2 control characters",)
