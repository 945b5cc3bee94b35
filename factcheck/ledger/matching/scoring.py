"""Whether one statement repeats another, and how they relate: plain functions, no queries.

A *statement* is what is matched: a sentence from new copy (a probe) or a tracked claim. Each
carries its text and what the ledger knows: actors (ids, aliases already resolved), figures
(quantity, value, bound, unit), the days it is about, its event and series, its publication
date and its origin.

The score (0–1) is built from:

* **Wording**: the texts become tokens (words stemmed with the ledger's stemmer, function words
  dropped, synonym phrases from the vocabulary replaced by their group, capitals by their
  country). Similarity = 0.45 × Dice of the token sets + 0.3 × their containment (shared over
  the smaller set) + 0.25 × Jaccard of their character trigrams (names spelled two ways,
  inflections the stemmer leaves).
* **The ledger**: shared actors add 0.1; the same event adds 0.1; a figure of the same quantity
  that agrees (intervals overlap, ``rules.measurement_interval``) for the same days adds 0.15.
  Numbers on both sides with none in common take 0.15 off.

The relation follows the figures and the days: the same quantity for the same days (or the
same event) and agreeing figures → ``corroborates``; not agreeing →
``same_event_different_figure``; the same quantity for other days or another event of the
series → ``different_event``; no figure in common → ``corroborates``, or ``contradicts`` when
one says the opposite (a negation on one side only, or a pair of opposites such as raise/cut).
A *repeat* is a match scoring at least ``REPEAT_THRESHOLD`` whose relation is corroborates or
same_event_different_figure: it states the same claim about the same thing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any

from ..choices import LinkRelation
from ..rules import measurement_interval
from ..text import STOPWORDS, all_words, stem
from .vocabulary import (
    attribution_forms,
    attribution_words,
    longest_phrase,
    negations,
    opposites,
    synonyms,
)

REPEAT_THRESHOLD = 0.56
"""The score from which a match with a repeat relation counts as a repeat."""
RELATED_THRESHOLD = 0.4
"""From this score a match that is no repeat but another night of the same figure, or the
opposite statement, is worth showing beside new copy."""
SHOWN_RELATIONS = frozenset({LinkRelation.DIFFERENT_EVENT, LinkRelation.CONTRADICTS})
CANDIDATE_THRESHOLD = 0.25
"""Below this a claim is not shown as related at all."""
SAME_DAY_SLACK = dt.timedelta(days=1)
SAME_PERIOD_SHARE = 0.75
"""Two periods longer than a night are the same when they share this much of the longer."""
NAME_PENALTY = 0.25
NAME_SWAP_WORDING = 0.5
"""Other names in wording this alike are another claim ("mpox in Congo" / "cholera in Yemen")."""
NUMBER_PENALTY = 0.15
OTHER_QUANTITY_PENALTY = 0.25
UNMATCHED_FIGURE_PENALTY = 0.1
FIGURE_BONUS = 0.15
NUMBER_BONUS = 0.2
ACTOR_BONUS = 0.05
TOPIC_BONUS = 0.05
SAME_WORDS = 0.75
OPPOSED_WORDING = 0.5
"""Wording this alike with other numbers is the same statement with another figure."""

REPEAT_RELATIONS = frozenset({LinkRelation.CORROBORATES, LinkRelation.SAME_EVENT_DIFFERENT_FIGURE})
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORDS = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Figure:
    """A number a statement carries: what is counted, the value and its bound as written."""

    quantity: str
    value: Decimal
    bound: str = "exact"
    unit: str = ""
    text: str = ""

    @property
    def label(self) -> str:
        return self.text or f"{self.value.normalize():f}"


@dataclass
class Statement:
    """A sentence or a claim, with what the ledger knows about it."""

    text: str
    actor_ids: frozenset[int] = frozenset()
    figures: tuple[Figure, ...] = ()
    about_start: dt.date | None = None
    about_end: dt.date | None = None
    event_id: int | None = None
    event_label: str = ""
    topic_id: int | None = None
    topic_label: str = ""
    series_id: int | None = None
    published: dt.date | None = None
    origin: str = ""
    origin_label: str = ""
    actor_names: dict[int, str] = field(default_factory=dict)
    actor_words: frozenset[str] = frozenset()  # words of known actors' mentions (not names)
    claim_id: int | None = None  # set when the statement is a tracked claim

    @cached_property
    def cased_tokens(self) -> list[tuple[str, str]]:
        return tokens_with_case(self.text)

    @cached_property
    def tokens(self) -> list[str]:
        return [token for token, _ in self.cased_tokens]

    @cached_property
    def token_set(self) -> frozenset[str]:
        return frozenset(t for t in self.tokens if not t.isdigit())

    @cached_property
    def trigrams(self) -> frozenset[str]:
        return trigrams(self.text)

    @cached_property
    def names(self) -> frozenset[str]:
        """Tokens of capitalised words inside the sentence that are no known actor's mention:
        the places, bodies and people the statement is about ("Yemen", "Shell")."""
        found = set()
        # The sentence's first word is capitalised whatever it is ("Overnight"); a name after
        # a function word is still one ("The AfD won").
        first = next(iter(_WORDS.findall(self.text)), "")
        for i, (token, word) in enumerate(self.cased_tokens):
            if (i == 0 and word == first) or not word[:1].isupper() or token.isdigit():
                continue
            if word.lower() not in self.actor_words:
                found.add(token)
        return frozenset(found)

    @cached_property
    def numbers(self) -> frozenset[Decimal]:
        found = {Decimal(n.replace(",", "")) for n in _NUMBER.findall(self.text)}
        found |= {f.value for f in self.figures}
        # Years date a statement; they are no figure of it.
        return frozenset(n for n in found if not (n == int(n) and 1900 <= n <= 2100))

    @cached_property
    def negated(self) -> bool:
        return negation_count(self.text) % 2 == 1

    @property
    def days(self) -> tuple[dt.date, dt.date] | None:
        if self.about_start is None:
            return None
        return self.about_start, self.about_end or self.about_start


@dataclass
class Match:
    """How a tracked statement relates to a probe: score, suggested relation, reasons."""

    score: float
    relation: str
    reasons: list[str]
    target: Statement | None = None
    rank: float = 0.0  # the score before it is capped at 1, to order equally sure matches
    claim: Any = None  # the tracked claim, when matched against the database

    @property
    def repeat(self) -> bool:
        return self.score >= REPEAT_THRESHOLD and self.relation in REPEAT_RELATIONS

    @property
    def worth_showing(self) -> bool:
        """A repeat, or another night or the opposite statement, sure enough to show."""
        return self.repeat or (self.score >= RELATED_THRESHOLD and self.relation in SHOWN_RELATIONS)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def tokens(text: str) -> list[str]:
    """A text's comparable tokens: stems, synonym groups for known phrases, no function words."""
    return [token for token, _ in tokens_with_case(text)]


