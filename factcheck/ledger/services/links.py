"""Links between claims: an editor's judgement, and the candidates the app suggests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from ..choices import ClaimStatus, LinkRelation
from ..models import Claim, ClaimLink
from ..permissions import require_write
from .corroboration import claims_refresh, measurement_interval

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


# ---- candidates ----------------------------------------------------------------------------

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "your",
        "said",
        "says",
        "say",
        "told",
        "would",
        "will",
        "could",
        "should",
        "may",
        "might",
        "not",
        "no",
        "than",
        "then",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "also",
        "after",
        "before",
        "over",
        "under",
        "into",
        "about",
        "more",
        "most",
        "some",
        "any",
        "all",
        "mr",
        "mrs",
        "ms",
    ]
)
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


def _terms(text: str) -> set[str]:
    """Content words, crudely stemmed (first six letters), for a wording overlap."""
    return {
        w[:6] for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOP and len(w) > 1
    }


def wording_similarity(a: str, b: str) -> float:
    """Share of content words in common (Jaccard, 0–1)."""
    ta, tb = _terms(a), _terms(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


@dataclass
class Candidate:
    """A claim worth linking to, with a score and the reasons shown to the editor."""

    claim: Claim
    score: float
    reasons: list[str] = field(default_factory=list)
    relation: str = ""  # the relation the figures suggest, if any


CANDIDATE_POOL = 300


def link_candidates(*, claim: Claim, limit: int = 10) -> list[Candidate]:
    """Claims from other articles on the same event, topic, subjects or quantity, ranked."""
    subject_ids = set(claim.subjects.values_list("pk", flat=True))
    own_measurements = list(claim.measurements.all())
    quantities = {m.quantity for m in own_measurements}
    series_id = claim.event.series_id if claim.event_id else None

    near = Q(pk__in=[])
    if claim.event_id:
        near |= Q(event_id=claim.event_id)
    if series_id:
        near |= Q(event__series_id=series_id)
    if claim.topic_id:
        near |= Q(topic_id=claim.topic_id)
    if subject_ids:
        near |= Q(subjects__in=subject_ids)
    if quantities:
        near |= Q(measurements__quantity__in=quantities)
    if claim.claimant_id:
        near |= Q(claimant_id=claim.claimant_id)

    linked = set()
    for a, b in ClaimLink.objects.touching([claim.pk]).values_list("from_claim_id", "to_claim_id"):
        linked.update((a, b))

    pool_ids = list(
        Claim.objects.filter(near)
        .exclude(article__origin=claim.article.origin)
        .exclude(status=ClaimStatus.REJECTED)
        .exclude(pk__in=linked | {claim.pk})
        .order_by("-article__published", "-pk")
        .values_list("pk", flat=True)
        .distinct()[: CANDIDATE_POOL * 3]
    )
    pool = (
        Claim.objects.filter(pk__in=list(dict.fromkeys(pool_ids))[:CANDIDATE_POOL])
        .select_related("article__source", "event", "topic", "claimant")
        .prefetch_related("subjects", "measurements")
    )

    own_origin = claim.article.origin_key
    own_text = f"{claim.exact} {claim.summary}"
    found: list[Candidate] = []
    for other in pool:
        score, reasons, relation = 0.0, [], ""
        if claim.event_id and other.event_id == claim.event_id:
            score += 3
            reasons.append(f"same event: {other.event}")
        elif series_id and other.event and other.event.series_id == series_id:
            score += 1
            reasons.append(f"another event of the same series: {other.event}")
            relation = LinkRelation.DIFFERENT_EVENT
        if claim.topic_id and other.topic_id == claim.topic_id:
            score += 2
            reasons.append(f"same topic: {other.topic}")
        shared = [a for a in other.subjects.all() if a.pk in subject_ids]
        if shared:
            score += min(len(shared), 3)
            reasons.append("same subject: " + ", ".join(a.name for a in shared))
        if claim.claimant_id and other.claimant_id == claim.claimant_id:
            score += 1
            reasons.append(f"same claimant: {other.claimant}")
        for m in other.measurements.all():
            if m.quantity not in quantities:
                continue
            score += 1
            reasons.append(f"same counted quantity: {m.quantity.replace('_', ' ')}")
            if other.event_id and other.event_id == claim.event_id:
                mine = [
                    x for x in own_measurements if x.quantity == m.quantity and x.unit == m.unit
                ]
                theirs = measurement_interval(m.value, m.bound)
                if any(measurement_interval(x.value, x.bound).overlaps(theirs) for x in mine):
                    relation = relation or LinkRelation.CORROBORATES
                    reasons.append(f"the figures agree ({m.text or m.value})")
                elif mine:
                    relation = LinkRelation.SAME_EVENT_DIFFERENT_FIGURE
                    reasons.append(f"the figures differ ({m.text or m.value})")
            break
        similarity = wording_similarity(own_text, f"{other.exact} {other.summary}")
        if similarity >= 0.1:
            score += round(similarity * 5, 2)
            reasons.append(f"similar wording ({similarity:.0%} of words in common)")
        if other.article.origin_key != own_origin:
            score += 0.5
            reasons.append(f"independent origin: {other.article.origin_label}")
        else:
            reasons.append(f"same origin as this claim: {other.article.origin_label}")
        if score > 0.5:
            found.append(
                Candidate(claim=other, score=round(score, 2), reasons=reasons, relation=relation)
            )
    found.sort(key=lambda c: (-c.score, -c.claim.pk))
    return found[:limit]
