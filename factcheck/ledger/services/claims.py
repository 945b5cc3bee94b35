"""Claims: marking a span, describing it, and moving it through review.

Rules every write here follows:
- who may do what: Editor (`ledger.add_claim` / `ledger.change_claim`) marks, edits and submits;
  Reviewer (`ledger.review_claim`) also publishes, sends back, rejects, rates and deletes;
  `user=None` is the system (seed loading, re-anchoring) and may do anything;
- every write raises the claim's version through a conditional UPDATE (race-safe on SQLite
  and PostgreSQL), so a save based on an old version is refused with `ClaimConflict`;
- every write is recorded by simple-history with the acting user and, for workflow steps,
  a change reason ("published", "sent back: …") so the admin can show who did what and when;
- after commit, the corroboration service recomputes the claims touched.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ..choices import Bound, ClaimKind, ClaimStatus, Rating
from ..models import Actor, Article, Claim, ClaimLink, Event, Measurement, Topic
from ..permissions import (
    EDIT_CLAIM_PERMISSION,
    can_edit,
    can_review,
    has_permission,
    require_permission,
)
from ..text import anchor_selectors, quote_find, span_resolve
from .corroboration import corroboration_refresh_on_commit

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

QUANTITY_RE = re.compile(r"^[a-z][a-z0-9_]*$")

# Fields claim_update may change; status and rating move only through the workflow steps.
EDITABLE_FIELDS = (
    "article",
    "start",
    "end",
    "quote",
    "claimant",
    "claimant_label",
    "subjects",
    "event",
    "topic",
    "kind",
    "summary",
    "about_start",
    "about_end",
)
# Fields compared when telling an editor what the other editor changed.
CONFLICT_FIELDS = (
    "article",
    "start",
    "end",
    "exact",
    "claimant",
    "claimant_label",
    "event",
    "topic",
    "kind",
    "summary",
    "about_start",
    "about_end",
    "status",
    "rating",
)


class ClaimConflict(Exception):
    """A save based on an old version.

    `.current`: the claim as saved now; `.changes`: {field: (yours, theirs)} for each field the
    other editor changed since your version — `yours` is what you submitted for that field
    (or, if you did not submit it, its value in your version), `theirs` is the saved value.
    """

    def __init__(self, *, current: Claim, changes: dict[str, tuple[Any, Any]], expected: int):
        self.current = current
        self.changes = changes
        self.expected_version = expected
        names = ", ".join(changes) or "its workflow state"
        super().__init__(
            f"This claim was changed by someone else since you opened it (your version "
            f"{expected}, now version {current.version}); they changed: {names}."
        )


def _require(user: AbstractBaseUser | None, perm: str, doing: str) -> None:
    require_permission(user, perm, f"You may not {doing}: that needs the “{perm}” permission.")


def _require_edit(user, claim: Claim) -> None:
    if can_edit(user, claim):
        return
    if claim.status == ClaimStatus.PUBLISHED and has_permission(user, EDIT_CLAIM_PERMISSION):
        raise PermissionDenied(
            "You may not edit a published claim: a reviewer must send it back first."
        )
    raise PermissionDenied("You may not edit claims: that needs the Editor role.")


# ---- validation ---------------------------------------------------------------------------


def _measurement_rows(measurements: Sequence[dict]) -> list[dict]:
    """Validate measurement dicts ({quantity, value, bound, unit?, text?}); errors name the row."""
    rows, errors = [], []
    for n, raw in enumerate(measurements, start=1):
        unknown = set(raw) - {"quantity", "value", "bound", "unit", "text", "id"}
        quantity = str(raw.get("quantity", "")).strip()
        bound = str(raw.get("bound") or Bound.EXACT)
        try:
            value = decimal.Decimal(str(raw.get("value", "")).replace(",", ""))
            if not value.is_finite():
                raise decimal.InvalidOperation
        except (decimal.InvalidOperation, ValueError):
            value = None
        if unknown:
            errors.append(f"measurement {n}: unknown field(s) {', '.join(sorted(unknown))}")
        if not QUANTITY_RE.match(quantity):
            errors.append(
                f"measurement {n}: quantity “{quantity}” must be a lower-case word such as "
                "drones, missiles or people_injured"
            )
        if value is None:
            errors.append(f"measurement {n}: value “{raw.get('value')}” is not a number")
        elif value < 0:
            errors.append(f"measurement {n}: value {value} is negative")
        elif value >= 10**12 or value != value.quantize(decimal.Decimal("0.01")):
            errors.append(f"measurement {n}: value {value} has too many digits")
        if bound not in Bound.values:
            errors.append(
                f"measurement {n}: bound “{bound}” is not one of {', '.join(Bound.values)}"
            )
        if not errors:
            rows.append(
                {
                    "quantity": quantity,
                    "value": value,
                    "bound": bound,
                    "unit": str(raw.get("unit", "")).strip()[:20],
                    "text": str(raw.get("text", "")).strip()[:200],
                }
            )
    if errors:
        raise ValidationError({"measurements": errors})
    return rows


def _check_choices(*, kind: str | None = None) -> None:
    if kind is not None and kind not in ClaimKind.values:
        raise ValidationError(
            {"kind": f"Kind “{kind}” is not one of {', '.join(ClaimKind.values)}."}
        )


def _check_dates(about_start, about_end) -> None:
    if about_start and about_end and about_end < about_start:
        raise ValidationError(
            {"about_end": f"The end ({about_end}) is before the start ({about_start})."}
        )


def _linked_ids(claim_id: int) -> list[int]:
    rows = ClaimLink.objects.filter(Q(from_claim_id=claim_id) | Q(to_claim_id=claim_id))
    return [i for pair in rows.values_list("from_claim_id", "to_claim_id") for i in pair]


# ---- versioning ---------------------------------------------------------------------------


def claim_changes_since(
    *, claim: Claim, version: int, yours: dict[str, Any] | None = None
) -> dict[str, tuple[Any, Any]]:
    """What changed on the claim since `version`: {field: (yours, theirs)}."""
    yours = yours or {}
    base = claim.history.filter(version=version).order_by("-history_date", "-history_id").first()
    changes: dict[str, tuple[Any, Any]] = {}
    if base is None:
        return changes
    for name in CONFLICT_FIELDS:
        field = Claim._meta.get_field(name)
        then, now = getattr(base, field.attname), getattr(claim, field.attname)
        if then != now:
            mine = yours.get("quote" if name == "exact" else name, then)
            if hasattr(mine, "pk"):
                mine = mine.pk
            changes[name] = (mine, now)
    then_subjects = {row.actor_id for row in base.subjects.all()}
    now_subjects = set(claim.subjects.values_list("pk", flat=True))
    if then_subjects != now_subjects:
        mine = yours.get("subjects")
        mine = (
            sorted(getattr(a, "pk", a) for a in mine) if mine is not None else sorted(then_subjects)
        )
        changes["subjects"] = (mine, sorted(now_subjects))
    return changes


def claim_lock(claim: Claim, expected_version: int | None, yours: dict | None = None) -> Claim:
    """Raise the version in one conditional UPDATE; refuse if it moved since `expected_version`.

    Returns the claim reloaded as saved (with the new version), ready to change and save.
    """
    if expected_version is None:
        # No version given (a workflow button, the system): act on whatever is current.
        expected_version = (
            Claim.objects.filter(pk=claim.pk).values_list("version", flat=True).first()
        )
        if expected_version is None:
            raise ValidationError("This claim no longer exists.")
    raised = Claim.objects.filter(pk=claim.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not raised:
        current = Claim.objects.filter(pk=claim.pk).first()
        if current is None:
            raise ValidationError("This claim was deleted by someone else.")
        raise ClaimConflict(
            current=current,
            changes=claim_changes_since(claim=current, version=expected_version, yours=yours),
            expected=expected_version,
        )
    claim.refresh_from_db()
    return claim


def claim_save(claim: Claim, user, fields: Iterable[str], reason: str = "") -> None:
    """Save the changed fields of a locked claim (plus its version) so simple-history records
    who and why. Every write to a claim is ``claim_lock`` then ``claim_save``."""
    claim._history_user = user
    if reason:
        claim._change_reason = reason[:100]
    claim.save(update_fields=sorted({*fields, "version", "updated_at"}))
    for attr in ("_history_user", "_change_reason"):
        claim.__dict__.pop(attr, None)


def _subjects_set(claim: Claim, subjects: Iterable[Actor | int]) -> bool:
    """Replace the subject actors without a history record of their own (the save records it)."""
    wanted = {getattr(a, "pk", a) for a in subjects}
    if set(claim.subjects.values_list("pk", flat=True)) == wanted:
        return False
    if Actor.objects.filter(pk__in=wanted).count() != len(wanted):
        raise ValidationError({"subjects": "One of the subject actors does not exist."})
    claim.skip_history_when_saving = True
    try:
        claim.subjects.set(wanted)
    finally:
        del claim.skip_history_when_saving
    return True


def _measurements_replace(claim: Claim, rows: list[dict], user) -> bool:
    """Make the claim's measurements equal to `rows` (in order), saving only what changed."""
    existing = list(claim.measurements.order_by("id"))
    changed = False
    for index, row in enumerate(rows):
        if index < len(existing):
            current = existing[index]
            diff = [k for k, v in row.items() if getattr(current, k) != v]
            if diff:
                for k in diff:
                    setattr(current, k, row[k])
                current._history_user = user
                current.save(update_fields=diff)
                changed = True
        else:
            m = Measurement(claim=claim, **row)
            m._history_user = user
            m.save()
            changed = True
    for extra in existing[len(rows) :]:
        extra._history_user = user
        extra.delete()
        changed = True
    return changed


