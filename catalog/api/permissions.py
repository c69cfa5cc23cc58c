"""Who may do what through the API: everyone reads, writes need the model permissions."""

from typing import Any

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly
from rest_framework.request import Request


class ReadOnlyOrModelPermissions(DjangoModelPermissionsOrAnonReadOnly):
    """Reads are public; writes need an authenticated user with the model permission.

    Unlike DRF's default, a GET needs no `view` permission: the catalog is public.
    """

    def has_permission(self, request: Request, view: Any) -> bool:
        # A read needs nothing, so nothing is looked up for it (DRF would build the view's
        # queryset on every request just to name the model).
        if request.method in SAFE_METHODS:
            return True
        return super().has_permission(request, view)
