"""Repeats on import: each statement and figure suggestion of an article is matched against
the tracked claims and given a check-worthiness score (an editor then turns a repeat into a
claim and its link in one step: ``links.suggestion_accept_with_link``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from ..checkworthiness import check_worthiness
from ..choices import SuggestionKind, SuggestionStatus
from ..matching import claims_matching_each, statement_from_findings
from ..models import Article, Claim, Suggestion
from ..spans import sentence_bounds
from .rows import rows_update

MATCHED_KINDS = (SuggestionKind.STATEMENT, SuggestionKind.FIGURE)


def _actor_findings(suggestions: Sequence[Suggestion]) -> list[tuple[int, int, dict]]:
    return [
        (s.start, s.end, {"kind": "actor", "text": s.text, **(s.data or {})})
        for s in suggestions
        if s.kind == SuggestionKind.ACTOR and (s.data or {}).get("actor_id")
    ]


@transaction.atomic
def suggestions_assess(*, article: Article) -> None:
    """Match each open statement and figure suggestion of an article against the tracked
    claims of other origins and score its check-worthiness; store both on the suggestion (again
    on every analysis, so new claims and links are taken into account)."""
    body = article.body
    suggestions = article.suggestions.filter(
        status=SuggestionStatus.OPEN, kind__in=MATCHED_KINDS
    ).order_by("start", "pk")
    actors = _actor_findings(article.suggestions.filter(kind=SuggestionKind.ACTOR))
    tracked = Claim.objects.exclude(article__origin=article.origin)
    assessed, probes = [], []
    for suggestion in suggestions:
        left, right = sentence_bounds(body, suggestion.start, suggestion.end)
        sentence = body[left:right]
        data = {"kind": suggestion.kind, "text": suggestion.text, **(suggestion.data or {})}
        nearby = [d for start, end, d in actors if left <= start and end <= right]
        probes.append(
            statement_from_findings(
                sentence if suggestion.kind == SuggestionKind.FIGURE else suggestion.text,
                [data, *nearby],
                published=article.published,
                origin=article.origin_key,
            )
        )
        assessed.append((suggestion, sentence))
    # Every statement at once: a fixed number of queries per article, not per statement.
    matches = claims_matching_each(tracked, probes, limit=1)
    changed = []
    for (suggestion, sentence), found in zip(assessed, matches, strict=True):
        best = next(iter(found), None)
        match = (None, "", None, "")
        if best and best.worth_showing:
            match = (best.claim.pk, best.relation, best.score, best.reason)
        worth = check_worthiness(
            kind=suggestion.kind,
            sentence=sentence,
            data=suggestion.data or {},
            claimant_known=bool((suggestion.data or {}).get("claimant_id")),
            match_relation=match[1],
            match_rating=best.claim.rating if match[0] else "",
            match_claim_id=match[0],
        )
        row = (*match, worth.score, worth.reasons)
        if row != tuple(getattr(suggestion, name) for name in ASSESSED):
            changed.append((*row, suggestion.pk))
    # Only the rows whose assessment changed (none, when an article is analysed again and
    # nothing new was tracked), in one UPDATE by primary key.
    rows_update(Suggestion, ASSESSED, changed)


# What an assessment stores on a suggestion, in the order the rows above give it.
ASSESSED = (
    "match_claim_id",
    "match_relation",
    "match_score",
    "match_reason",
    "worth",
    "worth_reasons",
)
