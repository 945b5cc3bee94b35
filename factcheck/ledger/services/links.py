"""Links between claims: an editor's judgement (candidates: ``reports.link_candidates``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from ..choices import LinkRelation, SuggestionStatus
from ..models import Claim, ClaimLink, Suggestion
from ..permissions import require_write
from .corroboration import claims_refresh
from .suggestions import suggestion_accept

# Relations that read the same both ways: B→A duplicates A→B.
SYMMETRIC = frozenset(
    {
        LinkRelation.CORROBORATES,
        LinkRelation.CONTRADICTS,
        LinkRelation.SAME_EVENT_DIFFERENT_FIGURE,
        LinkRelation.DIFFERENT_EVENT,
        LinkRelation.CONTEXT,
    }
)
# A pair of claims cannot both agree and disagree.
EXCLUSIVE = frozenset({LinkRelation.CORROBORATES, LinkRelation.CONTRADICTS})


def _require(user, action: str) -> None:
    require_write(user, ClaimLink, action, "Only editors may link claims.")


def link_validate(
    *, from_claim: Claim, to_claim: Claim, relation: str, exclude_pk: int | None = None
) -> None:
    """Refuse a self-link, a duplicate (either way round for symmetric relations) or a pair
    that would both corroborate and contradict."""
    if relation not in LinkRelation.values:
        raise ValidationError({"relation": f"“{relation}” is not a link relation."})
    if from_claim.pk == to_claim.pk:
        raise ValidationError({"to_claim": "A claim cannot be linked to itself."})
    pair = Q(from_claim=from_claim, to_claim=to_claim) | Q(from_claim=to_claim, to_claim=from_claim)
    existing = ClaimLink.objects.filter(pair).exclude(pk=exclude_pk)
    for link in existing:
        same_way = link.from_claim_id == from_claim.pk
        if link.relation == relation and (same_way or relation in SYMMETRIC):
            raise ValidationError(
                {
                    "to_claim": "These claims are already linked: "
                    f"{link.get_relation_display().lower()}."
                }
            )
        if {link.relation, relation} == set(EXCLUSIVE):
            raise ValidationError(
                {
                    "relation": "These claims are already linked as "
                    f"“{link.get_relation_display().lower()}”; change or delete that link first."
                }
            )


@transaction.atomic
def link_create(
    *, from_claim: Claim, to_claim: Claim, relation: str, note: str = "", user
) -> ClaimLink:
    """Link two claims with a relation and a note; corroboration of both is recomputed."""
    _require(user, "add")
    link_validate(from_claim=from_claim, to_claim=to_claim, relation=relation)
    link = ClaimLink(
        from_claim=from_claim,
        to_claim=to_claim,
        relation=relation,
        note=note.strip(),
        created_by=user,
    )
    link._history_user = user
    try:
        with transaction.atomic():
            link.save()
    except IntegrityError as err:  # a concurrent editor made the same link
        raise ValidationError({"to_claim": "These claims are already linked."}) from err
    claims_refresh(claim_ids=[from_claim.pk, to_claim.pk])
    return link


@transaction.atomic
def link_update(
    *, link: ClaimLink, user, relation: str | None = None, note: str | None = None
) -> ClaimLink:
    """Change a link's relation or note; corroboration of both ends is recomputed."""
    _require(user, "change")
    changed = []
    if relation is not None and relation != link.relation:
        link_validate(
            from_claim=link.from_claim,
            to_claim=link.to_claim,
            relation=relation,
            exclude_pk=link.pk,
        )
        link.relation = relation
        changed.append("relation")
    if note is not None and note.strip() != link.note:
        link.note = note.strip()
        changed.append("note")
    if changed:
        link._history_user = user
        link.save(update_fields=changed)
        if "relation" in changed:
            claims_refresh(claim_ids=[link.from_claim_id, link.to_claim_id])
    return link


@transaction.atomic
def link_delete(*, link: ClaimLink, user) -> None:
    """Remove a link; corroboration of both ends is recomputed."""
    _require(user, "delete")
    ends = [link.from_claim_id, link.to_claim_id]
    link._history_user = user
    link.delete()
    claims_refresh(claim_ids=ends)


@transaction.atomic
def suggestion_accept_with_link(*, suggestion: Suggestion, user) -> tuple[Claim, ClaimLink]:
    """Accept a statement or figure that repeats a tracked claim: the draft claim and its link
    to the tracked claim (with the suggested relation and the reasons as its note), together."""
    _require(user, "add")
    suggestion = Suggestion.objects.select_related("match_claim").get(pk=suggestion.pk)
    if suggestion.status != SuggestionStatus.OPEN:
        raise ValidationError(f"This suggestion was already {suggestion.status}.")
    if suggestion.match_claim is None or not suggestion.match_relation:
        raise ValidationError("This suggestion repeats no tracked claim; accept it instead.")
    tracked, relation = suggestion.match_claim, suggestion.match_relation
    claim = suggestion_accept(suggestion=suggestion, user=user)
    link = link_create(
        from_claim=claim,
        to_claim=tracked,
        relation=relation,
        note=f"Found on import: {suggestion.match_reason}"[:500],
        user=user,
    )
    return claim, link
