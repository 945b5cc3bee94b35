"""Claim match: which tracked claims say most nearly what a sentence says.

The similarity is documented so tools can reason about it:

1. Words are lower-cased runs of letters and digits ("400", "donetsk"); English function
   words and single letters are dropped (``factcheck.ledger.text.words``).
2. Candidates are found in SQL: claims whose quote or summary contains any of the sentence's
   eight longest words (at most 200 candidates, newest first).
3. Each candidate scores the Jaccard index |A ∩ B| / |A ∪ B| between the sentence's word set
   A and the word set B of its quote, or of its summary, whichever is higher; 1.0 is the same
   words in any order. Claims scoring 0 are left out.

One query for the candidates plus the fixed prefetches of `with_related()`, whatever the text.
"""

from __future__ import annotations

from factcheck.ledger.querysets import ClaimQuerySet
from factcheck.ledger.text import jaccard, words

CANDIDATE_WORDS = 8
CANDIDATE_LIMIT = 200


def claims_matching(
    queryset: ClaimQuerySet, text: str, *, limit: int
) -> list[tuple[float, object]]:
    """The claims of the queryset most like the text, best first, as (score, claim)."""
    wanted = words(text)
    if not wanted:
        return []
    probes = sorted(wanted, key=lambda w: (-len(w), w))[:CANDIDATE_WORDS]
    candidates = queryset.containing(probes, any_word=True).order_by("-id")[:CANDIDATE_LIMIT]
    scored = []
    for claim in candidates:
        score = max(jaccard(wanted, words(claim.exact)), jaccard(wanted, words(claim.summary)))
        if score > 0:
            scored.append((round(score, 3), claim))
    scored.sort(key=lambda pair: (-pair[0], pair[1].pk))
    return scored[:limit]
