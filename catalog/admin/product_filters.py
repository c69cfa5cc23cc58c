"""The product changelist's own filters: by form, by upper level and by claim wording."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from catalog import selectors
from catalog.models import Form, IngredientLine, Product

from .product_forms import LINTED_FIELDS, copy_issues


class FormFilter(admin.SimpleListFilter):
    title = gettext_lazy("form")
    parameter_name = "form"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(f.slug, str(f)) for f in Form.objects.all()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Product]) -> QuerySet[Product]:
        if not self.value():
            return queryset
        lines = IngredientLine.objects.filter(product=OuterRef("pk"), form__slug=self.value())
        return queryset.filter(Exists(lines))


class ExceedsUlFilter(admin.SimpleListFilter):
    title = gettext_lazy("exceeds upper level")
    parameter_name = "exceeds_ul"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Product]) -> QuerySet[Product]:
        within = selectors.reference.within_ul_q(selectors.reference.default_market())
        if self.value() == "yes":
            return queryset.exclude(within)
        if self.value() == "no":
            return queryset.filter(within)
        return queryset


class ComplianceProblemFilter(admin.SimpleListFilter):
    """Products whose copy uses wording no authorised claim covers (checked in Python)."""

    title = gettext_lazy("claim wording")
    parameter_name = "copy_issues"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("any", gettext_lazy("Has problems")),
            ("blocking", gettext_lazy("Has banned disease claims")),
            ("none", gettext_lazy("No problems")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Product]) -> QuerySet[Product]:
        if self.value() not in ("any", "blocking", "none"):
            return queryset
        flagged = []
        # The changelist queryset carries prefetches for its columns; plain rows are enough here.
        rows = queryset.order_by().prefetch_related(None).values("pk", *LINTED_FIELDS)
        for row in rows.iterator(chunk_size=2000):
            issues = [i for found in copy_issues(row).values() for i in found]
            if (self.value() == "blocking" and any(i.blocking for i in issues)) or (
                self.value() != "blocking" and issues
            ):
                flagged.append(row["pk"])
        if self.value() == "none":
            return queryset.exclude(pk__in=flagged)
        return queryset.filter(pk__in=flagged)
