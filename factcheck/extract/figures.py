"""Figures: a number, its hedge (→ bound) and the thing counted (→ a vocabulary key)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import Span
from .vocabulary import (
    AFFECTED_WORDS,
    CURRENCIES,
    CURRENCY_WORDS,
    CUSTOMER_NOUNS,
    DISPLACED_WORDS,
    DOWNED_WORDS,
    EXCHANGE_WORDS,
    FRACTIONS,
    HEDGES,
    HOSPITAL_AFTER,
    INJURED_WORDS,
    KILLED_WORDS,
    MULTIPLIERS,
    NOUN_QUANTITY,
    NUMBER_WORDS,
    PERSON_NOUNS,
    REFUGEE_WORDS,
    SOLDIER_NOUNS,
    SQUARE_UNITS,
    SUPPLY_WORDS,
    UNITS,
    VAGUE_PLURALS,
    data_lines,
)

_WORD_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER_BODY = rf"""
    (?P<cur>(?:US)?[£$€]\s?)?
    (?P<num>
        \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?
      | \d+(?:\.\d+)?
      | (?:tens|hundreds)\s+of\s+thousands | dozens | scores | hundreds | thousands | millions
      | (?:a|{_WORD_NUMBER})\s+dozen
      | a\s+(?:hundred|thousand|million|billion)
      | half\s+a\s+(?:million|billion)
      | (?:a|one)\s+(?:half|third|quarter|fifth|tenth) | half
      | (?:two|three|four)-(?:thirds|quarters|fifths|tenths)
      | (?:{_WORD_NUMBER})(?:-(?:{_UNIT_WORDS}))?
    )
    (?:\s+(?P<mult>hundred|thousand|million|billion|trillion)(?![\w-])|(?P<multc>bn|mn|m)(?![\w]))?
    (?:(?![\w])|(?=[CF](?![\w])))"""
_NUMBER = re.compile(r"(?<![\w.,/:\-£$€])" + _NUMBER_BODY, re.IGNORECASE | re.VERBOSE)
# The second number of a range ("20-30", "between 20 and 30", "four to six").
_NUMBER_AT = re.compile(_NUMBER_BODY, re.IGNORECASE | re.VERBOSE)
_RANGE_LINK = re.compile(r"\s*[-–]\s*|\s+(?P<word>to|and|or)\s+", re.IGNORECASE)
# A unit written on the first number of a range ("9% to 12%", "2.3C to 2.5C").
_RANGE_UNIT = re.compile(r"\s?(?:%|per\s?cent(?![\w])|percent(?![\w]))|[CF](?![\w])", re.I)
_POINTS = re.compile(
    r"\s+(?P<bp>basis\s+points?)(?![\w])|\s?(?P<bps>bps?)(?![\w])"
    r"|\s+(?:percentage\s+)?points?(?![\w])",
    re.IGNORECASE,
)
_TEMPERATURE = re.compile(
    r"(?P<short>[CF])(?![\w])|\s+degrees?\s+(?P<long>Celsius|Fahrenheit|C|F)(?![\w])"
)
_IN_M = re.compile(
    rf"\s+(?:in|out\s+of)\s+(?!(?:1[89]|20)\d\d\b)"  # "32.7 million in 2024" is a year
    rf"(?P<m>\d+|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})"
    r"(?![\w])",
    re.IGNORECASE,
)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+(?:of|at))?\s+$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?:\b(?:aged|over|under)|[A-Z][\w’'\-]+,)\s+$")
_PER_BEFORE = re.compile(r"\b(?:per|age\s+of)\s+$", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(r"\b(?:next|coming)\s+$", re.IGNORECASE)
_SUBJECT = re.compile(
    r"(?P<noun>[a-z][a-z\-]+)(?:\s+(?:has|have|had|was|were|is|are|also|now|still|only|"
    r"unexpectedly|again))*\s+(?:rose|risen|rise|rises|fell|fallen|falls|stood|stands|held|"
    r"holds|reached|edged\s+up|edged|slipped|jumped|grew|grown|dropped|climbed|narrowed|widened|"
    r"increased|decreased|declined|was|were|is|are|ran|hit|eased|surged|slumped|gained|lost)\b"
)
_BETWEEN_BEFORE = re.compile(r"(?<![\w])between\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<![\w])from\s+$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(
    r"\s*(?:US\s+|U\.S\.\s+)?(?P<word>"
    + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
_AREA_AFTER = re.compile(
    r"[\s-]*(?:sq\.?|square)[\s-]+(?P<unit>"
    + "|".join(sorted(SQUARE_UNITS, key=len, reverse=True))
    + r")(?![\w])|\s*(?P<unit2>km2|km²)",
    re.IGNORECASE,
)
_HOSPITAL_AFTER = re.compile(HOSPITAL_AFTER, re.IGNORECASE)
_PERCENT = re.compile(r"\s?(?:%|per\s?cent(?![\w])|percent(?![\w]))", re.IGNORECASE)
_HYPHEN_UNIT = re.compile(r"-(?P<unit>[a-z]+)(?P<old>-old)?(?![\w])", re.IGNORECASE)
_HEDGE = re.compile(
    r"(?<![\w])(?P<hedge>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_MONTH_BEFORE = re.compile(rf"(?<![\w]){_MONTH}\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![\w])")
_TIME_AFTER = re.compile(r"(?::\d|\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST|CET|EET|MSK)(?![\w]))", re.I)
_DETERMINER_BEFORE = re.compile(
    r"(?<![\w])(?:the|these|those|its|their|his|her|our|your|my|every|each)\s+$", re.I
)
_TOKEN = re.compile(r"[A-Za-z][\w’'\-]*|\d[\d,.]*|[^\w\s]")
_STOP = frozenset(
    [
        "in",
        "at",
        "on",
        "of",
        "for",
        "to",
        "from",
        "with",
        "by",
        "along",
        "over",
        "across",
        "into",
        "near",
        "and",
        "or",
        "but",
        "each",
        "were",
        "was",
        "had",
        "have",
        "has",
        "are",
        "is",
        "be",
        "been",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "that",
        "which",
        "who",
        "as",
        "than",
        "after",
        "before",
        "during",
        "since",
        "until",
        "while",
        "per",
        "a",
        "an",
        "the",
        "this",
        "last",
        "next",
        "these",
        "those",
        "their",
        "its",
        "said",
        "says",
        "according",
        "including",
        "they",
        "them",
        "it",
        "he",
        "she",
        "we",
        "you",
        "who",
        "whom",
        "there",
        "so",
        "if",
        "unless",
        "because",
        "when",
        "now",
        "already",
        "yet",
        "still",
    ]
)
_CLAUSE_BREAK = re.compile(r"[,;:()–—]|\band\b|\bwhile\b|\bbut\b")
_COMMA_BREAK = re.compile(r"[,;:()–—]")
_PASSIVE = re.compile(r"(?:\s+(?:were|was|have|has|had|been|being|are|is|reportedly))*\s+(\w+)")
_PREVIOUS = "=previous"
_COUNTABLE = frozenset(NOUN_QUANTITY) | PERSON_NOUNS | frozenset(UNITS)
_PLACE_QUANTITIES = frozenset({"regions", "countries", "duration", "distance", "area"})


@dataclass(frozen=True)
class FigureHit:
    """A number with what it counts."""

    start: int
    end: int
    quantity: str
    value: float
    unit: str
    bound: str
    rule: str


def _word_value(raw: str) -> float | None:
    words = raw.lower().split()
    if words[0] == "half" and len(words) == 3:
        return MULTIPLIERS[words[2]] / 2
    if " ".join(words) in VAGUE_PLURALS:
        return float(VAGUE_PLURALS[" ".join(words)])
    if words[-1] == "dozen":
        return 12.0 * (1 if words[0] == "a" else NUMBER_WORDS[words[0]])
    if words[0] in ("a", "one") and len(words) == 2:
        if words[1] in FRACTIONS:
            return FRACTIONS[words[1]]
        return float(MULTIPLIERS[words[1]])
    if words[0] == "half":
        return FRACTIONS["half"]
    parts = words[0].split("-")
    if len(parts) == 2 and parts[1].endswith("s") and parts[1][:-1] in FRACTIONS:
        return NUMBER_WORDS.get(parts[0], 0) * FRACTIONS[parts[1][:-1]]  # "two-thirds"
    total = 0
    for part in parts:
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return float(total)


def _words_after(text: str, pos: int, limit: int = 12) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, pos, min(len(text), pos + 120)))[:limit]


def find_figures(text: str, sentence_spans: list[Span]) -> list[FigureHit]:
    """Figures sentence by sentence (an elliptic number inherits what the previous one counts)."""
    hits: list[FigureHit] = []
    for sentence in sentence_spans:
        previous: FigureHit | None = None
        skip_to = sentence.start
        for m in _NUMBER.finditer(text, sentence.start, sentence.end):
            if m.start() < skip_to:
                continue
            hit = _range(text, m, sentence, previous) or _figure(text, m, sentence, previous)
            if hit is not None:
                hits.append(hit)
                previous = hit
                skip_to = hit.end
                # "90% of the 2.1 million inhabitants": the population is measured too.
                whole = (
                    _SHARE_OF_WHOLE.search(text, hit.start, hit.end) if hit.unit == "%" else None
                )
                if whole:
                    skip_to = whole.end()
    return hits


def _range(
    text: str, m: re.Match[str], sentence: Span, previous: FigureHit | None
) -> FigureHit | None:
    """A range of two numbers as one figure: the lower end, bound at_least.

    "between 20 and 30 people", "20-30 drones", "four to six hours" → value 20 (4), at_least;
    the upper end is kept in the rule. "from 20 to 30" is read as a change, not a range, and
    "and" makes a range only after "between".
    """
    first_unit = _RANGE_UNIT.match(text, m.end(), sentence.end)
    link = _RANGE_LINK.match(text, first_unit.end() if first_unit else m.end(), sentence.end)
    if link is None:
        return None
    before = text[max(sentence.start, m.start() - 40) : m.start()]
    if _MONTH_BEFORE.search(before) or re.fullmatch(r"(?:1[89]|20)\d{2}", m.group("num")):
        return None  # "March 3-5", "2022 to 2024" are dates
    word = (link.group("word") or "").lower()
    if word == "and" and not _BETWEEN_BEFORE.search(before):
        return None
    if word == "to" and _FROM_BEFORE.search(before):
        return None  # "from 20 to 30": a change, not a range
    digits_follow = text[link.end() : link.end() + 1].isdigit()
    if word == "or" and m.group("num")[0].isdigit():
        return None  # "3 or 4" is rare in digits; word numbers only ("two or three days")
    if not word and not (m.group("num")[0].isdigit() and digits_follow):
        return None  # a hyphen joins two digit groups only ("20-30")
    second = _NUMBER_AT.match(text, link.end(), sentence.end)
    if second is None:
        return None
    upper = _figure(text, second, sentence, previous)
    lower = _value(m, allow_bare_m=True)
    if upper is None or lower is None:
        return None
    upper_raw = _value(second, allow_bare_m=True, with_multiplier=False)
    if not (m.group("mult") or m.group("multc")) and upper_raw is not None and lower < upper_raw:
        lower *= upper.value / upper_raw  # "between 2 and 3 million" → 2 million
    if m.group("cur") and upper.quantity != "money":
        return None
    if first_unit and upper.unit != {"C": "C", "F": "F"}.get(first_unit.group(0).strip(), "%"):
        return None  # "fell 58% to 1.6 billion euros" is a change, not a range
    if not lower < upper.value:
        return None
    if word == "to" and upper.value > 3 * lower and _changed_by(text, sentence.start, m):
        return None  # "fell by 9,000 to 717,000": a change and the new level ("rose by 2 to 3%"
        # is a range: a new level is far from the change)
    start = m.start()
    between = _BETWEEN_BEFORE.search(before)
    hedge = _hedge(before[: between.start()] if between else before)
    if between:
        start -= len(before) - between.start()
    if hedge:
        start = m.start() - len(before) + hedge.start("hedge")
    rule = f"range {_fmt(lower)}–{_fmt(upper.value)} → lower end, at_least"
    upper_rule = upper.rule.split("; ", 1)[1] if "; " in upper.rule else ""
    return FigureHit(start, upper.end, upper.quantity, lower, upper.unit, "at_least",
                     "; ".join(p for p in (rule, upper_rule) if p))  # fmt: skip


def _fmt(value: float) -> str:
    return f"{value:g}" if value < 1e6 else f"{value:,.0f}"


def _value(m: re.Match[str], allow_bare_m: bool = False, with_multiplier: bool = True):
    """The value of a number match (with its multiplier), or None."""
    raw = m.group("num")
    value = float(raw.replace(",", "")) if raw[0].isdigit() else _word_value(raw)
    if value is None or not with_multiplier:
        return value
    mult = (m.group("mult") or m.group("multc") or "").lower()
    if mult and m.group("multc") and not m.group("cur") and not allow_bare_m:
        return None
    return value * MULTIPLIERS[mult] if mult else value


def _figure(
    text: str, m: re.Match[str], sentence: Span, previous: FigureHit | None
) -> FigureHit | None:
    raw = m.group("num")
    start, end = m.start(), m.end()
    before = text[max(sentence.start, start - 40) : start]
    after_text = text[end : min(sentence.end, end + 60)]
    is_digits = raw[0].isdigit()
    is_fraction = not is_digits and (
        raw.lower().split()[-1] in FRACTIONS
        or re.fullmatch(r"\w+-(?:thirds|quarters|fifths|tenths)", raw.lower()) is not None
    )
    # Dates, times and years are not figures.
    if is_digits and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after_text)):
        return None
    if is_digits and _TIME_AFTER.match(after_text):
        return None
    if is_digits and re.fullmatch(r"(?:1[89]|20)\d{2}", raw) and not m.group("cur"):
        nxt = _words_after(text, end, 1)
        if not nxt or nxt[0].group(0).lower() not in _COUNTABLE:
            return None
    if _PER_BEFORE.search(before):
        return None  # "per 100,000 inhabitants" is the base of a rate
    all_but = re.search(r"\ball\s+but\s+$", before, re.IGNORECASE)
    in_m = _IN_M.match(text, end, sentence.end)
    # "the two sides", "the three delegations" refer back; they are not measurements, unlike
    # money or a share after "the" ("the 95%", "the $300 billion").
    measured = m.group("cur") or _PERCENT.match(text, end) or _CURRENCY_AFTER.match(text, end)
    # "the 218 needed", "the 12,000 home fans": a number of 100 or more in digits after "the"
    # measures ("the 11 provinces" points back).
    measured = measured or (
        is_digits
        and (_value(m, allow_bare_m=True) or 0) >= 100
        and re.search(r"\bthe\s+$", before, re.I)
    )
    if _DETERMINER_BEFORE.search(before) and not _HYPHEN_UNIT.match(text, end) and not measured:
        return None
    if _RANK_BEFORE.search(before):
        return None  # "world number two Stefano Rinaldi" is a rank
    if _WHOLE_BEFORE.search(before):
        return None  # "three of its last four games": the whole, not what is counted
    if is_digits and _is_score(text, sentence, start, end):
        return None  # "drew 0-0", "beaten 3-1": a score (a range was tried first)
    if is_fraction and _PERIOD_OF_PLAY_BEFORE.search(before):
        return None  # "the second half", "the other half of the season": a part, not a share
    if is_fraction and _ORDINAL_AFTER.match(text, end):
        return None  # "a third straight title", "a second time": an ordinal, not a fraction
    value = float(raw.replace(",", "")) if is_digits else _word_value(raw)
    if value is None:
        return None
    mult = (m.group("mult") or m.group("multc") or "").lower()
    currency_word = None if m.group("cur") else _CURRENCY_AFTER.match(text, end, sentence.end)
    if mult:
        if m.group("multc") and not m.group("cur") and not currency_word:
            return None  # "5m" without a currency is as likely metres as millions
        value *= MULTIPLIERS[mult]
    unit = ""
    quantity = ""
    rule_parts: list[str] = []
    cursor = end
    if m.group("cur"):
        quantity, unit = "money", CURRENCIES[m.group("cur").replace(" ", "").strip()]
        rule_parts.append("currency")
    elif currency_word:
        quantity, unit = "money", CURRENCY_WORDS[currency_word.group("word").lower()]
        cursor = currency_word.end()
        rule_parts.append(f"currency '{currency_word.group('word')}'")
    percent = _PERCENT.match(text, end)
    area = _AREA_AFTER.match(text, end, sentence.end)
    points = _POINTS.match(text, end) if is_digits else None
    temperature = _TEMPERATURE.match(text, end) if is_digits else None
    if re.search(r"\bminus\s+$", before):
        value = -value
    if in_m and not quantity:
        whole = _word_value(in_m.group("m")) if not in_m.group("m").isdigit() else None
        whole = float(in_m.group("m")) if in_m.group("m").isdigit() else whole
        if whole:
            value, unit, cursor = 100 * value / whole, "%", in_m.end()
            rule_parts.append(f"'N in {in_m.group('m')}' → share")
    elif points and not quantity:
        unit = "bp" if (points.group("bp") or points.group("bps")) else "pp"
        cursor = points.end()
        rule_parts.append("points" if unit == "pp" else "basis points")
    elif temperature and not quantity:
        scale = (temperature.group("short") or temperature.group("long"))[0].upper()
        quantity, unit, cursor = "temperature", scale, temperature.end()
        rule_parts.append(f"temperature in degrees {scale}")
    elif _MAGNITUDE_BEFORE.search(before) and not quantity:
        quantity = "magnitude"
        rule_parts.append("'magnitude' before the number")
    elif percent and not quantity:
        unit, cursor = "%", percent.end()
    elif is_fraction:
        unit = "%"
        joined = _HYPHEN_UNIT.match(text, end)
        if joined and joined.group("unit").lower() == "point":
            value, unit, cursor = value / 100, "pp", joined.end()  # "a quarter-point"
            rule_parts.append("fraction of a point")
        elif joined:
            return None  # "half-term", "a third-party"
    elif area and not quantity:
        square = (area.group("unit") or "").lower()
        quantity, unit = "area", SQUARE_UNITS.get(square, "km2")
        cursor = area.end()
        rule_parts.append(f"area '{area.group(0).strip()}'")
    hyphen = _HYPHEN_UNIT.match(text, end)
    if hyphen and not quantity and not unit:
        word = hyphen.group("unit").lower()
        if hyphen.group("old") and word in ("year", "month", "week", "day"):
            quantity, unit = "age", word
            cursor = hyphen.end()
        elif word == "point" and is_fraction:
            value, unit, cursor = value / 100, "pp", hyphen.end()  # "a quarter-point"
            rule_parts.append("fraction of a point")
        elif word in UNITS:
            quantity, unit = UNITS[word]
            cursor = hyphen.end()
        else:
            return None  # "G-7", "Su-34"-like codes and compounds that are not measures
    lowered = raw.lower()
    if lowered == "one" and not in_m and not _ONE_OF.match(text, cursor):
        nxt = _words_after(text, cursor, 1)
        if not nxt or nxt[0].group(0).lower() not in _COUNTABLE:
            return None
    if quantity and quantity != "money" or quantity == "money":
        counted_end = cursor
    else:
        quantity, counted_end, rule = _counted(text, cursor, sentence, unit, lowered, start)
        if rule:
            rule_parts.append(rule)
        if quantity == _PREVIOUS or (not quantity and previous and previous.unit == unit):
            quantity = previous.quantity if previous else ""
            rule_parts.append("same thing as the previous figure")
        by_to = (
            re.search(r"\b(?:by|to|from)\s+$", before) or _TOTAL_BEFORE.search(before)
        ) and value >= 1000
        toll = _TOLL_BEFORE.search(before) if not quantity and value >= 100 else None
        if toll:
            quantity = "people_killed" if toll.group("death") else "total"
            rule_parts.append(f"'{toll.group(0).split()[0]} … at N'")
        if not quantity and (unit in ("%", "pp", "bp") or by_to):
            quantity, why = _subject(text, sentence.start, start)
            rule_parts.append(why)
        alone = re.match(r"\s*(?:[,.;)]|and\b|or\b|$)", text[end : end + 5])
        if not quantity and is_digits and value <= 120 and alone and _AGE_BEFORE.search(before):
            quantity, unit = "age", "year"
            rule_parts.append("age after a name or 'aged/over/under'")
        if not quantity:
            return None
        if quantity in UNITS:
            quantity, unit = UNITS[quantity]
        if quantity == "distance" and "square" in text[cursor:counted_end].lower():
            quantity, unit = "area", f"{unit}2"
    if quantity == "duration" and _PERIOD_BEFORE.search(before):
        return None  # "the past seven days" is a date span, not a duration
    if (
        quantity == "distance"
        and unit == ""
        or (quantity == "duration" and re.match(r"\s+ago\b", text[counted_end : counted_end + 6]))
    ):
        return None  # "two years ago" is a date, not a duration
    hedge = _hedge(before)
    bound = "exact"
    span_start = start
    written_before = _MAGNITUDE_BEFORE.search(before) if quantity == "magnitude" else None
    written_before = written_before or re.search(r"\bminus\s+$", before)
    if written_before:
        span_start = start - len(before) + written_before.start()  # "minus 4", "magnitude 6.4"
    whole = re.match(r"\s+of\s+the\s+(\d[\d,]*)", text[end : end + 20]) if all_but else None
    if all_but and whole:
        value = float(whole.group(1).replace(",", "")) - value
        span_start = start - len(before) + all_but.start()
        rule_parts.insert(0, "'all but N of the M' → M - N")
    if hedge:
        word = re.sub(r"\s+", " ", hedge.group("hedge").lower())
        if not (word == "over" and quantity in _PLACE_QUANTITIES):
            bound = HEDGES[word]
            span_start = start - len(before) + hedge.start("hedge")
            rule_parts.insert(0, f"hedge '{word}' → {bound}")
    if bound == "exact" and _AND_OVER.match(text, end):
        bound = "at_least"  # "aged 65 and over", "children of five or older"
        rule_parts.insert(0, "'N and over' → at_least")
    if bound == "exact" and lowered in VAGUE_PLURALS:
        bound = "at_least"
        rule_parts.insert(0, f"'{lowered}' → at_least")
    if bound == "exact":
        rule_parts.insert(0, "no hedge → exact")
    return FigureHit(span_start, max(counted_end, end), quantity, value, unit, bound,
                     "; ".join(rule_parts))  # fmt: skip


_RANK_BEFORE = re.compile(r"\b(?:[Nn]umber|No\.)\s+$")
_OF_DETERMINERS = r"(?:the|its|their|his|her|our|my|your|these|those)"
_OF_ADJECTIVES = frozenset({"last", "first", "next", "past", "previous", "remaining", "top"})
# "three of its last four games", "171 of the 255 seats": the number after "of" is the whole.
_WHOLE_BEFORE = re.compile(
    rf"(?:\d|\b(?:{_WORD_NUMBER}))\s+of\s+{_OF_DETERMINERS}"
    rf"(?:\s+(?:{'|'.join(sorted(_OF_ADJECTIVES))}))?\s+$",
    re.IGNORECASE,
)
# "one of its last six matches": "one" counts when a whole follows ("one of his two jobs"
# points back to what the text said of him).
_ONE_OF = re.compile(
    rf"\s+of\s+(?:the|its|their)\s+(?:(?:{'|'.join(sorted(_OF_ADJECTIVES))})\s+)?"
    rf"(?:\d[\d,]*|{_WORD_NUMBER})\s",
    re.IGNORECASE,
)
_SCORE_AFTER = re.compile(r"[-–]\d{1,3}(?![\w.,%])")
_SCORE_WORDS = frozenset(data_lines("score_words.txt"))


def _is_score(text: str, sentence: Span, start: int, end: int) -> bool:
    """ "drew 0-0", "a 2-1 win": two numbers joined by a dash next to a word of a match ("a
    53-47 majority" is a split of seats and counts)."""
    score = _SCORE_AFTER.match(text, end)
    if score is None:
        return False
    before = re.findall(r"[A-Za-z]+", text[max(sentence.start, start - 30) : start])[-3:]
    after = re.findall(r"[A-Za-z]+", text[score.end() : min(sentence.end, score.end() + 30)])[:2]
    return any(w.lower() in _SCORE_WORDS for w in before + after)


_PERIOD_OF_PLAY_BEFORE = re.compile(
    r"\b(?:first|second|other|opening|closing|latter|former)[\s-]+$", re.IGNORECASE
)
# Verbs that take "over" as a particle: "handed over 48 aircraft" is no hedge.
_OVER_PARTICLE_VERBS = frozenset(data_lines("over_particle_verbs.txt"))
# Verbs of change: "fell by 9,000 to 717,000" is a change; "miss by 10 to 20 aircraft" a range.
_CHANGE_STEMS = tuple(data_lines("change_verb_stems.txt"))


def _hedge(before: str) -> re.Match[str] | None:
    """The hedge right before a number, unless "over" is the particle of a verb."""
    hedge = _HEDGE.search(before)
    if hedge and hedge.group("hedge").lower() == "over":
        verb = re.search(r"([A-Za-z]+)\s+$", before[: hedge.start("hedge")])
        if verb and verb.group(1).lower() in _OVER_PARTICLE_VERBS:
            return None
    return hedge


def _changed_by(text: str, sentence_start: int, m: re.Match[str]) -> bool:
    """Whether "by N to M" follows a verb of change in its clause ("cut by 2 to 5")."""
    by = re.search(r"\bby\s+$", text[max(sentence_start, m.start() - 10) : m.start()])
    if by is None:
        return False
    clause = text[_clause_start(text, sentence_start, m.start()) : m.start()].lower()
    return any(w.startswith(_CHANGE_STEMS) for w in re.findall(r"[a-z]+", clause))


_ORDINAL_AFTER = re.compile(r"\s+(?:straight|consecutive|successive|time|term|round|place)\b")
# "ticket sales topped 70,000", "a crowd of about 60,000": a total with no noun after it.
_SHARE_OF_WHOLE = re.compile(r"(?:%|per\s?cent|percent)\s+of\s+the\s+(?=\d)", re.IGNORECASE)
# "put the total death toll of the war at 69,176": a toll or a total with its number after "at".
_TOLL_BEFORE = re.compile(
    r"\b(?:(?P<death>death\s+toll)|toll|tally|total)\b[^.,;]{0,30}?\bat\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over|least)\s+)*$",
    re.IGNORECASE,
)
_AND_OVER = re.compile(r"\s+(?:and|or)\s+(?:over|older|above)\b", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(
    r"\b(?:top(?:ped|s)?|exceed(?:ed|s)?|surpass(?:ed|es)?|(?:crowd|attendance|audience|"
    r"turnout|viewership)\s+of)\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over|just|a\s+record)\s+)*$"
)


_OF_SKIP = frozenset({"the", "its", "their", "his", "her", "our", "my", "your", "these"})
_OF_SKIP |= _OF_ADJECTIVES


def _is_number_word(word: str) -> bool:
    return word[0].isdigit() or word.lower() in NUMBER_WORDS


def _subject(text: str, sentence_start: int, number_start: int) -> tuple[str, str]:
    """What a share or a rate with no noun after it measures: the subject of its verb."""
    left = text[sentence_start:number_start]
    found = list(_SUBJECT.finditer(left))
    for m in reversed(found):
        noun = m.group("noun")
        if noun not in _STOP and noun not in ("it", "they", "which", "that"):
            return noun, f"share: subject '{noun}'"
    return "share", "share with no subject"


def _counted(
    text: str, pos: int, sentence: Span, unit: str, raw: str, number_start: int
) -> tuple[str, int, str]:
    """The quantity key of what a number counts, where the counted phrase ends, and why."""
    tokens = _words_after(text, pos, 12)
    tokens = [t for t in tokens if t.start() < sentence.end]
    i = 0
    allow_of = raw in VAGUE_PLURALS or unit == "%" or raw.endswith("dozen")
    head: re.Match[str] | None = None
    while i < len(tokens):
        word = tokens[i].group(0)
        low = word.lower()
        if low == "of" and (allow_of or (i == 0)):
            i += 1
            if i < len(tokens) and tokens[i].group(0).lower() in ("them", "those"):
                return _PREVIOUS, tokens[i].end(), ""
            # "three of its last four games": past the determiner, the adjective and the whole.
            while i < len(tokens) and (
                tokens[i].group(0).lower() in _OF_SKIP
                or (i + 1 < len(tokens) and _is_number_word(tokens[i].group(0)))
            ):
                i += 1
            allow_of = False
            continue
        if not word[0].isalpha():
            if i > 0 and tokens[i - 1].group(0).lower() in ("the", "of") and word[0].isdigit():
                i += 1  # "171 of the 255 seats": the whole is not what is counted
                continue
            break
        if low in NOUN_QUANTITY or low in PERSON_NOUNS or low in CUSTOMER_NOUNS or low in UNITS:
            head = tokens[i]
            break
        if low == "dead":
            head = tokens[i]
            break
        if low in _STOP:
            break
        head = tokens[i]
        i += 1
        if i < len(tokens) and tokens[i].group(0).lower() in _STOP | {","}:
            break
    if head is None:
        # No noun: "wounded 11", "killing 4" count people from the verb before.
        verb = _nearest_before(text, sentence.start, number_start, KILLED_WORDS + INJURED_WORDS)
        if verb and number_start - verb[1] < 12:
            key = "people_killed" if verb[0] in KILLED_WORDS else "people_injured"
            return key, pos, f"implicit people after '{verb[2]}'"
        return "", pos, ""
    noun = head.group(0).lower()
    end = head.end()
    if noun == "dead":
        return "people_killed", end, "'the dead'"
    if unit == "%" and noun in ("region", "regions", "country", "land", "territory", "area"):
        return "territory", end, f"share of '{noun}'"
    # Extend "prisoners of war".
    if noun == "prisoners" and text.startswith(" of war", end):
        end += len(" of war")
    before_number = text[max(sentence.start, number_start - 25) : number_start].lower()
    if re.search(r"\b(?:bod(?:y|ies)|remains)\s+of\s+(?:the\s+)?$", before_number):
        return "bodies_returned", end, "'bodies of'"
    if noun in UNITS and unit != "%":
        return noun, end, f"unit '{noun}'"
    if noun in CUSTOMER_NOUNS:
        if any(w in text[sentence.start : sentence.end].lower() for w in SUPPLY_WORDS):
            return "people_affected", end, f"'{noun}' of a supply (power, heating, water)"
        return noun, end, f"noun '{noun}'"
    if noun in PERSON_NOUNS:
        return _people(text, number_start, end, sentence, noun)
    for words, key in ((KILLED_WORDS, "people_killed"), (INJURED_WORDS, "people_injured")):
        if noun.endswith("ed") and noun.startswith(words):
            return key, end, f"participle '{noun}' (people)"
    key = NOUN_QUANTITY.get(noun, noun if noun.isalpha() or "-" in noun else "")
    downed = _context(text, number_start, end, sentence, DOWNED_WORDS, commas_only=True)
    if key in ("drones", "missiles") and downed:
        return f"{key}_downed", end, f"'{noun}' shot down"
    return key, end, f"noun '{noun}'"


def _people(
    text: str, number_start: int, end: int, sentence: Span, noun: str
) -> tuple[str, int, str]:
    """Which people count: killed, injured, affected, displaced, refugees, prisoners, other."""
    passive = _PASSIVE.match(text, end, min(sentence.end, end + 40))
    if passive:
        verb = passive.group(1).lower()
        for words, key in ((KILLED_WORDS, "people_killed"), (INJURED_WORDS, "people_injured")):
            if verb.startswith(words):
                return key, end, f"people + '{verb}'"
    found = _nearest_before(text, sentence.start, number_start, KILLED_WORDS + INJURED_WORDS)
    if found:
        key = "people_killed" if found[0] in KILLED_WORDS else "people_injured"
        return key, end, f"people after '{found[2]}'"
    window = text[end : min(sentence.end, end + 50)].lower()
    if _HOSPITAL_AFTER.search(window):
        return "people_injured", end, "people + hospital"
    for words, key in (
        (DISPLACED_WORDS, "people_displaced"),
        (REFUGEE_WORDS, "refugees"),
        (AFFECTED_WORDS, "people_affected"),
    ):
        if any(re.search(rf"\b{w}", window) for w in words):
            return key, end, f"people + '{words[0]}…'"
    if noun in SOLDIER_NOUNS and _context(text, number_start, end, sentence, EXCHANGE_WORDS):
        return "prisoners", end, "soldiers exchanged or returned"
    if noun in ("prisoners", "pows"):
        return "prisoners", end, "noun 'prisoners'"
    return "people", end, f"noun '{noun}'"


def _clause_start(text: str, sentence_start: int, pos: int, commas_only: bool = False) -> int:
    """Start of the clause holding pos (after the last comma, dash or 'and')."""
    left = text[sentence_start:pos]
    breaks = list((_COMMA_BREAK if commas_only else _CLAUSE_BREAK).finditer(left))
    return sentence_start + breaks[-1].end() if breaks else sentence_start


def _nearest_before(
    text: str, sentence_start: int, pos: int, stems: tuple[str, ...]
) -> tuple[str, int, str] | None:
    """The nearest word starting with one of the stems in the clause before pos."""
    # A participle right before the number may sit just after the clause break ("…, killing").
    clause = text[_clause_start(text, sentence_start, pos) : pos]
    base = pos - len(clause)
    best = None
    for w in re.finditer(r"[A-Za-z]+", clause):
        low = w.group(0).lower()
        for stem in stems:
            if low.startswith(stem):
                best = (stem, base + w.end(), w.group(0))
    return best


def _context(
    text: str,
    number_start: int,
    end: int,
    sentence: Span,
    words: tuple[str, ...],
    commas_only: bool = False,
) -> bool:
    """Whether the clause around a figure holds one of the words (before it, or just after)."""
    clause_start = _clause_start(text, sentence.start, number_start, commas_only)
    clause = text[clause_start:number_start].lower()
    after = text[end : min(sentence.end, end + 40)].lower()
    after = re.split(r"[,;:]|\band\b", after)[0]
    return any(w in clause or w in after for w in words)