# ---- create and edit ------------------------------------------------------------------------


@transaction.atomic
def claim_create(
    *,
    article: Article,
    user: AbstractBaseUser | None,
    start: int | None = None,
    end: int | None = None,
    quote: str = "",
    claimant: Actor | None = None,
    claimant_label: str = "",
    subjects: Iterable[Actor] = (),
    event: Event | None = None,
    topic: Topic | None = None,
    kind: str = ClaimKind.FACTUAL,
    summary: str = "",
    about_start=None,
    about_end=None,
    measurements: Sequence[dict] = (),
    status: str = ClaimStatus.DRAFT,
) -> Claim:
    """Mark a claim on a span of an article (by start/end, or by a quote found in the body)."""
    _require(user, "ledger.add_claim", "mark claims")
    if status not in (ClaimStatus.SUGGESTED, ClaimStatus.DRAFT):
        if status == ClaimStatus.IN_REVIEW:
            _require(user, "ledger.change_claim", "submit claims for review")
        elif status == ClaimStatus.PUBLISHED:
            _require(user, "ledger.review_claim", "publish claims")
        else:
            raise ValidationError(
                {"status": f"A new claim cannot start as “{status}”; use draft or suggested."}
            )
    _check_choices(kind=kind)
    _check_dates(about_start, about_end)
    start, end = span_resolve(body=article.body, start=start, end=end, quote=quote)
    rows = _measurement_rows(measurements)
    now = timezone.now()
    claim = Claim(
        article=article,
        start=start,
        end=end,
        **anchor_selectors(body=article.body, start=start, end=end),
        claimant=claimant,
        claimant_label=" ".join(claimant_label.split())[:200],
        event=event,
        topic=topic,
        kind=kind,
        summary=" ".join(summary.split())[:300],
        about_start=about_start,
        about_end=about_end,
        status=status,
        created_by=user,
        submitted_at=now if status in (ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED) else None,
        published_at=now if status == ClaimStatus.PUBLISHED else None,
    )
    claim._history_user = user
    claim._change_reason = "marked" if status != ClaimStatus.PUBLISHED else "marked and published"
    claim.save()
    del claim._history_user, claim._change_reason
    subjects = list(subjects)
    if subjects:
        _subjects_set(claim, subjects)
    for row in rows:
        m = Measurement(claim=claim, **row)
        m._history_user = user
        m.save()
    if subjects or rows:
        # One more record, after them, so the history's version 1 carries the subject actors
        # and (by date) the measurements: a restore reads measurements as of a claim record.
        claim_save(claim, user, [], "described")
    corroboration_refresh_on_commit([claim.pk])
    return claim


