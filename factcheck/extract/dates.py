"""Date expressions resolved against the article's published date, with a precision.

Precisions: "day"; "span" (several days, e.g. "overnight" = the night before publication,
published-1 .. published); "week" (Monday to Sunday); "month"; "year".

Weekday rule: a bare weekday ("on Tuesday", "late Monday") is the most recent such day on or
before the published date, unless its clause announces the future ("will", "set to", "due to",
"expected to", "scheduled", "plans to", "next") before it: then it is the next such day after
publication. Relative expressions (weekdays, "yesterday", "overnight", "last week", "two years
ago") inside quotation marks are skipped: they count from the day the speaker spoke, which the
text does not give. Left alone: dates relative to an event ("a week before the fourth
anniversary", "hours before the meeting").
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from .text import Span, inside_any

_MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
_MONTHS["sept"] = 9
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])")),
    (
        "month-day",
        re.compile(
            rf"(?<![\w])(?:on\s+)?(?P<mon>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            r"(?:,?\s+(?P<y>\d{4}))?(?![\w])"
        ),
    ),
    (
        "day-month",
        re.compile(
            rf"(?<![\w])(?:on\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{_MONTH_RE})(?:,?\s+(?P<y>\d{{4}}))?(?![\w])"
        ),
    ),
    (
        "month-year",
        re.compile(rf"(?<![\w])(?:in\s+)?(?P<mon>{_MONTH_RE})\s+(?P<y>\d{{4}})(?![\w])"),
    ),
    (
        "month",
        re.compile(
            r"(?<![\w])(?:(?P<prep>in|by|since|until|from|of|early|late|mid|mid-|a|the|this|"
            r"next|last)\s+)?"
            rf"(?P<mon>{_MONTH_RE})(?![\w])"
        ),
    ),
    (
        "year",
        re.compile(
            r"(?<![\w])(?:(?:in|since|by|from|until|of|before|after|early|late|mid-?)\s+)?"
            r"(?P<y>(?:19|20)\d{2})(?![\w%-])"
        ),
    ),
    ("overnight", re.compile(r"(?<![\w-])(?:overnight|last\s+night)(?![\w-])", re.IGNORECASE)),
    ("deictic", re.compile(r"(?<![\w-])(?P<w>yesterday|today|tomorrow|tonight)(?![\w-])", re.I)),
    (
        "relative-period",
        re.compile(
            r"(?<![\w-])(?P<which>this|last|next|past)\s+(?P<unit>week|month|year)(?![\w-])", re.I
        ),
    ),
    (
        "ago",
        re.compile(
            r"(?<![\w-])(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            r"twelve)\s+(?P<unit>day|week|month|year)s?\s+ago(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"(?<![\w])(?:(?P<prep>on|late|early|last|this|next|by|until|since)\s+)?"
            rf"(?P<wd>{_WEEKDAY_RE})(?:\s+(?:morning|afternoon|evening|night))?(?![\w])"
        ),
    ),
]
_FUTURE = re.compile(
    r"\b(?:will|would|shall|set\s+to|due\s+to|expected\s+to|scheduled|plans?\s+to|planned|"
    r"going\s+to|is\s+to|are\s+to|next|upcoming|later)\b",
    re.IGNORECASE,
)
_RELATIVE = {"overnight", "deictic", "relative-period", "ago", "weekday"}


@dataclass(frozen=True)
class DateHit:
    """A resolved date expression."""

    start: int
    end: int
    start_date: datetime.date
    end_date: datetime.date
    precision: str
    rule: str


_WORD = re.compile(r"[A-Za-z]+|\d+")
_TRIGGERS = frozenset(_MONTHS) | frozenset(_WEEKDAYS) | {
    "overnight", "night", "yesterday", "today", "tomorrow", "tonight", "week", "month", "year",
    "ago", "weeks", "months", "years", "days", "day",
}  # fmt: skip


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches around words that can start or end a date; patterns only scan these (speed)."""
    spans: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word[0].isdigit() or word.lower() in _TRIGGERS:
            start, end = max(0, m.start() - 24), min(len(text), m.end() + 24)
            # Cut at spaces so no window ends inside a word.
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            while end < len(text) and not text[end].isspace():
                end += 1
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
    return spans


