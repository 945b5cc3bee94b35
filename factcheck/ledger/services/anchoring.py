"""Carrying claims to a new revision of their article (re-anchoring).

A claim keeps W3C selectors: its offsets (start, end) and its quote (exact, prefix, suffix).
When an origin is re-imported with changed text, each claim is placed on the new text by,
in order:

1. the same quote at the same offsets: kept as is (score 1.0);
2. the quote occurring exactly once elsewhere: moved there (score 1.0);
3. a fuzzy search: candidate places are found from the quote's words, each is aligned with
   difflib and scored  0.75 × similarity(quote) + 0.25 × similarity(prefix + suffix)
   (the context part is dropped when the claim had none). The best candidate is accepted when
   - its score is at least ACCEPT_SCORE (0.85), and
   - no other, non-overlapping candidate scores within AMBIGUITY_MARGIN (0.05) of it, and
   - it carries the same figures (digits and number words) as the quote: look-alike
     sentences with different figures ("almost 400 drones" / "some 420 drones") are the
     classic trap, and a claim must never silently move onto another night's count.

Anything else (weak match, near tie, changed figures, quote gone) leaves the claim on the old
revision with needs_reanchoring=True: it shows in the admin's "needs re-anchoring" queue,
where an editor selects its span again on the current revision (claim_update with article=).
Every move and every queueing is a recorded change (simple-history, user None = the system).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.db.models import Q

from ..models import Article, Claim
from .claims import claim_queue_for_reanchoring, claim_reanchor
from .corroboration import corroboration_refresh_on_commit

ACCEPT_SCORE = 0.85
AMBIGUITY_MARGIN = 0.05
QUOTE_WEIGHT = 0.75

_WORD = re.compile(r"\w{3,}")
_NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozen",
    "dozens",
    "half",
    "quarter",
]
_FIGURE = re.compile(r"\d[\d,.]*\d|\d|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Placement:
    start: int
    end: int
    score: float


def figures(text: str) -> list[str]:
    """The numbers a text states, in order (digits without separators, number words)."""
    return [m.group().replace(",", "").lower() for m in _FIGURE.finditer(text)]


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context_score(body: str, start: int, end: int, prefix: str, suffix: str) -> float | None:
    if not prefix and not suffix:
        return None
    before = body[max(0, start - len(prefix)) : start]
    after = body[end : end + len(suffix)]
    return _ratio(before + "\x00" + after, prefix + "\x00" + suffix)


def _score(body: str, start: int, end: int, claim: Claim) -> float:
    quote = _ratio(body[start:end], claim.exact)
    context = _context_score(body, start, end, claim.prefix, claim.suffix)
    if context is None:
        return quote
    return QUOTE_WEIGHT * quote + (1 - QUOTE_WEIGHT) * context


def _align(body: str, approx_start: int, quote: str) -> tuple[int, int] | None:
    """Align the quote with the text near approx_start; return the span it covers."""
    slack = max(8, len(quote) // 3)
    lo = max(0, approx_start - slack)
    hi = min(len(body), approx_start + len(quote) + slack)
    matcher = difflib.SequenceMatcher(None, body[lo:hi], quote, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = lo + first.a - first.b
    end = lo + last.a + last.size + (len(quote) - last.b - last.size)
    start, end = max(lo, start), min(hi, end)
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _candidates(body: str, claim: Claim) -> list[Placement]:
    """Places in the body where the quote may now stand, best first."""
    quote = claim.exact
    starts: set[int] = set()
    for word in _WORD.finditer(quote):
        for hit in re.finditer(re.escape(word.group()), body):
            starts.add(hit.start() - word.start())
    seen: dict[tuple[int, int], Placement] = {}
    for approx in sorted(starts):
        span = _align(body, approx, quote)
        if span is None or span in seen:
            continue
        seen[span] = Placement(span[0], span[1], _score(body, span[0], span[1], claim))
    return sorted(seen.values(), key=lambda p: (-p.score, p.start))


def claim_place(*, body: str, claim: Claim) -> tuple[Placement | None, float | None, str]:
    """Where the claim belongs in `body`: (placement or None, best score, why)."""
    quote = claim.exact
    if body[claim.start : claim.end] == quote:
        return Placement(claim.start, claim.end, 1.0), 1.0, "unchanged"
    exact_hits = [m.start() for m in re.finditer(re.escape(quote), body)]
    if len(exact_hits) == 1:
        s = exact_hits[0]
        return Placement(s, s + len(quote), 1.0), 1.0, "moved"
    candidates = _candidates(body, claim)
    if not candidates:
        return None, None, "the quote is gone"
    best = candidates[0]
    rival = next((c for c in candidates[1:] if c.end <= best.start or c.start >= best.end), None)
    if best.score < ACCEPT_SCORE:
        return None, best.score, f"best match scores {best.score:.2f} (< {ACCEPT_SCORE})"
    if rival is not None and best.score - rival.score < AMBIGUITY_MARGIN:
        return (
            None,
            best.score,
            (f"two places match about equally ({best.score:.2f} and {rival.score:.2f})"),
        )
    if figures(body[best.start : best.end]) != figures(quote):
        return None, best.score, "the best match states different figures"
    return best, best.score, "found by fuzzy match"


def claims_carry_over(*, old: Article, new: Article) -> None:
    """Move each claim of the old revision onto the new text, or queue it for re-anchoring."""
    # Claims queued from earlier revisions of the origin get another chance too.
    claims = Claim.objects.filter(
        Q(article=old) | Q(article__origin=old.origin, needs_reanchoring=True)
    ).exclude(article=new)
    moved: list[int] = []
    for claim in claims.order_by("id"):
        placement, score, why = claim_place(body=new.body, claim=claim)
        if placement is None:
            claim_queue_for_reanchoring(
                claim=claim,
                score=score,
                reason=f"needs re-anchoring on revision {new.revision}: {why}",
            )
            continue
        claim_reanchor(
            claim=claim,
            article=new,
            start=placement.start,
            end=placement.end,
            score=placement.score,
            reason=f"carried to revision {new.revision} ({why}, {placement.score:.2f})",
        )
        moved.append(claim.pk)
    corroboration_refresh_on_commit(moved)
