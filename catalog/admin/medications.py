"""The medication names table: what the interaction checker recognises, edited by the
catalog manager (brand names, salts, lay words per substance class, with their source)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from catalog import services
from catalog.models import Interaction, MedicationName

from .writes import ServiceWrites


class MarketFilter(admin.SimpleListFilter):
    """Names used in the Netherlands or in Belgium (a row may name several markets)."""

    title = gettext_lazy("market")
    parameter_name = "market"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("NL", gettext_lazy("Netherlands")), ("BE", gettext_lazy("Belgium"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if value not in ("NL", "BE"):
            return queryset
        return queryset.filter(markets__icontains=value)


class MedicationNameForm(forms.ModelForm):  # type: ignore[type-arg]
    """The substance class as a choice of the catalog's interactions (or none: a look-alike)."""

    substance_class = forms.ChoiceField(
        label=gettext_lazy("substance class"),
        required=False,
        help_text=gettext_lazy(
            "The interaction it means; none for a look-alike, another medicine that must "
            "never match."
        ),
    )

    class Meta:
        model = MedicationName
        fields = (
            "name",
            "substance_class",
            "substance",
            "kind",
            "markets",
            "note_nl",
            "note_en",
            "source",
            "note",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        classes = list(
            Interaction.objects.exclude(kind=Interaction.Kind.CONDITION)
            .order_by("slug")
            .values_list("slug", "name")
        )
        current = self.instance.substance_class
        if current and current not in {slug for slug, _name in classes}:
            classes.append((current, current))
        field = self.fields["substance_class"]
        field.choices = [("", gettext_lazy("— none (look-alike) —")), *classes]  # type: ignore[attr-defined]


@admin.register(MedicationName)
class MedicationNameAdmin(ServiceWrites):
    form = MedicationNameForm
    list_display = ("name", "substance_class", "substance", "kind", "markets", "source")
    list_filter = ("kind", MarketFilter, "substance_class")
    search_fields = ("name", "substance", "substance_class", "source", "note")
    search_help_text = gettext_lazy("Name, substance, class or source.")
    ordering = ("name",)
    list_per_page = 100
    save_service = staticmethod(services.medication_name_save)
    service_object = "medication_name"
