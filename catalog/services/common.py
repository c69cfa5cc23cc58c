"""Steps the write services share: set fields, store an object validated, replace relations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from django.db import connection, transaction
from django.db.models import Model

M = TypeVar("M", bound=Model)


def assign(obj: M, fields: dict[str, Any]) -> M:
    """`obj` with the named fields set (not stored)."""
    for name, value in fields.items():
        setattr(obj, name, value)
    return obj


def by_slug(model: type[M], slug: str, fields: dict[str, Any], instance: M | None = None) -> M:
    """The object with `slug` (a new one when there is none) with `fields` set, not stored.

    With `instance` that object is the one, and `slug` its new slug (a rename): the entity's
    save then sees the slug change like any other.
    """
    if instance is None:
        instance = model._default_manager.filter(slug=slug).first() or model(slug=slug)
    return assign(instance, {**fields, "slug": slug})


def store(obj: M) -> M:
    """Validate (`full_clean`: fields, constraints, uniqueness) and save."""
    obj.full_clean()
    obj.save()
    return obj


def set_relations(obj: Model, **relations: Sequence[Any] | None) -> None:
    """Replace each many-to-many relation given; None leaves a relation as it is."""
    for name, objects in relations.items():
        if objects is not None:
            getattr(obj, name).set(objects)


def replace_children(manager: Any, children: Iterable[Model]) -> None:
    """Delete the objects of a reverse relation and store `children` instead, each validated."""
    manager.all().delete()
    for child in children:
        store(child)


def build_children(model: type[M], items: Iterable[Any], **parent: Any) -> list[M]:
    """One unsaved `model` object per input (a dataclass whose fields are the model's), with
    the `parent` relation set; a `position` left None becomes the input's place in the list."""
    return [
        model(
            **(vars(item) | {"position": index if item.position is None else item.position}),
            **parent,
        )
        for index, item in enumerate(items)
    ]


def bulk_set(model: type[M], objects: Sequence[M], names: Sequence[str], size: int = 2000) -> None:
    """Store the fields `names` of many saved objects, each its own values.

    Django's `bulk_update` builds a `CASE WHEN id = ... THEN ...` per field and row: about
    12 ms of Python a row for a pack, minutes for a price sync of 50,000 packs. On PostgreSQL
    this is one `UPDATE ... FROM (VALUES ...)` statement per `size` rows instead (the values
    as parameters, cast to the columns' types); elsewhere it is `bulk_update`.
    """
    if not objects or not names:
        return
    with transaction.atomic():
        _bulk_set(model, objects, names, size)


def _bulk_set(model: type[M], objects: Sequence[M], names: Sequence[str], size: int) -> None:
    if connection.vendor != "postgresql":
        model._default_manager.bulk_update(objects, list(names), batch_size=500)
        return
    meta = model._meta
    columns: list[Any] = [meta.pk, *(meta.get_field(name) for name in names)]
    quote = connection.ops.quote_name
    row = "(" + ", ".join(f"%s::{f.cast_db_type(connection)}" for f in columns) + ")"
    aliases = ", ".join(quote(f.column) for f in columns)
    assignments = ", ".join(f"{quote(f.column)} = v.{quote(f.column)}" for f in columns[1:])
    pk_column = quote(columns[0].column)
    with connection.cursor() as cursor:
        for start in range(0, len(objects), size):
            chunk = objects[start : start + size]
            params: list[Any] = []
            for obj in chunk:
                params += [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in columns]
            cursor.execute(
                f"UPDATE {quote(meta.db_table)} AS t SET {assignments} "
                f"FROM (VALUES {', '.join([row] * len(chunk))}) AS v ({aliases}) "
                f"WHERE t.{pk_column} = v.{pk_column}",
                params,
            )
