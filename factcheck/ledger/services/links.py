"""Links between claims: an editor's judgement (candidates: ``reports.link_candidates``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from ..choices import LinkRelation, SuggestionStatus
from ..errors import AlreadyExists
from ..models import Claim, ClaimLink, Suggestion
from ..permissions import require_write
from .corroboration import claims_refresh
from .suggestions import suggestion_accept


def _require(user, action: str) -> None:
    require_write(user, ClaimLink, action, "Only editors may link claims.")


def link_validate(
    *, from_claim: Claim, to_claim: Claim, relation: str, exclude_pk: int | None = None
) -> None:
    """Refuse a self-link, an unknown relation, or a second link between the same two claims
    (whichever way round: change or delete the link there is)."""
    if relation not in LinkRelation.values:
        raise ValidationError({"relation": f"“{relation}” is not a link relation."})
    if from_claim.pk == to_claim.pk:
        raise ValidationError({"to_claim": "A claim cannot be linked to itself."})
    existing = link_between(from_claim.pk, to_claim.pk, exclude_pk=exclude_pk)
    if existing is not None:
        raise _already_linked(existing)


def link_between(a: int, b: int, *, exclude_pk: int | None = None) -> ClaimLink | None:
    """The link between two claims, whichever way round, if there is one."""
    pair = Q(from_claim_id=a, to_claim_id=b) | Q(from_claim_id=b, to_claim_id=a)
    return ClaimLink.objects.filter(pair).exclude(pk=exclude_pk).first()


def _already_linked(link: ClaimLink) -> AlreadyExists:
    return AlreadyExists(
        {
            "to_claim": f"These claims are already linked: link {link.pk}, claim "
            f"{link.from_claim_id} {link.get_relation_display().lower()} claim "
            f"{link.to_claim_id}; change or delete that link instead."
        },
        existing=link,
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
    except IntegrityError as err:
        # A concurrent editor linked the pair first; the database kept theirs.
        existing = link_between(from_claim.pk, to_claim.pk)
        if existing is None:
            raise
        raise _already_linked(existing) from err
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