def find_dates(text: str, published: datetime.date, quoted: list[Span]) -> list[DateHit]:
    """Every date expression of the text, resolved; earlier patterns win overlaps."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    windows = _windows(text)
    for rule, regex in _PATTERNS:
        for m in (m for ws, we in windows for m in regex.finditer(text, ws, we)):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if rule in _RELATIVE and inside_any(start, quoted):
                continue
            resolved = _resolve(rule, m, text, published)
            if resolved is None:
                continue
            first, last, precision = resolved
            hits.append(DateHit(start, end, first, last, precision, rule))
            taken.append((start, end))
    hits.sort(key=lambda h: h.start)
    return hits


def _month_span(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)


def _closest_year(published: datetime.date, month: int, day: int = 1) -> int:
    """The year that puts a month (and day) nearest to the published date."""
    best = published.year
    best_gap = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        except ValueError:
            continue
        gap = abs((candidate - published).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _resolve(
    rule: str, m: re.Match[str], text: str, published: datetime.date
) -> tuple[datetime.date, datetime.date, str] | None:
    try:
        return _RESOLVERS[rule](m, text, published)
    except ValueError:
        # An impossible date ("Feb 31") is not a date.
        return None


def _iso(m: re.Match[str], text: str, published: datetime.date):
    day = datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day, day, "day"


def _month_day(m: re.Match[str], text: str, published: datetime.date):
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    day_number = int(m["d"])
    year = int(m["y"]) if m["y"] else _closest_year(published, month, day_number)
    day = datetime.date(year, month, day_number)
    return day, day, "day"


def _month_year(m: re.Match[str], text: str, published: datetime.date):
    first, last = _month_span(int(m["y"]), _MONTHS[m["mon"].rstrip(".").lower()])
    return first, last, "month"


def _month(m: re.Match[str], text: str, published: datetime.date):
    word = m["mon"].rstrip(".")
    # "May" is also a verb and short forms are ambiguous: they need a preposition.
    if (word == "May" or len(word) <= 4) and not m["prep"]:
        return None
    if word.lower() == "mar" or not word[0].isupper():
        return None
    month = _MONTHS[word.lower()]
    prep = (m["prep"] or "").lower()
    year = _closest_year(published, month)
    if prep == "next" and month <= published.month:
        year = published.year + 1
    elif prep == "last" and month >= published.month:
        year = published.year - 1
    first, last = _month_span(year, month)
    return first, last, "month"


def _year(m: re.Match[str], text: str, published: datetime.date):
    year = int(m["y"])
    # A bare four-digit number is a year only after a preposition ("in 2022", "since 2014").
    if m.group(0) == m["y"] and not re.search(r"\b(?:and|or|to)\s+$", text[: m.start()][-8:]):
        return None
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"


def _overnight(m: re.Match[str], text: str, published: datetime.date):
    return published - datetime.timedelta(days=1), published, "span"


def _deictic(m: re.Match[str], text: str, published: datetime.date):
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m["w"].lower()]
    day = published + datetime.timedelta(days=offset)
    return day, day, "day"


def _relative_period(m: re.Match[str], text: str, published: datetime.date):
    which, unit = m["which"].lower(), m["unit"].lower()
    if which == "past":
        return None
    step = {"this": 0, "last": -1, "next": 1}[which]
    if unit == "week":
        monday = published - datetime.timedelta(days=published.weekday())
        monday += datetime.timedelta(weeks=step)
        return monday, monday + datetime.timedelta(days=6), "week"
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + step
        first, last = _month_span(month_index // 12, month_index % 12 + 1)
        return first, last, "month"
    year = published.year + step
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"


def _ago(m: re.Match[str], text: str, published: datetime.date):
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = m["unit"].lower()
    if unit == "day":
        day = published - datetime.timedelta(days=n)
        return day, day, "day"
    if unit == "week":
        day = published - datetime.timedelta(weeks=n)
        monday = day - datetime.timedelta(days=day.weekday())
        return monday, monday + datetime.timedelta(days=6), "week"
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 - n
        first, last = _month_span(month_index // 12, month_index % 12 + 1)
        return first, last, "month"
    year = published.year - n
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"


def _weekday(m: re.Match[str], text: str, published: datetime.date):
    target = _WEEKDAYS[m["wd"].lower()]
    prep = (m["prep"] or "").lower()
    back = (published.weekday() - target) % 7
    clause_start = max(text.rfind(",", 0, m.start()), text.rfind(".", 0, m.start()))
    clause = text[clause_start + 1 : m.start()]
    future = prep == "next" or (prep != "last" and bool(_FUTURE.search(clause)))
    if future and back != 0:
        day = published + datetime.timedelta(days=7 - back)
    elif prep == "last" and back == 0:
        day = published - datetime.timedelta(days=7)
    else:
        day = published - datetime.timedelta(days=back)
    return day, day, "day"


_RESOLVERS = {
    "iso": _iso,
    "month-day": _month_day,
    "day-month": _month_day,
    "month-year": _month_year,
    "month": _month,
    "year": _year,
    "overnight": _overnight,
    "deictic": _deictic,
    "relative-period": _relative_period,
    "ago": _ago,
    "weekday": _weekday,
}
