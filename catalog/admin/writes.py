"""How the admin writes: every save, delete and action goes to `catalog.services`.

Django's ModelAdmin saves the form's object (`save_model`), then its many-to-many fields and
inlines (`save_related`). Here `save_model` writes nothing and `save_related` hands the whole
change to one service (`save_through_services`), inside the transaction Django opens for the
request. The inline formsets are still saved with `commit=False`: that writes nothing but
gives Django the added, changed and deleted objects it names in the history entry.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.db.models import Model, QuerySet
from django.forms import BaseModelFormSet, ModelForm
from django.http import HttpRequest

from catalog import services

T = TypeVar("T")


def log_change(
    request: HttpRequest, objects: list[Any], message: str, action_flag: int = CHANGE
) -> None:
    """One admin history entry per object (the product's history page shows them).

    The history is Django admin's own table (`LogEntry`, as for every admin save), not
    catalog data, so it is written here and not through the services.
    """
    if objects and request.user.is_authenticated:
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=objects,
            action_flag=action_flag,
            change_message=message,
        )


def model_fields(form: ModelForm[Any]) -> dict[str, Any]:
    """The model fields a ModelForm edits, with the values it gave its instance."""
    instance = form.instance
    names = {f.name for f in instance._meta.concrete_fields}
    return {name: getattr(instance, name) for name in form.fields if name in names}


def kept_objects(formset: BaseModelFormSet[Any, Any]) -> list[Any] | None:
    """The inline objects the parent has after the save, in the page's order, unsaved, with
    the posted values: existing ones not marked for deletion, then new ones.

    None when the formset edits nothing (a user who may only view the inline): the relation
    is left as it is.
    """
    if not formset.form.base_fields:
        return None
    deleted = formset.deleted_forms if formset.can_delete else []
    kept = [f for f in formset.initial_forms if f not in deleted]
    kept += [f for f in formset.extra_forms if f.has_changed() and f not in deleted]
    return [f.instance for f in kept]


def inline_inputs(
    formsets: list[Any], model: type[Model], make: Callable[..., T]
) -> list[T] | None:
    """What an inline keeps after the save, as service inputs: `make` (a dataclass such as
    `services.PackInput`) from each kept object's attributes of the same names. None when the
    page has no editable inline for `model`: the relation is left as it is."""
    formset = next((f for f in formsets if f.model is model), None)
    objects = kept_objects(formset) if formset is not None else None
    if objects is None:
        return None
    names = [field.name for field in dataclasses.fields(make)]  # type: ignore[arg-type]
    return [make(**{name: getattr(obj, name) for name in names}) for obj in objects]


class ServiceWrites(admin.ModelAdmin):
    """A ModelAdmin (to mix in first) that saves and deletes through `catalog.services`.

    A plain admin names its service: `save_service(**{service_object: obj}, **relations)`,
    the relations being the many-to-many fields of the form (`service_relations`). An admin
    with inlines overrides `save_through_services`.
    """

    save_service: Callable[..., Any] | None = None
    service_object = ""
    service_relations: tuple[str, ...] = ()

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Nothing yet: `save_related` writes the object with its relations in one service."""

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        for formset in formsets:
            formset.save(commit=False)  # writes nothing; fills new/changed/deleted_objects
        self.save_through_services(request, form, formsets, change)

    def save_through_services(
        self, request: HttpRequest, form: Any, formsets: Any, change: bool
    ) -> None:
        relations = {
            name: form.cleaned_data[name]
            for name in self.service_relations
            if name in form.cleaned_data
        }
        if self.save_service is None:
            raise NotImplementedError(f"{type(self).__name__} names no save_service")
        self.save_service(**{self.service_object: form.instance}, **relations)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        services.object_delete(obj=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        services.objects_delete(queryset=queryset)
