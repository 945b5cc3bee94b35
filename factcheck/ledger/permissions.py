"""Who may do what in the ledger: the one place services, querysets, the API and the admin ask.

The rule rests on Django permissions, never on group names:

* **newsroom** — an active staff account holding ``ledger.view_claim`` (both the Editor and
  the Reviewer group carry it; a superuser holds every permission). Only the newsroom sees
  unpublished records. A staff account without it (say, someone who only manages user
  accounts) reads the ledger like any reader and writes nothing.
* **write** — the newsroom member also holds the model permission for the action,
  ``ledger.<action>_<model>`` (``add``, ``change``, ``delete``).
* **edit a claim** — ``ledger.change_claim``; a published claim also needs review rights.
* **review** — ``ledger.review_claim`` (publish, send back, reject, rate, delete any
  unpublished claim): the Reviewer group.

``user=None`` is the system (seed loading, re-anchoring, commands) and may do anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

from .choices import ClaimStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
    from django.db.models import Model

    from .models import Claim

    User = AbstractBaseUser | AnonymousUser | None

NEWSROOM_PERMISSION = "ledger.view_claim"
REVIEW_PERMISSION = "ledger.review_claim"
EDIT_CLAIM_PERMISSION = "ledger.change_claim"


def is_newsroom(user: User) -> bool:
    """Whether the user may see unpublished records: active staff with the newsroom permission."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm(NEWSROOM_PERMISSION)
    )


def has_permission(user: User, perm: str) -> bool:
    """Whether the user (``None``: the system) may do what ``perm`` names in the ledger."""
    return user is None or (is_newsroom(user) and user.has_perm(perm))


def require_permission(user: User, perm: str, message: str) -> None:
    """Raise PermissionDenied with ``message`` unless the user holds ``perm`` (see above)."""
    if not has_permission(user, perm):
        raise PermissionDenied(message)


def model_permission(model: type[Model] | Model, action: str) -> str:
    """The permission that writes ``model``: ``ledger.change_claimlink`` and the like."""
    opts = model._meta
    return f"{opts.app_label}.{action}_{opts.model_name}"


def can_write(user: User, model: type[Model] | Model, action: str) -> bool:
    """Whether the user may ``add``, ``change`` or ``delete`` records of this model."""
    return has_permission(user, model_permission(model, action))


def require_write(user: User, model: type[Model] | Model, action: str, message: str) -> None:
    """Raise PermissionDenied with ``message`` unless the user may write the model."""
    require_permission(user, model_permission(model, action), message)


def can_review(user: User) -> bool:
    """Whether the user may publish, send back, reject, rate and delete any unpublished claim."""
    return has_permission(user, REVIEW_PERMISSION)


def can_edit(user: User, claim: Claim) -> bool:
    """Editors edit unpublished claims; a published claim needs a reviewer."""
    if not has_permission(user, EDIT_CLAIM_PERMISSION):
        return False
    return claim.status != ClaimStatus.PUBLISHED or can_review(user)
