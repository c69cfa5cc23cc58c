"""One product as its page and the detail API show it: the product with its relations, dose
table, label texts, claims and related products; and short product lists for pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from .. import compliance, dosing
from ..models import Article, HealthClaim, IngredientLine, Product
from ..models.products import SERVING_UNIT_PLURALS, ServingUnit
from ._sql import keyset_page
from .content import attach_links, linked_content, with_link_ids
from .reference import nrv_mg, product_ul_mg
from .rows import ProductRow, product_rows


def _with_relations(products: QuerySet[Product], *, goals: bool = True) -> QuerySet[Product]:
    """What a summary of model instances needs, in a constant number of queries."""
    products = products.select_related("brand").prefetch_related(
        Prefetch("ingredients", queryset=IngredientLine.objects.select_related("form"))
    )
    return products.prefetch_related("goals") if goals else products


def detail_queryset(*, include_unpublished: bool = False) -> QuerySet[Product]:
    """Published products with everything their page and detail API show; drafts too for the
    answer to a write."""
    products = Product.objects.all() if include_unpublished else Product.objects.published()
    return _with_relations(products).prefetch_related(
        "packs",
        "co_ingredients",
        Prefetch(
            "articles",
            queryset=Article.objects.filter(published=True).only(
                "id", "slug", "title_nl", "title_en", "title"
            ),
        ),
        "goals__claims",
    )


def product_detail(slug: str) -> Product | None:
    """A published product for its page (what `detail_queryset` reads); None when there is
    no such product.

    Its goals (with their claims) and articles come from `content.linked_content`, by the ids
    the product's own query brings: five queries where the prefetches take eight.
    """
    products = _with_relations(Product.objects.published(), goals=False).prefetch_related(
        "packs", "co_ingredients"
    )
    product = with_link_ids(products, "goals", "articles").filter(slug=slug).first()
    if product is not None:
        linked = linked_content()
        attach_links(product, "goals", linked.goals)
        attach_links(product, "articles", linked.articles)
    return product


def related_rows(product: Product, limit: int = 6) -> list[ProductRow]:
    """Published products for the same goal and route of use that bring a form this product
    does not have, best value first (a capsule's page suggests no bath flakes)."""
    goal_ids = [g.id for g in product.goals.all()]
    form_ids = [line.form_id for line in product.ingredients.all()]
    other_form = IngredientLine.objects.filter(product=OuterRef("pk")).exclude(form_id__in=form_ids)
    shares_goal = Product.goals.through.objects.filter(product=OuterRef("pk"), goal_id__in=goal_ids)
    return product_rows(
        Product.objects.published()
        .exclude(pk=product.pk)
        .filter(Exists(shares_goal), Exists(other_form), route=product.route)
        .order_by("price_per_100mg", "id")[:limit]
    )


def products_with_packs_page(
    products: QuerySet[Product], after: int, size: int
) -> tuple[Sequence[Product], int | None]:
    """Products in id order with their brand and packs, a chunk at a time (what a feed of one
    item per pack reads): the next `size` after the id `after`, and the id to go on after
    (None when these were the last)."""
    with_packs = products.select_related("brand").prefetch_related("packs").order_by("pk")
    return keyset_page(
        lambda start: list(with_packs.filter(pk__gt=start)[:size]),
        after,
        size,
        key=lambda product: product.pk,
    )


@dataclass(frozen=True)
class Shelf:
    """Products a page shows in a row of cards, and how many there are in all."""

    rows: list[ProductRow]
    count: int


def shelf(
    products: QuerySet[Product],
    *,
    market: str,
    limit: int | None = None,
    best_value_first: bool = True,
    offset: int = 0,
    count: int | None = None,
) -> Shelf:
    """The published products of `products` as cards (cheapest per 100 mg first, unless the
    queryset's own order is kept), `limit` of them from `offset` on, with their upper-level
    flags; `count` is of them all (counted unless the caller knows it)."""
    ordered = products.filter(published=True)
    if best_value_first:
        ordered = ordered.order_by("price_per_100mg", "id")
    end = offset + limit if limit is not None else None
    rows = product_rows(ordered[offset:end] if offset or end is not None else ordered)
    short = limit is None or len(rows) < limit
    if count is None:
        count = offset + len(rows) if short and (rows or not offset) else ordered.count()
    return Shelf(rows=mark_upper_levels(rows, market), count=count)


def best_value(products: QuerySet[Product], *, market: str, limit: int) -> list[ProductRow]:
    """The first `limit` published products of `products` as cards, cheapest per 100 mg
    first (a shelf without its count: the home page's featured products)."""
    ordered = products.filter(published=True).order_by("price_per_100mg", "id")
    return mark_upper_levels(product_rows(ordered[:limit]), market)


def mark_upper_levels(rows: list[ProductRow], market: str) -> list[ProductRow]:
    """Set `ul_exceeded` on each row whose daily dose is above its market's upper level."""
    for row in rows:
        row.ul_exceeded = compliance.rules_for(row.route).upper_level_flags and dosing.exceeds_ul(
            row.elemental_mg_per_day, product_ul_mg(row, market)
        )
    return rows


def product_claims(product: Product) -> list[HealthClaim]:
    """Authorised claims the product may carry: its goals' claims, only at >= 15 % NRV, and
    none on a product for external use (claims are for foods: `compliance.routes`)."""
    if not compliance.rules_for(product.route).health_claims:
        return []
    if not compliance.may_carry_claims(product.elemental_mg_per_day, nrv_mg()):
        return []
    claims: dict[int, HealthClaim] = {}
    for goal in product.goals.all():
        for claim in goal.claims.all():
            claims.setdefault(claim.id, claim)
    return sorted(claims.values(), key=lambda c: c.slug)


@dataclass(frozen=True)
class DoseRow:
    """One row of a product's dose table: a magnesium form or a co-ingredient."""

    kind: str  # "magnesium" or "co_ingredient"
    form_slug: str | None
    name: str
    compound_mg: Decimal | None
    elemental_mg_per_serving: Decimal | None
    amount_per_day: Decimal
    unit: str
    percent_nrv: int | None


def product_dose_rows(product: Product) -> list[DoseRow]:
    """Magnesium per form (per serving and per day, % NRV), then co-ingredients; names in the
    active language. A product for external use has no % NRV (`compliance.routes`)."""
    nrv = nrv_mg() if compliance.rules_for(product.route).percent_nrv else None
    rows = []
    for line in product.ingredients.all():
        per_serving = dosing.elemental_mg_for_line(dosing.IngredientAmount.of(line))
        per_day = dosing.elemental_mg_per_day(per_serving, product.servings_per_day)
        rows.append(
            DoseRow(
                "magnesium",
                line.form.slug,
                line.form.name,
                line.compound_mg,
                dosing.round_mg(per_serving),
                per_day,
                "mg",
                dosing.percent_nrv(per_day, nrv) if nrv else None,
            )
        )
    for co in product.co_ingredients.all():
        percent = dosing.percent_nrv(co.amount, co.nrv_amount) if co.nrv_amount else None
        rows.append(
            DoseRow("co_ingredient", None, co.name, None, None, co.amount, co.unit, percent)
        )
    return rows


def product_label(product: Product, lang: str) -> list[compliance.LabelText]:
    """The mandatory EU label texts with the product's numbers (compliance.label_texts)."""
    with translation.override(lang):
        unit = ServingUnit(product.serving_unit)
        singular = str(unit.label)
        plural = str(SERVING_UNIT_PLURALS.get(product.serving_unit, unit.label))
        nutrients = [
            compliance.Nutrient(
                name=(_("Magnesium") if row.kind == "magnesium" else row.name)
                + (f" ({row.name})" if row.kind == "magnesium" else ""),
                amount=row.amount_per_day,
                unit=row.unit,
                percent_nrv=row.percent_nrv,
            )
            for row in product_dose_rows(product)
        ]
        if len(product.ingredients.all()) > 1:
            nutrients.insert(
                0,
                compliance.Nutrient(
                    name=str(_("Magnesium, total")),
                    amount=product.elemental_mg_per_day,
                    unit="mg",
                    percent_nrv=product.percent_nrv,
                ),
            )
    return compliance.label_texts(
        compliance.LabelInput(
            serving_size=product.serving_size,
            serving_unit_label=singular,
            serving_unit_label_plural=plural,
            servings_per_day=product.servings_per_day,
            nutrients=nutrients,
            children_product=compliance.is_children_product(product.min_age_years),
            route=product.route,
            sweeteners=product.sweetener_list,
        ),
        lang,
    )


def summary_row(product: Product) -> ProductRow:
    """The summary row of a product read by `product_detail`."""
    return ProductRow.of_product(product)