def tokens_with_case(text: str) -> list[tuple[str, str]]:
    """Each token with the first word it was made from as written."""
    return list(_scan(text)[0])


def negation_count(text: str) -> int:
    """How many negations the text has outside synonym phrases ("will not budge" is insist)."""
    return _scan(text)[1]


# The same tracked claims come back as candidates for article after article of a story: their
# texts are scanned once, not once per article that finds them.
@lru_cache(maxsize=8192)
def _scan(text: str) -> tuple[tuple[tuple[str, str], ...], int]:
    table, longest = synonyms(), longest_phrase()
    written = _WORDS.findall(text.replace("’", "'").replace("n't", " not"))
    stemmed = [stem(w.lower()) for w in written]
    out: list[tuple[str, str]] = []
    negated = 0
    i = 0
    while i < len(stemmed):
        if written[i].lower() in attribution_forms():
            i += 1
            continue
        for size in range(min(longest, len(stemmed) - i), 0, -1):
            group = table.get(tuple(stemmed[i : i + size]))
            if group:
                out.append((group, written[i]))
                # A negation that is also a synonym ("abandoned" = scrap) still negates; one
                # inside a longer phrase ("will not budge" = insist) does not.
                negated += size == 1 and written[i].lower() in negations()
                i += size
                break
        else:
            word = stemmed[i]
            lowered = written[i].lower()
            if lowered in negations():
                negated += 1
            elif lowered not in STOPWORDS and word not in attribution_words() and len(word) > 1:
                out.append((word, written[i]))
            i += 1
    return tuple(out), negated


def trigrams(text: str) -> frozenset[str]:
    """Character trigrams of the text's content words (each padded with a space)."""
    grams: set[str] = set()
    for w in all_words(text):
        if w in STOPWORDS or w.isdigit():
            continue
        padded = f" {w} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def wording_similarity(a: Statement, b: Statement) -> float:
    """How alike two statements are in their words (the formula in the module docstring)."""
    x, y = a.token_set, b.token_set
    if not x or not y:
        return 0.0
    shared = len(x & y)
    if not shared:
        return 0.0
    dice = 2 * shared / (len(x) + len(y))
    containment = shared / min(len(x), len(y))
    tri = len(a.trigrams & b.trigrams) / len(a.trigrams | b.trigrams) if a.trigrams else 0.0
    return 0.45 * dice + 0.3 * containment + 0.25 * tri


