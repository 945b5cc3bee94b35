"""Check-worthiness: how checkable and consequential a statement or figure found in copy is.

A plain rule over what the extraction engine found and what the claim matcher said, with the
reasons shown to editors (words in ``data/worth_words.txt``; edit them, not the code):

* **a specific, measurable figure** (+0.35): a figure with its value (not a year, not "one");
  a duration (+0.15) mostly sets the period another figure covers, and a time of day is none;
* **attributed** (+0.15): someone is named as saying it (a statement's claimant);
* **from an official or a party to the story** (+0.15): the claimant is a tracked actor, or
  the sentence names an office (minister, police, agency…);
* **about many people** (+0.15): people counted in thousands, or words such as residents,
  households, prices, jobs;
* **already disputed elsewhere** (+0.2): the matcher found a tracked claim it contradicts or
  whose figure for the same event differs, or a claim rated disputed, misleading or false;
* **opinion** (−0.3) or **prediction** (−0.2): a judgement (believe, should, welcome…) or what
  may happen (will, could, expected, the chance of…) is not a checkable statement of fact; an
  expectation that is past ("economists had expected") is no prediction.

The score is clamped to 0–1.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import NamedTuple

from .rules import DISPUTING_RELATIONS

FIGURE = 0.35
DURATION = 0.15
ATTRIBUTED = 0.15
OFFICIAL = 0.15
MANY = 0.15
DISPUTED = 0.2
OPINION = -0.3
PREDICTION = -0.2
MANY_PEOPLE = 1000
PEOPLE_QUANTITIES = ("people", "civilians", "residents", "households", "patients", "workers")
DISPUTED_RATINGS = frozenset({"disputed", "misleading", "false"})


class Worth(NamedTuple):
    score: float
    reasons: list[str]


@cache
def worth_words() -> dict[str, tuple[re.Pattern, ...]]:
    """Category → patterns matching its words as whole words."""
    text = files("factcheck.ledger").joinpath("data", "worth_words.txt").read_text("utf-8")
    found: dict[str, list[re.Pattern]] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        category, _, words = (part.strip() for part in line.partition("|"))
        found.setdefault(category, []).append(re.compile(rf"\b{re.escape(words)}\b"))
    return {category: tuple(patterns) for category, patterns in found.items()}


@cache
def _any_word(category: str) -> re.Pattern | None:
    """One pattern matching wherever any word of the category does."""
    patterns = worth_words().get(category, ())
    return re.compile("|".join(p.pattern for p in patterns)) if patterns else None


def _first(category: str, text: str) -> str:
    """The category's first word, in the file's order, that the text contains."""
    # Most sentences contain no word of a category: one search says so, instead of one per word.
    either = _any_word(category)
    if either is None or not either.search(text):
        return ""
    for pattern in worth_words().get(category, ()):
        m = pattern.search(text)
        if m:
            return m.group(0)
    return ""


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d{2}\b", re.IGNORECASE)


def _without(category: str, text: str) -> str:
    """The text with the phrases of a category blanked out."""
    for pattern in worth_words().get(category, ()):
        text = pattern.sub(" ", text)
    return text


def _is_year(value: Decimal) -> bool:
    return value == value.to_integral_value() and 1900 <= value <= 2100


def check_worthiness(
    *,
    kind: str,
    sentence: str,
    data: dict,
    claimant_known: bool = False,
    match_relation: str = "",
    match_rating: str = "",
    match_claim_id: int | None = None,
) -> Worth:
    """The check-worthiness of a statement or figure suggestion (the rule above)."""
    lowered = sentence.lower()
    score, reasons = 0.0, []
    value = data.get("value")
    numbers = re.findall(r"\d+", _CLOCK.sub(" ", sentence))
    figure_in_text = numbers and not all(_is_year(Decimal(n)) for n in numbers)
    if kind == "figure" and value is not None and not _is_year(Decimal(str(value))):
        quantity = (data.get("quantity") or "count").replace("_", " ")
        if quantity == "duration":
            score += DURATION
            reasons.append(f"a duration ({Decimal(str(value)).normalize():f})")
        else:
            score += FIGURE
            reasons.append(f"a specific figure ({quantity}: {Decimal(str(value)).normalize():f})")
    elif kind == "statement" and figure_in_text:
        score += FIGURE
        reasons.append("states a figure")
    claimant = data.get("claimant") or ""
    if kind == "statement" and claimant:
        score += ATTRIBUTED
        reasons.append(f"attributed to {claimant}")
    official = _first("official", lowered)
    if claimant_known:
        score += OFFICIAL
        reasons.append(f"from a party to the story: {claimant}")
    elif official:
        score += OFFICIAL
        reasons.append(f"from an official source ({official})")
    many = _first("many", lowered)
    people = str(data.get("quantity") or "").startswith(PEOPLE_QUANTITIES)
    if (people and value is not None and Decimal(str(value)) >= MANY_PEOPLE) or many:
        score += MANY
        reasons.append(f"about many people ({many or 'thousands'})")
    if match_relation in DISPUTING_RELATIONS or match_rating in DISPUTED_RATINGS:
        score += DISPUTED
        reasons.append(f"already disputed elsewhere (claim {match_claim_id})")
    opinion = _first("opinion", lowered)
    prediction = _first("prediction", _without("past", lowered))
    if opinion:
        score += OPINION
        reasons.append(f"an opinion ({opinion}), not a statement of fact")
    elif prediction:
        score += PREDICTION
        reasons.append(f"a prediction ({prediction})")
    return Worth(round(max(0.0, min(score, 1.0)), 3), reasons)
