"""Writing reference data: brands, forms, goals, claims, interactions, NRV and upper levels.

Each entity has one `<entity>_save` service holding its rules (validation, sanitising, what
its change recomputes), reached from every path: the admin passes the object its form
changed, `<entity>_upsert` (fixtures, API) finds or makes the object by its natural key, or
takes the `instance` whose slug it renames, and passes it on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Model

from ..cache import invalidate_catalog_cache
from ..models import Brand, Form, Goal, HealthClaim, Interaction, Product, ReferenceValue
from .common import assign, by_slug, set_relations, store
from .content import HTML_FIELDS, sanitised
from .recompute import products_recompute

# What of a form goes into its products' stored fields: the fraction into the dose of every
# line given as a compound weight, the slug, names and search words into the search text.
FORM_PRODUCT_FIELDS = (
    "slug",
    "name_nl",
    "name_en",
    "synonyms_nl",
    "synonyms_en",
    "elemental_fraction",
)
# What of a goal goes into its products' search text and keywords.
GOAL_PRODUCT_FIELDS = ("name_nl", "name_en", "synonyms_nl", "synonyms_en")


def _changed(obj: Model, names: Sequence[str]) -> bool:
    """Whether any of `names` differs from the stored row (False for a new object)."""
    if obj.pk is None:
        return False
    stored = type(obj)._default_manager.filter(pk=obj.pk).values(*names).first()
    return stored is not None and any(_differs(stored[name], getattr(obj, name)) for name in names)


def _differs(stored: Any, value: Any) -> bool:
    """A translated text column holds NULL until first set, a form posts "": the same."""
    if stored in (None, "") and value in (None, ""):
        return False
    return bool(stored != value)


@transaction.atomic
def brand_save(*, brand: Brand) -> Brand:
    """Store a brand. Its name is part of its products' search text: a new name recomputes it."""
    renamed = _changed(brand, ("name",))
    store(brand)
    if renamed:
        products_recompute(queryset=Product.objects.filter(brand=brand))
    invalidate_catalog_cache()
    return brand


@transaction.atomic
def brand_upsert(*, slug: str, instance: Brand | None = None, **fields: Any) -> Brand:
    return brand_save(brand=by_slug(Brand, slug, fields, instance))


@transaction.atomic
def form_save(*, form: Form) -> Form:
    """Store a form. A new fraction, slug or name changes the stored dose or search text of
    every product with a line of the form: they are recomputed."""
    changed = _changed(form, FORM_PRODUCT_FIELDS)
    store(form)
    if changed:
        products_recompute(queryset=Product.objects.filter(ingredients__form=form).distinct())
    invalidate_catalog_cache()
    return form


@transaction.atomic
def form_upsert(*, slug: str, instance: Form | None = None, **fields: Any) -> Form:
    return form_save(form=by_slug(Form, slug, fields, instance))


@transaction.atomic
def goal_save(
    *,
    goal: Goal,
    claims: Sequence[HealthClaim] | None = None,
    recommended_forms: Sequence[Form] | None = None,
) -> Goal:
    """Store a goal with its text sanitised; claims and recommended forms, when given,
    replace the goal's. Its names and search words are part of its products' search text
    and keywords: a change recomputes them."""
    html = {name: getattr(goal, name) for name in HTML_FIELDS["goal"]}
    changed = _changed(goal, GOAL_PRODUCT_FIELDS)
    store(assign(goal, sanitised(Goal, html)))
    set_relations(goal, claims=claims, recommended_forms=recommended_forms)
    if changed:
        products_recompute(queryset=Product.objects.filter(goals=goal).distinct())
    invalidate_catalog_cache()
    return goal


@transaction.atomic
def goal_upsert(
    *,
    slug: str,
    instance: Goal | None = None,
    claims: Sequence[HealthClaim] | None = None,
    recommended_forms: Sequence[Form] | None = None,
    **fields: Any,
) -> Goal:
    goal = by_slug(Goal, slug, fields, instance)
    return goal_save(goal=goal, claims=claims, recommended_forms=recommended_forms)


@transaction.atomic
def claim_save(*, claim: HealthClaim) -> HealthClaim:
    store(claim)
    invalidate_catalog_cache()
    return claim


@transaction.atomic
def claim_upsert(*, slug: str, instance: HealthClaim | None = None, **fields: Any) -> HealthClaim:
    return claim_save(claim=by_slug(HealthClaim, slug, fields, instance))


@transaction.atomic
def interaction_save(
    *, interaction: Interaction, forms: Sequence[Form] | None = None
) -> Interaction:
    """Store an interaction; `forms`, when given, replace the forms it concerns."""
    store(interaction)
    set_relations(interaction, forms=forms)
    invalidate_catalog_cache()
    return interaction


@transaction.atomic
def interaction_upsert(
    *,
    slug: str,
    instance: Interaction | None = None,
    forms: Sequence[Form] | None = None,
    **fields: Any,
) -> Interaction:
    return interaction_save(interaction=by_slug(Interaction, slug, fields, instance), forms=forms)


def is_nrv(value: ReferenceValue) -> bool:
    """Whether the value is, or was until this write, an NRV (stored as % NRV on products)."""
    if value.kind == ReferenceValue.Kind.NRV:
        return True
    if value.pk is None:
        return False
    stored = ReferenceValue.objects.filter(pk=value.pk).values_list("kind", flat=True).first()
    return stored == ReferenceValue.Kind.NRV


@transaction.atomic
def reference_value_save(*, value: ReferenceValue) -> ReferenceValue:
    """Store an NRV or upper level. % NRV is stored on every product: an NRV recomputes all."""
    nrv = is_nrv(value)
    store(value)
    # The recompute reads the NRV through the cached reference data: stale it first.
    invalidate_catalog_cache()
    if nrv:
        products_recompute()
    invalidate_catalog_cache()
    return value


@transaction.atomic
def reference_value_upsert(
    *, market: str, kind: str, age_min_years: int, **fields: Any
) -> ReferenceValue:
    lookup = {"market": market, "kind": kind, "age_min_years": age_min_years}
    value = ReferenceValue.objects.filter(**lookup).first() or ReferenceValue(**lookup)
    return reference_value_save(value=assign(value, fields))
