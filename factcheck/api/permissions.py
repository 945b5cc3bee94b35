"""Who may do what through the API.

Reading is open: each view's queryset limits anonymous and non-newsroom users to published
records. Writing needs a newsroom account (``factcheck.ledger.permissions``) holding the
model permission the view names for the action; the services then apply the workflow rules
(an editor cannot publish, a reviewer can) and answer 403 themselves when they refuse.
"""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission

from factcheck.ledger.permissions import has_permission, is_newsroom


class ReadPublishedWriteEditor(BasePermission):
    """Anyone reads; newsroom staff with the action's model permission write."""

    message = "Only newsroom editors may change the ledger."

    def has_permission(self, request, view) -> bool:
        action = getattr(view, "action", None)
        if request.method in SAFE_METHODS or action in getattr(view, "open_actions", ()):
            return True
        if not is_newsroom(request.user):
            return False
        needed = getattr(view, "write_permissions", {}).get(action)
        if needed is None or has_permission(request.user, needed):
            return True
        self.message = f"You may not do this: it needs the “{needed}” permission."
        return False