def _check_editable(fields: dict) -> None:
    """Refuse fields claim_update may not change, naming the workflow for status and rating."""
    bad = set(fields) - set(EDITABLE_FIELDS)
    if not bad:
        return
    workflow = bad & {"status", "rating"}
    if workflow:
        raise ValidationError(
            {
                next(iter(workflow)): "Status and rating change only through the workflow "
                "(submit, publish, send back, reject, rate)."
            }
        )
    raise ValidationError(f"These fields cannot be changed here: {', '.join(sorted(bad))}.")


def _span_apply(claim: Claim, fields: dict) -> list[str]:
    """Move the claim's span (and article revision) as `fields` say; pop what it used.

    Returns the names of the fields that changed; a moved span is no longer queued for
    re-anchoring.
    """
    article = fields.pop("article", None) or claim.article
    span_given = any(k in fields for k in ("start", "end", "quote"))
    if not span_given and article.pk == claim.article_id:
        return []
    if article.pk != claim.article_id and article.origin != claim.article.origin:
        raise ValidationError(
            {"article": "A claim can only move to another revision of its own article."}
        )
    if "start" in fields or "end" in fields:
        start, end = span_resolve(
            body=article.body,
            start=fields.pop("start", claim.start),
            end=fields.pop("end", claim.end),
            quote=fields.pop("quote", "") or "",
        )
    elif fields.get("quote"):
        start, end = quote_find(body=article.body, quote=fields.pop("quote"))
    else:
        fields.pop("quote", None)
        start, end = span_resolve(
            body=article.body, start=claim.start, end=claim.end, quote=claim.exact
        )
    changed = []
    new = {
        "article": article,
        "start": start,
        "end": end,
        **anchor_selectors(body=article.body, start=start, end=end),
    }
    for name, value in new.items():
        if getattr(claim, name) != value:
            setattr(claim, name, value)
            changed.append(name)
    if claim.needs_reanchoring:
        claim.needs_reanchoring = False
        claim.anchor_score = 1.0
        changed += ["needs_reanchoring", "anchor_score"]
    return changed


