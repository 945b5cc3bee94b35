"""Who may do what through the API."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from factcheck.ledger.querysets import is_newsroom


class ReadPublishedWriteEditor(BasePermission):
    """Anyone reads (querysets limit them to published records); only newsroom staff write."""

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or is_newsroom(request.user)
