"""Claim match: which tracked claims say most nearly what a sentence says.

The similarity is documented so tools can reason about it:

1. Words are lower-cased runs of letters and digits ("400", "donetsk"); a short list of
   English function words is dropped.
2. Candidates are found in SQL: claims whose quote or summary contains any of the sentence's
   eight longest words (at most 200 candidates, newest first).
3. Each candidate scores the Jaccard index |A ∩ B| / |A ∪ B| between the sentence's word set
   A and the word set B of its quote, or of its summary, whichever is higher; 1.0 is the same
   words in any order. Claims scoring 0 are left out.

One query for the candidates plus the fixed prefetches of `with_related()`, whatever the text.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet

_STOPWORDS = (
    "a an and are as at be but by for from had has have he her his in into is it its not of "
    "on or our she that the their them they this to was we were will with would said says"
)
STOPWORDS = frozenset(_STOPWORDS.split())
CANDIDATE_WORDS = 8
CANDIDATE_LIMIT = 200

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> set[str]:
    """The comparable words of a text."""
    return {w for w in _WORD.findall(text.lower()) if w not in STOPWORDS}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def claims_matching(queryset: QuerySet, text: str, *, limit: int) -> list[tuple[float, object]]:
    """The claims of the queryset most like the text, best first, as (score, claim)."""
    wanted = words(text)
    if not wanted:
        return []
    probes = sorted(wanted, key=lambda w: (-len(w), w))[:CANDIDATE_WORDS]
    condition = reduce(or_, (Q(exact__icontains=w) | Q(summary__icontains=w) for w in probes))
    candidates = queryset.filter(condition).order_by("-id")[:CANDIDATE_LIMIT]
    scored = []
    for claim in candidates:
        score = max(jaccard(wanted, words(claim.exact)), jaccard(wanted, words(claim.summary)))
        if score > 0:
            scored.append((round(score, 3), claim))
    scored.sort(key=lambda pair: (-pair[0], pair[1].pk))
    return scored[:limit]
