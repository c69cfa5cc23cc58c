"""Create (or bring up to date) the "Catalog editor" and "Catalog viewer" groups."""

from typing import Any

from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q

from catalog import services

EDITOR = "Catalog editor"
VIEWER = "Catalog viewer"

# Editors manage what the shop sells and writes; reference data that decides dose
# verdicts and safety warnings (forms, goals, claims, interactions, reference values)
# is visible to them but changed only by administrators.
EDITOR_MODELS = (
    "product",
    "pack",
    "ingredientline",
    "coingredient",
    "article",
    "articlesection",
    "faqitem",
    "brand",
)
VIEW_MODELS = ("form", "goal", "healthclaim", "interaction", "referencevalue")
ACTIONS = ("add", "change", "delete", "view")


def catalog_permissions(models: tuple[str, ...], actions: tuple[str, ...]) -> list[Permission]:
    codenames = [f"{action}_{model}" for model in models for action in actions]
    return list(
        Permission.objects.filter(content_type__app_label="catalog", codename__in=codenames)
    )


class Command(BaseCommand):
    help = 'Create the "Catalog editor" and "Catalog viewer" groups with their permissions (idempotent).'

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        editor = services.group_permissions_set(
            name=EDITOR,
            permissions=catalog_permissions(EDITOR_MODELS, ACTIONS)
            + catalog_permissions(VIEW_MODELS, ("view",)),
        )
        viewer = services.group_permissions_set(
            name=VIEWER,
            permissions=Permission.objects.filter(
                Q(content_type__app_label="catalog") & Q(codename__startswith="view_")
            ),
        )
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"{EDITOR}: {editor.permissions.count()} permissions; "
                f"{VIEWER}: {viewer.permissions.count()} permissions."
            )