def _opposed(a: Statement, b: Statement) -> str:
    """Why one statement says the opposite of the other, or ""."""
    if a.negated != b.negated:
        return "one of them is negated"
    for x, y in opposites():
        if (x in a.token_set and y in b.token_set and y not in a.token_set) or (
            y in a.token_set and x in b.token_set and x not in a.token_set
        ):
            return f"opposite words ({x.lstrip('~')} / {y.lstrip('~')})"
    swapped = _swapped_names(a, b)
    if swapped:
        return "the names swap places ({} / {})".format(*swapped)
    return ""


def _swapped_names(a: Statement, b: Statement) -> tuple[str, str] | None:
    """Names right before and right after the same word, in the other order ("England beat
    Wales" / "Wales beat England"): the same words with the roles reversed. A clause that
    moves ("…, the Met Office said") moves its word with it and swaps nothing, and a passive
    ("Arsenal were defeated by City" / "City defeated Arsenal") swaps its names back."""

    def around(statement: Statement) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        """Each lowercase word (not a passive) with the capitalised runs just before and after."""
        cased = statement.cased_tokens
        capital = [word[:1].isupper() for _, word in cased]
        passive = {
            token
            for token, word in cased
            if re.search(rf"\b{re.escape(word)}\s+by\b", statement.text, re.IGNORECASE)
        }

        def run(i: int, step: int) -> frozenset[str]:
            found = set()
            while 0 <= i < len(cased) and capital[i]:
                found.add(cased[i][0])
                i += step
            return frozenset(found)

        return {
            token: (run(i - 1, -1), run(i + 1, 1))
            for i, (token, _) in enumerate(cased)
            if not capital[i] and token not in passive
        }

    at_a, at_b = around(a), around(b)
    for word in at_a.keys() & at_b.keys():
        (before_a, after_a), (before_b, after_b) = at_a[word], at_b[word]
        if before_a & after_b and after_a & before_b and before_a != before_b:
            return min(before_a).lstrip("~"), min(after_a).lstrip("~")
    return None


def _when(a: Statement, b: Statement, *, figures: bool) -> str:
    """``same``, ``other`` or ``unknown``: whether two statements are about the same days.

    Figures with no days of their own fall back to publication dates (within a day)."""
    if a.event_id and b.event_id:
        return "same" if a.event_id == b.event_id else "other"
    da, db = a.days, b.days
    if da and db:
        # A night is written as either of its days. Longer periods are the same when they
        # mostly cover each other ("last year" / "the past year"); two that only overlap are
        # two periods of a rolling figure ("the three months to January" / "to February").
        if da[1] - da[0] <= SAME_DAY_SLACK and db[1] - db[0] <= SAME_DAY_SLACK:
            meet = da[0] <= db[1] + SAME_DAY_SLACK and db[0] <= da[1] + SAME_DAY_SLACK
        else:
            shared = (min(da[1], db[1]) - max(da[0], db[0])).days + 1
            longer = max(da[1] - da[0], db[1] - db[0]).days + 1
            meet = shared >= SAME_PERIOD_SHARE * longer
        return "same" if meet else "other"
    if figures and a.published and b.published:
        return "same" if abs(a.published - b.published) <= SAME_DAY_SLACK else "other"
    return "unknown"


def _specific(number: Decimal) -> bool:
    """A number specific enough to tie two statements together (not "three", "5 March")."""
    return number != number.to_integral_value() or number > 31


