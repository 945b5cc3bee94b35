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
from .vocabulary import data_lines

_MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
_MONTHS["sept"] = 9
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30,
}  # fmt: skip

_COUNT_WORDS = (
    r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "months-to",
        re.compile(
            rf"(?<![\w-])(?:(?:in|over|during)\s+)?the\s+(?:(?P<n>{_COUNT_WORDS})\s+months|year|(?P<q>quarter))\s+"
            rf"(?:to|through|ending|ended)\s+(?:the\s+end\s+of\s+)?(?P<mon>{_MONTH_RE})"
            r"(?:\s+(?P<y>(?:19|20)\d{2}))?(?![\w])",
            re.IGNORECASE,
        ),
    ),
    (
        "first-months",
        re.compile(
            rf"(?<![\w-])(?:(?:in|over|during)\s+)?the\s+first\s+(?P<n>{_COUNT_WORDS})\s+"
            r"months(?:\s+of\s+(?:the\s+year|(?P<y>(?:19|20)\d{2})))?(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    (
        "year-earlier",
        re.compile(
            rf"(?<![\w-])(?P<n>{_COUNT_WORDS})\s+years?\s+(?:earlier|before)(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    ("decade", re.compile(r"(?<![\w-])this\s+decade(?![\w-])", re.IGNORECASE)),
    (
        "year-range",
        re.compile(
            r"(?<![\w-])(?P<y1>(?:1[89]|20)\d{2})[-–/](?P<y2>(?:1[89]|20)\d{2}|\d{2})(?![\w%/-])"
        ),
    ),
    (
        "season",
        re.compile(
            r"(?<![\w-])(?:(?:the|this|last|next)\s+)?(?P<season>spring|summer|autumn|winter)"
            r"(?:\s+of\s+(?P<y>(?:19|20)\d{2}))?(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    (
        "period-to-date",
        re.compile(
            rf"(?<![\w-])(?:(?:over|in|during|for)\s+)?the\s+(?P<which>past|last|previous|next|"
            rf"coming)\s+(?:(?P<n>{_COUNT_WORDS})\s+)?(?P<unit>day|week|month|year)s?(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    (
        "weekend",
        re.compile(
            r"(?<![\w-])(?:(?:over|at|during)\s+the|(?P<which>this|last|next))\s+weekend(?![\w-])",
            re.I,
        ),
    ),
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
            r"(?<![\w])(?:(?:[Ii]n|[Ss]ince|[Bb]y|[Ff]rom|[Uu]ntil|of|[Bb]efore|[Aa]fter|early|late|"
            r"mid-?|through|for|with|than|the|its|their|[Dd]uring|into)\s+)?"
            r"(?P<y>(?:1[5-9]|20)\d{2})(?![\w%-])"
        ),
    ),
    (
        "holiday",
        re.compile(
            r"(?<![\w])(?:(?:on|before|after|by|until|since|over|at|last|next)\s+)?"
            r"(?P<h>Christmas\s+Eve|Christmas\s+Day|Christmas|Boxing\s+Day|New\s+Year['’]s\s+Eve|"
            r"New\s+Year['’]s\s+Day|Halloween|Thanksgiving|Easter\s+Sunday|Easter)(?![\w])"
        ),
    ),
    (
        "start-of",
        re.compile(
            r"(?<![\w-])(?:(?:at|since|from|by|until|before|after|in)\s+)?the\s+"
            r"(?P<edge>start|beginning|end)\s+of\s+the\s+(?P<unit>month|year)(?![\w-])",
            re.IGNORECASE,
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
_RELATIVE = {"overnight", "deictic", "relative-period", "ago", "weekday", "period-to-date",
             "weekend"}  # fmt: skip
_PAST_BEFORE = re.compile(
    r"\b(?:said|was|were|began|started|ended|fell|rose|won|held|met|took|came|\w+ed)\s+"
    r"(?:in\s+|from\s+|between\s+|on\s+)?$",
    re.IGNORECASE,
)


# Past-tense verbs: the irregular ones news copy uses most, and regular "-ed" forms except
# those that are mostly adjectives or announce the future ("expected", "scheduled").
_PAST_VERBS = frozenset(data_lines("past_tense_verbs.txt"))
_NOT_PAST_ED = frozenset(data_lines("ed_words_not_past.txt"))
_TENSE_PREPS = frozenset({"in", "", "early", "late", "mid", "mid-", "of"})
_SENTENCE_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")  # lower case: "Ahmed" is a name


def _past_sentence(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a date is told in the past tense and announces no future.

    Looks from the start of the sentence to the date, and at the words right after it up to a
    comma ("tax rises in March had made …"). No decision when, after the past verb, the month
    names an event looked forward to ("called up for the friendlies in March"), an intention
    ("voted to hold a referendum in March") or a timetable ("said the bridge reopens in May").
    """
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    left = text[sentence_start:start]
    if _FUTURE.search(left) or _LOOKS_AHEAD.search(left):
        return False
    last = None
    for w in _SENTENCE_WORD.finditer(left):
        if _is_past(w.group(0).lower()):
            last = w
    if last is not None:
        after_verb = left[last.end() :]
        return not (
            _FOR_EVENT.search(after_verb)
            or _INFINITIVE.search(after_verb)
            or _SCHEDULE_VERBS.search(after_verb)
        )
    right = re.split(r"[,.;:]", text[end : end + 40])[0]
    return any(_is_past(w.lower()) for w in _SENTENCE_WORD.findall(right)[:3])


def _is_past(word: str) -> bool:
    return word in _PAST_VERBS or (
        word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_ED
    )


_LOOKS_AHEAD = re.compile(r"\b(?:poised\s+to|on\s+course\s+to|ahead\s+of)\b", re.IGNORECASE)
_FOR_EVENT = re.compile(r"\b(?:for|ahead\s+of|before|towards?)\b", re.IGNORECASE)
# "voted on Tuesday to hold a referendum in March", "said it expects to open …": an intention.
_INFINITIVE = re.compile(r"\bto\s+(?!the\b|a\b|an\b)[a-z]+\b")


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
    "ago", "weeks", "months", "years", "days", "day", "weekend", "spring", "summer", "autumn",
    "decade", "christmas", "easter", "halloween", "thanksgiving", "eve", "quarter",
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
    return _join_spans(text, hits)


_SPAN_GAP = re.compile(r"\s+(?:and|to|until)\s+(?:the\s+(?:end|start|beginning)\s+)?$", re.I)
_SPAN_OPEN = re.compile(r"(?<![\w])(?:between|from)\s+$", re.IGNORECASE)


def _join_spans(text: str, hits: list[DateHit]) -> list[DateHit]:
    """ "between Oct 1 and Oct 12", "from 2017 to 2024": one span from the first to the last."""
    joined: list[DateHit] = []
    for hit in hits:
        if joined:
            first = joined[-1]
            gap = text[first.end : hit.start]
            opener = _SPAN_OPEN.search(text[max(0, first.start - 10) : first.start])
            inside = re.match(r"(?:between|from)\s", text[first.start : first.end], re.I)
            linked = _SPAN_GAP.match(gap) or (
                not gap.strip() and re.match(r"(?:until|to|and)\s", text[hit.start : hit.end], re.I)
            )  # "from 2017 until 2021": the second date carries its own "until"
            if (opener or inside) and linked and first.start_date < hit.end_date:
                start = first.start - (len(opener.group(0)) if opener else 0)
                precision = "year" if first.precision == hit.precision == "year" else "span"
                joined[-1] = DateHit(start, hit.end, first.start_date, hit.end_date, precision,
                                     f"span: {first.rule} to {hit.rule}")  # fmt: skip
                continue
        joined.append(hit)
    return joined


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
    clause_start = max(text.rfind(",", 0, m.start()), text.rfind(".", 0, m.start()))
    clause = text[clause_start + 1 : m.start()]
    before = text[max(0, m.start() - 40) : m.start()]
    if prep == "next" and month <= published.month:
        year = published.year + 1
    elif prep == "last" and month >= published.month:
        year = published.year - 1
    elif prep in ("since", "in", "from", "") and (
        prep == "since" or (_PAST_BEFORE.search(before) and not _FUTURE.search(clause))
    ):
        # "since March", "said in January": the past, not the coming one ("would be held in
        # April" is still to come).
        year -= (year, month) > (published.year, published.month)
    elif prep in ("until", "in", "by", "") and (prep == "until" or _FUTURE.search(clause)):
        # "until March", "will be cut in November": the coming one.
        year += (year, month) < (published.year, published.month)
    elif prep in _TENSE_PREPS and _past_sentence(text, m.start(), m.end()):
        # "cut 60 staff in New York in March", "tax rises in March had made": a sentence told
        # in the past tense with no future marker before the month points to the last March.
        year -= (year, month) > (published.year, published.month)
    first, last = _month_span(year, month)
    return first, last, "month"


def _year(m: re.Match[str], text: str, published: datetime.date):
    year = int(m["y"])
    # A bare four-digit number is a year only after a preposition ("in 2022", "since 2014");
    # before 1900 only after one of "in", "since", "by", "from", "until", "before", "after".
    bare = m.group(0) == m["y"]
    # "between 2019 and 2024", "that 2028 was more realistic": a year in a list or as a subject.
    joined = re.search(r"\b(?:and|or|to|between)\s+$", text[: m.start()][-10:])
    if bare and not joined and not _YEAR_SUBJECT.match(text, m.end()):
        return None
    if year < 1900 and (bare or not re.match(r"(?i)(?:in|since|by|from|until|before|after)\s",
                                             m.group(0))):  # fmt: skip
        return None
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"


_YEAR_SUBJECT = re.compile(
    r"\s+(?:was|is|will|would|could|should|may|might|has|had|looks|looked|remains|seems)\b"
)


def _easter(year: int) -> datetime.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _holiday_in(name: str, year: int) -> datetime.date:
    name = re.sub(r"\s+", " ", name.replace("’", "'"))
    if name.startswith("Easter"):
        return _easter(year)
    if name == "Thanksgiving":  # the fourth Thursday of November (US)
        first = datetime.date(year, 11, 1)
        return first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 21)
    month, day = {"Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas": (12, 25),
                  "Boxing Day": (12, 26), "New Year's Eve": (12, 31), "New Year's Day": (1, 1),
                  "Halloween": (10, 31)}[name]  # fmt: skip
    return datetime.date(year, month, day)


def _holiday(m: re.Match[str], text: str, published: datetime.date):
    """ "before Christmas": the feast nearest the published date ("last Christmas": the one
    before it, "next Easter": the one after it)."""
    days = [_holiday_in(m["h"], published.year + step) for step in (-1, 0, 1)]
    written = m.group(0).lower()
    if written.startswith("last"):
        day = max(d for d in days if d <= published)
    elif written.startswith("next"):
        day = min(d for d in days if d > published)
    else:
        day = min(days, key=lambda d: abs((d - published).days))
    return day, day, "day"


def _start_of(m: re.Match[str], text: str, published: datetime.date):
    """ "the start of the month", "the end of the year": that day of the current month or year."""
    if m["unit"].lower() == "year":
        first, last = datetime.date(published.year, 1, 1), datetime.date(published.year, 12, 31)
    else:
        first, last = _month_span(published.year, published.month)
    day = last if m["edge"].lower() == "end" else first
    return day, day, "day"


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
    if not prep and _NAME_AFTER.match(text, m.end()):
        return None  # "the Sunday Times", "Saturday Night Live": part of a name
    if _DATE_AFTER.match(text, m.end()):
        return None  # "on Tuesday 1 September": the date that follows says which Tuesday
    back = (published.weekday() - target) % 7
    clause_start = max(text.rfind(",", 0, m.start()), text.rfind(".", 0, m.start()))
    clause = text[clause_start + 1 : m.start()]
    announced = prep == "next" or (prep != "last" and bool(_FUTURE.search(clause)))
    if announced or (prep != "last" and back != 0 and _scheduled(clause)):
        # "next Sunday" or "will start on Friday" written on that very day: a week on ("PSG
        # travel to Lens on Sunday" written on a Sunday is today).
        day = published + datetime.timedelta(days=7 - back)
    elif prep == "last" and back == 0:
        day = published - datetime.timedelta(days=7)
    else:
        day = published - datetime.timedelta(days=back)
    return day, day, "day"


_DATE_AFTER = re.compile(
    rf",?\s+(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}|{_MONTH_RE}\s+\d)"
)
# A capitalised word right after a weekday, other than a month: the weekday names something.
_NAME_AFTER = re.compile(rf"\s+(?!{_MONTH_RE}(?![\w]))[A-Z][a-z]")
# Verbs of a fixture or a timetable in the present tense ("Atalanta hosts Genoa on Saturday",
# "the committee meets on Tuesday"): what they announce is the coming day.
_SCHEDULE_VERBS = re.compile(
    r"(?i)(?<![\w’'-])(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )(?<!\ba )("
    + "|".join(sorted(data_lines("schedule_verbs.txt"), key=len, reverse=True)).replace(" ", r"\s+")
    + r")(?![\w’'-])"
)


def _scheduled(clause: str) -> bool:
    """Whether a clause announces a fixture in the present tense and tells nothing past."""
    if _SCHEDULE_VERBS.search(clause) is None:
        return False
    return not any(_is_past(w.lower()) for w in _SENTENCE_WORD.findall(clause))


def _year_range(m: re.Match[str], text: str, published: datetime.date):
    first = int(m["y1"])
    last = int(m["y2"]) if len(m["y2"]) == 4 else first - first % 100 + int(m["y2"])  # "2025-26"
    if last <= first:
        return None
    return datetime.date(first, 1, 1), datetime.date(last, 12, 31), "year"


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}


def _season(m: re.Match[str], text: str, published: datetime.date):
    name = m["season"].lower()
    if name == "winter" or (not m["y"] and not m.group(0).lower().startswith(("this", "last"))):
        return None  # a bare "summer" or a winter across two years is left to the editor
    year = int(m["y"]) if m["y"] else published.year
    if m.group(0).lower().startswith("last"):
        year -= 1
    first_month, last_month = _SEASONS[name]
    return (
        datetime.date(year, first_month, 1),
        _month_span(year, last_month)[1],
        "span",
    )


def _period_to_date(m: re.Match[str], text: str, published: datetime.date):
    """ "the past seven days", "over the next two years": a span ending or starting today."""
    if not m["n"] and m.group(0).lower().endswith("s"):
        return None  # "in the coming weeks" has no length
    raw = (m["n"] or "1").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    if n is None:
        return None
    unit = m["unit"].lower()
    forward = m["which"].lower() in ("next", "coming")
    if unit == "day":
        other = published + datetime.timedelta(days=n if forward else -n)
    elif unit == "week":
        other = published + datetime.timedelta(weeks=n if forward else -n)
    else:
        months = n * (12 if unit == "year" else 1) * (1 if forward else -1)
        index = published.year * 12 + published.month - 1 + months
        year, month = index // 12, index % 12 + 1
        other = datetime.date(year, month, min(published.day, calendar.monthrange(year, month)[1]))
    return (published, other, "span") if forward else (other, published, "span")


def _weekend(m: re.Match[str], text: str, published: datetime.date):
    """ "over the weekend", "last weekend": the last Saturday and Sunday before the published
    day; "this weekend": the one of the published week; "next weekend": the coming one (the
    following one when written at a weekend)."""
    back = (published.weekday() - 6) % 7 or 7 if published.weekday() != 6 else 0
    sunday = published - datetime.timedelta(days=back)
    which = (m["which"] or "").lower()
    if which in ("this", "next"):
        sunday = published + datetime.timedelta(days=6 - published.weekday())
        sunday += datetime.timedelta(weeks=which == "next" and published.weekday() >= 5)
    return sunday - datetime.timedelta(days=1), sunday, "span"


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())


def _months_to(m: re.Match[str], text: str, published: datetime.date):
    """ "the 12 months to August", "the year to March", "the quarter to September": the months
    ending with the most recent such month."""
    n = _count(m["n"]) if m["n"] else (3 if m["q"] else 12)
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    if not n:
        return None
    year = int(m["y"]) if m["y"] else published.year - (month > published.month)
    index = year * 12 + month - 1 - (n - 1)
    first = datetime.date(index // 12, index % 12 + 1, 1)
    return first, _month_span(year, month)[1], "span"


def _first_months(m: re.Match[str], text: str, published: datetime.date):
    """ "the first nine months" (of the year): January to the end of the ninth month, of the
    publication's year when those months are over, else of the year before."""
    n = _count(m["n"])
    if not n or n > 12:
        return None
    year = int(m["y"]) if m["y"] else published.year - (n > published.month)
    return datetime.date(year, 1, 1), _month_span(year, n)[1], "span"


def _year_earlier(m: re.Match[str], text: str, published: datetime.date):
    """ "a year earlier": the year before the publication's; "five years earlier" after "in
    2025" in the same sentence: five years before that year."""
    n = _count(m["n"])
    if not n:
        return None
    sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    years = re.findall(r"(?<![\w-])(?:19|20)\d{2}(?![\w%-])", text[sentence_start : m.start()])
    year = (int(years[-1]) if years else published.year) - n
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"


def _decade(m: re.Match[str], text: str, published: datetime.date):
    first = published.year - published.year % 10
    return datetime.date(first, 1, 1), datetime.date(first + 9, 12, 31), "year"


_RESOLVERS = {
    "months-to": _months_to,
    "first-months": _first_months,
    "year-earlier": _year_earlier,
    "decade": _decade,
    "year-range": _year_range,
    "season": _season,
    "period-to-date": _period_to_date,
    "weekend": _weekend,
    "iso": _iso,
    "month-day": _month_day,
    "day-month": _month_day,
    "month-year": _month_year,
    "month": _month,
    "year": _year,
    "holiday": _holiday,
    "start-of": _start_of,
    "overnight": _overnight,
    "deictic": _deictic,
    "relative-period": _relative_period,
    "ago": _ago,
    "weekday": _weekday,
}
