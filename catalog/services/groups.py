"""Staff groups of the catalog admin and their permissions (`create_catalog_groups`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.db import transaction


@transaction.atomic
def group_permissions_set(*, name: str, permissions: Iterable[Permission]) -> Group:
    """The group called `name` (made when missing) with exactly these permissions."""
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.set(list(permissions))
    return group
