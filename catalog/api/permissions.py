"""Who may do what through the API: reads public, writes by model permission."""

from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly


class ReadOnlyOrModelPermissions(DjangoModelPermissionsOrAnonReadOnly):
    """Reads are public; writes need an authenticated user with the model permission.

    Unlike DRF's default, a GET needs no `view` permission: the catalog is public.
    """