def _description_apply(claim: Claim, fields: dict) -> list[str]:
    """Set the plain description fields (white space folded); return the names that changed."""
    changed = []
    for name in ("claimant_label", "summary"):
        if name in fields:
            fields[name] = " ".join((fields[name] or "").split())
    for name, value in fields.items():
        if getattr(claim, name) != value:
            setattr(claim, name, value)
            changed.append(name)
    _check_dates(claim.about_start, claim.about_end)
    return changed


def _full_clean(claim: Claim) -> None:
    """The model's own field validation, with errors keyed by field."""
    try:
        claim.full_clean(
            exclude=["subjects", "created_by"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as err:
        raise ValidationError(err.message_dict) from err


@transaction.atomic
def claim_update(
    *,
    claim: Claim,
    user: AbstractBaseUser | None,
    expected_version: int,
    measurements: Sequence[dict] | None = None,
    **fields,
) -> Claim:
    """Change a claim's description or span, refusing a save based on an old version."""
    _check_editable(fields)
    _require_edit(user, claim)
    if "kind" in fields:
        _check_choices(kind=fields["kind"])
    rows = _measurement_rows(measurements) if measurements is not None else None

    claim = claim_lock(claim, expected_version, yours=fields)
    _require_edit(user, claim)  # the state may have moved since the caller loaded it
    event_before = claim.event_id

    subjects = fields.pop("subjects", None)
    changed = _span_apply(claim, fields) + _description_apply(claim, fields)
    if subjects is not None and _subjects_set(claim, subjects):
        changed.append("subjects")
    if rows is not None and _measurements_replace(claim, rows, user):
        changed.append("measurements")
    _full_clean(claim)
    claim_save(
        claim,
        user,
        [c for c in changed if c not in ("subjects", "measurements")],
        "edited: " + ", ".join(changed) if changed else "saved unchanged",
    )
    # The claims left on the old event lose this claim's figures: recompute them too.
    corroboration_refresh_on_commit([claim.pk, *_linked_ids(claim.pk)], event_ids=[event_before])
    return claim


@transaction.atomic
def claim_reanchor(
    *, claim: Claim, article: Article, start: int, end: int, score: float, reason: str
) -> Claim:
    """Carry a claim onto another revision of its article, at a span the system found; the
    move is recorded as the system's change. Corroboration is the caller's to refresh."""
    claim = claim_lock(claim, None)
    claim.article = article
    claim.start, claim.end = start, end
    for name, value in anchor_selectors(body=article.body, start=start, end=end).items():
        setattr(claim, name, value)
    claim.needs_reanchoring = False
    claim.anchor_score = score
    claim_save(
        claim,
        None,
        [
            "article",
            "start",
            "end",
            "exact",
            "prefix",
            "suffix",
            "needs_reanchoring",
            "anchor_score",
        ],
        reason,
    )
    return claim


@transaction.atomic
def claim_queue_for_reanchoring(*, claim: Claim, score: float | None, reason: str) -> Claim:
    """Leave a claim where it is, queued for an editor to place again; recorded as the
    system's change."""
    claim = claim_lock(claim, None)
    claim.needs_reanchoring = True
    claim.anchor_score = score
    claim_save(claim, None, ["needs_reanchoring", "anchor_score"], reason)
    return claim


# ---- workflow -----------------------------------------------------------------------------


def _transition(
    *,
    claim: Claim,
    user,
    expected_version: int | None,
    allowed_from: Sequence[str],
    to: str,
    reason: str,
) -> Claim:
    claim = claim_lock(claim, expected_version)
    if claim.status not in allowed_from:
        raise ValidationError(
            {
                "status": f"This claim is {claim.get_status_display().lower()} "
                f"(“{claim.status}”); it cannot become “{to}” from there "
                f"(only from {', '.join(allowed_from)})."
            }
        )
    now = timezone.now()
    claim.status = to
    fields = ["status"]
    if to == ClaimStatus.IN_REVIEW:
        claim.submitted_at = now
        fields.append("submitted_at")
    elif to == ClaimStatus.PUBLISHED:
        claim.published_at = now
        fields.append("published_at")
        if claim.submitted_at is None:
            claim.submitted_at = now
            fields.append("submitted_at")
    elif to in (ClaimStatus.DRAFT, ClaimStatus.REJECTED):
        claim.published_at = None
        claim.submitted_at = None
        fields += ["published_at", "submitted_at"]
    claim_save(claim, user, fields, reason)
    corroboration_refresh_on_commit([claim.pk, *_linked_ids(claim.pk)])
    return claim


@transaction.atomic
def claim_submit(*, claim: Claim, user, expected_version: int | None = None) -> Claim:
    """Send a draft (or an accepted suggestion) to the review queue."""
    _require(user, "ledger.change_claim", "submit claims for review")
    return _transition(
        claim=claim,
        user=user,
        expected_version=expected_version,
        allowed_from=(ClaimStatus.DRAFT, ClaimStatus.SUGGESTED),
        to=ClaimStatus.IN_REVIEW,
        reason="submitted for review",
    )


@transaction.atomic
def claim_publish(*, claim: Claim, user, expected_version: int | None = None) -> Claim:
    """Publish a claim that is in review (reviewers only) from an article with a known outlet."""
    _require(user, "ledger.review_claim", "publish claims")
    if Article.objects.needing_outlet().filter(pk=claim.article_id).exists():
        raise ValidationError(
            {
                "article": "Its article names no outlet yet: choose the outlet on the article's "
                "page before publishing (readers never see an article without one)."
            }
        )
    return _transition(
        claim=claim,
        user=user,
        expected_version=expected_version,
        allowed_from=(ClaimStatus.IN_REVIEW,),
        to=ClaimStatus.PUBLISHED,
        reason="published",
    )


@transaction.atomic
def claim_send_back(
    *, claim: Claim, user, expected_version: int | None = None, note: str = ""
) -> Claim:
    """Return a claim in review, or a published one, to draft (reviewers only)."""
    _require(user, "ledger.review_claim", "send claims back")
    note = " ".join(note.split())
    return _transition(
        claim=claim,
        user=user,
        expected_version=expected_version,
        allowed_from=(ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED),
        to=ClaimStatus.DRAFT,
        reason=f"sent back: {note}" if note else "sent back",
    )


@transaction.atomic
def claim_reject(
    *, claim: Claim, user, expected_version: int | None = None, note: str = ""
) -> Claim:
    """Reject any claim that is not published (reviewers only)."""
    _require(user, "ledger.review_claim", "reject claims")
    note = " ".join(note.split())
    return _transition(
        claim=claim,
        user=user,
        expected_version=expected_version,
        allowed_from=(ClaimStatus.SUGGESTED, ClaimStatus.DRAFT, ClaimStatus.IN_REVIEW),
        to=ClaimStatus.REJECTED,
        reason=f"rejected: {note}" if note else "rejected",
    )


@transaction.atomic
def claim_rate(*, claim: Claim, user, rating: str, expected_version: int | None = None) -> Claim:
    """Set the newsroom's rating of a claim (reviewers only)."""
    _require(user, "ledger.review_claim", "rate claims")
    if rating not in Rating.values:
        raise ValidationError(
            {
                "rating": f"Rating “{rating}” is not one of "
                f"{', '.join(v or '(none)' for v in Rating.values)}."
            }
        )
    claim = claim_lock(claim, expected_version)
    claim.rating = rating
    claim_save(claim, user, ["rating"], f"rated {rating or 'not rated'}")
    corroboration_refresh_on_commit([claim.pk])
    return claim


@transaction.atomic
def claim_delete(*, claim: Claim, user) -> None:
    """Delete an unpublished claim: editors their drafts, suggestions and rejects; reviewers
    any unpublished claim. A published claim must be sent back first."""
    current = Claim.objects.select_for_update().filter(pk=claim.pk).first()
    if current is None:
        return
    deletable = (ClaimStatus.DRAFT, ClaimStatus.SUGGESTED, ClaimStatus.REJECTED)
    if can_review(user):
        deletable += (ClaimStatus.IN_REVIEW,)
    else:
        _require(user, "ledger.change_claim", "delete claims")
    if current.status not in deletable:
        if current.status == ClaimStatus.PUBLISHED:
            raise ValidationError(
                {"status": "A published claim cannot be deleted; send it back first."}
            )
        raise PermissionDenied(
            f"You may not delete a claim that is {current.get_status_display().lower()}; "
            "a reviewer can."
        )
    linked = [i for i in _linked_ids(current.pk) if i != current.pk]
    current._history_user = user
    event_id = current.event_id
    current.delete()
    corroboration_refresh_on_commit(linked, event_ids=[event_id])