def compare(probe: Statement, target: Statement) -> Match | None:
    """How ``target`` relates to ``probe``, or None when it is not related enough to show."""
    wording = wording_similarity(probe, target)
    if wording < 0.12:
        return None
    score = wording
    reasons = [f"similar wording ({wording:.0%})"]

    shared_actors = probe.actor_ids & target.actor_ids
    if shared_actors:
        score += ACTOR_BONUS
        names = [
            target.actor_names.get(i) or probe.actor_names.get(i) or f"#{i}"
            for i in sorted(shared_actors)
        ]
        reasons.append("same actors: " + ", ".join(names))
    if probe.event_id and probe.event_id == target.event_id:
        score += 0.1
        reasons.append(f"same event: {target.event_label or probe.event_label}")
    if probe.topic_id and probe.topic_id == target.topic_id:
        score += TOPIC_BONUS
        reasons.append(f"same topic: {target.topic_label or probe.topic_label}")
    only_probe = probe.names - target.token_set
    only_target = target.names - probe.token_set
    if only_probe and only_target and wording >= NAME_SWAP_WORDING:
        score -= NAME_PENALTY
        reasons.append(
            f"about other names ({', '.join(sorted(t.lstrip('~') for t in only_probe))} / "
            f"{', '.join(sorted(t.lstrip('~') for t in only_target))})"
        )

    relation = ""
    # Opposition is read only between statements worded alike: a negation elsewhere ("if Kyiv
    # does not cave") says nothing about two loosely related claims.
    opposed = _opposed(probe, target) if wording >= OPPOSED_WORDING else ""
    pairs = [
        (f, g)
        for f in probe.figures
        for g in target.figures
        if f.quantity == g.quantity and f.unit == g.unit
    ]
    # Known actors on both sides, none in common, and no figure of the same quantity to tie
    # them (two bodies reporting one death toll): the same words by or about another.
    other_actors = probe.actor_ids and target.actor_ids and not shared_actors and not pairs
    if other_actors and wording >= NAME_SWAP_WORDING:
        score -= NAME_PENALTY
        names = [
            (probe.actor_names.get(i) or f"#{i}" for i in sorted(probe.actor_ids)),
            (target.actor_names.get(i) or f"#{i}" for i in sorted(target.actor_ids)),
        ]
        reasons.append("other actors ({} / {})".format(*(", ".join(n) for n in names)))
    if opposed:
        relation = LinkRelation.CONTRADICTS
        reasons.append(f"says the opposite: {opposed}")
    elif pairs:
        when = _when(probe, target, figures=True)
        agree = [
            (f, g)
            for f, g in pairs
            if measurement_interval(f.value, f.bound).overlaps(
                measurement_interval(g.value, g.bound)
            )
        ]
        quantity = pairs[0][0].quantity.replace("_", " ")
        if when == "other":
            relation = LinkRelation.DIFFERENT_EVENT
            reasons.append(f"same quantity ({quantity}) for other days")
        elif agree:
            relation = LinkRelation.CORROBORATES
            score += FIGURE_BONUS
            f, g = agree[0]
            reasons.append(f"the figures agree ({f.label} / {g.label})")
        else:
            relation = LinkRelation.SAME_EVENT_DIFFERENT_FIGURE
            f, g = pairs[0]
            reasons.append(
                f"same {quantity} for the same days, other figure ({f.label} / {g.label})"
            )
    elif probe.numbers and target.numbers and not probe.numbers & target.numbers:
        if wording >= SAME_WORDS:
            when = _when(probe, target, figures=True)
            relation = (
                LinkRelation.DIFFERENT_EVENT
                if when == "other"
                else LinkRelation.SAME_EVENT_DIFFERENT_FIGURE
            )
            reasons.append(
                "the same words with other numbers" + (" for other days" if when == "other" else "")
            )
        elif probe.figures and target.figures:
            # Figures on both sides, none of one quantity and no number shared: another
            # statistic from the same release ("the economy grew" / "unemployment rose").
            score -= OTHER_QUANTITY_PENALTY
            reasons.append("figures of other quantities")
        else:
            score -= NUMBER_PENALTY
            reasons.append("different numbers")
    elif bool(probe.figures) != bool(target.figures) and not (probe.numbers and target.numbers):
        # One states a figure and the other no number at all: it tells something else about
        # the same place or body ("45 children had died" / "hospitals had received fuel").
        score -= UNMATCHED_FIGURE_PENALTY
        reasons.append("a figure on one side only")
    elif probe.numbers & target.numbers:
        shared = sorted(probe.numbers & target.numbers)
        if _when(probe, target, figures=True) == "other" and wording >= SAME_WORDS:
            relation = LinkRelation.DIFFERENT_EVENT
            reasons.append("the same figure for other days")
        elif any(_specific(n) for n in shared):
            score += NUMBER_BONUS
            reasons.append(f"the same numbers ({', '.join(f'{n.normalize():f}' for n in shared)})")

    if not relation:
        if (
            probe.series_id
            and probe.series_id == target.series_id
            and _when(probe, target, figures=False) == "other"
        ):
            relation = LinkRelation.DIFFERENT_EVENT
            reasons.append("another event of the same series")
        else:
            relation = LinkRelation.CORROBORATES
    if probe.origin and target.origin:
        label = f": {target.origin_label}" if target.origin_label else ""
        same = probe.origin == target.origin
        reasons.append(("same origin" if same else "another origin") + label)
    if score < CANDIDATE_THRESHOLD:
        return None
    capped = round(max(0.0, min(score, 1.0)), 3)
    return Match(score=capped, relation=str(relation), reasons=reasons, target=target, rank=score)
